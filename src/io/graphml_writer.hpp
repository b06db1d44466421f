#pragma once
// GraphML (http://graphml.graphdrawing.org/) with one declared, typed key per property: name,
// kind, aliases, domains, note and evidence of entities; type, confidence, grading, validity and
// evidence of relations; every attribute as a key of its own type (see property_columns.hpp).
// Entity and relation ids are the node and edge ids. NetworkX, igraph and Gephi read it, and
// `threatgraph import` reads it back into the same graph.
#include "model/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace tg {

std::string write_graphml(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities,
                          const std::vector<RelationIndex>& relations);

} // namespace tg
