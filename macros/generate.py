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

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .loading import load_catalog
from . import status
from .problems import Problem
from .text_rules import check_url

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "build"

# Front-end files the site ships instead of loading them from a CDN:
# (path under node_modules, path in the built site).
VENDORED = [
    ("tablesort/dist/tablesort.min.js", "assets/vendor/tablesort.min.js"),
    ("tablesort/dist/sorts/tablesort.number.min.js", "assets/vendor/tablesort.number.min.js"),
    # KaTeX's script draws the formulas of the self-test cards in the browser; concept
    # pages carry formulas drawn at build time (macros/math.py) and need only the CSS.
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


def settings_from_env() -> Settings:
    """The build settings from the environment, each URL checked: a setting is put into
    every page (canonical links, edit links, the report form), so a bad one is refused
    with one line (GenerationError) instead of becoming markup."""
    site_url = os.environ.get("ATLAS_SITE_URL") or "https://aws-ml-atlas.github.io/aws-ml-atlas/"
    repo_url = os.environ.get("ATLAS_REPO_URL") or _default_repo_url()
    search = os.environ.get("ATLAS_SEARCH", "atlas")
    if search not in ("atlas", "stock"):
        raise GenerationError(f"ATLAS_SEARCH: expected 'atlas' or 'stock'; got '{search[:80]}'")
    return Settings(
        site_url=_setting_url("ATLAS_SITE_URL", site_url, loopback_http=True),
        offline=os.environ.get("ATLAS_OFFLINE", "").lower() in ("1", "true", "yes"),
        search=search,
        repo_url=_setting_url("ATLAS_REPO_URL", repo_url),
    )


def _setting_url(name: str, url: str, loopback_http: bool = False) -> str:
    """An https URL (http only for this machine, as `make serve` uses), ending in '/'
    for the site's address."""
    checked = url
    if loopback_http and re.match(r"^http://(127\.0\.0\.1|localhost)(:\d+)?/", url):
        checked = "https://" + url[len("http://"):]
    try:
        check_url(checked, "an address")
    except ValueError as err:
        raise GenerationError(f"{name}: {err}") from None
    return url


def _default_repo_url(root: Path = ROOT) -> str:
    """repo_url as mkdocs.yml gives it (its !ENV default)."""
    from .mkdocs_config import base_config

    return str(base_config(root / "mkdocs.yml").get("repo_url") or Settings.repo_url)


def site_files(catalog: Catalog, settings: Settings, root: Path = ROOT) -> dict[str, str | bytes | Path]:
    """Every file of the docs folder: site path -> text, bytes, or a file to copy."""
    from . import selftest
    from .pages import SELFTEST_CSV, generated_pages
    from .practice.pages import EXAM_PAGE, PRACTICE_PAGE, practice_files
    from .render import Linker
    from .search.index import search_files
    from .tables import all_tables, csv_path, to_csv

    files: dict[str, str | bytes | Path] = {}
    docs = root / "docs"
    for src in sorted(docs.rglob("*")):
        if src.is_file():
            files[src.relative_to(docs).as_posix()] = src
    for page in generated_pages(catalog, directory_urls=not settings.offline):
        if page.src_path in files:
            raise GenerationError(f"docs/{page.src_path} would hide the page generated from data; rename one of them")
        # Every closed, retired or maintenance-mode service named on the page shows its status.
        files[page.src_path] = status.annotate(page.content, catalog, page.src_path)
    for table in all_tables(catalog, Linker(catalog, "index.md")):
        files[csv_path(table)] = to_csv(table)
    files[SELFTEST_CSV] = selftest.to_csv(selftest.all_cards(catalog))
    for rel, content in practice_files(catalog, not settings.offline, settings.site_url, issues_url(settings.repo_url)).items():
        if rel in files:
            raise GenerationError(f"docs/{rel} would hide the practice file generated from data; rename one of them")
        files[rel] = content
    sitemap = settings.site_url.rstrip("/") + "/sitemap.xml"
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n"
    hand_written = {rel: src.read_text(encoding="utf-8") for rel, src in files.items()
                    if isinstance(src, Path) and rel.endswith(".md")}
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


def _without_theme_search(text: str) -> str:
    """The page with `search: {exclude: true}` in its front matter: the theme's own index
    stays empty, since our worker answers every query (macros/search)."""
    from .render import front_matter
    from .search.index import read_front_matter

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
    config_path: Path | None = None


def hand_written_problems(catalog: Catalog, root: Path = ROOT) -> list[Problem]:
    """Hand-written pages (docs/) that name a closed or retired service without its status."""
    problems = []
    for src in sorted((root / "docs").rglob("*.md")):
        rel_path = src.relative_to(root).as_posix()
        if rel_path == "docs/contributing.md":
            continue  # the contributor guide shows data examples, not advice to readers
        problems += status.unmarked_mentions(src.read_text(encoding="utf-8"), catalog, rel_path)
    return problems


def generate(out: Path = DEFAULT_OUT, data_dir: Path | None = None, settings: Settings | None = None, root: Path = ROOT) -> Result:
    from .mkdocs_config import write_config

    data_dir = Path(data_dir or os.environ.get("ATLAS_DATA_DIR") or root / "data")
    settings = settings or settings_from_env()
    catalog, problems = load_catalog(data_dir, data_dir.resolve().parent)
    if problems:
        return Result(problems)
    from .math import formula_problems

    problems = formula_problems(catalog) + hand_written_problems(catalog, root)
    if problems:
        return Result(problems)
    files = site_files(catalog, settings, root)
    written = write_tree(out / "docs", files)
    config_path = write_config(root / "mkdocs.yml", out, catalog, settings, data_dir)
    return Result([], written, config_path)


def clean(out: Path = DEFAULT_OUT) -> None:
    shutil.rmtree(out, ignore_errors=True)
