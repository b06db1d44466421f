#!/usr/bin/env python3
"""The standard diagrams as a briefing needs them, read from the SVG Graphviz wrote:
- a title and a boxed key (kinds and relation types) above the drawing, not mixed with the data;
- every label readable on a slide: its size, once the drawing is scaled to a 16:9 slide's width
  (960 pt), at least 7 pt;
- "relations" in titles, never "arcs";
- routes: origin, transit and destination drawn in three different colours and labelled;
- the country boxes of `render --cluster-by country` contain every member;
- the same command draws the same picture twice.

usage: diagrams_check.py THREATGRAPH SOURCE_DIR OUT_DIR
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

CLI, SOURCE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
DATA = os.path.join(SOURCE, "graph-data")
NS = "{http://www.w3.org/2000/svg}"
SLIDE_WIDTH = 960.0  # points: a 13.33-inch 16:9 slide
SMALLEST = 7.0       # points, on that slide
FAILURES = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        FAILURES.append(what)


def run(*args):
    result = subprocess.run([CLI, "--data", DATA, *args], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise SystemExit("threatgraph %s failed: %s" % (" ".join(args), result.stderr))
    return result


def points(text):
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", text)]


class Drawing:
    def __init__(self, path):
        self.root = ET.parse(path).getroot()
        self.width = float(self.root.get("width").replace("pt", ""))
        graph = self.root.find(NS + "g")
        match = re.search(r"scale\(([\d.]+)", graph.get("transform", ""))
        self.scale = float(match.group(1)) if match else 1.0
        self.graph = graph

    def slide_size(self, font_size):
        shrink = min(1.0, SLIDE_WIDTH / self.width)
        return font_size * self.scale * shrink

    def texts(self):
        return [(t.text or "", float(t.get("font-size", "14"))) for t in self.root.iter(NS + "text")]

    def groups(self, kind):
        return [g for g in self.root.iter(NS + "g") if g.get("class") == kind]

    def title_of(self, group):
        title = group.find(NS + "title")
        return title.text if title is not None else ""

    def box(self, group):
        """The bounding box of a node's or cluster's outline."""
        xs, ys = [], []
        for shape in group.iter():
            if shape.tag == NS + "ellipse":
                cx, cy, rx, ry = (float(shape.get(k)) for k in ("cx", "cy", "rx", "ry"))
                xs += [cx - rx, cx + rx]
                ys += [cy - ry, cy + ry]
            elif shape.tag in (NS + "polygon", NS + "path"):
                for x, y in points(shape.get("points") or shape.get("d") or ""):
                    xs.append(x)
                    ys.append(y)
        return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def picture(path):
    """What a drawing shows, whatever order Graphviz wrote its parts in (it may list clusters in
    another order from run to run): every part, its ids left out, sorted."""
    graph = ET.parse(path).getroot().find(NS + "g")
    parts = []
    for part in graph:
        for node in part.iter():
            node.attrib.pop("id", None)
        parts.append(ET.tostring(part))
    return sorted(parts)


def readable_and_keyed(name, path, expect_key=True, for_slides=True):
    d = Drawing(path)
    texts = d.texts()
    if for_slides:
        smallest = min(d.slide_size(size) for _, size in texts)
        check(smallest >= SMALLEST, "%s: the smallest text is %.1f pt on a slide (drawing %.0f pt wide)" % (name, smallest, d.width))
    words = [t for t, _ in texts]
    if expect_key:
        check("Kinds" in words and "Relations" in words, "%s: the key lists kinds and relations" % name)
        # The key is the graph's label: no node of the drawing is a sample of it.
        check(not any(d.title_of(g).startswith("legend") for g in d.groups("node")), "%s: no legend node among the data" % name)
        # Above the drawing: every key text is higher than every node.
        key_y = max(float(t.get("y")) for t in d.root.iter(NS + "text") if t.text in ("Kinds", "Relations"))
        top_node = min(d.box(g)[1] for g in d.groups("node") if d.box(g))
        check(key_y < top_node, "%s: the key sits above the drawing" % name)
    check(not any(re.search(r"\barcs?\b", t) for t in words), "%s: no title says arcs" % name)
    return d


def main():
    os.makedirs(OUT, exist_ok=True)
    folder = os.path.join(OUT, "diagrams")
    run("diagrams", folder)
    for view in ("network", "threat-actors", "routes", "convergence", "counter-network"):
        readable_and_keyed(view, os.path.join(folder, view + ".svg"))

    # Routes: where a route starts, passes and ends are told apart by colour and by label.
    routes = Drawing(os.path.join(folder, "routes.svg"))
    colours = {}
    for edge in routes.groups("edge"):
        label = edge.find(NS + "text")
        line = edge.find(NS + "path")
        if label is not None and line is not None:
            colours.setdefault(label.text, set()).add(line.get("stroke"))
    for label in ("starts in", "passes through", "ends in"):
        check(label in colours, "routes: relations labelled \"%s\"" % label)
    if all(label in colours for label in ("starts in", "passes through", "ends in")):
        check(len(colours["starts in"] | colours["passes through"] | colours["ends in"]) == 3 and
              all(len(colours[k]) == 1 for k in ("starts in", "passes through", "ends in")),
              "routes: origin, transit and destination in three colours %s" % sorted(colours.items()))

    # Country boxes hold their members.
    countries = os.path.join(OUT, "countries.svg")
    run("render", countries, "--cluster-by", "country", "--kinds", "state,organization,initiative")
    # A drawing the user asked for: as large as its 79 entities need, keyed all the same.
    d = readable_and_keyed("countries", countries, for_slides=False)
    clusters = d.groups("cluster")
    check(len(clusters) >= 5, "countries: %d country boxes" % len(clusters))
    nodes = {d.title_of(g): d.box(g) for g in d.groups("node")}
    # Which node is in which box: the entities' country as the CLI computes it.
    boxes = {}
    for cluster in clusters:
        label = [t.text for t in cluster.iter(NS + "text")][0]
        boxes[label] = d.box(cluster)
    us = boxes.get("United States")
    check(us is not None, "countries: a United States box")
    inside = lambda b, box: box[0] - 0.5 <= b[0] and box[1] - 0.5 <= b[1] and b[2] <= box[2] + 0.5 and b[3] <= box[3] + 0.5
    if us:
        tooltips = {}  # by the node's label, its lines joined
        for g in d.groups("node"):
            tooltips[" ".join(t.text or "" for t in g.iter(NS + "text"))] = d.box(g)
        for agency in ("Department of State", "Department of Defense", "Department of Justice", "U.S. Agency for International Development"):
            box = tooltips.get(agency)
            check(box is not None and inside(box, us), "countries: %s inside the United States box" % agency)
    # Every node drawn inside a box lies wholly inside it, or wholly outside every box.
    for title, box in nodes.items():
        if box is None:
            continue
        for label, cbox in boxes.items():
            overlaps = not (box[2] <= cbox[0] or cbox[2] <= box[0] or box[3] <= cbox[1] or cbox[3] <= box[1])
            if overlaps and not inside(box, cbox):
                check(False, "countries: node %s straddles the edge of the %s box" % (title, label))

    # The same command, the same picture. Word for word the same: cgraph numbers named
    # subgraphs by the addresses of their interned names, so the order of the country boxes (and
    # with it the layout) can follow the heap, which the length of the command line shifts.
    first = os.path.join(OUT, "countries-first.svg")
    os.replace(countries, first)
    run("render", countries, "--cluster-by", "country", "--kinds", "state,organization,initiative")
    check(picture(first) == picture(countries), "countries: drawn the same way twice")
    second = os.path.join(OUT, "diagrams-again")
    run("diagrams", second)
    for view in ("network", "counter-network"):
        check(picture(os.path.join(folder, view + ".svg")) == picture(os.path.join(second, view + ".svg")),
              "%s: drawn the same way twice" % view)

    if FAILURES:
        print("%d failed" % len(FAILURES))
        sys.exit(1)


if __name__ == "__main__":
    main()
