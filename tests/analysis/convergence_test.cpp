// Brokerage roles, Burt's measures, the convergence score and the counter-network, each against
// a small graph worked out by hand.
#include "analysis/convergence.hpp"
#include "analysis/counter_network.hpp"
#include "analysis/graph_fixtures.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace tg;
using namespace tg::test;

namespace {
Vertex32 v(const KnowledgeGraph& g, const std::string& id) { return static_cast<Vertex32>(*g.find(id)); }
std::string id(const KnowledgeGraph& g, Vertex32 x) { return std::string(g.entity(x).id()); }

// Groups from the first letter of each id: p..u and v in A, B or C by the table below.
std::vector<std::uint32_t> groups(const KnowledgeGraph& g, const std::map<std::string, std::uint32_t>& of) {
    std::vector<std::uint32_t> out(g.entity_count(), kNoGroup);
    for (const auto& [name, group] : of) out[v(g, name)] = group;
    return out;
}

// A small threat world: two terrorist groups, a gang, a cartel, what they do, and the states and
// agencies against them.
KnowledgeGraph threat_world() {
    Ontology o;
    for (const auto& [kind, parent] : std::vector<std::pair<std::string, std::string>>{{"state", ""},
                                                                                       {"organization", ""},
                                                                                       {"government_agency", "organization"},
                                                                                       {"initiative", ""},
                                                                                       {"threat_actor", ""},
                                                                                       {"terrorist_group", "threat_actor"},
                                                                                       {"gang", "threat_actor"},
                                                                                       {"cartel", "threat_actor"},
                                                                                       {"illicit_activity", ""},
                                                                                       {"route", ""},
                                                                                       {"commodity", ""}})
        o.add_kind({kind, kind, parent, "box", "#000000"});
    for (const auto& d : {"terrorism", "organized_crime", "gang", "state_sponsor"}) o.add_domain({d, d});
    o.add_relation_type({"counters", "counters", {"*"}, {"*"}, false, "solid", ""});
    o.add_relation_type({"cooperates_with", "cooperates with", {"*"}, {"*"}, true, "solid", ""});
    o.add_relation_type({"engages_in", "engages in", {"*"}, {"*"}, false, "solid", ""});
    o.add_relation_type({"allied_with", "allied with", {"*"}, {"*"}, true, "solid", ""});
    KnowledgeGraph g(std::move(o), {}, true);
    const auto entity = [&](const std::string& name, const std::string& kind, std::vector<std::string> domains = {}) {
        Entity e;
        e.id = e.name = name;
        e.kind = kind;
        e.domains = std::move(domains);
        g.add_entity(e);
    };
    entity("hezbollah", "terrorist_group", {"terrorism", "organized_crime"});
    entity("isis", "terrorist_group", {"terrorism"});
    entity("ms13", "gang", {"gang", "organized_crime"});
    entity("sinaloa", "cartel", {"organized_crime"});
    entity("drugs", "illicit_activity");
    entity("laundering", "illicit_activity");
    entity("pacific_route", "route");
    entity("honduras", "state");
    entity("sponsor_state", "state", {"state_sponsor"});
    entity("far_state", "state");
    entity("fusina", "government_agency");
    entity("dea", "government_agency");
    entity("lone_unit", "government_agency");
    int n = 0;
    const auto relation = [&](const std::string& from, const std::string& type, const std::string& to) {
        Relation r;
        r.id = "r" + std::to_string(n++);
        r.source = from, r.type = type, r.target = to, r.confidence = 1;
        g.add_relation(r);
    };
    relation("hezbollah", "engages_in", "drugs");
    relation("sinaloa", "engages_in", "drugs");
    relation("hezbollah", "engages_in", "laundering");
    relation("ms13", "engages_in", "laundering");
    relation("isis", "allied_with", "hezbollah");
    relation("honduras", "cooperates_with", "fusina");
    relation("fusina", "counters", "ms13");
    relation("dea", "counters", "sinaloa");
    relation("dea", "counters", "drugs");
    relation("lone_unit", "counters", "ms13");
    relation("sponsor_state", "counters", "isis");
    relation("far_state", "allied_with", "honduras"); // not a cooperative type here
    return g;
}
} // namespace

