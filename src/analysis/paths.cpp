#include "analysis/paths.hpp"

#include "core/error.hpp"
#include "core/huge_pages.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace tg {

void require_usable_weights(const View& view) {
    if (!view.weight_problem().empty()) throw DataError(view.weight_problem(), "choose another " + parameter("weight") + ", or hops");
}

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::uint64_t pair_key(Vertex32 a, Vertex32 b) { return (std::uint64_t{a} << 32) | b; }

// Which vertices may be passed through (not only started or ended at).
std::vector<std::uint8_t> passable(const View& view, const PathOptions& options) {
    std::vector<std::uint8_t> ok(view.vertex_count(), 1);
    if (options.through_kinds.empty()) return ok;
    const auto& g = view.graph();
    const auto& ontology = g.ontology();
    require_known_kinds(ontology, options.through_kinds);
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        const auto& kind = g.entity(v).kind();
        ok[v] = std::any_of(options.through_kinds.begin(), options.through_kinds.end(),
                            [&](const std::string& k) { return ontology.is_a(kind, k); });
    }
    return ok;
}

struct Search {
    const View& view;
    const PathOptions& options;
    const std::vector<std::uint8_t>& may_pass;
    std::vector<std::uint8_t> banned_vertex;
    std::unordered_set<std::uint64_t> banned_step;

    // Shortest path s -> t avoiding bans: BFS when unweighted, Dijkstra otherwise. Ties keep the
    // first predecessor found, neighbours being visited in increasing id order.
    std::vector<Vertex32> run(Vertex32 s, Vertex32 t) const {
        if (view.weighted() && options.max_hops) return run_hop_limited(s, t);
        const Vertex32 n = view.vertex_count();
        std::vector<double> dist(n, kInfinity);
        std::vector<std::size_t> hops(n, 0);
        std::vector<Vertex32> pred(n, kNoVertex);
        dist[s] = 0;
        using Item = std::pair<double, Vertex32>;
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
        queue.emplace(0.0, s);
        const bool weighted = view.weighted();
        while (!queue.empty()) {
            const double d = queue.top().first; // not a structured binding: the lambda below captures them
            const auto u = queue.top().second;
            queue.pop();
            if (d > dist[u]) continue;
            if (u == t) break;
            if (u != s && !may_pass[u]) continue;
            if (options.max_hops && hops[u] >= options.max_hops) continue;
            view.for_each_neighbor(u, options.direction, [&](Vertex32 v, double w, std::size_t) {
                if (banned_vertex[v] || banned_step.count(pair_key(u, v))) return;
                const double nd = d + (weighted ? w : 1.0);
                if (nd < dist[v]) {
                    dist[v] = nd;
                    hops[v] = hops[u] + 1;
                    pred[v] = u;
                    queue.emplace(nd, v);
                }
            });
        }
        if (dist[t] == kInfinity || s == t) return {};
        std::vector<Vertex32> path{t};
        for (Vertex32 v = t; v != s; v = pred[v]) path.push_back(pred[v]);
        std::reverse(path.begin(), path.end());
        return path;
    }

    // Cheapest path with at most max_hops hops: Dijkstra cannot honour a hop limit (a cheap long
    // path hides a dearer short one), so relax layer by layer as Bellman-Ford does.
    std::vector<Vertex32> run_hop_limited(Vertex32 s, Vertex32 t) const {
        const Vertex32 n = view.vertex_count();
        const std::size_t h = options.max_hops;
        std::vector<std::vector<double>> dist(h + 1, std::vector<double>(n, kInfinity));
        std::vector<std::vector<Vertex32>> pred(h + 1, std::vector<Vertex32>(n, kNoVertex));
        dist[0][s] = 0;
        for (std::size_t layer = 1; layer <= h; ++layer) {
            dist[layer] = dist[layer - 1];
            pred[layer] = pred[layer - 1];
            for (Vertex32 u = 0; u < n; ++u) {
                const double du = dist[layer - 1][u];
                if (du == kInfinity || u == t || (u != s && !may_pass[u])) continue;
                view.for_each_neighbor(u, options.direction, [&](Vertex32 v, double w, std::size_t) {
                    if (banned_vertex[v] || banned_step.count(pair_key(u, v)) || v == s) return;
                    if (du + w < dist[layer][v]) {
                        dist[layer][v] = du + w;
                        pred[layer][v] = u;
                    }
                });
            }
        }
        if (dist[h][t] == kInfinity || s == t) return {};
        // Walk back through the layers: the predecessor of v at layer l was settled by layer l-1.
        std::vector<Vertex32> path{t};
        Vertex32 v = t;
        std::size_t layer = h;
        while (v != s) {
            while (layer > 1 && dist[layer - 1][v] == dist[layer][v] && pred[layer - 1][v] == pred[layer][v]) --layer;
            const Vertex32 u = pred[layer][v];
            if (u == kNoVertex || path.size() > h + 1) return {};
            path.push_back(u);
            v = u;
            --layer;
        }
        std::reverse(path.begin(), path.end());
        return path;
    }
};

