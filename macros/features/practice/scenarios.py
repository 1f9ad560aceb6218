"""Questions from what pages say an entity is for, and not for (pure).

- task (recall style: a need quoted, with no situation that decides it, so it goes to
  flashcards and Anki rather than the exam-style flow): a need from an entity's `tasks`
  ("Questions this page answers"), and four options of
  one family (the same kind; for services the same parent service or category; for
  concepts the same category). A distractor's own tasks do not say nearly the same thing,
  the need does not name it, and it is not part of the key (nor the key of it). Concepts
  are keyed only from techniques and metrics (feature engineering, training and tuning,
  ensembles, evaluation): a need that is an action ("add human review") is never keyed
  to a phenomenon ("hallucination").
- not-for (recall style too: the stem quotes the documentation rather than a situation): an
  entity's `not_for` entry that names exactly one alternative; the entry's
  text must not name any option (never masked), and the entity itself is not an option
  (it is the stem's subject).

Every question passes checks.py (no stem names or echoes the key, one family, the key is
not the lone best word match), and every option has a reason: the key's from the entry
that lists the need, each other option's from what its own page says it is for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from macros.data.catalog import Catalog, name_key
from macros.features.practice.base import Question, Reason, active, arrange, domains_of, pick, plain, qid, source_of
from macros.features.practice.checks import echoes_key, family_of, unique_best_match
from macros.site.routes import section

KIND_WORDS = {
    "services": "AWS service or SageMaker AI capability",
    "algorithms": "SageMaker AI built-in algorithm",
    "concepts": "technique",
}
TECHNIQUE_CATEGORIES = {"feature-engineering", "training-and-tuning", "ensembles", "evaluation", "generative-ai"}
"""Concept categories whose entries are techniques or measures a need can ask for..."""
NOT_TECHNIQUES = {"hallucination", "overfitting", "bias-variance-tradeoff", "vanishing-gradients", "curse-of-dimensionality",
                  "data-distributions", "foundation-models", "transformers", "data-types", "additive-vs-multiplicative",
                  "time-series-components", "imbalanced-data", "outliers"}
"""...except these pages, which describe a phenomenon or a kind of thing, not something a team does."""
_QUESTION_FORM = re.compile(r"^(what|which|why|how|when|where|is|are|does|do|can|difference|exact)\b", re.I)
"""A task worded as a question asks for knowledge, not for a technique that meets a need."""


def _alike(a, b) -> bool:
    """Two algorithms a reader could mistake for each other: the same kind of data and the
    same kind of learning (a need for a labelled tabular prediction is not answered by
    offering three unsupervised methods beside the one classifier)."""
    return bool(set(a.modalities) & set(b.modalities)) and bool(set(a.learning_types) & set(b.learning_types))


def _technique(entity_id: str, entity) -> bool:
    return entity.category in TECHNIQUE_CATEGORIES and entity_id not in NOT_TECHNIQUES

_STOP = set("a an the of for to in on and or with from by my our your is are be can that this which what how when do does into as at it its their than vs".split())


@lru_cache(maxsize=None)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2)


_key = lru_cache(maxsize=None)(name_key)


def _similar(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.4


_PREFIX = re.compile(r"^(Amazon|AWS)\s+(SageMaker\s+(AI\s+)?)?")


@lru_cache(maxsize=None)
def _name_keys(entity_key: tuple[str, ...]) -> tuple[str, ...]:
    """Keys that show a text names an entity: its names, and the names without
    "Amazon"/"AWS"/"SageMaker AI" in front when four letters or more are left."""
    keys = {name_key(n) for n in entity_key if len(name_key(n)) >= 3}
    keys |= {k for k in (name_key(_PREFIX.sub("", n)) for n in entity_key) if len(k) >= 4}
    return tuple(sorted(keys))


def _entity_keys(entity) -> tuple[str, ...]:
    return _name_keys((entity.name, *entity.aliases, *(f.name for f in getattr(entity, "former_names", []))))


def _mentions(text: str, entity, keys: tuple[str, ...] | None = None) -> bool:
    """Does the text name the entity (its name, an alias or a former name)?"""
    key = _key(text)
    return any(k in key for k in (keys if keys is not None else _entity_keys(entity)))




def _first_sentence(text: str) -> str:
    text = plain(text)
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def what_for(entity) -> str:
    """What the entity's page says it is for, in one sentence."""
    purpose = getattr(entity, "purpose", None)
    return _first_sentence(purpose[0]) if purpose else _first_sentence(entity.summary)


