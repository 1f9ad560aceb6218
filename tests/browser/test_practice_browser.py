"""The practice pages in real Chromium, under the site's Content-Security-Policy.

Practice mode: a reader answers by keyboard and mouse and is scored; "Check answer" goes
once answered, the next question's heading lands below the sticky header, "report a
problem" keeps its distance from Next, and the summary lists the session's exam domains
and its misses; progress survives a reload and FSRS brings the missed questions back.

Progress is never lost: a damaged, foreign, older or oversized import changes nothing and
says why; a browser that refuses a write (a page script makes localStorage.setItem throw
QuotaExceededError after N calls) tells the reader in a role="alert" with the progress as
a download, on an answer and on an import; older progress that cannot be copied aside is
never overwritten by the next answer.

Exam simulation: a short sitting (`?questions=5`) of every current exam runs to its
result (pass mark, per-domain table in the theme's table look, missed questions linked
to their pages), after a confirmation; the timer stays in view. Both with the real bank
and with a bank of format version 2 (multiple-response items, a reason per option, four
current and two retired exams) that the test serves in place of the real one. Axe finds
nothing serious. Layout checks run at 1280 and 390 px.
"""

from __future__ import annotations

import hashlib
import json
import math

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_accessibility import run_axe

from macros.features.practice.bank import (
    BANK_PATH,
    INDEX_PATH,
    exams_data,
    exams_script,
    index_data,
    index_script,
    read_bank,
    read_index,
)

WIDTHS = [1280, 390]

# Makes localStorage.setItem throw a QuotaExceededError for the practice keys once
# sessionStorage "atlas-test-writes" (set by the test before a reload; default unlimited)
# of them have been made on the page. The theme's own keys are not counted.
QUOTA_SCRIPT = """
(() => {
  const limit = Number(sessionStorage.getItem('atlas-test-writes') ?? 'Infinity');
  let writes = 0;
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === window.localStorage && String(key).startsWith('atlas-practice')) {
      if (writes >= limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      writes += 1;
    }
    return original.call(this, key, value);
  };
})();
"""


@pytest.fixture(scope="module")
def bank(real_site) -> dict:
    data = read_bank((real_site / BANK_PATH).read_text(encoding="utf-8"))
    data["by_id"] = {q["id"]: q for q in data["questions"]}
    return data


def qid(text: str) -> str:
    return "q-" + hashlib.sha256(text.encode()).hexdigest()[:10]


def v2_bank(real: dict) -> dict:
    """A small bank in format version 2 on the real exams' domains: four current exams
    (one with figures marked unconfirmed), two retired; per domain three single-answer
    exam questions and one multiple-response one, and a recall question practice must
    never show. Every option has a reason, some with a page and an AWS source."""
    current = {
        "mla-c02": {"questions": 65, "scored": 50, "minutes": 130, "passing_score": 720, "confirmed": False},
        "aif-c01": {"questions": 65, "scored": 50, "minutes": 90, "passing_score": 700, "confirmed": True},
        "aip-c01": {"questions": 75, "scored": 65, "minutes": 180, "passing_score": 750, "confirmed": True},
        "dea-c01": {"questions": 65, "scored": 50, "minutes": 130, "passing_score": 720, "confirmed": True},
    }
    exams, questions = [], []
    for e in real["exams"]:
        record = {k: e[k] for k in ("id", "code", "name", "status", "url", "domains")}
        fig = current.get(e["id"])
        record["simulate"] = fig is not None
        record["format"] = None if fig is None else {
            **fig, "question_types": ["multiple-choice", "multiple-response"],
            "source": f"https://aws.amazon.com/certification/{e['id']}/"}
        if fig is None:
            record["status"] = "retired"
        exams.append(record)
        for d in e["domains"]:
            tag = f"{e['id']}/{d['number']}"
            for n in range(4):
                multi = n == 3
                options = [f"{tag} option {i + 1}" for i in range(5 if multi else 4)]
                answers = [0, 2] if multi else [n % 4]
                questions.append({
                    "id": qid(f"{tag}/{n}"), "style": "exam", "type": "task", "topic": "algorithms",
                    "prompt": f"Question {n + 1} of {tag}: which `options` fit?",
                    "options": options, "answers": answers, "choose": len(answers),
                    "reasons": [{"text": f"{'fits' if i in answers else 'ruled out'}: reason {i + 1} of {tag}/{n}",
                                 "url": "algorithms/xgboost/" if i == 0 else None,
                                 "source": "https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html" if i == 1 else None}
                                for i in range(len(options))],
                    "explanation": f"Explanation of {tag}/{n}.", "domains": [tag], "url": "algorithms/xgboost/",
                    "source": {"title": "XGBoost algorithm", "url": "https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html"},
                    "file": "data/algorithms/xgboost.yml"})
            questions.append({**questions[-1], "id": qid(f"{tag}/recall"), "style": "recall", "prompt": f"Recall card of {tag}"})
    data = {"version": 2, "topics": [{"id": "algorithms", "name": "Algorithms"}], "exams": exams, "questions": questions}
    data["by_id"] = {q["id"]: q for q in questions}
    return data


def bank_script(data: dict) -> str:
    text = json.dumps({k: v for k, v in data.items() if k != "by_id"}, ensure_ascii=False)
    return "self.__atlasPractice=JSON.parse(" + json.dumps(text).replace("</", "<\\/") + ");\n"


@pytest.fixture(scope="module")
def bank2(bank) -> dict:
    return v2_bank(bank)


