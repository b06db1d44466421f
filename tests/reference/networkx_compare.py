#!/usr/bin/env python3
"""Checks every measure threatgraph computes against NetworkX on the same graphs.

Usage: networkx_compare.py THREATGRAPH_BINARY SOURCE_DIR [SHARED_DIR]

For each graph (Zachary's karate club and Les Miserables as NetworkX ships them, seeded random
directed, undirected, weighted and disconnected graphs, the real networks in shared/datasets and
the bundled graph-data), the graph is written to a file, threatgraph is run on it as a user would
run it, and every number it prints is compared with NetworkX's: 1e-9 for exact measures, 1e-6
for iterative ones (NetworkX run with a tight tolerance). Disruption is replayed step by step
(adaptive degree and betweenness removal, ties to the smallest id) and key-player scores are
recomputed for the sets threatgraph chooses; on graph-data, Burt's constraint, effective size, the
convergence score and the nexus are checked too. Prints one line per failure and a closing
"N passed, M failed" line; exits 1 on any failure.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from tally import check, finish  # noqa: E402
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

BIN, SOURCE = sys.argv[1], sys.argv[2]
SHARED = sys.argv[3] if len(sys.argv) > 3 else ""


def run(args):
    r = subprocess.run([BIN] + args, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"threatgraph {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return json.loads(r.stdout)


def compare_scores(label, ours, theirs, tol):
    """ours: {id: score}; theirs: {node: score} with nodes turned into ids."""
    theirs = {str(k): v for k, v in theirs.items()}
    if set(ours) != set(theirs):
        check(label, False, f"different nodes: {sorted(set(ours) ^ set(theirs))[:5]}")
        return
    worst = max((abs(ours[k] - theirs[k]) for k in ours), default=0.0)
    check(label, worst <= tol, f"largest difference {worst:.3g} > {tol}")


class Case:
    """A graph, the threatgraph arguments that load it, and the NetworkX graph it must equal."""

    def __init__(self, name, args, graph, weighted=False, view=()):
        self.name, self.args, self.g, self.weighted = name, args, graph, weighted
        self.view = list(view)  # options every analysis command gets after its name (a lens)


def write_edgelist(directory, name, g, weighted):
    path = os.path.join(directory, name + ".txt")
    with open(path, "w") as f:
        for n in g.nodes:  # isolated nodes need a line too: write them as self-free ties later
            pass
        for u, v, d in g.edges(data=True):
            f.write(f"{u} {v} {d['weight']}\n" if weighted else f"{u} {v}\n")
    return path


def write_node_link(directory, name, g):
    path = os.path.join(directory, name + ".json")
    data = nx.node_link_data(g)
    with open(path, "w") as f:
        json.dump(data, f)
    return path


def unit_weights(g):
    h = g.copy()
    for _, _, d in h.edges(data=True):
        d["weight"] = 1.0
    return h


def measures(case):
    g, args, w = case.g, case.args, case.weighted
    weight_args = ["--weight", "weight"] if w else []
    wkey = "weight" if w else None
    n = case.name

    def ours(measure, extra=()):
        out = run(args + ["--format", "json", "centrality", "--measure", measure] + weight_args + list(extra))
        return {r["id"]: r["score"] for r in out["results"]}

    directed = g.is_directed()
    compare_scores(f"{n} degree", ours("degree"), nx.degree_centrality(g), 1e-9)
    if w:
        compare_scores(f"{n} strength", ours("strength"), dict(g.degree(weight="weight")), 1e-9)
    if directed:
        compare_scores(f"{n} in-degree", ours("in-degree"), nx.in_degree_centrality(g), 1e-9)
        compare_scores(f"{n} out-degree", ours("out-degree"), nx.out_degree_centrality(g), 1e-9)
    compare_scores(f"{n} betweenness", ours("betweenness"), nx.betweenness_centrality(g, weight=wkey), 1e-9)
    compare_scores(f"{n} betweenness raw", ours("betweenness", ["--raw"]),
                   nx.betweenness_centrality(g, weight=wkey, normalized=False), 1e-9)
    eb = run(args + ["--format", "json", "centrality", "--measure", "edge-betweenness"] + weight_args)
    sep = " -> " if directed else " -- "
    ours_eb = {r["id"]: r["score"] for r in eb["results"]}
    theirs_eb = {}
    for (u, v), s in nx.edge_betweenness_centrality(g, weight=wkey).items():
        a, b = str(u), str(v)
        if not directed and f"{a}{sep}{b}" not in ours_eb:
            a, b = b, a
        theirs_eb[f"{a}{sep}{b}"] = s
    compare_scores(f"{n} edge betweenness", ours_eb, theirs_eb, 1e-9)
    compare_scores(f"{n} closeness", ours("closeness"), nx.closeness_centrality(g, distance=wkey), 1e-9)
    compare_scores(f"{n} harmonic", ours("harmonic"), nx.harmonic_centrality(g, distance=wkey), 1e-9)
    compare_scores(f"{n} pagerank", ours("pagerank"),
                   _pagerank_python(g if w else unit_weights(g), alpha=0.85, tol=1e-13, max_iter=100000, weight="weight"), 1e-7)
    # Personalized PageRank: restarts at the first node (weight 1) and the last (weight 3).
    first, last = list(g.nodes)[0], list(g.nodes)[-1]
    if first != last:
        compare_scores(f"{n} personalized pagerank",
                       ours("pagerank", ["--personalization", f"{first}=1", "--personalization", f"{last}=3"]),
                       _pagerank_python(g if w else unit_weights(g), alpha=0.85, personalization={first: 1, last: 3},
                                        tol=1e-13, max_iter=100000, weight="weight"), 1e-7)
    try:
        theirs = nx.katz_centrality(g, alpha=0.1, tol=1e-13, max_iter=100000, weight=wkey)
        compare_scores(f"{n} katz", ours("katz"), theirs, 1e-7)
    except nx.PowerIterationFailedConvergence:
        pass
    if not directed or nx.is_strongly_connected(g):
        try:
            theirs = nx.eigenvector_centrality(g, tol=1e-13, max_iter=100000, weight=wkey)
            compare_scores(f"{n} eigenvector", ours("eigenvector"), theirs, 1e-6)
        except nx.PowerIterationFailedConvergence:
            pass

    # Structure, on the graph read without direction where NetworkX needs it. threatgraph reads a
    # pair joined both ways as one tie of the smaller weight; G.to_undirected() keeps either.
    s = run(args + ["--format", "json", "structure"])
    u = nx.Graph()
    u.add_nodes_from(g.nodes)
    for a, b, data in g.edges(data=True):
        weight = data.get("weight", 1.0)
        if u.has_edge(a, b):
            weight = min(weight, u[a][b]["weight"])
        u.add_edge(a, b, weight=weight)
    check(f"{n} density", abs(s["density"] - nx.density(g)) < 1e-12, f'{s["density"]} vs {nx.density(g)}')
    check(f"{n} weak components", s["weak_components"] == nx.number_weakly_connected_components(g) if directed
          else s["weak_components"] == nx.number_connected_components(g))
    if directed:
        check(f"{n} strong components", s["strong_components"] == nx.number_strongly_connected_components(g))
    check(f"{n} articulation points", sorted(s["articulation_points"]) == sorted(str(x) for x in nx.articulation_points(u)))
    theirs_bridges = sorted(sorted([str(a), str(b)]) for a, b in nx.bridges(u))
    check(f"{n} bridges", sorted(sorted(p) for p in s["bridges"]) == theirs_bridges)
    u_no_loops = u.copy()
    u_no_loops.remove_edges_from(nx.selfloop_edges(u_no_loops))
    check(f"{n} core numbers", s["core_numbers"] == {str(k): v for k, v in nx.core_number(u_no_loops).items()})
    compare_scores(f"{n} clustering", s["clustering"], nx.clustering(u_no_loops), 1e-12)
    check(f"{n} average clustering", abs(s["average_clustering"] - nx.average_clustering(u_no_loops)) < 1e-12)
    check(f"{n} transitivity", abs(s["transitivity"] - nx.transitivity(u_no_loops)) < 1e-12)
    largest = u.subgraph(max(nx.connected_components(u), key=len))
    if largest.number_of_nodes() > 1:
        check(f"{n} diameter", s["diameter"] == nx.diameter(largest), f'{s["diameter"]} vs {nx.diameter(largest)}')
        apl = nx.average_shortest_path_length(largest)
        check(f"{n} average path length", abs(s["average_path_length"] - apl) < 1e-9, f'{s["average_path_length"]} vs {apl}')

    # Communities: our partition's modularity as NetworkX computes it, and Louvain as good as its.
    c = run(args + ["--format", "json", "communities", "--seed", "1"] + weight_args)
    parts = [set(x) for x in c["communities"]]
    u_str = nx.relabel_nodes(u_no_loops if not w else u, str)
    theirs_q = nx.community.modularity(u_str, parts, weight=wkey if w else None)
    check(f"{n} modularity of our partition", abs(c["modularity"] - theirs_q) < 1e-9, f'{c["modularity"]} vs {theirs_q}')
    if u.number_of_edges() > 0:
        nx_louvain = nx.community.louvain_communities(u, seed=1, weight=wkey)
        best = nx.community.modularity(u, nx_louvain, weight=wkey)
        check(f"{n} Louvain modularity close to NetworkX's", c["modularity"] >= best - 0.03, f'{c["modularity"]} vs {best}')
    if w:
        # Asked for no weight, Louvain weighs ties by "weight" as louvain_communities does by
        # default, and says so.
        d = run(args + ["--format", "json", "communities", "--seed", "1"])
        q = nx.community.modularity(u_str, [set(x) for x in d["communities"]], weight="weight")
        check(f"{n} Louvain weighs by the weight attribute unasked, as NetworkX", d.get("weight") == "weight" and abs(d["modularity"] - q) < 1e-9,
              f'{d.get("weight")} {d["modularity"]} vs {q}')

    # Girvan-Newman, unweighted as NetworkX's default is: the level of highest modularity. Its
    # cost grows as edges squared, so only on the small graphs.
    if 0 < u_no_loops.number_of_edges() <= 300:
        gn = run(args + ["--format", "json", "communities", "--method", "girvan-newman"])
        # NetworkX with threatgraph's tie rule: of the edges within 1e-12 of the highest
        # betweenness, the pair of smallest ids (NetworkX's own default takes the first in its
        # edge order, so equal-modularity answers could differ in members).
        def most_valuable_edge(h):
            eb = nx.edge_betweenness_centrality(h)
            top = max(eb.values())
            return min((e for e, x in eb.items() if x >= top - 1e-12), key=lambda e: tuple(sorted((str(e[0]), str(e[1])))))

        levels = [[set(map(str, x)) for x in level]
                  for level in nx.community.girvan_newman(u_no_loops, most_valuable_edge=most_valuable_edge)]
        plain = nx.relabel_nodes(u_no_loops, str)
        scores = [nx.community.modularity(plain, level, weight=None) for level in levels]
        best = scores.index(max(scores))
        theirs, theirs_q = levels[best], scores[best]
        check(f"{n} Girvan-Newman best modularity", abs(gn["modularity"] - theirs_q) < 1e-9, f'{gn["modularity"]} vs {theirs_q}')
        check(f"{n} Girvan-Newman best level", sorted(map(sorted, gn["communities"])) == sorted(map(sorted, theirs)))


def undirected_simple(g):
    """The graph as threatgraph's disruption and key-player searches read it: no direction, no self-loops."""
    u = nx.Graph()
    u.add_nodes_from(g.nodes)
    u.add_edges_from((a, b) for a, b in g.edges if a != b)
    return u


