#include "core/diagnostic.hpp"

#include <algorithm>

namespace tg {

namespace {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::note:
            return "note";
    }
    return "error";
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++width;
    return width;
}

} // namespace

std::string Diagnostic::file_name() const { return source ? source->name() : file; }

LineColumn Diagnostic::position() const { return source ? source->position(offset) : LineColumn{}; }

std::string format_diagnostic(const Diagnostic& d, bool with_excerpt) {
    std::string out = d.file_name();
    if (d.source) {
        const auto at = d.position();
        out += ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
    }
    out += std::string(": ") + severity_name(d.severity) + ": " + d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    out += '\n';
    if (with_excerpt && d.source && !d.source->content().empty()) {
        const auto at = d.position();
        auto line = d.source->line_at(d.offset);
        constexpr std::size_t kMaxShown = 160;
        std::size_t skip = 0;
        if (at.column > kMaxShown / 2 && display_width(line) > kMaxShown) {
            // Long lines (minified JSON) are shown around the column only.
            std::size_t cp = 0, i = 0;
            while (i < line.size() && cp + kMaxShown / 2 < at.column) {
                if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++cp;
                ++i;
            }
            while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
            skip = cp > 0 ? cp - 1 : 0;
            line.remove_prefix(i);
        }
        std::size_t shown_end = 0, cps = 0;
        while (shown_end < line.size() && cps < kMaxShown) {
            ++shown_end;
            while (shown_end < line.size() && (static_cast<unsigned char>(line[shown_end]) & 0xC0) == 0x80) ++shown_end;
            ++cps;
        }
        std::string shown(line.substr(0, shown_end));
        for (auto& c : shown)
            if (c == '\t') c = ' ';
        const std::string number = std::to_string(at.line);
        out += ' ' + number + " | " + shown + '\n';
        out += std::string(number.size() + 1, ' ') + " | ";
        const std::size_t caret_at = at.column - 1 - skip;
        out += std::string(std::min(caret_at, cps), ' ') + '^';
        if (d.length > 1 && d.source) {
            std::string_view span(d.source->content());
            span = span.substr(d.offset, d.length);
            const auto newline = span.find('\n');
            if (newline != std::string_view::npos) span = span.substr(0, newline);
            const std::size_t width = display_width(span);
            if (width > 1) out += std::string(std::min<std::size_t>(width - 1, kMaxShown), '~');
        }
        out += '\n';
    }
    if (!d.hint.empty()) out += "hint: " + d.hint + '\n';
    return out;
}

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics) {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

} // namespace tg
