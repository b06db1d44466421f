#include "query/paths_statement.hpp"

#include "analysis/paths.hpp"
#include "core/error.hpp"

#include <algorithm>

namespace tg::query {

PathsFound find_paths(const KnowledgeGraph& graph, const PathsRequest& request, const RunHooks& hooks) {
    if (request.k < 1) throw ParameterError(parameter("k") + " must be at least 1");
    if (request.k > kMostShortestPaths)
        throw ParameterError(parameter("k") + " " + std::to_string(request.k) + " is more than " + std::to_string(kMostShortestPaths) +
                                 " paths",
                             "choose at most " + std::to_string(kMostShortestPaths) + ", or list every path within a few hops with " +
                                 parameter("all") + " " + parameter("max_hops") + " N");
    const GraphSnapshot snapshot(graph);
    auto view_request = request.view;
    default_to_threat_lens_between(view_request, graph, {request.from, request.to});
    const View view = make_view(snapshot, view_request, "confidence");
    PathOptions options;
    options.direction = graph.directed() ? parse_direction(request.direction) : Direction::any;
    options.through_kinds = request.through;
    // No path has more hops than the graph has entities.
    options.max_hops = std::min<std::size_t>(request.max_hops, graph.entity_count());

    PathsFound found;
    found.from = resolve_in_view(view, request.from);
    found.to = resolve_in_view(view, request.to);
    if (found.from == found.to) throw ParameterError("the two ends of a path must differ");
    if (request.all) {
        if (request.max_hops == 0)
            throw ParameterError(parameter("all") + " needs " + parameter("max_hops") +
                                 " N: the number of simple paths grows exponentially");
        auto list = all_simple_paths(view, found.from, found.to, options, request.cap);
        found.paths = std::move(list.paths);
        found.truncated = list.truncated;
        found.cap = request.cap;
    } else {
        found.paths = shortest_paths(view, found.from, found.to, options, request.k);
    }
    const auto lens = lens_of(view_request, graph.ontology());
    if (found.paths.empty())
        throw DataError("no path from \"" + std::string(graph.entity(found.from).name()) + "\" to \"" +
                            std::string(graph.entity(found.to).name()) + "\" in this view",
                        std::string(options.direction == Direction::out ? "try " + parameter("direction") + " any, or loosen the filters"
                                                                        : "loosen the filters") +
                            (lens == Lens::all ? "" : " (" + parameter("lens") + " all takes in every relation)"));
    found.lens = lens_name(lens);
    found.lens_line = lens_line(view_request, graph.ontology());
    found.weight = view.weight_spec().describe();
    found.by_confidence = view.weight_spec().kind == WeightSpec::Kind::confidence;
    found.weighted = view.weighted();

    // With worlds: how often `to` is still reached, and the most reliable path (the greatest
    // product of confidences: the chance that every relation on it holds).
    found.worlds = request.worlds;
    if (request.worlds.worlds) {
        if (const auto note = certainty_note(view); !note.empty() && hooks.note) hooks.note(note);
        found.reach = reachability(view, found.from, found.to, options, world_options(request.worlds, hooks.meter));
        if (found.by_confidence) {
            found.most_reliable = found.paths.front();
        } else {
            auto confident = view_request;
            confident.weight = "confidence";
            auto reliable = shortest_paths(make_view(snapshot, confident, "confidence"), found.from, found.to, options, 1);
            if (!reliable.empty()) found.most_reliable = std::move(reliable.front());
        }
    }
    if (found.truncated && hooks.note) hooks.note("the path list was cut at " + std::to_string(found.paths.size()) + " paths");
    return found;
}

} // namespace tg::query
