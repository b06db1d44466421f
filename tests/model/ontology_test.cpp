#include "model/ontology.hpp"

#include <catch2/catch.hpp>

using namespace tg;

namespace {
Ontology small_ontology() {
    Ontology o;
    o.add_kind({"threat_actor", "Threat actor", "", "", ""});
    o.add_kind({"criminal_organization", "Criminal organization", "threat_actor", "", ""});
    o.add_kind({"gang", "Gang", "criminal_organization", "", ""});
    o.add_kind({"place", "Place", "", "", ""});
    o.add_kind({"state", "State", "place", "", ""});
    o.add_relation_type({"operates_in", "operates in", {"threat_actor"}, {"place"}, false, "solid", ""});
    o.add_relation_type({"related_to", "related to", {"*"}, {"*"}, true, "dotted", ""});
    return o;
}
} // namespace

TEST_CASE("a kind is a kind of each of its ancestors", "[model]") {
    const auto o = small_ontology();
    CHECK(o.is_a("gang", "gang"));
    CHECK(o.is_a("gang", "criminal_organization"));
    CHECK(o.is_a("gang", "threat_actor"));
    CHECK_FALSE(o.is_a("gang", "place"));
    CHECK_FALSE(o.is_a("threat_actor", "gang"));
    CHECK_FALSE(o.is_a("unknown", "threat_actor"));
}

TEST_CASE("a relation type allows the descendants of the kinds it names", "[model]") {
    const auto o = small_ontology();
    const auto& operates = *o.relation_type("operates_in");
    CHECK(o.allows_source(operates, "gang"));
    CHECK(o.allows_target(operates, "state"));
    CHECK_FALSE(o.allows_source(operates, "state"));
    CHECK(o.allows_source(*o.relation_type("related_to"), "state"));
}

TEST_CASE("a cycle of parents does not hang the kind walk", "[model]") {
    Ontology o;
    o.add_kind({"a", "A", "b", "", ""});
    o.add_kind({"b", "B", "a", "", ""});
    CHECK_FALSE(o.is_a("a", "c"));
    CHECK(o.is_a("a", "b"));
}

TEST_CASE("ids keep their declaration order", "[model]") {
    const auto o = small_ontology();
    CHECK(o.kind_ids() == std::vector<std::string>{"threat_actor", "criminal_organization", "gang", "place", "state"});
    CHECK(o.relation_type_ids().size() == 2);
}
