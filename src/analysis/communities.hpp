#pragma once
// Communities of the undirected view: Louvain (Blondel et al. 2008), seeded and reproducible,
// and Girvan-Newman (2002), with the modularity (Newman 2006) of the result. Relation weights
// count when the view is weighted; parallel relations count once.
#include "analysis/view.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <vector>

namespace tg {

// A community index per vertex (inactive vertices: kNoVertex), communities numbered from 0 in
// order of their smallest vertex.
using Partition = std::vector<Vertex32>;

// NetworkX modularity of `partition` on the undirected view, resolution 1.
double modularity(const View& view, const Partition& partition);

struct LouvainOptions {
    std::uint64_t seed = 0;
    double resolution = 1.0;
    double threshold = 1e-7; // a level ends when modularity gains less than this
};
Partition louvain(const View& view, const LouvainOptions& options = {});

struct GirvanNewmanResult {
    Partition best; // the level of highest modularity
    double best_modularity = 0;
    std::size_t levels = 0; // splits examined
    bool truncated = false; // stopped at the work limit before every edge was removed
};
// On the view read without direction: removes the edge of highest edge betweenness (ties within
// 1e-12: the pair of smallest ids) until no edge is left or `max_levels` splits were made.
// Reports the links removed out of all; throws Interrupted when a stop is requested.
GirvanNewmanResult girvan_newman(const View& view, std::size_t max_levels = 1000, const ProgressMeter& progress = {});

// Communities as sorted vertex lists, in partition order.
std::vector<std::vector<Vertex32>> communities_of(const Partition& partition);

} // namespace tg
