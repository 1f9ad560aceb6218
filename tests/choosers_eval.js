// Runs the chooser engine (docs/assets/javascripts/choosers/engine.js) over the answer sets
// given on stdin, {choosers: [{data, answer_sets}]}, and prints, as JSON, per chooser and
// answer set, the SHA-1 of everything the page draws from the result (a view), or with
// --full the views themselves. tests/data/test_choosers.py builds the same view from the Python
// evaluation and compares the two.
const crypto = require("node:crypto");
const path = require("node:path");
const engine = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "choosers", "engine.js"));

const full = process.argv.includes("--full");

function view(data, answers) {
  const r = engine.evaluate(data, answers);
  return {
    picks: r.picks.map((p) => [p.id, p.reasons.map((x) => [x[0], x[1][1], x[1][2]]), p.score, p.rank, p.tiedWith,
      p.notes.map((n) => [n[0], n[1], n[2], n[3], n[4]])]),
    excluded: r.excluded.map((x) => [x.id, x.question, x.fact[1]]),
    advice: r.advice,
    undecided: r.undecided,
  };
}

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const out = JSON.parse(input).choosers.map(({ data, answer_sets }) => answer_sets.map((answers) => {
    const v = view(data, answers);
    return full ? v : crypto.createHash("sha1").update(JSON.stringify(v), "utf8").digest("hex");
  }));
  process.stdout.write(JSON.stringify(out));
});
