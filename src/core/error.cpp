#include "core/error.hpp"

#include <algorithm>

namespace tg {

namespace {

constexpr char kMark = '\x1F'; // around a parameter's name: no text a user writes holds it

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + ' ' + word + (n == 1 ? "" : "s"); }
} // namespace

std::string bare_name(std::string_view name) { return std::string(name); }

std::string parameter(std::string_view name) {
    std::string out(1, kMark);
    out += name;
    out += kMark;
    return out;
}

std::string spell_parameters(std::string_view text, Spelling spell) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto open = text.find(kMark, at);
        const auto close = open == std::string_view::npos ? open : text.find(kMark, open + 1);
        if (close == std::string_view::npos) {
            out += text.substr(at);
            break;
        }
        out += text.substr(at, open - at);
        out += spell(text.substr(open + 1, close - open - 1));
        at = close + 1;
    }
    return out;
}

Error::Error(const std::string& message, std::string hint)
    : std::runtime_error(spell_parameters(message, bare_name)), message_(message), raw_hint_(std::move(hint)),
      hint_(spell_parameters(raw_hint_, bare_name)) {}

std::string diagnostic_counts(const std::vector<Diagnostic>& diagnostics) {
    const auto errors = count_errors(diagnostics);
    const auto warnings = static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return d.severity == Severity::warning; }));
    return plural(errors, "error") + ", " + plural(warnings, "warning");
}

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : Error("invalid data: " + diagnostic_counts(diagnostics)), diagnostics_(std::move(diagnostics)) {}

DataError::DataError(const std::string& message, std::vector<Diagnostic> diagnostics)
    : Error(message), diagnostics_(std::move(diagnostics)) {}

DataError::DataError(const std::string& message, std::string hint) : Error(message, std::move(hint)) {}

void fail_at(const SourceTextPtr& source, std::size_t offset, std::string code, std::string message, std::string hint) {
    throw DataError({{Severity::error, source, {}, offset, 1, std::move(code), std::move(message), std::move(hint)}});
}

} // namespace tg
