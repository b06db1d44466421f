// Fragmentation, key players and disruption checked against hand-computed small graphs, and the
// key-player search against brute force over every set.
#include "analysis/cohesion.hpp"
#include "analysis/disruption.hpp"
#include "analysis/graph_fixtures.hpp"
#include "analysis/keyplayers.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace tg;
using namespace tg::test;

namespace {
// Two triangles (a b c) and (d e f) joined by the bridge c-d.
KnowledgeGraph two_triangles() {
    return network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"f", "d"}}, true);
}
Vertex32 v(const KnowledgeGraph& g, const std::string& id) { return static_cast<Vertex32>(*g.find(id)); }
std::string id(const KnowledgeGraph& g, Vertex32 x) { return std::string(g.entity(x).id()); }

// The best score over every set of k vertices, by enumeration.
double brute_force_best(const View& view, std::size_t k, KeyPlayerObjective objective, std::size_t steps = 1) {
    const auto all = view.active_vertices();
    std::vector<int> pick(all.size(), 0);
    std::fill(pick.end() - static_cast<std::ptrdiff_t>(k), pick.end(), 1);
    double best = -1;
    do {
        std::vector<Vertex32> set;
        for (std::size_t i = 0; i < all.size(); ++i)
            if (pick[i]) set.push_back(all[i]);
        best = std::max(best, key_player_score(view, set, objective, steps));
    } while (std::next_permutation(pick.begin(), pick.end()));
    return best;
}
} // namespace

TEST_CASE("a connected network has fragmentation 0 and the efficiency a hand count gives", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto c = measure_cohesion(view);
    CHECK(c.nodes == 6);
    CHECK(c.components == 1);
    CHECK(c.largest_component == 6);
    CHECK(c.fragmentation == Approx(0.0));
    // Unordered pairs: 7 at distance 1, 4 at 2 and 4 at 3; efficiency averages 1/d over 30 ordered pairs.
    CHECK(c.efficiency == Approx(2 * (7 + 4 / 2.0 + 4 / 3.0) / 30));
    CHECK(distance_fragmentation(view) == Approx(1 - c.efficiency));
}

TEST_CASE("removing the end of a bridge leaves the fragmentation Borgatti's formula gives", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    View view(s, {}, {}, false);
    view.deactivate_vertex(v(g, "c"));
    // Components {a, b} and {d, e, f} of 5 nodes: F = 1 - (2 + 6) / 20.
    CHECK(fragmentation(view) == Approx(0.6));
    CHECK(global_efficiency(view) == Approx(8.0 / 20));
    view.reactivate_vertex(v(g, "c"));
    CHECK(fragmentation(view) == Approx(0.0));
}

TEST_CASE("a network with fewer than two nodes counts as wholly fragmented", "[analysis]") {
    const auto g = network({{"a", "b"}}, true);
    const GraphSnapshot s(g);
    View view(s, {}, {}, false);
    view.deactivate_vertex(v(g, "a"));
    CHECK(fragmentation(view) == 1.0);
    CHECK(global_efficiency(view) == 0.0);
}

TEST_CASE("the distance-weighted fragmentation of a three-node path is one sixth", "[analysis]") {
    const auto g = network({{"a", "b"}, {"b", "c"}}, true);
    const GraphSnapshot s(g);
    // Ordered pairs: four at distance 1 and two at distance 2, so efficiency (4 + 1) / 6.
    CHECK(distance_fragmentation(View(s, {}, {}, false)) == Approx(1.0 / 6));
}

