"""Self-test question cards generated from the data (pure), never written by hand.

Each card has a front (the question) and a back (the answer), in Markdown for the page
and in plain text for the flashcard CSV, plus the topic it belongs to and the exam
domains of the entity it was made from. Adding data adds cards.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from macros.data.catalog import Catalog
from macros.site.diagrams import node_label
from macros.site.markup import code, md
from macros.site.render import Linker
from macros.site.routes import hp_anchor, metric_anchor, section

TOPICS = {
    "algorithms": "Built-in algorithms",
    "hyperparameters": "Hyperparameter defaults",
    "metrics": "Tuning metrics",
    "services": "Services",
    "pipelines": "Pipelines",
    "concepts": "Concepts",
    "glossary": "Abbreviations",
}


@dataclass(frozen=True)
class Card:
    topic: str
    front: str
    back: str
    front_text: str
    back_text: str
    kind: str | None = None
    entity_id: str | None = None
    anchor: str | None = None
    domains: tuple[str, ...] = field(default=())

    def tags(self) -> list[str]:
        tags = [f"topic:{self.topic}"]
        if self.kind and self.entity_id:
            tags.append(f"{self.kind[:-1]}:{self.entity_id}")
        tags += [f"exam:{d.replace('/', '-domain-')}" for d in self.domains]
        return tags


def _plain(text: str) -> str:
    return " ".join(str(text).replace("`", "").split())


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def algorithm_cards(catalog: Catalog) -> list[Card]:
    cards = []
    algos = catalog.of_kind("algorithms")
    for term_id, term in catalog.vocab["problem-types"].items():
        members = [(i, a) for i, a in algos if term_id in a.problem_types]
        if not members:
            continue
        example = f" For example: {term.example}" if term.example else ""
        domains = tuple(sorted({d for _, a in members for d in a.exam_domains}))
        names = [a.name for _, a in members]
        cards.append(Card(
            "algorithms",
            f"Which built-in algorithms handle **{md(term.name.lower())}**?{md(example)}",
            "{ALGOS:" + ",".join(i for i, _ in members) + "}",
            f"Which built-in algorithms handle {term.name.lower()}?{example}",
            _join(names),
            domains=domains,
        ))
    for algo_id, a in algos:
        inst = a.training.instances
        hardware = "CPU and GPU" if inst.cpu and inst.gpu else "GPU only" if inst.gpu else "CPU only"
        scale = "can" if inst.multi_instance else "cannot"
        cards.append(Card(
            "algorithms",
            f"On what hardware does **{md(a.name)}** train, and can it train on several instances?",
            f"{hardware}; it {scale} train on several instances.",
            f"On what hardware does {a.name} train, and can it train on several instances?",
            f"{hardware}; it {scale} train on several instances.",
            "algorithms", algo_id, "instances", tuple(a.exam_domains),
        ))
        types = sorted({ct for ch in a.training.channels for ct in ch.content_types})
        cards.append(Card(
            "algorithms",
            f"Which content types does **{md(a.name)}** accept for training?",
            ", ".join(code(t) for t in types) + ".",
            f"Which content types does {a.name} accept for training?",
            ", ".join(types) + ".",
            "algorithms", algo_id, section("training-data"), tuple(a.exam_domains),
        ))
        for hp in a.hyperparameters:
            if hp.default is None or hp.required:
                continue
            cards.append(Card(
                "hyperparameters",
                f"Default of {code(hp.name)} in **{md(a.name)}**?",
                f"{code(hp.default if not isinstance(hp.default, bool) else str(hp.default).lower())} ({md(hp.valid_values)})",
                f"Default of {hp.name} in {a.name}?",
                f"{hp.default} (valid values: {_plain(hp.valid_values)})",
                "algorithms", algo_id, hp_anchor(hp.name), tuple(a.exam_domains),
            ))
        for m in a.tuning.metrics:
            cards.append(Card(
                "metrics",
                f"When **{md(a.name)}** is tuned on {code(m.name)}, is the metric minimized or maximized?",
                f"{m.direction.capitalize()}d. {md(m.description)}",
                f"When {a.name} is tuned on {m.name}, is the metric minimized or maximized?",
                f"{m.direction.capitalize()}d. {_plain(m.description)}",
                "algorithms", algo_id, metric_anchor(m.name), tuple(a.exam_domains),
            ))
    return cards


def service_cards(catalog: Catalog) -> list[Card]:
    cards = []
    services = catalog.of_kind("services")
    feature_owners: dict[str, list[str]] = {}
    for service_id, s in services:
        for f in s.features:
            feature_owners.setdefault(f.name.lower(), []).append(service_id)
    for service_id, s in services:
        domains = tuple(s.exam_domains)
        for former in s.former_names:
            cards.append(Card(
                "services",
                f"What is **{md(former.name)}** called now?",
                f"{md(s.name)}" + (f" (renamed {former.until.isoformat()})" if former.until else ""),
                f"What is {former.name} called now?",
                s.name + (f" (renamed {former.until.isoformat()})" if former.until else ""),
                "services", service_id, None, domains,
            ))
        for limit in s.limits:
            value = f"{limit.value:,}" if isinstance(limit.value, int) and not isinstance(limit.value, bool) else str(limit.value)
            cards.append(Card(
                "services",
                f"**{md(s.name)}**: {md(limit.name)}?",
                f"{md(value)} {md(limit.unit)}" + (f". {md(limit.note)}" if limit.note else ""),
                f"{s.name}: {limit.name}?",
                f"{value} {limit.unit}" + (f". {_plain(limit.note)}" if limit.note else ""),
                "services", service_id, section("limits"), domains,
            ))
        for f in s.features:
            if len(feature_owners[f.name.lower()]) != 1 or s.name.lower() in f.name.lower():
                continue
            cards.append(Card(
                "services",
                f"Which AWS service offers **{md(f.name)}**?",
                f"{md(s.name)}: {md(f.text)}",
                f"Which AWS service offers {f.name}?",
                f"{s.name}: {_plain(f.text)}",
                "services", service_id, section("features"), domains,
            ))
        if s.status != "active":
            state = {"maintenance": "in maintenance mode", "closed": "closed to new customers"}.get(s.status, "discontinued")
            instead = _join([catalog.get("services", i).name for i in s.replaced_by]) if s.replaced_by else ""
            cards.append(Card(
                "services",
                f"What is the status of **{md(s.name)}**, and what replaces it?",
                f"{state.capitalize()}" + (f" since {s.status_date.isoformat()}" if s.status_date else "")
                + (f"; use {md(instead)}." if instead else "."),
                f"What is the status of {s.name}, and what replaces it?",
                state.capitalize() + (f" since {s.status_date.isoformat()}" if s.status_date else "")
                + (f"; use {instead}." if instead else "."),
                "services", service_id, None, domains,
            ))
    return cards


def pipeline_cards(catalog: Catalog) -> list[Card]:
    cards = []

    for pipe_id, p in catalog.of_kind("pipelines"):
        for edge in p.edges:
            src = node_label(p, edge.source, catalog)
            dst = node_label(p, edge.to, catalog)
            cards.append(Card(
                "pipelines",
                f"In the **{md(p.name)}** pipeline, where does {md(src)} send {md(edge.label or 'its output')}?",
                f"To {md(dst)}. {md(edge.step)}",
                f"In the {p.name} pipeline, where does {src} send {edge.label or 'its output'}?",
                f"To {dst}. {_plain(edge.step)}",
                "pipelines", pipe_id, "steps", tuple(p.exam_domains),
            ))
    return cards


def concept_cards(catalog: Catalog) -> list[Card]:
    cards = []
    for concept_id, c in catalog.of_kind("concepts"):
        cards.append(Card(
            "concepts",
            f"What is **{md(c.name)}**?",
            md(c.summary),
            f"What is {c.name}?",
            c.summary,
            "concepts", concept_id, None, tuple(c.exam_domains),
        ))
        for f in c.formulas:
            cards.append(Card(
                "concepts",
                f"Formula: **{md(f.name)}**?",
                f"$${f.latex}$$",
                f"Formula: {f.name}?",
                f.latex,
                "concepts", concept_id, "formulas", tuple(c.exam_domains),
            ))
    return cards


def glossary_cards(catalog: Catalog) -> list[Card]:
    return [
        Card("glossary", f"What does **{md(abbr)}** stand for?", md(e.expansion) + ". " + md(e.definition),
             f"What does {abbr} stand for?", f"{e.expansion}. {e.definition}")
        for abbr, e in sorted(catalog.glossary.items(), key=lambda kv: kv[0].lower())
    ]


def all_cards(catalog: Catalog) -> list[Card]:
    return (
        algorithm_cards(catalog) + service_cards(catalog) + pipeline_cards(catalog)
        + concept_cards(catalog) + glossary_cards(catalog)
    )


def resolve_links(card: Card, link: Linker) -> tuple[str, str]:
    """The card's Markdown with links relative to the page it is shown on."""
    back = card.back
    if back.startswith("{ALGOS:"):
        ids = back[len("{ALGOS:") : -1].split(",")
        back = link.many("algorithms", ids) + "."
    elif card.kind and card.entity_id:
        back += " " + link(card.kind, card.entity_id, "Details", card.anchor)
    return card.front, back


def to_csv(cards: list[Card]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["front", "back", "tags"])
    for card in cards:
        writer.writerow([card.front_text, card.back_text, " ".join(card.tags())])
    return out.getvalue()
