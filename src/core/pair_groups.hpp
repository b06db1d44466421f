#pragma once
// Pairs grouped by their first element, the way both the edge-list reader (to find repeated
// ties) and the snapshot (to lay out arcs) need them: every pair placed in its group once, then
// each group sorted where it lies, in the cache, instead of sorting all the pairs at once.
#include "core/huge_pages.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace tg {

struct PairGroups {
    // Group k is entries [offset[k], offset[k + 1]).
    std::vector<std::size_t> offset;
    // (second element << 32) | pair number, so that a group is ordered by second element, then
    // by pair number: pairs alike keep the order they were given in.
    std::vector<std::uint64_t> entry;

    static std::uint32_t second(std::uint64_t e) { return static_cast<std::uint32_t>(e >> 32); }
    static std::uint32_t pair(std::uint64_t e) { return static_cast<std::uint32_t>(e); }
};

// Groups pairs 0..m-1, pair i being ends(i) = (first, second) with first below n; fewer than
// 2^32 pairs.
template <class Ends>
PairGroups group_pairs(std::size_t n, std::size_t m, Ends&& ends) {
    PairGroups out;
    out.offset = huge_vector<std::size_t>(n + 1, 0);
    for (std::size_t i = 0; i < m; ++i) ++out.offset[ends(i).first + 1];
    for (std::size_t k = 0; k < n; ++k) out.offset[k + 1] += out.offset[k];
    out.entry = huge_vector<std::uint64_t>(m);
    {
        auto cursor = huge_vector<std::size_t>(n);
        std::copy(out.offset.begin(), out.offset.end() - 1, cursor.begin());
        for (std::size_t i = 0; i < m; ++i) {
            const auto [first, second] = ends(i);
            out.entry[cursor[first]++] = (std::uint64_t{second} << 32) | i;
        }
    }
    for (std::size_t k = 0; k < n; ++k)
        std::sort(out.entry.begin() + static_cast<std::ptrdiff_t>(out.offset[k]),
                  out.entry.begin() + static_cast<std::ptrdiff_t>(out.offset[k + 1]));
    return out;
}

} // namespace tg
