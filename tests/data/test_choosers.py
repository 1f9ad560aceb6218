"""Guided choosers (macros/features/choosers, data/choosers): every combination of answers of every
chooser, judged against the data independently of the evaluator, its ranking included;
documented ranking cases; the browser's engine (docs/assets/javascripts/choosers/engine.js)
agrees with the Python evaluation on everything the page draws, for all of them, and its own
tests (tests/js/choosers.test.js) read the data block the generator writes; bad ranking
rules give problem lines; the generated page carries the form, the data block and the
no-script table.

Set UPDATE_GOLDEN=1 to rewrite the engine tests' data (tests/js/fixtures/) after an intended
change of the chooser data or of the data block, then read the diff before committing it.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import subprocess

import pytest
from conftest import ROOT, make_data, real_data

from macros.data.chooser_loading import candidate_ids, check_chooser, load_choosers
from macros.data.dataset import load_catalog
from macros.data.problems import format_problems
from macros.data.units import in_base
from macros.features.choosers import page
from macros.features.choosers.evaluate import all_answer_sets, evaluate, fact_table
from macros.features.choosers.page import chooser_page, overview_table, page_data, plain
from macros.site.render import Linker

CATALOG, PROBLEMS = real_data()
CHOOSERS = sorted(CATALOG.choosers) if CATALOG else []
JS_FIXTURES = ROOT / "tests" / "js" / "fixtures"
JS_FIXTURE_CHOOSERS = ["built-in-algorithm", "inference-option"]
"""The choosers whose data block the engine's own tests read: between them, exclusions,
ties, ranking by facts and by AWS's advice for one candidate, and advice."""


@functools.cache
def every_result(chooser_id: str) -> list:
    """(answers, the Python evaluation) for every combination of answers of a chooser,
    computed once per test worker for the tests that go through all of them."""
    chooser = CATALOG.choosers[chooser_id]
    table = fact_table(CATALOG, chooser)
    return [(answers, evaluate(chooser, table, answers)) for answers in all_answer_sets(chooser)]


def test_the_four_choosers_exist_and_the_data_is_clean():
    assert PROBLEMS == []
    assert CHOOSERS == ["built-in-algorithm", "data-store", "inference-option", "stream-service"]
    for cid in CHOOSERS:
        assert 2 <= len(CATALOG.choosers[cid].questions) <= 6


