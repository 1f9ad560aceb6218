"""mkdocs-macros' entry point (mkdocs.yml: `modules: [macros.adapter.macros_plugin]`).

It registers the macros of hand-written pages (site/page_macros.py, the one list of
them) and computes nothing. The catalogue is the one the generation step built, handed
over in process by `python -m macros build` (adapter/build.py), so the data is loaded once
per build and `make serve`, which builds in a fresh process on every change, always shows
the current data. Run as plain `mkdocs build -f build/mkdocs.yml` (no catalogue handed
over), it loads the data directory the generated configuration names.
"""

from __future__ import annotations

from pathlib import Path

from macros.data.catalog import Catalog
from macros.data.dataset import load_catalog
from macros.data.problems import format_problems
from macros.site.page_macros import macro_functions

_handed_over: tuple[Path, Catalog] | None = None


def hand_over(data_dir: Path, catalog: Catalog) -> None:
    """The catalogue the generation step built from `data_dir`, for this process's build."""
    global _handed_over
    _handed_over = (Path(data_dir).resolve(), catalog)


def catalog_for(data_dir: Path) -> Catalog:
    """The handed-over catalogue of `data_dir`, else `data_dir` loaded (and kept)."""
    data_dir = Path(data_dir).resolve()
    if _handed_over is None or _handed_over[0] != data_dir:
        catalog, problems = load_catalog(data_dir, data_dir.parent)
        if problems:
            raise ValueError("The data has problems:\n" + format_problems(problems))
        hand_over(data_dir, catalog)
    return _handed_over[1]


def _page_path(page) -> str:
    # MkDocs pages carry file.src_uri; Zensical's carry the same path as page.path.
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else str(page.path)


def define_env(env) -> None:
    data_dir = ((env.conf.get("extra") or {}).get("atlas") or {}).get("data_dir")
    catalog = catalog_for(Path(data_dir) if data_dir else Path(__file__).resolve().parents[2] / "data")
    names = macro_functions(catalog, "index.md")
    for name in names:
        # Bound per call to the page being rendered.
        def call(*args, _name=name, **kwargs):
            return macro_functions(catalog, _page_path(env.page))[_name](*args, **kwargs)

        call.__name__ = name
        call.__doc__ = names[name].__doc__
        env.macro(call, name)
