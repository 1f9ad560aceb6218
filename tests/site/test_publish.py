"""Publishing: the workflow is valid and uses only Makefile targets, the site has a
sitemap, canonical URLs, Open Graph tags, a helpful 404, edit links to the file each page
is made from (from the page's front matter; none where it is made from many), checked
dates, a What changed page; and `make dist`'s offline bundle works from file:// with no
network at all."""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import ROOT, real_data, soup_of, text_of, tree_of

CATALOG, _ = real_data()


def test_sitemap_canonical_open_graph_and_404(real_site):
    assert "<loc>" in (real_site / "sitemap.xml").read_text()
    page = soup_of(real_site / "algorithms" / "xgboost" / "index.html")
    assert page.find("link", rel="canonical")["href"].endswith("/algorithms/xgboost/")
    assert page.find("meta", property="og:title")["content"] == "XGBoost"
    assert page.find("meta", property="og:description")["content"] == CATALOG.get("algorithms", "xgboost").summary
    missing = soup_of(real_site / "404.html")
    assert missing.find("h1").get_text() == "Page not found"
    assert len(missing.select("article li a")) >= 5


def test_generated_pages_edit_their_yaml_and_show_the_checked_date(real_site):
    for kind in ("algorithms", "services", "pipelines", "concepts"):
        for entity_id, entity in CATALOG.entities[kind].items():
            page = tree_of(real_site / kind / entity_id / "index.html")
            edit = page.xpath('//a[contains(concat(" ", @class, " "), " md-content__button ")]/@href')
            assert edit and edit[0].endswith(f"/edit/main/data/{kind}/{entity_id}.yml")
            assert f"checked against AWS's documentation on {entity.checked.isoformat()}" in text_of(page.body)


_EDIT_LINK = re.compile(r'<a\s[^>]*\brel="edit"[^>]*>')


def _edit_link(site: Path, rel: str) -> str | None:
    """The address of the page's "Edit this page" button (the theme's rel="edit" link;
    read from the HTML text, which is much faster than parsing all 354 pages)."""
    found = _EDIT_LINK.findall((site / rel / "index.html").read_text(encoding="utf-8"))
    assert len(found) <= 1 and all('title="Edit this page"' in tag for tag in found), (rel, found)
    return html.unescape(re.search(r'\bhref="([^"]*)"', found[0]).group(1)) if found else None


def test_every_edit_link_opens_the_file_the_page_is_made_from(real_site):
    """Generated pages edit their data file, hand-written ones their file under docs/; a
    page made from many files (an index, practice, self-test, What changed) has none,
    rather than one to a file that does not exist."""
    base = "https://github.com/aws-ml-atlas/aws-ml-atlas/edit/main/"
    exam_id, exam = next((i, e) for i, e in CATALOG.entities["exams"].items() if e.revisions)
    revision = f"exams/changes/{exam_id}-{exam.revisions[0].date.isoformat()}"
    assert {rel: _edit_link(real_site, rel) for rel in (
        "choose/built-in-algorithm", f"exams/{exam_id}", revision, "glossary", "services/sagemaker-ai",
        ".", "contributing", "compare/algorithms",
        "algorithms", "practice", "practice/exam", "self-test", "self-test/algorithms", "changes")} == {
        "choose/built-in-algorithm": base + "data/choosers/built-in-algorithm.yml",
        f"exams/{exam_id}": base + f"data/exams/{exam_id}.yml",
        revision: base + f"data/exams/{exam_id}.yml",
        "glossary": base + "data/glossary.yml",
        "services/sagemaker-ai": base + "data/services/sagemaker-ai.yml",
        ".": base + "docs/index.md",
        "contributing": base + "docs/contributing.md",
        "compare/algorithms": base + "docs/compare/algorithms.md",
        "algorithms": None, "practice": None, "practice/exam": None, "self-test": None, "self-test/algorithms": None, "changes": None,
    }
    missing, linked = [], 0
    for page in sorted(real_site.rglob("index.html")):
        href = _edit_link(real_site, page.parent.relative_to(real_site).as_posix())
        if href:
            linked += 1
            assert href.startswith(base), href
            if not (ROOT / href[len(base):]).is_file():
                missing.append(f"{page.relative_to(real_site)} -> {href}")
    assert not missing, "\n".join(missing[:20])
    assert linked > 300


def test_what_changed_lists_every_dated_change_newest_first(real_site):
    rows = soup_of(real_site / "changes" / "index.html").select("article table tbody tr")
    expected = sum(len(e.changes) for by_id in CATALOG.entities.values() for e in by_id.values())
    assert len(rows) == expected >= 10
    dates = [r.find("td").get_text() for r in rows]
    assert dates == sorted(dates, reverse=True)
