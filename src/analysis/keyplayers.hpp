#pragma once
// Key players after Borgatti (2006), on the network read without direction and by hops.
// KPP-Neg: the k nodes whose removal most fragments the network, by fragmentation F or by
// distance-weighted fragmentation. KPP-Pos: the k nodes that reach the most others within m
// steps. When trying every set of k is cheap (about a second of work: for fragmentation every
// set of k - 1 scored with every last member in one depth-first search), every set is tried and
// the answer is the best set. Otherwise the search is Borgatti's, a greedy choice and then swaps
// until no swap improves, from several seeded orders of the candidates (the same seed gives the
// same set); the answer is then the best set found, with a bound no set can beat where one is cheap.
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tg {

enum class KeyPlayerObjective { fragmentation, distance_fragmentation, reach };

// "fragmentation", "distance-fragmentation", "reach"; ParameterError with a suggestion otherwise.
KeyPlayerObjective parse_key_player_objective(const std::string& name);
std::string objective_name(KeyPlayerObjective objective);

struct KeyPlayerOptions {
    std::size_t k = 1;
    KeyPlayerObjective objective = KeyPlayerObjective::fragmentation;
    std::size_t steps = 1; // reach: within this many hops
    std::uint64_t seed = 0;
    std::size_t max_passes = 100; // swap passes before the search stops with converged = false
    // Seeded orders the greedy search starts from (seed, seed + 1, ...); 0: 5 up to 10,000
    // entities, 1 above.
    std::size_t restarts = 0;
    // Every set is tried when that takes at most this much work (vertices and arcs visited).
    double exhaustive_work = 3e8;
    ProgressReport progress;
    ProgressMeter meter; // candidates scored, in the rounds that score them one by one
};

struct KeyPlayer {
    Vertex32 vertex = 0;
    double contribution = 0; // the set's score minus the score without this member
};

struct KeyPlayerSet {
    KeyPlayerObjective objective = KeyPlayerObjective::fragmentation;
    double score = 0;
    std::vector<KeyPlayer> members;    // largest contribution first, ties by label
    std::size_t passes = 0;            // swap passes made (the best restart's)
    std::size_t evaluations = 0;       // sets scored
    bool converged = true;             // false when max_passes ran out while swaps still improved
    bool exhaustive = false;           // every set was tried: no set scores higher
    std::size_t restarts = 0;          // greedy searches run (0 when exhaustive)
    std::size_t restarts_agreeing = 0; // of them, those that reached the best score
    // No set of k scores above this (the score itself when exhaustive); NaN when no cheap bound
    // is known (distance-fragmentation, reach beyond one step).
    double upper_bound = 0;
};

// The objective's score for a set: F or distance-weighted F of the view with the set removed,
// or the share of the other vertices within `steps` hops of the set. Every member must be active.
double key_player_score(const View& view, const std::vector<Vertex32>& set, KeyPlayerObjective objective, std::size_t steps = 1);

// Throws DataError when the view has no relations, or k is 0 or not smaller than the number of
// vertices, or steps is 0 for reach.
KeyPlayerSet key_players(const View& view, const KeyPlayerOptions& options);

} // namespace tg
