#pragma once
// A whitespace edge list (io/edge_list_scan's grammar) into a NetworkBuilder. A large list whose
// labels are all plain numbers, the usual shape of millions of ties, is parsed in two halves on
// two threads. Internal to io/.
#include "io/network_builder.hpp"

namespace tg {

// Throws DataError at the first malformed line, positioned at the offending field.
void read_edge_list(const SourceTextPtr& source, NetworkBuilder& builder);

} // namespace tg
