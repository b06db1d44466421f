// A network read column by column (read_network, the path of every --input file) must give the
// very numbers the same ties added one by one give (add_entity and add_relation, the path
// graph-data takes): same vertex order, same arcs, same scores.
#include "analysis/centrality.hpp"
#include "analysis/communities.hpp"
#include "analysis/paths.hpp"
#include "analysis/structure.hpp"
#include "core/error.hpp"
#include "io/network_reader.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <sstream>

using namespace tg;
using namespace tg::test;

namespace {

// A seeded random edge list with hubs, repeated ties, self-loops and weights on most lines.
std::string random_edge_list(std::uint64_t seed, int nodes, int ties) {
    std::mt19937_64 random(seed);
    std::ostringstream out;
    out << "# seeded test network\n";
    for (int i = 0; i < ties; ++i) {
        const auto a = random() % static_cast<std::uint64_t>(nodes);
        // Half the ties point at one of the first ten nodes, so there are hubs.
        const auto b = (random() & 1) ? random() % 10 : random() % static_cast<std::uint64_t>(nodes);
        out << "n" << a << '\t' << "n" << b;
        if (random() % 4) out << ' ' << 1 + random() % 9;
        out << '\n';
    }
    return out.str();
}

// A seeded random network (random_edge_list) read as --input reads it, and its snapshot.
struct RandomNetwork {
    KnowledgeGraph network;
    GraphSnapshot snapshot;

    RandomNetwork(std::uint64_t seed, int nodes, int ties) : network(read(seed, nodes, ties)), snapshot(network) {}

private:
    static KnowledgeGraph read(std::uint64_t seed, int nodes, int ties) {
        TempDir dir;
        NetworkOptions options;
        options.path = dir.write("net.txt", random_edge_list(seed, nodes, ties));
        return std::move(*read_network(options).graph);
    }
};

void check_same(const Scores& plain, const Scores& full) {
    REQUIRE(plain.size() == full.size());
    for (std::size_t v = 0; v < plain.size(); ++v) CHECK(plain[v] == Approx(full[v]).margin(1e-12));
}

} // namespace

namespace {

// The same edge list added tie by tie: nodes as they first appear, repeated ties (either way
// when undirected) merged with their weights summed, a tie without a weight taking a later one's.
KnowledgeGraph added_one_by_one(const std::string& text, bool undirected) {
    KnowledgeGraph g(Ontology::plain_network(undirected), {}, !undirected);
    std::map<std::string, std::size_t> seen;
    std::map<std::pair<std::string, std::string>, std::size_t> tie_at;
    std::vector<std::pair<std::string, std::string>> ties;
    std::vector<std::optional<double>> weights;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string a, b;
        fields >> a >> b;
        std::optional<double> w;
        if (double x; fields >> x) w = x;
        for (const auto& end : {a, b})
            if (seen.emplace(end, seen.size()).second) g.add_entity({end, "node", end, {}, {}, {}, {}, {}});
        auto key = std::make_pair(a, b);
        if (undirected && key.second < key.first) std::swap(key.first, key.second);
        const auto [it, added] = tie_at.emplace(key, ties.size());
        if (added) {
            ties.emplace_back(a, b);
            weights.push_back(w);
        } else if (w) {
            auto& kept = weights[it->second];
            kept = kept ? *kept + *w : *w;
        }
    }
    for (std::size_t i = 0; i < ties.size(); ++i) {
        Relation r;
        r.id = "e" + std::to_string(i), r.source = ties[i].first, r.type = "tie", r.target = ties[i].second;
        if (weights[i]) r.attributes["weight"] = Attribute{*weights[i], {}, std::nullopt, {}, {}};
        g.add_relation(r);
    }
    return g;
}

} // namespace

