// The query language before anything runs: statements read by the table, every mistake found in
// one pass and positioned, names and filters checked against the graph.
#include "io/graph_data_loader.hpp"
#include "query/binder.hpp"
#include "query/lexer.hpp"
#include "query/parser.hpp"
#include "query/statements.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace tg;
using namespace tg::query;

namespace {

const KnowledgeGraph& proceedings() {
    static const auto graph = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    return graph;
}

struct Compiled {
    QueryFile file;
    BoundQuery bound;
    std::vector<Diagnostic> diagnostics;
};

Compiled compile(const std::string& text) {
    Compiled c;
    c.bound = compile_query(std::make_shared<SourceText>("q.tgq", text), proceedings(), c.diagnostics, c.file);
    return c;
}

// "line:column message" of every diagnostic, in the order found.
std::vector<std::string> problems(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& d : compile(text).diagnostics)
        out.push_back(std::to_string(d.position().line) + ":" + std::to_string(d.position().column) + " " + d.message +
                      (d.hint.empty() ? "" : " | " + d.hint));
    return out;
}

// The entities a FIND filter keeps, by id.
std::vector<std::string> found(const std::string& filter) {
    auto c = compile("FIND WHERE " + filter);
    REQUIRE(c.diagnostics.empty());
    std::vector<std::string> ids;
    for (std::size_t e = 0; e < proceedings().entity_count(); ++e)
        if (c.bound.statements.at(0).entities(e)) ids.emplace_back(proceedings().entity(e).id());
    return ids;
}

} // namespace

TEST_CASE("statements end at a line break unless the next line is indented, or at a semicolon", "[query]") {
    auto c = compile("# a comment\nCENTRALITY degree\n    TOP 3 -- continued\nSTRUCTURE; SUMMARY\n\n-- the end\n");
    REQUIRE(c.diagnostics.empty());
    REQUIRE(c.file.statements.size() == 3);
    CHECK(c.bound.statements[0].value("top") == "3");
    CHECK(c.bound.statements[0].text == "CENTRALITY degree TOP 3");
    CHECK(c.file.statements[1].verb == "structure");
    CHECK(c.file.statements[2].verb == "summary");
}

TEST_CASE("keywords ignore case, names resolve through aliases, and numbers and dates read as such", "[query]") {
    auto c = compile("paths from 'mara salvatrucha' to \"Barrio 18\" k 2 as of 2018-06 min confidence 0.5");
    REQUIRE(c.diagnostics.empty());
    const auto& b = c.bound.statements.at(0);
    CHECK(b.value("from") == "ms13");
    CHECK(b.value("to") == "barrio_18");
    CHECK(b.count("k", 1) == 2);
    CHECK(b.value("as of") == "2018-06");
    CHECK(b.number("min confidence", 0) == 0.5);
}

TEST_CASE("an unterminated string is reported where it opens and the next statement is still read", "[query]") {
    CHECK(problems("SHOW \"Mara 18\nCENTRALTY degree\n") ==
          std::vector<std::string>{"1:6 this string is never closed | end it with \" on the same line",
                                   "2:1 unknown statement \"CENTRALTY\" | did you mean \"CENTRALITY\"?"});
}

TEST_CASE("an unknown clause gets the closest clause of its statement", "[query]") {
    CHECK(problems("CENTRALITY degree TOPP 3") ==
          std::vector<std::string>{"1:19 unexpected \"TOPP\" in CENTRALITY | did you mean \"TOP\"?"});
    CHECK(problems("SUMMARY TOP 3").at(0) == "1:9 unexpected \"TOP\" in SUMMARY | SUMMARY takes no clauses");
}

TEST_CASE("a missing clause or argument names what the statement needs, with an example", "[query]") {
    CHECK(problems("PATHS FROM \"FARC\"").at(0) ==
          "1:1 PATHS needs TO | for example: PATHS FROM \"FARC\" TO \"Hezbollah\" K 3 DIRECTION any");
    CHECK(problems("CENTRALITY").at(0) ==
          "1:1 CENTRALITY needs the measure | for example: CENTRALITY betweenness TOP 10 WHERE kind = state");
    CHECK(problems("CONNECT \"FARC\"").at(0) ==
          "1:1 CONNECT needs two or more entities | for example: CONNECT \"FARC\", \"ELN\", \"Hezbollah\"");
    CHECK(problems("FIND WHERE").at(0) ==
          "1:11 WHERE needs a filter, found the end of the statement | for example: kind = state AND name ~ \"police\"");
    CHECK(problems("FIND WHERE kind IN state").at(0) == "1:20 expected \"(\" after IN, found \"state\" | write kind IN (gang, cartel)");
}

