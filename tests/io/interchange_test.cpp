// Exports read back: GraphML, node-link JSON and the Neo4j CSV pair give back the graph they were
// written from, and what cannot be written or read is refused with a clear message.
#include "core/error.hpp"
#include "io/dynetml_writer.hpp"
#include "io/gexf_writer.hpp"
#include "io/graph_data_loader.hpp"
#include "io/graph_data_writer.hpp"
#include "io/graph_import.hpp"
#include "io/graphml_writer.hpp"
#include "io/neo4j_writer.hpp"
#include "io/network_reader.hpp"
#include "io/node_link_writer.hpp"
#include "io/property_columns.hpp"
#include "io/xml_reader.hpp"
#include "support/single_error.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <numeric>

using namespace tg;
using namespace tg::test;

namespace {

Evidence evidence(std::size_t start, std::string paraphrase) { return {"doc", "s1", start, start + 10, std::move(paraphrase), {}, {}, {}}; }

// Everything a writer must escape or keep apart, in one small graph.
KnowledgeGraph tricky_graph() {
    Ontology ontology;
    ontology.add_kind({"actor", "Actor", "", "ellipse", "#D55E00"});
    ontology.add_kind({"gang", "Gang", "actor", "", ""});
    ontology.add_kind({"state", "State", "", "box", "#E69F00"});
    ontology.add_relation_type({"operates_in", "operates in", {"*"}, {"*"}, false, "solid", ""});
    ontology.add_relation_type({"borders", "borders", {"state"}, {"state"}, true, "dashed", ""});
    KnowledgeGraph g(std::move(ontology));
    Entity gang{"ms-13", "gang", "MS-13 \"La Mara\" <Salvatrucha> & co", {"Mara Salvatrucha", "M;S\n13"}, {"gang"}, {}, {}, ""};
    gang.attributes["members"] = Attribute{70000.0, "people", 2018, "estimate, \"about\"", {evidence(5, "About seventy thousand.")}};
    gang.attributes["mixed"] = Attribute{2.5, "", std::nullopt, "", {}};
    gang.attributes["armed"] = Attribute{true, "", std::nullopt, "", {}};
    gang.attributes["empty"] = Attribute{std::string(), "", std::nullopt, "", {}};
    gang.evidence = {evidence(0, "It says: 'MS-13' is a gang.\tTabbed.")};
    gang.note = "line one\nline two";
    Entity state{"el_salvador", "state", "El Salvador", {}, {}, {}, {evidence(20, "Policía Nacional Civil — El Salvador.")}, ""};
    state.attributes["mixed"] = Attribute{std::string("about 3"), "", std::nullopt, "", {}};
    Entity other{"guatemala", "state", "Guatemala", {"República de Guatemala"}, {}, {}, {evidence(30, "Guatemala.")}, ""};
    other.attributes["mixed"] = Attribute{false, "", std::nullopt, "", {}};
    g.add_entity(gang);
    g.add_entity(state);
    g.add_entity(other);
    Relation r1{"ms-13-operates_in-el_salvador",   "ms-13", "operates_in", "el_salvador", 0.85, parse_grading("B2"), Period{"2016", ""}, {},
                {evidence(40, "Operates there.")}, ""};
    r1.attributes["share"] = Attribute{0.1 + 0.2, "", std::nullopt, "", {}};
    Relation r2{
        "guatemala-borders-el_salvador", "guatemala", "borders", "el_salvador", 1.0, std::nullopt, Period{"2017-02", "2018-02"}, {}, {},
        "no evidence, on purpose"};
    Relation r3{"ms-13-operates_in-guatemala", "ms-13", "operates_in", "guatemala", 0.3, std::nullopt, std::nullopt, {},
                {evidence(50, "Also here.")},  ""};
    g.add_relation(r1);
    g.add_relation(r2);
    g.add_relation(r3);
    return g;
}

std::vector<std::size_t> all(std::size_t n) {
    std::vector<std::size_t> out(n);
    std::iota(out.begin(), out.end(), 0);
    return out;
}

std::vector<Entity> entities_of(const KnowledgeGraph& g) {
    std::vector<Entity> out;
    for (std::size_t e = 0; e < g.entity_count(); ++e) out.push_back(g.entity(e).record());
    return out;
}

std::vector<Relation> relations_of(const KnowledgeGraph& g) {
    std::vector<Relation> out;
    for (std::size_t r = 0; r < g.relation_count(); ++r) out.push_back(g.relation(r).record());
    return out;
}

// Writes the graph in the format and reads it back.
ImportedGraph round_trip(const KnowledgeGraph& g, ImportFormat format, const TempDir& dir) {
    const auto e = all(g.entity_count());
    const auto r = all(g.relation_count());
    if (format == ImportFormat::graphml) return import_graph(dir.write("g.graphml", write_graphml(g, e, r)));
    if (format == ImportFormat::json) return import_graph(dir.write("g.json", write_node_link(g, e, r)));
    const auto csv = write_neo4j_csv(g, e, r);
    dir.write("neo4j/entities.csv", csv.entities);
    dir.write("neo4j/relations.csv", csv.relations);
    return import_graph((dir.path() / "neo4j").string());
}

// The graph-data files are the canonical form: equal files, equal graphs.
void require_same(const KnowledgeGraph& g, const ImportedGraph& back) {
    auto entities = entities_of(g);
    // GraphML reads an empty text as missing, because igraph writes every missing string so.
    if (back.format == ImportFormat::graphml)
        for (auto& e : entities)
            for (auto it = e.attributes.begin(); it != e.attributes.end();)
                it = format_value(it->second.value).empty() ? e.attributes.erase(it) : std::next(it);
    CHECK(write_entities_file(back.entities) == write_entities_file(entities));
    CHECK(write_relations_file(back.relations) == write_relations_file(relations_of(g)));
}

} // namespace

