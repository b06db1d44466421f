#!/usr/bin/env python3
"""Replays hostile input: each case must end with a clear message and exit 1, 2 or 3, quickly,
and leave every file it names as it was.

Usage: hostile.py THREATGRAPH_BINARY SOURCE_DIR [--class NAME] [--list]

A case runs the threatgraph executable in a fresh temporary folder (with a copy of the bundled
graph-data as G/ when it needs one) and checks:
  - the exit code is one the case expects (never 70, an internal error, nor a signal);
  - standard error says "threatgraph: error:" (or, from validate, "FILE:LINE:COL: error:") and the
    words the case expects;
  - it ends within LIMIT seconds (a stall is a failure; the time is printed, and a release build
    takes well under a second for every case);
  - every file the case protects has the same bytes afterwards, and no file appeared outside the
    folders the case allows.
Prints one line per case and "N passed, M failed"; exits 1 on any failure.
"""
import csv
import fnmatch
import hashlib
import json
import os
import re
import resource
import signal
import shutil
import subprocess
import sys
import tempfile
import time

BIN, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
LIMIT = float(os.environ.get("TG_HOSTILE_LIMIT", "30"))
CASES = []


def case(cls, name):
    def register(f):
        CASES.append((cls, name, f))
        return f
    return register


class Workspace:
    def __init__(self, root):
        self.root = root
        self.failures = []

    def path(self, name):
        return os.path.join(self.root, name)

    def data(self, name="G"):
        target = self.path(name)
        if not os.path.exists(target):
            shutil.copytree(os.path.join(SOURCE, "graph-data"), target)
        return name

    def write(self, name, content):
        target = self.path(name)
        os.makedirs(os.path.dirname(target) or self.root, exist_ok=True)
        with open(target, "wb") as f:
            f.write(content.encode() if isinstance(content, str) else content)
        return name

    def snapshot(self):
        """Every file under the workspace (links not followed) and its digest."""
        out = {}
        for folder, dirs, files in os.walk(self.root):
            for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
                full = os.path.join(folder, name)
                if os.path.islink(full):
                    out[os.path.relpath(full, self.root)] = "link:" + os.readlink(full)
                else:
                    with open(full, "rb") as f:
                        out[os.path.relpath(full, self.root)] = hashlib.sha256(f.read()).hexdigest()
        return out

    def run(self, *args, codes=(1, 2, 3), says=(), may_write=(), stdin=None, file_size_limit=None, killed_by=None):
        """Runs threatgraph ARGS. `may_write` lists the paths, folder prefixes or patterns it may
        create or change. `file_size_limit` caps every file it writes, in bytes: a write past it
        fails (EFBIG, as on a full disk), or kills the process if `killed_by` is SIGXFSZ."""
        def limits():
            if file_size_limit is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
                signal.signal(signal.SIGXFSZ, signal.SIG_DFL if killed_by == signal.SIGXFSZ else signal.SIG_IGN)
        before = self.snapshot()
        start = time.monotonic()
        try:
            r = subprocess.run([BIN, *args], cwd=self.root, capture_output=True, timeout=LIMIT, preexec_fn=limits,
                               input=stdin.encode() if isinstance(stdin, str) else stdin)
        except subprocess.TimeoutExpired:
            self.elapsed = LIMIT
            self.failures.append(f"still running after {LIMIT:.0f} s: threatgraph {' '.join(args)}")
            return None
        elapsed = time.monotonic() - start
        self.elapsed = max(getattr(self, "elapsed", 0.0), elapsed)
        err = r.stderr.decode("utf-8", "replace")
        what = f"threatgraph {' '.join(a if len(a) < 60 else a[:57] + '...' for a in args)}"
        if killed_by is not None:
            codes = (-killed_by,)
        if r.returncode not in codes:
            self.failures.append(f"{what}: exit {r.returncode}, expected {' or '.join(map(str, codes))}\n{err[-600:]}")
        # The message: "threatgraph: error: ..." or a diagnostic "FILE:LINE:COL: error: ..." (validate's report).
        if codes != (0,) and killed_by is None and not re.search(r"^(threatgraph|\S+:\d+:\d+): error: ", err, re.M):
            self.failures.append(f"{what}: no error message\n{err[-600:]}")
        if "internal error" in err:
            self.failures.append(f"{what}: an internal error\n{err[-600:]}")
        for words in says:
            if words not in err:
                self.failures.append(f"{what}: the message does not say \"{words}\"\n{err[-600:]}")
        after = self.snapshot()
        for name in sorted(set(before) | set(after)):
            if before.get(name) == after.get(name):
                continue
            if any(name == w or name.startswith(w.rstrip("/") + "/") or fnmatch.fnmatch(name, w) for w in may_write):
                continue
            change = "appeared" if name not in before else "vanished" if name not in after else "changed"
            self.failures.append(f"{what}: {name} {change}")
        return r


