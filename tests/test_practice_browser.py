"""The practice pages in real Chromium, under the site's Content-Security-Policy: a reader
answers by keyboard and mouse and is scored, the progress survives a reload and FSRS
brings the missed questions back first; a damaged, foreign or older progress file
changes nothing and says why, export/import round-trips and keeps unknown ids aside; a
short exam simulation (?count=5) ends in a per-domain score and a review of every
answer; axe finds nothing serious on a question with its feedback or in the exam."""

from __future__ import annotations

import json

import pytest

from macros.practice.bank import BANK_PATH, read_bank
from test_accessibility import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def bank(real_site) -> dict:
    data = read_bank((real_site / BANK_PATH).read_text(encoding="utf-8"))
    data["by_id"] = {q["id"]: q for q in data["questions"]}
    return data


@pytest.fixture
def page(browser):
    """A page that keeps the site's CSP and may reach only the local server."""
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "blob:", "data:")) else r.abort())
    p = context.new_page()
    p.js_errors = []
    p.on("pageerror", lambda exc: p.js_errors.append(str(exc)))
    p.on("console", lambda m: p.js_errors.append(m.text) if m.type == "error" else None)
    yield p
    context.close()


def open_practice(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]", timeout=20000)


def current(page, bank) -> dict:
    return bank["by_id"][page.locator(".atlas-q__id").first.inner_text().removeprefix("id ")]


def stored(page) -> dict | None:
    raw = page.evaluate("() => localStorage.getItem('atlas-practice')")
    return json.loads(raw) if raw else None


def start_topic(page, topic: str) -> None:
    page.get_by_label("A topic").check()
    page.get_by_label("Topic", exact=True).select_option(topic)
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector(".atlas-q fieldset")


def test_practice_scores_answers_keeps_progress_and_brings_missed_ones_back(page, real_url, bank):
    page.clock.install()
    open_practice(page, f"{real_url}/practice/")
    start_topic(page, "metrics")
    answered = []
    for i in range(10):
        q = current(page, bank)
        right = i % 2 == 0
        choice = q["answer"] if right else (q["answer"] + 1) % len(q["options"])
        if i < 5:  # keyboard: a number key picks the option, Enter checks, Enter again goes on
            page.keyboard.press(str(choice + 1))
            assert page.locator(".atlas-q__option input").nth(choice).is_checked()
            page.keyboard.press("Enter")
        else:  # mouse
            page.locator(".atlas-q__option").nth(choice).click()
            page.get_by_role("button", name="Check answer").click()
        verdict = page.locator(".atlas-q__verdict").inner_text()
        assert verdict.startswith("✓ Right") if right else verdict.startswith("✗ Not right"), (q["id"], verdict)
        feedback = page.locator(".atlas-q__feedback")
        assert q["explanation"].replace("`", "")[:40] in feedback.inner_text()
        report = feedback.get_by_role("link", name="Report a problem with this question").get_attribute("href")
        assert report.startswith("https://github.com/") and "/issues/new?" in report and q["id"] in report
        assert feedback.get_by_role("link", name="Read it on the page").get_attribute("href").startswith(real_url)
        answered.append((q["id"], right))
        if i < 5:
            page.keyboard.press("Enter")
        else:
            feedback.get_by_role("button").click()
    assert page.get_by_role("heading", name="Session summary: 5 of 10 right").is_visible()
    expected: dict[str, list[int]] = {}
    for qid, right in answered:
        for d in bank["by_id"][qid]["domains"]:
            expected.setdefault(d, [0, 0])
            expected[d][0] += 1
            expected[d][1] += int(right)
    rows = page.locator(".atlas-practice__result tbody tr")
    shown = {rows.nth(i).get_attribute("data-domain"): [int(rows.nth(i).locator("td").nth(c).inner_text()) for c in (1, 2)]
             for i in range(rows.count())}
    assert shown == expected
    missed = {qid for qid, right in answered if not right}

    page.reload()
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]")
    summary = page.locator(".atlas-practice__summary").inner_text()
    assert summary.startswith(f"10 of {len(bank['questions'])} questions answered at least once; ")
    cards = stored(page)["cards"]
    assert set(cards) == {qid for qid, _ in answered}
    # FSRS: a missed question is due again a minute after the answer, a right one ten.
    due_now = page.evaluate("ids => ids.filter(id => Date.parse(JSON.parse(localStorage.getItem('atlas-practice')).cards[id].due) <= Date.now()).length", list(cards))
    assert f"; {due_now} due for review now." in summary and due_now <= 5  # only missed ones can be due yet
    due_soon = page.locator(".atlas-practice__due li")
    assert {due_soon.nth(i).get_attribute("data-question") for i in range(5)} == missed
    assert due_soon.first.inner_text().startswith(("in 1 min", "now"))

    # Move the page's clock just past the last missed question's due time, read from the
    # stored schedule (not assumed from how long answering took on this machine); the right
    # answers must still lie ahead.
    dues = page.evaluate("""ids => { const c = JSON.parse(localStorage.getItem('atlas-practice')).cards
        return Object.fromEntries(ids.map(id => [id, Date.parse(c[id].due) - Date.now()])) }""", list(cards))
    step = max(dues[qid] for qid in missed) + 1000
    assert step < min(dues[qid] for qid, right in answered if right), dues
    page.clock.fast_forward(max(step, 1))
    page.get_by_label("Questions due for review").check()
    page.get_by_role("button", name="Start", exact=True).click()
    seen = set()
    for _ in range(5):
        q = current(page, bank)
        seen.add(q["id"])
        page.keyboard.press(str(q["answer"] + 1))
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
    assert seen == missed
    assert page.get_by_role("heading", name="Session summary: 5 of 5 right").is_visible()
    assert page.js_errors == []


