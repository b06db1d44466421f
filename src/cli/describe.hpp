#pragma once
// How entities and relations read in the commands' text output.
#include "model/knowledge_graph.hpp"

#include <string>

namespace tg {
class JsonWriter;
}

namespace tg::cli {

// The kind's label ("Terrorist group"), or its id when the ontology lacks it.
std::string kind_label(const KnowledgeGraph& graph, const std::string& kind);
std::string kind_label(const KnowledgeGraph& graph, EntityIndex e);

// {"id", "source", "type", "target", "confidence"}: a relation as the JSON outputs list it.
void write_relation_json(JsonWriter& json, const RelationRef& relation);

// " -[operates in]-> " when read along the relation, " <-[operates in]- " against it, and
// " -[borders]- " for a symmetric type.
std::string relation_arrow(const KnowledgeGraph& graph, RelationIndex r, bool along = true);

} // namespace tg::cli
