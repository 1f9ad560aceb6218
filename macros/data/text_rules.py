"""What a URL, a name or a text from data may hold, so that data stays text.

The schema (models.py) applies these rules to every field; each raises ValueError with the
message a problem line shows. The reasons:

- A URL is a value that templates put into links: it must be an absolute https address
  with nothing in it that could end a Markdown link or an HTML attribute.
- A one-line field (a name, an alias, a title, a label) is put into headings, the nav,
  search results, practice options and the print stylesheet's header string: no newline,
  no control, bidi-override or zero-width character, and at least one letter or digit, so
  that two names a reader cannot tell apart cannot both exist (see `name_skeleton`).
- Markdown text keeps code spans, emphasis and inline links to https pages; raw HTML,
  images, reference-style link or footnote definitions and abbreviation definitions are
  refused (with a hint), because each would reach the page as something other than text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

MAX_URL = 2000

# Characters that can end a Markdown link or an HTML attribute, or hide in an address.
_URL_FORBIDDEN = set(" \t\r\n\"'<>()\\`{}|^[]") | {chr(c) for c in range(32)} | {"\x7f"}
_URL_FORBIDDEN_ASCII = re.compile("[" + re.escape("".join(sorted(_URL_FORBIDDEN))) + "]")


def _invisible(ch: str) -> bool:
    """Control and format characters (bidi overrides, zero-width spaces, BOM, soft hyphen)."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn") and ch not in "\n\t"


# In ASCII text the only invisible characters are the controls (tab and newline aside).
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_ASCII_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f]")


def _first_invisible(text: str) -> str | None:
    """The first character of `_invisible`, or None (ASCII text by one regular expression)."""
    if text.isascii():
        m = _ASCII_CONTROL.search(text)
        return m.group() if m else None
    # Each distinct character is looked up once (a text has a few dozen), then the first
    # of the invisible ones in the text's order.
    found = [ch for ch in set(text) if _invisible(ch)]
    return min(found, key=text.index) if found else None


def _describe_char(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def check_url(url: str, what: str = "an address") -> str:
    """An absolute https:// URL with a host and none of the characters that could end a
    link or an attribute; returns it unchanged or raises ValueError."""
    if not isinstance(url, str) or not url.startswith("https://"):
        raise ValueError(f"expected an https:// {what.split(' ', 1)[-1]}; got {_show(url)}")
    if len(url) > MAX_URL:
        raise ValueError(f"expected {what} of at most {MAX_URL} characters; got {len(url)}")
    if url.isascii():  # one expression: ASCII's invisible characters are its controls
        m = _URL_FORBIDDEN_ASCII.search(url)
        bad = m.group() if m else None
    else:
        bad = next((ch for ch in url if ch in _URL_FORBIDDEN or _invisible(ch) or ch.isspace()), None)
    if bad is not None:
        shown = repr(bad)[1:-1] if bad.isprintable() else _describe_char(bad)
        raise ValueError(f"expected {what} without spaces, quotes, brackets, parentheses or control characters; "
                         f"got {_show(url)} (it holds '{shown}')")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ValueError(f"expected {what} that parses as a URL; got {_show(url)}") from None
    if not parts.hostname or "@" in parts.netloc or not re.fullmatch(r"[a-z0-9]([a-z0-9.\-]*[a-z0-9])?", parts.hostname):
        raise ValueError(f"expected {what} with a host name (letters, digits, dots, dashes) and no user name; got {_show(url)}")
    return url


def check_one_line(text: str, *, needs_letter: bool = True) -> str:
    """A name, alias, title or label: one line, visible characters only."""
    if text.isascii():  # only a control character can be refused; the first one decides
        m = _ASCII_CONTROL_OR_BREAK.search(text)
        chars = m.group() if m else ""
    else:
        chars = text
    for ch in chars:
        if ch in "\r\n":
            raise ValueError("expected one line; got a line break (names, titles and labels are one line)")
        if _invisible(ch) or ch == "\t":
            raise ValueError(f"expected visible characters only; got {_describe_char(ch)}")
    if needs_letter and not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        raise ValueError(f"expected at least one letter or digit; got {_show(text)}")
    word = mixed_script_word(text)
    if word is not None:
        raise ValueError(f"'{word}' mixes letters of different scripts (such as Latin and Cyrillic), which "
                         "readers cannot tell from its look-alike; write it in one script")
    return text


_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.S)
_HTML_TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9:-]*(?=[\s/>])|/[A-Za-z]|!|\?)")
_IMAGE = re.compile(r"!\[")
_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]*\]:", re.M)
_ABBREVIATION = re.compile(r"^[ \t]*\*\[[^\]\n]*\]:", re.M)
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_SITE_PATH = re.compile(r"^[A-Za-z0-9._~/#%\-]*$")


