#pragma once
// Pajek's .net files into a NetworkBuilder: *Vertices (one- or two-mode, labels quoted or bare,
// coordinates and shapes skipped), *Arcs and *Edges (with a weight, and a relation's number and
// name after a colon), *Arcslist, *Edgeslist and *Matrix. A vertex's number is its entity id and
// its label its name. Internal to io/.
#include "io/network_builder.hpp"

namespace tg {

// Whether the file holds only *Edges and *Edgeslist ties: an undirected network.
bool pajek_declares_undirected(const SourceTextPtr& source);

// Whether the text starts (after comments) with a Pajek section: *Network or *Vertices.
bool looks_like_pajek(const std::string& content);

// Throws DataError at the first malformed line, positioned at the offending word. What the file
// holds that a network has no place for (drawing parameters, *Partition sections) is named in
// `notices`.
void read_pajek(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices);

} // namespace tg
