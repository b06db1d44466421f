#include "analysis/keyplayers.hpp"

#include "analysis/cohesion.hpp"
#include "analysis/paths.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"

#include <algorithm>

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

    std::size_t evaluations = 0;

private:
    ProgressMeter within_; // progress inside one candidate's score
    View work_;
    KeyPlayerObjective objective_;
    std::size_t steps_;
};

// A better score must beat the current one by more than rounding.
bool improves(double candidate, double current) { return candidate > current + 1e-12; }

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
                        "check the filters (--kinds, --via, --min-confidence, --as-of)");
    if (options.k == 0) throw UsageError("--k must be at least 1");
    if (options.k >= n)
        throw DataError("--k " + std::to_string(options.k) + " is not smaller than the network (" + std::to_string(n) +
                            " entities)",
                        "choose a k below " + std::to_string(n));
    if (options.objective == KeyPlayerObjective::reach && options.steps == 0)
        throw UsageError("--steps must be at least 1 for reach");

    SetScorer score(view, options.objective, options.steps);
    const auto candidates = shuffled_vertices(view, options.seed);
    std::vector<std::uint8_t> chosen(view.vertex_count(), 0);
    std::vector<Vertex32> set;
    KeyPlayerSet result;
    result.objective = options.objective;

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
        const Vertex32 choice = best_outsider(set, best, "key players: choosing " + std::to_string(round + 1) + " of " + std::to_string(options.k));
        set.push_back(choice);
        chosen[choice] = 1;
        current = best;
        if (options.progress)
            options.progress("key players: chose " + std::to_string(round + 1) + " of " + std::to_string(options.k));
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
            chosen[set[i]] = 0;
            chosen[choice] = 1;
            set[i] = choice;
            current = best;
            improved = true;
        }
        if (options.progress) options.progress("key players: swap pass " + std::to_string(result.passes));
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
