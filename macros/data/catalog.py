"""The loaded data as one catalog: lookups by kind and id, cross-file checks, back-links.

`build_catalog` runs after every file has been validated on its own. It checks what a
single file cannot know (does this id exist, is this term in the vocabulary, are list
items unique, do pipeline edges join declared nodes) and computes back-links, the
"what refers to me" lists that are never typed by hand.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from macros.data.fields import DomainRef, PageRef, Ref, UniqueBy, Vocab
from macros.data.models import ENTITY_MODELS, STAGES, Algorithm, Entity, GlossaryEntry, Pipeline, Service, Term
from macros.data.problems import Problem, describe, did_you_mean
from macros.data.text_rules import name_skeleton
from macros.data.units import UNITS, unit_of
from macros.data.valid_values import parse


@dataclass
class Catalog:
    entities: dict[str, dict[str, Entity]]
    files: dict[tuple[str, str], str]
    vocab: dict[str, dict[str, Term]]
    backlinks: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)
    """(kind, id) -> referring kind -> sorted ids of entities that refer to it."""
    glossary: dict[str, GlossaryEntry] = field(default_factory=dict)
    """Abbreviation as written -> its entry."""
    domain_members: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """'<exam id>/<n>' -> (kind, id) of the entities that carry that exam domain."""
    choosers: dict[str, Any] = field(default_factory=dict)
    """Chooser id -> its definition (data/choosers/, macros/features/choosers)."""
    chooser_files: dict[str, str] = field(default_factory=dict)

    def get(self, kind: str, entity_id: str) -> Entity:
        return self.entities[kind][entity_id]

    def of_kind(self, kind: str) -> list[tuple[str, Entity]]:
        """(id, entity) pairs of one kind, sorted by display name."""
        return sorted(self.entities[kind].items(), key=lambda item: item[1].name.lower())

    def referrers(self, kind: str, entity_id: str, from_kind: str) -> list[str]:
        return self.backlinks.get((kind, entity_id), {}).get(from_kind, [])

    def capabilities(self, service_id: str) -> list[tuple[str, list[tuple[str, Entity]]]]:
        """The capabilities whose part_of is this service, grouped by stage in lifecycle
        order, each group sorted by name; empty for a service that has none."""
        members = [(i, e) for i, e in self.of_kind("services") if getattr(e, "part_of", None) == service_id]
        return [(stage, [(i, e) for i, e in members if e.stage == stage]) for stage in STAGES
                if any(e.stage == stage for _, e in members)]

    def term(self, vocabulary: str, term_id: str) -> Term:
        return self.vocab[vocabulary][term_id]

    def source_file(self, kind: str, entity_id: str) -> str:
        return self.files[(kind, entity_id)]


# --- a generic walk over the marker annotations in models.py --------------------------


def _markers(annotation: Any) -> list[Any]:
    return list(getattr(annotation, "__metadata__", ()))


def _list_item(annotation: Any) -> Any | None:
    """The item annotation of a list annotation (through Annotated and Optional)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _list_item(typing.get_args(annotation)[0])
    if origin is list:
        return typing.get_args(annotation)[0]
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _list_item(arg)
            if found is not None:
                return found
    return None


