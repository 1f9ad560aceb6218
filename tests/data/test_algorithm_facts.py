"""A hand-checked fact table: for every built-in algorithm, facts read off AWS's
documentation (the SageMaker developer guide pages named in each row) and asserted on
the rendered page: a hyperparameter row shows its default, a metric row its direction,
a content type appears in the training or inference table."""

from __future__ import annotations

from algorithm_facts import CONTENT_TYPES, DEFAULTS, METRICS
from conftest import real_data


def test_every_algorithm_has_at_least_three_checked_facts():
    catalog, _ = real_data()
    counts = {a: 0 for a in catalog.entities["algorithms"]}
    for table in (DEFAULTS, METRICS, CONTENT_TYPES):
        for algo, *_ in table:
            counts[algo] += 1
    assert all(n >= 3 for n in counts.values()), {a: n for a, n in counts.items() if n < 3}
