// Graphviz rendering and the robustness chart: images that parse, curves drawn where the numbers
// say, clear errors for what Graphviz cannot do.
#include "analysis/disruption.hpp"
#include "analysis/graph_fixtures.hpp"
#include "analysis/structure.hpp"
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"
#include "io/xml_reader.hpp"
#include "render/graphviz.hpp"
#include "render/network_diagram.hpp"
#include "render/robustness_chart.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

using namespace tg;
using namespace tg::test;

namespace {
// Element counts of an SVG read with our own XML parser (a malformed SVG throws).
std::map<std::string, std::size_t> svg_elements(const std::string& svg, std::vector<std::string>* texts = nullptr) {
    XmlReader reader(std::make_shared<SourceText>("chart.svg", svg));
    std::map<std::string, std::size_t> count;
    std::string open;
    for (auto e = reader.next(); e.type != XmlEvent::done; e = reader.next()) {
        if (e.type == XmlEvent::start) {
            ++count[e.name];
            if (const auto* c = e.attribute("class")) ++count["class=" + *c];
            open = e.name;
        }
        if (e.type == XmlEvent::text && open == "text" && texts) texts->push_back(e.content);
    }
    return count;
}

std::vector<Disruption> two_strategies() {
    static const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"f", "d"}}, true);
    static const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    std::vector<Disruption> runs;
    for (auto strategy : {RemovalStrategy::degree, RemovalStrategy::random}) {
        DisruptionOptions options;
        options.strategy = strategy;
        options.steps = 3;
        options.runs = 4;
        runs.push_back(simulate_disruption(view, options));
    }
    return runs;
}
} // namespace

TEST_CASE("a diagram renders to SVG that parses and to PNG and PDF with their signatures", "[render]") {
    const std::string dot = "digraph { a -> b [label=\"<&>\"]; \"Mara 18\" -> \"Panamá\"; }";
    const auto svg = render_dot(dot, "dot", ImageFormat::svg);
    std::vector<std::string> texts;
    const auto count = svg_elements(svg, &texts);
    CHECK(count.at("svg") == 1);
    CHECK(count.at("class=node") == 4);
    CHECK(count.at("class=edge") == 2);
    CHECK(std::find(texts.begin(), texts.end(), "<&>") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "Panamá") != texts.end());
    CHECK(render_dot(dot, "neato", ImageFormat::png).compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(render_dot(dot, "circo", ImageFormat::pdf).compare(0, 5, "%PDF-") == 0);
}

TEST_CASE("Graphviz's complaint about bad DOT or an unknown layout becomes an error", "[render]") {
    CHECK_THROWS_WITH(render_dot("digraph { a -> }", "dot", ImageFormat::svg), Catch::Contains("could not read"));
    CHECK_THROWS_WITH(render_dot("digraph { a }", "no-such-layout", ImageFormat::svg), Catch::Contains("no-such-layout"));
    // The one context survives a failure: the next render works.
    CHECK(render_dot("graph { x }", "dot", ImageFormat::svg).find("<svg") != std::string::npos);
}

TEST_CASE("the image format comes from the file name", "[render]") {
    CHECK(image_format_for("out/chart.SVG") == ImageFormat::svg);
    CHECK(image_format_for("chart.png") == ImageFormat::png);
    CHECK(image_format_for("a.b/chart.pdf") == ImageFormat::pdf);
    CHECK_THROWS_AS(image_format_for("chart.jpg"), UsageError);
    CHECK_THROWS_AS(image_format_for("chart"), UsageError);
}

