"""Paper and phones: identifiers break only at their joints, every printed page says what
it is and which page it is, diagrams print as vector text, and on a 390 px screen every
column of the reference tables is readable without sideways scrolling."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import real_data

CATALOG, _ = real_data()
PRINTED = ["algorithms/xgboost/", "compare/hyperparameters/", "services/sagemaker-serverless-inference/"]
JOINTS = "_/.:-"


def _pdf(page, fmt: str, tmp_path: Path) -> list[str]:
    """The printed PDF's text, one string per page (pdftotext -raw)."""
    pdf = tmp_path / f"print-{fmt}.pdf"
    page.pdf(path=str(pdf), format=fmt, print_background=False, prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [p for p in text.split("\f") if p.strip()]


def _identifiers(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    return {c.get_text() for c in article.select("table code") if any(j in c.get_text() for j in JOINTS) and len(c.get_text()) > 6}


def _broken_mid_word(text: str, ident: str) -> bool:
    """True if the identifier is in the text only with a line break inside a word."""
    flat = re.sub(r"[ \t]*\n[ \t]*", "¶", text)
    anywhere = "".join(re.escape(c) + "¶?" for c in ident)
    at_joints = "".join(re.escape(c) + ("¶?" if c in JOINTS else "") for c in ident)
    return re.search(anywhere, flat) is not None and re.search(at_joints, flat) is None


def test_printed_tables_break_identifiers_only_at_joints_and_every_page_is_labelled(offline_page, real_url, real_site, tmp_path):
    for rel in PRINTED:
        offline_page.goto(f"{real_url}/{rel}")
        title = offline_page.title().split(" - ")[0]
        address = offline_page.locator("link[rel=canonical]").get_attribute("href").split("//")[1].split("/")[0]
        identifiers = _identifiers((real_site / rel / "index.html").read_text())
        for fmt in ("A4", "Letter"):
            pages = _pdf(offline_page, fmt, tmp_path)
            text = "\n".join(pages)
            broken = [i for i in identifiers if _broken_mid_word(text, i)]
            assert not broken, f"{rel} on {fmt}: broken mid-word: {broken[:5]}"
            for n, page_text in enumerate(pages, 1):
                flat = " ".join(page_text.split())
                assert f"Page {n} of {len(pages)}" in flat, (rel, fmt, n)
                assert "AWS ML Atlas" in flat and title.split(" ")[0] in flat, (rel, fmt, n)
                assert address in flat, "the site's address is on every printed page"


def test_a_printed_diagram_is_vector_text(offline_page, real_url, tmp_path):
    pipe = CATALOG.get("pipelines", "real-time-layer")
    offline_page.goto(f"{real_url}/pipelines/real-time-layer/")
    text = " ".join("\n".join(_pdf(offline_page, "A4", tmp_path)).split())
    for node in pipe.nodes:
        label = node.label or CATALOG.get("services", node.service).name
        assert all(word in text for word in label.split()), label


PHONE_PAGES = {
    "algorithms/xgboost/": ["#hyperparameters", "#automatic-model-tuning"],
    "services/sagemaker-serverless-inference/": ["#limits-and-numbers"],
}

_CHECK_TABLES = """
() => {
  const vw = document.documentElement.clientWidth
  const out = { pageScroll: document.documentElement.scrollWidth > vw, hidden: [], broken: [], cells: 0, unmeasured: 0 }
  for (const table of document.querySelectorAll("article table[data-atlas-stack]")) {
    // Measure each table as a reader sees it, scrolled into view; a cell that was not
    // laid out at all fails the test rather than passing unmeasured.
    table.scrollIntoView()
    for (const td of table.querySelectorAll("tbody td")) {
      const r = td.getBoundingClientRect()
      out.cells++
      if (r.width === 0 && td.textContent.trim()) out.unmeasured++
      if (r.width > 0 && (r.right > vw + 1 || r.left < -1)) out.hidden.push(td.getAttribute("data-label") + ": " + td.textContent.slice(0, 30))
    }
    for (const code of table.querySelectorAll("code")) {
      const text = code.textContent
      let prevTop = null, prevChar = null
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange()
          range.setStart(node, i); range.setEnd(node, i + 1)
          const rect = range.getClientRects()[0]
          if (!rect) continue
          if (prevTop !== null && rect.top > prevTop + 2 && !"_/.:- ".includes(prevChar)) out.broken.push(text)
          prevTop = rect.top; prevChar = node.data[i]
        }
      }
    }
  }
  return out
}
"""


def test_phone_shows_every_column_of_the_reference_tables(browser, real_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    for rel, sections in PHONE_PAGES.items():
        page.goto(f"{real_url}/{rel}")
        page.wait_for_load_state("networkidle")
        for section in sections:
            assert page.locator(section).count() == 1, (rel, section)
        result = page.evaluate(_CHECK_TABLES)
        assert not result["pageScroll"], f"{rel} scrolls sideways at 390 px"
        assert result["cells"] > 0 and result["unmeasured"] == 0, result
        assert not result["hidden"], f"{rel}: cells off-screen: {result['hidden'][:5]}"
        assert not result["broken"], f"{rel}: identifiers broken mid-word: {sorted(set(result['broken']))[:5]}"
        # Each cell but the first (the row's name, shown as the card's heading) is labelled.
        labels = page.eval_on_selector_all("article table[data-atlas-stack] tbody tr:first-child td[data-label]:not(:first-child)",
                                           "els => els.map(e => getComputedStyle(e, '::before').content)")
        assert labels and all(label not in ("none", "normal", '""') for label in labels)
    context.close()
