#pragma once
// The words, names, numbers and symbols of a query file. A statement ends at ";" or at the end
// of a line, unless the next line is indented (a continuation). Curly quotes delimit strings
// as straight ones do.
// Comments run from "#" or "--" to the end of the line. A problem (an unterminated string, a
// character the language has no use for) becomes a diagnostic and an `illegal` token, so that
// the parser can go on and report everything at once.
#include "core/diagnostic.hpp"

#include <string>
#include <vector>

namespace tg::query {

enum class TokenKind {
    word,    // a keyword or a name: letters, digits, "_", "-" and "."; also dates (2018-06-05)
    string,  // "..." or '...', with \" \' \\ \n \t escapes; text holds the decoded content
    number,  // 12, 0.5, -3, 1e-3
    symbol,  // = != < <= > >= ~ ( ) , * ;
    end,     // the end of a statement
    illegal, // what could not be read; a diagnostic says why
};

struct Token {
    TokenKind kind = TokenKind::end;
    std::string text;
    std::size_t offset = 0;
    std::size_t length = 0;
    double number = 0;
};

// Every token, each statement followed by an `end` token (also at the end of the file).
std::vector<Token> tokenize(const SourceTextPtr& source, std::vector<Diagnostic>& diagnostics);

} // namespace tg::query
