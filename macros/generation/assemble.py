"""Every page made from data and the nav, assembled (pure): the entity pages of site/,
then the features' pages (choosers, self-test, exam changes); the nav section of each kind
with its sub-sections; every table that gets a CSV download.
"""

from __future__ import annotations

import html

from macros.data.catalog import Catalog
from macros.features.choosers.page import chooser_nav, chooser_pages, chooser_tables
from macros.features.practice.pages import practice_nav
from macros.features.selftest.pages import selftest_pages, study_nav
from macros.site.exam_pages import revision_pages, revision_title
from macros.site.pages import TEMPLATES, GeneratedPage, changes_page, entity_page, glossary_page, index_page
from macros.site.render import Linker
from macros.site.routes import page_path, revision_path
from macros.site.tables import VIEWS, Table, comparison_table


def generated_pages(catalog: Catalog, directory_urls: bool = True) -> list[GeneratedPage]:
    pages = [changes_page(catalog)]
    pages += [GeneratedPage(path, content, source) for path, content, source in revision_pages(catalog)]
    if catalog.glossary:
        pages.append(glossary_page(catalog))
    pages += selftest_pages(catalog)

    pages += chooser_pages(catalog, directory_urls)
    for kind in TEMPLATES:
        if not catalog.entities[kind]:
            continue
        if kind != "comparisons":  # docs/compare/index.md lists them, among the generated views
            pages.append(index_page(catalog, kind))
        for entity_id, _ in catalog.of_kind(kind):
            pages.append(entity_page(catalog, kind, entity_id, directory_urls))
    return pages


GROUP_BY = {"services": ("category", "service-categories"), "concepts": ("category", "concept-categories")}


def _service_nav(catalog: Catalog, entities) -> list:
    """Services with capabilities (SageMaker AI) first, as a section of their own with
    the hub page and one sub-section per stage; then the other services by category."""
    entries: list = []
    placed: set[str] = set()
    for hub_id, hub in entities:
        stages = catalog.capabilities(hub_id)
        if not stages:
            continue
        section: list = [{html.escape(hub.name): page_path("services", hub_id)}]
        for stage, members in stages:
            section.append({stage.capitalize(): [{html.escape(c.name): page_path("services", cid)} for cid, c in members]})
            placed.update(cid for cid, _ in members)
        placed.add(hub_id)
        entries.append({html.escape(hub.name): section})
    for term_id, term in catalog.vocab["service-categories"].items():
        members = [{html.escape(e.name): page_path("services", i)} for i, e in entities if e.category == term_id and i not in placed]
        if members:
            entries.append({html.escape(term.name): members})
    return entries


def nav_sections(catalog: Catalog) -> dict[str, list]:
    """Kind -> its mkdocs nav entries: the index page first, then one entry per entity,
    grouped into sub-sections by category for the long lists (services, concepts)."""
    sections: dict[str, list] = {}
    for kind in TEMPLATES:
        if not catalog.entities[kind]:
            continue
        entries: list = [f"{kind}/index.md"] if kind != "comparisons" else []
        entities = catalog.of_kind(kind)
        if kind == "services":
            entries += _service_nav(catalog, entities)
        elif kind in GROUP_BY:
            attr, vocabulary = GROUP_BY[kind]
            for term_id, term in catalog.vocab[vocabulary].items():
                members = [{html.escape(e.name): page_path(kind, i)} for i, e in entities if getattr(e, attr) == term_id]
                if members:
                    entries.append({html.escape(term.name): members})
        else:
            # The theme puts nav titles into HTML unescaped; escape text from data.
            entries += [{html.escape(e.name): page_path(kind, i)} for i, e in entities]
        if kind == "exams":
            changes = [{html.escape(revision_title(catalog, i, r)): revision_path(i, r)} for i, e in entities for r in e.revisions]
            if changes:
                entries.append({"What changed between versions": changes})
        sections[kind] = entries

    sections["practice"] = practice_nav()
    sections["self-test"] = study_nav(catalog)
    if catalog.choosers:

        sections["choosers"] = chooser_nav(catalog)
    sections["changes"] = "changes.md"
    if catalog.glossary:
        sections["glossary"] = "glossary.md"
    return sections


def all_tables(catalog: Catalog, link: Linker) -> list[Table]:
    """Every table that has a CSV download."""
    tables = [build(catalog, link) for build in VIEWS.values()]
    tables += [comparison_table(catalog, link, i) for i, _ in catalog.of_kind("comparisons")]

    tables += chooser_tables(catalog, link)
    return tables
