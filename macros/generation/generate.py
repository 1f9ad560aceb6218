"""The generation step: data -> a complete MkDocs project in a build folder.

`python -m macros generate` (run by `make build`, `make serve` and `make dist`) loads and
validates data/, then writes into `build/` (never into docs/):

- `build/docs/`: the hand-written pages copied from docs/, every page generated from data,
  the CSV downloads, robots.txt, the search index and the vendored front-end files;
- `build/mkdocs.yml`: the project's mkdocs.yml with the nav expanded, the glossary handed to
  the abbreviation extension and paths pointing back at the project (see mkdocs_config.py,
  the one module that knows MkDocs's configuration).

Nothing here runs inside MkDocs: the theme only ever sees finished Markdown files. Writes
are incremental (a file is rewritten only when its bytes change, stale files are removed),
so `mkdocs serve` reloads just what changed. On a data problem nothing is written.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from macros.data.catalog import Catalog
from macros.data.dataset import load_catalog
from macros.data.problems import Problem
from macros.features.practice.pages import EXAM_PAGE, PRACTICE_PAGE, practice_files
from macros.features.search.index import search_files
from macros.features.selftest import cards as selftest
from macros.generation.assemble import all_tables, generated_pages
from macros.site import status_marks
from macros.site.katex import formula_problems
from macros.site.markup import front_matter, href, read_front_matter
from macros.site.page_macros import expand
from macros.site.render import Linker
from macros.site.routes import SELFTEST_CSV
from macros.site.tables import csv_path, to_csv

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "build"

# Front-end files the site ships instead of loading them from a CDN:
# (path under node_modules, path in the built site).
VENDORED = [
    ("tablesort/dist/tablesort.min.js", "assets/vendor/tablesort.min.js"),
    ("tablesort/dist/sorts/tablesort.number.min.js", "assets/vendor/tablesort.number.min.js"),
    # KaTeX's script draws the formulas of the self-test cards in the browser; concept
    # pages carry formulas drawn at build time (macros/site/katex.py) and need only the CSS.
    ("katex/dist/katex.min.js", "assets/vendor/katex/katex.min.js"),
    ("katex/dist/katex.min.css", "assets/vendor/katex/katex.min.css"),
    # KaTeX's stylesheet loads its fonts from fonts/ beside it; woff2 is enough for
    # every browser that runs the site.
    ("katex/dist/fonts/*.woff2", "assets/vendor/katex/fonts/"),
    ("minisearch/dist/umd/index.js", "assets/vendor/minisearch.js"),
    # The FSRS spaced-repetition scheduler of the practice pages (its UMD build: a global
    # `FSRS`, no bundler needed); loaded only on those pages.
    ("ts-fsrs/dist/index.umd.js", "assets/vendor/ts-fsrs.js"),
]


class GenerationError(Exception):
    """Something outside the data is missing (for example node_modules)."""


@dataclass(frozen=True)
class Settings:
    site_url: str
    offline: bool
    search: str = "atlas"
    """"atlas": our index and worker; "stock": the theme's own search (for the benchmark)."""
    repo_url: str = "https://github.com/aws-ml-atlas/aws-ml-atlas"
    """The repository; practice questions link to its new-issue form."""
    edit_base: str = "https://github.com/aws-ml-atlas/aws-ml-atlas/edit/main/"
    """A project file's "edit this page" address is this plus its path (data/...): the
    repository's edit address of the branch the site is built from (macros/adapter)."""
    expand_macros: bool = False
    """Write the hand-written pages with their macros already run (for a tool without
    mkdocs-macros, such as Zensical); otherwise mkdocs-macros runs them in MkDocs."""


def site_files(catalog: Catalog, settings: Settings, root: Path = ROOT) -> dict[str, str | bytes | Path]:
    """Every file of the docs folder: site path -> text, bytes, or a file to copy."""

    files: dict[str, str | bytes | Path] = {}
    docs = root / "docs"
    for src in sorted(docs.rglob("*")):
        if src.is_file():
            files[src.relative_to(docs).as_posix()] = src
    for page in generated_pages(catalog, directory_urls=not settings.offline):
        if page.src_path in files:
            raise GenerationError(f"docs/{page.src_path} would hide the page generated from data; rename one of them")
        # Every closed, retired or maintenance-mode service named on the page shows its status.
        content = status_marks.annotate(page.content, catalog, page.src_path)
        files[page.src_path] = with_edit_url(content, page.source_file, settings)
    for table in all_tables(catalog, Linker(catalog, "index.md")):
        files[csv_path(table)] = to_csv(table)
    files[SELFTEST_CSV] = selftest.to_csv(selftest.all_cards(catalog))
    for rel, content in practice_files(catalog, not settings.offline, settings.site_url, issues_url(settings.repo_url)).items():
        if rel in files:
            raise GenerationError(f"docs/{rel} would hide the practice file generated from data; rename one of them")
        files[rel] = with_edit_url(content, None, settings) if rel.endswith(".md") else content
    sitemap = settings.site_url.rstrip("/") + "/sitemap.xml"
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n"
    hand_written = {rel: src.read_text(encoding="utf-8") for rel, src in files.items()
                    if isinstance(src, Path) and rel.endswith(".md")}
    if settings.expand_macros:
        # For a tool without mkdocs-macros: the pages as MkDocs would render them.
        files.update({rel: _macros_run(catalog, rel, text) for rel, text in hand_written.items()})
    # The practice pages are not made from one entity; search knows them like hand-written ones.
    hand_written.update({rel: files[rel] for rel in (PRACTICE_PAGE, EXAM_PAGE)})
    files.update(search_files(catalog, settings.offline, hand_written))
    if settings.search == "atlas":
        for rel, content in list(files.items()):
            if rel.endswith(".md"):
                files[rel] = _without_theme_search(content.read_text(encoding="utf-8") if isinstance(content, Path) else content)
    modules = root / "node_modules"
    for module_path, site_path in VENDORED:
        sources = sorted(modules.glob(module_path)) if "*" in module_path else [modules / module_path]
        if not sources or not all(src.is_file() for src in sources):
            raise GenerationError(
                f"node_modules/{module_path} is missing: run `make install` (it runs `npm ci`) to fetch the pinned front-end packages"
            )
        for src in sources:
            files[site_path + src.name if site_path.endswith("/") else site_path] = src
    return files