_TASK_ANCHOR = section("questions")


class _TaskIndex:
    """Which entities of a kind have a task the same as, or nearly the same as, a given
    one; an index by word keeps it from comparing every task with every other."""

    def __init__(self, entities) -> None:
        self.entities = entities
        self.keys = {entity_id: _entity_keys(entity) for entity_id, entity in entities}
        # The entities that can be a wrong option at all (active, with tasks), with their name keys.
        self.usable = [(entity_id, entity, self.keys[entity_id]) for entity_id, entity in entities
                       if active(entity) and entity.tasks]
        self.by_word: dict[str, set[str]] = {}
        self.owners: dict[str, set[str]] = {}
        self.by_key: dict[str, set[str]] = {}
        for entity_id, entity in entities:
            for t in entity.tasks:
                self.owners.setdefault(t, set()).add(entity_id)
                self.by_key.setdefault(_key(t), set()).add(entity_id)
                for w in _words(t):
                    self.by_word.setdefault(w, set()).add(t)

    def near(self, task: str) -> set[str]:
        candidates = set().union(*(self.by_word.get(w, set()) for w in _words(task)))
        found = set(self.by_key.get(_key(task), ()))
        for t in candidates:
            if _similar(t, task):
                found |= self.owners[t]
        return found


def _task_pool(catalog: Catalog, kind: str, entity_id: str, entity, task: str, index: _TaskIndex) -> list[str]:
    """Ids of entities of the same kind that the data shows wrong for this task."""
    out = []
    near = index.near(task)
    task_key = _key(task)
    for other_id, other, keys in index.usable:
        if other_id == entity_id:
            continue
        if kind == "services" and (other_id == getattr(entity, "part_of", None) or getattr(other, "part_of", None) == entity_id):
            continue
        if kind == "algorithms" and set(other.problem_types) & set(entity.problem_types):
            continue
        if kind == "concepts" and (other_id in entity.related.concepts or entity_id in other.related.concepts):
            continue
        if other_id in near or any(k in task_key for k in keys):  # as _mentions(task, other)
            continue
        out.append(other_id)
    return out


def _plausible(catalog: Catalog, kind: str, entity, pool: list[str]) -> list[str]:
    """The pool narrowed to the same category (services: the same lifecycle stage for a
    SageMaker AI capability) while that leaves at least three."""
    def same(other_id: str) -> bool:
        other = catalog.get(kind, other_id)
        if kind == "services" and entity.part_of:
            return other.part_of == entity.part_of and other.stage == entity.stage
        if kind == "services" and entity.part_of is None:
            return other.category == entity.category
        if kind == "concepts":
            return other.category == entity.category
        return True
    narrow = [i for i in pool if same(i)]
    if len(narrow) >= 3:
        return narrow
    if kind == "services" and entity.part_of:
        narrow = [i for i in pool if catalog.get(kind, i).part_of == entity.part_of]
        if len(narrow) >= 3:
            return narrow
    return pool



def _options_ok(catalog: Catalog, prompt: str, key: tuple[str, str], refs: list[tuple[str, str]]) -> bool:
    others = [r for r in refs if r != key]
    if echoes_key(catalog, prompt, key, others):
        return False
    if len({family_of(catalog, r) for r in refs}) != 1:
        return False
    return not unique_best_match(catalog, prompt, [catalog.get(*r).name for r in refs], refs, [refs.index(key)])


def _other_reason(catalog: Catalog, ref: tuple[str, str], anchor: str) -> Reason:
    entity = catalog.get(*ref)
    return Reason(text=f"Made for a different need: {what_for(entity)}",
                  page=ref, anchor=anchor, source=entity.sources[0].url)


