// `disrupt`: interdiction simulated. Entities (or ties) are removed one per step by a strategy,
// and after each step the network's cohesion is measured; several strategies can be compared in
// one run.
#include "analysis/disruption.hpp"
#include "analysis/structure.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/view_options.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/output.hpp"
#include "io/json_writer.hpp"
#include "render/graphviz.hpp"
#include "render/network_diagram.hpp"
#include "render/robustness_chart.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

namespace tg::cli {

namespace {

// A component's size, a mean over random runs: every digit of its whole part, one decimal.
std::string size_text(double size) {
    const int whole = size >= 1 ? static_cast<int>(std::floor(std::log10(size))) + 1 : 1;
    return format_number(size, std::max(4, whole + 1));
}

void write_disruption(JsonWriter& json, const KnowledgeGraph& graph, const Disruption& d) {
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

// "A--B": the tie between two entities, smaller vertex first.
Tie resolve_tie(const View& view, const std::string& text) {
    const auto [a, b] = resolve_pair_in_view(view, text, "tie");
    return {std::min(a, b), std::max(a, b)};
}

} // namespace

int run_disrupt(Context& context, const DisruptArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops").undirected();

    const auto chart_measure = parse_curve_measure(args.chart_measure);
    for (const auto* path : {&args.chart, &args.before, &args.after})
        if (!path->empty()) image_format_for(*path); // a bad name fails before the work
    const auto unit = static_cast<RemovalUnit>(choose_name(args.remove, {"entities", "ties"}, "--remove value"));
    std::vector<RemovalStrategy> strategies;
    for (const auto& name : args.strategies) strategies.push_back(parse_removal_strategy(name));
    if (strategies.empty()) strategies.push_back(unit == RemovalUnit::ties ? RemovalStrategy::betweenness : RemovalStrategy::degree);
    const bool named = std::find(strategies.begin(), strategies.end(), RemovalStrategy::names) != strategies.end();
    if (!args.targets.empty() && !named) throw UsageError("--targets goes with --strategy names");
    std::vector<Vertex32> targets;
    std::vector<Tie> target_ties;
    for (const auto& t : args.targets) {
        if (unit == RemovalUnit::ties)
            target_ties.push_back(resolve_tie(view, t));
        else
            targets.push_back(resolve_in_view(view, t));
    }
    if (args.steps && *args.steps == 0) throw UsageError("--steps must be at least 1");
    if (named && strategies.size() == 1 && args.steps && *args.steps != args.targets.size())
        throw UsageError("--steps " + std::to_string(*args.steps) + " differs from the " + std::to_string(args.targets.size()) +
                             " targets named",
                         "leave out --steps: the names strategy removes each target once");
    const std::size_t default_steps = std::min<std::size_t>(10, unit == RemovalUnit::ties ? ties_of(view).size() : view.active_count());

    if (!args.after.empty() && strategies.front() == RemovalStrategy::random)
        throw UsageError("--after draws the first strategy's removals, and random runs each remove others", "list another strategy first");
    std::vector<Disruption> results;
    for (auto strategy : strategies) {
        DisruptionOptions options;
        options.strategy = strategy;
        options.unit = unit;
        options.steps = strategy == RemovalStrategy::names ? args.targets.size() : args.steps.value_or(default_steps);
        // By default the key-player set leaves at least one entity out.
        if (strategy == RemovalStrategy::keyplayer && !args.steps && unit == RemovalUnit::entities)
            options.steps = std::min(default_steps, view.active_count() - 1);
        options.targets = targets;
        options.target_ties = target_ties;
        options.runs = args.seeds;
        options.seed = args.seed;
        options.samples = args.samples;
        options.progress = [&](const std::string& line) { context.progress(line); };
        results.push_back(simulate_disruption(view, options));
    }
    if (!args.chart.empty()) {
        const std::string title = "Robustness of the network (" + std::to_string(view.active_count()) + " entities) under removal";
        write_image(args.chart, robustness_chart(results, chart_measure, title), "nop2");
        context.err() << "threatgraph: chart written to " << args.chart << "\n";
    }
    if (!args.before.empty() || !args.after.empty()) {
        const auto& first = results.front();
        DiagramOptions diagram;
        const auto layout = layout_for(view.active_count());
        if (layout != "neato") context.err() << "threatgraph: note: " << view.active_count() << " entities: drawn with sfdp\n";
        if (!args.before.empty()) {
            diagram.title = "Before: " + std::to_string(first.initial.nodes) + " entities, largest component " +
                            std::to_string(first.initial.largest_component);
            write_image(args.before, network_diagram(view, diagram), layout);
            context.err() << "threatgraph: diagram written to " << args.before << "\n";
        }
        if (!args.after.empty()) {
            for (const auto& s : first.steps) {
                diagram.removed.insert(diagram.removed.end(), s.removed.begin(), s.removed.end());
                diagram.cut.insert(diagram.cut.end(), s.cut.begin(), s.cut.end());
            }
            diagram.cut_off = cut_off_from_largest_component(view, diagram.removed, diagram.cut);
            const auto what = unit == RemovalUnit::ties ? "cutting " + count_of(diagram.cut.size(), "tie")
                                                        : "removing " + count_of(diagram.removed.size(), "entity");
            diagram.title = "After " + what + " by " + strategy_name(first.strategy) + ": largest component " +
                            size_text(first.steps.back().largest_component) + " (grey: removed or cut; unfilled: cut off)";
            write_image(args.after, network_diagram(view, diagram), layout);
            context.err() << "threatgraph: diagram written to " << args.after << "\n";
        }
    }

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        if (results.size() == 1) {
            write_disruption(json, graph, results.front());
        } else {
            json.begin_array();
            for (const auto& d : results) write_disruption(json, graph, d);
            json.end_array();
        }
        context.emit(json.str());
        return kOk;
    }
    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"strategy", "step", "removed", "largest_component", "largest_component_fraction", "components",
                                   "fragmentation", "efficiency"});
        for (const auto& d : results) {
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
        context.emit(out);
        return kOk;
    }
    std::string out;
    for (const auto& d : results) {
        if (!out.empty()) out += "\n";
        out += "strategy " + strategy_name(d.strategy);
        if (d.strategy == RemovalStrategy::random)
            out += " (mean of " + std::to_string(d.runs) + " runs, seeds " + std::to_string(args.seed) + " to " +
                   std::to_string(args.seed + d.runs - 1) + ")";
        out += ": " + std::to_string(d.initial.nodes) + " entities" + ", largest component " + std::to_string(d.initial.largest_component) +
               ", " + count_of(d.initial.components, "component") + ", fragmentation " + format_number(d.initial.fragmentation, 4) +
               ", efficiency " + format_number(d.initial.efficiency, 4) + "\n";
        TextTable table({"step", "largest", "share", "components", "fragmentation", "efficiency", "removed"});
        for (std::size_t k = 0; k < d.steps.size(); ++k) {
            const auto& s = d.steps[k];
            table.add({std::to_string(k + 1), size_text(s.largest_component), format_number(100 * s.largest_component_fraction, 3) + "%",
                       format_number(s.components, 4), format_number(s.fragmentation, 4), format_number(s.efficiency, 4),
                       removed_names(graph, s)});
        }
        out += table.str("  ");
    }
    if (results.size() > 1) {
        out += "\nafter the last step\n";
        TextTable summary({"strategy", "largest share", "fragmentation", "efficiency"});
        for (const auto& d : results) {
            const auto& s = d.steps.back();
            summary.add({strategy_name(d.strategy), format_number(100 * s.largest_component_fraction, 3) + "%",
                         format_number(s.fragmentation, 4), format_number(s.efficiency, 4)});
        }
        out += summary.str("  ");
    }
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
