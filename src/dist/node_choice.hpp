#pragma once
// Nodes a command names or samples, found across processes: every process gets the same answer.
#include "dist/exchange.hpp"
#include "dist/numbering.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tg::dist {

// The global number of the node labelled `label`; ParameterError (with the closest labels, from
// every process) when there is none. `what` names the option in the message ("--from").
// Collective.
std::uint64_t find_node(Exchange& exchange, const Numbering& numbering, const std::string& label, const std::string& what);

// The sources of a sampled betweenness: the `count` labels whose FNV-1a hash of "SEED:label"
// is smallest (ties by label), as global numbers in that order. The rule depends on the labels
// only, so every process count, and anyone with the file and the seed, picks the same sources.
// Every node when count is 0 or at least their number. Collective.
std::vector<std::uint64_t> sample_sources(Exchange& exchange, const Numbering& numbering, std::uint64_t count, std::uint64_t seed);

} // namespace tg::dist
