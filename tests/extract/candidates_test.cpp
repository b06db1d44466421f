// Everything extraction proposes for a text, assembled as graph-data candidates, and scored
// against a reference: on the tests' brief (which the tiny graph-data was curated from) the
// scores are worked out by hand.
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "extract/candidates.hpp"
#include "extract/evaluation.hpp"
#include "extract/gazetteer.hpp"
#include "extract/sentences.hpp"
#include "extract/world_places.hpp"
#include "io/graph_data_loader.hpp"
#include "io/iso_countries.hpp"
#include "io/relation_cues_reader.hpp"
#include "io/text_file.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

using namespace tg;
using tg::test::TempDir;

namespace {

const std::string kTiny = std::string(TG_SOURCE_DIR) + "/tests/data/tiny";

const KnowledgeGraph& tiny() {
    static const auto graph = load_graph_data(kTiny);
    return graph;
}

const std::vector<RelationCue>& tiny_cues() {
    static const auto cues = read_relation_cues(kTiny + "/relation-cues.json", kTiny + "/schema/graph-data.schema.json", tiny().ontology());
    return cues;
}

const EntityProposal* entity(const Candidates& c, const std::string& id) {
    for (const auto& e : c.entities)
        if (e.entity.id == id) return &e;
    return nullptr;
}

std::vector<std::string> relations(const Candidates& c) {
    std::vector<std::string> out;
    for (const auto& r : c.relations) out.push_back(r.relation.source + " " + r.relation.type + " " + r.relation.target);
    return out;
}

} // namespace

TEST_CASE("on a text graph-data cites, candidates reuse its source and point at sentences naming them", "[extract]") {
    const auto text = read_file(std::string(TG_SOURCE_DIR) + "/tests/data/texts/brief.txt");
    const auto c = extract_candidates(text, "brief.txt", tiny(), tiny_cues());
    CHECK(c.known_source);
    CHECK(c.source.id == "brief");
    REQUIRE(c.entities.size() == 6);
    for (const auto& p : c.entities) {
        CHECK(p.known);
        CHECK(p.review.status == ReviewStatus::candidate);
        CHECK(p.review.rule == "gazetteer");
        for (const auto& ev : p.entity.evidence) {
            const auto span = text.substr(ev.start, ev.end - ev.start);
            const auto& known = tiny().entity(*tiny().find(p.entity.id));
            bool named = mentions(span, known.name());
            for (const auto& a : known.aliases()) named = named || mentions(span, a);
            CHECK(named);
            const auto* section = c.source.section(ev.section);
            REQUIRE(section);
            CHECK((section->start <= ev.start && ev.end <= section->end));
        }
    }
    CHECK(entity(c, "ms13")->mentions == 3); // "MS-13" twice and "Mara Salvatrucha"
    CHECK(relations(c) == std::vector<std::string>{"farc operates_in colombia", "farc operates_in venezuela", "ms13 operates_in honduras",
                                                   "colombia counters farc", "colombia cooperates_with panama", "panama monitors ms13",
                                                   "farc related_to panama", "colombia related_to ms13"});
}

TEST_CASE("the brief's candidates score as worked out by hand against the tiny graph", "[extract]") {
    const auto text = read_file(std::string(TG_SOURCE_DIR) + "/tests/data/texts/brief.txt");
    const auto e = evaluate(extract_candidates(text, "brief.txt", tiny(), tiny_cues()), tiny());
    CHECK(e.source == "brief");
    // Six entities, all found. Five related pairs expected (colombia-farc is curated twice), seven
    // proposed: farc-panama is only co-occurrence, colombia-ms13 only the subject of part two's
    // paragraph (Colombia, its first place). Typed: the eight proposals hold all six curated
    // relations (cooperates_with is symmetric), not those two related_to.
    CHECK((e.entities.matched == 6 && e.entities.proposed == 6 && e.entities.found == 6 && e.entities.expected == 6));
    CHECK((e.pairs.matched == 5 && e.pairs.proposed == 7 && e.pairs.found == 5 && e.pairs.expected == 5));
    CHECK((e.typed.matched == 6 && e.typed.proposed == 8 && e.typed.expected == 6));
    CHECK(e.pairs.precision() == Approx(5.0 / 7));
    CHECK(e.typed.f1() == Approx(2 * (6.0 / 8) / (6.0 / 8 + 1)));
    CHECK(e.missed_entities.empty());
    // With the co-occurrence and paragraph proposals left out, every proposed pair is right.
    const auto strict = evaluate(extract_candidates(text, "brief.txt", tiny(), tiny_cues()), tiny(), 0.45);
    CHECK((strict.pairs.matched == 5 && strict.pairs.proposed == 5));
}

