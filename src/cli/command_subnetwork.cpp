// `connect` (i2's Find Connecting Network: the union of the shortest paths between every pair
// of the entities named) and `ego` (everything within a few hops of one entity).
#include "analysis/paths.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/view_options.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "io/json_writer.hpp"
#include "query/describe.hpp"

#include <algorithm>

namespace tg::cli {

namespace {

void emit_subnetwork(Context& context, const KnowledgeGraph& graph, const ViewRequest& view_args, const std::string& heading,
                     const std::string& what, const std::vector<Vertex32>& named, const Subnetwork& net) {
    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("lens").value(lens_name(lens_of(view_args, graph.ontology()))).key(what).begin_array();
        for (auto v : named) json.value(graph.entity(v).id());
        json.end_array().key("entities").begin_array();
        for (auto v : net.vertices) {
            const auto& e = graph.entity(v);
            json.begin_object().key("id").value(e.id()).key("name").value(e.name()).key("kind").value(e.kind()).end_object();
        }
        json.end_array().key("relations").begin_array();
        auto& passages = context.passages();
        for (auto r : net.relations) write_relation_json(json, graph, r, passages);
        json.end_array().end_object();
        context.emit(json.str());
        return;
    }
    if (context.format() == OutputFormat::csv) {
        // One table: entity rows, then relation rows, told apart by the first column.
        std::string out = csv_row({"record", "id", "name", "kind", "source", "type", "target", "confidence"});
        for (auto v : net.vertices) {
            const auto& e = graph.entity(v);
            out += csv_row({"entity", std::string(e.id()), std::string(e.name()), e.kind(), "", "", "", ""});
        }
        for (auto r : net.relations) {
            const auto& rel = graph.relation(r);
            out += csv_row({"relation", rel.id(), "", "", std::string(rel.source()), rel.type(), std::string(rel.target()),
                            format_exact(rel.confidence())});
        }
        context.emit(out);
        return;
    }
    std::string out = heading + ": " + std::to_string(net.vertices.size()) + " entit" + (net.vertices.size() == 1 ? "y" : "ies") + ", " +
                      std::to_string(net.relations.size()) + " relation" + (net.relations.size() == 1 ? "" : "s") + "\n" +
                      lens_line(view_args, graph.ontology());
    TextTable entities({"id", "name", "kind"});
    for (auto v : net.vertices)
        entities.add({std::string(graph.entity(v).id()), std::string(graph.entity(v).name()), kind_label(graph, v)});
    out += "\nentities\n" + entities.str("  ");
    if (!net.relations.empty()) {
        TextTable relations({"relation", "confidence", "id"});
        for (auto r : net.relations) {
            const auto& rel = graph.relation(r);
            relations.add({std::string(graph.entity(graph.source_of(r)).name()) + relation_arrow(graph, r) +
                               std::string(graph.entity(graph.target_of(r)).name()),
                           format_number(rel.confidence()), rel.id()});
        }
        out += "\nrelations\n" + relations.str("  ");
    }
    context.emit(out);
}

std::string names_of(const KnowledgeGraph& graph, const std::vector<Vertex32>& vertices) {
    std::string out;
    for (std::size_t i = 0; i < vertices.size(); ++i)
        out += (i == 0 ? "" : i + 1 == vertices.size() ? " and " : ", ") + std::string(graph.entity(vertices[i]).name());
    return out;
}

} // namespace

int run_connect(Context& context, const ConnectArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    if (args.members.size() < 2) throw UsageError("connect needs at least two entities");
    auto view_args = args.view;
    default_to_threat_lens_between(view_args, graph, args.members);
    const View view = make_view(snapshot, view_args, "confidence");
    std::vector<Vertex32> members;
    for (const auto& name : args.members) {
        const auto v = resolve_in_view(view, name);
        if (std::find(members.begin(), members.end(), v) != members.end())
            throw UsageError("\"" + std::string(graph.entity(v).name()) + "\" is named twice");
        members.push_back(v);
    }
    PathOptions options;
    options.direction = graph.directed() ? parse_direction(args.direction) : Direction::any;
    options.through_kinds = args.through;
    options.max_hops = args.max_hops;
    const auto net = connecting_network(view, members, options);
    if (net.relations.empty())
        throw DataError("no path joins any two of " + names_of(graph, members) + " in this view",
                        options.direction == Direction::any ? "loosen the filters" : "try --direction any, or loosen the filters");
    emit_subnetwork(context, graph, view_args, "connecting network of " + names_of(graph, members), "members", members, net);
    return kOk;
}

int run_ego(Context& context, const EgoArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    if (args.depth < 1) throw UsageError("--depth must be at least 1");
    const auto center = resolve_in_view(view, args.entity);
    const auto direction = graph.directed() ? parse_direction(args.direction) : Direction::any;
    const auto net = ego_network(view, center, args.depth, direction);
    emit_subnetwork(context, graph, args.view,
                    "ego network of " + std::string(graph.entity(center).name()) + " to depth " + std::to_string(args.depth) +
                        (direction == Direction::out  ? " (following arrows)"
                         : direction == Direction::in ? " (against arrows)"
                                                      : ""),
                    "center", {center}, net);
    return kOk;
}

} // namespace tg::cli
