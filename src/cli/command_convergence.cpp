// `convergence`: where crime and terror meet. Brokerage roles between threat domains, Burt's
// constraint and effective size, a convergence score per entity and the nexus relations.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "core/error.hpp"
#include "query/evidence.hpp"
#include "query/result_writer.hpp"
#include "render/graphviz.hpp"
#include "render/network_diagram.hpp"

#include <ostream>

namespace tg::cli {

int run_convergence(Context& context, const ConvergenceArgs& args) {
    const auto& graph = context.graph();
    const GraphSnapshot snapshot(graph);
    const View view = query::convergence_view(snapshot, args);
    if (!args.diagram.empty()) image_format_for(args.diagram); // a bad name fails before the work
    const auto found = query::find_convergence(view, args, context.hooks());
    if (!args.diagram.empty()) {
        const auto& c = found.convergence;
        if (c.nexus.empty()) throw DataError("the nexus is empty: there is nothing to draw", "no path joins actors of different groups");
        const View nexus = relations_only(view, c.nexus);
        DiagramOptions diagram;
        diagram.title = "Nexus: " + count_of(c.nexus.size(), "relation") + " on the shortest paths between " +
                        (args.group_by.empty() ? "threat domains" : "groups");
        write_image(args.diagram, network_diagram(nexus, diagram), layout_for(nexus.active_count()));
        context.err() << "threatgraph: nexus diagram written to " << args.diagram << "\n";
    }
    context.emit(query::write_result(graph, found, context.format(), flag_words, [&]() -> Passages& { return context.passages(); }));
    return kOk;
}

} // namespace tg::cli
