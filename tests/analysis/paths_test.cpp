#include "analysis/paths.hpp"

#include "analysis/graph_fixtures.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace tg;
using namespace tg::test;

namespace {
std::vector<std::string> ids(const KnowledgeGraph& g, const Path& p) {
    std::vector<std::string> out;
    for (auto v : p.vertices) out.emplace_back(g.entity(v).id());
    return out;
}
Vertex32 at(const KnowledgeGraph& g, const std::string& id) { return static_cast<Vertex32>(*g.find(id)); }
} // namespace

TEST_CASE("the most credible chain beats the shortest one under the default cost", "[analysis]") {
    // a -> b -> c (0.9 each: chain 0.81) against a -> c (0.5).
    const auto g = network({{"a", "b", 0.9}, {"b", "c", 0.9}, {"a", "c", 0.5}});
    const GraphSnapshot s(g);
    const View by_confidence(s, {}, WeightSpec::parse("confidence"));
    const auto best = shortest_paths(by_confidence, at(g, "a"), at(g, "c"), {});
    REQUIRE(best.size() == 1);
    CHECK(ids(g, best[0]) == std::vector<std::string>{"a", "b", "c"});
    CHECK(std::exp(-best[0].cost) == Approx(0.81).epsilon(1e-12));
    const View by_hops(s);
    CHECK(ids(g, shortest_paths(by_hops, at(g, "a"), at(g, "c"), {})[0]) == std::vector<std::string>{"a", "c"});
}

