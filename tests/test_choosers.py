"""Guided choosers (macros/choosers, data/choosers): every combination of answers of every
chooser, judged against the data independently of the evaluator; the browser script
agrees with the Python evaluation on all of them; the generated page carries the form,
the data block and the no-script table.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from macros.choosers.evaluate import all_answer_sets, evaluate, fact_table
from macros.choosers.load import candidate_ids
from macros.choosers.page import chooser_page, overview_table, page_data, plain
from macros.loading import load_catalog
from macros.render import Linker
from macros.units import in_base

CATALOG, PROBLEMS = load_catalog(ROOT / "data")
CHOOSERS = sorted(CATALOG.choosers) if CATALOG else []


def test_the_four_choosers_exist_and_the_data_is_clean():
    assert PROBLEMS == []
    assert CHOOSERS == ["built-in-algorithm", "data-store", "inference-option", "stream-service"]
    for cid in CHOOSERS:
        assert 2 <= len(CATALOG.choosers[cid].questions) <= 5


def meets(kind: str, entity_id: str, req) -> bool:
    """Whether the entity meets the constraint, read straight from its data (not through
    macros/choosers/attributes.py)."""
    e = CATALOG.get(kind, entity_id)
    if kind == "algorithms":
        lists = {
            "problem_types": e.problem_types, "learning_types": e.learning_types, "modalities": e.modalities,
            "training_content_types": [ct for ch in e.training.channels for ct in ch.content_types],
            "input_modes": e.training.input_modes,
        }
        flags = {
            "training_cpu": e.training.instances.cpu, "training_gpu": e.training.instances.gpu,
            "multi_instance": e.training.instances.multi_instance, "inference_cpu": e.inference.cpu, "inference_gpu": e.inference.gpu,
        }
        return req.has in lists[req.attribute] if req.attribute in lists else flags[req.attribute] is req.is_
    prefix, _, term = req.attribute.partition(":")
    if prefix == "trait":
        (value,) = [t.value for t in e.traits if t.trait == term]
        return value is req.is_
    (limit,) = [l for l in e.limits if l.measure == term]
    return in_base(limit.value, limit.unit) >= in_base(req.at_least, req.unit)


@pytest.mark.parametrize("chooser_id", CHOOSERS)
def test_every_combination_picks_only_what_the_data_allows_and_names_a_violated_constraint(chooser_id):
    chooser = CATALOG.choosers[chooser_id]
    kind = chooser.candidates
    table = fact_table(CATALOG, chooser)
    candidates = candidate_ids(CATALOG, chooser)
    answers_of = {q.id: {a.id: a for a in q.answers} for q in chooser.questions}
    combos = 0
    narrowed = 0
    for answers in all_answer_sets(chooser):
        combos += 1
        result = evaluate(chooser, table, answers)
        picked = [p.id for p in result.picks]
        excluded = [x.id for x in result.excluded]
        assert sorted(picked + excluded) == sorted(candidates), answers
        for pick in result.picks:
            for qid, aid in answers.items():
                req = answers_of[qid][aid].require
                if req is not None:
                    assert meets(kind, pick.id, req), (answers, pick.id, qid)
            # One reason per constrained answer, each the data's own fact.
            assert [q for q, _ in pick.reasons] == [q.id for q in chooser.questions if q.id in answers and answers_of[q.id][answers[q.id]].require]
        for out in result.excluded:
            req = answers_of[out.question][answers[out.question]].require
            assert req is not None and not meets(kind, out.id, req), (answers, out.id)
            assert not out.fact.ok and out.fact.text
        if 1 <= len(picked) <= 2:
            narrowed += 1
    assert combos == __import__("math").prod(len(q.answers) + 1 for q in chooser.questions)
    assert narrowed > 0, "no combination narrows the candidates to one or two"


def test_the_issue_example_leaves_tabular_cpu_algorithms_and_rules_out_protobuf_only_ones():
    chooser = CATALOG.choosers["built-in-algorithm"]
    result = evaluate(chooser, fact_table(CATALOG, chooser), {"problem": "binary", "format": "csv", "hardware": "cpu", "data": "tabular"})
    picked = {p.id for p in result.picks}
    assert {"xgboost", "linear-learner", "lightgbm", "catboost"} <= picked
    assert "factorization-machines" not in picked
    why = {x.id: x.fact.text for x in result.excluded}
    assert why["factorization-machines"] == "Training content types: RecordIO-protobuf; not CSV"
    assert result.undecided  # the data does not separate them; the page says so


def test_inference_limits_decide_with_their_documented_values():
    chooser = CATALOG.choosers["inference-option"]
    result = evaluate(chooser, fact_table(CATALOG, chooser), {"payload": "gb1", "time": "hour"})
    assert [p.id for p in result.picks] == ["sagemaker-async-inference"]
    why = {x.id: plain(x.fact.text) for x in result.excluded}
    assert why["sagemaker-serverless-inference"].startswith("Request and response payload: 4 MB, less than the 1 GB needed")
    assert why["sagemaker-batch-transform"].startswith("MaxPayloadInMB maximum: 100 MB")
    result = evaluate(chooser, fact_table(CATALOG, chooser), {"traffic": "idle", "gpu": "gpu", "waiting": "caller"})
    assert result.picks == []
    assert {x.id for x in result.excluded} == set(chooser.ids)


def test_advice_cites_aws_only_when_its_candidate_is_picked():
    chooser = CATALOG.choosers["built-in-algorithm"]
    table = fact_table(CATALOG, chooser)
    assert [chooser.advice[i].candidate for i in evaluate(chooser, table, {"problem": "forecast"}).advice] == ["deepar"]
    assert evaluate(chooser, table, {"problem": "clustering"}).advice == []
    assert [chooser.advice[i].candidate for i in evaluate(chooser, table, {"problem": "ranking", "hardware": "cpu"}).advice] == ["xgboost"]


@pytest.mark.parametrize("chooser_id", CHOOSERS)
def test_the_browser_script_agrees_with_python_on_every_combination(chooser_id):
    chooser = CATALOG.choosers[chooser_id]
    table = fact_table(CATALOG, chooser)
    sets = list(all_answer_sets(chooser))
    # Hand-edited addresses: an unknown answer or question is ignored by both.
    sets += [{"nope": "x"}, {chooser.questions[0].id: "not-an-answer"}]
    data = page_data(CATALOG, chooser_id)
    run = subprocess.run(["node", str(ROOT / "tests" / "choosers_eval.js")], input=json.dumps({"data": data, "answer_sets": sets}),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    from_js = json.loads(run.stdout)
    for answers, js in zip(sets, from_js, strict=True):
        py = evaluate(chooser, table, answers)
        assert js["picks"] == [[p.id, [q for q, _ in p.reasons]] for p in py.picks], answers
        assert js["excluded"] == [[x.id, x.question] for x in py.excluded], answers
        assert js["advice"] == py.advice, answers


def test_page_has_a_labelled_form_the_data_block_and_the_no_script_table():
    page = chooser_page(CATALOG, "inference-option")
    text = page.content
    assert page.src_path == "choose/inference-option.md"
    # Shown from the first paint where scripts run (the html element's js class), so it
    # moves nothing when the script arrives; hidden by CSS where they do not.
    assert '<div class="atlas-chooser" data-atlas-chooser="inference-option">' in text
    assert text.count("<fieldset") == 5 and text.count("<legend>") == 5
    for q in CATALOG.choosers["inference-option"].questions:
        for a in q.answers:
            assert f'<label for="ch-inference-option-{q.id}-{a.id}">' in text
    block = text.split("<script type=\"application/json\" data-atlas-chooser-data>")[1].split("</script>")[0]
    assert json.loads(block) == json.loads(json.dumps(page_data(CATALOG, "inference-option")))
    assert "## Every candidate and criterion" in text and "## Exam tips" in text
    table = overview_table(CATALOG, Linker(CATALOG, page.src_path), "inference-option")
    rows = {r[0].text: [c.text for c in r[1:]] for r in table.rows}
    assert rows["Amazon SageMaker Serverless Inference"][1] == "Up to 4 MB"  # request size column
    assert rows["Amazon SageMaker Asynchronous Inference"][1] == "Up to 4 MB; Up to 6 MB; Up to 100 MB; Up to 1 GB"


def test_text_from_data_is_escaped_in_the_form_and_the_data_block(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "choosers" / "data-store.yml"
    path.write_text(path.read_text().replace("label: \"Full-text search or log analytics\"",
                                             "label: \"Search in < 1 s & logs > 2 GB\""))
    catalog, problems = load_catalog(data, tmp_path)
    assert problems == []
    text = chooser_page(catalog, "data-store").content
    assert "< 1 s" not in text and "&lt; 1 s &amp; logs &gt; 2 GB" in text
    block = text.split("data-atlas-chooser-data>")[1].split("</script>")[0]
    assert "</script" not in block and "<" not in block
