"""The offline bundle works from file:// with no network: search, pages and links."""

from __future__ import annotations

import re


def test_offline_bundle_works_from_file_urls_with_no_network(browser, bundle):
    context = browser.new_context()
    requests: list[str] = []  # every request; the browser resolves no host (CHROMIUM_ARGS)
    context.on("request", lambda r: requests.append(r.url))
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