TEST_CASE("the hub of a star is the key player for fragmentation and for reach", "[analysis]") {
    const auto g = network({{"hub", "b"}, {"hub", "c"}, {"hub", "d"}, {"hub", "e"}, {"hub", "f"}}, true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    KeyPlayerOptions options;
    options.k = 1;
    const auto neg = key_players(view, options);
    REQUIRE(neg.members.size() == 1);
    CHECK(id(g, neg.members[0].vertex) == "hub");
    CHECK(neg.score == Approx(1.0)); // five isolates: no pair can meet
    CHECK(neg.members[0].contribution == Approx(1.0));
    options.objective = KeyPlayerObjective::reach;
    const auto pos = key_players(view, options);
    CHECK(id(g, pos.members[0].vertex) == "hub");
    CHECK(pos.score == Approx(1.0));
}

TEST_CASE("a member's contribution is the score lost when it is put back", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    KeyPlayerOptions options;
    options.k = 2;
    const auto set = key_players(view, options);
    REQUIRE(set.members.size() == 2);
    CHECK(set.score == Approx(2.0 / 3)); // two pairs left of four nodes: 1 - 4 / 12
    for (std::size_t i = 0; i < 2; ++i) {
        const std::vector<Vertex32> other{set.members[1 - i].vertex};
        CHECK(set.members[i].contribution == Approx(set.score - key_player_score(view, other, KeyPlayerObjective::fragmentation)));
    }
    CHECK(set.converged);
}

TEST_CASE("greedy search with swaps and restarts finds the best set that enumeration finds", "[analysis]") {
    // A chain of small clusters with a pendant tree: ties and local optima for a greedy first step.
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
                            {"i", "j"},
                            {"j", "k"},
                            {"j", "l"},
                            {"l", "m"},
                            {"b", "n"}},
                           true);
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    for (const auto objective : {KeyPlayerObjective::fragmentation, KeyPlayerObjective::distance_fragmentation, KeyPlayerObjective::reach})
        for (std::size_t k = 1; k <= 3; ++k)
            for (std::uint64_t seed : {0u, 7u}) {
                KeyPlayerOptions options;
                options.k = k;
                options.objective = objective;
                options.seed = seed;
                options.steps = 2;
                options.exhaustive_work = 0; // the greedy search, not enumeration
                const auto found = key_players(view, options);
                CHECK_FALSE(found.exhaustive);
                INFO(objective_name(objective) << " k=" << k << " seed=" << seed);
                CHECK(found.score == Approx(brute_force_best(view, k, objective, 2)));
                std::vector<Vertex32> members;
                for (const auto& m : found.members) members.push_back(m.vertex);
                CHECK(found.score == Approx(key_player_score(view, members, objective, 2)));
            }
}

// A random graph (G(14, 0.3), seed 5) on which greedy search with swaps from one order stops at a
// set of fragmentation 0.18 while the best set of three reaches 0.51.
KnowledgeGraph local_optimum() {
    return network({{"n0", "n7"},  {"n0", "n12"}, {"n1", "n5"},  {"n1", "n10"}, {"n1", "n12"}, {"n2", "n3"},  {"n2", "n4"},
                    {"n3", "n11"}, {"n3", "n12"}, {"n3", "n13"}, {"n4", "n7"},  {"n5", "n8"},  {"n5", "n10"}, {"n5", "n13"},
                    {"n6", "n10"}, {"n6", "n11"}, {"n6", "n12"}, {"n7", "n8"},  {"n8", "n11"}, {"n9", "n11"}, {"n9", "n13"}},
                   true);
}

