#pragma once
// GML (the Graph Modelling Language of Himsolt's GML, as NetworkX's read_gml and igraph read it):
// one node [...] per entity with the entity id as its label (NetworkX keys nodes by label, so it
// must be unique) and every property as a key of its own (names made of letters, digits and _),
// one edge [...] per relation with its weight. Text is ASCII: &quot; and &amp; for " and &, &#N;
// for anything beyond ASCII (NetworkX decodes it; igraph 0.10 keeps &#N; as written).
#include "model/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace tg {

std::string write_gml(const KnowledgeGraph& graph, const std::vector<EntityIndex>& entities, const std::vector<RelationIndex>& relations);

// A property name as a GML key: letters, digits and _ (anything else becomes _), not starting
// with a digit.
std::string gml_key(const std::string& name);

} // namespace tg
