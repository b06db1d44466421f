#include "io/graph_data_writer.hpp"

#include "io/evidence_json.hpp"

namespace tg {

namespace {

void write_strings(JsonWriter& json, const char* key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    json.key(key).begin_array();
    for (const auto& item : items) json.value(item);
    json.end_array();
}

} // namespace

std::string write_entities_file(const std::vector<Entity>& entities) {
    JsonWriter json;
    json.begin_object().key("entities").begin_array();
    for (const auto& e : entities) {
        json.begin_object().key("id").value(e.id).key("kind").value(e.kind).key("name").value(e.name);
        write_strings(json, "aliases", e.aliases);
        write_strings(json, "domains", e.domains);
        if (!e.attributes.empty()) write_attributes(json, e.attributes);
        if (!e.evidence.empty()) write_evidence(json, e.evidence);
        if (!e.note.empty()) json.key("note").value(e.note);
        json.end_object();
    }
    json.end_array().end_object();
    return json.str();
}

std::string write_relations_file(const std::vector<Relation>& relations) {
    JsonWriter json;
    json.begin_object().key("relations").begin_array();
    for (const auto& r : relations) {
        json.begin_object().key("id").value(r.id).key("source").value(r.source).key("type").value(r.type);
        json.key("target").value(r.target).key("confidence").value(r.confidence);
        if (r.grading) json.key("grading").value(r.grading->code());
        if (r.period) {
            json.key("period").begin_object();
            if (!r.period->from.empty()) json.key("from").value(r.period->from);
            if (!r.period->to.empty()) json.key("to").value(r.period->to);
            json.end_object();
        }
        if (!r.attributes.empty()) write_attributes(json, r.attributes);
        if (!r.evidence.empty()) write_evidence(json, r.evidence);
        if (!r.note.empty()) json.key("note").value(r.note);
        json.end_object();
    }
    json.end_array().end_object();
    return json.str();
}

} // namespace tg
