#pragma once
// How far apart the members of a connected component are, in hops, reading the view without
// direction: the diameter exactly, by iFUB (Crescenzi, Grossi, Habib, Lanzi and Marino 2013)
// from a centre the 4-sweep finds (Crescenzi et al. 2013, after the double sweep of Magnien,
// Latapy and Habib 2009; Takes and Kosters 2011), which takes seconds on a million vertices
// where a search from every vertex takes hours; the average path length from every vertex, or,
// when that would take longer than a budget, estimated from sources drawn at random, with its
// 95% confidence interval.
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <vector>

namespace tg {

// Past the budget, sources are drawn in a seeded random order and the sample stops once its 95%
// confidence interval is within `relative_margin` of the estimate (at least 100 sources): where
// it stops depends on the network and the seed, not on the machine, so a run gives the same
// numbers every time. `sample_seconds` bounds the sample all the same.
struct PathLengthOptions {
    bool exact = false;         // search from every vertex however long it takes
    double budget_seconds = 20; // estimated time of a search from every vertex above which the average is sampled
    double relative_margin = 0.005;
    double sample_seconds = 60;
    std::uint64_t seed = 1; // the order sources are drawn in
    unsigned threads = 2;
    ProgressMeter progress;
};

struct PathLengths {
    std::size_t vertices = 0;       // in the component
    std::size_t diameter = 0;       // exact when diameter_upper equals it
    std::size_t diameter_upper = 0; // what iFUB had not ruled out when the budget ran out
    double average = 0;             // over ordered pairs of distinct members
    std::size_t sources = 0;        // the vertices the average was searched from: all of them when exact
    double margin = 0;              // half-width of the 95% confidence interval; 0 when exact
    std::size_t searches = 0;       // breadth-first searches run for both
    double seconds_per_search = 0;  // measured
    double full_seconds = 0;        // what searching from every vertex takes, estimated

    bool diameter_exact() const { return diameter_upper == diameter; }
    bool average_exact() const { return sources == vertices; }
};

// `component`: the vertices of one connected component of the view read without direction
// (weak_components gives them). Throws Interrupted when a stop is requested.
PathLengths path_lengths(const View& view, const std::vector<Vertex32>& component, const PathLengthOptions& options = {});

} // namespace tg