TEST_CASE("a new report gets a source of its own, new names with their abbreviations, and aliases for known ones", "[extract]") {
    const std::string text = "La Fuerza de Tarea Conjunta (FTC) opera en Honduras con Panamá.\n"
                             "Mara Salvatrucha (MS) leaders were seen. The FTC grew; FTCs are common.\n";
    const auto c = extract_candidates(text, "reports/informe-2026.txt", tiny(), tiny_cues());
    CHECK_FALSE(c.known_source);
    CHECK(c.source.id == "informe-2026");
    CHECK(c.source.file == "informe-2026.txt");
    CHECK(c.source.length == text.size());
    REQUIRE(c.source.sections.size() == 1);
    CHECK(c.source.sections[0].end == text.size());

    const auto* ftc = entity(c, "fuerza_de_tarea_conjunta");
    REQUIRE(ftc);
    CHECK_FALSE(ftc->known);
    CHECK(ftc->entity.kind == "government_agency");
    CHECK(ftc->entity.aliases == std::vector<std::string>{"FTC"});
    CHECK(ftc->review.rule == "abbreviation:schwartz-hearst");
    CHECK(ftc->mentions == 4); // the long form, then FTC, FTC and the plural FTCs
    const auto* ms = entity(c, "ms13");
    REQUIRE(ms);
    CHECK(ms->new_aliases == std::vector<std::string>{"MS"});
    CHECK(ms->review.rule == "gazetteer+abbreviation");
    const auto found = relations(c);
    CHECK(std::find(found.begin(), found.end(), "fuerza_de_tarea_conjunta operates_in honduras") != found.end());
    CHECK(std::find(found.begin(), found.end(), "panama related_to honduras") != found.end());
}

TEST_CASE("ids made from names keep letters and digits only", "[extract]") {
    CHECK(id_from_name("Barrio 18") == "barrio_18");
    CHECK(id_from_name("Policía Nacional Civil (PNC)") == "policia_nacional_civil_pnc");
    CHECK(id_from_name("—") == "entity");
}

TEST_CASE("evaluating a text the reference does not cite is refused", "[extract]") {
    const auto c = extract_candidates("The FARC operates in Colombia.", "other.txt", tiny(), tiny_cues());
    CHECK_THROWS_WITH(evaluate(c, tiny()), Catch::Contains("cites no source with this text's SHA-256"));
}

TEST_CASE(
    "a description points back to a name of its kind in the paragraph, a country to the paragraph's subject, and the evidence says so",
    "[extract]") {
    const std::string text = "In Colombia the FARC is weaker. Talks went on in Venezuela. The country counters the FARC.\n\n"
                             "MS-13 met the FARC. The group fought MS-13 at sea.\n\nThe country counters MS-13.\n";
    const auto c = extract_candidates(text, "note.txt", tiny(), tiny_cues());
    const auto found = relations(c);
    // "The country" is Colombia, the first state the paragraph names (Venezuela came last); the
    // last paragraph has no antecedent.
    CHECK(std::find(found.begin(), found.end(), "colombia counters farc") != found.end());
    CHECK(std::none_of(found.begin(), found.end(), [](const std::string& r) { return r.find("counters ms13") != std::string::npos; }));
    for (const auto& r : c.relations)
        if (r.relation.source == "colombia" && r.relation.type == "counters") {
            REQUIRE(r.relation.evidence.size() == 1);
            CHECK(r.relation.evidence[0].refers_to == "\"The country\" is Colombia");
        }
    // "The group" is the FARC, the last threat actor named before it, not MS-13.
    bool group = false;
    for (const auto& r : c.relations)
        for (const auto& ev : r.relation.evidence) group |= ev.refers_to.find("\"The group\" is FARC") != std::string::npos;
    CHECK(group);
    // A description is no mention of its own: Colombia is named once.
    CHECK(entity(c, "colombia")->mentions == 1);
}

