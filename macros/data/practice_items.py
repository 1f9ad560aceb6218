"""The schema of authored exam-style items (data/practice/<topic>.yml), their loading and
their check against the catalogue.

A file is one topic with its items. Each item has a situation, a question, four (or five)
options and, for every option, whether it is right and a reason that cites the entity it
rests on (`cites: <kind>/<id>`) and, where the reason rests on a number or a capability, the
fact in our data (`fact`: a limit and its value, a trait and its yes/no, or a feature by
name). The schema checks the number of keys against `choose`, distinct options and a
reason for each; `check_practice` checks that every cited page, domain and fact exists;
tests/data/test_practice.py re-judges every fact against the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from macros.data.catalog import Catalog
from macros.data.fields import AwsUrl, ExamDomain, Model, Name, Scalar, Text
from macros.data.loading import load_folder
from macros.data.models import LocalId, PageId
from macros.data.problems import Problem, describe, did_you_mean

LABEL = "practice topic"
TOPIC_IDS = ("mlops", "security", "cost", "generative-ai", "data-engineering", "services", "concepts", "algorithms")


class Fact(Model):
    """The fact of our data a reason rests on: exactly one of limit, trait, feature."""

    limit: Name | None = None
    trait: Annotated[str, Field(min_length=1, max_length=80)] | None = None
    feature: Name | None = None
    value: Scalar = None
    """The limit's value (as the data gives it) or the trait's yes/no."""

    @model_validator(mode="after")
    def _one(self):
        given = [k for k in ("limit", "trait", "feature") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"expected exactly one of limit, trait, feature; got {len(given)}")
        if given[0] in ("limit", "trait") and self.value is None:
            raise ValueError(f"a {given[0]} fact needs the value the data gives")
        if given[0] == "feature" and self.value is not None:
            raise ValueError("a feature fact takes no value")
        return self


class Option(Model):
    text: Name
    right: bool = False
    reason: Text
    """Why it fits, or which fact rules it out."""
    cites: PageId
    """The entity the reason rests on, '<kind>/<id>'."""
    fact: Fact | None = None


class Item(Model):
    id: LocalId
    domains: Annotated[list[ExamDomain], Field(min_length=1)]
    situation: Text
    """Two to four sentences with the constraint that decides."""
    question: Name
    choose: Annotated[int, Field(ge=1, le=3)] = 1
    options: Annotated[list[Option], Field(min_length=4, max_length=5)]
    explanation: Text
    source: AwsUrl
    """The AWS page the key rests on."""

    @model_validator(mode="after")
    def _keys(self):
        right = sum(1 for o in self.options if o.right)
        if right != self.choose:
            raise ValueError(f"expected {self.choose} right option{'s' if self.choose > 1 else ''} (choose: {self.choose}); got {right}")
        texts = [o.text.lower() for o in self.options]
        if len(set(texts)) != len(texts):
            raise ValueError("expected distinct options; two are the same")
        if self.choose > 1 and f"choose {self.choose}" not in self.question.lower().replace("(", "").replace(")", ""):
            raise ValueError(f"a multiple-response question says so: expected '(Choose {self.choose}.)' in the question")
        return self


class Topic(Model):
    name: Name
    topic: Literal[TOPIC_IDS]
    items: Annotated[list[Item], Field(min_length=1)]


def load_practice(data_dir: Path, root: Path) -> tuple[dict[str, Topic], dict[str, str], list[Problem]]:
    """(topics by file id, file of each, problems). A missing folder means no items."""

    topics, files, problems = load_folder(data_dir, root, "practice", Topic, LABEL)
    seen: dict[str, str] = {}
    for topic_id, topic in topics.items():
        for i, item in enumerate(topic.items):
            if item.id in seen:
                problems.append(Problem(files[topic_id], f"duplicate item id {describe(item.id)}; already in {seen[item.id]}",
                                        kind=LABEL, entity_id=topic_id, path=f"items[{i}].id"))
            seen.setdefault(item.id, files[topic_id])
    return topics, files, problems


def check_practice(catalog: Catalog, topics: dict[str, Topic], files: dict[str, str]) -> list[Problem]:
    """Every cited page, domain and fact exists in the catalog."""
    problems: list[Problem] = []
    domains = {f"{e}/{d.number}" for e, exam in catalog.entities.get("exams", {}).items() for d in exam.domains}
    for topic_id, topic in topics.items():
        rel = files[topic_id]

        def problem(path: str, message: str, hint: str | None = None) -> None:
            problems.append(Problem(rel, message, kind=LABEL, entity_id=topic_id, path=path, hint=hint))

        for i, item in enumerate(topic.items):
            for j, d in enumerate(item.domains):
                if d not in domains:
                    problem(f"items[{i}].domains[{j}]", f"no exam domain {describe(d)}", did_you_mean(d, domains))
            for j, o in enumerate(item.options):
                where = f"items[{i}].options[{j}]"
                kind, _, entity_id = o.cites.partition("/")
                known = catalog.entities.get(kind, {})
                if entity_id not in known:
                    problem(f"{where}.cites", f"no page {describe(o.cites)}", did_you_mean(entity_id, known))
                    continue
                if o.fact is not None:
                    found = fact_problem(catalog.get(kind, entity_id), o.fact)
                    if found:
                        problem(f"{where}.fact", found)
    return problems


def fact_problem(entity, fact: Fact) -> str | None:
    """What is wrong with a cited fact, or None when the data holds it."""
    if fact.limit is not None:
        limit = next((l for l in getattr(entity, "limits", []) if l.name == fact.limit), None)
        if limit is None:
            return f"no limit {describe(fact.limit)} on this page; expected one of: " + ", ".join(l.name for l in getattr(entity, "limits", []))
        if limit.value != fact.value:
            return f"the data gives {describe(limit.value)} for {describe(fact.limit)}; got {describe(fact.value)}"
        return None
    if fact.trait is not None:
        trait = next((t for t in getattr(entity, "traits", []) if t.trait == fact.trait), None)
        if trait is None:
            return f"no trait {describe(fact.trait)} on this page"
        if trait.value is not fact.value:
            return f"the data gives {describe(trait.value)} for trait {describe(fact.trait)}; got {describe(fact.value)}"
        return None
    if not any(f.name == fact.feature for f in getattr(entity, "features", [])):
        return f"no feature {describe(fact.feature)} on this page"
    return None
