"""What a careless or hostile contributor can do to data/, and what the reader of `check`,
`build` and `serve` sees: one line per problem, never a traceback, and the last good
site still served."""

from __future__ import annotations

import os

from conftest import ROOT, make_data

from macros.adapter.cli import main


def test_file_system_tricks_are_problem_lines_not_tracebacks(tmp_path, monkeypatch, capsys):
    data = make_data(tmp_path)
    services = data / "services"
    os.symlink(services / "loop.yml", services / "loop.yml")  # a link to itself
    (services / "folder.yml").mkdir()  # a directory named like a data file
    os.symlink(services, services / "again")  # a directory loop
    store = services / "store.yml"
    store.write_text(store.read_text().replace("checked: 2026-11-21", "checked: 2026-13-45"))
    # The command line's main() in this process (tests/unit/test_cases.py runs the real
    # `python -m macros check` once); an exception would fail the test as a traceback would.
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    monkeypatch.chdir(ROOT)
    returncode = main(["check", str(data)])
    out, err = capsys.readouterr()
    output = out + err
    assert returncode == 1
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
