// Monte-Carlo worlds against exact answers: on graphs small enough to list every world with its
// probability, the sampled spread, top-k share and reachability must come out as the exact ones.
#include "analysis/centrality.hpp"
#include "analysis/graph_fixtures.hpp"
#include "analysis/uncertainty.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

using namespace tg;
using tg::test::network;

namespace {

// Every world of the view's relations (at most 16) with its probability.
template <class F>
void for_every_world(const View& view, F&& visit) {
    const auto& s = view.snapshot();
    const auto relations = view.graph().relation_count();
    REQUIRE(relations <= 16);
    for (std::size_t mask = 0; mask < (std::size_t{1} << relations); ++mask) {
        double p = 1;
        for (std::size_t r = 0; r < relations; ++r) {
            const double c = s.relation_confidence(static_cast<RelationIndex>(r));
            p *= (mask >> r & 1) ? c : 1 - c;
        }
        if (p == 0) continue;
        View world = view;
        for (std::size_t a = 0; a < s.arc_count(); ++a)
            if (!(mask >> s.out_relation(a) & 1)) world.deactivate_arc(a);
        visit(world, p);
    }
}

// The smallest value whose cumulative probability reaches q, and how far the distribution's
// steps lie from q (a sample quantile settles on the exact one only away from a step at q).
std::pair<double, double> exact_quantile(const std::map<double, double>& distribution, double q) {
    double cumulative = 0;
    for (const auto& [value, p] : distribution) {
        const double before = cumulative;
        cumulative += p;
        if (cumulative >= q) return {value, std::min(q - before, cumulative - q)};
    }
    return {distribution.rbegin()->first, 0};
}

} // namespace

TEST_CASE("a quantile interpolates between order statistics as numpy does", "[analysis][uncertainty]") {
    const std::vector<double> x{1, 2, 3, 4};
    CHECK(quantile(x, 0.5) == Approx(2.5));
    CHECK(quantile(x, 0.05) == Approx(1.15));
    CHECK(quantile(x, 0.95) == Approx(3.85));
    CHECK(quantile({7}, 0.3) == 7);
    CHECK(std::isnan(quantile({}, 0.5)));
}

TEST_CASE("a world is the same for the same seed and index, and keeps each relation as often as its confidence says",
          "[analysis][uncertainty]") {
    const auto g = network({{"a", "b", 0.25}, {"b", "c", 1.0}, {"c", "d", 0.8}, {"d", "a", 0.5}});
    const GraphSnapshot s(g);
    const View view(s);
    const auto arcs_of = [&](const View& w) {
        std::vector<int> on;
        for (std::size_t a = 0; a < s.arc_count(); ++a) on.push_back(w.arc_active(a));
        return on;
    };
    CHECK(arcs_of(sample_world(view, 7, 3)) == arcs_of(sample_world(view, 7, 3)));
    std::vector<double> kept(4, 0);
    constexpr std::size_t kWorlds = 20000;
    for (std::size_t w = 0; w < kWorlds; ++w) {
        const auto world = sample_world(view, 7, w);
        for (std::size_t a = 0; a < s.arc_count(); ++a) kept[s.out_relation(a)] += world.arc_active(a);
    }
    for (RelationIndex r = 0; r < 4; ++r) {
        const double c = s.relation_confidence(r);
        INFO("relation " << r << " confidence " << c);
        // Four standard deviations of a binomial share.
        CHECK(std::abs(kept[r] / kWorlds - c) <= 4 * std::sqrt(c * (1 - c) / kWorlds) + 1e-12);
    }
    CHECK(kept[1] == kWorlds); // confidence 1: in every world
    CHECK(has_uncertain_relations(view));
    const auto certain = network({{"a", "b"}, {"b", "c"}});
    const GraphSnapshot cs(certain);
    CHECK_FALSE(has_uncertain_relations(View(cs)));
}

TEST_CASE("the worlds do not depend on the number of threads", "[analysis][uncertainty]") {
    const auto g = network({{"a", "b", 0.6}, {"b", "c", 0.7}, {"c", "d", 0.4}, {"a", "c", 0.5}, {"b", "d", 0.9}});
    const GraphSnapshot s(g);
    const View view(s);
    WorldOptions one;
    one.worlds = 500;
    one.threads = 1;
    WorldOptions four = one;
    four.threads = 4;
    const auto score = [](const View& w) { return betweenness_centrality(w, {true, false, 0, 0, 1, {}}); };
    const auto a = score_spread(view, score, 2, one), b = score_spread(view, score, 2, four);
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        CHECK(a[v].median == b[v].median);
        CHECK(a[v].low == b[v].low);
        CHECK(a[v].high == b[v].high);
        CHECK(a[v].top_share == b[v].top_share);
    }
}

