#include "io/network_reader.hpp"

#include "analysis/summary.hpp"
#include "core/error.hpp"
#include "support/single_error.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <optional>

using namespace tg;
using namespace tg::test;

namespace {

NetworkImport read(const TempDir& dir, const std::string& name, const std::string& content, NetworkOptions options = {}) {
    options.path = dir.write(name, content);
    return read_network(options);
}

double weight(const KnowledgeGraph& g, RelationIndex r) { return std::get<double>(g.relation(r).attributes().at("weight").value); }

} // namespace

TEST_CASE("a whitespace edge list reads names and weights and skips comments", "[io]") {
    TempDir dir;
    const auto n = read(dir, "net.txt", "# comment\na b 2\nb\tc 0.5\n\n% also a comment\nc a\n");
    const auto& g = *n.graph;
    CHECK(n.format == NetworkFormat::edgelist);
    CHECK(g.entity_count() == 3);
    CHECK(g.relation_count() == 3);
    CHECK(weight(g, 0) == 2);
    CHECK(weight(g, 1) == 0.5);
    CHECK(g.relation(2).attributes().count("weight") == 0);
    CHECK(g.directed());
}

TEST_CASE("with --undirected a tie listed both ways is one tie and the merge is reported", "[io]") {
    TempDir dir;
    NetworkOptions options;
    options.undirected = true;
    const auto n = read(dir, "net.txt", "a b 5\nb a 6\na b 7\nb c 1\n", options);
    CHECK(n.graph->relation_count() == 2);
    CHECK(n.merged_ties == 2);
    CHECK(weight(*n.graph, 0) == 5); // first by default
    REQUIRE(n.notices.size() == 1);
    CHECK(n.notices[0].message ==
          "merged 2 ties listed more than once (a b and b a count as one tie); 2 had another weight, kept the first");

    options.merge = MergeRule::sum;
    CHECK(weight(*read(dir, "net.txt", "a b 5\nb a 6\na b 7\n", options).graph, 0) == 18);
    options.merge = MergeRule::max;
    CHECK(weight(*read(dir, "net.txt", "a b 5\nb a 6\na b 7\n", options).graph, 0) == 7);
    options.merge = MergeRule::last;
    CHECK(weight(*read(dir, "net.txt", "a b 5\nb a 6\na b 7\n", options).graph, 0) == 7);
}

TEST_CASE("directed ties a b and b a stay two ties", "[io]") {
    TempDir dir;
    const auto n = read(dir, "net.txt", "a b\nb a\n");
    CHECK(n.graph->relation_count() == 2);
    CHECK(n.merged_ties == 0);
}

TEST_CASE("self-loops are kept or dropped as asked and always reported", "[io]") {
    TempDir dir;
    const auto kept = read(dir, "net.txt", "a a\na b\n");
    CHECK(kept.graph->relation_count() == 2);
    CHECK(kept.self_loops == 1);
    REQUIRE(kept.notices.size() == 1);
    CHECK(kept.notices[0].message == "kept 1 self-loop");
    NetworkOptions options;
    options.self_loops = SelfLoops::drop;
    const auto dropped = read(dir, "net.txt", "a a\na b\n", options);
    CHECK(dropped.graph->relation_count() == 1);
    CHECK(dropped.graph->entity_count() == 2); // the node itself stays
    CHECK(dropped.notices.at(0).message == "dropped 1 self-loop");
}

TEST_CASE("a malformed edge list line is reported at its position", "[io]") {
    TempDir dir;
    const auto& d = single_error([&] { read(dir, "net.txt", "a b\nc d x\n"); });
    CHECK(d.code == "bad-weight");
    CHECK(d.position().line == 2);
    CHECK(d.position().column == 5);
    CHECK(single_error([&] { read(dir, "net.txt", "a b\nlonely\n"); }).code == "edgelist-short-line");
    CHECK(single_error([&] { read(dir, "net.txt", "a b 1 2\n"); }).code == "edgelist-long-line");
}

TEST_CASE("a CSV edge list with a nodes file takes names and attributes from it", "[io]") {
    TempDir dir;
    NetworkOptions options;
    options.nodes_path =
        dir.write("nodes.csv",
                  "\xEF\xBB\xBF\"id\",\"name\",\"role\"\n1,\"Jamal Zougam \",leader\n2,\"Mohamed, \"\"the Egyptian\"\"\",\n3,Isolate,\n");
    const auto n = read(dir, "edges.csv", "\"from\",\"to\",\"weight\"\n2,1,3\n", options);
    const auto& g = *n.graph;
    CHECK(g.entity_count() == 3);
    CHECK(g.entity(0).name() == "Jamal Zougam");
    CHECK(std::get<std::string>(g.entity(0).attributes().at("role").value) == "leader");
    CHECK(g.entity(1).name() == "Mohamed, \"the Egyptian\"");
    CHECK(weight(g, 0) == 3);
    CHECK(summarize(g).isolates == 1);
    CHECK(n.notices.at(0).code == "trimmed-names");
}

