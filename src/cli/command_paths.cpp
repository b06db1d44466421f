// `paths`: the shortest, the k shortest or every simple path between two entities.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/evidence.hpp"
#include "query/result_writer.hpp"

namespace tg::cli {

int run_paths(Context& context, const PathsArgs& args) {
    const auto& graph = context.graph();
    context.emit(query::write_result(graph, query::find_paths(graph, args, context.hooks()), context.format(), flag_words,
                                     [&]() -> Passages& { return context.passages(); }));
    return kOk;
}

} // namespace tg::cli
