#include "query/counter_network_statement.hpp"

#include <algorithm>

namespace tg::query {

CounterNetworkFound find_counter_network(const KnowledgeGraph& graph, const CounterNetworkRequest& args) {
    const GraphSnapshot snapshot(graph);
    CounterNetworkOptions options;
    if (!args.coalition.empty()) options.coalition_kinds = args.coalition;
    if (!args.threats.empty()) options.threat_kinds = args.threats;
    if (!args.targets.empty()) options.target_kinds = args.targets;
    if (!args.via.empty()) options.counter_types = args.via;
    options.cooperation_types = args.cooperation;
    options.min_confidence = args.view.min_confidence;
    options.as_of = args.view.as_of;
    CounterNetworkFound found;
    found.analysis = analyze_counter_network(snapshot, options);
    for (const auto& cover : found.analysis.coverage)
        if (cover.countered_by.empty()) found.uncovered.push_back(cover.target);
    // The relations by which members counter each target: those of the counter types the
    // confidence and date filters keep.
    ViewRequest by_counter_types;
    by_counter_types.via = options.counter_types;
    by_counter_types.min_confidence = args.view.min_confidence;
    by_counter_types.as_of = args.view.as_of;
    std::vector<std::vector<RelationIndex>> countering(graph.entity_count());
    for (auto r : relations_in(make_view(snapshot, by_counter_types, "hops"))) countering[graph.target_of(r)].push_back(r);
    for (const auto& cover : found.analysis.coverage) {
        found.countering.emplace_back();
        for (auto r : countering[cover.target])
            if (std::binary_search(cover.countered_by.begin(), cover.countered_by.end(), graph.source_of(r)))
                found.countering.back().push_back(r);
    }
    return found;
}

} // namespace tg::query
