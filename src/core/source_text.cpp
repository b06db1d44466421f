#include "core/source_text.hpp"

#include <algorithm>

namespace tg {

namespace {
bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }
} // namespace

SourceText::SourceText(std::string name, std::string content) : name_(std::move(name)), content_(std::move(content)) {}

LineColumn SourceText::position(std::size_t offset) const {
    offset = std::min(offset, content_.size());
    LineColumn at;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(content_[i]);
        if (c == '\n') {
            ++at.line;
            at.column = 1;
        } else if (!is_continuation_byte(c)) {
            ++at.column;
        }
    }
    return at;
}

std::string_view SourceText::line_at(std::size_t offset) const {
    const std::string_view all(content_);
    offset = std::min(offset, all.size());
    std::size_t start = 0;
    if (offset > 0) {
        const auto newline = all.rfind('\n', offset - 1);
        if (newline != std::string_view::npos) start = newline + 1;
    }
    auto end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    auto line = all.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

} // namespace tg
