// Boxes for diagrams: by country through located-in, part-of and leads; by domain, kind,
// community or attribute; a box of one is no box.
#include "analysis/clusters.hpp"
#include "analysis/graph_fixtures.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace tg;
using namespace tg::test;

namespace {

KnowledgeGraph places_and_actors() {
    Ontology o;
    o.add_kind({"place", "Place", "", "", ""});
    o.add_kind({"state", "State", "place", "box", "#E69F00"});
    o.add_kind({"city", "City", "place", "", ""});
    o.add_kind({"agency", "Agency", "", "", ""});
    o.add_kind({"threat_actor", "Threat actor", "", "", ""});
    o.add_kind({"gang", "Gang", "threat_actor", "", ""});
    o.add_domain({"gang", "Gang"});
    o.add_domain({"insurgency", "Insurgency"});
    o.add_domain({"drugs", "Drug trafficking"});
    for (const char* type : {"located_in", "part_of", "leads", "operates_in"})
        o.add_relation_type({type, type, {"*"}, {"*"}, false, "", ""});
    KnowledgeGraph g(std::move(o));
    const auto entity = [&](std::string id, std::string kind, std::vector<std::string> domains = {}, std::string faction = {}) {
        Entity e;
        if (!faction.empty()) e.attributes["faction"] = Attribute{faction, "", std::nullopt, "", {}};
        e.id = e.name = std::move(id);
        e.kind = std::move(kind);
        e.domains = std::move(domains);
        g.add_entity(std::move(e));
    };
    entity("Panama", "state");
    entity("Colombia", "state");
    entity("Panama City", "city");
    entity("SENAFRONT", "agency");
    entity("Ministry", "agency");
    entity("Dual", "agency");
    entity("MS-13", "gang", {"gang"}, "street");
    entity("FARC", "threat_actor", {"insurgency", "drugs"}, "left");
    entity("ELN", "threat_actor", {"insurgency"}, "left");
    const auto relation = [&](std::string from, std::string type, std::string to) {
        Relation r;
        r.id = from + "-" + type + "-" + to;
        r.source = std::move(from), r.type = std::move(type), r.target = std::move(to);
        g.add_relation(std::move(r));
    };
    relation("Panama City", "located_in", "Panama");
    relation("SENAFRONT", "located_in", "Panama City");
    relation("Panama", "leads", "Ministry");
    relation("Dual", "located_in", "Panama");
    relation("Dual", "part_of", "Colombia");
    relation("FARC", "operates_in", "Colombia"); // operating somewhere is no country
    return g;
}

std::vector<std::string> boxes(const KnowledgeGraph& g, const std::string& rule) {
    const GraphSnapshot s(g);
    return clusters_by(View(s), rule);
}

} // namespace

TEST_CASE("an entity's country is the one state it sits in, through cities, or the state that leads it", "[analysis][clusters]") {
    const auto g = places_and_actors();
    const auto box = boxes(g, "country");
    const auto of = [&](const char* id) { return box[*g.find(id)]; };
    CHECK(of("Panama") == "Panama");
    CHECK(of("Panama City") == "Panama");
    CHECK(of("SENAFRONT") == "Panama");
    CHECK(of("Ministry") == "Panama");
    CHECK(of("Dual").empty());     // two countries: none
    CHECK(of("FARC").empty());     // operates in is not sits in
    CHECK(of("Colombia").empty()); // a box of one is no box
}

TEST_CASE("domain boxes take the first listed domain, kind boxes the root kind", "[analysis][clusters]") {
    const auto g = places_and_actors();
    const auto domain = boxes(g, "domain");
    CHECK(domain[*g.find("FARC")] == "Insurgency");
    CHECK(domain[*g.find("ELN")] == "Insurgency");
    CHECK(domain[*g.find("MS-13")].empty()); // alone in "Gang"
    const auto kind = boxes(g, "kind");
    CHECK(kind[*g.find("MS-13")] == "Threat actor");
    CHECK(kind[*g.find("FARC")] == "Threat actor");
    CHECK(kind[*g.find("Panama City")] == "Place");
    const auto faction = boxes(g, "faction");
    CHECK(faction[*g.find("FARC")] == "left");
    CHECK(faction[*g.find("MS-13")].empty());  // alone
    CHECK(faction[*g.find("Panama")].empty()); // no value
}

TEST_CASE("community boxes are the Louvain communities and attribute boxes the values of the attribute", "[analysis][clusters]") {
    auto g = network({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"f", "d"}}, true);
    const auto box = boxes(g, "community");
    CHECK(box[*g.find("a")] == box[*g.find("b")]);
    CHECK(box[*g.find("d")] == box[*g.find("f")]);
    CHECK(box[*g.find("a")] != box[*g.find("d")]);
    CHECK_THROWS_WITH(boxes(g, "faction"), Catch::Contains("no entity in the view has a value for \"faction\""));
    CHECK_THROWS_WITH(boxes(g, "country"), Catch::Contains("which this graph does not declare"));
}
