#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/result_writer.hpp"

namespace tg::cli {

int run_search(Context& context, const SearchArgs& args) {
    const auto& graph = context.graph();
    const auto found = query::find_matches(graph, args);
    context.emit(query::write_result(graph, found, context.format(), flag_words));
    // Like grep: 1 when nothing matched, so scripts can tell.
    return found.matches.empty() ? kDataError : kOk;
}

} // namespace tg::cli
