#include "analysis/keyplayers.hpp"

#include "analysis/cohesion.hpp"
#include "analysis/paths.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tg {

namespace {

const std::vector<std::string>& objective_names() {
    static const std::vector<std::string> names{"fragmentation", "distance-fragmentation", "reach"};
    return names;
}

// Share of the vertices outside `set` within `steps` hops of it (multi-source breadth-first).
double reach_of(const View& view, const std::vector<Vertex32>& set, std::size_t steps) {
    const std::size_t others = view.active_count() - set.size();
    if (others == 0) return 0.0;
    std::vector<std::uint8_t> seen(view.vertex_count(), 0);
    std::vector<Vertex32> frontier, next;
    for (auto v : set) seen[v] = 1, frontier.push_back(v);
    std::size_t reached = 0;
    for (std::size_t depth = 0; depth < steps && !frontier.empty(); ++depth) {
        next.clear();
        for (auto u : frontier)
            view.for_each_neighbor(u, Direction::any, [&](Vertex32 w, double, std::size_t) {
                if (seen[w]) return;
                seen[w] = 1;
                ++reached;
                next.push_back(w);
            });
        frontier.swap(next);
    }
    return static_cast<double>(reached) / static_cast<double>(others);
}

// Scores sets on one working copy of the view, hiding and showing members in place.
class SetScorer {
public:
    SetScorer(const View& view, KeyPlayerObjective objective, std::size_t steps)
        : work_(view.undirected()), objective_(objective), steps_(steps) {}

    double operator()(const std::vector<Vertex32>& set) {
        ++evaluations;
        if (objective_ == KeyPlayerObjective::reach) return reach_of(work_, set, steps_);
        for (auto v : set) work_.deactivate_vertex(v);
        const double score =
            objective_ == KeyPlayerObjective::fragmentation ? fragmentation(work_) : distance_fragmentation(work_, within_);
        for (auto v : set) work_.reactivate_vertex(v);
        return score;
    }

    // The score of `rest` plus each vertex outside it (indexed by vertex; others untouched). For
    // fragmentation, one depth-first search scores every vertex at once.
    std::vector<double> with_each(std::vector<Vertex32> rest, const std::vector<Vertex32>& candidates,
                                  const std::vector<std::uint8_t>& in_rest, const ProgressMeter& meter, const std::string& task) {
        if (objective_ == KeyPlayerObjective::fragmentation) {
            for (auto v : rest) work_.deactivate_vertex(v);
            auto scores = fragmentation_without_each(work_);
            for (auto v : rest) work_.reactivate_vertex(v);
            evaluations += candidates.size() - rest.size();
            return scores;
        }
        std::vector<double> scores(work_.vertex_count(), 0.0);
        rest.push_back(kNoVertex);
        // The meter counts thousandths of a candidate: one scored by efficiency searches from
        // every entity, which takes seconds on a large network.
        constexpr std::size_t kParts = 1000;
        const std::size_t total = candidates.size() * kParts;
        if (meter) meter(task, 0, total);
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const auto v = candidates[i];
            if (in_rest[v]) continue;
            rest.back() = v;
            if (meter)
                within_ = [&, i](const std::string&, std::size_t done, std::size_t of) {
                    if (of && done < of) meter(task, i * kParts + done * kParts / of, total);
                };
            scores[v] = (*this)(rest);
            within_ = {};
            check_interrupt();
            if (meter) meter(task, (i + 1) * kParts, total);
        }
        if (meter) meter(task, total, total);
        return scores;
    }

    // F of `rest` plus each active vertex outside it, by vertex, in one depth-first search.
    std::vector<double> fragmentation_with_each(const std::vector<Vertex32>& rest) {
        for (auto v : rest) work_.deactivate_vertex(v);
        auto scores = fragmentation_without_each(work_);
        for (auto v : rest) work_.reactivate_vertex(v);
        evaluations += work_.active_count() - rest.size();
        return scores;
    }

    std::size_t evaluations = 0;

private:
    ProgressMeter within_; // progress inside one candidate's score
    View work_;
    KeyPlayerObjective objective_;
    std::size_t steps_;
};

// A better score must beat the current one by more than rounding.
bool improves(double candidate, double current) { return candidate > current + 1e-12; }

// n choose k, as a double (it only has to say "too many").
double sets_of(std::size_t n, std::size_t k) {
    double c = 1;
    for (std::size_t i = 0; i < k; ++i) c = c * static_cast<double>(n - i) / static_cast<double>(i + 1);
    return c;
}

std::size_t arc_count(const View& view) {
    std::size_t arcs = 0;
    for (auto v : view.active_vertices()) view.for_each_neighbor(v, Direction::any, [&](Vertex32, double, std::size_t) { ++arcs; });
    return arcs;
}

