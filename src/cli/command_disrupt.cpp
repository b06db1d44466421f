// `disrupt`: interdiction simulated. Entities (or ties) are removed one per step by a strategy,
// and after each step the network's cohesion is measured; several strategies can be compared in
// one run, and the curves and the network before and after drawn.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/result_writer.hpp"
#include "render/graphviz_drawings.hpp"
#include "render/robustness_chart.hpp"

namespace tg::cli {

int run_disrupt(Context& context, const DisruptArgs& args) {
    const auto& graph = context.graph();
    parse_curve_measure(args.chart_measure); // a bad name fails before the work
    const auto hooks = context.hooks();
    const auto found = query::find_disruption(graph, args, hooks);
    if (!args.chart.empty() || !args.before.empty() || !args.after.empty()) graphviz_drawings()->disruption(graph, args, found, hooks);
    context.emit(query::write_result(graph, found, context.format(), flag_words));
    return kOk;
}

} // namespace tg::cli
