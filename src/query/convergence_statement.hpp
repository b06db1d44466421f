#pragma once
// CONVERGENCE, for the query language and the CLI's convergence command alike: where crime and
// terror meet.
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"
#include "query/worlds.hpp"

#include <string>
#include <vector>

namespace tg::query {

struct ConvergenceRequest {
    std::vector<std::string> domains; // empty: every domain the graph's actors carry
    std::string group_by;             // group actors by this attribute instead of their domains
    std::size_t top = 15;
    bool directed = false; // along the arrows; else ties read both ways
    ViewRequest view;
    WorldRequest worlds;
};

// The view the request looks at (read without direction unless `directed`); the CLI draws its
// nexus from it.
View convergence_view(const GraphSnapshot& snapshot, const ConvergenceRequest& request);

ConvergenceFound find_convergence(const View& view, const ConvergenceRequest& request, const RunHooks& hooks = {});

} // namespace tg::query
