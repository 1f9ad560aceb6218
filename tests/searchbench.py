"""The search benchmark, shared by tests/test_search.py and `make bench`: type every
query of tests/search_queries.yml into the site's real search box in Chromium and score
where the expected page ranks (pages, not sections: one result item per page)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

QUERIES = Path(__file__).parent / "search_queries.yml"


@dataclass
class Outcome:
    query: str
    expect: str
    ranked: list[str]

    @property
    def rank(self) -> int | None:
        return self.ranked.index(self.expect) + 1 if self.expect in self.ranked else None


def load_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text())["queries"]


def _site_path(href: str, base: str) -> str:
    path = urlparse(href).path
    base_path = urlparse(base).path.rstrip("/") + "/"
    return path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")


def open_search(page) -> None:
    if page.locator(".md-search__input").is_hidden():
        page.locator("label.md-header__button[for=__search]").click()
    page.locator(".md-search__input").focus()


def run_query(page, query: str, base: str, limit: int = 10) -> list[str]:
    box = page.locator(".md-search__input")
    # Clear and type with real key presses, as a reader does; the theme reacts to them.
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length === 0", timeout=10000)
    box.press_sequentially(query)
    # Results appear, or the theme says nothing matched; either way the list is final.
    page.wait_for_function(
        """q => document.querySelector('.md-search__input').value === q
               && (document.querySelectorAll('.md-search-result__list > .md-search-result__item').length > 0
                   || /no matching/i.test(document.querySelector('.md-search-result__meta').textContent))""",
        arg=query,
        timeout=15000,
    )
    # The worker answers every keystroke; wait until the answer to the last one has
    # landed, i.e. the list stays the same for a moment.
    read = ("() => document.querySelector('.md-search-result__meta').textContent + '|' + "
            "[...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]"
            ".map(e => e.querySelector('a').href).join(' ')")
    state = page.evaluate(read)
    for _ in range(40):
        page.wait_for_timeout(120)
        now = page.evaluate(read)
        if now == state:
            break
        state = now
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item", "els => els.map(e => e.querySelector('a').href)"
    )
    return [_site_path(h, base) for h in hrefs[:limit]]


def run_benchmark(page, base: str) -> list[Outcome]:
    page.goto(base + "/")
    open_search(page)
    outcomes = []
    for q in load_queries():
        outcomes.append(Outcome(q["query"], q["expect"], run_query(page, q["query"], base)))
    return outcomes


def scores(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes)
    return {
        "queries": n,
        "hit@1": sum(1 for o in outcomes if o.rank == 1) / n,
        "hit@3": sum(1 for o in outcomes if o.rank and o.rank <= 3) / n,
        "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
    }


def time_to_first_results(browser_context, base: str, runs: int = 5, query: str = "xgboost") -> float:
    """Median milliseconds from navigation start to the first search results on screen,
    in a fresh page each run (search index fetched and built each time)."""
    samples = []
    for _ in range(runs):
        page = browser_context.new_page()
        start = time.perf_counter()
        page.goto(base + "/algorithms/")
        open_search(page)
        page.locator(".md-search__input").press_sequentially(query)
        page.wait_for_selector(".md-search-result__list > .md-search-result__item", timeout=30000)
        samples.append((time.perf_counter() - start) * 1000)
        page.close()
    return statistics.median(samples)