def test_import_refuses_damaged_foreign_and_older_files_and_round_trips_exports(page, real_url, bank, tmp_path):
    open_practice(page, f"{real_url}/practice/")
    start_topic(page, "hyperparameters")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    before = stored(page)
    assert len(before["cards"]) == 1
    some_id = next(iter(before["cards"]))
    bad_entry = {"format": "atlas-practice-progress", "version": 1, "cards": {some_id: {"due": "soon"}}}
    for name, content, reason in [
        ("damaged.json", "{\"format\": \"atlas-practice-progress\", ", "not valid JSON"),
        ("foreign.json", json.dumps({"format": "another-tool", "cards": {}}), "not an AWS ML Atlas progress file"),
        ("older.json", json.dumps({"format": "atlas-practice-progress", "version": 0, "cards": {}}), "older format"),
        ("entry.json", json.dumps(bad_entry), "no valid due date"),
    ]:
        page.set_input_files(".atlas-practice__file", files=[{"name": name, "mimeType": "application/json", "buffer": content.encode()}])
        status = page.locator(".atlas-practice__status")
        status.filter(has_text=name).wait_for()
        assert status.inner_text().startswith("Nothing was imported and your progress is unchanged") and reason in status.inner_text()
        assert stored(page) == before

    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["format"] == "atlas-practice-progress" and exported["version"] == 1
    assert set(exported["cards"]) == {some_id}

    page.get_by_role("button", name="Reset progress").click()
    page.get_by_role("button", name="Really reset? Click again").click()
    assert stored(page)["cards"] == {}

    exported["cards"]["q-0000000000"] = exported["cards"][some_id]  # a question the data no longer has
    page.set_input_files(".atlas-practice__file", files=[{"name": "mine.json", "mimeType": "application/json", "buffer": json.dumps(exported).encode()}])
    page.locator(".atlas-practice__status").filter(has_text="Imported progress").wait_for()
    after = stored(page)
    assert set(after["cards"]) == {some_id} and set(after["attic"]) == {"q-0000000000"}
    assert "kept aside" in page.locator(".atlas-practice__progress").inner_text()

    # Stored progress that cannot be read is never overwritten: it is kept under another key.
    page.evaluate("() => localStorage.setItem('atlas-practice', '{broken')")
    page.reload()
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]")
    assert "could not be read" in page.locator(".atlas-practice__status").inner_text()
    assert page.evaluate("() => localStorage.getItem('atlas-practice-unreadable')") == "{broken"
    assert page.js_errors == []