TEST_CASE("the spread of degree centrality over sampled worlds matches the exact distribution over every world",
          "[analysis][uncertainty]") {
    // Six relations: 64 worlds, each with its exact probability.
    const auto g = network({{"a", "b", 0.9}, {"a", "c", 0.35}, {"a", "d", 0.6}, {"b", "c", 0.75}, {"c", "d", 0.2}, {"d", "e", 0.55}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    constexpr std::size_t kTop = 2;
    std::vector<std::map<double, double>> distribution(view.vertex_count());
    std::vector<double> top_probability(view.vertex_count(), 0);
    for_every_world(view, [&](const View& world, double p) {
        const auto scores = degree_centrality(world, DegreeKind::total);
        for (Vertex32 v = 0; v < world.vertex_count(); ++v) {
            distribution[v][scores[v]] += p;
            const auto higher = std::count_if(scores.begin(), scores.end(), [&](double x) { return x > scores[v]; });
            if (static_cast<std::size_t>(higher) < kTop) top_probability[v] += p;
        }
    });
    WorldOptions options;
    options.worlds = 20000;
    options.seed = 11;
    const auto spread = score_spread(
        view, [](const View& w) { return degree_centrality(w, DegreeKind::total); }, kTop, options);
    std::size_t quantiles_checked = 0;
    for (Vertex32 v = 0; v < view.vertex_count(); ++v) {
        INFO("vertex " << g.entity(v).id());
        CHECK(spread[v].worlds == options.worlds);
        CHECK(std::abs(spread[v].top_share - top_probability[v]) < 0.015);
        for (const auto& [q, sampled] : {std::pair<double, double>{0.5, spread[v].median}, {0.05, spread[v].low}, {0.95, spread[v].high}}) {
            const auto [exact, margin] = exact_quantile(distribution[v], q);
            if (margin < 0.02) continue; // a step of the distribution sits at q: either neighbour is right
            INFO("quantile " << q);
            CHECK(sampled == Approx(exact));
            ++quantiles_checked;
        }
    }
    CHECK(quantiles_checked >= 10);
}

TEST_CASE("the share of worlds in which one entity reaches another is the exact reachability probability", "[analysis][uncertainty]") {
    // a -> b -> c (0.9, 0.5) or straight a -> c (0.3): 1 - (1 - 0.45)(1 - 0.3) = 0.615.
    const auto g = network({{"a", "b", 0.9}, {"b", "c", 0.5}, {"a", "c", 0.3}, {"c", "a", 0.8}});
    const GraphSnapshot s(g);
    const View view(s);
    WorldOptions options;
    options.worlds = 20000;
    PathOptions out, in, any;
    in.direction = Direction::in;
    any.direction = Direction::any;
    const auto forward = reachability(view, 0, 2, out, options);
    CHECK(forward.worlds == 20000);
    CHECK(forward.probability() == Approx(0.615).margin(0.012));
    CHECK(forward.low <= 0.615);
    CHECK(forward.high >= 0.615);
    // Against the arrows c reaches a only through the arcs that point into it.
    CHECK(reachability(view, 2, 0, in, options).probability() == Approx(0.615).margin(0.012));
    // Either way: any of the three routes, 1 - (1 - 0.615)(1 - 0.8) = 0.923.
    CHECK(reachability(view, 0, 2, any, options).probability() == Approx(0.923).margin(0.01));
    // Within one hop only the straight relations count: 1 - (1 - 0.3)(1 - 0.8) = 0.86 either way.
    any.max_hops = 1;
    CHECK(reachability(view, 0, 2, any, options).probability() == Approx(0.86).margin(0.01));
}

TEST_CASE("Wilson's 90% interval matches the textbook values", "[analysis][uncertainty]") {
    // 50 of 100: centre 0.5, half-width 1.6449 * sqrt(0.0025 + 0.0000676) / 1.02706 = 0.0811.
    const auto [low, high] = wilson_interval(50, 100);
    CHECK(low == Approx(0.4189).margin(2e-4));
    CHECK(high == Approx(0.5811).margin(2e-4));
    const auto [zero_low, zero_high] = wilson_interval(0, 20);
    CHECK(zero_low == 0);
    CHECK(zero_high == Approx(1.6449 * 1.6449 / (20 + 1.6449 * 1.6449)).margin(1e-4));
}
