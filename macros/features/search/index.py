"""Search documents from the catalog (pure): what each result is and what it is found by.

The search ships in two files, each one JavaScript assignment, so it loads with
`importScripts` in a web worker, in the iframe-based worker the offline bundle uses from
file://, and with a <script> tag in tests:

- `search/atlas-quick.js`: the names, tasks, identifiers and compared things of every
  document (no body text, no previews), about a quarter of the whole; the worker loads it
  first when the reader reaches for the search box, so the first results come fast;
- `search/atlas-index.js`: every field and the result previews; with the meaning layer
  (`search/atlas-meaning.js`, macros/features/search/meaning.py) it gives the final answers. The quick
  index answers at once only what it answers with certainty (a name, an identifier);
  material-worker.js says how the first list stays the final one.

Hand-written pages are indexed as a reader sees them: their macros run first
(macros/features/search/handwritten.py), so the tables they fill in are searchable.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from macros.data.catalog import Catalog
from macros.data.models import ENTITY_MODELS
from macros.features.search.handwritten import markdown_text
from macros.features.search.meaning import MEANING_PATH, meaning_data
from macros.site.markup import read_front_matter
from macros.site.page_macros import expand
from macros.site.pages import INDEX_INTROS
from macros.site.render import KIND_TITLES
from macros.site.routes import (
    CONTENT_TYPES_PAGE,
    built_url,
    chooser_path,
    content_type_anchor,
    hp_anchor,
    metric_anchor,
    page_path,
)
from macros.site.scripts import data_script

INDEX_PATH = "search/atlas-index.js"
QUICK_PATH = "search/atlas-quick.js"
QUICK_FIELDS = ["t", "n", "q", "i", "c"]


"""The fields of the quick index without a meaning layer (it then answers every query
first): everything but the body text (x)."""


QUICK_FIELDS_WITH_MEANING = ["t", "n", "i"]


"""With the meaning layer the quick index answers only a query that is a page's name or an
identifier as written (the rest waits for the final ranking), so it holds only those: the
search data fetched before first use stays under its 100 KB budget as the site grows."""


_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`>#]|\{[^}]*\}")


def plain(text: Any) -> str:
    """Markdown-lite from data -> plain text for the index and previews."""
    if text is None:
        return ""
    text = _MD_LINK.sub(r"\1", str(text))
    # Keep identifiers' underscores: strip emphasis markers only where they wrap words.
    text = re.sub(r"(?<![A-Za-z0-9])[*_]+|[*_]+(?![A-Za-z0-9])", "", text)
    text = text.replace("`", "")
    return " ".join(text.split())


def url_of(src_path: str, offline: bool) -> str:
    """Site-relative URL of a docs page, as the built site has it."""

    return built_url(src_path, directory_urls=not offline)


def _doc(url: str, title: str, kind: str, text: str, names=(), tasks=(), ids=(), boost: float = 1.0, compared=()) -> dict:
    names = [n for n in dict.fromkeys(plain(n) for n in names) if n]
    tasks = [t for t in dict.fromkeys(plain(t) for t in tasks) if t]
    ids = [i for i in dict.fromkeys(str(i) for i in ids) if i]
    doc = {"u": url, "t": title, "k": kind, "x": text}
    if names:
        doc["n"] = " · ".join(names)
    if tasks:
        doc["q"] = " · ".join(tasks)
    if ids:
        doc["i"] = " ".join(ids)
    compared = [c for c in dict.fromkeys(plain(c) for c in compared) if c]
    if compared:
        doc["c"] = " · ".join(compared)
    if boost != 1.0:
        doc["b"] = boost
    return doc


KIND_LABELS = {kind: model.label.capitalize() for kind, model in ENTITY_MODELS.items()}


def _entity_text(kind: str, e) -> list[str]:
    """The body text a page is found by, in reading order."""
    parts = [e.summary]
    for attr in ("purpose", "use_cases"):
        parts += getattr(e, attr, []) or []
    for attr in ("how_it_works", "body", "intro", "cost_model", "sagemaker", "status_note"):
        value = getattr(e, attr, None)
        if value:
            parts.append(value)
    for f in getattr(e, "features", []) or []:
        parts += [f.name, f.text]
    for n in getattr(e, "not_for", []) or []:
        parts.append(n.text)
    for lim in getattr(e, "limits", []) or []:
        parts.append(f"{lim.name} {lim.value} {lim.unit}. {lim.note or ''}")
    for ident in getattr(e, "identifiers", []) or []:
        parts.append(ident.text)
    parts += getattr(e, "security", []) or []
    parts += getattr(e, "input_formats", []) or []
    parts += getattr(e, "output_formats", []) or []
    for edge in getattr(e, "edges", []) or []:
        parts.append(edge.step)
    parts += getattr(e, "notes", []) or []
    for row in getattr(e, "rows", []) or []:
        parts += [row.label or "", *row.cells]
    for d in getattr(e, "domains", []) or []:
        parts.append(f"Domain {d.number}: {d.name} ({d.weight}%)")
    parts += e.exam_tips
    for c in e.corrections:
        parts += [c.notes_claim, c.documented_fact]
    for ch in e.changes:
        parts.append(ch.text)
    return [plain(p) for p in parts if p]


def _entity_ids(kind: str, e) -> list[str]:
    ids: list[str] = []
    if kind == "algorithms":
        ids += [h.name for h in e.hyperparameters]
        ids += [m.name for m in e.tuning.metrics]
        ids += [ct for ch in e.training.channels for ct in ch.content_types]
        ids += e.inference.request_content_types + e.inference.response_content_types
        ids += [ch.name for ch in e.training.channels]
    ids += [i.name for i in getattr(e, "identifiers", []) or []]
    if kind == "exams":
        ids.append(e.code)
    return ids


def documents(catalog: Catalog, offline: bool = False) -> list[dict]:
    docs: list[dict] = []
    abbreviations: dict[tuple[str, str], list[str]] = {}
    for abbr, entry in catalog.glossary.items():
        for kind, attr in (("algorithms", "algorithm"), ("services", "service"), ("concepts", "concept")):
            target = getattr(entry, attr)
            if target:
                abbreviations.setdefault((kind, target), []).append(abbr)

    for kind in KIND_LABELS:
        for entity_id, e in catalog.of_kind(kind):
            url = url_of(page_path(kind, entity_id), offline)
            names = [*e.aliases, *(f.name for f in getattr(e, "former_names", []) or []),
                     *abbreviations.get((kind, entity_id), [])]
            if kind == "algorithms":
                names += [catalog.term("problem-types", t).name for t in e.problem_types]
            if kind == "exams":
                names.append(e.code)
            label = KIND_LABELS[kind]
            if kind == "services" and getattr(e, "part_of", None):
                label = "SageMaker AI capability"
            text = " ".join(_entity_text(kind, e))
            docs.append(_doc(url, e.name, label, text, names, e.tasks, _entity_ids(kind, e), compared=_compared(catalog, e)))
            if kind == "algorithms":
                docs += _algorithm_rows(e, url)
        # The kind's index page.
        if kind != "comparisons" and catalog.entities[kind]:

            docs.append(_doc(url_of(f"{kind}/index.md", offline), KIND_TITLES[kind], "Index", INDEX_INTROS[kind], boost=0.5))

    docs += _content_type_rows(catalog, offline)

    for chooser_id, ch in catalog.choosers.items():
        # Summary and tasks only, lightly weighted: the chooser leads to the entity pages,
        # which stay the answers to a query about one of them.
        docs.append(_doc(url_of(chooser_path(chooser_id), offline), ch.name, "Chooser", plain(ch.summary),
                         names=[ch.nav_title + " chooser"], tasks=ch.tasks, boost=0.6))
    glossary_url = url_of("glossary.md", offline)
    for abbr, entry in sorted(catalog.glossary.items()):
        docs.append(_doc(f"{glossary_url}#term-{re.sub(r'[^A-Za-z0-9_-]', '-', abbr)}", f"{abbr}: {plain(entry.expansion)}",
                         "Glossary", plain(entry.definition), names=[abbr, entry.expansion], boost=0.4))
    return docs


def _compared(catalog: Catalog, e) -> list[str]:
    """For a comparison: the names (and other names) of what it compares."""
    out: list[str] = []
    for row in getattr(e, "rows", []) or []:
        if row.label:
            out.append(row.label)
        for kind, ref in (("algorithms", row.algorithm), ("services", row.service), ("concepts", row.concept)):
            if ref:
                entity = catalog.get(kind, ref)
                out += [entity.name, *entity.aliases]
    for ref in getattr(e, "services", []) or []:
        entity = catalog.get("services", ref)
        out += [entity.name, *entity.aliases]
    return out


def _algorithm_rows(a, url: str) -> list[dict]:
    rows = []
    # A row's other name is its identifier as written: its parts ("weight", "decay") are
    # found anyway (the tokenizer splits at joiners), but only `weight_decay` typed as such
    # is this row's exact name; "weight decay" is a concept's.
    for hp in a.hyperparameters:
        default = "" if hp.default is None else f" Default: {hp.default}."
        rows.append(_doc(f"{url}#{hp_anchor(hp.name)}", f"{hp.name} ({a.name} hyperparameter)", "Hyperparameter",
                         plain(f"{'Required' if hp.required else 'Optional'} {hp.type}. Valid values: {hp.valid_values}.{default} {hp.description}"),
                         names=[hp.name], ids=[hp.name], boost=0.9))
    for m in a.tuning.metrics:
        rows.append(_doc(f"{url}#{metric_anchor(m.name)}", f"{m.name} ({a.name} tuning metric)", "Tuning metric",
                         plain(f"{m.direction.capitalize()}. {m.description}"), names=[m.name], ids=[m.name], boost=0.9))
    return rows


def _content_type_rows(catalog: Catalog, offline: bool) -> list[dict]:

    page = url_of(CONTENT_TYPES_PAGE, offline)
    algos = catalog.of_kind("algorithms")
    rows = []
    for ct, term in catalog.vocab["content-types"].items():
        users = [a.name for _, a in algos
                 if any(ct in ch.content_types for ch in a.training.channels)
                 or ct in a.inference.request_content_types or ct in a.inference.response_content_types]
        if users:
            rows.append(_doc(f"{page}#{content_type_anchor(ct)}", f"{ct} ({term.name} content type)", "Content type",
                             plain(f"{term.description or ''} Used by: {', '.join(users)}."), names=[term.name], ids=[ct]))
    return rows


def hand_written_documents(pages: dict[str, dict], offline: bool, catalog: Catalog | None = None) -> list[dict]:
    """Documents for the hand-written pages in docs/: title, description, tasks and
    aliases from their front matter, and their text as a reader sees it: with the
    catalog, their macros run (the tables they fill in are indexed, cell by cell)."""

    docs = []
    for src, page in sorted(pages.items()):
        meta, body = page["meta"], page["body"]
        if (meta.get("search") or {}).get("exclude"):
            continue
        if catalog is not None:
            body = expand(catalog, src, body)
        else:
            body = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", body, flags=re.S)
        text = plain(markdown_text(body))
        kind = "Comparison" if src.startswith("compare/") and src != "compare/index.md" else "Page"
        docs.append(_doc(url_of(src, offline), meta.get("title", src), kind, plain(meta.get("description", "")) + " " + text,
                         names=meta.get("aliases", []), tasks=meta.get("tasks", []), boost=float(meta.get("search_boost", 1.0))))
    return docs


PREVIEW_CHARS = 280


def serialised_indexes(docs: list[dict], quick_fields: list[str] = QUICK_FIELDS) -> dict[str, Any]:
    """MiniSearch's serialised indexes of the documents, {"full": ..., "quick": ...},
    built by Node with the same tokenizer the browser uses (macros/features/search/build_index.js)."""
    import shutil
    import subprocess
    from pathlib import Path

    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed: the search index is built with Node.js (see README)")
    script = Path(__file__).with_name("build_index.js")
    result = subprocess.run([node, str(script)], input=json.dumps({"docs": docs, "quick": quick_fields}, ensure_ascii=False),
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    if result.returncode != 0:
        raise RuntimeError("building the search index failed: " + result.stderr.strip()[-2000:])
    return json.loads(result.stdout)


def index_scripts(docs: list[dict], glossary: dict[str, str] | None = None, meaning: bool = False) -> dict[str, str]:
    """Site path -> script, for the full index and the quick one (which says whether the
    site has a meaning layer: the worker's first answers depend on it)."""
    shown, quick = [], []
    for d in docs:
        # Tasks too (q): the ranking weighs a page by its one task closest to the query.
        s = {k: d[k] for k in ("u", "t", "k", "b", "n", "q") if k in d}
        text = d.get("x", "")
        s["p"] = text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"
        shown.append(s)
        quick.append({k: d[k] for k in ("u", "t", "k", "b") if k in d})
    indexes = serialised_indexes(docs, QUICK_FIELDS_WITH_MEANING if meaning else QUICK_FIELDS)
    glossary = glossary or {}
    return {
        INDEX_PATH: data_script("__atlasSearch", {"version": 1, "docs": shown, "glossary": glossary, "index": indexes["full"]}),
        QUICK_PATH: data_script("__atlasQuick", {"version": 1, "quick": True, "meaning": meaning, "docs": quick, "glossary": glossary, "index": indexes["quick"]},
                            literal=True),
    }


CACHE = Path(__file__).resolve().parents[3] / "build" / "search-cache"


"""Where the meaning layer's vectors are kept between builds, by content hash."""


def meaning_enabled() -> bool:
    """ATLAS_SEARCH_MEANING=off builds the search as it was before the meaning layer (words
    only: the benchmark's "today", measured beside it in the same run)."""
    value = os.environ.get("ATLAS_SEARCH_MEANING", "on")
    if value not in ("on", "off"):
        raise ValueError(f"ATLAS_SEARCH_MEANING: expected 'on' or 'off'; got '{value[:80]}'")
    return value == "on"


def search_files(catalog: Catalog, offline: bool, hand_written: dict[str, str]) -> dict[str, str]:
    """The site files the search needs: the full and the quick index, and the meaning layer."""
    pages = {}
    for src, text in hand_written.items():
        meta, body = read_front_matter(text)
        pages[src] = {"meta": meta, "body": body}
    docs = documents(catalog, offline) + hand_written_documents(pages, offline, catalog)
    glossary = {abbr: plain(entry.expansion) for abbr, entry in catalog.glossary.items()}
    with_meaning = meaning_enabled()
    files = index_scripts(docs, glossary, meaning=with_meaning)
    if with_meaning:

        files[MEANING_PATH] = data_script("__atlasMeaning", meaning_data(docs, CACHE), literal=True)
    return files
