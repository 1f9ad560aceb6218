"""The MkDocs hook (listed under `hooks:` in mkdocs.yml): a thin adapter, no content.

Every page, the nav, the glossary and the downloads are written before MkDocs runs, by
`python -m macros generate` (macros/generation/generate.py). MkDocs computes "edit this page" from
the docs folder, which for a generated page is the build folder; this hook points it at
the YAML file the page is made from, named by the page's `edit_source` front matter.
"""

from __future__ import annotations


def on_page_context(context, page, config, nav):
    src = page.meta.get("edit_source")
    if src and str(src).startswith("data/") and config.repo_url:
        base = config.repo_url.rstrip("/") + "/" + config.extra.get("edit_base", "edit/main/").lstrip("/")
        page.edit_url = base + str(src)
    return context
