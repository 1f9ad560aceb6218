// The chooser engine (docs/assets/javascripts/choosers/engine.js) on the data blocks the
// generator writes for two real choosers (tests/js/fixtures/, kept equal to the generated
// pages by tests/data/test_choosers.py): exclusions with the fact that rules each candidate out,
// ties said to be ties, ranking by the `prefer` rules, advice, and answers that are empty,
// unknown or hand-edited into the address.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const engine = require(path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "choosers", "engine.js"));
const algorithms = require("./fixtures/chooser-built-in-algorithm.json");
const inference = require("./fixtures/chooser-inference-option.json");

// The example: binary classification on tabular CSV data, trained on CPU.
const TABULAR_CPU = { problem: "binary", data: "tabular", format: "csv", hardware: "cpu" };
const M5_SOURCE = "https://docs.aws.amazon.com/sagemaker/latest/dg/cmn-info-instance-types.html";

const ids = (list) => list.map((x) => x.id);
const name = (data, id) => data.candidates.find((c) => c.id === id).name;
const copy = (data) => JSON.parse(JSON.stringify(data));

test("a candidate that fails an answer is excluded with the fact that rules it out", () => {
  const r = engine.evaluate(algorithms, TABULAR_CPU);
  const why = Object.fromEntries(r.excluded.map((x) => [x.id, [x.question, x.fact[0], x.fact[1]]]));
  assert.deepEqual(why["factorization-machines"], ["format", 0, "Training content types: RecordIO-protobuf; not CSV"]);
  assert.deepEqual(why["image-classification-tensorflow"], ["data", 0, "Data: Image; not Tabular"]);
  // DeepAR fails the problem and the format: the first answer in question order is named.
  assert.deepEqual(why.deepar, ["problem", 0, "Problem types: Time-series forecasting; not Binary classification"]);
  assert.deepEqual(engine.evaluate(algorithms, { format: "csv" }).excluded.find((x) => x.id === "deepar").fact,
    [0, "Training content types: JSON Lines, Parquet; not CSV", null]);
  // Every candidate is either a pick or excluded, once.
  assert.deepEqual([...ids(r.picks), ...ids(r.excluded)].sort(), ids(algorithms.candidates).sort());
  assert.equal(r.excluded.length, 17);
});

test("a pick lists the fact that met each answer, in question order", () => {
  const xgboost = engine.evaluate(algorithms, { hardware: "cpu", problem: "binary" }).picks.find((p) => p.id === "xgboost");
  assert.deepEqual(xgboost.reasons.map((r) => [r[0], r[1][0], r[1][1]]),
    [["problem", 1, "Binary classification"], ["hardware", 1, "Trains on CPU"]]);
});

test("picks are ranked by the prefer rules for the answers given; equal scores are ties, alphabetically", () => {
  const r = engine.evaluate(algorithms, TABULAR_CPU);
  assert.deepEqual(r.picks.map((p) => [p.id, p.score, p.rank]), [
    ["catboost", 2, 1], ["k-nn", 2, 1], ["lightgbm", 2, 1], ["xgboost", 2, 1],
    ["autogluon-tabular", 0, 5], ["linear-learner", 0, 5], ["tabtransformer", 0, 5]]);
  assert.deepEqual(r.picks[0].tiedWith, ["k-nn", "lightgbm", "xgboost"]);
  assert.deepEqual(r.picks[6].tiedWith, ["autogluon-tabular", "linear-learner"]);
  // Four tied first is more than a shortlist: the data cannot separate them.
  assert.equal(r.undecided, true);
  // The rule separates the picks, so each says why: AWS's reason for those it favours, the
  // pick's own fact for the others.
  assert.deepEqual(r.picks[3].notes, [[0, 1, "AWS names general-purpose M5 instances for training it on CPU", M5_SOURCE,
    "Instance types for built-in algorithms"]]);
  assert.deepEqual(r.picks[4].notes.map((n) => [n[1], n[2]]), [[0, "AWS recommends for training: P3 (NVIDIA V100); not M5 (general purpose)"]]);
  assert.deepEqual(r.picks[5].notes.map((n) => [n[1], n[2]]), [[0, "AWS recommends for training: none named; not M5 (general purpose)"]]);

  const gpu = engine.evaluate(algorithms, { problem: "binary", data: "tabular", hardware: "gpu" });
  assert.deepEqual(gpu.picks.filter((p) => p.rank === 1).map((p) => p.id), ["autogluon-tabular", "tabtransformer", "xgboost"]);
  assert.equal(gpu.undecided, true);
  // Two tied first fit a shortlist: the page offers them without saying the data gives up.
  const two = engine.evaluate(algorithms, { labels: "labelled", format: "protobuf", hardware: "cpu" });
  assert.deepEqual(two.picks.map((p) => [p.id, p.rank]), [["k-nn", 1], ["xgboost", 1], ["factorization-machines", 3], ["linear-learner", 3]]);
  assert.equal(two.undecided, false);
});