namespace {

std::string proceedings_text() {
    return read_file(std::string(TG_SHARED_DIR) + "/corpus/perry-center-2018-central-america-ctn-proceedings.txt");
}

} // namespace

TEST_CASE("on the proceedings, extraction keeps its measured quality against the curated graph", "[extract][shared]") {
    const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    const auto dir = std::string(TG_SOURCE_DIR) + "/graph-data";
    const auto cues = read_relation_cues(dir + "/relation-cues.json", dir + "/schema/graph-data.schema.json", graph.ontology());
    const auto text = proceedings_text();
    const auto c = extract_candidates(text, "proceedings.txt", graph, cues);
    const auto e = evaluate(c, graph, 0, text);

    // The ceiling of any extractor that relates names within a sentence: curated pairs whose two
    // ends the gazetteer finds in one sentence.
    std::vector<std::vector<std::size_t>> named(sentences(text).size());
    const auto spans = sentences(text);
    const auto gazetteer = Gazetteer::of(graph); // matches point into it
    for (const auto& m : gazetteer.find(text, true))
        for (std::size_t s = 0; s < spans.size(); ++s)
            if (spans[s].begin <= m.span.begin && m.span.end <= spans[s].end)
                named[s].insert(named[s].end(), m.entities.begin(), m.entities.end());
    std::set<std::pair<std::string, std::string>> pairs, within;
    for (std::size_t r = 0; r < graph.relation_count(); ++r) {
        const auto a = graph.source_of(r), b = graph.target_of(r);
        if (a == b) continue;
        const std::string id_a(graph.entity(a).id()), id_b(graph.entity(b).id());
        const auto pair = std::make_pair(std::min(id_a, id_b), std::max(id_a, id_b));
        pairs.insert(pair);
        for (const auto& list : named)
            if (std::count(list.begin(), list.end(), a) && std::count(list.begin(), list.end(), b)) within.insert(pair);
    }
    WARN("entities: precision " << e.entities.precision() << ", recall " << e.entities.recall() << " (" << e.entities.found << "/"
                                << e.entities.expected << ")");
    WARN("related pairs: precision " << e.pairs.precision() << ", recall " << e.pairs.recall() << " (" << e.pairs.found << "/"
                                     << e.pairs.expected << "); named in one sentence: " << within.size() << "/" << pairs.size());
    WARN("typed relations: precision " << e.typed.precision() << ", recall " << e.typed.recall());
    // Entity recall at issue 7's target, 0.95 (routes the text describes without naming them
    // count by their ends; entities it only describes are left out). The rest at the figures
    // measured with the re-read graph of December 2026 (395 relations, 45 of them new, many
    // between entities named across sentences or only described), below the pair target (recall
    // 0.70 at precision 0.60): the curator drew half the related pairs across sentences and
    // paragraphs. Before the re-read: pairs 0.58 recall, typed 0.23.
    CHECK(e.entities.recall() >= 0.95);
    CHECK(e.entities.precision() >= 0.89);
    CHECK(e.pairs.recall() >= 0.53);
    CHECK(e.pairs.precision() >= 0.36);
    CHECK(e.typed.recall() >= 0.21);
    CHECK(std::count(e.described_entities.begin(), e.described_entities.end(), "panama_ct_units") == 1);
    CHECK(within.size() < pairs.size() * 7 / 10); // why 0.70 is out of reach in one sentence
    // The pairs scored apart by sentence, against the split this test makes on its own.
    REQUIRE(e.split_by_sentence);
    CHECK(e.pairs_within_sentence.expected == within.size());
    CHECK(e.pairs_across_sentences.expected == pairs.size() - within.size());
    CHECK(e.pairs_within_sentence.found + e.pairs_across_sentences.found == e.pairs.found);
    WARN("pairs named in one sentence: precision " << e.pairs_within_sentence.precision() << ", recall "
                                                   << e.pairs_within_sentence.recall());
    // Issue 23 restates issue 7's target on these pairs: recall 0.70 at precision 0.60. Every
    // proposal reaches 0.91 at 0.35; the cue phrases with the co-occurrences no more than one
    // name apart, of different kinds (not two places, not a person and a place) and of known
    // kinds (confidence 0.3 and above) reach 0.71 at 0.61.
    CHECK(e.pairs_within_sentence.recall() >= 0.9);
    const auto sure = evaluate(c, graph, 0.3, text);
    WARN("pairs named in one sentence, confidence 0.3 and above: precision " << sure.pairs_within_sentence.precision() << ", recall "
                                                                             << sure.pairs_within_sentence.recall());
    CHECK(sure.pairs_within_sentence.recall() >= 0.70);
    CHECK(sure.pairs_within_sentence.precision() >= 0.60);
}

