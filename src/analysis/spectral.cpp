// Eigenvector centrality, PageRank and Katz centrality: power iterations written as NetworkX's
// (eigenvector_centrality, _pagerank_python, katz_centrality), so that values agree with it.
#include "analysis/centrality.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <thread>
#include <numeric>

namespace tg {

namespace {

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
        const Scores last = x;  // iterate with A + I, as NetworkX does
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
    Scores x(n_all, 0.0);
    if (view.active_count() == 0) return x;
    if (alpha < 0 || alpha >= 1) throw DataError("the PageRank damping factor must lie in [0, 1)");
    const bool weighted = view.weighted();
    // Out-strength of each vertex (the row sums of the stochastic matrix).
    Scores out_strength(n_all, 0.0);
    spread(view, [&](Vertex32 v, Vertex32, double weight) { out_strength[v] += weighted ? weight : 1.0; });
    Scores p(n_all, 0.0);
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
    std::vector<std::size_t> in_start(n_all + 1, 0);
    std::vector<Vertex32> in_from;
    std::vector<double> in_weight;
    for (Vertex32 w = 0; w < n_all; ++w) {
        if (view.active(w))
            view.for_each_neighbor(w, view.backward(), [&](Vertex32 v, double weight, std::size_t) {
                in_from.push_back(v);
                if (weighted) in_weight.push_back(weight);
            });
        in_start[w + 1] = in_from.size();
    }
    std::vector<Vertex32> dangling_vertices;
    Scores rate(n_all, 0.0); // alpha / out-strength
    for (Vertex32 v = 0; v < n_all; ++v)
        if (view.active(v)) {
            x[v] = 1.0 / n;
            if (out_strength[v] == 0) dangling_vertices.push_back(v);
            else rate[v] = alpha / out_strength[v];
        }
    Scores last(n_all, 0.0), passed(n_all, 0.0);
    // Large graphs split the vertices between two threads; each sums its own change.
    const unsigned parts = in_from.size() >= 200'000 ? 2 : 1;
    for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
        last.swap(x);
        double dangling = 0;
        for (const auto v : dangling_vertices) dangling += last[v];
        dangling *= alpha;
        const auto step = [&](Vertex32 begin, Vertex32 end) {
            for (Vertex32 v = begin; v < end; ++v) passed[v] = last[v] * rate[v];
        };
        const auto gather = [&](Vertex32 begin, Vertex32 end, double& change) {
            change = 0;
            for (Vertex32 w = begin; w < end; ++w) {
                double sum = 0;
                if (weighted)
                    for (std::size_t a = in_start[w]; a < in_start[w + 1]; ++a) sum += passed[in_from[a]] * in_weight[a];
                else
                    for (std::size_t a = in_start[w]; a < in_start[w + 1]; ++a) sum += passed[in_from[a]];
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
            const auto middle = static_cast<Vertex32>(std::lower_bound(in_start.begin(), in_start.end(), in_from.size() / 2) - in_start.begin());
            double first = 0, second = 0;
            std::thread helper([&] { step(middle, n_all); });
            step(0, middle);
            helper.join();
            helper = std::thread([&] { gather(middle, n_all, second); });
            gather(0, middle, first);
            helper.join();
            change = first + second;
        }
        if (change < n * options.tolerance) return converged(x, iteration, options);
    }
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
                   "alpha must be below 1 / (largest eigenvalue of the adjacency matrix): try a smaller --alpha");
}

const std::vector<std::string>& measure_names() {
    static const std::vector<std::string> names = {"degree", "in-degree", "out-degree", "strength", "betweenness",
                                                   "closeness", "harmonic", "eigenvector", "pagerank", "katz"};
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
        return betweenness_centrality(view, b);
    }
    if (measure == "closeness") return closeness_centrality(view);
    if (measure == "harmonic") return harmonic_centrality(view);
    if (measure == "eigenvector") return eigenvector_centrality(view);
    if (measure == "pagerank") return pagerank(view, options.alpha < 0 ? 0.85 : options.alpha, options.personalization);
    if (measure == "katz") return katz_centrality(view, options.alpha < 0 ? 0.1 : options.alpha);
    throw InternalError("unknown measure \"" + measure + "\"");
}

} // namespace tg
