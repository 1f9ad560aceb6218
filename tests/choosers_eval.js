// Runs docs/assets/javascripts/choosers.js's evaluate over answer sets given on stdin
// ({data, answer_sets}) and prints, as JSON, everything the page draws from each result
// (tests/test_choosers.py compares it with the Python evaluation).
const path = require("path");
const chooser = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "choosers.js"));
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { data, answer_sets } = JSON.parse(input);
  const out = answer_sets.map((answers) => {
    const r = chooser.evaluate(data, answers);
    return {
      picks: r.picks.map((p) => [p.id, p.reasons.map((x) => [x[0], x[1][1], x[1][2]]), p.score, p.rank, p.tiedWith,
        p.notes.map((n) => [n[0], n[1], n[2], n[3], n[4]])]),
      excluded: r.excluded.map((x) => [x.id, x.question, x.fact[1]]),
      advice: r.advice,
    };
  });
  process.stdout.write(JSON.stringify(out));
});
