"""Pure rendering: filters, links, golden Markdown for the mini catalog, diagram SVG.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/ after an intended template change, then
read the diff before committing it.
"""

from __future__ import annotations

import os

import pytest
from conftest import TESTS

from macros.data.dataset import load_catalog
from macros.generation.assemble import generated_pages, nav_sections
from macros.site.diagrams import diagram_html
from macros.site.markup import cell, code, md, value
from macros.site.render import Linker

GOLDEN = TESTS / "golden"


@pytest.fixture
def catalog(mini_data):
    catalog, problems = load_catalog(mini_data, mini_data.parent)
    assert problems == []
    return catalog


def test_md_escapes_html_but_keeps_code_spans_and_emphasis():
    assert md("<script>x</script> *em*") == "&lt;script&gt;x&lt;/script&gt; *em*"
    assert md("use `<b>` here & there") == "use `<b>` here &amp; there"
    assert md("{{ x }} {% y %} {#z}") == "&#123;&#123; x }} &#123;% y %} &#123;#z}"


def test_cell_is_one_line_with_pipes_escaped():
    assert cell("a | b\nc") == "a \\| b c"
    assert cell("`x|y`") == "`x&#124;y`"


def test_code_survives_backticks():
    assert code("plain") == "`plain`"
    assert code("a`b") == "``a`b``"


def test_values_show_as_a_reader_expects():
    assert value(True) == "`true`"
    assert value(0.0001) == "`0.0001`"
    assert value(1e-8) == "`1e-08`"
    assert value(5000) == "`5000`"
    assert value("auto") == "`auto`"


def test_links_are_relative_to_the_page(catalog):
    assert Linker(catalog, "algorithms/alpha.md")("services", "store") == "[Store Service](../services/store.md)"
    assert Linker(catalog, "index.md")("algorithms", "beta") == "[Beta Clusters](algorithms/beta.md)"
    assert Linker(catalog, "algorithms/alpha.md").url("algorithms", "alpha", "hp-eta") == "alpha.md#hp-eta"


def test_backlinks_are_computed(catalog):
    assert catalog.referrers("services", "store", "algorithms") == ["alpha"]
    assert catalog.referrers("services", "stream", "pipelines") == ["flow"]
    assert catalog.referrers("algorithms", "alpha", "concepts") == ["idea"]


def test_diagram_is_static_svg_with_escaped_labels_and_links(catalog):
    pipe = catalog.get("pipelines", "flow")
    html = diagram_html(pipe, catalog, lambda service: f"../../services/{service}/", "diagram-flow")
    assert html.startswith('<figure class="atlas-diagram"') and "<svg" in html
    assert 'aria-labelledby="diagram-flow-title"' in html and 'aria-describedby="diagram-flow-desc"' in html
    assert '<title id="diagram-flow-title">Diagram of the' in html
    assert 'xlink:href="../../services/stream/"' in html and 'xlink:href="../../services/store/"' in html
    assert "&lt; 3 &gt; quotes" in html and "< 3 > quotes" not in html
    assert "\n\n" not in html  # a blank line would end the raw-HTML block in Markdown
    assert "<script" not in html.lower()


def test_nav_lists_every_entity_by_kind(catalog):
    sections = nav_sections(catalog)
    assert sections["algorithms"] == [
        "algorithms/index.md", {"Alpha Learner": "algorithms/alpha.md"}, {"Beta Clusters": "algorithms/beta.md"}
    ]
    assert sections["services"][1:] == [
        {"Storage": [{"Store Service": "services/store.md"}]},
        {"Streaming": [{"Stream Service": "services/stream.md"}]},
    ]


@pytest.mark.parametrize("name", ["algorithms/alpha.md", "services/store.md", "services/stream.md", "pipelines/flow.md", "concepts/idea.md", "comparisons/versus.md", "comparisons/stores.md", "algorithms/index.md"])
def test_golden_markdown(catalog, name):
    pages = {p.src_path: p.content for p in generated_pages(catalog)}
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[name])
    assert pages[name] == golden.read_text()


def test_every_generated_page_names_its_data_file(catalog):
    kinds = set(catalog.entities)
    entity_pages = [p for p in generated_pages(catalog) if p.src_path.split("/")[0] in kinds and not p.src_path.endswith("index.md")]
    assert len(entity_pages) == sum(len(v) for v in catalog.entities.values())
    for page in entity_pages:
        assert page.source_file and page.source_file.startswith("data/") and page.source_file.endswith(".yml")
