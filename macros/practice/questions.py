"""Exam-style multiple-choice questions generated from the catalog (pure).

Every question has three or four options of one category (services, algorithms,
concepts, content types, values) and exactly one of them is right by the data. A
distractor is chosen only where the data shows it wrong:

- task ("a team needs X: which service?"): the data lists X among the answer's `tasks`
  and not among the distractor's, and X does not name the answer; distractors whose own tasks say nearly the same thing,
  that the need names, or that are part of the answer (or it of them), are left out. For
  algorithms a distractor shares none of the answer's problem types; for concepts it is
  not related to the answer.
- not-for: the entity's `not_for` entry names exactly one alternative; the options are
  that alternative, the entity itself (wrong by its own not-for) and entities the entry
  does not name. Where the entry's text names the alternative, the name becomes "the
  alternative", so the question does not give its answer away.
- algo-fit: a problem type plus a constraint (training content type, GPU or CPU
  training, several instances, Pipe mode, a request content type) that exactly one
  built-in algorithm meets; distractors fail at least one of them, and the explanation
  says which.
- facts: training content types, required hyperparameters, metric directions, defaults
  of exam-relevant hyperparameters, limits; wrong values are values the data gives for
  something else.

A question's id is a hash of what defines it (its type, entity, field and the data
item it asks about), never of its position, so progress saved in a browser follows a
question across regenerations until that data changes.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any

from ..catalog import Catalog, name_key
from ..render import hp_anchor, metric_anchor, page_path

TOPICS = {
    "services": "Services",
    "algorithms": "Built-in algorithms",
    "concepts": "Concepts",
    "hyperparameters": "Hyperparameters",
    "metrics": "Tuning metrics",
    "limits": "Limits and numbers",
}

SCENARIO_TYPES = ("task", "not-for", "algo-fit")

KIND_WORDS = {
    "services": "AWS service or SageMaker AI capability",
    "algorithms": "SageMaker AI built-in algorithm",
    "concepts": "technique or concept",
}


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    topic: str
    prompt: str
    options: tuple[str, ...]
    answer: int
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
    """The data item the question rests on, for the test that re-judges it."""

    @property
    def scenario(self) -> bool:
        return self.type in SCENARIO_TYPES

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


def _rank(seed: str, key: str) -> str:
    return hashlib.sha1(f"{seed}|{key}".encode("utf-8")).hexdigest()


def _pick(seed: str, candidates: list, key=lambda c: str(c), n: int = 3) -> list:
    """n candidates in a stable pseudo-random order (the same every generation)."""
    return sorted(candidates, key=lambda c: _rank(seed, key(c)))[:n]


def _arrange(seed: str, right: Any, wrong: list) -> tuple[list, int]:
    """The options in a stable shuffled order, and where the right one landed."""
    options = sorted([right, *wrong], key=lambda o: _rank(seed + "#order", repr(o)))
    return options, options.index(right)


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


def _source(entity) -> tuple[str, str]:
    return entity.sources[0].title, entity.sources[0].url


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _domains(*entities) -> tuple[str, ...]:
    return tuple(sorted({d for e in entities for d in e.exam_domains}))


def exam_relevant(hp) -> bool:
    """Required hyperparameters, and those the data marks `exam_relevant`."""
    return hp.required or hp.exam_relevant


def _active(entity) -> bool:
    return getattr(entity, "status", "active") == "active"


# --- scenario questions: tasks ------------------------------------------------------

_TASK_ANCHOR = "questions-this-page-answers"


class _TaskIndex:
    """Which entities of a kind have a task the same as, or nearly the same as, a given
    one; an index by word keeps it from comparing every task with every other."""

    def __init__(self, entities) -> None:
        self.entities = entities
        self.keys = {entity_id: _entity_keys(entity) for entity_id, entity in entities}
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
    for other_id, other in index.entities:
        if other_id == entity_id or not _active(other) or not other.tasks:
            continue
        if kind == "services" and (other_id == getattr(entity, "part_of", None) or getattr(other, "part_of", None) == entity_id):
            continue
        if kind == "algorithms" and set(other.problem_types) & set(entity.problem_types):
            continue
        if kind == "concepts" and (other_id in entity.related.concepts or entity_id in other.related.concepts):
            continue
        if other_id in near or _mentions(task, other, index.keys[other_id]):
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


def task_questions(catalog: Catalog) -> list[Question]:
    questions = []
    for kind in ("services", "algorithms", "concepts"):
        index = _TaskIndex(catalog.of_kind(kind))
        for entity_id, entity in catalog.of_kind(kind):
            if not _active(entity):
                continue
            for task in entity.tasks:
                if _mentions(task, entity):
                    continue  # a need that names its answer gives it away
                pool = _plausible(catalog, kind, entity, _task_pool(catalog, kind, entity_id, entity, task, index))
                if len(pool) < 2:
                    continue
                q = qid("task", kind, entity_id, name_key(task))
                wrong = _pick(q, pool)
                options, answer = _arrange(q, entity_id, wrong)
                title, url = _source(entity)
                questions.append(Question(
                    id=q, type="task", topic=kind,
                    prompt=f"A team's need: “{plain(task)}”. Which {KIND_WORDS[kind]} answers it?",
                    options=tuple(catalog.get(kind, i).name for i in options),
                    answer=answer,
                    explanation=f"{entity.name}: {plain(entity.summary)} Its page lists this need; the other options' pages do not.",
                    domains=_domains(entity), kind=kind, entity_id=entity_id, anchor=_TASK_ANCHOR,
                    source_title=title, source_url=url, data_file=catalog.source_file(kind, entity_id),
                    refs=tuple((kind, i) for i in options), basis={"task": task},
                ))
    return questions


# --- scenario questions: not for ----------------------------------------------------

def _redact(text: str, entity) -> str | None:
    """The text with the entity's names (longest first) replaced by "the alternative",
    so a not-for entry that names its answer can still ask for it; None when a name
    stays (inside a code span or a link, say)."""
    names = sorted({n for n in (entity.name, *entity.aliases) if len(n) >= 4}
                   | {_PREFIX.sub("", n) for n in (entity.name, *entity.aliases) if len(_PREFIX.sub("", n)) >= 4},
                   key=len, reverse=True)
    out = text
    for n in names:
        out = re.sub(r"(?<![\w`])(the\s+|an?\s+)?" + re.escape(n) + r"(?![\w`])", "the alternative", out, flags=re.I)
    return None if _mentions(out, entity) else out


def not_for_questions(catalog: Catalog) -> list[Question]:
    questions = []
    for kind, anchor in (("services", "what-it-is-not-for"), ("algorithms", "when-not-to-use-it")):
        for entity_id, entity in catalog.of_kind(kind):
            for item in entity.not_for:
                alternatives = [("algorithms", i) for i in item.algorithms] + [("services", i) for i in item.services]
                if len(alternatives) != 1:
                    continue
                alt_kind, alt_id = alternatives[0]
                alt = catalog.get(alt_kind, alt_id)
                if not _active(alt):
                    continue
                text = _redact(item.text, alt)
                if text is None:
                    continue
                named = set(alternatives)
                pool = [(alt_kind, i) for i, other in catalog.of_kind(alt_kind)
                        if (alt_kind, i) not in named and i != entity_id and _active(other) and not _mentions(text, other)
                        and i != getattr(alt, "part_of", None) and getattr(other, "part_of", None) != alt_id]
                if alt_kind == kind:
                    if alt_kind == "services":
                        pool = [r for r in pool if catalog.get(*r).category == alt.category] or pool
                    wrong = [(kind, entity_id)] + _pick(qid("nf", entity_id, item.text), pool, key=lambda r: r[1], n=2)
                else:
                    if alt_kind == "services":
                        pool = [r for r in pool if catalog.get(*r).category == alt.category] or pool
                    wrong = _pick(qid("nf", entity_id, item.text), pool, key=lambda r: r[1], n=3)
                if len(wrong) < 2:
                    continue
                q = qid("not-for", kind, entity_id, name_key(item.text))
                options, answer = _arrange(q, (alt_kind, alt_id), wrong)
                title, url = _source(entity)
                questions.append(Question(
                    id=q, type="not-for", topic=alt_kind,
                    prompt=f"{entity.name} is the wrong choice for this job: “{plain(text)}” Which does the documentation point to instead?",
                    options=tuple(catalog.get(*r).name for r in options),
                    answer=answer,
                    explanation=f"{entity.name}'s page names {alt.name} for this. {alt.name}: {plain(alt.summary)}",
                    domains=_domains(entity, alt), kind=kind, entity_id=entity_id, anchor=anchor,
                    source_title=title, source_url=url, data_file=catalog.source_file(kind, entity_id),
                    refs=tuple(options), basis={"not_for": item.text},
                ))
    return questions


# --- scenario questions: which algorithm fits --------------------------------------

def algorithm_facts(algo) -> dict[str, Any]:
    """What the constraints test about a built-in algorithm."""
    return {
        "problem_types": set(algo.problem_types),
        "train_content_types": {ct for ch in algo.training.channels for ct in ch.content_types},
        "request_content_types": set(algo.inference.request_content_types),
        "gpu": algo.training.instances.gpu,
        "cpu": algo.training.instances.cpu,
        "multi_instance": algo.training.instances.multi_instance,
        "pipe": "pipe" in algo.training.input_modes,
    }


def meets(facts: dict[str, Any], constraint: tuple[str, Any]) -> bool:
    what, value = constraint
    if what in ("problem_types", "train_content_types", "request_content_types"):
        return value in facts[what]
    return facts[what] is value


_CONSTRAINT_TEXT = {
    "train_content_types": ("its training data is in `{}`", "does not accept `{}` for training"),
    "request_content_types": ("clients will send `{}` inference requests", "does not take `{}` inference requests"),
    "gpu": ("training must run on GPU instances", "does not train on GPU instances"),
    "cpu": ("training must run on CPU instances", "does not train on CPU instances"),
    "multi_instance": ("training must spread over several instances", "cannot train on several instances"),
    "pipe": ("the data must stream from Amazon S3 in Pipe mode", "does not support Pipe mode"),
}
_CONSTRAINT_ANCHOR = {"train_content_types": "training-data", "request_content_types": "inference",
                      "gpu": "instances", "cpu": "instances", "multi_instance": "instances", "pipe": "training-data"}


def _why_not(catalog: Catalog, facts: dict, constraints: list[tuple[str, Any]]) -> str:
    for what, value in constraints:
        if not meets(facts, (what, value)):
            if what == "problem_types":
                return f"does not do {catalog.term('problem-types', value).name.lower()}"
            return _CONSTRAINT_TEXT[what][1].format(value)
    raise AssertionError("a distractor that meets every constraint")


def algo_fit_questions(catalog: Catalog) -> list[Question]:
    algos = catalog.of_kind("algorithms")
    facts = {i: algorithm_facts(a) for i, a in algos}
    questions = []
    for algo_id, algo in algos:
        for problem in algo.problem_types:
            base = ("problem_types", problem)
            rivals = [i for i, _ in algos if i != algo_id and meets(facts[i], base)]
            extra: list[tuple[str, Any]] = []
            if rivals:
                candidates = [("train_content_types", ct) for ct in sorted(facts[algo_id]["train_content_types"])]
                candidates += [("request_content_types", ct) for ct in sorted(facts[algo_id]["request_content_types"])]
                candidates += [(k, True) for k in ("gpu", "cpu", "multi_instance", "pipe") if facts[algo_id][k]]
                for c in candidates:
                    if not any(meets(facts[r], c) for r in rivals):
                        extra.append(c)
            constraint_sets = [[base]] if not rivals else [[base, c] for c in extra]
            for constraints in constraint_sets:
                fitting = [i for i, _ in algos if all(meets(facts[i], c) for c in constraints)]
                if fitting != [algo_id]:
                    continue
                q = qid("algo-fit", algo_id, *[f"{w}={v}" for w, v in constraints])
                # Distractors: rivals (same problem type, fail the constraint) first.
                wrong = _pick(q, rivals, n=3)
                if len(wrong) < 3:
                    others = [i for i, _ in algos if i != algo_id and i not in rivals]
                    wrong += _pick(q + "+", others, n=3 - len(wrong))
                options, answer = _arrange(q, algo_id, wrong)
                need = f"{catalog.term('problem-types', problem).name.lower()}"
                conditions = [_CONSTRAINT_TEXT[w][0].format(v) for w, v in constraints[1:]]
                prompt = f"A team needs {need}" + (", and " + _join(conditions) if conditions else "") + ". Which SageMaker AI built-in algorithm fits?"
                reasons = [f"{catalog.get('algorithms', i).name} {_why_not(catalog, facts[i], constraints)}" for i in options if i != algo_id]
                title, url = _source(algo)
                questions.append(Question(
                    id=q, type="algo-fit", topic="algorithms", prompt=prompt,
                    options=tuple(catalog.get("algorithms", i).name for i in options), answer=answer,
                    explanation=f"{algo.name} is the only one of these that meets every condition; " + "; ".join(reasons) + ".",
                    domains=_domains(algo), kind="algorithms", entity_id=algo_id,
                    anchor=_CONSTRAINT_ANCHOR[constraints[-1][0]] if len(constraints) > 1 else None,
                    source_title=title, source_url=url, data_file=catalog.source_file("algorithms", algo_id),
                    refs=tuple(("algorithms", i) for i in options),
                    basis={"constraints": [list(c) for c in constraints]},
                ))
    return questions


# --- fact questions -----------------------------------------------------------------

def _about_algorithm(catalog: Catalog, algo_id: str, algo, **fields) -> Question:
    """A fact question about one built-in algorithm: its domains, page and source filled in."""
    title, url = _source(algo)
    return Question(domains=_domains(algo), kind="algorithms", entity_id=algo_id, source_title=title, source_url=url,
                    data_file=catalog.source_file("algorithms", algo_id), **fields)


def content_type_questions(catalog: Catalog) -> list[Question]:
    algos = catalog.of_kind("algorithms")
    used = sorted({ct for _, a in algos for ct in algorithm_facts(a)["train_content_types"]})
    questions = []
    for algo_id, algo in algos:
        accepted = algorithm_facts(algo)["train_content_types"]
        bases = {ct.split(";")[0] for ct in accepted}
        # A parameter variant of an accepted type (text/csv;label_size=0) would be unfair.
        others = [ct for ct in used if ct.split(";")[0] not in bases]
        if len(others) < 3:
            continue
        for ct in sorted(accepted):
            q = qid("content-type", algo_id, ct)
            options, answer = _arrange(q, ct, _pick(q, others))
            questions.append(_about_algorithm(
                catalog, algo_id, algo,
                id=q, type="content-type", topic="algorithms",
                prompt=f"Which of these content types does {algo.name} accept for training?",
                options=tuple(f"`{o}`" for o in options), answer=answer,
                explanation=f"{algo.name} trains on " + ", ".join(f"`{c}`" for c in sorted(accepted)) + "; the other options are not among them.",
                anchor="training-data",
                refs=tuple(options), basis={"content_type": ct},
            ))
    return questions


def required_hp_questions(catalog: Catalog) -> list[Question]:
    questions = []
    for algo_id, algo in catalog.of_kind("algorithms"):
        optional = [h.name for h in algo.hyperparameters if not h.required]
        if len(optional) < 3:
            continue
        relevant = [h.name for h in algo.hyperparameters if not h.required and h.exam_relevant]
        for hp in algo.hyperparameters:
            if not hp.required:
                continue
            q = qid("required-hp", algo_id, hp.name)
            pool = relevant if len(relevant) >= 3 else optional
            options, answer = _arrange(q, hp.name, _pick(q, pool))
            questions.append(_about_algorithm(
                catalog, algo_id, algo,
                id=q, type="required-hp", topic="hyperparameters",
                prompt=f"Which of these hyperparameters must be set for {algo.name} (it has no default)?",
                options=tuple(f"`{o}`" for o in options), answer=answer,
                explanation=f"`{hp.name}` is required: {plain(hp.description)} The others are optional.",
                anchor=hp_anchor(hp.name),
                refs=tuple(options), basis={"hyperparameter": hp.name},
            ))
    return questions


def metric_questions(catalog: Catalog) -> list[Question]:
    questions = []
    for algo_id, algo in catalog.of_kind("algorithms"):
        for m in algo.tuning.metrics:
            q = qid("metric-direction", algo_id, m.name)
            options = ["minimize", "maximize"]
            questions.append(_about_algorithm(
                catalog, algo_id, algo,
                id=q, type="metric-direction", topic="metrics",
                prompt=f"Automatic model tuning of {algo.name} on `{m.name}`: should the tuner minimize or maximize it?",
                options=("Minimize", "Maximize"), answer=options.index(m.direction),
                explanation=f"`{m.name}` is {m.direction}d: {plain(m.description)}",
                anchor=metric_anchor(m.name),
                refs=tuple(options), basis={"metric": m.name},
            ))
    return questions


def shown(value: Any) -> str:
    """A default or limit value as an option shows it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def default_questions(catalog: Catalog) -> list[Question]:
    algos = catalog.of_kind("algorithms")
    by_type: dict[str, set[str]] = {}
    for _, a in algos:
        for h in a.hyperparameters:
            if h.default is not None:
                by_type.setdefault(h.type, set()).add(shown(h.default))
    questions = []
    for algo_id, algo in algos:
        for hp in algo.hyperparameters:
            if hp.default is None or not exam_relevant(hp) or hp.aws_inconsistency:
                continue
            right = shown(hp.default)
            others = sorted(v for v in by_type.get(hp.type, ()) if v != right and len(v) <= 40)
            if len(others) < 3:
                continue
            q = qid("default", algo_id, hp.name)
            options, answer = _arrange(q, right, _pick(q, others))
            questions.append(_about_algorithm(
                catalog, algo_id, algo,
                id=q, type="default", topic="hyperparameters",
                prompt=f"What is the default of `{hp.name}` in {algo.name}?",
                options=tuple(f"`{o}`" for o in options), answer=answer,
                explanation=f"`{hp.name}` defaults to `{right}` (valid values: {plain(hp.valid_values)}). {plain(hp.description)}",
                anchor=hp_anchor(hp.name),
                refs=tuple(options), basis={"hyperparameter": hp.name},
            ))
    return questions