def _outside_code(text: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def markdown_problem(text: str) -> str | None:
    """Why a Markdown-lite text from data cannot be used, or None."""
    ch = _first_invisible(text)
    if ch is not None:
        return f"expected visible characters only; got {_describe_char(ch)}"
    plain = _outside_code(text)
    if _ABBREVIATION.search(plain):
        return ("an abbreviation definition ('*[X]: ...') would change the page's tooltips; "
                "add the abbreviation to data/glossary.yml instead")
    if _DEFINITION.search(plain):
        return ("a reference-style link or footnote definition ('[x]: ...') is not allowed; "
                "write links inline as [text](https://...)")
    if _IMAGE.search(plain):
        return "images are not allowed in data text; describe the picture in words, or link the page that shows it"
    tag = _HTML_TAG.search(plain)
    if tag is not None:
        shown = re.match(r"<[^\s>]{0,30}>?", plain[tag.start():]).group(0)
        return (f"raw HTML ('{shown}') is not allowed in data text; "
                "put code in backticks, or write < as 'less than'")
    for m in _LINK_TARGET.finditer(plain):
        target = m.group(1)
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() in ("https", "http"):
            try:
                check_url("https:" + target[len(scheme.group(0)):], "a link target")
            except ValueError as err:
                return f"link to '{target[:80]}' is not allowed: {err}"
        elif scheme and scheme.group(1).lower() == "mailto":
            continue
        elif scheme:
            return f"link to '{target[:80]}' is not allowed; links may go to https:, http:, mailto: or a page of this site"
        elif target.startswith("//") or not _SITE_PATH.match(target):
            return f"link to '{target[:80]}' is not allowed; links may go to https:, mailto: or a page of this site"
    return None


def check_markdown(text: str) -> str:
    problem = markdown_problem(text)
    if problem is not None:
        raise ValueError(problem)
    return text


# --- names a reader cannot tell apart -------------------------------------------------


@lru_cache(maxsize=1)
def _confusables() -> tuple[dict[str, str], dict]:
    """Unicode's confusables (confusable_homoglyphs' copy of confusables.txt): each
    character -> the smallest character of its look-alike group; and the script table."""
    package = resources.files("confusable_homoglyphs")
    table = json.loads((package / "confusables.json").read_text(encoding="utf-8"))
    categories = json.loads((package / "categories.json").read_text(encoding="utf-8"))
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            parent[c] = parent.get(parent[c], parent[c])
            c = parent[c]
        return c

    for char, alikes in table.items():
        for alike in alikes:
            other = alike["c"].replace("\u200e", "")
            if len(char) == 1 and len(other) == 1:
                a, b = find(char), find(other)
                if a != b:
                    # The group's representative is a Latin letter where it has one (so that
                    # '0' folds to 'O' and then, with case, to 'o'), else its first character.
                    first, second = sorted((a, b), key=_representative_order)
                    parent[second] = first
    return {c: find(c) for c in list(parent)}, categories


def _representative_order(ch: str) -> tuple:
    return (not ("a" <= ch.lower() <= "z"), not ch.isascii(), ord(ch))


@lru_cache(maxsize=None)
def _script(ch: str) -> str:
    _, categories = _confusables()
    point = ord(ch)
    for start, end, alias, _ in categories["code_points_ranges"]:
        if start <= point <= end:
            return alias
    return "UNKNOWN"


def mixed_script_word(text: str) -> str | None:
    """The first word whose letters come from more than one script (Latin and Cyrillic,
    say), or None."""
    if text.isascii():
        return None  # ASCII letters are all Latin
    for word in re.findall(r"[^\W\d_]+", text):
        scripts = {_script(ch) for ch in word if ch.isalpha()} - {"COMMON", "INHERITED"}
        if len(scripts) > 1:
            return word
    return None


def name_skeleton(name: str) -> str:
    """Names compare after folding: compatibility forms (NFKC), case, look-alike letters
    (Unicode confusables) and everything but letters and digits: "K-Means", "k means" and
    "K‑Meаns" with a Cyrillic a are one name."""
    table, _ = _confusables()
    text = unicodedata.normalize("NFKC", name)
    for _ in range(2):  # fold look-alikes, then case, then the look-alikes of the lower case
        text = "".join(table.get(ch, ch) for ch in text).casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


# --- glossary terms ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("en"))


def glossary_term_problem(abbr: str) -> str | None:
    """Why an abbreviation would wrap ordinary words on every page, or None."""
    if len(abbr) < 2:
        return f"expected an abbreviation of at least 2 characters; got '{abbr}' (it would mark every '{abbr}' on every page)"
    if abbr.lower() in _common_words() and abbr in (abbr.lower(), abbr.capitalize()):
        return f"'{abbr}' is a common English word; as an abbreviation it would mark every '{abbr}' on every page"
    return None


def _show(value: object, limit: int = 80) -> str:
    text = str(value)
    text = text if len(text) <= limit else text[:limit] + "…"
    return "'" + "".join(ch if ch.isprintable() else _describe_char(ch) for ch in text) + "'"
