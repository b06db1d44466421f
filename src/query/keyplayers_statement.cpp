#include "query/keyplayers_statement.hpp"

#include "analysis/cohesion.hpp"

#include <algorithm>

namespace tg::query {

KeyPlayersFound find_key_players(const KnowledgeGraph& graph, const KeyPlayersRequest& args, const RunHooks& hooks) {
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops").undirected();
    KeyPlayerOptions options;
    options.k = args.k;
    options.objective = parse_key_player_objective(args.objective);
    options.steps = args.steps;
    options.seed = args.seed;
    options.restarts = args.restarts;
    options.progress = hooks.progress;
    options.meter = hooks.meter;
    KeyPlayersFound found;
    found.k = args.k;
    found.steps = args.steps;
    found.objective = args.objective;
    found.seed = args.seed;
    found.lens = lens_name(lens_of(args.view, graph.ontology()));
    found.lens_line = lens_line(args.view, graph.ontology());
    found.entities = view.active_count();
    found.set = key_players(view, options);
    found.baseline = key_player_score(view, {}, options.objective, options.steps);
    found.reach = options.objective == KeyPlayerObjective::reach;
    found.worlds = args.worlds;
    found.worlds.seed = args.seed;
    if (found.worlds.worlds) {
        if (const auto note = certainty_note(view); !note.empty() && hooks.note) hooks.note(note);
        std::vector<Vertex32> chosen;
        for (const auto& m : found.set.members) chosen.push_back(m.vertex);
        found.over_worlds = key_players_over_worlds(view, chosen, options, world_options(found.worlds, hooks.meter));
        const auto& membership = found.over_worlds.membership;
        for (Vertex32 v = 0; v < view.vertex_count(); ++v)
            if (membership[v] > 0) found.members_somewhere.push_back(v);
        std::sort(found.members_somewhere.begin(), found.members_somewhere.end(), [&](Vertex32 a, Vertex32 b) {
            if (membership[a] != membership[b]) return membership[a] > membership[b];
            return graph.id_of(a) < graph.id_of(b);
        });
    }
    return found;
}

} // namespace tg::query
