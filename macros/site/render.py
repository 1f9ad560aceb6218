"""Pure rendering: catalog data in, Markdown out, through the Jinja templates in templates/.

Nothing here knows about MkDocs. Every page and table is a template file; this module
provides the Jinja environment (with the escaping filters of markup.py and the anchors of
routes.py) and `Linker`, the links between entity pages that the templates call.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import escape as html_escape

from macros.data.catalog import Catalog
from macros.data.models import ENTITY_MODELS
from macros.data.status import status_of
from macros.site.markup import block, cell, code, href, join_code, join_md, md, number, value, yesno
from macros.site.routes import hp_anchor, metric_anchor, page_path, rel, section_id

TEMPLATES = Path(__file__).parent / "templates"
KIND_TITLES = {kind: model.title for kind, model in ENTITY_MODELS.items()}
"""Kind -> its heading (the models hold it)."""


SERVICE_STATUS = {
    "active": "Active",
    "closed": "Closed to new customers",
    "maintenance": "Maintenance mode",
    "discontinued": "Discontinued",
}


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
        for domain_ref in domains:
            exam_id, _, number = domain_ref.partition("/")
            exam = self.catalog.get("exams", exam_id)
            text = f"{exam.code} · Domain {number}"
            badges.append(f'[{text}]({self.url("exams", exam_id, f"domain-{number}")}){{ .atlas-badge }}')
        return " ".join(badges)


def abbreviation_glossary(glossary: dict[str, Any]) -> dict[str, str]:
    """Abbreviation -> tooltip text, for Python-Markdown's abbr extension."""
    return {abbr: " ".join(entry.expansion.split()) for abbr, entry in sorted(glossary.items())}


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
    env.globals.update(KIND_TITLES=KIND_TITLES, SERVICE_STATUS=SERVICE_STATUS, section_id=section_id)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
