"""The search benchmark, shared by tests/browser/test_search.py and `make bench`.

Ranking is measured through the site's own search worker, the one the search box talks
to: a page of the built site starts the worker named in the theme's configuration, sends
it the theme's SETUP message and then every query of tests/search_queries.yml as a QUERY
message, exactly as the search box does on each keystroke, and reads the pages of the
RESULT in order. The same code measures our search and the theme's stock search, so
their figures compare. tests/browser/test_search.py also types queries into the real box and
checks the panel shows what the worker answered.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

QUERIES = Path(__file__).parent / "search_queries.yml"
PLAIN_QUERIES = Path(__file__).parent / "search_queries_plain.yml"
"""Needs in plain words from the exam guides' task statements, written blind by another
person (group "plain"; `expect: none` marks a need no page answers yet)."""


@dataclass
class Outcome:
    group: str
    query: str
    expect: str
    ranked: list[str]
    also: tuple[str, ...] = ()

    @property
    def targets(self) -> list[str]:
        return ([] if self.expect == "none" else [self.expect]) + list(self.also)

    @property
    def rank(self) -> int | None:
        found = [self.ranked.index(t) + 1 for t in self.targets if t in self.ranked]
        return min(found) if found else None


def load_queries(plain: bool = False) -> list[dict]:
    queries = yaml.load(QUERIES.read_text(), Loader=yaml.CSafeLoader)["queries"]
    if plain:
        queries += yaml.load(PLAIN_QUERIES.read_text(), Loader=yaml.CSafeLoader)["queries"]
    return queries


def site_path(href: str, base: str) -> str:
    """'http://host/base/algorithms/xgboost/?h=x#hp-eta' -> 'algorithms/xgboost/'."""
    path = urlparse(href).path
    base_path = urlparse(base).path.rstrip("/") + "/"
    return path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")


_WORKER_QUERIES = """
async ([queries, limit, mode]) => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const base = new URL(config.base, location.href)
  const worker = new Worker(new URL(config.search, location.href))
  const index = await (await fetch(new URL("search/search_index.json", base))).json()
  let waiting = null
  worker.onmessage = ev => { if (waiting) waiting(ev.data) }
  const next = type => new Promise(resolve => { waiting = msg => { if (msg.type === type) { waiting = null; resolve(msg) } } })
  const ready = next(1)
  worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
  await ready
  const out = []
  // Our worker says which query an answer is for and whether a fuller one follows
  // (`partial`); it takes a mode for the benchmark (words, meaning, first) beside the
  // theme's message. The theme's worker says neither: its one answer is final.
  const answer = q => new Promise(resolve => {
    waiting = msg => {
      if (msg.type !== 3) return
      if (msg.data.query !== undefined && (msg.data.query !== q || msg.data.partial)) return
      waiting = null
      resolve(msg)
    }
  })
  for (const q of queries) {
    const result = answer(q)
    worker.postMessage(mode ? { type: 2, data: q, mode } : { type: 2, data: q })
    const msg = await result
    out.push(msg.data.items.slice(0, limit).map(group => new URL(group[0].location, base).href))
  }
  worker.terminate()
  return out
}
"""

MODES = {"fused": "", "words": "words", "meaning": "meaning", "first": "first"}
"""What the benchmark asks our worker for: the final (fused) list, the word ranking alone,
the meaning ranking alone, and the list a reader sees first from a cold worker (the quick
index's answer when it answers at once, else the final list)."""


def worker_rankings(page, base: str, queries: list[str], limit: int = 10, mode: str = "") -> list[list[str]]:
    """For each query, the pages the site's search worker ranks first (site paths)."""
    page.goto(base + "/")
    hrefs = page.evaluate(_WORKER_QUERIES, [queries, limit, mode])
    return [[site_path(h, base) for h in ranked] for ranked in hrefs]


def run_benchmark(page, base: str, mode: str = "", plain: bool = False) -> list[Outcome]:
    queries = load_queries(plain)
    ranked = worker_rankings(page, base, [q["query"] for q in queries], mode=mode)
    return [Outcome(q.get("group", "all"), q["query"], q["expect"], r, tuple(q.get("also") or ()))
            for q, r in zip(queries, ranked)]


def site_pages(site: Path) -> set[str]:
    """The site paths of the built site's pages (directory URL form)."""
    out = set()
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        out.add("" if rel == "." else rel + "/")
    return out


def split_missing(outcomes: list[Outcome], pages: set[str]) -> tuple[list[Outcome], list[Outcome], list[Outcome]]:
    """(queries whose page exists, queries whose page is not on this branch yet, queries
    for a need no page answers: `expect: none`)."""
    present, missing, none = [], [], []
    for o in outcomes:
        if o.expect == "none":
            none.append(o)
        elif any(t in pages for t in o.targets):
            present.append(o)
        else:
            missing.append(o)
    return present, missing, none


def scores(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {
        "queries": len(outcomes),
        "hit@1": sum(1 for o in outcomes if o.rank == 1) / n,
        "hit@3": sum(1 for o in outcomes if o.rank and o.rank <= 3) / n,
        "mrr": sum(1 / o.rank for o in outcomes if o.rank) / n,
    }


def by_group(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.group].append(o)
    return {g: scores(items) for g, items in groups.items()}


def report(outcomes: list[Outcome], label: str = "") -> str:
    lines = []
    for group, s in [*by_group(outcomes).items(), ("all", scores(outcomes))]:
        lines.append(f"{label}{group:12s} {s['queries']:4d} queries  hit@1 {s['hit@1']:6.1%}  hit@3 {s['hit@3']:6.1%}  MRR {s['mrr']:.3f}")
    return "\n".join(lines)


def misses(outcomes: list[Outcome], top: int = 3) -> list[str]:
    return [f"[{o.group}] {o.query!r}: expected {' or '.join(o.targets) or 'none'}, got {o.ranked[:top]}"
            for o in outcomes if not (o.rank and o.rank <= top)]


# --- the search box, as a reader uses it ---------------------------------------------

def wait_for_full_index(page) -> None:
    """Type a query and wait until the worker has loaded its full index (it says "full" on
    the "atlas-search" channel), so every later answer is final at once."""
    page.evaluate("""() => { window.__atlasFull = false
        new BroadcastChannel("atlas-search").onmessage = ev => { if (ev.data === "full") window.__atlasFull = true } }""")
    open_search(page)
    page.locator(".md-search__input").press_sequentially("sagemaker")
    page.wait_for_function("() => window.__atlasFull", timeout=30000)


def open_search(page) -> None:
    if page.locator(".md-search__input").is_hidden():
        page.locator("label.md-header__button[for=__search]").click()
    page.locator(".md-search__input").focus()


RESULT_HREFS = "els => els.map(e => e.querySelector('a').href)"


def type_query(page, query: str, base: str, limit: int = 10, paste: bool = False) -> list[str]:
    """Type a query with real key presses (or paste it whole, as a reader pastes a long
    text); return the pages the panel lists, once final."""
    box = page.locator(".md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    if paste:  # the theme reads the query on key events: all but the last character at once, then a key
        box.fill(query[:-1])
        box.press_sequentially(query[-1:])
    else:
        box.press_sequentially(query)
    page.wait_for_function(
        """q => document.querySelector('.md-search__input').value === q
               && (document.querySelectorAll('.md-search-result__list > .md-search-result__item').length > 0
                   || /no matching/i.test(document.querySelector('.md-search-result__meta').textContent))""",
        arg=query,
        timeout=15000,
    )
    read = ("() => document.querySelector('.md-search-result__meta').textContent + '|' + "
            "[...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]"
            ".map(e => e.querySelector('a').href).join(' ')")
    state = page.evaluate(read)
    for _ in range(20):
        page.wait_for_timeout(100)
        now = page.evaluate(read)
        if now == state:
            break
        state = now
    hrefs = page.eval_on_selector_all(".md-search-result__list > .md-search-result__item", RESULT_HREFS)
    return [site_path(h, base) for h in hrefs[:limit]]


_RESULT_CLOCK = """
new MutationObserver((_, observer) => {
  if (document.querySelector(".md-search-result__list > .md-search-result__item")) {
    window.__atlasFirstResult = performance.now()
    observer.disconnect()
  }
}).observe(document, { subtree: true, childList: true })
// The worker's answers as they reach the page: when the query was sent (the keystroke that
// made it) and when the final answer to it (not marked partial) arrived.
window.__atlasClock = { sent: {}, final: {} }
if (location.protocol !== "file:") {
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ev => {
        const m = ev.data
        if (m && m.type === 3 && !m.data.partial && (m.data.count ?? m.data.items.length) > 0) {
          // The theme's stock worker does not say which query an answer is for: "*".
          const q = m.data.query === undefined ? "*" : m.data.query
          if (window.__atlasClock.final[q] === undefined) window.__atlasClock.final[q] = performance.now()
        }
      })
    }
    postMessage(m, ...rest) {
      if (m && m.type === 2) window.__atlasClock.sent[m.data] = performance.now()
      return super.postMessage(m, ...rest)
    }
  }
}
"""


@dataclass
class FirstResults:
    from_load: float
    """Median milliseconds from the page's load event to the first result on screen."""
    from_navigation: float
    """The same, counted from the start of navigation (includes loading the page)."""
    samples: list[float]
    final_from_load: float = 0.0
    """Median milliseconds from the load event to the final answer (not marked partial)."""
    final_from_keystroke: float = 0.0
    """Median milliseconds from the last keystroke to the final answer, cold."""
    final_samples: list[float] = None


def time_to_first_results(browser_context, base: str, runs: int = 9, query: str = "xgboost") -> FirstResults:
    """A fresh page each run (the page, the worker and the search data all load cold): as
    soon as the page has loaded, open the search box and type; the clock stops when the
    first result is on screen, and again when the final answer reaches the page. Times come
    from the page's own clock (a MutationObserver, the worker's messages), so the test
    driver's polling adds nothing."""
    from_load, from_nav, final_load, final_key = [], [], [], []
    for _ in range(runs):
        page = browser_context.new_page()
        page.add_init_script(_RESULT_CLOCK)
        page.goto(base + "/algorithms/")
        open_search(page)
        page.locator(".md-search__input").press_sequentially(query)
        page.wait_for_function("q => window.__atlasFirstResult !== undefined && (window.__atlasClock.final[q] ?? window.__atlasClock.final['*']) !== undefined",
                               arg=query, timeout=30000)
        first, loaded, final, sent = page.evaluate(
            """q => [window.__atlasFirstResult, performance.getEntriesByType('navigation')[0].loadEventEnd,
                     window.__atlasClock.final[q] ?? window.__atlasClock.final['*'], window.__atlasClock.sent[q]]""", query)
        from_load.append(first - loaded)
        from_nav.append(first)
        final_load.append(final - loaded)
        final_key.append(final - sent)
        page.close()
    return FirstResults(statistics.median(from_load), statistics.median(from_nav), from_load,
                        statistics.median(final_load), statistics.median(final_key), final_load)


def time_to_final_once_loaded(browser_context, base: str, queries: list[str]) -> list[float]:
    """Once the search has loaded: for each query typed with real key presses, the
    milliseconds from its last keystroke to its final answer reaching the page."""
    page = browser_context.new_page()
    page.add_init_script(_RESULT_CLOCK)
    page.goto(base + "/")
    wait_for_full_index(page)
    out = []
    for query in queries:
        type_query(page, query, base)
        page.wait_for_function("q => window.__atlasClock.final[q] !== undefined", arg=query, timeout=30000)
        out.append(page.evaluate("q => window.__atlasClock.final[q] - window.__atlasClock.sent[q]", query))
    page.close()
    return out


def search_fetches_before_use(browser_context, base: str) -> dict[str, int]:
    """Search files a cold page fetches before the reader touches the search box: URL ->
    bytes as a compressing host (gzip) sends them."""
    import gzip

    page = browser_context.new_page()
    sizes: dict[str, int] = {}

    def record(response):
        try:
            sizes[response.url] = len(gzip.compress(response.body(), 6))
        except Exception:  # noqa: BLE001 - redirects have no body
            pass

    page.on("response", record)
    page.goto(base + "/services/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.close()
    return {url: size for url, size in sizes.items() if any(w in url.lower() for w in ("search", "lunr", "minisearch"))}


def search_bytes_before_use(browser_context, base: str) -> int:
    return sum(search_fetches_before_use(browser_context, base).values())