TEST_CASE("every set is tried when that is cheap, which finds the best set where greedy search with swaps stops short", "[analysis]") {
    const auto g = local_optimum();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const double best = brute_force_best(view, 3, KeyPlayerObjective::fragmentation);
    CHECK(best == Approx(28.0 / 55.0)); // 0.5091: n3, n8, n12 leave components of 5, 4, 1 and 1 of 11
    KeyPlayerOptions options;
    options.k = 3;
    options.restarts = 1;
    options.exhaustive_work = 0;
    // From some orders of the candidates the greedy search stops at a much worse set.
    std::size_t short_of_best = 0;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        options.seed = seed;
        short_of_best += key_players(view, options).score < best - 0.1;
    }
    CHECK(short_of_best > 0);
    options.seed = 0;
    options.exhaustive_work = KeyPlayerOptions{}.exhaustive_work;
    const auto all = key_players(view, options);
    CHECK(all.exhaustive);
    CHECK(all.restarts == 0);
    CHECK(all.score == Approx(best));
    CHECK(all.upper_bound == all.score);
    std::vector<std::string> ids;
    for (const auto& m : all.members) ids.push_back(id(g, m.vertex));
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"n12", "n3", "n8"});
    // Every objective's enumeration agrees with brute force.
    for (const auto objective : {KeyPlayerObjective::distance_fragmentation, KeyPlayerObjective::reach}) {
        options.objective = objective;
        options.k = 2;
        const auto found = key_players(view, options);
        CHECK(found.exhaustive);
        CHECK(found.score == Approx(brute_force_best(view, 2, objective)));
    }
}

TEST_CASE("a greedy answer says how many restarts reached it and gives a bound no set beats", "[analysis]") {
    const auto g = local_optimum();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    KeyPlayerOptions options;
    options.k = 3;
    options.exhaustive_work = 0;
    for (const auto objective : {KeyPlayerObjective::fragmentation, KeyPlayerObjective::reach}) {
        options.objective = objective;
        const auto found = key_players(view, options);
        INFO(objective_name(objective));
        CHECK_FALSE(found.exhaustive);
        CHECK(found.restarts == 5);
        CHECK(found.restarts_agreeing >= 1);
        CHECK(found.restarts_agreeing <= 5);
        const double best = brute_force_best(view, 3, objective);
        CHECK(found.score <= best + 1e-12);
        CHECK(found.upper_bound >= best - 1e-12);
        CHECK(found.upper_bound <= 1.0);
    }
    // Five restarts do at least as well as the first alone.
    options.objective = KeyPlayerObjective::fragmentation;
    const auto five = key_players(view, options);
    options.restarts = 1;
    CHECK(five.score >= key_players(view, options).score);
    // No cheap bound for distance-weighted fragmentation.
    options.objective = KeyPlayerObjective::distance_fragmentation;
    CHECK(std::isnan(key_players(view, options).upper_bound));
}

TEST_CASE("the same seed gives the same key players", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    KeyPlayerOptions options;
    options.k = 1;
    options.seed = 42;
    const auto first = key_players(view, options), second = key_players(view, options);
    CHECK(first.members[0].vertex == second.members[0].vertex);
}

TEST_CASE("key players refuse a k as large as the network and a network without relations", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    KeyPlayerOptions options;
    options.k = 6;
    CHECK_THROWS_AS(key_players(view, options), DataError);
    options.k = 0;
    CHECK_THROWS_AS(key_players(view, options), UsageError);
    const auto lonely = network({}, true, {"a", "b"});
    const GraphSnapshot ls(lonely);
    options.k = 1;
    CHECK_THROWS_WITH(key_players(View(ls, {}, {}, false), options), Catch::Contains("no relations"));
}

TEST_CASE("adaptive degree removal takes the bridge ends first and reports each step", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions options;
    options.steps = 2;
    const auto d = simulate_disruption(view, options);
    CHECK(d.initial.largest_component == 6);
    REQUIRE(d.steps.size() == 2);
    // c and d tie at degree 3: c has the smaller id. Then d, e, f tie at 2.
    CHECK(id(g, d.steps[0].removed.at(0)) == "c");
    CHECK(d.steps[0].largest_component == 3);
    CHECK(d.steps[0].largest_component_fraction == Approx(0.5));
    CHECK(d.steps[0].components == 2);
    CHECK(d.steps[0].fragmentation == Approx(0.6));
    CHECK(d.steps[0].efficiency == Approx(0.4));
    CHECK(id(g, d.steps[1].removed.at(0)) == "d");
    CHECK(d.steps[1].largest_component == 2);
    CHECK(d.steps[1].fragmentation == Approx(2.0 / 3));
    CHECK(d.steps[1].efficiency == Approx(4.0 / 12));
}

