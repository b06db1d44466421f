// Eigenvector centrality, PageRank and Katz centrality: power iterations written as NetworkX's
// (eigenvector_centrality, _pagerank_python, katz_centrality), so that values agree with it.
#include "analysis/centrality.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>
#include <type_traits>

namespace tg {

namespace {

constexpr std::size_t kLargeGather = 200'000; // arcs from which PageRank gathers on two threads
constexpr std::size_t kAhead = 32;            // arcs between a prefetch and its use in the gather
constexpr double kFloatShareChange = 5e-7;    // the smallest L1 change asked for with 32-bit shares

double l1_change(const Scores& a, const Scores& b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i) sum += std::fabs(a[i] - b[i]);
    return sum;
}

double euclidean_norm(const Scores& x) {
    double sum = 0;
    for (double v : x) sum += v * v;
    return std::sqrt(sum);
}

// x_new[w] += x[v] * weight for every arc v -> w (both ways in an undirected view).
template <class F>
void spread(const View& view, F&& f) {
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        if (!view.active(v)) continue;
        view.for_each_neighbor(v, view.forward(), [&](Vertex32 w, double weight, std::size_t) { f(v, w, weight); });
    }
}

Scores converged(Scores& x, std::size_t iteration, const IterationOptions& options) {
    if (options.iterations) *options.iterations = iteration + 1;
    return std::move(x);
}

[[noreturn]] void no_convergence(const char* measure, std::size_t iterations, const std::string& hint) {
    throw DataError(std::string(measure) + " did not converge in " + std::to_string(iterations) + " iterations", hint);
}

} // namespace

Scores eigenvector_centrality(const View& view, const IterationOptions& options) {
    const auto n = view.active_count();
    Scores x(view.vertex_count(), 0.0);
    if (n == 0) return x;
    for (Vertex32 v = 0; v < view.vertex_count(); ++v)
        if (view.active(v)) x[v] = 1.0 / static_cast<double>(n);
    const bool weighted = view.weighted();
    for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
        const Scores last = x; // iterate with A + I, as NetworkX does
        spread(view, [&](Vertex32 v, Vertex32 w, double weight) { x[w] += last[v] * (weighted ? weight : 1.0); });
        double norm = euclidean_norm(x);
        if (norm == 0) norm = 1;
        for (auto& value : x) value /= norm;
        if (l1_change(x, last) < static_cast<double>(n) * options.tolerance) return converged(x, iteration, options);
    }
    no_convergence("eigenvector centrality", options.max_iterations,
                   "the graph may be bipartite or have no dominant eigenvalue; try pagerank or katz");
}