// The work of trying every set: for fragmentation every set of k - 1 with one search each, for
// distance-fragmentation an all-pairs search per set, for reach one search per set.
double exhaustive_work(const View& view, std::size_t k, KeyPlayerObjective objective) {
    const auto n = view.active_count();
    const double search = static_cast<double>(n + arc_count(view));
    switch (objective) {
        case KeyPlayerObjective::fragmentation:
            return sets_of(n, k - 1) * search;
        case KeyPlayerObjective::distance_fragmentation:
            return sets_of(n, k) * static_cast<double>(n) * search;
        case KeyPlayerObjective::reach:
            return sets_of(n, k) * search;
    }
    return sets_of(n, k) * search;
}

// Every set of k, in the order of `order` (by label): the first best.
std::vector<Vertex32> best_of_all(const View& view, std::size_t k, KeyPlayerObjective objective, SetScorer& score, double& best) {
    auto order = view.active_vertices();
    std::sort(order.begin(), order.end(), [&](Vertex32 a, Vertex32 b) { return label_less(view, a, b); });
    const std::size_t n = order.size();
    // For fragmentation the last member is chosen by one search over every outsider.
    const std::size_t fixed = objective == KeyPlayerObjective::fragmentation ? k - 1 : k;
    std::vector<std::size_t> at(fixed);
    for (std::size_t i = 0; i < fixed; ++i) at[i] = i;
    std::vector<Vertex32> best_set;
    best = -1;
    std::vector<Vertex32> set(fixed);
    for (std::size_t tried = 0;; ++tried) {
        for (std::size_t i = 0; i < fixed; ++i) set[i] = order[at[i]];
        if (objective == KeyPlayerObjective::fragmentation) {
            const auto scores = score.fragmentation_with_each(set);
            for (std::size_t p = fixed == 0 ? 0 : at.back() + 1; p < n; ++p) {
                if (!improves(scores[order[p]], best)) continue;
                best = scores[order[p]];
                best_set = set;
                best_set.push_back(order[p]);
            }
        } else {
            const double s = score(set);
            if (improves(s, best)) best = s, best_set = set;
        }
        if (tried % 256 == 0) check_interrupt();
        // The next combination of `fixed` positions out of n, in lexicographic order.
        std::size_t i = fixed;
        while (i > 0 && at[i - 1] == n - fixed + i - 1) --i;
        if (i == 0) break;
        ++at[i - 1];
        for (std::size_t j = i; j < fixed; ++j) at[j] = at[j - 1] + 1;
    }
    return best_set;
}

// What no set of k can beat, where a bound is cheap. Fragmentation: removing k vertices takes
// away at most the k largest degrees' worth of linked pairs, and a component of s entities
// holding e linked pairs has s(s - 1) >= 2e connected ordered pairs. Reach within one step: the
// k largest degrees over the others.
double score_bound(const View& view, std::size_t k, KeyPlayerObjective objective, std::size_t steps) {
    const auto n = view.active_count();
    if (objective == KeyPlayerObjective::distance_fragmentation || (objective == KeyPlayerObjective::reach && steps > 1))
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<std::size_t> degree;
    std::size_t pairs = 0;
    for (auto v : view.active_vertices()) {
        std::vector<Vertex32> others;
        view.for_each_neighbor(v, Direction::any, [&](Vertex32 w, double, std::size_t) {
            if (w != v) others.push_back(w);
        });
        std::sort(others.begin(), others.end());
        others.erase(std::unique(others.begin(), others.end()), others.end());
        degree.push_back(others.size());
        pairs += others.size();
    }
    pairs /= 2;
    std::sort(degree.rbegin(), degree.rend());
    std::size_t top = 0;
    for (std::size_t i = 0; i < k && i < degree.size(); ++i) top += degree[i];
    const double rest = static_cast<double>(n - k);
    if (objective == KeyPlayerObjective::reach) return std::min(1.0, static_cast<double>(top) / rest);
    if (rest < 2) return 1.0;
    const double left = pairs > top ? static_cast<double>(pairs - top) : 0.0;
    return std::max(0.0, 1.0 - 2.0 * left / (rest * (rest - 1)));
}

// Borgatti's search from one seeded order: greedy, then swaps until no swap improves.
struct LocalSearch {
    std::vector<Vertex32> set;
    double score = 0;
    std::size_t passes = 0;
    bool converged = true;
};

