// `convergence`: where crime and terror meet. Brokerage roles between threat domains, Burt's
// constraint and effective size, a convergence score per entity and the nexus relations.
#include "analysis/convergence.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "query/describe.hpp"
#include "core/output.hpp"
#include "cli/view_options.hpp"
#include "cli/worlds.hpp"
#include "core/error.hpp"
#include "io/json_writer.hpp"
#include "render/graphviz.hpp"
#include "render/network_diagram.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

namespace tg::cli {

namespace {

std::string domains_of(const Convergence& c, const EntityRef& e, const ConvergenceNode& n, bool by_attribute) {
    if (by_attribute) return n.group == kNoGroup ? "" : c.domains[n.group];
    std::string out;
    for (const auto& d : e.domains()) out += (out.empty() ? "" : ", ") + d;
    if (n.group != kNoGroup && e.domains().size() > 1) out += " (as " + c.domains[n.group] + ")";
    return out;
}

std::string roles_of(const Brokerage& r) {
    if (r.total() == 0) return "";
    std::string out;
    const auto add = [&](std::size_t count, const char* name) {
        if (count) out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + name;
    };
    add(r.coordinator, "coordinator");
    add(r.itinerant, "itinerant");
    add(r.representative, "representative");
    add(r.gatekeeper, "gatekeeper");
    add(r.liaison, "liaison");
    return out;
}

std::string number_or_dash(double x) { return std::isnan(x) ? "-" : format_number(x, 4); }

} // namespace

int run_convergence(Context& context, const ConvergenceArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    View view = make_view(snapshot, args.view, "hops");
    if (!args.directed) view = view.undirected();
    if (!args.diagram.empty()) image_format_for(args.diagram); // a bad name fails before the work
    const auto c = analyze_convergence(view, args.domains, args.group_by, context.meter());
    const bool by_attribute = !args.group_by.empty();
    // With --uncertainty: each entity's convergence score over the worlds.
    std::vector<Spread> spreads;
    const std::size_t top_k = args.top ? args.top : 10;
    if (args.worlds.worlds) {
        warn_if_certain(view, context);
        spreads = score_spread(
            view,
            [&](const View& world) {
                std::vector<double> scores(world.vertex_count(), 0.0);
                for (const auto& n : analyze_convergence(world, args.domains, args.group_by).nodes) scores[n.vertex] = n.score;
                return scores;
            },
            top_k, world_options(args.worlds, context));
    }
    if (!args.diagram.empty()) {
        if (c.nexus.empty()) throw DataError("the nexus is empty: there is nothing to draw", "no path joins actors of different groups");
        const View nexus = relations_only(view, c.nexus);
        DiagramOptions diagram;
        diagram.title = "Nexus: " + count_of(c.nexus.size(), "relation") + " on the shortest paths between " +
                        (by_attribute ? "groups" : "threat domains");
        write_image(args.diagram, network_diagram(nexus, diagram), layout_for(nexus.active_count()));
        context.err() << "threatgraph: nexus diagram written to " << args.diagram << "\n";
    }

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("lens").value(lens_name(lens_of(args.view, graph.ontology())));
        json.key("directed").value(view.directed());
        if (!spreads.empty()) write_worlds_json(json, args.worlds, top_k);
        json.key("domains").begin_array();
        for (std::size_t g = 0; g < c.domains.size(); ++g)
            json.begin_object().key("id").value(c.domains[g]).key("actors").value(c.members[g]).end_object();
        json.end_array().key("cross_domain_pairs").value(c.cross_pairs).key("nodes").begin_array();
        for (const auto& n : c.nodes) {
            const auto& e = graph.entity(n.vertex);
            json.begin_object().key("id").value(e.id()).key("name").value(e.name()).key("kind").value(e.kind());
            json.key("domains").begin_array();
            for (const auto& d : e.domains()) json.value(d);
            json.end_array().key("group");
            if (n.group == kNoGroup)
                json.null();
            else
                json.value(c.domains[n.group]);
            json.key("brokerage").begin_object().key("coordinator").value(n.roles.coordinator).key("itinerant").value(n.roles.itinerant);
            json.key("representative").value(n.roles.representative).key("gatekeeper").value(n.roles.gatekeeper);
            json.key("liaison").value(n.roles.liaison).key("total").value(n.roles.total()).end_object();
            json.key("constraint").value(n.constraint).key("effective_size").value(n.effective_size).key("score").value(n.score);
            if (!spreads.empty()) write_spread_json(json, spreads[n.vertex]);
            json.end_object();
        }
        json.end_array().key("nexus").begin_array();
        auto& passages = context.passages();
        for (auto r : c.nexus) write_relation_json(json, graph, r, passages);
        json.end_array().end_object();
        context.emit(json.str());
        return kOk;
    }
    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "kind", "domains", "group", "coordinator", "itinerant", "representative", "gatekeeper",
                                   "liaison", "constraint", "effective_size", "score"});
        for (const auto& n : c.nodes) {
            const auto& e = graph.entity(n.vertex);
            std::string domains;
            for (const auto& d : e.domains()) domains += (domains.empty() ? "" : ";") + d;
            const auto exact_or_empty = [](double x) { return std::isnan(x) ? std::string() : format_exact(x); };
            out += csv_row({std::string(e.id()), std::string(e.name()), e.kind(), domains, n.group == kNoGroup ? "" : c.domains[n.group],
                            std::to_string(n.roles.coordinator), std::to_string(n.roles.itinerant), std::to_string(n.roles.representative),
                            std::to_string(n.roles.gatekeeper), std::to_string(n.roles.liaison), exact_or_empty(n.constraint),
                            exact_or_empty(n.effective_size), format_exact(n.score)});
        }
        context.emit(out);
        return kOk;
    }
    std::string out = lens_line(args.view, graph.ontology()) + "convergence of ";
    for (std::size_t g = 0; g < c.domains.size(); ++g)
        if (c.members[g]) out += c.domains[g] + " (" + std::to_string(c.members[g]) + "), ";
    out += count_of(c.cross_pairs, by_attribute ? "cross-group pair" : "cross-domain pair") + " of actors, " +
           (view.directed() ? "along the arrows" : "ties read both ways") + "\n";
    const std::string apart = by_attribute ? "actors of different groups" : "actors of different domains";
    out += "score: the share of shortest paths between " + apart + " that pass through the entity\n";
    if (!spreads.empty()) out += worlds_line(args.worlds, top_k, true);
    out += "\n";
    std::vector<std::string> header{"rank", "entity", "kind", by_attribute ? args.group_by : "domains", "score"};
    if (!spreads.empty()) header.insert(header.end(), {"median", "90% interval", "top " + std::to_string(top_k)});
    header.insert(header.end(), {"brokerage", "constraint", "effective size"});
    TextTable table(header);
    std::size_t shown = 0;
    for (const auto& n : c.nodes) {
        if (args.top && shown == args.top) break;
        if (n.score == 0 && n.roles.total() == 0) break;
        const auto& e = graph.entity(n.vertex);
        std::vector<std::string> row{std::to_string(++shown), std::string(e.name()), kind_label(graph, n.vertex), domains_of(c, e, n, by_attribute),
                                     format_number(n.score, 4)};
        if (!spreads.empty())
            row.insert(row.end(), {spread_median(spreads[n.vertex]), spread_interval(spreads[n.vertex]), spread_share(spreads[n.vertex])});
        row.insert(row.end(), {roles_of(n.roles), number_or_dash(n.constraint), number_or_dash(n.effective_size)});
        table.add(row);
    }
    out += shown ? table.str("  ") : "  no entity lies between " + apart + "\n";
    out += "\nnexus: " + std::to_string(c.nexus.size()) + " relation" + (c.nexus.size() == 1 ? "" : "s") +
           " on the shortest paths between " + apart + "\n";
    for (auto r : c.nexus) {
        const auto& rel = graph.relation(r);
        out += "  " + std::string(graph.entity(*graph.find(std::string(rel.source()))).name()) + relation_arrow(graph, r) + std::string(graph.entity(*graph.find(std::string(rel.target()))).name()) + "\n";
    }
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
