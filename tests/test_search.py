"""Search answers a student's queries: the benchmark in tests/search_queries.yml, run
through the real search box in Chromium, must put the expected page in the top 3 for
at least 95% of queries. Prints hit@1, hit@3 and MRR, and every miss."""

from __future__ import annotations

import pytest

from searchbench import load_queries, run_benchmark, scores

pytestmark = [pytest.mark.browser, pytest.mark.build]


def test_benchmark_has_at_least_sixty_queries_of_every_kind():
    queries = load_queries()
    assert len(queries) >= 60
    kinds = {q["expect"].split("/")[0] for q in queries}
    assert {"algorithms", "services", "pipelines", "concepts"} <= kinds


def test_search_puts_the_right_page_in_the_top_three(offline_page, real_url):
    outcomes = run_benchmark(offline_page, real_url)
    result = scores(outcomes)
    misses = [f"{o.query!r}: expected {o.expect}, got {o.ranked[:3]}" for o in outcomes if not (o.rank and o.rank <= 3)]
    print(f"\nsearch benchmark: {result['queries']} queries, hit@1 {result['hit@1']:.1%}, "
          f"hit@3 {result['hit@3']:.1%}, MRR {result['mrr']:.3f}")
    for miss in misses:
        print("  miss:", miss)
    assert result["hit@3"] >= 0.95, "\n".join(misses)
    assert not offline_page.blocked
