// The bundled graph-data against the proceedings text it was curated from (shared/corpus).
#include "core/text.hpp"
#include "io/graph_data_loader.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace tg;

namespace {

const std::string kData = std::string(TG_SOURCE_DIR) + "/graph-data";
const std::string kCorpus = std::string(TG_SHARED_DIR) + "/corpus";

const KnowledgeGraph& proceedings() {
    static const KnowledgeGraph graph = load_graph_data(kData, kCorpus);
    return graph;
}

std::string corpus_text() {
    const auto& source = proceedings().sources().at(0);
    return tg::test::read_text(kCorpus + "/" + source.file);
}

std::vector<Evidence> all_evidence(const KnowledgeGraph& g) {
    std::vector<Evidence> out;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        for (const auto& ev : g.entity(e).evidence()) out.push_back(ev);
        for (const auto& [name, a] : g.entity(e).attributes()) out.insert(out.end(), a.evidence.begin(), a.evidence.end());
    }
    for (RelationIndex r = 0; r < g.relation_count(); ++r)
        for (const auto& ev : g.relation(r).evidence()) out.push_back(ev);
    return out;
}

bool named_in(const std::string& text, const EntityRef& e) {
    if (mentions(text, std::string(e.name()))) return true;
    const auto aliases = e.aliases();
    return std::any_of(aliases.begin(), aliases.end(), [&](const std::string& a) { return mentions(text, a); });
}

} // namespace

TEST_CASE("the bundled graph-data checks clean against the proceedings text", "[shared][data]") {
    // Hash and length of the text, offsets inside their sections, and every evidence passage
    // naming what it is evidence for: the loader's checks with --sources.
    const auto check = check_graph_data(kData, kCorpus);
    std::string problems;
    for (const auto& d : check.diagnostics) problems += format_diagnostic(d);
    INFO(problems);
    CHECK(check.diagnostics.empty());
    REQUIRE(check.graph);
    CHECK(check.verified_sources == std::vector<std::string>{"perry2018"});
}

TEST_CASE("every paragraph of the proceedings that names an entity is cited by some evidence", "[shared][data]") {
    const auto& g = proceedings();
    const auto text = corpus_text();
    const auto evidence = all_evidence(g);
    std::vector<std::string> uncited;
    std::size_t start = 0, named = 0;
    while (start < text.size()) {
        auto end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        const auto paragraph = text.substr(start, end - start);
        if (!trim(paragraph).empty()) {
            const bool names_something = [&] {
                for (EntityIndex e = 0; e < g.entity_count(); ++e)
                    if (named_in(paragraph, g.entity(e))) return true;
                return false;
            }();
            if (names_something) {
                ++named;
                const bool cited =
                    std::any_of(evidence.begin(), evidence.end(), [&](const Evidence& ev) { return ev.start < end && ev.end > start; });
                if (!cited) uncited.push_back("[" + std::to_string(start) + ", " + std::to_string(end) + ") " + paragraph.substr(0, 80));
            }
        }
        start = end + 2;
    }
    std::string list;
    for (const auto& u : uncited) list += u + "\n";
    INFO("paragraphs naming an entity but cited by no evidence:\n" << list);
    CHECK(named > 40);
    CHECK(uncited.empty());
}

TEST_CASE("every entity of the proceedings graph is found in the text or its evidence says how it is referred to", "[shared][data]") {
    const auto& g = proceedings();
    const auto text = corpus_text();
    std::vector<std::string> absent;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        const auto& entity = g.entity(e);
        const bool explained =
            std::all_of(entity.evidence().begin(), entity.evidence().end(), [](const Evidence& ev) { return !ev.refers_to.empty(); });
        if (!named_in(text, entity) && !explained) absent.emplace_back(entity.id());
    }
    INFO("entities the text never names: " << join_quoted(absent, 50));
    CHECK(absent.empty());
}

TEST_CASE("the proceedings graph has the size a document this dense supports", "[shared][data]") {
    const auto& g = proceedings();
    CHECK(g.entity_count() > 120);
    CHECK(g.relation_count() > 250);
    std::size_t routes = 0;
    for (EntityIndex e = 0; e < g.entity_count(); ++e) routes += g.entity(e).kind() == "route";
    CHECK(routes >= 6);
}

TEST_CASE("every route says what it carries and where it runs with its transit points in order", "[shared][data]") {
    const auto& g = proceedings();
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        const auto& route = g.entity(e);
        if (route.kind() != "route") continue;
        INFO(route.id());
        std::set<std::string> types;
        std::vector<int> order;
        for (auto r : g.out_relations(e)) {
            const auto& rel = g.relation(r);
            types.insert(rel.type());
            if (rel.type() == "route_transit") {
                const auto position = rel.attribute("order");
                REQUIRE(position);
                order.push_back(static_cast<int>(std::get<double>(position->value)));
            }
        }
        CHECK(types.count("carries"));
        CHECK((types.count("route_origin") + types.count("route_transit") + types.count("route_destination")) > 0);
        std::sort(order.begin(), order.end());
        for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == static_cast<int>(i + 1));
    }
}

TEST_CASE("every threat actor of the proceedings carries a threat domain", "[shared][data]") {
    const auto& g = proceedings();
    for (EntityIndex e = 0; e < g.entity_count(); ++e) {
        const auto& entity = g.entity(e);
        if (!g.ontology().is_a(entity.kind(), "threat_actor")) continue;
        INFO(entity.id());
        CHECK_FALSE(entity.domains().empty());
    }
}

TEST_CASE("every relation's grade and confidence follow from its evidence by graph-data/README.md's rules", "[shared][data]") {
    // The rules, restated here from the README rather than taken from the library: reliability B
    // when some passage is first-hand, else C; credibility 1 when stated flat in two or more
    // sections, 2 in one, 3 when only hedged, 4 when only inferred; confidence by the table.
    const std::map<std::string, double> table = {{"B1", 0.95}, {"C1", 0.9}, {"B2", 0.85}, {"C2", 0.75},
                                                 {"B3", 0.6},  {"C3", 0.5}, {"B4", 0.35}, {"C4", 0.3}};
    const auto& g = proceedings();
    std::map<double, std::size_t> levels;
    std::set<std::string> grades;
    for (RelationIndex r = 0; r < g.relation_count(); ++r) {
        const auto& rel = g.relation(r);
        INFO(rel.id());
        bool first_hand = false, hedged = false;
        std::set<std::string> flat_sections;
        for (const auto& e : rel.evidence()) {
            REQUIRE((e.wording == "flat" || e.wording == "hedged" || e.wording == "inferred"));
            REQUIRE((e.standing == "first-hand" || e.standing == "second-hand"));
            first_hand = first_hand || e.standing == "first-hand";
            hedged = hedged || e.wording == "hedged";
            if (e.wording == "flat") flat_sections.insert(e.source + "/" + e.section);
        }
        const std::string grade = std::string(first_hand ? "B" : "C") + (flat_sections.size() >= 2   ? "1"
                                                                         : flat_sections.size() == 1 ? "2"
                                                                         : hedged                    ? "3"
                                                                                                     : "4");
        REQUIRE(rel.grading());
        CHECK(rel.grading()->code() == grade);
        CHECK(rel.confidence() == Approx(table.at(grade)));
        ++levels[rel.confidence()];
        grades.insert(grade);
    }
    // No one confidence holds half the relations, and the text's hedges and corroborations show.
    for (const auto& [confidence, count] : levels) {
        INFO("confidence " << confidence << ": " << count << " of " << g.relation_count());
        CHECK(count * 2 < g.relation_count());
    }
    CHECK(grades.size() == 8);
}
