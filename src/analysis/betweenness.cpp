#include "analysis/centrality.hpp"

#include "analysis/paths.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <random>
#include <thread>

namespace tg {

namespace {

// The view's forward arcs as a plain CSR, laid out once for every sweep: each neighbour as many
// times as for_each_neighbor gives it (parallel arcs count as parallel paths, as in NetworkX),
// with the masks already applied.
struct ForwardArcs {
    std::vector<std::size_t> start;
    std::vector<Vertex32> target;

    explicit ForwardArcs(const View& view) : start(view.vertex_count() + 1, 0) {
        const Direction forward = view.forward();
        for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
            if (view.active(v)) view.for_each_neighbor(v, forward, [&](Vertex32 w, double, std::size_t) { target.push_back(w); });
            start[v + 1] = target.size();
        }
    }
};

// The backward half of a by-hops sweep from s, deepest first: each vertex v sums share(w) =
// (1 + delta(w)) / sigma(w) over its arcs to the next level (worked out when w was done), and
// sigma(v) times that sum is its dependency, added to its score. A function of its own with
// no calls, so that the sums stay in registers.
void gather_dependencies(Vertex32 s, std::size_t reached, const Vertex32* __restrict order, const std::int32_t* __restrict level,
                         const double* __restrict sigma, double* __restrict share, const std::size_t* __restrict start,
                         const Vertex32* __restrict target, double* __restrict node, double endpoint) {
    for (std::size_t k = reached; k-- > 0;) {
        const auto v = order[k];
        const auto next = level[v] + 1;
        const double paths = sigma[v];
        // Arcs to other levels count zero times: a product, not a branch the processor would
        // mispredict. (Shares left from earlier sweeps are finite, so zero times them is zero.)
        double shares = 0;
        for (std::size_t a = start[v], end = start[v + 1]; a < end; ++a) {
            const auto w = target[a];
            shares += static_cast<double>(level[w] == next) * share[w];
        }
        const double gathered = paths * shares;
        share[v] = (1.0 + gathered) / paths;
        if (v != s) node[v] += gathered + endpoint;
    }
}

// Brandes (2001): one source's shortest-path DAG, then the dependencies accumulated backwards.
class SourceSweep {
public:
    SourceSweep(const View& view, const ForwardArcs* arcs)
        : view_(view), arcs_(arcs), n_(view.vertex_count()), sigma_(n_, 0), dist_(arcs ? 0 : n_, -1), delta_(arcs ? 0 : n_, 0),
          pred_(arcs ? 0 : n_), level_(arcs ? n_ : 0, -1), share_(arcs ? n_ : 0, 0.0) {
        if (arcs) order_.resize(n_);
    }

    // By hops over the laid-out arcs: a breadth-first search counting paths, then each vertex, deepest
    // first, gathers from the arcs to the next level: predecessors need no lists. Every term is the
    // one the list-keeping sweep adds; only the order of the sums differs.
    void run_by_hops(Vertex32 s, std::vector<double>& node, std::map<std::pair<Vertex32, Vertex32>, double>* edge, bool endpoints) {
        // Raw pointers in locals: the compiler keeps them and the sums in registers instead of
        // reloading the vectors after every store.
        double* const sigma = sigma_.data();
        double* const share = share_.data();
        std::int32_t* const level = level_.data();
        Vertex32* const order = order_.data();
        const std::size_t* const start = arcs_->start.data();
        const Vertex32* const target = arcs_->target.data();
        for (std::size_t k = 0; k < reached_; ++k) sigma[order[k]] = 0, level[order[k]] = -1;
        sigma[s] = 1, level[s] = 0;
        order[0] = s;
        std::size_t tail = 1;
        for (std::size_t head = 0; head < tail; ++head) {
            const auto v = order[head];
            const auto next = level[v] + 1;
            const double paths = sigma[v];
            for (std::size_t a = start[v]; a < start[v + 1]; ++a) {
                const auto w = target[a];
                if (level[w] < 0) level[w] = next, order[tail++] = w;
                if (level[w] == next) sigma[w] += paths;
            }
        }
        reached_ = tail;
        if (endpoints) node[s] += static_cast<double>(tail - 1);
        // Deepest first, each vertex's share per path, (1 + delta) / sigma, is worked out once,
        // and the vertices a level up gather it along their arcs to it.
        if (edge) {
            for (std::size_t k = tail; k-- > 0;) {
                const auto v = order[k];
                const double gathered = gather_edges(v, level[v] + 1, *edge);
                share[v] = (1.0 + gathered) / sigma[v];
                if (v != s) node[v] += gathered + (endpoints ? 1.0 : 0.0);
            }
        } else {
            gather_dependencies(s, tail, order, level, sigma, share, start, target, node.data(), endpoints ? 1.0 : 0.0);
        }
    }

