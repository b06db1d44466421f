#pragma once
// What the parser makes of a query file: statements of a verb, its arguments and its clauses,
// and filter expressions, each piece with the byte offset it came from.
#include "core/source_text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tg::query {

// A name, a quoted string or a number as written.
struct Literal {
    std::string text;             // decoded for strings
    std::optional<double> number; // for a number token
    bool quoted = false;
    std::size_t offset = 0, length = 0;
};

// A filter: comparisons joined by AND, OR and NOT.
struct Expr {
    enum class Op { all, any, negate, compare };
    Op op = Op::compare;
    std::vector<Expr> children; // all (AND), any (OR), negate (one child)
    std::string field;          // compare: lower-cased field name
    std::size_t offset = 0, length = 0;
    std::string comparison;      // = != < <= > >= ~ in "not in"
    std::vector<Literal> values; // one, or the list of IN
};

struct Clause {
    std::string keyword; // canonical, lower case, words joined by one space ("max hops")
    std::size_t offset = 0, length = 0;
    std::vector<Literal> values;
    std::optional<Expr> expression;
};

struct Statement {
    std::string assign_to; // LET NAME = ...; empty otherwise
    std::size_t assign_offset = 0;
    std::string verb; // canonical, lower case
    std::size_t offset = 0, length = 0;
    std::vector<Literal> arguments;
    std::vector<Clause> clauses;
    std::size_t begin = 0, end = 0; // the statement's span in the file, from its first token to the end of its last

    const Clause* clause(const std::string& keyword) const {
        for (const auto& c : clauses)
            if (c.keyword == keyword) return &c;
        return nullptr;
    }
};

struct QueryFile {
    SourceTextPtr source;
    std::vector<Statement> statements;
    // LET names of statements that could not be read: known, so that their use is no second error.
    std::vector<std::string> broken_selections;
};

} // namespace tg::query
