// `show` and `info`: one entity or relation with everything known about it, and the whole graph
// in counts.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/evidence.hpp"
#include "query/result_writer.hpp"
#include "query/show_statement.hpp"

namespace tg::cli {

int run_show(Context& context, const ShowArgs& args) {
    const auto& graph = context.graph();
    context.emit(query::write_result(graph, query::find_shown(graph, args.entity, context.origin()), context.format(), flag_words,
                                     [&]() -> Passages& { return context.passages(); }));
    return kOk;
}

int run_info(Context& context) {
    const auto& graph = context.graph();
    context.emit(query::write_result(graph, query::find_summary(graph, context.origin()), context.format(), flag_words));
    return kOk;
}

} // namespace tg::cli
