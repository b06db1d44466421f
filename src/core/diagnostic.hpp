#pragma once
// A problem found in an input, positioned by byte offset and printed as
// file:line:column the way editors and compilers do.
#include "core/source_text.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace tg {

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceTextPtr source;   // may be null when the problem has no file (e.g. a missing folder)
    std::string file;       // used when source is null
    std::size_t offset = 0; // byte offset into source
    std::size_t length = 0; // bytes to underline; 0 underlines one character
    std::string code;       // stable, kebab-case identifier, e.g. "unknown-kind"
    std::string message;    // starts lower-case, quotes the offending value
    std::string hint;       // what to do, or empty

    std::string file_name() const;
    LineColumn position() const;
};

// `file:line:col: error: message [code]`, the source line with a caret, and the hint.
std::string format_diagnostic(const Diagnostic& d, bool with_excerpt = true);

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics);

} // namespace tg
