"""The question bank the practice pages load (pure): questions -> two JavaScript files.

Chromium refuses fetch() of local files from file://, so each is a script that assigns a
global, like the search index (site/scripts.py writes and reads them):

- the index (`self.__atlasPracticeIndex`, INDEX_PATH), small, loaded with the practice
  page: the exams with their domains, weights and format, the topics, and per question
  of every style only what the setup and the progress need (id, style, topic, domains,
  prompt);
- the exams (`self.__atlasPracticeExams`, EXAMS_PATH), the index without its questions,
  loaded with the exam simulation, which needs nothing more before a sitting starts;
- the bank (`self.__atlasPractice`, BANK_PATH), large, loaded only when a session or a
  sitting starts (or the reader turns to the form): the exam-style questions whole (text
  only: the browser draws it with textContent, code spans as <code>), with the exams and
  topics again, so it reads on its own. Recall questions go to the flashcards and Anki
  decks, never to a practice session, so only the index names them (progress on them
  stays known and is never moved aside).

`bank_data` is the whole bank (every style), as the pages and the decks count it.
"""

from __future__ import annotations

from macros.data.catalog import Catalog
from macros.data.status import STATUS_WORDS, inactive_services
from macros.features.practice.questions import TOPICS, Question, simulated
from macros.site.routes import built_url, page_path
from macros.site.scripts import data_script, read_data_script

BANK_PATH = "assets/practice/questions.js"
INDEX_PATH = "assets/practice/index.js"
EXAMS_PATH = "assets/practice/exams.js"
FORMAT_VERSION = 2
# What the index keeps of each question.
INDEX_FIELDS = ("id", "style", "topic", "domains", "prompt")


def _page_url(page, anchor, directory_urls: bool) -> str | None:
    if page is None:
        return None
    return built_url(page_path(*page), directory_urls) + (f"#{anchor}" if anchor else "")


def question_record(q: Question, directory_urls: bool) -> dict:
    url = _page_url((q.kind, q.entity_id), q.anchor, directory_urls)
    return {
        "id": q.id,
        "style": q.style,
        "type": q.type,
        "topic": q.topic,
        "prompt": q.prompt,
        "options": list(q.options),
        "answers": list(q.answers),
        "choose": q.choose,
        "reasons": [{"text": r.text, "url": _page_url(r.page, r.anchor, directory_urls), "source": r.source} for r in q.reasons],
        "explanation": q.explanation,
        "domains": list(q.domains),
        "url": url,
        "source": {"title": q.source_title, "url": q.source_url},
        "file": q.data_file,
    }


def exam_records(catalog: Catalog, directory_urls: bool) -> list[dict]:
    out = []
    for exam_id, exam in catalog.of_kind("exams"):
        record = {
            "id": exam_id,
            "code": exam.code,
            "name": exam.name,
            "status": exam.status,
            "simulate": simulated(exam),
            "url": built_url(page_path("exams", exam_id), directory_urls),
            "domains": [{"number": d.number, "name": d.name, "weight": d.weight} for d in exam.domains],
        }
        record["format"] = None
        if exam.format is not None:
            f = exam.format
            record["format"] = {"questions": f.questions, "scored": f.scored, "minutes": f.minutes,
                                "passing_score": f.passing_score, "question_types": list(f.question_types),
                                "source": f.source, "confirmed": f.read is not None}
        out.append(record)
    return out


def bank_data(catalog: Catalog, questions: list[Question], directory_urls: bool) -> dict:
    records = [question_record(q, directory_urls) for q in questions]
    for record in records:
        record["options"] = [with_status(catalog, text) for text in record["options"]]
    return {
        "version": FORMAT_VERSION,
        "topics": [{"id": t, "name": name} for t, name in TOPICS.items() if any(q.topic == t for q in questions)],
        "exams": exam_records(catalog, directory_urls),
        "questions": records,
    }


def with_status(catalog: Catalog, text: str) -> str:
    """An option that names a closed, retired or maintenance-mode service says so, from the
    service's own data (macros/data/status.py)."""

    if STATUS_WORDS.search(text):
        return text
    for item in inactive_services(catalog):
        if item.pattern.search(text):
            return f"{text} ({item.label})"
    return text


def browser_bank(bank: dict) -> dict:
    """The bank the browser asks from: the exam-style questions only (a v1 bank's are all)."""
    return {**bank, "questions": [q for q in bank["questions"] if q.get("style", "exam") == "exam"]}


def index_data(bank: dict) -> dict:
    """The index of a whole bank: its exams and topics, and of every question only INDEX_FIELDS."""
    return {
        "version": bank.get("version", 1),
        "topics": bank.get("topics", []),
        "exams": bank["exams"],
        "questions": [{k: q.get(k, "exam" if k == "style" else None) for k in INDEX_FIELDS} for q in bank["questions"]],
    }


def exams_data(bank: dict) -> dict:
    """The index without questions: what the exam simulation shows before a sitting."""
    return index_data({**bank, "questions": []})


def bank_script(data: dict) -> str:
    return data_script("__atlasPractice", data)


def exams_script(data: dict) -> str:
    return data_script("__atlasPracticeExams", data)


def index_script(data: dict) -> str:
    return data_script("__atlasPracticeIndex", data)


def read_bank(script: str) -> dict:
    """The data back from a bank script (tests and the benchmark use it)."""
    return read_data_script(script, "__atlasPractice")


def read_index(script: str) -> dict:
    """The data back from an index script."""
    return read_data_script(script, "__atlasPracticeIndex")


def read_exams(script: str) -> dict:
    """The data back from an exams script."""
    return read_data_script(script, "__atlasPracticeExams")
