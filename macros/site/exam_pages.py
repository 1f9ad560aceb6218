"""Exam guides as pages (pure): task statements with the pages that teach them, and one
page per exam revision (what was added, removed, changed and reweighted)."""

from __future__ import annotations

from macros.data.catalog import Catalog
from macros.site.markup import front_matter
from macros.site.render import Linker, render
from macros.site.routes import rel, revision_path


def revision_title(catalog: Catalog, exam_id: str, revision) -> str:
    exam = catalog.get("exams", exam_id)
    if revision.replaces:
        return f"{catalog.get('exams', revision.replaces).code} to {exam.code}: what changed"
    return f"{exam.code} revised guide ({revision.date.isoformat()}): what changed"


def page_ref_link(link: Linker, ref: str) -> str:
    """A Markdown link to the page a '<kind>/<id>' reference names."""
    kind, _, entity_id = ref.partition("/")
    return link(kind, entity_id)


def weight_rows(catalog: Catalog, exam_id: str, revision) -> list[tuple]:
    """(number, old name, old weight, new name, new weight, change) per domain number, when
    the revision replaces another exam."""
    if not revision.replaces:
        return []
    old = {d.number: d for d in catalog.get("exams", revision.replaces).domains}
    new = {d.number: d for d in catalog.get("exams", exam_id).domains}
    rows = []
    for number in sorted(set(old) | set(new)):
        o, n = old.get(number), new.get(number)
        change = (n.weight if n else 0) - (o.weight if o else 0)
        rows.append((number, o.name if o else "", o.weight if o else None, n.name if n else "", n.weight if n else None, change))
    return rows


def revision_pages(catalog: Catalog) -> list[tuple[str, str, str]]:
    """(path, Markdown, data file) of every revision page."""
    pages = []
    for exam_id, exam in catalog.of_kind("exams"):
        for revision in exam.revisions:
            path = revision_path(exam_id, revision)
            title = revision_title(catalog, exam_id, revision)
            meta = {"title": title, "description": f"What changed in {exam.code} on {revision.date.isoformat()}: topics added, removed and changed, and the domain weights, with AWS's source.",
                    "render_macros": False}
            body = render("exam-revision.md.j2", title=title, exam=exam, exam_id=exam_id, r=revision,
                          rows=weight_rows(catalog, exam_id, revision), link=Linker(catalog, path))
            pages.append((path, front_matter(meta) + body, catalog.source_file("exams", exam_id)))
    return pages


def revision_links(catalog: Catalog, exam_id: str, link: Linker) -> list[tuple[str, str]]:
    """(title, relative link) of an exam's revision pages, newest first."""

    exam = catalog.get("exams", exam_id)
    return [(revision_title(catalog, exam_id, r), rel(revision_path(exam_id, r), link.from_page))
            for r in sorted(exam.revisions, key=lambda r: r.date, reverse=True)]