TEST_CASE("Yen lists the k shortest simple paths in order of cost", "[analysis]") {
    // Costs by hand: a-b-d 1+1 = 2, a-c-d 1+2 = 3, a-b-c-d 1+1+2 = 4.
    const auto g = network({{"a", "b", 1, "tie", "", "", 1},
                            {"b", "d", 1, "tie", "", "", 1},
                            {"a", "c", 1, "tie", "", "", 1},
                            {"c", "d", 1, "tie", "", "", 2},
                            {"b", "c", 1, "tie", "", "", 1}});
    const GraphSnapshot s(g);
    const View view(s, {}, WeightSpec::parse("weight"));
    const auto paths = shortest_paths(view, at(g, "a"), at(g, "d"), {}, 5);
    REQUIRE(paths.size() == 3);
    CHECK(ids(g, paths[0]) == std::vector<std::string>{"a", "b", "d"});
    CHECK(paths[0].cost == 2);
    CHECK(ids(g, paths[1]) == std::vector<std::string>{"a", "c", "d"});
    CHECK(paths[1].cost == 3);
    CHECK(ids(g, paths[2]) == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(paths[2].cost == 4);
}

TEST_CASE("a hop limit finds the cheapest path within it even when a longer one is cheaper", "[analysis]") {
    // a-b-c-d costs 3 in 3 hops; a-d costs 10 in 1 hop. With at most 2 hops only a-d remains.
    const auto g = network({{"a", "b", 1, "tie", "", "", 1},
                            {"b", "c", 1, "tie", "", "", 1},
                            {"c", "d", 1, "tie", "", "", 1},
                            {"a", "d", 1, "tie", "", "", 10}});
    const GraphSnapshot s(g);
    const View view(s, {}, WeightSpec::parse("weight"));
    PathOptions options;
    CHECK(shortest_paths(view, at(g, "a"), at(g, "d"), options)[0].cost == 3);
    options.max_hops = 2;
    const auto limited = shortest_paths(view, at(g, "a"), at(g, "d"), options);
    REQUIRE(limited.size() == 1);
    CHECK(ids(g, limited[0]) == std::vector<std::string>{"a", "d"});
}

TEST_CASE("direction decides whether arrows may be walked backwards", "[analysis]") {
    const auto g = network({{"a", "b"}, {"c", "b"}});
    const GraphSnapshot s(g);
    const View view(s);
    PathOptions options;
    CHECK(shortest_paths(view, at(g, "a"), at(g, "c"), options).empty());
    options.direction = Direction::any;
    const auto p = shortest_paths(view, at(g, "a"), at(g, "c"), options);
    REQUIRE(p.size() == 1);
    CHECK(p[0].hops[0].along);
    CHECK_FALSE(p[0].hops[1].along);
    options.direction = Direction::in;
    CHECK(shortest_paths(view, at(g, "b"), at(g, "a"), options).size() == 1);
}

TEST_CASE("a symmetric relation stored once is walked both ways", "[analysis]") {
    const auto g = network({{"a", "b", 1, "border"}, {"b", "c"}});
    const GraphSnapshot s(g);
    const View view(s);
    const auto p = shortest_paths(view, at(g, "b"), at(g, "a"), {});
    REQUIRE(p.size() == 1);
    CHECK(g.relation(p[0].hops[0].relation).type() == "border");
}

TEST_CASE("intermediates can be limited to some kinds while the ends are free", "[analysis]") {
    const auto g = network({{"a", "b"}, {"b", "d"}, {"a", "hub1"}, {"hub1", "c"}, {"c", "d"}});
    const GraphSnapshot s(g);
    const View view(s);
    PathOptions options;
    options.through_kinds = {"hub"};
    // Only hubs may be passed: a-b-d (b is a node) is closed; a-hub1-c-d passes c, a node: closed too.
    CHECK(shortest_paths(view, at(g, "a"), at(g, "d"), options).empty());
    CHECK(shortest_paths(view, at(g, "a"), at(g, "c"), options).size() == 1);
}

TEST_CASE("parallel relations are reported on the hop they share", "[analysis]") {
    const auto g = network({{"a", "b", 0.9, "tie"}, {"a", "b", 0.6, "link"}});
    const GraphSnapshot s(g);
    const View view(s, {}, WeightSpec::parse("confidence"));
    const auto p = shortest_paths(view, at(g, "a"), at(g, "b"), {});
    REQUIRE(p.size() == 1);
    CHECK(g.relation(p[0].hops[0].relation).type() == "tie");
    REQUIRE(p[0].hops[0].parallel.size() == 1);
    CHECK(g.relation(p[0].hops[0].parallel[0]).type() == "link");
}

TEST_CASE("all simple paths respect the hop limit and stop at the cap with a notice", "[analysis]") {
    // A complete digraph on 6 nodes: from a to f there are 1 + 4 + 12 paths of 1, 2 and 3 hops.
    std::vector<std::string> names{"a", "b", "c", "d", "e", "f"};
    KnowledgeGraph g(Ontology::plain_network(false));
    for (const auto& n : names) {
        Entity e;
        e.id = e.name = n, e.kind = "node";
        g.add_entity(e);
    }
    int k = 0;
    for (const auto& x : names)
        for (const auto& y : names)
            if (x != y) {
                Relation r;
                r.id = "r" + std::to_string(k++), r.source = x, r.target = y, r.type = "tie";
                g.add_relation(r);
            }
    const GraphSnapshot s(g);
    const View view(s);
    PathOptions options;
    options.max_hops = 3;
    const auto all = all_simple_paths(view, 0, 5, options, 1000);
    CHECK(all.paths.size() == 17);
    CHECK_FALSE(all.truncated);
    const auto capped = all_simple_paths(view, 0, 5, options, 5);
    CHECK(capped.paths.size() == 5);
    CHECK(capped.truncated);
    options.max_hops = 0;
    CHECK_THROWS_AS(all_simple_paths(view, 0, 5, options, 10), DataError);
}

TEST_CASE("filters hide relations by type and confidence and period", "[analysis]") {
    const auto g = network({{"a", "b", 0.9, "tie", "2010", "2015"}, {"b", "c", 0.4, "link"}, {"a", "c", 0.9, "link", "2016"}});
    const GraphSnapshot s(g);
    ViewFilter f;
    f.as_of = "2014";
    const View in_2014(s, f);
    CHECK(shortest_paths(in_2014, at(g, "a"), at(g, "c"), {})[0].hops.size() == 2);
    f.min_confidence = 0.5;
    const View confident(s, f);
    CHECK(shortest_paths(confident, at(g, "a"), at(g, "c"), {}).empty());
    ViewFilter types;
    types.relation_types = {"tie"};
    CHECK(shortest_paths(View(s, types), at(g, "a"), at(g, "b"), {}).size() == 1);
    ViewFilter bad;
    bad.relation_types = {"tye"};
    CHECK_THROWS_WITH(View(s, bad), "unknown relation type \"tye\"");
}

TEST_CASE("negative weights are refused before any path is searched", "[analysis]") {
    const auto g = network({{"a", "b", 1, "tie", "", "", -2}});
    const GraphSnapshot s(g);
    const View view(s, {}, WeightSpec::parse("weight"));
    CHECK_THROWS_WITH(shortest_paths(view, 0, 1, {}), "relation \"r0\" has attribute \"weight\" -2: path weights must not be negative");
    CHECK_THROWS_AS(shortest_paths(View(s), 0, 1, {}, 0), DataError);
}

TEST_CASE("the connecting network joins a set through the shortest paths between its members", "[analysis]") {
    const auto g = network({{"a", "x"}, {"x", "b"}, {"b", "y"}, {"y", "c"}, {"a", "z"}, {"z", "w"}, {"w", "b"}});
    const GraphSnapshot s(g);
    const View view(s);
    PathOptions options;
    options.direction = Direction::any;
    const auto net = connecting_network(view, {at(g, "a"), at(g, "c")}, options);
    std::vector<std::string> names;
    for (auto v : net.vertices) names.emplace_back(g.entity(v).id());
    CHECK(names == std::vector<std::string>{"a", "b", "c", "x", "y"});
    CHECK(net.relations.size() == 4);
}

TEST_CASE("an ego network holds everything within the given depth", "[analysis]") {
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "d"}, {"e", "a"}});
    const GraphSnapshot s(g);
    const View view(s);
    const auto one = ego_network(view, at(g, "a"), 1, Direction::any);
    CHECK(one.vertices.size() == 3); // a, b, e
    CHECK(one.relations.size() == 2);
    const auto out_two = ego_network(view, at(g, "a"), 2, Direction::out);
    CHECK(out_two.vertices.size() == 3); // a, b, c
}

