"""AWS ML Atlas macros for mkdocs-macros: registers macros, computes nothing.

Each macro reads the catalog (loaded once from the data directory that the generated
configuration names) and calls a pure function from `views`, passing the current page's
path so relative links come out right. Hand-written pages in docs/ use these macros.
mkdocs-macros loads this package by name (`modules: [macros]`), so it works wherever the
configuration file is.
"""

from __future__ import annotations


def define_env(env):  # pragma: no cover - exercised by the build tests
    from pathlib import Path

    from . import state, views

    data_dir = ((env.conf.get("extra") or {}).get("atlas") or {}).get("data_dir")
    state.load(Path(data_dir) if data_dir else Path(__file__).resolve().parent.parent / "data")

    def here() -> str:
        # MkDocs pages carry file.src_uri; Zensical's carry the same path as page.path.
        page = env.page
        file = getattr(page, "file", None)
        return file.src_uri if file is not None else str(page.path)

    @env.macro
    def link_to(kind: str, entity_id: str, text: str | None = None, anchor: str | None = None) -> str:
        """A Markdown link to an entity's page: {{ link_to("algorithms", "xgboost") }}."""
        return views.link_to(state.get_catalog(), here(), kind, entity_id, text, anchor)

    @env.macro
    def exists(kind: str, entity_id: str) -> bool:
        """Whether the data has this entity (hand-written pages may name optional ones)."""
        return entity_id in state.get_catalog().entities.get(kind, {})

    @env.macro
    def entity_count(kind: str) -> int:
        return len(state.get_catalog().entities[kind])

    @env.macro
    def table(view: str) -> str:
        """A comparison view generated from data, with filter, sort and CSV download:
        {{ table("algorithms-at-a-glance") }}."""
        return views.table(state.get_catalog(), here(), view)

    @env.macro
    def comparison(comparison_id: str) -> str:
        """The table of a comparison entity (data/comparisons/<id>.yml)."""
        return views.comparison(state.get_catalog(), here(), comparison_id)

    @env.macro
    def entity_table(kind: str) -> str:
        """Every entity of a kind with its summary."""
        return views.entity_table(state.get_catalog(), here(), kind)

    @env.macro
    def has_chooser(chooser_id: str) -> bool:
        """Whether the data has this chooser (data/choosers/<id>.yml)."""
        return chooser_id in state.get_catalog().choosers

    @env.macro
    def chooser_table() -> str:
        """Every chooser, linked, with what it asks."""
        return views.chooser_table(state.get_catalog(), here())