TEST_CASE("each brokerage role is counted for the triad that defines it", "[analysis]") {
    const auto g = network({{"p1", "p2"},
                            {"p2", "p3"}, // coordinator p2
                            {"q1", "q2"},
                            {"q2", "q3"}, // itinerant q2
                            {"r1", "r2"},
                            {"r2", "r3"}, // representative r2
                            {"s1", "s2"},
                            {"s2", "s3"}, // gatekeeper s2
                            {"t1", "t2"},
                            {"t2", "t3"}, // liaison t2
                            {"u1", "x"},
                            {"x", "u2"}, // ungrouped x joins two groups: liaison
                            {"v1", "v2"},
                            {"v2", "v3"},
                            {"v1", "v3"}, // closed triad: no broker
                            {"w1", "w2"},
                            {"w2", "w1"}}); // a tie back to where it came from
    const auto group = groups(g, {{"p1", 0}, {"p2", 0}, {"p3", 0}, {"q1", 0}, {"q2", 1}, {"q3", 0}, {"r1", 0}, {"r2", 0},
                                  {"r3", 1}, {"s1", 0}, {"s2", 1}, {"s3", 1}, {"t1", 0}, {"t2", 1}, {"t3", 2}, {"u1", 0},
                                  {"u2", 1}, {"v1", 0}, {"v2", 1}, {"v3", 2}, {"w1", 0}, {"w2", 1}});
    const GraphSnapshot s(g);
    const auto roles = brokerage_roles(View(s), group);
    CHECK(roles[v(g, "p2")].coordinator == 1);
    CHECK(roles[v(g, "q2")].itinerant == 1);
    CHECK(roles[v(g, "r2")].representative == 1);
    CHECK(roles[v(g, "s2")].gatekeeper == 1);
    CHECK(roles[v(g, "t2")].liaison == 1);
    CHECK(roles[v(g, "x")].liaison == 1);
    for (const auto& broker : {"p2", "q2", "r2", "s2", "t2", "x"}) CHECK(roles[v(g, broker)].total() == 1);
    for (const auto& other : {"v1", "v2", "v3", "w1", "w2", "p1", "p3"}) CHECK(roles[v(g, other)].total() == 0);
}

TEST_CASE("read without direction an open triad counts once each way", "[analysis]") {
    const auto g = network({{"r1", "r2"}, {"r2", "r3"}});
    const auto group = groups(g, {{"r1", 0}, {"r2", 0}, {"r3", 1}});
    const GraphSnapshot s(g);
    const auto roles = brokerage_roles(View(s, {}, {}, false), group);
    // r1 -> r2 -> r3 makes r2 a representative; r3 -> r2 -> r1 a gatekeeper.
    CHECK(roles[v(g, "r2")].representative == 1);
    CHECK(roles[v(g, "r2")].gatekeeper == 1);
    CHECK(roles[v(g, "r2")].total() == 2);
}

TEST_CASE("Burt's constraint and effective size of a star and a triangle match a hand count", "[analysis]") {
    const auto g = network({{"hub", "a"}, {"hub", "b"}, {"hub", "c"}, {"x", "y"}, {"y", "z"}, {"z", "x"}}, true, {"alone"});
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto constraint = burt_constraint(view);
    const auto size = effective_size(view);
    CHECK(constraint[v(g, "hub")] == Approx(1.0 / 3)); // three unconnected contacts, 1/3 each
    CHECK(constraint[v(g, "a")] == Approx(1.0));
    CHECK(constraint[v(g, "x")] == Approx(2 * 0.75 * 0.75)); // (1/2 + 1/2 * 1/2)^2 per contact
    CHECK(size[v(g, "hub")] == Approx(3.0));
    CHECK(size[v(g, "x")] == Approx(1.0)); // 2 - 2 * 1 / 2
    CHECK(std::isnan(constraint[v(g, "alone")]));
    CHECK(std::isnan(size[v(g, "alone")]));
}

TEST_CASE("the convergence score is the share of cross-group shortest paths through a node", "[analysis]") {
    // a2 - a1 - x - b1, with a1 and a2 in one group and b1 in another.
    const auto g = network({{"a2", "a1"}, {"a1", "x"}, {"x", "b1"}, {"b1", "b2"}, {"b2", "y"}, {"y", "b1"}}, true);
    const auto group = groups(g, {{"a1", 0}, {"a2", 0}, {"b1", 1}, {"b2", 1}});
    const GraphSnapshot s(g);
    const auto score = cross_group_paths(View(s, {}, {}, false), group).through;
    // Four cross pairs: a1-b1, a1-b2, a2-b1, a2-b2. x is on all, a1 on the two from a2, b1 on the
    // two to b2 (b1-b2 is direct; the path a-b2 through y is longer).
    CHECK(score[v(g, "x")] == Approx(1.0));
    CHECK(score[v(g, "a1")] == Approx(0.5));
    CHECK(score[v(g, "b1")] == Approx(0.5));
    CHECK(score[v(g, "y")] == Approx(0.0));
}

