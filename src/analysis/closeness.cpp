#include "analysis/centrality.hpp"

#include "analysis/multi_source_search.hpp"
#include "analysis/paths.hpp"

#include <functional>
#include <limits>
#include <queue>

namespace tg {

namespace {

// Distances from v against the direction of the arcs (the distances *to* v in a directed view),
// by hops or by weight. Calls f(u, d) for every u != v that reaches v.
template <class F>
void distances_to(const View& view, Vertex32 v, std::vector<double>& dist, std::vector<Vertex32>& touched, F&& f) {
    for (auto u : touched) dist[u] = -1;
    touched.clear();
    dist[v] = 0;
    touched.push_back(v);
    const Direction back = view.backward();
    if (!view.weighted()) {
        std::size_t head = 0;
        while (head < touched.size()) {
            const auto u = touched[head++];
            view.for_each_neighbor(u, back, [&](Vertex32 w, double, std::size_t) {
                if (dist[w] >= 0) return;
                dist[w] = dist[u] + 1;
                touched.push_back(w);
                f(w, dist[w]);
            });
        }
        return;
    }
    // Dijkstra; dist doubles as the "settled" mark.
    dist[v] = -1;
    touched.clear();
    using Item = std::pair<double, Vertex32>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    std::vector<double> best(view.vertex_count(), std::numeric_limits<double>::infinity());
    best[v] = 0;
    queue.emplace(0.0, v);
    while (!queue.empty()) {
        const double d = queue.top().first; // not a structured binding: the lambda below captures them
        const auto u = queue.top().second;
        queue.pop();
        if (dist[u] >= 0) continue;
        dist[u] = d;
        touched.push_back(u);
        if (u != v) f(u, d);
        view.for_each_neighbor(u, back, [&](Vertex32 w, double weight, std::size_t) {
            if (dist[w] >= 0 || d + weight >= best[w]) return;
            best[w] = d + weight;
            queue.emplace(best[w], w);
        });
    }
}

// Every active vertex's search against the arcs, 64 at a time: (distances summed, vertices
// reaching it, inverse distances summed) by vertex.
struct Reach {
    std::vector<double> total, inverse;
    std::vector<std::size_t> reached;
};

Reach reach_by_hops(const View& view, const ProgressMeter& progress, const std::string& task) {
    const auto sources = view.active_vertices();
    Reach r;
    r.total.assign(view.vertex_count(), 0.0);
    r.inverse.assign(view.vertex_count(), 0.0);
    r.reached.assign(view.vertex_count(), 0);
    SearchPool pool(view, view.backward(), 2);
    pool.run(
        sources,
        [&](std::size_t begin, const MultiSourceSearch::Result& result) {
            for (std::size_t i = 0; i < MultiSourceSearch::kWidth && begin + i < sources.size(); ++i) {
                const auto v = sources[begin + i];
                r.total[v] = result.total[i], r.inverse[v] = result.inverse_total[i], r.reached[v] = result.reached[i];
            }
        },
        progress, task);
    check_interrupt();
    return r;
}

} // namespace

Scores closeness_centrality(const View& view, bool wf_improved, const ProgressMeter& progress) {
    Scores score(view.vertex_count(), 0.0);
    const double n = static_cast<double>(view.active_count());
    const auto set = [&](Vertex32 v, double total, std::size_t reached) {
        if (total > 0 && n > 1) {
            const double r = static_cast<double>(reached - 1);
            score[v] = r / total;
            if (wf_improved) score[v] *= r / (n - 1);
        }
    };
    if (!view.weighted()) {
        const auto reach = reach_by_hops(view, progress, "closeness");
        for (auto v : view.active_vertices()) set(v, reach.total[v], reach.reached[v]);
        return score;
    }
    require_usable_weights(view);
    std::vector<double> dist(view.vertex_count(), -1);
    std::vector<Vertex32> touched;
    const auto active = view.active_vertices();
    for (std::size_t i = 0; i < active.size(); ++i) {
        const auto v = active[i];
        double total = 0;
        std::size_t reached = 1;
        distances_to(view, v, dist, touched, [&](Vertex32, double d) {
            total += d;
            ++reached;
        });
        set(v, total, reached);
        if (i % 64 == 63) {
            check_interrupt();
            if (progress) progress("closeness", i + 1, active.size());
        }
    }
    if (progress) progress("closeness", 1, 1);
    return score;
}

Scores harmonic_centrality(const View& view, const ProgressMeter& progress) {
    Scores score(view.vertex_count(), 0.0);
    if (!view.weighted()) {
        const auto reach = reach_by_hops(view, progress, "harmonic");
        for (auto v : view.active_vertices()) score[v] = reach.inverse[v];
        return score;
    }
    require_usable_weights(view);
    std::vector<double> dist(view.vertex_count(), -1);
    std::vector<Vertex32> touched;
    const auto active = view.active_vertices();
    for (std::size_t i = 0; i < active.size(); ++i) {
        const auto v = active[i];
        double total = 0;
        distances_to(view, v, dist, touched, [&](Vertex32, double d) {
            if (d > 0) total += 1.0 / d;
        });
        score[v] = total;
        if (i % 64 == 63) {
            check_interrupt();
            if (progress) progress("harmonic", i + 1, active.size());
        }
    }
    if (progress) progress("harmonic", 1, 1);
    return score;
}

} // namespace tg
