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

from .catalog import Catalog
from .problems import Problem
from .render import page_path, rel

STATUS_WORDS = re.compile(r"\b(closed|discontinued|maintenance mode|retired|no longer (open|available)|end of (life|support))\b", re.I)
MIN_NAME = 4
_MASKED = re.compile(r"`+[^`]*`+|\]\([^)]*\)|\{[^}]*\}|<[^>]*>|\[[^\]]*\](?=\()")


@dataclass(frozen=True)
class Inactive:
    service_id: str
    name: str
    label: str
    """'closed to new customers since 2026-07-30' and the like."""
    pattern: re.Pattern


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
        out.append(Inactive(service_id, service.name, status_label(service), pattern))
    return out


def _masked_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASKED.finditer(line)]


def _first_mention(line: str, item: Inactive) -> re.Match | None:
    spans = _masked_spans(line)
    for m in item.pattern.finditer(line):
        if not any(a <= m.start() < b for a, b in spans):
            return m
    return None


def _skipped(line: str) -> bool:
    stripped = line.lstrip()
    return (not stripped or stripped.startswith(("#", "<", "!!!", "???", "---", "|---", "*[")))


def annotate(markdown: str, catalog: Catalog, page: str) -> str:
    """The page with each inactive service's status beside its first plain mention in
    every line that does not already say it."""
    items = [i for i in inactive_services(catalog) if page != page_path("services", i.service_id)]
    if not items or not any(i.name in markdown or i.pattern.search(markdown) for i in items):
        return markdown
    lines = markdown.split("\n")
    in_front = lines[:1] == ["---"]
    fenced = False
    for n, line in enumerate(lines):
        if in_front:
            if n > 0 and line == "---":
                in_front = False
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or _skipped(line) or STATUS_WORDS.search(line):
            continue
        for item in items:
            m = _first_mention(line, item)
            if m is None:
                continue
            marker = f" ([{item.label}]({rel(page_path('services', item.service_id), page)}){{ .atlas-status }})"
            line = line[: m.end()] + marker + line[m.end():]
        lines[n] = line
    return "\n".join(lines)


def unmarked_mentions(text: str, catalog: Catalog, file: str) -> list[Problem]:
    """Mentions of inactive services in a hand-written page's own text (outside macro
    calls) on lines that do not state the status: one problem each."""
    problems = []
    fenced = False
    for n, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or STATUS_WORDS.search(line):
            continue
        plain = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", lambda m: " " * len(m.group(0)), line)
        for item in inactive_services(catalog):
            m = _first_mention(plain, item)
            if m is not None:
                problems.append(Problem(
                    file, f"mentions '{m.group(0)}', {item.label}, without its status",
                    line=n, column=m.start() + 1,
                    hint=f"say so on the same line, or write {{{{ link_to('services', '{item.service_id}') }}}}, which shows it"))
    return problems
