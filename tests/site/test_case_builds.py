"""Bad data in a real build (the mini fixture with each case's overlay): the build fails with the
same problem lines and writes nothing; text from data lands escaped in the HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TESTS, make_data, mkdocs_build

CASES = sorted(p for p in (TESTS / "cases").iterdir() if p.is_dir())


def expected_lines(case: Path) -> list[str]:
    text = (case / "expected.txt").read_text()
    return [line for line in text.splitlines() if line.strip()]


def test_broken_data_fails_the_build_with_the_problem_lines_and_writes_nothing(tmp_path: Path):
    case = next(c for c in CASES if c.name == "dangling-reference")
    data = make_data(tmp_path, case / "data")
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("an earlier build")
    result = mkdocs_build(site, data)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for line in expected_lines(case):
        assert line in output
    assert "Traceback" not in output
    assert sorted(p.name for p in site.iterdir()) == ["keep.txt"], "nothing may be written before the data is valid"


@pytest.mark.parametrize("case", [c for c in CASES if (c / "expected-html.txt").exists()], ids=lambda c: c.name)
def test_text_from_data_lands_escaped_in_html(case: Path, tmp_path: Path):
    data = make_data(tmp_path, case / "data")
    site = tmp_path / "site"
    result = mkdocs_build(site, data)
    assert result.returncode == 0, result.stdout + result.stderr
    page, *needles = (case / "expected-html.txt").read_text().splitlines()
    html = (site / page).read_text()
    for needle in needles:
        assert needle in html
    assert "<script>alert" not in html
