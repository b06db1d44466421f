#include "core/output.hpp"
#include "io/json_writer.hpp"
#include "query/describe.hpp"
#include "query/result_writer_parts.hpp"

namespace tg::query {

namespace {

void write_one(JsonWriter& json, const KnowledgeGraph& graph, const Disruption& d) {
    json.begin_object().key("strategy").value(strategy_name(d.strategy));
    if (d.unit == RemovalUnit::ties) json.key("unit").value("ties");
    if (d.strategy == RemovalStrategy::random) json.key("runs").value(d.runs);
    json.key("initial").begin_object().key("nodes").value(d.initial.nodes);
    json.key("largest_component").value(d.initial.largest_component).key("components").value(d.initial.components);
    json.key("fragmentation").value(d.initial.fragmentation).key("efficiency").value(d.initial.efficiency).end_object();
    json.key("steps").begin_array();
    for (const auto& s : d.steps) {
        json.begin_object().key("removed").begin_array();
        for (auto v : s.removed) json.value(graph.entity(v).id());
        json.end_array();
        if (d.unit == RemovalUnit::ties) {
            json.key("cut").begin_array();
            for (const auto& [a, b] : s.cut) json.begin_array().value(graph.entity(a).id()).value(graph.entity(b).id()).end_array();
            json.end_array();
        }
        json.key("largest_component").value(s.largest_component).key("largest_component_fraction").value(s.largest_component_fraction);
        json.key("components").value(s.components).key("fragmentation").value(s.fragmentation).key("efficiency").value(s.efficiency);
        json.end_object();
    }
    json.end_array().end_object();
}

std::string removed_names(const KnowledgeGraph& graph, const DisruptionStep& s) {
    std::string names;
    for (auto v : s.removed) names += (names.empty() ? "" : ", ") + std::string(graph.entity(v).name());
    for (const auto& [a, b] : s.cut)
        names += (names.empty() ? "" : ", ") + std::string(graph.entity(a).name()) + " -- " + std::string(graph.entity(b).name());
    return names;
}

std::string removed_ids(const KnowledgeGraph& graph, const DisruptionStep& s) {
    std::string ids;
    for (auto v : s.removed) ids += (ids.empty() ? "" : ";") + std::string(graph.entity(v).id());
    for (const auto& [a, b] : s.cut)
        ids += (ids.empty() ? "" : ";") + std::string(graph.entity(a).id()) + "--" + std::string(graph.entity(b).id());
    return ids;
}

} // namespace

std::string write_disruption(const KnowledgeGraph& graph, const DisruptionFound& found, OutputFormat format) {
    if (format == OutputFormat::json) {
        JsonWriter json;
        if (found.strategies.size() == 1) {
            write_one(json, graph, found.strategies.front());
        } else {
            json.begin_array();
            for (const auto& d : found.strategies) write_one(json, graph, d);
            json.end_array();
        }
        return json.str();
    }
    if (format == OutputFormat::csv) {
        std::string out = csv_row({"strategy", "step", "removed", "largest_component", "largest_component_fraction", "components",
                                   "fragmentation", "efficiency"});
        for (const auto& d : found.strategies) {
            const auto& i = d.initial;
            out += csv_row({strategy_name(d.strategy), "0", "", std::to_string(i.largest_component), "1", std::to_string(i.components),
                            format_exact(i.fragmentation), format_exact(i.efficiency)});
            for (std::size_t k = 0; k < d.steps.size(); ++k) {
                const auto& s = d.steps[k];
                out += csv_row({strategy_name(d.strategy), std::to_string(k + 1), removed_ids(graph, s), format_exact(s.largest_component),
                                format_exact(s.largest_component_fraction), format_exact(s.components), format_exact(s.fragmentation),
                                format_exact(s.efficiency)});
            }
        }
        return out;
    }
    std::string out;
    for (const auto& d : found.strategies) {
        if (!out.empty()) out += "\n";
        out += "strategy " + strategy_name(d.strategy);
        if (d.strategy == RemovalStrategy::random)
            out += " (mean of " + std::to_string(d.runs) + " runs, seeds " + std::to_string(found.seed) + " to " +
                   std::to_string(found.seed + d.runs - 1) + ")";
        out += ": " + std::to_string(d.initial.nodes) + " entities" + ", largest component " + std::to_string(d.initial.largest_component) +
               ", " + count_of(d.initial.components, "component") + ", fragmentation " + format_number(d.initial.fragmentation, 4) +
               ", efficiency " + format_number(d.initial.efficiency, 4) + "\n";
        TextTable table({"step", "largest", "share", "components", "fragmentation", "efficiency", "removed"});
        for (std::size_t k = 0; k < d.steps.size(); ++k) {
            const auto& s = d.steps[k];
            table.add({std::to_string(k + 1), component_size_text(s.largest_component),
                       format_number(100 * s.largest_component_fraction, 3) + "%", format_number(s.components, 4),
                       format_number(s.fragmentation, 4), format_number(s.efficiency, 4), removed_names(graph, s)});
        }
        out += table.str("  ");
    }
    if (found.strategies.size() > 1) {
        out += "\nafter the last step\n";
        TextTable summary({"strategy", "largest share", "fragmentation", "efficiency"});
        for (const auto& d : found.strategies) {
            const auto& s = d.steps.back();
            summary.add({strategy_name(d.strategy), format_number(100 * s.largest_component_fraction, 3) + "%",
                         format_number(s.fragmentation, 4), format_number(s.efficiency, 4)});
        }
        out += summary.str("  ");
    }
    return out;
}

} // namespace tg::query
