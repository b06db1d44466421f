#pragma once
// The text of one input file, kept so that a byte offset can become line:column and the
// offending line can be shown under a diagnostic.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace tg {

struct LineColumn {
    std::size_t line = 1;   // 1-based
    std::size_t column = 1; // 1-based, counted in UTF-8 code points
};

class SourceText {
public:
    SourceText(std::string name, std::string content);

    const std::string& name() const { return name_; }
    const std::string& content() const { return content_; }

    // Position of a byte offset; offsets past the end map to the end.
    LineColumn position(std::size_t offset) const;
    // The line holding the offset, without its line break.
    std::string_view line_at(std::size_t offset) const;

private:
    std::string name_;
    std::string content_;
};

using SourceTextPtr = std::shared_ptr<const SourceText>;

} // namespace tg
