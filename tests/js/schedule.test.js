// FSRS scheduling through the vendored ts-fsrs (the same package, from node_modules).
const test = require("node:test");
const assert = require("node:assert/strict");
const FSRS = require("ts-fsrs");
const { load, card } = require("./helpers.js");

const schedule = load("schedule.js");
const store = load("store.js");

test("a wrong answer comes back sooner than a right one, and records stay valid", () => {
  const s = schedule.createScheduler(FSRS);
  const now = new Date("2026-03-01T10:00:00Z");
  const right = s.review(null, true, now);
  const wrong = s.review(null, false, now);
  assert.ok(Date.parse(wrong.due) < Date.parse(right.due));
  assert.equal(Date.parse(wrong.due) - now.getTime(), 60 * 1000); // Again: one minute
  assert.equal(Date.parse(right.due) - now.getTime(), 10 * 60 * 1000); // Good: ten minutes
  const doc = { format: store.FORMAT, version: store.VERSION, cards: { "q-0000000001": right, "q-0000000002": wrong } };
  assert.equal(store.progressProblem(JSON.parse(JSON.stringify(doc))), null);
});

test("answers right again and again push the card further out", () => {
  const s = schedule.createScheduler(FSRS);
  let t = new Date("2026-03-01T10:00:00Z");
  let record = null;
  const gaps = [];
  for (let i = 0; i < 5; i++) {
    record = s.review(record, true, t);
    gaps.push(Date.parse(record.due) - t.getTime());
    t = new Date(record.due);
  }
  for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] >= gaps[i - 1], gaps.join(" "));
  assert.ok(gaps[4] > 24 * 3600 * 1000);
  const lapsed = s.review(record, false, t);
  assert.equal(lapsed.lapses, 1);
  assert.ok(Date.parse(lapsed.due) - t.getTime() < gaps[4]);
});

test("due ids: only known questions, the longest overdue first; a session puts due before new", () => {
  const now = Date.parse("2026-03-02T00:00:00Z");
  const doc = { cards: {
    "q-0000000001": card("2026-03-01T12:00:00Z"), "q-0000000002": card("2026-02-01T00:00:00Z"),
    "q-0000000003": card("2026-04-01T00:00:00Z"), "q-00000000ff": card("2026-01-01T00:00:00Z") } };
  const known = (id) => id !== "q-00000000ff";
  assert.deepEqual(schedule.dueIds(doc, known, now), ["q-0000000002", "q-0000000001"]);
  const pool = ["q-0000000003", "q-0000000009", "q-0000000001", "q-0000000002"];
  const order = schedule.order(pool, doc, now, 3, (l) => l.slice());
  assert.deepEqual(order, ["q-0000000001", "q-0000000002", "q-0000000009"]);
});
