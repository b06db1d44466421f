#!/usr/bin/env python3
"""Checks that every `threatgraph export` format loads in the tool it is for with nothing lost.

Usage: export_check.py THREATGRAPH_BINARY SOURCE_DIR

Exports the bundled graph-data to each format and reads it back the way its peer does:
  json     networkx.node_link_graph
  graphml  networkx.read_graphml and igraph's Graph.Read_GraphML (when python3-igraph is
           installed), and xmllint for well-formed XML
  gexf     xmllint, a reader written here from the GEXF 1.2 specification (declared, typed
           attributes, spells from validity periods), and networkx.read_gexf; a weighted network's
           GEXF carries its weights as the edge weights
  csv      Python's csv module with the neo4j-admin import header rules (name:type, :ID...)
  cypher   a parser written here for the CREATE/MATCH statements and Cypher literals used
  dot      Graphviz's own dot program, whose SVG must parse as XML and name every entity
Every entity and relation is compared with graph-data's own JSON files (read here
independently): kind, name, aliases, domains, note, attributes with unit, year, note and
evidence, evidence, type, confidence, grading and period. Then exports a filtered view and checks
it holds exactly the entities and relations the filter keeps.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from tally import check, finish  # noqa: E402

BIN, SOURCE = sys.argv[1], sys.argv[2]
GRAPH_DATA = os.path.join(SOURCE, "graph-data")
PARTS = ("unit", "year", "note", "evidence", "type")


def export(fmt, *extra, output=None):
    args = [BIN, "--data", GRAPH_DATA, "export", "--to", fmt, *extra]
    if output:
        args += ["-o", output]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return r.stdout


# The normal form every reader below produces, and graph-data is put in.

def evidence(items):
    return [{k: e[k] for k in ("source", "section", "start", "end", "paraphrase", "refers_to") if k in e} for e in items or []]


def attributes(attrs):
    out = {}
    for name, a in (attrs or {}).items():
        a = a if isinstance(a, dict) else {"value": a}
        n = {k: a[k] for k in ("value", "unit", "year", "note") if a.get(k) not in (None, "")}
        if isinstance(n["value"], bool):
            n["value"] = ("bool", n["value"])
        elif isinstance(n["value"], (int, float)):
            n["value"] = ("number", float(n["value"]))
        n["evidence"] = evidence(a.get("evidence"))
        out[name] = n
    return out


def entity_form(e):
    return {"kind": e["kind"], "name": e["name"], "aliases": e.get("aliases") or [], "domains": e.get("domains") or [],
            "note": e.get("note") or None, "attributes": attributes(e.get("attributes")), "evidence": evidence(e.get("evidence"))}


def relation_form(r):
    period = r.get("period") or {}
    return {"source": r["source"], "target": r["target"], "type": r["type"], "confidence": float(r["confidence"]),
            "grading": r.get("grading"), "from": period.get("from"), "to": period.get("to"), "note": r.get("note") or None,
            "attributes": attributes(r.get("attributes")), "evidence": evidence(r.get("evidence"))}


def unflatten(props, core, typed):
    """Flat properties (name -> value, typed where the format types them) into the graph-data shape:
    JSON text for lists and evidence, NAME.unit/.year/.note/.evidence/.type beside attribute NAME."""
    record, attrs = {}, {}
    names = set(props)
    part_of = {}
    for name in names:
        for part in PARTS:
            if name.endswith("." + part) and name[: -len(part) - 1] in names and name not in core:
                part_of[name] = (name[: -len(part) - 1], part)
    for name, value in props.items():
        if name in core:
            record[name] = json.loads(value) if name in ("aliases", "domains", "evidence") else value
        elif name not in part_of:
            attrs[name] = {"value": value}
    for name, (base, part) in part_of.items():
        value = props[name]
        if part == "type":
            text = attrs[base]["value"]
            attrs[base]["value"] = float(text) if value == "number" else (text == "true" if value == "boolean" else text)
        elif part == "evidence":
            attrs[base]["evidence"] = json.loads(value)
        elif part == "year":
            attrs[base]["year"] = int(value)
        else:
            attrs[base][part] = value
    if not typed:  # text-only formats: numbers declared by the header were converted by the caller
        pass
    record["attributes"] = attrs
    return record


ENTITY_CORE = {"name", "kind", "aliases", "domains", "note", "evidence"}
RELATION_CORE = {"type", "symmetric", "confidence", "grading", "valid_from", "valid_to", "note", "evidence"}


def flat_entity(node_id, props):
    e = unflatten(props, ENTITY_CORE, True)
    e["id"] = node_id
    return entity_form(e)


def flat_relation(source, target, props):
    r = unflatten(props, RELATION_CORE, True)
    r.update(source=source, target=target)
    if r.get("valid_from") or r.get("valid_to"):
        r["period"] = {k: v for k, v in (("from", r.get("valid_from")), ("to", r.get("valid_to"))) if v}
    return relation_form(r)


def compare(fmt, entities, relations, got_entities, got_relations):
    """got_*: id -> normal form."""
    check(f"{fmt}: every entity", len(got_entities) == len(entities), f"{len(got_entities)} vs {len(entities)}")
    check(f"{fmt}: every relation", len(got_relations) == len(relations), f"{len(got_relations)} vs {len(relations)}")
    for e in entities:
        want, got = entity_form(e), got_entities.get(e["id"])
        for field in want:
            check(f"{fmt}: entity {e['id']} {field}", got is not None and got[field] == want[field],
                  f"{got and got[field]!r} vs {want[field]!r}")
    for r in relations:
        want, got = relation_form(r), got_relations.get(r["id"])
        for field in want:
            check(f"{fmt}: relation {r['id']} {field}", got is not None and got[field] == want[field],
                  f"{got and got[field]!r} vs {want[field]!r}")


def xmllint(path, fmt):
    if not shutil.which("xmllint"):
        check(f"{fmt}: xmllint is installed (apt-get install libxml2-utils)", False)
        return
    r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    check(f"{fmt}: xmllint reads it as well-formed XML", r.returncode == 0, r.stderr[:300])


def from_node_link(text):
    g = nx.node_link_graph(json.loads(text))
    check("json: a directed multigraph", g.is_directed() and g.is_multigraph())
    ents = {n: entity_form(dict(d, id=n)) for n, d in g.nodes(data=True)}
    rels = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        r = dict(d, source=u, target=v)
        if d.get("valid_from") or d.get("valid_to"):
            r["period"] = {x: y for x, y in (("from", d.get("valid_from")), ("to", d.get("valid_to"))) if y}
        rels[k] = relation_form(r)
    return ents, rels


def from_networkx_graphml(path):
    g = nx.read_graphml(path, force_multigraph=True)
    check("graphml (NetworkX): a directed multigraph", g.is_directed() and g.is_multigraph())
    ents = {n: flat_entity(n, d) for n, d in g.nodes(data=True)}
    rels = {k: flat_relation(u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
    return ents, rels


def from_igraph_graphml(path):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    check("graphml (igraph): directed", g.is_directed())
    ids = g.vs["id"]

    def present(attrs):  # igraph fills missing string values with "" and numbers with nan
        return {k: v for k, v in attrs.items() if k != "id" and v is not None and v != "" and v == v}

    ents = {ids[v.index]: flat_entity(ids[v.index], present(v.attributes())) for v in g.vs}
    rels = {e["id"]: flat_relation(ids[e.source], ids[e.target], present(e.attributes())) for e in g.es}
    return ents, rels


GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"


def gexf_value(text, kind):
    if kind in ("integer", "long"):
        return int(text)
    if kind in ("double", "float"):
        return float(text)
    if kind == "boolean":
        check(f"gexf: boolean {text!r} is true or false", text in ("true", "false"))
        return text == "true"
    return text


def spell_bounds(period):
    def full(date, end):
        if len(date) == 4:
            return date + ("-12-31" if end else "-01-01")
        if len(date) == 7:
            import calendar
            y, m = int(date[:4]), int(date[5:])
            return f"{date}-{calendar.monthrange(y, m)[1]:02d}" if end else date + "-01"
        return date
    return {k: full(period[f], k == "end") for k, f in (("start", "from"), ("end", "to")) if period.get(f)}


def from_gexf(path, relations, colours):
    root = ET.parse(path).getroot()
    check("gexf: root is <gexf> in the 1.2 namespace, version 1.2", root.tag == GEXF + "gexf" and root.get("version") == "1.2")
    graph = root.find(GEXF + "graph")
    check("gexf: directed, dynamic with dates", graph.get("defaultedgetype") == "directed" and graph.get("mode") == "dynamic"
          and graph.get("timeformat") == "date")
    declared = {}
    for block in graph.findall(GEXF + "attributes"):
        for a in block.findall(GEXF + "attribute"):
            check(f"gexf: attribute {a.get('id')} has a known type",
                  a.get("type") in ("integer", "long", "double", "float", "boolean", "string"))
            declared[(block.get("class"), a.get("id"))] = (a.get("title"), a.get("type"))

    def values(element, cls):
        props = {}
        for v in element.iter(GEXF + "attvalue"):
            key = (cls, v.get("for"))
            check(f"gexf: attvalue for {v.get('for')} refers to a declared {cls} attribute", key in declared)
            if key in declared:
                title, kind = declared[key]
                props[title] = gexf_value(v.get("value"), kind)
        return props

    ents, rels = {}, {}
    for n in graph.find(GEXF + "nodes"):
        props = values(n, "node")
        check(f"gexf: node {n.get('id')} label is its name", n.get("label") == props.get("name"))
        c = n.find(VIZ + "color")
        want = colours.get(props.get("kind"))
        if want:
            check(f"gexf: node {n.get('id')} has its kind's colour",
                  c is not None and (int(c.get("r")), int(c.get("g")), int(c.get("b"))) == want)
        ents[n.get("id")] = flat_entity(n.get("id"), props)
    period_of = {r["id"]: r.get("period") for r in relations}
    for e in graph.find(GEXF + "edges"):
        props = values(e, "edge")
        check(f"gexf: edge {e.get('id')} weight is its confidence (graph-data has no weights of its own)",
              float(e.get("weight")) == props.get("confidence"))
        spells = [dict(s.attrib) for s in e.iter(GEXF + "spell")]
        period = period_of.get(e.get("id"))
        check(f"gexf: edge {e.get('id')} spell is its validity period", spells == ([spell_bounds(period)] if period else []),
              f"{spells} vs {period}")
        rels[e.get("id")] = flat_relation(e.get("source"), e.get("target"), props)
    return ents, rels


def neo4j_rows(path):
    """Rows of a neo4j-admin import CSV as (special columns, typed properties)."""
    with open(path, newline="", encoding="utf-8") as f:
        raw = f.read()
    reader = csv.reader(io.StringIO(raw))
    header = next(reader)
    columns = []
    for h in header:
        name, _, kind = h.rpartition(":")
        columns.append((name, kind))
    # Which cells were quoted: an empty unquoted cell is a missing property.
    out = []
    for row in reader:
        special, props = {}, {}
        for (name, kind), cell in zip(columns, row):
            if kind in ("ID", "LABEL", "START_ID", "END_ID", "TYPE"):
                special[kind] = cell
            elif cell != "":
                props[name] = {"double": float, "long": int, "boolean": lambda t: t == "true"}.get(kind, str)(cell)
        out.append((special, props))
    return out


def from_neo4j_csv(folder, labels_of):
    ents, rels = {}, {}
    for special, props in neo4j_rows(os.path.join(folder, "entities.csv")):
        check(f"csv: entity {special['ID']} labels are Entity and its kind's lineage",
              special["LABEL"].split(";") == labels_of(props.get("kind")), special["LABEL"])
        ents[special["ID"]] = flat_entity(special["ID"], props)
    for special, props in neo4j_rows(os.path.join(folder, "relations.csv")):
        rid = props.pop("id")
        props["type"] = special["TYPE"]
        rels[rid] = flat_relation(special["START_ID"], special["END_ID"], props)
    return ents, rels


CYPHER_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^'\\]|\\.)*')|(?P<name>`(?:[^`]|``)*`|[A-Za-z_][A-Za-z0-9_]*)|"
                          r"(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<sym>->|[{}\[\]():,;>-]))")


def cypher_tokens(text):
    pos, out = 0, []
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = CYPHER_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot read Cypher at {text[pos:pos + 40]!r}")
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "str":
            value = re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda e: {"n": "\n", "r": "\r", "t": "\t"}.get(
                e.group(1), chr(int(e.group(1)[1:], 16)) if e.group(1)[0] == "u" and len(e.group(1)) == 5 else e.group(1)),
                value[1:-1])
        elif kind == "name" and value.startswith("`"):
            value = value[1:-1].replace("``", "`")
        out.append((kind, value))
        pos = m.end()
    return out


def cypher_value(tokens, i):
    kind, value = tokens[i]
    if kind == "str":
        return value, i + 1
    if kind == "num":
        return float(value), i + 1
    if kind == "name" and value in ("true", "false"):
        return value == "true", i + 1
    if (kind, value) == ("sym", "["):
        items, i = [], i + 1
        while tokens[i] != ("sym", "]"):
            item, i = cypher_value(tokens, i)
            items.append(item)
            if tokens[i] == ("sym", ","):
                i += 1
        return items, i + 1
    raise ValueError(f"unexpected {value!r}")


def cypher_map(tokens, i):
    assert tokens[i] == ("sym", "{")
    out, i = {}, i + 1
    while tokens[i] != ("sym", "}"):
        key = tokens[i][1]
        assert tokens[i + 1] == ("sym", ":")
        out[key], i = cypher_value(tokens, i + 2)
        if tokens[i] == ("sym", ","):
            i += 1
    return out, i + 1


def from_cypher(text, labels_of):
    ents, rels = {}, {}
    statements = [s for s in text.splitlines() if s and not s.startswith("//")]
    check("cypher: starts with the uniqueness constraint on Entity.id", statements[0].startswith("CREATE CONSTRAINT"))
    for line in statements[1:]:
        t = cypher_tokens(line)
        words = [v for k, v in t]
        if words[0] == "CREATE":  # CREATE ( :L1:L2 {map} ) ;
            i, labels = 2, []
            while t[i] == ("sym", ":"):
                labels.append(t[i + 1][1])
                i += 2
            props, i = cypher_map(t, i)
            check("cypher: node statement ends with );", words[i:] == [")", ";"])
            check(f"cypher: entity {props['id']} labels are Entity and its kind's lineage", labels == labels_of(props.get("kind")))
            for k in ("aliases", "domains"):
                if k in props:
                    check(f"cypher: {k} of {props['id']} is a list", isinstance(props[k], list))
                    props[k] = json.dumps(props[k])
            for k, v in list(props.items()):
                if isinstance(v, float) and v.is_integer() and k not in ENTITY_CORE:
                    props[k] = int(v)
            eid = props.pop("id")
            ents[eid] = flat_entity(eid, props)
        else:  # MATCH (a:Entity {id: 'x'}), (b:Entity {id: 'y'}) CREATE (a)-[:`type` {map}]->(b);
            a, i = cypher_map(t, words.index("{"))
            b, i = cypher_map(t, i + 6)  # ) , ( b : Entity
            j = words.index("[", i)
            rel_type = t[j + 2][1]
            props, j = cypher_map(t, j + 3)
            check("cypher: relation statement ends with ]->(b);", words[j:] == ["]", "->", "(", "b", ")", ";"], words[j:])
            props["type"] = rel_type
            rid = props.pop("id")
            rels[rid] = flat_relation(a["id"], b["id"], props)
    return ents, rels


def main():
    entities = json.load(open(os.path.join(GRAPH_DATA, "entities.json")))["entities"]
    relations = json.load(open(os.path.join(GRAPH_DATA, "relations.json")))["relations"]
    ontology = json.load(open(os.path.join(GRAPH_DATA, "ontology.json")))
    parent = {k["id"]: k.get("parent") for k in ontology["kinds"]}
    kind_colour = {k["id"]: k.get("color") for k in ontology["kinds"]}

    def lineage(kind):
        out = []
        while kind and kind not in out:
            out.append(kind)
            kind = parent.get(kind)
        return out

    def labels_of(kind):
        return ["Entity"] + lineage(kind)

    def colour(kind):
        for k in lineage(kind):
            if kind_colour.get(k):
                c = kind_colour[k]
                return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)
        return None

    colours = {k["id"]: colour(k["id"]) for k in ontology["kinds"]}
    work = tempfile.mkdtemp(prefix="tg-export-check-")
    try:
        compare("json", entities, relations, *from_node_link(export("json")))

        graphml = os.path.join(work, "g.graphml")
        export("graphml", output=graphml)
        xmllint(graphml, "graphml")
        compare("graphml (NetworkX)", entities, relations, *from_networkx_graphml(graphml))
        try:
            import igraph  # noqa: F401
            compare("graphml (igraph)", entities, relations, *from_igraph_graphml(graphml))
        except ImportError:
            print("note: python3-igraph is not installed; GraphML is checked with NetworkX only")

        gexf = os.path.join(work, "g.gexf")
        export("gexf", output=gexf)
        xmllint(gexf, "gexf")
        compare("gexf", entities, relations, *from_gexf(gexf, relations, colours))
        # NetworkX 2.8 reads it (it reads GEXF up to 1.2): every entity and relation, names as labels.
        g = nx.read_gexf(gexf)
        check("gexf (NetworkX): every entity and relation", g.number_of_nodes() == len(entities) and g.number_of_edges() == len(relations),
              f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
        check("gexf (NetworkX): names as labels", all(g.nodes[e["id"]].get("label") == e["name"] for e in entities if e["id"] in g))
        # A network's own weights are the edge weights (CAVIAR phase 1: player 1 wrote to player 89 four times).
        net = os.path.join(SOURCE, "tests", "data", "networks", "caviar_phase1.net")
        weighted = os.path.join(work, "w.gexf")
        with open(weighted, "w", encoding="utf-8") as f:
            f.write(subprocess.run([BIN, "--input", net, "export", "--to", "gexf"], capture_output=True, text=True, check=True).stdout)
        w = nx.read_gexf(weighted)
        ids = {w.nodes[n]["label"]: n for n in w}
        weights = [d.get("weight") for d in (w.get_edge_data(ids["player 1"], ids["player 89"]) or {}).values()] if w.is_multigraph() \
            else [(w.get_edge_data(ids["player 1"], ids["player 89"]) or {}).get("weight")]
        check("gexf (NetworkX): a network's weights are the edge weights", w.number_of_edges() == 26 and weights == [4.0],
              f"{w.number_of_edges()} edges, {weights}")

        folder = os.path.join(work, "neo4j")
        export("csv", output=folder)
        compare("csv", entities, relations, *from_neo4j_csv(folder, labels_of))

        compare("cypher", entities, relations, *from_cypher(export("cypher"), labels_of))

        dot = export("dot")
        if shutil.which("dot"):
            r = subprocess.run(["dot", "-Kneato", "-Tsvg"], input=dot, capture_output=True, text=True)
            check("dot: Graphviz's dot draws the DOT export", r.returncode == 0, r.stderr[:300])
            svg = ET.fromstring(r.stdout) if r.returncode == 0 else None
            titles = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}title")} if svg is not None else set()
            tooltips = {a.get("{http://www.w3.org/1999/xlink}title") for a in svg.iter("{http://www.w3.org/2000/svg}a")} if svg is not None else set()
            check("dot: every entity is a node of the drawing", all(e["id"] in tooltips for e in entities),
                  f"{sum(e['id'] not in tooltips for e in entities)} missing")
            check("dot: the drawing has a node per entity and no other", len([t for t in titles if t and re.fullmatch(r"v\d+", t)]) == len(entities))
        else:
            check("dot: Graphviz's dot is installed (apt-get install graphviz)", False)

        # A view: threat actors only, relations among them.
        actors = {e["id"] for e in entities if "threat_actor" in lineage(e["kind"])}
        among = {r["id"] for r in relations if r["source"] in actors and r["target"] in actors}
        v = nx.node_link_graph(json.loads(export("json", "--kinds", "threat_actor")))
        check("a view keeps its entities", set(v.nodes) == actors, f"{len(v.nodes)} vs {len(actors)}")
        check("a view keeps the relations among them", {k for _, _, k in v.edges(keys=True)} == among)
        v = nx.read_graphml(io.BytesIO(export("graphml", "--kinds", "threat_actor").encode()), force_multigraph=True)
        check("a GraphML view keeps its entities and relations", set(v.nodes) == actors and
              {k for _, _, k in v.edges(keys=True)} == among)
    finally:
        shutil.rmtree(work)
    finish()


if __name__ == "__main__":
    main()
