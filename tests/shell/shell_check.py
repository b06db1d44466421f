#!/usr/bin/env python3
"""The shell around threatgraph, used as a person at a terminal uses it.

shell_check.py THREATGRAPH SOURCE_DIR WORK_DIR SHELL_DIR

1. Help: every command's --help shows value names without the parser's marks (no "N:N", no
   "REQUIRED", no "Positionals"), lists the global options, and ends with an example.
2. The examples: each one runs as printed (in one scratch folder, in the order of the commands,
   so that review and build find what extract wrote) and exits 0.
3. A missing value is said in words ("--top needs a value").
4. bash completion (SHELL_DIR/threatgraph.bash, as installed): commands, options, the values of
   an option, global options after the command, and folders.
5. zsh completion (SHELL_DIR/_threatgraph), where zsh is installed: a measure completes in a
   real interactive zsh (zpty).
6. The query prompt in a pseudo-terminal: Up recalls the line before, Tab completes a statement,
   the history is kept in $THREATGRAPH_HISTORY and recalled by the next session, and never
   written over an input file.
7. The man page (SHELL_DIR/threatgraph.1), where help2man made one: it renders without warnings
   and has a section and an example for every command.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
from tally import check, finish  # noqa: E402

BIN, SOURCE, WORK, SHELL = (os.path.abspath(p) for p in sys.argv[1:5])
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
ENV = dict(os.environ, THREATGRAPH_DATA=os.path.join(SOURCE, "graph-data"), THREATGRAPH_HISTORY=os.path.join(WORK, "history"),
           TERM="xterm", NO_COLOR="1")
ENV.pop("THREATGRAPH_SOURCES", None)


def threatgraph(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=ENV, cwd=WORK)


main_help = threatgraph("--help").stdout
commands = re.findall(r"^  ([a-z-]+) ", main_help.split("\nCommands:\n", 1)[1], re.M) if "\nCommands:\n" in main_help else []
check("the main help lists the commands", len(commands) >= 20, "(%d)" % len(commands))

# 1 and 2: help, and every example run as printed.
with open(os.path.join(WORK, "report.txt"), "w", encoding="utf-8") as f:
    f.write("MS-13 operates in Honduras and El Salvador. The FARC traffics cocaine through Panama, "
            "where SENAFRONT patrols the border with Colombia.\n")
for command in commands:
    help_text = threatgraph(command, "--help").stdout
    jargon = re.findall(r"\b[A-Z]+:[A-Z]+\b|REQUIRED|Positionals|Subcommands|UINT", help_text)
    check("%s --help: no parser jargon" % command, not jargon, str(jargon))
    check("%s --help: lists the global options" % command, "Global options" in help_text and "--data DIR" in help_text)
    example = re.search(r"\nExample:\n  (.+)\n", help_text)
    check("%s --help: ends with an example" % command, example is not None)
    if not example:
        continue
    line = example.group(1)
    check("%s: the example runs this command" % command, line.startswith("threatgraph " + command))
    # The completion example installs into the home folder: run its command, not the redirect.
    line = line.split(" > ~")[0]
    ran = subprocess.run(line.replace("threatgraph", BIN, 1), shell=True, capture_output=True, text=True, env=ENV, cwd=WORK,
                         timeout=300)
    check("%s: the example exits 0" % command, ran.returncode == 0, ran.stderr[-300:])

# 3: a missing value.
missing = threatgraph("centrality", "--top")
check("a missing value is said in words", "--top needs a value" in missing.stderr and missing.returncode == 2, missing.stderr)


# 4: bash.
def bash_complete(*words):
    script = ("source %s\nCOMP_WORDS=(%s)\nCOMP_CWORD=%d\n_threatgraph\nprintf '%%s\\n' \"${COMPREPLY[@]}\"\n" %
              (os.path.join(SHELL, "threatgraph.bash"), " ".join("'%s'" % w for w in words), len(words) - 1))
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=SOURCE)
    return [w for w in out.stdout.split("\n") if w]


check("bash: a command", bash_complete("threatgraph", "cen") == ["centrality"])
check("bash: an option of the command", bash_complete("threatgraph", "centrality", "--mea") == ["--measure"])
check("bash: a measure", bash_complete("threatgraph", "centrality", "--measure", "pa") == ["pagerank"])
check("bash: an export format", sorted(bash_complete("threatgraph", "export", "--to", "g")) == ["gexf", "gml", "graphml"])
check("bash: an input format", bash_complete("threatgraph", "--input", "x.xml", "--input-format", "dy") == ["dynetml"])
check("bash: a global option after the command", bash_complete("threatgraph", "centrality", "--for") == ["--format"])
check("bash: the command after a global option and its value", bash_complete("threatgraph", "--format", "json", "cent") == ["centrality"])
check("bash: a folder for --data", bash_complete("threatgraph", "--data", "graph-d") == ["graph-data"])

# 5: zsh, in a real interactive shell.
if shutil.which("zsh"):
    functions = os.path.join(WORK, "zsh-functions")
    os.makedirs(functions)
    shutil.copy(os.path.join(SHELL, "_threatgraph"), functions)
    script = os.path.join(WORK, "complete.zsh")
    with open(script, "w") as f:
        f.write("zmodload zsh/zpty\nzpty -b z 'zsh -f -i'\n"
                "zpty -w z 'PS1=\"> \"; fpath=(%s $fpath); autoload -U compinit; compinit -u; threatgraph() { :; }'\n"
                "zpty -n -w z $'threatgraph centrality --measure pager\\t'\n"
                "for i in {1..100}; do zpty -r -t z out '*pagerank*' && { print GOT; break }; sleep 0.1; done\n"
                "zpty -d z\n" % functions)
    out = subprocess.run(["zsh", "-f", script], capture_output=True, text=True, timeout=60)
    check("zsh: a measure completes", "GOT" in out.stdout, out.stdout + out.stderr)
    check("zsh: the script parses", subprocess.run(["zsh", "-n", os.path.join(SHELL, "_threatgraph")]).returncode == 0)


# 6: the prompt at a terminal.
def session(keys):
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(WORK)
        os.execve(BIN, [BIN, "query"], ENV)
    out = b""

    def read_until(pattern, seconds=60):
        nonlocal out
        end = time.time() + seconds
        while time.time() < end and not re.search(pattern, out.decode("utf-8", "replace")[-2000:]):
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    out += os.read(fd, 65536)
                except OSError:
                    return

    read_until(r"tg> $")
    for key, wait_for in keys:
        # The prompt is drawn before libedit puts the terminal in raw mode; keys sent at once
        # would be echoed by the terminal itself, as no person types that fast.
        time.sleep(0.5)
        os.write(fd, key)
        read_until(wait_for)
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace")


first = session([(b"SUMMARY\r", r"sources[^\n]*\n(.*\n)*tg> $"), (b"\x1b[A\r", r"(?s)sources.*sources.*tg> $"),
                 (b"CENTRA\t", r"CENTRA\S*LITY"), (b" degree TOP 1\r", r"panama.*\n(.*\n)*tg> $"), (b"quit\r", r"$^")])
check("prompt: Up recalls the line before and runs it again", first.count("relation types") == 2, first[-500:])
check("prompt: no raw escape codes", "^[[A" not in first)
check("prompt: Tab completes a statement", re.search(r"rank\s+score\s+id\s+name", first) is not None and "panama" in first, first[-500:])
history = open(os.path.join(WORK, "history"), encoding="utf-8", errors="replace").read() if os.path.exists(
    os.path.join(WORK, "history")) else ""
check("prompt: the history is kept", "SUMMARY" in history and "CENTRALITY" in history, history)
second = session([(b"\x1b[A\x1b[A\r", r"panama.*\n(.*\n)*tg> $"), (b"quit\r", r"$^")])
check("prompt: the next session recalls the last one's lines", "panama" in second, second[-500:])

# A history file that is one of the inputs is read but never written over.
data_copy = os.path.join(WORK, "graph-data")
shutil.copytree(os.path.join(SOURCE, "graph-data"), data_copy)
entities = os.path.join(data_copy, "entities.json")
with open(entities, "rb") as f:
    before = f.read()
saved = dict(ENV)
ENV.update(THREATGRAPH_DATA=data_copy, THREATGRAPH_HISTORY=entities)
session([(b"SUMMARY\r", r"sources[^\n]*\n(.*\n)*tg> $"), (b"quit\r", r"$^")])
ENV.clear()
ENV.update(saved)
with open(entities, "rb") as f:
    check("prompt: a history file that is an input is left as it was", f.read() == before)

# 7: the man page.
page = os.path.join(SHELL, "threatgraph.1")
if os.path.exists(page):
    rendered = subprocess.run(["groff", "-man", "-Tutf8", "-ww", page], capture_output=True, text=True)
    check("man: renders without warnings", rendered.returncode == 0 and not rendered.stderr.strip(), rendered.stderr)
    text = re.sub(r".\x08", "", rendered.stdout)
    for command in commands:
        check("man: a section for %s with its example" % command, re.search(r"\n {3}%s\n" % re.escape(command), text) is not None
              and ("threatgraph " + command) in text)
    check("man: the exit codes", "EXIT STATUS" in text)

finish()
