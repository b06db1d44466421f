#pragma once
// Robustness curves: how much of a network is left as entities are removed, one curve per
// removal strategy, drawn as a line chart in DOT for Graphviz's nop2 layout (positions fixed in
// points). Colours from the Okabe-Ito palette, each curve also with its own line style and
// marker, so that it reads in greyscale print and for colour-blind readers.
#include "analysis/disruption.hpp"

#include <string>
#include <vector>

namespace tg {

enum class CurveMeasure { largest_component, fragmentation, efficiency };

// "largest" (the largest component's share of its starting size), "fragmentation" or
// "efficiency"; UsageError with a suggestion otherwise.
CurveMeasure parse_curve_measure(const std::string& name);

// The chart in DOT: x the entities removed (or ties cut), y the measure before any removal and
// after each step.
std::string robustness_chart(const std::vector<Disruption>& runs, CurveMeasure measure, const std::string& title);

} // namespace tg
