#pragma once
// The library's exceptions. The CLI catches them once and maps each class to an exit code:
// UsageError 2, DataError and QueryError 1, IoError 3, InternalError 70, Interrupted 130.
#include "core/diagnostic.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tg {

// A parameter of the library named in a message or a hint: parameter("k") + " must be at least
// 1". As thrown (what(), hint()) the message reads the bare name, "k must be at least 1"; a front
// end shows it in its own words through Error::message(spelling): the CLI "--k must be at least
// 1", the query language "K must be at least 1". Names are the options' field names.
std::string parameter(std::string_view name);
// How a front end writes a parameter's name.
using Spelling = std::string (*)(std::string_view name);
// The bare name: how a parameter reads to a library user (what() and hint() use it).
std::string bare_name(std::string_view name);
// `text` with every parameter() in it written by `spell`.
std::string spell_parameters(std::string_view text, Spelling spell);

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::string hint = {});
    // What the user can do about it, or empty.
    const std::string& hint() const { return hint_; }
    // The message and the hint with the parameters they name in a front end's words.
    std::string message(Spelling spell) const { return spell_parameters(message_, spell); }
    std::string hint(Spelling spell) const { return spell_parameters(raw_hint_, spell); }

private:
    std::string message_, raw_hint_, hint_;
};

class UsageError : public Error {
public:
    using Error::Error;
};

// A parameter outside what the analysis accepts (named with parameter()).
class ParameterError : public UsageError {
public:
    using UsageError::UsageError;
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

// Throws a DataError holding one error at `offset` in `source`: how a reader refuses a file at
// the word that is wrong.
[[noreturn]] void fail_at(const SourceTextPtr& source, std::size_t offset, std::string code, std::string message, std::string hint = {});

// Summary line such as "3 errors, 1 warning".
std::string diagnostic_counts(const std::vector<Diagnostic>& diagnostics);

} // namespace tg
