#pragma once
// Runs bound statements on a graph and returns what each found as a typed result, with no
// front end involved; query/result_writer prints a result as text, JSON or CSV. Selections made
// by LET live here, as masks over the graph's entities and relations, for the executor's life
// (a prompt's whole session).
//
// It runs every statement of the language. EXPORT, RENDER and DISRUPT's CHART write their files
// inside the output folder (never outside it, never through a symbolic link, never over a file
// this process read).
#include "model/knowledge_graph.hpp"
#include "query/binder.hpp"
#include "query/drawings.hpp"
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tg::query {

struct ExecutorSetup {
    GraphOrigin origin;              // what SUMMARY says the graph is
    std::string output_folder = "."; // where EXPORT, RENDER and CHART write
    // Hear of long computations (structure's path lengths, Girvan-Newman, worlds), of notes
    // worth giving and of files written.
    RunHooks hooks;
    // The drawing engine RENDER, EXPORT AS dot and CHART use (render/graphviz_drawings.hpp's);
    // none: they are refused.
    std::shared_ptr<const Drawings> drawings;
};

class Executor {
public:
    explicit Executor(const KnowledgeGraph& graph, ExecutorSetup setup = {}) : graph_(graph), setup_(std::move(setup)) {}

    // Throws DataError when the statement cannot run on this graph (an entity outside the view,
    // no path between two entities), ParameterError for a value the analysis refuses, QueryError
    // for a SELECT with no LET.
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
    ExecutorSetup setup_;
    std::map<std::string, Selection> selections_;
};

} // namespace tg::query
