#pragma once
// The overview `threatgraph info` prints: counts by kind and relation type, density, and the
// weakly connected components.
#include "model/knowledge_graph.hpp"

#include <map>
#include <string>
#include <vector>

namespace tg {

struct GraphSummary {
    std::size_t entities = 0;
    std::size_t relations = 0;
    bool directed = true;
    std::vector<std::pair<std::string, std::size_t>> by_kind;          // ontology order, non-zero only
    std::vector<std::pair<std::string, std::size_t>> by_relation_type; // ontology order, non-zero only
    std::vector<std::pair<std::string, std::size_t>> by_domain;
    // Relations per ordered pair of distinct entities, as NetworkX's density() counts them:
    // m / (n (n - 1)) directed, 2m / (n (n - 1)) undirected; parallel relations count.
    double density = 0;
    std::size_t components = 0;        // weakly connected
    std::size_t largest_component = 0; // entities in the largest one
    std::size_t isolates = 0;          // entities with no relation
    std::size_t self_loops = 0;
};

GraphSummary summarize(const KnowledgeGraph& graph);

} // namespace tg
