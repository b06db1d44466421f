#pragma once
// DISRUPT, for the query language and the CLI's disrupt command alike: entities (or ties)
// removed one per step by each strategy asked for, and the network's cohesion measured after
// every step. The drawings the request names are made by the render layer (query/drawings.hpp).
#include "query/results.hpp"
#include "query/run_hooks.hpp"
#include "query/view_request.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tg::query {

struct DisruptRequest {
    std::vector<std::string> strategies; // empty: degree, or betweenness when cutting ties
    std::string remove = "entities";     // or "ties"
    std::vector<std::string> targets;    // the names strategy's entities, or ties as "A--B"
    std::optional<std::size_t> steps;    // unset: 10, or the number of targets
    std::size_t seeds = 10;              // random runs averaged
    std::uint64_t seed = 0;
    std::size_t samples = 0; // betweenness and efficiency from sampled sources (0: exact)
    // Drawings, each written when its path is set (.svg, .png or .pdf).
    std::string chart; // the robustness curves
    std::string chart_measure = "largest";
    std::string before, after; // the network before and after the first strategy's removals
    ViewRequest view;
};

// ParameterError for an unknown strategy or unit, targets without the names strategy, steps of 0
// or other than the targets named; UsageError for a picture name that is not .svg, .png or
// .pdf (all before the work); DataError for a target outside the view.
DisruptionFound find_disruption(const KnowledgeGraph& graph, const DisruptRequest& request, const RunHooks& hooks = {});

} // namespace tg::query
