#pragma once
// Up to 64 breadth-first searches at once, one bit per search in a word per vertex (Then,
// Kaufmann, Chirigati, Hoang-Vu, Pham, Kemper, Neumann and Vo 2014, MS-BFS): each arc is read
// once per level for all 64, so a batch costs a few single searches. What the diameter and the
// average path length of a large network are computed with.
#include "analysis/view.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace tg {

class MultiSourceSearch {
public:
    static constexpr std::size_t kWidth = 64;

    struct Result {
        std::array<std::uint32_t, kWidth> eccentricity{}; // deepest level reached
        std::array<double, kWidth> total{};               // sum of the distances to every vertex reached
        std::array<std::size_t, kWidth> reached{};        // vertices reached, the source included
    };

    // Holds three words per vertex of the view, reused by every run.
    MultiSourceSearch(const View& view, Direction direction);

    // Searches from sources[0 .. count), count at most kWidth; result i is for source i.
    // Inactive sources reach nothing.
    Result run(const Vertex32* sources, std::size_t count);

private:
    const View& view_;
    Direction direction_;
    std::vector<std::uint64_t> seen_, frontier_, next_;
};

} // namespace tg
