"""The question bank the practice pages load (pure): questions -> one JavaScript file.

Chromium refuses fetch() of local files from file://, so the bank is a script that
assigns a global (`self.__atlasPractice`), like the search index. It holds the
questions (text only: the browser draws it with textContent, code spans as <code>),
the exams with their domains, weights and format, and the topics.
"""

from __future__ import annotations

import json

from ..catalog import Catalog
from ..render import built_url, page_path
from .questions import TOPICS, Question

BANK_PATH = "assets/practice/questions.js"
FORMAT_VERSION = 1


def question_record(q: Question, directory_urls: bool) -> dict:
    url = built_url(page_path(q.kind, q.entity_id), directory_urls) + (f"#{q.anchor}" if q.anchor else "")
    return {
        "id": q.id,
        "type": q.type,
        "scenario": q.scenario,
        "topic": q.topic,
        "prompt": q.prompt,
        "options": list(q.options),
        "answer": q.answer,
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
            "url": built_url(page_path("exams", exam_id), directory_urls),
            "domains": [{"number": d.number, "name": d.name, "weight": d.weight} for d in exam.domains],
        }
        if exam.format is not None:
            record["format"] = {"questions": exam.format.questions, "minutes": exam.format.minutes,
                                "source": exam.format.source}
        out.append(record)
    return out


def bank_data(catalog: Catalog, questions: list[Question], directory_urls: bool) -> dict:
    return {
        "version": FORMAT_VERSION,
        "topics": [{"id": t, "name": name} for t, name in TOPICS.items() if any(q.topic == t for q in questions)],
        "exams": exam_records(catalog, directory_urls),
        "questions": [question_record(q, directory_urls) for q in questions],
    }


def bank_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    # JSON inside a JS string literal: "</script>" and U+2028/9 cannot end or break it.
    literal = json.dumps(text, ensure_ascii=True).replace("</", "<\\/")
    return f"self.__atlasPractice=JSON.parse({literal});\n"


def read_bank(script: str) -> dict:
    """The data back from a bank script (tests and the benchmark use it)."""
    prefix, suffix = "self.__atlasPractice=JSON.parse(", ");\n"
    if not (script.startswith(prefix) and script.endswith(suffix)):
        raise ValueError("not a practice bank script")
    return json.loads(json.loads(script[len(prefix):-len(suffix)]))
