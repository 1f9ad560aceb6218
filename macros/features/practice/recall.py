"""Recall cards: bare facts that flashcards and Anki carry, outside the exam simulation (pure).

Training content types per channel (the channel is named, so an auxiliary vocabulary file
is never asked as a training format), required hyperparameters, metric directions,
defaults of exam-relevant hyperparameters and limits. Wrong values are values the data
gives for something else. A metric that is a loss (log loss, cross-entropy) is minimised
whatever a table says; where AWS's table says "maximize", the card keys "Minimize" and
its explanation says that the table misprints it.
"""

from __future__ import annotations

import re
from typing import Any

from macros.data.catalog import Catalog
from macros.features.practice.base import Question, Reason, domains_of, plain, qid
from macros.features.practice.base import arrange as _arrange2
from macros.features.practice.base import pick as _pick
from macros.features.practice.base import source_of as _source
from macros.site.routes import hp_anchor, metric_anchor, section

TRAIN_CHANNELS = ("train", "training")
_LOSS = re.compile(r"(log_?loss|logloss|cross_?entropy|(^|[:_])loss$)", re.I)


def exam_relevant(hp) -> bool:
    """Required hyperparameters, and those the data marks `exam_relevant`."""
    return hp.required or hp.exam_relevant


def _active(entity) -> bool:
    return getattr(entity, "status", "active") == "active"


def _arrange(seed, right, wrong):
    options, answers = _arrange2(seed, [right], wrong)
    return options, answers


def _reasons(options, answers, right_text: str, wrong_text: str, page=None, anchor=None, source=None) -> tuple[Reason, ...]:
    return tuple(Reason(text=right_text if i in answers else wrong_text, page=page, anchor=anchor, source=source)
                 for i in range(len(options)))


def metric_direction(metric) -> tuple[str, bool]:
    """The right direction of a tuning metric, and whether AWS's table misprints it."""
    if _LOSS.search(metric.name) and metric.direction == "maximize":
        return "minimize", True
    return metric.direction, False



def _about_algorithm(catalog: Catalog, algo_id: str, algo, **fields) -> Question:
    """A fact question about one built-in algorithm: its domains, page and source filled in."""
    title, url = _source(algo)
    fields.setdefault("reasons", _reasons(fields["options"], fields["answers"], fields["explanation"],
                                          "Not the documented answer for this algorithm.",
                                          ("algorithms", algo_id), fields.get("anchor"), url))
    return Question(style="recall", domains=domains_of(catalog, ("algorithms", algo_id)), kind="algorithms", entity_id=algo_id,
                    source_title=title, source_url=url, data_file=catalog.source_file("algorithms", algo_id), **fields)


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
                options=tuple(f"`{o}`" for o in options), answers=answer,
                explanation=f"`{hp.name}` is required: {plain(hp.description)} The others are optional.",
                anchor=hp_anchor(hp.name),
                refs=tuple(options), basis={"hyperparameter": hp.name},
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
                options=tuple(f"`{o}`" for o in options), answers=answer,
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
            explanation = (f"{plain(limit.name)}: {right} {plain(limit.unit)}." + (f" {plain(limit.note)}" if limit.note else "")
                           + f" Read on AWS's page on {limit.read.isoformat()}.")
            questions.append(Question(
                id=q, style="recall", type="limit", topic="limits",
                reasons=_reasons(options, answer, explanation, f"Not this limit's value; a value of another limit in {plain(limit.unit)}.",
                                 ("services", service_id), section("limits"), limit.source),
                prompt=f"{s.name}: {plain(limit.name)} ({plain(limit.unit)})?",
                options=tuple(options), answers=answer,
                explanation=explanation,
                domains=domains_of(catalog, ("services", service_id)), kind="services", entity_id=service_id, anchor=section("limits"),
                source_title=f"AWS page for this limit ({s.name})", source_url=limit.source,
                data_file=catalog.source_file("services", service_id),
                refs=tuple(options), basis={"limit": limit.name},
            ))
    return questions




def channel_content_type_questions(catalog: Catalog) -> list[Question]:
    """Which content type a named channel of an algorithm accepts."""
    algos = catalog.of_kind("algorithms")
    used = sorted({ct for _, a in algos for ch in a.training.channels for ct in ch.content_types})
    questions = []
    for algo_id, algo in algos:
        for ch in algo.training.channels:
            bases = {ct.split(";")[0] for ct in ch.content_types}
            # A parameter variant of an accepted type (text/csv;label_size=0) would be unfair.
            others = [ct for ct in used if ct.split(";")[0] not in bases]
            if len(others) < 3:
                continue
            role = "training data" if ch.name in TRAIN_CHANNELS else "data"
            for ct in ch.content_types:
                q = qid("channel-content-type", algo_id, ch.name, ct)
                options, answer = _arrange(q, ct, _pick(q, others))
                accepted = ", ".join(f"`{c}`" for c in ch.content_types)
                note = "" if ch.name in TRAIN_CHANNELS else f" This channel is not the training data itself: {plain(ch.description) if ch.description else 'see the training data section'}"
                questions.append(_about_algorithm(
                    catalog, algo_id, algo,
                    id=q, type="content-type", topic="algorithms",
                    prompt=f"Which content type does {algo.name} accept on its `{ch.name}` channel?",
                    options=tuple(f"`{o}`" for o in options), answers=answer,
                    explanation=f"{algo.name}'s `{ch.name}` channel ({role}) accepts {accepted}; the other options are not among them.{note}",
                    anchor=section("training-data"),
                    refs=tuple(options), basis={"channel": ch.name, "content_type": ct},
                ))
    return questions


def metric_questions(catalog: Catalog) -> list[Question]:
    questions = []
    for algo_id, algo in catalog.of_kind("algorithms"):
        for m in algo.tuning.metrics:
            q = qid("metric-direction", algo_id, m.name)
            direction, misprint = metric_direction(m)
            options = ["minimize", "maximize"]
            explanation = f"`{m.name}` is {direction}d: {plain(m.description)}"
            if misprint:
                explanation += (" It is a loss, so lower is better and the tuner minimises it; AWS's metrics table for this"
                                " algorithm prints \"maximize\", a misprint.")
            questions.append(_about_algorithm(
                catalog, algo_id, algo,
                id=q, type="metric-direction", topic="metrics",
                prompt=f"Automatic model tuning of {algo.name} on `{m.name}`: should the tuner minimize or maximize it?",
                options=("Minimize", "Maximize"), answers=(options.index(direction),),
                explanation=explanation,
                anchor=metric_anchor(m.name),
                refs=tuple(options), basis={"metric": m.name, "misprint": misprint},
            ))
    return questions


def recall_questions(catalog: Catalog) -> list[Question]:
    return (channel_content_type_questions(catalog) + required_hp_questions(catalog) + metric_questions(catalog)
            + default_questions(catalog) + limit_questions(catalog))