TEST_CASE("a network read column by column gives the scores the same ties added one by one give", "[analysis]") {
    TempDir dir;
    for (const bool undirected : {false, true}) {
        const auto text = random_edge_list(undirected ? 11 : 7, 150, 600);
        NetworkOptions options;
        options.path = dir.write("net.txt", text);
        options.undirected = undirected;
        options.merge = MergeRule::sum;
        const auto read = read_network(options);
        const auto& net = *read.graph;
        const auto g = added_one_by_one(text, undirected);
        REQUIRE(net.entity_count() == g.entity_count());
        REQUIRE(net.relation_count() == g.relation_count());
        for (std::size_t v = 0; v < net.entity_count(); ++v) REQUIRE(net.id_of(v) == g.entity(v).id());
        for (std::size_t r = 0; r < net.relation_count(); ++r) {
            REQUIRE(net.source_of(r) == g.source_of(r));
            REQUIRE(net.target_of(r) == g.target_of(r));
            const auto a = net.relation(r).attribute("weight"), b = g.relation(r).attribute("weight");
            REQUIRE(a.has_value() == b.has_value());
            if (a) CHECK(std::get<double>(a->value) == std::get<double>(b->value));
        }

        const GraphSnapshot full_snapshot(g), lean_snapshot(net);
        CHECK(lean_snapshot.directed() == full_snapshot.directed());
        CHECK(lean_snapshot.label(3) == full_snapshot.label(3));
        for (const char* weight : {"hops", "weight"}) {
            const auto spec = WeightSpec::parse(weight);
            const View a(lean_snapshot, {}, spec, !undirected), b(full_snapshot, {}, spec, !undirected);
            CAPTURE(undirected, weight);
            check_same(pagerank(a), pagerank(b));
            check_same(betweenness_centrality(a), betweenness_centrality(b));
            check_same(closeness_centrality(a), closeness_centrality(b));
            check_same(degree_centrality(a, DegreeKind::in, true), degree_centrality(b, DegreeKind::in, true));
            CHECK(weak_components(a) == weak_components(b));
            CHECK(strong_components(a) == strong_components(b));
            CHECK(core_numbers(a) == core_numbers(b));
            CHECK(hop_distances(a, 5, Direction::out) == hop_distances(b, 5, Direction::out));
            const auto pa = shortest_paths(a, 0, 9, {}, 3), pb = shortest_paths(b, 0, 9, {}, 3);
            REQUIRE(pa.size() == pb.size());
            for (std::size_t i = 0; i < pa.size(); ++i) {
                CHECK(pa[i].vertices == pb[i].vertices);
                CHECK(pa[i].cost == Approx(pb[i].cost).margin(1e-12));
            }
            LouvainOptions louvain;
            louvain.seed = 3;
            CHECK(modularity(a, tg::louvain(a, louvain)) == Approx(modularity(b, tg::louvain(b, louvain))).margin(1e-12));
        }
    }
}

TEST_CASE("filters and attribute weights a network lacks are refused with the reason", "[analysis]") {
    TempDir dir;
    NetworkOptions options;
    options.path = dir.write("net.txt", "a b 2\nb c -1\n");
    const auto read = read_network(options);
    const GraphSnapshot snapshot(*read.graph);
    ViewFilter by_kind;
    by_kind.kinds = {"state"};
    CHECK_THROWS_WITH(View(snapshot, by_kind), Catch::Contains("unknown kind \"state\""));
    CHECK_THROWS_WITH(View(snapshot, {}, WeightSpec::parse("cost")), Catch::Contains("no relation has an attribute \"cost\""));
    const View weighted(snapshot, {}, WeightSpec::parse("weight"));
    CHECK(weighted.weight_problem() == "relation \"e1\" has attribute \"weight\" -1: path weights must not be negative");
    CHECK_THROWS_AS(shortest_paths(weighted, 0, 2, {}), DataError);
}

TEST_CASE("one shortest path by hops, searched from both ends, is as short as a breadth-first search says and runs along arcs",
          "[analysis]") {
    const RandomNetwork random(23, 400, 900);
    const auto& snapshot = random.snapshot;
    const View view(snapshot);
    std::size_t found = 0, unreachable = 0;
    for (const auto direction : {Direction::out, Direction::in, Direction::any})
        for (Vertex32 s = 0; s < 40; ++s) {
            const auto level = hop_distances(view, s, direction);
            for (Vertex32 t = 0; t < view.vertex_count(); t += 7) {
                if (t == s) continue;
                PathOptions path_options;
                path_options.direction = direction;
                const auto paths = shortest_paths(view, s, t, path_options);
                if (level[t] == kUnreached) {
                    CHECK(paths.empty());
                    ++unreachable;
                    continue;
                }
                REQUIRE(paths.size() == 1);
                const auto& p = paths[0];
                CHECK(p.hops.size() == level[t]);
                CHECK(p.vertices.front() == s);
                CHECK(p.vertices.back() == t);
                for (std::size_t i = 0; i + 1 < p.vertices.size(); ++i) {
                    const auto next = distinct_neighbours(view, p.vertices[i], direction);
                    CHECK(std::find(next.begin(), next.end(), p.vertices[i + 1]) != next.end());
                }
                ++found;
            }
        }
    CHECK(found > 1000);
    CHECK(unreachable > 0); // the directed searches leave some pairs apart
}

