#!/usr/bin/env python3
"""Checks that `threatgraph export --to json` loads in NetworkX with nothing lost.

Usage: export_check.py THREATGRAPH_BINARY SOURCE_DIR

Exports the bundled graph-data, reads it with networkx.node_link_graph, and compares every
entity and relation with graph-data's own JSON files (read here independently): kind, name,
aliases, domains, attributes, evidence, type, confidence, grading and period. Then exports a
filtered view and checks it holds exactly the entities and relations the filter keeps.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys

import networkx as nx

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from tally import check, finish  # noqa: E402

BIN, SOURCE = sys.argv[1], sys.argv[2]


def export(*extra):
    r = subprocess.run([BIN, "--data", os.path.join(SOURCE, "graph-data"), "export", "--to", "json", *extra],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return nx.node_link_graph(json.loads(r.stdout))


def attributes(record):
    out = {}
    for name, a in record.get("attributes", {}).items():
        a = a if isinstance(a, dict) else {"value": a}
        out[name] = {k: v for k, v in a.items() if k in ("value", "unit", "year", "note") and v not in (None, "")}
        out[name]["evidence"] = evidence(a)
    return out


def evidence(record):
    return [{k: e[k] for k in ("source", "section", "start", "end", "paraphrase")} for e in record.get("evidence", [])]


def main():
    gd = os.path.join(SOURCE, "graph-data")
    entities = json.load(open(os.path.join(gd, "entities.json")))["entities"]
    relations = json.load(open(os.path.join(gd, "relations.json")))["relations"]
    g = export()
    check("a directed multigraph", g.is_directed() and g.is_multigraph())
    check("every entity", g.number_of_nodes() == len(entities), f"{g.number_of_nodes()} vs {len(entities)}")
    check("every relation", g.number_of_edges() == len(relations), f"{g.number_of_edges()} vs {len(relations)}")
    for e in entities:
        if e["id"] not in g:
            check(f"entity {e['id']}", False, "missing")
            continue
        n = g.nodes[e["id"]]
        check(f"entity {e['id']} kind, name and note", n["kind"] == e["kind"] and n["name"] == e["name"] and n.get("note") == e.get("note"))
        check(f"entity {e['id']} aliases and domains",
              n["aliases"] == e.get("aliases", []) and n["domains"] == e.get("domains", []))
        check(f"entity {e['id']} attributes", attributes(n) == attributes(e), f"{attributes(n)} vs {attributes(e)}")
        check(f"entity {e['id']} evidence", evidence(n) == evidence(e))
    for r in relations:
        data = g.get_edge_data(r["source"], r["target"], key=r["id"])
        if data is None:
            check(f"relation {r['id']}", False, "missing")
            continue
        check(f"relation {r['id']} type and confidence", data["type"] == r["type"] and data["confidence"] == r["confidence"])
        check(f"relation {r['id']} grading", data.get("grading") == r.get("grading"))
        check(f"relation {r['id']} note", data.get("note") == r.get("note"))
        period = r.get("period", {}) or {}
        check(f"relation {r['id']} period", data.get("valid_from") == period.get("from") and data.get("valid_to") == period.get("to"),
              f'{data.get("valid_from")}..{data.get("valid_to")} vs {period}')
        check(f"relation {r['id']} attributes", attributes(data) == attributes(r))
        check(f"relation {r['id']} evidence", evidence(data) == evidence(r))

    # A view: threat actors only, relations among them.
    ontology = json.load(open(os.path.join(gd, "ontology.json")))
    parent = {k["id"]: k.get("parent") for k in ontology["kinds"]}

    def is_actor(kind):
        while kind:
            if kind == "threat_actor":
                return True
            kind = parent.get(kind)
        return False

    actors = {e["id"] for e in entities if is_actor(e["kind"])}
    among = {r["id"] for r in relations if r["source"] in actors and r["target"] in actors}
    v = export("--kinds", "threat_actor")
    check("a view keeps its entities", set(v.nodes) == actors, f"{len(v.nodes)} vs {len(actors)}")
    check("a view keeps the relations among them", {k for _, _, k in v.edges(keys=True)} == among)
    finish()


if __name__ == "__main__":
    main()
