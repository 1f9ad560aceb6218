"""The chooser pages in real Chromium: answered by keyboard, picks ranked and explained as
the Python evaluation gives them (each deciding fact once, ties said to be ties), the
state kept in the address across a reload, the chosen path and the overview table in
print, 390 px phones, the page under its Content-Security-Policy, and no serious axe
finding in light and dark. (The offline bundle from file:// is checked in
tests/site/test_publish.py, which builds it.)
"""

from __future__ import annotations

import re

import pytest
from conftest import real_data
from test_accessibility import COLOUR_RULES, run_axe

from macros.features.choosers.evaluate import evaluate, fact_table

CATALOG, _ = real_data()
URL = "/choose/built-in-algorithm/"
ANSWERS = {"problem": "binary", "data": "tabular", "format": "csv", "hardware": "cpu"}


def expected(chooser_id: str, answers: dict[str, str]):
    chooser = CATALOG.choosers[chooser_id]
    return evaluate(chooser, fact_table(CATALOG, chooser), answers)


def name(entity_id: str, kind: str = "algorithms") -> str:
    return CATALOG.get(kind, entity_id).name


def shown(page) -> tuple[list[str], list[str]]:
    picks = page.eval_on_selector_all("[data-atlas-chooser-picks] > li > a", "els => els.map(e => e.textContent)")
    out = page.eval_on_selector_all("[data-atlas-chooser-excluded] > li", "els => els.map(e => e.textContent)")
    return picks, out


def test_keyboard_answers_give_the_picks_and_reasons_and_survive_a_reload(offline_page, real_url):
    page = offline_page
    page.goto(real_url + URL)
    page.wait_for_selector("[data-atlas-chooser-ready]")
    assert page.locator("[data-atlas-chooser]").is_visible()
    # Keyboard only: Tab into each question's radio group, an arrow key picks the answer.
    page.focus("#ch-built-in-algorithm-problem-any")
    page.keyboard.press("ArrowDown")  # binary classification
    page.keyboard.press("Tab")        # labels: left unanswered
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # tabular
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # CSV
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # CPU
    assert page.evaluate("document.activeElement.id") == "ch-built-in-algorithm-hardware-cpu"
    params = dict(re.findall(r"([a-z-]+)=([a-z0-9-]+)", page.url.split("?", 1)[1]))
    assert params == ANSWERS

    want = expected("built-in-algorithm", ANSWERS)
    picks, out = shown(page)
    assert picks == [name(p.id) for p in want.picks]
    # Ranked: AWS names M5 CPU instances for the four tied first; AutoGluon-Tabular is not first.
    assert picks[:4] == ["CatBoost", "K-Nearest Neighbors (k-NN)", "LightGBM", "XGBoost"] and picks[0] != name("autogluon-tabular")
    ranks = page.eval_on_selector_all("[data-atlas-chooser-picks] > li", "els => els.map(e => e.value)")
    assert ranks == [p.rank for p in want.picks] == [1, 1, 1, 1, 5, 5, 5]
    assert len(out) == len(want.excluded) and len(picks) + len(out) == len(CATALOG.entities["algorithms"])
    status = page.inner_text("[data-atlas-chooser-status]")
    assert status == f"{len(want.picks)} candidates fit every answer; {len(want.excluded)} ruled out."
    assert page.get_attribute("[data-atlas-chooser-status]", "aria-live") == "polite"
    # Each deciding fact once: the facts every pick shares head the list, compactly.
    assert page.inner_text("[data-atlas-chooser-common]") == "Each one: Binary classification · Tabular data · CSV input · Trains on CPU"
    assert page.locator("[data-atlas-chooser-ties]").is_visible()
    outcome = page.inner_text(".atlas-chooser__outcome")
    for repeated in ("Data: Data", "Training format: Training content types", "Training hardware: Trains on CPU"):
        assert repeated not in outcome
    xgb = page.locator("[data-atlas-chooser-picks] > li", has_text=name("xgboost")).inner_text()
    assert xgb.startswith("XGBoost (tie)")
    assert "Favoured: AWS names general-purpose M5 instances for training it on CPU (Instance types for built-in algorithms)" in xgb
    autogluon = page.locator("[data-atlas-chooser-picks] > li", has_text=name("autogluon-tabular")).inner_text()
    assert "Ranked lower: AWS recommends for training: P3 (NVIDIA V100); not M5 (general purpose)" in autogluon
    fm = [t for t in out if t.startswith(name("factorization-machines"))][0]
    assert fm.endswith("Training content types: RecordIO-protobuf; not CSV")
    # Four tied first: the page says the data cannot separate them, and links comparisons.
    assert page.locator("[data-atlas-chooser-undecided]").is_visible()
    assert page.locator("[data-atlas-chooser-undecided] a[href*='comparisons/gradient-boosting']").count() == 1
    # AWS's advice for XGBoost on CPU, with its page.
    advice = page.inner_text("[data-atlas-chooser-advice]")
    assert "AWS recommends (XGBoost)" in advice and "M5" in advice
    # The overview table, which a reader without scripts uses, is folded but one click away.
    table = page.locator("article table").first
    assert not table.is_visible()
    page.click("[data-atlas-chooser-overview] > summary")
    assert table.is_visible()
    page.click("[data-atlas-chooser-overview] > summary")
    assert not table.is_visible()

    before = shown(page)
    page.reload()
    page.wait_for_selector("[data-atlas-chooser-ready]")
    assert shown(page) == before
    assert page.is_checked("#ch-built-in-algorithm-format-csv") and page.is_checked("#ch-built-in-algorithm-labels-any")

    # Print: the form goes, the chosen path and the result stay.
    page.emulate_media(media="print")
    assert not page.locator("[data-atlas-chooser-form]").is_visible()
    path = page.locator("[data-atlas-chooser-path]")
    assert path.is_visible()
    assert path.inner_text() == ("Your answers: Problem: Binary classification · Data: Rows of features (tabular) · "
                                 "Training format: CSV (text/csv) · Training hardware: CPU instances")
    assert page.locator("[data-atlas-chooser-picks]").is_visible()
    assert page.locator("article table").first.is_visible()  # the folded overview prints open
    assert not page.locator("[data-atlas-chooser-overview] > summary").is_visible()
    page.emulate_media(media="screen")

    page.click("[data-atlas-chooser-reset]")
    assert "?" not in page.url
    assert page.inner_text("[data-atlas-chooser-status]").startswith(f"{len(CATALOG.entities['algorithms'])} candidates fit")
    assert page.js_errors == [] and page.blocked == []


