"""Search answers what students type, as fast as they type it.

- The benchmark (tests/search_queries.yml, written from AWS exam guides and service
  descriptions without reading our pages) runs through the site's search worker, the one
  the search box talks to: hit@3 >= 95% in every group, hit@1 >= 90% for identifiers.
- The search box shows what the worker answers, works by keyboard, highlights the
  matched words on the page it opens, and survives any query text.
- Nothing but a few KB of search code is fetched before the reader uses the box.
"""

from __future__ import annotations

import pytest

from searchbench import by_group, load_queries, misses, open_search, report, run_benchmark, scores, search_fetches_before_use, type_query, wait_for_full_index, worker_rankings

pytestmark = [pytest.mark.browser, pytest.mark.build]

GROUPS = {"identifiers", "needs", "typos", "names", "concepts", "comparisons", "exam"}


def test_benchmark_has_at_least_250_queries_in_named_groups():
    queries = load_queries()
    assert len(queries) >= 250
    counts = {g: sum(1 for q in queries if q["group"] == g) for g in GROUPS}
    assert set(q["group"] for q in queries) == GROUPS
    assert min(counts.values()) >= 30, counts


@pytest.fixture(scope="module")
def outcomes(browser, real_url):
    page = browser.new_page()
    try:
        return run_benchmark(page, real_url)
    finally:
        page.close()


# The goal (issue #14): hit@3 >= 95% in every group, identifiers hit@1 >= 90%.
GROUP_FLOOR = 0.95
OVERALL_FLOOR = 0.97


def test_search_puts_the_right_page_in_the_top_three_in_every_group(outcomes):
    print("\nsearch benchmark (our search worker):\n" + report(outcomes, "  "))
    for miss in misses(outcomes):
        print("  miss:", miss)
    groups = by_group(outcomes)
    low = {g: f"{s['hit@3']:.1%}" for g, s in groups.items() if s["hit@3"] < GROUP_FLOOR}
    assert not low, f"hit@3 below {GROUP_FLOOR:.0%} in {low}:\n" + "\n".join(misses(outcomes))
    assert groups["identifiers"]["hit@1"] >= 0.90, "\n".join(misses(outcomes, top=1))
    assert scores(outcomes)["hit@3"] >= OVERALL_FLOOR


def test_the_search_box_shows_what_the_worker_ranks(offline_page, real_url):
    queries = []
    for group in sorted(GROUPS):
        queries += [q["query"] for q in load_queries() if q["group"] == group][:2]
    expected = worker_rankings(offline_page, real_url, queries)
    offline_page.goto(real_url + "/")
    wait_for_full_index(offline_page)
    for query, ranked in zip(queries, expected):
        shown = type_query(offline_page, query, real_url)
        assert shown[:5] == ranked[:5], query
    assert not offline_page.blocked and not offline_page.js_errors


HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    "a" * 1000,
    "(.*)+[{^$|\\",
    "*~^:+-",
    "the and of to a",
    "🙂 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "xgboost " * 120,
]


def test_any_query_text_gives_results_or_no_results_and_never_runs_markup(offline_page, real_url):
    page = offline_page
    page.goto(real_url + "/")
    open_search(page)
    for query in HOSTILE:
        type_query(page, query, real_url)
        meta = page.locator(".md-search-result__meta").inner_text()
        items = page.locator(".md-search-result__list > .md-search-result__item").count()
        assert items > 0 or "no matching" in meta.lower(), (query[:40], meta)
        assert page.locator(".md-search-result img, .md-search-result script").count() == 0
        assert page.evaluate("() => window.__pwned") is None
    assert not page.js_errors


def test_keyboard_search_opens_the_result_and_highlights_the_words(offline_page, real_url):
    page = offline_page
    page.goto(real_url + "/")
    page.keyboard.press("/")
    page.keyboard.type("scale_pos_weight")
    page.wait_for_selector(".md-search-result__list > .md-search-result__item", timeout=15000)
    first = page.locator(".md-search-result__list > .md-search-result__item a").first.get_attribute("href")
    assert "algorithms/xgboost/" in first
    assert page.locator(".md-search-result__list mark").count() > 0
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/algorithms/xgboost/**")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=10000)
    # The row of that hyperparameter shows the matched words highlighted.
    row = page.locator("#hp-scale_pos_weight").locator("xpath=ancestor::tr")
    assert row.locator("mark[data-md-highlight]").count() > 0


def test_search_data_is_fetched_only_when_the_reader_searches(browser, real_url):
    context = browser.new_context()
    fetched = search_fetches_before_use(context, real_url)
    # Once the page is idle, only the quick index is fetched, within the budget of 100 KB
    # of search data before first use; the full index waits for the reader.
    assert not any("atlas-index" in url for url in fetched), "the full index loaded before anyone searched"
    assert any("atlas-quick" in url for url in fetched), fetched
    assert sum(fetched.values()) <= 100 * 1024, fetched
    page = context.new_page()
    loaded: list[str] = []
    page.on("response", lambda r: loaded.append(r.url))
    page.goto(real_url + "/services/")
    open_search(page)
    page.locator(".md-search__input").press_sequentially("feature store")
    page.wait_for_selector(".md-search-result__list > .md-search-result__item", timeout=15000)
    # The quick index answers first; the full one follows without another keystroke.
    assert any("atlas-quick" in url for url in loaded)
    if not any("atlas-index" in url for url in loaded):
        page.wait_for_event("response", lambda r: "atlas-index" in r.url, timeout=15000)
    context.close()
