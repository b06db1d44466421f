#pragma once
// DyNetML, the XML of CASOS's ORA (a DynamicMetaNetwork of MetaNetworks, or a MetaNetwork
// alone), into a NetworkBuilder: every node of every node class with its title as name, its class
// (attributes "nodeclass" and "nodeclass_type") and its properties as attributes; the links of every network as ties with their value as weight
// and the network's id as attribute "network". A network with isDirected="false" in a file whose
// other networks are directed is read both ways, with a note; a node id used by two classes is
// told apart as "class:id", with a note. Only the first MetaNetwork (time period) is read; the
// others are counted in a note. ORA's measures are skipped with a note. Internal to io/.
#include "io/network_builder.hpp"

namespace tg {

// Whether the file has networks and every one of the first MetaNetwork is isDirected="false".
bool dynetml_declares_undirected(const SourceTextPtr& source);

// Whether text starts (after the XML declaration and comments) like a DyNetML document.
bool looks_like_dynetml(const std::string& content);

// Throws DataError at the first malformed element (a link to a node its class does not hold, a
// value that is not a number, a node listed twice in its class).
void read_dynetml(const SourceTextPtr& source, NetworkBuilder& builder, std::vector<Diagnostic>& notices);

} // namespace tg
