"""The practice pages and every file they need (pure): Markdown, the bank, the decks.

`practice/index.md` is practice mode (by exam domain, topic or what is due for review);
`practice/exam.md` is the timed exam simulation. Both are a short Markdown page with one
element that the practice script fills (`data-atlas-practice`); docs/assets/javascripts/
atlas.js loads the script, the bank's index (the simulation: its exams) and the scheduler
only on pages that have it, and the bank itself only once a session or a sitting is about
to start (bank.py).
"""

from __future__ import annotations

import html
from collections import Counter

from macros.data.catalog import Catalog
from macros.features.practice.anki import anki_files, deck_files
from macros.features.practice.bank import (
    BANK_PATH,
    EXAMS_PATH,
    INDEX_PATH,
    bank_data,
    bank_script,
    browser_bank,
    exams_data,
    exams_script,
    index_data,
    index_script,
    question_record,
)
from macros.features.practice.questions import Question, all_questions
from macros.site.markup import front_matter
from macros.site.routes import built_link, rel

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
        "data-practice": built_link(PRACTICE_PAGE, src, directory_urls),
    }
    attr_text = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
    # A Markdown link (md_in_html): MkDocs and Zensical both rewrite it for the built page;
    # an address in raw HTML would be left alone by one and rewritten by the other.
    return (
        f"<div {attr_text} markdown>\n"
        f'<p class="atlas-practice__loading" markdown="span">The practice questions need JavaScript. Without it, the '
        f'[self-test cards]({rel("self-test/index.md", src)}) show the same facts as questions and answers.</p>\n'
        "</div>\n"
    )


# What each kind of question rests on (bank `type`); a kind not listed here is shown by name.
KINDS = {
    "task": ("Which service, algorithm or concept fits a need",
             "The need is in the answer's \"Questions this page answers\" and in no option's"),
    "not-for": ("Which choice instead of one that does not fit", "The page's \"not for\" entry names exactly that one"),
    "algo-fit": ("Which algorithm fits a problem and a constraint",
                 "The only option with that problem type and that content type, hardware or input mode"),
    "content-type": ("Training content types", "The algorithm's training channels accept it, and none of the others"),
    "required-hp": ("Required hyperparameters", "Required; the other options are optional"),
    "metric-direction": ("Tuning metric direction", "The metric's documented direction"),
    "default": ("Defaults of exam-relevant hyperparameters",
                "The documented default (only required ones and those marked `exam_relevant` in the data)"),
    "limit": ("Limits and numbers", "The limit's value; the others are values of other limits in the same unit"),
    "composed": ("Situations of two or three needs (the choosers' questions)",
                 "Exactly one candidate meets every need by the data; each other option misses one, which its reason names"),
    "authored": ("Written situations (multi-step MLOps, security, cost and generative-AI design)",
                 "Each option's reason cites the page, and where it rests on a number or a capability, the fact in our data"),
}


def _practice_questions(bank: dict) -> list[dict]:
    """The bank's exam-style questions (v2 `style`; every v1 question is one)."""
    return [q for q in bank["questions"] if q.get("style", "exam") == "exam"]


def _multi(q: dict) -> bool:
    return len(q.get("answers", [q.get("answer")])) > 1


def simulated_exams(bank: dict) -> list[dict]:
    """The bank's exams in the shape of bank format 2, whatever the bank's version: a v1
    record has no `simulate` (then every exam that is not retired is simulated) and no
    `confirmed` (then its figures count as unconfirmed), as the browser reads it too (the
    page and the simulation show the same figures, all from the bank). A simulated exam
    without a format is listed but cannot be sat until the data has AWS's figures."""
    out = []
    for record in bank["exams"]:
        fmt = record.get("format")
        simulate = record.get("simulate", record["status"] != "retired")
        out.append({**record, "simulate": bool(simulate), "format": None if fmt is None else {
            "questions": fmt["questions"], "minutes": fmt["minutes"], "source": fmt["source"],
            "scored": fmt.get("scored"),
            "passing_score": fmt.get("passing_score"),
            "question_types": fmt.get("question_types", []),
            "confirmed": bool(fmt.get("confirmed", False)),
        }})
    return out


def practice_page(catalog: Catalog, questions: list[Question], bank: dict, directory_urls: bool, issues_url: str) -> str:
    pool = _practice_questions(bank)
    counts = Counter(q["type"] for q in pool)
    multi = sum(1 for q in pool if _multi(q))
    recall = len(bank["questions"]) - len(pool)
    reasons = pool and all(q.get("reasons") for q in pool)
    # practice: overrides/main.html links practice.css in the head, so the page is styled
    # once instead of restyled when the script would add the sheet.
    meta = {"title": "Practice", "render_macros": False, "practice": True,
            "description": "Exam-style questions generated from the data: practise by exam domain or topic, with spaced repetition in your browser, and Anki decks.",
            "aliases": ["practice questions", "quiz"],
            "tasks": ["answer exam-style practice questions and get scored", "spaced repetition of missed questions",
                      "download Anki decks of the questions"]}
    decks = deck_files(catalog, questions)
    rows = []
    for path, (name, chosen) in decks.items():
        label = html.escape(name.split("::", 1)[1])
        rows.append(f"| [{label}]({rel(path, PRACTICE_PAGE)}) | {len(chosen):,} |")
    kinds = []
    for kind, n in sorted(counts.items(), key=lambda kv: (kind_order(kv[0]), kv[0])):
        title, basis = KINDS.get(kind, (kind, "See the question's explanation and sources"))
        kinds.append(f"| {title} | {n:,} | {basis} |")
    multi_text = f" {multi:,} of them {'asks' if multi == 1 else 'ask'} for more than one answer (\"Choose two.\")." if multi else ""
    recall_text = f" {recall:,} recall questions go to the flashcards and Anki decks instead." if recall else ""
    body = f"""# Practice

{len(pool):,} exam-style questions generated from the data.{multi_text}{recall_text} Each
has its right answers by the data, an explanation, and links to the page and the AWS page
that prove it{"; after you answer, every option says why it fits or what rules it out" if reasons else ""}. Pick
your exam, then one of its domains, a topic or the questions due for review; answer with
the mouse or with the keys 1–4 (space toggles a choice where there are several) and Enter.

Your progress stays in this browser only (no account, nothing is sent anywhere). It is
scheduled with FSRS, a published spaced-repetition algorithm, so a question you missed
comes back soon and one you know comes back later. Export it to a file to keep it or move
it to another browser; if the browser ever refuses to store it, the page says so and
offers it as a download. For a timed mock exam, use the [exam simulation]({rel(EXAM_PAGE, PRACTICE_PAGE)}).

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
{chr(10).join(kinds)}

Every question shows its id and a link to report a problem with it.
"""
    return front_matter(meta) + body


