#include "render/robustness_chart.hpp"

#include "core/fuzzy.hpp"

#include "render/dot_text.hpp"

#include <algorithm>
#include <cmath>

namespace tg {

namespace {

// The plot area, in points.
constexpr double kLeft = 80, kBottom = 70, kWidth = 520, kHeight = 320;

struct CurveStyle {
    const char* color;
    const char* line;
    const char* marker;
};
// Okabe and Ito (2008): told apart by colour-blind readers; line style and marker tell them apart in grey.
constexpr CurveStyle kStyles[] = {{"#0072B2", "solid", "circle"},  {"#D55E00", "dashed", "box"},         {"#009E73", "dotted", "triangle"},
                                  {"#CC79A7", "solid", "diamond"}, {"#E69F00", "dashed", "invtriangle"}, {"#000000", "dotted", "pentagon"}};

std::string position(double x, double y) { return "pos=\"" + dot_number(x) + "," + dot_number(y) + "\""; }

// An invisible point that a line starts or ends at.
std::string anchor(const std::string& id, double x, double y) { return "  " + id + " [style=invis, " + position(x, y) + "];\n"; }

// The tick label of y: as few decimals as it needs.
std::string tick(double y) {
    std::string s = dot_number(y, 3);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

double value_at(const Disruption& d, std::size_t step, CurveMeasure measure) {
    if (step == 0) {
        if (measure == CurveMeasure::largest_component) return 1.0;
        return measure == CurveMeasure::fragmentation ? d.initial.fragmentation : d.initial.efficiency;
    }
    const auto& s = d.steps[step - 1];
    if (measure == CurveMeasure::largest_component) return s.largest_component_fraction;
    return measure == CurveMeasure::fragmentation ? s.fragmentation : s.efficiency;
}

std::string series_name(const Disruption& d) {
    std::string name = strategy_name(d.strategy);
    if (d.strategy == RemovalStrategy::random) name += " (mean of " + std::to_string(d.runs) + " runs)";
    return name;
}

} // namespace

CurveMeasure parse_curve_measure(const std::string& name) {
    static const std::vector<std::string> names{"largest", "fragmentation", "efficiency"};
    return static_cast<CurveMeasure>(choose_name(name, names, "chart measure"));
}

std::string robustness_chart(const std::vector<Disruption>& runs, CurveMeasure measure, const std::string& title) {
    std::size_t steps = 1;
    double top = 0;
    for (const auto& d : runs) {
        steps = std::max(steps, d.steps.size());
        for (std::size_t i = 0; i <= d.steps.size(); ++i) top = std::max(top, value_at(d, i, measure));
    }
    // The y axis ends at 1 for shares, at the next tenth above the highest efficiency otherwise.
    const double y_max = measure == CurveMeasure::efficiency ? std::max(0.1, std::ceil(top * 10 - 1e-9) / 10) : 1.0;
    const auto px = [&](double step) { return kLeft + kWidth * step / static_cast<double>(steps); };
    const auto py = [&](double y) { return kBottom + kHeight * y / y_max; };
    const std::string y_label = measure == CurveMeasure::largest_component ? "largest component (share of its starting size)"
                                : measure == CurveMeasure::fragmentation   ? "fragmentation (share of pairs cut apart)"
                                                                           : "global efficiency";

    std::string dot = "graph robustness {\n";
    dot += "  graph [label=" + dot_quoted(title) +
           ", labelloc=t, fontsize=16, fontname=\"Helvetica\", bgcolor=white, pad=0.3, "
           "outputorder=edgesfirst, splines=line];\n";
    dot += "  node [shape=point, width=0.01, label=\"\", fontname=\"Helvetica\", fontsize=11];\n";
    dot += "  edge [color=\"#444444\", penwidth=1];\n";

    // Axes, gridlines and ticks.
    dot += anchor("origin", px(0), py(0)) + anchor("x_end", px(steps), py(0)) + anchor("y_end", px(0), py(y_max));
    dot += "  origin -- x_end;\n  origin -- y_end;\n";
    for (int i = 1; i <= 4; ++i) {
        const double y = y_max * i / 4;
        const std::string id = "grid" + std::to_string(i);
        dot += anchor(id + "a", px(0), py(y)) + anchor(id + "b", px(steps), py(y));
        dot += "  " + id + "a -- " + id + "b [color=\"#CCCCCC\", style=dashed];\n";
    }
    for (int i = 0; i <= 4; ++i)
        dot += "  y_tick" + std::to_string(i) + " [shape=plaintext, label=" + dot_quoted(tick(y_max * i / 4)) + ", " +
               position(px(0) - 22, py(y_max * i / 4)) + "];\n";
    const std::size_t x_every = steps <= 10 ? 1 : steps <= 20 ? 2 : steps <= 50 ? 5 : steps <= 100 ? 10 : (steps + 9) / 10;
    for (std::size_t i = 0; i <= steps; i += x_every)
        dot += "  x_tick" + std::to_string(i) + " [shape=plaintext, label=\"" + std::to_string(i) + "\", " +
               position(px(static_cast<double>(i)), py(0) - 16) + "];\n";
    const bool ties = !runs.empty() && runs.front().unit == RemovalUnit::ties;
    dot += "  x_label [shape=plaintext, label=\"" + std::string(ties ? "ties cut" : "entities removed") + "\", " +
           position(px(steps / 2.0), py(0) - 40) + "];\n";
    dot += "  y_label [shape=plaintext, label=" + dot_quoted(y_label) + ", " + position(px(0), py(y_max) + 22) + "];\n";

    // One curve per strategy, and its legend entry at the right.
    for (std::size_t c = 0; c < runs.size(); ++c) {
        const auto& style = kStyles[c % (sizeof kStyles / sizeof kStyles[0])];
        const std::string curve = "c" + std::to_string(c) + "_";
        const std::string marker = std::string("shape=") + style.marker + ", width=0.1, height=0.1, fixedsize=true, style=filled, " +
                                   "color=\"" + style.color + "\", fillcolor=\"" + style.color + "\"";
        const std::string line = std::string("color=\"") + style.color + "\", style=" + style.line + ", penwidth=2";
        const auto& d = runs[c];
        for (std::size_t i = 0; i <= d.steps.size(); ++i) {
            dot += "  " + curve + std::to_string(i) + " [" + marker + ", " +
                   position(px(static_cast<double>(i)), py(value_at(d, i, measure))) + "];\n";
            if (i) dot += "  " + curve + std::to_string(i - 1) + " -- " + curve + std::to_string(i) + " [" + line + "];\n";
        }
        const double y = py(y_max) - 24.0 * static_cast<double>(c);
        const double x = px(steps) + 24;
        dot += anchor(curve + "key_a", x, y) + anchor(curve + "key_b", x + 36, y);
        dot += "  " + curve + "key_a -- " + curve + "key_b [" + line + "];\n";
        dot += "  " + curve + "key_m [" + marker + ", " + position(x + 18, y) + "];\n";
        // A fixed-size box 200 points wide whose label is left-justified ("\l"): the text starts at its left edge.
        auto label = dot_quoted(series_name(d));
        label.insert(label.size() - 1, "\\l");
        dot +=
            "  " + curve + "key_label [shape=plaintext, fixedsize=true, width=2.78, label=" + label + ", " + position(x + 144, y) + "];\n";
    }
    dot += "}\n";
    return dot;
}

} // namespace tg