TEST_CASE("adaptive betweenness removal recomputes after each step", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions options;
    options.strategy = RemovalStrategy::betweenness;
    options.steps = 2;
    const auto d = simulate_disruption(view, options);
    // c and d both lie on the six paths across: c by id. Afterwards every score is 0: a by id.
    CHECK(id(g, d.steps[0].removed.at(0)) == "c");
    CHECK(id(g, d.steps[1].removed.at(0)) == "a");
    CHECK(d.steps[1].largest_component == 3);
    CHECK(d.steps[1].fragmentation == Approx(0.5)); // b alone and d e f: 1 - 6 / 12
}

TEST_CASE("named targets are removed in the order given", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions options;
    options.strategy = RemovalStrategy::names;
    options.targets = {v(g, "e"), v(g, "c")};
    const auto d = simulate_disruption(view, options);
    REQUIRE(d.steps.size() == 2);
    CHECK(d.steps[0].largest_component == 5); // a b c d f still joined through c-d and d-f
    CHECK(d.steps[0].fragmentation == Approx(0.0));
    CHECK(d.steps[1].largest_component == 2); // {a, b} and {d, f}
    options.targets = {v(g, "e"), v(g, "e")};
    CHECK_THROWS_AS(simulate_disruption(view, options), UsageError);
}

TEST_CASE("random removal averages its seeded runs", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions options;
    options.strategy = RemovalStrategy::random;
    options.steps = 3;
    options.runs = 2;
    options.seed = 5;
    const auto averaged = simulate_disruption(view, options);
    CHECK(averaged.runs == 2);
    // Each run is the named removal of the first vertices of its shuffled order.
    std::vector<Disruption> runs;
    for (std::uint64_t seed : {5u, 6u}) {
        DisruptionOptions named;
        named.strategy = RemovalStrategy::names;
        const auto order = shuffled_vertices(view, seed);
        named.targets.assign(order.begin(), order.begin() + 3);
        runs.push_back(simulate_disruption(view, named));
    }
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(averaged.steps[i].removed.empty());
        CHECK(averaged.steps[i].largest_component == Approx((runs[0].steps[i].largest_component + runs[1].steps[i].largest_component) / 2));
        CHECK(averaged.steps[i].efficiency == Approx((runs[0].steps[i].efficiency + runs[1].steps[i].efficiency) / 2));
        CHECK(averaged.steps[i].fragmentation == Approx((runs[0].steps[i].fragmentation + runs[1].steps[i].fragmentation) / 2));
    }
}

TEST_CASE("the key-player strategy removes the key-player set", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions options;
    options.strategy = RemovalStrategy::keyplayer;
    options.steps = 2;
    const auto d = simulate_disruption(view, options);
    REQUIRE(d.steps.size() == 2);
    CHECK(d.steps[1].fragmentation == Approx(2.0 / 3));
}

TEST_CASE("disruption refuses more steps than nodes and a network without relations", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions options;
    options.steps = 7;
    CHECK_THROWS_WITH(simulate_disruption(view, options), Catch::Contains("more than the network has"));
    options.steps = 0;
    CHECK_THROWS_AS(simulate_disruption(view, options), UsageError);
    options.steps = 6;
    CHECK(simulate_disruption(view, options).steps.back().largest_component == 0);
    const auto lonely = network({}, true, {"a", "b"});
    const GraphSnapshot ls(lonely);
    options.steps = 1;
    CHECK_THROWS_AS(simulate_disruption(View(ls, {}, {}, false), options), DataError);
}

