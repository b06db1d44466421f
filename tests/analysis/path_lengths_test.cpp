#include "analysis/path_lengths.hpp"

#include "analysis/structure.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

using namespace tg;

namespace {

// An undirected network of n nodes numbered 0..n-1 with the given ties.
KnowledgeGraph undirected(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ties) {
    NetworkTable t;
    t.directed = false;
    for (std::size_t v = 0; v < n; ++v) t.labels.push_back(std::to_string(v));
    for (const auto& [a, b] : ties) t.source.push_back(a), t.target.push_back(b);
    return KnowledgeGraph::from_network(std::move(t));
}

struct Shape {
    std::string name;
    KnowledgeGraph graph;
};

std::vector<Shape> shapes() {
    std::vector<Shape> out;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ties;
    for (std::uint32_t v = 0; v + 1 < 60; ++v) ties.emplace_back(v, v + 1);
    out.push_back({"a path of 60", undirected(60, ties)});
    ties.clear();
    for (std::uint32_t v = 0; v < 41; ++v) ties.emplace_back(v, (v + 1) % 41);
    out.push_back({"a cycle of 41", undirected(41, ties)});
    ties.clear();
    for (std::uint32_t r = 0; r < 12; ++r)
        for (std::uint32_t c = 0; c < 9; ++c) {
            if (c + 1 < 9) ties.emplace_back(r * 9 + c, r * 9 + c + 1);
            if (r + 1 < 12) ties.emplace_back(r * 9 + c, (r + 1) * 9 + c);
        }
    out.push_back({"a 12 by 9 grid", undirected(108, ties)});
    std::mt19937_64 random(42);
    ties.clear();
    for (std::uint32_t v = 1; v < 300; ++v) ties.emplace_back(v, static_cast<std::uint32_t>(random() % v));
    out.push_back({"a random tree of 300", undirected(300, ties)});
    // Preferential attachment: three ties per node to earlier nodes picked by degree.
    ties.clear();
    std::vector<std::uint32_t> ends{0, 1};
    ties.emplace_back(0, 1);
    for (std::uint32_t v = 2; v < 600; ++v)
        for (int k = 0; k < 3; ++k) {
            const auto u = ends[random() % ends.size()];
            ties.emplace_back(v, u);
            ends.push_back(u), ends.push_back(v);
        }
    out.push_back({"a preferential-attachment network of 600", undirected(600, ties)});
    // Two cliques of 15 joined by a path of 20: the periphery is two whole cliques.
    ties.clear();
    for (std::uint32_t a = 0; a < 15; ++a)
        for (std::uint32_t b = a + 1; b < 15; ++b) ties.emplace_back(a, b), ties.emplace_back(35 + a, 35 + b);
    for (std::uint32_t v = 14; v < 35; ++v) ties.emplace_back(v, v + 1);
    out.push_back({"a barbell", undirected(50, ties)});
    return out;
}

// Every distance by a plain search from every vertex: the reference.
std::pair<std::size_t, double> all_pairs(const View& view, const std::vector<Vertex32>& component) {
    std::size_t diameter = 0;
    double total = 0;
    for (auto s : component) {
        std::vector<std::int64_t> d(view.vertex_count(), -1);
        std::vector<Vertex32> queue{s};
        d[s] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head)
            view.for_each_neighbor(queue[head], Direction::any, [&](Vertex32 w, double, std::size_t) {
                if (d[w] < 0) d[w] = d[queue[head]] + 1, queue.push_back(w);
            });
        for (auto v : component)
            diameter = std::max<std::size_t>(diameter, static_cast<std::size_t>(d[v])), total += static_cast<double>(d[v]);
    }
    const double k = static_cast<double>(component.size());
    return {diameter, total / (k * (k - 1))};
}

} // namespace

TEST_CASE("iFUB finds the diameter a search from every vertex finds, on paths, cycles, grids, trees, hubs and barbells", "[analysis]") {
    for (const auto& shape : shapes()) {
        CAPTURE(shape.name);
        const GraphSnapshot snapshot(shape.graph);
        const View view(snapshot, {}, {}, false);
        const auto component = weak_components(view).front();
        const auto [diameter, average] = all_pairs(view, component);
        const auto p = path_lengths(view, component);
        CHECK(p.diameter == diameter);
        CHECK(p.diameter_exact());
        CHECK(p.average == Approx(average).epsilon(1e-12));
        CHECK(p.average_exact());
        CHECK(p.sources == component.size());
    }
}

TEST_CASE("past its time budget the average path length is estimated from a sample whose interval holds the true value", "[analysis]") {
    auto all = shapes();
    const auto& shape = all[4];
    const GraphSnapshot snapshot(shape.graph);
    const View view(snapshot, {}, {}, false);
    const auto component = weak_components(view).front();
    const auto [diameter, average] = all_pairs(view, component);
    PathLengthOptions options;
    options.budget_seconds = 0; // anything counts as too long
    options.relative_margin = 0.02;
    const auto p = path_lengths(view, component, options);
    CHECK_FALSE(p.average_exact());
    CHECK(p.sources >= 100);
    CHECK(p.sources < 600);
    CHECK(p.vertices == 600);
    CHECK(p.margin > 0);
    CHECK(p.margin <= 0.02 * p.average);
    CHECK(std::abs(p.average - average) < 2 * p.margin);
    // The diameter search stopped at once, with bounds that hold the diameter.
    CHECK(p.diameter <= diameter);
    CHECK(p.diameter_upper >= diameter);
    // The same seed draws the same sources, and the sample stops at the same size.
    const auto again = path_lengths(view, component, options);
    CHECK(again.average == p.average);
    CHECK(again.sources == p.sources);
    options.exact = true;
    const auto exact = path_lengths(view, component, options);
    CHECK(exact.average_exact());
    CHECK(exact.diameter == diameter);
}

TEST_CASE("a stop requested while path lengths are computed ends them with Interrupted", "[analysis]") {
    auto all = shapes();
    const auto& shape = all[2];
    const GraphSnapshot snapshot(shape.graph);
    const View view(snapshot, {}, {}, false);
    const auto component = weak_components(view).front();
    request_interrupt();
    CHECK_THROWS_AS(path_lengths(view, component), Interrupted);
    clear_interrupt();
    CHECK(path_lengths(view, component).diameter == 19); // 11 + 8
}