TEST_CASE("an ego network lists a symmetric relation once", "[analysis]") {
    const auto g = network({{"a", "b", 1, "border"}, {"b", "c"}});
    const GraphSnapshot s(g);
    const auto ego = ego_network(View(s), at(g, "b"), 1, Direction::any);
    CHECK(ego.vertices.size() == 3);
    CHECK(ego.relations == std::vector<RelationIndex>{0, 1});
}

TEST_CASE("hop distances follow the direction asked and stop at the depth limit", "[analysis]") {
    // a -> b -> c -> d, e -> a, and f on its own.
    const auto g = network({{"a", "b"}, {"b", "c"}, {"c", "d"}, {"e", "a"}}, false, {"f"});
    const GraphSnapshot s(g);
    const View view(s);
    const auto hops = [&](Direction d, std::uint32_t limit) {
        const auto level = hop_distances(view, at(g, "a"), d, limit);
        std::vector<std::uint32_t> out;
        for (const char* id : {"a", "b", "c", "d", "e", "f"}) out.push_back(level[at(g, id)]);
        return out;
    };
    const auto x = kUnreached;
    CHECK(hops(Direction::out, x) == std::vector<std::uint32_t>{0, 1, 2, 3, x, x});
    CHECK(hops(Direction::in, x) == std::vector<std::uint32_t>{0, x, x, x, 1, x});
    CHECK(hops(Direction::any, x) == std::vector<std::uint32_t>{0, 1, 2, 3, 1, x});
    CHECK(hops(Direction::any, 2) == std::vector<std::uint32_t>{0, 1, 2, x, 1, x});
    const auto from_nowhere = hop_distances(view, 99, Direction::any);
    CHECK(std::count(from_nowhere.begin(), from_nowhere.end(), x) == 6);
}
