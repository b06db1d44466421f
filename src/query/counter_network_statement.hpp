#pragma once
// COUNTER-NETWORK, for the query language and the CLI's counter-network command alike.
#include "query/results.hpp"
#include "query/view_request.hpp"

#include <string>
#include <vector>

namespace tg::query {

struct CounterNetworkRequest {
    std::vector<std::string> coalition, threats, targets, via, cooperation; // kinds and relation types; empty: the defaults
    ViewRequest view;                                                       // its minimum confidence and date apply
};

CounterNetworkFound find_counter_network(const KnowledgeGraph& graph, const CounterNetworkRequest& request);

} // namespace tg::query
