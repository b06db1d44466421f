#include "analysis/keyplayer_worlds.hpp"

#include "core/error.hpp"

#include <algorithm>

namespace tg {

KeyPlayerWorlds key_players_over_worlds(const View& view, const std::vector<Vertex32>& set, const KeyPlayerOptions& options,
                                        const WorldOptions& worlds) {
    KeyPlayerOptions in_world = options;
    in_world.restarts = 1;
    in_world.exhaustive_work = options.exhaustive_work / static_cast<double>(std::max<std::size_t>(worlds.worlds, 1));
    in_world.progress = {};
    in_world.meter = {};
    std::vector<double> score(worlds.worlds, kNoScore);
    std::vector<std::vector<Vertex32>> chosen(worlds.worlds);
    std::vector<std::uint8_t> exhaustive(worlds.worlds, 0);
    for_each_world(view, worlds, [&](std::size_t w, const View& world) {
        score[w] = key_player_score(world, set, options.objective, options.steps);
        if (relations_in(world).empty()) return; // nothing left to search: no set of its own
        const auto best = key_players(world, in_world);
        for (const auto& m : best.members) chosen[w].push_back(m.vertex);
        exhaustive[w] = best.exhaustive;
    });
    KeyPlayerWorlds out;
    out.set_score = spread_of(score);
    out.membership.assign(view.vertex_count(), 0.0);
    for (std::size_t w = 0; w < worlds.worlds; ++w) {
        if (chosen[w].empty()) continue;
        ++out.searched_worlds;
        out.exhaustive_worlds += exhaustive[w];
        for (auto v : chosen[w]) out.membership[v] += 1;
    }
    for (auto& m : out.membership) m /= static_cast<double>(std::max<std::size_t>(out.searched_worlds, 1));
    return out;
}

} // namespace tg
