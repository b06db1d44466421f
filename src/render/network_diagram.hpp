#pragma once
// A network as a diagram: entities drawn with the shape and colour their kind has in the ontology,
// relations with their type's line style and colour, wider when more confident and dashed below
// confidence 0.5. The title and a boxed key (the kinds shown, the relation types shown with their
// line, and how to read width and dashes) sit above the drawing, outside it. Entities may be
// boxed in labelled clusters (drawn by the dot and fdp layouts; neato and sfdp ignore them), and
// relations highlighted. A large view can label only its highest-scoring entities and draw the
// rest as small dots, so that labels stay readable rather than shrink; a view of few relations
// labels them with their type. For disruption, the entities removed are greyed out and those cut
// off from the largest remaining component are left unfilled; the labels and sizes stay the same,
// so that a diagram before and one after removal share one layout. Layouts start from a fixed
// seed: the same view is drawn the same way every time.
// Relations are straight lines: Graphviz 2.42's spline router aborts on some graphs, and curved
// splines take half a minute on the proceedings.
#include "analysis/view.hpp"

#include <string>
#include <utility>
#include <vector>

namespace tg {

struct DiagramOptions {
    std::string title;
    std::vector<Vertex32> removed;                    // drawn greyed; their relations dotted and light
    std::vector<std::pair<Vertex32, Vertex32>> cut;   // ties (smaller vertex first) drawn dotted and light
    std::vector<Vertex32> cut_off;                    // drawn unfilled: cut off from the largest component left
    std::vector<Vertex32> highlighted;                // drawn with a heavy black outline and a bold label
    std::vector<double> size_scores;                  // by vertex: larger labels for larger scores; empty: one size
    std::vector<RelationIndex> highlighted_relations; // drawn heavy and black (a path, say)
    std::vector<std::string> clusters;                // by vertex: the box it is drawn in, empty for none (see clusters.hpp)
    // Label only this many entities, those of highest size score (all when 0 or without scores);
    // the others are dots whose name shows as a tooltip.
    std::size_t label_limit = 0;
    // Relations are labelled with their type when the drawing has at most this many; highlighted
    // relations always are.
    std::size_t relation_label_limit = 40;
    // For the dot layout: "TB" (top to bottom) or "LR" (left to right). Empty for the other
    // layouts, which then pack the components side by side (dot would lose the relations' labels).
    std::string rankdir;
};

// DOT text for an undirected-or-directed drawing of the view's active entities and relations.
std::string network_diagram(const View& view, const DiagramOptions& options);

// neato up to 300 entities, sfdp above (minutes become seconds).
std::string layout_for(std::size_t entities);

} // namespace tg