# --- Data lost: an output over an input, outside its folder, or half a set -------------------

@case("data-loss", "an output never replaces a graph-data file, whatever the command")
def _(w):
    G = w.data()
    for name in ("entities.json", "relations.json", "sources.json", "ontology.json", "schema/graph-data.schema.json"):
        w.run("--data", G, "validate", "-o", f"{G}/{name}", codes=(2,), says=("is an input file",))
        w.run("--data", G, "info", "-o", f"{G}/{name}", codes=(2,), says=("is an input file",))
    w.run("--data", G, "export", "--to", "json", "-o", f"{G}/entities.json", codes=(2,), says=("is an input file",))


@case("data-loss", "a link or a second name for an input is the input")
def _(w):
    G = w.data()
    os.symlink(f"{G}/relations.json", w.path("link.json"))
    os.link(w.path(f"{G}/entities.json"), w.path("hard.json"))
    w.run("--data", G, "info", "-o", "link.json", codes=(2,), says=("is an input file",))
    w.run("--data", G, "info", "-o", "hard.json", codes=(2,), says=("is an input file",))
    w.run("--data", G, "info", "-o", f"./{G}/../{G}/entities.json", codes=(2,), says=("is an input file",))


@case("data-loss", "the source texts named with --sources are never overwritten, read or not")
def _(w):
    G = w.data()
    w.write("texts/report.txt", "The Joint Task Force met in Panama.\n")
    w.run("--data", G, "--sources", "texts", "info", "-o", "texts/report.txt", codes=(2,), says=("is an input file",))
    w.run("--data", G, "--sources", "texts", "structure", "-o", "texts/report.txt", codes=(2,), says=("is an input file",))


@case("data-loss", "a network brought with --input and its --nodes file are never overwritten")
def _(w):
    w.write("ties.csv", "source,target\na,b\nb,c\n")
    w.write("nodes.csv", "id,name\na,Alpha\nb,Beta\nc,Gamma\n")
    w.run("--input", "ties.csv", "info", "-o", "ties.csv", codes=(2,), says=("is an input file",))
    w.run("--input", "ties.csv", "--nodes", "nodes.csv", "export", "--to", "json", "-o", "nodes.csv", codes=(2,), says=("is an input file",))


@case("data-loss", "a query never overwrites its own file, with -o or with EXPORT TO")
def _(w):
    G = w.data()
    w.write("q.tgq", "SUMMARY\n")
    w.run("--data", G, "query", "q.tgq", "-o", "q.tgq", codes=(2,), says=("is an input file",))
    w.write("e.tgq", 'EXPORT TO "e.tgq" AS json\n')
    w.run("--data", G, "query", "e.tgq", "--out-dir", ".", codes=(1,), says=("is an input file",))
    w.write("r.tgq", 'RENDER TO "r.tgq"\n')
    w.run("--data", G, "query", "r.tgq", "--out-dir", ".", codes=(1, 2), says=())


