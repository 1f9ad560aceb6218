"""The question bank the practice pages load (pure): questions -> one JavaScript file.

Chromium refuses fetch() of local files from file://, so the bank is a script that
assigns a global (`self.__atlasPractice`), like the search index. It holds the
questions (text only: the browser draws it with textContent, code spans as <code>),
the exams with their domains, weights and format, and the topics.
"""

from __future__ import annotations

from macros.data.catalog import Catalog
from macros.data.status import STATUS_WORDS, inactive_services
from macros.features.practice.questions import TOPICS, Question, simulated
from macros.site.routes import built_url, page_path
from macros.site.scripts import data_script, read_data_script

BANK_PATH = "assets/practice/questions.js"
FORMAT_VERSION = 2


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


def bank_script(data: dict) -> str:
    return data_script("__atlasPractice", data)


def read_bank(script: str) -> dict:
    """The data back from a bank script (tests and the benchmark use it)."""
    return read_data_script(script, "__atlasPractice")
