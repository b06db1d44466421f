#include "render/network_diagram.hpp"

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

namespace {

const char* kFont = "Helvetica";

std::string fill_of(const EntityKind* look) { return look && !look->color.empty() ? look->color : std::string("#56B4E9"); }

// How a line style reads in the key, in characters every font has.
std::string line_sample(const std::string& style) {
    if (style == "dashed") return "&#8211; &#8211; &#8211;";
    if (style == "dotted") return "&#183; &#183; &#183; &#183; &#183;";
    if (style == "bold") return "<B>&#8212;&#8212;&#8212;</B>";
    return "&#8212;&#8212;&#8212;";
}

// The title and the key as one HTML-like label above the drawing: a box of kinds (colour
// swatches) and relation types (their line, in their colour), four to a row.
std::string title_and_key(const KnowledgeGraph& graph, const std::string& title, const std::set<std::string>& kinds,
                          const std::set<std::string>& types, bool directed) {
    const auto& ontology = graph.ontology();
    std::vector<std::string> kind_cells, type_cells;
    // One kind or one type (a network brought with --input: nodes and ties) needs no key.
    for (const auto& id : ontology.kind_ids()) {
        if (!kinds.count(id) || kinds.size() < 2) continue;
        const auto* k = ontology.kind(id);
        kind_cells.push_back("<TD BGCOLOR=\"" + fill_of(ontology.drawn_kind(id)) +
                             "\" BORDER=\"1\" COLOR=\"#333333\" WIDTH=\"18\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>"
                             "<TD ALIGN=\"LEFT\">" +
                             html_escaped(k->label.empty() ? id : k->label) + "</TD>");
    }
    for (const auto& id : ontology.relation_type_ids()) {
        if (!types.count(id) || types.size() < 2) continue;
        const auto* t = ontology.relation_type(id);
        const std::string color = t->color.empty() ? "#666666" : t->color;
        type_cells.push_back("<TD><FONT COLOR=\"" + color + "\">" + line_sample(t->style) + "</FONT></TD><TD ALIGN=\"LEFT\">" +
                             html_escaped(t->label.empty() ? id : t->label) + (directed && !t->symmetric ? " &#8594;" : "") + "</TD>");
    }
    constexpr std::size_t kPerRow = 3;
    const auto rows = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t i = 0; i < cells.size(); i += kPerRow) {
            out += "<TR>";
            for (std::size_t k = i; k < i + kPerRow; ++k) out += k < cells.size() ? cells[k] : "<TD></TD><TD></TD>";
            out += "</TR>";
        }
        return out;
    };
    // The title in lines of at most 64 characters: a long one would set the drawing's width.
    std::string title_lines;
    for (const auto& line : name_lines(title, 64)) title_lines += (title_lines.empty() ? "" : "<BR ALIGN=\"LEFT\"/>") + html_escaped(line);
    // Graphviz refuses an empty <B></B>: no title, no title row.
    std::string label = "<<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">";
    if (!title_lines.empty())
        label += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\"><B>" + title_lines +
                 "</B></FONT></TD></TR><TR><TD HEIGHT=\"8\"></TD></TR>";
    if (!kind_cells.empty() || !type_cells.empty()) {
        label += "<TR><TD><TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"1\">";
        const std::size_t span = 2 * kPerRow;
        if (!kind_cells.empty())
            label += "<TR><TD COLSPAN=\"" + std::to_string(span) + "\" ALIGN=\"LEFT\"><B>Kinds</B></TD></TR>" + rows(kind_cells);
        if (!type_cells.empty())
            label += "<TR><TD COLSPAN=\"" + std::to_string(span) +
                     "\" ALIGN=\"LEFT\"><B>Relations</B> (wider: more confident; dashed: below 0.5)</TD></TR>" + rows(type_cells);
        label += "</TABLE></TD></TR>";
    }
    if (title_lines.empty() && kind_cells.empty() && type_cells.empty()) return "\"\"";
    return label + "</TABLE>>";
}

} // namespace