@case("data-loss", "a symbolic link inside the output folder does not let a query write outside it")
def _(w):
    G = w.data()
    os.makedirs(w.path("elsewhere"))
    os.makedirs(w.path("out"))
    os.symlink("../elsewhere", w.path("out/link"))
    os.symlink("../elsewhere/x.json", w.path("out/file.json"))
    w.write("a.tgq", 'EXPORT TO "link/x.json" AS json\n')
    w.run("--data", G, "query", "a.tgq", "--out-dir", "out", codes=(1,), says=("is a symbolic link",))
    w.write("b.tgq", 'RENDER TO "link/deep/x.svg"\n')
    w.run("--data", G, "query", "b.tgq", "--out-dir", "out", codes=(1,), says=("is a symbolic link",))
    w.write("c.tgq", 'EXPORT TO "file.json" AS json\n')
    w.run("--data", G, "query", "c.tgq", "--out-dir", "out", codes=(1,), says=("is a symbolic link",))
    w.write("d.tgq", 'DISRUPT STRATEGY degree CHART "link/chart.svg"\n')
    w.run("--data", G, "query", "d.tgq", "--out-dir", "out", codes=(1,), says=("is a symbolic link",))
    assert not os.listdir(w.path("elsewhere")), "a file was written through the link"


@case("data-loss", "a csv export replaces a previous export as a pair and never writes into another folder")
def _(w):
    G = w.data()
    w.run("--data", G, "export", "--to", "csv", "-o", "csv", codes=(0,), may_write=("csv",))
    w.write("mixed/notes.txt", "mine\n")
    w.run("--data", G, "export", "--to", "csv", "-o", "mixed", codes=(2,), says=("holds other files",))
    w.run("--data", G, "export", "--to", "csv", "-o", G, codes=(2,), says=("holds other files",))


@case("data-loss", "an in-place build that cannot finish writing leaves graph-data wholly as it was")
def _(w):
    shutil.copytree(os.path.join(SOURCE, "tests/data/tiny"), w.path("T"))  # links resolved
    shutil.copytree(os.path.join(SOURCE, "tests/data/extract/reviewed-es"), w.path("C"))
    # As on a full disk: a write fails part way (the ontology is larger than the limit).
    w.run("--data", "T", "build", "C", "--in-place", codes=(3,), says=("nothing was changed",), file_size_limit=4096)
    # As on a kill in the middle: only the unfinished copy beside it is left.
    w.run("--data", "T", "build", "C", "--in-place", file_size_limit=4096, killed_by=signal.SIGXFSZ, may_write=("T.build*",))
    w.run("--data", "T", "build", "C", "--in-place", codes=(0,), may_write=("T", "T.backup-*", "T.build*"))
    backups = [n for n in os.listdir(w.root) if n.startswith("T.backup-")]
    assert len(backups) == 1, f"expected one backup folder, found {backups}"
    with open(w.path("T/entities.json")) as new, open(os.path.join(SOURCE, "tests/data/tiny/entities.json")) as old:
        assert new.read() != old.read(), "the build changed nothing"
    with open(w.path(backups[0] + "/entities.json")) as kept, open(os.path.join(SOURCE, "tests/data/tiny/entities.json")) as old:
        assert kept.read() == old.read(), "the backup is not the previous entities.json"


@case("data-loss", "an output that cannot be written whole leaves the file that was there")
def _(w):
    G = w.data()
    w.write("previous.json", "{}\n")
    w.run("--data", G, "export", "--to", "json", "-o", "previous.json", codes=(3,), says=("nothing was written",), file_size_limit=1000)
    w.run("--data", G, "export", "--to", "json", "-o", "previous.json", file_size_limit=1000, killed_by=signal.SIGXFSZ,
          may_write=(".previous.json.tmp*",))



# --- Counts without bound, misspelt options, numbers that are not numbers ----------------------

