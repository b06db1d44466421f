#include "io/graph_data_loader.hpp"

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace tg;
using namespace tg::test;

namespace {

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("fixture has no \"" + from + "\"");
    return text.replace(at, from.size(), to);
}

GraphDataCheck check(const MiniGraphData& data, const std::string& sources_dir = {}) {
    TempDir dir;
    data.write_to(dir);
    auto result = check_graph_data(dir.str(), sources_dir);
    // Positions are kept through the SourceText each diagnostic holds, so the folder may go.
    return result;
}

// The 1-based line and column where `token` first appears on line `line` of `text`:
// computed from the fixture itself, independently of the loader's pointer tracking.
std::pair<std::size_t, std::size_t> where(const std::string& text, std::size_t line, const std::string& token) {
    std::size_t start = 0;
    for (std::size_t l = 1; l < line; ++l) start = text.find('\n', start) + 1;
    const auto end = text.find('\n', start);
    const auto column = text.substr(start, end - start).find(token);
    if (column == std::string::npos) throw std::runtime_error("no \"" + token + "\" on line " + std::to_string(line));
    return {line, column + 1};
}

Diagnostic only_error(const GraphDataCheck& result) {
    std::vector<const Diagnostic*> errors;
    for (const auto& d : result.diagnostics)
        if (d.severity == Severity::error) errors.push_back(&d);
    INFO([&] {
        std::string all;
        for (const auto& d : result.diagnostics) all += format_diagnostic(d);
        return all;
    }());
    REQUIRE(errors.size() == 1);
    return *errors[0];
}

void check_at(const Diagnostic& d, const std::string& file_suffix, std::pair<std::size_t, std::size_t> expected) {
    INFO(format_diagnostic(d));
    CHECK(d.file_name().size() >= file_suffix.size());
    CHECK(d.file_name().compare(d.file_name().size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0);
    CHECK(d.position().line == expected.first);
    CHECK(d.position().column == expected.second);
}

} // namespace

TEST_CASE("a small valid graph-data folder loads with every field", "[io]") {
    const auto result = check(valid_mini_graph_data());
    REQUIRE(result.graph);
    CHECK(result.diagnostics.empty());
    const auto& g = *result.graph;
    CHECK(g.entity_count() == 3);
    CHECK(g.relation_count() == 2);
    const auto& ms13 = g.entity(g.resolve("Mara Salvatrucha"));
    CHECK(ms13.id() == "ms13");
    CHECK(ms13.domains().to_vector() == std::vector<std::string>{"gang"});
    const auto members = *ms13.attribute("members");
    CHECK(std::get<double>(members.value) == 30000);
    CHECK(members.unit == "people");
    CHECK(members.year == 2018);
    CHECK(members.evidence.at(0).start == 60);
    const auto& r = g.relation(0);
    CHECK(r.id() == "farc-operates_in-colombia");
    CHECK(r.confidence() == 0.9);
    CHECK(r.grading()->code() == "B2");
    CHECK(r.period()->from == "2016");
    CHECK(r.period()->to == "2018-06");
    CHECK(g.sources().at(0).sections.size() == 2);
}

TEST_CASE("the bundled graph-data validates", "[io][data]") {
    const auto result = check_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    INFO([&] {
        std::string all;
        for (const auto& d : result.diagnostics) all += format_diagnostic(d);
        return all;
    }());
    REQUIRE(result.graph);
    CHECK(count_errors(result.diagnostics) == 0);
    CHECK(result.graph->entity_count() >= 40);
}

TEST_CASE("an unknown kind is reported at its value with a suggestion", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"kind\": \"state\"", "\"kind\": \"stat\"");
    const auto result = check(data);
    CHECK_FALSE(result.graph);
    const auto& d = only_error(result);
    CHECK(d.code == "unknown-kind");
    CHECK(d.message == "unknown kind \"stat\"");
    CHECK(d.hint == "did you mean \"state\"?");
    check_at(d, "entities.json", where(data.entities, 3, "\"stat\""));
}