TEST_CASE("an edge to a node missing from the nodes file is an error", "[io]") {
    TempDir dir;
    NetworkOptions options;
    options.nodes_path = dir.write("nodes.csv", "id,name\n1,A\n");
    const auto& d = single_error([&] { read(dir, "edges.csv", "from,to\n1,9\n", options); });
    CHECK(d.code == "unknown-node");
    CHECK(d.message == "node \"9\" is not in the nodes file");
    CHECK(d.position().line == 2);
    CHECK(d.position().column == 3);
}

TEST_CASE("a file that is not UTF-8 is read as Latin-1 with a warning", "[io]") {
    TempDir dir;
    NetworkOptions options;
    options.nodes_path = dir.write("nodes.csv", "id,name\n1,Al\xed Amrous\n2,B\n");
    const auto n = read(dir, "edges.csv", "from,to\n1,2\n", options);
    CHECK(n.graph->entity(0).name() == "Alí Amrous");
    REQUIRE_FALSE(n.notices.empty());
    CHECK(n.notices[0].code == "latin1-fallback");
    CHECK(n.notices[0].severity == Severity::warning);
}

TEST_CASE("an adjacency matrix becomes weighted directed ties", "[io]") {
    TempDir dir;
    const auto n = read(dir, "m.csv", "\"players\",\"1\",\"2\",\"3\"\n\"1\",0,4,0\n\"2\",1,0,0\n\"3\",0,0,0\n");
    CHECK(n.format == NetworkFormat::matrix);
    CHECK(n.graph->entity_count() == 3);
    CHECK(n.graph->relation_count() == 2);
    CHECK(weight(*n.graph, 0) == 4);
    NetworkOptions options;
    options.undirected = true;
    options.merge = MergeRule::sum;
    const auto u = read(dir, "m.csv", "\"players\",\"1\",\"2\",\"3\"\n\"1\",0,4,0\n\"2\",1,0,0\n\"3\",0,0,0\n", options);
    CHECK(u.graph->relation_count() == 1);
    CHECK(weight(*u.graph, 0) == 5);
}

TEST_CASE("a matrix with a missing row or a bad cell is refused at the spot", "[io]") {
    TempDir dir;
    CHECK(single_error([&] { read(dir, "m.csv", ",a,b\na,0,1\n"); }).code == "matrix-not-square");
    const auto& d = single_error([&] { read(dir, "m.csv", ",a,b,c\na,0,1,0\nb,0,x,0\nc,0,0,0\n"); });
    CHECK(d.code == "bad-weight");
    CHECK(d.position().line == 3);
    CHECK(d.position().column == 5);
    CHECK(single_error([&] { read(dir, "m.csv", ",a,b,c\na,0,1,0\nz,0,0,0\nc,0,0,0\n"); }).code == "unknown-node");
}

TEST_CASE("NetworkX node-link JSON reads nodes and links and attributes and direction", "[io]") {
    TempDir dir;
    const auto n = read(dir, "g.json", R"({"directed": false, "multigraph": false, "graph": {},
      "nodes": [{"id": 1, "name": "Ana", "age": 30}, {"id": "b"}],
      "links": [{"source": 1, "target": "b", "weight": 2.5, "kind": "calls"}, {"source": "b", "target": 1}]})");
    const auto& g = *n.graph;
    CHECK_FALSE(g.directed());
    CHECK(g.entity_count() == 2);
    CHECK(g.entity(0).name() == "Ana");
    CHECK(std::get<double>(g.entity(0).attributes().at("age").value) == 30);
    CHECK(g.relation_count() == 1); // undirected: b-1 repeats 1-b
    CHECK(weight(g, 0) == 2.5);
    CHECK(std::get<std::string>(g.relation(0).attributes().at("kind").value) == "calls");
    const auto& d = single_error([&] { read(dir, "g.json", "{\"nodes\": [{\"id\": 1}],\n \"links\": [{\"source\": 1, \"target\": 2}]}"); });
    CHECK(d.code == "unknown-node");
    CHECK(d.position().line == 2);
}

TEST_CASE("GraphML reads typed keys and names and the edge default", "[io]") {
    TempDir dir;
    const auto n = read(dir, "g.graphml", R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="rank" attr.type="int"/>
  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="d0">Ab&amp;c</data><data key="d1">3</data></node>
    <node id="n1"/>
    <edge source="n0" target="n1"><data key="d2">1.5</data></edge>
    <edge source="n1" target="n0"/>
  </graph>
</graphml>
)");
    const auto& g = *n.graph;
    CHECK_FALSE(g.directed());
    CHECK(g.entity(0).name() == "Ab&c");
    CHECK(std::get<double>(g.entity(0).attributes().at("rank").value) == 3);
    CHECK(g.relation_count() == 1);
    CHECK(weight(g, 0) == 1.5);
    const auto& d = single_error([&] {
        read(dir, "g.graphml",
             "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>"
             "<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>");
    });
    CHECK(d.code == "graphml-bad-value");
    CHECK(d.position().line == 3);
}