test("ties are alphabetical by name whatever the order of the candidates in the data", () => {
  const reversed = copy(algorithms);
  reversed.candidates.reverse();
  assert.deepEqual(engine.evaluate(reversed, TABULAR_CPU).picks, engine.evaluate(algorithms, TABULAR_CPU).picks);
  // The data block lists the inference options in catalogue order, not by name.
  const idle = engine.evaluate(inference, { traffic: "idle" });
  const tied = idle.picks.slice(1).map((p) => p.id);
  assert.deepEqual(tied.map((id) => name(inference, id)), tied.map((id) => name(inference, id)).sort());
  const inData = inference.candidates.map((c) => c.id).filter((id) => tied.includes(id));
  assert.notDeepEqual(inData, tied);
});

test("a rule applies only when its answers are given, and says nothing when it does not separate the picks", () => {
  const loose = engine.evaluate(algorithms, { problem: "binary", data: "tabular" });
  assert.ok(loose.picks.every((p) => p.rank === 1 && p.score === 0 && p.notes.length === 0));
  assert.deepEqual(ids(loose.picks), ids(loose.picks).slice().sort((a, b) => name(algorithms, a).localeCompare(name(algorithms, b))));
  // Among candidates that all meet it, a rule separates nothing: each scores its weight, all
  // tie, and no pick carries a note.
  const m5Only = copy(algorithms);
  m5Only.candidates = m5Only.candidates.filter((c) => ["catboost", "lightgbm", "xgboost"].includes(c.id));
  const r = engine.evaluate(m5Only, TABULAR_CPU);
  assert.ok(r.picks.every((p) => p.score === 2 && p.rank === 1 && p.notes.length === 0), JSON.stringify(r.picks));
  assert.equal(r.undecided, true);
});

test("a negative weight counts against the picks that meet the rule", () => {
  const against = copy(algorithms);
  against.prefer[0].weight = -2;
  const r = engine.evaluate(against, TABULAR_CPU);
  assert.deepEqual(r.picks.map((p) => [p.id, p.rank]), [
    ["autogluon-tabular", 1], ["linear-learner", 1], ["tabtransformer", 1],
    ["catboost", 4], ["k-nn", 4], ["lightgbm", 4], ["xgboost", 4]]);
  assert.equal(r.picks[3].score, -2);
});

test("AWS's advice for one candidate ranks it first and explains the others", () => {
  const shared = engine.evaluate(inference, { models: "shared" });
  assert.deepEqual(shared.picks.map((p) => [p.id, p.rank]), [["sagemaker-multi-model-endpoints", 1], ["sagemaker-real-time-endpoints", 2]]);
  const [mme, realTime] = shared.picks;
  assert.equal(mme.notes[0][1], 1);
  assert.equal(mme.notes[0][3], "https://docs.aws.amazon.com/sagemaker/latest/dg/deploy-model-advanced.html");
  assert.equal(realTime.notes[0][1], 0);
  // Text arrives as HTML the build escaped.
  assert.equal(realTime.notes[0][2], "AWS&#x27;s advice for these answers favours " + name(inference, "sagemaker-multi-model-endpoints"));
  assert.equal(shared.undecided, false);
  const idle = engine.evaluate(inference, { traffic: "idle" });
  assert.equal(idle.picks[0].id, "sagemaker-serverless-inference");
  assert.deepEqual(idle.picks.slice(1).map((p) => [p.rank, p.tiedWith.length]), [[2, 1], [2, 1]]);
  assert.deepEqual(idle.picks[1].tiedWith, [idle.picks[2].id]);
});

