#pragma once
// Node labels numbered across processes: each label belongs to one process (by a hash of its
// text), which numbers the labels it owns; the processes' numbers follow one another, so that
// process r owns the global numbers starts[r] .. starts[r + 1] - 1 and knows their labels.
#include "dist/exchange.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::dist {

struct Numbering {
    std::vector<std::string> own_labels;  // the labels this process owns, by local number
    std::vector<std::uint64_t> starts;    // the first global number of each process, and the total last
    std::vector<std::uint64_t> global_of; // the global number of each label asked for, in order

    std::uint64_t total() const { return starts.back(); }
    int owner(std::uint64_t global) const; // the process that owns a global number
};

// FNV-1a of a label's bytes: the same in every process, whatever its standard library. A label
// belongs to the process label_hash(label) % processes.
std::uint64_t label_hash(std::string_view label);

// Numbers `labels` (this process's, each once) with every other process's. Collective.
Numbering number_labels(Exchange& exchange, const std::vector<std::string>& labels);

} // namespace tg::dist