// Found by fuzz_network: a <data> of the graph holding a <node> read the node's text into a
// value list that was empty (a crash).
TEST_CASE("elements inside a GraphML data value are part of the value, not nodes of the graph", "[io]") {
    TempDir dir;
    const auto n = read(dir, "g.graphml",
                        "<graphml><key id=\"d\" for=\"graph\" attr.name=\"note\"/><key id=\"l\" for=\"node\" attr.name=\"label\"/>"
                        "<graph><data key=\"d\">before <node id=\"x\">inside</node> after</data>"
                        "<node id=\"a\"><data key=\"l\"><y:ShapeNode><y:NodeLabel>Alpha</y:NodeLabel></y:ShapeNode></data></node>"
                        "<node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph></graphml>");
    const auto& g = *n.graph;
    REQUIRE(g.entity_count() == 2);
    CHECK(g.entity(0).name() == "Alpha");
    CHECK(g.relation_count() == 1);
}

TEST_CASE("binary input is refused with a clear message", "[io]") {
    TempDir dir;
    const auto& d = single_error([&] { read(dir, "x.txt", std::string("a b\n\0\x01\x02", 7)); });
    CHECK(d.code == "binary-file");
}

TEST_CASE("an unterminated quote in a CSV is reported where it opens", "[io]") {
    TempDir dir;
    const auto& d = single_error([&] { read(dir, "e.csv", "from,to\n\"a,b\n"); });
    CHECK(d.code == "csv-unterminated-quote");
    CHECK(d.position().line == 2);
    CHECK(d.position().column == 1);
}

TEST_CASE("a missing input file is an I/O error", "[io]") {
    NetworkOptions options;
    options.path = "/nonexistent/net.txt";
    CHECK_THROWS_AS(read_network(options), IoError);
}

// The real networks in shared/datasets, with the sizes their SOURCE.txt files give.
TEST_CASE("every shared dataset loads with its published size", "[io][shared]") {
    const std::string d = std::string(TG_SHARED_DIR) + "/datasets/";
    struct Case {
        std::string file, nodes;
        bool undirected;
        SelfLoops loops;
        std::size_t n, m;
    };
    const std::vector<Case> cases = {
        {"montagna/Montagna_meetings_edgelist.csv", "", true, SelfLoops::keep, 101, 256},
        {"montagna/Montagna_phonecalls_edgelist.csv", "", true, SelfLoops::keep, 100, 124},
        {"madrid-train-bombing/train_edges.csv", "madrid-train-bombing/train_nodes.csv", true, SelfLoops::keep, 70, 243},
        {"krebs-911/covert_2__1_edges.csv", "krebs-911/covert_2__1_nodes.csv", true, SelfLoops::drop, 60, 125},
        {"krebs-911/covert_2__2_edges.csv", "krebs-911/covert_2__2_nodes.csv", true, SelfLoops::keep, 19, 27},
        {"jemaah-islamiyah-bali/covert_26_edges.csv", "jemaah-islamiyah-bali/covert_26_nodes.csv", true, SelfLoops::keep, 17, 63},
        {"caviar/caviar_full_110_morselli.csv", "", false, SelfLoops::keep, 110, 0},
        {"caviar/phase1.csv", "", false, SelfLoops::keep, 15, 0},
    };
    for (const auto& c : cases) {
        INFO(c.file);
        NetworkOptions options;
        options.path = d + c.file;
        options.nodes_path = c.nodes.empty() ? "" : d + c.nodes;
        options.undirected = c.undirected;
        options.self_loops = c.loops;
        const auto n = read_network(options);
        CHECK(n.graph->entity_count() == c.n);
        if (c.m) CHECK(n.graph->relation_count() == c.m);
    }
    for (int k = 1; k <= 10; ++k) {
        NetworkOptions options;
        options.path = d + "noordin-top/covert_34__" + std::to_string(k) + "_edges.csv";
        options.nodes_path = d + "noordin-top/covert_34__" + std::to_string(k) + "_nodes.csv";
        options.undirected = true;
        CHECK(read_network(options).graph->entity_count() == 79);
    }
    for (int phase = 1; phase <= 11; ++phase) {
        NetworkOptions options;
        options.path = d + "caviar/phase" + std::to_string(phase) + ".csv";
        const auto n = read_network(options);
        CHECK(n.format == NetworkFormat::matrix);
        CHECK(n.graph->entity_count() >= 15);
    }
}

TEST_CASE("the Madrid network keeps its six isolates and reports its doubled ties", "[io][shared]") {
    const std::string d = std::string(TG_SHARED_DIR) + "/datasets/madrid-train-bombing/";
    NetworkOptions options;
    options.path = d + "train_edges.csv";
    options.nodes_path = d + "train_nodes.csv";
    options.undirected = true;
    const auto n = read_network(options);
    CHECK(n.merged_ties == 243);
    const auto s = summarize(*n.graph);
    CHECK(s.isolates == 6);
    CHECK(s.largest_component == 64);
}

