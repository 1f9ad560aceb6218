"""Pure evaluation of a chooser: the reader's answers in, picks and exclusions out.

`fact_table` judges every candidate against every answer once, from the data
(attributes.fact). `evaluate` then only reads that table:

- a candidate that meets every answered constraint is a pick; its reasons are the facts
  that met each one, in question order;
- any other candidate is excluded, shown with the first answered constraint it fails
  (question order) and the fact that fails it;
- picks keep the chooser's candidate order: the data gives no ranking, so when more than
  `SHORTLIST` remain the page says the data does not separate them and links the
  comparison pages instead of inventing a preference;
- advice (what AWS recommends, with its page) shows when its answers are all given and
  its candidate is a pick.

docs/assets/javascripts/choosers.js is the same procedure over the same table, shipped
in the page; tests/test_choosers.py runs both over every combination of answers.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..catalog import Catalog
from .attributes import Fact, fact
from .load import candidate_ids
from .model import Chooser

SHORTLIST = 2
"""At most this many picks are "the answer"; more means the data cannot separate them."""

FactTable = dict[str, dict[str, dict[str, Fact]]]
"""candidate id -> question id -> answer id -> fact (answers without a constraint absent)."""


def fact_table(catalog: Catalog, chooser: Chooser) -> FactTable:
    table: FactTable = {}
    for cid in candidate_ids(catalog, chooser):
        table[cid] = {
            q.id: {a.id: fact(catalog, chooser.candidates, cid, a.require) for a in q.answers if a.require is not None}
            for q in chooser.questions
        }
    return table


@dataclass
class Pick:
    id: str
    reasons: list[tuple[str, Fact]]
    """(question id, the fact that met its answer), for each constrained answer."""


@dataclass
class Excluded:
    id: str
    question: str
    fact: Fact


@dataclass
class Result:
    picks: list[Pick] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)
    advice: list[int] = field(default_factory=list)
    """Indexes into chooser.advice."""

    @property
    def undecided(self) -> bool:
        """More picks than a shortlist: the data cannot separate them."""
        return len(self.picks) > SHORTLIST


def evaluate(chooser: Chooser, table: FactTable, answers: dict[str, str]) -> Result:
    """answers: question id -> answer id (unanswered questions absent). Unknown ids are
    ignored, as the browser ignores a hand-edited address."""
    result = Result()
    asked = [(q.id, answers[q.id]) for q in chooser.questions if q.id in answers and any(a.id == answers[q.id] for a in q.answers)]
    for cid, facts in table.items():
        reasons: list[tuple[str, Fact]] = []
        failed: Excluded | None = None
        for qid, aid in asked:
            f = facts[qid].get(aid)
            if f is None:
                continue  # an answer that rules nothing out
            if f.ok:
                reasons.append((qid, f))
            else:
                failed = Excluded(cid, qid, f)
                break
        if failed is None:
            result.picks.append(Pick(cid, reasons))
        else:
            result.excluded.append(failed)
    picked = {p.id for p in result.picks}
    given = dict(asked)
    for i, adv in enumerate(chooser.advice):
        if adv.candidate in picked and all(given.get(q) == a for q, a in adv.when.items()):
            result.advice.append(i)
    return result


def all_answer_sets(chooser: Chooser):
    """Every combination of answers, each question answered or not."""
    options = [[None] + [a.id for a in q.answers] for q in chooser.questions]
    for combo in itertools.product(*options):
        yield {q.id: a for q, a in zip(chooser.questions, combo) if a is not None}
