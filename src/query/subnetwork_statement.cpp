#include "query/subnetwork_statement.hpp"

#include "analysis/paths.hpp"
#include "core/error.hpp"

#include <algorithm>

namespace tg::query {

namespace {

std::string names_of(const KnowledgeGraph& graph, const std::vector<Vertex32>& vertices) {
    std::string out;
    for (std::size_t i = 0; i < vertices.size(); ++i)
        out += (i == 0 ? "" : i + 1 == vertices.size() ? " and " : ", ") + std::string(graph.entity(vertices[i]).name());
    return out;
}

SubnetworkFound found_with_lens(const KnowledgeGraph& graph, const ViewRequest& view) {
    SubnetworkFound found;
    found.lens = lens_name(lens_of(view, graph.ontology()));
    found.lens_line = lens_line(view, graph.ontology());
    return found;
}

} // namespace

SubnetworkFound find_ego_network(const KnowledgeGraph& graph, const EgoRequest& args) {
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    if (args.depth < 1) throw ParameterError(parameter("depth") + " must be at least 1");
    const auto center = resolve_in_view(view, args.entity);
    const auto direction = graph.directed() ? parse_direction(args.direction) : Direction::any;
    auto found = found_with_lens(graph, args.view);
    found.part = ego_network(view, center, args.depth, direction);
    found.heading = "ego network of " + std::string(graph.entity(center).name()) + " to depth " + std::to_string(args.depth) +
                    (direction == Direction::out  ? " (following arrows)"
                     : direction == Direction::in ? " (against arrows)"
                                                  : "");
    found.named_as = "center";
    found.named = {center};
    return found;
}

SubnetworkFound find_connecting_network(const KnowledgeGraph& graph, const ConnectRequest& args) {
    const GraphSnapshot snapshot(graph);
    if (args.members.size() < 2) throw ParameterError("connect needs at least two entities");
    auto view_request = args.view;
    default_to_threat_lens_between(view_request, graph, args.members);
    const View view = make_view(snapshot, view_request, "confidence");
    std::vector<Vertex32> members;
    for (const auto& name : args.members) {
        const auto v = resolve_in_view(view, name);
        if (std::find(members.begin(), members.end(), v) != members.end())
            throw ParameterError("\"" + std::string(graph.entity(v).name()) + "\" is named twice");
        members.push_back(v);
    }
    PathOptions options;
    options.direction = graph.directed() ? parse_direction(args.direction) : Direction::any;
    options.through_kinds = args.through;
    options.max_hops = args.max_hops;
    auto found = found_with_lens(graph, view_request);
    found.part = connecting_network(view, members, options);
    if (found.part.relations.empty())
        throw DataError("no path joins any two of " + names_of(graph, members) + " in this view",
                        options.direction == Direction::any ? "loosen the filters"
                                                            : "try " + parameter("direction") + " any, or loosen the filters");
    found.heading = "connecting network of " + names_of(graph, members);
    found.named_as = "members";
    found.named = members;
    return found;
}

} // namespace tg::query
