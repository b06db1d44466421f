#pragma once
// Centrality measures on a view, with NetworkX's defaults and conventions so that a number can
// be compared one to one with what a NetworkX user knows: normalization, closeness and harmonic
// centrality over incoming distances on directed graphs, PageRank damping 0.85, Katz alpha 0.1.
// Scores are indexed by vertex; inactive vertices score 0.
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tg {

using Scores = std::vector<double>;

enum class DegreeKind { total, in, out };
// NetworkX degree_centrality: degree / (n - 1), counting distinct neighbours per direction.
// With `weighted`, the strength (sum of arc weights) instead, not normalized.
Scores degree_centrality(const View& view, DegreeKind kind, bool weighted = false);

struct BetweennessOptions {
    bool normalized = true;
    bool endpoints = false;
    std::size_t samples = 0; // 0: every source (exact); else k pivots chosen with `seed`
    std::uint64_t seed = 0;
    unsigned threads = 2;
    ProgressMeter progress;
};
// Brandes (2001), by hops or by weight (Dijkstra), parallel over sources.
Scores betweenness_centrality(const View& view, const BetweennessOptions& options = {});

// Edge betweenness keyed by (u, v) arcs of the view (u < v in an undirected view).
std::map<std::pair<Vertex32, Vertex32>, double> edge_betweenness_centrality(const View& view, const BetweennessOptions& options = {});

// NetworkX closeness_centrality with wf_improved: (r-1)/sum(d) * (r-1)/(n-1), r the vertices that
// reach v (v included); incoming distances on a directed view.
// By hops, 64 searches at a time (MS-BFS); by weight, one Dijkstra search per vertex.
Scores closeness_centrality(const View& view, bool wf_improved = true, const ProgressMeter& progress = {});
// Sum of 1/d(u, v) over the vertices u that reach v.
Scores harmonic_centrality(const View& view, const ProgressMeter& progress = {});

struct IterationOptions {
    std::size_t max_iterations = 1000;
    double tolerance = 1e-10;          // the L1 change per vertex at which the iteration stops
    std::size_t* iterations = nullptr; // when set, receives how many iterations ran
};
// NetworkX eigenvector_centrality (power iteration on A + I, in-neighbours, Euclidean norm).
Scores eigenvector_centrality(const View& view, const IterationOptions& options = {});
// NetworkX pagerank: damping `alpha`, dangling rank spread by the personalization vector
// (uniform when empty); personalization by vertex.
Scores pagerank(const View& view, double alpha = 0.85, const std::vector<double>& personalization = {},
                const IterationOptions& options = {});
// NetworkX katz_centrality with beta 1, normalized by the Euclidean norm.
Scores katz_centrality(const View& view, double alpha = 0.1, double beta = 1.0, const IterationOptions& options = {});

// Measures by name, for the CLI and the query language.
struct MeasureOptions {
    bool normalized = true;
    std::size_t samples = 0;
    std::uint64_t seed = 0;
    double alpha = -1; // -1: the measure's default (0.85 PageRank, 0.1 Katz)
    std::vector<double> personalization;
    ProgressMeter progress; // for the measures that search from every vertex
    unsigned threads = 2;   // betweenness's sweeps
};
const std::vector<std::string>& measure_names();
Scores compute_measure(const View& view, const std::string& measure, const MeasureOptions& options = {});

} // namespace tg