test("advice shows when its answers are given and its candidate is a pick", () => {
  const adviceFor = (answers) => engine.evaluate(algorithms, answers).advice.map((i) => algorithms.advice[i].candidate);
  assert.deepEqual(adviceFor({ problem: "forecast" }), ["deepar"]);
  assert.deepEqual(adviceFor({ problem: "forecast", format: "csv" }), []); // DeepAR ruled out
  assert.deepEqual(adviceFor({ problem: "clustering" }), []);
  assert.deepEqual(adviceFor({ problem: "ranking" }), []); // the XGBoost advice is about CPU
  assert.deepEqual(adviceFor({ problem: "ranking", hardware: "cpu" }), ["xgboost"]);
});

test("no candidate fits: every one is excluded and nothing is undecided", () => {
  const r = engine.evaluate(inference, { traffic: "idle", gpu: "gpu", waiting: "caller" });
  assert.deepEqual(r.picks, []);
  assert.deepEqual(ids(r.excluded), ids(inference.candidates));
  assert.equal(r.undecided, false);
  assert.deepEqual(engine.sharedReasons(r.picks), []);
});

test("no answers, unknown questions and unknown answers leave every candidate in", () => {
  const none = engine.evaluate(algorithms, {});
  assert.equal(none.picks.length, algorithms.candidates.length);
  assert.deepEqual(none.excluded, []);
  assert.ok(none.picks.every((p) => p.rank === 1 && p.reasons.length === 0));
  assert.deepEqual(ids(none.picks), algorithms.candidates.slice().sort((a, b) => a.order - b.order).map((c) => c.id));
  assert.equal(none.picks[0].id, "autogluon-tabular");
  // (An address such as ?problem=constructor must not reach the object's own properties.)
  for (const odd of [{ nope: "x" }, { problem: "not-an-answer" }, { problem: "" }, { problem: "binary ", hardware: "CPU" },
    { problem: "constructor", hardware: "__proto__" }, { data: "toString" }]) {
    assert.deepEqual(engine.evaluate(algorithms, odd), none, JSON.stringify(odd));
  }
  // An unknown answer is ignored, the known one beside it still counts.
  assert.deepEqual(engine.evaluate(algorithms, { problem: "nope", hardware: "gpu" }), engine.evaluate(algorithms, { hardware: "gpu" }));
});

test("the facts every pick shares are named once, the others per pick", () => {
  const r = engine.evaluate(algorithms, TABULAR_CPU);
  assert.deepEqual(engine.sharedReasons(r.picks), ["problem", "data", "format", "hardware"]);
  // A fact worded differently for some pick is not shared...
  const small = engine.evaluate(inference, { payload: "mb6" });
  assert.ok(new Set(small.picks.map((p) => p.reasons[0][1][1])).size > 1);
  assert.deepEqual(engine.sharedReasons(small.picks), []);
  // ...nor one worded alike with different sources.
  const slow = engine.evaluate(inference, { time: "minutes15" });
  assert.deepEqual(slow.picks.map((p) => p.reasons[0][1][1]), ["Longest processing per request: 1 hour", "Longest processing per request: 1 hour"]);
  assert.notEqual(slow.picks[0].reasons[0][1][2], slow.picks[1].reasons[0][1][2]);
  assert.deepEqual(engine.sharedReasons(slow.picks), []);
  // One pick: nothing is "shared".
  assert.deepEqual(engine.sharedReasons(engine.evaluate(inference, { payload: "gb1", time: "hour" }).picks), []);
});

test("answers come from the address and go back into it, other parameters kept", () => {
  assert.deepEqual(engine.readAnswers(algorithms, "?problem=binary&hardware=tpu&data=tabular&utm=x"), { problem: "binary", data: "tabular" });
  assert.deepEqual(engine.readAnswers(algorithms, ""), {});
  const query = engine.writeAnswers(algorithms, { problem: "forecast", hardware: "cpu" }, "?problem=binary&data=tabular&utm=x");
  assert.equal(query, "problem=forecast&utm=x&hardware=cpu");
  assert.deepEqual(engine.readAnswers(algorithms, "?" + query), { problem: "forecast", hardware: "cpu" });
  assert.equal(engine.writeAnswers(algorithms, {}, "?problem=binary"), "");
});
