"""The text of a hand-written page as a reader sees it, for the search: its macros run
(the comparison tables and lists they fill in, from the catalog, exactly as the build
renders them) and its Markdown reduced to plain text, table cells included."""

from __future__ import annotations

import re

from ..catalog import Catalog

_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
_HTML_TAG = re.compile(r"<[^>]+>")


def expand_macros(catalog: Catalog, src: str, body: str) -> str:
    """The page's Markdown after mkdocs-macros would have run (the same macros as
    macros/__init__.py, through the same views)."""
    import jinja2

    from .. import views

    env = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined)
    env.globals.update(
        link_to=lambda kind, entity_id, text=None, anchor=None: views.link_to(catalog, src, kind, entity_id, text, anchor),
        exists=lambda kind, entity_id: entity_id in catalog.entities.get(kind, {}),
        entity_count=lambda kind: len(catalog.entities[kind]),
        table=lambda view: views.table(catalog, src, view),
        comparison=lambda comparison_id: views.comparison(catalog, src, comparison_id),
        entity_table=lambda kind: views.entity_table(catalog, src, kind),
        has_chooser=lambda chooser_id: chooser_id in catalog.choosers,
        chooser_table=lambda: views.chooser_table(catalog, src),
    )
    try:
        return env.from_string(body).render()
    except jinja2.TemplateError as err:
        raise ValueError(f"docs/{src}: a macro failed while indexing the page for search: {err}") from err


def markdown_text(markdown: str) -> str:
    """Plain words of rendered Markdown: headings, paragraphs, list items and every table
    cell (not the table's rule line, HTML tags or attribute lists)."""
    lines = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or _TABLE_RULE.match(stripped):
            continue
        if stripped.startswith("|"):
            stripped = " ; ".join(c.strip() for c in stripped.strip("|").split("|") if c.strip())
        stripped = _HTML_TAG.sub(" ", stripped)
        stripped = re.sub(r"^#+\s*|^[-*+]\s+|^\d+\.\s+|^!!!.*$|^\?\?\?.*$", "", stripped)
        if stripped:
            lines.append(stripped)
    return " ".join(lines)