TEST_CASE("export then import gives back the same graph in GraphML, node-link JSON and the Neo4j CSV pair", "[io][interchange]") {
    const auto g = tricky_graph();
    for (auto format : {ImportFormat::graphml, ImportFormat::json, ImportFormat::csv}) {
        TempDir dir;
        INFO("format " << static_cast<int>(format));
        const auto back = round_trip(g, format, dir);
        require_same(g, back);
        CHECK(back.notices.empty());
        // Spot checks that the canonical comparison cannot hide.
        REQUIRE(back.entities.size() == 3);
        CHECK(back.entities[0].name == "MS-13 \"La Mara\" <Salvatrucha> & co");
        CHECK(back.entities[0].aliases.at(1) == "M;S\n13");
        CHECK(std::get<double>(back.entities[0].attributes.at("mixed").value) == 2.5);
        CHECK(std::get<std::string>(back.entities[1].attributes.at("mixed").value) == "about 3");
        CHECK(std::get<bool>(back.entities[2].attributes.at("mixed").value) == false);
        if (format != ImportFormat::graphml) CHECK(std::get<std::string>(back.entities[0].attributes.at("empty").value).empty());
        CHECK(back.entities[0].attributes.at("members").year == 2018);
        CHECK(std::get<double>(back.relations[0].attributes.at("share").value) == 0.1 + 0.2);
        CHECK(back.relations[1].period->from == "2017-02");
        CHECK(!back.relations[1].grading);
    }
}

TEST_CASE("the bundled graph-data survives export and import in every format that carries everything", "[io][interchange]") {
    const auto g = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    for (auto format : {ImportFormat::graphml, ImportFormat::json, ImportFormat::csv}) {
        TempDir dir;
        INFO("format " << static_cast<int>(format));
        const auto back = round_trip(g, format, dir);
        CHECK(back.entities.size() == g.entity_count());
        CHECK(back.relations.size() == g.relation_count());
        // The CSV pair has no place for graph-level data such as the source list.
        CHECK(back.sources == (format == ImportFormat::csv ? std::vector<std::string>{} : std::vector<std::string>{"perry2018"}));
        require_same(g, back);
    }
}

