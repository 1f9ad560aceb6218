"""What practice hands on (macros/features/practice): the bank, index and exams written for
the browser (format 2, round trip, a script it cannot close), the Anki decks as Anki opens
them, and one problem line per mistake in an authored item. The questions themselves are
judged in test_practice.py."""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
import zipfile

import pytest
from conftest import ROOT, real_data

from macros.data.practice_items import check_practice, load_practice
from macros.features.practice.anki import anki_files, deck_files
from macros.features.practice.bank import (
    INDEX_FIELDS,
    bank_data,
    bank_script,
    browser_bank,
    exams_data,
    exams_script,
    index_data,
    index_script,
    question_record,
    read_bank,
    read_exams,
    read_index,
)

CATALOG, _ = real_data()
CURRENT = ("mla-c02", "aif-c01", "aip-c01", "dea-c01")


@pytest.mark.parametrize("change, expected", [
    ("right: true, reason: \"Guardrails evaluate", "expected 1 right option (choose: 1); got 0"),
    ("cites: services/cloudtrail}", "no page 'services/cloudtrai'"),
    ("fact: {limit: Price versus on-demand, value: 50}", "the data gives 50"),
])
def test_authored_item_problems_are_one_line(tmp_path, change, expected):
    # The practice items are loaded and checked against the real catalogue exactly as
    # load_catalog does it (load_practice, then check_practice), without reloading the rest.
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "practice", data / "practice")
    f = data / "practice" / "generative-ai.yml"
    text = f.read_text()
    assert change in text
    replacement = {
        0: change.replace("right: true, ", ""),
        1: "cites: services/cloudtrai}",
        2: "fact: {limit: Price versus on-demand, value: 40}",
    }[["right: true, reason: \"Guardrails evaluate", "cites: services/cloudtrail}",
       "fact: {limit: Price versus on-demand, value: 50}"].index(change)]
    f.write_text(text.replace(change, replacement, 1))
    topics, files, problems = load_practice(data, tmp_path)
    problems += check_practice(CATALOG, topics, files)
    assert problems
    lines = [p.text() for p in problems]
    assert any(line.startswith("data/practice/generative-ai.yml: practice topic 'generative-ai': items[") and expected in line
               for line in lines), lines


def test_bank_format_2_round_trips_and_cannot_close_its_script(questions):
    data = bank_data(CATALOG, questions, directory_urls=True)
    assert data["version"] == 2
    script = bank_script(data)
    assert "</" not in script and "\u2028" not in script
    back = read_bank(script)
    assert back == data and len(back["questions"]) == len(questions)
    record = next(r for r in back["questions"] if r["style"] == "exam" and r["choose"] == 2)
    assert set(record) == {"id", "style", "type", "topic", "prompt", "options", "answers", "choose", "reasons",
                           "explanation", "domains", "url", "source", "file"}
    assert len(record["answers"]) == 2 and len(record["reasons"]) == len(record["options"])
    assert all(set(r) == {"text", "url", "source"} for r in record["reasons"])
    exams = {e["id"]: e for e in back["exams"]}
    assert exams["mla-c01"]["simulate"] is False and exams["mls-c01"]["simulate"] is False
    assert all(exams[e]["simulate"] is True for e in CURRENT)
    mla = exams["mla-c01"]
    assert mla["format"]["questions"] == 65 and mla["format"]["minutes"] == 130 and mla["format"]["confirmed"] is False
    offline = bank_data(CATALOG, questions[:5], directory_urls=False)
    assert all(".html" in q["url"] for q in offline["questions"])


def test_the_browser_gets_an_index_of_every_question_and_the_exam_style_ones_whole(questions, exam_questions):
    data = bank_data(CATALOG, questions, directory_urls=True)
    index = read_index(index_script(index_data(data)))
    assert "</" not in index_script(index_data(data))
    assert index["exams"] == data["exams"] and index["topics"] == data["topics"] and index["version"] == data["version"]
    # Every question of every style, so that progress on any of them stays known ...
    assert [q["id"] for q in index["questions"]] == [q["id"] for q in data["questions"]]
    assert {q["style"] for q in index["questions"]} == {"exam", "recall"}
    assert all(set(q) == set(INDEX_FIELDS) for q in index["questions"])
    assert all(q == {k: full[k] for k in INDEX_FIELDS} for q, full in zip(index["questions"], data["questions"]))
    # ... and the bank the sessions ask from holds the exam-style ones whole, nothing else.
    bank = read_bank(bank_script(browser_bank(data)))
    assert bank["questions"] == [q for q in data["questions"] if q["style"] == "exam"] and len(bank["questions"]) == len(exam_questions)
    assert bank["exams"] == data["exams"]
    # The index is a fraction of the bank: it is what a practice page loads before anyone starts.
    assert len(index_script(index_data(data))) < len(bank_script(browser_bank(data))) / 1.5
    # The simulation's first load: the exams and topics, no question.
    exams = read_exams(exams_script(exams_data(data)))
    assert exams == {**index, "questions": []}
    # A v1 bank (no style): every question is exam-style, in the index too.
    v1 = {"version": 1, "topics": [], "exams": [], "questions": [{"id": "q-1", "topic": "t", "prompt": "p", "domains": [], "answer": 0}]}
    assert index_data(v1)["questions"] == [{"id": "q-1", "style": "exam", "topic": "t", "domains": [], "prompt": "p"}]
    assert browser_bank(v1)["questions"] == v1["questions"]


def _collection(apkg: bytes) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(apkg)) as z:
        assert "collection.anki2" in z.namelist()
        data = z.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    return conn


def test_anki_decks_open_as_collections_with_the_expected_notes_and_stable_guids(questions):
    import genanki

    urls = {q.id: question_record(q, True)["url"] for q in questions}
    files = anki_files(CATALOG, questions, urls, "https://example.org/atlas/")
    decks = deck_files(CATALOG, questions)
    assert set(files) == set(decks) and "downloads/anki/atlas-mla-c02.apkg" in files
    for path in ("downloads/anki/atlas-mla-c02.apkg", "downloads/anki/atlas-metrics.apkg"):
        name, chosen = decks[path]
        conn = _collection(files[path])
        notes = dict(conn.execute("select guid, flds from notes").fetchall())
        assert set(notes) == {genanki.guid_for(q.id) for q in chosen}
        q = chosen[0]
        fields = notes[genanki.guid_for(q.id)].split("\x1f")
        assert fields[5] == q.id and "https://example.org/atlas/" in fields[4]
        assert "<" not in re.sub(r"</?(code|li|b|a)\b[^>]*>", "", fields[0] + fields[1])  # text is escaped
        decks_json = conn.execute("select decks from col").fetchone()[0]
        assert name in decks_json
        assert conn.execute("select count(*) from cards").fetchone()[0] == len(chosen)
    again = anki_files(CATALOG, questions, urls, "https://example.org/atlas/")
    assert again == files  # the same data gives the same bytes
