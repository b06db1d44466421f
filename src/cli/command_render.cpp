// `render`: a diagram of the graph, or of the part the view options select, drawn by Graphviz.
#include "analysis/centrality.hpp"
#include "analysis/clusters.hpp"
#include "analysis/paths.hpp"
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/view_options.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/output.hpp"
#include "render/graphviz.hpp"
#include "render/network_diagram.hpp"

#include <ostream>

namespace tg::cli {

void check_drawable(std::size_t entities, std::size_t limit) {
    if (entities <= limit) return;
    throw UsageError("the view holds " + std::to_string(entities) + " entities, more than a drawing shows (--max-entities " +
                         std::to_string(limit) + ")",
                     "draw a part with --kinds, --domains or --via, "
                     "or raise --max-entities (Graphviz takes about 30 s for 10,000 entities)");
}

int run_render(Context& context, const RenderArgs& args) {
    image_format_for(args.path); // a bad name fails before the work
    static const std::vector<std::string> layouts{"auto", "dot", "neato", "fdp", "sfdp", "circo"};
    choose_name(args.layout, layouts, "layout");
    if (!args.size_by.empty()) choose_name(args.size_by, measure_names(), "measure");

    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    if (view.active_count() == 0) throw DataError("the view is empty: there is nothing to draw", "loosen the filters");
    check_drawable(view.active_count(), args.max_entities);
    DiagramOptions diagram;
    for (const auto& name : args.highlight) diagram.highlighted.push_back(resolve_in_view(view, name));
    if (!args.size_by.empty()) diagram.size_scores = compute_measure(view, args.size_by);
    if (!args.cluster_by.empty()) diagram.clusters = clusters_by(view, args.cluster_by);
    if (!args.paths.empty()) {
        // The most credible chain (cost -ln(confidence) unless --weight says otherwise), relations
        // read either way: how two entities connect, whichever way each relation points.
        const View weighted = make_view(snapshot, args.view, "confidence");
        PathOptions options;
        options.direction = Direction::any;
        for (const auto& text : args.paths) {
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
    diagram.title = args.title.empty() ? count_of(view.active_count(), "entity") + ", " + count_of(relations_in(view).size(), "relation") +
                                             (args.size_by.empty() ? "" : ", sized by " + args.size_by)
                                       : args.title;

    std::string layout = args.layout;
    if (layout == "auto" && !args.cluster_by.empty()) {
        // Of the layouts, dot and fdp draw clusters; dot keeps every member inside its box and
        // draws the same picture every time (Graphviz's fdp does not, even with a fixed seed).
        layout = "dot";
        diagram.rankdir = "LR";
    } else if (layout == "auto") {
        layout = layout_for(view.active_count());
        if (layout != "neato")
            context.err() << "threatgraph: note: " << view.active_count() << " entities: drawn with " << layout
                          << " (neato would take minutes)\n";
    }
    if (layout == "dot" && diagram.rankdir.empty()) diagram.rankdir = "TB";
    write_image(args.path, network_diagram(view, diagram), layout);
    context.err() << "threatgraph: diagram written to " << args.path << " (" << layout << ")\n";
    return kOk;
}

} // namespace tg::cli
