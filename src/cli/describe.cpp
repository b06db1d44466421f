#include "cli/describe.hpp"

#include "io/json_writer.hpp"

namespace tg::cli {

std::string kind_label(const KnowledgeGraph& graph, const std::string& kind) {
    const auto* k = graph.ontology().kind(kind);
    return k ? k->label : kind;
}

std::string kind_label(const KnowledgeGraph& graph, EntityIndex e) { return kind_label(graph, graph.entity(e).kind()); }

std::string relation_arrow(const KnowledgeGraph& graph, RelationIndex r, bool along) {
    const auto& relation = graph.relation(r);
    const auto* type = graph.ontology().relation_type(relation.type());
    const std::string label = type ? type->label : relation.type();
    if (type && type->symmetric) return " -[" + label + "]- ";
    return along ? " -[" + label + "]-> " : " <-[" + label + "]- ";
}

void write_relation_json(JsonWriter& json, const RelationRef& relation) {
    json.begin_object().key("id").value(relation.id()).key("source").value(relation.source()).key("type").value(relation.type());
    json.key("target").value(relation.target()).key("confidence").value(relation.confidence()).end_object();
}

} // namespace tg::cli