def task_questions(catalog: Catalog) -> list[Question]:
    questions = []
    for kind in ("services", "algorithms", "concepts"):
        index = _TaskIndex(catalog.of_kind(kind))
        for entity_id, entity in catalog.of_kind(kind):
            if not active(entity):
                continue
            if kind == "concepts" and not _technique(entity_id, entity):
                continue
            key = (kind, entity_id)
            family = family_of(catalog, key)
            for task in entity.tasks:
                if _mentions(task, entity) or (kind == "concepts" and _QUESTION_FORM.match(task)):
                    continue
                pool = [i for i in _task_pool(catalog, kind, entity_id, entity, task, index)
                        if family_of(catalog, (kind, i)) == family
                        and (kind != "algorithms" or _alike(catalog.get(kind, i), entity))
                        and (kind != "concepts" or _technique(i, catalog.get(kind, i)))]
                if len(pool) < 3:
                    continue
                q = qid("task", kind, entity_id, name_key(task))
                prompt = (f"A team has this requirement: “{plain(task)}”. "
                          f"Which {KIND_WORDS[kind]} meets it?")
                made = None
                for attempt in range(4):
                    wrong = pick(q + "#" * attempt, pool)
                    options, answers = arrange(q, [entity_id], wrong)
                    refs = [(kind, i) for i in options]
                    if _options_ok(catalog, prompt, key, refs):
                        made = (options, answers, refs)
                        break
                if made is None:
                    continue
                options, answers, refs = made
                title, url = source_of(entity)
                reasons = tuple(
                    Reason(text=f"Fits: {what_for(entity)}",
                           page=key, anchor=section("questions"), source=url)
                    if r == key else _other_reason(catalog, r, section("questions"))
                    for r in refs)
                questions.append(Question(
                    id=q, style="recall", type="task", topic=kind, prompt=prompt,
                    options=tuple(catalog.get(*r).name for r in refs), answers=answers, reasons=reasons,
                    explanation=f"{entity.name} is the one whose documentation covers this need; each other option serves a different need (see its reason).",
                    domains=domains_of(catalog, key), kind=kind, entity_id=entity_id, anchor=section("questions"),
                    source_title=title, source_url=url, data_file=catalog.source_file(kind, entity_id),
                    refs=tuple(refs), basis={"task": task}, family=family,
                ))
    return questions


def not_for_questions(catalog: Catalog) -> list[Question]:
    questions = []
    for kind, anchor in (("services", section("service-not-for")), ("algorithms", section("algorithm-not-for"))):
        for entity_id, entity in catalog.of_kind(kind):
            for item in entity.not_for:
                alternatives = [("algorithms", i) for i in item.algorithms] + [("services", i) for i in item.services]
                if len(alternatives) != 1:
                    continue
                alt_ref = alternatives[0]
                alt = catalog.get(*alt_ref)
                if not active(alt) or _mentions(item.text, alt):
                    continue
                family = family_of(catalog, alt_ref)
                pool = [(alt_ref[0], i) for i, other in catalog.of_kind(alt_ref[0])
                        if (alt_ref[0], i) != alt_ref and i != entity_id and active(other)
                        and family_of(catalog, (alt_ref[0], i)) == family and not _mentions(item.text, other)
                        and (alt_ref[0] != "algorithms" or _alike(other, alt))
                        and i != getattr(alt, "part_of", None) and getattr(other, "part_of", None) != alt_ref[1]]
                if len(pool) < 3:
                    continue
                q = qid("not-for", kind, entity_id, name_key(item.text))
                prompt = (f"A team first considered {entity.name}, but AWS's documentation rules it out for this: "
                          f"“{plain(item.text)}” Which {KIND_WORDS[alt_ref[0]]} does the documentation point to instead?")
                made = None
                for attempt in range(4):
                    wrong = pick(q + "#" * attempt, pool, key=lambda r: r[1])
                    refs, answers = arrange(q, [alt_ref], wrong)
                    if _options_ok(catalog, prompt, alt_ref, refs):
                        made = (refs, answers)
                        break
                if made is None:
                    continue
                refs, answers = made
                title, url = source_of(entity)
                reasons = tuple(
                    Reason(text=f"Fits: {entity.name}'s documentation names it for this job. {what_for(alt)}",
                           page=(kind, entity_id), anchor=anchor, source=url)
                    if r == alt_ref else _other_reason(catalog, r, "what-it-is-for" if r[0] == "services" else "use-cases")
                    for r in refs)
                questions.append(Question(
                    id=q, style="recall", type="not-for", topic=alt_ref[0], prompt=prompt,
                    options=tuple(catalog.get(*r).name for r in refs), answers=answers, reasons=reasons,
                    explanation=f"{entity.name}'s page names {alt.name} for this job; the other options serve other needs (see their reasons).",
                    domains=domains_of(catalog, (kind, entity_id), alt_ref), kind=kind, entity_id=entity_id, anchor=anchor,
                    source_title=title, source_url=url, data_file=catalog.source_file(kind, entity_id),
                    refs=tuple(refs), basis={"not_for": item.text}, family=family,
                ))
    return questions
