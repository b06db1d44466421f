#include "render/network_diagram.hpp"

#include "analysis/structure.hpp"

#include "render/dot_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace tg {

namespace {


// Names broken into lines of about 18 characters, at spaces.
std::string wrapped(const std::string& name) {
    std::string out;
    for (const auto& line : name_lines(name, 18)) out += (out.empty() ? "" : "\n") + line;
    return out;
}

} // namespace

std::string layout_for(std::size_t entities) { return entities <= 300 ? "neato" : "sfdp"; }

std::string network_diagram(const View& view, const DiagramOptions& options) {
    const auto& snapshot = view.snapshot();
    const KnowledgeGraph& graph = snapshot.graph();
    std::vector<std::uint8_t> removed(view.vertex_count(), 0);
    for (auto v : options.removed) removed[v] = 1;
    auto cut = options.cut;
    std::sort(cut.begin(), cut.end());
    std::vector<std::uint8_t> in_largest(view.vertex_count(), 1);
    if (options.mark_cut_off) {
        View rest = view;
        for (auto v : options.removed) rest.deactivate_vertex(v);
        for (const auto& [a, b] : options.cut)
            for (auto p : view.snapshot().arcs_between(a, b)) rest.deactivate_arc(p);
        const auto components = weak_components(rest);
        std::fill(in_largest.begin(), in_largest.end(), 0);
        if (!components.empty())
            for (auto v : components.front()) in_largest[v] = 1;
    }

    std::string dot = std::string(view.directed() ? "digraph" : "graph") + " network {\n";
    dot += "  graph [label=" + dot_quoted(options.title) + ", labelloc=t, fontsize=18, fontname=\"Helvetica\", overlap=false, pack=true, "
           "splines=line, outputorder=edgesfirst, bgcolor=white, pad=0.3, sep=\"+6\"];\n";
    dot += "  node [fontname=\"Helvetica\", fontsize=10, style=filled, penwidth=1.2, margin=\"0.06,0.03\"];\n";
    dot += "  edge [color=\"#666666\", arrowsize=0.6];\n";

    std::vector<std::uint8_t> highlighted(view.vertex_count(), 0);
    for (auto v : options.highlighted) highlighted[v] = 1;
    double top_score = 0;
    for (auto v : view.active_vertices())
        if (v < options.size_scores.size() && std::isfinite(options.size_scores[v])) top_score = std::max(top_score, options.size_scores[v]);

    std::set<std::string> kinds_shown;
    std::vector<std::uint8_t> on_path(graph.relation_count(), 0);
    for (auto r : options.highlighted_relations) on_path[r] = 1;
    std::map<std::string, std::string> boxes; // cluster label -> its node lines
    std::string loose;
    for (auto v : view.active_vertices()) {
        std::string shape = "ellipse", fill = "#56B4E9";
        const auto& kind_id = graph.entity(v).kind();
        if (const auto* k = graph.ontology().drawn_kind(kind_id)) {
            if (!k->shape.empty()) shape = k->shape;
            if (!k->color.empty()) fill = k->color;
        }
        kinds_shown.insert(kind_id);
        const std::string name(graph.entity(v).name());
        std::string look = "shape=" + dot_quoted(shape) + ", fillcolor=" + dot_quoted(fill) + ", color=\"#333333\"";
        if (removed[v])
            look = "shape=" + dot_quoted(shape) + ", fillcolor=\"#F2F2F2\", color=\"#AAAAAA\", fontcolor=\"#999999\", style=\"filled,dashed\"";
        else if (!in_largest[v])
            look = "shape=" + dot_quoted(shape) + ", fillcolor=white, color=\"#777777\", fontcolor=\"#555555\"";
        if (highlighted[v]) look += ", penwidth=3.5, color=black, fontname=\"Helvetica-Bold\"";
        // Sized by score: the label from 9 to 24 points, and the shape with it.
        if (top_score > 0 && v < options.size_scores.size() && std::isfinite(options.size_scores[v]))
            look += ", fontsize=" + dot_number(9 + 15 * std::max(0.0, options.size_scores[v]) / top_score, 1);
        const std::string line = "  v" + std::to_string(v) + " [label=" + dot_quoted(wrapped(name)) + ", tooltip=" +
                                 dot_quoted(std::string(snapshot.label(v))) + ", " + look + "];\n";
        if (v < options.clusters.size() && !options.clusters[v].empty()) boxes[options.clusters[v]] += "  " + line;
        else loose += line;
    }
    dot += loose;
    int box_number = 0;
    for (const auto& [label, lines] : boxes) {
        dot += "  subgraph cluster_" + std::to_string(box_number++) + " {\n    label=" + dot_quoted(label) +
               "; fontname=\"Helvetica-Bold\"; fontsize=13; style=\"rounded,filled\"; fillcolor=\"#F4F4F4\"; color=\"#999999\"; margin=12;\n" +
               lines + "  }\n";
    }

    // Every active relation once (a symmetric type has an arc each way: keep the one it was written as).
    std::vector<std::uint8_t> drawn(graph.relation_count(), 0);
    for (auto u : view.active_vertices())
        for (std::size_t p = snapshot.out_begin(u); p < snapshot.out_begin(u + 1); ++p) {
            const Vertex32 w = snapshot.out_target(p);
            const RelationIndex r = snapshot.out_relation(p);
            if (!view.arc_active(p) || !view.active(w) || drawn[r] || snapshot.relation_source(r) != u) continue;
            drawn[r] = 1;
            std::string style = "solid", color = "#666666", arrow;
            const double confidence = snapshot.relation_confidence(r);
            if (const auto* type = graph.ontology().relation_type(graph.relation(r).type())) {
                if (!type->style.empty()) style = type->style;
                if (!type->color.empty()) color = type->color;
                if (type->symmetric && view.directed()) arrow = ", dir=none";
            }
            if (confidence < 0.5) style = "dashed";
            double width = 0.6 + 1.8 * confidence;
            const bool is_cut = std::binary_search(cut.begin(), cut.end(), std::make_pair(std::min(u, w), std::max(u, w)));
            if (removed[u] || removed[w] || is_cut) style = "dotted", color = "#CCCCCC", width = 0.8;
            if (on_path[r]) style = "solid", color = "#000000", width = 4.5;
            dot += "  v" + std::to_string(u) + (view.directed() ? " -> " : " -- ") + "v" + std::to_string(w) + " [style=" + dot_quoted(style) +
                   ", color=" + dot_quoted(color) + ", penwidth=" + dot_number(width) + arrow + "];\n";
        }

    // The legend: one sample per kind shown, in the ontology's order.
    if (!kinds_shown.empty()) {
        std::vector<std::pair<std::string, const EntityKind*>> legend; // label, drawn look
        for (const auto& id : graph.ontology().kind_ids()) {
            if (!kinds_shown.count(id)) continue;
            const auto* k = graph.ontology().kind(id);
            legend.emplace_back(k->label.empty() ? id : k->label, graph.ontology().drawn_kind(id));
        }
        const auto fill_of = [](const EntityKind* look) { return look && !look->color.empty() ? look->color : std::string("#56B4E9"); };
        if (boxes.empty()) {
            // A column of samples with each kind's own shape, chained by invisible edges.
            dot += "  subgraph legend {\n    legend_title [shape=plaintext, style=\"\", label=\"Kinds\", fontsize=12];\n";
            std::string previous = "legend_title";
            for (std::size_t i = 0; i < legend.size(); ++i) {
                const auto& [label, look] = legend[i];
                const std::string node = "legend" + std::to_string(i);
                dot += "    " + node + " [label=" + dot_quoted(label) + ", shape=" +
                       dot_quoted(look && !look->shape.empty() ? look->shape : std::string("ellipse")) + ", fillcolor=" +
                       dot_quoted(fill_of(look)) + ", color=\"#333333\"];\n";
                dot += "    " + previous + (view.directed() ? " -> " : " -- ") + node + " [style=invis];\n";
                previous = node;
            }
            dot += "  }\n";
        } else {
            // Beside clusters fdp scatters a chain of samples: one table of colour swatches instead.
            std::string table = "<<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\">"
                                "<TR><TD COLSPAN=\"2\"><B>Kinds</B></TD></TR>";
            for (const auto& [label, look] : legend)
                table += "<TR><TD BGCOLOR=\"" + fill_of(look) + "\" BORDER=\"1\" COLOR=\"#333333\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">" +
                         html_escaped(label) + "</TD></TR>";
            dot += "  legend [shape=plaintext, style=\"\", label=" + table + "</TABLE>>];\n";
        }
    }
    dot += "}\n";
    return dot;
}

} // namespace tg
