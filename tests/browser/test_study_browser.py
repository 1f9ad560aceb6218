"""Study aids in the browser: formulas render, abbreviations show their tooltip on focus and
hover, self-test answers stay hidden until opened."""

from __future__ import annotations

from conftest import real_data

CATALOG, _ = real_data()


def test_formulas_render(offline_page, real_url):
    """Concept pages carry formulas drawn at build time: KaTeX's markup with MathML for
    screen readers, styled by its stylesheet, and no KaTeX script runs."""
    offline_page.goto(f"{real_url}/concepts/f1-score/")
    formulas = offline_page.locator("article .atlas-formula .katex-display")
    assert formulas.count() == len(CATALOG.entities["concepts"]["f1-score"].formulas)
    assert offline_page.locator("article .atlas-formula math annotation").first.text_content().startswith("F_1")
    # The stylesheet applied: KaTeX hides its MathML visually and lays out fractions.
    assert offline_page.locator("article .katex-mathml").first.evaluate("e => getComputedStyle(e).position") == "absolute"
    assert offline_page.locator("article .katex .mfrac").count() > 0
    assert offline_page.locator(".katex-error").count() == 0
    assert offline_page.evaluate("() => !window.katex && ![...document.scripts].some(s => /katex/.test(s.src))")
    assert offline_page.blocked == [] and not offline_page.js_errors


def test_abbreviation_tooltip_on_focus_and_hover(offline_page, real_url):
    offline_page.goto(f"{real_url}/algorithms/xgboost/")
    abbrs = offline_page.locator("article abbr[title]")
    # A handle, not a locator: the tooltip takes the title off the element it shows for.
    first = abbrs.first.element_handle()
    text, expansion = first.text_content(), first.get_attribute("title")
    # Only the first occurrence of each abbreviation is a tab stop.
    stops = offline_page.eval_on_selector_all("article abbr[tabindex]", "els => els.map(e => e.textContent)")
    assert len(stops) == len(set(stops)) and text in stops
    assert abbrs.count() > len(stops)
    first.focus()
    tip = offline_page.locator("#atlas-tooltip")
    assert tip.is_visible() and tip.text_content() == expansion
    assert first.get_attribute("aria-describedby") == "atlas-tooltip"
    offline_page.keyboard.press("Escape")
    assert tip.is_hidden()
    # Any occurrence shows it on hover, the focusable ones or not.
    offline_page.locator("article abbr:not([tabindex])").first.hover()
    assert tip.is_visible() and tip.text_content()
    assert not offline_page.js_errors


def test_answer_is_hidden_until_opened(offline_page, real_url):
    offline_page.goto(f"{real_url}/self-test/metrics/")
    card = offline_page.locator("details.question").first
    answer = card.locator("p").first
    assert not answer.is_visible()
    card.locator("summary").click()
    assert answer.is_visible()
