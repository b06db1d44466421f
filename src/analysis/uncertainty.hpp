#pragma once
// Uncertainty that reaches the answers. A relation's confidence is read as the probability that
// it holds; a world is the view with each relation kept with that probability, independently of
// the others. Running an analysis in many seeded worlds gives each entity's score a spread (the
// median and a 90% interval), says how often it ranks among the top k, and how likely one entity
// still reaches another. World `index` of a seed is the same on any machine and with any number
// of threads, so a run can be repeated exactly.
#include "analysis/paths.hpp"
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace tg {

struct WorldOptions {
    std::size_t worlds = 1000;
    std::uint64_t seed = 0;
    unsigned threads = 2;
    ProgressMeter progress; // worlds done, reported from the calling thread
};

// The view with each of its relations kept with probability equal to its confidence (both arcs
// of a symmetric relation together); arcs the view already hides stay hidden.
View sample_world(const View& view, std::uint64_t seed, std::size_t index);

// Calls visit(index, world) for every world on options.threads threads. `visit` may only write
// to what belongs to its index. The first exception a world throws is rethrown here.
void for_each_world(const View& view, const WorldOptions& options, const std::function<void(std::size_t, const View&)>& visit);

// True when some relation the view shows has a confidence below 1, so that worlds can differ.
bool has_uncertain_relations(const View& view);

// The q-quantile of values sorted in increasing order, interpolating linearly between order
// statistics (numpy's default); NaN for no values.
double quantile(const std::vector<double>& sorted, double q);

constexpr double kNoScore = std::numeric_limits<double>::quiet_NaN();

struct Spread {
    double median = kNoScore;
    double low = kNoScore;       // the 5th percentile
    double high = kNoScore;      // the 95th percentile
    double top_share = kNoScore; // the share of worlds in which fewer than k entities score higher
    std::size_t worlds = 0;      // the worlds that gave the entity a score (NaN scores are left out)
};

// The median and 90% interval of `values` (NaN ones left out; sorted here); no top share.
Spread spread_of(std::vector<double> values);

// Runs `score` in every world and sums up each active vertex's scores (inactive vertices get an
// empty Spread). Ties count in the entity's favour: an entity tied for k-th place is in the top k.
// Throws DataError when worlds times vertices would not fit in about 2 GB.
std::vector<Spread> score_spread(const View& view, const std::function<std::vector<double>(const View&)>& score, std::size_t top_k,
                                 const WorldOptions& options);

struct Reachability {
    std::size_t worlds = 0;
    std::size_t reached = 0;
    double probability() const { return worlds ? static_cast<double>(reached) / static_cast<double>(worlds) : kNoScore; }
    // Wilson's 90% interval for the probability.
    double low = kNoScore, high = kNoScore;
};

// How often a path leads from `from` to `to` across the worlds, along the options' direction,
// through the kinds and within the hops they allow.
Reachability reachability(const View& view, Vertex32 from, Vertex32 to, const PathOptions& path, const WorldOptions& options);

// Wilson's score interval at z = 1.645 (90%) for `successes` of `trials`.
std::pair<double, double> wilson_interval(std::size_t successes, std::size_t trials);

} // namespace tg
