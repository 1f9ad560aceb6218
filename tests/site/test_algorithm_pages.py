"""Algorithm pages as built show AWS's documented defaults, metric directions, content types
and required hyperparameters."""

from __future__ import annotations

import pytest
from algorithm_facts import CONTENT_TYPES, DEFAULTS, METRICS
from conftest import real_data, soup_of

from macros.site.routes import hp_anchor, metric_anchor


def _page(site, algo):
    return soup_of(site / "algorithms" / algo / "index.html")


def _row(soup, anchor):
    span = soup.find(id=anchor)
    assert span is not None, anchor
    return [td.get_text("").strip() for td in span.find_parent("tr").find_all("td")]


@pytest.mark.parametrize("algo, name, default", DEFAULTS)
def test_hyperparameter_row_shows_the_documented_default(real_site, algo, name, default):
    cells = _row(_page(real_site, algo), hp_anchor(name))
    assert cells[2] == default


@pytest.mark.parametrize("algo, metric, direction", METRICS)
def test_metric_row_shows_the_documented_direction(real_site, algo, metric, direction):
    cells = _row(_page(real_site, algo), metric_anchor(metric))
    assert cells[0] == metric and cells[1] == direction


@pytest.mark.parametrize("algo, content_type", CONTENT_TYPES)
def test_content_type_is_in_the_training_or_inference_table(real_site, algo, content_type):
    soup = _page(real_site, algo)
    found = set()
    for heading in ("training-data", "inference"):
        table = soup.find(id=heading).find_next("table")
        found |= {c.get_text() for c in table.find_all("code")}
    assert content_type in found


def test_every_required_hyperparameter_is_marked_required(real_site):
    catalog, _ = real_data()
    for algo_id, algo in catalog.entities["algorithms"].items():
        soup = _page(real_site, algo_id)
        for hp in algo.hyperparameters:
            first = _row(soup, hp_anchor(hp.name))[0]
            assert ("Required" in first) == hp.required, (algo_id, hp.name, first)
