"""Every task statement of the current exam guides is data, maps to the pages that teach
it, and shows on its exam page; each exam change has a page of its own."""

from __future__ import annotations

import pytest
from conftest import ROOT, make_data, real_data

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
    # The real dea-c01.yml, edited, among the mini data set and the real vocabularies: the
    # refusal is the exam file's own (its schema), so the other real files need not load.
    data = make_data(tmp_path)
    path = data / "exams" / "dea-c01.yml"
    path.parent.mkdir(exist_ok=True)
    lines = (ROOT / "data" / "exams" / "dea-c01.yml").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "teaches:")
    end = start + 1
    while lines[end].strip().startswith("- ") and lines[end].startswith(" " * 10):
        end += 1
    lines[start:end] = [lines[start].replace("teaches:", "teaches: []")]
    path.write_text("\n".join(lines) + "\n")
    _, problems = load_catalog(data, tmp_path)
    assert "data/exams/dea-c01.yml: exam 'dea-c01': domains[0].tasks[0].teaches: expected at least 1 item(s); got 0" \
        in [p.text() for p in problems]
