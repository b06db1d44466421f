#include "analysis/path_lengths.hpp"

#include "analysis/multi_source_search.hpp"
#include "analysis/paths.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace tg {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kWidth = MultiSourceSearch::kWidth;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// One breadth-first search with every level kept, for the sweeps that look for the centre.
struct Search {
    std::vector<std::uint32_t> level;
    std::uint32_t eccentricity = 0;
    Vertex32 farthest = kNoVertex; // the smallest vertex at the eccentricity
};

Search search_from(const View& view, const std::vector<Vertex32>& component, Vertex32 source) {
    Search s;
    s.level = hop_distances(view, source, Direction::any);
    for (auto v : component)
        if (s.level[v] > s.eccentricity || s.farthest == kNoVertex) s.eccentricity = s.level[v], s.farthest = v;
    return s;
}

// A vertex halfway along a shortest path from the search's source to `to`: walk back from `to`
// one level at a time.
Vertex32 halfway(const View& view, const Search& from, Vertex32 to) {
    const auto target_level = from.level[to] / 2;
    Vertex32 at = to;
    while (from.level[at] > target_level) {
        Vertex32 next = kNoVertex;
        view.for_each_neighbor(at, Direction::any, [&](Vertex32 w, double, std::size_t) {
            if (next == kNoVertex && from.level[w] + 1 == from.level[at]) next = w;
        });
        at = next;
    }
    return at;
}

} // namespace

