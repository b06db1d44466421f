#pragma once
// KEYPLAYERS, for the query language and the CLI's keyplayers command alike: the few entities
// whose removal most fragments the network, or that reach the most others (Borgatti 2006).
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"
#include "query/worlds.hpp"

#include <cstdint>
#include <string>

namespace tg::query {

struct KeyPlayersRequest {
    std::size_t k = 0;
    std::string objective = "fragmentation";
    std::size_t steps = 1;
    std::uint64_t seed = 0;
    std::size_t restarts = 0; // 0: 5 up to 10,000 entities, 1 above
    ViewRequest view;
    WorldRequest worlds; // its seed is `seed`
};

KeyPlayersFound find_key_players(const KnowledgeGraph& graph, const KeyPlayersRequest& request, const RunHooks& hooks = {});

} // namespace tg::query