def test_short_exam_simulation_ends_in_a_per_domain_score_and_a_review(page, real_url, bank):
    open_practice(page, f"{real_url}/practice/exam/?count=5&exam=mla-c01")
    assert "5 questions in 10 minutes" in page.locator(".atlas-practice__info").inner_text()
    page.get_by_role("button", name="Start the exam").click()
    assert page.get_by_role("timer").inner_text().startswith(("Time left: 10:00", "Time left: 9:5"))
    nav = page.get_by_role("navigation", name="Question navigator")
    assert nav.get_by_role("button").count() == 5
    first = current(page, bank)
    page.keyboard.press(str(first["answer"] + 1))
    page.get_by_label("Flag for review").check()
    assert nav.get_by_role("button").first.get_attribute("aria-label") == "Question 1, answered, flagged for review"
    nav.get_by_role("button").nth(2).click()
    assert page.locator(".atlas-q__meta").first.inner_text().startswith("Question 3 of 5")
    third = current(page, bank)
    page.locator(".atlas-q__option").nth((third["answer"] + 1) % len(third["options"])).click()
    nav.get_by_role("button").nth(0).click()
    assert page.locator(".atlas-q__option input").nth(first["answer"]).is_checked()  # answers are kept
    page.get_by_role("button", name="Finish the exam").click()
    assert page.get_by_role("heading", name="MLA-C01 simulation: 1 of 5 right (20%)").is_visible()
    rows = page.locator(".atlas-practice__result tbody tr")
    per_domain = {rows.nth(i).get_attribute("data-domain"): int(rows.nth(i).locator("td").nth(2).inner_text()) for i in range(rows.count())}
    assert per_domain == {"mla-c01/1": 2, "mla-c01/2": 1, "mla-c01/3": 1, "mla-c01/4": 1}  # 28/26/22/24% of 5
    review = page.locator(".atlas-exam__review > li")
    assert review.count() == 5
    drawn = [review.nth(i).get_attribute("data-question") for i in range(5)]
    assert all(bank["by_id"][qid]["scenario"] for qid in drawn)  # scenario questions first, as the exam asks
    first_review = page.locator(f".atlas-exam__review > li[data-question='{first['id']}']")
    assert "✓ Right" in first_review.inner_text() and "(flagged)" in first_review.inner_text()
    assert page.js_errors == []


def test_axe_finds_nothing_serious_in_a_question_its_feedback_and_the_exam(offline_page, real_url, bank):
    open_practice(offline_page, f"{real_url}/practice/")
    offline_page.get_by_label("Scenario questions only").check()
    start_topic(offline_page, "algorithms")
    assert current(offline_page, bank)["scenario"]
    offline_page.keyboard.press("2")
    offline_page.keyboard.press("Enter")
    offline_page.wait_for_selector(".atlas-q__feedback[data-result]")
    assert run_axe(offline_page) == []
    offline_page.locator("form[data-md-component=palette] label:visible").first.click()
    offline_page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    offline_page.mouse.move(5, 400)  # away from the toggle, whose tooltip is not ours
    offline_page.keyboard.press("Escape")
    assert run_axe(offline_page) == []
    open_practice(offline_page, f"{real_url}/practice/exam/?count=3")
    offline_page.get_by_role("button", name="Start the exam").click()
    offline_page.keyboard.press("1")
    offline_page.get_by_label("Flag for review").check()
    assert run_axe(offline_page) == []


def test_practice_files_load_only_on_practice_pages_and_mount_after_instant_navigation(page, real_url):
    from macros.generate import settings_from_env

    # The theme navigates instantly only to addresses in its sitemap, which names the
    # published host; hand it the same sitemap with this server's address.
    published = settings_from_env().site_url

    def sitemap(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(published, real_url + "/"))

    page.context.route("**/sitemap.xml", sitemap)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{real_url}/algorithms/xgboost/")
    page.wait_for_load_state("networkidle")
    practice_files = ("practice/questions.js", "ts-fsrs.js", "practice/practice.js", "practice.css")
    assert not [u for u in requested if u.endswith(practice_files)]
    page.evaluate("() => { window.__samePage = true; }")
    page.locator("nav.md-nav--primary a[href$='practice/']").first.click()
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]", timeout=20000)
    assert page.evaluate("() => window.__samePage === true")  # swapped in place, not reloaded
    assert all(any(u.endswith(f) for u in requested) for f in practice_files)
    assert page.get_by_role("button", name="Start", exact=True).is_visible()
    assert page.js_errors == []
