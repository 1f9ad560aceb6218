"""What a chooser constraint may name on a candidate, and the fact it reads from the data.

An attribute is one of three shapes:

- a list of vocabulary terms (`has`): an algorithm's problem types, data, content types...;
- yes/no (`is`): an algorithm's CPU/GPU/multi-instance support, or a service trait
  (`trait:<term>` of data/vocab/service-traits.yml);
- a measured limit (`at_least`): `measure:<term>` of data/vocab/measures.yml, the limit of
  the service that carries that measure.

`fact(catalog, kind, id, require)` returns whether the candidate meets the constraint and
the sentence of data that says so. It is the only place a constraint is judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from macros.data.catalog import Catalog
from macros.data.units import in_base, quantity


@dataclass(frozen=True)
class ListAttribute:
    label: str
    vocabulary: str
    get: Callable[[Any], list[str]]
    short: str = "{}"
    """How a pick names the term it meets, compactly ("{} data" -> "Tabular data")."""


@dataclass(frozen=True)
class FlagAttribute:
    label: str
    get: Callable[[Any], bool | None]
    yes: str = ""
    """How a pick names the fact when it is true, compactly ("trains on CPU")."""
    no: str = ""


def _content_types(a) -> list[str]:
    seen: list[str] = []
    for ch in a.training.channels:
        seen += [ct for ct in ch.content_types if ct not in seen]
    return seen


ALGORITHM_ATTRIBUTES: dict[str, ListAttribute | FlagAttribute] = {
    "problem_types": ListAttribute("Problem types", "problem-types", lambda a: a.problem_types),
    "learning_types": ListAttribute("Learning", "learning-types", lambda a: a.learning_types, "{} learning"),
    "modalities": ListAttribute("Data", "modalities", lambda a: a.modalities, "{} data"),
    "training_content_types": ListAttribute("Training content types", "content-types", _content_types, "{} input"),
    "input_modes": ListAttribute("Input modes", "input-modes", lambda a: a.training.input_modes, "{} input mode"),
    "training_recommended": ListAttribute("AWS recommends for training", "instance-families",
                                          lambda a: a.training.instances.recommended, "AWS recommends {} for training"),
    "training_cpu": FlagAttribute("Trains on CPU instances", lambda a: a.training.instances.cpu, "trains on CPU", "no CPU training"),
    "training_gpu": FlagAttribute("Trains on GPU instances", lambda a: a.training.instances.gpu, "trains on GPU", "no GPU training"),
    "multi_instance": FlagAttribute("Trains on several instances", lambda a: a.training.instances.multi_instance,
                                    "trains on several instances", "trains on one instance only"),
    "inference_cpu": FlagAttribute("Serves on CPU instances", lambda a: a.inference.cpu, "serves on CPU", "no CPU serving"),
    "inference_gpu": FlagAttribute("Serves on GPU instances", lambda a: a.inference.gpu, "serves on GPU", "no GPU serving"),
}


@dataclass(frozen=True)
class Fact:
    ok: bool
    text: str
    """Plain text: the data that decides, as a reader sees it."""
    source: str | None = None
    """The AWS page that states it, where the fact carries its own source."""
    short: str = ""
    """The same fact in a few words, as a pick lists it ("CSV input", "trains on CPU");
    the label is not repeated, because the pick shows each deciding fact once."""


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def find_limit(service, measure: str):
    """The service's limits that carry this measure."""
    return [l for l in service.limits if l.measure == measure]


def fact(catalog: Catalog, kind: str, entity_id: str, req) -> Fact:
    """Whether the candidate meets the constraint, and the data that says so. The chooser
    has been checked (load.py), so every attribute, term and fact exists."""
    entity = catalog.get(kind, entity_id)
    name = req.attribute
    if kind == "algorithms":
        attr = ALGORITHM_ATTRIBUTES[name]
        if isinstance(attr, ListAttribute):
            values = attr.get(entity)
            names = ", ".join(catalog.term(attr.vocabulary, v).name for v in values) or "none named"
            wanted = catalog.term(attr.vocabulary, req.has).name
            short = _first_upper(attr.short.format(wanted))
            if req.has in values:
                return Fact(True, f"{attr.label}: {names}", short=short)
            return Fact(False, f"{attr.label}: {names}; not {wanted}", short=f"{attr.label}: {names}")
        flag = attr.get(entity)
        return Fact(flag == req.is_, f"{attr.label}: {_yes_no(flag)}", short=_first_upper(attr.yes if flag else attr.no))
    prefix, _, term = name.partition(":")
    if prefix == "trait":
        trait = next(t for t in entity.traits if t.trait == term)
        label = catalog.term("service-traits", term).name
        text = f"{label}: {_yes_no(trait.value)}" + (f" ({trait.note})" if trait.note else "")
        short = label if trait.value else f"{label}: no"
        return Fact(trait.value == req.is_, text, trait.source, short)
    limit = find_limit(entity, term)[0]
    have = in_base(limit.value, limit.unit)
    need = in_base(req.at_least, req.unit)
    amount = quantity(limit.value, limit.unit.split()[0])
    shown = f"{limit.name}: {amount}"
    short = f"{catalog.term('measures', term).name}: {amount}"
    if have >= need:
        return Fact(True, f"{shown}, at least the {quantity(req.at_least, req.unit)} needed", limit.source, short)
    return Fact(False, f"{shown}, less than the {quantity(req.at_least, req.unit)} needed", limit.source, short)
