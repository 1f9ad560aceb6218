"""Anki decks (.apkg) of the practice questions, per topic and per exam, built with genanki.

Each note's guid is derived from the question id (`genanki.guid_for`), so importing a
newer deck updates the notes a reader already has instead of adding copies; the note
type and deck ids are fixed numbers for the same reason. The timestamp written into the
collection is the newest date in the data (a `checked`, `read` or `changes` date), and
the zip entries carry a fixed date: the same data gives the same bytes, and re-checked
data gives a newer deck.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import os
import re
import tempfile
import zipfile

from macros.data.catalog import Catalog
from macros.features.practice.questions import TOPICS, Question

DECK_ROOT = "AWS ML Atlas"
MODEL_ID = 1_718_230_601
"""The note type's id; never change it, or re-imports make a second note type."""

_CODE = re.compile(r"`([^`]+)`")


def _html(text: str) -> str:
    """Question text as Anki field HTML: escaped, code spans as <code>."""
    out, pos = [], 0
    for m in _CODE.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        out.append(f"<code>{html.escape(m.group(1))}</code>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _model():
    import genanki

    return genanki.Model(
        MODEL_ID,
        "AWS ML Atlas question",
        fields=[{"name": "Question"}, {"name": "Options"}, {"name": "Answer"}, {"name": "Explanation"},
                {"name": "Links"}, {"name": "Id"}],
        templates=[{
            "name": "Multiple choice",
            "qfmt": "{{Question}}<ol type=\"A\">{{Options}}</ol><div class=\"atlas-id\">{{Id}}</div>",
            "afmt": "{{FrontSide}}<hr id=\"answer\"><p><b>{{Answer}}</b></p><p>{{Explanation}}</p><p>{{Links}}</p>",
        }],
        css=".card{font-family:sans-serif;font-size:18px;text-align:left}.atlas-id{color:#888;font-size:12px}",
    )


def deck_id(name: str) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)


def note_fields(q: Question, site_url: str, url: str) -> list[str]:
    letters = ", ".join("ABCDE"[i] for i in q.answers)
    keys = " · ".join(_html(q.options[i]) for i in q.answers)
    page = site_url.rstrip("/") + "/" + url
    links = (f'<a href="{html.escape(page)}">Page on AWS ML Atlas</a> · '
             f'<a href="{html.escape(q.source_url)}">{html.escape(q.source_title)}</a>')
    return [
        _html(q.prompt),
        "".join(f"<li>{_html(o)}</li>" for o in q.options),
        f"{letters}. {keys}",
        _html(q.explanation) + "".join(f"<br>{'ABCDE'[i]}. {_html(r.text)}" for i, r in enumerate(q.reasons)
                                       if q.style == "exam"),
        links,
        html.escape(q.id),
    ]


def _tags(q: Question) -> list[str]:
    return [f"topic::{q.topic}", f"type::{q.type}", f"style::{q.style}"] + [f"exam::{d.replace('/', '::domain-')}" for d in q.domains]


def newest_date(catalog: Catalog) -> dt.date:
    dates = []
    for kind in catalog.entities:
        for e in catalog.entities[kind].values():
            dates.append(e.checked)
            dates += [c.date for c in e.changes]
            dates += [limit.read for limit in getattr(e, "limits", [])]
    return max(dates) if dates else dt.date(2026, 1, 1)


def build_apkg(deck_name: str, questions: list[Question], urls: dict[str, str], site_url: str, timestamp: float) -> bytes:
    import genanki

    model = _model()
    deck = genanki.Deck(deck_id(deck_name), deck_name)
    for q in questions:
        deck.add_note(genanki.Note(model=model, fields=note_fields(q, site_url, urls[q.id]),
                                   tags=_tags(q), guid=genanki.guid_for(q.id)))
    fd, path = tempfile.mkstemp(suffix=".apkg")
    os.close(fd)
    try:
        genanki.Package(deck).write_to_file(path, timestamp=timestamp)
        with zipfile.ZipFile(path) as src:
            entries = [(info.filename, src.read(info)) for info in src.infolist()]
    finally:
        os.unlink(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            dst.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def deck_files(catalog: Catalog, questions: list[Question]) -> dict[str, tuple[str, list[Question]]]:
    """Site path -> (deck name, its questions): one per topic, one per exam."""
    decks: dict[str, tuple[str, list[Question]]] = {}
    for topic, title in TOPICS.items():
        chosen = [q for q in questions if q.topic == topic]
        if chosen:
            decks[f"downloads/anki/atlas-{topic}.apkg"] = (f"{DECK_ROOT}::{title}", chosen)
    for exam_id, exam in catalog.of_kind("exams"):
        chosen = [q for q in questions if any(d.startswith(exam_id + "/") for d in q.domains)]
        if chosen:
            decks[f"downloads/anki/atlas-{exam_id}.apkg"] = (f"{DECK_ROOT}::{exam.code}", chosen)
    return decks


def anki_files(catalog: Catalog, questions: list[Question], urls: dict[str, str], site_url: str) -> dict[str, bytes]:
    newest = newest_date(catalog)
    timestamp = dt.datetime(newest.year, newest.month, newest.day, 12, tzinfo=dt.timezone.utc).timestamp()
    return {path: build_apkg(name, chosen, urls, site_url, timestamp)
            for path, (name, chosen) in deck_files(catalog, questions).items()}