Scores pagerank(const View& view, double alpha, const std::vector<double>& personalization, const IterationOptions& options) {
    const Vertex32 n_all = view.vertex_count();
    const auto n = static_cast<double>(view.active_count());
    auto x = huge_vector<double>(n_all, 0.0);
    if (view.active_count() == 0) return x;
    if (alpha < 0 || alpha >= 1) throw DataError("the PageRank damping factor must lie in [0, 1)");
    const bool weighted = view.weighted();
    auto p = huge_vector<double>(n_all, 0.0);
    if (personalization.empty()) {
        for (Vertex32 v = 0; v < n_all; ++v)
            if (view.active(v)) p[v] = 1.0 / n;
    } else {
        double total = 0;
        for (Vertex32 v = 0; v < n_all; ++v)
            if (view.active(v)) total += personalization.at(v);
        if (total <= 0) throw DataError("the personalization vector must have a positive sum over the vertices in view");
        for (Vertex32 v = 0; v < n_all; ++v)
            if (view.active(v)) p[v] = personalization.at(v) / total;
    }
    // Each iteration gathers along in-arcs laid out once: the in-neighbours of every vertex (and,
    // weighted, each arc's weight). A vertex passes on alpha / out-strength of its rank per unit of
    // weight; that is worked out once per vertex per iteration (`passed`), so the gather reads
    // 4 bytes per arc in order and one score at random. Reading in order and writing each score
    // once is several times faster than scattering along out-arcs.
    // A directed, unweighted view that hides nothing of a snapshot without parallel arcs gathers
    // straight from the snapshot's own in-arcs: nothing to lay out. Otherwise the layout reads
    // weights only when they count.
    const auto& snapshot = view.snapshot();
    const bool own_layout = weighted || !view.directed() || !view.shows_everything() || snapshot.has_parallel_arcs();
    std::vector<std::size_t> laid_start;
    std::vector<Vertex32> laid_from;
    std::vector<double> in_weight;
    if (own_layout) {
        const auto arcs = view.directed() ? snapshot.arc_count() : 2 * snapshot.arc_count();
        laid_start = huge_vector<std::size_t>(n_all + 1, 0);
        reserve_huge(laid_from, arcs);
        if (weighted) reserve_huge(in_weight, arcs);
        for (Vertex32 w = 0; w < n_all; ++w) {
            if (!view.active(w)) {
            } else if (weighted) {
                view.for_each_neighbor(w, view.backward(), [&](Vertex32 v, double weight, std::size_t) {
                    laid_from.push_back(v);
                    in_weight.push_back(weight);
                });
            } else {
                view.for_each_neighbor(w, view.backward(), [&](Vertex32 v, double, std::size_t) { laid_from.push_back(v); });
            }
            laid_start[w + 1] = laid_from.size();
        }
    }
    const std::size_t* in_start = own_layout ? laid_start.data() : snapshot.in_offsets().data();
    const Vertex32* in_from = own_layout ? laid_from.data() : snapshot.in_sources().data();
    const std::size_t in_arcs = in_start[n_all];
    // Out-strength of each vertex (the row sums of the stochastic matrix): its out-degree in the
    // snapshot when the gather reads the snapshot's own arcs.
    auto out_strength = huge_vector<double>(n_all, 0.0);
    if (own_layout)
        spread(view, [&](Vertex32 v, Vertex32, double weight) { out_strength[v] += weighted ? weight : 1.0; });
    else
        for (Vertex32 v = 0; v < n_all; ++v) out_strength[v] = static_cast<double>(view.arc_count(v, Direction::out));
    std::vector<Vertex32> dangling_vertices;
    auto rate = huge_vector<double>(n_all, 0.0); // alpha / out-strength
    for (Vertex32 v = 0; v < n_all; ++v)
        if (view.active(v)) {
            x[v] = 1.0 / n;
            if (out_strength[v] == 0)
                dangling_vertices.push_back(v);
            else
                rate[v] = alpha / out_strength[v];
        }
    auto last = huge_vector<double>(n_all, 0.0);
    // Large graphs split the vertices between two threads; each sums its own change.
    const unsigned parts = in_arcs >= kLargeGather ? 2 : 1;
    // Iterates with the shares passed along arcs held as T; true once the L1 change is small.
    const auto iterate = [&](auto& passed) {
        for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
            last.swap(x);
            double dangling = 0;
            for (const auto v : dangling_vertices) dangling += last[v];
            dangling *= alpha;
            const auto step = [&](Vertex32 begin, Vertex32 end) {
                using Share = typename std::decay_t<decltype(passed)>::value_type;
                for (Vertex32 v = begin; v < end; ++v) passed[v] = static_cast<Share>(last[v] * rate[v]);
            };
            const auto gather = [&](Vertex32 begin, Vertex32 end, double& change) {
                change = 0;
                for (Vertex32 w = begin; w < end; ++w) {
                    double sum = 0;
                    // The shares of the in-neighbours 32 arcs ahead are fetched while these add up.
                    if (weighted)
                        for (std::size_t a = in_start[w]; a < in_start[w + 1]; ++a) {
                            if (a + kAhead < in_arcs) __builtin_prefetch(&passed[in_from[a + kAhead]]);
                            sum += passed[in_from[a]] * in_weight[a];
                        }
                    else
                        for (std::size_t a = in_start[w]; a < in_start[w + 1]; ++a) {
                            if (a + kAhead < in_arcs) __builtin_prefetch(&passed[in_from[a + kAhead]]);
                            sum += passed[in_from[a]];
                        }
                    x[w] = view.active(w) ? sum + dangling * p[w] + (1.0 - alpha) * p[w] : 0.0;
                    change += std::fabs(x[w] - last[w]);
                }
            };
            double change = 0;
            if (parts == 1) {
                step(0, n_all);
                gather(0, n_all, change);
            } else {
                // Split where half the arcs are, so both threads gather as much.
                const auto middle = static_cast<Vertex32>(std::lower_bound(in_start, in_start + n_all + 1, in_arcs / 2) - in_start);
                double first = 0, second = 0;
                std::thread helper([&] { step(middle, n_all); });
                step(0, middle);
                helper.join();
                helper = std::thread([&] { gather(middle, n_all, second); });
                gather(0, middle, first);
                helper.join();
                change = first + second;
            }
            if (change < n * options.tolerance) {
                if (options.iterations) *options.iterations = iteration + 1;
                return true;
            }
        }
        return false;
    };
    // On a large graph the gather reads one share at random per arc, and 32-bit shares halve
    // what it fetches (bench/RESULTS.md). Rounding a share moves it by at most 2^-24 of itself,
    // so the scores (which sum to 1) by at most 6e-8 in L1 an iteration: 32-bit shares serve
    // only when the L1 change asked for is at least eight times that. Sums stay in double
    // precision.
    const bool float_shares = in_arcs >= kLargeGather && n * options.tolerance >= kFloatShareChange;
    bool done = false;
    if (float_shares) {
        auto passed = huge_vector<float>(n_all, 0.0f);
        done = iterate(passed);
    } else {
        auto passed = huge_vector<double>(n_all, 0.0);
        done = iterate(passed);
    }
    if (done) return x;
    no_convergence("PageRank", options.max_iterations, "raise the iteration limit");
}

