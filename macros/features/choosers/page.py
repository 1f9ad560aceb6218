"""The generated chooser pages, `choose/<id>.md` (pure: catalog in, Markdown out).

Each page holds, in this order:

- the form (one fieldset of radio buttons per question), hidden until the script runs
  (docs/assets/javascripts/choosers/),
  and the result area the script fills: the chosen path (what prints), a live count,
  the picks with their reasons, AWS's advice, and every excluded candidate with the fact
  that rules it out;
- the evaluation data as `<script type="application/json">` (no request, works from
  file://, allowed by the Content-Security-Policy, which only hashes executable scripts);
- the overview table of every candidate against every question: what a reader without
  JavaScript sees, and the printed overview; its CSV downloads like every other table;
- exam tips: the chooser's own, the distinctions the data makes (answers that leave only
  one or two candidates), and the tips of the comparison pages it links.
"""

from __future__ import annotations

import html
import re

from macros.data.catalog import Catalog
from macros.data.chooser_loading import candidate_ids
from macros.data.chooser_model import Chooser
from macros.data.facts import Fact
from macros.features.choosers.evaluate import SHORTLIST, fact_table
from macros.site.markup import front_matter
from macros.site.pages import GeneratedPage
from macros.site.render import Linker, render
from macros.site.routes import built_link, chooser_path, page_path
from macros.site.scripts import json_block
from macros.site.tables import Cell, Table, link_cell, render_table, text_cell

_CODE = re.compile(r"`([^`]+)`")


def plain(text: str) -> str:
    """Fact text as plain text (code spans lose their backticks)."""
    return _CODE.sub(r"\1", text)


def fact_html(text: str) -> str:
    """Fact text as HTML: escaped, code spans as <code>."""
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", html.escape(text, quote=True))


def _short(answer) -> str:
    return answer.short or answer.label


def overview_table(catalog: Catalog, link: Linker, chooser_id: str) -> Table:
    """Every candidate against every question: the answers each candidate meets."""
    chooser = catalog.choosers[chooser_id]
    table = fact_table(catalog, chooser)
    out = Table(f"chooser-{chooser_id}", f"{chooser.nav_title}: every candidate and criterion",
                [chooser.candidates[:-1].capitalize(), *(q.short for q in chooser.questions)], wide=True)
    for cid in candidate_ids(catalog, chooser):
        row = [link_cell(link, chooser.candidates, cid)]
        for q in chooser.questions:
            met = [_short(a) for a in q.answers if a.require is not None and table[cid][q.id][a.id].ok]
            row.append(text_cell("; ".join(met)) if met else Cell("✗ none", "none"))
        out.rows.append(row)
    return out


def distinctions(catalog: Catalog, chooser: Chooser) -> list[tuple[str, str, list[str]]]:
    """(question short, answer short, candidate ids) for every answer that, alone, leaves
    only one or two candidates: the distinctions an exam question turns on."""
    table = fact_table(catalog, chooser)
    found = []
    for q in chooser.questions:
        for a in q.answers:
            if a.require is None:
                continue
            ok = [cid for cid in table if table[cid][q.id][a.id].ok]
            if 1 <= len(ok) <= SHORTLIST < len(table):
                found.append((q.short, _short(a), ok))
    return found


