#pragma once
// GEXF (1.1, 1.2 and 1.3: Gephi's, NetworkX's write_gexf, threatgraph's export) into a
// NetworkBuilder: nodes with their labels as names, edges with their weights, declared
// attributes typed as they say, an edge's own type (undirected or mutual in a directed graph:
// read both ways) and 1.3's kind. Drawing (viz:) and time (spells, start, end) are skipped with
// a note. Internal to io/.
#include "io/network_builder.hpp"

namespace tg {

// Whether the graph's defaultedgetype is "undirected".
bool gexf_declares_undirected(const SourceTextPtr& source);

// Throws DataError at the first malformed or unsupported element (nodes inside nodes, an
// attvalue of an undeclared attribute, a value not of its type, an edge to an unknown node).
void read_gexf(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices);

} // namespace tg
