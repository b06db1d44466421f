#include "core/error.hpp"

#include <algorithm>

namespace tg {

namespace {
std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + ' ' + word + (n == 1 ? "" : "s");
}
} // namespace

std::string diagnostic_counts(const std::vector<Diagnostic>& diagnostics) {
    const auto errors = count_errors(diagnostics);
    const auto warnings = static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::warning; }));
    return plural(errors, "error") + ", " + plural(warnings, "warning");
}

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : Error("invalid data: " + diagnostic_counts(diagnostics)), diagnostics_(std::move(diagnostics)) {}

DataError::DataError(const std::string& message, std::vector<Diagnostic> diagnostics)
    : Error(message), diagnostics_(std::move(diagnostics)) {}

DataError::DataError(const std::string& message, std::string hint)
    : Error(message, std::move(hint)) {}

} // namespace tg