std::string network_diagram(const View& view, const DiagramOptions& options) {
    const auto& snapshot = view.snapshot();
    const KnowledgeGraph& graph = snapshot.graph();
    std::vector<std::uint8_t> removed(view.vertex_count(), 0);
    for (auto v : options.removed) removed[v] = 1;
    auto cut = options.cut;
    std::sort(cut.begin(), cut.end());
    std::vector<std::uint8_t> cut_off(view.vertex_count(), 0);
    for (auto v : options.cut_off) cut_off[v] = 1;

    // Every active relation once (a symmetric type has an arc each way: keep the one it was written as).
    std::vector<std::pair<Vertex32, std::size_t>> drawn_arcs; // source vertex, arc
    std::vector<std::uint8_t> drawn(graph.relation_count(), 0);
    for (auto u : view.active_vertices())
        for (std::size_t p = snapshot.out_begin(u); p < snapshot.out_begin(u + 1); ++p) {
            const RelationIndex r = snapshot.out_relation(p);
            if (!view.arc_active(p) || !view.active(snapshot.out_target(p)) || drawn[r] || snapshot.relation_source(r) != u) continue;
            drawn[r] = 1;
            drawn_arcs.emplace_back(u, p);
        }

    std::vector<std::uint8_t> highlighted(view.vertex_count(), 0);
    for (auto v : options.highlighted) highlighted[v] = 1;
    double top_score = 0;
    for (auto v : view.active_vertices())
        if (v < options.size_scores.size() && std::isfinite(options.size_scores[v]))
            top_score = std::max(top_score, options.size_scores[v]);
    // The entities that carry a label: all, or the label_limit highest scores (and the highlighted).
    std::vector<std::uint8_t> labelled(view.vertex_count(), 1);
    if (options.label_limit > 0 && options.label_limit < view.active_count() && !options.size_scores.empty()) {
        auto order = view.active_vertices();
        const auto score = [&](Vertex32 v) {
            return v < options.size_scores.size() && std::isfinite(options.size_scores[v]) ? options.size_scores[v] : 0.0;
        };
        std::stable_sort(order.begin(), order.end(), [&](Vertex32 a, Vertex32 b) { return score(a) > score(b); });
        std::fill(labelled.begin(), labelled.end(), 0);
        for (std::size_t i = 0; i < options.label_limit; ++i) labelled[order[i]] = 1;
        for (auto v : options.highlighted) labelled[v] = 1;
    }

    std::set<std::string> kinds_shown, types_shown;
    for (auto v : view.active_vertices()) kinds_shown.insert(graph.entity(v).kind());
    for (const auto& arc : drawn_arcs) types_shown.insert(graph.relation(snapshot.out_relation(arc.second)).type());

    std::string dot = std::string(view.directed() ? "digraph" : "graph") + " network {\n";
    dot += "  graph [label=" + title_and_key(graph, options.title, kinds_shown, types_shown, view.directed()) +
           ", labelloc=t, labeljust=l, fontsize=11, fontname=\"" + kFont +
           "\", overlap=false, start=1, "
           "splines=line, outputorder=edgesfirst, bgcolor=white, pad=0.3, sep=\"+6\"" +
           (options.rankdir.empty() ? std::string(", pack=true") : ", rankdir=" + options.rankdir + ", nodesep=0.2, ranksep=0.9") + "];\n";
    dot += std::string("  node [fontname=\"") + kFont + "\", fontsize=11, style=filled, penwidth=1.2, margin=\"0.08,0.04\"];\n";
    dot += std::string("  edge [color=\"#666666\", arrowsize=0.6, fontname=\"") + kFont + "\", fontsize=9, fontcolor=\"#333333\"];\n";

    std::vector<std::uint8_t> on_path(graph.relation_count(), 0);
    for (auto r : options.highlighted_relations) on_path[r] = 1;
    std::map<std::string, std::string> boxes; // cluster label -> its node lines
    std::string loose;
    for (auto v : view.active_vertices()) {
        std::string shape = "ellipse";
        const auto& kind_id = graph.entity(v).kind();
        const auto* look = graph.ontology().drawn_kind(kind_id);
        if (look && !look->shape.empty()) shape = look->shape;
        std::string fill = fill_of(look);
        const std::string name(graph.entity(v).name());
        // Arrow-like shapes fit their text only with a wider margin.
        std::string look_text = "shape=" + dot_quoted(shape) + ", fillcolor=" + dot_quoted(fill) + ", color=\"#333333\"";
        if (shape == "cds" || shape == "rarrow" || shape == "larrow") look_text += ", margin=\"0.2,0.1\"";
        if (removed[v])
            look_text =
                "shape=" + dot_quoted(shape) + ", fillcolor=\"#F2F2F2\", color=\"#AAAAAA\", fontcolor=\"#999999\", style=\"filled,dashed\"";
        else if (cut_off[v])
            look_text = "shape=" + dot_quoted(shape) + ", fillcolor=white, color=\"#777777\", fontcolor=\"#555555\"";
        if (highlighted[v]) look_text += ", penwidth=3.5, color=black, fontname=\"Helvetica-Bold\"";
        // Sized by score: the label from 10 to 16 points, and the shape with it.
        if (top_score > 0 && v < options.size_scores.size() && std::isfinite(options.size_scores[v]))
            look_text += ", fontsize=" + dot_number(10 + 6 * std::max(0.0, options.size_scores[v]) / top_score, 1);
        std::string line = "  v" + std::to_string(v) + " [label=" + dot_quoted(labelled[v] ? wrapped(name) : std::string()) +
                           ", tooltip=" + dot_quoted(std::string(snapshot.label(v))) + ", " + look_text;
        if (!labelled[v]) line += ", shape=point, width=0.14";
        line += "];\n";
        if (v < options.clusters.size() && !options.clusters[v].empty())
            boxes[options.clusters[v]] += "  " + line;
        else
            loose += line;
    }
    dot += loose;
    int box_number = 0;
    for (const auto& [label, lines] : boxes) {
        dot +=
            "  subgraph cluster_" + std::to_string(box_number++) + " {\n    label=" + dot_quoted(label) +
            "; fontname=\"Helvetica-Bold\"; fontsize=13; style=\"rounded,filled\"; fillcolor=\"#F4F4F4\"; color=\"#999999\"; margin=12;\n" +
            lines + "  }\n";
    }

    const bool label_relations = drawn_arcs.size() <= options.relation_label_limit;
    for (const auto& [u, p] : drawn_arcs) {
        const Vertex32 w = snapshot.out_target(p);
        const RelationIndex r = snapshot.out_relation(p);
        std::string style = "solid", color = "#666666", arrow, label;
        const double confidence = snapshot.relation_confidence(r);
        if (const auto* type = graph.ontology().relation_type(graph.relation(r).type())) {
            if (!type->style.empty()) style = type->style;
            if (!type->color.empty()) color = type->color;
            if (type->symmetric && view.directed()) arrow = ", dir=none";
            label = type->label;
        }
        if (confidence < 0.5) style = "dashed";
        double width = 0.6 + 1.8 * confidence;
        if (style == "bold") style = "solid", width += 1.5;
        const bool is_cut = std::binary_search(cut.begin(), cut.end(), std::make_pair(std::min(u, w), std::max(u, w)));
        if (removed[u] || removed[w] || is_cut) style = "dotted", color = "#CCCCCC", width = 0.8;
        if (on_path[r]) style = "solid", color = "#000000", width = 4.5;
        std::string text;
        if ((label_relations || on_path[r]) && !label.empty() && types_shown.size() > 1) text = ", label=" + dot_quoted(label);
        dot += "  v" + std::to_string(u) + (view.directed() ? " -> " : " -- ") + "v" + std::to_string(w) + " [style=" + dot_quoted(style) +
               ", color=" + dot_quoted(color) + ", penwidth=" + dot_number(width) + arrow + text + "];\n";
    }
    dot += "}\n";
    return dot;
}

} // namespace tg