TEST_CASE("cutting ties by betweenness cuts the bridge first", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions options;
    options.unit = RemovalUnit::ties;
    options.strategy = RemovalStrategy::betweenness;
    options.steps = 2;
    const auto d = simulate_disruption(view, options);
    REQUIRE(d.steps.size() == 2);
    REQUIRE(d.steps[0].cut.size() == 1);
    CHECK(id(g, d.steps[0].cut[0].first) == "c");
    CHECK(id(g, d.steps[0].cut[0].second) == "d");
    CHECK(d.steps[0].removed.empty());
    CHECK(d.steps[0].largest_component == 3);
    CHECK(d.steps[0].fragmentation == Approx(0.6)); // six nodes in two triangles: 1 - 12 / 30
    CHECK(d.steps[0].efficiency == Approx(12.0 / 30));
    // Every remaining tie carries only its own pair: a-b has the smallest labels.
    CHECK(id(g, d.steps[1].cut[0].first) == "a");
    CHECK(id(g, d.steps[1].cut[0].second) == "b");
    CHECK(d.steps[1].efficiency == Approx(11.0 / 30)); // a-b now two hops apart
}

TEST_CASE("cutting named ties and random ties averaged over runs", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    DisruptionOptions named;
    named.unit = RemovalUnit::ties;
    named.strategy = RemovalStrategy::names;
    named.target_ties = {{v(g, "d"), v(g, "e")}, {v(g, "d"), v(g, "f")}};
    const auto d = simulate_disruption(view, named);
    REQUIRE(d.steps.size() == 2);
    CHECK(d.steps[1].largest_component == 4); // a b c d; e-f apart
    named.target_ties = {{v(g, "a"), v(g, "e")}};
    CHECK_THROWS_WITH(simulate_disruption(view, named), Catch::Contains("no relation joins"));

    DisruptionOptions random;
    random.unit = RemovalUnit::ties;
    random.strategy = RemovalStrategy::random;
    random.steps = 3;
    random.runs = 2;
    random.seed = 5;
    const auto both = simulate_disruption(view, random);
    random.runs = 1;
    const auto first = simulate_disruption(view, random);
    random.seed = 6;
    const auto second = simulate_disruption(view, random);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(both.steps[i].efficiency == Approx((first.steps[i].efficiency + second.steps[i].efficiency) / 2));
        CHECK(both.steps[i].components == Approx((first.steps[i].components + second.steps[i].components) / 2));
    }
    random.steps = 8; // seven ties
    CHECK_THROWS_WITH(simulate_disruption(view, random), Catch::Contains("7 ties"));
    random.strategy = RemovalStrategy::degree;
    random.steps = 1;
    CHECK_THROWS_AS(simulate_disruption(view, random), UsageError);
}

TEST_CASE("fragmentation after removing each vertex in one search equals removing them one by one", "[analysis]") {
    // Cut vertices, a bridge, a pendant path, a separate component and an isolate.
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
                            {"x", "y"},
                            {"y", "z"},
                            {"z", "x"},
                            {"b", "b"}},
                           true, {"lonely"});
    const GraphSnapshot s(g);
    View view(s, {}, {}, false);
    for (const bool drop_one : {false, true}) {
        if (drop_one) view.deactivate_vertex(v(g, "e")); // and again with a vertex already gone
        const auto fast = fragmentation_without_each(view);
        for (auto x : view.active_vertices()) {
            View without = view;
            without.deactivate_vertex(x);
            INFO(id(g, x) << (drop_one ? " without e" : ""));
            CHECK(fast[x] == Approx(fragmentation(without)));
        }
    }
}

TEST_CASE("sampled efficiency from every source is the exact efficiency", "[analysis]") {
    const auto g = two_triangles();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    CHECK(global_efficiency(view, 6, 3) == Approx(global_efficiency(view)));
    // Three sources: a mean over their pairs, between the smallest and largest per-source means.
    const double estimate = global_efficiency(view, 3, 3);
    CHECK(estimate > 0.5);
    CHECK(estimate < 0.8);
}
