#pragma once
// How entities and relations read in the commands' text output.
#include "model/knowledge_graph.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tg {

class JsonWriter;
class Passages;

// The kind's label ("Terrorist group"), or its id when the ontology lacks it.
std::string kind_label(const KnowledgeGraph& graph, const std::string& kind);
std::string kind_label(const KnowledgeGraph& graph, EntityIndex e);

// {"id", "name", "kind"}: an entity as every JSON output refers to it; the fields alone go into
// an object the caller opened and goes on filling (a match's score, a node's roles).
void write_entity_json(JsonWriter& json, const KnowledgeGraph& graph, EntityIndex e);
void write_entity_fields(JsonWriter& json, const KnowledgeGraph& graph, EntityIndex e);

// {"id", "source", "type", "target", "confidence", "grading"?, "period"?, "evidence"}: a relation as
// every JSON output lists it, its evidence written as write_evidence_json does.
void write_relation_json(JsonWriter& json, const KnowledgeGraph& graph, RelationIndex r, Passages& passages);

// The relation whose id is `id`, if any (a scan: for the one a user names).
std::optional<RelationIndex> find_relation(const KnowledgeGraph& graph, std::string_view id);

// " -[operates in]-> " when read along the relation, " <-[operates in]- " against it, and
// " -[borders]- " for a symmetric type.
std::string relation_arrow(const KnowledgeGraph& graph, RelationIndex r, bool along = true);

// A component's size, perhaps a mean over random runs: every digit of its whole part and one
// decimal ("11", "10.5", "1234.5").
std::string component_size_text(double size);

} // namespace tg
