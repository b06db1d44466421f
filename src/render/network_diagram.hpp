#pragma once
// A network as a diagram: entities drawn with the shape and colour their kind has in the ontology,
// relations with their type's line style and colour, wider when more confident and dashed below
// confidence 0.5, and a legend of the kinds shown. Entities may be boxed in labelled clusters
// (drawn by the dot and fdp layouts; neato and sfdp ignore them), and relations highlighted. For disruption, the entities removed are
// greyed out and those cut off from the largest remaining component are left unfilled; the
// labels and sizes stay the same, so that a diagram before and one after removal share one layout.
// Relations are straight lines: Graphviz 2.42's spline router aborts on some graphs, and curved
// splines take half a minute on the proceedings.
#include "analysis/view.hpp"

#include <string>
#include <utility>
#include <vector>

namespace tg {

struct DiagramOptions {
    std::string title;
    std::vector<Vertex32> removed; // drawn greyed; their relations dotted and light
    std::vector<std::pair<Vertex32, Vertex32>> cut; // ties (smaller vertex first) drawn dotted and light
    bool mark_cut_off = false;     // leave unfilled the entities outside the largest component left
    std::vector<Vertex32> highlighted;  // drawn with a heavy black outline and a bold label
    std::vector<double> size_scores;    // by vertex: larger labels for larger scores; empty: one size
    std::vector<RelationIndex> highlighted_relations; // drawn heavy and black (a path, say)
    std::vector<std::string> clusters;  // by vertex: the box it is drawn in, empty for none (see clusters.hpp)
};

// DOT text for an undirected-or-directed drawing of the view's active entities and relations.
std::string network_diagram(const View& view, const DiagramOptions& options);

// neato up to 300 entities, sfdp above (minutes become seconds).
std::string layout_for(std::size_t entities);

} // namespace tg
