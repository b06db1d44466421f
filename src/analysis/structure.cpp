#include "analysis/structure.hpp"

#include "core/huge_pages.hpp"

#include <algorithm>
#include <numeric>

namespace tg {

namespace {

// Distinct neighbours of v ignoring direction, without v itself.
std::vector<Vertex32> neighbours(const View& view, Vertex32 v) { return distinct_neighbours(view, v, Direction::any); }

void sort_components(std::vector<std::vector<Vertex32>>& components) {
    for (auto& c : components) std::sort(c.begin(), c.end());
    std::sort(components.begin(), components.end(), [](const auto& a, const auto& b) {
        if (a.size() != b.size()) return a.size() > b.size();
        return a.front() < b.front();
    });
}

} // namespace

std::vector<std::vector<Vertex32>> weak_components(const View& view) {
    // Union-find over the out-arcs, each looked at once in snapshot order: no search, no
    // queue. Each root is the smallest vertex of its set.
    const Vertex32 n = view.vertex_count();
    auto parent = huge_vector<Vertex32>(n, 0);
    std::iota(parent.begin(), parent.end(), Vertex32{0});
    const auto root_of = [&](Vertex32 v) {
        while (parent[v] != v) v = parent[v] = parent[parent[v]]; // path halving
        return v;
    };
    for (Vertex32 v = 0; v < n; ++v) {
        if (!view.active(v)) continue;
        view.for_each_arc_end(v, Direction::out, [&](Vertex32 w) {
            const auto a = root_of(v), b = root_of(w);
            if (a < b)
                parent[b] = a;
            else if (b < a)
                parent[a] = b;
        });
    }
    // Members in increasing order, since vertices are visited so.
    std::vector<std::vector<Vertex32>> components;
    auto slot = huge_vector<Vertex32>(n, kNoVertex); // component number of each root
    for (Vertex32 v = 0; v < n; ++v) {
        if (!view.active(v)) continue;
        const auto r = root_of(v);
        if (slot[r] == kNoVertex) slot[r] = static_cast<Vertex32>(components.size()), components.emplace_back();
        components[slot[r]].push_back(v);
    }
    sort_components(components);
    return components;
}

std::vector<std::vector<Vertex32>> strong_components(const View& view) {
    if (!view.directed()) return weak_components(view);
    // Tarjan (1972) without recursion. A frame walks its vertex's out-arcs in place, by
    // position in the snapshot, so opening a vertex copies nothing.
    const Vertex32 n = view.vertex_count();
    const auto& snapshot = view.snapshot();
    auto index = huge_vector<Vertex32>(n, kNoVertex), low = huge_vector<Vertex32>(n, 0);
    std::vector<std::uint8_t> on_stack(n, 0);
    std::vector<Vertex32> stack;
    std::vector<std::vector<Vertex32>> components;
    Vertex32 counter = 0;
    struct Frame {
        Vertex32 v;
        std::size_t next, end; // out-positions left to walk
    };
    std::vector<Frame> frames;
    const auto open = [&](Vertex32 v) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = 1;
        frames.push_back({v, snapshot.out_begin(v), snapshot.out_begin(v + 1)});
    };
    const bool check_arcs = !view.every_arc_active();
    for (Vertex32 root = 0; root < n; ++root) {
        if (!view.active(root) || index[root] != kNoVertex) continue;
        open(root);
        while (!frames.empty()) {
            auto& f = frames.back();
            if (f.next < f.end) {
                const auto p = f.next++;
                const auto w = snapshot.out_target(p);
                if (!view.active(w) || (check_arcs && !view.arc_active(p))) continue;
                if (index[w] == kNoVertex) {
                    open(w); // f is not used after this: frames may have moved
                } else if (on_stack[w]) {
                    low[f.v] = std::min(low[f.v], index[w]);
                }
                continue;
            }
            const auto v = f.v;
            if (low[v] == index[v]) {
                std::vector<Vertex32> component;
                Vertex32 w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = 0;
                    component.push_back(w);
                } while (w != v);
                components.push_back(std::move(component));
            }
            frames.pop_back();
            if (!frames.empty()) low[frames.back().v] = std::min(low[frames.back().v], low[v]);
        }
    }
    sort_components(components);
    return components;
}