TEST_CASE("a Pajek file reads its vertices' labels as names and its edges as an undirected network", "[io][pajek]") {
    // Krebs (2002): the 9/11 hijackers' prior contacts, 19 people and 27 ties, labels with spaces.
    NetworkOptions options;
    options.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/krebs_prior_contacts.net";
    const auto n = read_network(options);
    const auto& g = *n.graph;
    CHECK(n.format == NetworkFormat::pajek);
    CHECK_FALSE(g.directed());
    CHECK(g.entity_count() == 19);
    CHECK(g.relation_count() == 27);
    CHECK(g.entity(g.resolve("1")).name() == "Satam Suqami");
    CHECK(g.entity(g.resolve("Wail Alshehri")).id() == "2");
    // The drawing parameters after each label are named, not silently dropped.
    REQUIRE(n.notices.size() == 1);
    CHECK(n.notices[0].code == "pajek-drawing");
    CHECK(n.notices[0].position().line == 5);
}

TEST_CASE("a Pajek matrix is a valued directed network", "[io][pajek]") {
    // CAVIAR's first phase (Morselli): 15 players, 26 valued ties; player 1 wrote to player 89 four times.
    NetworkOptions options;
    options.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/caviar_phase1.net";
    const auto n = read_network(options);
    const auto& g = *n.graph;
    CHECK(g.directed());
    CHECK(g.entity_count() == 15);
    CHECK(g.relation_count() == 26);
    std::optional<double> written;
    for (auto r : g.out_relations(g.resolve("player 1")))
        if (g.entity(g.target_of(r)).name() == "player 89") written = weight(g, r);
    CHECK(written == 4.0);
}

TEST_CASE("Pajek arcs, edges, lists and named relations read as Pajek means them", "[io][pajek]") {
    TempDir dir;
    // Arcs and edges together: a directed network, each edge read both ways and said so.
    const auto mixed = read(dir, "m.net", "*Vertices 3\n1 \"a\"\n2 b\n*Arcs :1 \"calls\"\n1 2 3\n*Edges :2 \"meets\"\n2 3\n");
    CHECK(mixed.graph->directed());
    CHECK(mixed.graph->relation_count() == 3);
    CHECK(std::get<std::string>(mixed.graph->relation(0).attributes().at("relation").value) == "calls");
    CHECK(std::get<std::string>(mixed.graph->relation(2).attributes().at("relation").value) == "meets");
    CHECK(mixed.graph->entity(mixed.graph->resolve("3")).name() == "3"); // unlisted: named by its number
    REQUIRE(mixed.notices.size() == 1);
    CHECK(mixed.notices[0].code == "pajek-edges");
    // An edges list, and a file whose name says nothing: found by its *Vertices line.
    const auto list = read(dir, "contacts.txt", "% a comment\n*vertices 4\n*edgeslist\n1 2 3 4\n");
    CHECK(list.format == NetworkFormat::pajek);
    CHECK_FALSE(list.graph->directed());
    CHECK(list.graph->relation_count() == 3);
    // A two-mode network marks each vertex's mode.
    const auto two = read(dir, "t.net", "*Vertices 3 1\n*Edges\n1 2\n1 3\n");
    CHECK(std::get<double>(two.graph->entity(0).attributes().at("mode").value) == 1);
    CHECK(std::get<double>(two.graph->entity(2).attributes().at("mode").value) == 2);
    // A section that is not part of a network ends the reading, with a warning.
    const auto partition = read(dir, "p.net", "*Vertices 2\n*Arcs\n1 2\n*Partition groups\n*Vertices 2\n1\n2\n");
    CHECK(partition.graph->relation_count() == 1);
    REQUIRE(partition.notices.size() == 1);
    CHECK(partition.notices[0].severity == Severity::warning);
    CHECK(partition.notices[0].position().line == 4);
}

TEST_CASE("a malformed Pajek file is refused at the spot", "[io][pajek]") {
    TempDir dir;
    const auto& range = single_error([&] { read(dir, "x.net", "*Vertices 3\n*Arcs\n1 2\n2 4\n"); });
    CHECK(range.code == "pajek-vertex");
    CHECK(range.position().line == 4);
    CHECK(range.position().column == 3);
    CHECK(single_error([&] { read(dir, "x.net", "*Arcs\n1 2\n"); }).code == "pajek-order");
    CHECK(single_error([&] { read(dir, "x.net", "*Vertices many\n"); }).code == "pajek-vertices");
    CHECK(single_error([&] { read(dir, "x.net", "*Vertices 2\n1 \"open\n"); }).code == "pajek-quote");
    CHECK(single_error([&] { read(dir, "x.net", "*Vertices 2\n*Matrix\n0 1\n1\n"); }).code == "pajek-matrix");
    CHECK(single_error([&] { read(dir, "x.net", "*Vertices 2\n*Matrix\n0 x\n1 0\n"); }).code == "pajek-matrix");
    CHECK(single_error([&] { read(dir, "x.net", "*Vertices 2\n1 a\n2 b\n3 c\n"); }).code == "pajek-vertex");
    CHECK(single_error([&] { read(dir, "x.net", "*Vertices 1\n*Vertices 1\n"); }).code == "pajek-vertices");
}

