"""The one record for a data problem and the one text format it is shown in.

Loading and reference checks return lists of `Problem`; `format_problems` turns them
into the lines that `python -m macros check` prints and the build raises.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    """Path relative to the project root, with forward slashes."""
    message: str
    """What was expected and what was found."""
    kind: str | None = None
    """Singular kind label ('algorithm'), or None for file-level problems."""
    entity_id: str | None = None
    path: str | None = None
    """Field path: dots for keys, [i] for list positions."""
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def text(self) -> str:
        """One line (plus an indented hint line); control characters from data are shown
        escaped so that a strange key or value can never break the one-line format."""
        parts = [_one_line(self.file)]
        if self.line is not None:
            parts.append(f"line {self.line}, column {self.column}")
        if self.kind is not None:
            parts.append(f"{self.kind} '{_one_line(self.entity_id)}'")
        if self.path:
            parts.append(_one_line(self.path))
        line = ": ".join(parts) + ": " + _one_line(self.message)
        if self.hint:
            line += f"\n    hint: {_one_line(self.hint)}"
        return line


def _one_line(text: object) -> str:
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(text))


def format_problems(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    files = {p.file for p in problems}
    noun = "problem" if len(problems) == 1 else "problems"
    fnoun = "file" if len(files) == 1 else "files"
    lines = [p.text() for p in problems]
    lines.append(f"{len(problems)} {noun} in {len(files)} {fnoun}")
    return "\n".join(lines)


def did_you_mean(value: object, choices: Iterable[str]) -> str | None:
    if not isinstance(value, str):
        return None
    match = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else None


def field_path(loc: Iterable[object]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and part and all(c.isalnum() or c in "_-" for c in part):
            out += ("." if out else "") + part
        else:
            out += "[" + repr(str(part)) + "]"  # a key that is not a plain name, quoted
    return out


def describe(value: object, limit: int = 60) -> str:
    """A short, one-line rendering of a found value for a problem message."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        return "'" + text.replace("\n", "\\n") + "'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (null)"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"
