#!/usr/bin/env python3
"""The installed C++ package, used as another project would use it.

check_package.py BUILD_DIR SOURCE_DIR WORK_DIR

1. `cmake --install BUILD_DIR --prefix WORK_DIR/prefix`: headers, libthreatgraph (shared and
   static), the CMake package and the pkg-config file land where they should, and so do the
   bash and zsh completion and (where help2man is installed) the man page.
2. examples/ is configured as an outside project (find_package(threatgraph)) against that prefix
   and built, once with threatgraph::threatgraph and once (entity_report) with the static library.
3. The programs built outside run on the proceedings graph and print what the CLI prints:
   the betweenness ranking of `threatgraph centrality --measure betweenness` and the chain of
   `threatgraph paths FARC Hezbollah`.
4. A program compiled with nothing but `pkg-config --cflags --libs threatgraph` runs too.
5. The installed Python module, imported from where cmake --install put it, ranks betweenness as
   the CLI does.
Exits non-zero, saying which step failed, when one does.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit("check_package: `%s` failed (exit %d)\n%s%s" % (" ".join(args), result.returncode, result.stdout, result.stderr))
    return result.stdout


def main():
    build, source, work = (os.path.abspath(p) for p in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    prefix = os.path.join(work, "prefix")
    run(["cmake", "--install", build, "--prefix", prefix])

    libdir = next(os.path.join(prefix, d) for d in ("lib", "lib64") if os.path.isdir(os.path.join(prefix, d)))
    expected = [
        os.path.join(prefix, "include", "threatgraph", "query", "executor.hpp"),
        os.path.join(prefix, "include", "threatgraph", "analysis", "boost_graph.hpp"),
        os.path.join(libdir, "libthreatgraph.a"),
        os.path.join(libdir, "libthreatgraph.so"),
        os.path.join(libdir, "cmake", "threatgraph", "threatgraph-config.cmake"),
        os.path.join(libdir, "cmake", "threatgraph", "threatgraph-config-version.cmake"),
        os.path.join(libdir, "pkgconfig", "threatgraph.pc"),
        os.path.join(prefix, "share", "bash-completion", "completions", "threatgraph"),
        os.path.join(prefix, "share", "zsh", "vendor-completions", "_threatgraph"),
    ]
    if shutil.which("help2man"):
        expected.append(os.path.join(prefix, "share", "man", "man1", "threatgraph.1"))
    missing = [path for path in expected if not os.path.exists(path)]
    if missing:
        sys.exit("check_package: not installed: " + ", ".join(missing))
    if os.path.exists(os.path.join(prefix, "include", "threatgraph", "cli")):
        sys.exit("check_package: the CLI's headers were installed; they are not part of the library")

    examples = os.path.join(source, "examples")
    outside = os.path.join(work, "examples")
    run(["cmake", "-S", examples, "-B", outside, "-DCMAKE_PREFIX_PATH=" + prefix, "-DCMAKE_BUILD_TYPE=Release"])
    run(["cmake", "--build", outside, "-j2"])
    static = os.path.join(work, "examples-static")
    run(["cmake", "-S", examples, "-B", static, "-DCMAKE_PREFIX_PATH=" + prefix, "-DTG_EXAMPLES_LINK=threatgraph::threatgraph_static"])
    run(["cmake", "--build", static, "--target", "example_entity_report"])

    graph_data = os.path.join(source, "graph-data")
    threatgraph = os.path.join(build, "src", "threatgraph")
    # The betweenness ranking, from the outside program and from the CLI.
    printed = run([os.path.join(outside, "example_run_query"), graph_data, "CENTRALITY betweenness TOP 5",
                   'PATHS FROM "FARC" TO "Hezbollah"'], cwd=work)
    lines = printed.splitlines()
    ranking = [line.split() for line in lines[1:6]]
    cli = list(csv.DictReader(io.StringIO(run([threatgraph, "--data", graph_data, "--format", "csv", "centrality",
                                                "--measure", "betweenness", "--top", "5"]))))
    if [row[1] for row in ranking] != [row["id"] for row in cli]:
        sys.exit("check_package: the outside program ranks %s, the CLI %s" % ([r[1] for r in ranking], [r["id"] for r in cli]))
    for (score, entity), row in zip(ranking, cli):
        if abs(float(score) - float(row["score"])) > 5e-5:
            sys.exit("check_package: %s scores %s outside, %s in the CLI" % (entity, score, row["score"]))
    chain = lines[6]
    if chain != "chain confidence 0.506: farc colombia venezuela hezbollah":
        sys.exit("check_package: the outside program's chain is \"%s\"" % chain)

    # The static build and the pkg-config build read the tiny graph as the in-tree example does.
    tiny = os.path.join(source, "tests", "data", "tiny")
    want = "MS-13 (gang)\n  0.9  operates_in -> Honduras: MS-13 acts in Honduras.\n"
    for program in (os.path.join(static, "example_entity_report"),):
        if not run([program, tiny, "Mara Salvatrucha"]).startswith(want):
            sys.exit("check_package: %s printed something else" % program)
    env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(libdir, "pkgconfig"))
    flags = run(["pkg-config", "--cflags", "--libs", "threatgraph"], env=env).split()
    program = os.path.join(work, "entity_report_pkgconfig")
    run(["c++", "-O1", os.path.join(examples, "entity_report.cpp"), "-o", program] + flags)
    if not run([program, tiny, "Mara Salvatrucha"]).startswith(want):
        sys.exit("check_package: the pkg-config build printed something else")
    # The installed Python module, in a Python session that knows nothing of the build tree.
    if os.path.isdir(os.path.join(build, "python", "threatgraph")):
        packages = [os.path.join(root) for root, dirs, _ in os.walk(prefix) if os.path.basename(root) == "dist-packages"]
        if not packages or not os.path.isfile(os.path.join(packages[0], "threatgraph", "__init__.py")):
            sys.exit("check_package: the Python module was not installed under a dist-packages folder")
        session = ("import json, threatgraph\n"
                   "g = threatgraph.load(%r, quotes=False)\n"
                   "print(json.dumps(g.centrality('betweenness', top=5)['results']))\n" % graph_data)
        env = dict(os.environ, PYTHONPATH=packages[0], PYTHONDONTWRITEBYTECODE="1")
        scores = json.loads(run(["/usr/bin/python3", "-c", session], env=env, cwd=work))
        if [(r["id"], round(r["score"], 4)) for r in scores] != [(r["id"], round(float(r["score"]), 4)) for r in cli]:
            sys.exit("check_package: the installed Python module ranks %s, the CLI %s" % (scores, cli))
    print("check_package: installed, built outside (shared, static, pkg-config), Python too; same betweenness and chain as the CLI")


if __name__ == "__main__":
    main()
