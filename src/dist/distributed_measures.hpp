#pragma once
// The analyses run on a graph spread over processes with the Parallel Boost Graph Library: each
// process holds the nodes it owns (Numbering) and the ties that leave them, and gets back a score
// per node it owns. Only this file's .cpp includes PBGL.
#include "dist/exchange.hpp"
#include "dist/numbering.hpp"

#include <cstdint>
#include <vector>

namespace tg::dist {

// The ties whose source this process owns, as global numbers, each once (in an undirected
// network: each pair once, at the owner of its lower number).
struct OwnTies {
    std::vector<std::uint64_t> from, to;
    std::vector<double> length; // per tie, when lengths were asked for: its shortest length in the file
};

struct PagerankOptions {
    double alpha = 0.85;
    double tolerance = 1e-10;          // as the single-machine engine: stop when the L1 change is below nodes * tolerance
    std::size_t max_iterations = 1000; // as the single-machine engine
};

struct PagerankRun {
    std::vector<double> scores; // per node this process owns, by local number
    std::size_t iterations = 0;
    bool converged = false;
};

// PageRank as NetworkX computes it (uniform teleport, dangling nodes' rank spread over all), on
// PBGL's distributed adjacency list: each process pushes its nodes' shares along their ties into
// a distributed property map that sums what arrives from other processes. Collective.
PagerankRun distributed_pagerank(Exchange& exchange, const Numbering& numbering, const OwnTies& ties, bool directed,
                                 const PagerankOptions& options);

struct ComponentsRun {
    // Per node this process owns, by local number: its weak component, as a number shared by
    // every process (0 .. count - 1).
    std::vector<std::uint64_t> weak;
    std::uint64_t weak_count = 0;
};

// Weak components: PBGL's connected_components on the ties read without direction. (PBGL's
// strong_components, Fleischer-Hendrickson-Pinar, is not offered: on the Montagna meetings
// network it finds 64 strong components with 4 or 5 processes where there are 63, as it does
// with 1, 2, 3, 6 and 8; see bench/RESULTS.md.) Collective.
ComponentsRun distributed_components(Exchange& exchange, const Numbering& numbering, const OwnTies& ties);

// Betweenness as NetworkX computes it (Brandes, by hops), from `sources` (global numbers, the
// same in every process; every node for the exact score). Every process gets every tie and runs
// its share of the sources with PBGL's non_distributed_brandes_betweenness_centrality, which sums
// the shares: the sources are spread, the network is not. (PBGL's distributed Brandes, which
// spreads the network too, truncates dependencies to whole numbers with its own maps and, with
// floating-point ones, slows 20 to 150 times with 3 or 4 processes here; see bench/RESULTS.md.) Normalized by 1 / ((n - 1)(n - 2)), or
// raw (each pair once in an undirected network); from sampled sources, a rescaled score is
// scaled by n / k as NetworkX does. Per node this process owns, by local number. Collective.
std::vector<double> distributed_betweenness(Exchange& exchange, const Numbering& numbering, const OwnTies& ties, bool directed,
                                            const std::vector<std::uint64_t>& sources, bool normalized);

// The distance from `from` (a global number) to every node this process owns, by local number;
// infinity where there is no path. By hops with PBGL's distributed breadth-first search, or,
// when the ties carry lengths, by PBGL's delta-stepping shortest paths (Meyer and Sanders).
// Collective.
std::vector<double> distributed_distances(Exchange& exchange, const Numbering& numbering, const OwnTies& ties, bool directed,
                                          std::uint64_t from);

} // namespace tg::dist
