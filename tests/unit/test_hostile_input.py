"""What a careless or hostile contributor can do to data/, and what the reader of `check`,
`build` and `serve` sees: one line per problem, never a traceback, and the last good
site still served."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_data


def _cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ATLAS_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_file_system_tricks_are_problem_lines_not_tracebacks(tmp_path):
    data = make_data(tmp_path)
    services = data / "services"
    os.symlink(services / "loop.yml", services / "loop.yml")  # a link to itself
    (services / "folder.yml").mkdir()  # a directory named like a data file
    os.symlink(services, services / "again")  # a directory loop
    store = services / "store.yml"
    store.write_text(store.read_text().replace("checked: 2026-11-21", "checked: 2026-13-45"))
    result = _cli("check", str(data), data=data)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "data/services/loop.yml: a link that leads nowhere (or to itself)" in output
    assert "data/services/folder.yml: a folder inside data/services/" in output
    assert "data/services/again: a folder inside data/services/" in output
    assert "'2026-13-45' is not a real date; expected YYYY-MM-DD" in output


def test_javascript_links_in_data_are_refused_and_never_render():
    from macros.data.fields import unsafe_link
    from macros.site.markup import md

    for target in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/"):
        assert unsafe_link(f"see [here]({target})") is not None, target
        assert f"]({target}" not in md(f"see [here]({target})")
    for target in ("https://docs.aws.amazon.com/x", "http://example.com", "mailto:a@example.com", "../services/s3/", "#anchor"):
        assert unsafe_link(f"see [here]({target})") is None, target
