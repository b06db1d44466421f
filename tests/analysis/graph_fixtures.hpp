#pragma once
// Small graphs whose measures can be worked out by hand.
#include "model/knowledge_graph.hpp"

#include <initializer_list>
#include <string>
#include <utility>

namespace tg::test {

struct Tie {
    std::string from, to;
    double confidence = 1.0;
    std::string type = "tie";
    std::string valid_from = {};
    std::string valid_to = {};
    double weight = -1; // exactly -1: no weight attribute
};

// A network of nodes "a", "b", ... (kind "node"); `undirected` makes it an undirected graph.
KnowledgeGraph network(std::initializer_list<Tie> ties, bool undirected = false, std::initializer_list<std::string> extra_nodes = {});

} // namespace tg::test
