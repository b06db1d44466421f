#include "analysis/summary.hpp"

#include <catch2/catch.hpp>

using namespace tg;

namespace {
KnowledgeGraph path_and_pair(bool undirected) {
    // a - b - c   d - e   f (isolate): 6 nodes, 3 ties
    KnowledgeGraph g(Ontology::plain_network(undirected), {}, !undirected);
    for (const char* id : {"a", "b", "c", "d", "e", "f"}) {
        Entity e;
        e.id = id, e.kind = "node", e.name = id;
        g.add_entity(e);
    }
    int n = 0;
    for (auto [x, y] : {std::pair{"a", "b"}, {"b", "c"}, {"d", "e"}}) {
        Relation r;
        r.id = "r" + std::to_string(n++), r.source = x, r.type = "tie", r.target = y;
        g.add_relation(r);
    }
    return g;
}
} // namespace

TEST_CASE("components and isolates and density of a small graph match a hand count", "[analysis]") {
    const auto directed = summarize(path_and_pair(false));
    CHECK(directed.entities == 6);
    CHECK(directed.relations == 3);
    CHECK(directed.components == 3);
    CHECK(directed.largest_component == 3);
    CHECK(directed.isolates == 1);
    // NetworkX: density = m / (n (n - 1)) = 3 / 30 directed, twice that undirected.
    CHECK(directed.density == Approx(0.1).epsilon(1e-12));
    CHECK(summarize(path_and_pair(true)).density == Approx(0.2).epsilon(1e-12));
    CHECK(directed.by_kind == std::vector<std::pair<std::string, std::size_t>>{{"node", 6}});
}

TEST_CASE("an empty graph has zero density and no components", "[analysis]") {
    KnowledgeGraph g(Ontology::plain_network(false));
    const auto s = summarize(g);
    CHECK(s.entities == 0);
    CHECK(s.components == 0);
    CHECK(s.density == 0);
}
