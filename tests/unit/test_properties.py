"""Property-based: entity documents shaped by the schema, with hostile text in every text
field the schema has, either load into a catalogue whose every page renders with that text
inert, or yield problem lines; never a traceback, never live markup.

`make test` tries ATLAS_PROPERTY_EXAMPLES documents (default 150); `make test-property`
tries 1,000 and more. Each run prints how many documents it tried.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import FIXTURES, load_with_file, make_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from macros.data.models import ENTITY_MODELS

EXAMPLES = int(os.environ.get("ATLAS_PROPERTY_EXAMPLES", "150"))
DOCS = {
    kind: (rel, yaml.safe_load((FIXTURES / "mini" / rel).read_text()))
    for kind, rel in (("algorithms", "algorithms/alpha.yml"), ("services", "services/store.yml"),
                      ("pipelines", "pipelines/flow.yml"), ("concepts", "concepts/idea.yml"),
                      ("comparisons", "comparisons/versus.yml"))
}
HOSTILE = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )", "<a href='javascript:alert(1)'>x</a>", "{{ 7*7 }}", "{% raw %}", "{#x}",
    "<iframe src=//evil>", "<svg onload=alert(1)>", "&lt;script&gt;", "`<b>code</b>`", "| pipe | cell |",
    "\u202e reversed", "x" * 400, "[ref]: javascript:alert(1)", "*[HTML]: <b>x</b>", "<!-- c -->",
    "<style>body{display:none}</style>", "javascript:alert(1)", "[ok](https://docs.aws.amazon.com/x)",
    # URLs that would end a link, line breaks and invisible or look-alike characters in names,
    # images from other hosts, empty-label reference links, formulas of enormous size.
    "https://docs.aws.amazon.com/x)<script>alert(1)</script>", "[x](https://docs.aws.amazon.com/x)<meta http-equiv=refresh>",
    "Name\n!!! danger \"x\"", "\u200b\u200b", "\u2066x\u2069", "Kеndra", "—", "![x](https://evil.example/x.png)",
    "[][]\n\n[]: javascript:alert(1)", "$\\rule{100000em}{1em}$", "$$\\rule{100000em}{100000em}$$", "\x00\x1b[31m",
]
HOSTILE_URLS = [
    "https://docs.aws.amazon.com/x)<script>alert(1)</script>", "https://docs.aws.amazon.com/x\n<script>alert(1)</script>",
    "javascript:alert(1)", "https://evil.example/x", "https://docs.aws.amazon.com/x\"><img src=x>", "https://docs.aws.amazon.com/ok",
    "https://user@docs.aws.amazon.com/x", "https://docs.aws.amazon.com/x y",
]
HOSTILE_NUMBERS = [float("nan"), float("inf"), float("-inf"), -1, -1e300, 1e308, 0, 10**30]
# Accepted by the schema, and still tricky for the renderer: these must build and stay inert.
TRICKY = ["5 < 6 & 7 > 3", "`<b>code</b>`", "| pipe | cell |", "{{ 7*7 }}", "{% raw %}", "{#x}", "&lt;script&gt;",
          "x" * 400, "[ok](https://docs.aws.amazon.com/x)", "$\\rule{100000em}{1em}$", "a_b_c * d *e*", "\\ back \\slash",
          "[ok](../services/store.md)", "**bold** _it_ ~~x~~", "<= 10 GB", "100%", "'quotes' \"double\""]
tricky_text = st.one_of(st.sampled_from(TRICKY), st.lists(st.sampled_from(TRICKY), min_size=2, max_size=3).map(" ".join))
hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=60),
                         st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map(" ".join))

TRIED = {"documents": 0, "clean": 0, "refused": 0}


def _text_paths(model: type[BaseModel], doc, prefix=()):
    """Paths of the string fields of a document, found through the schema's models."""
    if isinstance(doc, dict):
        for name, info in model.model_fields.items():
            key = info.alias or name
            if key not in doc:
                continue
            sub = _model_of(info.annotation)
            value = doc[key]
            if isinstance(value, str) and key in ("url", "source"):
                yield prefix + (key, "url")
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and key in ("value", "default"):
                yield prefix + (key, "number")
            elif isinstance(value, str) and key == "latex":
                yield prefix + (key, "formula")
            elif isinstance(value, str) and key not in ("category", "deployment", "status", "direction", "kind"):
                yield prefix + (key,)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str) and sub is None and key in ("purpose", "use_cases", "exam_tips", "notes", "security", "input_formats", "output_formats", "cells", "tasks", "aliases"):
                        yield prefix + (key, i)
                    elif isinstance(item, dict) and sub is not None:
                        yield from _text_paths(sub, item, prefix + (key, i))
            elif isinstance(value, dict) and sub is not None:
                yield from _text_paths(sub, value, prefix + (key,))


