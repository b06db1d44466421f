#pragma once
// The shape of a network: components, the nodes and links whose loss splits it (articulation
// points and bridges), k-cores, clustering, density, diameter and average path length.
// Measures that ignore direction (all but strong components and density) read the view as
// undirected, as NetworkX does after G.to_undirected().
#include "analysis/path_lengths.hpp"
#include "analysis/view.hpp"

#include <utility>
#include <vector>

namespace tg {

// Components as sorted vertex lists, largest first (ties by smallest vertex).
std::vector<std::vector<Vertex32>> weak_components(const View& view);
std::vector<std::vector<Vertex32>> strong_components(const View& view);

// The entities the view shows that are left outside its largest weak component once `removed`
// and the ties `cut` are taken out (removed entities are not listed): what a drawing of a
// disruption leaves unfilled.
std::vector<Vertex32> cut_off_from_largest_component(const View& view, const std::vector<Vertex32>& removed,
                                                     const std::vector<std::pair<Vertex32, Vertex32>>& cut);

// Hopcroft and Tarjan (1973), iteratively: the cut vertices and the bridges (u < v) of the
// undirected view, sorted.
std::vector<Vertex32> articulation_points(const View& view);
std::vector<std::pair<Vertex32, Vertex32>> bridges(const View& view);

// Batagelj and Zaversnik (2003) core numbers of the undirected view; self-loops are ignored.
std::vector<std::size_t> core_numbers(const View& view);

// Local clustering coefficient of the undirected view (NetworkX clustering on G.to_undirected()),
// from triangles counted once each, along arcs ordered by degree (Schank and Wagner 2005).
std::vector<double> clustering(const View& view);

struct StructureSummary {
    std::size_t vertices = 0;
    std::size_t arcs = 0; // distinct ordered pairs (directed) or unordered pairs (undirected)
    double density = 0;   // NetworkX density of the simple view
    std::size_t weak_components = 0;
    std::size_t strong_components = 0;
    std::size_t largest_component = 0;
    double average_clustering = 0; // NetworkX average_clustering (zeros counted)
    double transitivity = 0;       // 3 triangles / connected triples
    std::size_t max_core = 0;
    PathLengths path_lengths; // of the largest weak component, ignoring direction, in hops
};

struct StructureOptions {
    PathLengthOptions path_lengths;
};

// The summary and what it is made of, each computed once.
struct StructureReport {
    StructureSummary summary;
    std::vector<std::vector<Vertex32>> weak_components;
    std::vector<Vertex32> articulation_points;
    std::vector<std::pair<Vertex32, Vertex32>> bridges;
    std::vector<std::size_t> core_numbers;
    std::vector<double> clustering;
};
StructureReport analyze_structure(const View& view, const StructureOptions& options = {});
StructureSummary summarize_structure(const View& view, const StructureOptions& options = {});

} // namespace tg