def _scalar_markers(annotation: Any) -> list[Any]:
    """Markers on a scalar annotation, looking through Optional."""
    found = _markers(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found += _markers(arg)
    return found


@functools.lru_cache(maxsize=None)
def _field_plan(model_type: type[BaseModel]) -> tuple:
    """Per field of a model class, what walk_markers needs from its annotation (worked out
    once per class rather than once per entity)."""
    plan = []
    for name, info in model_type.model_fields.items():
        annotation = info.rebuild_annotation()
        unique = [m for m in _markers(annotation) + list(info.metadata) if isinstance(m, UniqueBy)]
        item = _list_item(annotation)
        item_markers = [m for m in (_markers(item) if item is not None else []) if isinstance(m, (Ref, Vocab, DomainRef, PageRef))]
        scalar = [m for m in _scalar_markers(annotation) if isinstance(m, (Ref, Vocab))]
        plan.append((name, info.alias or name, unique, item_markers, scalar))
    return tuple(plan)


def walk_markers(model: BaseModel, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Yield (field path, marker, value) for every Ref, Vocab and UniqueBy in a model tree."""
    for name, key, unique, item_markers, scalar in _field_plan(type(model)):
        value = getattr(model, name)
        here = f"{path}.{key}" if path else key
        if isinstance(value, list):
            for marker in unique:
                yield here, marker, value
        if isinstance(value, BaseModel):
            yield from walk_markers(value, here)
        elif isinstance(value, list):
            for i, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from walk_markers(element, f"{here}[{i}]")
                else:
                    for marker in item_markers:
                        yield f"{here}[{i}]", marker, element
        elif value is not None:
            for marker in scalar:
                yield here, marker, value


# --- the checks ----------------------------------------------------------------------


def _check_entity(kind: str, entity_id: str, entity: Entity, rel: str, entities, vocab, broken=frozenset()) -> tuple[list[Problem], list[tuple[str, str]]]:
    label = type(entity).label
    problems: list[Problem] = []
    refs: list[tuple[str, str]] = []

    def problem(path: str, message: str, hint: str | None = None) -> None:
        problems.append(Problem(rel, message, kind=label, entity_id=entity_id, path=path, hint=hint))

    for path, marker, value in walk_markers(entity):
        if isinstance(marker, Ref):
            if (marker.kind, value) in broken:
                continue  # its own file failed to load and has been reported
            if value not in entities.get(marker.kind, {}):
                singular = ENTITY_MODELS[marker.kind].label
                problem(path, f"no {singular} with id {describe(value)}", did_you_mean(value, entities.get(marker.kind, {})))
            elif marker.kind == kind and value == entity_id:
                problem(path, f"a {label} cannot refer to itself")
            else:
                refs.append((marker.kind, value))
        elif isinstance(marker, DomainRef):
            exam_id, _, number = value.partition("/")
            exams = entities.get("exams", {})
            if exam_id not in exams:
                if ("exams", exam_id) not in broken:
                    problem(path, f"no exam with id {describe(exam_id)}", did_you_mean(exam_id, exams))
            elif int(number) not in {d.number for d in exams[exam_id].domains}:
                numbers = ", ".join(str(d.number) for d in exams[exam_id].domains)
                problem(path, f"exam '{exam_id}' has no domain {number}; its domains are {numbers}")
            else:
                refs.append(("exam-domain", value))
        elif isinstance(marker, PageRef):
            target_kind, _, target_id = value.partition("/")
            if target_kind not in ENTITY_MODELS:
                problem(path, f"expected '<kind>/<id>' with a kind of {', '.join(ENTITY_MODELS)}; got {describe(value)}",
                        did_you_mean(target_kind, ENTITY_MODELS))
            elif (target_kind, target_id) in broken:
                pass
            elif target_id not in entities.get(target_kind, {}):
                singular = ENTITY_MODELS[target_kind].label
                problem(path, f"no {singular} with id {describe(target_id)}", did_you_mean(target_id, entities.get(target_kind, {})))
            else:
                refs.append((target_kind, target_id))
        elif isinstance(marker, Vocab):
            terms = vocab.get(marker.name, {})
            if value not in terms:
                problem(
                    path,
                    f"expected a term of the '{marker.name}' vocabulary (data/vocab/{marker.name}.yml); got {describe(value)}",
                    did_you_mean(value, terms),
                )
        elif isinstance(marker, UniqueBy):
            seen: dict[Any, int] = {}
            for i, item in enumerate(value):
                key = getattr(item, marker.key) if marker.key else item
                if key in seen:
                    where = f"{path}[{i}]" + (f".{marker.key}" if marker.key else "")
                    problem(where, f"duplicate {describe(key)}; already at {path}[{seen[key]}]")
                else:
                    seen[key] = i

    if isinstance(entity, Algorithm):
        problems += _check_algorithm(entity, problem)
    if isinstance(entity, Pipeline):
        _check_pipeline(entity, entities, problem)
    if isinstance(entity, Service):
        _check_service(entity, entities, problem)
    fmt = getattr(entity, "format", None)
    if fmt is not None and fmt.scored is not None and fmt.scored > fmt.questions:
        problem("format.scored", f"expected at most the {fmt.questions} questions of the exam; got {fmt.scored}")
    for i, domain in enumerate(getattr(entity, "domains", None) or []):
        for j, task in enumerate(domain.tasks):
            if not task.number.startswith(f"{domain.number}."):
                problem(f"domains[{i}].tasks[{j}].number", f"expected a number in domain {domain.number} ('{domain.number}.1', ...); got {describe(task.number)}")
    if hasattr(entity, "rows") and hasattr(entity, "columns"):
        _check_comparison(entity, problem)
    return problems, refs


def _check_algorithm(algo: Algorithm, problem) -> list[Problem]:

    names = [h.name for h in algo.hyperparameters]
    for i, hp in enumerate(algo.hyperparameters):
        where = f"hyperparameters[{i}]"
        constraint = parse(hp.valid_values, hp.type)
        # A numeric hyperparameter's text default is judged by the type check below.
        judged = hp.default is not None and not (hp.type in ("integer", "float") and isinstance(hp.default, str))
        if constraint is not None and judged and hp.aws_inconsistency is None and not constraint.allows(hp.default):
            problem(f"{where}.default", f"expected {constraint.describe()}, as valid_values says ({describe(hp.valid_values)}); got {describe(hp.default)}",
                    "if AWS's page really states both, say so in aws_inconsistency")
        if hp.required and hp.default is not None:
            problem(f"{where}.default", f"a required hyperparameter has no default; got {describe(hp.default)}")
        if hp.default is None:
            continue
        if hp.type == "integer" and (isinstance(hp.default, bool) or isinstance(hp.default, float)):
            problem(f"{where}.default", f"expected a whole number (type is integer); got {describe(hp.default)}")
        elif hp.type in ("integer", "float") and isinstance(hp.default, str):
            words = hp.valid_values.replace(",", " ").replace("'", " ").replace("`", " ").split()
            if hp.default not in words:
                problem(
                    f"{where}.default",
                    f"expected a number (type is {hp.type}), or a word its valid_values names; got {describe(hp.default)}",
                )
        elif hp.type == "boolean" and not isinstance(hp.default, (bool, str)):
            problem(f"{where}.default", f"expected true or false (type is boolean); got {describe(hp.default)}")
    for i, rng in enumerate(algo.tuning.tunable):
        if rng.hyperparameter not in names:
            problem(
                f"tuning.tunable[{i}].hyperparameter",
                f"no hyperparameter named {describe(rng.hyperparameter)} in this algorithm's hyperparameters",
                did_you_mean(rng.hyperparameter, names),
            )
    if algo.training.default_content_type is not None:
        offered = {ct for ch in algo.training.channels for ct in ch.content_types}
        if algo.training.default_content_type not in offered:
            problem(
                "training.default_content_type",
                f"expected one of the channels' content types ({', '.join(sorted(offered))}); got {describe(algo.training.default_content_type)}",
            )
    return []


def _check_service(svc: Service, entities, problem) -> None:
    if (svc.part_of is None) != (svc.stage is None):
        problem("stage" if svc.part_of else "part_of",
                "expected part_of and stage together (a capability names the service it belongs to and its lifecycle stage)")
    parent = entities.get("services", {}).get(svc.part_of) if svc.part_of else None
    if parent is not None and parent.part_of is not None:
        problem("part_of", f"'{svc.part_of}' is itself a capability of '{parent.part_of}'; expected the top-level service")
    if svc.status != "active" and svc.status_date is None:
        problem("status_date", f"a service whose status is '{svc.status}' needs the date it took effect")
    if svc.status != "active" and svc.status_source is None:
        problem("status_source", f"a service whose status is '{svc.status}' needs the AWS page that says so")

    for i, limit in enumerate(svc.limits):
        if limit.measure is None:
            continue
        if isinstance(limit.value, bool) or not isinstance(limit.value, (int, float)):
            problem(f"limits[{i}].value", f"a limit with a measure needs a number (choosers compare it); got {describe(limit.value)}")
        if unit_of(limit.unit) is None:
            problem(f"limits[{i}].unit", f"a limit with a measure needs a unit whose first word is one of {', '.join(UNITS)}; got {describe(limit.unit)}")
    if svc.status == "active" and (svc.status_date or svc.status_note):
        problem("status", "status_date and status_note describe a status other than 'active'; set status")


def _check_pipeline(pipe: Pipeline, entities, problem) -> None:
    ids = [n.id for n in pipe.nodes]
    for i, node in enumerate(pipe.nodes):
        if node.service is None and node.label is None:
            problem(f"nodes[{i}]", "expected a service id or a label (for actors that are not services)")
    used: set[str] = set()
    for i, edge in enumerate(pipe.edges):
        for key, value in (("from", edge.source), ("to", edge.to)):
            if value not in ids:
                problem(f"edges[{i}].{key}", f"no node with id {describe(value)} in this pipeline's nodes", did_you_mean(value, ids))
            used.add(value)
    for i, node in enumerate(pipe.nodes):
        if node.id not in used:
            problem(f"nodes[{i}].id", f"node {describe(node.id)} is on no edge")


def _check_comparison(comp, problem) -> None:
    curated = bool(comp.rows or comp.columns or comp.row_header)
    generated = bool(comp.services or comp.fields)
    if curated == generated:
        problem(
            "rows" if curated else "services",
            "expected either curated rows (row_header, columns, rows) or a service view (services, fields), not "
            + ("both" if curated else "neither"),
        )
        return
    if generated:
        if len(comp.services) < 2:
            problem("services", f"expected at least 2 services to compare; got {len(comp.services)}")
        if not comp.fields:
            problem("fields", "expected at least 1 field to compare")
        return
    if comp.row_header is None:
        problem("row_header", "required field is missing (curated comparisons name their first column)")
    if not comp.columns:
        problem("columns", "expected at least 1 item(s); got 0")
    if len(comp.rows) < 2:
        problem("rows", f"expected at least 2 item(s); got {len(comp.rows)}")
    for i, row in enumerate(comp.rows):
        subjects = [x for x in (row.algorithm, row.service, row.concept) if x is not None]
        if len(subjects) > 1:
            problem(f"rows[{i}]", "expected at most one of algorithm, service, concept")
        if not subjects and row.label is None:
            problem(f"rows[{i}]", "expected a label, or an algorithm, service or concept to name the row")
        if len(row.cells) != len(comp.columns):
            problem(f"rows[{i}].cells", f"expected {len(comp.columns)} cells, one per column; got {len(row.cells)}")


_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters for which str.isalnum() is false


def name_key(name: str) -> str:
    """Names compare without case, spaces or punctuation: "K-Means" is "kmeans"."""
    return _NOT_ALNUM.sub("", name.casefold())


def _check_unique_names(entities, files) -> list[Problem]:
    """Every name, alias and former name names one entity only: otherwise search, the
    glossary, tooltips and self-test could not tell them apart. Names compare by their
    skeleton (case, punctuation and look-alike characters folded; text_rules)."""
    owner: dict[str, tuple[str, str, str]] = {}
    problems: list[Problem] = []
    for kind in sorted(entities):
        for entity_id in sorted(entities[kind]):
            entity = entities[kind][entity_id]
            names = [("name", entity.name)] + [(f"aliases[{i}]", a) for i, a in enumerate(entity.aliases)]
            names += [(f"former_names[{i}].name", f.name) for i, f in enumerate(getattr(entity, "former_names", []) or [])]
            for path, name in names:
                key = name_skeleton(name)
                if not key:
                    continue
                other = owner.get(key)
                if other is None:
                    owner[key] = (kind, entity_id, name)
                elif other[:2] != (kind, entity_id):
                    other_label = ENTITY_MODELS[other[0]].label
                    problems.append(Problem(
                        files[(kind, entity_id)], f"{describe(name)} already names {other_label} '{other[1]}' (as {describe(other[2])})",
                        kind=type(entity).label, entity_id=entity_id, path=path,
                        hint=f"see {files[(other[0], other[1])]}; every name and alias must name one entity",
                    ))
    return problems


def build_catalog(entities, files, vocab, broken=frozenset(), glossary=None, glossary_file="data/glossary.yml"):
    problems: list[Problem] = []
    backlinks: dict[tuple[str, str], dict[str, set[str]]] = {}
    members: dict[str, list[tuple[str, str]]] = {}
    for kind, by_id in entities.items():
        for entity_id, entity in by_id.items():
            found, refs = _check_entity(kind, entity_id, entity, files[(kind, entity_id)], entities, vocab, broken)
            problems += found
            for target in refs:
                if target[0] == "exam-domain":
                    members.setdefault(target[1], []).append((kind, entity_id))
                    continue
                backlinks.setdefault(target, {}).setdefault(kind, set()).add(entity_id)
    problems += _check_unique_names(entities, files)
    for abbr, entry in (glossary or {}).items():
        targets = [k for k in ("algorithm", "service", "concept") if getattr(entry, k) is not None]
        if len(targets) > 1:
            problems.append(Problem(glossary_file, f"points at {len(targets)} entities ({', '.join(targets)}); expected at most one",
                                    kind="term", entity_id=abbr, path=targets[1]))
        for path, marker, value in walk_markers(entry):
            if isinstance(marker, Ref) and value not in entities.get(marker.kind, {}) and (marker.kind, value) not in broken:
                singular = ENTITY_MODELS[marker.kind].label
                problems.append(Problem(glossary_file, f"no {singular} with id {describe(value)}", kind="term",
                                        entity_id=abbr, path=path, hint=did_you_mean(value, entities.get(marker.kind, {}))))
    frozen = {
        target: {k: sorted(ids, key=lambda i, k=k: entities[k][i].name.lower()) for k, ids in by_kind.items()}
        for target, by_kind in backlinks.items()
    }
    for key in members:
        members[key].sort(key=lambda ki: (ki[0], entities[ki[0]][ki[1]].name.lower()))
    return Catalog(entities, files, vocab, frozen, dict(glossary or {}), members), problems
