"""Each tests/cases/<mistake>/ overlays the mini fixture and must yield exactly the
problem lines in its expected.txt (empty: no problem). Cases with expected-html.txt are
built, and the named page must hold each following line verbatim (escaped text).
The same text comes from `python -m macros check` and from the build.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TESTS, make_data

from macros.adapter.cli import main
from macros.data.dataset import load_catalog
from macros.data.problems import format_problems

CASES = sorted(p for p in (TESTS / "cases").iterdir() if p.is_dir())


def expected_lines(case: Path) -> list[str]:
    text = (case / "expected.txt").read_text()
    return [line for line in text.splitlines() if line.strip()]


def problem_lines(case: Path, tmp_path: Path) -> tuple[list[str], object, list]:
    data = make_data(tmp_path, case / "data")
    catalog, problems = load_catalog(data, tmp_path)
    text = format_problems(problems) if problems else ""
    return [line for line in text.splitlines() if line.strip()], catalog, problems


def test_there_are_at_least_twelve_bad_data_cases():
    assert len([c for c in CASES if expected_lines(c)]) >= 12


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_yields_exactly_its_expected_problems(case: Path, tmp_path: Path):
    lines, catalog, problems = problem_lines(case, tmp_path)
    assert lines == expected_lines(case)
    assert (catalog is None) == bool(problems)


def test_mini_fixture_alone_has_no_problems(mini_data: Path):
    catalog, problems = load_catalog(mini_data, mini_data.parent)
    assert problems == []
    assert set(catalog.entities["algorithms"]) == {"alpha", "beta"}


BAD_CASES = [c for c in CASES if expected_lines(c)]


@pytest.mark.parametrize("case", BAD_CASES[:3], ids=lambda c: c.name)
def test_check_command_prints_the_same_lines_and_fails(case: Path, tmp_path: Path, capsys):
    """`check` prints a case's lines on stderr and exits 1: the command line's main() run
    in this process (as `python -m macros` runs it, without starting Python again)."""
    data = make_data(tmp_path, case / "data")
    assert main(["check", str(data)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == expected_lines(case)
    assert "Traceback" not in out + err


def test_the_real_check_command_prints_the_lines_and_fails(tmp_path: Path):
    """The one run of the real `python -m macros check` in a new process: its exit status
    and its stderr are what the in-process runs above saw."""
    case = BAD_CASES[0]
    data = make_data(tmp_path, case / "data")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "check", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == expected_lines(case)
    assert "Traceback" not in result.stderr + result.stdout