def cohesion(h, n0_largest):
    sizes = [len(c) for c in nx.connected_components(h)]
    n = h.number_of_nodes()
    frag = 1.0 if n < 2 else 1.0 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))
    largest = max(sizes, default=0)
    return {"largest_component": largest, "largest_component_fraction": largest / n0_largest, "components": len(sizes),
            "fragmentation": frag, "efficiency": nx.global_efficiency(h)}


def highest(h, score):
    """The node of highest score, ties (within rounding) to the smallest id: threatgraph's rule."""
    top = max(score.values())
    return min((v for v, x in score.items() if abs(x - top) <= 1e-9 * max(1.0, abs(x), abs(top))), key=str)


def resilience(case):
    """Adaptive degree and betweenness removal, ties cut by edge betweenness and key-player scores,
    by the same procedure in NetworkX."""
    g, args, n = case.g, case.args, case.name
    u = undirected_simple(g)
    if u.number_of_edges() == 0:
        return
    steps = min(8, u.number_of_nodes() - 1)
    largest0 = max(len(c) for c in nx.connected_components(u))
    for strategy in ("degree", "betweenness"):
        ours = run(args + ["--format", "json", "disrupt", "--strategy", strategy, "--steps", str(steps)])
        h = u.copy()
        init = cohesion(h, largest0)
        check(f"{n} disrupt initial", ours["initial"]["largest_component"] == largest0 and
              abs(ours["initial"]["efficiency"] - init["efficiency"]) < 1e-9)
        for i, step in enumerate(ours["steps"]):
            score = dict(h.degree()) if strategy == "degree" else nx.betweenness_centrality(h, normalized=False)
            target = highest(h, score)
            h.remove_node(target)
            theirs = cohesion(h, largest0)
            label = f"{n} disrupt {strategy} step {i + 1}"
            check(label + " removes the same node", step["removed"] == [str(target)], f'{step["removed"]} vs {target}')
            worst = max(abs(step[k] - theirs[k]) for k in theirs)
            check(label + " measures", worst < 1e-9, f"{step} vs {theirs}")
            if step["removed"] != [str(target)]:
                break
    # Ties cut by edge betweenness, recomputed after each cut; ties to the smallest pair of ids.
    cuts = min(8, u.number_of_edges())
    ours = run(args + ["--format", "json", "disrupt", "--remove", "ties", "--strategy", "betweenness", "--steps", str(cuts)])
    h = u.copy()
    for i, step in enumerate(ours["steps"]):
        eb = nx.edge_betweenness_centrality(h, normalized=False)
        top = max(eb.values())
        edge = min((e for e, x in eb.items() if abs(x - top) <= 1e-9 * max(1.0, abs(x), abs(top))),
                   key=lambda e: tuple(sorted((str(e[0]), str(e[1])))))
        h.remove_edge(*edge)
        theirs = cohesion(h, largest0)
        label = f"{n} cut ties step {i + 1}"
        same = sorted(step["cut"][0]) == sorted((str(edge[0]), str(edge[1])))
        check(label + " cuts the same tie", same, f'{step["cut"]} vs {edge}')
        check(label + " measures", max(abs(step[k] - theirs[k]) for k in theirs) < 1e-9, f"{step} vs {theirs}")
        if not same:
            break
    by_id = {str(v): v for v in u.nodes}
    for objective in ("fragmentation", "distance-fragmentation", "reach"):
        k = min(3, u.number_of_nodes() - 1)
        ours = run(args + ["--format", "json", "keyplayers", "--k", str(k), "--objective", objective, "--steps", "2"])
        chosen = [by_id[m["id"]] for m in ours["set"]]
        if objective == "reach":
            reached = set()
            for v in chosen:
                reached |= set(nx.single_source_shortest_path_length(u, v, cutoff=2))
            theirs = len(reached - set(chosen)) / (u.number_of_nodes() - len(chosen))
        else:
            h = u.copy()
            h.remove_nodes_from(chosen)
            c = cohesion(h, largest0)
            theirs = c["fragmentation"] if objective == "fragmentation" else 1 - c["efficiency"]
        check(f"{n} key players {objective} score", abs(ours["score"] - theirs) < 1e-9, f'{ours["score"]} vs {theirs}')


