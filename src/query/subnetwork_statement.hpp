#pragma once
// NEIGHBORS and CONNECT, for the query language and the CLI's ego and connect commands alike:
// everything within a few hops of one entity, and i2's Find Connecting Network (the union of
// the shortest paths between every pair of the entities named).
#include "query/results.hpp"
#include "query/view_request.hpp"

#include <string>
#include <vector>

namespace tg::query {

struct EgoRequest {
    std::string entity;
    std::size_t depth = 1;
    std::string direction = "any";
    ViewRequest view;
};

struct ConnectRequest {
    std::vector<std::string> members;
    std::string direction = "any";
    std::vector<std::string> through; // kinds allowed as intermediates; empty: any
    std::size_t max_hops = 0;         // 0: no limit
    ViewRequest view;
};

// ParameterError for a depth of 0; DataError for an entity outside the view.
SubnetworkFound find_ego_network(const KnowledgeGraph& graph, const EgoRequest& request);

// ParameterError for fewer than two members or one named twice; DataError when no path joins
// any two of them.
SubnetworkFound find_connecting_network(const KnowledgeGraph& graph, const ConnectRequest& request);

} // namespace tg::query
