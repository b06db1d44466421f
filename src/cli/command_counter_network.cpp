// `counter-network`: the coalition set against the threat network, its silos and its coverage,
// and both networks measured side by side.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/evidence.hpp"
#include "query/result_writer.hpp"

namespace tg::cli {

int run_counter_network(Context& context, const CounterNetworkArgs& args) {
    const auto& graph = context.graph();
    context.emit(query::write_result(graph, query::find_counter_network(graph, args), context.format(), flag_words,
                                     [&]() -> Passages& { return context.passages(); }));
    return kOk;
}

} // namespace tg::cli
