"""Pure rendering: catalog data in, Markdown out, through the Jinja templates in templates/.

Nothing here knows about mkdocs. Every page and table is a template file; this module
only provides the Jinja environment, the filters that make data text safe in Markdown,
and the link helpers the templates call.

Text from data is "Markdown-lite": code spans, emphasis and links are kept, but `<`, `>`
and `&` outside code spans are escaped so that HTML in data always shows as text.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import escape as html_escape

from .catalog import Catalog
from .text_rules import check_url

TEMPLATES = Path(__file__).parent / "templates"

KIND_TITLES = {
    "algorithms": "Algorithms",
    "services": "Services",
    "pipelines": "Pipelines",
    "concepts": "Concepts",
    "comparisons": "Comparisons",
    "exams": "Exams",
}

SERVICE_STATUS = {
    "active": "Active",
    "closed": "Closed to new customers",
    "maintenance": "Maintenance mode",
    "discontinued": "Discontinued",
}

_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.S)
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;"}


_LINK_PART = re.compile(r"\]\([^)]*\)")
_LONG_WORD = re.compile(r"[^\s\u200b]{48,}")


def _soft_breaks(text: str) -> str:
    """A zero-width space every 32 characters of a very long unbroken word, outside link
    targets, so that no word from data can push a column or a card off the page."""
    out, pos = [], 0
    for m in _LINK_PART.finditer(text):
        out.append(_LONG_WORD.sub(_split_word, text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_LONG_WORD.sub(_split_word, text[pos:]))
    return "".join(out)


def _split_word(m: re.Match) -> str:
    word = m.group(0)
    return "\u200b".join(word[i:i + 32] for i in range(0, len(word), 32))


def _escape_plain(text: str) -> str:
    # "{" is escaped too, so that data text can never be read as an attr_list ("{ #id }").
    return re.sub(r"[&<>{]", lambda m: _HTML[m.group()], _soft_breaks(text))


def md(text: Any) -> str:
    """Inline Markdown from data with HTML escaped outside code spans. A link to anything
    but https:, http:, mailto: or a site page is shown as text (the schema refuses it too)."""
    if text is None:
        return ""
    text = str(text)
    from .models import unsafe_link

    if unsafe_link(text) is not None:
        text = text.replace("](", "]\\(").replace("[", "\\[")
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(_escape_plain(text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_escape_plain(text[pos:]))
    return "".join(out)


def block(text: Any) -> str:
    """Block Markdown from data (paragraphs, lists), escaped like `md`."""
    return md(str(text).strip()) if text is not None else ""


def cell(text: Any) -> str:
    """Text for a Markdown table cell: one line, pipes escaped outside code spans."""
    if text is None:
        return ""
    text = " ".join(str(text).split())
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(_escape_plain(text[pos : m.start()]).replace("|", "\\|"))
        # Inside a code span a pipe still splits a table row; use the HTML entity, which
        # Python-Markdown leaves alone in code, rendered by the browser as "|".
        out.append(m.group(0).replace("|", "&#124;") if "|" in m.group(0) else m.group(0))
        pos = m.end()
    out.append(_escape_plain(text[pos:]).replace("|", "\\|"))
    return "".join(out)


def code(text: Any) -> str:
    """A value shown as a code span, whatever backticks it holds."""
    text = str(text)
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def value(v: Any) -> str:
    """A default or limit value as a reader expects to see it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return code("true" if v else "false")
    if isinstance(v, float):
        return code(repr(v))  # shortest exact form, keeping "1.0" as AWS writes it
    return code(v)


def number(v: Any) -> str:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return md(v)
    if isinstance(v, int):
        return f"{v:,}"
    return f"{v:,.10g}"


def yesno(flag: bool | None) -> str:
    """Yes/no as a word and a symbol, never colour alone."""
    if flag is None:
        return "not documented"
    return "✓ Yes" if flag else "✗ No"


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


class Linker:
    """Markdown links between pages, relative to the page being rendered."""

    def __init__(self, catalog: Catalog, from_page: str) -> None:
        self.catalog = catalog
        self.from_page = from_page

    def url(self, kind: str, entity_id: str, anchor: str | None = None) -> str:
        target = rel(page_path(kind, entity_id), self.from_page)
        return f"{target}#{anchor}" if anchor else target

    def __call__(self, kind: str, entity_id: str, text: str | None = None, anchor: str | None = None) -> str:
        entity = self.catalog.get(kind, entity_id)
        name = text if text is not None else entity.name
        label = md(name).replace("[", "\\[").replace("]", "\\]")
        link = f"[{label}]({self.url(kind, entity_id, anchor)})"
        label = self.status(kind, entity_id)
        return link + f" *({label})*{{ .atlas-status }}" if label else link

    def status(self, kind: str, entity_id: str) -> str | None:
        """A closed or retired service's status, which every link to it shows (not on its own page)."""
        from .status import status_of

        return None if entity_id == self._own_service() else status_of(kind, self.catalog.get(kind, entity_id))

    def _own_service(self) -> str | None:
        kind, _, rest = self.from_page.partition("/")
        return rest[: -len(".md")] if kind == "services" and rest.endswith(".md") else None

    def many(self, kind: str, ids: list[str], sep: str = ", ") -> str:
        return sep.join(self(kind, i) for i in ids)

    def use_instead(self, not_for: Any) -> str:
        """The "Use instead" tail of a not_for entry (algorithms, then services)."""
        links = [self(k, i) for k in ("algorithms", "services") for i in getattr(not_for, k)]
        return f" **Use instead:** {', '.join(links)}" if links else ""

    def exam_badges(self, domains: list[str]) -> str:
        """'MLA-C01 · Domain 2' links to each exam domain an entity is tagged with."""
        badges = []
        for value in domains:
            exam_id, _, number = value.partition("/")
            exam = self.catalog.get("exams", exam_id)
            text = f"{exam.code} · Domain {number}"
            badges.append(f'[{text}]({self.url("exams", exam_id, f"domain-{number}")}){{ .atlas-badge }}')
        return " ".join(badges)


def href(url: Any) -> str:
    """A URL from data as a Markdown link target. The schema has already refused anything
    but an absolute https address of safe characters; checking again here means a template
    can never paste an unchecked value into a link (it fails the build instead)."""
    return check_url(str(url))


def join_md(items: Any, sep: str = ", ") -> str:
    return sep.join(md(i) for i in items)


def join_code(items: Any, sep: str = ", ") -> str:
    return sep.join(code(i) for i in items)


def abbreviation_glossary(glossary: dict[str, Any]) -> dict[str, str]:
    """Abbreviation -> tooltip text, for Python-Markdown's abbr extension."""
    return {abbr: " ".join(entry.expansion.split()) for abbr, entry in sorted(glossary.items())}


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # output is Markdown; data text goes through the md/cell filters
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=md,
        block=block,
        cell=cell,
        code=code,
        value=value,
        href=href,
        number=number,
        yesno=yesno,
        join_md=join_md,
        join_code=join_code,
        hp_anchor=hp_anchor,
        metric_anchor=metric_anchor,
        glossary_anchor=lambda abbr: "term-" + re.sub(r"[^A-Za-z0-9_\-]", "-", abbr),
        html=lambda s: str(html_escape(s)),
        tojson_attr=lambda obj: str(html_escape(json.dumps(obj, ensure_ascii=False))),
    )
    env.globals.update(KIND_TITLES=KIND_TITLES, SERVICE_STATUS=SERVICE_STATUS)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