LocalSearch local_search(const View& view, const KeyPlayerOptions& options, std::uint64_t seed, SetScorer& score) {
    const auto candidates = shuffled_vertices(view, seed);
    LocalSearch result;
    auto& set = result.set;

    // The outsider that helps `rest` most, the first in the seeded order among equals.
    const auto best_outsider = [&](const std::vector<Vertex32>& rest, double& best, const std::string& task) {
        std::vector<std::uint8_t> in_rest(view.vertex_count(), 0);
        for (auto v : rest) in_rest[v] = 1;
        const auto scores = score.with_each(rest, candidates, in_rest, options.meter, task);
        Vertex32 choice = kNoVertex;
        for (auto v : candidates) {
            if (in_rest[v]) continue;
            if (choice == kNoVertex || improves(scores[v], best)) best = scores[v], choice = v;
        }
        return choice;
    };

    // Greedy: add the candidate that helps most.
    double current = 0;
    for (std::size_t round = 0; round < options.k; ++round) {
        double best = -1;
        const Vertex32 choice =
            best_outsider(set, best, "key players: choosing " + std::to_string(round + 1) + " of " + std::to_string(options.k));
        set.push_back(choice);
        current = best;
        if (options.progress) options.progress("key players: chose " + std::to_string(round + 1) + " of " + std::to_string(options.k));
    }

    // Swaps: replace each member by the best outsider while that improves the score.
    bool improved = true;
    while (improved) {
        if (result.passes == options.max_passes) {
            result.converged = false;
            break;
        }
        improved = false;
        ++result.passes;
        for (std::size_t i = 0; i < set.size(); ++i) {
            auto rest = set;
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
            double best = -1;
            const Vertex32 choice =
                best_outsider(rest, best, "key players: swap pass " + std::to_string(result.passes) + ", member " + std::to_string(i + 1));
            if (choice == set[i] || !improves(best, current)) continue;
            set[i] = choice;
            current = best;
            improved = true;
        }
        if (options.progress) options.progress("key players: swap pass " + std::to_string(result.passes));
    }
    result.score = current;
    return result;
}

} // namespace

KeyPlayerObjective parse_key_player_objective(const std::string& name) {
    return static_cast<KeyPlayerObjective>(choose_name(name, objective_names(), "key-player objective"));
}

std::string objective_name(KeyPlayerObjective objective) { return objective_names()[static_cast<std::size_t>(objective)]; }

double key_player_score(const View& view, const std::vector<Vertex32>& set, KeyPlayerObjective objective, std::size_t steps) {
    SetScorer score(view, objective, steps);
    return score(set);
}

KeyPlayerSet key_players(const View& view, const KeyPlayerOptions& options) {
    const std::size_t n = view.active_count();
    if (n == 0) throw DataError("the network has no entities to choose key players from");
    if (!has_ties(view))
        throw DataError("the network has no relations: every entity is already cut off from the others",
                        "check the filters (" + parameter("kinds") + ", " + parameter("relation_types") + ", " +
                            parameter("min_confidence") + ", " + parameter("as_of") + ")");
    if (options.k == 0) throw ParameterError(parameter("k") + " must be at least 1");
    if (options.k >= n)
        throw DataError(parameter("k") + " " + std::to_string(options.k) + " is not smaller than the network (" + std::to_string(n) +
                            " entities)",
                        "choose a k below " + std::to_string(n));
    if (options.objective == KeyPlayerObjective::reach && options.steps == 0)
        throw ParameterError(parameter("steps") + " must be at least 1 for reach");

    SetScorer score(view, options.objective, options.steps);
    KeyPlayerSet result;
    result.objective = options.objective;
    std::vector<Vertex32> set;
    double current = 0;

    if (exhaustive_work(view, options.k, options.objective) <= options.exhaustive_work) {
        if (options.progress) options.progress("key players: trying every set of " + std::to_string(options.k));
        set = best_of_all(view, options.k, options.objective, score, current);
        result.exhaustive = true;
        result.upper_bound = current;
    } else {
        const std::size_t restarts = options.restarts > 0 ? options.restarts : n <= 10000 ? 5 : 1;
        std::vector<double> reached;
        for (std::size_t r = 0; r < restarts; ++r) {
            auto found = local_search(view, options, options.seed + r, score);
            reached.push_back(found.score);
            if (r == 0 || improves(found.score, current)) {
                current = found.score;
                set = std::move(found.set);
                result.passes = found.passes;
                result.converged = found.converged;
            }
        }
        // How many restarts reached the best score: a measure of how settled the answer is.
        result.restarts = restarts;
        for (double x : reached) result.restarts_agreeing += !improves(current, x);
        result.upper_bound = score_bound(view, options.k, options.objective, options.steps);
    }

    result.score = current;
    for (std::size_t i = 0; i < set.size(); ++i) {
        auto without = set;
        without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
        result.members.push_back({set[i], current - score(without)});
    }
    std::sort(result.members.begin(), result.members.end(), [&](const KeyPlayer& a, const KeyPlayer& b) {
        if (a.contribution != b.contribution) return a.contribution > b.contribution;
        return label_less(view, a.vertex, b.vertex);
    });
    result.evaluations = score.evaluations;
    return result;
}

} // namespace tg