def convergence(case, domains=None, lens="all"):
    """Burt's constraint and effective size, brokerage roles, the convergence score and the nexus.

    On graph-data the groups are the threat domains; on other networks, the Louvain communities
    threatgraph reports (--group-by community), taken as given and checked by definition. `lens`
    is the lens the output must name; case.view says whether it is asked for or the default."""
    g, args, n = case.g, case.args, case.name
    ours = run(args + ["--format", "json", "convergence"] + case.view + ([] if domains is not None else ["--group-by", "community"]))
    check(f"{n} convergence lens", ours["lens"] == lens, f'{ours["lens"]} vs {lens}')
    u = undirected_simple(g)
    if u.number_of_edges() == 0:
        return
    nodes = {r["id"]: r for r in ours["nodes"]}
    connected = [str(v) for v in u if u.degree(v) > 0]
    ustr = nx.relabel_nodes(u, str)
    compare_scores(f"{n} constraint", {v: nodes[v]["constraint"] for v in connected},
                   {v: x for v, x in nx.constraint(ustr).items() if v in connected}, 1e-9)
    compare_scores(f"{n} effective size", {v: nodes[v]["effective_size"] for v in connected},
                   {v: x for v, x in nx.effective_size(ustr).items() if v in connected}, 1e-9)
    order = [d["id"] for d in ours["domains"]]
    if domains is not None:
        group = {}
        for v, ds in domains.items():
            first = next((d for d in ds if d in order), None)
            if first is not None and v in ustr:
                group[v] = first
        check(f"{n} groups", all(nodes[v]["group"] == group.get(v) for v in nodes))
    else:
        group = {v: r["group"] for v, r in nodes.items() if r["group"] is not None}
    # Gould and Fernandez by definition, each undirected tie an arc both ways.
    roles = {v: {"coordinator": 0, "itinerant": 0, "representative": 0, "gatekeeper": 0, "liaison": 0} for v in ustr}
    for b in ustr:
        for a in ustr[b]:
            for c in ustr[b]:
                if a == c or a == b or c == b or a not in group or c not in group or ustr.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group.get(b), group[c]
                role = ("coordinator" if gb == ga else "itinerant") if ga == gc else \
                    "representative" if gb == ga else "gatekeeper" if gb == gc else "liaison"
                roles[b][role] += 1
    worst = [v for v in ustr if any(nodes[v]["brokerage"][k] != roles[v][k] for k in roles[v])]
    check(f"{n} brokerage roles", not worst, f"{len(worst)} nodes differ, e.g. {worst[:3]}")
    members = {d: [v for v in group if group[v] == d] for d in order}
    total = {v: 0.0 for v in ustr}
    for a in order:
        for b in order:
            if a == b or not members[a] or not members[b]:
                continue
            # Undirected subset betweenness halves each pair; both orders together count it once.
            for v, x in nx.betweenness_centrality_subset(ustr, members[a], members[b], normalized=False).items():
                total[v] += x
    pairs = ours["cross_domain_pairs"]
    compare_scores(f"{n} convergence score", {v: r["score"] for v, r in nodes.items()}, {v: x / pairs for v, x in total.items()}, 1e-9)
    # The nexus by definition: a tie x-y lies on a shortest s-t path when d(s,x) + 1 + d(y,t) = d(s,t).
    # (NetworkX 2.8's edge_betweenness_centrality_subset misassigns credit past the first hop.)
    nexus = set()
    dist = {v: nx.single_source_shortest_path_length(ustr, v) for v in group}
    for s_ in group:
        for t in group:
            if group[s_] == group[t] or t not in dist[s_]:
                continue
            d = dist[s_][t]
            for x, y in ustr.edges:
                for p, q in ((x, y), (y, x)):
                    if p in dist[s_] and q in dist[t] and dist[s_][p] + 1 + dist[t][q] == d:
                        nexus.add(tuple(sorted((x, y))))
    if domains is not None:
        ours_nexus = {tuple(sorted((r["source"], r["target"]))) for r in ours["nexus"]}
    else:
        ours_nexus = {tuple(sorted((r["source"], r["target"]))) for r in ours["nexus"] if r["source"] != r["target"]}
    check(f"{n} nexus ties", ours_nexus == nexus, f"{len(ours_nexus ^ nexus)} differ")


