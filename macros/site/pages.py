"""The pages made from one entity or one kind (pure): entity pages, kind indexes, the
glossary and "What changed", each with its path, front matter and Markdown.
generation/assemble.py puts them together with the features' pages.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from macros.data.catalog import Catalog
from macros.data.chooser_loading import candidate_ids
from macros.data.models import ENTITY_MODELS
from macros.site.diagrams import diagram_html, node_label
from macros.site.exam_pages import page_ref_link, revision_links
from macros.site.katex import formula_blocks
from macros.site.markup import front_matter
from macros.site.render import KIND_TITLES, Linker, render
from macros.site.routes import built_link, chooser_path, page_path, rel
from macros.site.tables import comparison_table, render_table

TEMPLATES = {
    "algorithms": "algorithm.md.j2",
    "services": "service.md.j2",
    "pipelines": "pipeline.md.j2",
    "concepts": "concept.md.j2",
    "comparisons": "comparison.md.j2",
    "exams": "exam.md.j2",
}


INDEX_INTROS = {kind: model.index_intro for kind, model in ENTITY_MODELS.items()}


@dataclass(frozen=True)
class GeneratedPage:
    src_path: str
    """Path under docs/ that the page pretends to have (e.g. algorithms/xgboost.md)."""
    content: str
    source_file: str | None
    """The data file the page is made from (project-relative), for "edit this page"
    (generation/generate.py writes its edit address into the front matter); None for a
    page made from many files, which has no edit link."""


def entity_page(catalog: Catalog, kind: str, entity_id: str, directory_urls: bool = True) -> GeneratedPage:
    entity = catalog.get(kind, entity_id)
    path = page_path(kind, entity_id)
    link = Linker(catalog, path)
    capabilities = catalog.capabilities(entity_id) if kind == "services" else []
    members = {cid for _, group in capabilities for cid, _ in group}
    backlinks = {
        k: [i for i in ids if not (k == "services" and i in members)]
        for k, ids in catalog.backlinks.get((kind, entity_id), {}).items()
        # Pipelines get their own section on service pages.
        if not (kind == "services" and k == "pipelines")
    }
    context = dict(
        e=entity,
        id=entity_id,
        link=link,
        term=catalog.term,
        names=lambda vocabulary, ids: ", ".join(catalog.term(vocabulary, i).name for i in ids),
        backlinks=backlinks,
        pipelines=catalog.referrers(kind, entity_id, "pipelines"),
        domain_members=catalog.domain_members,
        capabilities=capabilities,
        choosers=_choosers_of(catalog, kind, entity_id, path),
        revisions=revision_links(catalog, entity_id, link) if kind == "exams" else [],
        page_link=lambda ref: page_ref_link(link, ref),
    )
    meta = {
        # The theme puts title and description into HTML without escaping them.
        "title": html.escape(entity.name),
        "description": html.escape(entity.summary),
        "render_macros": False,  # data text is final Markdown; never evaluate it as Jinja
    }
    # Material's search indexes front-matter tags with a very high boost: the place for
    # every other name a reader may type (abbreviations, old names). Tags are not shown.
    tags = [*entity.aliases, *(f.name for f in getattr(entity, "former_names", []))]
    if kind == "algorithms":
        # The problems it solves, so "anomaly detection" or "topic modelling" finds it.
        tags += [catalog.term("problem-types", t).name for t in entity.problem_types]
    if tags:
        meta["tags"] = [html.escape(t) for t in dict.fromkeys(tags)]
    meta["search"] = {"boost": 2}
    if kind == "comparisons":

        context["table_md"] = render_table(comparison_table(catalog, link, entity_id), link)
    if kind == "concepts":

        blocks = formula_blocks(catalog) if entity.formulas else {}
        context["formula"] = lambda tex: blocks[" ".join(tex.split())]
        if entity.formulas:
            meta["math"] = True  # overrides/main.html links KaTeX's stylesheet on this page only
    if kind == "pipelines":

        context["diagram"] = diagram_html(
            entity, catalog, lambda service: built_link(page_path("services", service), path, directory_urls), f"diagram-{entity_id}")
        context["node_name"] = lambda node_id: node_label(entity, node_id, catalog)
    body = render(TEMPLATES[kind], **context)
    return GeneratedPage(path, front_matter(meta) + body, catalog.source_file(kind, entity_id))


def _choosers_of(catalog: Catalog, kind: str, entity_id: str, path: str) -> list[tuple[str, str]]:
    """(relative link, title) of each chooser that has this entity as a candidate."""

    return [(rel(chooser_path(cid), path), ch.nav_title) for cid, ch in catalog.choosers.items()
            if ch.candidates == kind and entity_id in candidate_ids(catalog, ch)]


def index_page(catalog: Catalog, kind: str) -> GeneratedPage:
    path = f"{kind}/index.md"
    meta = {"title": KIND_TITLES[kind], "description": INDEX_INTROS[kind], "render_macros": False}
    body = render(
        "kind-index.md.j2",
        title=KIND_TITLES[kind],
        intro=INDEX_INTROS[kind],
        kind=kind,
        entities=catalog.of_kind(kind),
        link=Linker(catalog, path),
    )
    return GeneratedPage(path, front_matter(meta) + body, None)


def glossary_page(catalog: Catalog) -> GeneratedPage:
    path = "glossary.md"
    meta = {"title": "Glossary", "description": "Every abbreviation used on AWS ML Atlas, with what it stands for and the page that explains it.", "render_macros": False}
    entries = sorted(catalog.glossary.items(), key=lambda kv: kv[0].lower())
    body = render("glossary.md.j2", entries=entries, link=Linker(catalog, path))
    return GeneratedPage(path, front_matter(meta) + body, "data/glossary.yml")


def changes_page(catalog: Catalog) -> GeneratedPage:
    """Every dated change of fact recorded in the data, newest first."""
    path = "changes.md"
    rows = []
    for kind in TEMPLATES:
        for entity_id, entity in catalog.of_kind(kind):
            for change in entity.changes:
                rows.append((change.date, kind, entity_id, change.text))
    rows.sort(key=lambda r: (r[0], r[1], r[2]), reverse=True)
    meta = {"title": "What changed", "description": "Renamed services, retired features and new versions, newest first, so a returning reader sees what moved since they last studied.", "render_macros": False}
    body = render("changes.md.j2", rows=rows, link=Linker(catalog, path))
    return GeneratedPage(path, front_matter(meta) + body, None)