TEST_CASE("each robustness curve passes through its measured values", "[render]") {
    const auto runs = two_strategies();
    const auto dot = robustness_chart(runs, CurveMeasure::largest_component, "two \"triangles\"");
    // The plot spans x 80..600 over 3 steps and y 70..390 over 0..1.
    for (std::size_t c = 0; c < runs.size(); ++c)
        for (std::size_t i = 1; i <= 3; ++i) {
            char expected[80];
            std::snprintf(expected, sizeof expected, "pos=\"%.2f,%.2f\"", 80 + 520.0 * i / 3,
                          70 + 320 * runs[c].steps[i - 1].largest_component_fraction);
            const std::string node = "c" + std::to_string(c) + "_" + std::to_string(i) + " [";
            const auto at = dot.find(node);
            REQUIRE(at != std::string::npos);
            CHECK(dot.substr(at, dot.find('\n', at) - at).find(expected) != std::string::npos);
        }
    std::vector<std::string> texts;
    const auto count = svg_elements(render_dot(dot, "nop2", ImageFormat::svg), &texts);
    // Two axes, four gridlines, three segments per curve and a legend line each.
    CHECK(count.at("class=edge") == 2 + 4 + 2 * 3 + 2);
    CHECK(std::find(texts.begin(), texts.end(), "degree") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "random (mean of 4 runs)") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "two \"triangles\"") != texts.end());
}

TEST_CASE("an efficiency chart's axis ends at the next tenth above the highest value", "[render]") {
    const auto runs = two_strategies();
    const auto dot = robustness_chart(runs, CurveMeasure::efficiency, "efficiency");
    // Initial efficiency 0.689: the axis ends at 0.7, labelled at its top tick.
    CHECK(dot.find("label=\"0.7\"") != std::string::npos);
    CHECK_THROWS_AS(parse_curve_measure("largest-component"), UsageError);
}

namespace {
// Each node's title and where its first shape is drawn, from an SVG.
std::map<std::string, std::string> node_places(const std::string& svg) {
    XmlReader reader(std::make_shared<SourceText>("diagram.svg", svg));
    std::map<std::string, std::string> places;
    std::string title, open;
    bool in_node = false, placed = false;
    for (auto e = reader.next(); e.type != XmlEvent::done; e = reader.next()) {
        if (e.type == XmlEvent::start) {
            open = e.name;
            const auto* c = e.name == "g" ? e.attribute("class") : nullptr;
            if (c) in_node = *c == "node", placed = false; // a node's inner link group has no class
            if (in_node && !placed && (e.name == "ellipse" || e.name == "polygon")) {
                const auto* at = e.name == "ellipse" ? e.attribute("cx") : e.attribute("points");
                places[title] = at ? *at : "";
                placed = true;
            }
        }
        if (e.type == XmlEvent::end) open.clear();
        if (e.type == XmlEvent::text && open == "title" && in_node) title = e.content;
    }
    return places;
}
} // namespace

TEST_CASE("a network diagram before and after removal keeps every entity where it was", "[render]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"f", "d"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DiagramOptions before;
    before.title = "before";
    const auto before_dot = network_diagram(view, before);
    DiagramOptions after = before;
    after.removed = {static_cast<Vertex32>(*g.find("c"))};
    after.cut_off = cut_off_from_largest_component(view, after.removed, after.cut);
    CHECK(after.cut_off == std::vector<Vertex32>{static_cast<Vertex32>(*g.find("a")), static_cast<Vertex32>(*g.find("b"))});
    const auto after_dot = network_diagram(view, after);
    // c greyed and dashed; a and b cut off from the largest part (d e f), so unfilled.
    CHECK(after_dot.find("v2 [label=\"c\", tooltip=\"c\", shape=\"ellipse\", fillcolor=\"#F2F2F2\"") != std::string::npos);
    CHECK(after_dot.find("v0 [label=\"a\", tooltip=\"a\", shape=\"ellipse\", fillcolor=white") != std::string::npos);
    CHECK(after_dot.find("v3 [label=\"d\", tooltip=\"d\", shape=\"ellipse\", fillcolor=\"#56B4E9\"") != std::string::npos);
    const auto first = node_places(render_dot(before_dot, "neato", ImageFormat::svg));
    const auto second = node_places(render_dot(after_dot, "neato", ImageFormat::svg));
    CHECK(first.size() == 6); // six entities: a network of one kind needs no key, and a key is never a node
    CHECK(first == second);
}

