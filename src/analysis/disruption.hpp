#pragma once
// What happens to a network when its nodes (or ties) are taken out one at a time: interdiction
// simulated.
// The network is read without direction. Strategies: the highest degree, or the highest
// betweenness, each recomputed after every removal (adaptive attacks, the most damaging in Holme
// et al. 2002); a key-player set (Borgatti 2006, fragmentation); named targets in the order given;
// and random removal averaged over several seeded runs as the baseline. Ties go to the smallest
// label (entity id). After every step: the largest component, the number of components,
// fragmentation and global efficiency. Ties (pairs of entities joined by any relation) can be cut
// instead of entities: by the highest edge betweenness recomputed after each cut, at random, or
// as named.
#include "analysis/cohesion.hpp"
#include "core/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tg {

enum class RemovalStrategy { degree, betweenness, keyplayer, random, names };

// "degree", "betweenness", "keyplayer", "random", "names"; ParameterError with a suggestion otherwise.
RemovalStrategy parse_removal_strategy(const std::string& name);
std::string strategy_name(RemovalStrategy strategy);
const std::vector<std::string>& removal_strategy_names();

enum class RemovalUnit { entities, ties };

using Tie = std::pair<Vertex32, Vertex32>; // the smaller vertex first

// Random removal averages its runs, each repeating every step's measures: a count past a
// thousand adds nothing to the mean a user can see, and only time.
constexpr std::size_t kMostRandomRuns = 1000;

struct DisruptionOptions {
    RemovalStrategy strategy = RemovalStrategy::degree;
    RemovalUnit unit = RemovalUnit::entities;
    std::vector<Tie> target_ties;  // names with ties: cut in this order
    std::size_t steps = 1;         // vertices removed, one per step (names: at most the targets)
    std::vector<Vertex32> targets; // names: removed in this order
    std::size_t runs = 10;         // random: runs averaged, seeded seed, seed + 1, ...
    std::uint64_t seed = 0;        // random runs; the key-player search
    std::size_t samples = 0;       // betweenness and efficiency from this many sampled sources (0: exact)
    ProgressReport progress;
};

struct DisruptionStep {
    std::vector<Vertex32> removed;         // this step's vertex (empty for random: runs differ)
    std::vector<Tie> cut;                  // this step's tie, when ties are cut (empty for random)
    double largest_component = 0;          // averaged over runs for random
    double largest_component_fraction = 0; // of the largest component before any removal
    double components = 0;
    double fragmentation = 0;
    double efficiency = 0;
};

struct Disruption {
    RemovalStrategy strategy = RemovalStrategy::degree;
    RemovalUnit unit = RemovalUnit::entities;
    Cohesion initial;
    std::vector<DisruptionStep> steps;
    std::size_t runs = 1;
};

// Every pair of distinct active vertices joined by a relation either way, sorted.
std::vector<Tie> ties_of(const View& view);

// Betweenness is weighted when the view is. Throws DataError for an empty network or one without
// relations, for steps of 0 or more than the network has (entities or ties), and for inactive or
// repeated targets; ParameterError for degree or keyplayer with ties.
Disruption simulate_disruption(const View& view, const DisruptionOptions& options);

} // namespace tg
