"""The front end's engines under `node --test` (tests/js/): the practice store (refused
writes, kept-aside copies, all-or-nothing imports, the size cap), FSRS scheduling and the
exam draw by domain weights; the choosers' evaluation. Run here so `make test` runs them;
Node is required."""

from __future__ import annotations

import shutil
import subprocess

from conftest import ROOT


def test_node_engine_tests_pass():
    node = shutil.which("node")
    assert node, "node is missing: the practice engine tests need Node.js (the project already uses npm)"
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
    passed = int(next(line for line in result.stdout.splitlines() if line.startswith("# pass ")).split()[2])
    assert passed >= 16, result.stdout[-2000:]
