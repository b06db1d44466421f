#include "query/render_statement.hpp"

#include "analysis/centrality.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/image_format.hpp"

namespace tg::query {

void check_drawable(std::size_t entities, std::size_t limit) {
    if (entities <= limit) return;
    throw ParameterError("the view holds " + std::to_string(entities) + " entities, more than a drawing shows (" +
                             parameter("max_entities") + " " + std::to_string(limit) + ")",
                         "draw a part with " + parameter("kinds") + ", " + parameter("domains") + " or " + parameter("via") +
                             ", or raise " + parameter("max_entities") + " (Graphviz takes about 30 s for 10,000 entities)");
}

const std::vector<std::string>& layout_names() {
    static const std::vector<std::string> layouts{"auto", "dot", "neato", "fdp", "sfdp", "circo"};
    return layouts;
}

void check_render_request(const RenderRequest& request) {
    image_format_for(request.path);
    choose_name(request.layout, layout_names(), "layout");
    if (!request.size_by.empty()) choose_name(request.size_by, measure_names(), "measure");
}

} // namespace tg::query
