#include "io/graph_data_writer.hpp"

#include "core/error.hpp"
#include "io/evidence_json.hpp"
#include "io/evidence_writer.hpp"

namespace tg {

namespace {

void write_strings(JsonWriter& json, const char* key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    json.key(key).begin_array();
    for (const auto& item : items) json.value(item);
    json.end_array();
}

void write_review(JsonWriter& json, const std::vector<Review>* reviews, std::size_t i, bool with_confidence) {
    if (!reviews) return;
    const auto& review = (*reviews)[i];
    json.key("status").value(status_name(review.status));
    if (!review.rule.empty()) json.key("rule").value(review.rule);
    if (with_confidence) json.key("confidence").value(review.confidence);
}

std::string entities_file(const std::vector<Entity>& entities, const std::vector<Review>* reviews) {
    JsonWriter json;
    json.begin_object().key("entities").begin_array();
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const auto& e = entities[i];
        json.begin_object().key("id").value(e.id);
        write_review(json, reviews, i, true);
        json.key("kind").value(e.kind).key("name").value(e.name);
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

std::string relations_file(const std::vector<Relation>& relations, const std::vector<Review>* reviews) {
    JsonWriter json;
    json.begin_object().key("relations").begin_array();
    for (std::size_t i = 0; i < relations.size(); ++i) {
        const auto& r = relations[i];
        json.begin_object().key("id").value(r.id);
        write_review(json, reviews, i, false);
        json.key("source").value(r.source).key("type").value(r.type);
        json.key("target").value(r.target).key("confidence").value(r.confidence);
        if (r.grading) json.key("grading").value(r.grading->code());
        write_period(json, r.period ? &*r.period : nullptr);
        if (!r.attributes.empty()) write_attributes(json, r.attributes);
        if (!r.evidence.empty()) write_evidence(json, r.evidence);
        if (!r.note.empty()) json.key("note").value(r.note);
        json.end_object();
    }
    json.end_array().end_object();
    return json.str();
}

} // namespace

std::string write_entities_file(const std::vector<Entity>& entities) { return entities_file(entities, nullptr); }
std::string write_relations_file(const std::vector<Relation>& relations) { return relations_file(relations, nullptr); }

std::string write_entities_file(const std::vector<Entity>& entities, const std::vector<Review>& reviews) {
    if (reviews.size() != entities.size()) throw InternalError("write_entities_file: one review per entity expected");
    return entities_file(entities, &reviews);
}

std::string write_relations_file(const std::vector<Relation>& relations, const std::vector<Review>& reviews) {
    if (reviews.size() != relations.size()) throw InternalError("write_relations_file: one review per relation expected");
    return relations_file(relations, &reviews);
}

std::string write_sources_file(const std::vector<SourceDocument>& sources) {
    JsonWriter json;
    json.begin_object().key("sources").begin_array();
    for (const auto& s : sources) {
        json.begin_object().key("id").value(s.id).key("title").value(s.title);
        if (!s.publisher.empty()) json.key("publisher").value(s.publisher);
        if (!s.date.empty()) json.key("date").value(s.date);
        json.key("file").value(s.file).key("sha256").value(s.sha256).key("length").value(static_cast<std::uint64_t>(s.length));
        json.key("sections").begin_array();
        for (const auto& section : s.sections)
            json.begin_object()
                .key("id")
                .value(section.id)
                .key("title")
                .value(section.title)
                .key("start")
                .value(static_cast<std::uint64_t>(section.start))
                .key("end")
                .value(static_cast<std::uint64_t>(section.end))
                .end_object();
        json.end_array().end_object();
    }
    json.end_array().end_object();
    return json.str();
}

} // namespace tg
