"""Authored exam-style items as questions: what facts cannot compose, such as multi-step
MLOps, security and cost trade-offs and generative-AI application design. The items and
their checks are data/practice_items.py; here each becomes a Question whose options link
to the page, section and AWS source their reasons rest on.
"""

from __future__ import annotations

from typing import Any

from macros.data.catalog import Catalog
from macros.data.practice_items import Option
from macros.features.practice.base import Question, Reason, arrange, plain, qid
from macros.site.routes import section

ANCHORS = {"limit": section("limits"), "trait": section("traits"), "feature": section("features")}


def _anchor(o: Option) -> str | None:
    if o.fact is None:
        return None
    return next(ANCHORS[k] for k in ANCHORS if getattr(o.fact, k) is not None)


def _reason_source(catalog: Catalog, o: Option) -> str:
    kind, _, entity_id = o.cites.partition("/")
    entity = catalog.get(kind, entity_id)
    if o.fact is not None and o.fact.limit is not None:
        return next(l.source for l in entity.limits if l.name == o.fact.limit)
    if o.fact is not None and o.fact.trait is not None:
        return next(t.source for t in entity.traits if t.trait == o.fact.trait)
    return entity.sources[0].url


def authored_questions(catalog: Catalog) -> list[Question]:
    topics: dict[str, Any] = getattr(catalog, "practice_topics", {}) or {}
    files: dict[str, str] = getattr(catalog, "practice_files", {}) or {}
    questions = []
    for topic_id, topic in topics.items():
        for item in topic.items:
            q = qid("authored", item.id)
            right = [o for o in item.options if o.right]
            wrong = [o for o in item.options if not o.right]
            options, answers = arrange(q, right, wrong)
            key = right[0]
            kind, _, entity_id = key.cites.partition("/")
            reasons = tuple(Reason(text=plain(o.reason), page=tuple(o.cites.split("/", 1)), anchor=_anchor(o),
                                   source=_reason_source(catalog, o)) for o in options)
            title = catalog.get(kind, entity_id).sources[0].title
            questions.append(Question(
                id=q, style="exam", type="authored", topic=topic.topic,
                prompt=f"{plain(item.situation)} {plain(item.question)}",
                options=tuple(plain(o.text) for o in options), answers=answers, reasons=reasons,
                explanation=plain(item.explanation), domains=tuple(sorted(set(item.domains))),
                kind=kind, entity_id=entity_id, anchor=_anchor(key), source_title=title, source_url=item.source,
                data_file=files[topic_id], refs=tuple(o.cites for o in options),
                basis={"item": item.id}, family=f"authored:{item.id}",
            ))
    return questions
