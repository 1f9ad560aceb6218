"""The built site's HTML: one page per entity with the right H1, every internal link and
anchor resolves (those the chooser script draws from its data block too), nothing is
loaded from another host, search index covers every entity."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from conftest import real_data, soup_of, text_of, tree_of


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = real_data()
    assert not problems
    return catalog


@pytest.fixture(scope="module")
def pages(real_site):
    return {p: tree_of(p) for p in sorted(real_site.rglob("*.html"))}


def test_one_page_per_entity_with_its_name_as_the_only_h1(real_site, catalog):
    for kind, by_id in catalog.entities.items():
        for entity_id, entity in by_id.items():
            page = real_site / kind / entity_id / "index.html"
            assert page.is_file(), page
            h1s = tree_of(page).xpath("//article//h1")
            assert [text_of(h).rstrip("¶").strip() for h in h1s] == [entity.name]


def test_every_page_has_a_meta_description(pages):
    for path, tree in pages.items():
        if path.name == "404.html":
            continue
        meta = tree.xpath('//meta[@name="description"]')
        assert meta and len(meta[0].get("content", "")) >= 20, path


def _target(site: Path, page: Path, href: str) -> tuple[str, str]:
    """The built file a link leads to, as a path string (no file system call per link)."""
    url, fragment = urldefrag(href)
    if not url:
        return str(page), fragment
    target = os.path.normpath(os.path.join(page.parent, unquote(url)))
    if url.endswith("/") or os.path.isdir(target):
        target = os.path.join(target, "index.html")
    return target, fragment


def test_every_internal_link_and_anchor_resolves(real_site, pages):
    ids = {str(p): set(t.xpath("//@id")) for p, t in pages.items()}
    files = {str(p) for p in real_site.rglob("*") if p.is_file()}
    broken = []
    for page, tree in pages.items():
        if page.name == "404.html":
            continue  # served at any depth, so its links are absolute from site_url by design
        for href in set(tree.xpath("//a/@href")):
            if urlparse(href).scheme or href.startswith(("mailto:", "//")):
                continue
            target, fragment = _target(real_site, page, href)
            if target not in files:
                broken.append(f"{page.relative_to(real_site)} -> {href}")
            elif fragment and target.endswith(".html") and fragment not in ids.get(target, set()):
                broken.append(f"{page.relative_to(real_site)} -> {href} (missing anchor)")
    assert not broken, "\n".join(broken[:50])


def test_every_link_a_chooser_draws_from_its_data_resolves(real_site, catalog):
    """The chooser script links each candidate and, when the data cannot separate the
    picks, the comparison pages, with the addresses of the page's data block."""
    drawn = 0
    for chooser_id, chooser in catalog.choosers.items():
        page = real_site / "choose" / chooser_id / "index.html"
        data = json.loads(soup_of(page).find("script", attrs={"data-atlas-chooser-data": True}).string)
        assert [c["name"] for c in data["compare"]] == [catalog.get("comparisons", cid).name for cid in chooser.comparisons]
        for url in [c["url"] for c in data["candidates"]] + [c["url"] for c in data["compare"]]:
            target, _ = _target(real_site, page, url)
            assert Path(target).is_file(), f"choose/{chooser_id}: {url}"
            drawn += 1
    assert drawn >= 40


def test_the_practice_pages_send_readers_without_scripts_to_the_self_test(real_site):
    for rel in ("practice", "practice/exam"):
        page = real_site / rel / "index.html"
        link = soup_of(page).select_one("[data-atlas-practice] .atlas-practice__loading a")
        assert link.get_text() == "self-test cards"
        assert _target(real_site, page, link["href"])[0] == str(real_site / "self-test" / "index.html"), link["href"]


def test_no_page_loads_anything_from_another_host(pages):
    offenders = []
    for page, tree in pages.items():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for el in tree.iter(tag):
                url = el.get(attr)
                rel = (el.get("rel") or "").split()
                if not url or (tag == "link" and "stylesheet" not in rel and rel not in (["preload"], ["modulepreload"])):
                    continue
                if urlparse(url).scheme in ("http", "https") or url.startswith("//"):
                    offenders.append(f"{page.name}: <{tag} {attr}={url}>")
    assert not offenders, "\n".join(offenders)


def test_no_diagram_script_ships_and_no_page_names_a_cdn(real_site):
    assert not list(real_site.rglob("*mermaid*"))
    for path in real_site.rglob("*.html"):
        text = path.read_text()
        assert "unpkg.com" not in text and "cdn.jsdelivr" not in text and "fonts.googleapis" not in text, path


def test_search_index_holds_every_entity_name(real_site, catalog):
    from conftest import search_index

    titles = {d["t"] for d in search_index(real_site)["docs"]}
    for by_id in catalog.entities.values():
        for entity in by_id.values():
            assert entity.name in titles or any(entity.name in t for t in titles), entity.name


def test_hyperparameter_rows_have_stable_anchors(real_site, catalog):
    for algo_id, algo in catalog.entities["algorithms"].items():
        soup = soup_of(real_site / "algorithms" / algo_id / "index.html")
        for hp in algo.hyperparameters:
            anchor = soup.find(id="hp-" + re.sub(r"[^A-Za-z0-9_\-]", "-", hp.name))
            assert anchor is not None, f"{algo_id}#hp-{hp.name}"
            assert anchor.find_parent("tr").find("code").get_text() == hp.name


def test_no_stylesheet_styles_by_the_focus_visible_polyfills_marks(real_site):
    # theme/head.js sets the polyfill's marks on <html> before the theme's bundle runs (so
    # that the bundle's setting them restyles nothing): were any rule to hide focus rings
    # under them, a page whose bundle failed would show no keyboard focus at all.
    sheets = sorted(real_site.rglob("*.css"))
    assert any("main." in p.name for p in sheets)
    for path in sheets:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "js-focus-visible" not in text, path
