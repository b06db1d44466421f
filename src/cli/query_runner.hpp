#pragma once
// Runs a bound query statement by statement through the query executor, drawing with Graphviz,
// and prints each result with the result writer the commands use, so that a statement prints
// what its command prints. Selections made by LET live in the executor. A statement that fails
// at run time stops the query with an error at the statement's place, in the query's words.
#include "cli/context.hpp"
#include "query/binder.hpp"
#include "query/executor.hpp"

#include <string>
#include <vector>

namespace tg::cli {

class QueryRunner {
public:
    // Files a query writes go under `out_dir`.
    QueryRunner(Context& context, std::string out_dir);

    // Runs every statement; returns the output (text: each statement under a "-- statement"
    // heading; json: an array of {statement, line, result}; csv: the results one after another).
    // Selections made by LET stay for the runner's life (the prompt's session). When a statement
    // fails, what the statements before it printed is left in `partial`, then DataError is thrown.
    // Several files run as one query: one output, one JSON array.
    std::string run(const std::vector<const query::BoundQuery*>& queries, std::string* partial = nullptr);
    std::vector<std::string> selection_names() const;

private:
    struct Result {
        const query::BoundQuery* query;
        const query::BoundStatement* statement;
        std::string output;
    };
    std::string run_statement(const query::BoundStatement& b);
    std::string format(const std::vector<Result>& results) const;

    Context& context_;
    query::Executor executor_;
};

} // namespace tg::cli
