#include "io/node_link_writer.hpp"

#include "io/evidence_json.hpp"

namespace tg {

namespace {

void write_strings(JsonWriter& json, const std::string& key, Span<std::string> items) {
    json.key(key).begin_array();
    for (const auto& item : items) json.value(item);
    json.end_array();
}

} // namespace

std::string write_node_link(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                            const std::vector<RelationIndex>& relations) {
    JsonWriter json;
    json.begin_object().key("directed").value(graph.directed()).key("multigraph").value(true);
    json.key("graph").begin_object().key("producer").value("threatgraph").key("sources").begin_array();
    for (const auto& s : graph.sources()) json.value(s.id);
    json.end_array().end_object();
    json.key("nodes").begin_array();
    for (auto index : entities) {
        const auto& e = graph.entity(index);
        json.begin_object().key("id").value(e.id()).key("name").value(e.name()).key("kind").value(e.kind());
        write_strings(json, "aliases", e.aliases());
        write_strings(json, "domains", e.domains());
        if (!e.note().empty()) json.key("note").value(e.note());
        write_attributes(json, e.attributes());
        write_evidence(json, e.evidence());
        json.end_object();
    }
    json.end_array().key("links").begin_array();
    for (auto index : relations) {
        const auto& r = graph.relation(index);
        const auto* type = graph.ontology().relation_type(r.type());
        json.begin_object().key("source").value(r.source()).key("target").value(r.target()).key("key").value(r.id());
        json.key("type").value(r.type()).key("symmetric").value(type && type->symmetric).key("confidence").value(r.confidence());
        if (r.grading()) json.key("grading").value(r.grading()->code());
        if (r.period()) {
            if (!r.period()->from.empty()) json.key("valid_from").value(r.period()->from);
            if (!r.period()->to.empty()) json.key("valid_to").value(r.period()->to);
        }
        if (!r.note().empty()) json.key("note").value(r.note());
        write_attributes(json, r.attributes());
        write_evidence(json, r.evidence());
        json.end_object();
    }
    json.end_array().end_object();
    return json.str();
}

} // namespace tg
