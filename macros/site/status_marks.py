"""A closed, retired or maintenance-mode service never appears without its status.

A reader who meets "use Amazon Kendra" on a concept page must learn, right there, that
Kendra closed to new customers (the label comes from data/status.py):

- `annotate` runs over every generated page: the first plain-text mention of such a
  service in each line (a paragraph, list item or table row) gets its status beside it,
  linked to the service's page, unless that line already says it;
- links made by the templates (render.Linker) carry the status too;
- `unmarked_mentions` finds mentions without a status in hand-written pages (docs/), whose
  text the generation step does not rewrite: each is a problem line that fails the build.
"""

from __future__ import annotations

import re

from macros.data.catalog import Catalog
from macros.data.problems import Problem
from macros.data.status import STATUS_WORDS, Inactive, inactive_services
from macros.site.routes import page_path, rel

_MASKED = re.compile(r"`+[^`]*`+|\]\([^)]*\)|\{[^}]*\}|<[^>]*>|\[[^\]]*\](?=\()")


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


def _any_of(items: list[Inactive]) -> re.Pattern:
    """One expression for "some item may be mentioned here", to pass over most lines at once."""
    return re.compile("|".join(f"(?:{i.pattern.pattern})" for i in items) or r"(?!)")


def annotate(markdown: str, catalog: Catalog, page: str) -> str:
    """The page with each inactive service's status beside its first plain mention in
    every line that does not already say it."""
    items = [i for i in inactive_services(catalog)
             if page != page_path("services", i.service_id) and any(n in markdown for n in i.names)]
    if not items:
        return markdown
    mentioned = _any_of(items)
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
        if fenced or not mentioned.search(line) or _skipped(line) or STATUS_WORDS.search(line):
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
    items = [i for i in inactive_services(catalog) if any(n in text for n in i.names)]
    if not items:
        return problems
    mentioned = _any_of(items)
    for n, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not mentioned.search(line) or STATUS_WORDS.search(line):
            continue
        plain = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", lambda m: " " * len(m.group(0)), line)
        for item in items:
            m = _first_mention(plain, item)
            if m is not None:
                problems.append(Problem(
                    file, f"mentions '{m.group(0)}', {item.label}, without its status",
                    line=n, column=m.start() + 1,
                    hint=f"say so on the same line, or write {{{{ link_to('services', '{item.service_id}') }}}}, which shows it"))
    return problems