def test_a_shared_address_restores_an_inference_answer_with_one_pick(offline_page, real_url):
    page = offline_page
    page.goto(real_url + "/choose/inference-option/?payload=gb1&time=hour")
    page.wait_for_selector("[data-atlas-chooser-ready]")
    want = expected("inference-option", {"payload": "gb1", "time": "hour"})
    picks, out = shown(page)
    assert picks == [name(p.id, "services") for p in want.picks] == ["Amazon SageMaker Asynchronous Inference"]
    assert page.inner_text("[data-atlas-chooser-status]") == "1 candidate fits every answer; 4 ruled out."
    serverless = [t for t in out if t.startswith(name("sagemaker-serverless-inference", "services"))][0]
    assert "Request and response payload: 4 MB, less than the 1 GB needed" in serverless
    assert not page.locator("[data-atlas-chooser-undecided]").is_visible()
    # The reasons link the AWS page that states each limit.
    sources = page.eval_on_selector_all("[data-atlas-chooser-picks] a.atlas-chooser__source", "els => els.map(e => e.href)")
    assert sources and all(s.startswith("https://docs.aws.amazon.com/") for s in sources)


def test_many_models_on_one_endpoint_ranks_multi_model_endpoints_first_and_says_why(offline_page, real_url):
    page = offline_page
    page.goto(real_url + "/choose/inference-option/")
    page.wait_for_selector("[data-atlas-chooser-ready]")
    page.focus("#ch-inference-option-models-any")
    page.keyboard.press("ArrowDown")  # one model: rules nothing out
    page.keyboard.press("ArrowDown")  # many models, one container
    assert "models=shared" in page.url
    want = expected("inference-option", {"models": "shared"})
    picks, out = shown(page)
    assert picks == [name(p.id, "services") for p in want.picks] == [
        name("sagemaker-multi-model-endpoints", "services"), name("sagemaker-real-time-endpoints", "services")]
    assert page.eval_on_selector_all("[data-atlas-chooser-picks] > li", "els => els.map(e => e.value)") == [1, 2]
    first, second = page.eval_on_selector_all("[data-atlas-chooser-picks] > li", "els => els.map(e => e.innerText)")
    assert "Favoured: AWS recommends a multi-model endpoint for many models that use the same framework" in first
    assert "Ranked lower: AWS's advice for these answers favours " + name("sagemaker-multi-model-endpoints", "services") in second
    assert not page.locator("[data-atlas-chooser-ties]").is_visible()
    link = page.locator("[data-atlas-chooser-picks] > li").first.locator(".atlas-chooser__note a")
    assert link.get_attribute("href") == "https://docs.aws.amazon.com/sagemaker/latest/dg/deploy-model-advanced.html"
    assert len(out) == 3 and all("Serves many models from one endpoint: no" in t for t in out)
    assert page.js_errors == []


