"""Every path and anchor of the site, in one place: where an entity's page lives, how a
docs path becomes a built URL (directory URLs for the hosted site, .html offline), relative
links between pages, and the anchors other pages link to (hyperparameters, metrics, content
types, and the sections of entity pages in SECTIONS).
"""

from __future__ import annotations

import posixpath
import re


def hp_anchor(name: str) -> str:
    return "hp-" + re.sub(r"[^A-Za-z0-9_\-]", "-", name)


def metric_anchor(name: str) -> str:
    return "metric-" + re.sub(r"[^A-Za-z0-9_\-]", "-", name)


def page_path(kind: str, entity_id: str) -> str:
    """The docs-relative source path of an entity's generated page."""
    return f"{kind}/{entity_id}.md"


def built_url(src_path: str, directory_urls: bool = True) -> str:
    """Site-relative URL of a docs page as the built site has it: `x/y.md` is `x/y/` with
    directory URLs (the hosted site) and `x/y.html` without (the offline bundle)."""
    if not directory_urls:
        return src_path[: -len(".md")] + ".html"
    if src_path == "index.md":
        return ""
    if src_path.endswith("/index.md"):
        return src_path[: -len("index.md")]
    return src_path[: -len(".md")] + "/"


def built_link(target_src: str, from_src: str, directory_urls: bool = True) -> str:
    """A relative link as it must appear in raw HTML, which MkDocs does not rewrite."""
    target, here = built_url(target_src, directory_urls), built_url(from_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    link = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def rel(target: str, from_page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


SELFTEST_CSV = "downloads/atlas-flashcards.csv"
CONTENT_TYPES_PAGE = "compare/input-formats.md"


"""The hand-written page whose table has one row per content type (search leads to rows)."""


def content_type_anchor(content_type: str) -> str:
    return "ct-" + "".join(c if c.isalnum() else "-" for c in content_type)


def chooser_path(chooser_id: str) -> str:
    return f"choose/{chooser_id}.md"


def revision_path(exam_id: str, revision) -> str:
    return f"exams/changes/{exam_id}-{revision.date.isoformat()}.md"


SECTIONS = {
    "training-data": "training-data",
    "algorithm-not-for": "when-not-to-use-it",
    "service-not-for": "what-it-is-not-for",
    "features": "key-features",
    "limits": "limits-and-numbers",
    "traits": "facts-for-choosing",
    "questions": "questions-this-page-answers",
}
"""Sections of entity pages that practice, self-test and search link to, by name -> anchor.
The templates give these headings their ids from here (`section_id`), so a reworded
heading keeps its anchor and every link to it."""


def section(name: str) -> str:
    """The anchor of a linked section (KeyError for a section no template gives an id)."""
    return SECTIONS[name]


def section_id(name: str) -> str:
    """The attribute list that gives a heading its anchor: '{ #limits-and-numbers }'."""
    return "{ #" + SECTIONS[name] + " }"
