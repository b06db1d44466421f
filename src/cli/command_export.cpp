// `export`: the graph, or the part the view options select, in a format another tool reads.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/view_options.hpp"
#include "core/fuzzy.hpp"
#include "io/node_link_writer.hpp"
#include "render/network_diagram.hpp"

#include <algorithm>

namespace tg::cli {

int run_export(Context& context, const ExportArgs& args) {
    static const std::vector<std::string> formats{"json", "dot"};
    const auto format = choose_name(args.to, formats, "export format");
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, args.view, "hops");
    if (format == 1) {
        DiagramOptions diagram;
        diagram.title = graph.entity_count() == view.active_count() ? "" : "a view of the graph";
        context.emit(network_diagram(view, diagram));
        return kOk;
    }
    std::vector<EntityIndex> entities;
    for (auto v : view.active_vertices()) entities.push_back(v);
    // Every relation of the view once, whatever the arcs a symmetric type gives it.
    std::vector<RelationIndex> relations;
    for (auto u : view.active_vertices())
        for (std::size_t p = snapshot.out_begin(u); p < snapshot.out_begin(u + 1); ++p)
            if (view.arc_active(p) && view.active(snapshot.out_target(p))) relations.push_back(snapshot.out_relation(p));
    std::sort(relations.begin(), relations.end());
    relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    context.emit(write_node_link(graph, entities, relations));
    return kOk;
}

} // namespace tg::cli
