"""The text of a hand-written page as a reader sees it, for the search: its macros run
(the comparison tables and lists they fill in, from the catalog, exactly as the build
renders them) and its Markdown reduced to plain text, table cells included."""

from __future__ import annotations

import re

_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
_HTML_TAG = re.compile(r"<[^>]+>")


def markdown_text(markdown: str) -> str:
    """Plain words of rendered Markdown: headings, paragraphs, list items and every table
    cell (not the table's rule line, HTML tags or attribute lists)."""
    lines = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or _TABLE_RULE.match(stripped):
            continue
        if stripped.startswith("|"):
            stripped = " ; ".join(c.strip() for c in stripped.strip("|").split("|") if c.strip())
        stripped = _HTML_TAG.sub(" ", stripped)
        stripped = re.sub(r"^#+\s*|^[-*+]\s+|^\d+\.\s+|^!!!.*$|^\?\?\?.*$", "", stripped)
        if stripped:
            lines.append(stripped)
    return " ".join(lines)
