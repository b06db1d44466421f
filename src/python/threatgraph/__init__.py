"""threatgraph from Python: graphs of transnational threat networks and every analysis on them.

    import threatgraph
    g = threatgraph.load("graph-data")                 # or threatgraph.read_network("calls.csv")
    g.centrality("betweenness", top=5)                 # the CLI's JSON, as Python objects
    g.paths(from_="FARC", to="Hezbollah", k=3)
    g.query('LET routes = SELECT ENTITIES WHERE kind = route\\nSTRUCTURE IN routes')
    G = g.to_networkx()                                # a NetworkX MultiDiGraph, evidence included
    h = threatgraph.from_networkx(G, data="graph-data")  # and back, whole

Every statement of the query language is a method named after it (counter-network is
counter_network); its argument comes first and its clauses are keyword arguments (MAX HOPS is
max_hops, FROM is from_). Results are what `threatgraph COMMAND --format json` prints. Failures
raise threatgraph.Error with the message and hint the CLI gives.
"""
import json as _json
import os as _os
import tempfile as _tempfile

from ._threatgraph import Error, Graph, import_graph, load, read_network, statements

__all__ = ["Error", "Graph", "load", "read_network", "import_graph", "statements", "from_networkx", "to_networkx"]


def _statement_method(verb):
    def method(self, argument=None, **clauses):
        return self.run(verb, argument, **clauses)

    method.__name__ = verb.replace("-", "_")
    method.__doc__ = "The %s statement: g.%s(ARGUMENT, CLAUSE=VALUE, ...); see threatgraph's queries/README.md." % (
        verb.upper(), method.__name__)
    return method


for _verb in statements():
    setattr(Graph, _verb.replace("-", "_"), _statement_method(_verb))


def to_networkx(graph):
    """The graph as a NetworkX MultiDiGraph (MultiGraph when undirected), keyed by entity id:
    every entity's name, kind, aliases, domains, attributes and evidence as node attributes,
    every relation keyed by its id with its type, confidence, attributes and evidence, and a
    numeric "weight" attribute's value as the edge's weight."""
    import networkx as nx

    data = graph.node_link()
    for link in data["links"]:
        weight = link.get("attributes", {}).get("weight", {}).get("value")
        if isinstance(weight, (int, float)) and not isinstance(weight, bool):
            link["weight"] = weight
    return nx.node_link_graph(data, directed=data["directed"], multigraph=True)


Graph.to_networkx = to_networkx


def from_networkx(G, data=None, merge="first", self_loops="keep"):
    """A NetworkX graph back in threatgraph.

    With `data` (a graph-data folder, whose ontology, sources and schema it takes), the graph is
    read as `threatgraph import` reads node-link JSON: a graph from to_networkx comes back whole,
    with its kinds, aliases, attributes, relation types, confidences and evidence, checked as
    graph-data is. Without it, the graph is read as --input reads a network: nodes by id (a
    "name" attribute as the name), edges with their "weight", scalar attributes kept."""
    import networkx as nx

    data_link = nx.node_link_data(G)
    handle, path = _tempfile.mkstemp(suffix=".json", prefix="threatgraph-")
    try:
        with _os.fdopen(handle, "w", encoding="utf-8") as f:
            _json.dump(data_link, f, default=str)
        if data is not None:
            return import_graph(path, str(data), format="json")
        return read_network(path, format="json", undirected=not G.is_directed(), merge=merge, self_loops=self_loops)
    finally:
        _os.unlink(path)
