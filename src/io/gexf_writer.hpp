#pragma once
// GEXF 1.2 (https://gexf.net/), which Gephi and NetworkX (read_gexf) both read: every property of
// entities and relations as a declared, typed attribute (the same columns as GraphML), entity
// names as labels, relation types as edge labels (and a "type" attribute), the network's own
// weight as the edge weight (the confidence when the ties have none), each kind's colour from
// the ontology, and a relation's validity period as a spell, so Gephi's timeline filters the
// network by date.
// Export only: GraphML and node-link JSON are the formats that come back.
#include "model/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace tg {

std::string write_gexf(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities, const std::vector<RelationIndex>& relations);

// A validity bound as a full date: the first day of a year or month when it starts a period,
// the last day when it ends one ("2018" -> "2018-01-01" or "2018-12-31").
std::string spell_date(const std::string& date, bool end);

} // namespace tg
