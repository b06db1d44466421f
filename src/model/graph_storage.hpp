#pragma once
// The Boost.Graph side of KnowledgeGraph. Include only from .cpp files in model/ and analysis/:
// it pulls in the adjacency_list headers.
#include "model/alias_index.hpp"
#include "model/entity.hpp"
#include "model/ontology.hpp"
#include "model/relation.hpp"
#include "model/source_document.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace tg {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

struct GraphStorage {
    Ontology ontology;
    std::vector<SourceDocument> sources;
    bool directed = true;
    BoostGraph graph;
    std::vector<Edge> edges; // by RelationIndex
    std::unordered_map<const Relation*, RelationIndex> edge_index;
    std::unordered_map<std::string, EntityIndex> by_id;
    AliasIndex aliases;

    RelationIndex index_of(const Edge& e) const { return edge_index.at(&graph[e]); }
};

} // namespace tg