TEST_CASE("a GEXF file reads its labels as names, its weights and its typed attributes", "[io][gexf]") {
    // Koschade (2006): the Jemaah Islamiyah cell of the 2002 Bali bombings, 17 members, 63 ties
    // weighted 1-5, written by NetworkX's write_gexf (GEXF 1.2).
    NetworkOptions options;
    options.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/koschade_bali.gexf";
    const auto n = read_network(options);
    const auto& g = *n.graph;
    CHECK(n.format == NetworkFormat::gexf);
    CHECK_FALSE(g.directed());
    CHECK(g.entity_count() == 17);
    CHECK(g.relation_count() == 63);
    CHECK(std::get<std::string>(g.entity(g.resolve("SAMUDRA")).attributes().at("role").value) == "member");
    double total = 0;
    for (RelationIndex r = 0; r < g.relation_count(); ++r) total += weight(g, r);
    CHECK(total == 166); // the weights of ../shared/datasets/jemaah-islamiyah-bali/covert_26_edges.csv summed
}

TEST_CASE("GEXF 1.3 with kinds, mutual edges and drawing reads as Gephi means it", "[io][gexf]") {
    TempDir dir;
    const auto n =
        read(dir, "g.gexf",
             "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
             "<graph defaultedgetype=\"directed\">\n"
             "<attributes class=\"node\"><attribute id=\"0\" title=\"members\" type=\"integer\"/></attributes>\n"
             "<attributes class=\"edge\"><attribute id=\"e\" title=\"secret\" type=\"boolean\"/></attributes>\n"
             "<nodes><node id=\"a\" label=\"Alpha\"><attvalues><attvalue for=\"0\" value=\"12\"/></attvalues>"
             "<viz:color r=\"1\" g=\"2\" b=\"3\"/></node><node id=\"b\"/><node id=\"c\"/></nodes>\n"
             "<edges><edge source=\"a\" target=\"b\" kind=\"calls\" weight=\"2.5\"><attvalues><attvalue for=\"e\" value=\"true\"/>"
             "</attvalues></edge><edge source=\"b\" target=\"c\" type=\"mutual\"/></edges>\n</graph>\n</gexf>\n");
    const auto& g = *n.graph;
    CHECK(g.directed());
    CHECK(g.entity(g.resolve("a")).name() == "Alpha");
    CHECK(std::get<double>(g.entity(g.resolve("a")).attributes().at("members").value) == 12);
    REQUIRE(g.relation_count() == 3); // the mutual edge both ways
    CHECK(weight(g, 0) == 2.5);
    CHECK(std::get<std::string>(g.relation(0).attributes().at("kind").value) == "calls");
    CHECK(std::get<bool>(g.relation(0).attributes().at("secret").value));
    REQUIRE(n.notices.size() == 2);
    CHECK(n.notices[0].code == "gexf-drawing");
    CHECK(n.notices[1].code == "gexf-edges");
}

TEST_CASE("a malformed GEXF file is refused at the element", "[io][gexf]") {
    TempDir dir;
    const std::string head = "<gexf version=\"1.2\"><graph><attributes class=\"node\"><attribute id=\"0\" title=\"n\" type=\"integer\"/>"
                             "</attributes><nodes>";
    const auto& undeclared = single_error([&] {
        read(dir, "x.gexf",
             head + "<node id=\"a\"><attvalues><attvalue for=\"9\" value=\"1\"/>"
                    "</attvalues></node></nodes></graph></gexf>");
    });
    CHECK(undeclared.code == "gexf");
    CHECK(undeclared.message == "<attvalue> for \"9\", which no <attribute> declares");
    CHECK(single_error([&] {
              read(dir, "x.gexf",
                   head + "<node id=\"a\"><attvalues><attvalue for=\"0\" value=\"many\"/></attvalues></node></nodes></graph></gexf>");
          }).message == "\"many\" is not a valid integer for \"n\"");
    CHECK(single_error([&] {
              read(dir, "x.gexf", head + "<node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"z\"/></edges></graph></gexf>");
          }).message == "edge end \"z\" is not a listed node");
    CHECK(single_error([&] {
              read(dir, "x.gexf", head + "<node id=\"a\"><nodes><node id=\"b\"/></nodes></node></nodes></graph></gexf>");
          }).message == "a node inside a node: hierarchical GEXF is not read");
    CHECK(single_error([&] { read(dir, "x.gexf", "<graphml/>"); }).message == "the root element is <graphml>, not <gexf>");
}

TEST_CASE("every attvalue of a GEXF edge is kept, however many it has", "[io][gexf]") {
    // Self-closing <attvalue/> elements once unbalanced the reader's element stack, so the third
    // value of an edge was dropped without a word.
    TempDir dir;
    const auto n = read(dir, "x.gexf",
                        "<gexf version=\"1.2\"><graph><attributes class=\"edge\"><attribute id=\"0\" title=\"a\" type=\"string\"/>"
                        "<attribute id=\"1\" title=\"b\" type=\"string\"/><attribute id=\"2\" title=\"c\" type=\"string\"/></attributes>"
                        "<nodes><node id=\"x\"/><node id=\"y\"/></nodes><edges><edge source=\"x\" target=\"y\"><attvalues>"
                        "<attvalue for=\"0\" value=\"A\"/><attvalue for=\"1\" value=\"B\"/><attvalue for=\"2\" value=\"C\"/>"
                        "</attvalues></edge></edges></graph></gexf>");
    REQUIRE(n.graph->relation_count() == 1);
    const auto& attributes = n.graph->relation(0).attributes();
    CHECK(attributes.size() == 3);
    CHECK(std::get<std::string>(attributes.at("c").value) == "C");
}