@case("options", "a count option too large for its work is refused at once, on the command line and in a query")
def _(w):
    G = w.data()
    w.run("--data", G, "disrupt", "--strategy", "random", "--seeds", "1000000000", codes=(2,), says=("at most 1000",))
    w.run("--data", G, "paths", "FARC", "Hezbollah", "--k", "1000000", codes=(2,), says=("at most 1000",))
    w.run("--data", G, "query", "-e", "DISRUPT STRATEGY random SEEDS 1000000000", codes=(1,), says=("SEEDS must be at most 1000",))
    w.run("--data", G, "query", "-e", 'PATHS FROM "FARC" TO "Hezbollah" K 1000000', codes=(1,), says=("K must be at most 1000",))
    w.run("--data", G, "keyplayers", "--k", "99999999999", codes=(1, 2), says=())
    w.run("--data", G, "centrality", "--top", "-3", codes=(2,), says=("whole number",))
    w.run("--data", G, "paths", "FARC", "ELN", "--all", "--max-hops", "40", "--cap", "4000000000", codes=(0, 1), says=())


@case("options", "a misspelt option is named with the closest one, not taken for a command")
def _(w):
    G = w.data()
    w.run("--data", G, "centrality", "--mesure", "degree", codes=(2,), says=('unknown option "--mesure"', 'did you mean "--measure"'))
    w.run("--data", G, "centrality", "--topp", "3", codes=(2,), says=('unknown option "--topp"', 'did you mean "--top"'))
    w.run("--data", G, "paths", "FARC", "ELN", "--kk=3", codes=(2,), says=('unknown option "--kk"',))


@case("options", "a confidence that is not a number from 0 to 1 is refused in the same words everywhere")
def _(w):
    G = w.data()
    w.write("r.txt", "The Joint Task Force met in Panama.\n")
    for value in ("nan", "inf", "-0.5", "1.5", "0x1p-2", "0.5x", ""):
        for command in (["centrality"], ["counter-network"], ["extract", "r.txt", "-o", "x"]):
            w.run("--data", G, *command, "--min-confidence", value, codes=(2,), says=("expected a number from 0 to 1",))


# --- Graph-data and imports made to crash or mislead the loader ------------------------------

def mutate_json(w, path, change):
    with open(w.path(path)) as f:
        document = json.load(f)
    change(document)
    with open(w.path(path), "w") as f:
        json.dump(document, f, indent=1)


@case("data", "a data file nested 100,000 levels deep is refused at its position")
def _(w):
    G = w.data()
    w.write(f"{G}/entities.json", '{"entities": ' + "[" * 100000 + "]" * 100000 + "}")
    w.run("--data", G, "validate", codes=(1,), says=("nested deeper than 64 levels",))


@case("data", "a JSON value nested 200,000 levels inside an imported cell is refused, not a crash")
def _(w):
    G = w.data()
    w.run("--data", G, "export", "--to", "graphml", "-o", "g.graphml", codes=(0,), may_write=("g.graphml",))
    with open(w.path("g.graphml")) as f:
        text = f.read()
    deep = "[" * 200000 + "]" * 200000
    w.write("deep.graphml", re.sub(r'(<data key="n2">)(.*?)(</data>)', lambda m: m.group(1) + deep + m.group(3), text, count=1))
    w.run("--data", G, "import", "deep.graphml", "-o", "imported", codes=(1,), says=("nested deeper than 64 levels",))
    w.run("--data", G, "export", "--to", "csv", "-o", "csv", codes=(0,), may_write=("csv",))
    with open(w.path("csv/entities.csv")) as f:
        rows = f.read().split("\n")
    header = rows[0].split(",")
    w.write("deepcsv/entities.csv", "\n".join([rows[0], ",".join(['"' + deep + '"' if "aliases" in h else c
                                                                  for h, c in zip(header, next(csv.reader([rows[1]])))])]) + "\n")
    shutil.copy(w.path("csv/relations.csv"), w.path("deepcsv/relations.csv"))
    w.run("--data", G, "import", "deepcsv", "--from", "csv", "-o", "imported", codes=(1,), says=())