TEST_CASE("a duplicate entity id is reported at the second one with a note at the first", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\n  {\"id\": \"colombia\"",
                            "\n  {\"id\": \"farc\", \"kind\": \"gang\", \"name\": \"Other\", \"evidence\": [{\"source\": \"doc\", "
                            "\"section\": \"a\", \"start\": 0, \"end\": 10, \"paraphrase\": \"Again.\"}]},\n  {\"id\": \"colombia\"");
    const auto result = check(data);
    const auto d = only_error(result);
    CHECK(d.code == "duplicate-id");
    check_at(d, "entities.json", where(data.entities, 3, "\"farc\""));
    const auto note = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                   [](const Diagnostic& x) { return x.severity == Severity::note; });
    REQUIRE(note != result.diagnostics.end());
    CHECK(note->position().line == 2);
}

TEST_CASE("a relation to a missing entity names the id and the closest one", "[io]") {
    auto data = valid_mini_graph_data();
    data.relations =
        replace(data.relations, "\"target\": \"colombia\", \"confidence\": 0.9", "\"target\": \"colombai\", \"confidence\": 0.9");
    const auto& d = only_error(check(data));
    CHECK(d.code == "unknown-entity");
    CHECK(d.message == "target \"colombai\" is not an entity id");
    CHECK(d.hint == "did you mean \"colombia\"?");
    check_at(d, "relations.json", where(data.relations, 2, "\"colombai\""));
}

TEST_CASE("an endpoint of a kind the relation type does not allow is refused", "[io]") {
    auto data = valid_mini_graph_data();
    // operates_in goes from an actor to a place: Colombia cannot operate in the FARC.
    data.relations = replace(data.relations, "\"source\": \"farc\", \"type\": \"operates_in\", \"target\": \"colombia\"",
                             "\"source\": \"colombia\", \"type\": \"operates_in\", \"target\": \"farc\"");
    const auto result = check(data);
    REQUIRE(count_errors(result.diagnostics) == 2);
    CHECK(result.diagnostics[0].code == "kind-not-allowed");
    CHECK(result.diagnostics[0].message == "\"operates_in\" cannot start at \"colombia\" (kind state)");
    CHECK(result.diagnostics[1].message == "\"operates_in\" cannot end at \"farc\" (kind insurgent_group)");
}

TEST_CASE("confidence above 1 is a schema error at the value", "[io]") {
    auto data = valid_mini_graph_data();
    data.relations = replace(data.relations, "\"confidence\": 0.5", "\"confidence\": 1.5");
    const auto& d = only_error(check(data));
    CHECK(d.code == "schema-maximum");
    CHECK(d.message == "1.5 is above the maximum 1 for \"confidence\"");
    check_at(d, "relations.json", where(data.relations, 3, "1.5"));
}

TEST_CASE("a missing required property is named", "[io]") {
    auto data = valid_mini_graph_data();
    data.relations = replace(data.relations, "\"confidence\": 0.5, ", "");
    const auto& d = only_error(check(data));
    CHECK(d.code == "missing-property");
    CHECK(d.message == "missing required property \"confidence\"");
    check_at(d, "relations.json", {3, 3});
}

TEST_CASE("a misspelt property is reported at its key with a suggestion", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"aliases\": [\"Mara", "\"alias\": [\"Mara");
    const auto& d = only_error(check(data));
    CHECK(d.code == "unknown-property");
    CHECK(d.message == "unknown property \"alias\"");
    CHECK(d.hint == "did you mean \"aliases\"?");
    check_at(d, "entities.json", where(data.entities, 4, "\"alias\""));
}

TEST_CASE("a bad Admiralty grading is refused with the expected form", "[io]") {
    auto data = valid_mini_graph_data();
    data.relations = replace(data.relations, "\"grading\": \"B2\"", "\"grading\": \"G7\"");
    const auto& d = only_error(check(data));
    CHECK(d.code == "schema-pattern");
    CHECK(d.hint == "expected an Admiralty code: reliability A-F then credibility 1-6, e.g. B2");
}

TEST_CASE("evidence outside its section or past the source is located exactly", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities =
        replace(data.entities, "\"section\": \"a\", \"start\": 10, \"end\": 20", "\"section\": \"a\", \"start\": 40, \"end\": 60");
    data.entities = replace(data.entities, "\"start\": 60, \"end\": 70", "\"start\": 60, \"end\": 170");
    const auto result = check(data);
    REQUIRE(count_errors(result.diagnostics) == 2);
    CHECK(result.diagnostics[0].code == "offset-outside-section");
    CHECK(result.diagnostics[0].message == "evidence [40, 60) is not inside section \"a\" [0, 50)");
    CHECK(result.diagnostics[0].position().line == 3);
    CHECK(result.diagnostics[1].code == "offset-outside-source");
    CHECK(result.diagnostics[1].message == "evidence ends at 170, past the end of source \"doc\" (100 bytes)");
}

