#include "query/structure_statement.hpp"

namespace tg::query {

StructureFound find_structure(const KnowledgeGraph& graph, const StructureRequest& request, const RunHooks& hooks) {
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, request.view, "hops");
    StructureOptions options;
    options.path_lengths.exact = request.exact;
    options.path_lengths.progress = hooks.meter;
    StructureFound found;
    found.directed = view.directed();
    found.shown = view.active_vertices();
    found.report = analyze_structure(view, options);
    return found;
}

} // namespace tg::query
