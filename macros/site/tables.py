"""Comparison tables as data (pure): one `Table` per view, built from the catalog.

Each builder returns a Table whose cells carry both Markdown (for the page, with links
relative to the page) and plain text (for the CSV download and the print test). The
same Table object feeds the page and the CSV, so they cannot disagree.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from macros.data.catalog import Catalog
from macros.site.markup import cell, code, number, yesno
from macros.site.render import SERVICE_STATUS, Linker, render
from macros.site.routes import content_type_anchor, hp_anchor, metric_anchor, rel


@dataclass(frozen=True)
class Cell:
    markdown: str
    text: str


@dataclass
class Table:
    id: str
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    wide: bool = False
    """Printed on a landscape page."""
    filterable: bool = True


def text_cell(value: str) -> Cell:
    return Cell(cell(value), " ".join(str(value).split()))


def code_cell(values: list[str]) -> Cell:
    return Cell("<br>".join(code(v) for v in values), "; ".join(values))


def yes_cell(flag: bool | None) -> Cell:
    return Cell(yesno(flag), yesno(flag))


def _csv_name(link: Linker, kind: str, entity_id: str, text: str | None = None) -> str:
    """The name as the CSV has it: with the status of a closed or retired service, as the
    page shows it beside the link."""
    name = text if text is not None else link.catalog.get(kind, entity_id).name
    label = link.status(kind, entity_id)
    return f"{name} ({label})" if label else name


def link_cell(link: Linker, kind: str, entity_id: str, text: str | None = None, anchor: str | None = None) -> Cell:
    return Cell(link(kind, entity_id, text, anchor), _csv_name(link, kind, entity_id, text))


def links_cell(link: Linker, kind: str, ids: list[str]) -> Cell:
    if not ids:
        return Cell("–", "")
    return Cell(link.many(kind, ids), "; ".join(_csv_name(link, kind, i) for i in ids))


def _names(catalog: Catalog, vocabulary: str, ids: list[str]) -> str:
    return ", ".join(catalog.term(vocabulary, i).name for i in ids)


def algorithms_at_a_glance(catalog: Catalog, link: Linker) -> Table:
    table = Table(
        "algorithms-at-a-glance",
        "Algorithms at a glance",
        ["Algorithm", "Learning", "Problem types", "Data", "Training content types", "Input modes",
         "CPU training", "GPU training", "Multi-instance", "CPU inference", "GPU inference"],
        wide=True,
    )
    for algo_id, a in catalog.of_kind("algorithms"):
        content_types = sorted({ct for ch in a.training.channels for ct in ch.content_types})
        table.rows.append([
            link_cell(link, "algorithms", algo_id),
            text_cell(_names(catalog, "learning-types", a.learning_types)),
            text_cell(_names(catalog, "problem-types", a.problem_types)),
            text_cell(_names(catalog, "modalities", a.modalities)),
            code_cell(content_types),
            text_cell(_names(catalog, "input-modes", a.training.input_modes)),
            yes_cell(a.training.instances.cpu),
            yes_cell(a.training.instances.gpu),
            yes_cell(a.training.instances.multi_instance),
            yes_cell(a.inference.cpu),
            yes_cell(a.inference.gpu),
        ])
    return table


def decision_guide(catalog: Catalog, link: Linker) -> Table:
    table = Table(
        "decision-guide",
        "Which algorithm for which problem",
        ["Problem", "Example", "Data", "Supervised", "Unsupervised"],
        wide=True,
    )
    for term_id, term in catalog.vocab["problem-types"].items():
        algos = [(i, a) for i, a in catalog.of_kind("algorithms") if term_id in a.problem_types]
        if not algos:
            continue
        modalities = []
        for _, a in algos:
            modalities += [m for m in a.modalities if m not in modalities]
        supervised = [i for i, a in algos if "supervised" in a.learning_types]
        other = [i for i, a in algos if "unsupervised" in a.learning_types]
        table.rows.append([
            text_cell(term.name),
            text_cell(term.example or term.description or ""),
            text_cell(_names(catalog, "modalities", modalities)),
            links_cell(link, "algorithms", supervised),
            links_cell(link, "algorithms", other),
        ])
    return table


def input_formats(catalog: Catalog, link: Linker) -> Table:
    table = Table(
        "input-formats",
        "Content types by algorithm",
        ["Content type", "Name", "Training", "Inference request", "Inference response"],
        wide=True,
    )
    algos = catalog.of_kind("algorithms")
    for ct, term in catalog.vocab["content-types"].items():
        training = [i for i, a in algos if any(ct in ch.content_types for ch in a.training.channels)]
        request = [i for i, a in algos if ct in a.inference.request_content_types]
        response = [i for i, a in algos if ct in a.inference.response_content_types]
        if not (training or request or response):
            continue
        table.rows.append([
            Cell(f'<span class="atlas-anchor" id="{content_type_anchor(ct)}"></span>{code(ct)}', ct),
            text_cell(term.name),
            links_cell(link, "algorithms", training),
            links_cell(link, "algorithms", request),
            links_cell(link, "algorithms", response),
        ])
    return table


def algorithm_instances(catalog: Catalog, link: Linker) -> Table:
    table = Table(
        "algorithm-instances",
        "Instances by algorithm",
        ["Algorithm", "Training hardware", "Several GPUs", "Several instances", "Recommended for training",
         "Inference hardware"],
        wide=True,
    )

    def hardware(cpu: bool, gpu: bool) -> str:
        return "CPU or GPU" if cpu and gpu else "GPU only" if gpu else "CPU only"

    for algo_id, a in catalog.of_kind("algorithms"):
        inst = a.training.instances
        table.rows.append([
            link_cell(link, "algorithms", algo_id),
            text_cell(hardware(inst.cpu, inst.gpu)),
            yes_cell(inst.multi_gpu),
            yes_cell(inst.multi_instance),
            text_cell(", ".join(catalog.term("instance-families", f).name.split(" (")[0] for f in inst.recommended) or "–"),
            text_cell(hardware(a.inference.cpu, a.inference.gpu)),
        ])
    return table


def instance_families(catalog: Catalog, link: Linker) -> Table:
    table = Table("instance-families", "EC2 instance families", ["Family", "What it is for"])
    for term in catalog.vocab["instance-families"].values():
        table.rows.append([text_cell(term.name), text_cell(term.description or "")])
    return table


def hyperparameter_index(catalog: Catalog, link: Linker) -> Table:
    table = Table("hyperparameter-index", "Hyperparameter index", ["Hyperparameter", "Algorithms that use it"])
    names: dict[str, list[str]] = {}
    for algo_id, a in catalog.of_kind("algorithms"):
        for hp in a.hyperparameters:
            names.setdefault(hp.name, []).append(algo_id)
    for name in sorted(names, key=lambda n: (n.lower(), n)):
        ids = names[name]
        table.rows.append([
            Cell(code(name), name),
            Cell(
                ", ".join(link("algorithms", i, anchor=hp_anchor(name)) for i in ids),
                "; ".join(catalog.get("algorithms", i).name for i in ids),
            ),
        ])
    return table


def tuning_metrics(catalog: Catalog, link: Linker) -> Table:
    table = Table("tuning-metrics", "Tuning metrics", ["Metric", "Direction", "Algorithm", "What it measures"])
    rows = []
    for algo_id, a in catalog.of_kind("algorithms"):
        for m in a.tuning.metrics:
            rows.append((m.name.lower(), a.name.lower(), [
                Cell(code(m.name), m.name),
                text_cell("Minimize" if m.direction == "minimize" else "Maximize"),
                link_cell(link, "algorithms", algo_id, anchor=metric_anchor(m.name)),
                text_cell(m.description),
            ]))
    table.rows = [r for *_, r in sorted(rows, key=lambda r: (r[0], r[1]))]
    return table


FIELD_TITLES = {
    "category": "Category", "deployment": "Capacity", "status": "Status", "purpose": "What it is for",
    "not_for": "Not for", "features": "Key features", "limits": "Numbers to know",
    "input_formats": "In", "output_formats": "Out", "cost_model": "Cost", "security": "Security",
    "sagemaker": "With SageMaker AI",
}


def _service_field(catalog: Catalog, link: Linker, service, field: str) -> Cell:
    value = getattr(service, field)
    if field == "category":
        return text_cell(catalog.term("service-categories", value).name)
    if field == "deployment":
        return text_cell(catalog.term("deployment-models", value).name)
    if field == "status":

        text = SERVICE_STATUS[value]
        return text_cell(text + (f" ({service.status_date.isoformat()})" if service.status_date else ""))
    if field == "not_for":
        parts_md, parts_text = [], []
        for n in value:
            parts_md.append(cell(n.text) + link.use_instead(n))
            targets = [catalog.get(k, i).name for k in ("algorithms", "services") for i in getattr(n, k)]
            parts_text.append(n.text + (f" Use instead: {', '.join(targets)}" if targets else ""))
        return Cell("<br>".join(parts_md) or "–", " | ".join(parts_text))
    if field == "features":
        return Cell("<br>".join(f"**{cell(f.name)}**: {cell(f.text)}" for f in value) or "–",
                    " | ".join(f"{f.name}: {f.text}" for f in value))
    if field == "limits":

        items = [(f"{l.name}: {number(l.value)} {l.unit}", f"{l.name}: {l.value} {l.unit}") for l in value]
        return Cell("<br>".join(cell(m) for m, _ in items) or "–", " | ".join(t for _, t in items))
    if isinstance(value, list):
        return Cell("<br>".join(cell(v) for v in value) or "–", " | ".join(value))
    return text_cell(value) if value else Cell("–", "")


def comparison_table(catalog: Catalog, link: Linker, comparison_id: str) -> Table:
    comp = catalog.get("comparisons", comparison_id)
    if comp.services:
        table = Table(f"comparison-{comparison_id}", comp.name, ["Service", *(FIELD_TITLES[f] for f in comp.fields)], wide=True)
        for service_id in comp.services:
            service = catalog.get("services", service_id)
            table.rows.append([link_cell(link, "services", service_id),
                               *(_service_field(catalog, link, service, f) for f in comp.fields)])
        return table
    table = Table(f"comparison-{comparison_id}", comp.name, [comp.row_header, *comp.columns], wide=len(comp.columns) > 3)
    for row in comp.rows:
        if row.algorithm:
            first = link_cell(link, "algorithms", row.algorithm, row.label)
        elif row.service:
            first = link_cell(link, "services", row.service, row.label)
        elif row.concept:
            first = link_cell(link, "concepts", row.concept, row.label)
        else:
            first = text_cell(row.label or "")
        table.rows.append([first, *(text_cell(c) for c in row.cells)])
    return table


VIEWS: dict[str, Callable[[Catalog, Linker], Table]] = {
    "algorithms-at-a-glance": algorithms_at_a_glance,
    "decision-guide": decision_guide,
    "input-formats": input_formats,
    "algorithm-instances": algorithm_instances,
    "instance-families": instance_families,
    "hyperparameter-index": hyperparameter_index,
    "tuning-metrics": tuning_metrics,
}


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([c.text for c in row])
    return out.getvalue()


def csv_path(table: Table) -> str:
    return f"downloads/{table.id}.csv"


def render_table(table: Table, link: Linker) -> str:
    """The table as Markdown for the page at link.from_page, with its CSV link."""

    return render("partials/table.md.j2", t=table, csv_url=rel(csv_path(table), link.from_page))