def make_page(browser, width=1280, v2=None, quota=False):
    """A page that keeps the site's CSP and may reach only the local server; `v2` serves
    that bank (whole, recall questions too: the page must leave them out itself), its
    index and its exams in place of the real ones; `quota` installs QUOTA_SCRIPT."""
    context = browser.new_context(accept_downloads=True, viewport={"width": width, "height": 800})
    # Only the local server is reachable: the browser resolves no other host (CHROMIUM_ARGS).
    if v2 is not None:
        body = bank_script(v2)
        whole = {k: v for k, v in v2.items() if k != "by_id"}
        index, exams = index_script(index_data(whole)), exams_script(exams_data(whole))
        context.route("**/assets/practice/questions.js", lambda r: r.fulfill(status=200, content_type="text/javascript", body=body))
        context.route("**/assets/practice/index.js", lambda r: r.fulfill(status=200, content_type="text/javascript", body=index))
        context.route("**/assets/practice/exams.js", lambda r: r.fulfill(status=200, content_type="text/javascript", body=exams))
    if quota:
        context.add_init_script(QUOTA_SCRIPT)
    p = context.new_page()
    p.js_errors = []
    p.on("pageerror", lambda exc: p.js_errors.append(str(exc)))
    p.on("console", lambda m: p.js_errors.append(m.text) if m.type == "error" and "QuotaExceeded" not in m.text else None)
    return p


@pytest.fixture
def page(browser):
    p = make_page(browser)
    yield p
    p.context.close()


def open_practice(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]", timeout=20000)


def current(page, data) -> dict:
    """The question on screen; when none comes, the failure says what the practice area shows
    instead (a rare failure after the fake clock moved on left no trace of it)."""
    try:
        page.wait_for_selector(".atlas-q__id", timeout=30000)
    except PlaywrightTimeout:
        shown = page.locator("[data-atlas-practice]").first.inner_text()
        raise AssertionError(f"no question on screen; the practice area shows: {shown[-800:]!r}") from None
    return data["by_id"][page.locator(".atlas-q__id").first.inner_text().removeprefix("id ")]


def answers(q: dict) -> list[int]:
    return q.get("answers", [q.get("answer")])


def practice_pool(data: dict) -> list[dict]:
    """The questions practice mode asks: exam-style ones (v2 `style`; all of a v1 bank)."""
    return [q for q in data["questions"] if q.get("style", "exam") == "exam"]


def big_topic(data: dict) -> str:
    """The topic with the most exam-style questions (the data decides which)."""
    counts: dict[str, int] = {}
    for q in practice_pool(data):
        counts[q["topic"]] = counts.get(q["topic"], 0) + 1
    topic = max(counts, key=counts.get)
    assert counts[topic] >= 10, counts
    return topic


def picks(q: dict, right: bool) -> list[int]:
    """The options to choose for a right or a wrong answer (as many as the question asks)."""
    a = answers(q)
    if right:
        return a
    wrong = next(i for i in range(len(q["options"])) if i not in a)
    return a[:-1] + [wrong]


def answer_by_keys(page, data: dict, right: bool = True) -> dict:
    """Answers the question on screen by number keys and Enter; returns the question."""
    q = current(page, data)
    for c in picks(q, right):
        page.keyboard.press(str(c + 1))
    page.keyboard.press("Enter")
    return q


def sat_exams(data: dict) -> tuple[list[dict], list[dict]]:
    """(exams offered by the simulation, those of them that can be sat: with a format)."""
    offered = [e for e in data["exams"] if e.get("simulate", e["status"] != "retired")]
    return offered, [e for e in offered if e.get("format")]


def stored(page) -> dict | None:
    raw = page.evaluate("() => localStorage.getItem('atlas-practice')")
    return json.loads(raw) if raw else None


def start_topic(page, topic: str) -> None:
    page.get_by_label("A topic").check()
    page.get_by_label("Topic", exact=True).select_option(topic)
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector(".atlas-q fieldset")


def box(page, selector: str) -> dict:
    b = page.locator(selector).first.bounding_box()
    assert b is not None, selector
    return b


def header_bottom(page) -> float:
    return page.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().bottom")


def assert_theme_table(page, selector: str) -> None:
    """The table has the theme's table look: its border, bold headers, cell padding."""
    style = page.locator(selector).first.evaluate("""t => { const s = getComputedStyle(t), th = getComputedStyle(t.querySelector('th')),
        td = getComputedStyle(t.querySelector('td')); return [s.borderTopWidth, th.fontWeight, td.paddingLeft, td.borderTopStyle] }""")
    assert style[0] != "0px" and int(style[1]) >= 700 and style[2] != "0px" and style[3] == "solid", style


