"""What every practice question is made of, and the small helpers the generators share (pure).

A question has a `style`: "exam" (a situation, four options of one family, a reason for
every option) or "recall" (a bare fact: a default, a quota, a metric's direction, a
channel's content type), which stays out of the exam simulation and goes to flashcards.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from macros.data.catalog import Catalog, name_key
from macros.site.routes import page_path

CURRENT_EXAMS = ("mla-c02", "aif-c01", "aip-c01", "dea-c01")


@dataclass(frozen=True)
class Reason:
    """Why one option fits, or the fact that rules it out, and where that fact is stated."""

    text: str
    page: tuple[str, str] | None = None
    """(kind, id) of the page that states the fact."""
    anchor: str | None = None
    source: str | None = None
    """The AWS page that states it."""


@dataclass(frozen=True)
class Question:
    id: str
    style: str
    """"exam" or "recall"."""
    type: str
    topic: str
    prompt: str
    options: tuple[str, ...]
    answers: tuple[int, ...]
    reasons: tuple[Reason, ...]
    """One per option, in option order."""
    explanation: str
    domains: tuple[str, ...]
    kind: str
    entity_id: str
    anchor: str | None
    source_title: str
    source_url: str
    data_file: str
    refs: tuple[Any, ...]
    """What each option stands for: (kind, id) for entities, or the value itself."""
    basis: dict = field(default_factory=dict, compare=False, hash=False)
    """The data the question rests on, for the test that re-judges it."""
    family: str = ""
    """The family every option belongs to (exam style): 'services:sagemaker-ai/deploy'..."""

    @property
    def choose(self) -> int:
        return len(self.answers)

    @property
    def answer(self) -> int:
        """The first right option (single-answer callers)."""
        return self.answers[0]

    @property
    def scenario(self) -> bool:
        return self.style == "exam"

    @property
    def page(self) -> str:
        return page_path(self.kind, self.entity_id)


# --- helpers ------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain(text: Any) -> str:
    """Data text for a question: links become their text, emphasis marks go, code spans
    (backticks) stay and are drawn as code by the browser; one line."""
    text = _LINK.sub(r"\1", str(text))
    text = re.sub(r"(?<!`)\*{1,2}([^*`]+)\*{1,2}", r"\1", text)
    return " ".join(text.split())


def qid(*parts: Any) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return "q-" + digest[:10]


def rank(seed: str, key: str) -> str:
    return hashlib.sha1(f"{seed}|{key}".encode("utf-8")).hexdigest()


def pick(seed: str, candidates: list, key=lambda c: str(c), n: int = 3) -> list:
    """n candidates in a stable pseudo-random order (the same every generation)."""
    return sorted(candidates, key=lambda c: rank(seed, key(c)))[:n]


def arrange(seed: str, right: list, wrong: list) -> tuple[list, tuple[int, ...]]:
    """The options in a stable shuffled order, and where the right ones landed."""
    options = sorted([*right, *wrong], key=lambda o: rank(seed + "#order", repr(o)))
    return options, tuple(sorted(options.index(r) for r in right))


def join(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def source_of(entity) -> tuple[str, str]:
    return entity.sources[0].title, entity.sources[0].url


def active(entity) -> bool:
    return getattr(entity, "status", "active") == "active"


_key = lru_cache(maxsize=None)(name_key)


def entity_domains(catalog: Catalog, kind: str, entity_id: str) -> set[str]:
    """The entity's own exam domains, and those whose task statements teach its page."""
    entity = catalog.get(kind, entity_id)
    found = set(getattr(entity, "exam_domains", []))
    page = f"{kind}/{entity_id}"
    for exam_id, exam in catalog.of_kind("exams"):
        for d in exam.domains:
            if any(page in t.teaches for t in d.tasks):
                found.add(f"{exam_id}/{d.number}")
    return found


def domains_of(catalog: Catalog, *refs: tuple[str, str]) -> tuple[str, ...]:
    return tuple(sorted(set().union(*(entity_domains(catalog, k, i) for k, i in refs))))
