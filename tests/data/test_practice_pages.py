"""The practice and exam-simulation pages as Markdown (pure): made from the bank, in
format version 2 or, until every build writes it, version 1; current exams are simulated
with AWS's figures, pass mark and source, unconfirmed figures say so, retired exams are
named as left out; practice counts exam-style questions only."""

from __future__ import annotations

import copy

import pytest
from conftest import real_data

from macros.features.practice.bank import bank_data
from macros.features.practice.pages import EXAM_PAGE, exam_page, practice_page, simulated_exams

CATALOG, _ = real_data()


@pytest.fixture(scope="module")
def bank(questions) -> dict:
    """The real bank, of whichever version this build writes."""
    return bank_data(CATALOG, questions, True)


def as_v2(bank: dict) -> dict:
    """The real bank in v2's shape (a v1 one reshaped), every exam but the retired ones
    simulated with set figures, every tenth question a recall one, one multiple-response."""
    v2 = copy.deepcopy(bank)
    v2["version"] = 2
    for e in v2["exams"]:
        e["simulate"] = e["status"] != "retired"
        e["format"] = {"questions": 65, "scored": 50, "minutes": 130, "passing_score": 720, "question_types": ["multiple-choice"],
                       "source": f"https://aws.amazon.com/certification/{e['id']}/", "confirmed": e["id"] != "mla-c02"}
    for i, q in enumerate(v2["questions"]):
        if "answer" in q:
            q["answers"] = [q.pop("answer")]
        q["answers"] = q["answers"][:1]
        q["style"] = "recall" if i % 10 == 0 else "exam"
        q["choose"] = len(q["answers"])
    v2["questions"][1]["answers"] = [0, 1]
    v2["questions"][1]["choose"] = 2
    return v2


def table_rows(md: str) -> dict[str, str]:
    return {line.split("]")[0].lstrip("| ["): line for line in md.splitlines() if line.startswith("| [")}


def test_the_real_bank_simulates_every_current_exam_and_marks_unconfirmed_figures(bank):
    exams = {e["id"]: e for e in simulated_exams(bank)}
    raw = {e["id"]: e for e in bank["exams"]}
    assert not exams["mla-c01"]["simulate"] and not exams["mls-c01"]["simulate"]  # retired
    for exam_id, e in exams.items():
        assert e["simulate"] == (e["status"] != "retired")
        assert (e["format"] is None) == (CATALOG.get("exams", exam_id).format is None)
        if e["format"]:  # a v1 bank does not say: unconfirmed
            assert e["format"]["confirmed"] is bool(raw[exam_id]["format"].get("confirmed", False))
    md = exam_page(bank, True, "https://github.com/x/y/issues/new")
    rows = table_rows(md.split("## ")[0].split("| Exam |")[1])
    assert set(rows) == {e["code"] for e in exams.values() if e["simulate"]}
    for e in exams.values():
        if e["simulate"] and e["format"]:
            fmt = e["format"]
            assert ("(unconfirmed)" in rows[e["code"]]) == (not fmt["confirmed"])
            assert (f"| {fmt['passing_score']:,} |" if fmt["passing_score"] else "| not in our data |") in rows[e["code"]]
        elif e["simulate"]:
            assert "not in our data yet: no timed sitting" in rows[e["code"]]
    assert "Retired exams ([MLA-C01](../exams/mla-c01.md), [MLS-C01](../exams/mls-c01.md)) have no simulation" in md
    assert "`?questions=10`" in md


def test_v2_bank_lists_every_current_exam_with_pass_mark_source_and_multiple_response_counts(questions, bank):
    v2 = as_v2(bank)
    md = exam_page(v2, True, "https://github.com/x/y/issues/new")
    rows = table_rows(md.split("| Exam |")[1])
    current = {e["code"] for e in v2["exams"] if e["simulate"]}
    assert set(rows) == current == {"MLA-C02", "AIF-C01", "AIP-C01", "DEA-C01"}
    for code, row in rows.items():
        assert "| 65 (50 scored) | 130 min | 720 |" in row
        assert f"[AWS](https://aws.amazon.com/certification/{code.lower()}/)" in row
        assert ("(unconfirmed)" in row) == (code == "MLA-C02")
    without = copy.deepcopy(v2)
    next(e for e in without["exams"] if e["id"] == "aip-c01")["format"] = None  # a current exam without AWS's figures
    listed = table_rows(exam_page(without, True, "").split("| Exam |")[1])
    assert set(listed) == set(rows) and "| not in our data yet: no timed sitting |" in listed["AIP-C01"]
    multi_exams = {d.split("/")[0] for d in v2["questions"][1]["domains"]}
    for e in v2["exams"]:
        if e["simulate"]:
            assert ("multiple-response" in rows[e["code"]]) == (e["id"] in multi_exams and v2["questions"][1]["style"] == "exam")
    page = practice_page(CATALOG, questions, v2, True, "https://github.com/x/y/issues/new")
    exam_style = sum(1 for q in v2["questions"] if q["style"] == "exam")
    recall = len(v2["questions"]) - exam_style
    assert f"{exam_style:,} exam-style questions generated from the data. 1 of them asks for more than one answer" in page
    assert f"{recall:,} recall questions go to the flashcards and Anki decks instead." in page
    assert EXAM_PAGE == "practice/exam.md"
