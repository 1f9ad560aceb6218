"""What a hyperparameter's `valid_values` text says, read as a constraint the check can
apply to its default and its tuning range.

Only forms whose meaning is certain are read: "positive integer", "non-negative float",
intervals such as "[0, 1]" or "(0, 1]", "1 ≤ integer ≤ 5000", "between 0 and 1.0", "at
least 1", and lists of allowed words ("`uniform`, `normal` or `constant`"). Anything else
is left unchecked rather than guessed at; a "suggested range" is advice, not a limit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"


@dataclass
class Constraint:
    low: float = -math.inf
    high: float = math.inf
    low_open: bool = False
    high_open: bool = False
    words: set[str] = field(default_factory=set)
    """Words the value may be instead of a number (`auto`), or the only values allowed."""
    numeric: bool = True
    """False when the text lists the only allowed values."""

    def allows(self, value) -> bool:
        words = {w.lower() for w in self.words}
        if str(value).lower().strip('"') in words:
            return True
        if not self.numeric:
            return False  # only the listed words are allowed
        if isinstance(value, bool):
            return True  # true/false for a number is the type check's business
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                return False
        if value < self.low or (self.low_open and value == self.low):
            return False
        if value > self.high or (self.high_open and value == self.high):
            return False
        return True

    def describe(self) -> str:
        if not self.numeric:
            return "one of " + ", ".join(sorted(self.words))
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        low = "-inf" if self.low == -math.inf else f"{self.low:g}"
        high = "inf" if self.high == math.inf else f"{self.high:g}"
        extra = f" or {', '.join(sorted(self.words))}" if self.words else ""
        return f"a number in {left}{low}, {high}{right}{extra}"


def parse(valid_values: str, type_: str) -> Constraint | None:
    """The constraint the text states, or None when it states none this reader is sure of."""
    text = valid_values.strip()
    words = set(re.findall(r"`\"?([-\w.+]+)\"?`", text))
    bare = re.sub(r"`[^`]*`", " ", text).lower()
    if re.search(r"suggest|recommend|for example|e\.g\.|such as|comma|list|letters|depends|see |\bnot\b", bare):
        return None
    c = Constraint(words=words)
    if type_ in ("string", "boolean"):
        # Only an exact list of backticked values: "`a`, `b` or `c`".
        if words and not re.sub(r"[\s,;]|\bor\b|\band\b", "", bare):
            c.numeric = False
            return c
        return None
    if type_ not in ("integer", "float"):
        return None
    m = re.search(rf"([\[(])\s*({NUM})\s*,\s*({NUM})\s*([\])])", text)
    if m:
        c.low, c.high = float(m.group(2)), float(m.group(3))
        c.low_open, c.high_open = m.group(1) == "(", m.group(4) == ")"
        return c
    m = re.search(rf"({NUM})\s*(≤|<)\s*(?:integer|value|float|x)\s*(≤|<)\s*({NUM})", text)
    if m:
        c.low, c.high = float(m.group(1)), float(m.group(4))
        c.low_open, c.high_open = m.group(2) == "<", m.group(3) == "<"
        return c
    m = re.search(rf"between\s+({NUM})\s+and\s+({NUM})", bare)
    if m:
        c.low, c.high = float(m.group(1)), float(m.group(2))
        return c
    m = re.search(rf"(?:integer|float|value)\s*(≥|>=)\s*({NUM})|at least\s+({NUM})", bare)
    if m:
        c.low = float(m.group(2) or m.group(3))
        return c
    if re.search(r"\bnon-negative\b", bare):
        c.low = 0
        return c
    if re.search(r"\bpositive\b", bare) and not re.search(r"\bor\b.*\bnegative\b", bare):
        c.low, c.low_open = 0, True
        return c
    return None


def numbers_in(range_text: str) -> list[float]:
    return [float(n) for n in re.findall(NUM, range_text)]
