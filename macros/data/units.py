"""Units that comparable limit values may carry (a limit with a `measure`), and their size
in the base unit of their dimension: bytes for sizes, seconds for durations.

Only the first word of a limit's unit counts ("MB per second per shard" is MB), so a
unit can still say more for the reader.
"""

from __future__ import annotations

UNITS: dict[str, tuple[str, float]] = {
    "bytes": ("size", 1), "KB": ("size", 1e3), "KiB": ("size", 2**10), "MB": ("size", 1e6),
    "MiB": ("size", 2**20), "GB": ("size", 1e9), "GiB": ("size", 2**30), "TB": ("size", 1e12),
    "seconds": ("time", 1), "minutes": ("time", 60), "hours": ("time", 3600), "days": ("time", 86400),
    "second": ("time", 1), "minute": ("time", 60), "hour": ("time", 3600), "day": ("time", 86400),
}


def unit_of(text: str) -> tuple[str, float] | None:
    """(dimension, factor) of a unit text, or None when its first word is not a known unit."""
    words = str(text).split()
    return UNITS.get(words[0]) if words else None


def in_base(value: float, unit: str) -> float:
    """The value in its dimension's base unit (bytes, seconds)."""
    found = unit_of(unit)
    assert found is not None, unit
    return value * found[1]


TIME_UNITS = {"second": "seconds", "minute": "minutes", "hour": "hours", "day": "days"}
"""Units written in the singular for exactly one ("1 hour", not "1 hours")."""


def quantity(value: float, unit: str) -> str:
    """An amount with its unit as a reader writes it: "1 hour", "15 minutes", "4 MB", "1,000 records"."""
    amount = f"{value:,.10g}"
    singular = {plural: one for one, plural in TIME_UNITS.items()}
    if value == 1 and unit in singular:
        unit = singular[unit]
    elif value != 1 and unit in TIME_UNITS:
        unit = TIME_UNITS[unit]
    return f"{amount} {unit}"
