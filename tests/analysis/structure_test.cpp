#include "analysis/structure.hpp"

#include "analysis/communities.hpp"
#include "analysis/graph_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tg;
using namespace tg::test;

namespace {
// Two triangles (a b c) and (d e f) joined by the bridge c-d.
KnowledgeGraph two_triangles() {
    return network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"f", "d"}}, true);
}
std::string id(const KnowledgeGraph& g, Vertex32 v) { return std::string(g.entity(v).id()); }
} // namespace

TEST_CASE("the bridge between two triangles and its ends are the critical links and nodes", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto points = articulation_points(view);
    REQUIRE(points.size() == 2);
    CHECK(id(g, points[0]) == "c");
    CHECK(id(g, points[1]) == "d");
    const auto links = bridges(view);
    REQUIRE(links.size() == 1);
    CHECK(id(g, links[0].first) == "c");
    CHECK(id(g, links[0].second) == "d");
    for (auto k : core_numbers(view)) CHECK(k == 2);
    const auto c = clustering(view);
    CHECK(c[*g.find("a")] == Approx(1.0));
    CHECK(c[*g.find("c")] == Approx(1.0 / 3)); // neighbours a, b, d: one link of three possible
}

TEST_CASE("the structure summary of two triangles matches a hand count", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const auto summary = summarize_structure(View(s, {}, {}, false));
    CHECK(summary.vertices == 6);
    CHECK(summary.arcs == 7);
    CHECK(summary.density == Approx(7.0 / 15));
    CHECK(summary.weak_components == 1);
    CHECK(summary.path_lengths.diameter == 3); // a to e
    CHECK(summary.path_lengths.diameter_exact());
    // Distances: within the triangles 1 (6 pairs), c-d 1, a/b to d and c to e/f 2 (4 pairs),
    // a/b to e/f 3 (4 pairs): (6 + 1 + 8 + 12) / 15 pairs.
    CHECK(summary.path_lengths.average == Approx(27.0 / 15));
    CHECK(summary.path_lengths.average_exact());
    CHECK(summary.transitivity == Approx(6.0 / 10)); // 2 triangles * 3 / 10 connected triples
}

TEST_CASE("strong and weak components of a directed graph differ", "[analysis]") {
    const auto g = network({{"a", "b"}, {"b", "a"}, {"b", "c"}, {"x", "y"}});
    const GraphSnapshot s(g);
    const View view(s);
    CHECK(weak_components(view).size() == 2);
    const auto strong = strong_components(view);
    REQUIRE(strong.size() == 4);
    CHECK(strong[0].size() == 2); // a <-> b
}

TEST_CASE("Louvain and Girvan-Newman both split two triangles at their bridge", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    // By hand: m = 7; each triangle has 3 internal edges and degree sum 7:
    // Q = 2 * (3/7 - (7/14)^2) = 5/14.
    for (std::uint64_t seed : {0u, 1u, 42u}) {
        LouvainOptions options;
        options.seed = seed;
        const auto p = louvain(view, options);
        CHECK(communities_of(p).size() == 2);
        CHECK(modularity(view, p) == Approx(5.0 / 14));
    }
    const auto gn = girvan_newman(view);
    CHECK(communities_of(gn.best).size() == 2);
    CHECK(gn.best_modularity == Approx(5.0 / 14));
}

TEST_CASE("the same Louvain seed gives the same communities", "[analysis]") {
    const auto g = network({{"a", "b"},
                            {"b", "c"},
                            {"c", "a"},
                            {"c", "d"},
                            {"d", "e"},
                            {"e", "f"},
                            {"f", "d"},
                            {"f", "g"},
                            {"g", "h"},
                            {"h", "i"},
                            {"i", "g"},
                            {"a", "i"}},
                           true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    LouvainOptions options;
    options.seed = 7;
    CHECK(louvain(view, options) == louvain(view, options));
}