def test_practice_scores_answers_keeps_progress_and_brings_missed_ones_back(page, real_url, bank):
    page.clock.install()
    open_practice(page, f"{real_url}/practice/")
    exam_id = page.get_by_label("Exam", exact=True).input_value()
    topic = big_topic(bank)
    start_topic(page, topic)
    answered = []
    for i in range(10):
        q = current(page, bank)
        right = i % 2 == 0
        chosen = picks(q, right)
        if i < 5:  # keyboard: a number key picks (or toggles) an option, Enter checks, Enter again goes on
            for c in chosen:
                page.keyboard.press(str(c + 1))
            assert [page.locator(".atlas-q__option input").nth(k).is_checked() for k in range(len(q["options"]))] == [
                k in chosen for k in range(len(q["options"]))]
            page.keyboard.press("Enter")
        else:  # mouse
            for c in chosen:
                page.locator(".atlas-q__option").nth(c).click()
            page.get_by_role("button", name="Check answer").click()
        verdict = page.locator(".atlas-q__verdict").inner_text()
        assert verdict.startswith("✓ Right") if right else verdict.startswith("✗ Not right"), (q["id"], verdict)
        assert page.get_by_role("button", name="Check answer").count() == 0
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
    for qid_, right in answered:
        for d in bank["by_id"][qid_]["domains"]:
            if d.startswith(exam_id + "/"):
                expected.setdefault(d, [0, 0])
                expected[d][0] += 1
                expected[d][1] += int(right)
    rows = page.locator(".atlas-practice__result tbody tr")
    shown = {rows.nth(i).get_attribute("data-domain"): [int(rows.nth(i).locator("td").nth(c).inner_text()) for c in (1, 2)]
             for i in range(rows.count())}
    assert shown == expected  # the session's exam only, not every exam's domains
    missed = {qid_ for qid_, right in answered if not right}
    links = page.locator(".atlas-practice__missed li")
    assert {links.nth(i).get_attribute("data-question") for i in range(links.count())} == missed
    assert all(links.nth(i).get_by_role("link").get_attribute("href").startswith(real_url) for i in range(links.count()))

    page.reload()
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]")
    summary = page.locator(".atlas-practice__summary").inner_text()
    assert summary.startswith(f"10 of {len(practice_pool(bank))} questions answered at least once; ")
    cards = stored(page)["cards"]
    assert set(cards) == {qid_ for qid_, _ in answered}
    due_now = page.evaluate("ids => ids.filter(id => Date.parse(JSON.parse(localStorage.getItem('atlas-practice')).cards[id].due) <= Date.now()).length", list(cards))
    assert f"; {due_now} due for review now." in summary and due_now <= 5  # only missed ones can be due yet
    due_soon = page.locator(".atlas-practice__due li")
    assert {due_soon.nth(i).get_attribute("data-question") for i in range(5)} == missed
    assert due_soon.first.inner_text().startswith(("in 1 min", "now"))

    # Move the page's clock just past the last missed question's due time, read from the
    # stored schedule; the right answers must still lie ahead.
    dues = page.evaluate("""ids => { const c = JSON.parse(localStorage.getItem('atlas-practice')).cards
        return Object.fromEntries(ids.map(id => [id, Date.parse(c[id].due) - Date.now()])) }""", list(cards))
    step = max(dues[q] for q in missed) + 1000
    assert step < min(dues[q] for q, right in answered if right), dues
    # A whole number of milliseconds: the page's fake clock can return fractions, and
    # Playwright's Python fast_forward reads a float as a duration string, so a jump of
    # 61234.5 ms silently did not happen (about one CI run in five: "the next question is
    # due in 1 min").
    target = page.evaluate("() => Date.now()") + max(step, 1)
    page.clock.fast_forward(math.ceil(max(step, 1)))
    page.wait_for_function("t => Date.now() >= t", arg=target, polling=100, timeout=5000)
    page.get_by_label("Questions due for review").check()
    page.get_by_role("button", name="Start", exact=True).click()
    seen = set()
    for _ in range(5):
        q = current(page, bank)
        seen.add(q["id"])
        for c in answers(q):
            page.keyboard.press(str(c + 1))
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
    assert seen == missed
    assert page.get_by_role("heading", name="Session summary: 5 of 5 right").is_visible()
    assert page.js_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_practice_layout_check_goes_next_question_clears_the_header_report_keeps_apart(browser, real_url, bank, width):
    page = make_page(browser, width)
    try:
        open_practice(page, f"{real_url}/practice/")
        page.get_by_role("button", name="Start", exact=True).click()
        for _ in range(3):
            answer_by_keys(page, bank, right=False)
            assert page.locator(".atlas-q__check").count() == 0
            assert not page.get_by_role("button", name="Check answer").is_visible()
            # "Report a problem" at least 24 px from Next, in every direction that counts.
            nxt, rep = box(page, ".atlas-q__next"), box(page, ".atlas-q__report")
            gap = max(rep["y"] - (nxt["y"] + nxt["height"]), nxt["y"] - (rep["y"] + rep["height"]),
                      rep["x"] - (nxt["x"] + nxt["width"]), nxt["x"] - (rep["x"] + rep["width"]))
            assert gap >= 24, (nxt, rep)
            page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # as after reading the feedback
            page.get_by_role("button", name="Next question").click()
            heading = box(page, ".atlas-q__heading")
            assert heading["y"] >= header_bottom(page) and heading["y"] + heading["height"] <= 800, heading
            assert page.locator(".atlas-q__heading").inner_text().startswith("Question ")
            assert page.evaluate("() => document.activeElement.closest('fieldset') !== null")
        assert page.js_errors == []
    finally:
        page.context.close()


