#pragma once
// COMMUNITIES and SEARCH, for the query language and the CLI's commands alike.
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"

#include <cstdint>
#include <string>

namespace tg::query {

struct CommunitiesRequest {
    std::string method = "louvain"; // or "girvan-newman"
    std::uint64_t seed = 0;
    std::size_t max_levels = 1000; // Girvan-Newman's splits examined
    ViewRequest view;
};

// ParameterError for an unknown method.
CommunitiesFound find_communities(const KnowledgeGraph& graph, const CommunitiesRequest& request, const RunHooks& hooks = {});

struct SearchRequest {
    std::string text;
    std::size_t limit = 10;
};

// ParameterError for a limit of 0.
MatchesFound find_matches(const KnowledgeGraph& graph, const SearchRequest& request);

} // namespace tg::query
