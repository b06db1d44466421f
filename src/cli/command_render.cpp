// `render`: a diagram of the graph, or of the part the view options select, drawn by Graphviz.
#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "render/graphviz_drawings.hpp"

namespace tg::cli {

int run_render(Context& context, const RenderArgs& args) {
    query::check_render_request(args); // a bad name fails before the graph is loaded
    graphviz_drawings()->network(context.graph(), args, context.hooks());
    return kOk;
}

} // namespace tg::cli