TEST_CASE("a diagram draws each relation once and a symmetric one without an arrow", "[render]") {
    const auto g = network({{"a", "b"}, {"b", "c", 0.3}, {"c", "a", 1.0, "border"}});
    const GraphSnapshot s(g);
    const auto dot = network_diagram(View(s), {});
    CHECK(dot.find("digraph") == 0);
    std::size_t arcs = 0;
    for (auto at = dot.find(" -> v"); at != std::string::npos; at = dot.find(" -> v", at + 1)) ++arcs;
    CHECK(arcs == 3);
    CHECK(dot.find("v1 -> v2 [style=\"dashed\"") != std::string::npos); // confidence 0.3
    CHECK(dot.find("v2 -> v0 [style=\"dotted\", color=\"#666666\", penwidth=2.40, dir=none") != std::string::npos);
    CHECK(layout_for(300) == "neato");
    CHECK(layout_for(301) == "sfdp");
}

TEST_CASE("Graphviz stopped on a drawing becomes an error and the next drawing still works", "[render]") {
    // Graphviz 2.42's spline router runs for half a minute on the proceedings graph drawn with
    // splines=true, and asserts on some layouts of it (which is why diagrams use straight lines).
    // Either way, with a one-second processor limit the drawing ends on a signal: an abort, or
    // the kernel's SIGXCPU at the limit.
    const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    const GraphSnapshot s(graph);
    auto dot = network_diagram(View(s, {}, {}, false), {});
    const auto at = dot.find("splines=line");
    REQUIRE(at != std::string::npos);
    CHECK_NOTHROW(render_dot(dot, "neato", ImageFormat::svg));
    dot.replace(at, 12, "splines=true");
    CHECK_THROWS_WITH(render_dot(dot, "neato", ImageFormat::svg, 1), Catch::Contains("Graphviz stopped on signal"));
    CHECK(render_dot("graph { x }", "dot", ImageFormat::svg).find("<svg") != std::string::npos);
}

TEST_CASE("a chart of cut ties says so on its axis", "[render]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}}, true);
    const GraphSnapshot s(g);
    DisruptionOptions options;
    options.unit = RemovalUnit::ties;
    options.strategy = RemovalStrategy::betweenness;
    options.steps = 2;
    const auto dot = robustness_chart({simulate_disruption(View(s, {}, {}, false), options)}, CurveMeasure::largest_component, "ties");
    CHECK(dot.find("label=\"ties cut\"") != std::string::npos);
    CHECK(dot.find("entities removed") == std::string::npos);
}

