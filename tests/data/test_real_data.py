"""The repository's own data: zero problems, complete enough, and the contributor
guide's example is a valid entity."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT, real_data

from macros.data.models import Algorithm

PLACEHOLDERS = re.compile(r"\b(TBD|TODO|FIXME|xxxx+|lorem ipsum)\b|\?\?\?", re.I)


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = real_data()
    assert problems == [], "\n".join(p.text() for p in problems)
    return catalog


def test_real_data_has_no_problems(catalog):
    assert catalog.entities["algorithms"]


def test_the_foundation_algorithms_are_present(catalog):
    assert {"xgboost", "linear-learner", "k-means"} <= set(catalog.entities["algorithms"])


def test_every_entity_cites_an_aws_page_and_a_checked_date(catalog):
    for kind, by_id in catalog.entities.items():
        for entity_id, entity in by_id.items():
            assert entity.sources, f"{kind}/{entity_id}"
            assert all(s.url.startswith("https://") for s in entity.sources)
            assert entity.checked.year >= 2025, f"{kind}/{entity_id}"


def test_no_placeholder_text_in_data():
    for path in sorted((ROOT / "data").rglob("*.yml")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue
            assert not PLACEHOLDERS.search(line), f"{path.relative_to(ROOT)}:{number}: {line.strip()}"


def test_every_hyperparameter_has_a_description_and_required_ones_no_default(catalog):
    for algo_id, algo in catalog.entities["algorithms"].items():
        for hp in algo.hyperparameters:
            assert hp.description.strip(), f"{algo_id}.{hp.name}"
            if hp.required:
                assert hp.default is None, f"{algo_id}.{hp.name}"


def test_contributor_guide_example_parses_with_the_real_model():
    text = (ROOT / "docs" / "contributing.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert blocks, "the contributor guide shows an annotated example"
    algo = Algorithm.model_validate(yaml.safe_load(blocks[0]))
    assert algo.name == "K-Means" and algo.hyperparameters[0].required


def test_every_vocabulary_term_is_used(catalog):
    """A closed list should not collect dead terms (instance families excepted: the
    instance comparison lists families no algorithm recommends)."""
    used: dict[str, set[str]] = {}
    from macros.data.catalog import walk_markers
    from macros.data.fields import Vocab

    for by_id in catalog.entities.values():
        for entity in by_id.values():
            for _, marker, value in walk_markers(entity):
                if isinstance(marker, Vocab):
                    used.setdefault(marker.name, set()).add(value)
    for name in ("learning-types", "problem-types", "modalities"):
        unused = set(catalog.vocab[name]) - used.get(name, set())
        assert not unused, f"unused terms in data/vocab/{name}.yml: {sorted(unused)}"


def test_every_limit_and_status_names_the_aws_page_it_rests_on_and_when_it_was_read():

    catalog, problems = real_data()
    assert not problems
    limits = 0
    for service_id, service in catalog.entities["services"].items():
        for limit in service.limits:
            assert limit.source.startswith("https://") and limit.read is not None, (service_id, limit.name)
            limits += 1
        if service.status != "active":
            assert service.status_date and service.status_source, service_id
    assert limits >= 300