TEST_CASE("unknown sources and sections and domains and relation types are each reported", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"source\": \"doc\", \"section\": \"a\", \"start\": 0",
                            "\"source\": \"dco\", \"section\": \"a\", \"start\": 0");
    data.entities = replace(data.entities, "\"section\": \"a\", \"start\": 10", "\"section\": \"z\", \"start\": 10");
    data.entities = replace(data.entities, "\"domains\": [\"gang\"]", "\"domains\": [\"gangs\"]");
    data.relations = replace(data.relations, "\"type\": \"operates_in\", \"target\": \"colombia\", \"confidence\": 0.5",
                             "\"type\": \"operate_in\", \"target\": \"colombia\", \"confidence\": 0.5");
    const auto result = check(data);
    std::vector<std::string> codes;
    for (const auto& d : result.diagnostics) codes.push_back(d.code);
    CHECK(codes == std::vector<std::string>{"unknown-source", "unknown-section", "unknown-domain", "unknown-relation-type"});
    CHECK(result.diagnostics[0].hint == "did you mean \"doc\"?");
    CHECK(result.diagnostics[2].hint == "did you mean \"gang\"?");
    CHECK(result.diagnostics[3].hint == "did you mean \"operates_in\"?");
}

TEST_CASE("an alias that names another entity is refused", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"aliases\": [\"Mara Salvatrucha\"]", "\"aliases\": [\"Mara Salvatrucha\", \"F.A.R.C.\"]");
    const auto& d = only_error(check(data));
    CHECK(d.code == "ambiguous-alias");
    CHECK(d.message == "\"F.A.R.C.\" also names entity \"farc\"");
    check_at(d, "entities.json", where(data.entities, 4, "\"F.A.R.C.\""));
}

TEST_CASE("impossible dates and backward periods are refused", "[io]") {
    auto data = valid_mini_graph_data();
    data.relations = replace(data.relations, "\"to\": \"2018-06\"", "\"to\": \"2018-02-30\"");
    CHECK(only_error(check(data)).code == "bad-date");
    data = valid_mini_graph_data();
    data.relations = replace(data.relations, "\"from\": \"2016\"", "\"from\": \"2019\"");
    CHECK(only_error(check(data)).message == "period ends (2018-06) before it starts (2019)");
}

TEST_CASE("a JSON syntax error is reported at line and column and the other files still checked", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"name\": \"Colombia\",", "\"name\": \"Colombia\"");
    data.sources = replace(data.sources, "\"length\": 100", "\"length\": -1");
    const auto result = check(data);
    REQUIRE(count_errors(result.diagnostics) >= 2);
    bool syntax = false, schema = false;
    for (const auto& d : result.diagnostics) {
        if (d.code == "json-syntax") {
            syntax = true;
            CHECK(d.position().line == 3);
            CHECK(d.message == "JSON syntax error: Missing a comma or '}' after an object member.");
        }
        schema = schema || d.code == "schema-minimum";
    }
    CHECK(syntax);
    CHECK(schema);
    CHECK_FALSE(result.graph);
}

TEST_CASE("every bad element is reported in one run and not only the first", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"kind\": \"state\"", "\"kind\": 7");
    data.entities = replace(data.entities, "\"name\": \"MS-13\"", "\"name\": \"\"");
    data.relations = replace(data.relations, "\"confidence\": 0.9", "\"confidence\": \"high\"");
    const auto result = check(data);
    CHECK(count_errors(result.diagnostics) == 3);
}

TEST_CASE("an entity that fails the schema does not cascade into relation errors", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"kind\": \"state\"", "\"kind\": 7");
    const auto& d = only_error(check(data));
    CHECK(d.code == "schema-type");
    CHECK(d.message == "expected string for \"kind\", found number");
}

TEST_CASE("a missing file is named and the rest still checked", "[io]") {
    TempDir dir;
    valid_mini_graph_data().write_to(dir);
    std::filesystem::remove(dir.path() / "relations.json");
    const auto result = check_graph_data(dir.str());
    const auto& d = only_error(result);
    CHECK(d.code == "missing-file");
    CHECK_FALSE(result.graph);
}

