"""Exam pages as built: each task statement with links to its pages; each dated change of an
exam has its own page, reached from the exam."""

from __future__ import annotations

import pytest
from conftest import real_data, soup_of

CATALOG, _ = real_data()


CURRENT = ["mla-c02", "aif-c01", "aip-c01", "dea-c01"]


@pytest.mark.parametrize("exam_id", CURRENT)
def test_the_exam_page_lists_each_task_statement_with_links_to_its_pages(real_site, exam_id):
    soup = soup_of(real_site / "exams" / exam_id / "index.html")
    exam = CATALOG.get("exams", exam_id)
    for domain in exam.domains:
        table = soup.find(id=f"domain-{domain.number}-tasks").find_next("table")
        rows = table.select("tbody tr")
        assert len(rows) == len(domain.tasks)
        for row, task in zip(rows, domain.tasks):
            assert row.find("td").get_text(" ", strip=True).startswith(task.number)
            assert len(row.select("td")[2].select("a")) >= len(task.teaches)


def test_each_exam_change_has_a_page_reached_from_its_exam(real_site):
    revisions = [(i, r) for i, e in CATALOG.entities["exams"].items() for r in e.revisions]
    assert revisions
    for exam_id, revision in revisions:
        page = real_site / "exams" / "changes" / f"{exam_id}-{revision.date.isoformat()}" / "index.html"
        text = soup_of(page).find("article").get_text(" ")
        assert "Source" in text
        exam_page = (real_site / "exams" / exam_id / "index.html").read_text()
        assert f"changes/{exam_id}-{revision.date.isoformat()}/" in exam_page
