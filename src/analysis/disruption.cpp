#include "analysis/disruption.hpp"

#include "analysis/centrality.hpp"
#include "analysis/keyplayers.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string_view>

namespace tg {

std::vector<Tie> ties_of(const View& view) {
    std::vector<Tie> ties;
    for (auto u : view.active_vertices())
        view.for_each_neighbor(u, Direction::any, [&](Vertex32 w, double, std::size_t) {
            if (u < w) ties.emplace_back(u, w);
        });
    return ties;
}

const std::vector<std::string>& removal_strategy_names() {
    static const std::vector<std::string> names{"degree", "betweenness", "keyplayer", "random", "names"};
    return names;
}

RemovalStrategy parse_removal_strategy(const std::string& name) {
    return static_cast<RemovalStrategy>(choose_name(name, removal_strategy_names(), "removal strategy"));
}

std::string strategy_name(RemovalStrategy strategy) { return removal_strategy_names()[static_cast<std::size_t>(strategy)]; }

namespace {

void check_runs(const DisruptionOptions& options) {
    if (options.strategy != RemovalStrategy::random) return;
    if (options.runs == 0) throw ParameterError(parameter("runs") + " must be at least 1");
    if (options.runs > kMostRandomRuns)
        throw ParameterError(parameter("runs") + " " + std::to_string(options.runs) + " is more than " + std::to_string(kMostRandomRuns) +
                                 " runs",
                             "10 to 100 runs give a steady mean; choose at most " + std::to_string(kMostRandomRuns));
}

// Scores equal up to rounding count as a tie.
bool same_score(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// The active vertex of highest score; among equal scores the smallest label.
Vertex32 highest(const View& view, const std::vector<double>& score) {
    Vertex32 best = kNoVertex;
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        if (!view.active(v)) continue;
        if (best == kNoVertex || (same_score(score[v], score[best]) ? label_less(view, v, best) : score[v] > score[best])) best = v;
    }
    return best;
}

std::vector<double> distinct_degrees(const View& view) {
    std::vector<double> degree(view.vertex_count(), 0);
    for (auto v : view.active_vertices()) degree[v] = static_cast<double>(distinct_neighbours(view, v, Direction::any).size());
    return degree;
}

void add_measures(DisruptionStep& step, const Cohesion& after, const Cohesion& initial) {
    step.largest_component += static_cast<double>(after.largest_component);
    step.largest_component_fraction +=
        initial.largest_component ? static_cast<double>(after.largest_component) / static_cast<double>(initial.largest_component) : 0.0;
    step.components += static_cast<double>(after.components);
    step.fragmentation += after.fragmentation;
    step.efficiency += after.efficiency;
}

// The labels of a tie's ends in order: the tie rule for cuts.
std::pair<std::string_view, std::string_view> tie_labels(const View& view, const Tie& t) {
    auto a = view.snapshot().label(t.first), b = view.snapshot().label(t.second);
    return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

// Hides every arc between the tie's ends, both ways.
void cut_tie(View& view, const Tie& t) {
    for (auto p : view.snapshot().arcs_between(t.first, t.second)) view.deactivate_arc(p);
}

void check_options(const View& view, const DisruptionOptions& options) {
    const std::size_t n = view.active_count();
    if (n == 0) throw DataError("the network has no entities to remove");
    if (!has_ties(view))
        throw DataError("the network has no relations: there is nothing to disrupt",
                        "check the filters (" + parameter("kinds") + ", " + parameter("relation_types") + ", " +
                            parameter("min_confidence") + ", " + parameter("as_of") + ")");
    if (options.unit == RemovalUnit::ties) {
        if (options.strategy == RemovalStrategy::degree || options.strategy == RemovalStrategy::keyplayer)
            throw ParameterError("the " + strategy_name(options.strategy) + " strategy removes entities, not ties",
                                 "cut ties by betweenness, random or names");
        if (options.strategy == RemovalStrategy::names) {
            if (options.target_ties.empty()) throw ParameterError("the names strategy needs " + parameter("targets"));
            auto sorted = options.target_ties;
            std::sort(sorted.begin(), sorted.end());
            if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) throw ParameterError("a tie is named twice");
            const auto all = ties_of(view);
            for (const auto& t : options.target_ties)
                if (!std::binary_search(all.begin(), all.end(), t))
                    throw DataError("no relation joins \"" + std::string(view.snapshot().label(t.first)) + "\" and \"" +
                                    std::string(view.snapshot().label(t.second)) + "\" in the view");
            return;
        }
        const auto ties = ties_of(view).size();
        if (options.steps == 0) throw ParameterError(parameter("steps") + " must be at least 1");
        if (options.steps > ties)
            throw DataError(parameter("steps") + " " + std::to_string(options.steps) + " is more than the network has (" +
                                std::to_string(ties) + " ties)",
                            "choose at most " + std::to_string(ties) + " steps");
        check_runs(options);
        return;
    }
    if (options.strategy == RemovalStrategy::names) {
        if (options.targets.empty()) throw ParameterError("the names strategy needs " + parameter("targets"));
        std::vector<Vertex32> sorted = options.targets;
        std::sort(sorted.begin(), sorted.end());
        const auto repeated = std::adjacent_find(sorted.begin(), sorted.end());
        if (repeated != sorted.end())
            throw ParameterError("target \"" + std::string(view.snapshot().label(*repeated)) + "\" is named twice");
        for (auto v : options.targets) {
            if (v >= view.vertex_count()) throw DataError("a target is not an entity of this network");
            if (!view.active(v))
                throw DataError("target \"" + std::string(view.snapshot().label(v)) + "\" is outside the view",
                                "check the filters (" + parameter("kinds") + ", " + parameter("domains") + ")");
        }
        return;
    }
    if (options.steps == 0) throw ParameterError(parameter("steps") + " must be at least 1");
    if (options.steps > n)
        throw DataError(parameter("steps") + " " + std::to_string(options.steps) + " is more than the network has (" + std::to_string(n) +
                            " entities)",
                        "choose at most " + std::to_string(n) + " steps");
    if (options.strategy == RemovalStrategy::keyplayer && options.steps == n)
        throw DataError(parameter("steps") + " " + std::to_string(n) + " would make every entity a key player",
                        "choose fewer than " + std::to_string(n) + " steps");
    check_runs(options);
}

} // namespace

namespace {

void average_runs(Disruption& result) {
    const double runs = static_cast<double>(result.runs);
    for (auto& step : result.steps) {
        step.largest_component /= runs;
        step.largest_component_fraction /= runs;
        step.components /= runs;
        step.fragmentation /= runs;
        step.efficiency /= runs;
    }
}

ProgressReport step_reporter(const DisruptionOptions& options) {
    return [&options](const std::string& done) {
        if (options.progress) options.progress(strategy_name(options.strategy) + ": " + done);
    };
}

Disruption cut_ties(const View& view, const DisruptionOptions& options, Disruption result) {
    const auto report = step_reporter(options);
    if (options.strategy == RemovalStrategy::random) {
        result.runs = options.runs;
        result.steps.assign(options.steps, {});
        for (std::size_t run = 0; run < options.runs; ++run) {
            View copy = view.undirected();
            auto ties = ties_of(copy);
            std::mt19937_64 random(options.seed + run);
            for (std::size_t i = ties.size(); i > 1; --i) std::swap(ties[i - 1], ties[random() % i]);
            for (std::size_t i = 0; i < options.steps; ++i) {
                cut_tie(copy, ties[i]);
                add_measures(result.steps[i], measure_cohesion(copy, true, options.samples, options.seed), result.initial);
            }
            report("run " + std::to_string(run + 1) + " of " + std::to_string(options.runs));
        }
        average_runs(result);
        return result;
    }
    View work = view.undirected();
    const std::size_t steps = options.strategy == RemovalStrategy::names ? options.target_ties.size() : options.steps;
    for (std::size_t i = 0; i < steps; ++i) {
        Tie target;
        if (options.strategy == RemovalStrategy::names) {
            target = options.target_ties[i];
        } else {
            BetweennessOptions b;
            b.normalized = false;
            b.samples = options.samples < work.active_count() ? options.samples : 0;
            b.seed = options.seed;
            bool found = false;
            double best = 0;
            for (const auto& [pair, score] : edge_betweenness_centrality(work, b)) {
                if (pair.first == pair.second) continue;
                if (!found || (same_score(score, best) ? tie_labels(work, pair) < tie_labels(work, target) : score > best))
                    target = pair, best = score, found = true;
            }
        }
        cut_tie(work, target);
        DisruptionStep step;
        step.cut.push_back(target);
        add_measures(step, measure_cohesion(work, true, options.samples, options.seed), result.initial);
        result.steps.push_back(std::move(step));
        report("step " + std::to_string(i + 1) + " of " + std::to_string(steps));
    }
    return result;
}

} // namespace

Disruption simulate_disruption(const View& view, const DisruptionOptions& options) {
    check_options(view, options);
    Disruption result;
    result.strategy = options.strategy;
    result.unit = options.unit;
    View work = view.undirected();
    result.initial = measure_cohesion(work, true, options.samples, options.seed);
    if (options.unit == RemovalUnit::ties) return cut_ties(view, options, std::move(result));
    const auto progress = step_reporter(options);
    const auto report = [&](std::size_t step, std::size_t of) { progress("step " + std::to_string(step) + " of " + std::to_string(of)); };

    if (options.strategy == RemovalStrategy::random) {
        result.runs = options.runs;
        result.steps.assign(options.steps, {});
        for (std::size_t run = 0; run < options.runs; ++run) {
            View copy = view.undirected();
            const auto order = shuffled_vertices(copy, options.seed + run);
            for (std::size_t i = 0; i < options.steps; ++i) {
                copy.deactivate_vertex(order[i]);
                add_measures(result.steps[i], measure_cohesion(copy, true, options.samples, options.seed), result.initial);
            }
            progress("run " + std::to_string(run + 1) + " of " + std::to_string(options.runs));
        }
        average_runs(result);
        return result;
    }

    std::vector<Vertex32> planned; // fixed orders: key players and named targets
    if (options.strategy == RemovalStrategy::names) planned = options.targets;
    if (options.strategy == RemovalStrategy::keyplayer) {
        KeyPlayerOptions kp;
        kp.k = options.steps;
        kp.seed = options.seed;
        kp.progress = options.progress;
        for (const auto& member : key_players(work, kp).members) planned.push_back(member.vertex);
    }
    const std::size_t steps = planned.empty() ? options.steps : planned.size();
    for (std::size_t i = 0; i < steps; ++i) {
        Vertex32 target = kNoVertex;
        if (!planned.empty()) {
            target = planned[i];
        } else if (options.strategy == RemovalStrategy::degree) {
            target = highest(work, distinct_degrees(work));
        } else {
            BetweennessOptions b;
            b.normalized = false;
            b.samples = options.samples < work.active_count() ? options.samples : 0;
            b.seed = options.seed;
            target = highest(work, betweenness_centrality(work, b));
        }
        work.deactivate_vertex(target);
        DisruptionStep step;
        step.removed.push_back(target);
        add_measures(step, measure_cohesion(work, true, options.samples, options.seed), result.initial);
        result.steps.push_back(std::move(step));
        report(i + 1, steps);
    }
    return result;
}

} // namespace tg