TEST_CASE("a missing data folder is an I/O error that says what to do", "[io]") {
    CHECK_THROWS_AS(check_graph_data("/nonexistent/graph-data"), IoError);
}

TEST_CASE("source texts are checked against their hash and length when given", "[io]") {
    // Every span of the mini graph-data names what it is evidence for in this text.
    const std::string text = "FARC ....."
                             "Colombia.." +
                             std::string(30, '.') +
                             "MS-13....."
                             "MS-13....."
                             "Colombia.." +
                             std::string(20, '.');
    REQUIRE(text.size() == 100);
    auto data = valid_mini_graph_data();
    TempDir texts;
    texts.write("doc.txt", text);
    const auto mismatch = check(data, texts.str());
    CHECK(only_error(mismatch).code == "source-hash-mismatch");

    data.sources = replace(data.sources, std::string(64, '0'), sha256_hex(text));
    const auto ok = check(data, texts.str());
    CHECK(ok.graph);
    CHECK(ok.verified_sources == std::vector<std::string>{"doc"});

    TempDir empty;
    const auto missing = check(data, empty.str());
    CHECK(missing.graph); // a warning: offsets cannot be checked, the data is still valid
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].code == "source-text-missing");
}

TEST_CASE("checking never modifies the input files", "[io]") {
    TempDir dir;
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"kind\": \"state\"", "\"kind\": \"stat\"");
    data.write_to(dir);
    std::vector<std::pair<std::string, std::string>> before;
    for (const auto& f : std::filesystem::recursive_directory_iterator(dir.path()))
        if (f.is_regular_file()) before.emplace_back(f.path().string(), sha256_hex(read_text(f.path())));
    (void)check_graph_data(dir.str());
    CHECK_THROWS_AS(load_graph_data(dir.str()), DataError);
    for (const auto& [path, digest] : before) CHECK(sha256_hex(read_text(path)) == digest);
    std::size_t count = 0;
    for (const auto& f : std::filesystem::recursive_directory_iterator(dir.path())) count += f.is_regular_file();
    CHECK(count == before.size());
}

TEST_CASE("the ontology's own mistakes are reported", "[io]") {
    auto data = valid_mini_graph_data();
    data.ontology = R"({"version": 1,
  "kinds": [
    {"id": "actor", "label": "Actor"},
    {"id": "gang", "label": "Gang", "parent": "actr"},
    {"id": "actor", "label": "Again"}
  ],
  "relation_types": [
    {"id": "rivals", "label": "rivals", "source_kinds": ["gang"], "target_kinds": ["gangg"]}
  ]
}
)";
    const auto result = check(data);
    std::vector<std::string> codes;
    for (const auto& d : result.diagnostics)
        if (d.severity == Severity::error && d.file_name().find("ontology") != std::string::npos) codes.push_back(d.code);
    CHECK(codes == std::vector<std::string>{"duplicate-id", "unknown-kind", "unknown-kind"});
    CHECK_FALSE(result.graph);
}

TEST_CASE("with the source text every evidence passage must name what it is evidence for", "[io]") {
    // Offsets into this 100-byte text: "FARC" at 0, "Colombia" at 10, "MS-13" at 50, "Mara" at 60.
    std::string text = "FARC ....."
                       "Colombia.." +
                       std::string(30, '.') +
                       "MS-13....."
                       "Mara Salva" +
                       std::string(30, '.');
    REQUIRE(text.size() == 100);
    auto data = valid_mini_graph_data();
    data.sources = replace(data.sources, std::string(64, '0'), sha256_hex(text));
    TempDir texts;
    texts.write("doc.txt", text);
    const auto ok = check(data, texts.str());
    INFO([&] {
        std::string all;
        for (const auto& d : ok.diagnostics) all += format_diagnostic(d);
        return all;
    }());
    // The relation ms13 -> colombia cites [50, 80), which names MS-13 only.
    REQUIRE(count_errors(ok.diagnostics) == 2);
    CHECK(ok.diagnostics[0].code == "evidence-does-not-name");
    CHECK(ok.diagnostics[0].message ==
          "the passage does not name \"MS-13\" by its name or an alias"); // attribute [60, 70) says "Mara Salva"
    CHECK(ok.diagnostics[1].message == "the passage does not name \"Colombia\" by its name or an alias");
    CHECK(ok.diagnostics[1].position().line == 3);

    // A note on how the passage refers to the entity answers the check.
    data.relations = replace(data.relations, "\"paraphrase\": \"MS-13 may be there.\"",
                             "\"paraphrase\": \"MS-13 may be there.\", \"refers_to\": \"'there' is Colombia\"");
    data.entities = replace(data.entities, "\"paraphrase\": \"A count.\"", "\"paraphrase\": \"A count.\", \"refers_to\": \"the gang\"");
    CHECK(check(data, texts.str()).graph);
}