TEST_CASE("a DyNetML file reads every network of its meta-network as one, each tie keeping its network", "[io][dynetml]") {
    // The Noordin Top network (Roberts & Everton 2011): 79 people, and three of its relations:
    // kinship 16 ties, friendship 91, business and finance 15; 11 pairs are tied in two of them.
    NetworkOptions options;
    options.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/noordin_top.xml";
    const auto n = read_network(options);
    const auto& g = *n.graph;
    CHECK(n.format == NetworkFormat::dynetml); // by its root element, not its .xml name
    CHECK_FALSE(g.directed());
    CHECK(g.entity_count() == 79);
    CHECK(g.relation_count() == 16 + 91 + 15 - 11);
    CHECK(n.merged_ties == 11);
    const auto top = g.resolve("Noordin Mohammed Top");
    CHECK(g.entity(top).id() == "a59");
    CHECK(std::get<double>(g.entity(top).attributes().at("number").value) == 59); // typed by its propertyIdentity
    CHECK(std::get<std::string>(g.entity(top).attributes().at("nodeclass").value) == "Agent");
    CHECK(std::get<std::string>(g.relation(0).attributes().at("network").value) == "Kinship");
    REQUIRE(n.notices.size() == 2);
    CHECK(n.notices[0].code == "dynetml-networks");
    CHECK(n.notices[1].code == "merged-ties");
}

TEST_CASE("DyNetML classes, directions and time periods read as ORA means them, with a note for each", "[io][dynetml]") {
    TempDir dir;
    const auto n = read(dir, "m.xml",
                        "<?xml version=\"1.0\"?>\n<!-- ORA -->\n<DynamicMetaNetwork id=\"d\"><MetaNetwork id=\"2001\"><nodes>"
                        "<nodeclass type=\"Agent\" id=\"people\"><node id=\"x\" title=\"Xavier\"/><node id=\"y\"/></nodeclass>"
                        "<nodeclass type=\"Organization\" id=\"orgs\"><node id=\"x\" title=\"X Corp\"><properties>"
                        "<property id=\"size\" type=\"double\" value=\"12\"/></properties><measures><measure id=\"m\" value=\"1\"/>"
                        "</measures></node></nodeclass></nodes><networks>"
                        "<network id=\"calls\" source=\"people\" target=\"people\" isDirected=\"true\">"
                        "<link source=\"x\" target=\"y\" value=\"3\"><properties><property id=\"via\" value=\"phone\"/></properties></link>"
                        "</network><network id=\"member of\" source=\"people\" target=\"orgs\" isDirected=\"false\">"
                        "<link source=\"y\" target=\"x\"/></network></networks></MetaNetwork>"
                        "<MetaNetwork id=\"2002\"><nodes/></MetaNetwork></DynamicMetaNetwork>\n");
    const auto& g = *n.graph;
    CHECK(g.directed()); // one network is directed
    REQUIRE(g.entity_count() == 3);
    CHECK(g.entity(g.resolve("x")).name() == "Xavier");
    const auto corp = g.resolve("orgs:x"); // the same id in a second class
    CHECK(g.entity(corp).name() == "X Corp");
    CHECK(std::get<std::string>(g.entity(corp).attributes().at("nodeclass_type").value) == "Organization");
    CHECK(std::get<double>(g.entity(corp).attributes().at("size").value) == 12);
    REQUIRE(g.relation_count() == 3); // the undirected membership both ways
    CHECK(weight(g, 0) == 3);
    CHECK(std::get<std::string>(g.relation(0).attributes().at("via").value) == "phone");
    CHECK(g.entity(g.source_of(1)).id() == "y");
    CHECK(g.entity(g.target_of(1)).id() == "orgs:x");
    std::vector<std::string> codes;
    for (const auto& notice : n.notices) codes.push_back(notice.code);
    CHECK(codes ==
          std::vector<std::string>{"dynetml-networks", "dynetml-periods", "dynetml-ids", "dynetml-undirected", "dynetml-measures"});
}

