#!/usr/bin/env python3
"""Checks that every network format threatgraph reads (--input) reads what NetworkX and igraph read.

Usage: import_check.py THREATGRAPH_BINARY SOURCE_DIR

For each real-world sample in tests/data/networks/ (Pajek .net, GEXF, GML, UCINET DL and DyNetML,
written from ../shared/datasets), threatgraph reads the file and exports it as node-link JSON; the
same file is read by NetworkX and, where python3-igraph is installed, by igraph. Neither reads
DyNetML, so that sample is parsed here with ElementTree into a NetworkX graph. Compared: direction, the vertices' names, and every tie
with its weight, by the names at its ends. Then the JSON threatgraph wrote is read back by
threatgraph and must give the same network, and a GEXF threatgraph writes of it must read in
NetworkX as the same network (round trips).
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from tally import check, finish  # noqa: E402

try:
    import igraph
except ImportError:
    igraph = None

BIN, SOURCE = sys.argv[1], sys.argv[2]
NETWORKS = os.path.join(SOURCE, "tests", "data", "networks")


def threatgraph_json(path):
    out = subprocess.run([BIN, "--input", path, "export", "--to", "json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def ties_of_json(data):
    """{(name, name): weight} and the names, from threatgraph's node-link JSON."""
    names = {n["id"]: n["name"] for n in data["nodes"]}
    ties = {}
    for link in data["links"]:
        weight = link["attributes"].get("weight", {}).get("value", 1)
        ends = (names[link["source"]], names[link["target"]])
        ties[ends if data["directed"] else tuple(sorted(ends))] = weight
    return data["directed"], sorted(names.values()), ties


def ties_of_networkx(graph, directed):
    names = {v: str(graph.nodes[v].get("label", v)) for v in graph.nodes}
    ties = {}
    for a, b, attributes in graph.edges(data=True):
        ends = (names[a], names[b])
        ties[ends if directed else tuple(sorted(ends))] = attributes.get("weight", 1)
    return sorted(names.values()), ties


def ties_of_igraph(graph):
    names = [str(v["name"]) if "name" in v.attributes() and v["name"] else
             str(v["id"]) if "id" in v.attributes() and v["id"] else str(v.index + 1) for v in graph.vs]
    ties = {}
    for e in graph.es:
        ends = (names[e.source], names[e.target])
        # A tie listed twice keeps its first weight, as threatgraph's default merge does.
        ties.setdefault(ends if graph.is_directed() else tuple(sorted(ends)), e["weight"] if "weight" in e.attributes() else 1)
    return sorted(names), ties


def compare(label, ours, theirs):
    directed, names, ties = ours
    their_names, their_ties = theirs
    check("%s: names" % label, names == their_names)
    check("%s: ties" % label, ties.keys() == their_ties.keys(), "(%d against %d)" % (len(ties), len(their_ties)))
    check("%s: weights" % label, all(float(ties[k]) == float(their_ties[k]) for k in ties.keys() & their_ties.keys()))


def pajek_networkx(path):
    # NetworkX keys vertices by label and reads a multigraph; *Matrix it does not read.
    graph = nx.read_pajek(path)
    simple = nx.DiGraph() if graph.is_directed() else nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for a, b, attributes in graph.edges(data=True):
        simple.add_edge(a, b, **attributes)
    return simple


def dynetml_networkx(path):
    """The first meta-network of a DyNetML file as one NetworkX graph: every node of every class
    by its title, every link of every network, a pair tied twice keeping its first value."""
    meta = ET.parse(path).getroot()
    if meta.tag != "MetaNetwork":
        meta = meta.find("MetaNetwork")
    titles = {}
    for cls in meta.iter("nodeclass"):
        for node in cls.iter("node"):
            titles[(cls.get("id"), node.get("id"))] = node.get("title") or node.get("id")
    networks = meta.find("networks").findall("network")
    directed = any(n.get("isDirected", "true") != "false" for n in networks)
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(titles.values())
    for network in networks:
        for link in network.iter("link"):
            a = titles[(network.get("source"), link.get("source"))]
            b = titles[(network.get("target"), link.get("target"))]
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=float(link.get("value", 1)))
    return graph


