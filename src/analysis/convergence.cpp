#include "analysis/convergence.hpp"

#include "analysis/cohesion.hpp"
#include "analysis/communities.hpp"
#include "core/error.hpp"
#include "core/fuzzy.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <utility>

namespace tg {

namespace {

// Each vertex's neighbours either way with the mutual weight of the tie (an arc each way in a
// directed view weighs 2, one arc 1; every tie of an undirected view weighs 2, as in NetworkX).
struct MutualTies {
    std::vector<std::vector<std::pair<Vertex32, double>>> ties; // sorted by neighbour
    std::vector<double> total, largest;

    explicit MutualTies(const View& view) : ties(view.vertex_count()), total(view.vertex_count(), 0), largest(view.vertex_count(), 0) {
        for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
            if (!view.active(v)) continue;
            const auto out = distinct_neighbours(view, v, view.forward()), in = distinct_neighbours(view, v, view.backward());
            for (auto w : distinct_neighbours(view, v, Direction::any)) {
                const double weight = !view.directed() ? 2.0
                                                       : (std::binary_search(out.begin(), out.end(), w) ? 1.0 : 0.0) +
                                                             (std::binary_search(in.begin(), in.end(), w) ? 1.0 : 0.0);
                ties[v].emplace_back(w, weight);
                total[v] += weight;
                largest[v] = std::max(largest[v], weight);
            }
        }
    }

    double weight(Vertex32 u, Vertex32 v) const {
        const auto& list = ties[u];
        const auto it = std::lower_bound(list.begin(), list.end(), std::make_pair(v, 0.0),
                                         [](const auto& a, const auto& b) { return a.first < b.first; });
        return it != list.end() && it->first == v ? it->second : 0.0;
    }
    // NetworkX normalized_mutual_weight with norm=sum (proportional) or norm=max.
    double proportional(Vertex32 u, Vertex32 v) const { return total[u] > 0 ? weight(u, v) / total[u] : 0.0; }
    double relative_to_largest(Vertex32 u, Vertex32 v) const { return largest[u] > 0 ? weight(u, v) / largest[u] : 0.0; }
};

// Calls f(a, b, c) for every a -> b -> c with a and c grouped, a != c and no arc a -> c.
template <class F>
void for_each_open_triad(const View& view, const std::vector<std::uint32_t>& group, F&& f) {
    std::vector<Vertex32> mark(view.vertex_count(), kNoVertex); // mark[c] == a: a has an arc to c
    for (Vertex32 b = 0; b < view.vertex_count(); ++b) {
        if (!view.active(b)) continue;
        const auto sources = distinct_neighbours(view, b, view.backward());
        const auto targets = distinct_neighbours(view, b, view.forward());
        for (auto a : sources) {
            if (group[a] == kNoGroup) continue;
            view.for_each_neighbor(a, view.forward(), [&](Vertex32 c, double, std::size_t) { mark[c] = a; });
            for (auto c : targets)
                if (c != a && group[c] != kNoGroup && mark[c] != a) f(a, b, c);
        }
    }
}

} // namespace

std::vector<Brokerage> brokerage_roles(const View& view, const std::vector<std::uint32_t>& group) {
    std::vector<Brokerage> roles(view.vertex_count());
    for_each_open_triad(view, group, [&](Vertex32 a, Vertex32 b, Vertex32 c) {
        const auto ga = group[a], gb = group[b], gc = group[c];
        auto& r = roles[b];
        if (ga == gc)
            ++(gb == ga ? r.coordinator : r.itinerant);
        else if (gb == ga)
            ++r.representative;
        else if (gb == gc)
            ++r.gatekeeper;
        else
            ++r.liaison;
    });
    return roles;
}

namespace {

// score(ties, v) for every active vertex with neighbours; NaN for one without.
template <class F>
Scores score_egos(const View& view, F&& score) {
    const MutualTies m(view);
    Scores out(view.vertex_count(), 0.0);
    for (Vertex32 v = 0; v < view.vertex_count(); ++v)
        if (view.active(v)) out[v] = m.ties[v].empty() ? std::nan("") : score(m, v);
    return out;
}

} // namespace

