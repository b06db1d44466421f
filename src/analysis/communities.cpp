#include "analysis/communities.hpp"

#include "analysis/centrality.hpp"
#include "analysis/structure.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <unordered_map>

namespace tg {

namespace {

// Undirected weighted adjacency of the active vertices: compact ids, each pair once per side,
// self-loops kept (they count twice in a vertex's strength, as in NetworkX).
struct WeightedGraph {
    std::vector<std::vector<std::pair<std::size_t, double>>> adjacency;
    std::vector<double> strength;
    double total = 0; // sum of all edge weights (m)
};

WeightedGraph undirected_weights(const View& view, std::vector<Vertex32>& vertex_of, std::vector<std::size_t>& index_of) {
    vertex_of = view.active_vertices();
    index_of.assign(view.vertex_count(), SIZE_MAX);
    for (std::size_t i = 0; i < vertex_of.size(); ++i) index_of[vertex_of[i]] = i;
    WeightedGraph g;
    g.adjacency.resize(vertex_of.size());
    g.strength.assign(vertex_of.size(), 0.0);
    for (std::size_t i = 0; i < vertex_of.size(); ++i) {
        view.for_each_neighbor(vertex_of[i], Direction::any, [&](Vertex32 w, double weight, std::size_t) {
            const double x = view.weighted() ? weight : 1.0;
            const auto j = index_of[w];
            g.adjacency[i].emplace_back(j, x);
            g.strength[i] += (j == i) ? 2 * x : x;
            if (j >= i) g.total += x;
        });
    }
    return g;
}

Partition renumber(const std::vector<std::size_t>& community_of_index, const std::vector<Vertex32>& vertex_of, Vertex32 n) {
    Partition out(n, kNoVertex);
    std::unordered_map<std::size_t, Vertex32> names;
    // Vertices are in increasing order, so communities are named by their smallest vertex.
    for (std::size_t i = 0; i < vertex_of.size(); ++i) {
        const auto [it, added] = names.emplace(community_of_index[i], static_cast<Vertex32>(names.size()));
        (void)added;
        out[vertex_of[i]] = it->second;
    }
    return out;
}

double modularity_of(const WeightedGraph& g, const std::vector<std::size_t>& community, double resolution) {
    if (g.total == 0) return 0;
    std::unordered_map<std::size_t, double> inside, degree;
    for (std::size_t i = 0; i < g.adjacency.size(); ++i) {
        degree[community[i]] += g.strength[i];
        for (const auto& [j, w] : g.adjacency[i])
            if (community[i] == community[j]) inside[community[i]] += (i == j) ? 2 * w : w;
    }
    const double m = g.total;
    double q = 0;
    for (const auto& [c, d] : degree) q += inside[c] / (2 * m) - resolution * (d / (2 * m)) * (d / (2 * m));
    return q;
}

} // namespace

double modularity(const View& view, const Partition& partition) {
    std::vector<Vertex32> vertex_of;
    std::vector<std::size_t> index_of;
    const auto g = undirected_weights(view, vertex_of, index_of);
    std::vector<std::size_t> community(vertex_of.size());
    for (std::size_t i = 0; i < vertex_of.size(); ++i) community[i] = partition.at(vertex_of[i]);
    return modularity_of(g, community, 1.0);
}

Partition louvain(const View& view, const LouvainOptions& options) {
    std::vector<Vertex32> vertex_of;
    std::vector<std::size_t> index_of;
    WeightedGraph g = undirected_weights(view, vertex_of, index_of);
    const std::size_t n0 = vertex_of.size();
    std::vector<std::size_t> final_community(n0);
    std::iota(final_community.begin(), final_community.end(), std::size_t{0});
    if (g.total == 0) return renumber(final_community, vertex_of, view.vertex_count());
    std::mt19937_64 random(options.seed);
    const double m = g.total;
    double current = modularity_of(g, final_community, options.resolution);
    while (true) {
        const std::size_t n = g.adjacency.size();
        std::vector<std::size_t> community(n);
        std::iota(community.begin(), community.end(), std::size_t{0});
        std::vector<double> community_strength = g.strength;
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::shuffle(order.begin(), order.end(), random);
        // Phase 1: move single vertices to the neighbouring community of best gain until stable.
        // The weight from i to each community is summed in one array kept across vertices, the
        // communities touched listed and visited in increasing order (ties go to the smallest).
        bool improved = true;
        std::size_t moves = 0;
        std::vector<double> link(n, 0.0);
        std::vector<std::uint8_t> linked(n, 0);
        std::vector<std::size_t> touched;
        while (improved) {
            improved = false;
            for (auto i : order) {
                touched.clear();
                for (const auto& [j, w] : g.adjacency[i]) {
                    if (j == i) continue;
                    const auto c = community[j];
                    if (!linked[c]) linked[c] = 1, touched.push_back(c);
                    link[c] += w;
                }
                std::sort(touched.begin(), touched.end());
                const auto old = community[i];
                const double k = g.strength[i];
                community_strength[old] -= k;
                double best_gain = link[old] - options.resolution * community_strength[old] * k / (2 * m);
                auto best = old;
                for (const auto c : touched) {
                    const double gain = link[c] - options.resolution * community_strength[c] * k / (2 * m);
                    if (gain > best_gain) best_gain = gain, best = c;
                }
                for (const auto c : touched) link[c] = 0, linked[c] = 0;
                community_strength[best] += k;
                if (best != old) {
                    community[i] = best;
                    improved = true;
                    ++moves;
                }
            }
        }
        // Compact community ids, carry them to the original vertices.
        std::map<std::size_t, std::size_t> compact;
        for (auto c : community) compact.emplace(c, compact.size());
        for (auto& c : community) c = compact[c];
        for (auto& c : final_community) c = community[c];
        const double q = modularity_of(g, community, options.resolution);
        if (moves == 0 || q - current <= options.threshold || compact.size() == n) {
            current = std::max(current, q);
            break;
        }
        current = q;
        // Phase 2: communities become vertices.
        WeightedGraph next;
        next.adjacency.resize(compact.size());
        next.strength.assign(compact.size(), 0.0);
        next.total = g.total;
        std::vector<std::map<std::size_t, double>> merged(compact.size());
        for (std::size_t i = 0; i < n; ++i)
            for (const auto& [j, w] : g.adjacency[i]) merged[community[i]][community[j]] += (i == j) ? 2 * w : w;
        for (std::size_t c = 0; c < compact.size(); ++c) {
            for (const auto& [d, w] : merged[c]) {
                // A pair inside one community was summed from both ends: a self-loop of half that.
                const double weight = (c == d) ? w / 2 : w;
                next.adjacency[c].emplace_back(d, weight);
            }
        }
        for (std::size_t i = 0; i < n; ++i) next.strength[community[i]] += g.strength[i];
        g = std::move(next);
    }
    return renumber(final_community, vertex_of, view.vertex_count());
}

GirvanNewmanResult girvan_newman(const View& given, std::size_t max_levels, const ProgressMeter& progress) {
    const View original = given.undirected();
    View view = original;
    GirvanNewmanResult result;
    const auto label = [&](const View& v) {
        Partition p(v.vertex_count(), kNoVertex);
        Vertex32 next = 0;
        auto components = weak_components(v);
        std::sort(components.begin(), components.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
        for (const auto& c : components) {
            for (auto x : c) p[x] = next;
            ++next;
        }
        return p;
    };
    result.best = label(view);
    result.best_modularity = modularity(original, result.best);
    std::size_t components = weak_components(view).size();
    const auto& s = view.snapshot();
    std::size_t links = 0, removed = 0;
    while (true) {
        BetweennessOptions options;
        options.normalized = false;
        const auto scores = edge_betweenness_centrality(view, options);
        if (scores.empty()) break;
        if (links == 0) links = scores.size();
        if (progress) progress("Girvan-Newman: links removed", removed++, links);
        if (result.levels >= max_levels) {
            result.truncated = true;
            break;
        }
        // The edge of highest betweenness; ties (within 1e-12) go to the pair of smallest ids, so
        // that the answer does not depend on the order of the input.
        double top = 0;
        for (const auto& [pair, score] : scores) top = std::max(top, score);
        const auto ids = [&](const std::pair<Vertex32, Vertex32>& pair) {
            auto x = s.label(pair.first), y = s.label(pair.second);
            if (y < x) std::swap(x, y);
            return std::make_pair(x, y);
        };
        const std::pair<Vertex32, Vertex32>* chosen = nullptr;
        for (const auto& [pair, score] : scores)
            if (score >= top - 1e-12 && (!chosen || ids(pair) < ids(*chosen))) chosen = &pair;
        const auto [a, b] = *chosen;
        // Remove every relation joining a and b, either way.
        for (std::size_t p = s.out_begin(a); p < s.out_begin(a + 1); ++p)
            if (s.out_target(p) == b) view.deactivate_arc(p);
        for (std::size_t p = s.out_begin(b); p < s.out_begin(b + 1); ++p)
            if (s.out_target(p) == a) view.deactivate_arc(p);
        const auto now = weak_components(view).size();
        if (now > components) {
            components = now;
            ++result.levels;
            const auto partition = label(view);
            const double q = modularity(original, partition);
            if (q > result.best_modularity + 1e-12) result.best = partition, result.best_modularity = q;
        }
    }
    if (progress) progress("Girvan-Newman: links removed", links, links);
    return result;
}

std::vector<std::vector<Vertex32>> communities_of(const Partition& partition) {
    std::vector<std::vector<Vertex32>> out;
    for (Vertex32 v = 0; v < partition.size(); ++v) {
        if (partition[v] == kNoVertex) continue;
        if (out.size() <= partition[v]) out.resize(partition[v] + 1);
        out[partition[v]].push_back(v);
    }
    return out;
}

} // namespace tg