def test_v2_practice_shows_exam_style_only_multiple_response_and_every_reason(browser, real_url, bank2):
    page = make_page(browser, v2=bank2)
    try:
        open_practice(page, f"{real_url}/practice/")
        page.get_by_label("Exam", exact=True).select_option("dea-c01")
        domains = page.get_by_label("Domain", exact=True).locator("option")
        assert domains.count() == len(next(e for e in bank2["exams"] if e["id"] == "dea-c01")["domains"])
        assert domains.first.inner_text().endswith("(4)")  # recall questions are not counted
        page.get_by_role("button", name="Start", exact=True).click()
        seen = []
        for i in range(4):
            q = current(page, bank2)
            seen.append(q)
            assert q["style"] == "exam" and q["domains"][0].startswith("dea-c01/1")
            if q["choose"] == 2:
                legend = page.locator(".atlas-q legend").inner_text()
                assert legend.endswith("Choose two.")
                assert page.locator(".atlas-q__option input[type=checkbox]").count() == 5
                page.keyboard.press("1")  # toggles option 1 and focuses it
                page.keyboard.press("Enter")
                assert "Choose 2 answers (you chose 1)" in page.locator(".atlas-q__feedback").inner_text()
                page.keyboard.press("Tab")
                page.keyboard.press("Tab")
                page.keyboard.press("Space")  # space toggles option 3
                assert [page.locator(".atlas-q__option input").nth(k).is_checked() for k in range(5)] == [True, False, True, False, False]
                page.keyboard.press("Enter")
                assert page.locator(".atlas-q__verdict").inner_text().startswith("✓ Right")
            else:
                page.keyboard.press(str((q["answers"][0] + 1) % 4 + 1))  # a wrong one
                page.keyboard.press("Enter")
                assert page.locator(".atlas-q__verdict").inner_text() .startswith("✗ Not right")
            reasons = page.locator(".atlas-q__reason")
            assert reasons.count() == len(q["options"])
            for k, r in enumerate(q["reasons"]):
                text = reasons.nth(k).inner_text()
                assert r["text"] in text and text.startswith("✓ Fits" if k in q["answers"] else "✗ Does not fit")
            assert reasons.nth(0).get_by_role("link", name="On the page").get_attribute("href") == f"{real_url}/algorithms/xgboost/"
            assert reasons.nth(1).get_by_role("link").get_attribute("href").startswith("https://docs.aws.amazon.com/")
            page.keyboard.press("Enter")
        assert sorted(q["choose"] for q in seen) == [1, 1, 1, 2]
        assert page.get_by_role("heading", name="Session summary: 1 of 4 right").is_visible()
        assert page.locator(".atlas-practice__result tbody tr").count() == 1  # dea-c01 domain 1 only
        assert page.locator(".atlas-practice__missed li").count() == 3
        assert_theme_table(page, ".atlas-practice__result table")
        assert page.js_errors == []
    finally:
        page.context.close()


def run_short_simulation(page, url: str, data: dict, exam: dict) -> None:
    """Sits ?questions=5 of an exam: answers the first right and leaves one open, asks to
    finish, goes back, then finishes; checks the result against what was answered."""
    open_practice(page, f"{url}/practice/exam/?exam={exam['id']}&questions=5")
    minutes = max(1, round(exam["format"]["minutes"] * 5 / exam["format"]["questions"]))
    info = page.locator(".atlas-practice__info").inner_text()
    assert f"5 questions in {minutes} minutes" in info
    assert f"AWS: {exam['format']['questions']} questions" in info and f"in {exam['format']['minutes']} minutes" in info
    assert ("Unconfirmed" in info) == (not exam["format"].get("confirmed", False))
    assert page.get_by_role("link", name=f"Source: AWS's {exam['code']} page").get_attribute("href") == exam["format"]["source"]
    page.get_by_role("button", name="Start the exam").click()
    assert page.get_by_role("timer").inner_text().startswith((f"Time left: {minutes}:00", f"Time left: {minutes - 1}:5"))
    nav = page.get_by_role("navigation", name="Question navigator")
    assert nav.get_by_role("button").count() == 5
    right = 0
    ids = []
    for i in range(5):
        q = current(page, data)
        ids.append(q["id"])
        assert q.get("style", "exam") == "exam" and any(d.startswith(exam["id"] + "/") for d in q["domains"])
        if i == 0:  # right, by keys (toggling each right option of a multiple-response item)
            for a in answers(q):
                page.keyboard.press(str(a + 1))
            right += 1
        elif i < 4:  # wrong
            for c in picks(q, False):
                page.locator(".atlas-q__option").nth(c).click()
        if i < 4:
            page.get_by_role("button", name="Next", exact=True).click()
    assert nav.get_by_role("button").nth(4).get_attribute("aria-label") == "Question 5, not answered"
    page.get_by_role("button", name="Finish the exam").click()
    dialog = page.get_by_role("dialog", name="Finish the exam?")
    assert "1 of 5 questions are not answered" in dialog.inner_text()
    dialog.get_by_role("button", name="Go back to the exam").click()
    assert page.get_by_role("timer").is_visible()
    page.get_by_role("button", name="Finish the exam").click()
    page.get_by_role("button", name="Yes, finish and see the result").click()
    heading = f"{exam['code']} simulation: {right} of 5 right ({right * 20}%)"
    assert page.get_by_role("heading", name=heading).is_visible()
    passmark = page.locator(".atlas-exam__passmark").inner_text()
    if exam["format"].get("passing_score"):
        assert f"scaled score of {exam['format']['passing_score']:,}" in passmark
    else:
        assert "scaled score" in passmark and "does not hold its pass mark" in passmark
    rows = page.locator(".atlas-exam__result tbody tr")
    assert sum(int(rows.nth(i).locator("td").nth(2).inner_text()) for i in range(rows.count())) == 5
    assert all(rows.nth(i).get_attribute("data-domain").startswith(exam["id"] + "/") for i in range(rows.count()))
    assert_theme_table(page, ".atlas-exam__result table")
    missed = page.locator(".atlas-exam__missed li")
    assert [missed.nth(i).get_attribute("data-question") for i in range(missed.count())] == ids[1:]
    for i in range(missed.count()):
        href = missed.nth(i).get_by_role("link").get_attribute("href")
        assert href.startswith(url + "/") and page.request.get(href.split("#")[0]).ok
    assert page.locator(".atlas-exam__review > li").count() == 5