TEST_CASE("type errors: a word where a number belongs, a confidence above 1, a date that is none", "[query]") {
    CHECK(problems("CENTRALITY degree TOP ten") == std::vector<std::string>{"1:23 TOP expects a whole number, found \"ten\""});
    CHECK(problems("STRUCTURE MIN CONFIDENCE 2") == std::vector<std::string>{"1:26 MIN CONFIDENCE expects a number from 0 to 1, found 2"});
    CHECK(problems("STRUCTURE AS OF 2018-13") ==
          std::vector<std::string>{"1:17 \"2018-13\" is not a date | use YYYY, YYYY-MM or YYYY-MM-DD"});
    CHECK(problems("KEYPLAYERS 2.5") == std::vector<std::string>{"1:12 the K expects a whole number, found \"2.5\""});
    CHECK(problems("FIND WHERE cocaine_seized > lots").at(0) == "1:29 \"cocaine_seized\" > needs a number, found \"lots\"");
}

TEST_CASE("unknown names get suggestions from the graph: entities, kinds, types, domains, measures, fields", "[query]") {
    CHECK(problems("SHOW \"Hesbollah\"").at(0) ==
          "1:6 unknown entity \"Hesbollah\" | did you mean one of \"Hezbollah\", \"Hizballah\" or \"Hizbullah\"?");
    CHECK(problems("FIND WHERE kind = stat").at(0) == "1:19 unknown kind \"stat\" | did you mean \"state\"?");
    CHECK(problems("STRUCTURE VIA trafics").at(0) == "1:15 unknown relation type \"trafics\" | did you mean \"traffics\"?");
    CHECK(problems("CONVERGENCE DOMAINS terorism").at(0) == "1:21 unknown domain \"terorism\" | did you mean \"terrorism\"?");
    CHECK(problems("CENTRALITY pagerang").at(0) == "1:12 unknown measure \"pagerang\" | did you mean \"pagerank\"?");
    CHECK(problems("FIND WHERE knid = gang").at(0).rfind("1:12 unknown field \"knid\" | did you mean", 0) == 0);
    CHECK(problems("FIND WHERE confidence > 0.5").at(0).rfind("1:12 \"confidence\" is a field of relations, not of entities", 0) == 0);
}

TEST_CASE("selections must be made before they are used, once, and files stay under the output folder", "[query]") {
    CHECK(problems("STRUCTURE IN actors").at(0) ==
          "1:14 unknown selection \"actors\" | make one first with LET actors = SELECT ENTITIES WHERE ...");
    CHECK(problems("LET a = SELECT ENTITIES WHERE kind = gang\nLET a = FIND WHERE kind = cartel").at(0) ==
          "2:5 \"a\" is already a selection | give this one another name");
    CHECK(problems("LET a = CENTRALITY degree").at(0) ==
          "1:9 CENTRALITY makes no selection to name | LET takes SELECT, FIND, NEIGHBORS, PATHS or CONNECT");
    CHECK(problems("EXPORT TO \"/etc/passwd\"").at(0).rfind("1:11 a query writes only under the output folder", 0) == 0);
    CHECK(problems("RENDER TO \"../up.svg\"").at(0).rfind("1:11 a query writes only under the output folder", 0) == 0);
    CHECK(problems("LET a = SELECT ENTITIES WHERE kind = gang\nSTRUCTURE IN a").empty());
}

TEST_CASE("every mistake of a file is found in one pass", "[query]") {
    const auto all =
        problems("CENTRALTY degree\nSHOW \"Hesbollah\"\nCENTRALITY degree TOP ten\nPATHS FROM \"FARC\"\nFIND WHERE kind = stat\n");
    CHECK(all.size() == 5);
}

