// `keyplayers`: the few entities whose removal most fragments the network, or that reach the
// most others (Borgatti 2006).
#include "analysis/cohesion.hpp"
#include "analysis/keyplayer_worlds.hpp"
#include "analysis/keyplayers.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/describe.hpp"
#include "core/output.hpp"
#include "cli/view_options.hpp"
#include "cli/worlds.hpp"
#include "io/json_writer.hpp"

#include <algorithm>
#include <cmath>

namespace tg::cli {

int run_keyplayers(Context& context, const KeyPlayersArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops").undirected();
    KeyPlayerOptions options;
    options.k = args.k;
    options.objective = parse_key_player_objective(args.objective);
    options.steps = args.steps;
    options.seed = args.seed;
    options.restarts = args.restarts;
    options.progress = [&](const std::string& line) { context.progress(line); };
    options.meter = context.meter();
    const auto set = key_players(view, options);
    const double baseline = key_player_score(view, {}, options.objective, options.steps);
    const bool reach = options.objective == KeyPlayerObjective::reach;
    WorldArgs world_args = args.worlds;
    world_args.seed = args.seed;
    KeyPlayerWorlds worlds;
    // The entities some world's own set holds, most often first (ties by id).
    std::vector<Vertex32> members_somewhere;
    if (world_args.worlds) {
        warn_if_certain(view, context);
        std::vector<Vertex32> chosen;
        for (const auto& m : set.members) chosen.push_back(m.vertex);
        worlds = key_players_over_worlds(view, chosen, options, world_options(world_args, context));
        for (Vertex32 v = 0; v < view.vertex_count(); ++v)
            if (worlds.membership[v] > 0) members_somewhere.push_back(v);
        std::sort(members_somewhere.begin(), members_somewhere.end(), [&](Vertex32 a, Vertex32 b) {
            if (worlds.membership[a] != worlds.membership[b]) return worlds.membership[a] > worlds.membership[b];
            return graph.id_of(a) < graph.id_of(b);
        });
    }

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("objective").value(args.objective).key("lens").value(lens_name(lens_of(args.view, graph.ontology())));
        json.key("score").value(set.score);
        json.key("set").begin_array();
        for (const auto& m : set.members) {
            const auto& e = graph.entity(m.vertex);
            json.begin_object().key("id").value(e.id()).key("name").value(e.name()).key("contribution").value(m.contribution).end_object();
        }
        json.end_array();
        json.key("k").value(args.k);
        if (reach) json.key("steps").value(args.steps);
        json.key("baseline").value(baseline).key("entities").value(view.active_count()).key("seed").value(args.seed);
        json.key("passes").value(set.passes).key("evaluations").value(set.evaluations).key("converged").value(set.converged);
        json.key("search").value(set.exhaustive ? "exhaustive" : "greedy");
        if (!set.exhaustive) json.key("restarts").value(set.restarts).key("restarts_agreeing").value(set.restarts_agreeing);
        json.key("upper_bound");
        if (std::isnan(set.upper_bound))
            json.null();
        else
            json.value(set.upper_bound);
        if (world_args.worlds) {
            write_worlds_json(json, world_args, 0);
            json.key("score_over_worlds").begin_object();
            write_spread_json(json, worlds.set_score);
            json.end_object().key("worlds_searched").value(worlds.searched_worlds).key("worlds_exhaustive").value(worlds.exhaustive_worlds);
            json.key("membership").begin_array();
            for (auto v : members_somewhere)
                json.begin_object().key("id").value(graph.entity(v).id()).key("name").value(graph.entity(v).name()).key("share").value(worlds.membership[v]).end_object();
            json.end_array();
        }
        json.end_object();
        context.emit(json.str());
        return kOk;
    }
    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"rank", "id", "name", "kind", "contribution"});
        for (std::size_t i = 0; i < set.members.size(); ++i) {
            const auto& e = graph.entity(set.members[i].vertex);
            out += csv_row({std::to_string(i + 1), std::string(e.id()), std::string(e.name()), e.kind(), format_exact(set.members[i].contribution)});
        }
        context.emit(out);
        return kOk;
    }
    std::string out = lens_line(args.view, graph.ontology()) + std::to_string(args.k) + " key player" + (args.k == 1 ? "" : "s") + " of " +
                      std::to_string(view.active_count()) + " entities by " + args.objective +
                      (reach ? " within " + std::to_string(args.steps) + " step" + (args.steps == 1 ? "" : "s") : "") +
                      " (Borgatti 2006, seed " + std::to_string(args.seed) + ")\n";
    if (reach)
        out += "together they reach " + format_number(100 * set.score, 4) + "% of the other entities\n";
    else
        out += "removing them raises " + args.objective + " from " + format_number(baseline, 4) + " to " + format_number(set.score, 4) + "\n";
    if (set.exhaustive)
        out += "every set of " + std::to_string(args.k) + " was tried: no other set scores higher\n";
    else
        out += "greedy search with swaps from " + count_of(set.restarts, "seeded order") + " (" + std::to_string(set.restarts_agreeing) +
               " reached this score); " +
               (std::isnan(set.upper_bound) ? std::string("no cheap bound is known for ") + args.objective
                                            : "no set of " + std::to_string(args.k) + " can score above " + format_number(set.upper_bound, 4)) +
               "\n";
    TextTable table({"rank", "entity", "kind", "contribution"});
    for (std::size_t i = 0; i < set.members.size(); ++i) {
        const auto v = set.members[i].vertex;
        table.add({std::to_string(i + 1), std::string(graph.entity(v).name()), kind_label(graph, v), format_number(set.members[i].contribution, 4)});
    }
    out += "\n" + table.str("  ");
    out += "\ncontribution: how much the score drops when that one member is left out of the set\n";
    if (!set.converged) out += "note: stopped after " + std::to_string(set.passes) + " swap passes; a better set may exist\n";
    if (world_args.worlds) {
        out += "\n" + worlds_line(world_args, 0, true);
        out += "this set's " + (reach ? std::string("reach") : args.objective) + " over the worlds: median " + spread_median(worlds.set_score) +
               ", 90% interval " + spread_interval(worlds.set_score) + "\n";
        out += "how often each entity is in a world's own best set of " + std::to_string(args.k) + " (searched in " +
               std::to_string(worlds.searched_worlds) + " worlds; every set tried in " + std::to_string(worlds.exhaustive_worlds) +
               ", greedy search with swaps from one seeded order in the others)\n";
        TextTable shares({"entity", "kind", "share", "in this set"});
        const std::size_t shown = std::min<std::size_t>(members_somewhere.size(), std::max<std::size_t>(2 * args.k, 10));
        for (std::size_t i = 0; i < shown; ++i) {
            const auto v = members_somewhere[i];
            const bool in_set = std::any_of(set.members.begin(), set.members.end(), [&](const KeyPlayer& m) { return m.vertex == v; });
            shares.add({std::string(graph.entity(v).name()), kind_label(graph, v), share_text(worlds.membership[v]), in_set ? "yes" : ""});
        }
        out += shares.str("  ");
        if (members_somewhere.size() > shown) out += "  ... and " + count_of(members_somewhere.size() - shown, "more entity") + "\n";
    }
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
