#pragma once
// What the statements that draw (RENDER, EXPORT AS dot, DISRUPT's CHART) ask of a drawing
// engine. The query layer knows no Graphviz: the render layer, above it, draws
// (render/graphviz_drawings.hpp), and whoever builds an executor hands it the engine.
#include "analysis/view.hpp"
#include "query/disrupt_statement.hpp"
#include "query/render_statement.hpp"
#include "query/results.hpp"
#include "query/run_hooks.hpp"

#include <string>

namespace tg::query {

class Drawings {
public:
    virtual ~Drawings() = default;
    // The view's network as DOT text with a title (empty: none).
    virtual std::string network_dot(const View& view, const std::string& title) const = 0;
    // The picture a RENDER statement or the render command asks for, written to its path.
    virtual FileWritten network(const KnowledgeGraph& graph, const RenderRequest& request, const RunHooks& hooks) const = 0;
    // The robustness chart and the before and after pictures a disruption request names.
    virtual void disruption(const KnowledgeGraph& graph, const DisruptRequest& request, const DisruptionFound& found,
                            const RunHooks& hooks) const = 0;
};

} // namespace tg::query
