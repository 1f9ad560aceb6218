"""Every practice question's link leads to a built page and an anchor that exists."""

from __future__ import annotations

import re

from macros.features.practice.bank import BANK_PATH, INDEX_PATH, question_record, read_bank, read_index


def test_every_question_link_leads_to_an_existing_page_and_anchor(real_site, questions):
    bank = read_bank((real_site / BANK_PATH).read_text(encoding="utf-8"))
    index = read_index((real_site / INDEX_PATH).read_text(encoding="utf-8"))
    assert {q["id"] for q in bank["questions"]} == {q["id"] for q in index["questions"] if q["style"] == "exam"}
    # The built bank's links, and those of every question (the recall ones go to the decks).
    records = bank["questions"] + [question_record(q, True) for q in questions]
    ids_by_page: dict[str, set[str]] = {}
    urls = [(q["id"], q["url"]) for q in records]
    urls += [(q["id"], r["url"]) for q in records for r in q["reasons"] if r["url"]]
    for qid, url in urls:
        page, _, anchor = url.partition("#")
        if page not in ids_by_page:
            html_text = (real_site / page / "index.html").read_text(encoding="utf-8")
            ids_by_page[page] = set(re.findall(r'\sid="([^"]+)"', html_text))
        if anchor:
            assert anchor in ids_by_page[page], (qid, url)
    practice = (real_site / "practice" / "index.html").read_text(encoding="utf-8")
    assert 'data-atlas-practice="practice"' in practice and "/issues/new" in practice
    for path in ("downloads/anki/atlas-aif-c01.apkg", "downloads/atlas-flashcards.csv"):
        assert (real_site / path).is_file()
