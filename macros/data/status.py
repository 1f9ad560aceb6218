"""The status of a closed, retired or maintenance-mode service, from its own data
(`status`, `status_date`): the label a link to it carries, and the patterns that find its
names in text. site/status_marks.py puts the label beside every mention on a page.
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
