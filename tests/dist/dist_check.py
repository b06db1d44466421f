#!/usr/bin/env python3
"""threatgraph-dist gives the single-machine engine's answers, whatever the number of processes.

dist_check.py THREATGRAPH THREATGRAPH_DIST WORK_DIR [PROCESSES...]   (default: 1 2 4)

For each network (random directed and undirected ones with repeated ties and self-loops, a small
hand-made one, and the shared real networks when ../shared/datasets is there), PageRank from
`mpirun -np N threatgraph-dist --input FILE centrality --measure pagerank` is compared with
`threatgraph --input FILE centrality --measure pagerank`: every node, L1 difference below 1e-6,
the same top 10 in the same order, the same JSON fields. `threatgraph-dist components` is compared
with `threatgraph structure`: the same counts, density, largest component and the same weak
components, member for member. (Strong components are not offered: PBGL's are wrong with some
process counts, see bench/RESULTS.md.) Betweenness, exact, equals `threatgraph centrality
--measure betweenness` to 1e-9 (normalized and --raw); sampled, it is the same whatever N and
equals NetworkX's Brandes sums from the sources the documented rule picks (the K labels with the
smallest FNV-1a hash of "SEED:label"), rescaled as NetworkX rescales. `distances` equals
NetworkX's breadth-first and Dijkstra distances from the same node, node for node, and the single
engine's `ego --direction out` and `paths --weight weight` where they overlap. Malformed input is refused at the same
line whatever N; a missing file, a folder, an output onto the input and a negative count are
refused with a clear message (the input left as it was); an empty file is a warning.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
from tally import check, finish  # noqa: E402

BIN, DIST, WORK = (os.path.abspath(p) for p in sys.argv[1:4])
PROCESSES = [int(n) for n in sys.argv[4:]] or [1, 2, 4]
SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "datasets")
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
ENV = dict(os.environ)
if os.geteuid() == 0:  # Open MPI refuses root unless told, as its documentation says, by these two
    ENV.update(OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")


def mpirun(n, *args):
    return subprocess.run(["mpirun", "-np", str(n), "--oversubscribe", DIST, *args], capture_output=True, text=True, env=ENV,
                          timeout=600)


def scores(text):
    return {row["id"]: float(row["score"]) for row in csv.DictReader(io.StringIO(text))}


def write(name, lines):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def random_network(name, nodes, ties, seed):
    rng = random.Random(seed)
    lines = ["# %d nodes, %d ties, seed %d" % (nodes, ties, seed)]
    for _ in range(ties):
        a = rng.randrange(nodes)
        b = a if rng.random() < 0.01 else rng.randrange(nodes)  # a few self-loops
        lines.append("n%d\tn%d" % (a, b))
    lines += lines[1:50]  # ties listed twice
    return write(name, lines)


networks = [
    (write("hand.txt", ["# a comment", "a b", "b c", "c a", "c c", "a b", "b a", "d a 2.5", "", "% another", "e d"]), []),
    (random_network("random.tsv", 3000, 15000, 1), []),
    (random_network("random-undirected.tsv", 2000, 8000, 2), ["--undirected"]),
    (random_network("sparse.tsv", 5000, 3000, 3), []),  # many dangling nodes
]
if os.path.isdir(SHARED):
    for folder, name in [("madrid-train-bombing", "train_edges.csv"), ("krebs-911", "covert_2__1_edges.csv"),
                         ("noordin-top", "covert_34__3_edges.csv")]:
        path = os.path.join(SHARED, folder, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                rows = list(csv.reader(f))[1:]
            networks.append((write(folder + ".txt", ["%s %s" % (r[0].strip(), r[1].strip()) for r in rows if len(r) >= 2]),
                             ["--undirected"]))
    montagna = os.path.join(SHARED, "montagna", "Montagna_meetings_edgelist.csv")  # whitespace, weighted, no header
    if os.path.exists(montagna):
        networks.append((montagna, []))

for path, flags in networks:
    name = os.path.basename(path) + (" undirected" if flags else "")
    single = subprocess.run([BIN, "--input", path, *flags, "centrality", "--measure", "pagerank", "--format", "csv"],
                            capture_output=True, text=True, check=True).stdout
    reference = scores(single)
    top = [row["id"] for row in csv.DictReader(io.StringIO(single))][:10]
    for n in PROCESSES:
        ran = mpirun(n, "--input", path, *flags, "centrality", "--measure", "pagerank", "--format", "csv")
        check("%s, %d processes: runs" % (name, n), ran.returncode == 0, ran.stderr[-400:])
        if ran.returncode != 0:
            continue
        ours = scores(ran.stdout)
        check("%s, %d processes: the same nodes" % (name, n), ours.keys() == reference.keys(),
              "(%d against %d)" % (len(ours), len(reference)))
        l1 = sum(abs(ours.get(k, 0) - v) for k, v in reference.items())
        check("%s, %d processes: PageRank L1 < 1e-6" % (name, n), l1 < 1e-6, "(L1 %g)" % l1)
        check("%s, %d processes: the same top 10" % (name, n), [row["id"] for row in csv.DictReader(io.StringIO(ran.stdout))][:10] == top)

# Components against the single engine's structure.
for path, flags in networks:
    name = os.path.basename(path) + (" undirected" if flags else "")
    theirs = json.loads(subprocess.run([BIN, "--input", path, *flags, "structure", "--format", "json"], capture_output=True, text=True,
                                       check=True).stdout)
    for n in PROCESSES:
        ran = mpirun(n, "--input", path, *flags, "--format", "json", "components")
        check("%s, %d processes: components run" % (name, n), ran.returncode == 0, ran.stderr[-400:])
        if ran.returncode != 0:
            continue
        ours = json.loads(ran.stdout)
        for field in ("entities", "arcs", "directed", "weak_components", "largest_component"):
            check("%s, %d processes: %s" % (name, n, field), ours[field] == theirs[field], "(%s against %s)" % (ours[field], theirs[field]))
        check("%s, %d processes: density" % (name, n), abs(ours["density"] - theirs["density"]) < 1e-12)
        check("%s, %d processes: the weak components, member for member" % (name, n),
              {frozenset(c) for c in ours["components"]} == {frozenset(c) for c in theirs["components"]})

def read_network(path, flags, weighted=False, merge="first"):
    """The file as NetworkX sees it, read by the edge-list grammar: a repeated tie keeps its first length."""
    import networkx as nx
    graph = nx.Graph() if "--undirected" in flags else nx.DiGraph()
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.replace(",", " ").split()
            if not fields or fields[0][0] in "#%":
                continue
            a, b = fields[0], fields[1]
            length = float(fields[2]) if weighted and len(fields) > 2 else 1.0
            graph.add_node(a)
            graph.add_node(b)
            if graph.has_edge(a, b):
                old = graph[a][b]["length"]
                graph[a][b]["length"] = {"first": old, "last": length, "sum": old + length, "max": max(old, length)}[merge]
            else:
                graph.add_edge(a, b, length=length)
    return graph


def fnv1a(text):
    h = 1469598103934665603
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def sampled_reference(graph, k, seed, normalized=True):
    """NetworkX's Brandes sums from the sources threatgraph-dist's documented rule picks, rescaled as NetworkX does."""
    from networkx.algorithms.centrality.betweenness import _accumulate_basic, _rescale, _single_source_shortest_path_basic
    sources = sorted(graph.nodes, key=lambda label: (fnv1a("%d:%s" % (seed, label)), label))[:k]
    sums = dict.fromkeys(graph, 0.0)
    for s in sources:
        S, P, sigma, _ = _single_source_shortest_path_basic(graph, s)
        sums, _ = _accumulate_basic(sums, S, P, sigma, s)
    return _rescale(sums, len(graph), normalized=normalized, directed=graph.is_directed(), k=k)


# Betweenness, exact, against the single engine.
for path, flags in networks:
    name = os.path.basename(path) + (" undirected" if flags else "")
    for raw in ([], ["--raw"]) if path in (networks[0][0], networks[2][0]) else ([],):
        label = name + (" raw" if raw else "")
        reference = scores(subprocess.run([BIN, "--input", path, *flags, "centrality", "--measure", "betweenness", *raw, "--format", "csv"],
                                          capture_output=True, text=True, check=True).stdout)
        for n in PROCESSES:
            ran = mpirun(n, "--input", path, *flags, "--format", "csv", "centrality", "--measure", "betweenness", *raw)
            check("%s, %d processes: betweenness runs" % (label, n), ran.returncode == 0, ran.stderr[-400:])
            if ran.returncode != 0:
                continue
            ours = scores(ran.stdout)
            worst = max((abs(ours.get(k, float("inf")) - v) for k, v in reference.items()), default=0)
            check("%s, %d processes: betweenness, every node to 1e-9" % (label, n), ours.keys() == reference.keys() and worst < 1e-9,
                  "(largest difference %g)" % worst)

# Betweenness from sampled sources: the same whatever the number of processes, and NetworkX's
# sums from the sources the rule picks.
for path, flags, raw in [(networks[1][0], [], []), (networks[2][0], ["--undirected"], []), (networks[2][0], ["--undirected"], ["--raw"]),
                         (networks[3][0], [], ["--raw"])]:
    name = os.path.basename(path) + (" undirected" if flags else "") + (" raw" if raw else "")
    reference = sampled_reference(read_network(path, flags), 40, 7, normalized=not raw)
    first = None
    for n in PROCESSES:
        ran = mpirun(n, "--input", path, *flags, "--format", "csv", "centrality", "--measure", "betweenness", "--samples", "40", "--seed",
                     "7", *raw)
        check("%s, %d processes: sampled betweenness runs, and says so" % (name, n),
              ran.returncode == 0 and "estimated from 40 of" in ran.stderr, ran.stderr[-400:])
        if ran.returncode != 0:
            continue
        ours = scores(ran.stdout)
        worst = max((abs(ours.get(k, float("inf")) - v) for k, v in reference.items()), default=0)
        check("%s, %d processes: sampled betweenness is NetworkX's from the same 40 sources, to 1e-9" % (name, n), worst < 1e-9,
              "(largest difference %g)" % worst)
        if first is None:
            first = ours
        check("%s, %d processes: the same estimate as with %d" % (name, n, PROCESSES[0]),
              max(abs(first[k] - v) / max(1.0, abs(v)) for k, v in ours.items()) < 1e-12)
    check("%s: the estimate is not the exact score" % name,
          first is not None and reference != sampled_reference(read_network(path, flags), 10 ** 9, 7, normalized=not raw))

# Distances from one node, by hops and by length, against NetworkX and the single engine.
import networkx as nx  # noqa: E402

rng = random.Random(4)
weighted_random = write("weighted.tsv", ["n%d n%d %g" % (rng.randrange(800), rng.randrange(800), rng.choice([0, 0.5, 1, 2.25, 3, 10]))
                                         for _ in range(4000)] + ["n1 n2", "n1 n2 7"])  # a tie listed twice: the first length
cases = [(path, flags, False) for path, flags in networks] + [(networks[0][0], [], True), (weighted_random, [], True),
                                                              (weighted_random, ["--undirected"], True)]
if os.path.exists(networks[-1][0]) and networks[-1][0].endswith("Montagna_meetings_edgelist.csv"):
    cases.append((networks[-1][0], [], True))
for path, flags, weighted in cases:
    name = os.path.basename(path) + (" undirected" if flags else "") + (" by length" if weighted else " by hops")
    graph = read_network(path, flags, weighted)
    start = max(sorted(graph.nodes), key=lambda v: graph.degree(v))  # a hub: a long reach
    if weighted:
        reference = nx.single_source_dijkstra_path_length(graph, start, weight="length")
    else:
        reference = nx.single_source_shortest_path_length(graph, start)
    extra = ["--weighted"] if weighted else []
    for n in PROCESSES:
        ran = mpirun(n, "--input", path, *flags, "--format", "json", "distances", "--from", start, *extra)
        check("%s, %d processes: distances run" % (name, n), ran.returncode == 0, ran.stderr[-400:])
        if ran.returncode != 0:
            continue
        ours = json.loads(ran.stdout)
        got = {row["id"]: row["distance"] for row in ours["distances"]}
        check("%s, %d processes: the nodes reached are NetworkX's" % (name, n), got.keys() == reference.keys(),
              "(%d against %d)" % (len(got), len(reference)))
        worst = max((abs(got.get(k, float("inf")) - v) for k, v in reference.items()), default=0)
        check("%s, %d processes: every distance is NetworkX's" % (name, n), worst < 1e-9, "(largest difference %g)" % worst)
        check("%s, %d processes: counts" % (name, n), ours["reached"] == len(reference) and ours["entities"] == graph.number_of_nodes())
    # The single engine where it says the same: the ego network two hops out; path costs.
    if not weighted:
        ego = json.loads(subprocess.run([BIN, "--input", path, *flags, "ego", start, "--depth", "2", "--direction", "out", "--format", "json"],
                                        capture_output=True, text=True, check=True).stdout)
        check("%s: within 2 hops, the single engine's ego network" % name,
              {e["id"] for e in ego["entities"]} == {k for k, v in reference.items() if v <= 2})
    else:
        for target in sorted(reference, key=lambda v: (-reference[v], v))[:5]:
            if target == start:
                continue
            single = json.loads(subprocess.run([BIN, "--input", path, *flags, "paths", start, target, "--weight", "weight", "--format", "json"],
                                               capture_output=True, text=True, check=True).stdout)
            check("%s: to %s, the single engine's path cost" % (name, target), abs(single["paths"][0]["cost"] - reference[target]) < 1e-9,
                  "(%s against %s)" % (single["paths"][0]["cost"], reference[target]))

# The text output: how many nodes at each hop.
ran = mpirun(2, "--input", networks[0][0], "distances", "--from", "e")
check("distances in text: a line per hop", ran.returncode == 0 and "reached 5 of 5 nodes" in ran.stdout and "\n3     1\n" in ran.stdout,
      ran.stdout + ran.stderr)

# JSON: the fields the CLI prints, the same rows for --top.
path = networks[1][0]
theirs = json.loads(subprocess.run([BIN, "--input", path, "centrality", "--measure", "pagerank", "--top", "5", "--format", "json"],
                                   capture_output=True, text=True, check=True).stdout)
ran = mpirun(2, "--input", path, "--format", "json", "centrality", "--measure", "pagerank", "--top", "5")
ours = json.loads(ran.stdout) if ran.returncode == 0 else {}
check("JSON: the CLI's fields", sorted(ours.keys()) == sorted(theirs.keys()), str(ours.keys()))
check("JSON: the CLI's top 5", [r["id"] for r in ours.get("results", [])] == [r["id"] for r in theirs["results"]])

# A malformed line is found where it is, whichever process reads it.
lines = ["n%d n%d" % (i, i + 1) for i in range(1000)]
lines[776] = "n1 n2 heavy"
bad = write("bad.tsv", lines)
for n in PROCESSES:
    ran = mpirun(n, "--input", bad, "centrality")
    check("bad line, %d processes: refused at line 777" % n,
          ran.returncode == 1 and ran.stderr.count("bad.tsv:777: weight \"heavy\" is not a number") == 1, ran.stderr)
ran = mpirun(2, "--input", os.path.join(WORK, "missing.tsv"), "centrality")
check("a missing file: exit 3, said once", ran.returncode == 3 and ran.stderr.count("cannot read") == 1, ran.stderr)
ran = mpirun(2, "--input", WORK, "centrality")
check("a folder: exit 3", ran.returncode == 3 and "it is a folder, not a file" in ran.stderr, ran.stderr)
with open(bad, "rb") as f:
    before = f.read()
ran = mpirun(2, "--input", bad, "-o", bad, "centrality")
with open(bad, "rb") as f:
    after = f.read()
check("an output onto the input: exit 2, the input as it was",
      ran.returncode == 2 and "refusing to write" in ran.stderr and before == after, ran.stderr)
empty = write("empty.tsv", ["# nothing"])
ran = mpirun(2, "--input", empty, "centrality")
check("an empty network: a warning, an empty ranking, exit 0", ran.returncode == 0 and "holds no nodes" in ran.stderr, ran.stderr)
ran = mpirun(2, "--input", networks[0][0], "centrality", "--top", "-1")
check("a negative count: exit 2, in the CLI's words",
      ran.returncode == 2 and 'expected a whole number of 0 or more, found "-1"' in ran.stderr, ran.stderr)

ran = mpirun(2, "--input", networks[0][0], "distances", "--from", "x")
check("an unknown --from: exit 2, with the closest labels", ran.returncode == 2 and 'no node has that label' in ran.stderr
      and "did you mean" in ran.stderr, ran.stderr)
negative = write("negative.tsv", ["a b 1", "b c 2", "c d -1"])
ran = mpirun(2, "--input", negative, "distances", "--from", "a", "--weighted")
check("a negative length: refused at its line", ran.returncode == 1 and "negative.tsv:3:" in ran.stderr and "length" in ran.stderr, ran.stderr)
huge = write("huge.tsv", ["a b 1e308", "b c 1e308"])
ran = mpirun(2, "--input", huge, "distances", "--from", "a", "--weighted")
check("lengths whose sum would overflow: refused, not a node silently unreached",
      ran.returncode == 1 and "could make a path's length overflow" in ran.stderr, ran.stderr)
ran = mpirun(2, "--input", negative, "distances", "--from", "a")
check("lengths are not read by hops", ran.returncode == 0, ran.stderr)
ran = mpirun(2, "--input", networks[0][0], "centrality", "--measure", "pagerank", "--samples", "3")
check("--samples with pagerank: exit 2", ran.returncode == 2 and "--samples applies to betweenness only" in ran.stderr, ran.stderr)

finish()
