"""Pure functions behind the macros: catalog and current page in, Markdown out."""

from __future__ import annotations

from .catalog import Catalog
from .render import Linker, render


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
    from .tables import VIEWS, render_table

    if view not in VIEWS:
        raise ValueError(f"no table view '{view}'; expected one of {', '.join(VIEWS)}")
    link = Linker(catalog, page)
    return render_table(VIEWS[view](catalog, link), link)


def comparison(catalog: Catalog, page: str, comparison_id: str) -> str:
    from .tables import comparison_table, render_table

    _check(catalog, "comparisons", comparison_id)
    link = Linker(catalog, page)
    return render_table(comparison_table(catalog, link, comparison_id), link)


def chooser_table(catalog: Catalog, page: str) -> str:
    from .choosers.page import chooser_path
    from .render import cell, md, rel

    if not catalog.choosers:
        return ""
    rows = ["| Chooser | What it asks |", "|---|---|"]
    for chooser_id, chooser in catalog.choosers.items():
        label = md(chooser.nav_title).replace("[", "\\[").replace("]", "\\]")
        rows.append(f"| [{label}]({rel(chooser_path(chooser_id), page)}) | {cell(chooser.summary)} |")
    return "\n".join(rows)
