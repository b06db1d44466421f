// The engine's kernels under Google Benchmark (Debian's libbenchmark-dev): PageRank, a full
// breadth-first search, weak components, k-cores, one shortest path by hops, sampled and exact
// betweenness, and Louvain, on seeded preferential-attachment networks built in memory (each
// node joins with five ties to earlier nodes picked by degree + 1). The argument is the node
// count; ties are five per node. `gather_floor` is the machine, not the engine: one PageRank-like
// pass gathering a 32-bit value per arc from a uniformly random in-neighbour, on one thread,
// the bound a PageRank iteration runs into (bench/RESULTS.md).
//
//   bench_kernels [--benchmark_filter=REGEX] [--benchmark_repetitions=N] ...
#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "model/knowledge_graph.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <vector>

namespace {

struct Fixture {
    tg::NetworkTable table;
    std::unique_ptr<tg::KnowledgeGraph> network;
    std::unique_ptr<tg::GraphSnapshot> snapshot;
    std::unique_ptr<tg::View> view;
};

// One network per size, built once and kept for every kernel.
const Fixture& network_of(std::int64_t nodes) {
    static std::map<std::int64_t, std::unique_ptr<Fixture>> built;
    auto& slot = built[nodes];
    if (slot) return *slot;
    slot = std::make_unique<Fixture>();
    auto& net = slot->table;
    std::mt19937_64 random(1);
    std::vector<std::uint32_t> ends; // every tie's two ends: picking from it picks by degree
    for (std::uint32_t v = 0; v < static_cast<std::uint32_t>(nodes); ++v) {
        net.labels.push_back(std::to_string(v));
        for (int k = 0; k < 5 && v > 0; ++k) {
            // Degree + 1: a uniform pick among earlier nodes half the time.
            const std::uint32_t u =
                (random() & 1) || ends.empty() ? static_cast<std::uint32_t>(random() % v) : ends[random() % ends.size()];
            if (random() & 1)
                net.source.push_back(v), net.target.push_back(u);
            else
                net.source.push_back(u), net.target.push_back(v);
            ends.push_back(u);
            ends.push_back(v);
        }
    }
    slot->network = std::make_unique<tg::KnowledgeGraph>(tg::KnowledgeGraph::from_network(std::move(net)));
    slot->snapshot = std::make_unique<tg::GraphSnapshot>(*slot->network);
    slot->view = std::make_unique<tg::View>(*slot->snapshot);
    return *slot;
}

void pagerank(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    tg::IterationOptions options;
    options.tolerance = 1e-6 / static_cast<double>(f.view->vertex_count());
    for (auto _ : state) benchmark::DoNotOptimize(tg::pagerank(*f.view, 0.85, {}, options));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.network->relation_count()));
}

void breadth_first(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(tg::hop_distances(*f.view, 0, tg::Direction::any));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.network->relation_count()));
}

void weak_components(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(tg::weak_components(*f.view));
}

void k_core(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(tg::core_numbers(*f.view));
}

void shortest_path(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    const auto n = static_cast<std::uint64_t>(f.view->vertex_count());
    std::uint64_t i = 0;
    for (auto _ : state) {
        const auto s = static_cast<tg::Vertex32>((7919 * i + 13) % n), t = static_cast<tg::Vertex32>((104729 * i + 71) % n);
        benchmark::DoNotOptimize(tg::shortest_paths(*f.view, s, t, {}));
        ++i;
    }
}

void sampled_betweenness(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    tg::BetweennessOptions options;
    options.samples = 64;
    options.seed = 1;
    for (auto _ : state) benchmark::DoNotOptimize(tg::betweenness_centrality(*f.view, options));
}

void exact_betweenness(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(tg::betweenness_centrality(*f.view));
}

void louvain(benchmark::State& state) {
    const auto& f = network_of(state.range(0));
    tg::LouvainOptions options;
    options.seed = 1;
    for (auto _ : state) benchmark::DoNotOptimize(tg::louvain(*f.view, options));
}

} // namespace

void gather_floor(benchmark::State& state) {
    const auto n = static_cast<std::uint32_t>(state.range(0));
    const std::size_t m = std::size_t{5} * n;
    std::mt19937 random(1);
    std::vector<std::uint32_t> from(m);
    for (auto& f : from) f = random() % n;
    std::vector<float> share(n, 1.0f);
    std::vector<double> sum(n, 0.0);
    for (auto _ : state) {
        for (std::uint32_t w = 0; w < n; ++w) {
            double s = 0;
            for (std::size_t a = std::size_t{5} * w; a < std::size_t{5} * w + 5; ++a) s += share[from[a]];
            sum[w] = s;
        }
        benchmark::DoNotOptimize(sum.data());
    }
}

BENCHMARK(gather_floor)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(pagerank)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(breadth_first)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(weak_components)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(k_core)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(shortest_path)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMicrosecond);
BENCHMARK(sampled_betweenness)->RangeMultiplier(10)->Range(10'000, 100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(exact_betweenness)->Arg(2'000)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(louvain)->RangeMultiplier(10)->Range(10'000, 100'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