def kind_order(kind: str) -> int:
    return list(KINDS).index(kind) if kind in KINDS else len(KINDS)


def exam_page(bank: dict, directory_urls: bool, issues_url: str) -> str:
    meta = {"title": "Exam simulation", "render_macros": False, "practice": True,
            "description": "A timed mock exam per current AWS certification with the exam's question count, time, pass mark and domain weights, scored per domain.",
            "aliases": ["mock exam", "practice exam"],
            "tasks": ["take a timed mock exam with a score per domain"]}
    pool = _practice_questions(bank)
    exams = simulated_exams(bank)
    rows = []
    for exam in exams:
        if not exam["simulate"]:
            continue
        fmt = exam["format"]
        weights = ", ".join(f"{d['number']}: {d['weight']}%" for d in exam["domains"])
        mine = [q for q in pool if any(d.startswith(exam["id"] + "/") for d in q["domains"])]
        multi = sum(1 for q in mine if _multi(q))
        page = rel(f"exams/{exam['id']}.md", EXAM_PAGE)
        if fmt is None:
            rows.append(f"| [{html.escape(exam['code'])}]({page}) | not in our data yet: no timed sitting | | | | {weights} | {len(mine):,} |")
            continue
        scored = f" ({fmt['scored']} scored)" if fmt.get("scored") else ""
        passing = f"{fmt['passing_score']:,}" if fmt["passing_score"] else "not in our data"
        figures = f"[AWS]({fmt['source']})" + ("" if fmt["confirmed"] else " (unconfirmed)")
        rows.append(f"| [{html.escape(exam['code'])}]({page}) | {fmt['questions']}{scored} | "
                    f"{fmt['minutes']} min | {passing} | {figures} | {weights} | {len(mine):,}{f' ({multi:,} multiple-response)' if multi else ''} |")
    retired = [e for e in exams if not e["simulate"] and e["status"] == "retired"]
    retired_text = ""
    if retired:
        names = ", ".join(f"[{html.escape(e['code'])}]({rel('exams/' + e['id'] + '.md', EXAM_PAGE)})" for e in retired)
        retired_text = f"\nRetired exams ({names}) have no simulation; their questions stay in practice mode.\n"
    unconfirmed = any(e["simulate"] and e["format"] and not e["format"]["confirmed"] for e in exams)
    unconfirmed_text = ("\nFigures marked *unconfirmed* rest on study guides that quote AWS's exam page, not on the page "
                        "itself; the simulation says so too.\n") if unconfirmed else ""
    body = f"""# Exam simulation

A timed sitting of a current exam with AWS's number of questions and time, its questions
mixed by the exam's domain weights. Multiple-response questions ("Choose two.") come up
where the bank has them for the exam. Move freely between questions with the navigator,
flag any for review, and finish when you like (the page asks first): the result shows the
percentage right beside AWS's pass mark, a score per domain and the questions you missed
with links to their pages, then a review of every answer. AWS reports a scaled score
(100–1,000) by a method it does not publish, so the simulation cannot give one.

A simulation does not change your practice progress. For a shorter sitting add
`?questions=10` to the address (the time shrinks in proportion); `?exam=aif-c01` picks
the exam.

| Exam | Questions | Time | Pass mark (scaled) | Figures | Domain weights | Questions to draw from |
|---|---:|---:|---:|---|---|---:|
{chr(10).join(rows)}
{unconfirmed_text}{retired_text}
The real exams also have ordering and matching questions and unscored questions that do
not count; this simulation has single- and multiple-response questions, all counted.

{_app(EXAM_PAGE, "exam", directory_urls, issues_url)}"""
    return front_matter(meta) + body


def practice_files(catalog: Catalog, directory_urls: bool, site_url: str, issues_url: str) -> dict[str, str | bytes]:
    """Every file of the practice feature: the two pages, the bank's index, its exams and
    its exam-style questions, and the decks."""
    questions = all_questions(catalog)
    records = {q.id: question_record(q, True) for q in questions}
    bank = bank_data(catalog, questions, directory_urls)
    files: dict[str, str | bytes] = {
        PRACTICE_PAGE: practice_page(catalog, questions, bank, directory_urls, issues_url),
        EXAM_PAGE: exam_page(bank, directory_urls, issues_url),
        INDEX_PATH: index_script(index_data(bank)),
        EXAMS_PATH: exams_script(exams_data(bank)),
        BANK_PATH: bank_script(browser_bank(bank)),
    }
    files.update(anki_files(catalog, questions, {i: r["url"] for i, r in records.items()}, site_url))
    return files


def practice_nav() -> list:
    return [PRACTICE_PAGE, {"Exam simulation": EXAM_PAGE}]
