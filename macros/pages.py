"""Which generated pages exist, their paths, front matter and Markdown (pure).

`generated_pages(catalog)` returns every page made from data: one per entity and one
index per kind. The mkdocs hook turns each into a virtual file; tests call it directly.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .catalog import Catalog
from .diagrams import diagram_html, node_label
from .exam_pages import page_ref_link, revision_links, revision_pages, revision_path, revision_title
from .render import KIND_TITLES, Linker, front_matter, page_path, render

TEMPLATES = {
    "algorithms": "algorithm.md.j2",
    "services": "service.md.j2",
    "pipelines": "pipeline.md.j2",
    "concepts": "concept.md.j2",
    "comparisons": "comparison.md.j2",
    "exams": "exam.md.j2",
}

INDEX_INTROS = {
    "algorithms": "Every built-in algorithm of Amazon SageMaker AI, with its inputs, instances, "
    "hyperparameters and tuning metrics.",
    "services": "The AWS data, analytics and AI services that machine-learning work on AWS relies on.",
    "pipelines": "Reference data pipelines, drawn from data: each box is a link to the service's page.",
    "concepts": "The machine-learning ideas the services and algorithms rest on.",
    "comparisons": "Side-by-side comparisons of the choices that come up again and again.",
    "exams": "The AWS certification exams this material serves, with what to study for each domain.",
}


@dataclass(frozen=True)
class GeneratedPage:
    src_path: str
    """Path under docs/ that the page pretends to have (e.g. algorithms/xgboost.md)."""
    content: str
    source_file: str | None
    """The data file the page is made from (project-relative), for "edit this page"."""


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
        "edit_source": catalog.source_file(kind, entity_id),
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
        from .tables import comparison_table, render_table

        context["table_md"] = render_table(comparison_table(catalog, link, entity_id), link)
    if kind == "concepts":
        from .math import formula_blocks

        blocks = formula_blocks(catalog) if entity.formulas else {}
        context["formula"] = lambda tex: blocks[" ".join(tex.split())]
        if entity.formulas:
            meta["math"] = True  # overrides/main.html links KaTeX's stylesheet on this page only
    if kind == "pipelines":
        from .render import built_link

        context["diagram"] = diagram_html(
            entity, catalog, lambda service: built_link(page_path("services", service), path, directory_urls), f"diagram-{entity_id}")
        context["node_name"] = lambda node_id: node_label(entity, node_id, catalog)
    body = render(TEMPLATES[kind], **context)
    return GeneratedPage(path, front_matter(meta) + body, catalog.source_file(kind, entity_id))


def _choosers_of(catalog: Catalog, kind: str, entity_id: str, path: str) -> list[tuple[str, str]]:
    """(relative link, title) of each chooser that has this entity as a candidate."""
    from .choosers.load import candidate_ids
    from .choosers.page import chooser_path
    from .render import rel

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
    meta = {"title": "Glossary", "description": "Every abbreviation used on AWS ML Atlas, with what it stands for and the page that explains it.", "render_macros": False, "edit_source": "data/glossary.yml"}
    entries = sorted(catalog.glossary.items(), key=lambda kv: kv[0].lower())
    body = render("glossary.md.j2", entries=entries, link=Linker(catalog, path))
    return GeneratedPage(path, front_matter(meta) + body, "data/glossary.yml")


SELFTEST_CSV = "downloads/atlas-flashcards.csv"


def selftest_pages(catalog: Catalog) -> list[GeneratedPage]:
    from .render import rel
    from .selftest import TOPICS, all_cards, resolve_links

    cards = all_cards(catalog)
    pages = []

    def page(path: str, title: str, description: str, intro: str, chosen) -> GeneratedPage:
        link = Linker(catalog, path)
        body = render("selftest-page.md.j2", title=title, intro=intro, cards=[resolve_links(c, link) for c in chosen])
        meta = {"title": html.escape(title), "description": html.escape(description), "render_macros": False, "search": {"exclude": True}}
        return GeneratedPage(path, front_matter(meta) + body, None)

    topics = []
    for topic, title in TOPICS.items():
        chosen = [c for c in cards if c.topic == topic]
        if not chosen:
            continue
        topics.append((topic, title, len(chosen)))
        pages.append(page(f"self-test/{topic}.md", f"Self-test: {title.lower()}",
                          f"{len(chosen)} question cards on {title.lower()}, generated from the site's data.",
                          f"{len(chosen)} cards, generated from the data. Each answer links to the page it comes from.", chosen))
    exams = []
    for exam_id, exam in catalog.of_kind("exams"):
        rows = []
        for d in exam.domains:
            key = f"{exam_id}/{d.number}"
            chosen = [c for c in cards if key in c.domains]
            rows.append((d.number, d.name, d.weight, len(chosen)))
            pages.append(page(f"self-test/{exam_id}-domain-{d.number}.md", f"{exam.code} domain {d.number}: {d.name}",
                              f"Question cards for {exam.code} domain {d.number} ({d.name}), generated from the site's data.",
                              f"{len(chosen)} cards from the pages tagged with {exam.code} domain {d.number} ({d.weight}% of the exam).", chosen))
        exams.append((exam_id, exam, rows))
    index_path = "self-test/index.md"
    body = render("selftest-index.md.j2", total=len(cards), topics=topics, exams=exams, csv_url=rel(SELFTEST_CSV, index_path))
    meta = {"title": "Self-test", "description": "Question cards generated from the data, grouped by topic and by exam domain, with a CSV export for flashcard apps.", "render_macros": False}
    pages.insert(0, GeneratedPage(index_path, front_matter(meta) + body, None))
    return pages


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


def generated_pages(catalog: Catalog, directory_urls: bool = True) -> list[GeneratedPage]:
    pages = [changes_page(catalog)]
    pages += [GeneratedPage(path, content, source) for path, content, source in revision_pages(catalog)]
    if catalog.glossary:
        pages.append(glossary_page(catalog))
    pages += selftest_pages(catalog)
    from .choosers.page import chooser_pages

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


def study_nav(catalog: Catalog) -> list:
    """The self-test section: index, topics, then exam domains."""
    from .selftest import TOPICS, all_cards

    cards = all_cards(catalog)
    entries: list = ["self-test/index.md"]
    entries += [{title: f"self-test/{topic}.md"} for topic, title in TOPICS.items() if any(c.topic == topic for c in cards)]
    for exam_id, exam in catalog.of_kind("exams"):
        entries.append({html.escape(exam.code): [{html.escape(f"Domain {d.number}: {d.name}"): f"self-test/{exam_id}-domain-{d.number}.md"} for d in exam.domains]})
    return entries


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
    from .practice.pages import practice_nav

    sections["practice"] = practice_nav()
    sections["self-test"] = study_nav(catalog)
    if catalog.choosers:
        from .choosers.page import chooser_nav

        sections["choosers"] = chooser_nav(catalog)
    sections["changes"] = "changes.md"
    if catalog.glossary:
        sections["glossary"] = "glossary.md"
    return sections


CONTENT_TYPES_PAGE = "compare/input-formats.md"
"""The hand-written page whose table has one row per content type (search leads to rows)."""
