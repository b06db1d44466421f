#include <algorithm>

#include "analysis/structure.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "io/json_writer.hpp"

namespace tg::cli {

int run_structure(Context& context, const StructureArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    const auto summary = summarize_structure(view);
    const auto weak = weak_components(view);
    const auto points = articulation_points(view);
    const auto links = bridges(view);
    const auto cores = core_numbers(view);
    const auto local = clustering(view);
    const auto id = [&](Vertex32 v) { return std::string(graph.entity(v).id()); };
    const auto name = [&](Vertex32 v) { return std::string(graph.entity(v).name()); };

    if (context.format() == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        json.key("entities").value(summary.vertices).key("arcs").value(summary.arcs).key("directed").value(view.directed());
        json.key("density").value(summary.density);
        json.key("weak_components").value(summary.weak_components).key("strong_components").value(summary.strong_components);
        json.key("largest_component").value(summary.largest_component);
        json.key("average_clustering").value(summary.average_clustering).key("transitivity").value(summary.transitivity);
        json.key("max_core").value(summary.max_core);
        json.key("diameter").value(summary.diameter).key("average_path_length").value(summary.average_path_length);
        json.key("components").begin_array();
        for (const auto& c : weak) {
            json.begin_array();
            for (auto v : c) json.value(id(v));
            json.end_array();
        }
        json.end_array().key("articulation_points").begin_array();
        for (auto v : points) json.value(id(v));
        json.end_array().key("bridges").begin_array();
        for (const auto& [a, b] : links) json.begin_array().value(id(a)).value(id(b)).end_array();
        json.end_array().key("core_numbers").begin_object();
        for (auto v : view.active_vertices()) json.key(id(v)).value(cores[v]);
        json.end_object().key("clustering").begin_object();
        for (auto v : view.active_vertices()) json.key(id(v)).value(local[v]);
        json.end_object().end_object();
        context.emit(json.str());
        return kOk;
    }
    if (context.format() == OutputFormat::csv) {
        std::string out = csv_row({"id", "name", "component", "articulation_point", "core_number", "clustering"});
        std::vector<std::size_t> component_of(view.vertex_count(), 0);
        for (std::size_t c = 0; c < weak.size(); ++c)
            for (auto v : weak[c]) component_of[v] = c + 1;
        for (auto v : view.active_vertices())
            out += csv_row({id(v), name(v), std::to_string(component_of[v]),
                            std::binary_search(points.begin(), points.end(), v) ? "true" : "false", std::to_string(cores[v]),
                            format_exact(local[v])});
        context.emit(out);
        return kOk;
    }
    TextTable table;
    table.add({"entities", std::to_string(summary.vertices)});
    table.add({view.directed() ? "linked pairs (directed)" : "linked pairs", std::to_string(summary.arcs)});
    table.add({"density", format_number(summary.density, 4)});
    table.add({"weak components", std::to_string(summary.weak_components) + " (largest: " + std::to_string(summary.largest_component) + ")"});
    if (view.directed()) table.add({"strong components", std::to_string(summary.strong_components)});
    table.add({"average clustering", format_number(summary.average_clustering, 4)});
    table.add({"transitivity", format_number(summary.transitivity, 4)});
    table.add({"highest k-core", std::to_string(summary.max_core)});
    table.add({"diameter", std::to_string(summary.diameter) + " hops (largest component, ignoring direction)"});
    table.add({"average path length", format_number(summary.average_path_length, 4)});
    std::string out = table.str();
    out += "\narticulation points (" + std::to_string(points.size()) + "): removing one splits its component\n";
    for (auto v : points) out += "  " + name(v) + "  [" + id(v) + "]\n";
    out += "\nbridges (" + std::to_string(links.size()) + "): removing one splits its component\n";
    for (const auto& [a, b] : links) out += "  " + name(a) + " -- " + name(b) + "\n";
    std::string core_members;
    for (auto v : view.active_vertices())
        if (cores[v] == summary.max_core) core_members += (core_members.empty() ? "" : ", ") + name(v);
    out += "\n" + std::to_string(summary.max_core) + "-core (the most cohesive group)\n" + wrap(core_members, 100, "  ");
    context.emit(out);
    return kOk;
}

} // namespace tg::cli
