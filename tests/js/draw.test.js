// The exam draw: places by domain weight, no repeats, short domains give way.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers.js");

const draw = load("draw.js");

function seeded(seed) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}

const exam = { id: "mla-c02", domains: [
  { number: 1, name: "Data", weight: 28 }, { number: 2, name: "Models", weight: 26 },
  { number: 3, name: "Deploy", weight: 22 }, { number: 4, name: "Monitor", weight: 24 }] };

function questions(perDomain) {
  const out = [];
  perDomain.forEach((n, d) => {
    for (let i = 0; i < n; i++) out.push({ id: `q-${d + 1}-${i}`, style: "exam", scenario: i % 2 === 0, domains: [`mla-c02/${d + 1}`] });
  });
  return out;
}

test("places per domain follow the weights by largest remainder and sum to the count", () => {
  assert.deepEqual(draw.shares(exam.domains, 65).map((s) => s.n), [18, 17, 14, 16]);
  assert.deepEqual(draw.shares(exam.domains, 5).map((s) => s.n), [2, 1, 1, 1]);
  for (let n = 0; n <= 100; n++) assert.equal(draw.shares(exam.domains, n).reduce((a, s) => a + s.n, 0), n);
});

test("a full sitting has the exam's count, by weight, without repeats", () => {
  const items = draw.drawExam(exam, questions([40, 40, 40, 40]), 65, seeded(7));
  assert.equal(items.length, 65);
  assert.equal(new Set(items.map((x) => x.q.id)).size, 65);
  const per = [1, 2, 3, 4].map((d) => items.filter((x) => x.domain.number === d).length);
  assert.deepEqual(per, [18, 17, 14, 16]);
  items.forEach((x) => assert.ok(x.q.domains.includes(`mla-c02/${x.domain.number}`)));
});

test("a short domain gives its places to the others; recall questions and other exams are never drawn", () => {
  const qs = questions([3, 40, 40, 40]);
  qs.push({ id: "q-recall", style: "recall", domains: ["mla-c02/1"] });
  qs.push({ id: "q-other", style: "exam", domains: ["aif-c01/1"] });
  const items = draw.drawExam(exam, qs, 65, seeded(3));
  assert.equal(items.length, 65);
  assert.equal(items.filter((x) => x.domain.number === 1).length, 3);
  assert.ok(!items.some((x) => x.q.id === "q-recall" || x.q.id === "q-other"));
  assert.equal(draw.drawExam(exam, questions([2, 2, 0, 1]), 65).length, 5); // the pool is all there is
});

test("a question in two domains is drawn once", () => {
  const qs = [{ id: "q-both", style: "exam", domains: ["mla-c02/1", "mla-c02/2"] }];
  assert.equal(draw.drawExam(exam, qs, 4).length, 1);
});