def issues_url(repo_url: str) -> str:
    """The repository's new-issue form ("" when the repository is not on GitHub)."""
    url = repo_url.rstrip("/")
    return url + "/issues/new" if url.startswith("https://github.com/") else ""


def with_edit_url(text: str, source_file: str | None, settings: Settings) -> str:
    """A generated page with its "edit this page" address in its front matter, which the
    theme shows (overrides/partials/actions.html): the data file the page is made from, or
    none ("") for a page made from many. A hand-written page has none in its front matter;
    the theme's own edit link (mkdocs.yml's edit_uri) points at its file under docs/."""
    meta, body = read_front_matter(text)
    meta["edit_url"] = href(settings.edit_base + source_file) if source_file else ""
    return front_matter(meta) + body.lstrip("\n")


def _macros_run(catalog: Catalog, rel: str, text: str) -> str:
    """A hand-written page with its macros run (site/page_macros.py) and marked so that
    mkdocs-macros, if present, leaves it alone."""
    meta, body = read_front_matter(text)
    if meta.get("render_macros", True):
        body = expand(catalog, rel, body)
    meta["render_macros"] = False
    return front_matter(meta) + body.lstrip("\n")


def _without_theme_search(text: str) -> str:
    """The page with `search: {exclude: true}` in its front matter: the theme's own index
    stays empty, since our worker answers every query (macros/features/search)."""

    meta, body = read_front_matter(text)
    meta["search"] = {"exclude": True}
    return front_matter(meta) + body.lstrip("\n")


def _bytes(content: str | bytes | Path) -> bytes:
    if isinstance(content, Path):
        return content.read_bytes()
    return content.encode("utf-8") if isinstance(content, str) else content


def write_tree(target: Path, files: dict[str, str | bytes | Path]) -> int:
    """Make `target` hold exactly `files`; returns how many files were (re)written."""
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, content in files.items():
        path = target / rel
        data = _bytes(content)
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp-atlas")
        tmp.write_bytes(data)
        tmp.replace(path)
        written += 1
    wanted = {target / rel for rel in files}
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


@dataclass
class Result:
    problems: list[Problem]
    written: int = 0
    catalog: Catalog | None = None
    """The catalogue the pages were made from, for the MkDocs adapter's macros (no second load)."""
    data_dir: Path | None = None
    config_path: Path | None = None


def hand_written_problems(catalog: Catalog, root: Path = ROOT) -> list[Problem]:
    """Hand-written pages (docs/) that name a closed or retired service without its status."""
    problems = []
    for src in sorted((root / "docs").rglob("*.md")):
        rel_path = src.relative_to(root).as_posix()
        if rel_path == "docs/contributing.md":
            continue  # the contributor guide shows data examples, not advice to readers
        problems += status_marks.unmarked_mentions(src.read_text(encoding="utf-8"), catalog, rel_path)
    return problems


def generate_docs(out: Path, data_dir: Path, settings: Settings, root: Path = ROOT) -> Result:
    """Load and check the data, then write the docs folder (`out/docs`); on any problem
    nothing is written. The MkDocs configuration is the adapter's (macros/adapter)."""
    data_dir = Path(data_dir)
    catalog, problems = load_catalog(data_dir, data_dir.resolve().parent)
    if problems:
        return Result(problems)

    problems = formula_problems(catalog) + hand_written_problems(catalog, root)
    if problems:
        return Result(problems)
    files = site_files(catalog, settings, root)
    written = write_tree(out / "docs", files)
    return Result([], written, catalog, data_dir)


def clean(out: Path = DEFAULT_OUT) -> None:
    shutil.rmtree(out, ignore_errors=True)
