#include "analysis/centrality.hpp"

#include "analysis/graph_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace tg;
using namespace tg::test;

namespace {
double score(const KnowledgeGraph& g, const Scores& s, const std::string& id) { return s[*g.find(id)]; }
} // namespace

TEST_CASE("betweenness of a path graph peaks in the middle", "[analysis]") {
    // a-b-c-d-e: b lies on 3 of the 6 pairs not involving it, c on 4; normalized by (n-1)(n-2)/2 = 6.
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto b = betweenness_centrality(view);
    CHECK(score(g, b, "a") == 0);
    CHECK(score(g, b, "b") == Approx(3.0 / 6));
    CHECK(score(g, b, "c") == Approx(4.0 / 6));
    BetweennessOptions raw;
    raw.normalized = false;
    CHECK(score(g, betweenness_centrality(view, raw), "c") == Approx(4.0));
}

TEST_CASE("sampling every source gives the exact betweenness", "[analysis]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}});
    const GraphSnapshot s(g);
    const View view(s);
    BetweennessOptions all;
    all.samples = 5;
    CHECK(betweenness_centrality(view, all) == betweenness_centrality(view));
    BetweennessOptions two;
    two.samples = 2;
    two.seed = 9;
    // Seeded: the same seed gives the same estimate.
    CHECK(betweenness_centrality(view, two) == betweenness_centrality(view, two));
}

TEST_CASE("a star's centre is closest to everyone", "[analysis]") {
    const auto g = network({{"hub", "a"}, {"hub", "b"}, {"hub", "c"}, {"hub", "d"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto c = closeness_centrality(view);
    CHECK(score(g, c, "hub") == Approx(1.0));
    // A leaf: 1 hop to the hub, 2 to each of the 3 other leaves: 4 / 7.
    CHECK(score(g, c, "a") == Approx(4.0 / 7));
    CHECK(score(g, harmonic_centrality(view), "a") == Approx(1 + 3 * 0.5));
    CHECK(score(g, degree_centrality(view, DegreeKind::total), "hub") == Approx(1.0));
}

TEST_CASE("closeness on a directed graph counts the distances into a vertex", "[analysis]") {
    // a -> b -> c: c is reached by both (distances 2 and 1), a by nobody.
    const auto g = network({{"a", "b"}, {"b", "c"}});
    const GraphSnapshot s(g);
    const View view(s);
    const auto c = closeness_centrality(view);
    CHECK(score(g, c, "a") == 0);
    // r = 3 reach c: (r-1)/sum = 2/3, times (r-1)/(n-1) = 1.
    CHECK(score(g, c, "c") == Approx(2.0 / 3));
    CHECK(score(g, degree_centrality(view, DegreeKind::in), "c") == Approx(0.5));
    CHECK(score(g, degree_centrality(view, DegreeKind::out), "c") == 0);
}

TEST_CASE("PageRank of a directed cycle is uniform and sums to one", "[analysis]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "a"}});
    const GraphSnapshot s(g);
    const View view(s);
    const auto p = pagerank(view);
    for (const char* id : {"a", "b", "c"}) CHECK(score(g, p, id) == Approx(1.0 / 3).epsilon(1e-9));
    // A dangling vertex spreads its rank evenly (personalization uniform).
    const auto d = network({{"a", "b"}});
    const GraphSnapshot ds(d);
    const auto q = pagerank(View(ds));
    CHECK(q[0] + q[1] == Approx(1.0).epsilon(1e-12));
    CHECK(q[1] > q[0]);
}

TEST_CASE("PageRank is the same gathered from the snapshot's in-arcs as from arcs it lays out itself", "[analysis]") {
    // Without parallel arcs and with nothing hidden, PageRank reads the snapshot's own in-arcs;
    // parallel arcs (each counted once) or a hidden arc make it lay out its own.
    const auto single = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}, {"d", "a"}, {"a", "a"}});
    const auto doubled = network({{"a", "b"}, {"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}, {"d", "a"}, {"d", "a"}, {"a", "a"}});
    const auto with_extra = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "c"}, {"d", "a"}, {"a", "a"}, {"b", "d"}});
    const GraphSnapshot s1(single), s2(doubled), s3(with_extra);
    CHECK_FALSE(s1.has_parallel_arcs());
    CHECK(s2.has_parallel_arcs());
    const View direct(s1), laid_out(s2);
    CHECK(direct.shows_everything());
    View hidden(s3);
    hidden.deactivate_arc(s3.arcs_between(with_extra.find("b").value(), with_extra.find("d").value()).at(0));
    CHECK_FALSE(hidden.shows_everything());
    const auto p = pagerank(direct), q = pagerank(laid_out), r = pagerank(hidden);
    for (const char* id : {"a", "b", "c", "d"}) {
        CHECK(score(doubled, q, id) == Approx(score(single, p, id)).margin(1e-12));
        CHECK(score(with_extra, r, id) == Approx(score(single, p, id)).margin(1e-12));
    }
    // By hand: no vertex dangles and none links to d, so d keeps only the teleport share.
    CHECK(score(single, p, "d") == Approx(0.15 / 4).epsilon(1e-9));
}

TEST_CASE("eigenvector and Katz centrality of a symmetric graph favour the best connected", "[analysis]") {
    const auto g = network({{"hub", "a"}, {"hub", "b"}, {"hub", "c"}, {"a", "b"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto e = eigenvector_centrality(view);
    CHECK(score(g, e, "hub") > score(g, e, "a"));
    CHECK(score(g, e, "a") == Approx(score(g, e, "b")));
    CHECK(score(g, e, "c") < score(g, e, "a"));
    double norm = 0;
    for (double x : e) norm += x * x;
    CHECK(norm == Approx(1.0));
    const auto k = katz_centrality(view);
    CHECK(score(g, k, "hub") > score(g, k, "c"));
}

TEST_CASE("a Katz attenuation past the spectral radius does not converge and says so", "[analysis]") {
    const auto g = network({{"a", "b"}, {"b", "a"}});
    const GraphSnapshot s(g);
    CHECK_THROWS_WITH(katz_centrality(View(s), 2.0), "Katz centrality did not converge in 1000 iterations");
}