def test_short_simulation_of_every_current_exam_in_the_real_bank(page, real_url, bank):
    offered_exams, current_exams = sat_exams(bank)
    assert current_exams  # today's data has at least AIF-C01
    open_practice(page, f"{real_url}/practice/exam/")
    offered = page.get_by_label("Exam", exact=True).locator("option")
    assert sorted(offered.nth(i).get_attribute("value") for i in range(offered.count())) == sorted(e["id"] for e in offered_exams)
    assert not {"mla-c01", "mls-c01"} & {offered.nth(i).get_attribute("value") for i in range(offered.count())}  # retired
    for exam in current_exams:
        run_short_simulation(page, real_url, bank, exam)
    assert page.js_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_short_simulation_of_every_current_exam_with_a_v2_bank(browser, real_url, bank2, width):
    page = make_page(browser, width, v2=bank2)
    try:
        open_practice(page, f"{real_url}/practice/exam/")
        offered = page.get_by_label("Exam", exact=True).locator("option")
        assert [offered.nth(i).get_attribute("value") for i in range(offered.count())] == [
            e["id"] for e in bank2["exams"] if e["simulate"]]
        assert {"mla-c02", "aif-c01", "aip-c01", "dea-c01"} == {offered.nth(i).get_attribute("value") for i in range(offered.count())}
        # At 1280 px every current exam is sat; at 390 px one, mla-c02: the exam whose figures
        # are unconfirmed (every exam of this bank has multiple-response items), so the phone
        # layout still sees the unconfirmed notice, a multiple-response item and the result.
        sat = [e for e in bank2["exams"] if e["simulate"] and (width == 1280 or e["id"] == "mla-c02")]
        assert sat and all(e["format"].get("confirmed") is False for e in sat if width == 390)
        for exam in sat:
            run_short_simulation(page, real_url, bank2, exam)
        # Printed, the result keeps its score, table and review, without the buttons.
        page.emulate_media(media="print")
        assert page.locator(".atlas-exam__result table").is_visible() and page.locator(".atlas-exam__review").is_visible()
        assert not page.get_by_role("button", name="New simulation").is_visible()
        assert page.js_errors == []
    finally:
        page.context.close()


def test_a_current_exam_without_aws_figures_is_listed_but_not_sat(browser, real_url, bank2):
    without = json.loads(json.dumps({k: v for k, v in bank2.items() if k != "by_id"}))
    next(e for e in without["exams"] if e["id"] == "aip-c01")["format"] = None
    page = make_page(browser, v2=without)
    try:
        open_practice(page, f"{real_url}/practice/exam/?exam=aip-c01")
        info = page.locator(".atlas-practice__info")
        assert info.inner_text().startswith("AWS's question count and time for AIP-C01 are not in our data yet")
        assert info.get_by_role("link", name="practice mode").get_attribute("href") == f"{real_url}/practice/"
        assert page.get_by_role("button", name="Start the exam").is_disabled()
        page.get_by_label("Exam", exact=True).select_option("dea-c01")
        assert page.get_by_role("button", name="Start the exam").is_enabled()
        assert page.js_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_exam_timer_stays_in_view_and_finish_sits_apart_from_next(browser, real_url, bank2, width):
    page = make_page(browser, width, v2=bank2)
    try:
        open_practice(page, f"{real_url}/practice/exam/?exam=mla-c02&questions=20")
        page.get_by_role("button", name="Start the exam").click()
        stage = page.evaluate("() => document.querySelector('.atlas-practice__stage').getBoundingClientRect().top + window.scrollY")
        for y in (stage + 400, stage + 1500, 100000):  # within the exam, further down, the page's end
            # Scrolled, then two animation frames: the scroll and anything it set off are laid out.
            page.evaluate("y => new Promise(done => { window.scrollTo(0, y); requestAnimationFrame(() => requestAnimationFrame(done)); })", y)
            clock = box(page, ".atlas-exam__clock")
            assert clock["y"] >= header_bottom(page) - 1 and clock["y"] + clock["height"] <= 800, (y, clock)
        nxt, end = box(page, ".atlas-exam__buttons .md-button--primary"), box(page, ".atlas-exam__end")
        assert end["y"] - (nxt["y"] + nxt["height"]) >= 24, (nxt, end)
        page.get_by_role("button", name="Next", exact=True).click()
        heading, clock = box(page, ".atlas-q__heading"), box(page, ".atlas-exam__clock")
        assert heading["y"] >= clock["y"] + clock["height"], (heading, clock)  # not under the timer bar
        assert page.js_errors == []
    finally:
        page.context.close()