TEST_CASE("a name is mentioned as whole words ignoring case and accents or as a simple plural", "[io]") {
    CHECK(mentions("The FARC, in Colombia", "farc"));
    CHECK(mentions("Mexican cartels are active", "Mexican cartel"));
    CHECK(mentions("Panamá's strategy", "Panama"));
    CHECK(mentions("MS 13 and M-18", "MS-13"));
    CHECK_FALSE(mentions("ELNs are", "ELN dissidents"));
    CHECK_FALSE(mentions("Costa Rican police", "Costa Rica"));
    CHECK_FALSE(mentions("UNDP", "UN"));
}

TEST_CASE("a broken entities file is one error and not one per relation", "[io]") {
    auto data = valid_mini_graph_data();
    data.entities = replace(data.entities, "\"name\": \"Colombia\",", "\"name\": \"Colombia");
    const auto result = check(data);
    const auto d = only_error(result);
    CHECK(d.code == "json-syntax");
    CHECK_FALSE(result.graph);
}

TEST_CASE("a relation whose evidence gives another grade than it states is a warning at its grading", "[io][grading]") {
    auto data = valid_mini_graph_data();
    // Stated flat in two sections by others: C1 (confidence 0.9), not the B2 stated.
    data.relations = replace(
        data.relations, R"([{"source": "doc", "section": "a", "start": 0, "end": 20, "paraphrase": "FARC in Colombia."}])",
        R"([{"source": "doc", "section": "a", "start": 0, "end": 20, "paraphrase": "FARC in Colombia.", "wording": "flat", "standing": "second-hand"},
 {"source": "doc", "section": "b", "start": 50, "end": 60, "paraphrase": "Again.", "wording": "flat", "standing": "second-hand"}])");
    const auto result = check(data);
    REQUIRE(result.graph);
    std::vector<const Diagnostic*> warnings;
    for (const auto& d : result.diagnostics)
        if (d.code == "grading-contradicts-evidence") warnings.push_back(&d);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0]->severity == Severity::warning);
    CHECK(warnings[0]->message.find("graded B2 but its evidence gives C1") != std::string::npos);
    check_at(*warnings[0], "relations.json", where(data.relations, 2, "\"B2\""));
}

TEST_CASE("a relation without a grading takes the one its evidence gives, and a confidence far from it is a warning", "[io][grading]") {
    auto data = valid_mini_graph_data();
    // Only hedged, by a speaker of their own side: B3, which stands for 0.6; 0.9 is too far.
    data.relations = replace(data.relations, R"("confidence": 0.9, "grading": "B2", )", R"("confidence": 0.9, )");
    data.relations = replace(data.relations, R"("paraphrase": "FARC in Colombia."})",
                             R"("paraphrase": "FARC in Colombia.", "wording": "hedged", "standing": "first-hand"})");
    const auto result = check(data);
    REQUIRE(result.graph);
    REQUIRE(result.graph->relation(0).grading());
    CHECK(result.graph->relation(0).grading()->code() == "B3");
    std::vector<const Diagnostic*> warnings;
    for (const auto& d : result.diagnostics)
        if (d.code == "confidence-contradicts-grade") warnings.push_back(&d);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0]->message.find("has confidence 0.9 but its grade B3 stands for 0.6") != std::string::npos);
    // Within 0.1 of the grade's confidence is no contradiction.
    data.relations = replace(data.relations, R"("confidence": 0.9, )", R"("confidence": 0.65, )");
    for (const auto& d : check(data).diagnostics) CHECK(d.code != "confidence-contradicts-grade");
}

TEST_CASE("an evidence wording or standing outside the rules' words is refused by the schema", "[io][grading]") {
    auto data = valid_mini_graph_data();
    data.relations = replace(data.relations, R"("paraphrase": "FARC in Colombia."})",
                             R"("paraphrase": "FARC in Colombia.", "wording": "certain", "standing": "first-hand"})");
    const auto d = only_error(check(data));
    CHECK(d.message.find("certain") != std::string::npos);
}
