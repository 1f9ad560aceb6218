"""Data text made safe in Markdown, and front matter written and read back.

Text from data is "Markdown-lite": code spans, emphasis and links are kept, but `<`, `>`
and `&` outside code spans are escaped so that HTML in data always shows as text; a URL
goes into a link only through `href`, which checks it again. These are the filters the
Jinja environment (render.py) hands to every template.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from macros.data.fields import unsafe_link
from macros.data.text_rules import check_url

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


def href(url: Any) -> str:
    """A URL from data as a Markdown link target. The schema has already refused anything
    but an absolute https address of safe characters; checking again here means a template
    can never paste an unchecked value into a link (it fails the build instead)."""
    return check_url(str(url))


def join_md(items: Any, sep: str = ", ") -> str:
    return sep.join(md(i) for i in items)


def join_code(items: Any, sep: str = ", ") -> str:
    return sep.join(code(i) for i in items)


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def read_front_matter(text: str) -> tuple[dict, str]:
    import yaml

    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            meta = yaml.safe_load(text[4:end]) or {}
            return (meta if isinstance(meta, dict) else {}), text[end + 4 :]
    return {}, text
