#pragma once
// Runs bound statements on a graph and returns what each found as a typed result, with no
// front end involved; query/result_writer prints a result as text, JSON or CSV. Selections made
// by LET live here, as masks over the graph's entities and relations, for the executor's life
// (a prompt's whole session).
//
// The statements it runs so far: LET (every selection: SELECT, FIND, NEIGHBORS, CONNECT, PATHS),
// FIND, SEARCH, CENTRALITY, STRUCTURE, COMMUNITIES, KEYPLAYERS, CONVERGENCE, COUNTER-NETWORK, NEIGHBORS and CONNECT. The CLI's query runner runs the others through the commands' code, with the view
// request this executor makes for them (selections and WHERE included).
#include "model/knowledge_graph.hpp"
#include "query/binder.hpp"
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tg::query {

class Executor {
public:
    // `hooks` hear of long computations (structure's path lengths, Girvan-Newman, worlds) and
    // of notes worth giving.
    explicit Executor(const KnowledgeGraph& graph, RunHooks hooks = {}) : graph_(graph), hooks_(std::move(hooks)) {}

    // Whether run() takes the statement (else its front end runs it, with view_request()).
    static bool runs(const BoundStatement& b);
    // Throws DataError when the statement cannot run on this graph (an entity outside the view,
    // no path between two entities), QueryError for a SELECT with no LET.
    StatementResult run(const BoundStatement& b);

    // The part of the graph a statement looks at: its clauses, the selection it runs IN, its
    // WHERE; and the command's default lens (threat for CONVERGENCE, and for PATHS and CONNECT
    // between threats).
    ViewRequest view_request(const BoundStatement& b) const;

    // The selections made so far, by name.
    std::vector<std::string> selection_names() const;

private:
    struct Selection {
        std::vector<std::uint8_t> entities, relations; // 1: kept
    };
    Selection select(const BoundStatement& b) const;

    const KnowledgeGraph& graph_;
    RunHooks hooks_;
    std::map<std::string, Selection> selections_;
};

} // namespace tg::query
