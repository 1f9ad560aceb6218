"""Comparison tables in the browser: sorting and filtering, and on paper (A4 and Letter) every
cell printed inside the page, a filtered table printed filtered."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

COMPARE_PAGES = ["decision-guide", "algorithms", "input-formats", "instances", "hyperparameters", "tuning-metrics", "cheat-sheet"]


def comparison_pages(site: Path) -> list[str]:
    pages = [f"compare/{p}/" for p in COMPARE_PAGES]
    pages += sorted(f"comparisons/{p.name}/" for p in (site / "comparisons").iterdir() if p.is_dir())
    return pages


def cell_texts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [td.get_text("") for td in soup.select("article table td") if td.get_text(strip=True)]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_sorting_and_filtering(offline_page, real_url):
    offline_page.goto(f"{real_url}/compare/tuning-metrics/")
    first_col = "els => els.map(e => e.querySelector('td').textContent.trim())"
    offline_page.click("article table thead th:nth-child(3)")  # Algorithm
    names = offline_page.eval_on_selector_all("article table tbody tr", first_col.replace("querySelector('td')", "querySelectorAll('td')[2]"))
    assert names == sorted(names, key=str.lower) or names == sorted(names, key=str.lower, reverse=True)
    total = offline_page.locator("article table tbody tr").count()
    offline_page.fill(".atlas-filter__input", "xgboost")
    shown = offline_page.locator("article table tbody tr:not([hidden])").count()
    assert 0 < shown < total
    assert offline_page.locator(".atlas-filter__count").inner_text() == f"{shown} of {total} shown"
    assert not offline_page.js_errors


def _print(page, fmt: str, tmp_path: Path) -> tuple[subprocess.Popen, subprocess.Popen]:
    """Print the page to a PDF and start reading its text back (raw order, and each word's
    box); the two pdftotext processes run while the browser goes on."""
    pdf = tmp_path / f"out-{fmt}.pdf"
    # As a browser's print dialog does: paper size from the reader, landscape pages
    # where the stylesheet names them (@page wide).
    page.pdf(path=str(pdf), format=fmt, print_background=False, prefer_css_page_size=True)
    return tuple(subprocess.Popen(["pdftotext", mode, str(pdf), "-"], stdout=subprocess.PIPE, text=True)
                 for mode in ("-raw", "-bbox"))


def _read(procs: tuple[subprocess.Popen, subprocess.Popen]) -> tuple[str, list[tuple[float, float, float]]]:
    text, bbox = (p.communicate(timeout=120)[0] for p in procs)
    assert all(p.returncode == 0 for p in procs)
    pages = [float(w) for w in re.findall(r'<page width="([\d.]+)"', bbox)]
    words = []
    page_index = -1
    for line in bbox.splitlines():
        if line.strip().startswith("<page "):
            page_index += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', line)
        if m:
            words.append((float(m.group(1)), float(m.group(2)), pages[page_index]))
    return text, words


def _pdf_text(page, fmt: str, tmp_path: Path) -> tuple[str, list[tuple[float, float, float]]]:
    return _read(_print(page, fmt, tmp_path))


def test_every_cell_reaches_the_paper(offline_page, real_url, real_site, tmp_path):
    """On A4 (the narrower portrait page) and Letter (the narrower landscape page)."""
    for rel in comparison_pages(real_site):
        offline_page.goto(f"{real_url}/{rel}")  # waits for the load event: the tables and their script are in
        # Both papers printed, then read: the Letter PDF prints while pdftotext reads the A4 one.
        reading = {fmt: _print(offline_page, fmt, tmp_path) for fmt in ("A4", "Letter")}
        cells = cell_texts((real_site / rel / "index.html").read_text())
        for fmt, procs in reading.items():
            text, words = _read(procs)
            printed = squash(text)
            missing = [c for c in cells if squash(c) not in printed]
            assert not missing, f"{rel} on {fmt}: {len(missing)} cells missing, e.g. {missing[:3]}"
            outside = [w for w in words if w[0] < 0 or w[1] > w[2] + 0.5]
            assert not outside, f"{rel} on {fmt}: {len(outside)} words outside the page"


def test_a_filtered_table_prints_filtered(offline_page, real_url, tmp_path):
    offline_page.goto(f"{real_url}/compare/algorithms/")
    offline_page.fill(".atlas-filter__input", "Unsupervised")
    hidden = offline_page.eval_on_selector_all("article table tbody tr[hidden]", "els => els.map(e => e.querySelector('td').textContent.trim())")
    shown = offline_page.eval_on_selector_all("article table tbody tr:not([hidden])", "els => els.map(e => e.querySelector('td').textContent.trim())")
    assert hidden and shown
    text, _ = _pdf_text(offline_page, "A4", tmp_path)
    printed = squash(text)
    assert all(squash(name) in printed for name in shown)
    assert "XGBoost" in hidden and squash("XGBoost") not in printed
