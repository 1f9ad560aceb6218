"""Pure evaluation of a chooser: the reader's answers in, ranked picks and exclusions out.

`fact_table` judges every candidate against every answer and every ranking rule once, from
the data (attributes.fact). `evaluate` then only reads that table:

- a candidate that meets every answered constraint is a pick; its reasons are the facts
  that met each one, in question order;
- any other candidate is excluded, shown with the first answered constraint it fails
  (question order) and the fact that fails it;
- picks are ranked by the chooser's `prefer` rules that apply to the answers given: each
  pick scores the sum of the weights of the rules it meets. Higher scores come first;
  equal scores are a tie, listed alphabetically, and each tied pick names the others.
  A rule that some picks meet and others do not explains the order: the picks it
  favours say "favoured" with the rule's reason and AWS source, the others "ranked
  lower" with the fact of their own data. A rule that every pick meets (or none) does not
  separate them and says nothing;
- more than `SHORTLIST` picks tied at the top means the data cannot separate them: the
  page says so and links the comparison pages instead of inventing a preference;
- advice (what AWS recommends, with its page) shows when its answers are all given and
  its candidate is a pick.

docs/assets/javascripts/choosers/engine.js reads the same table, shipped in the page (every
fact and note is judged and worded here, at build time); tests/data/test_choosers.py runs both
over every combination of answers and compares everything the page shows.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from macros.data.catalog import Catalog
from macros.data.chooser_loading import candidate_ids
from macros.data.chooser_model import Chooser
from macros.data.facts import Fact, fact

SHORTLIST = 2
"""At most this many picks are "the answer"; more means the data cannot separate them."""

@dataclass(frozen=True)
class RankNote:
    """Why a ranking rule moved a pick: `up` is "favoured", otherwise "ranked lower"."""

    rule: int
    up: bool
    text: str
    source: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class PreferFact:
    """One ranking rule judged for one candidate: whether it meets the rule, and the note
    the page shows when the rule separates the picks."""

    met: bool
    note: RankNote


class FactTable(dict):
    """candidate id -> question id -> answer id -> fact (answers without a constraint
    absent). Also carries, per ranking rule (chooser.prefer order), candidate id ->
    PreferFact, and the candidates' names for alphabetical ties."""

    prefer: list[dict[str, PreferFact]]
    names: dict[str, str]


def prefer_fact(catalog: Catalog, chooser: Chooser, index: int, cid: str) -> PreferFact:
    """Judge ranking rule `index` for one candidate and word its note."""
    rule = chooser.prefer[index]
    up_if_met = rule.weight > 0
    if rule.candidate is not None:
        if cid == rule.candidate:
            return PreferFact(True, RankNote(index, up_if_met, rule.reason, rule.source.url, rule.source.title))
        named = catalog.get(chooser.candidates, rule.candidate).name
        text = f"AWS's advice for these answers {'favours' if up_if_met else 'counts against'} {named}"
        return PreferFact(False, RankNote(index, not up_if_met, text, rule.source.url, rule.source.title))
    f = fact(catalog, chooser.candidates, cid, rule.fact)
    if f.ok:
        return PreferFact(True, RankNote(index, up_if_met, rule.reason, rule.source.url, rule.source.title))
    # Not met: the candidate's own data says why, with its own source where it has one.
    return PreferFact(False, RankNote(index, not up_if_met, f.text, f.source or rule.source.url, None if f.source else rule.source.title))


def fact_table(catalog: Catalog, chooser: Chooser) -> FactTable:
    table = FactTable()
    ids = candidate_ids(catalog, chooser)
    for cid in ids:
        table[cid] = {
            q.id: {a.id: fact(catalog, chooser.candidates, cid, a.require) for a in q.answers if a.require is not None}
            for q in chooser.questions
        }
    table.prefer = [{cid: prefer_fact(catalog, chooser, i, cid) for cid in ids} for i in range(len(chooser.prefer))]
    table.names = {cid: catalog.get(chooser.candidates, cid).name for cid in ids}
    return table


@dataclass
class Pick:
    id: str
    reasons: list[tuple[str, Fact]]
    """(question id, the fact that met its answer), for each constrained answer."""
    score: int = 0
    """The sum of the weights of the applicable ranking rules it meets."""
    rank: int = 1
    """1 + the number of picks that score higher; tied picks share it."""
    tied_with: list[str] = field(default_factory=list)
    """The other picks with the same score, in listed order."""
    notes: list[RankNote] = field(default_factory=list)
    """Why it stands where it does: one note per applicable rule that separates the picks."""


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
        """More picks tied at the top than a shortlist: the data cannot separate them."""
        return sum(1 for p in self.picks if p.rank == 1) > SHORTLIST


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
    _rank(chooser, table, given, result.picks)
    for i, adv in enumerate(chooser.advice):
        if adv.candidate in picked and all(given.get(q) == a for q, a in adv.when.items()):
            result.advice.append(i)
    return result


def _rank(chooser: Chooser, table: FactTable, given: dict[str, str], picks: list[Pick]) -> None:
    """Score, order and annotate the picks in place (see the module's docstring)."""
    prefer = getattr(table, "prefer", [])
    names = getattr(table, "names", {})
    for i, rule in enumerate(chooser.prefer):
        if i >= len(prefer) or not all(given.get(q) == a for q, a in rule.when.items()):
            continue
        judged = [prefer[i][p.id] for p in picks]
        met = sum(1 for j in judged if j.met)
        for p, j in zip(picks, judged):
            if j.met:
                p.score += rule.weight
            if 0 < met < len(picks):
                p.notes.append(j.note)
    picks.sort(key=lambda p: (-p.score, names.get(p.id, p.id).casefold()))
    for p in picks:
        p.rank = 1 + sum(1 for o in picks if o.score > p.score)
        p.tied_with = [o.id for o in picks if o.score == p.score and o.id != p.id]


def all_answer_sets(chooser: Chooser):
    """Every combination of answers, each question answered or not."""
    options = [[None] + [a.id for a in q.answers] for q in chooser.questions]
    for combo in itertools.product(*options):
        yield {q.id: a for q, a in zip(chooser.questions, combo) if a is not None}
