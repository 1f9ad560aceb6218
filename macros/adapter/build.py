"""Generate and build with MkDocs: the build settings from the environment, the generation
step plus the MkDocs configuration, and a strict MkDocs build run in this process, so the
catalogue the generation step loaded is the one the macros of hand-written pages read.

A failed build leaves an existing site untouched: MkDocs builds into a sibling folder that
replaces the site only when the build and the CSP step (site/csp.py) pass.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from pathlib import Path

from macros.adapter import macros_plugin
from macros.adapter.mkdocs_config import base_config, write_config
from macros.data.text_rules import check_url
from macros.generation.generate import ROOT, GenerationError, Result, Settings, generate_docs
from macros.site import csp


def settings_from_env() -> Settings:
    """The build settings from the environment, each URL checked: a setting is put into
    every page (canonical links, edit links, the report form), so a bad one is refused
    with one line (GenerationError) instead of becoming markup."""
    site_url = os.environ.get("ATLAS_SITE_URL") or "https://aws-ml-atlas.github.io/aws-ml-atlas/"
    repo_url = os.environ.get("ATLAS_REPO_URL") or _default_repo_url()
    search = os.environ.get("ATLAS_SEARCH", "atlas")
    if search not in ("atlas", "stock"):
        raise GenerationError(f"ATLAS_SEARCH: expected 'atlas' or 'stock'; got '{search[:80]}'")
    repo_url = _setting_url("ATLAS_REPO_URL", repo_url)
    return Settings(
        site_url=_setting_url("ATLAS_SITE_URL", site_url, loopback_http=True),
        offline=os.environ.get("ATLAS_OFFLINE", "").lower() in ("1", "true", "yes"),
        search=search,
        repo_url=repo_url,
        edit_base=_edit_base(repo_url),
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


def _edit_base(repo_url: str, root: Path = ROOT) -> str:
    """Where the repository's files are edited: repo_url plus mkdocs.yml's edit_uri without
    its docs/ folder (edit_uri gives the hand-written pages' edit links, which MkDocs and
    Zensical compute themselves; generated pages edit their data files, elsewhere in the
    same branch)."""
    edit_uri = str(base_config(root / "mkdocs.yml").get("edit_uri") or "")
    folder = edit_uri.strip("/")
    if not folder.endswith("docs"):
        raise GenerationError(f"mkdocs.yml: expected edit_uri to end in the docs/ folder (such as edit/main/docs/); got '{edit_uri[:80]}'")
    return _setting_url("ATLAS_REPO_URL", repo_url.rstrip("/") + "/" + folder[: -len("docs")].lstrip("/"))


def _default_repo_url(root: Path = ROOT) -> str:
    """repo_url as mkdocs.yml gives it (its !ENV default)."""

    return str(base_config(root / "mkdocs.yml").get("repo_url") or Settings.repo_url)


def generate(out: Path, data_dir: Path | None = None, settings: Settings | None = None, root: Path = ROOT) -> Result:
    """The docs folder (generation step), then the MkDocs configuration beside it."""
    data_dir = Path(data_dir or os.environ.get("ATLAS_DATA_DIR") or root / "data")
    settings = settings or settings_from_env()
    result = generate_docs(out, data_dir, settings, root)
    if not result.problems:
        result.config_path = write_config(root / "mkdocs.yml", out, result.catalog, settings, data_dir)
    return result


class _Lines(logging.Handler):
    """MkDocs's log messages, one line each on stderr, as `mkdocs build` prints them."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname:<8}-  {record.getMessage()}", file=sys.stderr)


def build_site(result: Result, site_dir: Path) -> list[str]:
    """A strict MkDocs build of the generated project into `site_dir`, in this process,
    with the generated catalogue handed to the macros; the problems, one line each."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    site_dir = site_dir.resolve()  # MkDocs would read a relative one from the config's folder
    tmp = site_dir.with_name(site_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    macros_plugin.hand_over(result.data_dir, result.catalog)
    logger = logging.getLogger("mkdocs")
    handler = _Lines(logging.INFO if os.environ.get("ATLAS_VERBOSE") else logging.WARNING)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    propagate, logger.propagate = logger.propagate, False  # our handler prints; no second copy
    try:
        build(load_config(str(result.config_path), site_dir=str(tmp), strict=True))
        refused = csp.apply(tmp)
    except (Abort, MkDocsException) as err:
        refused = [str(err)]
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    if refused:
        shutil.rmtree(tmp, ignore_errors=True)
        return refused
    shutil.rmtree(site_dir, ignore_errors=True)
    tmp.replace(site_dir)
    return []