def test_when_time_runs_out_the_exam_ends_with_its_result(browser, real_url, bank2):
    page = make_page(browser, v2=bank2)
    try:
        page.clock.install()
        open_practice(page, f"{real_url}/practice/exam/?exam=dea-c01&questions=2")
        page.get_by_role("button", name="Start the exam").click()
        assert page.get_by_role("timer").inner_text() == "Time left: 4:00"  # 130 min x 2/65
        q = current(page, bank2)
        for c in answers(q):
            page.keyboard.press(str(c + 1))
        page.clock.run_for(4 * 60 * 1000 + 1000)
        page.get_by_role("heading", name="DEA-C01 simulation: 1 of 2 right (50%)").wait_for()
        assert page.get_by_role("alert").inner_text() == "Time ran out; unanswered questions count as wrong."
        assert page.js_errors == []
    finally:
        page.context.close()


def test_import_refuses_damaged_foreign_older_and_oversized_files_and_round_trips_exports(page, real_url, bank):
    open_practice(page, f"{real_url}/practice/")
    start_topic(page, big_topic(bank))
    answer_by_keys(page, bank)
    before = stored(page)
    assert len(before["cards"]) == 1
    some_id = next(iter(before["cards"]))
    bad_entry = {"format": "atlas-practice-progress", "version": 1, "cards": {some_id: {"due": "soon"}}}
    for name, content, reason in [
        ("damaged.json", "{\"format\": \"atlas-practice-progress\", ", "not valid JSON"),
        ("foreign.json", json.dumps({"format": "another-tool", "cards": {}}), "not an AWS ML Atlas progress file"),
        ("older.json", json.dumps({"format": "atlas-practice-progress", "version": 0, "cards": {}}), "older format"),
        ("entry.json", json.dumps(bad_entry), "no valid due date"),
        ("huge.json", json.dumps({"format": "atlas-practice-progress", "version": 1, "cards": {}, "pad": "x" * (2 * 1024 * 1024)}), "larger than 2 MB"),
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

    # Importing over progress asks first and offers the progress as a download.
    other = next(q["id"] for q in practice_pool(bank) if q["id"] != some_id)
    theirs = {**exported, "cards": {other: exported["cards"][some_id]}}
    upload = [{"name": "theirs.json", "mimeType": "application/json", "buffer": json.dumps(theirs).encode()}]
    page.set_input_files(".atlas-practice__file", files=upload)
    ask = page.get_by_role("group", name="Replace progress?")
    assert "theirs.json holds progress on 1 question; importing it replaces your progress on 1 question" in ask.inner_text()
    with page.expect_download() as download:
        ask.get_by_role("button", name="Download my current progress").click()
    assert set(json.loads(open(download.value.path(), encoding="utf-8").read())["cards"]) == {some_id}
    ask.get_by_role("button", name="Cancel").click()
    assert stored(page) == before and page.get_by_role("group", name="Replace progress?").count() == 0
    page.set_input_files(".atlas-practice__file", files=upload)
    page.get_by_role("group", name="Replace progress?").get_by_role("button", name="Replace it").click()
    page.locator(".atlas-practice__status").filter(has_text="Imported progress on 1 question from theirs.json").wait_for()
    assert set(stored(page)["cards"]) == {other}

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


def quota_page(browser, real_url, writes: int, before: str | None = None):
    """A practice page whose localStorage refuses writes after `writes` of them, holding
    `before` (raw) as stored progress."""
    page = make_page(browser, quota=True)
    open_practice(page, f"{real_url}/practice/")
    page.evaluate("""([w, raw]) => { sessionStorage.setItem('atlas-test-writes', String(w));
        localStorage.clear(); if (raw !== null) localStorage.setItem('atlas-practice', raw) }""", [writes, before])
    page.reload()
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]")
    return page


def test_quota_exceeded_on_an_answer_tells_the_reader_and_offers_the_progress(browser, real_url, bank):
    page = quota_page(browser, real_url, writes=2)
    try:
        start_topic(page, big_topic(bank))
        ids = []
        for _ in range(3):
            ids.append(answer_by_keys(page, bank)["id"])
            page.keyboard.press("Enter")
        alert = page.get_by_role("alert")
        assert "Your answer could not be saved: the browser's storage for this site is full" in alert.inner_text()
        assert set(stored(page)["cards"]) == set(ids[:2])  # the stored copy is the last good one
        with page.expect_download() as download:
            alert.get_by_role("button", name="Download atlas-practice-progress.json").click()
        kept = json.loads(open(download.value.path(), encoding="utf-8").read())
        assert kept["format"] == "atlas-practice-progress" and set(kept["cards"]) == set(ids)  # nothing lost
        assert page.js_errors == []
    finally:
        page.context.close()


def test_quota_exceeded_on_import_changes_nothing_and_says_so(browser, real_url, bank):
    good = {"format": "atlas-practice-progress", "version": 1, "cards": {}, "attic": {}}
    page = quota_page(browser, real_url, writes=0, before=json.dumps(good))
    try:
        some = practice_pool(bank)[0]["id"]
        incoming = {**good, "cards": {some: {"due": "2026-01-01T00:00:00.000Z", "stability": 1, "difficulty": 5, "elapsed_days": 0,
                                             "scheduled_days": 0, "learning_steps": 0, "reps": 1, "lapses": 0, "state": 1}}}
        page.set_input_files(".atlas-practice__file", files=[{"name": "mine.json", "mimeType": "application/json", "buffer": json.dumps(incoming).encode()}])
        status = page.locator(".atlas-practice__status")
        status.filter(has_text="mine.json").wait_for()
        assert status.inner_text().startswith("Nothing was imported and your progress is unchanged: mine.json cannot be used because the browser's storage for this site is full")
        assert stored(page) == good
        assert "No progress yet" in page.locator(".atlas-practice__summary").inner_text()
        assert page.js_errors == []
    finally:
        page.context.close()