for name in sorted(os.listdir(NETWORKS)):
    path = os.path.join(NETWORKS, name)
    if name.endswith(".gexf"):
        ours = ties_of_json(threatgraph_json(path))
        theirs = nx.read_gexf(path)
        check("%s (NetworkX): direction" % name, theirs.is_directed() == ours[0])
        compare(name + " (NetworkX)", ours, ties_of_networkx(theirs, ours[0]))
        # And back: threatgraph's GEXF of it, read by NetworkX, holds the same ties and weights.
        with tempfile.TemporaryDirectory() as tmp:
            again = os.path.join(tmp, "again.gexf")
            with open(again, "w", encoding="utf-8") as f:
                f.write(subprocess.run([BIN, "--input", path, "export", "--to", "gexf"], capture_output=True, text=True, check=True).stdout)
            compare(name + " written by threatgraph, read by NetworkX", ours, ties_of_networkx(nx.read_gexf(again), ours[0]))
        continue
    if name.endswith(".gml"):
        ours = ties_of_json(threatgraph_json(path))
        compare(name + " (NetworkX)", ours, ties_of_networkx(nx.read_gml(path), ours[0]))
        if igraph is not None:
            graph = igraph.Graph.Read_GML(path)
            names = [str(v["label"]) for v in graph.vs]
            ties = {}
            for e in graph.es:
                ends = (names[e.source], names[e.target])
                ties[ends if graph.is_directed() else tuple(sorted(ends))] = e["weight"] if "weight" in e.attributes() else 1
            compare(name + " (igraph)", ours, (sorted(names), ties))
        # And back: threatgraph's GML of it, read by NetworkX and igraph, holds the same ties.
        with tempfile.TemporaryDirectory() as tmp:
            again = os.path.join(tmp, "again.gml")
            with open(again, "w", encoding="utf-8") as f:
                f.write(subprocess.run([BIN, "--input", path, "export", "--to", "gml"], capture_output=True, text=True, check=True).stdout)
            written = nx.read_gml(again)
            named = nx.relabel_nodes(written, {v: written.nodes[v].get("name", v) for v in written})
            compare(name + " written by threatgraph, read by NetworkX", ours, ties_of_networkx(named, ours[0]))
            if igraph is not None:
                check(name + " written by threatgraph, read by igraph", igraph.Graph.Read_GML(again).ecount() == len(ours[2]))
        continue
    if name.endswith(".dl"):
        ours = ties_of_json(threatgraph_json(path))
        with open(path, encoding="utf-8") as f:
            full_matrix = "fullmatrix" in f.read(300).lower()
        # igraph reads DL full matrices of 0 and 1 only; valued ones are checked against the CSV
        # they came from in tests/io.
        if igraph is not None and not full_matrix:
            graph = igraph.Graph.Read_DL(path)
            check("%s (igraph): direction" % name, graph.is_directed() == ours[0])
            compare(name + " (igraph)", ours, ties_of_igraph(graph))
        continue
    if name.endswith(".xml"):
        ours = ties_of_json(threatgraph_json(path))
        theirs = dynetml_networkx(path)
        check("%s (ElementTree): direction" % name, theirs.is_directed() == ours[0])
        compare(name + " (ElementTree)", ours, ties_of_networkx(theirs, ours[0]))
        # And back: threatgraph's DyNetML of it, read again by both, holds the same ties.
        with tempfile.TemporaryDirectory() as tmp:
            again = os.path.join(tmp, "again.xml")
            with open(again, "w", encoding="utf-8") as f:
                f.write(subprocess.run([BIN, "--input", path, "export", "--to", "dynetml"], capture_output=True, text=True,
                                       check=True).stdout)
            compare(name + " written by threatgraph, read by threatgraph", ours, ties_of_json(threatgraph_json(again))[1:])
            compare(name + " written by threatgraph, read by ElementTree", ours, ties_of_networkx(dynetml_networkx(again), ours[0]))
        continue
    if not name.endswith(".net"):
        continue
    ours = ties_of_json(threatgraph_json(path))
    with open(path, encoding="utf-8") as f:
        matrix = any(line.lower().startswith("*matrix") for line in f)
    if not matrix:
        compare(name + " (NetworkX)", ours, ties_of_networkx(pajek_networkx(path), ours[0]))
    if igraph is not None:
        graph = igraph.Graph.Read_Pajek(path)
        check("%s (igraph): direction" % name, graph.is_directed() == ours[0])
        compare(name + " (igraph)", ours, ties_of_igraph(graph))
    # Round trip: threatgraph's own JSON read back by threatgraph.
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "network.json")
        with open(copy, "w", encoding="utf-8") as f:
            json.dump(threatgraph_json(path), f)
        again = ties_of_json(threatgraph_json(copy))
        check("%s: read back from threatgraph's JSON" % name, again == ours)

finish()