    // The gather of run_by_hops for v, adding each arc's part to the edge scores as well.
    double gather_edges(Vertex32 v, std::int32_t next, std::map<std::pair<Vertex32, Vertex32>, double>& edge) {
        double gathered = 0;
        for (std::size_t a = arcs_->start[v]; a < arcs_->start[v + 1]; ++a) {
            const auto w = arcs_->target[a];
            if (level_[w] != next) continue;
            const double c = sigma_[v] * share_[w];
            auto key = std::make_pair(v, w);
            if (!view_.directed() && key.first > key.second) std::swap(key.first, key.second);
            edge[key] += c;
            gathered += c;
        }
        return gathered;
    }

    // Adds the dependencies of `s` to node (and, when given, edge) scores.
    void run(Vertex32 s, std::vector<double>& node, std::map<std::pair<Vertex32, Vertex32>, double>* edge, bool endpoints) {
        if (arcs_) return run_by_hops(s, node, edge, endpoints);
        for (auto v : touched_) {
            sigma_[v] = 0, dist_[v] = -1, delta_[v] = 0;
            pred_[v].clear();
        }
        touched_.clear();
        order_.clear();
        sigma_[s] = 1, dist_[s] = 0;
        touched_.push_back(s);
        const Direction forward = view_.forward();
        if (!view_.weighted()) {
            std::size_t head = 0;
            order_.push_back(s);
            while (head < order_.size()) {
                const auto v = order_[head++];
                view_.for_each_neighbor(v, forward, [&](Vertex32 w, double, std::size_t) {
                    if (dist_[w] < 0) {
                        dist_[w] = dist_[v] + 1;
                        order_.push_back(w);
                        touched_.push_back(w);
                    }
                    if (dist_[w] == dist_[v] + 1) {
                        sigma_[w] += sigma_[v];
                        pred_[w].push_back(v);
                    }
                });
            }
        } else {
            // Dijkstra with path counting; equal distances compared exactly, as NetworkX does.
            using Item = std::pair<double, Vertex32>;
            std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
            std::vector<std::uint8_t>& done = done_;
            done.assign(n_, 0);
            queue.emplace(0.0, s);
            while (!queue.empty()) {
                const double d = queue.top().first; // not a structured binding: the lambda below captures them
                const auto v = queue.top().second;
                queue.pop();
                if (done[v]) continue;
                done[v] = 1;
                order_.push_back(v);
                view_.for_each_neighbor(v, forward, [&](Vertex32 w, double weight, std::size_t) {
                    const double candidate = d + weight;
                    if (done[w]) return;
                    if (dist_[w] < 0 || candidate < dist_[w]) {
                        if (dist_[w] < 0) touched_.push_back(w);
                        dist_[w] = candidate;
                        sigma_[w] = sigma_[v];
                        pred_[w].assign(1, v);
                        queue.emplace(candidate, w);
                    } else if (candidate == dist_[w]) {
                        sigma_[w] += sigma_[v];
                        pred_[w].push_back(v);
                    }
                });
            }
        }
        if (endpoints) node[s] += static_cast<double>(order_.size() - 1);
        for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
            const auto w = *it;
            const double coefficient = (1.0 + delta_[w]) / sigma_[w];
            for (auto v : pred_[w]) {
                const double c = sigma_[v] * coefficient;
                if (edge) {
                    auto key = std::make_pair(v, w);
                    if (!view_.directed() && key.first > key.second) std::swap(key.first, key.second);
                    (*edge)[key] += c;
                }
                delta_[v] += c;
            }
            if (w != s) node[w] += delta_[w] + (endpoints ? 1.0 : 0.0);
        }
    }

private:
    const View& view_;
    const ForwardArcs* arcs_; // set when the view has no weights
    Vertex32 n_;
    std::vector<double> sigma_;
    std::vector<double> dist_;
    std::vector<double> delta_;
    std::vector<std::vector<Vertex32>> pred_;
    std::vector<std::int32_t> level_; // hops from the source, -1 unreached (by-hops sweeps)
    std::vector<double> share_;       // (1 + delta) / sigma of each vertex (by-hops sweeps)
    std::size_t reached_ = 0;         // how many vertices the last by-hops sweep reached, in order_
    std::vector<Vertex32> order_, touched_;
    std::vector<std::uint8_t> done_;
};