@pytest.mark.parametrize("address", [URL + "?problem=binary&data=tabular&format=csv&hardware=cpu", URL + "?problem=binary&hardware=gpu",
                                     "/choose/inference-option/?models=mixed&traffic=idle", "/choose/inference-option/?models=shared"])
def test_on_a_phone_nothing_is_wider_than_the_screen(browser, real_url, address):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(real_url + address)
    page.wait_for_selector("[data-atlas-chooser-ready]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_without_javascript_the_table_is_the_chooser(browser, real_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_url + "/choose/data-store/")
    assert not page.locator("[data-atlas-chooser]").is_visible()
    rows = page.eval_on_selector_all("article table tbody tr", "els => els.map(e => e.innerText)")
    assert len(rows) == len(CATALOG.choosers["data-store"].ids)
    assert any(r.startswith("Amazon ElastiCache") and "Yes, sub-millisecond reads from memory" in r for r in rows)
    context.close()


def test_choosers_run_under_the_content_security_policy(browser, real_url):
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(real_url + "/choose/stream-service/?payload=media")
    page.wait_for_selector("[data-atlas-chooser-ready]")
    assert page.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert shown(page)[0] == ["Amazon Kinesis Video Streams"]
    assert problems == []
    # The next chooser, reached by its link, starts with its own answers, and going back
    # brings the first one's answers back from its address.
    page.locator("nav.md-nav--primary").get_by_role("link", name="Data store", exact=True).click()
    page.wait_for_selector("[data-atlas-chooser=data-store][data-atlas-chooser-ready]")
    page.check("#ch-data-store-latency-memory")
    assert shown(page)[0] == ["Amazon ElastiCache"] and "latency=memory" in page.url
    page.go_back()
    page.wait_for_selector("[data-atlas-chooser=stream-service][data-atlas-chooser-ready]")
    assert shown(page)[0] == ["Amazon Kinesis Video Streams"]
    # The Compare section of the navigation lists every chooser.
    nav = page.eval_on_selector_all("nav.md-nav--primary a", "els => els.filter(e => e.href.includes('/choose/') && !e.href.includes('#'))"
                                    ".map(e => e.textContent.trim())")
    assert sorted(set(nav)) == sorted(ch.nav_title for ch in CATALOG.choosers.values())
    assert problems == []
    context.close()


@pytest.mark.parametrize("address", ["/choose/inference-option/?waiting=caller&gpu=gpu&models=shared",
                                     URL + "?problem=binary&data=tabular&format=csv&hardware=cpu"])
def test_axe_finds_nothing_serious_on_an_answered_chooser(offline_page, real_url, address):
    """One load per chooser: axe in the default scheme, then in slate, switched with the
    header's toggle (the colour rules over the page and every rule over the palette form,
    as tests/browser/test_accessibility.py explains)."""
    page = offline_page
    page.goto(real_url + address)
    page.wait_for_selector("[data-atlas-chooser-ready]")
    assert page.locator(".atlas-chooser__note").count() > 0  # ranked picks, with their notes
    assert run_axe(page) == [], "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    violations = run_axe(page, run_only={"type": "rule", "values": COLOUR_RULES})
    violations += run_axe(page, context="form[data-md-component=palette]")
    assert violations == [], ("slate", violations)
