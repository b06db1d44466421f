#pragma once
// The graph as NetworkX node-link JSON, the shape networkx.node_link_graph reads: a directed
// multigraph whose links carry the relation id as their key. Every property goes along: kind,
// name, aliases, threat domains, notes, attributes with unit, year, note and evidence, the
// evidence of each entity and relation (source, section, offsets, paraphrase), confidence,
// grading and validity period.
#include "model/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace tg {

// The entities and relations given (indexes, in that order); a relation whose ends are not among
// the entities is the caller's mistake.
std::string write_node_link(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                            const std::vector<RelationIndex>& relations);

} // namespace tg
