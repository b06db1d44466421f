#include "analysis/cohesion.hpp"

#include "analysis/paths.hpp"

#include <algorithm>
#include <random>

namespace tg {

std::vector<std::size_t> component_sizes(const View& view) {
    std::vector<std::size_t> sizes;
    std::vector<std::uint8_t> seen(view.vertex_count(), 0);
    std::vector<Vertex32> queue;
    for (Vertex32 s = 0; s < view.vertex_count(); ++s) {
        if (!view.active(s) || seen[s]) continue;
        queue.assign(1, s);
        seen[s] = 1;
        for (std::size_t head = 0; head < queue.size(); ++head)
            view.for_each_neighbor(queue[head], Direction::any, [&](Vertex32 w, double, std::size_t) {
                if (!seen[w]) seen[w] = 1, queue.push_back(w);
            });
        sizes.push_back(queue.size());
    }
    return sizes;
}

namespace {

double fragmentation_of(const std::vector<std::size_t>& sizes, std::size_t n) {
    if (n < 2) return 1.0;
    double connected_pairs = 0;
    for (auto s : sizes) connected_pairs += static_cast<double>(s) * static_cast<double>(s - 1);
    return 1.0 - connected_pairs / (static_cast<double>(n) * static_cast<double>(n - 1));
}

} // namespace

double fragmentation(const View& view) { return fragmentation_of(component_sizes(view), view.active_count()); }

double global_efficiency(const View& view) {
    const std::size_t n = view.active_count();
    if (n < 2) return 0.0;
    double sum = 0;
    for (Vertex32 s = 0; s < view.vertex_count(); ++s) {
        if (!view.active(s)) continue;
        const auto level = hop_distances(view, s, Direction::any);
        for (Vertex32 t = 0; t < view.vertex_count(); ++t)
            if (t != s && level[t] != kUnreached) sum += 1.0 / level[t];
    }
    return sum / (static_cast<double>(n) * static_cast<double>(n - 1));
}

double distance_fragmentation(const View& view) { return 1.0 - global_efficiency(view); }

Cohesion measure_cohesion(const View& view, bool with_efficiency) {
    Cohesion c;
    const auto sizes = component_sizes(view);
    c.nodes = view.active_count();
    c.components = sizes.size();
    for (auto s : sizes) c.largest_component = std::max(c.largest_component, s);
    c.fragmentation = fragmentation_of(sizes, c.nodes);
    if (with_efficiency) c.efficiency = global_efficiency(view);
    return c;
}

} // namespace tg

namespace tg {

bool has_ties(const View& view) {
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        if (!view.active(v)) continue;
        bool tied = false;
        view.for_each_neighbor(v, Direction::any, [&](Vertex32 w, double, std::size_t) { tied = tied || w != v; });
        if (tied) return true;
    }
    return false;
}

std::vector<Vertex32> shuffled_vertices(const View& view, std::uint64_t seed) {
    auto order = view.active_vertices();
    std::mt19937_64 random(seed);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    return order;
}

bool label_less(const View& view, Vertex32 a, Vertex32 b) {
    const auto x = view.snapshot().label(a), y = view.snapshot().label(b);
    return x != y ? x < y : a < b;
}

} // namespace tg