@case("data", "a repeated key, a byte-order mark and a NUL or control character in a name get clear messages")
def _(w):
    G = w.data()
    with open(w.path(f"{G}/relations.json")) as f:
        text = f.read()
    w.write(f"{G}/relations.json", text.replace('"type"', '"type": "x", "type"', 1))
    w.run("--data", G, "validate", codes=(1,), says=('the key "type" appears twice',))
    w.write(f"{G}/relations.json", text)
    with open(w.path(f"{G}/entities.json"), "rb") as f:
        entities = f.read()
    w.write(f"{G}/entities.json", b"\xef\xbb\xbf" + entities)
    w.run("--data", G, "validate", codes=(0,))
    for bad, words in (("\\u0000", "U+0000"), ("\\u0001", "control character U+0001"), ("\\u001b[31m", "control character U+001B")):
        w.write(f"{G}/entities.json", entities.replace(b'"name": "', b'"name": "A' + bad.encode() + b'B', 1))
        for command in ("validate", "render", "diagrams"):
            w.run("--data", G, command, *(["x.svg"] if command == "render" else []), codes=(1,), says=(words,))


@case("data", "a data folder's own schema cannot crash, loop or be silently ignored")
def _(w):
    mutations = [
        (lambda d: d.pop("entity"), 'no definition "entity"'),
        (lambda d: d.pop("entitiesFile"), 'no definition "entitiesFile"'),
        (lambda d: d.update(entity={"$ref": "#/definitions/entity"}), "refers back to itself"),
        (lambda d: d.update(id={"$ref": "#/definitions/text"}, text={"$ref": "#/definitions/id"}), "refers back to itself"),
        (lambda d: d.update(entity={"allOf": [{"$ref": "#/definitions/entity"}]}), "refers back to itself"),
        (lambda d: d.update(entity={"not": {"not": {"$ref": "#/definitions/entity"}}}), "refers back to itself"),
        (lambda d: d.update(id={"$ref": "#/nowhere/x"}), "must name a definition"),
        (lambda d: d.update(id={"$ref": "http://example.com/schema"}), "must name a definition"),
        (lambda d: d.update(id={"type": "string", "pattern": "("}), '"pattern" must be'),
        (lambda d: d.update(id=5), "a schema must be an object"),
        (lambda d: d["entity"].update(required=5), '"required" must be'),
        (lambda d: d["entity"].update(type=["object", 3]), '"type" must be'),
    ]
    for n, (change, words) in enumerate(mutations):
        G = w.data(f"G{n}")
        mutate_json(w, f"{G}/schema/graph-data.schema.json", lambda s: change(s["definitions"]))
        w.run("--data", G, "validate", codes=(1,), says=(words,))


@case("data", "GraphML weights that are not finite numbers are refused as in every other format")
def _(w):
    for value in ("nan", "inf", "-inf", "1e999"):
        w.write("w.graphml", '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                '<key id="w" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="directed">'
                f'<node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">{value}</data></edge></graph></graphml>')
        w.run("--input", "w.graphml", "info", codes=(1,), says=(f'"{value}" is not a valid double',))
    w.write("w.txt", "a b nan\n")
    w.run("--input", "w.txt", "info", codes=(1,), says=("is not a number",))


@case("data", "an XML prolog repeated 200,000 times is refused at the second declaration, at once")
def _(w):
    body = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/></graph></graphml>'
    w.write("doctypes.graphml", '<?xml version="1.0"?>' + "<!DOCTYPE graphml>" * 200000 + body)
    w.run("--input", "doctypes.graphml", "info", codes=(1,), says=("a second DOCTYPE",))
    w.write("decls.graphml", '<?xml version="1.0"?>' * 200000 + body)
    w.run("--input", "decls.graphml", "info", codes=(1,), says=("may only open the file",))
    w.write("entities.graphml", '<?xml version="1.0"?><!DOCTYPE graphml [' + '<!ENTITY a "aaaaaaaaaa">' * 100000 + "]>" + body)
    w.run("--input", "entities.graphml", "info", codes=(1,), says=("internal subset is not supported",))
    w.write("elements.graphml", '<?xml version="1.0"?>' + "<!ELEMENT a ANY>" * 200000 + body)
    w.run("--input", "elements.graphml", "info", codes=(1,), says=("unexpected markup declaration",))
    w.write("roots.graphml", '<?xml version="1.0"?>' + body * 2)
    w.run("--input", "roots.graphml", "info", codes=(1,), says=())


