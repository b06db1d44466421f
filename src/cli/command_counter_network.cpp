// `counter-network`: the coalition set against the threat network, its silos and its coverage,
// and both networks measured side by side.
#include "analysis/counter_network.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "query/describe.hpp"
#include "query/evidence.hpp"
#include "core/output.hpp"
#include "core/error.hpp"
#include "io/json_writer.hpp"

#include <algorithm>

namespace tg::cli {

namespace {

void write_profile(JsonWriter& json, const NetworkProfile& p) {
    json.begin_object().key("nodes").value(p.nodes).key("ties").value(p.ties).key("density").value(p.density);
    json.key("centralization").value(p.centralization).key("fragmentation").value(p.fragmentation);
    json.key("components").value(p.components).key("largest_component").value(p.largest_component).key("diameter").value(p.diameter);
    json.end_object();
}

void write_ids(JsonWriter& json, const KnowledgeGraph& graph, const std::vector<Vertex32>& vertices) {
    json.begin_array();
    for (auto v : vertices) json.value(graph.entity(v).id());
    json.end_array();
}

std::string names_of(const KnowledgeGraph& graph, const std::vector<Vertex32>& vertices) {
    std::string out;
    for (auto v : vertices) out += (out.empty() ? "" : ", ") + std::string(graph.entity(v).name());
    return out;
}

} // namespace

int run_counter_network(Context& context, const CounterNetworkArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    CounterNetworkOptions options;
    if (!args.coalition.empty()) options.coalition_kinds = args.coalition;
    if (!args.threats.empty()) options.threat_kinds = args.threats;
    if (!args.targets.empty()) options.target_kinds = args.targets;
    if (!args.via.empty()) options.counter_types = args.via;
    options.cooperation_types = args.cooperation;
    options.min_confidence = args.view.min_confidence;
    options.as_of = args.view.as_of;
    const auto c = analyze_counter_network(snapshot, options);
    std::vector<Vertex32> uncovered;
    for (const auto& cover : c.coverage)
        if (cover.countered_by.empty()) uncovered.push_back(cover.target);

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object().key("threat_network");
        write_profile(json, c.threat);
        json.key("counter_network");
        write_profile(json, c.coalition);
        json.key("members");
        write_ids(json, graph, c.members);
        json.key("components").begin_array();
        for (const auto& component : c.components) write_ids(json, graph, component);
        json.end_array().key("isolated");
        write_ids(json, graph, c.isolated);
        // The relations by which members counter each target, with their evidence: those of the
        // counter types the confidence and date filters keep.
        ViewRequest by_counter_types;
        by_counter_types.via = options.counter_types;
        by_counter_types.min_confidence = args.view.min_confidence;
        by_counter_types.as_of = args.view.as_of;
        std::vector<std::vector<RelationIndex>> countering(graph.entity_count());
        for (auto r : relations_in(make_view(snapshot, by_counter_types, "hops"))) countering[graph.target_of(r)].push_back(r);
        auto& passages = context.passages();
        json.key("coverage").begin_array();
        for (const auto& cover : c.coverage) {
            json.begin_object().key("id").value(graph.entity(cover.target).id()).key("kind").value(graph.entity(cover.target).kind());
            json.key("countered_by");
            write_ids(json, graph, cover.countered_by);
            json.key("relations").begin_array();
            for (auto r : countering[cover.target])
                if (std::binary_search(cover.countered_by.begin(), cover.countered_by.end(), graph.source_of(r)))
                    write_relation_json(json, graph, r, passages);
            json.end_array();
            json.end_object();
        }
        json.end_array().key("uncovered");
        write_ids(json, graph, uncovered);
        json.end_object();
        context.emit(json.str());
        return kOk;
    }
    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "kind", "countered_by"});
        for (const auto& cover : c.coverage) {
            const auto& e = graph.entity(cover.target);
            std::string by;
            for (auto v : cover.countered_by) by += (by.empty() ? "" : ";") + std::string(graph.entity(v).id());
            out += csv_row({std::string(e.id()), std::string(e.name()), e.kind(), by});
        }
        context.emit(out);
        return kOk;
    }
    TextTable table({"measure", "threat network", "counter-network"});
    const auto row = [&](const std::string& name, const std::string& a, const std::string& b) { table.add({name, a, b}); };
    const auto& t = c.threat;
    const auto& k = c.coalition;
    row("entities", std::to_string(t.nodes), std::to_string(k.nodes));
    row("linked pairs", std::to_string(t.ties), std::to_string(k.ties));
    row("density", format_number(t.density, 4), format_number(k.density, 4));
    row("degree centralization", format_number(t.centralization, 4), format_number(k.centralization, 4));
    row("fragmentation", format_number(t.fragmentation, 4), format_number(k.fragmentation, 4));
    row("components", std::to_string(t.components), std::to_string(k.components));
    row("largest component", std::to_string(t.largest_component), std::to_string(k.largest_component));
    row("diameter (hops)", std::to_string(t.diameter), std::to_string(k.diameter));
    std::string out = table.str();
    out += "\ncounter-network: " + count_of(c.members.size(), "member") + " in " + std::to_string(c.components.size()) +
           " component" + (c.components.size() == 1 ? "" : "s") + "\n";
    for (const auto& component : c.components) {
        if (component.size() < 2) break;
        out += "  " + std::to_string(component.size()) + ": " + (component.size() <= 12 ? names_of(graph, component) : "") + "\n";
        if (component.size() > 12) {
            std::vector<Vertex32> first(component.begin(), component.begin() + 12);
            out.pop_back();
            out += names_of(graph, first) + " and " + std::to_string(component.size() - 12) + " more\n";
        }
    }
    out += "\nisolated members (" + std::to_string(c.isolated.size()) + "): they counter threats alone, tied to no other member\n";
    if (!c.isolated.empty()) out += wrap(names_of(graph, c.isolated), 100, "  ");
    std::size_t covered = c.coverage.size() - uncovered.size();
    out += "\ncoverage: " + std::to_string(covered) + " of " + std::to_string(c.coverage.size()) +
           " threat actors, activities and routes are countered by a member\n";
    TextTable countered({"target", "kind", "countered by"});
    for (const auto& cover : c.coverage)
        if (!cover.countered_by.empty())
            countered.add({std::string(graph.entity(cover.target).name()), kind_label(graph, cover.target), names_of(graph, cover.countered_by)});
    if (covered) out += countered.str("  ");
    out += "\nnot countered by any member (" + std::to_string(uncovered.size()) + ")\n";
    if (!uncovered.empty()) out += wrap(names_of(graph, uncovered), 100, "  ");
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
