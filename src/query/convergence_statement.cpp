#include "query/convergence_statement.hpp"

namespace tg::query {

View convergence_view(const GraphSnapshot& snapshot, const ConvergenceRequest& request) {
    View view = make_view(snapshot, request.view, "hops");
    return request.directed ? view : view.undirected();
}

ConvergenceFound find_convergence(const View& view, const ConvergenceRequest& args, const RunHooks& hooks) {
    const auto& graph = view.graph();
    ConvergenceFound found;
    found.convergence = analyze_convergence(view, args.domains, args.group_by, hooks.meter);
    found.group_by = args.group_by;
    found.lens = lens_name(lens_of(args.view, graph.ontology()));
    found.lens_line = lens_line(args.view, graph.ontology());
    found.directed = view.directed();
    found.top = args.top;
    // With worlds: each entity's convergence score over them.
    if (args.worlds.worlds) {
        if (const auto note = certainty_note(view); !note.empty() && hooks.note) hooks.note(note);
        found.worlds = args.worlds;
        found.top_k = args.top ? args.top : 10;
        found.spreads = score_spread(
            view,
            [&](const View& world) {
                std::vector<double> scores(world.vertex_count(), 0.0);
                for (const auto& n : analyze_convergence(world, args.domains, args.group_by).nodes) scores[n.vertex] = n.score;
                return scores;
            },
            found.top_k, world_options(args.worlds, hooks.meter));
    }
    return found;
}

} // namespace tg::query
