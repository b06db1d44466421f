#pragma once
// The drawings the query layer asks for (query/drawings.hpp), made with Graphviz: a network
// picture with its highlights, sizes and boxes, a network's DOT text, and a disruption's
// robustness chart and before and after pictures.
#include "query/drawings.hpp"

#include <memory>

namespace tg {

class GraphvizDrawings : public query::Drawings {
public:
    std::string network_dot(const View& view, const std::string& title) const override;
    // DataError for an empty view, an entity outside it, or no path between two named;
    // ParameterError for too many entities to draw. The layout chosen for many entities goes to
    // hooks.note, the file written to hooks.remark.
    query::FileWritten network(const KnowledgeGraph& graph, const query::RenderRequest& request,
                               const query::RunHooks& hooks) const override;
    void disruption(const KnowledgeGraph& graph, const query::DisruptRequest& request, const query::DisruptionFound& found,
                    const query::RunHooks& hooks) const override;
};

// The engine every front end hands its executor.
std::shared_ptr<const query::Drawings> graphviz_drawings();

} // namespace tg
