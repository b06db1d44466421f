#pragma once
// GML (NetworkX's write_gml, igraph's, threatgraph's export, yEd's, Pajek's) into a
// NetworkBuilder: graph [ directed ... node [ id label ... ] edge [ source target weight ... ] ].
// A node is known by its label (its id when it has none), as NetworkX reads it, and named by its
// name key; scalar keys become attributes; nested
// lists (graphics [...]) are skipped with a note. Strings may hold &#N; and the named XML
// entities. Internal to io/.
#include "io/network_builder.hpp"

namespace tg {

// Whether the graph says "directed 1" (GML's default is undirected).
bool gml_declares_directed(const SourceTextPtr& source);

// Throws DataError at the first malformed token (an unclosed list or string, a node without an
// id, an edge to an unknown node, a node id listed twice).
void read_gml(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices);

} // namespace tg
