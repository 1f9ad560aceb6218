"""Robust against bad data: random mutations never crash the loader, hostile text stays
text everywhere it lands, alias bombs and huge files are refused, and a failed build
leaves an existing site/ untouched."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, load_with_file, make_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.problems import Problem

LINE = re.compile(
    r"^data/[^:\n]+\.yml: (line \d+, column \d+: )?((algorithm|service|pipeline|concept|comparison|exam|term) '[^'\n]*': )?"
    r"([A-Za-z0-9_.\[\]\-]+: )?[^\n]+$"
)
BASE_DOCS = {
    rel.as_posix(): yaml.safe_load((FIXTURES / "mini" / rel).read_text())
    for rel in (Path("algorithms/alpha.yml"), Path("services/store.yml"), Path("pipelines/flow.yml"),
                Path("comparisons/versus.yml"), Path("concepts/idea.yml"))
}

weird_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "<script>x</script>", "{{ x }}", "{% x %}", "\u202e\u0000?", "é" * 5, "😀", "x" * 5000]),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True), weird_text)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


@st.composite
def mutated(draw):
    rel = draw(st.sampled_from(sorted(BASE_DOCS)))
    doc = copy.deepcopy(BASE_DOCS[rel])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["drop", "replace", "nest", "dangle", "rename"]))
        key = path[-1]
        if action == "drop":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(values)
        elif action == "nest":
            deep = "leaf"
            for _ in range(draw(st.integers(5, 60))):
                deep = [deep]
            parent[key] = deep
        elif action == "dangle":
            parent[key] = draw(st.sampled_from(["no-such-id", "streem", "s3", "xgboost"]))
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=10))] = parent.pop(key)
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):
        # YAML anchors and aliases, as a careless or hostile edit might add them.
        text = "x-anchor: &a [1, 2]\nx-alias: *a\n" + text
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]  # truncated file
    return rel, text


@pytest.fixture(scope="module")
def data_root(tmp_path_factory):
    return make_data(tmp_path_factory.mktemp("prop"))


# The loader is cheap per file: ten mutated files for every three hostile documents of
# tests/unit/test_properties.py (ATLAS_PROPERTY_EXAMPLES, 150 in `make test`: 500 here).
LOADER_EXAMPLES = int(os.environ.get("ATLAS_PROPERTY_EXAMPLES", "150")) * 10 // 3


@settings(max_examples=LOADER_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(mutated())
def test_loader_returns_a_catalogue_or_problems_and_never_raises(data_root, vocabularies_once, case):
    rel, text = case
    catalog, problems = load_with_file(data_root, rel, text)  # the examples never change data/vocab/
    assert (catalog is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem, Problem)
        first, *rest = problem.text().split("\n")
        assert LINE.match(first), first
        assert all(line.startswith("    hint: ") for line in rest)


def _problems_in_a_limited_child(data: Path, root: Path) -> subprocess.CompletedProcess:
    """load_catalog in a child with 1 GiB of address space (a bomb would fail, not swap);
    its stdout is the problem lines."""
    code = (
        "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from pathlib import Path; from macros.data.dataset import load_catalog\n"
        f"c, p = load_catalog(Path({str(data)!r}), Path({str(root)!r}))\n"
        "print('\\n'.join(x.text() for x in p))"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_billion_laughs_is_refused_without_exhausting_memory(tmp_path):
    data = make_data(tmp_path)
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]" for i in range(1, 12)]
    (data / "services" / "bomb.yml").write_text("\n".join(lines) + "\n")
    result = _problems_in_a_limited_child(data, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "data/services/bomb.yml: line 2, column 10: YAML aliases (*name) are not allowed" in result.stdout


def test_a_ten_megabyte_file_is_refused_before_it_is_parsed(tmp_path):
    data = make_data(tmp_path)
    (data / "services" / "huge.yml").write_text("name: " + "x" * (10 * 1024 * 1024) + "\n")
    result = _problems_in_a_limited_child(data, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "data/services/huge.yml: file is 10,485,767 bytes; data files may be at most 524,288 bytes" in result.stdout
