"""Pipeline diagrams draw offline with a linked box per service."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from conftest import real_data

CATALOG, _ = real_data()


PIPELINES = sorted(CATALOG.entities["pipelines"])


@pytest.mark.parametrize("pipe_id", PIPELINES)
def test_diagram_draws_offline_with_linked_service_boxes(offline_page, real_url, pipe_id):
    pipe = CATALOG.get("pipelines", pipe_id)
    url = f"{real_url}/pipelines/{pipe_id}/"
    offline_page.goto(url)
    offline_page.wait_for_selector("figure.atlas-diagram[data-atlas-state=drawn] svg", timeout=30000)
    boxes = offline_page.locator("figure.atlas-diagram svg g.node").count()
    assert boxes == len(pipe.nodes)
    hrefs = offline_page.eval_on_selector_all("figure.atlas-diagram svg a", "els => els.map(e => e.getAttribute('xlink:href') || e.getAttribute('href'))")
    services = [n.service for n in pipe.nodes if n.service]
    assert len(hrefs) == len(services)
    assert sorted(urljoin(url, h).rstrip("/").rsplit("/", 1)[-1] for h in hrefs) == sorted(services)
    assert offline_page.blocked == [] and offline_page.js_errors == []
