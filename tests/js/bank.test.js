// The bank as the pages read it: format 2, and format 1 until every build writes 2.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers.js");

const bankLib = load("bank.js");

test("the bank reads v1 and v2 alike; right means exactly the right set", () => {
  const v1 = bankLib.normalize({ version: 1, topics: [], exams: [
    { id: "mla-c01", code: "MLA-C01", status: "retired", domains: [], format: { questions: 65, minutes: 130, source: "https://aws.amazon.com/x" } },
    { id: "aif-c01", code: "AIF-C01", status: "active", domains: [], format: { questions: 65, minutes: 90, source: "https://aws.amazon.com/y" } },
    { id: "dea-c01", code: "DEA-C01", status: "active", domains: [] }],
  questions: [{ id: "q-1", type: "task", options: ["a", "b", "c", "d"], answer: 2, domains: [] }] });
  assert.deepEqual(v1.exams.map((e) => e.simulate), [false, true, true]);
  assert.equal(v1.exams[2].format, null); // listed, but without figures it cannot be sat
  assert.equal(v1.exams[1].format.confirmed, false);
  const q = v1.questions[0];
  assert.deepEqual([q.answers, q.choose, q.style, q.reasons], [[2], 1, "exam", null]);
  const v2 = bankLib.normalize({ version: 2, topics: [], exams: [
    { id: "mla-c01", status: "retired", simulate: false, domains: [], format: { questions: 65, minutes: 130, source: "https://aws.amazon.com/x", confirmed: true } }],
  questions: [{ id: "q-2", style: "recall", options: ["a", "b", "c", "d", "e"], answers: [0, 3], choose: 2,
    reasons: [1, 2, 3, 4, 5].map((n) => ({ text: "r" + n, url: null, source: null })), domains: [] }] });
  assert.equal(v2.exams[0].simulate, false);
  assert.equal(v2.practice.length, 0); // recall questions are not practice questions
  const m = v2.questions[0];
  assert.ok(bankLib.isRight(m, [3, 0]));
  assert.ok(!bankLib.isRight(m, [0]));
  assert.ok(!bankLib.isRight(m, [0, 3, 4]));
  assert.equal(bankLib.chooseText(2), "Choose two.");
});

test("the index reads like a bank of names: every style's ids known, exam-style ones to practise", () => {
  const index = bankLib.normalizeIndex({ version: 2, topics: [{ id: "t", name: "T" }], exams: [
    { id: "aif-c01", code: "AIF-C01", status: "active", simulate: true, domains: [{ number: 1, name: "D", weight: 100 }],
      format: { questions: 65, minutes: 90, source: "https://aws.amazon.com/y", confirmed: true } }],
  questions: [
    { id: "q-1", style: "exam", topic: "t", domains: ["aif-c01/1"], prompt: "Which `x`?" },
    { id: "q-2", style: "recall", topic: "t", domains: ["aif-c01/1"], prompt: "Recall" },
    { id: "q-3", topic: "t", prompt: "A v1 question" }] });
  assert.deepEqual(Object.keys(index.byId), ["q-1", "q-2", "q-3"]);
  assert.deepEqual(index.practice.map((q) => q.id), ["q-1", "q-3"]); // no style: exam, as in v1
  assert.deepEqual(index.byId["q-3"].domains, []);
  assert.equal(index.byId["q-1"].prompt, "Which `x`?");
  assert.equal(index.examsById["aif-c01"].format.confirmed, true);
  assert.throws(() => bankLib.normalizeIndex({ exams: [] }), /question index is damaged/);
});