Scores katz_centrality(const View& view, double alpha, double beta, const IterationOptions& options) {
    const auto n = view.active_count();
    Scores x(view.vertex_count(), 0.0);
    if (n == 0) return x;
    const bool weighted = view.weighted();
    for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
        const Scores last = x;
        std::fill(x.begin(), x.end(), 0.0);
        spread(view, [&](Vertex32 v, Vertex32 w, double weight) { x[w] += last[v] * (weighted ? weight : 1.0); });
        for (Vertex32 v = 0; v < view.vertex_count(); ++v)
            if (view.active(v)) x[v] = alpha * x[v] + beta;
        if (l1_change(x, last) < static_cast<double>(n) * options.tolerance) {
            double norm = euclidean_norm(x);
            if (norm == 0) norm = 1;
            for (auto& value : x) value /= norm;
            return converged(x, iteration, options);
        }
    }
    no_convergence("Katz centrality", options.max_iterations,
                   "alpha must be below 1 / (largest eigenvalue of the adjacency matrix): try a smaller " + parameter("alpha"));
}

const std::vector<std::string>& measure_names() {
    static const std::vector<std::string> names = {"degree",    "in-degree", "out-degree",  "strength", "betweenness",
                                                   "closeness", "harmonic",  "eigenvector", "pagerank", "katz"};
    return names;
}

Scores compute_measure(const View& view, const std::string& measure, const MeasureOptions& options) {
    if (measure == "degree") return degree_centrality(view, DegreeKind::total);
    if (measure == "in-degree") return degree_centrality(view, DegreeKind::in);
    if (measure == "out-degree") return degree_centrality(view, DegreeKind::out);
    if (measure == "strength") return degree_centrality(view, DegreeKind::total, true);
    if (measure == "betweenness") {
        BetweennessOptions b;
        b.normalized = options.normalized;
        b.samples = options.samples;
        b.seed = options.seed;
        b.progress = options.progress;
        b.threads = options.threads;
        return betweenness_centrality(view, b);
    }
    if (measure == "closeness") return closeness_centrality(view, true, options.progress);
    if (measure == "harmonic") return harmonic_centrality(view, options.progress);
    if (measure == "eigenvector") return eigenvector_centrality(view);
    if (measure == "pagerank") return pagerank(view, options.alpha < 0 ? 0.85 : options.alpha, options.personalization);
    if (measure == "katz") return katz_centrality(view, options.alpha < 0 ? 0.1 : options.alpha);
    throw InternalError("unknown measure \"" + measure + "\"");
}

} // namespace tg
