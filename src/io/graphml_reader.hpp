#pragma once
// GraphML (http://graphml.graphdrawing.org/) into a NetworkBuilder: declared keys become typed
// attributes, a "name" or "label" key becomes the node name. Internal to io/.
#include "io/network_builder.hpp"

namespace tg {

bool graphml_declares_undirected(const SourceTextPtr& source);
void read_graphml(const SourceTextPtr& source, NetworkBuilder& builder);

} // namespace tg
