// Routes a text describes without naming them, and names that share a plural head, on short
// texts in English and Spanish written for the tests.
#include "extract/candidates.hpp"
#include "extract/evaluation.hpp"
#include "extract/gazetteer.hpp"
#include "extract/routes.hpp"
#include "extract/sentences.hpp"
#include "extract/shared_heads.hpp"
#include "io/graph_data_loader.hpp"
#include "io/relation_cues_reader.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace tg;

namespace {

const std::string kTiny = std::string(TG_SOURCE_DIR) + "/tests/data/tiny";

const KnowledgeGraph& tiny() {
    static const auto graph = load_graph_data(kTiny);
    return graph;
}

struct Named {
    const char* name;
    const char* kind;
};

const Named kWorld[] = {{"Colombia", "state"}, {"Guatemala", "state"},      {"Mexico", "state"},  {"Honduras", "state"},
                        {"Belize", "state"},   {"cocaine", "commodity"},    {"Haiti", "state"},   {"Venezuela", "state"},
                        {"Panamá", "state"},   {"South America", "region"}, {"Africa", "region"}, {"firearms", "commodity"},
                        {"MS-13", "gang"}};

// Each route as "from A, B via C to D carrying E (rule, confidence)".
std::vector<std::string> routes(const std::string& text) {
    Gazetteer g;
    std::vector<std::string> kinds, names;
    for (std::size_t e = 0; e < std::size(kWorld); ++e) {
        g.add(kWorld[e].name, e);
        kinds.push_back(kWorld[e].kind);
        names.push_back(kWorld[e].name);
    }
    std::vector<Mention> mentions;
    for (const auto& m : g.find(text)) mentions.push_back({m.span, m.entities.front()});
    const auto list = [&](const std::vector<std::size_t>& entities) {
        std::string out;
        for (const auto e : entities) out += (out.empty() ? "" : ", ") + names[e];
        return out;
    };
    std::vector<std::string> out;
    for (const auto& r : find_routes(text, sentences(text), mentions, kinds, tiny().ontology())) {
        std::string s;
        if (!r.origins.empty()) s += "from " + list(r.origins);
        if (!r.transits.empty()) s += std::string(s.empty() ? "" : " ") + "via " + list(r.transits);
        if (!r.destinations.empty()) s += std::string(s.empty() ? "" : " ") + "to " + list(r.destinations);
        if (!r.carried.empty()) s += " carrying " + list(r.carried);
        s += " (" + r.rule + ", " + std::to_string(r.confidence).substr(0, 4) + ", " + std::to_string(r.sentences.size()) + ")";
        out.push_back(s);
    }
    return out;
}

} // namespace

TEST_CASE("a sentence of movement gives a route from the places its prepositions mark", "[extract]") {
    CHECK(routes("Cocaine from Colombia moves through Guatemala to Mexico.") ==
          std::vector<std::string>{"from Colombia via Guatemala to Mexico carrying cocaine (route-pattern, 0.60, 1)"});
    // A few words may stand between the marker and the place; places listed together share a role.
    CHECK(routes("Migrants from South America and Africa are increasingly passing through Guatemala.") ==
          std::vector<std::string>{"from South America, Africa via Guatemala (route-pattern, 0.60, 1)"});
    CHECK(routes("Most cocaine originates in Venezuela and arrives via the land border with Haiti.") ==
          std::vector<std::string>{"from Venezuela via Haiti carrying cocaine (route-pattern, 0.60, 1)"});
}

TEST_CASE("markers joined by and share their place, in the first one's role", "[extract]") {
    CHECK(routes("Cocaine trafficked into and through Honduras originates in Colombia.") ==
          std::vector<std::string>{"from Colombia to Honduras carrying cocaine (route-pattern, 0.60, 1)"});
}

TEST_CASE("in Spanish too, and the same ends in two sentences are one route", "[extract]") {
    CHECK(routes("Los migrantes procedentes de Haiti cruzan Panamá rumbo a Mexico. Otros migrantes llegan desde Haiti hacia Mexico "
                 "cruzando Panamá.") == std::vector<std::string>{"from Haiti via Panamá to Mexico (route-pattern, 0.60, 2)"});
}

TEST_CASE("one end given and one other place named: that place is the other end, less confidently", "[extract]") {
    CHECK(routes("In Belize, thousands of firearms have crossed the border into Guatemala.") ==
          std::vector<std::string>{"from Belize to Guatemala carrying firearms (route-pattern:one-end-completed, 0.45, 1)"});
    // Two other places: which one is the origin is not said.
    CHECK(routes("Belize and Mexico see firearms smuggled into Guatemala.").empty());
}

TEST_CASE("no movement, a place too far from its marker, or one role alone is no route", "[extract]") {
    CHECK(routes("From 2015 to 2018 Colombia trained officers from Honduras.").empty());                  // no movement
    CHECK(routes("Cocaine moves from the rich coastal provinces of the far north of Colombia.").empty()); // six words away
    CHECK(routes("Shipments pass through Guatemala and Mexico.").empty());                                // transit alone
    CHECK(routes("MS-13 moves cocaine.").empty());                                                        // no place
}

TEST_CASE("names sharing a plural head are each named in full, with their own words as span", "[extract]") {
    const std::string text = "Funds come from the Departments of Homeland Security and Justice. "
                             "Los Ministerios de Defensa, de Seguridad y de Gobernación coordinan. The Ministries of Defense met.";
    std::vector<std::string> found;
    for (const auto& n : shared_head_names(text, sentences(text)))
        found.push_back(n.name + " @" + text.substr(n.span.begin, n.span.end - n.span.begin));
    CHECK(found == std::vector<std::string>{"Department of Homeland Security @Departments of Homeland Security",
                                            "Department of Justice @Justice", "Ministerio de Defensa @Ministerios de Defensa",
                                            "Ministerio de Seguridad @Seguridad", "Ministerio de Gobernación @Gobernación"});
}

