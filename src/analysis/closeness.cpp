#include "analysis/centrality.hpp"

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
        const auto [d, u] = queue.top();
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

} // namespace

Scores closeness_centrality(const View& view, bool wf_improved) {
    if (view.weighted()) require_usable_weights(view);
    Scores score(view.vertex_count(), 0.0);
    std::vector<double> dist(view.vertex_count(), -1);
    std::vector<Vertex32> touched;
    const double n = static_cast<double>(view.active_count());
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        if (!view.active(v)) continue;
        double total = 0;
        std::size_t reached = 1;
        distances_to(view, v, dist, touched, [&](Vertex32, double d) {
            total += d;
            ++reached;
        });
        if (total > 0 && n > 1) {
            const double r = static_cast<double>(reached - 1);
            score[v] = r / total;
            if (wf_improved) score[v] *= r / (n - 1);
        }
    }
    return score;
}

Scores harmonic_centrality(const View& view) {
    if (view.weighted()) require_usable_weights(view);
    Scores score(view.vertex_count(), 0.0);
    std::vector<double> dist(view.vertex_count(), -1);
    std::vector<Vertex32> touched;
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        if (!view.active(v)) continue;
        double total = 0;
        distances_to(view, v, dist, touched, [&](Vertex32, double d) {
            if (d > 0) total += 1.0 / d;
        });
        score[v] = total;
    }
    return score;
}

} // namespace tg
