#pragma once
// A network as a reader finds it, column by column: node labels in one block, ties as pairs of
// node numbers, the attributes of nodes and ties in typed columns. A KnowledgeGraph takes it
// over whole (KnowledgeGraph::from_network), with kind "node" for every node and type "tie"
// for every tie, so that millions of ties cost a few bytes each and no object each.
#include "model/attribute_table.hpp"
#include "model/string_column.hpp"

#include <cstdint>
#include <vector>

namespace tg {

struct NetworkTable {
    StringColumn labels;                       // node i as the file names it: its id
    StringColumn names;                        // empty, or one per node ("" for "same as the label")
    std::vector<std::uint32_t> source, target; // tie i joins source[i] to target[i]
    AttributeTable node_attributes, tie_attributes;
    bool directed = true;

    std::size_t node_count() const { return labels.size(); }
    std::size_t tie_count() const { return source.size(); }
};

} // namespace tg
