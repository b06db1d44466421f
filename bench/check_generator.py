"""Checks tg_generate_network: the requested size, a simple graph (no self-loops, no tie listed
twice either way), the same bytes for the same seed and different ones for another, a node-link
JSON that matches the TSV, and a heavy-tailed degree distribution.

    python3 bench/check_generator.py PATH/TO/tg_generate_network
"""
import collections
import json
import os
import subprocess
import sys
import tempfile


def generate(tool, out, seed, nodes=3000, relations=15000):
    subprocess.run([tool, "--nodes", str(nodes), "--relations", str(relations), "--seed", str(seed), "--out", out],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "network.tsv"), "rb") as f:
        tsv = f.read()
    with open(os.path.join(out, "network.json")) as f:
        node_link = json.load(f)
    return tsv, node_link


def main():
    tool = sys.argv[1]
    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    with tempfile.TemporaryDirectory() as tmp:
        tsv, node_link = generate(tool, os.path.join(tmp, "a"), seed=5)
        again, _ = generate(tool, os.path.join(tmp, "b"), seed=5)
        other, _ = generate(tool, os.path.join(tmp, "c"), seed=6)
        check(tsv == again, "the same seed gave different files")
        check(tsv != other, "another seed gave the same file")
        ties = [tuple(map(int, line.split(b"\t"))) for line in tsv.splitlines()]
        check(len(ties) == 15000, f"{len(ties)} ties, not 15000")
        check(all(a != b for a, b in ties), "a self-loop")
        check(len({frozenset(t) for t in ties}) == len(ties), "a pair tied twice")
        nodes = {v for t in ties for v in t}
        check(nodes <= set(range(3000)), "a node id out of range")
        check(len(node_link["nodes"]) == 3000, "node-link JSON node count")
        check([(l["source"], l["target"]) for l in node_link["links"]] == ties, "node-link links differ from the TSV")
        check(all("type" in l for l in node_link["links"]), "a link without a type")
        degree = collections.Counter(v for t in ties for v in t)
        mean = 2 * len(ties) / 3000
        check(max(degree.values()) > 5 * mean, f"max degree {max(degree.values())} is not heavy-tailed (mean {mean})")
        bad = subprocess.run([tool, "--nodes", "3", "--relations", "9", "--out", os.path.join(tmp, "d")],
                             capture_output=True, text=True)
        check(bad.returncode == 2 and "more relations than" in bad.stderr, "an impossible size was not refused")
    for f in failures:
        print("FAIL:", f)
    print("generator:", "ok" if not failures else f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