def test_older_progress_that_cannot_be_kept_aside_is_never_overwritten(browser, real_url, bank):
    older = json.dumps({"format": "atlas-practice-progress", "version": 0, "cards": {"q-0123456789": {"due": "2025-01-01"}}})
    page = quota_page(browser, real_url, writes=0, before=older)
    try:
        alert = page.get_by_role("alert")
        assert "could not be kept aside, because the browser's storage for this site is full" in alert.inner_text()
        start_topic(page, big_topic(bank))
        answer_by_keys(page, bank)
        assert page.evaluate("() => localStorage.getItem('atlas-practice')") == older  # the first answer did not replace it
        assert "Download it to keep it" in page.get_by_role("alert").inner_text()
        with page.expect_download() as download:
            page.get_by_role("alert").get_by_role("button", name="Download atlas-practice-unreadable.json").click()
        assert open(download.value.path(), encoding="utf-8").read() == older
        # Storage still refuses: the new answer is not saved either, and the reader is told.
        assert "Your progress could not be saved" in page.get_by_role("alert").inner_text()
        assert page.evaluate("() => localStorage.getItem('atlas-practice')") == older
        assert page.js_errors == []
    finally:
        page.context.close()


def test_axe_finds_nothing_serious_in_a_question_its_feedback_and_the_exam(offline_page, real_url, bank):
    open_practice(offline_page, f"{real_url}/practice/")
    start_topic(offline_page, big_topic(bank))
    answer_by_keys(offline_page, bank, right=False)
    offline_page.wait_for_selector(".atlas-q__feedback[data-result]")
    assert run_axe(offline_page) == []
    offline_page.locator("form[data-md-component=palette] label:visible").first.click()
    offline_page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    offline_page.mouse.move(5, 400)  # away from the toggle, whose tooltip is not ours
    offline_page.keyboard.press("Escape")
    assert run_axe(offline_page) == []
    held = []  # the questions held back: the wait is on screen
    offline_page.context.route("**/assets/practice/questions.js", lambda r: held.append(r))
    open_practice(offline_page, f"{real_url}/practice/exam/?questions=3")
    offline_page.get_by_role("button", name="Start the exam").click()
    offline_page.locator(".atlas-practice__wait").filter(has_text="Loading the questions").wait_for()
    assert run_axe(offline_page) == []
    held[0].continue_()
    offline_page.get_by_role("timer").wait_for()
    offline_page.keyboard.press("1")
    offline_page.get_by_label("Flag for review").check()
    assert run_axe(offline_page) == []
    offline_page.get_by_role("button", name="Finish the exam").click()
    assert run_axe(offline_page) == []
    offline_page.get_by_role("button", name="Yes, finish and see the result").click()
    assert run_axe(offline_page) == []


def test_practice_files_load_only_on_practice_pages_and_mount_after_following_a_link(page, real_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{real_url}/algorithms/xgboost/")
    page.wait_for_load_state("networkidle")
    practice_files = ("practice/index.js", "practice.css") + tuple(
        f"javascripts/practice/{m}" for m in ("bank.js", "store.js", "schedule.js", "draw.js", "ui.js",
                                               "practice-ui.js", "practice.js"))
    # The exam simulation's screen loads only where a simulation is on the page.
    exam_files = ("javascripts/practice/exam-ui.js", "javascripts/practice/exam-result.js", "practice/exams.js")
    assert not [u for u in requested if u.endswith(practice_files + exam_files)]
    page.evaluate("() => { window.__samePage = true; }")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Practice", exact=True).click()
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]", timeout=20000)
    # A link loads the page anew (the theme's instant navigation is off: mkdocs.yml says why).
    assert page.evaluate("() => window.__samePage") is None
    assert all(any(u.endswith(f) for u in requested) for f in practice_files)
    assert not [u for u in requested if u.endswith(exam_files)]
    # The questions themselves, and the FSRS scheduler, load only once the reader turns to the form.
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if u.endswith(("practice/questions.js", "ts-fsrs.js"))]
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector(".atlas-q fieldset")
    assert len([u for u in requested if u.endswith("practice/questions.js")]) == 1
    assert len([u for u in requested if u.endswith("ts-fsrs.js")]) == 1
    page.keyboard.press("1")
    page.keyboard.press("Enter")  # scored and scheduled
    page.wait_for_selector(".atlas-q__feedback[data-result]")
    assert len(stored(page)["cards"]) == 1
    assert page.js_errors == []


@pytest.fixture(scope="module")
def index(real_site) -> dict:
    return read_index((real_site / INDEX_PATH).read_text(encoding="utf-8"))


def requests_of(page, ending: str) -> list[str]:
    return [u for u in page.requested if u.split("?")[0].endswith(ending)]


def wait_until(page, condition, what: str) -> None:
    for _ in range(100):
        if condition():
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"waited in vain for {what}")