TEST_CASE("extract proposes a described route with its ends, and a known agency named under a shared head", "[extract]") {
    auto graph = load_graph_data(kTiny);
    const Evidence made_up{"brief", "part-one", 0, 1, "Made up for the test.", {}, {}, {}};
    graph.add_entity({"cocaine", "commodity", "Cocaine", {}, {}, {}, {made_up}, {}});
    graph.add_entity({"doj", "government_agency", "Department of Justice", {"DOJ"}, {}, {}, {made_up}, {}});
    const auto cues = read_relation_cues(kTiny + "/relation-cues.json", kTiny + "/schema/graph-data.schema.json", graph.ontology());
    const std::string text = "Cocaine from Colombia moves through Panama to Honduras.\n\n"
                             "The Departments of State and Justice fund the work.\n";
    const auto c = extract_candidates(text, "routes.txt", graph, cues);
    const EntityProposal* route = nullptr;
    const EntityProposal* doj = nullptr;
    for (const auto& e : c.entities) {
        if (e.entity.kind == "route") route = &e;
        if (e.entity.id == "doj") doj = &e;
    }
    REQUIRE(route);
    CHECK(route->entity.name == "Route from Colombia via Panama to Honduras");
    CHECK(route->entity.id == "route_from_colombia_via_panama_to_honduras");
    CHECK(route->review.rule == "route-pattern");
    REQUIRE(route->entity.evidence.size() == 1);
    CHECK(route->entity.evidence[0].start == 0);
    std::vector<std::string> ends;
    for (const auto& r : c.relations)
        if (r.relation.source == route->entity.id) ends.push_back(r.relation.type + " " + r.relation.target);
    CHECK(ends ==
          std::vector<std::string>{"route_origin colombia", "route_transit panama", "route_destination honduras", "carries cocaine"});
    REQUIRE(doj);
    CHECK(doj->review.rule == "gazetteer+shared-head");
    CHECK(doj->mentions == 1);
    // "Department of State" is no known entity: a new agency. The run of capitalized words
    // "Departments of State and Justice" is no name of its own.
    bool state_department = false;
    for (const auto& e : c.entities) {
        state_department |= e.entity.name == "Department of State" && e.review.rule == "shared-head";
        CHECK(e.entity.name.find("Departments") == std::string::npos);
    }
    CHECK(state_department);
}

TEST_CASE("evaluation takes a described route for the reference route whose ends hold all of its own", "[extract]") {
    auto reference = load_graph_data(kTiny);
    const Evidence cited{"brief", "one", 0, 10, "Made up for the test.", {}, {}, {}};
    const auto add_route = [&](const std::string& id, const std::vector<std::pair<std::string, std::string>>& ends) {
        reference.add_entity({id, "route", id, {}, {}, {}, {cited}, {}});
        for (const auto& [type, place] : ends)
            reference.add_relation({id + "-" + type + "-" + place, id, type, place, 1.0, {}, {}, {}, {cited}, {}});
    };
    add_route("direct", {{"route_origin", "colombia"}, {"route_destination", "honduras"}});
    add_route("via_panama", {{"route_origin", "colombia"}, {"route_transit", "panama"}, {"route_destination", "honduras"}});
    add_route("from_venezuela", {{"route_origin", "venezuela"}, {"route_destination", "honduras"}});

    Candidates c;
    c.source = reference.sources().front();
    const auto propose = [&](const std::string& id, const std::string& kind) {
        EntityProposal p;
        p.entity = {id,      kind, id == "colombia" ? "Colombia" : id == "panama" ? "Panama" : id == "honduras" ? "Honduras" : id,
                    {},      {},   {},
                    {cited}, {}};
        c.entities.push_back(p);
    };
    const auto relate = [&](const std::string& route, const std::string& type, const std::string& place) {
        RelationProposal p;
        p.relation = {route + "-" + type + "-" + place, route, type, place, 0.6, {}, {}, {}, {cited}, {}};
        c.relations.push_back(p);
    };
    for (const auto* place : {"colombia", "panama", "honduras"}) propose(place, "state");
    propose("route_a", "route"); // Colombia to Honduras: "direct", the reference route with no other end
    relate("route_a", "route_origin", "colombia");
    relate("route_a", "route_destination", "honduras");
    propose("route_b", "route"); // Colombia via Panama: only "via_panama" holds both
    relate("route_b", "route_origin", "colombia");
    relate("route_b", "route_transit", "panama");
    propose("route_c", "route"); // Honduras as an origin: no reference route has it
    relate("route_c", "route_origin", "honduras");
    relate("route_c", "route_destination", "colombia");
    propose("route_d", "route"); // one end only: too little to tell
    relate("route_d", "route_origin", "colombia");

    const auto e = evaluate(c, reference);
    CHECK(e.entities.proposed == 7);
    CHECK(e.entities.matched == 5); // three places, route_a, route_b
    CHECK(std::find(e.missed_entities.begin(), e.missed_entities.end(), "direct") == e.missed_entities.end());
    CHECK(std::find(e.missed_entities.begin(), e.missed_entities.end(), "via_panama") == e.missed_entities.end());
    CHECK(std::find(e.missed_entities.begin(), e.missed_entities.end(), "from_venezuela") != e.missed_entities.end());
    // Their ends count as related pairs of the reference routes: direct-colombia, direct-honduras,
    // via_panama-colombia, via_panama-panama.
    CHECK(e.pairs.matched == 4);
}
