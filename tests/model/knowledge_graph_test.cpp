#include "model/knowledge_graph.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace tg;

namespace {
Entity entity(const std::string& id, const std::string& kind, const std::string& name, std::vector<std::string> aliases = {}) {
    Entity e;
    e.id = id, e.kind = kind, e.name = name, e.aliases = std::move(aliases);
    return e;
}
Relation relation(const std::string& id, const std::string& from, const std::string& type, const std::string& to) {
    Relation r;
    r.id = id, r.source = from, r.type = type, r.target = to, r.confidence = 0.9;
    return r;
}
} // namespace

TEST_CASE("parallel relations of different types between one pair are kept apart", "[model]") {
    KnowledgeGraph g(Ontology::plain_network(false));
    g.add_entity(entity("farc", "node", "FARC"));
    g.add_entity(entity("venezuela", "node", "Venezuela"));
    const auto a = g.add_relation(relation("r1", "farc", "operates_in", "venezuela"));
    const auto b = g.add_relation(relation("r2", "farc", "traffics_through", "venezuela"));
    CHECK(g.relation_count() == 2);
    CHECK(g.relation(a).type() == "operates_in");
    CHECK(g.relation(b).type() == "traffics_through");
    CHECK(g.out_relations(0) == std::vector<RelationIndex>{a, b});
    CHECK(g.in_relations(1) == std::vector<RelationIndex>{a, b});
    CHECK(g.source_of(b) == 0);
    CHECK(g.target_of(b) == 1);
}

TEST_CASE("relation indices stay valid as entities are added", "[model]") {
    KnowledgeGraph g(Ontology::plain_network(false));
    g.add_entity(entity("a", "node", "A"));
    g.add_entity(entity("b", "node", "B"));
    const auto r = g.add_relation(relation("r", "a", "tie", "b"));
    for (int i = 0; i < 200; ++i) g.add_entity(entity("n" + std::to_string(i), "node", "N" + std::to_string(i)));
    CHECK(g.relation(r).id() == "r");
    CHECK(g.out_relations(0) == std::vector<RelationIndex>{r});
}

TEST_CASE("an entity is resolved by id or name or alias", "[model]") {
    KnowledgeGraph g(Ontology::plain_network(false));
    g.add_entity(entity("ms13", "node", "MS-13", {"Mara Salvatrucha"}));
    g.add_entity(entity("hezbollah", "node", "Hezbollah", {"Hizballah"}));
    CHECK(g.resolve("ms13") == 0);
    CHECK(g.resolve("MS 13") == 0);
    CHECK(g.resolve("mara salvatrucha") == 0);
    CHECK(g.resolve("HIZBALLAH") == 1);
}

TEST_CASE("an unknown name is an error that suggests the closest names", "[model]") {
    KnowledgeGraph g(Ontology::plain_network(false));
    g.add_entity(entity("hezbollah", "node", "Hezbollah"));
    try {
        g.resolve("Hesbollah");
        FAIL("expected an error");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()) == "unknown entity \"Hesbollah\"");
        CHECK(e.hint() == "did you mean \"Hezbollah\"?");
    }
}

TEST_CASE("a name two entities share is an error naming both", "[model]") {
    KnowledgeGraph g(Ontology::plain_network(false));
    g.add_entity(entity("a", "node", "Mara 18"));
    g.add_entity(entity("b", "node", "MARA-18"));
    CHECK_THROWS_WITH(g.resolve("mara 18"), "\"mara 18\" names more than one entity: \"a\" or \"b\"");
    CHECK(g.resolve("a") == 0); // ids stay exact
}

TEST_CASE("a duplicate id or a relation to a missing entity is refused", "[model]") {
    KnowledgeGraph g(Ontology::plain_network(false));
    g.add_entity(entity("a", "node", "A"));
    CHECK_THROWS_AS(g.add_entity(entity("a", "node", "Other")), DataError);
    CHECK_THROWS_WITH(g.add_relation(relation("r", "a", "tie", "zz")), "relation \"r\" refers to unknown entity \"zz\"");
    CHECK(g.entity_count() == 1);
    CHECK(g.relation_count() == 0);
}