@case("data", "a query with a stray closing curly quote or a NUL byte is an error at its place, not a hang")
def _(w):
    G = w.data()
    w.run("--data", G, "query", "-e", "FIND \u201dx\u2019", codes=(1,), says=("without its opening quote",))
    w.run("--data", G, "query", codes=(1,), says=("NUL byte",), stdin=b"FIND \xe2\x80\x9d\x00 x\n")


@case("data", "a device or an endless file is refused, not read until memory runs out")
def _(w):
    w.run("--data", w.data(), "query", codes=(2,), says=("more than 16 MB of query text",), stdin=b"SUMMARY\n" * 2_200_000)
    w.run("--input", "/dev/zero", "info", codes=(3,), says=("is a device",))
    w.run("--input", "/dev/urandom", "--input-format", "edgelist", "info", codes=(3,), says=("is a device",))
    w.run("--data", "/dev/zero", "info", codes=(1, 3), says=())


# --- Texts that made the extractor quadratic ---------------------------------------------------

@case("extract", "160,000 nested parentheses around one name are read once, not once per bracket")
def _(w):
    G = w.data()
    w.write("p.txt", "The Joint Task Force " + "(" * 160000 + "JTF" + ")" * 160000 + "\n")
    w.run("--data", G, "extract", "p.txt", "-o", "out", codes=(0,), may_write=("out",))
    w.write("open.txt", "(" * 1000000 + "\n")
    w.run("--data", G, "extract", "open.txt", "-o", "out2", codes=(0, 1), may_write=("out2",))


@case("extract", "a definition repeated 20,000 times keeps one list of places, not one per repeat")
def _(w):
    G = w.data()
    w.write("a.txt", "La Fuerza de Tarea Conjunta (FTC) patrulla. " * 20000 + "\n")
    w.run("--data", G, "extract", "a.txt", "-o", "out", codes=(0,), may_write=("out",))
    with open(w.path("out/entities.json")) as f:
        proposed = json.load(f)["entities"]
    assert any(e["name"] == "Fuerza de Tarea Conjunta" and "FTC" in e.get("aliases", []) for e in proposed), \
        "the repeated definition was not proposed once, with its alias"


@case("extract", "one sentence defining 20,000 abbreviations ends in seconds (it took 27 s, quadratic in its names)")
def _(w):
    G = w.data()
    w.write("ac.txt", " ".join(f"ABC{i} (Alpha Bravo Charlie {i})" for i in range(20000)) + "\n")
    w.run("--data", G, "extract", "ac.txt", "-o", "out", codes=(0,), may_write=("out",))


# --- The runner --------------------------------------------------------------------------------

def main():
    only = sys.argv[sys.argv.index("--class") + 1] if "--class" in sys.argv else None
    if "--list" in sys.argv:
        for cls, name, _ in CASES:
            print(f"{cls}: {name}")
        return 0
    passed = failed = 0
    for cls, name, body in CASES:
        if only and cls != only:
            continue
        with tempfile.TemporaryDirectory(prefix="tg-hostile-") as root:
            w = Workspace(root)
            try:
                body(w)
            except AssertionError as e:
                w.failures.append(str(e))
            status = "ok" if not w.failures else "FAILED"
            print(f"{status:6} {getattr(w, 'elapsed', 0.0):6.2f} s  {cls}: {name}")
            for f in w.failures:
                print("       " + f.replace("\n", "\n       "))
            passed += not w.failures
            failed += bool(w.failures)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
