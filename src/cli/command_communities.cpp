#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/result_writer.hpp"

namespace tg::cli {

int run_communities(Context& context, const CommunitiesArgs& args) {
    const auto& graph = context.graph();
    const auto found = query::find_communities(graph, args, context.hooks());
    context.emit(query::write_result(graph, found, context.format(), flag_words));
    return kOk;
}

} // namespace tg::cli