Scores burt_constraint(const View& view) {
    return score_egos(view, [](const MutualTies& m, Vertex32 v) {
        double sum = 0;
        for (const auto& tie : m.ties[v]) {
            double local = m.proportional(v, tie.first);
            for (const auto& via : m.ties[v]) local += m.proportional(v, via.first) * m.proportional(via.first, tie.first);
            sum += local * local;
        }
        return sum;
    });
}

Scores effective_size(const View& view) {
    return score_egos(view, [](const MutualTies& m, Vertex32 v) {
        double sum = 0;
        for (const auto& contact : m.ties[v]) {
            double redundancy = 0;
            for (const auto& other : m.ties[v])
                redundancy += m.proportional(v, other.first) * m.relative_to_largest(contact.first, other.first);
            sum += 1.0 - redundancy;
        }
        return sum;
    });
}

CrossGroupPaths cross_group_paths(const View& view, const std::vector<std::uint32_t>& group, const ProgressMeter& progress) {
    const Vertex32 n = view.vertex_count();
    CrossGroupPaths result;
    auto& score = result.through;
    score.assign(n, 0.0);
    // Pairs counted: ordered in a directed view, unordered otherwise.
    std::vector<double> per_group;
    for (Vertex32 v = 0; v < n; ++v)
        if (view.active(v) && group[v] != kNoGroup) {
            if (group[v] >= per_group.size()) per_group.resize(group[v] + 1, 0);
            per_group[group[v]] += 1;
        }
    double grouped = 0, same = 0;
    for (auto g : per_group) grouped += g, same += g * g;
    const double pairs = (grouped * grouped - same) / (view.directed() ? 1.0 : 2.0);
    if (pairs == 0) return result;

    // Brandes (2001) from every grouped vertex, counting only the paths that end in another
    // group; two threads, each with its own accumulators, the sources dealt out by stride so
    // that the sums do not depend on timing.
    std::vector<Vertex32> sources;
    for (Vertex32 s = 0; s < n; ++s)
        if (view.active(s) && group[s] != kNoGroup) sources.push_back(s);
    constexpr unsigned kThreads = 2;
    const unsigned threads = sources.size() >= 64 ? kThreads : 1;
    std::vector<std::vector<double>> scores(threads, std::vector<double>(n, 0.0));
    std::vector<std::vector<std::uint8_t>> marks(threads, std::vector<std::uint8_t>(view.snapshot().arc_count(), 0));
    std::atomic<std::size_t> done{0};
    const std::string task = "convergence: paths between groups";
    if (progress) progress(task, 0, sources.size());
    const auto work = [&](unsigned t) {
        std::vector<double> sigma(n, 0.0), delta(n, 0.0);
        std::vector<std::uint32_t> level(n, std::numeric_limits<std::uint32_t>::max());
        std::vector<Vertex32> order;
        auto& through = scores[t];
        auto& on_path = marks[t];
        for (std::size_t i = t; i < sources.size() && !interrupt_requested(); i += threads) {
            const auto s = sources[i];
            // Only what the last search reached needs resetting.
            for (auto v : order) sigma[v] = 0, delta[v] = 0, level[v] = std::numeric_limits<std::uint32_t>::max();
            order.assign(1, s);
            sigma[s] = 1;
            level[s] = 0;
            for (std::size_t head = 0; head < order.size(); ++head) {
                const Vertex32 u = order[head];
                view.for_each_neighbor(u, view.forward(), [&](Vertex32 w, double, std::size_t) {
                    if (level[w] == std::numeric_limits<std::uint32_t>::max()) level[w] = level[u] + 1, order.push_back(w);
                    if (level[w] == level[u] + 1) sigma[w] += sigma[u];
                });
            }
            // Back from the farthest: a vertex's predecessors are its neighbours one level up.
            for (std::size_t k = order.size(); k-- > 0;) {
                const Vertex32 w = order[k];
                const bool target = w != s && group[w] != kNoGroup && group[w] != group[s];
                const double coefficient = ((target ? 1.0 : 0.0) + delta[w]) / sigma[w];
                if (level[w] > 0)
                    view.for_each_neighbor(w, view.backward(), [&](Vertex32 v, double, std::size_t position) {
                        if (level[v] + 1 != level[w]) return;
                        delta[v] += sigma[v] * coefficient;
                        if (coefficient > 0) on_path[position] = 1;
                    });
                if (w != s) through[w] += delta[w];
            }
            const auto finished = ++done;
            if (t == 0 && progress && finished % 16 == 0) progress(task, finished, sources.size());
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, t);
    work(0);
    for (auto& h : helpers) h.join();
    check_interrupt();
    if (progress) progress(task, sources.size(), sources.size());
    for (unsigned t = 0; t < threads; ++t)
        for (Vertex32 v = 0; v < n; ++v) score[v] += scores[t][v];
    std::vector<std::uint8_t> on_path(view.snapshot().arc_count(), 0);
    for (const auto& m : marks)
        for (std::size_t p = 0; p < m.size(); ++p) on_path[p] = on_path[p] | m[p];
    // Each unordered pair was counted from both ends in an undirected view.
    const double scale = (view.directed() ? 1.0 : 0.5) / pairs;
    for (auto& x : score) x *= scale;

    // Every active relation joining a pair on a path, whichever way it points.
    const auto& snap = view.snapshot();
    std::vector<std::pair<Vertex32, Vertex32>> ties;
    for (Vertex32 u = 0; u < n; ++u)
        for (std::size_t p = snap.out_begin(u); p < snap.out_begin(u + 1); ++p)
            if (on_path[p]) ties.emplace_back(std::min(u, snap.out_target(p)), std::max(u, snap.out_target(p)));
    std::sort(ties.begin(), ties.end());
    ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
    for (const auto& [a, b] : ties)
        for (auto p : snap.arcs_between(a, b))
            if (view.arc_active(p)) result.relations.push_back(snap.out_relation(p));
    std::sort(result.relations.begin(), result.relations.end());
    result.relations.erase(std::unique(result.relations.begin(), result.relations.end()), result.relations.end());
    return result;
}

namespace {

// The group names and each entity's list of candidate groups, in its order of precedence.
std::vector<std::vector<std::string>> candidate_groups(const View& view, const std::vector<std::string>& wanted,
                                                       const std::string& attribute, std::vector<std::string>& names) {
    const auto& graph = view.graph();
    std::vector<std::vector<std::string>> of(view.vertex_count());
    if (attribute.empty()) {
        const auto& ontology = graph.ontology();
        names = wanted.empty() ? ontology.domain_ids() : wanted;
        for (const auto& d : names)
            if (!ontology.domain(d))
                throw DataError("unknown threat domain \"" + d + "\"",
                                ontology.domain_ids().empty()
                                    ? "this graph declares no threat domains"
                                    : hint_for(d, ontology.domain_ids(), "domains are " + join_quoted(ontology.domain_ids())));
        for (auto v : view.active_vertices()) of[v] = graph.entity(v).domains().to_vector();
        return of;
    }
    std::vector<std::string> values;
    bool any_attribute = false;
    for (auto v : view.active_vertices()) any_attribute = any_attribute || graph.entity(v).attribute(attribute);
    if (attribute == "community" && !any_attribute) {
        // Louvain communities of the network as groups: brokers between communities.
        const auto partition = louvain(view);
        Vertex32 count = 0;
        for (auto v : view.active_vertices()) {
            of[v].push_back("community " + std::to_string(partition[v] + 1));
            count = std::max(count, partition[v] + 1);
        }
        names.clear();
        for (Vertex32 c = 0; c < count; ++c) names.push_back("community " + std::to_string(c + 1));
        if (!wanted.empty()) {
            for (const auto& w : wanted)
                if (std::find(names.begin(), names.end(), w) == names.end())
                    throw DataError("there is no \"" + w + "\"",
                                    names.empty() ? "the view has no entities"
                                                  : "communities are numbered from \"community 1\" to \"" + names.back() + "\"");
            names = wanted;
        }
        return of;
    }
    for (auto v : view.active_vertices()) {
        const auto a = graph.entity(v).attribute(attribute);
        if (!a) continue;
        const auto value = format_value(a->value);
        if (value.empty()) continue;
        of[v].push_back(value);
        values.push_back(value);
    }
    if (values.empty())
        throw DataError("no entity in the view has a value for \"" + attribute + "\"",
                        parameter("group_attribute") + " names a node attribute, such as a column of the " + parameter("nodes") + " file");
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    names = wanted.empty() ? values : wanted;
    for (const auto& name : names)
        if (!std::binary_search(values.begin(), values.end(), name))
            throw DataError("no entity has \"" + attribute + "\" = \"" + name + "\"",
                            hint_for(name, values, "values are " + join_quoted(values)));
    return of;
}

} // namespace

Convergence analyze_convergence(const View& view, const std::vector<std::string>& domains, const std::string& group_attribute,
                                const ProgressMeter& progress) {
    Convergence result;
    const auto candidates = candidate_groups(view, domains, group_attribute, result.domains);
    std::vector<std::uint32_t> group(view.vertex_count(), kNoGroup);
    result.members.assign(result.domains.size(), 0);
    for (auto v : view.active_vertices()) {
        for (const auto& d : candidates[v]) {
            const auto it = std::find(result.domains.begin(), result.domains.end(), d);
            if (it == result.domains.end()) continue;
            group[v] = static_cast<std::uint32_t>(it - result.domains.begin());
            ++result.members[group[v]];
            break;
        }
    }
    // A domain asked for by name must have someone in it; the ontology's are all listed, used or not.
    if (!domains.empty()) {
        for (std::size_t g = 0; g < result.domains.size(); ++g)
            if (result.members[g] == 0)
                throw DataError("no entity in the view has \"" + result.domains[g] + "\" as its first domain among those asked for",
                                "list the domains actors carry (see 'threatgraph info') or loosen the filters");
    }
    std::size_t with_members = 0, grouped = 0, same = 0;
    for (auto m : result.members) with_members += m > 0, grouped += m, same += m * m;
    const std::string groups = group_attribute.empty() ? "threat domains" : "groups of \"" + group_attribute + "\"";
    if (grouped == 0) {
        if (!group_attribute.empty()) throw DataError("no entity in the view belongs to one of the " + groups + " asked for");
        throw DataError("no entity in the view carries a threat domain",
                        "convergence groups actors by the domains graph-data gives them in entities.json; for a network read "
                        "with " +
                            parameter("input") + ", group by a node attribute with " + parameter("group_attribute"));
    }
    if (with_members < 2)
        throw DataError("convergence needs actors in at least two " + groups + "; the view has " + std::to_string(with_members),
                        group_attribute.empty() ? "loosen the filters or name more " + parameter("domains")
                                                : "loosen the filters or group by another attribute");
    result.cross_pairs = (grouped * grouped - same) / (view.directed() ? 1 : 2);

    const auto roles = brokerage_roles(view, group);
    const auto constraint = burt_constraint(view);
    const auto size = effective_size(view);
    const auto paths = cross_group_paths(view, group, progress);
    const auto& score = paths.through;
    for (auto v : view.active_vertices()) result.nodes.push_back({v, group[v], roles[v], constraint[v], size[v], score[v]});
    std::sort(result.nodes.begin(), result.nodes.end(), [&](const ConvergenceNode& a, const ConvergenceNode& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.roles.total() != b.roles.total()) return a.roles.total() > b.roles.total();
        return label_less(view, a.vertex, b.vertex);
    });
    result.nexus = paths.relations;
    return result;
}

} // namespace tg
