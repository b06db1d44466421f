#include "query/describe.hpp"

#include "query/evidence.hpp"

#include "io/evidence_writer.hpp"
#include "io/json_writer.hpp"

#include "core/output.hpp"

#include <algorithm>
#include <cmath>

namespace tg {

std::string kind_label(const KnowledgeGraph& graph, const std::string& kind) {
    const auto* k = graph.ontology().kind(kind);
    return k ? k->label : kind;
}

std::string kind_label(const KnowledgeGraph& graph, EntityIndex e) { return kind_label(graph, graph.entity(e).kind()); }

void write_entity_fields(JsonWriter& json, const KnowledgeGraph& graph, EntityIndex e) {
    const auto entity = graph.entity(e);
    json.key("id").value(entity.id()).key("name").value(entity.name()).key("kind").value(entity.kind());
}

void write_entity_json(JsonWriter& json, const KnowledgeGraph& graph, EntityIndex e) {
    json.begin_object();
    write_entity_fields(json, graph, e);
    json.end_object();
}

std::string relation_arrow(const KnowledgeGraph& graph, RelationIndex r, bool along) {
    const auto& relation = graph.relation(r);
    const auto* type = graph.ontology().relation_type(relation.type());
    const std::string label = type ? type->label : relation.type();
    if (type && type->symmetric) return " -[" + label + "]- ";
    return along ? " -[" + label + "]-> " : " <-[" + label + "]- ";
}

void write_relation_json(JsonWriter& json, const KnowledgeGraph& graph, RelationIndex r, Passages& passages) {
    const auto relation = graph.relation(r);
    json.begin_object().key("id").value(relation.id()).key("source").value(relation.source()).key("type").value(relation.type());
    json.key("target").value(relation.target()).key("confidence").value(relation.confidence());
    if (relation.grading()) json.key("grading").value(relation.grading()->code());
    write_period(json, relation.period());
    json.key("evidence");
    write_evidence_json(json, graph, relation.evidence(), passages);
    json.end_object();
}

std::optional<RelationIndex> find_relation(const KnowledgeGraph& graph, std::string_view id) {
    for (RelationIndex r = 0; r < graph.relation_count(); ++r)
        if (graph.relation(r).id() == id) return r;
    return std::nullopt;
}

std::string component_size_text(double size) {
    const int whole = size >= 1 ? static_cast<int>(std::floor(std::log10(size))) + 1 : 1;
    return format_number(size, std::max(4, whole + 1));
}

} // namespace tg
