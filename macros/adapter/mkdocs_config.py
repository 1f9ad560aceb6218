"""The MkDocs (and Material 9) adapter: the project's mkdocs.yml -> build/mkdocs.yml.

This is the only module that knows the shape of MkDocs's configuration. It reads the
hand-written mkdocs.yml (environment tags resolved), then writes one complete, plain YAML
file that MkDocs (and tools that read mkdocs.yml, such as Zensical) can build without any
hook producing content:

- `nav`: the "@<kind>" placeholders expanded into one entry per generated page;
- the glossary handed to Python-Markdown's `abbr` extension (every abbreviation on every
  page gets its expansion as a tooltip; appending definitions to each page's text instead
  would make every page's parse grow with the glossary);
- paths made absolute, so the file works from the build folder;
- the offline bundle's adjustment (our file:// search worker frame);
- the search: our index and worker (macros/features/search), or the theme's stock search (bench).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from macros.data.catalog import Catalog
from macros.generation.assemble import nav_sections
from macros.site.render import abbreviation_glossary


def _load_base(path: Path) -> dict[str, Any]:
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with open(path, "rb") as fd:
        return yaml_load(fd, get_yaml_loader())


def base_config(path: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as MkDocs reads it (with its !ENV values resolved)."""
    return _load_base(path)


def _expand_nav(nav: list, sections: dict[str, Any]) -> list:
    """Replace "@<kind>" with the kind's generated pages: as a section's value
    ("Algorithms: '@algorithms'") or as an item inside a section."""
    out: list = []
    for item in nav or []:
        if isinstance(item, str) and item.startswith("@"):
            value = sections.get(item[1:], [])
            out += value if isinstance(value, list) else [value]
            continue
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, str) and value.startswith("@"):
                if value[1:] in sections:  # a kind with no entities yet gets no section
                    out.append({title: sections[value[1:]]})
                continue
            if isinstance(value, list):
                out.append({title: _expand_nav(value, sections)})
                continue
        out.append(item)
    return out


def _extension(config: dict, name: str) -> dict:
    """The options dict of a markdown extension, adding the extension if absent."""
    exts = config.setdefault("markdown_extensions", [])
    for i, ext in enumerate(exts):
        if ext == name:
            exts[i] = {name: {}}
            return exts[i][name]
        if isinstance(ext, dict) and name in ext:
            if ext[name] is None:
                ext[name] = {}
            return ext[name]
    exts.append({name: {}})
    return exts[-1][name]


def _plugin(config: dict, name: str) -> dict | None:
    for i, plugin in enumerate(config.get("plugins", [])):
        if plugin == name:
            config["plugins"][i] = {name: {}}
            return config["plugins"][i][name]
        if isinstance(plugin, dict) and name in plugin:
            if plugin[name] is None:
                plugin[name] = {}
            return plugin[name]
    return None


def build_config(base_path: Path, out: Path, catalog: Catalog, settings, data_dir: Path) -> dict[str, Any]:

    root = base_path.resolve().parent
    out = out.resolve()

    def here(path: Path) -> str:
        """A path as seen from the generated file (relative: tools differ on absolute ones)."""
        return os.path.relpath(path.resolve(), out)

    config = _load_base(base_path)
    config["site_url"] = settings.site_url
    config["repo_url"] = settings.repo_url  # checked (generate.settings_from_env), unlike mkdocs.yml's !ENV value
    config["docs_dir"] = "docs"
    config["site_dir"] = here(root / "site")
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = here(root / theme["custom_dir"])
    if config.get("hooks"):
        config["hooks"] = [here(root / h) for h in config["hooks"]]
    config.pop("watch", None)  # `python -m macros serve` watches data/, docs/ and macros/
    config["nav"] = _expand_nav(config.get("nav", []), nav_sections(catalog))
    _extension(config, "abbr")["glossary"] = abbreviation_glossary(catalog.glossary)
    extra = config.setdefault("extra", {})
    extra["atlas"] = {"data_dir": str(Path(data_dir).resolve()), "search": settings.search}

    if settings.search == "stock":
        # The theme's own search as it comes (for the benchmark): its default options.
        search = _plugin(config, "search")
        if search is not None:
            search.clear()
            search["lang"] = "en"

    offline = _plugin(config, "offline")
    if offline is not None:
        offline["enabled"] = settings.offline
    if settings.offline:
        # The search worker runs in a frame page of ours (theme/iframe-worker.js); its name
        # keeps the offline plugin from adding a CDN copy of the iframe-worker shim.
        extra["polyfills"] = [p for p in extra.get("polyfills", []) if "iframe-worker" not in p] + [
            "assets/javascripts/theme/iframe-worker.js"
        ]
    return config


def write_config(base_path: Path, out: Path, catalog: Catalog, settings, data_dir: Path) -> Path:
    config = build_config(base_path, out, catalog, settings, data_dir)
    path = out / "mkdocs.yml"
    text = "# Written by `python -m macros generate` from ../mkdocs.yml; do not edit.\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False, width=1000
    )
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
