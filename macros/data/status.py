"""A closed, retired or maintenance-mode service never appears without its status.

A reader who meets "use Amazon Kendra" on a concept page must learn, right there, that
Kendra closed to new customers. The status comes from the service's own data
(`status`, `status_date`), never from the text that mentions it:

- `annotate` runs over every generated page: the first plain-text mention of such a
  service in each line (a paragraph, list item or table row) gets its status beside it,
  linked to the service's page, unless that line already says it;
- links made by the templates (render.Linker) carry the status too;
- `unmarked_mentions` finds mentions without a status in hand-written pages (docs/), whose
  text the generation step does not rewrite: each is a problem line that fails the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.data.catalog import Catalog

STATUS_WORDS = re.compile(r"\b(closed|discontinued|maintenance mode|retired|no longer (open|available)|end of (life|support))\b", re.I)


MIN_NAME = 4


@dataclass(frozen=True)
class Inactive:
    service_id: str
    name: str
    label: str
    """'closed to new customers since 2026-07-30' and the like."""
    pattern: re.Pattern
    names: tuple[str, ...] = ()
    """Every name the pattern matches, for a quick "is it on this page at all"."""


def status_label(service) -> str:
    date = service.status_date.isoformat() if service.status_date else ""
    return {
        "closed": f"closed to new customers since {date}",
        "maintenance": f"in maintenance mode since {date}",
        "discontinued": f"discontinued {date}",
    }.get(service.status, service.status).strip()


_CACHE: dict[int, tuple[Catalog, list[Inactive]]] = {}


def status_of(kind: str, entity, own_service: str | None = None) -> str | None:
    """The label a link to this entity carries ('closed to new customers since ...'), or
    None: only services whose status is not active, and never on their own page."""
    if kind != "services" or getattr(entity, "status", "active") == "active":
        return None
    return status_label(entity)


def inactive_services(catalog: Catalog) -> list[Inactive]:
    cached = _CACHE.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        cached = _CACHE[id(catalog)] = (catalog, _inactive(catalog))
    return cached[1]


def _inactive(catalog: Catalog) -> list[Inactive]:
    out = []
    for service_id, service in catalog.of_kind("services"):
        if service.status == "active":
            continue
        names = {n for n in [service.name, *service.aliases, *(f.name for f in service.former_names)] if len(n) >= MIN_NAME}
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        # Case-sensitive and whole words: "Amazon Forecast" and "Forecast", not "forecast".
        pattern = re.compile(rf"(?<![\w\-/.])({alternatives})(?![\w\-])")
        out.append(Inactive(service_id, service.name, status_label(service), pattern, tuple(sorted(names))))
    return out