Path describe(const View& view, const std::vector<Vertex32>& vertices, Direction direction) {
    const auto& s = view.snapshot();
    Path path;
    path.vertices = vertices;
    for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
        const Vertex32 u = vertices[i], v = vertices[i + 1];
        struct Candidate {
            double weight;
            RelationIndex relation;
            bool along;
        };
        std::vector<Candidate> found;
        // A relation counts once even when a symmetric type gives it arcs both ways.
        const auto add = [&](std::size_t arc) {
            const auto r = s.out_relation(arc);
            for (const auto& c : found)
                if (c.relation == r) return;
            found.push_back({view.arc_weight(arc), r, s.relation_source(r) == u});
        };
        if (direction != Direction::in)
            for (std::size_t p = s.out_begin(u); p < s.out_begin(u + 1); ++p)
                if (s.out_target(p) == v && view.arc_active(p)) add(p);
        if (direction != Direction::out)
            for (std::size_t p = s.in_begin(u); p < s.in_begin(u + 1); ++p)
                if (s.in_source(p) == v && view.arc_active(s.in_arc(p))) add(s.in_arc(p));
        // The lightest relation first; among equals the most credible, then the first declared.
        std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) {
            if (a.weight != b.weight) return a.weight < b.weight;
            const double ca = s.relation_confidence(a.relation), cb = s.relation_confidence(b.relation);
            if (ca != cb) return ca > cb;
            return a.relation < b.relation;
        });
        Hop hop;
        hop.from = u, hop.to = v;
        hop.relation = found.front().relation;
        hop.along = found.front().along;
        hop.weight = view.weighted() ? found.front().weight : 1.0;
        for (std::size_t k = 1; k < found.size(); ++k) hop.parallel.push_back(found[k].relation);
        path.cost += hop.weight;
        path.hops.push_back(std::move(hop));
    }
    return path;
}

// The vertices one side of a two-ended search has reached, each with its depth and the vertex
// it was reached from: open addressing in one array, no allocation per vertex, since a search
// on a large graph reaches tens of thousands.
class ReachedVertices {
public:
    using Entry = std::pair<std::uint32_t, Vertex32>; // depth, reached from

    ReachedVertices() : slots_(kFirstSize, Slot{kNoVertex, {}}) {}

    const Entry* find(Vertex32 v) const {
        for (std::size_t i = home(v);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i].key == v) return &slots_[i].entry;
            if (slots_[i].key == kNoVertex) return nullptr;
        }
    }

    // False when v was there already (and is left as it was).
    bool emplace(Vertex32 v, Entry entry) {
        if (2 * (size_ + 1) > slots_.size()) grow();
        for (std::size_t i = home(v);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i].key == v) return false;
            if (slots_[i].key == kNoVertex) {
                slots_[i] = {v, entry};
                ++size_;
                return true;
            }
        }
    }

private:
    struct Slot {
        Vertex32 key;
        Entry entry;
    };
    static constexpr std::size_t kFirstSize = 64;

    std::size_t home(Vertex32 v) const { return (std::uint64_t{v} * 0x9E3779B97F4A7C15ULL >> 20) & (slots_.size() - 1); }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2, Slot{kNoVertex, {}});
        old.swap(slots_);
        size_ = 0;
        for (const auto& slot : old)
            if (slot.key != kNoVertex) emplace(slot.key, slot.entry);
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

