// `diagrams`: the standard views of a threat network, drawn into one folder: the whole network,
// the threat actors, the routes, where crime and terror converge, and the counter-network beside
// the threat network. A view the graph has nothing for is skipped with a note.
#include "analysis/centrality.hpp"
#include "analysis/convergence.hpp"
#include "analysis/counter_network.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/output.hpp"
#include "io/json_writer.hpp"
#include "render/graphviz.hpp"
#include "render/network_diagram.hpp"

#include <filesystem>
#include <optional>
#include <ostream>

namespace tg::cli {

namespace {

struct Drawing {
    std::string file;    // name in the folder, without extension
    std::string subject; // what it shows, for the report
    View view;
    DiagramOptions options;
    std::string layout; // empty: by size
};

bool declares(const KnowledgeGraph& graph, std::initializer_list<const char*> kinds) {
    for (const char* k : kinds)
        if (!graph.ontology().kind(k)) return false;
    return true;
}

std::string counts(const View& view) {
    return count_of(view.active_count(), "entity") + ", " + count_of(relations_in(view).size(), "relation");
}

View of_kinds(const GraphSnapshot& snapshot, std::vector<std::string> kinds, std::vector<std::string> via = {}) {
    ViewRequest args;
    args.kinds = std::move(kinds);
    args.via = std::move(via);
    return without_isolates(make_view(snapshot, args, "hops"));
}

std::optional<Drawing> whole_network(const GraphSnapshot& snapshot) {
    Drawing d{"network", "the whole network, its 30 main brokers named", make_view(snapshot, {}, "hops"), {}, {}};
    d.options.size_scores = compute_measure(d.view.undirected(), "betweenness");
    // Every entity labelled would shrink the labels below what a slide shows: the 30 brokers of
    // most shortest paths are named, the rest are dots of their kind's colour (the report and
    // render name them all).
    d.options.label_limit = 30;
    d.options.title = "The whole network: " + counts(d.view) + "; the 30 entities that broker the most shortest paths named";
    return d;
}

std::optional<Drawing> threat_actors(const GraphSnapshot& snapshot) {
    if (!declares(snapshot.graph(), {"threat_actor", "illicit_activity", "commodity"})) return std::nullopt;
    Drawing d{"threat-actors",
              "threat actors with the illicit activities and commodities they are tied to",
              of_kinds(snapshot, {"threat_actor", "illicit_activity", "commodity"}),
              {},
              {}};
    if (d.view.active_count() == 0) return std::nullopt;
    d.options.size_scores = compute_measure(d.view.undirected(), "betweenness");
    d.options.title = "Threat actors, their illicit activities and commodities: " + counts(d.view);
    return d;
}

std::optional<Drawing> routes(const GraphSnapshot& snapshot) {
    const auto& ontology = snapshot.graph().ontology();
    if (!declares(snapshot.graph(), {"route", "place", "commodity"})) return std::nullopt;
    std::vector<std::string> via;
    for (const char* type : {"route_origin", "route_transit", "route_destination", "carries"})
        if (ontology.relation_type(type)) via.push_back(type);
    if (via.empty()) return std::nullopt;
    Drawing d{"routes",
              "the routes with their origins, transit points, destinations and cargo",
              of_kinds(snapshot, {"route", "place", "commodity"}, via),
              {},
              "dot"};
    if (d.view.active_count() == 0) return std::nullopt;
    d.options.title = "Routes: origins, transit points, destinations and cargo (" + counts(d.view) + ")";
    d.options.rankdir = "LR"; // routes in one column, places in the next: narrow enough for a slide
    return d;
}

std::optional<Drawing> convergence(const GraphSnapshot& snapshot) {
    if (snapshot.graph().ontology().domain_ids().empty()) return std::nullopt;
    const View view = make_view(snapshot, {}, "hops").undirected();
    Convergence c;
    try {
        c = analyze_convergence(view, {});
    } catch (const DataError&) {
        return std::nullopt; // fewer than two domains with actors: no convergence to draw
    }
    if (c.nexus.empty()) return std::nullopt;
    Drawing d{"convergence",
              "the crime-terror nexus: relations on shortest paths between actors of different threat domains",
              relations_only(view, c.nexus),
              {},
              {}};
    std::vector<double> score(view.vertex_count(), 0);
    for (const auto& node : c.nodes) score[node.vertex] = node.score;
    d.options.size_scores = score;
    d.options.title = "Where threat domains converge: " + count_of(c.nexus.size(), "relation") +
                      " on the shortest paths between actors of different domains; larger labels broker more of them";
    return d;
}

// Who counters what: the coalition members on the left, the threats they counter or monitor on
// the right, and only those relations. Both networks whole with every tie between them is a
// band of crossing lines no slide can show; their structure is in the report.
std::optional<Drawing> counter_network(const GraphSnapshot& snapshot) {
    const auto& graph = snapshot.graph();
    if (!declares(graph, {"state", "organization", "initiative", "threat_actor", "illicit_activity", "commodity", "route"}))
        return std::nullopt;
    const auto c = analyze_counter_network(snapshot);
    if (c.members.empty()) return std::nullopt;
    ViewRequest threat_args;
    threat_args.kinds = CounterNetworkOptions{}.threat_kinds;
    const View threats = make_view(snapshot, threat_args, "hops");
    std::vector<std::uint8_t> member(graph.entity_count(), 0);
    for (auto v : c.members) member[v] = 1;
    ViewRequest by_counter_types;
    for (const char* type : {"counters", "monitors"})
        if (graph.ontology().relation_type(type)) by_counter_types.via.push_back(type);
    if (by_counter_types.via.empty()) return std::nullopt;
    std::vector<RelationIndex> countering;
    for (auto r : relations_in(make_view(snapshot, by_counter_types, "hops")))
        if (member[graph.source_of(r)] && threats.active(graph.target_of(r))) countering.push_back(r);
    if (countering.empty()) return std::nullopt;
    std::size_t uncovered = 0;
    for (const auto& cover : c.coverage) uncovered += cover.countered_by.empty();
    const View both = make_view(snapshot, {}, "hops");
    Drawing d{"counter-network",
              "who counters what: coalition members and the threats they counter or monitor",
              relations_only(both, countering),
              {},
              "dot"};
    std::size_t members_shown = 0, threats_shown = 0;
    for (auto v : d.view.active_vertices()) (member[v] ? members_shown : threats_shown) += 1;
    d.options.rankdir = "LR";
    d.options.title = "It takes a network to defeat a network: " + count_of(members_shown, "coalition member") + " counter or monitor " +
                      count_of(threats_shown, "threat") + "; " + std::to_string(uncovered) + " of " + std::to_string(c.coverage.size()) +
                      " threat actors, activities and routes are countered by none";
    return d;
}

} // namespace

int run_diagrams(Context& context, const DiagramsArgs& args) {
    static const std::vector<std::string> types{"svg", "png", "pdf"};
    const auto& type = types[choose_name(args.type, types, "image type")];
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    struct Made {
        std::string path, subject, layout;
        std::size_t entities = 0, relations = 0;
    };
    std::vector<Made> made;
    std::vector<std::pair<std::string, std::string>> skipped; // view, why
    using Maker = std::optional<Drawing> (*)(const GraphSnapshot&);
    const std::pair<const char*, Maker> views[] = {{"network", whole_network},
                                                   {"threat-actors", threat_actors},
                                                   {"routes", routes},
                                                   {"convergence", convergence},
                                                   {"counter-network", counter_network}};
    const auto too_many = [&](std::size_t entities) {
        return std::to_string(entities) + " entities, more than a drawing shows (--max-entities " + std::to_string(args.max_entities) + ")";
    };
    for (const auto& [name, make] : views) {
        // The whole network is known to be too large before its labels are sized by betweenness.
        if (std::string(name) == "network" && graph.entity_count() > args.max_entities) {
            skipped.emplace_back(name, too_many(graph.entity_count()));
            continue;
        }
        auto drawing = make(snapshot);
        if (!drawing) {
            skipped.emplace_back(name, "the graph has nothing of that kind");
            continue;
        }
        if (drawing->view.active_count() > args.max_entities) {
            skipped.emplace_back(name, too_many(drawing->view.active_count()));
            continue;
        }
        const auto path = (std::filesystem::path(args.folder) / (drawing->file + "." + type)).string();
        const auto layout = drawing->layout.empty() ? layout_for(drawing->view.active_count()) : drawing->layout;
        context.progress("drawing " + path);
        write_image(path, network_diagram(drawing->view, drawing->options), layout);
        made.push_back({path, drawing->subject, layout, drawing->view.active_count(), relations_in(drawing->view).size()});
    }
    if (made.empty()) {
        std::string why;
        for (const auto& [name, reason] : skipped) why += (why.empty() ? "" : "; ") + name + ": " + reason;
        throw DataError("none of the standard views could be drawn (" + why + ")",
                        "draw a part of the network with threatgraph render and the view options, or raise --max-entities");
    }
    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("diagrams").begin_array();
        for (const auto& m : made)
            json.begin_object()
                .key("path")
                .value(m.path)
                .key("shows")
                .value(m.subject)
                .key("layout")
                .value(m.layout)
                .key("entities")
                .value(m.entities)
                .key("relations")
                .value(m.relations)
                .end_object();
        json.end_array().key("skipped").begin_array();
        for (const auto& s : skipped) json.value(s.first);
        json.end_array().end_object();
        context.emit(json.str());
        return kOk;
    }
    std::string text;
    for (const auto& m : made)
        text += m.path + "  " + m.subject + " (" + count_of(m.entities, "entity") + ", " + count_of(m.relations, "relation") + "; " +
                m.layout + ")\n";
    for (const auto& [name, reason] : skipped) text += "skipped " + name + ": " + reason + "\n";
    context.emit(text);
    return kOk;
}

} // namespace tg::cli
