// Lenses on the proceedings: a threat question is not answered through the network set against
// the threat, and the counter lens keeps only the coalition's relations.
#include "analysis/convergence.hpp"
#include "analysis/counter_network.hpp"
#include "analysis/lens.hpp"
#include "analysis/paths.hpp"
#include "core/error.hpp"
#include "io/graph_data_loader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace tg;

namespace {

const std::set<std::string> kCounterTypes{"counters", "monitors", "protects", "cooperates_with", "supports",  "participates_in",
                                          "leads",    "adopts",   "verifies", "hosts",           "member_of", "funds"};

View lens_view(const GraphSnapshot& s, Lens lens, const WeightSpec& weight = {}) {
    ViewFilter filter;
    apply_lens(lens, s.graph().ontology(), filter);
    return View(s, filter, weight);
}

} // namespace

TEST_CASE("through the threat lens the FARC reaches Hezbollah without the counter-network's relations", "[analysis][lens]") {
    const auto g = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    const GraphSnapshot s(g);
    PathOptions options;
    options.direction = Direction::any;
    const auto farc = static_cast<Vertex32>(*g.find("farc")), hezbollah = static_cast<Vertex32>(*g.find("hezbollah"));
    // Without a lens the most credible chains include "Panama monitors Hezbollah".
    const auto all = shortest_paths(lens_view(s, Lens::all, WeightSpec::parse("confidence")), farc, hezbollah, options, 10);
    bool through_counter = false;
    for (const auto& p : all)
        for (const auto& h : p.hops) through_counter = through_counter || kCounterTypes.count(g.relation(h.relation).type());
    CHECK(through_counter);
    const auto threat = shortest_paths(lens_view(s, Lens::threat, WeightSpec::parse("confidence")), farc, hezbollah, options, 10);
    REQUIRE(!threat.empty());
    for (const auto& p : threat)
        for (const auto& h : p.hops) {
            INFO(g.relation(h.relation).id());
            CHECK(kCounterTypes.count(g.relation(h.relation).type()) == 0);
            CHECK(g.entity(h.to).kind() != "event");
        }
}

TEST_CASE("convergence through the threat lens has no seminar among its brokers and no counter relation in its nexus", "[analysis][lens]") {
    const auto g = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    const GraphSnapshot s(g);
    const auto c = analyze_convergence(lens_view(s, Lens::threat).undirected(), {});
    for (const auto& n : c.nodes) CHECK(g.entity(n.vertex).kind() != "event");
    for (auto r : c.nexus) {
        INFO(g.relation(r).id());
        CHECK(kCounterTypes.count(g.relation(r).type()) == 0);
    }
    // Through no lens the seminar is a broker.
    const auto all = analyze_convergence(lens_view(s, Lens::all).undirected(), {});
    const auto seminar =
        std::find_if(all.nodes.begin(), all.nodes.end(), [&](const ConvergenceNode& n) { return g.entity(n.vertex).kind() == "event"; });
    REQUIRE(seminar != all.nodes.end());
    CHECK(seminar->score > 0);
}

TEST_CASE("the counter lens keeps only the coalition's relations and where it acts", "[analysis][lens]") {
    const auto g = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    const GraphSnapshot s(g);
    const View view = lens_view(s, Lens::counter);
    std::set<std::string> allowed = kCounterTypes;
    for (const auto& t : cooperative_types()) allowed.insert(t);
    const auto relations = relations_in(view);
    CHECK(relations.size() > 50);
    for (auto r : relations) CHECK(allowed.count(g.relation(r).type()) == 1);
    for (auto v : view.active_vertices()) CHECK(g.entity(v).kind() != "event");
    CHECK_THROWS_AS(parse_lens("treat"), UsageError);
}
