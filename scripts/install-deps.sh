#!/usr/bin/env bash
# Installs exactly the Debian packages threatgraph needs to build and test; safe to run again.
#   scripts/install-deps.sh           build and test
#   scripts/install-deps.sh --bench   and the libraries bench/compare measures threatgraph against
set -euo pipefail

packages=(
  cmake g++ ninja-build pkg-config ccache   # build
  libboost-graph-dev                        # the property graph and its algorithms
  rapidjson-dev                             # JSON reading, schema validation, writing
  libgraphviz-dev graphviz                  # diagrams (cgraph, gvc) and the dot tool
  libcli11-dev                              # command line
  libedit-dev                               # line editing and history at the query prompt
  help2man groff-base                       # the man page, made from --help at build time, and its check
  zsh                                       # tests/shell: the zsh completion run in a real zsh
  iso-codes                                 # extract: every country and territory by its English and Spanish names
  libssl-dev                                # SHA-256 of source texts (libcrypto, with the CPU's SHA instructions)
  catch2                                    # tests (v2)
  python3-dev python3-pybind11              # the Python module (pybind11)
  python3-pytest                            # tests/python: the Python module's tests
  libboost-graph-parallel-dev libboost-mpi-dev libopenmpi-dev openmpi-bin  # threatgraph-dist: Parallel BGL over Open MPI
  python3-networkx                          # tests: the reference every measure is checked against
  python3-igraph                            # tests: GraphML exports load in igraph
  libxml2-utils                             # tests: xmllint checks GraphML and GEXF exports
  libbenchmark-dev                          # bench: Google Benchmark for the engine's kernels
  clang libclang-rt-14-dev                  # tests/fuzz: libFuzzer targets (clang 14, its fuzzer runtime)
  clang-format                              # tests: every C++ source formatted as .clang-format says
  chromium chromium-driver python3-selenium # tests/report: the HTML report driven in headless Chromium
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(python3-graph-tool python3-scipy)  # bench/compare: graph-tool, and NetworkX's PageRank
elif [ $# -gt 0 ]; then
  echo "install-deps: unknown option \"$1\" (the only one is --bench)" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
