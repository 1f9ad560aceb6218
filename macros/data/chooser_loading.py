"""Reading data/choosers/*.yml and checking each chooser against the catalog.

Every mistake is one problem line naming the file, the chooser, the field and what was
expected: an unknown key or attribute, a term outside its vocabulary, a candidate that
lacks the fact a question asks about, an advice that names an answer that does not exist.
"""

from __future__ import annotations

from pathlib import Path

from macros.data.catalog import Catalog
from macros.data.chooser_model import Chooser
from macros.data.facts import ALGORITHM_ATTRIBUTES, ListAttribute, find_limit
from macros.data.loading import load_folder
from macros.data.problems import Problem, describe, did_you_mean
from macros.data.units import UNITS, unit_of

LABEL = "chooser"


def load_choosers(data_dir: Path, root: Path) -> tuple[dict[str, Chooser], dict[str, str], list[Problem]]:
    """(choosers by id, file of each, problems). A missing folder means no choosers."""
    return load_folder(data_dir, root, "choosers", Chooser, LABEL)


def candidate_ids(catalog: Catalog, chooser: Chooser) -> list[str]:
    if chooser.ids:
        return list(chooser.ids)
    return [i for i, _ in catalog.of_kind(chooser.candidates)]


def check_chooser(catalog: Catalog, chooser_id: str, chooser: Chooser, rel: str, broken=frozenset()) -> list[Problem]:
    problems: list[Problem] = []

    def problem(path: str, message: str, hint: str | None = None) -> None:
        problems.append(Problem(rel, message, kind=LABEL, entity_id=chooser_id, path=path, hint=hint))

    kind = chooser.candidates
    known = catalog.entities.get(kind, {})
    singular = kind[:-1]
    seen: dict[str, int] = {}
    for i, cid in enumerate(chooser.ids):
        if cid in seen:
            problem(f"ids[{i}]", f"duplicate {describe(cid)}; already at ids[{seen[cid]}]")
        seen.setdefault(cid, i)
        if cid not in known and (kind, cid) not in broken:
            problem(f"ids[{i}]", f"no {singular} with id {describe(cid)}", did_you_mean(cid, known))
    candidates = [c for c in candidate_ids(catalog, chooser) if c in known]
    if len(set(candidates)) < 2 and not problems:
        problem("ids", f"expected at least 2 candidates; got {len(set(candidates))}")

    question_ids: dict[str, int] = {}
    for qi, q in enumerate(chooser.questions):
        where = f"questions[{qi}]"
        if q.id in question_ids:
            problem(f"{where}.id", f"duplicate {describe(q.id)}; already at questions[{question_ids[q.id]}].id")
        question_ids.setdefault(q.id, qi)
        answer_ids: dict[str, int] = {}
        for ai, a in enumerate(q.answers):
            if a.id in answer_ids:
                problem(f"{where}.answers[{ai}].id", f"duplicate {describe(a.id)}; already at {where}.answers[{answer_ids[a.id]}].id")
            answer_ids.setdefault(a.id, ai)
            if a.require is not None:
                _check_require(catalog, kind, candidates, a.require, f"{where}.answers[{ai}].require", problem)
        if all(a.require is None for a in q.answers):
            problem(f"{where}.answers", "expected at least one answer with a require (otherwise the question narrows nothing)")

    comparisons = catalog.entities.get("comparisons", {})
    for i, comp in enumerate(chooser.comparisons):
        if comp not in comparisons and ("comparisons", comp) not in broken:
            problem(f"comparisons[{i}]", f"no comparison with id {describe(comp)}", did_you_mean(comp, comparisons))

    def check_when(where: str, when: dict[str, str]) -> None:
        for qid, aid in when.items():
            if qid not in question_ids:
                problem(f"{where}.when.{qid}", f"no question with id {describe(qid)}", did_you_mean(qid, question_ids))
                continue
            answers = [a.id for a in chooser.questions[question_ids[qid]].answers]
            if aid not in answers:
                problem(f"{where}.when.{qid}", f"question '{qid}' has no answer {describe(aid)}; its answers are {', '.join(answers)}", did_you_mean(aid, answers))

    for i, adv in enumerate(chooser.advice):
        where = f"advice[{i}]"
        if adv.candidate not in candidates:
            problem(f"{where}.candidate", f"{describe(adv.candidate)} is not one of this chooser's candidates", did_you_mean(adv.candidate, candidates))
        check_when(where, adv.when)

    for i, rule in enumerate(chooser.prefer):
        where = f"prefer[{i}]"
        if (rule.fact is None) == (rule.candidate is None):
            problem(where, "expected exactly one of fact (a fact that favours candidates) or candidate (the one AWS's advice names)")
        elif rule.candidate is not None and rule.candidate not in candidates:
            problem(f"{where}.candidate", f"{describe(rule.candidate)} is not one of this chooser's candidates", did_you_mean(rule.candidate, candidates))
        elif rule.fact is not None:
            _check_require(catalog, kind, candidates, rule.fact, f"{where}.fact", problem)
        if rule.weight == 0 or not -10 <= rule.weight <= 10:
            problem(f"{where}.weight", f"expected a whole number from -10 to 10 other than 0 (positive favours, negative counts against); got {rule.weight}")
        check_when(where, rule.when)
    return problems


