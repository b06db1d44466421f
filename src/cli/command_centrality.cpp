#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/result_writer.hpp"

namespace tg::cli {

int run_centrality(Context& context, const CentralityArgs& args) {
    const auto& graph = context.graph();
    context.emit(query::write_result(graph, query::find_centrality(graph, args, context.hooks()), context.format(), flag_words));
    return kOk;
}

} // namespace tg::cli