TEST_CASE("property columns type each attribute and mark the ones whose values mix types", "[io][interchange]") {
    const auto g = tricky_graph();
    const auto table = entity_properties(g, all(3));
    const auto column = [&](const std::string& name) {
        for (const auto& c : table.columns)
            if (c.name == name) return c;
        FAIL("no column " << name);
        return PropertyColumn{};
    };
    CHECK(column("members").type == PropertyType::integer);
    CHECK(column("members.year").type == PropertyType::integer);
    CHECK(column("armed").type == PropertyType::boolean);
    CHECK(column("mixed").type == PropertyType::text);
    CHECK(column("mixed.type").type == PropertyType::text);
    CHECK(column("evidence").json);
    CHECK(relation_properties(g, all(3)).columns.at(2).name == "confidence");
    CHECK(property_text(PropertyType::number, 0.1 + 0.2) == "0.30000000000000004");
    CHECK(property_text(PropertyType::integer, 70000.0) == "70000");
}

TEST_CASE("an attribute whose column a core property takes is refused, not merged", "[io][interchange]") {
    auto g = tricky_graph();
    Entity e{"x", "state", "X", {}, {}, {}, {evidence(0, "x")}, ""};
    e.attributes["kind"] = Attribute{std::string("clash"), "", std::nullopt, "", {}};
    g.add_entity(e);
    CHECK_THROWS_WITH(write_graphml(g, all(4), all(3)), Catch::Contains("attribute \"kind\" cannot be exported"));
}

TEST_CASE("a control character XML cannot hold is refused by the XML writers", "[io][interchange]") {
    Ontology ontology;
    ontology.add_kind({"state", "State", "", "", ""});
    KnowledgeGraph g(std::move(ontology));
    g.add_entity({"a", "state", std::string("bell\x07"), {}, {}, {}, {}, ""});
    CHECK_THROWS_WITH(write_graphml(g, {0}, {}), Catch::Contains("control character U+0007"));
    CHECK_THROWS_WITH(write_gexf(g, {0}, {}), Catch::Contains("control character U+0007"));
    CHECK_NOTHROW(write_node_link(g, {0}, {}));
}

TEST_CASE("GEXF spells turn partial dates into the first or last day they stand for", "[io][interchange]") {
    CHECK(spell_date("2018", false) == "2018-01-01");
    CHECK(spell_date("2018", true) == "2018-12-31");
    CHECK(spell_date("2016-02", true) == "2016-02-29");
    CHECK(spell_date("2100-02", true) == "2100-02-28");
    CHECK(spell_date("2018-11", true) == "2018-11-30");
    CHECK(spell_date("2018-06-05", true) == "2018-06-05");
    const auto gexf = write_gexf(tricky_graph(), all(3), all(3));
    CHECK_THAT(gexf, Catch::Contains("<spell start=\"2017-02-01\" end=\"2018-02-28\"/>"));
    CHECK_THAT(gexf, Catch::Contains("<spell start=\"2016-01-01\"/>"));
    CHECK_THAT(gexf, Catch::Contains("mode=\"dynamic\" timeformat=\"date\""));
}

TEST_CASE("the Cypher script escapes quotes and line breaks and labels entities by their kind's lineage", "[io][interchange]") {
    const auto cypher = write_cypher(tricky_graph(), all(3), all(3));
    CHECK_THAT(cypher, Catch::Contains("CREATE (:`Entity`:`gang`:`actor` {id: 'ms-13'"));
    CHECK_THAT(cypher, Catch::Contains("`note`: 'line one\\nline two'"));
    CHECK_THAT(cypher, Catch::Contains("`aliases`: ['Mara Salvatrucha', 'M;S\\n13']"));
    CHECK_THAT(cypher, Catch::Contains("It says: \\'MS-13\\' is a gang.\\\\tTabbed."));
    CHECK_THAT(cypher, Catch::Contains("CREATE (a)-[:`borders` {id: 'guatemala-borders-el_salvador'"));
}

TEST_CASE("a malformed evidence cell is reported at its place in the file", "[io][interchange]") {
    TempDir dir;
    const auto path =
        dir.write("bad.graphml",
                  "<?xml version=\"1.0\"?>\n<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
                  "<graph edgedefault=\"directed\">\n<node id=\"a\"><data key=\"k\">[{\"source\": 1}]</data></node>\n</graph></graphml>\n");
    const auto d = single_error([&] { import_graph(path); });
    CHECK(d.position().line == 5);
    CHECK(d.position().column == 28);
    CHECK_THAT(d.message, Catch::Contains("property \"evidence\": evidence item 1: \"source\" must be a string"));
}

