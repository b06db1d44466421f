#include "render/graphviz_drawings.hpp"

#include "analysis/centrality.hpp"
#include "analysis/clusters.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "query/describe.hpp"
#include "render/graphviz.hpp"
#include "render/network_diagram.hpp"
#include "render/robustness_chart.hpp"

namespace tg {

namespace {

void tell(const query::RunHooks& hooks, const std::string& line) {
    if (hooks.remark) hooks.remark(line);
}

} // namespace

std::string GraphvizDrawings::network_dot(const View& view, const std::string& title) const {
    DiagramOptions diagram;
    diagram.title = title;
    return network_diagram(view, diagram);
}

query::FileWritten GraphvizDrawings::network(const KnowledgeGraph& graph, const query::RenderRequest& request,
                                             const query::RunHooks& hooks) const {
    query::check_render_request(request);
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, request.view, "hops");
    if (view.active_count() == 0) throw DataError("the view is empty: there is nothing to draw", "loosen the filters");
    query::check_drawable(view.active_count(), request.max_entities);
    DiagramOptions diagram;
    for (const auto& name : request.highlight) diagram.highlighted.push_back(resolve_in_view(view, name));
    if (!request.size_by.empty()) diagram.size_scores = compute_measure(view, request.size_by);
    if (!request.cluster_by.empty()) diagram.clusters = clusters_by(view, request.cluster_by);
    if (!request.paths.empty()) {
        // The most credible chain (cost -ln(confidence) unless the weight says otherwise),
        // relations read either way: how two entities connect, whichever way each relation points.
        const View weighted = make_view(snapshot, request.view, "confidence");
        PathOptions options;
        options.direction = Direction::any;
        for (const auto& text : request.paths) {
            const auto [a, b] = resolve_pair_in_view(weighted, text, "path");
            const auto found = shortest_paths(weighted, a, b, options, 1);
            if (found.empty())
                throw DataError("no path joins \"" + std::string(graph.entity(a).name()) + "\" and \"" +
                                    std::string(graph.entity(b).name()) + "\" in the view",
                                "loosen the filters");
            for (auto v : found.front().vertices) diagram.highlighted.push_back(v);
            for (const auto& hop : found.front().hops) diagram.highlighted_relations.push_back(hop.relation);
        }
    }
    const auto relations = relations_in(view).size();
    diagram.title = request.title.empty() ? count_of(view.active_count(), "entity") + ", " + count_of(relations, "relation") +
                                                (request.size_by.empty() ? "" : ", sized by " + request.size_by)
                                          : request.title;

    std::string layout = request.layout;
    if (layout == "auto" && !request.cluster_by.empty()) {
        // Of the layouts, dot and fdp draw clusters; dot keeps every member inside its box and
        // draws the same picture every time (Graphviz's fdp does not, even with a fixed seed).
        layout = "dot";
        diagram.rankdir = "LR";
    } else if (layout == "auto") {
        layout = layout_for(view.active_count());
        if (layout != "neato" && hooks.note)
            hooks.note(std::to_string(view.active_count()) + " entities: drawn with " + layout + " (neato would take minutes)");
    }
    if (layout == "dot" && diagram.rankdir.empty()) diagram.rankdir = "TB";
    write_image(request.path, network_diagram(view, diagram), layout);
    tell(hooks, "diagram written to " + request.path + " (" + layout + ")");
    return {request.path, format_name(image_format_for(request.path)), view.active_count(), relations};
}

void GraphvizDrawings::disruption(const KnowledgeGraph& graph, const query::DisruptRequest& request, const query::DisruptionFound& found,
                                  const query::RunHooks& hooks) const {
    const auto chart_measure = parse_curve_measure(request.chart_measure);
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, request.view, "hops").undirected();
    if (!request.chart.empty()) {
        const std::string title = "Robustness of the network (" + std::to_string(view.active_count()) + " entities) under removal";
        write_image(request.chart, robustness_chart(found.strategies, chart_measure, title), "nop2");
        tell(hooks, "chart written to " + request.chart);
    }
    if (request.before.empty() && request.after.empty()) return;
    const auto& first = found.strategies.front();
    DiagramOptions diagram;
    const auto layout = layout_for(view.active_count());
    if (layout != "neato" && hooks.note) hooks.note(std::to_string(view.active_count()) + " entities: drawn with sfdp");
    if (!request.before.empty()) {
        diagram.title = "Before: " + std::to_string(first.initial.nodes) + " entities, largest component " +
                        std::to_string(first.initial.largest_component);
        write_image(request.before, network_diagram(view, diagram), layout);
        tell(hooks, "diagram written to " + request.before);
    }
    if (!request.after.empty()) {
        for (const auto& s : first.steps) {
            diagram.removed.insert(diagram.removed.end(), s.removed.begin(), s.removed.end());
            diagram.cut.insert(diagram.cut.end(), s.cut.begin(), s.cut.end());
        }
        diagram.cut_off = cut_off_from_largest_component(view, diagram.removed, diagram.cut);
        const auto what = first.unit == RemovalUnit::ties ? "cutting " + count_of(diagram.cut.size(), "tie")
                                                          : "removing " + count_of(diagram.removed.size(), "entity");
        diagram.title = "After " + what + " by " + strategy_name(first.strategy) + ": largest component " +
                        component_size_text(first.steps.back().largest_component) + " (grey: removed or cut; unfilled: cut off)";
        write_image(request.after, network_diagram(view, diagram), layout);
        tell(hooks, "diagram written to " + request.after);
    }
}

std::shared_ptr<const query::Drawings> graphviz_drawings() { return std::make_shared<GraphvizDrawings>(); }

} // namespace tg
