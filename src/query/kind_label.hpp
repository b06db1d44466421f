#pragma once
// How an entity's kind reads in every text output.
#include "model/knowledge_graph.hpp"

#include <string>

namespace tg {

// The kind's label ("Terrorist group"), or its id when the ontology lacks it.
std::string kind_label(const KnowledgeGraph& graph, const std::string& kind);
std::string kind_label(const KnowledgeGraph& graph, EntityIndex e);

} // namespace tg
