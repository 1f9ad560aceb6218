"""The macros of hand-written pages (docs/): catalog and current page in, Markdown out.

`macro_functions` is the one list of them. MkDocs runs them through mkdocs-macros
(macros/adapter/macros_plugin.py registers exactly these); the generation step runs them
itself through `expand` for the search index and for tools without mkdocs-macros.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from macros.data.catalog import Catalog
from macros.site.markup import cell, md
from macros.site.render import Linker, render
from macros.site.routes import chooser_path, rel
from macros.site.tables import VIEWS, comparison_table, render_table


def _check(catalog: Catalog, kind: str, entity_id: str | None = None) -> None:
    if kind not in catalog.entities:
        raise ValueError(f"unknown kind '{kind}'; expected one of {', '.join(catalog.entities)}")
    if entity_id is not None and entity_id not in catalog.entities[kind]:
        raise ValueError(f"no {kind[:-1]} with id '{entity_id}'")


def link_to(catalog: Catalog, page: str, kind: str, entity_id: str, text=None, anchor=None) -> str:
    _check(catalog, kind, entity_id)
    return Linker(catalog, page)(kind, entity_id, text, anchor)


def entity_table(catalog: Catalog, page: str, kind: str) -> str:
    _check(catalog, kind)
    return render("partials/entity-table.md.j2", kind=kind, entities=catalog.of_kind(kind), link=Linker(catalog, page))


def table(catalog: Catalog, page: str, view: str) -> str:

    if view not in VIEWS:
        raise ValueError(f"no table view '{view}'; expected one of {', '.join(VIEWS)}")
    link = Linker(catalog, page)
    return render_table(VIEWS[view](catalog, link), link)


def comparison(catalog: Catalog, page: str, comparison_id: str) -> str:

    _check(catalog, "comparisons", comparison_id)
    link = Linker(catalog, page)
    return render_table(comparison_table(catalog, link, comparison_id), link)


def chooser_table(catalog: Catalog, page: str) -> str:

    if not catalog.choosers:
        return ""
    rows = ["| Chooser | What it asks |", "|---|---|"]
    for chooser_id, chooser in catalog.choosers.items():
        label = md(chooser.nav_title).replace("[", "\\[").replace("]", "\\]")
        rows.append(f"| [{label}]({rel(chooser_path(chooser_id), page)}) | {cell(chooser.summary)} |")
    return "\n".join(rows)


def macro_functions(catalog: Catalog, page: str) -> dict[str, Callable]:
    """Name -> function of every macro a hand-written page may call, bound to the catalog
    and the page's docs-relative path (relative links come out right)."""

    def link_to_(kind: str, entity_id: str, text: str | None = None, anchor: str | None = None) -> str:
        """A Markdown link to an entity's page: {{ link_to("algorithms", "xgboost") }}."""
        return link_to(catalog, page, kind, entity_id, text, anchor)

    def exists(kind: str, entity_id: str) -> bool:
        """Whether the data has this entity (hand-written pages may name optional ones)."""
        return entity_id in catalog.entities.get(kind, {})

    def entity_count(kind: str) -> int:
        return len(catalog.entities[kind])

    def table_(view: str) -> str:
        """A comparison view generated from data, with filter, sort and CSV download:
        {{ table("algorithms-at-a-glance") }}."""
        return table(catalog, page, view)

    def comparison_(comparison_id: str) -> str:
        """The table of a comparison entity (data/comparisons/<id>.yml)."""
        return comparison(catalog, page, comparison_id)

    def entity_table_(kind: str) -> str:
        """Every entity of a kind with its summary."""
        return entity_table(catalog, page, kind)

    def has_chooser(chooser_id: str) -> bool:
        """Whether the data has this chooser (data/choosers/<id>.yml)."""
        return chooser_id in catalog.choosers

    def chooser_table_() -> str:
        """Every chooser, linked, with what it asks."""
        return chooser_table(catalog, page)

    return {"link_to": link_to_, "exists": exists, "entity_count": entity_count, "table": table_,
            "comparison": comparison_, "entity_table": entity_table_, "has_chooser": has_chooser,
            "chooser_table": chooser_table_}


def expand(catalog: Catalog, page: str, body: str) -> str:
    """The page's Markdown with its macros run, as mkdocs-macros would run them (the same
    functions; "{#" stays free for attribute lists, as mkdocs.yml configures the plugin)."""
    env = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined,
                             comment_start_string="{##", comment_end_string="##}")
    env.globals.update(macro_functions(catalog, page))
    try:
        return env.from_string(body).render()
    except jinja2.TemplateError as err:
        raise ValueError(f"docs/{page}: a macro failed: {err}") from err
