#pragma once
// How well a network holds together, read without direction and by hops: its components,
// Borgatti's (2006) fragmentation F (the share of node pairs that cannot reach each other) and
// the global efficiency of Latora and Marchiori (2001) (the mean of 1/d over ordered pairs, 0
// for a pair that cannot meet), whose complement is Borgatti's distance-weighted fragmentation.
// These are the numbers key-player searches and disruption simulations drive.
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tg {

struct Cohesion {
    std::size_t nodes = 0;             // active vertices
    std::size_t components = 0;        // weak components
    std::size_t largest_component = 0; // its size in vertices
    double fragmentation = 0;          // F
    double efficiency = 0;             // 1 - distance-weighted fragmentation
};

// Sizes of the weak components, largest first.
std::vector<std::size_t> component_sizes(const View& view);

// F = 1 - sum of s(s-1) over components / n(n-1). With fewer than two vertices no pair can
// meet, and F is 1.
double fragmentation(const View& view);

// NetworkX global_efficiency of the view read without direction: 0 with fewer than two vertices.
// With `samples` k (0 < k < n), an unbiased estimate from k sources drawn with `seed`: the mean of
// 1/d over the pairs that start at them. Sources are searched on two threads.
double global_efficiency(const View& view, std::size_t samples = 0, std::uint64_t seed = 0, const ProgressMeter& progress = {});

// Borgatti's distance-weighted fragmentation, 1 - global efficiency.
double distance_fragmentation(const View& view, const ProgressMeter& progress = {});

// F of the view after removing each active vertex alone, for all of them in one depth-first
// search (Hopcroft and Tarjan's low points give the pieces a cut vertex leaves): what a key-player
// search needs per round, in O(n + m) instead of O(n (n + m)). Inactive vertices get 0.
std::vector<double> fragmentation_without_each(const View& view);

// Everything above at once; `with_efficiency` false skips the all-pairs search (efficiency 0);
// `samples` and `seed` estimate efficiency as global_efficiency does.
Cohesion measure_cohesion(const View& view, bool with_efficiency = true, std::size_t samples = 0, std::uint64_t seed = 0);

} // namespace tg

namespace tg {

// True when some active vertex is tied to another active vertex (self-loops do not count).
bool has_ties(const View& view);

// Active vertices in a seeded random order (Fisher-Yates on a 64-bit Mersenne Twister), the same
// on every platform for the same seed.
std::vector<Vertex32> shuffled_vertices(const View& view, std::uint64_t seed);

// a before b when a's label (entity id) sorts first: the tie rule of the removal searches.
bool label_less(const View& view, Vertex32 a, Vertex32 b);

} // namespace tg