def test_the_simulation_loads_its_questions_only_once_the_reader_turns_to_it_and_says_so_while_it_waits(page, real_url, bank):
    page.requested = []
    page.on("request", lambda r: page.requested.append(r.url))
    exam = sat_exams(bank)[1][0]
    open_practice(page, f"{real_url}/practice/exam/?exam={exam['id']}&questions=3")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    # Drawn from the exams alone (not even practice mode's index), no question fetched yet,
    # and no progress store or schedule, which a simulation does not touch.
    assert requests_of(page, "practice/exams.js") and not requests_of(page, "practice/index.js")
    assert not requests_of(page, "practice/store.js") and not requests_of(page, "practice/schedule.js")
    assert not requests_of(page, "practice/questions.js")
    assert f"AWS: {exam['format']['questions']} questions" in page.locator(".atlas-practice__info").inner_text()
    held = []  # the bank's request, held until the test lets it through
    page.context.route("**/assets/practice/questions.js", lambda r: held.append(r))
    start = page.locator(".atlas-practice__setup button[type=submit]")  # hidden once the sitting starts
    assert start.inner_text() == "Start the exam"
    start.focus()  # the reader turns to the form: the questions start to load
    wait_until(page, lambda: held, "the bank to be asked for")
    page.keyboard.press("Enter")
    wait = page.locator(".atlas-practice__wait")
    assert wait.get_attribute("role") == "status" and wait.inner_text() == "Loading the questions…"
    assert start.get_attribute("aria-disabled") == "true" and start.is_visible()
    page.keyboard.press("Enter")  # a second press while waiting does nothing
    assert page.get_by_role("timer").count() == 0 and len(held) == 1
    held[0].continue_()
    assert page.get_by_role("timer").inner_text().startswith("Time left: ")
    assert page.get_by_role("navigation", name="Question navigator").get_by_role("button").count() == 3
    assert wait.text_content() == "" and start.get_attribute("aria-disabled") is None and not start.is_visible()
    assert page.evaluate("() => document.activeElement.closest('.atlas-q') !== null")  # focus on the first question
    assert len(requests_of(page, "practice/questions.js")) == 1
    assert page.js_errors == []


def test_when_the_questions_cannot_be_loaded_the_reader_is_told_and_can_try_again(page, real_url, bank):
    failures = []

    def flaky(route):
        if not failures:
            failures.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.context.route("**/assets/practice/questions.js", flaky)
    open_practice(page, f"{real_url}/practice/")
    page.get_by_role("button", name="Start", exact=True).click()
    wait = page.locator(".atlas-practice__wait")
    wait.filter(has_text="could not be loaded").wait_for()
    assert "Press the button to try again." in wait.inner_text()
    assert page.locator(".atlas-q").count() == 0 and page.get_by_role("button", name="Start", exact=True).get_attribute("aria-disabled") is None
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector(".atlas-q fieldset")
    assert len(failures) == 1 and wait.inner_text() == ""
    assert [e for e in page.js_errors if "ERR_FAILED" not in e] == []  # the browser logs the refused request


def test_progress_on_every_question_the_index_names_is_kept_and_shown_before_the_questions_load(page, real_url, index):
    recall = next(q for q in index["questions"] if q["style"] == "recall")
    exam_q = next(q for q in index["questions"] if q["style"] == "exam")
    card = {"due": "2020-01-01T00:00:00.000Z", "stability": 1, "difficulty": 5, "elapsed_days": 0, "scheduled_days": 0,
            "learning_steps": 0, "reps": 1, "lapses": 0, "state": 1}
    doc = {"format": "atlas-practice-progress", "version": 1, "cards": {recall["id"]: card, exam_q["id"]: dict(card, due="2020-01-02T00:00:00.000Z")},
           "attic": {}}
    page.requested = []
    page.on("request", lambda r: page.requested.append(r.url))
    open_practice(page, f"{real_url}/practice/")
    page.evaluate("raw => localStorage.setItem('atlas-practice', raw)", json.dumps(doc))
    page.reload()
    page.wait_for_selector("[data-atlas-practice][data-atlas-state=ready]")
    page.wait_for_load_state("networkidle")
    # Named from the index: a recall question (from an older practice mode) is still known.
    due = page.locator(".atlas-practice__due li")
    assert [due.nth(i).get_attribute("data-question") for i in range(due.count())] == [recall["id"], exam_q["id"]]
    assert recall["prompt"].replace("`", "")[:30] in due.first.inner_text()
    assert "kept aside" not in page.locator(".atlas-practice__progress").inner_text()
    assert not requests_of(page, "practice/questions.js")
    assert stored(page) == doc
    # Due mode asks the exam-style one (the only one a session can ask) and keeps the other.
    page.get_by_label("Questions due for review").check()
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector(".atlas-q fieldset")
    assert page.locator(".atlas-q__id").inner_text() == f"id {exam_q['id']}"
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_selector(".atlas-q__feedback[data-result]")
    after = stored(page)
    assert set(after["cards"]) == {recall["id"], exam_q["id"]} and after["cards"][recall["id"]] == card and after["attic"] == {}
    assert after["cards"][exam_q["id"]]["reps"] == 2
    assert page.js_errors == []


def test_after_a_sitting_the_link_to_practice_brings_the_scheduler(page, real_url):
    # The simulation loads the questions without the FSRS scheduler; practice mode, reached
    # by its link from there, must still get it before the first answer is scheduled.
    open_practice(page, f"{real_url}/practice/exam/?questions=1")
    page.get_by_role("button", name="Start the exam").click()
    page.get_by_role("timer").wait_for()
    assert page.evaluate("() => typeof window.FSRS") == "undefined"
    page.locator("nav.md-nav--primary").get_by_role("link", name="Practice", exact=True).click()
    page.wait_for_selector("[data-atlas-practice=practice][data-atlas-state=ready]", timeout=20000)
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector(".atlas-q fieldset")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_selector(".atlas-q__feedback[data-result]")
    assert len(stored(page)["cards"]) == 1
    assert page.js_errors == []
