"""Real Chromium (the Debian package) through Playwright, against the built real site
served on 127.0.0.1, with every request to any other host blocked and recorded."""

from __future__ import annotations

import pytest


def search(page, query: str) -> list[str]:
    """Type a query into the real search box; return the result links, best first, once
    the panel has settled on the answer to the last keystroke."""
    from searchbench import open_search, type_query

    open_search(page)
    base = page.url.split("/", 3)
    type_query(page, query, base[0] + "//" + base[2])
    return page.eval_on_selector_all(".md-search-result__list > .md-search-result__item", "els => els.map(e => e.querySelector('a').href)")


def test_algorithm_page_renders(offline_page, real_url):
    offline_page.goto(f"{real_url}/algorithms/xgboost/")
    assert offline_page.locator("article h1").inner_text().startswith("XGBoost")
    assert offline_page.locator("#hp-eta").count() == 1
    assert not offline_page.js_errors


def test_search_finds_xgboost_by_name_and_by_hyperparameter(offline_page, real_url):
    offline_page.goto(f"{real_url}/")
    assert "/algorithms/xgboost/" in search(offline_page, "XGBoost")[0]
    hits = search(offline_page, "scale_pos_weight")
    assert any("/algorithms/xgboost/" in h for h in hits[:3]), hits[:5]
    assert not offline_page.blocked


def test_diagram_draws_with_the_network_cut_off_and_nodes_link(offline_page, real_url):
    offline_page.goto(f"{real_url}/pipelines/real-time-layer/")
    offline_page.wait_for_selector("figure.atlas-diagram[data-atlas-state=drawn] svg", timeout=30000)
    links = offline_page.eval_on_selector_all("figure.atlas-diagram svg a", "els => els.map(e => e.getAttribute('xlink:href') || e.getAttribute('href'))")
    assert links and all("services/" in h for h in links)
    assert not offline_page.blocked, offline_page.blocked
    assert not offline_page.js_errors


def test_search_works_on_a_diagram_page_offline(offline_page, real_url):
    offline_page.goto(f"{real_url}/pipelines/video-layer/")
    offline_page.wait_for_selector("figure.atlas-diagram[data-atlas-state=drawn] svg", timeout=30000)
    assert any("/services/rekognition/" in h for h in search(offline_page, "Rekognition")[:3])


def test_diagram_draws_after_following_a_link(offline_page, real_url):
    offline_page.goto(f"{real_url}/pipelines/")
    offline_page.click("article a[href*='batch-layer']")
    offline_page.wait_for_selector("figure.atlas-diagram[data-atlas-state=drawn] svg", timeout=30000)
    assert not offline_page.blocked


PAGES = ["/", "/algorithms/", "/algorithms/k-means/", "/services/s3/", "/pipelines/analytics-layer/", "/contributing/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_loopback(offline_page, real_url, path):
    offline_page.goto(f"{real_url}{path}")
    offline_page.wait_for_load_state("networkidle")
    if offline_page.locator("figure.atlas-diagram").count():
        offline_page.wait_for_selector("figure.atlas-diagram[data-atlas-state=drawn]", timeout=30000)
    assert offline_page.blocked == []
    assert offline_page.js_errors == []


def test_diagram_pages_load_no_diagram_script(offline_page, real_url):
    requests: list[str] = []
    offline_page.on("request", lambda r: requests.append(r.url))
    offline_page.goto(f"{real_url}/pipelines/real-time-layer/")
    offline_page.wait_for_load_state("networkidle")
    assert offline_page.locator("figure.atlas-diagram svg g.node").count() > 3
    assert not [u for u in requests if "mermaid" in u or "diagram" in u]


def test_diagram_is_there_with_javascript_off(browser, real_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{real_url}/pipelines/batch-layer/")
    assert page.locator("figure.atlas-diagram svg a").count() >= 2
    assert "Diagram of the" in page.locator("figure.atlas-diagram svg title").first.text_content()
    context.close()


def test_the_theme_still_marks_keyboard_focus_and_restores_transitions_after_start(offline_page, real_url):
    # head.js and palette.js set, before the first paint, marks the theme's bundle sets at
    # start (so that it restyles the page less): the bundle must still do its work.
    page = offline_page
    page.goto(f"{real_url}/practice/exam/")
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")  # the bundle took it away
    assert page.evaluate("() => document.documentElement.classList.contains('js-focus-visible')")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).transitionDuration") != "0s"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('focus-visible')")  # the polyfill runs
    assert not page.js_errors