TEST_CASE("a malformed DyNetML file is refused at the element", "[io][dynetml]") {
    TempDir dir;
    const std::string head = "<MetaNetwork><nodes><nodeclass id=\"a\" type=\"Agent\"><node id=\"p\"/><node id=\"q\"/></nodeclass>"
                             "<nodeclass id=\"b\"><node id=\"r\"/></nodeclass></nodes><networks>";
    const auto& unknown = single_error([&] {
        read(dir, "m.xml",
             head + "<network source=\"a\" target=\"a\">\n<link source=\"p\" target=\"r\"/></network></networks></MetaNetwork>");
    });
    CHECK(unknown.code == "dynetml");
    CHECK(unknown.message == "link end \"r\" is not a node of class \"a\"");
    CHECK(unknown.position().line == 2);
    CHECK(single_error([&] {
              read(dir, "m.xml", head + "<network><link source=\"p\" target=\"q\" value=\"strong\"/></network></networks></MetaNetwork>");
          }).message == "link value \"strong\" is not a number");
    CHECK(single_error([&] {
              read(dir, "m.xml",
                   "<MetaNetwork><nodes><nodeclass id=\"a\"><node id=\"p\"/><node id=\"p\"/></nodeclass></nodes></MetaNetwork>");
          }).message == "node \"p\" is listed twice in class \"a\"");
    CHECK(single_error([&] {
              read(dir, "m.xml",
                   "<MetaNetwork><nodes><nodeclass id=\"a\"><node id=\"p\"><properties><property "
                   "id=\"n\" type=\"double\" value=\"x\"/></properties></node></nodeclass></nodes></MetaNetwork>");
          }).message == "\"x\" is not a valid double for property \"n\"");
    CHECK(single_error([&] { read(dir, "m.dynetml", "<graphml/>"); }).message ==
          "the root element is <graphml>, not <DynamicMetaNetwork> or <MetaNetwork>");
}

TEST_CASE("a GML file reads nodes by label, as NetworkX does, and keeps a self-loop it says it kept", "[io][gml]") {
    // Krebs (2002): the 9/11 hijackers and their associates, 60 people and 126 ties with one
    // self-loop, written by NetworkX's write_gml.
    NetworkOptions options;
    options.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/krebs_hijackers.gml";
    const auto n = read_network(options);
    const auto& g = *n.graph;
    CHECK(n.format == NetworkFormat::gml);
    CHECK_FALSE(g.directed());
    CHECK(g.entity_count() == 60);
    CHECK(g.relation_count() == 126);
    CHECK(n.self_loops == 1);
    CHECK(g.entity(g.resolve("Mohamed Atta")).id() == "Mohamed Atta");
}

TEST_CASE("GML names, weights, entities in strings and nested lists read as written", "[io][gml]") {
    TempDir dir;
    const auto n = read(dir, "g.gml",
                        "Creator \"hand\"\n# a comment\ngraph [\n directed 1\n node [ id 7 label \"a\" name \"Jos&#233; &amp; Co\" size 3 "
                        "graphics [ x 1 y 2 ] ]\n node [ id 8 ]\n edge [ source 7 target 8 weight 2.5 relation \"calls\" ]\n]\n");
    const auto& g = *n.graph;
    CHECK(g.directed());
    CHECK(g.entity(g.resolve("a")).name() == "Jos\xc3\xa9 & Co");
    CHECK(std::get<double>(g.entity(g.resolve("a")).attributes().at("size").value) == 3);
    CHECK(g.entity(1).id() == "8"); // no label: known by its id
    REQUIRE(g.relation_count() == 1);
    CHECK(weight(g, 0) == 2.5);
    CHECK(std::get<std::string>(g.relation(0).attributes().at("relation").value) == "calls");
    REQUIRE(n.notices.size() == 1);
    CHECK(n.notices[0].code == "gml-nested");
}

TEST_CASE("a malformed GML file is refused at the token", "[io][gml]") {
    TempDir dir;
    const auto& open = single_error([&] { read(dir, "x.gml", "graph [\n node [ id 1\n"); });
    CHECK(open.code == "gml");
    CHECK(open.message == "a list opened here is never closed");
    CHECK(open.position().line == 2);
    CHECK(single_error([&] { read(dir, "x.gml", "graph [ node [ id 1 label \"a ] ]"); }).message == "a string opened here is never closed");
    CHECK(single_error([&] { read(dir, "x.gml", "graph [ node [ id 1 ] edge [ source 1 target 2 ] ]"); }).message ==
          "edge end 2 is not a listed node's id");
    CHECK(single_error([&] { read(dir, "x.gml", "graph [ node [ id 1 label \"a\" ] node [ id 2 label \"a\" ] ]"); }).message ==
          "node label \"a\" is listed twice");
    CHECK(single_error([&] { read(dir, "x.gml", "graph [ node [ label \"a\" ] ]"); }).message == "a node needs an id");
    CHECK(single_error([&] { read(dir, "x.gml", "network [ ]"); }).message == "no graph [ ... ] in the file");
    CHECK(single_error([&] { read(dir, "x.gml", "graph [ directed yes ]"); }).message == "\"yes\" is neither a number nor a quoted string");
    // Lists nested past any real file's depth are refused, not recursed into without end.
    std::string deep = "graph [";
    for (int i = 0; i < 100; ++i) deep += " x [";
    CHECK(single_error([&] { read(dir, "x.gml", deep); }).message == "lists nested more than 64 deep");
}

