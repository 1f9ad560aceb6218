"""The catalog of the build in progress, shared by the mkdocs hook and the macros.

The hook loads and validates the data in on_config and stores it here; macros called
from hand-written pages read it. Both run in one process, one build at a time.
"""

from __future__ import annotations

from .catalog import Catalog

_catalog: Catalog | None = None


def set_catalog(catalog: Catalog) -> None:
    global _catalog
    _catalog = catalog


def get_catalog() -> Catalog:
    if _catalog is None:
        raise RuntimeError("the data catalog is not loaded; is macros/hooks.py listed under hooks: in mkdocs.yml?")
    return _catalog
