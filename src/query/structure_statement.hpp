#pragma once
// STRUCTURE, for the query language and the CLI's structure command alike.
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"

namespace tg::query {

struct StructureRequest {
    bool exact = false; // path lengths from every source, however long it takes
    ViewRequest view;
};

StructureFound find_structure(const KnowledgeGraph& graph, const StructureRequest& request, const RunHooks& hooks = {});

} // namespace tg::query
