"""Every task statement of the current exam guides is data, maps to the pages that teach
it, and shows on its exam page; each exam change has a page of its own."""

from __future__ import annotations

import pytest
from conftest import ROOT, real_data, soup_of

from macros.data.dataset import load_catalog

CATALOG, _ = real_data()
CURRENT = ["mla-c02", "aif-c01", "aip-c01", "dea-c01"]


@pytest.mark.parametrize("exam_id", CURRENT)
def test_every_domain_of_a_current_exam_has_its_task_statements_mapped(exam_id):
    exam = CATALOG.get("exams", exam_id)
    assert exam.status in ("active", "beta")
    for domain in exam.domains:
        assert domain.tasks, f"{exam_id} domain {domain.number} has no task statements"
        for task in domain.tasks:
            assert task.teaches, f"{exam_id} {task.number} maps to no page"
            for ref in task.teaches:
                kind, _, entity_id = ref.partition("/")
                assert entity_id in CATALOG.entities[kind], ref


def test_a_task_statement_that_maps_to_no_page_is_refused(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "exams" / "dea-c01.yml"
    lines = path.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "teaches:")
    end = start + 1
    while lines[end].strip().startswith("- ") and lines[end].startswith(" " * 10):
        end += 1
    lines[start:end] = [lines[start].replace("teaches:", "teaches: []")]
    path.write_text("\n".join(lines) + "\n")
    _, problems = load_catalog(data, tmp_path)
    assert "data/exams/dea-c01.yml: exam 'dea-c01': domains[0].tasks[0].teaches: expected at least 1 item(s); got 0" \
        in [p.text() for p in problems]


@pytest.mark.build
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


@pytest.mark.build
def test_each_exam_change_has_a_page_reached_from_its_exam(real_site):
    revisions = [(i, r) for i, e in CATALOG.entities["exams"].items() for r in e.revisions]
    assert revisions
    for exam_id, revision in revisions:
        page = real_site / "exams" / "changes" / f"{exam_id}-{revision.date.isoformat()}" / "index.html"
        text = soup_of(page).find("article").get_text(" ")
        assert "Source" in text
        exam_page = (real_site / "exams" / exam_id / "index.html").read_text()
        assert f"changes/{exam_id}-{revision.date.isoformat()}/" in exam_page
