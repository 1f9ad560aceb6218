"""The practice pages and every file they need (pure): Markdown, the bank, the decks.

`practice/index.md` is practice mode (by exam domain, topic or what is due for review);
`practice/exam.md` is the timed exam simulation. Both are a short Markdown page with one
element that the practice script fills (`data-atlas-practice`); docs/assets/javascripts/
atlas.js loads the script, the bank and the scheduler only on pages that have it.
"""

from __future__ import annotations

import html
from collections import Counter

from ..catalog import Catalog
from ..render import built_link, front_matter, rel
from .anki import anki_files, deck_files
from .bank import BANK_PATH, bank_data, bank_script, question_record
from .questions import Question, all_questions, scenario_counts

PRACTICE_PAGE = "practice/index.md"
EXAM_PAGE = "practice/exam.md"


def _root(src: str, directory_urls: bool) -> str:
    """The site root relative to a page, as raw HTML needs it (always ending in '/')."""
    link = built_link("index.md", src, directory_urls)
    if link.endswith("index.html"):
        link = link[: -len("index.html")]
    if link in ("", "."):
        return "./"
    return link if link.endswith("/") else link + "/"


def _app(src: str, mode: str, directory_urls: bool, issues_url: str) -> str:
    attrs = {
        "class": "atlas-practice",
        "data-atlas-practice": mode,
        "data-root": _root(src, directory_urls),
        "data-issues": issues_url,
    }
    attr_text = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
    selftest = built_link("self-test/index.md", src, directory_urls)
    return (
        f"<div {attr_text}>\n"
        f'<p class="atlas-practice__loading">The practice questions need JavaScript. Without it, the '
        f'<a href="{html.escape(selftest)}">self-test cards</a> show the same facts as questions and answers.</p>\n'
        "</div>\n"
    )


def practice_page(catalog: Catalog, questions: list[Question], directory_urls: bool, issues_url: str) -> str:
    counts = Counter(q.type for q in questions)
    scenario = sum(1 for q in questions if q.scenario)
    meta = {"title": "Practice", "render_macros": False,
            "description": "Exam-style questions generated from the data: practise by exam domain or topic, with spaced repetition in your browser, and Anki decks.",
            "aliases": ["practice questions", "quiz"],
            "tasks": ["answer exam-style practice questions and get scored", "spaced repetition of missed questions",
                      "download Anki decks of the questions"]}
    decks = deck_files(catalog, questions)
    rows = []
    for path, (name, chosen) in decks.items():
        label = html.escape(name.split("::", 1)[1])
        rows.append(f"| [{label}]({rel(path, PRACTICE_PAGE)}) | {len(chosen):,} |")
    body = f"""# Practice

{len(questions):,} multiple-choice questions generated from the data, {scenario:,} of them scenarios
("a team needs X: which service or algorithm?"). Each has exactly one right answer by the
data, an explanation, and links to the page and the AWS page that prove it. Pick an exam
domain, a topic or the questions due for review; answer with the mouse or with the keys
1–4 and Enter.

Your progress stays in this browser only (no account, nothing is sent anywhere). It is
scheduled with FSRS, a published spaced-repetition algorithm, so a question you missed
comes back soon and one you know comes back later. Export it to a file to keep it or move
it to another browser. For a timed mock exam, use the [exam simulation]({rel(EXAM_PAGE, PRACTICE_PAGE)}).

{_app(PRACTICE_PAGE, "practice", directory_urls, issues_url)}
## Anki decks

The same questions as Anki decks. Each card keeps its question id, so importing a newer
deck updates the cards you have instead of adding copies. The
[flashcard CSV]({rel("downloads/atlas-flashcards.csv", PRACTICE_PAGE)}) of the self-test cards is still there.

| Deck | Questions |
|---|---:|
{chr(10).join(rows)}

## How the questions are made

| Kind | Questions | Right answer by the data |
|---|---:|---|
| Which service, algorithm or concept fits a need | {counts["task"]:,} | The need is in the answer's "Questions this page answers" and in no option's |
| Which choice instead of one that does not fit | {counts["not-for"]:,} | The page's "not for" entry names exactly that one |
| Which algorithm fits a problem and a constraint | {counts["algo-fit"]:,} | The only option with that problem type and that content type, hardware or input mode |
| Training content types | {counts["content-type"]:,} | The algorithm's training channels accept it, and none of the others |
| Required hyperparameters | {counts["required-hp"]:,} | Required; the other options are optional |
| Tuning metric direction | {counts["metric-direction"]:,} | The metric's documented direction |
| Defaults of exam-relevant hyperparameters | {counts["default"]:,} | The documented default (only required ones and those marked `exam_relevant` in the data) |
| Limits and numbers | {counts["limit"]:,} | The limit's value; the others are values of other limits in the same unit |

Every question shows its id and a link to report a problem with it.
"""
    return front_matter(meta) + body


def exam_page(catalog: Catalog, questions: list[Question], directory_urls: bool, issues_url: str) -> str:
    meta = {"title": "Exam simulation", "render_macros": False,
            "description": "A timed mock exam per AWS certification with the exam's question count, time and domain weights, scored per domain.",
            "aliases": ["mock exam", "practice exam"],
            "tasks": ["take a timed mock exam with a score per domain"]}
    rows = []
    counts = scenario_counts(catalog, questions)
    for exam_id, exam in catalog.of_kind("exams"):
        if exam.format is None:
            continue
        weights = ", ".join(f"{d.number}: {d.weight}%" for d in exam.domains)
        pool = sum(1 for q in questions if any(d.startswith(exam_id + "/") for d in q.domains))
        rows.append(f"| [{html.escape(exam.code)}]({rel(f'exams/{exam_id}.md', EXAM_PAGE)}) | {exam.format.questions} | {exam.format.minutes} min | {weights} | {pool:,} |")
    body = f"""# Exam simulation

A timed set mixed by the exam's domain weights, with the exam's number of questions and
time. Move freely between questions with the navigator, flag any for review, and finish
when you like: the score comes per domain, followed by a review of every answer. A
simulation does not change your practice progress. Add `?count=10` to the address for a
shorter set (the time shrinks in proportion).

| Exam | Questions | Time | Domain weights | Questions to draw from |
|---|---:|---:|---|---:|
{chr(10).join(rows)}

The real exams also have multiple-response, ordering and matching questions, and 15 of
their questions are unscored; this simulation has single-answer questions only, all scored.

{_app(EXAM_PAGE, "exam", directory_urls, issues_url)}"""
    return front_matter(meta) + body


def practice_files(catalog: Catalog, directory_urls: bool, site_url: str, issues_url: str) -> dict[str, str | bytes]:
    """Every file of the practice feature: the two pages, the bank and the decks."""
    questions = all_questions(catalog)
    records = {q.id: question_record(q, True) for q in questions}
    files: dict[str, str | bytes] = {
        PRACTICE_PAGE: practice_page(catalog, questions, directory_urls, issues_url),
        EXAM_PAGE: exam_page(catalog, questions, directory_urls, issues_url),
        BANK_PATH: bank_script(bank_data(catalog, questions, directory_urls)),
    }
    files.update(anki_files(catalog, questions, {i: r["url"] for i, r in records.items()}, site_url))
    return files


def practice_nav() -> list:
    return [PRACTICE_PAGE, {"Exam simulation": EXAM_PAGE}]