TEST_CASE("highlighted entities get a heavy outline and labels grow with their score", "[render]") {
    const auto g = network({{"hub", "a"}, {"hub", "b"}, {"hub", "c"}, {"c", "d"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DiagramOptions options;
    options.highlighted = {static_cast<Vertex32>(*g.find("c"))};
    options.size_scores.assign(g.entity_count(), 0.0);
    options.size_scores[*g.find("hub")] = 3;
    options.size_scores[*g.find("c")] = 1.5;
    const auto dot = network_diagram(view, options);
    const auto line_of = [&](const std::string& id) {
        const auto at = dot.find("[label=\"" + id + "\"");
        return dot.substr(at, dot.find('\n', at) - at);
    };
    CHECK(line_of("c").find("penwidth=3.5") != std::string::npos);
    CHECK(line_of("hub").find("penwidth=3.5") == std::string::npos);
    CHECK(line_of("hub").find("fontsize=16.0") != std::string::npos); // the top score: 10 + 6
    CHECK(line_of("c").find("fontsize=13.0") != std::string::npos);   // half of it: 10 + 3
    CHECK(line_of("a").find("fontsize=10.0") != std::string::npos);
}

TEST_CASE("clustered entities are drawn inside a labelled box", "[render]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "d"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DiagramOptions options;
    options.clusters.assign(g.entity_count(), "");
    options.clusters[*g.find("a")] = options.clusters[*g.find("b")] = "Left & <right>";
    const auto dot = network_diagram(view, options);
    const auto box = dot.find("subgraph cluster_0 {");
    REQUIRE(box != std::string::npos);
    const auto box_end = dot.find("  }\n", box);
    const auto inside = [&](const std::string& id) {
        const auto at = dot.find("[label=\"" + id + "\"");
        return at > box && at < box_end;
    };
    CHECK(dot.find("label=\"Left & <right>\"", box) < box_end);
    CHECK(inside("a"));
    CHECK(inside("b"));
    CHECK_FALSE(inside("c"));
    CHECK(dot.find("legend") == std::string::npos);
    const auto svg = render_dot(dot, "fdp", ImageFormat::svg);
    CHECK(svg_elements(svg)["class=cluster"] == 1);
}

TEST_CASE("a highlighted path's relations are drawn heavy and black, the others as they are", "[render]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "d"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DiagramOptions options;
    options.highlighted_relations = {0, 1};
    const auto dot = network_diagram(view, options);
    std::size_t heavy = 0;
    for (auto at = dot.find("penwidth=4.50"); at != std::string::npos; at = dot.find("penwidth=4.50", at + 1)) ++heavy;
    CHECK(heavy == 2);
    CHECK(dot.find("color=\"#000000\", penwidth=4.50") != std::string::npos);
}

TEST_CASE("the key above a diagram lists the kinds and relation types shown, each in its colour, and is no node", "[render]") {
    const auto g = load_graph_data(std::string(TG_SOURCE_DIR) + "/tests/data/tiny");
    const GraphSnapshot s(g);
    DiagramOptions options;
    options.title = "Tiny & small";
    const auto dot = network_diagram(View(s), options);
    // The key is the graph's label, drawn above the drawing.
    const auto label = dot.find("  graph [label=<<TABLE");
    REQUIRE(label != std::string::npos);
    const auto end = dot.find("</TABLE>>, labelloc=t", label);
    REQUIRE(end != std::string::npos);
    const auto key = dot.substr(label, end - label);
    CHECK(key.find("<B>Tiny &amp; small</B>") != std::string::npos);
    CHECK(key.find("<B>Kinds</B>") != std::string::npos);
    CHECK(key.find("<B>Relations</B>") != std::string::npos);
    for (const auto& id : g.ontology().kind_ids()) {
        bool shown = false;
        for (EntityIndex e = 0; e < g.entity_count(); ++e) shown = shown || g.entity(e).kind() == id;
        const auto* kind = g.ontology().kind(id);
        CHECK((key.find(">" + kind->label + "</TD>") != std::string::npos) == shown);
    }
    const auto* counters = g.ontology().relation_type("counters");
    REQUIRE(counters);
    CHECK(key.find("<FONT COLOR=\"" + counters->color + "\">") != std::string::npos);
    CHECK(key.find(">" + counters->label + " &#8594;</TD>") != std::string::npos);
    CHECK(dot.find("legend") == std::string::npos);
    // Six relations: each labelled with its type.
    CHECK(dot.find("label=\"" + counters->label + "\"") != std::string::npos);
    options.relation_label_limit = 3;
    CHECK(network_diagram(View(s), options).find("label=\"" + counters->label + "\"") == std::string::npos);
    const auto svg = render_dot(dot, "neato", ImageFormat::svg);
    std::vector<std::string> texts;
    svg_elements(svg, &texts);
    CHECK(std::find(texts.begin(), texts.end(), "Kinds") != texts.end());
}

TEST_CASE("a diagram that names only its highest scores draws the others as dots with their name as tooltip", "[render]") {
    const auto g = network({{"hub", "a"}, {"hub", "b"}, {"hub", "c"}, {"c", "d"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DiagramOptions options;
    options.size_scores.assign(g.entity_count(), 0.0);
    options.size_scores[*g.find("hub")] = 3;
    options.size_scores[*g.find("c")] = 1.5;
    options.label_limit = 2;
    const auto dot = network_diagram(view, options);
    CHECK(dot.find("[label=\"hub\"") != std::string::npos);
    CHECK(dot.find("[label=\"c\"") != std::string::npos);
    CHECK(dot.find("[label=\"\", tooltip=\"a\"") != std::string::npos);
    std::size_t dots = 0;
    for (auto at = dot.find("shape=point"); at != std::string::npos; at = dot.find("shape=point", at + 1)) ++dots;
    CHECK(dots == 3);
}