def paths(case):
    """Shortest path lengths, k shortest paths and all simple paths against NetworkX."""
    g, args, n = case.g, case.args, case.name
    rng = random.Random(7)
    nodes = list(g.nodes)
    direction = ["--direction", "out"] if g.is_directed() else []
    for _ in range(6):
        s, t = rng.sample(nodes, 2)
        for weighted in ([False, True] if case.weighted else [False]):
            wargs = ["--weight", "weight" if weighted else "hops"]
            r = subprocess.run([BIN] + args + ["--format", "json", "paths", str(s), str(t), "--k", "3"] + wargs + direction + case.view,
                               capture_output=True, text=True)
            has_path = nx.has_path(g, s, t)
            if not has_path:
                check(f"{n} no path {s}->{t}", r.returncode == 1)
                continue
            out = json.loads(r.stdout)
            theirs = nx.shortest_simple_paths(g, s, t, weight="weight" if weighted else None)
            expected = []
            for p in theirs:
                cost = sum(g[a][b]["weight"] for a, b in zip(p, p[1:])) if weighted else len(p) - 1
                expected.append(cost)
                if len(expected) == 3:
                    break
            got = [p["cost"] for p in out["paths"]]
            ok = len(got) == len(expected) and all(abs(a - b) < 1e-9 for a, b in zip(got, expected))
            check(f"{n} 3 shortest paths {s}->{t} weighted={weighted}", ok, f"{got} vs {expected}")
            for p in out["paths"]:
                valid = all(g.has_edge(int(a) if isinstance(s, int) else a, int(b) if isinstance(s, int) else b)
                            for a, b in zip(p["nodes"], p["nodes"][1:]))
                check(f"{n} path {p['nodes']} uses real ties", valid)
        r = subprocess.run([BIN] + args + ["--format", "json", "paths", str(s), str(t), "--all", "--max-hops", "4", "--cap", "100000",
                                           "--weight", "hops"] + direction, capture_output=True, text=True)
        ours_count = len(json.loads(r.stdout)["paths"]) if r.returncode == 0 else 0
        theirs_count = sum(1 for _ in nx.all_simple_paths(g, s, t, cutoff=4))
        check(f"{n} all simple paths {s}->{t} up to 4 hops", ours_count == theirs_count and r.returncode in (0, 1),
              f"{ours_count} vs {theirs_count}")