TEST_CASE("entity filters: kinds with their subkinds, domains, names and aliases, attributes, AND OR NOT", "[query]") {
    CHECK(found("kind = gang") == std::vector<std::string>{"ms13", "barrio_18", "central_american_gangs"});
    const auto criminal = found("kind = criminal_organization");
    CHECK(criminal.size() == 5); // the kind, cartels and gangs
    CHECK(found("name = \"Mara Salvatrucha\"") == std::vector<std::string>{"ms13"});
    CHECK(found("name ~ \"salvatrucha\"") == std::vector<std::string>{"ms13"});
    CHECK(found("domain = terrorism AND NOT domain = organized_crime") == std::vector<std::string>{"eln", "al_qaeda"});
    CHECK(found("kind = gang AND (name = \"MS-13\" OR name = \"Mara 18\")") == std::vector<std::string>{"ms13", "barrio_18"});
    CHECK(found("id NOT IN (ms13, barrio_18) AND kind = gang") == std::vector<std::string>{"central_american_gangs"});
    const auto seized = found("cocaine_seized >= 1000");
    CHECK(!seized.empty());
    for (const auto& id : seized) {
        const auto a = *proceedings().entity(*proceedings().find(id)).attribute("cocaine_seized");
        CHECK(std::get<double>(a.value) >= 1000);
    }
}

TEST_CASE("relation filters: type, confidence, endpoints and the date a relation holds", "[query]") {
    auto c = compile("LET x = SELECT RELATIONS WHERE type = counters AND target = \"MS-13\" AND confidence >= 0.3 AND valid = 2018");
    REQUIRE(c.diagnostics.empty());
    std::vector<std::string> ids;
    for (std::size_t r = 0; r < proceedings().relation_count(); ++r)
        if (c.bound.statements.at(0).relations(r)) ids.push_back(proceedings().relation(r).id());
    CHECK(ids == std::vector<std::string>{"fusina-counters-ms13"});
}

TEST_CASE("the example of every statement parses and binds on the bundled graph", "[query]") {
    std::string all;
    for (const auto& s : statement_specs()) {
        INFO(s.example);
        auto c = compile((s.makes_selection && s.example.rfind("LET", 0) != 0 ? "LET x = " : "") + s.example);
        CHECK(c.diagnostics.empty());
        if (!c.diagnostics.empty()) CHECK(c.diagnostics.front().message.empty());
    }
}

TEST_CASE("queries/README.md documents every statement with its example and lists every shipped query", "[query]") {
    std::ifstream in(std::string(TG_SOURCE_DIR) + "/queries/README.md");
    const std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& s : statement_specs()) {
        std::string heading = "### ";
        for (const char c : s.verb) heading += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        INFO(heading);
        CHECK(readme.find(heading + "\n") != std::string::npos);
        CHECK(readme.find("\n" + s.example + "\n") != std::string::npos);
    }
    for (const auto& f : std::filesystem::directory_iterator(std::string(TG_SOURCE_DIR) + "/queries"))
        if (f.path().extension() == ".tgq") CHECK(readme.find("`" + f.path().filename().string() + "`") != std::string::npos);
}

TEST_CASE("a filter nested past 64 levels is refused, not a crash", "[query]") {
    std::string deep = "FIND WHERE ";
    for (int i = 0; i < 10000; ++i) deep += "(";
    deep += "kind = state";
    for (int i = 0; i < 10000; ++i) deep += ")";
    const auto found_problems = problems(deep);
    REQUIRE(found_problems.size() == 1);
    CHECK(found_problems[0].find("the filter nests more than 64 levels deep") != std::string::npos);
    std::string nots = "FIND WHERE ";
    for (int i = 0; i < 100000; ++i) nots += "NOT ";
    CHECK(problems(nots + "kind = state").size() == 1);
}

TEST_CASE("counts are whole numbers however written, and some must be at least 1", "[query]") {
    auto c = compile("CENTRALITY degree TOP 1e1");
    REQUIRE(c.diagnostics.empty());
    CHECK(c.bound.statements[0].value("top") == "10");
    CHECK(problems("KEYPLAYERS 0").at(0) == "1:12 the K must be at least 1");
    CHECK(problems("PATHS FROM FARC TO ELN K 0").at(0) == "1:26 K must be at least 1");
    CHECK(problems("DISRUPT SEEDS 5000").at(0) == "1:15 SEEDS must be at most 1000");
    CHECK(problems("FIND LIMIT 0").at(0) == "1:12 LIMIT must be at least 1");
}

