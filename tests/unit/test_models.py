"""The pydantic models on their own: a minimal entity loads, each rule rejects its case."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from pydantic import ValidationError

from macros.data.fields import Source
from macros.data.loading import problems_from_validation
from macros.data.models import Algorithm, Edge, Hyperparameter, Metric, Pipeline, Service

MINIMAL_SERVICE = {
    "name": "Example",
    "summary": "A minimal service entity with only the required fields.",
    "category": "storage",
    "deployment": "serverless",
    "purpose": ["Keep things."],
    "sources": [{"title": "S3", "url": "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"}],
    "checked": dt.date(2026, 11, 21),
}


def problems(model, doc):
    with pytest.raises(ValidationError) as info:
        model.model_validate(doc)
    return problems_from_validation(info.value, model, "data/x.yml", model.label, "x")


def test_minimal_service_loads():
    service = Service.model_validate(MINIMAL_SERVICE)
    assert service.status == "active"
    assert service.aliases == []


def test_unknown_key_is_refused_with_a_hint():
    doc = dict(MINIMAL_SERVICE, purpse=["x"])
    (problem,) = problems(Service, doc)
    assert problem.path == "purpse"
    assert problem.message.startswith("unknown key")
    assert problem.hint == "did you mean 'purpose'?"


def test_missing_required_field():
    doc = {k: v for k, v in MINIMAL_SERVICE.items() if k != "summary"}
    (problem,) = problems(Service, doc)
    assert (problem.path, problem.message) == ("summary", "required field is missing")


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("name", 42, "expected text; got 42"),
        ("checked", "yesterday", "expected a date (YYYY-MM-DD); got 'yesterday'"),
        ("purpose", "Keep things.", "expected a list; got 'Keep things.'"),
        ("status", "retired", "expected one of 'active', 'closed', 'maintenance' or 'discontinued'; got 'retired'"),
        ("summary", "short", "expected at least 20 characters; got 5"),
    ],
)
def test_wrong_types_name_what_was_expected_and_found(field, value, expected):
    (problem,) = problems(Service, dict(MINIMAL_SERVICE, **{field: value}))
    assert problem.path == field
    assert problem.message == expected


def test_sources_must_be_https_aws_documentation():
    bad = dict(MINIMAL_SERVICE, sources=[{"title": "x", "url": "https://example.com/page"}])
    (problem,) = problems(Service, bad)
    assert problem.path == "sources[0].url"
    assert "AWS documentation site" in problem.message
    assert Source.model_validate({"title": "x", "url": "https://aws.amazon.com/s3/"}).url


def test_sources_are_required():
    (problem,) = problems(Service, dict(MINIMAL_SERVICE, sources=[]))
    assert problem.path == "sources"
    assert problem.message == "expected at least 1 item(s); got 0"


def test_hyperparameter_types_and_scalars():
    hp = {"name": "eta", "required": False, "type": "float", "valid_values": "[0, 1]", "default": 0.3, "description": "Step."}
    assert Hyperparameter.model_validate(hp).default == 0.3
    with pytest.raises(ValidationError):
        Hyperparameter.model_validate(dict(hp, type="decimal"))
    with pytest.raises(ValidationError):
        Hyperparameter.model_validate(dict(hp, default=[1, 2]))
    with pytest.raises(ValidationError):
        Hyperparameter.model_validate(dict(hp, name="has space"))


def test_metric_names_as_aws_writes_them():
    for name in ("validation:rmse", "test:mean_wQuantileLoss", "rmse", "validation:mAP"):
        assert Metric.model_validate({"name": name, "direction": "minimize", "description": "d"}).name == name
    with pytest.raises(ValidationError):
        Metric.model_validate({"name": "validation rmse", "direction": "minimize", "description": "d"})
    with pytest.raises(ValidationError):
        Metric.model_validate({"name": "rmse", "direction": "down", "description": "d"})


def test_edges_use_from_and_to():
    edge = Edge.model_validate({"from": "a", "to": "b", "step": "A sends to B."})
    assert (edge.source, edge.to) == ("a", "b")
    with pytest.raises(ValidationError):
        Edge.model_validate({"source": "a", "to": "b", "step": "x"})


def test_strict_booleans_are_not_coerced_from_text():
    doc = copy.deepcopy(MINIMAL_SERVICE)
    assert Service.model_validate(doc)
    algo_bits = {"cpu": "yes"}
    from macros.data.models import TrainingInstances

    with pytest.raises(ValidationError):
        TrainingInstances.model_validate(dict(algo_bits, gpu=False, multi_instance=False))


def test_every_kind_has_a_label_and_folder():
    for model in (Algorithm, Service, Pipeline):
        assert model.kind.endswith("s") and model.label


@pytest.mark.parametrize("text, type_, good, bad", [
    ("positive integer", "integer", [1, 500], [0, -99999]),
    ("non-negative integer or `-1`", "integer", [0, 7, -1], [-2]),
    ("float in (0, 1]", "float", [1.0, 0.5], [0, 1.5]),
    ("1 ≤ integer ≤ 5000", "integer", [1, 5000], [0, 5001]),
    ("`auto` or a positive integer", "integer", ["auto", 3], [0, "always"]),
    ("`uniform`, `normal` or `constant`", "string", ["normal"], ["gaussian"]),
])
def test_valid_values_text_is_read_as_a_constraint(text, type_, good, bad):
    from macros.data.valid_values import parse

    constraint = parse(text, type_)
    assert constraint is not None
    assert all(constraint.allows(v) for v in good), [v for v in good if not constraint.allows(v)]
    assert not any(constraint.allows(v) for v in bad), [v for v in bad if constraint.allows(v)]


@pytest.mark.parametrize("text", ["positive integer; AWS suggests a value between 10 and 20", "comma-separated epoch numbers, for example `10, 20`", "float"])
def test_valid_values_that_state_no_sure_limit_are_left_unchecked(text):
    from macros.data.valid_values import parse

    assert parse(text, "float") is None