def _model_of(annotation):
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


@st.composite
def hostile_documents(draw):
    kind = draw(st.sampled_from(sorted(DOCS)))
    rel, base = DOCS[kind]
    doc = copy.deepcopy(base)
    paths = list(_text_paths(ENTITY_MODELS[kind], doc))
    tricky_only = draw(st.booleans())
    for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=6, unique=True)):
        what = path[-1] if path[-1] in ("url", "number", "formula") else "text"
        if tricky_only:
            if what != "text":
                continue
            what = "tricky"
        path = path if what in ("text", "tricky") else path[:-1]
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = draw({
            "text": hostile_text,
            "tricky": tricky_text,
            "url": st.sampled_from(HOSTILE_URLS),
            "number": st.sampled_from(HOSTILE_NUMBERS),
            "formula": st.sampled_from(["\\rule{100000em}{1em}", "\\def\\a{\\a\\a}\\a", "x^{" * 50 + "}" * 50, "\\href{javascript:alert(1)}{x}"]),
        }[what])
    return rel, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions (and options) mkdocs.yml lists."""
    from conftest import ROOT
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as fd:
        config = yaml_load(fd, get_yaml_loader())
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict):
            ((name, options),) = ext.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(ext)
    return markdown.Markdown(extensions=names, extension_configs=configs)


MD = _site_markdown()


def live_markup(html: str) -> str | None:
    """The first element or attribute in the HTML that could run or restyle the page."""
    from bs4 import BeautifulSoup

    for el in BeautifulSoup(html, "html.parser").find_all(True):
        if el.name in ("script", "iframe", "style", "object", "embed", "img", "form", "input"):
            return f"<{el.name}>"
        for attr, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower().startswith("on"):
                return f"{el.name} {attr}="
            if attr.lower() in ("href", "src", "xlink:href", "action") and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                return f"{el.name} {attr}={value[:30]}"
    return None



@pytest.fixture(scope="module")
def data_root(tmp_path_factory):
    root = make_data(tmp_path_factory.mktemp("props"))
    yield root
    print(f"\nproperty run: {TRIED['documents']} hostile documents tried, {TRIED['clean']} built clean, "
          f"{TRIED['refused']} refused with problem lines, 0 tracebacks, nothing live in the HTML, no unbroken run of text wider than a phone")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(hostile_documents())
def test_hostile_text_in_any_schema_field_is_refused_or_rendered_inert(data_root, vocabularies_once, case):
    from macros.generation.assemble import generated_pages

    rel, text = case
    catalog, problems = load_with_file(data_root, rel, text)  # the examples never change data/vocab/
    TRIED["documents"] += 1
    if problems:
        TRIED["refused"] += 1
        assert all("\n" not in p.text().split("\n    hint: ")[0] for p in problems)
        return
    TRIED["clean"] += 1
    kind, entity_id = rel.split("/")[0], Path(rel).stem
    for page in generated_pages(catalog):
        if page.src_path != f"{kind}/{entity_id}.md" and not page.src_path.endswith("index.md"):
            continue
        body = page.content.split("\n---\n", 1)[-1]
        html = MD.reset().convert(body)
        # The diagram SVG is ours (and Graphviz escapes labels); data text must not add markup.
        html = re.sub(r"<svg .*?</svg>", "", html, flags=re.S)
        found = live_markup(html)
        assert found is None, (page.src_path, found)
        assert _too_wide(html) is None, (page.src_path, _too_wide(html))


def _too_wide(html: str) -> str | None:
    """A run of text with no break opportunity long enough to push a column or a card off
    a phone's screen (render._soft_breaks breaks words from data every 32 characters)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    # Code breaks at its joints (macros/site/mdx.py); a formula's TeX source sits in its MathML
    # annotation, read by screen readers and never laid out.
    for el in soup.find_all(["code", "math", "annotation"]):
        el.decompose()
    for word in re.split(r"[\s\u200b]+", soup.get_text(" ")):
        if len(word) > 64:
            return word[:80]
    return None