TEST_CASE("an edge without a type cannot be imported", "[io][interchange]") {
    TempDir dir;
    const auto path =
        dir.write("g.json", "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}\n");
    const auto d = single_error([&] { import_graph(path); });
    CHECK(d.position().line == 2);
    CHECK_THAT(d.message, Catch::Contains("link a -> b has no \"type\""));
}

TEST_CASE("a CSV row with a missing field and a bad number are reported where they are", "[io][interchange]") {
    TempDir dir;
    dir.write("n/entities.csv", "id:ID,:LABEL,name:string,kind:string\n\"a\",\"Entity\",\"A\",\"state\"\n\"b\",\"Entity\",\"B\"\n");
    dir.write("n/relations.csv", ":START_ID,:END_ID,:TYPE,id:string,confidence:double\n");
    const auto short_row = single_error([&] { import_graph((dir.path() / "n").string()); });
    CHECK(short_row.position().line == 3);
    CHECK_THAT(short_row.message, Catch::Contains("row has 3 fields, the header 4"));
    dir.write("n/entities.csv", "id:ID,:LABEL,name:string,kind:string\n\"a\",\"Entity\",\"A\",\"state\"\n");
    dir.write("n/relations.csv", ":START_ID,:END_ID,:TYPE,id:string,confidence:double\n\"a\",\"a\",\"t\",\"r\",high\n");
    const auto bad_number = single_error([&] { import_graph((dir.path() / "n" / "relations.csv").string()); });
    CHECK(bad_number.position().line == 2);
    CHECK(bad_number.position().column == 17);
    CHECK_THAT(bad_number.message, Catch::Contains("property \"confidence\": \"high\" is not a number"));
}

TEST_CASE("GraphML that igraph wrote back comes in with the entity ids it keeps as a property", "[io][interchange]") {
    TempDir dir;
    const auto path = dir.write("ig.graphml", R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="v_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="v_id" for="node" attr.name="id" attr.type="string"/>
  <key id="v_size" for="node" attr.name="size" attr.type="double"/>
  <key id="v_aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="e_type" for="edge" attr.name="type" attr.type="string"/>
  <key id="e_id" for="edge" attr.name="id" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="v_kind">state</data><data key="v_id">panama</data><data key="v_size">NaN</data><data key="v_aliases"></data></node>
    <node id="n1"><data key="v_kind">gang</data><data key="v_id">ms13</data><data key="v_size">3.5</data><data key="v_aliases">["MS"]</data></node>
    <edge source="n1" target="n0"><data key="e_type">operates_in</data><data key="e_id">ms13-operates_in-panama</data></edge>
  </graph>
</graphml>
)");
    const auto g = import_graph(path);
    REQUIRE(g.entities.size() == 2);
    CHECK(g.entities[0].id == "panama");
    CHECK(g.entities[0].attributes.empty());
    CHECK(g.entities[0].aliases.empty());
    CHECK(std::get<double>(g.entities[1].attributes.at("size").value) == 3.5);
    REQUIRE(g.relations.size() == 1);
    CHECK(g.relations[0].id == "ms13-operates_in-panama");
    CHECK(g.relations[0].source == "ms13");
    CHECK(g.relations[0].target == "panama");
}

TEST_CASE("a relation without an id gets source-type-target, numbered when taken, and a note says so", "[io][interchange]") {
    TempDir dir;
    const auto path = dir.write("g.json", R"({"nodes": [{"id": "a", "kind": "state"}, {"id": "b", "kind": "state"}],
 "links": [{"source": "a", "target": "b", "type": "t"}, {"source": "a", "target": "b", "type": "t"},
           {"source": "a", "target": "b", "type": "t", "key": "kept"}]})");
    const auto g = import_graph(path);
    REQUIRE(g.relations.size() == 3);
    CHECK(g.relations[0].id == "a-t-b");
    CHECK(g.relations[1].id == "a-t-b-2");
    CHECK(g.relations[2].id == "kept");
    REQUIRE(g.notices.size() == 1);
    CHECK_THAT(g.notices[0].message, Catch::Contains("2 relations had no id"));
}

