"""Accessibility in real Chromium: axe-core (npm, pinned) on every page type finds no
serious or critical violation, in light and dark mode; keyboard users reach search and
the table filters; pages have one H1, a logical heading order and a meta description;
diagrams have a text equivalent."""

from __future__ import annotations

import pytest
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = {
    "home": "/",
    "algorithm": "/algorithms/xgboost/",
    "algorithm index": "/algorithms/",
    "service": "/services/kinesis-data-streams/",
    "pipeline": "/pipelines/real-time-layer/",
    "comparison view": "/compare/algorithms/",
    "comparison entity": "/comparisons/kinesis-family/",
    "concept": "/concepts/f1-score/",
    "exam": "/exams/mla-c01/",
    "self-test": "/self-test/metrics/",
    "glossary": "/glossary/",
    "what changed": "/changes/",
}


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# The rules of AXE_TAGS whose result depends on colour (axe-core 4.14: color-contrast-enhanced
# is wcag2aaa, outside the tags). The slate scheme changes colours only (Material swaps the
# CSS custom properties under [data-md-color-scheme=slate]) and, in the header's palette
# form, which toggle is checked and shown; so in slate these rules run over the whole page
# and every rule over the palette form, and nothing axe checks goes unchecked in slate.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def run_axe(page, context: str = "document", run_only: dict | None = None) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async ([context, runOnly]) => {
            const r = await axe.run(context === 'document' ? document : { include: [context] }, { runOnly });
            return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
        }""",
        [context, run_only or {"type": "tag", "values": AXE_TAGS}],
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def _wait_until_drawn(page) -> None:
    if page.locator("figure.atlas-diagram").count():
        page.wait_for_selector("figure.atlas-diagram[data-atlas-state=drawn]", timeout=30000)
    if page.locator(".arithmatex").count():
        page.wait_for_selector(".arithmatex[data-atlas-state=drawn]", timeout=30000)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_one_h1_logical_headings_a_description_and_no_serious_axe_violation_in_either_scheme(offline_page, real_url, name):
    """One page load per page type: the headings and description, then axe-core in the
    default scheme, then in slate (switched as a reader does it, with the header's toggle)."""
    offline_page.goto(f"{real_url}{PAGE_TYPES[name]}")
    levels = offline_page.eval_on_selector_all("article h1, article h2, article h3, article h4", "els => els.map(e => +e.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, levels
    description = offline_page.get_attribute("meta[name=description]", "content")
    assert description and len(description) >= 20

    _wait_until_drawn(offline_page)
    violations = run_axe(offline_page)
    assert violations == [], ("default", violations)

    offline_page.locator("form[data-md-component=palette] label:visible").first.click()
    offline_page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    _wait_until_drawn(offline_page)
    violations = run_axe(offline_page, run_only={"type": "rule", "values": COLOUR_RULES})
    violations += run_axe(offline_page, context="form[data-md-component=palette]")
    assert violations == [], ("slate", violations)


def test_every_diagram_has_a_text_equivalent(offline_page, real_url):
    offline_page.goto(f"{real_url}/pipelines/")
    links = offline_page.eval_on_selector_all("article table a[href*='pipelines/'], article table a", "els => els.map(e => e.href)")
    pipelines = sorted({h for h in links if "/pipelines/" in h and not h.endswith("/pipelines/")})
    assert pipelines
    for url in pipelines:
        offline_page.goto(url)
        desc = offline_page.locator("figure.atlas-diagram svg desc").first.text_content()
        labelled = offline_page.get_attribute("figure.atlas-diagram", "aria-labelledby")
        steps = offline_page.locator("#steps + ol > li").count()
        assert desc and "steps below" in desc and labelled
        assert steps >= 1


def test_keyboard_reaches_search(offline_page, real_url):
    offline_page.goto(f"{real_url}/algorithms/")
    offline_page.keyboard.press("/")
    assert offline_page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_keyboard_reaches_the_table_filter_and_sorts_by_a_heading(offline_page, real_url):
    offline_page.goto(f"{real_url}/compare/algorithms/")
    offline_page.wait_for_selector(".atlas-filter__input")
    for _ in range(400):
        offline_page.keyboard.press("Tab")
        if offline_page.evaluate("document.activeElement.classList.contains('atlas-filter__input')"):
            break
    else:
        pytest.fail("the filter box is not reachable with Tab")
    offline_page.keyboard.type("Unsupervised")
    count = offline_page.locator(".atlas-filter__count").inner_text()
    shown, total = (int(x) for x in count.replace(" shown", "").split(" of "))
    assert 0 < shown < total
    assert offline_page.locator("article table tbody tr:not([hidden])").count() == shown
    heading = offline_page.locator("article table thead th").nth(1)
    heading.focus()
    offline_page.keyboard.press("Enter")
    assert heading.get_attribute("aria-sort") in ("ascending", "descending")
