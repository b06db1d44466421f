#pragma once
// CENTRALITY, for the query language and the CLI's centrality command alike.
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"
#include "query/worlds.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tg::query {

struct CentralityRequest {
    std::string measure = "degree";
    std::size_t top = 0;     // 0: every entity
    bool raw = false;        // betweenness without NetworkX's normalization
    std::size_t samples = 0; // betweenness from this many sampled sources
    std::uint64_t seed = 0;
    double alpha = -1;                        // -1: the measure's default
    std::vector<std::string> personalization; // PageRank restarts: NAME or NAME=WEIGHT
    ViewRequest view;
    WorldRequest worlds; // its seed is `seed`
};

// ParameterError for an unknown measure or a parameter the measure does not take; DataError for
// an empty view or a name outside it.
RankingFound find_centrality(const KnowledgeGraph& graph, const CentralityRequest& request, const RunHooks& hooks = {});

} // namespace tg::query