def meets(kind: str, entity_id: str, req) -> bool:
    """Whether the entity meets the constraint, read straight from its data (not through
    macros/data/facts.py)."""
    e = CATALOG.get(kind, entity_id)
    if kind == "algorithms":
        lists = {
            "problem_types": e.problem_types, "learning_types": e.learning_types, "modalities": e.modalities,
            "training_content_types": [ct for ch in e.training.channels for ct in ch.content_types],
            "input_modes": e.training.input_modes, "training_recommended": e.training.instances.recommended,
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
    candidates = candidate_ids(CATALOG, chooser)
    answers_of = {q.id: {a.id: a for a in q.answers} for q in chooser.questions}
    combos = 0
    narrowed = 0
    for answers, result in every_result(chooser_id):
        combos += 1
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
        # Ranking, recomputed from the data: the score of a pick is the sum of the weights of
        # the rules whose answers are given and whose fact (or candidate) it has.
        rules = [r for r in chooser.prefer if all(answers.get(q) == a for q, a in r.when.items())]

        def has(rule, cid):
            return cid == rule.candidate if rule.candidate else meets(kind, cid, rule.fact)

        score = {cid: sum(r.weight for r in rules if has(r, cid)) for cid in picked}
        assert picked == sorted(picked, key=lambda c: (-score[c], CATALOG.get(kind, c).name.casefold())), answers
        for pick in result.picks:
            assert pick.score == score[pick.id]
            assert pick.rank == 1 + sum(1 for c in picked if score[c] > score[pick.id])
            assert pick.tied_with == [c for c in picked if score[c] == score[pick.id] and c != pick.id]
            separating = [chooser.prefer.index(r) for r in rules if 0 < sum(has(r, c) for c in picked) < len(picked)]
            assert [n.rule for n in pick.notes] == separating, (answers, pick.id)
            for n in pick.notes:
                rule = chooser.prefer[n.rule]
                assert n.up == (has(rule, pick.id) == (rule.weight > 0))
                if has(rule, pick.id):
                    assert n.text == rule.reason  # AWS's reason, with its source
                elif rule.candidate:
                    assert n.text.endswith(CATALOG.get(kind, rule.candidate).name)
                else:
                    assert n.text and n.text != rule.reason  # the pick's own data, which lacks the fact
                assert n.source and n.source.startswith("https://docs.aws.amazon.com/")
        if 1 <= len(picked) <= 2:
            narrowed += 1
    assert combos == __import__("math").prod(len(q.answers) + 1 for q in chooser.questions)
    assert narrowed > 0, "no combination narrows the candidates to one or two"


def test_the_issue_example_ranks_by_documented_facts_and_autogluon_is_not_first():
    """Binary classification, tabular, CSV, CPU: seven algorithms fit. AWS names M5 CPU
    instances for training CatBoost, k-NN, LightGBM and XGBoost, so they rank first, tied
    (nothing recorded separates them; alphabetical); AWS names P3 GPUs for AutoGluon-Tabular
    and TabTransformer and no instance family for Linear Learner, so they rank lower."""
    chooser = CATALOG.choosers["built-in-algorithm"]
    result = evaluate(chooser, fact_table(CATALOG, chooser), {"problem": "binary", "format": "csv", "hardware": "cpu", "data": "tabular"})
    assert [(p.id, p.rank) for p in result.picks] == [
        ("catboost", 1), ("k-nn", 1), ("lightgbm", 1), ("xgboost", 1),
        ("autogluon-tabular", 5), ("linear-learner", 5), ("tabtransformer", 5)]
    top = result.picks[0]
    assert top.tied_with == ["k-nn", "lightgbm", "xgboost"]
    assert [f.short for _, f in top.reasons] == ["Binary classification", "Tabular data", "CSV input", "Trains on CPU"]
    assert [(n.up, n.text) for n in top.notes] == [(True, chooser.prefer[0].reason)]
    autogluon = next(p for p in result.picks if p.id == "autogluon-tabular")
    assert [(n.up, n.text) for n in autogluon.notes] == [(False, "AWS recommends for training: P3 (NVIDIA V100); not M5 (general purpose)")]
    linear = next(p for p in result.picks if p.id == "linear-learner")
    assert [n.text for n in linear.notes] == ["AWS recommends for training: none named; not M5 (general purpose)"]
    assert "factorization-machines" not in {p.id for p in result.picks}
    why = {x.id: x.fact.text for x in result.excluded}
    assert why["factorization-machines"] == "Training content types: RecordIO-protobuf; not CSV"
    assert result.undecided  # four tied first: the data does not separate them, and the page says so
    # Without the hardware answer no rule applies: every pick ties, alphabetically.
    loose = evaluate(chooser, fact_table(CATALOG, chooser), {"problem": "binary", "data": "tabular"})
    assert {p.rank for p in loose.picks} == {1} and all(p.notes == [] for p in loose.picks)
    assert [p.id for p in loose.picks] == sorted((p.id for p in loose.picks), key=lambda c: CATALOG.get("algorithms", c).name.casefold())


def test_gpu_training_favours_the_algorithms_aws_documents_on_p3():
    chooser = CATALOG.choosers["built-in-algorithm"]
    result = evaluate(chooser, fact_table(CATALOG, chooser), {"problem": "binary", "data": "tabular", "hardware": "gpu"})
    first = [p.id for p in result.picks if p.rank == 1]
    assert first == ["autogluon-tabular", "tabtransformer", "xgboost"]
    assert all("p3" in CATALOG.get("algorithms", c).training.instances.recommended for c in first)
    assert [n.up for n in result.picks[-1].notes] == [False]


def test_many_models_on_one_endpoint_ranks_multi_model_endpoints_first():
    chooser = CATALOG.choosers["inference-option"]
    table = fact_table(CATALOG, chooser)
    result = evaluate(chooser, table, {"models": "shared"})
    assert [(p.id, p.rank) for p in result.picks] == [("sagemaker-multi-model-endpoints", 1), ("sagemaker-real-time-endpoints", 2)]
    mme, real_time = result.picks
    assert mme.notes[0].up and mme.notes[0].source == "https://docs.aws.amazon.com/sagemaker/latest/dg/deploy-model-advanced.html"
    assert not real_time.notes[0].up
    assert plain(real_time.reasons[0][1].short) == "Serves many models from one endpoint"
    why = {x.id: x.fact.text for x in result.excluded}
    assert why["sagemaker-serverless-inference"].startswith("Serves many models from one endpoint: no")
    # Different frameworks: AWS points to multi-container endpoints (the same entity).
    mixed = evaluate(chooser, table, {"models": "mixed", "gpu": "gpu"})
    assert [p.id for p in mixed.picks] == ["sagemaker-multi-model-endpoints", "sagemaker-real-time-endpoints"]
    assert "multi-container" in mixed.picks[0].notes[0].text
    # Too large for any endpoint that hosts many models.
    assert evaluate(chooser, table, {"models": "shared", "payload": "mb100"}).picks == []


def test_idle_traffic_ranks_serverless_first_and_ties_the_rest():
    chooser = CATALOG.choosers["inference-option"]
    result = evaluate(chooser, fact_table(CATALOG, chooser), {"traffic": "idle"})
    assert result.picks[0].id == "sagemaker-serverless-inference" and result.picks[0].rank == 1
    rest = result.picks[1:]
    assert len(rest) == 2 and {p.rank for p in rest} == {2}
    assert rest[0].tied_with == [rest[1].id] and rest[1].tied_with == [rest[0].id]


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


def page_view(result, fact_html=functools.cache(page.fact_html)) -> dict:
    """Everything a chooser page draws from one Python evaluation, in the form
    tests/choosers_eval.js gives the engine's: facts and notes as the data block words them."""
    def fact(f):
        return [fact_html(f.short or f.text), f.source]

    return {
        "picks": [[p.id, [[q, *fact(f)] for q, f in p.reasons], p.score, p.rank, p.tied_with,
                   [[n.rule, int(n.up), fact_html(n.text), n.source, html.escape(n.title) if n.title else None] for n in p.notes]]
                  for p in result.picks],
        "excluded": [[x.id, x.question, fact_html(x.fact.text)] for x in result.excluded],
        "advice": result.advice,
        "undecided": result.undecided,
    }


def view_digest(view: dict) -> str:
    """The digest tests/choosers_eval.js computes: SHA-1 of the view as compact JSON."""
    text = json.dumps(view, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def engine_views(runs: list[tuple[str, list[dict]]], full: bool) -> list[list]:
    """The engine's view (full) or its digest of each answer set, per chooser, from one Node run."""
    payload = [{"data": page_data(CATALOG, cid), "answer_sets": sets} for cid, sets in runs]
    run = subprocess.run(["node", str(ROOT / "tests" / "choosers_eval.js")] + (["--full"] if full else []),
                         input=json.dumps({"choosers": payload}), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def answer_sets(chooser_id: str) -> list[dict]:
    """Every combination, then hand-edited addresses: an unknown answer or question is
    ignored by both sides."""
    chooser = CATALOG.choosers[chooser_id]
    return [answers for answers, _ in every_result(chooser_id)] + [{"nope": "x"}, {chooser.questions[0].id: "not-an-answer"}]


@pytest.fixture(scope="module")
def engine_digests() -> dict[str, list[str]]:
    """The engine's digests for every answer set of every chooser (one Node run)."""
    return dict(zip(CHOOSERS, engine_views([(cid, answer_sets(cid)) for cid in CHOOSERS], full=False), strict=True))


@pytest.mark.parametrize("chooser_id", CHOOSERS)
def test_the_browser_engine_agrees_with_python_on_every_combination(chooser_id, engine_digests):
    """Both sides reduce what the page draws from each answer set to a digest; where one
    differs, the two views are compared in full, so a failure shows the difference."""
    chooser = CATALOG.choosers[chooser_id]
    table = fact_table(CATALOG, chooser)
    results = dict(enumerate(r for _, r in every_result(chooser_id)))
    sets = answer_sets(chooser_id)
    assert len(engine_digests[chooser_id]) == len(sets) > 2
    differing = []
    for i, (answers, digest) in enumerate(zip(sets, engine_digests[chooser_id], strict=True)):
        result = results[i] if i in results else evaluate(chooser, table, answers)
        if view_digest(page_view(result)) != digest:
            differing.append((answers, page_view(result)))
    if differing:
        differing = differing[:5]
        (js,) = engine_views([(chooser_id, [answers for answers, _ in differing])], full=True)
        for (answers, py), view in zip(differing, js, strict=True):
            assert view == py, answers
        pytest.fail(f"digests differ but the views agree for {[answers for answers, _ in differing]}")


def test_the_digests_stand_for_full_views_of_what_the_page_draws(engine_digests):
    """The comparison above is only as good as the views behind the digests: for answer
    sets with ties, notes both ways, exclusions and advice, the engine's full view is the
    Python one and its digest is the one the engine gave."""
    chooser = CATALOG.choosers["built-in-algorithm"]
    cases = [{"problem": "binary", "data": "tabular", "format": "csv", "hardware": "cpu"}, {"problem": "forecast"}]
    sets = answer_sets("built-in-algorithm")
    js = engine_views([("built-in-algorithm", cases)], full=True)[0]
    for answers, view in zip(cases, js, strict=True):
        assert view == page_view(evaluate(chooser, fact_table(CATALOG, chooser), answers)), answers
        assert view_digest(view) == engine_digests["built-in-algorithm"][sets.index(answers)]
    issue, forecast = js
    assert len(issue["picks"]) == 7 and issue["excluded"] and all(p[1] for p in issue["picks"])
    assert {n[1] for p in issue["picks"] for n in p[5]} == {0, 1} and issue["picks"][0][4]
    assert forecast["advice"] == [0]


def js_fixture_text(data: dict) -> str:
    """A chooser's data block as the engine tests keep it: JSON, one candidate, rule or
    advice per line, so that a change to one candidate's facts is a one-line diff."""
    def one(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            lines.append(f"{one(key)}:[\n" + ",\n".join(one(v) for v in value) + "]")
        else:
            lines.append(f"{one(key)}:{one(value)}")
    return "{" + ",\n".join(lines) + "}\n"


@pytest.mark.parametrize("chooser_id", JS_FIXTURE_CHOOSERS)
def test_the_engine_tests_read_the_data_block_the_generator_writes(chooser_id):
    """tests/js/choosers.test.js runs the engine on these files (node --test needs no
    Python): each is the data block of the generated page, as the browser parses it."""
    text = chooser_page(CATALOG, chooser_id).content
    block = json.loads(text.split("<script type=\"application/json\" data-atlas-chooser-data>")[1].split("</script>")[0])
    path = JS_FIXTURES / f"chooser-{chooser_id}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(js_fixture_text(block), encoding="utf-8")
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run UPDATE_GOLDEN=1 pytest tests/data/test_choosers.py -k data_block"
    assert json.loads(path.read_text(encoding="utf-8")) == block, (
        f"{path.relative_to(ROOT)} is not what the generator writes now: run "
        "UPDATE_GOLDEN=1 pytest tests/data/test_choosers.py -k data_block and read the diff")
    assert path.read_text(encoding="utf-8") == js_fixture_text(block)


def test_page_has_a_labelled_form_the_data_block_and_the_no_script_table():
    generated = chooser_page(CATALOG, "inference-option")
    text = generated.content
    assert generated.src_path == "choose/inference-option.md"
    # Shown from the first paint where scripts run (the html element's js class), so it
    # moves nothing when the script arrives; hidden by CSS where they do not.
    assert '<div class="atlas-chooser" data-atlas-chooser="inference-option">' in text
    assert text.count("<fieldset") == 6 and text.count("<legend>") == 6
    for q in CATALOG.choosers["inference-option"].questions:
        for a in q.answers:
            assert f'<label for="ch-inference-option-{q.id}-{a.id}">' in text
    block = text.split("<script type=\"application/json\" data-atlas-chooser-data>")[1].split("</script>")[0]
    assert json.loads(block) == json.loads(json.dumps(page_data(CATALOG, "inference-option")))
    assert "## Every candidate and criterion" in text and "## Exam tips" in text
    table = overview_table(CATALOG, Linker(CATALOG, generated.src_path), "inference-option")
    rows = {r[0].text: [c.text for c in r[1:]] for r in table.rows}
    assert rows["Amazon SageMaker Serverless Inference"][1] == "Up to 4 MB"  # request size column
    assert rows["Amazon SageMaker Asynchronous Inference"][1] == "Up to 4 MB; Up to 6 MB; Up to 100 MB; Up to 1 GB"
    assert rows["Amazon SageMaker Asynchronous Inference"][5] == "none"  # models column: one model per endpoint
    # The overview is a disclosure that starts open (no script) and that choosers/ui.js folds.
    assert '<details class="atlas-chooser__overview" data-atlas-chooser-overview open markdown>' in text


def test_text_from_data_is_escaped_in_the_form_and_the_data_block(tmp_path):
    import copy

    # The edited chooser is loaded and checked against the real catalogue exactly as
    # load_catalog does it (load_choosers, then check_chooser), without reloading the rest
    # of data/, which the edit does not touch.
    data = tmp_path / "data"
    (data / "choosers").mkdir(parents=True)
    path = data / "choosers" / "data-store.yml"
    path.write_text((ROOT / "data" / "choosers" / "data-store.yml").read_text().replace(
        "label: \"Full-text search or log analytics\"", "label: \"Search in < 1 s & logs > 2 GB\""))
    choosers, files, problems = load_choosers(data, tmp_path)
    problems += check_chooser(CATALOG, "data-store", choosers["data-store"], files["data-store"], set())
    assert problems == []
    catalog = copy.copy(CATALOG)
    catalog.choosers = {**CATALOG.choosers, **choosers}
    catalog.chooser_files = {**CATALOG.chooser_files, **files}
    text = chooser_page(catalog, "data-store").content
    assert "< 1 s" not in text and "&lt; 1 s &amp; logs &gt; 2 GB" in text
    block = text.split("data-atlas-chooser-data>")[1].split("</script>")[0]
    assert "</script" not in block and "<" not in block


def test_bad_ranking_rules_are_problem_lines(tmp_path):
    """A prefer rule names a fact or a candidate, a weight other than 0, and answers that exist."""
    overlay = tmp_path / "overlay" / "choosers"
    overlay.mkdir(parents=True)
    (overlay / "rank-fixture.yml").write_text("""name: Rank fixture
nav_title: Rank fixture
summary: A chooser over the fixture algorithms whose ranking rules are wrong.
candidates: algorithms
questions:
  - id: hardware
    text: What must it train on?
    short: Hardware
    answers:
      - {id: cpu, label: CPU, require: {attribute: training_cpu, is: true}}
      - {id: gpu, label: GPU, require: {attribute: training_gpu, is: true}}
  - id: data
    text: What data?
    short: Data
    answers:
      - {id: tabular, label: Tabular, require: {attribute: modalities, has: tabular}}
      - {id: other, label: Other}
prefer:
  - {fact: {attribute: training_recomended, has: m5}, weight: 2, reason: Fixture reason., source: {title: Fixture, url: "https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html"}}
  - {candidate: gamma, weight: 1, reason: Fixture reason., source: {title: Fixture, url: "https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html"}}
  - {candidate: alpha, fact: {attribute: training_cpu, is: true}, weight: 1, reason: Fixture reason., source: {title: Fixture, url: "https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html"}}
  - {candidate: alpha, when: {hardware: tpu}, weight: 0, reason: Fixture reason., source: {title: Fixture, url: "https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html"}}
  - {fact: {attribute: training_recommended, has: m55}, weight: 11, reason: Fixture reason., source: {title: Fixture, url: "https://docs.aws.amazon.com/sagemaker/latest/dg/algos.html"}}
""")
    data = make_data(tmp_path, tmp_path / "overlay")
    catalog, problems = load_catalog(data, tmp_path)
    assert catalog is None
    assert format_problems(problems).splitlines() == [
        "data/choosers/rank-fixture.yml: chooser 'rank-fixture': prefer[0].fact.attribute: unknown attribute 'training_recomended'; expected one of: "
        "problem_types, learning_types, modalities, training_content_types, input_modes, training_recommended, training_cpu, training_gpu, "
        "multi_instance, inference_cpu, inference_gpu",
        "    hint: did you mean 'training_recommended'?",
        "data/choosers/rank-fixture.yml: chooser 'rank-fixture': prefer[1].candidate: 'gamma' is not one of this chooser's candidates",
        "data/choosers/rank-fixture.yml: chooser 'rank-fixture': prefer[2]: expected exactly one of fact (a fact that favours candidates) "
        "or candidate (the one AWS's advice names)",
        "data/choosers/rank-fixture.yml: chooser 'rank-fixture': prefer[3].weight: expected a whole number from -10 to 10 other than 0 "
        "(positive favours, negative counts against); got 0",
        "data/choosers/rank-fixture.yml: chooser 'rank-fixture': prefer[3].when.hardware: question 'hardware' has no answer 'tpu'; its answers are cpu, gpu",
        "    hint: did you mean 'gpu'?",
        "data/choosers/rank-fixture.yml: chooser 'rank-fixture': prefer[4].fact.has: expected a term of the 'instance-families' vocabulary "
        "(data/vocab/instance-families.yml); got 'm55'",
        "    hint: did you mean 'm5'?",
        "data/choosers/rank-fixture.yml: chooser 'rank-fixture': prefer[4].weight: expected a whole number from -10 to 10 other than 0 "
        "(positive favours, negative counts against); got 11",
        "7 problems in 1 file",
    ]