TEST_CASE("the nexus holds only the ties on shortest paths between groups", "[analysis]") {
    // a0 and a3 (one group) each tie to b1 (another) directly; their detour through r is longer.
    const auto g = network({{"a0", "b1"}, {"a3", "b1"}, {"a0", "r"}, {"r", "a3"}}, true);
    const auto group = groups(g, {{"a0", 0}, {"a3", 0}, {"b1", 1}});
    const GraphSnapshot s(g);
    const auto paths = cross_group_paths(View(s, {}, {}, false), group);
    std::vector<std::string> nexus;
    for (auto r : paths.relations) nexus.push_back(g.relation(r).id());
    CHECK(nexus == std::vector<std::string>{"r0", "r1"});
    CHECK(paths.through[v(g, "r")] == 0.0);
}

TEST_CASE("convergence groups actors by their first domain and finds the nexus", "[analysis]") {
    const auto g = threat_world();
    const GraphSnapshot s(g);
    const View view(s, {}, {}, false);
    const auto c = analyze_convergence(view, {"terrorism", "organized_crime", "gang"});
    REQUIRE(c.domains.size() == 3);
    CHECK(c.members[0] == 2);  // terrorism: hezbollah, isis
    CHECK(c.members[1] == 1);  // organized crime: sinaloa (ms13 lists gang first)
    CHECK(c.members[2] == 1);  // gang: ms13
    CHECK(c.cross_pairs == 5); // 4 actors, one same-group pair
    // Of the five cross pairs, drugs joins three (hezbollah-sinaloa, isis-sinaloa, sinaloa-ms13),
    // laundering three, and hezbollah three (every pair from isis, and sinaloa-ms13). The tie goes
    // to brokerage roles: drugs and laundering are liaisons both ways; hezbollah brokers none (isis
    // is its only grouped neighbour).
    REQUIRE(c.nodes.size() >= 3);
    CHECK(id(g, c.nodes[0].vertex) == "drugs");
    CHECK(c.nodes[0].roles.liaison == 2);
    CHECK(id(g, c.nodes[1].vertex) == "laundering");
    CHECK(id(g, c.nodes[2].vertex) == "hezbollah");
    for (std::size_t i = 0; i < 3; ++i) CHECK(c.nodes[i].score == Approx(0.6));
    CHECK(c.nodes[3].score == Approx(0.0));
    // Nexus: hezbollah-drugs-sinaloa, hezbollah-laundering-ms13 and the alliance that carries
    // isis's paths; not the agencies' ties (sinaloa-dea-drugs is longer than sinaloa-drugs).
    std::vector<std::string> nexus;
    for (auto r : c.nexus) nexus.push_back(g.relation(r).id());
    CHECK(nexus == std::vector<std::string>{"r0", "r1", "r2", "r3", "r4"});
    CHECK_THROWS_WITH(analyze_convergence(view, {"terrorism", "gang", "insurgency"}), Catch::Contains("unknown threat domain"));
    CHECK_THROWS_AS(analyze_convergence(view, {"terrorism"}), DataError);
    // With every domain, the state sponsor is a group of its own.
    CHECK(analyze_convergence(view, {}).cross_pairs == 9);
}

TEST_CASE("the counter-network shows its silos and what nobody counters", "[analysis]") {
    const auto g = threat_world();
    const GraphSnapshot s(g);
    const auto c = analyze_counter_network(s);
    std::vector<std::string> members, isolated, uncovered;
    for (auto x : c.members) members.push_back(id(g, x));
    for (auto x : c.isolated) isolated.push_back(id(g, x));
    // Not the state sponsor, nor far_state, which counters nothing and cooperates with nobody.
    CHECK(members == std::vector<std::string>{"honduras", "fusina", "dea", "lone_unit"});
    CHECK(isolated == std::vector<std::string>{"dea", "lone_unit"});
    CHECK(c.components.size() == 3);
    for (const auto& cover : c.coverage)
        if (cover.countered_by.empty()) uncovered.push_back(id(g, cover.target));
    CHECK(uncovered == std::vector<std::string>{"hezbollah", "isis", "laundering", "pacific_route"});
    for (const auto& cover : c.coverage)
        if (id(g, cover.target) == "ms13") CHECK(cover.countered_by.size() == 2);
    // The coalition: 4 nodes, one tie; the threat network: 7 nodes (actors, activities, the route), 5 ties.
    CHECK(c.coalition.nodes == 4);
    CHECK(c.coalition.ties == 1);
    CHECK(c.coalition.fragmentation == Approx(1 - 2.0 / 12));
    CHECK(c.threat.nodes == 7);
    CHECK(c.threat.ties == 5);
    CHECK(c.threat.largest_component == 6);
    // Degrees in the threat network: hezbollah 3, drugs 2, laundering 2, others 1 or 0 (the route).
    // Freeman: sum(3 - d) = 0 + 1 + 1 + 2 + 2 + 2 + 3 = 11 over (6 * 5).
    CHECK(c.threat.centralization == Approx(11.0 / 30));
}
