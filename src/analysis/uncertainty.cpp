#include "analysis/uncertainty.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>
#include <tuple>

namespace tg {

namespace {

// SplitMix64: a counter-based generator, so that world `index` needs no state from the others.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// A uniform number in [0, 1) from the top 53 bits.
double uniform(std::uint64_t bits) { return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0); }

} // namespace

View sample_world(const View& view, std::uint64_t seed, std::size_t index) {
    const auto& snapshot = view.snapshot();
    const auto relations = view.graph().relation_count();
    // One draw per relation, in relation order: the same world whatever the view hides.
    std::vector<std::uint8_t> kept(relations, 1);
    const std::uint64_t stream = mix(mix(seed) ^ (0xD1B54A32D192ED03ULL * (static_cast<std::uint64_t>(index) + 1)));
    for (std::size_t r = 0; r < relations; ++r) {
        const double confidence = snapshot.relation_confidence(static_cast<RelationIndex>(r));
        if (confidence >= 1) continue;
        kept[r] = uniform(mix(stream + static_cast<std::uint64_t>(r))) < confidence ? 1 : 0;
    }
    View world = view;
    for (std::size_t p = 0; p < snapshot.arc_count(); ++p)
        if (!kept[snapshot.out_relation(p)] && world.arc_active(p)) world.deactivate_arc(p);
    return world;
}

void for_each_world(const View& view, const WorldOptions& options, const std::function<void(std::size_t, const View&)>& visit) {
    const std::size_t worlds = options.worlds;
    const unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(std::min<std::size_t>(worlds, 64))));
    std::atomic<std::size_t> next{0}, done{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    const auto work = [&](bool reports) {
        for (;;) {
            if (interrupt_requested()) return;
            {
                std::lock_guard<std::mutex> lock(failure_lock);
                if (failure) return;
            }
            const auto w = next.fetch_add(1);
            if (w >= worlds) return;
            try {
                visit(w, sample_world(view, options.seed, w));
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_lock);
                if (!failure) failure = std::current_exception();
                return;
            }
            const auto finished = done.fetch_add(1) + 1;
            if (reports && options.progress) options.progress("worlds", finished, worlds);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, false);
    work(true);
    for (auto& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
    check_interrupt();
    if (options.progress) options.progress("worlds", worlds, worlds);
}

bool has_uncertain_relations(const View& view) {
    const auto& snapshot = view.snapshot();
    for (std::size_t p = 0; p < snapshot.arc_count(); ++p)
        if (view.arc_active(p) && snapshot.relation_confidence(snapshot.out_relation(p)) < 1) return true;
    return false;
}

double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return kNoScore;
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

Spread spread_of(std::vector<double> values) {
    values.erase(std::remove_if(values.begin(), values.end(), [](double x) { return std::isnan(x); }), values.end());
    std::sort(values.begin(), values.end());
    Spread s;
    s.worlds = values.size();
    s.median = quantile(values, 0.5);
    s.low = quantile(values, 0.05);
    s.high = quantile(values, 0.95);
    return s;
}

std::vector<Spread> score_spread(const View& view, const std::function<std::vector<double>(const View&)>& score, std::size_t top_k,
                                 const WorldOptions& options) {
    const auto vertices = view.active_vertices();
    const std::size_t worlds = options.worlds;
    // A double per entity and world: 2 GB holds 250 million.
    constexpr double kMostValues = 2.5e8;
    if (static_cast<double>(worlds) * static_cast<double>(vertices.size()) > kMostValues)
        throw DataError(
            std::to_string(worlds) + " worlds of " + std::to_string(vertices.size()) + " entities need more than 2 GB to keep every score",
            "use fewer worlds (" + std::to_string(static_cast<std::size_t>(kMostValues / std::max<std::size_t>(vertices.size(), 1))) +
                " at most here) or a smaller view");
    // samples[i * worlds + w]: the score of vertices[i] in world w.
    std::vector<double> samples(vertices.size() * worlds, kNoScore);
    for_each_world(view, options, [&](std::size_t w, const View& world) {
        const auto scores = score(world);
        for (std::size_t i = 0; i < vertices.size(); ++i) samples[i * worlds + w] = scores[vertices[i]];
    });

    std::vector<Spread> out(view.vertex_count());
    // The share of worlds in the top k: per world, the entities scoring strictly higher.
    std::vector<std::size_t> in_top(vertices.size(), 0);
    std::vector<double> column;
    for (std::size_t w = 0; w < worlds; ++w) {
        column.clear();
        for (std::size_t i = 0; i < vertices.size(); ++i)
            if (!std::isnan(samples[i * worlds + w])) column.push_back(samples[i * worlds + w]);
        std::sort(column.begin(), column.end(), std::greater<double>());
        for (std::size_t i = 0; i < vertices.size(); ++i) {
            const double x = samples[i * worlds + w];
            if (std::isnan(x)) continue;
            const auto higher =
                static_cast<std::size_t>(std::lower_bound(column.begin(), column.end(), x, std::greater<double>()) - column.begin());
            if (higher < top_k) ++in_top[i];
        }
    }
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        auto& s = out[vertices[i]];
        s = spread_of(
            {samples.begin() + static_cast<std::ptrdiff_t>(i * worlds), samples.begin() + static_cast<std::ptrdiff_t>((i + 1) * worlds)});
        s.top_share = s.worlds ? static_cast<double>(in_top[i]) / static_cast<double>(s.worlds) : kNoScore;
    }
    return out;
}

std::pair<double, double> wilson_interval(std::size_t successes, std::size_t trials) {
    if (trials == 0) return {kNoScore, kNoScore};
    const double z = 1.6448536269514722, n = static_cast<double>(trials), p = static_cast<double>(successes) / n;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Reachability reachability(const View& view, Vertex32 from, Vertex32 to, const PathOptions& path, const WorldOptions& options) {
    std::vector<std::uint8_t> reached(options.worlds, 0);
    const bool plain = path.through_kinds.empty() && path.max_hops == 0;
    const auto direction = path.direction;
    for_each_world(view, options, [&](std::size_t w, const View& world) {
        if (!plain) {
            // Limits on the kinds between and on the hops: whether the path search finds one.
            reached[w] = !shortest_paths(world, from, to, path, 1).empty();
            return;
        }
        std::vector<std::uint8_t> seen(world.vertex_count(), 0);
        std::vector<Vertex32> frontier{from};
        seen[from] = 1;
        while (!frontier.empty() && !seen[to]) {
            const auto v = frontier.back();
            frontier.pop_back();
            world.for_each_arc_end(v, direction, [&](Vertex32 u) {
                if (!seen[u]) seen[u] = 1, frontier.push_back(u);
            });
        }
        reached[w] = seen[to];
    });
    Reachability r;
    r.worlds = options.worlds;
    for (auto x : reached) r.reached += x;
    std::tie(r.low, r.high) = wilson_interval(r.reached, r.worlds);
    return r;
}

} // namespace tg
