"""The catalog for the macros of hand-written pages (mkdocs-macros runs them in MkDocs).

The generation step has already validated the data; the macros load it once more, from
the data directory the generated configuration names (`extra.atlas.data_dir`), so they
work in any tool that runs mkdocs-macros, with no hook having to run first.
"""

from __future__ import annotations

from pathlib import Path

from .catalog import Catalog

_catalog: Catalog | None = None
_loaded_from: Path | None = None


def set_catalog(catalog: Catalog) -> None:
    global _catalog
    _catalog = catalog


def load(data_dir: Path) -> Catalog:
    """The catalog of `data_dir`, loaded once per directory."""
    global _catalog, _loaded_from
    data_dir = Path(data_dir).resolve()
    if _catalog is None or _loaded_from != data_dir:
        from .loading import load_catalog
        from .problems import format_problems

        catalog, problems = load_catalog(data_dir, data_dir.parent)
        if problems:
            raise ValueError("The data has problems:\n" + format_problems(problems))
        _catalog, _loaded_from = catalog, data_dir
    return _catalog


def get_catalog() -> Catalog:
    if _catalog is None:
        raise RuntimeError("the data catalog is not loaded; build with `python -m macros build` (or `make build`)")
    return _catalog
