#pragma once
// PATHS, for the query language and the CLI's paths command alike: the shortest, the k shortest
// (Yen) or every simple path between two entities, by default through the threat lens when both
// are threats, and with Monte-Carlo worlds how often the second is reached.
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"
#include "query/worlds.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace tg::query {

// Yen's search runs a shortest-path search per hop of every path found: k is bounded so that a
// mistyped count cannot run for hours.
constexpr std::size_t kMostShortestPaths = 1000;

struct PathsRequest {
    std::string from, to;
    std::size_t k = 1;
    std::size_t max_hops = 0; // 0: no limit
    bool all = false;         // every simple path within max_hops, at most cap of them
    std::size_t cap = 100;
    std::string direction = "out";
    std::vector<std::string> through; // kinds allowed as intermediates; empty: any
    ViewRequest view;
    WorldRequest worlds;
};

// ParameterError for k outside 1 to kMostShortestPaths, ALL without max_hops, or the same entity
// at both ends; DataError for an entity outside the view or no path between the two. Notes (a
// cut list, certain relations) go to hooks.note.
PathsFound find_paths(const KnowledgeGraph& graph, const PathsRequest& request, const RunHooks& hooks = {});

} // namespace tg::query