TEST_CASE("a byte-order mark opening the text is no part of the first name", "[extract]") {
    const std::string text = "\xEF\xBB\xBF"
                             "Fuerza Naval Regional opera en Honduras. La Fuerza Naval Regional patrulla.";
    const auto c = extract_candidates(text, "bom.txt", tiny(), tiny_cues());
    const auto* naval = entity(c, "fuerza_naval_regional");
    REQUIRE(naval);
    CHECK(naval->mentions == 2);
    CHECK(naval->entity.evidence.front().start == 3);
    CHECK_FALSE(entity(c, "fuerza_naval_regional_2"));
    const auto found = relations(c);
    CHECK(std::find(found.begin(), found.end(), "fuerza_naval_regional operates_in honduras") != found.end());
}

TEST_CASE("evidence is cut to the section holding the name when sections do not fall between sentences", "[extract]") {
    const std::string text = "La Fuerza de Tarea Conjunta opera en Honduras y Guatemala con Panama.\n";
    TempDir dir;
    for (const char* name : {"entities.json", "relations.json", "ontology.json", "schema/graph-data.schema.json"})
        dir.write(std::string("data/") + name, read_file(kTiny + "/" + name));
    auto sources = read_file(kTiny + "/sources.json");
    const auto last = sources.rfind(']');
    sources.insert(last, ", {\"id\": \"cut\", \"title\": \"Cut\", \"file\": \"cut.txt\", \"sha256\": \"" + sha256_hex(text) +
                             "\", \"length\": " + std::to_string(text.size()) +
                             ", \"sections\": [{\"id\": \"a\", \"title\": \"A\", \"start\": 0, \"end\": 46}, "
                             "{\"id\": \"b\", \"title\": \"B\", \"start\": 46, \"end\": " +
                             std::to_string(text.size()) + "}]}");
    dir.write("data/sources.json", sources);
    const auto graph = load_graph_data((dir.path() / "data").string());
    const auto c = extract_candidates(text, "cut.txt", graph, tiny_cues());
    REQUIRE(c.known_source);
    for (const auto& p : c.entities)
        for (const auto& ev : p.entity.evidence) {
            const auto span = text.substr(ev.start, ev.end - ev.start);
            INFO(p.entity.id << " at " << ev.start << "-" << ev.end << ": " << span);
            CHECK(mentions(span, p.entity.name)); // the cut keeps the name
            const auto* section = c.source.section(ev.section);
            REQUIRE(section);
            CHECK((section->start <= ev.start && ev.end <= section->end));
        }
    // The sentence crosses from "a" into "b" after "Honduras": each name keeps its own section.
    CHECK(entity(c, "honduras")->entity.evidence.front().section == "a");
    CHECK(entity(c, "panama")->entity.evidence.front().section == "b");
}