def page_data(catalog: Catalog, chooser_id: str, directory_urls: bool = True) -> dict:
    """The fact table the browser's engine (choosers/engine.js) reads, every fact judged
    and worded here:

    - each candidate's fact per answer, [met, text, source]: a met fact in its compact
      form (what a pick lists), a failed one in full (what an exclusion shows);
    - each ranking rule's verdict per candidate, [met, favoured, note], the note an index
      into the rule's distinct notes, [text, source, source title];
    - the advice;
    - the comparison pages offered when the data cannot separate the picks.

    Page addresses are built URLs relative to the page (routes.built_link): the script puts
    them into links, which neither MkDocs nor Zensical rewrites in a data block (both would
    not agree on a link written into the page's raw HTML).

    The script only combines them (answered constraints, sum of weights, alphabetical ties)."""
    chooser = catalog.choosers[chooser_id]
    path = chooser_path(chooser_id)
    table = fact_table(catalog, chooser)
    alphabetical = sorted(table, key=lambda cid: table.names[cid].casefold())

    def fact_json(f: Fact) -> list:
        return [1, fact_html(f.short or f.text), f.source] if f.ok else [0, fact_html(f.text), f.source]

    def rule_json(i: int, rule) -> dict:
        notes: list[list] = []
        by: dict[str, list] = {}
        for cid, j in table.prefer[i].items():
            note = [fact_html(j.note.text), j.note.source, html.escape(j.note.title) if j.note.title else None]
            if note not in notes:
                notes.append(note)
            by[cid] = [1 if j.met else 0, 1 if j.note.up else 0, notes.index(note)]
        return {"when": dict(rule.when), "weight": rule.weight, "by": by, "notes": notes}

    return {
        "id": chooser_id,
        "shortlist": SHORTLIST,
        "questions": [{"id": q.id, "short": q.short, "answers": [{"id": a.id, "short": _short(a)} for a in q.answers]}
                      for q in chooser.questions],
        "candidates": [{
            "id": cid,
            "name": table.names[cid],
            "order": alphabetical.index(cid),
            "url": built_link(page_path(chooser.candidates, cid), path, directory_urls),
            "facts": {qid: {aid: fact_json(f) for aid, f in by_answer.items()} for qid, by_answer in table[cid].items()},
        } for cid in table],
        "prefer": [rule_json(i, rule) for i, rule in enumerate(chooser.prefer)],
        "advice": [{"when": dict(adv.when), "candidate": adv.candidate, "html": fact_html(adv.text),
                    "source": adv.source.url, "title": html.escape(adv.source.title)} for adv in chooser.advice],
        "compare": [{"name": catalog.get("comparisons", cid).name, "url": built_link(page_path("comparisons", cid), path, directory_urls)}
                    for cid in chooser.comparisons],
    }


def form_html(chooser_id: str, chooser: Chooser) -> str:
    e = html.escape
    lines = [f'<form class="atlas-chooser__form" data-atlas-chooser-form aria-label="{e(chooser.nav_title)}: your situation">']
    for n, q in enumerate(chooser.questions, 1):
        lines.append(f'<fieldset class="atlas-chooser__question" data-question="{e(q.id)}">')
        lines.append(f'<legend>{n}. {e(q.text)}</legend>')
        lines.append('<div class="atlas-chooser__options">')
        options = [("", "Not sure, or it does not matter")] + [(a.id, a.label) for a in q.answers]
        for aid, label in options:
            input_id = f"ch-{chooser_id}-{q.id}-{aid or 'any'}"
            checked = " checked" if not aid else ""
            lines.append(f'<div class="atlas-chooser__option"><input type="radio" id="{e(input_id)}" name="{e(q.id)}" value="{e(aid)}"{checked}>'
                         f'<label for="{e(input_id)}">{e(label)}</label></div>')
        lines.append("</div>")
        lines.append("</fieldset>")
    lines.append('<p><button type="button" class="atlas-chooser__reset" data-atlas-chooser-reset>Clear all answers</button></p>')
    lines.append("</form>")
    return "\n".join(lines)


def chooser_page(catalog: Catalog, chooser_id: str, directory_urls: bool = True):

    chooser = catalog.choosers[chooser_id]
    path = chooser_path(chooser_id)
    link = Linker(catalog, path)
    overview = overview_table(catalog, link, chooser_id)
    compare = [(cid, catalog.get("comparisons", cid)) for cid in chooser.comparisons]
    body = render(
        "chooser.md.j2",
        c=chooser,
        id=chooser_id,
        form=form_html(chooser_id, chooser),
        data=json_block(page_data(catalog, chooser_id, directory_urls)),
        table_md=render_table(overview, link),
        rows=len(overview.rows),
        distinctions=[(q, a, link.many(chooser.candidates, ids, " or ")) for q, a, ids in distinctions(catalog, chooser)],
        compare=compare,
        link=link,
    )
    meta = {
        "title": html.escape(chooser.name),
        "description": html.escape(chooser.summary),
        "render_macros": False,
    }
    return GeneratedPage(path, front_matter(meta) + body, catalog.chooser_files[chooser_id])


def chooser_pages(catalog: Catalog, directory_urls: bool = True) -> list:
    return [chooser_page(catalog, cid, directory_urls) for cid in catalog.choosers]


def chooser_nav(catalog: Catalog) -> list:
    return [{html.escape(ch.nav_title): chooser_path(cid)} for cid, ch in catalog.choosers.items()]


def chooser_tables(catalog: Catalog, link: Linker) -> list[Table]:
    return [overview_table(catalog, link, cid) for cid in catalog.choosers]
