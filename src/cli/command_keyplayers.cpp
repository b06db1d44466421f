// `keyplayers`: the few entities whose removal most fragments the network, or that reach the
// most others (Borgatti 2006).
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/result_writer.hpp"

namespace tg::cli {

int run_keyplayers(Context& context, const KeyPlayersArgs& args) {
    const auto& graph = context.graph();
    context.emit(query::write_result(graph, query::find_key_players(graph, args, context.hooks()), context.format(), flag_words));
    return kOk;
}

} // namespace tg::cli
