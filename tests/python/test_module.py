"""The threatgraph Python module gives what the CLI gives: the same numbers, the same evidence,
and NetworkX graphs that hold the whole graph and come back whole."""
import glob
import math
import os

import networkx as nx
import pytest
import threatgraph
from conftest import BIN, DATA, SOURCE, cli_json


def test_betweenness_from_python_is_the_clis():
    g = threatgraph.load(DATA, quotes=False)
    ours = g.centrality("betweenness", top=10)
    assert ours == cli_json("--data", DATA, "--no-quotes", "centrality", "--measure", "betweenness", "--top", "10")
    assert ours["results"][0]["id"] == "panama"
    assert ours["results"][0]["score"] == pytest.approx(0.2122, abs=5e-5)


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(SOURCE, "queries", "*.tgq"))), ids=os.path.basename)
def test_every_shipped_query_gives_the_clis_results(path, tmp_path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    g = threatgraph.load(DATA, quotes=False, output_folder=str(tmp_path / "python"))
    ours = g.query(text)
    theirs = cli_json("--data", DATA, "--no-quotes", "query", path, "--out-dir", str(tmp_path / "cli"))
    assert len(ours) == len(theirs)
    for mine, cli in zip(ours, theirs):
        if isinstance(mine, dict) and "wrote" in mine:  # a file written: each into its own folder
            mine = dict(mine, wrote=os.path.basename(mine["wrote"]))
            cli["result"] = dict(cli["result"], wrote=os.path.basename(cli["result"]["wrote"]))
        assert mine == cli["result"], cli["statement"]


def test_a_statement_with_its_clauses_as_keyword_arguments(graph):
    chain = graph.paths(from_="FARC", to="Hezbollah", k=2)
    assert chain == cli_json("--data", DATA, "--no-quotes", "paths", "FARC", "Hezbollah", "--k", "2")
    assert math.exp(-chain["paths"][0]["cost"]) == pytest.approx(0.506, abs=5e-4)
    assert graph.neighbors("Panama", depth=1, direction="out", lens="all")["entities"]
    assert graph.structure(ignore_direction=True) == cli_json("--data", DATA, "--no-quotes", "structure", "--ignore-direction")


def test_selections_last_from_one_query_to_the_next():
    g = threatgraph.load(DATA, quotes=False)
    g.query("LET routes = SELECT ENTITIES WHERE kind = route")
    assert "routes" in g.selections
    assert g.query("STRUCTURE IN routes")[0] == g.structure(in_="routes")


def test_evidence_quotes_its_passage_when_the_source_text_is_found():
    corpus = os.path.join(SOURCE, "..", "shared", "corpus")
    if not os.path.isdir(corpus):
        pytest.skip("the proceedings text is not beside the repository")
    g = threatgraph.load(DATA, sources=corpus)
    shown = g.show("MS-13")
    assert shown == cli_json("--data", DATA, "--sources", corpus, "show", "MS-13")
    assert any("quote" in e for e in shown["evidence"])


def test_a_network_file_reads_as_input_reads_it():
    path = os.path.join(SOURCE, "tests", "data", "networks", "noordin_top.xml")
    g = threatgraph.read_network(path)
    assert (g.entity_count, g.relation_count, g.directed) == (79, 111, False)
    assert any("3 networks read as one" in n for n in g.notices)
    assert g.centrality("betweenness", top=5) == cli_json("--input", path, "centrality", "--measure", "betweenness", "--top", "5")


def test_to_networkx_holds_every_entity_and_relation_with_its_evidence(graph):
    G = graph.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert (G.number_of_nodes(), G.number_of_edges()) == (graph.entity_count, graph.relation_count)
    assert G.nodes["ms13"]["name"] == "MS-13"
    assert G.nodes["ms13"]["evidence"][0]["paraphrase"]
    (_, _, key, edge), = [e for e in G.edges(keys=True, data=True) if e[2] == "perry_center-hosts-ctn_seminar_2018"]
    assert edge["type"] == "hosts" and edge["confidence"] == 0.85 and edge["evidence"][0]["section"] == "front"
    # NetworkX's own betweenness on the simple graph, a symmetric relation both ways, is threatgraph's.
    simple = nx.DiGraph()
    simple.add_nodes_from(G)
    for a, b, data in G.edges(data=True):
        simple.add_edge(a, b)
        if data["symmetric"]:
            simple.add_edge(b, a)
    nx_scores = nx.betweenness_centrality(simple)
    for row in graph.centrality("betweenness", top=10)["results"]:
        assert nx_scores[row["id"]] == pytest.approx(row["score"], abs=1e-12)


def test_from_networkx_with_graph_data_gives_back_the_whole_graph(graph):
    back = threatgraph.from_networkx(graph.to_networkx(), data=DATA)
    a, b = graph.node_link(), back.node_link()
    assert a["nodes"] == b["nodes"]
    assert {l["key"]: l for l in a["links"]} == {l["key"]: l for l in b["links"]}
    assert back.centrality("pagerank", top=5) == graph.centrality("pagerank", top=5)


def test_from_networkx_without_graph_data_reads_a_network():
    G = nx.karate_club_graph()
    g = threatgraph.from_networkx(G)
    assert (g.entity_count, g.relation_count, g.directed) == (34, 78, False)
    ours = {r["id"]: r["score"] for r in g.centrality("betweenness")["results"]}
    for node, score in nx.betweenness_centrality(G).items():
        assert ours[str(node)] == pytest.approx(score, abs=1e-12)


def test_mistakes_raise_threatgraph_error_with_the_clis_words(graph):
    with pytest.raises(threatgraph.Error, match='did you mean "betweenness"'):
        graph.centrality("betweeness")
    with pytest.raises(threatgraph.Error, match='centrality has no clause "depth"'):
        graph.centrality("degree", depth=2)
    with pytest.raises(threatgraph.Error, match="unknown entity"):
        graph.paths(from_="FARC", to="Hesbollah")
    with pytest.raises(threatgraph.Error, match="no statement"):
        graph.run("frobnicate")
    with pytest.raises(threatgraph.Error, match="cannot read"):
        threatgraph.read_network(os.path.join(SOURCE, "no-such-file.csv"))
    with pytest.raises(threatgraph.Error, match="needs its argument"):
        graph.run("centrality")


def test_every_statement_is_a_method():
    for verb in threatgraph.statements():
        assert callable(getattr(threatgraph.Graph, verb.replace("-", "_")))