// The shortest path by hops from s to t, by breadth-first search from both ends, a level at a
// time from the side whose frontier has fewer arcs (its vertices in increasing id order), until
// the first meeting: deterministic, though not always the path a one-sided search would give
// among equally short ones. Empty when t cannot be reached.
std::vector<Vertex32> meet_in_the_middle(const View& view, Vertex32 s, Vertex32 t, Direction direction) {
    const Direction back = direction == Direction::out ? Direction::in : direction == Direction::in ? Direction::out : Direction::any;
    // Per side: each reached vertex's depth and the vertex it was reached from.
    struct Side {
        ReachedVertices reached;
        std::vector<Vertex32> frontier;
        std::uint32_t depth = 0;
    };
    Side from_s, from_t;
    from_s.reached.emplace(s, std::make_pair(0u, s));
    from_t.reached.emplace(t, std::make_pair(0u, t));
    from_s.frontier = {s};
    from_t.frontier = {t};
    while (!from_s.frontier.empty() && !from_t.frontier.empty()) {
        // Grow the side whose frontier has fewer arcs to walk: a hub costs its whole degree.
        const auto arcs = [&](const std::vector<Vertex32>& frontier, Direction d) {
            std::size_t sum = 0;
            for (const auto u : frontier) sum += view.arc_count(u, d);
            return sum;
        };
        const bool forward = arcs(from_s.frontier, direction) <= arcs(from_t.frontier, back);
        Side& near = forward ? from_s : from_t;
        const Side& far = forward ? from_t : from_s;
        std::sort(near.frontier.begin(), near.frontier.end());
        std::vector<Vertex32> next;
        // Before this step no vertex is reached from both ends, so every path is longer than
        // the two depths together; any meeting this step finds is exactly one longer, as short
        // as a path can be. The first one found is taken.
        Vertex32 meet_near = kNoVertex, meet_far = kNoVertex;
        for (const auto u : near.frontier) {
            view.for_each_neighbor(u, forward ? direction : back, [&](Vertex32 v, double, std::size_t) {
                if (meet_near != kNoVertex) return;
                if (far.reached.find(v)) {
                    meet_near = u, meet_far = v;
                    return;
                }
                if (near.reached.emplace(v, {near.depth + 1, u})) next.push_back(v);
            });
            if (meet_near != kNoVertex) break;
        }
        ++near.depth;
        if (meet_near != kNoVertex) {
            // s ... meet_near, then meet_far ... t (or the other way round when searching from t).
            std::vector<Vertex32> head, tail;
            for (Vertex32 v = meet_near;; v = near.reached.find(v)->second) {
                head.push_back(v);
                if (v == (forward ? s : t)) break;
            }
            for (Vertex32 v = meet_far;; v = far.reached.find(v)->second) {
                tail.push_back(v);
                if (v == (forward ? t : s)) break;
            }
            std::reverse(head.begin(), head.end());
            head.insert(head.end(), tail.begin(), tail.end());
            if (!forward) std::reverse(head.begin(), head.end());
            return head;
        }
        near.frontier = std::move(next);
    }
    return {};
}

bool path_less(const Path& a, const Path& b) {
    if (a.cost != b.cost) return a.cost < b.cost;
    if (a.vertices.size() != b.vertices.size()) return a.vertices.size() < b.vertices.size();
    return a.vertices < b.vertices;
}

} // namespace

