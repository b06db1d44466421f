#pragma once
// Key players over uncertain worlds: how well the set chosen on the whole network holds up when
// relations fail with their confidence, and how often each entity belongs to the set each world
// would choose for itself.
#include "analysis/keyplayers.hpp"
#include "analysis/uncertainty.hpp"

#include <vector>

namespace tg {

struct KeyPlayerWorlds {
    Spread set_score;                  // `set`'s score in each world (median and 90% interval; no top share)
    std::vector<double> membership;    // by vertex: the share of worlds whose own key-player set holds it
    std::size_t exhaustive_worlds = 0; // worlds in which every set was tried
    std::size_t searched_worlds = 0;   // worlds with a relation left to search
};

// In each world the search is key_players from one seeded order, with the exhaustive budget of
// `options` shared out among the worlds (so that N worlds cost about what N greedy searches
// cost): every set is tried in a world only where that is cheap.
KeyPlayerWorlds key_players_over_worlds(const View& view, const std::vector<Vertex32>& set, const KeyPlayerOptions& options,
                                        const WorldOptions& worlds);

} // namespace tg
