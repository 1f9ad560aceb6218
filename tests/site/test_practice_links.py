"""Every practice question's link leads to a built page and an anchor that exists."""

from __future__ import annotations

import re

from macros.features.practice.bank import BANK_PATH, read_bank


def test_every_question_link_leads_to_an_existing_page_and_anchor(real_site):
    bank = read_bank((real_site / BANK_PATH).read_text(encoding="utf-8"))
    ids_by_page: dict[str, set[str]] = {}
    urls = [(q["id"], q["url"]) for q in bank["questions"]]
    urls += [(q["id"], r["url"]) for q in bank["questions"] for r in q["reasons"] if r["url"]]
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
