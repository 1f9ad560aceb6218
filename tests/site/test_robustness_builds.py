"""Builds under hostile input: a failed build leaves the existing site untouched, and hostile
text in the data stays literal in every page, CSV download and tooltip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, make_data, mkdocs_build


def test_a_failed_build_leaves_an_existing_site_untouched(tmp_path):
    data = make_data(tmp_path, ROOT / "tests" / "cases" / "dangling-reference" / "data")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build")
    env = dict(os.environ, ATLAS_DATA_DIR=str(data))
    result = subprocess.run([sys.executable, "-m", "macros", "build", "--out", str(tmp_path / "out"), "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "no service with id 'streem'" in result.stdout + result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "the previous build"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    data = make_data(base, FIXTURES / "hostile")
    site = base / "site"
    result = mkdocs_build(site, data)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_hostile_text_is_literal_in_every_page(hostile_site):
    for path in hostile_site.rglob("*.html"):
        html = path.read_text()
        for bad in ('<script>alert("', "<b>bold</b>", "<img src=x", "<u>Store</u>", "<i>0</i>"):
            assert bad not in html, f"{path.relative_to(hostile_site)} holds raw {bad!r}"
    page = (hostile_site / "algorithms" / "alpha" / "index.html").read_text()
    assert 'a &lt; "x" &gt; b &amp;&amp; c' in page or "a &lt; &quot;x&quot; &gt; b &amp;&amp; c" in page
    assert "&#123;&#123; 7*7 }}" in page and "{% raw %}" not in page.replace("&#123;% raw %}", "")
    flow = (hostile_site / "pipelines" / "flow" / "index.html").read_text()
    assert "&lt; &quot;d&quot; &gt;" in flow or '&lt; "d" &gt;' in flow  # the diagram and the steps, escaped


def test_hostile_text_is_literal_in_csv_and_tooltips(hostile_site):
    csv_text = (hostile_site / "downloads" / "comparison-versus.csv").read_text()
    assert 'a < ""x"" > b && c{{ 7*7 }}{% raw %}' in csv_text
    store = (hostile_site / "services" / "store" / "index.html").read_text()
    assert 'title="Store a &lt; &quot;t&quot; &gt; b &amp;&amp; c {{ 7*7 }}"' in store
