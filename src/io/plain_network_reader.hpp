#pragma once
// Reads a whitespace edge list straight into a PlainNetwork: the lean path for networks of
// millions of ties, where building a KnowledgeGraph would cost gigabytes. Same grammar as the
// edge lists read_network takes, and the same handling of repeated ties and self-loops, each
// reported in a notice.
#include "core/diagnostic.hpp"
#include "io/network_reader.hpp"
#include "model/plain_network.hpp"

#include <string>
#include <vector>

namespace tg {

struct PlainNetworkImport {
    PlainNetwork network;
    std::vector<Diagnostic> notices;
    std::size_t merged_ties = 0;
    std::size_t self_loops = 0; // kept or dropped, as the options said
};

// Uses options.path, undirected, self_loops and merge. Throws DataError (positioned) on a
// malformed line and IoError when the file cannot be read.
PlainNetworkImport read_plain_edge_list(const NetworkOptions& options);

} // namespace tg