def _check_require(catalog: Catalog, kind: str, candidates: list[str], req, where: str, problem) -> None:
    given = [k for k in ("has", "is_", "at_least") if getattr(req, k) is not None]
    if len(given) != 1:
        problem(where, f"expected exactly one of has, is, at_least; got {len(given)}")
        return
    how = given[0]
    if kind == "algorithms":
        attr = ALGORITHM_ATTRIBUTES.get(req.attribute)
        if attr is None:
            problem(f"{where}.attribute", f"unknown attribute {describe(req.attribute)}; expected one of: {', '.join(ALGORITHM_ATTRIBUTES)}",
                    did_you_mean(req.attribute, ALGORITHM_ATTRIBUTES))
            return
        if isinstance(attr, ListAttribute):
            if how != "has":
                problem(where, f"attribute '{req.attribute}' is a list of terms; expected has: <term>")
            elif req.has not in catalog.vocab.get(attr.vocabulary, {}):
                problem(f"{where}.has", f"expected a term of the '{attr.vocabulary}' vocabulary (data/vocab/{attr.vocabulary}.yml); got {describe(req.has)}",
                        did_you_mean(req.has, catalog.vocab.get(attr.vocabulary, {})))
            return
        if how != "is_":
            problem(where, f"attribute '{req.attribute}' is yes/no; expected is: true or is: false")
            return
        for cid in candidates:
            if attr.get(catalog.get(kind, cid)) is None:
                problem(f"{where}.attribute", f"algorithm '{cid}' does not record '{req.attribute}' (AWS does not say); a chooser cannot judge it")
        return
    prefix, _, term = req.attribute.partition(":")
    if prefix == "trait":
        terms = catalog.vocab.get("service-traits", {})
        if term not in terms:
            problem(f"{where}.attribute", f"expected trait:<term of data/vocab/service-traits.yml>; got {describe(req.attribute)}",
                    did_you_mean(term, terms))
            return
        if how != "is_":
            problem(where, "a trait is yes/no; expected is: true or is: false")
            return
        for cid in candidates:
            if not any(t.trait == term for t in catalog.get(kind, cid).traits):
                problem(f"{where}.attribute", f"service '{cid}' has no trait '{term}'; every candidate needs it, with its source",
                        f"add it under traits: in {catalog.source_file(kind, cid)}")
        return
    if prefix == "measure":
        terms = catalog.vocab.get("measures", {})
        if term not in terms:
            problem(f"{where}.attribute", f"expected measure:<term of data/vocab/measures.yml>; got {describe(req.attribute)}",
                    did_you_mean(term, terms))
            return
        if how != "at_least":
            problem(where, "a measure is a number; expected at_least: <number> and unit")
            return
        wanted = unit_of(req.unit or "")
        if wanted is None:

            problem(f"{where}.unit", f"expected one of {', '.join(UNITS)}; got {describe(req.unit)}")
            return
        for cid in candidates:
            limits = find_limit(catalog.get(kind, cid), term)
            if len(limits) != 1:
                problem(f"{where}.attribute", f"service '{cid}' has {len(limits)} limits with measure '{term}'; every candidate needs exactly one",
                        f"mark one limit in {catalog.source_file(kind, cid)} with measure: {term}")
                continue
            have = unit_of(limits[0].unit)
            if have is not None and have[0] != wanted[0]:
                problem(f"{where}.unit", f"'{req.unit}' is a {wanted[0]} but service '{cid}' measures '{term}' in '{limits[0].unit}'")
        return
    problem(f"{where}.attribute", f"unknown attribute {describe(req.attribute)} for services; expected trait:<term> or measure:<term>")