std::vector<Path> shortest_paths(const View& view, Vertex32 s, Vertex32 t, const PathOptions& options, std::size_t k) {
    if (k < 1) throw DataError("the number of paths must be at least 1");
    if (view.weighted()) require_usable_weights(view);
    if (!view.active(s) || !view.active(t) || s == t) return {};
    // One path by hops with nothing to avoid: from both ends at once, touching only what the two
    // searches reach, not the whole graph.
    if (k == 1 && !view.weighted() && options.max_hops == 0 && options.through_kinds.empty()) {
        const auto path = meet_in_the_middle(view, s, t, options.direction);
        if (path.empty()) return {};
        return {describe(view, path, options.direction)};
    }
    const auto may_pass = passable(view, options);
    Search search{view, options, may_pass, std::vector<std::uint8_t>(view.vertex_count(), 0), {}};
    const auto first = search.run(s, t);
    if (first.empty()) return {};
    std::vector<Path> found{describe(view, first, options.direction)};
    // Yen (1971): each next path leaves an earlier one at some spur vertex.
    std::set<std::vector<Vertex32>> seen{first};
    std::vector<Path> candidates;
    while (found.size() < k) {
        const auto& last = found.back().vertices;
        for (std::size_t i = 0; i + 1 < last.size(); ++i) {
            const Vertex32 spur = last[i];
            const std::vector<Vertex32> root(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            if (spur != s && !may_pass[spur]) continue;
            PathOptions spur_options = options;
            if (options.max_hops) {
                if (options.max_hops <= i) continue;
                spur_options.max_hops = options.max_hops - i;
            }
            Search bounded{view, spur_options, may_pass, std::vector<std::uint8_t>(view.vertex_count(), 0), {}};
            for (const auto& p : found)
                if (p.vertices.size() > i + 1 && std::equal(root.begin(), root.end(), p.vertices.begin()))
                    bounded.banned_step.insert(pair_key(p.vertices[i], p.vertices[i + 1]));
            for (std::size_t r = 0; r < i; ++r) bounded.banned_vertex[root[r]] = 1;
            const auto tail = bounded.run(spur, t);
            if (tail.empty()) continue;
            std::vector<Vertex32> whole(root.begin(), root.end() - 1);
            whole.insert(whole.end(), tail.begin(), tail.end());
            if (!seen.insert(whole).second) continue;
            candidates.push_back(describe(view, whole, options.direction));
        }
        if (candidates.empty()) break;
        const auto best = std::min_element(candidates.begin(), candidates.end(), path_less);
        found.push_back(*best);
        candidates.erase(best);
    }
    return found;
}

PathList all_simple_paths(const View& view, Vertex32 s, Vertex32 t, const PathOptions& options, std::size_t cap) {
    if (options.max_hops < 1) throw DataError("listing all simple paths needs a hop limit of at least 1");
    if (cap < 1) throw DataError("the cap on paths must be at least 1");
    if (view.weighted()) require_usable_weights(view);
    PathList out;
    if (!view.active(s) || !view.active(t) || s == t) return out;
    const auto may_pass = passable(view, options);
    // The search is bounded twice: by the cap on results and by a budget of expansions, so a
    // dense graph with a generous hop limit ends with a notice instead of hanging.
    std::size_t budget = 20'000'000;
    std::vector<Vertex32> stack{s};
    std::vector<std::uint8_t> on_path(view.vertex_count(), 0);
    on_path[s] = 1;
    std::function<bool(Vertex32)> walk = [&](Vertex32 u) -> bool {
        bool go_on = true;
        view.for_each_neighbor(u, options.direction, [&](Vertex32 v, double, std::size_t) {
            if (!go_on) return;
            if (budget == 0) {
                out.truncated = true;
                go_on = false;
                return;
            }
            --budget;
            if (on_path[v]) return;
            if (v == t) {
                stack.push_back(v);
                out.paths.push_back(describe(view, stack, options.direction));
                stack.pop_back();
                if (out.paths.size() >= cap) {
                    out.truncated = true;
                    go_on = false;
                }
                return;
            }
            if (stack.size() >= options.max_hops || !may_pass[v]) return;
            stack.push_back(v);
            on_path[v] = 1;
            go_on = walk(v);
            on_path[v] = 0;
            stack.pop_back();
        });
        return go_on;
    };
    walk(s);
    return out;
}

Subnetwork connecting_network(const View& view, const std::vector<Vertex32>& members, const PathOptions& options) {
    std::set<Vertex32> vertices(members.begin(), members.end());
    std::set<RelationIndex> relations;
    for (std::size_t a = 0; a < members.size(); ++a)
        for (std::size_t b = 0; b < members.size(); ++b) {
            if (a == b || (options.direction == Direction::any && b < a)) continue;
            for (const auto& p : shortest_paths(view, members[a], members[b], options)) {
                vertices.insert(p.vertices.begin(), p.vertices.end());
                for (const auto& h : p.hops) relations.insert(h.relation);
            }
        }
    return {std::vector<Vertex32>(vertices.begin(), vertices.end()), std::vector<RelationIndex>(relations.begin(), relations.end())};
}

namespace {

// Beamer's switching points: bottom-up once the frontier's arcs exceed 1/14 of those left to
// explore, top-down again once the frontier holds fewer than 1/24 of the vertices.
constexpr std::size_t kTopDownShare = 14;
constexpr std::size_t kBottomUpShare = 24;

// Whether some vertex of the frontier (a bit each) reaches v in one step along `direction`:
// a vertex reached along out-arcs looks among its in-arcs for its parent, and the other way
// round.
bool has_parent_in(const View& view, Vertex32 v, Direction direction, const std::vector<std::uint64_t>& frontier) {
    const auto& s = view.snapshot();
    const bool check_arcs = !view.every_arc_active();
    const auto in_frontier = [&](Vertex32 u) { return (frontier[u >> 6] >> (u & 63)) & 1; };
    if (direction != Direction::in)
        for (std::size_t i = s.in_begin(v); i < s.in_begin(v + 1); ++i) {
            const auto u = s.in_source(i);
            if (in_frontier(u) && view.active(u) && (!check_arcs || view.arc_active(s.in_arc(i)))) return true;
        }
    if (direction != Direction::out)
        for (std::size_t p = s.out_begin(v); p < s.out_begin(v + 1); ++p) {
            const auto u = s.out_target(p);
            if (in_frontier(u) && view.active(u) && (!check_arcs || view.arc_active(p))) return true;
        }
    return false;
}

} // namespace

std::vector<std::uint32_t> hop_distances(const View& view, Vertex32 source, Direction direction, std::uint32_t max_depth) {
    const Vertex32 n = view.vertex_count();
    auto level = huge_vector<std::uint32_t>(n, kUnreached);
    if (source >= n || !view.active(source)) return level;
    // Direction-optimizing search (Beamer, Asanovic and Patterson, 2012): top-down, each frontier
    // vertex visiting its arcs, while the frontier is small; bottom-up, each unreached vertex
    // looking for a parent in the frontier and stopping at the first, while the frontier holds a
    // large share of the arcs left to explore. The levels are the same either way.
    const auto& s = view.snapshot();
    const auto arcs_of = [&](Vertex32 v) { return view.arc_count(v, direction); };
    std::size_t unexplored = (direction == Direction::any ? 2 : 1) * s.arc_count();
    std::vector<Vertex32> frontier{source}, next;
    std::size_t frontier_arcs = arcs_of(source);
    std::vector<std::uint64_t> frontier_bits;
    bool bottom_up = false;
    level[source] = 0;
    for (std::uint32_t depth = 0; !frontier.empty() && depth < max_depth; ++depth) {
        if (!bottom_up && frontier_arcs > unexplored / kTopDownShare)
            bottom_up = true;
        else if (bottom_up && frontier.size() < n / kBottomUpShare)
            bottom_up = false;
        unexplored -= std::min(unexplored, frontier_arcs);
        next.clear();
        std::size_t next_arcs = 0;
        if (bottom_up) {
            frontier_bits.assign((std::size_t{n} + 63) / 64, 0);
            for (const auto u : frontier) frontier_bits[u >> 6] |= std::uint64_t{1} << (u & 63);
            for (Vertex32 v = 0; v < n; ++v)
                if (level[v] == kUnreached && view.active(v) && has_parent_in(view, v, direction, frontier_bits)) {
                    level[v] = depth + 1;
                    next.push_back(v);
                    next_arcs += arcs_of(v);
                }
        } else {
            for (const auto u : frontier)
                view.for_each_neighbor(u, direction, [&](Vertex32 v, double, std::size_t) {
                    if (level[v] != kUnreached) return;
                    level[v] = depth + 1;
                    next.push_back(v);
                    next_arcs += arcs_of(v);
                });
        }
        frontier.swap(next);
        frontier_arcs = next_arcs;
    }
    return level;
}

Subnetwork ego_network(const View& view, Vertex32 center, std::size_t depth, Direction direction) {
    const auto limit = depth >= kUnreached ? kUnreached - 1 : static_cast<std::uint32_t>(depth);
    const auto level = hop_distances(view, center, direction, limit);
    Subnetwork out;
    for (Vertex32 v = 0; v < view.vertex_count(); ++v)
        if (level[v] != kUnreached) out.vertices.push_back(v);
    const auto& s = view.snapshot();
    for (auto u : out.vertices)
        for (std::size_t p = s.out_begin(u); p < s.out_begin(u + 1); ++p)
            if (view.arc_active(p) && level[s.out_target(p)] != kUnreached && view.active(s.out_target(p)))
                out.relations.push_back(s.out_relation(p));
    // A relation of a symmetric type has an arc each way: list it once.
    std::sort(out.relations.begin(), out.relations.end());
    out.relations.erase(std::unique(out.relations.begin(), out.relations.end()), out.relations.end());
    return out;
}

} // namespace tg
