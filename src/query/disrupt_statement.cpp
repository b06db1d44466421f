#include "query/disrupt_statement.hpp"

#include "analysis/disruption.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/image_format.hpp"

#include <algorithm>

namespace tg::query {

namespace {

// "A--B": the tie between two entities, smaller vertex first.
Tie resolve_tie(const View& view, const std::string& text) {
    const auto [a, b] = resolve_pair_in_view(view, text, "tie");
    return {std::min(a, b), std::max(a, b)};
}

} // namespace

DisruptionFound find_disruption(const KnowledgeGraph& graph, const DisruptRequest& request, const RunHooks& hooks) {
    const GraphSnapshot snapshot(graph);
    const View view = make_view(snapshot, request.view, "hops").undirected();

    for (const auto* path : {&request.chart, &request.before, &request.after})
        if (!path->empty()) image_format_for(*path); // a bad name fails before the work
    const auto unit = static_cast<RemovalUnit>(choose_name(request.remove, {"entities", "ties"}, parameter("remove") + " value"));
    std::vector<RemovalStrategy> strategies;
    for (const auto& name : request.strategies) strategies.push_back(parse_removal_strategy(name));
    if (strategies.empty()) strategies.push_back(unit == RemovalUnit::ties ? RemovalStrategy::betweenness : RemovalStrategy::degree);
    const bool named = std::find(strategies.begin(), strategies.end(), RemovalStrategy::names) != strategies.end();
    if (!request.targets.empty() && !named) throw ParameterError(parameter("targets") + " goes with " + parameter("strategy") + " names");
    std::vector<Vertex32> targets;
    std::vector<Tie> target_ties;
    for (const auto& t : request.targets) {
        if (unit == RemovalUnit::ties)
            target_ties.push_back(resolve_tie(view, t));
        else
            targets.push_back(resolve_in_view(view, t));
    }
    if (request.steps && *request.steps == 0) throw ParameterError(parameter("steps") + " must be at least 1");
    if (named && strategies.size() == 1 && request.steps && *request.steps != request.targets.size())
        throw ParameterError(parameter("steps") + " " + std::to_string(*request.steps) + " differs from the " +
                                 std::to_string(request.targets.size()) + " targets named",
                             "leave out " + parameter("steps") + ": the names strategy removes each target once");
    const std::size_t default_steps = std::min<std::size_t>(10, unit == RemovalUnit::ties ? ties_of(view).size() : view.active_count());
    if (!request.after.empty() && strategies.front() == RemovalStrategy::random)
        throw ParameterError(parameter("after") + " draws the first strategy's removals, and random runs each remove others",
                             "list another strategy first");

    DisruptionFound found;
    found.seed = request.seed;
    found.entities = view.active_count();
    for (auto strategy : strategies) {
        DisruptionOptions options;
        options.strategy = strategy;
        options.unit = unit;
        options.steps = strategy == RemovalStrategy::names ? request.targets.size() : request.steps.value_or(default_steps);
        // By default the key-player set leaves at least one entity out.
        if (strategy == RemovalStrategy::keyplayer && !request.steps && unit == RemovalUnit::entities)
            options.steps = std::min(default_steps, view.active_count() - 1);
        options.targets = targets;
        options.target_ties = target_ties;
        options.runs = request.seeds;
        options.seed = request.seed;
        options.samples = request.samples;
        options.progress = hooks.progress;
        found.strategies.push_back(simulate_disruption(view, options));
    }
    return found;
}

} // namespace tg::query
