"""The self-test pages (pure): one per topic and one per exam domain, made from the cards of
cards.py, with the index page and the self-test section of the nav.
"""

from __future__ import annotations

import html

from macros.data.catalog import Catalog
from macros.features.selftest.cards import TOPICS, all_cards, resolve_links
from macros.site.markup import front_matter
from macros.site.pages import GeneratedPage
from macros.site.render import Linker, render
from macros.site.routes import SELFTEST_CSV, rel


def selftest_pages(catalog: Catalog) -> list[GeneratedPage]:

    cards = all_cards(catalog)
    pages = []

    def page(path: str, title: str, description: str, intro: str, chosen) -> GeneratedPage:
        link = Linker(catalog, path)
        body = render("selftest-page.md.j2", title=title, intro=intro, cards=[resolve_links(c, link) for c in chosen])
        meta = {"title": html.escape(title), "description": html.escape(description), "render_macros": False, "search": {"exclude": True}}
        return GeneratedPage(path, front_matter(meta) + body, None)

    topics = []
    for topic, title in TOPICS.items():
        chosen = [c for c in cards if c.topic == topic]
        if not chosen:
            continue
        topics.append((topic, title, len(chosen)))
        pages.append(page(f"self-test/{topic}.md", f"Self-test: {title.lower()}",
                          f"{len(chosen)} question cards on {title.lower()}, generated from the site's data.",
                          f"{len(chosen)} cards, generated from the data. Each answer links to the page it comes from.", chosen))
    exams = []
    for exam_id, exam in catalog.of_kind("exams"):
        rows = []
        for d in exam.domains:
            key = f"{exam_id}/{d.number}"
            chosen = [c for c in cards if key in c.domains]
            rows.append((d.number, d.name, d.weight, len(chosen)))
            pages.append(page(f"self-test/{exam_id}-domain-{d.number}.md", f"{exam.code} domain {d.number}: {d.name}",
                              f"Question cards for {exam.code} domain {d.number} ({d.name}), generated from the site's data.",
                              f"{len(chosen)} cards from the pages tagged with {exam.code} domain {d.number} ({d.weight}% of the exam).", chosen))
        exams.append((exam_id, exam, rows))
    index_path = "self-test/index.md"
    body = render("selftest-index.md.j2", total=len(cards), topics=topics, exams=exams, csv_url=rel(SELFTEST_CSV, index_path))
    meta = {"title": "Self-test", "description": "Question cards generated from the data, grouped by topic and by exam domain, with a CSV export for flashcard apps.", "render_macros": False}
    pages.insert(0, GeneratedPage(index_path, front_matter(meta) + body, None))
    return pages


def study_nav(catalog: Catalog) -> list:
    """The self-test section: index, topics, then exam domains."""

    cards = all_cards(catalog)
    entries: list = ["self-test/index.md"]
    entries += [{title: f"self-test/{topic}.md"} for topic, title in TOPICS.items() if any(c.topic == topic for c in cards)]
    for exam_id, exam in catalog.of_kind("exams"):
        entries.append({html.escape(exam.code): [{html.escape(f"Domain {d.number}: {d.name}"): f"self-test/{exam_id}-domain-{d.number}.md"} for d in exam.domains]})
    return entries
