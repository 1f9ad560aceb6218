"""What cannot be a case folder of data: files that are not files, folders that cannot be
read, build settings, and a closed service's status travelling with every mention.
Each bad input is one problem line (or one line on stderr) and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_data, real_data

from macros.adapter.build import settings_from_env
from macros.adapter.cli import main
from macros.data.dataset import load_catalog
from macros.data.problems import format_problems
from macros.generation.generate import GenerationError, hand_written_problems
from macros.site.pages import entity_page
from macros.site.status_marks import annotate


def _lines(data: Path, root: Path) -> list[str]:
    _, problems = load_catalog(data, root)
    return format_problems(problems).splitlines() if problems else []


def test_a_fifo_and_a_device_are_problem_lines_and_never_read(tmp_path):
    data = make_data(tmp_path)
    os.mkfifo(data / "services" / "pipe.yml")
    (data / "services" / "zero.yml").symlink_to("/dev/zero")
    # A FIFO that were opened would block for ever; the timeout makes a hang a failure.
    result = subprocess.run([sys.executable, "-m", "macros", "check", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/services/pipe.yml: a named pipe (FIFO), not a data file; only regular files are read",
        "data/services/zero.yml: a character device, not a data file; only regular files are read",
        "2 problems in 2 files",
    ]


def test_editor_backups_and_autosaves_are_ignored(tmp_path):
    data = make_data(tmp_path)
    store = (data / "services" / "store.yml").read_text()
    for name in ("store.yml~", "#store.yml#", ".#store.yml", "store.yml.swp", "4913"):
        (data / "services" / name).write_text(store + "\nbroken: [\n")
    assert _lines(data, tmp_path) == []


def test_an_unreadable_folder_is_a_problem_line(tmp_path, monkeypatch):
    data = make_data(tmp_path)
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "concepts":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    # Tests run as root, which reads any folder; the refusal is what a reader without root sees.
    monkeypatch.setattr(Path, "iterdir", iterdir)
    lines = _lines(data, tmp_path)
    assert "data/concepts: folder cannot be read: Permission denied" in lines


@pytest.mark.parametrize("name,value,expected", [
    ("ATLAS_SITE_URL", 'https://x.example/"><script>alert(1)</script>', "ATLAS_SITE_URL: expected an address without spaces, quotes"),
    ("ATLAS_SITE_URL", "javascript:alert(1)//", "ATLAS_SITE_URL: expected an https:// address"),
    ("ATLAS_REPO_URL", "https://github.com/x/y\n<script>", "ATLAS_REPO_URL: expected an address without spaces"),
    ("ATLAS_REPO_URL", "http://127.0.0.1:8000/", "ATLAS_REPO_URL: expected an https:// address"),
])
def test_build_settings_that_would_become_markup_are_refused(monkeypatch, name, value, expected):
    monkeypatch.setenv(name, value)
    with pytest.raises(GenerationError) as err:
        settings_from_env()
    assert str(err.value).startswith(expected)


def test_the_generate_command_reports_a_bad_setting_in_one_line(tmp_path, monkeypatch, capsys):
    # The command line's main() in this process (tests/unit/test_cases.py runs the real
    # `python -m macros check` in a new one).
    monkeypatch.setenv("ATLAS_SITE_URL", 'https://x.example/"><script>')
    assert main(["generate", "--out", str(tmp_path / "out")]) == 2
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "ATLAS_SITE_URL" in err
    assert not (tmp_path / "out").exists()


def test_make_serve_address_is_allowed():
    os.environ.pop("ATLAS_REPO_URL", None)
    env_before = os.environ.get("ATLAS_SITE_URL")
    os.environ["ATLAS_SITE_URL"] = "http://127.0.0.1:8000/"
    try:
        assert settings_from_env().site_url == "http://127.0.0.1:8000/"
    finally:
        if env_before is None:
            os.environ.pop("ATLAS_SITE_URL")
        else:
            os.environ["ATLAS_SITE_URL"] = env_before


# --- a closed service's status travels with every mention -------------------------------

CATALOG, _ = real_data()


def generated(kind: str, entity_id: str) -> str:
    """An entity page's Markdown as generation writes it: generated_pages() makes each
    entity page with entity_page() (pure), so the two pages these tests read are made alone,
    not with the other pages of the site."""
    page = entity_page(CATALOG, kind, entity_id)
    assert page.src_path == f"{kind}/{entity_id}.md"
    return page.content


def test_a_plain_mention_of_a_closed_service_shows_its_status_from_its_data():
    kendra = CATALOG.get("services", "kendra")
    assert kendra.status == "closed"
    page = annotate(generated("concepts", "retrieval-augmented-generation"), CATALOG, "concepts/retrieval-augmented-generation.md")
    label = f"closed to new customers since {kendra.status_date.isoformat()}"
    # Every line that names Kendra outside its AWS sources list (link titles of AWS pages).
    mentions = [line for line in page.splitlines() if "Kendra" in line
                and not line.startswith(("---", "title", "description", "tags", "  -", "- [Retriev"))]
    assert mentions, "the RAG page names Kendra"
    assert all(label in line for line in mentions), [m[:120] for m in mentions if label not in m]


def test_a_link_to_a_closed_service_carries_its_status():
    page = generated("services", "bedrock")
    assert "[Amazon Kendra](kendra.md) *(closed to new customers since" in page


def test_text_that_already_states_the_status_is_left_alone():
    line = "Amazon Kendra, closed to new customers in July 2026, indexes documents."
    assert annotate(line, CATALOG, "concepts/x.md") == line


def test_a_hand_written_page_naming_a_closed_service_without_its_status_fails(tmp_path):
    (tmp_path / "docs" / "compare").mkdir(parents=True)
    (tmp_path / "docs" / "compare" / "search.md").write_text(
        "# Search\n\nFor enterprise search, use Amazon Kendra.\n\n"
        "Kendra closed to new customers in 2026.\n\n{{ link_to('services', 'kendra') }} is fine.\n")
    problems = hand_written_problems(CATALOG, tmp_path)
    assert [p.text() for p in problems] == [
        "docs/compare/search.md: line 3, column 28: mentions 'Amazon Kendra', closed to new customers since "
        f"{CATALOG.get('services', 'kendra').status_date.isoformat()}, without its status\n"
        "    hint: say so on the same line, or write {{ link_to('services', 'kendra') }}, which shows it"]


def test_the_real_hand_written_pages_state_every_status():
    assert hand_written_problems(CATALOG, ROOT) == []


def test_generate_can_run_the_macros_of_hand_written_pages_itself(tmp_path, mini_data, monkeypatch, capsys):
    """`python -m macros generate --expand-macros` (for Zensical, which has no mkdocs-macros):
    the hand-written pages come out finished, with the tables their macros fill in, and
    marked so that mkdocs-macros leaves them alone (on the small data set: the same code
    runs for the real one in `make zensical`)."""
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini_data))  # main() in this process, as `python -m macros` runs it
    assert main(["generate", "--expand-macros", "--out", str(tmp_path / "out")]) == 0, capsys.readouterr().err
    page = (tmp_path / "out" / "docs" / "compare" / "algorithms.md").read_text()
    source = (ROOT / "docs" / "compare" / "algorithms.md").read_text()
    assert '{{ table("algorithms-at-a-glance") }}' in source
    assert "{{" not in page and "render_macros: false" in page
    catalog, problems = load_catalog(mini_data, mini_data.parent)
    assert not problems and catalog.entities["algorithms"]
    assert all(f"[{a.name}](" in page for _, a in catalog.of_kind("algorithms")), "every algorithm links from the expanded table"