TEST_CASE("a report naming places graph-data lacks proposes them as states and cities, by their English or Spanish names",
          "[extract][world]") {
    const auto text = read_file(std::string(TG_SOURCE_DIR) + "/tests/data/extract/report-world.txt");
    auto world = read_iso_countries(kIsoCountriesJson, kIsoCountriesSpanish);
    const auto cities = major_cities();
    world.insert(world.end(), cities.begin(), cities.end());
    const auto c = extract_candidates(text, "report-world.txt", tiny(), tiny_cues(), world);
    const auto proposal = [&](const std::string& id) -> const EntityProposal* {
        for (const auto& p : c.entities)
            if (p.entity.id == id) return &p;
        return nullptr;
    };
    for (const auto& [id, kind] : std::vector<std::pair<std::string, std::string>>{{"argentina", "state"},
                                                                                   {"brazil", "state"},
                                                                                   {"paraguay", "state"},
                                                                                   {"los_angeles", "city"},
                                                                                   {"buenos_aires", "city"},
                                                                                   {"sao_paulo", "city"}}) {
        INFO(id);
        const auto* p = proposal(id);
        REQUIRE(p);
        CHECK_FALSE(p->known);
        CHECK(p->entity.kind == kind);
        CHECK(p->review.rule == (kind == "city" ? "world-gazetteer:cities" : "world-gazetteer:iso-3166"));
        CHECK(p->review.confidence == Approx(0.8));
        CHECK_FALSE(p->entity.evidence.empty());
    }
    // "Brasil" is Brazil, named twice; Argentina likewise in both languages.
    CHECK(proposal("brazil")->mentions == 2);
    CHECK(proposal("brazil")->entity.aliases == std::vector<std::string>{"Brasil"});
    CHECK(proposal("argentina")->mentions == 2);
    // Colombia and Honduras are known to the tiny graph: no new entity for a known place.
    CHECK(proposal("colombia")->known);
    // Lower-case words are no countries: turkey, china, chad.
    for (const char* id : {"turkey", "china", "chad"}) CHECK_FALSE(proposal(id));
    // The new places take part in relations like any name: Brazil and Argentina with the United
    // States only if the tiny graph knows it, which it does not, so with each other here.
    CHECK(std::any_of(c.relations.begin(), c.relations.end(),
                      [](const RelationProposal& r) { return r.relation.source == "argentina" || r.relation.target == "argentina"; }));
}

TEST_CASE("a place graph-data knows by another of its names gets the text's name as a new alias", "[extract][world]") {
    const auto world = read_iso_countries(kIsoCountriesJson, kIsoCountriesSpanish);
    const auto c = extract_candidates("Panamá y Colombia cooperan contra las FARC.", "nota.txt", tiny(), tiny_cues(), world);
    const auto panama = std::find_if(c.entities.begin(), c.entities.end(), [](const EntityProposal& p) { return p.entity.id == "panama"; });
    REQUIRE(panama != c.entities.end());
    CHECK(panama->known);
}

TEST_CASE("the embedded city list reads as cities with their other names", "[extract][world]") {
    const auto cities = major_cities();
    CHECK(cities.size() >= 100);
    const auto la = std::find_if(cities.begin(), cities.end(), [](const WorldPlace& p) { return p.name == "Los Angeles"; });
    REQUIRE(la != cities.end());
    CHECK(la->kind == "city");
    CHECK(la->code == "US");
    CHECK(la->names == std::vector<std::string>{"Los Angeles", "Los Ángeles"});
    CHECK_THROWS_AS(parse_city_list("Nowhere\n"), InternalError);
    CHECK(parse_city_list("# a comment\n\nLima\tPE\n").size() == 1);
}
