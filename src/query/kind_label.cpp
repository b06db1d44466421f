#include "query/kind_label.hpp"

namespace tg {

std::string kind_label(const KnowledgeGraph& graph, const std::string& kind) {
    const auto* k = graph.ontology().kind(kind);
    return k ? k->label : kind;
}

std::string kind_label(const KnowledgeGraph& graph, EntityIndex e) { return kind_label(graph, graph.entity(e).kind()); }

} // namespace tg
