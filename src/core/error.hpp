#pragma once
// The library's exceptions. The CLI catches them once and maps each class to an exit code:
// UsageError 2, DataError and QueryError 1, IoError 3, InternalError 70, Interrupted 130.
#include "core/diagnostic.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace tg {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::string hint = {})
        : std::runtime_error(message), hint_(std::move(hint)) {}
    // What the user can do about it, or empty.
    const std::string& hint() const { return hint_; }

private:
    std::string hint_;
};

class UsageError : public Error {
public:
    using Error::Error;
};

class IoError : public Error {
public:
    using Error::Error;
};

class InternalError : public Error {
public:
    using Error::Error;
};

class QueryError : public Error {
public:
    using Error::Error;
};

// The user asked a long computation to stop (Ctrl-C).
class Interrupted : public Error {
public:
    using Error::Error;
};

// Bad input data; carries every problem found, not only the first.
class DataError : public Error {
public:
    explicit DataError(std::vector<Diagnostic> diagnostics);
    DataError(const std::string& message, std::vector<Diagnostic> diagnostics);
    explicit DataError(const std::string& message, std::string hint = {});

    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// Summary line such as "3 errors, 1 warning".
std::string diagnostic_counts(const std::vector<Diagnostic>& diagnostics);

} // namespace tg
