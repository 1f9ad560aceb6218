"""The schema of a chooser file, data/choosers/<id>.yml (the file name is the id)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from macros.data.fields import LongText, Model, Name, Source, Summary, Task, Text
from macros.data.models import LocalId


class Require(Model):
    """The constraint an answer puts on every candidate: `attribute` names a fact of the
    candidate (see attributes.py) and exactly one of `has`, `is` or `at_least` says what
    it must be."""

    attribute: Annotated[str, Field(min_length=1, max_length=80)]
    has: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """The fact is a list of vocabulary terms and must include this one."""
    is_: bool | None = Field(default=None, alias="is")
    """The fact is yes/no and must be this."""
    at_least: float | int | None = None
    """The fact is a measured limit and must be at least this many `unit`."""
    unit: Annotated[str, Field(min_length=1, max_length=20)] | None = None


class Answer(Model):
    id: LocalId
    label: Name
    short: Name | None = None
    """How the overview table and the printed path name the answer (default: label)."""
    require: Require | None = None
    """None: an answer that rules nothing out (for example "steady traffic")."""


class Question(Model):
    id: LocalId
    text: Name
    short: Name
    """Column heading of the overview table."""
    hint: Text | None = None
    answers: Annotated[list[Answer], Field(min_length=2, max_length=20)]


class Advice(Model):
    """What AWS recommends when the answers are these and the candidate is among the picks."""

    when: dict[LocalId, LocalId] = {}
    """Question id -> answer id; all must be given."""
    candidate: Annotated[str, Field(min_length=1, max_length=80)]
    text: Text
    source: Source


class Prefer(Model):
    """A ranking rule: among the candidates that meet every answer, the ones with this fact
    (or this one candidate) move up by `weight`, or down when the weight is negative. The
    picks are ranked by the sum of the weights of the rules they meet; equal sums are a tie,
    listed alphabetically and said to be one."""

    fact: Require | None = None
    """The fact that favours a candidate, judged like an answer's constraint."""
    candidate: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    """Or the one candidate AWS's advice names."""
    when: dict[LocalId, LocalId] = {}
    """Question id -> answer id; the rule counts only when all are given."""
    weight: int
    """From -10 to 10, not 0 (load.py checks)."""
    reason: Text
    """Why the fact favours (or counts against) a candidate, as AWS states it; shown as
    "favoured: <reason>" beside each pick that meets it."""
    source: Source


class Chooser(Model):
    name: Name
    summary: Summary
    intro: LongText | None = None
    candidates: Literal["algorithms", "services"]
    ids: list[Annotated[str, Field(min_length=1, max_length=80)]] = []
    """The candidates, in the order picks are listed; every entity of the kind if empty."""
    questions: Annotated[list[Question], Field(min_length=2, max_length=6)]
    comparisons: list[Annotated[str, Field(min_length=1, max_length=80)]] = []
    """Comparison pages to read when the data leaves several candidates."""
    advice: list[Advice] = []
    prefer: list[Prefer] = []
    """Ranking rules for the candidates that meet every answer (see Prefer)."""
    exam_tips: list[Text] = []
    tasks: list[Task] = []
    """The needs the chooser answers, in a student's words; search weighs them."""
    nav_title: Name
    """The chooser's title in the navigation."""