namespace {

// One iterative depth-first search over the undirected view that finds both cut vertices and
// bridges from discovery times and low points.
void cut_search(const View& view, std::vector<Vertex32>* points, std::vector<std::pair<Vertex32, Vertex32>>* links) {
    const Vertex32 n = view.vertex_count();
    std::vector<std::int64_t> disc(n, -1), low(n, 0);
    std::vector<std::uint8_t> is_cut(n, 0);
    std::int64_t counter = 0;
    struct Frame {
        Vertex32 v, parent;
        std::vector<Vertex32> next;
        std::size_t i;
        std::size_t children;
    };
    for (Vertex32 root = 0; root < n; ++root) {
        if (!view.active(root) || disc[root] >= 0) continue;
        std::vector<Frame> frames;
        disc[root] = low[root] = counter++;
        frames.push_back({root, kNoVertex, neighbours(view, root), 0, 0});
        while (!frames.empty()) {
            auto& f = frames.back();
            if (f.i < f.next.size()) {
                const auto w = f.next[f.i++];
                if (disc[w] < 0) {
                    ++f.children;
                    disc[w] = low[w] = counter++;
                    const Vertex32 parent = f.v;
                    frames.push_back({w, parent, neighbours(view, w), 0, 0});
                } else if (w != f.parent) {
                    low[f.v] = std::min(low[f.v], disc[w]);
                }
                continue;
            }
            const Frame done = std::move(frames.back());
            frames.pop_back();
            if (frames.empty()) {
                if (done.children > 1) is_cut[done.v] = 1;
                continue;
            }
            const auto u = frames.back().v;
            low[u] = std::min(low[u], low[done.v]);
            if (frames.size() > 1 && low[done.v] >= disc[u]) is_cut[u] = 1;
            if (low[done.v] > disc[u] && links) links->emplace_back(std::min(u, done.v), std::max(u, done.v));
        }
    }
    if (points)
        for (Vertex32 v = 0; v < n; ++v)
            if (is_cut[v]) points->push_back(v);
    if (links) std::sort(links->begin(), links->end());
}

} // namespace

std::vector<Vertex32> articulation_points(const View& view) {
    std::vector<Vertex32> out;
    cut_search(view, &out, nullptr);
    return out;
}

std::vector<std::pair<Vertex32, Vertex32>> bridges(const View& view) {
    std::vector<std::pair<Vertex32, Vertex32>> out;
    cut_search(view, nullptr, &out);
    return out;
}

namespace {

// Every vertex's distinct neighbours either way, without itself, as one CSR (a vector per
// vertex cost a million allocations on a million vertices).
struct Adjacency {
    std::vector<std::size_t> first; // where each vertex's neighbours begin
    std::vector<Vertex32> neighbour;
    std::uint32_t degree(Vertex32 v) const { return static_cast<std::uint32_t>(first[v + 1] - first[v]); }
};

Adjacency undirected_adjacency(const View& view) {
    const Vertex32 n = view.vertex_count();
    Adjacency a;
    a.first = huge_vector<std::size_t>(std::size_t{n} + 1, 0);
    reserve_huge(a.neighbour, 2 * view.snapshot().arc_count());
    for (Vertex32 v = 0; v < n; ++v) {
        if (view.active(v))
            view.for_each_neighbor(v, Direction::any, [&](Vertex32 w, double, std::size_t) {
                if (w != v) a.neighbour.push_back(w);
            });
        a.first[v + 1] = a.neighbour.size();
    }
    return a;
}

std::vector<std::size_t> core_numbers_of(const View& view, const Adjacency& adjacency) {
    const Vertex32 n = view.vertex_count();
    auto degree = huge_vector<std::uint32_t>(n, 0); // 32 bits: the peeling reads them at random
    std::uint32_t max_degree = 0;
    for (Vertex32 v = 0; v < n; ++v) {
        degree[v] = adjacency.degree(v);
        max_degree = std::max(max_degree, degree[v]);
    }
    const auto& first = adjacency.first;
    const auto& neighbour = adjacency.neighbour;
    // Bucket sort by degree, then peel vertices in order of current degree.
    std::vector<std::uint32_t> bin(std::size_t{max_degree} + 2, 0);
    auto position = huge_vector<std::uint32_t>(n, 0);
    std::vector<Vertex32> order;
    for (Vertex32 v = 0; v < n; ++v)
        if (view.active(v)) ++bin[degree[v]];
    std::uint32_t start = 0; // fewer active vertices than 2^32
    for (auto& b : bin) {
        const auto count = b;
        b = start;
        start += count;
    }
    order.assign(start, 0);
    for (Vertex32 v = 0; v < n; ++v)
        if (view.active(v)) position[v] = bin[degree[v]]++, order[position[v]] = v;
    for (std::size_t d = bin.size() - 1; d > 0; --d) bin[d] = bin[d - 1];
    bin[0] = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto v = order[i];
        for (std::size_t a = first[v]; a < first[v + 1]; ++a) {
            const auto u = neighbour[a];
            if (degree[u] <= degree[v]) continue;
            const auto du = degree[u];
            const auto pu = position[u];
            const auto pw = bin[du];
            const auto w = order[pw];
            if (u != w) std::swap(order[pu], order[pw]), position[u] = pw, position[w] = pu;
            ++bin[du];
            --degree[u];
        }
    }
    return std::vector<std::size_t>(degree.begin(), degree.end());
}