TEST_CASE("a UCINET full matrix reads as a valued directed network", "[io][ucinet]") {
    // CAVIAR's second phase (Morselli) as DL with labels: 24 players; player 1 to player 89, 6.
    NetworkOptions dl;
    dl.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/caviar_phase2.dl";
    const auto from_dl = read_network(dl);
    CHECK(from_dl.format == NetworkFormat::ucinet);
    const auto& g = *from_dl.graph;
    CHECK(g.directed());
    CHECK(g.entity_count() == 24);
    std::optional<double> written;
    for (auto r : g.out_relations(g.resolve("player 1")))
        if (g.entity(g.target_of(r)).id() == "player 89") written = weight(g, r);
    CHECK(written == 6.0);
}

TEST_CASE("a UCINET full matrix reads as the same CSV matrix does", "[io][ucinet][shared]") {
    // The DL sample and the shared CSV it was written from.
    NetworkOptions dl, csv;
    dl.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/caviar_phase2.dl";
    const auto from_dl = read_network(dl);
    const auto& g = *from_dl.graph;
    csv.path = std::string(TG_SHARED_DIR) + "/datasets/caviar/phase2.csv";
    const auto from_csv = read_network(csv);
    const auto& h = *from_csv.graph;
    REQUIRE(g.relation_count() == h.relation_count());
    for (RelationIndex r = 0; r < g.relation_count(); ++r) {
        // The DL's ids are "player N", the CSV's "N".
        CHECK(std::string(g.entity(g.source_of(r)).id()) == "player " + std::string(h.entity(h.source_of(r)).id()));
        CHECK(std::string(g.entity(g.target_of(r)).id()) == "player " + std::string(h.entity(h.target_of(r)).id()));
        CHECK(weight(g, r) == weight(h, r));
    }
}

TEST_CASE("UCINET edge and node lists, embedded labels and an absent diagonal read as UCINET means them", "[io][ucinet]") {
    NetworkOptions options;
    options.path = std::string(TG_SOURCE_DIR) + "/tests/data/networks/montagna_meetings.dl";
    const auto meetings = read_network(options);
    CHECK(meetings.graph->entity_count() == 101);
    CHECK(meetings.graph->directed());
    CHECK(meetings.graph->relation_count() == 289); // each pair as listed: a DL edge list is directed
    TempDir dir;
    const auto nodes = read(dir, "n.dl", "dl n=4\nformat = nodelist1\nlabels:\nA B \"C D\" E\ndata:\n1 2 3\n4 1\n");
    CHECK(nodes.format == NetworkFormat::ucinet);
    CHECK(nodes.graph->relation_count() == 3);
    CHECK(nodes.graph->entity(nodes.graph->target_of(1)).id() == "C D");
    const auto edges = read(dir, "e.txt", "DL N = 3, FORMAT = EDGELIST1\nLABELS EMBEDDED\nDATA:\nx y 2\ny z\n");
    CHECK(edges.format == NetworkFormat::ucinet); // found by its header, whatever the name
    CHECK(weight(*edges.graph, 0) == 2);
    CHECK(edges.graph->relation_count() == 2);
    // Without its diagonal a row holds N - 1 cells.
    const auto matrix = read(dir, "m.dl", "DL N=3 FORMAT=FULLMATRIX DIAGONAL ABSENT\nDATA:\n1 0\n0 1\n1 1\n");
    CHECK(matrix.graph->relation_count() == 4);
}

TEST_CASE("a UCINET file holding what threatgraph does not read says so at the word", "[io][ucinet]") {
    TempDir dir;
    const auto& two = single_error([&] { read(dir, "x.dl", "DL NR=2, NC=3\nDATA:\n1 0 1\n0 1 1\n"); });
    CHECK(two.code == "ucinet");
    CHECK(two.message == "two-mode DL (NR, NC) is not read");
    CHECK(two.position().column == 4);
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=2 NM=2\nDATA:\n"); }).message == "this file holds several matrices (NM > 1)");
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=2 FORMAT=BLOCKMATRIX\nDATA:\n"); }).message == "FORMAT blockmatrix is not read");
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=3\nLABELS:\na b\nDATA:\n"); }).message == "2 labels for N=3 nodes");
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=2 FORMAT=EDGELIST1\nDATA:\n1 3\n"); }).message ==
          "\"3\" is not a node number from 1 to 2");
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=2\nDATA:\n0 1\n1 0\n1\n"); }).message == "more cells than an N by N matrix holds");
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=2\nDATA:\n0 1\n1\n"); }).message == "the file ends where a matrix cell should be");
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=2\n0 1\n"); }).message == "\"0\" is not a DL header keyword");
    CHECK(single_error([&] { read(dir, "x.dl", "DL FORMAT=EDGELIST1\nDATA:\n"); }).message == "the header does not say N=");
    // A count past any size (the fuzzer's 1e72) is refused before it is converted.
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=1e72\nDATA:\n"); }).message ==
          "N must be a whole number up to 100000000, found \"1e72\"");
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=2.5\nDATA:\n"); }).code == "ucinet");
    // A size far past what the file holds is refused before the nodes are made, not after minutes.
    CHECK(single_error([&] { read(dir, "x.dl", "DL N=99999999\nDATA:\n1\n"); }).message ==
          "N=99999999 is more nodes than this file of 22 bytes holds");
    CHECK(single_error([&] { read(dir, "x.net", "*Vertices 99999999\n"); }).code == "pajek-vertices");
}
