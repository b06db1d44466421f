#include "analysis/cohesion.hpp"

#include "analysis/multi_source_search.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"

#include <algorithm>
#include <exception>
#include <random>
#include <thread>

namespace tg {

std::vector<std::size_t> component_sizes(const View& view) {
    std::vector<std::size_t> sizes;
    for (const auto& component : weak_components(view)) sizes.push_back(component.size());
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

double global_efficiency(const View& view, std::size_t samples, std::uint64_t seed, const ProgressMeter& progress) {
    const std::size_t n = view.active_count();
    if (n < 2) return 0.0;
    auto sources = samples > 0 && samples < n ? shuffled_vertices(view, seed) : view.active_vertices();
    if (samples > 0 && samples < n) sources.resize(samples);
    // 64 searches at a time on two threads; each source's sum is kept in its place, so that the
    // sums add in a fixed order whatever the timing.
    std::vector<double> inverse(sources.size(), 0.0);
    SearchPool pool(view, Direction::any, 2);
    pool.run(
        sources,
        [&](std::size_t begin, const MultiSourceSearch::Result& r) {
            for (std::size_t i = 0; i < MultiSourceSearch::kWidth && begin + i < sources.size(); ++i)
                inverse[begin + i] = r.inverse_total[i];
        },
        progress, "efficiency");
    check_interrupt();
    long double sum = 0; // wider, so that the order of a million terms hardly shows
    for (double x : inverse) sum += x;
    return static_cast<double>(sum / (static_cast<long double>(sources.size()) * static_cast<long double>(n - 1)));
}

std::vector<double> fragmentation_without_each(const View& view) {
    const Vertex32 n = view.vertex_count();
    std::vector<double> result(n, 0.0);
    const std::size_t active = view.active_count();
    if (active == 0) return result;
    // Distinct neighbours of every active vertex, self-loops left out.
    std::vector<std::vector<Vertex32>> next(n);
    for (auto v : view.active_vertices()) next[v] = distinct_neighbours(view, v, Direction::any);
    const auto pairs = [](double s) { return s * (s - 1); };
    std::vector<std::uint32_t> discovered(n, 0), low(n, 0), size(n, 0);
    std::vector<Vertex32> parent(n, kNoVertex), component_of(n, kNoVertex);
    std::vector<double> separated(n, 0), separated_pairs(n, 0); // vertices and pairs in pieces cut off below v
    std::vector<std::size_t> component_size;
    double total_pairs = 0;
    std::uint32_t clock = 0;
    struct Frame {
        Vertex32 v;
        std::size_t i;
    };
    std::vector<Frame> stack;
    std::vector<Vertex32> order;
    for (auto root : view.active_vertices()) {
        if (discovered[root]) continue;
        const auto component = static_cast<Vertex32>(component_size.size());
        std::size_t members = 0;
        stack.push_back({root, 0});
        discovered[root] = low[root] = ++clock;
        while (!stack.empty()) {
            auto& frame = stack.back();
            const Vertex32 v = frame.v;
            if (frame.i < next[v].size()) {
                const Vertex32 w = next[v][frame.i++];
                if (!discovered[w]) {
                    parent[w] = v;
                    discovered[w] = low[w] = ++clock;
                    stack.push_back({w, 0});
                } else if (w != parent[v]) {
                    low[v] = std::min(low[v], discovered[w]);
                }
                continue;
            }
            // v is finished: its subtree is complete.
            size[v] += 1;
            component_of[v] = component;
            ++members;
            stack.pop_back();
            const Vertex32 p = parent[v];
            if (p != kNoVertex) {
                size[p] += size[v];
                low[p] = std::min(low[p], low[v]);
                // v's subtree falls away from p when p is removed (always so for the root).
                if (low[v] >= discovered[p]) separated[p] += size[v], separated_pairs[p] += pairs(size[v]);
            }
        }
        component_size.push_back(members);
        total_pairs += pairs(static_cast<double>(members));
    }
    const double remaining = static_cast<double>(active - 1);
    for (auto v : view.active_vertices()) {
        if (remaining < 2) {
            result[v] = 1.0;
            continue;
        }
        const double whole = static_cast<double>(component_size[component_of[v]]);
        const double rest = whole - 1 - separated[v]; // the piece still holding v's parent
        const double connected = total_pairs - pairs(whole) + separated_pairs[v] + (rest > 0 ? pairs(rest) : 0.0);
        result[v] = 1.0 - connected / (remaining * (remaining - 1));
    }
    return result;
}

double distance_fragmentation(const View& view, const ProgressMeter& progress) { return 1.0 - global_efficiency(view, 0, 0, progress); }

Cohesion measure_cohesion(const View& view, bool with_efficiency, std::size_t samples, std::uint64_t seed) {
    Cohesion c;
    const auto sizes = component_sizes(view);
    c.nodes = view.active_count();
    c.components = sizes.size();
    for (auto s : sizes) c.largest_component = std::max(c.largest_component, s);
    c.fragmentation = fragmentation_of(sizes, c.nodes);
    if (with_efficiency) c.efficiency = global_efficiency(view, samples, seed);
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