// Triangles through each vertex: each triangle found once, from its vertex of lowest rank
// (degree, then number), along arcs to higher ranks only, so that a hub's neighbours are never
// paired off against each other.
std::vector<std::uint64_t> triangles_of(const View& view, const Adjacency& adjacency) {
    const Vertex32 n = view.vertex_count();
    const auto higher = [&](Vertex32 a, Vertex32 b) {
        const auto da = adjacency.degree(a), db = adjacency.degree(b);
        return da != db ? da > db : a > b;
    };
    auto first = huge_vector<std::size_t>(std::size_t{n} + 1, 0);
    std::vector<Vertex32> forward;
    reserve_huge(forward, adjacency.neighbour.size() / 2 + 1);
    for (Vertex32 v = 0; v < n; ++v) {
        for (std::size_t a = adjacency.first[v]; a < adjacency.first[v + 1]; ++a)
            if (higher(adjacency.neighbour[a], v)) forward.push_back(adjacency.neighbour[a]);
        first[v + 1] = forward.size();
    }
    std::vector<std::uint64_t> triangles(n, 0);
    auto mark = huge_vector<Vertex32>(n, kNoVertex);
    for (Vertex32 v = 0; v < n; ++v) {
        for (std::size_t a = first[v]; a < first[v + 1]; ++a) mark[forward[a]] = v;
        for (std::size_t a = first[v]; a < first[v + 1]; ++a) {
            const auto u = forward[a];
            for (std::size_t b = first[u]; b < first[u + 1]; ++b)
                if (mark[forward[b]] == v) ++triangles[v], ++triangles[u], ++triangles[forward[b]];
        }
    }
    return triangles;
}

std::vector<double> clustering_of(const View& view, const Adjacency& adjacency, const std::vector<std::uint64_t>& triangles) {
    std::vector<double> out(view.vertex_count(), 0.0);
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        const double k = adjacency.degree(v);
        if (k >= 2) out[v] = 2.0 * static_cast<double>(triangles[v]) / (k * (k - 1));
    }
    return out;
}

} // namespace

std::vector<std::size_t> core_numbers(const View& view) { return core_numbers_of(view, undirected_adjacency(view)); }

std::vector<double> clustering(const View& view) {
    const auto adjacency = undirected_adjacency(view);
    return clustering_of(view, adjacency, triangles_of(view, adjacency));
}

StructureReport analyze_structure(const View& view, const StructureOptions& options) {
    StructureReport r;
    auto& s = r.summary;
    s.vertices = view.active_count();
    std::size_t ordered = 0, self_loops = 0;
    for (Vertex32 v = 0; v < view.vertex_count(); ++v)
        if (view.active(v))
            view.for_each_neighbor(v, view.forward(), [&](Vertex32 w, double, std::size_t) {
                ++ordered;
                self_loops += w == v;
            });
    // In an undirected view every pair was seen from both ends (a self-loop once).
    s.arcs = view.directed() ? ordered : (ordered - self_loops) / 2 + self_loops;
    const double n = static_cast<double>(s.vertices);
    if (s.vertices > 1) s.density = static_cast<double>(s.arcs) / (n * (n - 1)) * (view.directed() ? 1.0 : 2.0);
    r.weak_components = weak_components(view);
    s.weak_components = r.weak_components.size();
    s.strong_components = strong_components(view).size();
    s.largest_component = r.weak_components.empty() ? 0 : r.weak_components.front().size();
    r.articulation_points = articulation_points(view);
    r.bridges = bridges(view);
    {
        const auto adjacency = undirected_adjacency(view);
        r.core_numbers = core_numbers_of(view, adjacency);
        const auto triangles = triangles_of(view, adjacency);
        r.clustering = clustering_of(view, adjacency, triangles);
        double closed = 0, triples = 0;
        for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
            if (!view.active(v)) continue;
            s.average_clustering += r.clustering[v];
            const double k = adjacency.degree(v);
            triples += k * (k - 1);
            closed += 2.0 * static_cast<double>(triangles[v]);
        }
        if (s.vertices) s.average_clustering /= n;
        if (triples > 0) s.transitivity = closed / triples;
    }
    for (Vertex32 v = 0; v < view.vertex_count(); ++v)
        if (view.active(v)) s.max_core = std::max(s.max_core, r.core_numbers[v]);
    if (!r.weak_components.empty()) s.path_lengths = path_lengths(view, r.weak_components.front(), options.path_lengths);
    return r;
}

StructureSummary summarize_structure(const View& view, const StructureOptions& options) { return analyze_structure(view, options).summary; }

std::vector<Vertex32> cut_off_from_largest_component(const View& view, const std::vector<Vertex32>& removed,
                                                     const std::vector<std::pair<Vertex32, Vertex32>>& cut) {
    View rest = view;
    for (auto v : removed) rest.deactivate_vertex(v);
    for (const auto& [a, b] : cut)
        for (auto p : view.snapshot().arcs_between(a, b)) rest.deactivate_arc(p);
    const auto components = weak_components(rest);
    std::vector<Vertex32> out;
    for (std::size_t c = 1; c < components.size(); ++c) out.insert(out.end(), components[c].begin(), components[c].end());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace tg
