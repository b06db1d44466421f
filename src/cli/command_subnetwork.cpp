// `connect` (i2's Find Connecting Network: the union of the shortest paths between every pair
// of the entities named) and `ego` (everything within a few hops of one entity).
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/parameter_words.hpp"
#include "query/evidence.hpp"
#include "query/result_writer.hpp"

namespace tg::cli {

namespace {

int emit(Context& context, const query::SubnetworkFound& found) {
    context.emit(
        query::write_result(context.graph(), found, context.format(), flag_words, [&]() -> Passages& { return context.passages(); }));
    return kOk;
}

} // namespace

int run_connect(Context& context, const ConnectArgs& args) { return emit(context, query::find_connecting_network(context.graph(), args)); }

int run_ego(Context& context, const EgoArgs& args) { return emit(context, query::find_ego_network(context.graph(), args)); }

} // namespace tg::cli