PathLengths path_lengths(const View& directed_view, const std::vector<Vertex32>& component, const PathLengthOptions& options) {
    const View view = directed_view.undirected();
    PathLengths out;
    out.vertices = component.size();
    if (component.size() < 2) return out;
    const auto start = Clock::now();
    const auto n = component.size();
    SearchPool batches(view, Direction::any, options.threads);
    const unsigned threads = batches.threads();

    // The 4-sweep: from the vertex of highest degree to the farthest vertex and on to the
    // farthest from it, twice, the second time from halfway along the first path; iFUB then
    // starts from halfway along the second, a vertex near the centre.
    const auto searched = [&](Vertex32 source) {
        auto s = search_from(view, component, source);
        ++out.searches;
        check_interrupt();
        return s;
    };
    Vertex32 hub = component.front();
    for (auto v : component)
        if (view.arc_count(v, Direction::any) > view.arc_count(hub, Direction::any)) hub = v;
    std::size_t lower = 0;
    const auto sweep = [&](Vertex32 from) {
        const auto a = searched(from).farthest;
        const auto from_a = searched(a);
        lower = std::max<std::size_t>(lower, from_a.eccentricity);
        return halfway(view, from_a, from_a.farthest);
    };
    const auto centre = sweep(sweep(hub));
    const auto from_centre = searched(centre);
    lower = std::max<std::size_t>(lower, from_centre.eccentricity);
    std::size_t upper = 2 * std::size_t{from_centre.eccentricity};

    // What a batch of 64 searches takes, from one batch of the component in a seeded random
    // order: the sources of a sampled average, and a fair sample of the cost.
    std::vector<Vertex32> sources = component;
    {
        std::mt19937_64 random(options.seed);
        for (std::size_t i = 0; i + 1 < n; ++i) std::swap(sources[i], sources[i + random() % (n - i)]);
    }
    std::vector<double> totals(n, 0.0);
    std::size_t counted = 0; // sources[0, counted) have their totals
    const auto count_batch = [&](std::size_t begin, const MultiSourceSearch::Result& r) {
        for (std::size_t i = 0; i < kWidth && begin + i < n; ++i) totals[begin + i] = r.total[i];
    };
    double batch_seconds = 0;
    {
        const auto began = Clock::now();
        const auto first_round = std::min(n, kWidth * threads);
        batches.run(
            sources, 0, first_round, [&](std::size_t begin, const MultiSourceSearch::Result& r) { count_batch(begin, r); },
            [] { return false; });
        check_interrupt();
        counted = first_round;
        out.searches += first_round;
        batch_seconds = std::max(seconds_since(began), 1e-9); // one batch on each thread, at once
    }
    // Wall time of batches run `threads` at a time.
    const auto estimate = [&](std::size_t searches) {
        return std::ceil(static_cast<double>(searches) / (kWidth * threads)) * batch_seconds;
    };
    out.seconds_per_search = batch_seconds * threads / kWidth;
    out.full_seconds = estimate(n);

    // iFUB: the vertices at level i from the centre are the only ones whose eccentricity can
    // exceed 2(i - 1); searching from them level by level, deepest first, closes the gap.
    std::vector<std::vector<Vertex32>> fringe(from_centre.eccentricity + 1);
    for (auto v : component) fringe[from_centre.level[v]].push_back(v);
    for (std::size_t i = from_centre.eccentricity; i > 0 && lower < upper; --i) {
        const auto& level = fringe[i];
        if (!options.exact && seconds_since(start) + estimate(level.size()) > options.budget_seconds)
            break; // report the bounds found so far
        std::atomic<std::uint32_t> widest{0};
        batches.run(
            level, 0, level.size(),
            [&](std::size_t, const MultiSourceSearch::Result& r) {
                const auto e = *std::max_element(r.eccentricity.begin(), r.eccentricity.end());
                for (auto seen = widest.load(); e > seen && !widest.compare_exchange_weak(seen, e);) {}
            },
            [&] { return widest.load() > 2 * (i - 1); }, options.progress,
            "diameter (" + std::to_string(level.size()) + " entities at distance " + std::to_string(i) + ")");
        check_interrupt();
        out.searches += level.size();
        lower = std::max<std::size_t>(lower, widest.load());
        upper = lower > 2 * (i - 1) ? lower : 2 * (i - 1);
    }
    out.diameter = lower;
    out.diameter_upper = std::max(upper, lower);

    // The average path length: from every vertex when that fits the budget, else from the
    // sources in their random order until the estimate is as precise as asked.
    const double pairs = static_cast<double>(n - 1);
    if (options.exact || out.full_seconds <= options.budget_seconds) {
        batches.run(
            sources, counted, n, [&](std::size_t begin, const MultiSourceSearch::Result& r) { count_batch(begin, r); },
            [] { return false; }, options.progress, "average path length");
        check_interrupt();
        out.searches += n - counted;
        out.sources = n;
        out.average = std::accumulate(totals.begin(), totals.end(), 0.0) / (static_cast<double>(n) * pairs);
        return out;
    }
    // Each source's mean distance to the others is one draw; the sample mean estimates the
    // average over all sources, its standard error shrunk by the finite population correction.
    constexpr std::size_t kFewest = 100;
    const auto sampling = Clock::now();
    const std::size_t round = kWidth * threads;
    double sum = 0, square_sum = 0;
    std::size_t k = 0;
    while (true) {
        for (; k < counted; ++k) {
            const double x = totals[k] / pairs;
            sum += x, square_sum += x * x;
        }
        const double count = static_cast<double>(k);
        const double mean = sum / count;
        const double variance = k > 1 ? std::max(0.0, (square_sum - count * mean * mean) / (count - 1)) : 0.0;
        const double correction = (static_cast<double>(n) - count) / (static_cast<double>(n) - 1);
        out.average = mean;
        out.margin = 1.96 * std::sqrt(variance / count * correction);
        const bool precise = k >= kFewest && out.margin <= options.relative_margin * mean;
        if (precise || k == n || seconds_since(sampling) > options.sample_seconds) break;
        if (options.progress) {
            // Sources needed for the precision asked, from the spread seen so far.
            const double spread = 1.96 * std::sqrt(variance) / (options.relative_margin * mean);
            const auto needed = std::max<std::size_t>({kFewest, static_cast<std::size_t>(spread * spread), k + 1});
            options.progress("average path length (sample)", k, needed);
        }
        const auto last = std::min(n, counted + round);
        batches.run(
            sources, counted, last, [&](std::size_t begin, const MultiSourceSearch::Result& r) { count_batch(begin, r); },
            [] { return false; });
        check_interrupt();
        out.searches += last - counted;
        counted = last;
    }
    if (options.progress) options.progress("average path length (sample)", 1, 1);
    out.sources = k;
    if (k == n) out.margin = 0;
    return out;
}

} // namespace tg
