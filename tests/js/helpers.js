// Shared by the engine tests: the practice modules as Node modules and a fake
// localStorage that can refuse writes the way browsers do.
const path = require("node:path");

const DIR = path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "practice");
const load = (name) => require(path.join(DIR, name));

class QuotaExceededError extends Error {
  constructor() { super("The quota has been exceeded."); this.name = "QuotaExceededError"; }
}

// A Storage with getItem/setItem that throws QuotaExceededError once `allowed` writes
// have been made (Infinity: never), like a full browser store.
function fakeStorage(initial = {}, allowed = Infinity) {
  const data = new Map(Object.entries(initial));
  let writes = 0;
  return {
    data,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => {
      if (writes >= allowed) throw new QuotaExceededError();
      writes += 1;
      data.set(k, String(v));
    },
    removeItem: (k) => data.delete(k),
    allow(n) { allowed = writes + n; },
  };
}

function card(due = "2026-01-01T00:00:00.000Z") {
  return { due, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1 };
}

module.exports = { load, fakeStorage, card, QuotaExceededError };
