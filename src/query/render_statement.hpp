#pragma once
// RENDER, for the query language and the CLI's render command alike: the part of the graph a
// view keeps, drawn to SVG, PNG or PDF, with entities highlighted, sized by a measure, boxed by a
// rule, and the most credible path between two entities drawn heavy. The request is checked
// here; the render layer draws it (query/drawings.hpp).
#include "query/view_request.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace tg::query {

// The most entities a drawing holds unless told otherwise: Graphviz's sfdp lays out 3,000 in
// about 2 s and 10,000 in about 30 s, and a drawing of more is no longer read by anyone.
constexpr std::size_t kMaxDrawnEntities = 5000;

// ParameterError for a drawing of more than `limit` entities, saying what to do instead.
void check_drawable(std::size_t entities, std::size_t limit);

// The layouts a drawing may ask for; "auto" chooses by the drawing's size.
const std::vector<std::string>& layout_names();

struct RenderRequest {
    std::string path; // .svg, .png or .pdf
    std::string layout = "auto";
    std::string title; // empty: what the drawing shows
    std::vector<std::string> highlight;
    std::string size_by;            // a centrality measure
    std::vector<std::string> paths; // "A--B": the most credible path drawn heavy
    std::string cluster_by;
    std::size_t max_entities = kMaxDrawnEntities;
    ViewRequest view;
};

// Checks what can be checked before any work: the picture's name, the layout, the measure.
// UsageError or ParameterError naming what is wrong.
void check_render_request(const RenderRequest& request);

} // namespace tg::query