TEST_CASE("GEXF attributes keep quotes, angle brackets and line breaks through an XML parser", "[io][interchange]") {
    const auto g = tricky_graph();
    XmlReader reader(std::make_shared<SourceText>("g.gexf", write_gexf(g, all(3), all(3))));
    std::map<std::string, std::string> titles; // attribute id -> title
    std::string label, note_id, note;
    bool in_gang = false;
    for (auto e = reader.next(); e.type != XmlEvent::done; e = reader.next()) {
        if (e.type != XmlEvent::start) continue;
        if (e.name == "attribute") titles[*e.attribute("id")] = *e.attribute("title");
        if (e.name == "node") {
            in_gang = *e.attribute("id") == "ms-13";
            if (in_gang) label = *e.attribute("label");
        }
        if (e.name == "attvalue" && in_gang && titles[*e.attribute("for")] == "note") note = *e.attribute("value");
    }
    CHECK(label == "MS-13 \"La Mara\" <Salvatrucha> & co");
    CHECK(note == "line one\nline two");
}

TEST_CASE("a DyNetML export reads back as the network it was written from, names and properties intact", "[io][interchange][dynetml]") {
    const auto g = tricky_graph();
    TempDir dir;
    NetworkOptions options;
    options.path = dir.write("g.xml", write_dynetml(g, all(3), all(3)));
    const auto n = read_network(options);
    const auto& back = *n.graph;
    CHECK(n.format == NetworkFormat::dynetml);
    REQUIRE(back.entity_count() == 3);
    const auto gang = back.resolve("ms-13");
    CHECK(back.entity(gang).name() == "MS-13 \"La Mara\" <Salvatrucha> & co");
    CHECK(std::get<std::string>(back.entity(gang).attributes().at("nodeclass").value) == "gang");
    CHECK(std::get<double>(back.entity(gang).attributes().at("members").value) == 70000);
    REQUIRE(back.relation_count() == g.relation_count());
    // Links come network by network; each keeps its relation's id.
    std::map<std::string, std::size_t> read_as;
    for (std::size_t r = 0; r < back.relation_count(); ++r)
        read_as[std::get<std::string>(back.relation(r).attributes().at("id").value)] = r;
    for (std::size_t r = 0; r < g.relation_count(); ++r) {
        const auto& written = g.relation(r);
        REQUIRE(read_as.count(written.id()));
        const auto b = read_as.at(written.id());
        CHECK(back.entity(back.source_of(b)).id() == written.source());
        CHECK(back.entity(back.target_of(b)).id() == written.target());
        CHECK(std::get<std::string>(back.relation(b).attributes().at("network").value) == written.type());
    }
    CHECK(std::get<double>(back.relation(read_as.at(g.relation(0).id())).attributes().at("share").value) == 0.1 + 0.2);
}

TEST_CASE("the bundled graph-data as DyNetML has a node class per kind and a network per relation type", "[io][interchange][dynetml]") {
    const auto g = load_graph_data(std::string(TG_SOURCE_DIR) + "/graph-data");
    TempDir dir;
    const auto text = write_dynetml(g, all(g.entity_count()), all(g.relation_count()));
    CHECK_THAT(text, Catch::Contains("<nodeclass type=\"Organization\" id=\"terrorist_group\">"));
    CHECK_THAT(text, Catch::Contains("<nodeclass type=\"Location\" id=\"state\">"));
    NetworkOptions options;
    options.path = dir.write("g.dynetml", text);
    const auto n = read_network(options);
    const auto& back = *n.graph;
    REQUIRE(back.entity_count() == g.entity_count());
    for (std::size_t e = 0; e < g.entity_count(); ++e) {
        const auto& read = back.entity(back.resolve(std::string(g.entity(e).id())));
        CHECK(read.name() == g.entity(e).name());
        CHECK(std::get<std::string>(read.attributes().at("nodeclass").value) == g.entity(e).kind());
    }
    // Relations of several types between one pair are one tie of a network, as in every network.
    CHECK(back.relation_count() + n.merged_ties == g.relation_count());
}
