"""What the Python module's tests share: the threatgraph binary and the source tree, from the
environment ctest sets (THREATGRAPH_BIN, TG_SOURCE_DIR; PYTHONPATH points at BUILD/python)."""
import json
import os
import subprocess

import pytest

BIN = os.environ["THREATGRAPH_BIN"]
SOURCE = os.environ["TG_SOURCE_DIR"]
DATA = os.path.join(SOURCE, "graph-data")


def cli_json(*args):
    """What the CLI prints with --format json, as Python objects."""
    out = subprocess.run([BIN, *args, "--format", "json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def graph():
    import threatgraph

    return threatgraph.load(DATA, quotes=False)