TEST_CASE("PageRank on a large network meets a tight tolerance and a loose one within its bound", "[analysis]") {
    // 250,000 ties: PageRank gathers on two threads, and with the loose tolerance passes shares as
    // 32-bit floats, whose rounding must neither stall the tight run nor move the loose one.
    const RandomNetwork random(5, 60'000, 250'000);
    const View view(random.snapshot);
    const auto n = static_cast<double>(view.vertex_count());
    std::size_t loose_iterations = 0, tight_iterations = 0;
    IterationOptions loose, tight;
    loose.tolerance = 1e-6 / n, loose.iterations = &loose_iterations;
    tight.tolerance = 1e-13 / n, tight.iterations = &tight_iterations;
    const auto coarse = pagerank(view, 0.85, {}, loose);
    const auto fine = pagerank(view, 0.85, {}, tight);
    CHECK(tight_iterations > loose_iterations);
    double distance = 0, total = 0;
    for (std::size_t v = 0; v < fine.size(); ++v) distance += std::fabs(coarse[v] - fine[v]), total += fine[v];
    CHECK(total == Approx(1.0).epsilon(1e-12));
    // Stopping at an L1 change of 1e-6 leaves at most 0.85 / 0.15 times that to go.
    CHECK(distance < 1e-6 * 0.85 / 0.15);
}

TEST_CASE("a breadth-first search gives the levels of a plain queue search, in every direction, with hidden parts and a depth limit",
          "[analysis]") {
    // The search switches between top-down and bottom-up steps; a queue search that only ever
    // walks neighbours is the reference.
    const RandomNetwork random(13, 3000, 9000);
    const auto& snapshot = random.snapshot;
    View view(snapshot);
    const auto reference = [&](const View& v, Vertex32 source, Direction d, std::uint32_t limit) {
        std::vector<std::uint32_t> level(v.vertex_count(), kUnreached);
        if (!v.active(source)) return level;
        std::vector<Vertex32> queue{source};
        level[source] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const auto u = queue[head];
            if (level[u] >= limit) continue;
            v.for_each_neighbor(u, d, [&](Vertex32 w, double, std::size_t) {
                if (level[w] == kUnreached) level[w] = level[u] + 1, queue.push_back(w);
            });
        }
        return level;
    };
    for (int round = 0; round < 2; ++round) {
        if (round == 1) {
            // Hide every seventh vertex but the sources, and every fifth arc.
            for (Vertex32 v = 14; v < view.vertex_count(); v += 7) view.deactivate_vertex(v);
            for (std::size_t p = 0; p < snapshot.arc_count(); p += 5) view.deactivate_arc(p);
        }
        for (const auto d : {Direction::out, Direction::in, Direction::any})
            for (const Vertex32 source : {Vertex32{0}, Vertex32{3}, view.vertex_count() - 1})
                for (const std::uint32_t limit : {kUnreached, std::uint32_t{2}}) {
                    CAPTURE(round, static_cast<int>(d), source, limit);
                    const auto got = hop_distances(view, source, d, limit);
                    CHECK(got == reference(view, source, d, limit));
                    // Most vertices are reached, so the search has frontiers large enough to go bottom-up.
                    if (limit == kUnreached && d == Direction::any)
                        CHECK(std::count(got.begin(), got.end(), kUnreached) < static_cast<long>(view.vertex_count() / 2));
                }
    }
}

TEST_CASE("weak and strong components are the sets that reach each other, with hidden parts", "[analysis]") {
    // The reference: two vertices share a strong component when each reaches the other, a weak
    // one when either reaches the other without direction; reach by a queue search.
    const RandomNetwork random(17, 400, 700);
    const auto& snapshot = random.snapshot;
    View view(snapshot);
    for (Vertex32 v = 5; v < view.vertex_count(); v += 9) view.deactivate_vertex(v);
    for (std::size_t p = 1; p < snapshot.arc_count(); p += 6) view.deactivate_arc(p);
    const auto n = view.vertex_count();
    const auto reach = [&](Vertex32 source, Direction d) {
        std::vector<std::uint8_t> seen(n, 0);
        std::vector<Vertex32> queue{source};
        seen[source] = 1;
        for (std::size_t head = 0; head < queue.size(); ++head)
            view.for_each_neighbor(queue[head], d, [&](Vertex32 w, double, std::size_t) {
                if (!seen[w]) seen[w] = 1, queue.push_back(w);
            });
        return seen;
    };
    const auto grouped = [&](bool strong) {
        std::vector<std::vector<Vertex32>> out;
        std::vector<std::uint8_t> placed(n, 0);
        for (Vertex32 v = 0; v < n; ++v) {
            if (!view.active(v) || placed[v]) continue;
            const auto forward = reach(v, strong ? Direction::out : Direction::any);
            const auto backward = reach(v, strong ? Direction::in : Direction::any);
            out.emplace_back();
            for (Vertex32 w = 0; w < n; ++w)
                if (forward[w] && backward[w]) out.back().push_back(w), placed[w] = 1;
        }
        std::sort(out.begin(), out.end(),
                  [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front(); });
        return out;
    };
    const auto weak = weak_components(view), strong = strong_components(view);
    CHECK(weak == grouped(false));
    CHECK(strong == grouped(true));
    CHECK(weak.size() > 1);
    CHECK(strong.size() > weak.size());
}