def main():
    with tempfile.TemporaryDirectory(prefix="tg-networkx-") as work:
        compare_all(work)
    finish()


def compare_all(work):
    cases = []
    karate = nx.karate_club_graph()
    for u, v in karate.edges:
        karate[u][v].pop("weight", None)
    cases.append(Case("karate", ["--input", write_edgelist(work, "karate", karate, False), "--undirected"], karate))
    lesmis = nx.les_miserables_graph()
    cases.append(Case("lesmis", ["--input", write_node_link(work, "lesmis", lesmis)], lesmis, weighted=True))

    rng = random.Random(2024)
    d = nx.gnp_random_graph(40, 0.08, seed=11, directed=True)
    cases.append(Case("random directed", ["--input", write_edgelist(work, "rd", d, False)], d))
    u = nx.gnp_random_graph(50, 0.06, seed=12)
    u.add_nodes_from(range(50))
    for a, b in u.edges:
        u[a][b]["weight"] = float(rng.randint(1, 9))
    # Isolated nodes are not in an edge list: give it as node-link JSON so they survive.
    cases.append(Case("random weighted disconnected", ["--input", write_node_link(work, "ru", u)], u, weighted=True))
    wd = nx.gnp_random_graph(35, 0.12, seed=13, directed=True)
    for a, b in wd.edges:
        wd[a][b]["weight"] = round(rng.uniform(0.5, 5.0), 3)
    cases.append(Case("random weighted directed", ["--input", write_edgelist(work, "rwd", wd, True)], wd, weighted=True))
    strong = nx.DiGraph(nx.cycle_graph(12, create_using=nx.DiGraph))
    strong.add_edges_from([(0, 6), (3, 9), (5, 1), (8, 2)])
    cases.append(Case("strongly connected directed", ["--input", write_edgelist(work, "sc", strong, False)], strong))

    if SHARED:
        ds = os.path.join(SHARED, "datasets")
        meetings = nx.Graph()
        with open(os.path.join(ds, "montagna", "Montagna_meetings_edgelist.csv")) as f:
            for line in f:
                a, b, w = line.split()
                if not meetings.has_edge(a, b):  # threatgraph keeps the first weight (--merge first)
                    meetings.add_edge(a, b, weight=float(w))
        cases.append(Case("montagna meetings", ["--input", os.path.join(ds, "montagna", "Montagna_meetings_edgelist.csv"),
                                                "--undirected"], meetings, weighted=True))
        ji = nx.Graph()
        import csv
        with open(os.path.join(ds, "jemaah-islamiyah-bali", "covert_26_nodes.csv")) as f:
            for row in csv.DictReader(f):
                ji.add_node(row["id"])
        with open(os.path.join(ds, "jemaah-islamiyah-bali", "covert_26_edges.csv")) as f:
            for row in csv.DictReader(f):
                if not ji.has_edge(row["from"], row["to"]):
                    ji.add_edge(row["from"], row["to"], weight=float(row["weight"]))
        cases.append(Case("jemaah islamiyah", ["--input", os.path.join(ds, "jemaah-islamiyah-bali", "covert_26_edges.csv"),
                                               "--nodes", os.path.join(ds, "jemaah-islamiyah-bali", "covert_26_nodes.csv"),
                                               "--undirected"], ji, weighted=True))
        for phase in (4, 8, 11):
            caviar = nx.DiGraph()
            with open(os.path.join(ds, "caviar", f"phase{phase}.csv")) as f:
                rows = list(csv.reader(f))
            ids = rows[0][1:]
            caviar.add_nodes_from(ids)
            for row in rows[1:]:
                for j, cell in enumerate(row[1:]):
                    if float(cell) != 0:
                        caviar.add_edge(row[0], ids[j], weight=float(cell))
            cases.append(Case(f"caviar phase {phase}", ["--input", os.path.join(ds, "caviar", f"phase{phase}.csv")], caviar, weighted=True))

        def node_edge_pair(folder, stem, weighted, drop_loops=False):
            g = nx.Graph()
            with open(os.path.join(ds, folder, stem + "_nodes.csv"), encoding="utf-8", errors="replace") as f:
                for row in csv.DictReader(f):
                    g.add_node(row["id"])
            with open(os.path.join(ds, folder, stem + "_edges.csv")) as f:
                for row in csv.DictReader(f):
                    a, b = row["from"], row["to"]
                    if drop_loops and a == b:
                        continue
                    if not g.has_edge(a, b):  # ties listed twice keep the first weight
                        g.add_edge(a, b, weight=float(row["weight"]) if weighted else 1.0)
            args = ["--input", os.path.join(ds, folder, stem + "_edges.csv"), "--nodes", os.path.join(ds, folder, stem + "_nodes.csv"),
                    "--undirected"] + (["--self-loops", "drop"] if drop_loops else [])
            return Case(f"{folder} {stem}", args, g, weighted=weighted)

        cases.append(node_edge_pair("madrid-train-bombing", "train", True))
        cases.append(node_edge_pair("krebs-911", "covert_2__1", False, drop_loops=True))
        cases.append(node_edge_pair("noordin-top", "covert_34__3", False))

    # The bundled graph-data, rebuilt independently from its JSON: one arc per relation, both ways
    # for symmetric types, parallel relations collapsed.
    gd = os.path.join(SOURCE, "graph-data")
    ontology = json.load(open(os.path.join(gd, "ontology.json")))
    symmetric = {t["id"] for t in ontology["relation_types"] if t.get("symmetric")}
    proceedings = nx.DiGraph()
    entities = json.load(open(os.path.join(gd, "entities.json")))["entities"]
    proceedings.add_nodes_from(e["id"] for e in entities)
    for r in json.load(open(os.path.join(gd, "relations.json")))["relations"]:
        proceedings.add_edge(r["source"], r["target"])
        if r["type"] in symmetric:
            proceedings.add_edge(r["target"], r["source"])
    cases.append(Case("proceedings", ["--data", gd], proceedings, view=["--lens", "all"]))
    domains = {e["id"]: e.get("domains", []) for e in entities}
    try:
        convergence(cases[-1], domains)
    except Exception as e:
        check("proceedings convergence ran", False, repr(e))
    # convergence's default, the threat lens, rebuilt from the ontology: entities of the threat-side
    # kinds and their subkinds, without the counter-network's relation types.
    parent = {k["id"]: k.get("parent") for k in ontology["kinds"]}

    def is_a(kind, ancestor):
        seen = set()
        while kind and kind not in seen:
            if kind == ancestor:
                return True
            seen.add(kind)
            kind = parent.get(kind)
        return False

    threat_kinds = ["threat_actor", "illicit_activity", "commodity", "route", "place"]
    counter_types = {"counters", "monitors", "protects", "cooperates_with", "supports", "participates_in", "leads", "adopts",
                     "verifies", "hosts", "member_of", "funds"}
    kept = {e["id"] for e in entities if any(is_a(e["kind"], k) for k in threat_kinds)}
    threat = nx.DiGraph()
    threat.add_nodes_from(kept)
    for r in json.load(open(os.path.join(gd, "relations.json")))["relations"]:
        if r["source"] in kept and r["target"] in kept and r["type"] not in counter_types:
            threat.add_edge(r["source"], r["target"])
            if r["type"] in symmetric:
                threat.add_edge(r["target"], r["source"])
    try:
        convergence(Case("proceedings threat lens", ["--data", gd], threat), domains, lens="threat")
    except Exception as e:
        check("proceedings threat-lens convergence ran", False, repr(e))

    for case in cases:
        try:
            measures(case)
            paths(case)
            resilience(case)
            if case.name != "proceedings":
                convergence(case)
        except Exception as e:  # a crash of threatgraph or of this script is a failure, not a skip
            check(f"{case.name} ran", False, repr(e))


if __name__ == "__main__":
    main()
