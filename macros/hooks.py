"""mkdocs hooks (listed under `hooks:` in mkdocs.yml): the edge between data and mkdocs.

- on_config: load and validate data/ before anything else happens. Any data problem
  stops the build here, before the site directory is cleaned or a page is written, with
  the same lines `python -m macros check` prints. Also expands the "@<kind>" placeholders
  in `nav` into one entry per entity, so adding a data file needs no nav edit.
- on_files: adds one virtual page per entity and per kind index (File.generated; never
  written into docs/), and the vendored front-end libraries from node_modules.
- on_page_context: points "edit this page" of a generated page at its YAML source.

mkdocs loads this file by path, so it imports the `macros` package absolutely.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import state  # noqa: E402
from macros.loading import load_catalog  # noqa: E402
from macros.pages import generated_pages, nav_sections  # noqa: E402
from macros.problems import format_problems  # noqa: E402

# Front-end files the site ships instead of loading them from a CDN:
# (path under node_modules, path in the built site).
VENDORED = [
    ("mermaid/dist/mermaid.min.js", "assets/vendor/mermaid.min.js"),
    ("tablesort/dist/tablesort.min.js", "assets/vendor/tablesort.min.js"),
    ("tablesort/dist/sorts/tablesort.number.min.js", "assets/vendor/tablesort.number.min.js"),
    ("iframe-worker/shim/index.js", "assets/vendor/iframe-worker/shim.js"),
    ("katex/dist/katex.min.js", "assets/vendor/katex/katex.min.js"),
    ("katex/dist/katex.min.css", "assets/vendor/katex/katex.min.css"),
    # KaTeX's stylesheet loads its fonts from fonts/ beside it; woff2 is enough for
    # every browser that runs the site.
    ("katex/dist/fonts/*.woff2", "assets/vendor/katex/fonts/"),
]


class DataProblems(PluginError):
    """Raised for data mistakes; mkdocs prints the message without a traceback."""


def on_config(config):
    # ATLAS_DATA_DIR lets tests and the benchmark build the same site from other data.
    data_dir = Path(os.environ.get("ATLAS_DATA_DIR") or Path(config.config_file_path).resolve().parent / "data")
    catalog, problems = load_catalog(data_dir, data_dir.resolve().parent)
    if problems:
        raise DataProblems("The data has problems; nothing was built.\n" + format_problems(problems))
    state.set_catalog(catalog)
    config.nav = _expand_nav(config.nav, catalog)
    # Every abbreviation on every page gets its expansion as a tooltip: the glossary is
    # handed to Python-Markdown's abbr extension (appending definitions to each page's
    # text instead would make every page's parse quadratic in the glossary's size).
    from macros.render import abbreviation_glossary

    config.mdx_configs.setdefault("abbr", {})["glossary"] = abbreviation_glossary(catalog.glossary)
    _offline_adjustments(config)
    return config


def _offline_adjustments(config) -> None:
    """For the offline bundle (ATLAS_OFFLINE=true enables Material's offline plugin):
    instant navigation cannot work from file://, and the plugin has just added a CDN
    copy of the iframe-worker shim to the polyfills; ship our own copy instead."""
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        return
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if f != "navigation.instant"]
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in p] + [
        "assets/vendor/iframe-worker/shim.js"
    ]


def _expand_nav(nav, catalog):
    """Replace "@<kind>" in mkdocs.yml's nav with the kind's generated pages: as a
    section's value ("Algorithms: '@algorithms'") or as an item inside a section."""
    sections = nav_sections(catalog)
    out = []
    for item in nav or []:
        if isinstance(item, str) and item.startswith("@"):
            out += sections.get(item[1:], [])
            continue
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, str) and value.startswith("@"):
                if value[1:] in sections:  # a kind with no entities yet gets no section
                    out.append({title: sections[value[1:]]})  # a page path or a section list
                continue
            if isinstance(value, list):
                out.append({title: _expand_nav(value, catalog)})
                continue
        out.append(item)
    return out


def on_files(files: Files, config) -> Files:
    catalog = state.get_catalog()
    for page in generated_pages(catalog):
        file = File.generated(config, page.src_path, content=page.content)
        if page.source_file:
            file.edit_uri = page.source_file
        files.append(file)
    from macros.render import Linker
    from macros.tables import all_tables, csv_path, to_csv

    from macros import selftest
    from macros.pages import SELFTEST_CSV

    for table in all_tables(catalog, Linker(catalog, "index.md")):
        files.append(File.generated(config, csv_path(table), content=to_csv(table)))
    files.append(File.generated(config, SELFTEST_CSV, content=selftest.to_csv(selftest.all_cards(catalog))))
    # robots.txt pointing crawlers at the sitemap mkdocs writes.
    sitemap = (config.site_url or "").rstrip("/") + "/sitemap.xml" if config.site_url else "sitemap.xml"
    files.append(File.generated(config, "robots.txt", content=f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n"))
    modules = ROOT / "node_modules"
    for module_path, site_path in VENDORED:
        sources = sorted(modules.glob(module_path)) if "*" in module_path else [modules / module_path]
        if not sources or not all(src.is_file() for src in sources):
            raise PluginError(
                f"node_modules/{module_path} is missing: run `make install` (it runs `npm ci`) to fetch the pinned front-end packages"
            )
        for src in sources:
            target = site_path + src.name if site_path.endswith("/") else site_path
            files.append(File.generated(config, target, abs_src_path=str(src)))
    return files


def on_page_context(context, page, config, nav):
    _add_row_search_entries(page, config)
    # Generated pages carry the project-relative path of their YAML file in edit_uri.
    # mkdocs joins edit_uri onto repo_url + the configured edit_uri (which points into
    # docs/); for data files we point at the repository root instead.
    src = page.file.edit_uri
    if page.file.generated_by and src and src.startswith("data/") and config.repo_url:
        base = config.repo_url.rstrip("/") + "/" + config.extra.get("edit_base", "edit/main/").lstrip("/")
        page.edit_url = base + src
    return context


def _add_row_search_entries(page, config) -> None:
    """Index each hyperparameter and metric row on its own, so a search for an exact
    name leads to the row. Runs after the search plugin's own on_page_context."""
    search = config.plugins.get("material/search")
    if search is None:
        return
    from macros.pages import CONTENT_TYPES_PAGE, content_type_search_entries, row_search_entries

    parts = page.file.src_uri.split("/")
    if page.file.src_uri == CONTENT_TYPES_PAGE:
        entries = content_type_search_entries(state.get_catalog(), page.url)
    elif page.file.generated_by and len(parts) == 2 and parts[1] != "index.md":
        entries = row_search_entries(state.get_catalog(), page.url, parts[0], parts[1][: -len(".md")])
    else:
        return
    for entry in entries:
        search.search_index.entries.append(
            {"location": entry.location, "title": entry.title, "text": entry.text, "tags": list(entry.tags), "boost": 3}
        )