def limit_questions(catalog: Catalog) -> list[Question]:
    services = catalog.of_kind("services")
    by_unit: dict[str, set[str]] = {}
    for _, s in services:
        for limit in s.limits:
            if isinstance(limit.value, bool) or not isinstance(limit.value, (int, float)):
                continue
            by_unit.setdefault(limit.unit.lower(), set()).add(shown(limit.value))
    questions = []
    for service_id, s in services:
        if not _active(s):
            continue
        for limit in s.limits:
            if isinstance(limit.value, bool) or not isinstance(limit.value, (int, float)):
                continue  # ranges and words ("5–16384", "unlimited") make unfair options
            right = shown(limit.value)
            others = sorted(v for v in by_unit[limit.unit.lower()] if v != right)
            if len(others) < 3:
                continue
            q = qid("limit", service_id, limit.name)
            options, answer = _arrange(q, right, _pick(q, others))
            questions.append(Question(
                id=q, type="limit", topic="limits",
                prompt=f"{s.name}: {plain(limit.name)} ({plain(limit.unit)})?",
                options=tuple(options), answer=answer,
                explanation=f"{plain(limit.name)}: {right} {plain(limit.unit)}." + (f" {plain(limit.note)}" if limit.note else "")
                + f" Read on AWS's page on {limit.read.isoformat()}.",
                domains=_domains(s), kind="services", entity_id=service_id, anchor="limits-and-numbers",
                source_title=f"AWS page for this limit ({s.name})", source_url=limit.source,
                data_file=catalog.source_file("services", service_id),
                refs=tuple(options), basis={"limit": limit.name},
            ))
    return questions


def all_questions(catalog: Catalog) -> list[Question]:
    questions = (
        task_questions(catalog) + not_for_questions(catalog) + algo_fit_questions(catalog)
        + content_type_questions(catalog) + required_hp_questions(catalog) + metric_questions(catalog)
        + default_questions(catalog) + limit_questions(catalog)
    )
    seen: dict[str, Question] = {}
    for q in questions:
        # Two data items that say the same thing in the same place give one question.
        seen.setdefault(q.id, q)
    return list(seen.values())


def scenario_counts(catalog: Catalog, questions: list[Question]) -> dict[str, int]:
    """'<exam>/<n>' -> number of scenario questions tagged with that domain (every
    domain of every exam, zero included)."""
    counts = {f"{exam_id}/{d.number}": 0 for exam_id, exam in catalog.of_kind("exams") for d in exam.domains}
    for q in questions:
        if q.scenario:
            for d in q.domains:
                counts[d] += 1
    return counts