std::vector<Vertex32> choose_sources(const View& view, const BetweennessOptions& options) {
    auto sources = view.active_vertices();
    if (options.samples == 0 || options.samples >= sources.size()) return sources;
    std::mt19937_64 random(options.seed);
    std::shuffle(sources.begin(), sources.end(), random);
    sources.resize(options.samples);
    std::sort(sources.begin(), sources.end());
    return sources;
}

// Runs the sweeps over the sources on `threads` threads, each with its own accumulators; the
// sources are dealt out in a fixed order, so results do not depend on timing.
void sweep_all(const View& view, const BetweennessOptions& options, std::vector<double>& node,
               std::map<std::pair<Vertex32, Vertex32>, double>* edge) {
    const auto sources = choose_sources(view, options);
    const unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(sources.size() / 64 + 1)));
    std::vector<std::vector<double>> nodes(threads, std::vector<double>(view.vertex_count(), 0.0));
    std::vector<std::map<std::pair<Vertex32, Vertex32>, double>> edges(threads);
    std::optional<ForwardArcs> arcs;
    if (!view.weighted()) arcs.emplace(view);
    const std::string task = options.samples ? "betweenness from " + std::to_string(sources.size()) + " sources"
                                             : "betweenness (exact; " + parameter("samples") + " K estimates it from K sources)";
    std::atomic<std::size_t> done{0};
    if (options.progress) options.progress(task, 0, sources.size());
    const auto work = [&](unsigned t) {
        SourceSweep sweep(view, arcs ? &*arcs : nullptr);
        for (std::size_t i = t; i < sources.size() && !interrupt_requested(); i += threads) {
            sweep.run(sources[i], nodes[t], edge ? &edges[t] : nullptr, options.endpoints);
            const auto finished = ++done;
            if (t == 0 && options.progress && finished % 16 == 0) options.progress(task, finished, sources.size());
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& thread : pool) thread.join();
    if (options.progress) options.progress(task, sources.size(), sources.size());
    check_interrupt();
    node.assign(view.vertex_count(), 0.0);
    for (const auto& part : nodes)
        for (Vertex32 v = 0; v < view.vertex_count(); ++v) node[v] += part[v];
    if (edge)
        for (const auto& part : edges)
            for (const auto& [key, value] : part) (*edge)[key] += value;
}

} // namespace

Scores betweenness_centrality(const View& view, const BetweennessOptions& options) {
    if (view.weighted()) require_usable_weights(view);
    Scores score;
    sweep_all(view, options, score, nullptr);
    // NetworkX's _rescale.
    const double n = static_cast<double>(view.active_count());
    const auto k = choose_sources(view, options).size();
    double scale = 1.0;
    bool rescale = false;
    if (options.normalized) {
        if (options.endpoints) {
            if (n >= 2) scale = 1.0 / (n * (n - 1)), rescale = true;
        } else if (n > 2) {
            scale = 1.0 / ((n - 1) * (n - 2)), rescale = true;
        }
    } else if (!view.directed()) {
        scale = 0.5, rescale = true;
    }
    // As in NetworkX, sampling rescales only a score that is rescaled anyway.
    if (rescale && k > 0 && k < view.active_count()) scale *= n / static_cast<double>(k);
    if (rescale)
        for (auto& s : score) s *= scale;
    return score;
}

std::map<std::pair<Vertex32, Vertex32>, double> edge_betweenness_centrality(const View& view, const BetweennessOptions& options) {
    if (view.weighted()) require_usable_weights(view);
    BetweennessOptions o = options;
    o.endpoints = false;
    std::vector<double> unused;
    std::map<std::pair<Vertex32, Vertex32>, double> edge;
    // Every arc of the view is listed, with 0 when no shortest path uses it.
    for (Vertex32 u = 0; u < view.vertex_count(); ++u) {
        if (!view.active(u)) continue;
        view.for_each_neighbor(u, view.forward(), [&](Vertex32 v, double, std::size_t) {
            auto key = std::make_pair(u, v);
            if (!view.directed() && key.first > key.second) std::swap(key.first, key.second);
            edge.emplace(key, 0.0);
        });
    }
    sweep_all(view, o, unused, &edge);
    // NetworkX's _rescale_e.
    const double n = static_cast<double>(view.active_count());
    const auto k = choose_sources(view, o).size();
    double scale = 1.0;
    bool rescale = false;
    if (options.normalized) {
        if (n > 1) scale = 1.0 / (n * (n - 1)), rescale = true;
    } else if (!view.directed()) {
        scale = 0.5, rescale = true;
    }
    if (rescale && k > 0 && k < view.active_count()) scale *= n / static_cast<double>(k);
    if (rescale)
        for (auto& [key, value] : edge) value *= scale;
    return edge;
}

} // namespace tg
