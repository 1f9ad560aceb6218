// Runs docs/assets/javascripts/choosers.js's evaluate over answer sets given on stdin
// ({data, answer_sets}) and prints the results as JSON (tests/test_choosers.py).
const path = require("path");
const chooser = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "choosers.js"));
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { data, answer_sets } = JSON.parse(input);
  const out = answer_sets.map((answers) => {
    const r = chooser.evaluate(data, answers);
    return {
      picks: r.picks.map((p) => [p.id, p.reasons.map((x) => x[0])]),
      excluded: r.excluded.map((x) => [x.id, x.question]),
      advice: r.advice,
    };
  });
  process.stdout.write(JSON.stringify(out));
});