TEST_CASE("mistakes that show only in the whole statement are found before anything runs", "[query]") {
    CHECK(problems("SELECT ENTITIES WHERE kind = gang").at(0) ==
          "1:1 SELECT makes a selection and must be named | write LET name = SELECT ENTITIES WHERE ...");
    CHECK(problems("PATHS FROM FARC TO ELN ALL").at(0).rfind("1:24 ALL needs MAX HOPS", 0) == 0);
    CHECK(problems("EXPORT TO \"x.txt\"").at(0).rfind("1:11 cannot tell the export format of \"x.txt\"", 0) == 0);
    CHECK(problems("EXPORT TO \"x.JSON\"").empty());
    CHECK(problems("EXPORT TO \"file..json\"").empty());
    CHECK(problems("RENDER TO \"x.gif\"").at(0).rfind("1:11 cannot tell the image format", 0) == 0);
    CHECK(problems("DISRUPT STRATEGY names TARGETS \"Nobody here\"").at(0).rfind("1:32 unknown entity \"Nobody here\"", 0) == 0);
    CHECK(problems("DISRUPT STRATEGY names REMOVE ties TARGETS \"FARC\"").at(0).rfind("1:44 a tie is two entities joined by --", 0) == 0);
    CHECK(problems("DISRUPT STRATEGY names REMOVE ties TARGETS \"FARC--Colombia\"").empty());
    CHECK(problems("STRUCTURE WEIGHT heavyness").at(0).rfind("1:18 unknown weight \"heavyness\"", 0) == 0);
    CHECK(problems("RENDER TO \"x.svg\" CLUSTER BY faction").at(0).rfind("1:30 no entity has an attribute \"faction\"", 0) == 0);
    CHECK(problems("CENTRALITY edge-betweenness TOP 3").empty());
    CHECK(problems("STRUCTURE WEIGHT confidence").empty());
    CHECK(problems("COMMUNITIES METHOD lovain").at(0) == "1:20 unknown METHOD \"lovain\" | did you mean \"louvain\"?");
}

TEST_CASE("an unclosed parenthesis ends with its line, and the lines after it are still read", "[query]") {
    const auto all = problems("FIND WHERE (kind = state\nSUMMARY\nCENTRALITY bogus\n");
    REQUIRE(all.size() == 2);
    CHECK(all[0].rfind("1:25 expected \")\", found the end of the statement", 0) == 0);
    CHECK(all[1].rfind("3:12 unknown measure \"bogus\"", 0) == 0);
}

TEST_CASE("selection names must not be words of the language, and a broken LET causes no second error", "[query]") {
    CHECK(problems("LET to = SELECT ENTITIES WHERE kind = gang").at(0).rfind("1:5 \"to\" is a word of the language", 0) == 0);
    CHECK(problems("LET g = SELECT ENTITIES WHERE kind = stat\nSTRUCTURE IN g").size() == 1);
    CHECK(problems("LET to = SELECT ENTITIES WHERE kind = gang\nSTRUCTURE IN to").size() == 1);
    CHECK(problems("LET threats = SELECT ENTITIES WHERE kind = gang\nSTRUCTURE IN threats").empty());
}

TEST_CASE("curly quotes delimit strings, and a note is searched with ~ only", "[query]") {
    auto c = compile("SHOW \xE2\x80\x9CMara 18\xE2\x80\x9D");
    REQUIRE(c.diagnostics.empty());
    CHECK(c.bound.statements[0].arguments.at(0) == "barrio_18");
    CHECK(problems("FIND WHERE note IN (\"a\", \"b\")").at(0).rfind("1:12 note compares only with ~ (contains)", 0) == 0);
    CHECK(
        problems("LET r = SELECT RELATIONS WHERE kind = state").at(0).rfind("1:32 \"kind\" is a field of entities, not of relations", 0) ==
        0);
}

TEST_CASE("a statement's heading drops comments and keeps the spaces inside strings", "[query]") {
    auto c = compile("CENTRALITY degree # the measure\n    TOP 2 -- only two\nSEARCH \"a  b\"");
    REQUIRE(c.diagnostics.empty());
    CHECK(c.bound.statements[0].text == "CENTRALITY degree TOP 2");
    CHECK(c.bound.statements[1].text == "SEARCH \"a  b\"");
}

// Found by fuzz_query: a closing curly quote outside a string started a word that held nothing
// and never moved on, filling memory with empty tokens.
TEST_CASE("a closing curly quote without its opening one is an error at its place, not a hang", "[query]") {
    std::vector<Diagnostic> diagnostics;
    const auto tokens = query::tokenize(std::make_shared<SourceText>("q", "FIND \xE2\x80\x9Dx\xE2\x80\x99"), diagnostics);
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].code == "unexpected-character");
    CHECK(diagnostics[0].position().column == 6);
    CHECK(diagnostics[1].position().column == 8);
    CHECK(tokens.size() == 5); // FIND, the quote, x, the quote, the end
}
