// The search engine (docs/assets/javascripts/search/: the word ranking, the meaning layer
// and the fused final ranking) under Node, on the search files of a small site written by
// the real index builder (tests/search_fixture.py: the mini catalog and the pages of
// tests/fixtures/search). The search worker runs the same modules; tests/browser/test_search.py
// checks it in the browser on the real site.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.join(__dirname, "..", "..");
const SEARCH = path.join(ROOT, "docs", "assets", "javascripts", "search");
const MiniSearch = require(require.resolve("minisearch", { paths: [ROOT] }));
const AtlasSearch = require(path.join(SEARCH, "atlas-search.js"));
const AtlasMeaning = require(path.join(SEARCH, "atlas-meaning.js"));
const AtlasRank = require(path.join(SEARCH, "atlas-rank.js"));

// The project's Python: $ATLAS_PYTHON (the test suite sets it), else the virtual
// environment of this checkout, else that of the main checkout of a git worktree.
function python() {
  if (process.env.ATLAS_PYTHON) return process.env.ATLAS_PYTHON;
  const candidates = [path.join(ROOT, ".venv", "bin", "python")];
  const common = spawnSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], { cwd: ROOT, encoding: "utf8" });
  if (common.status === 0) candidates.push(path.join(path.dirname(common.stdout.trim()), ".venv", "bin", "python"));
  return candidates.find((p) => fs.existsSync(p)) || "python3";
}

// A data file as the worker reads it: `self.<name>=JSON.parse("...");` or `self.<name>=<JSON>;`.
function readData(file) {
  const text = fs.readFileSync(file, "utf8");
  const value = text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"));
  return value.startsWith("JSON.parse(")
    ? JSON.parse(JSON.parse(value.slice("JSON.parse(".length, value.lastIndexOf(")"))))
    : JSON.parse(value);
}

const site = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-search-"));
const made = spawnSync(python(), [path.join(ROOT, "tests", "search_fixture.py"), site], { cwd: ROOT, encoding: "utf8" });
if (made.status !== 0) {
  throw new Error(`tests/search_fixture.py failed (set ATLAS_PYTHON to the project's Python): ${made.error || ""}\n${made.stderr}`);
}
process.on("exit", () => fs.rmSync(site, { recursive: true, force: true }));
const data = (name) => readData(path.join(site, "search", name));
const words = AtlasSearch.create(data("atlas-index.js"), MiniSearch);
const quick = AtlasSearch.create(data("atlas-quick.js"), MiniSearch);
const meaning = AtlasMeaning.create(data("atlas-meaning.js"));
const ranker = AtlasRank.create(words, meaning);
const urls = (found) => found.pages.map((p) => p.url);
const top = (query, mode) => urls(ranker.rank(query, mode));

test("an identifier finds its page first, and the words answer it with certainty", () => {
  for (const [query, page] of [["num_round", "algorithms/alpha/"], ["validation:rmse", "algorithms/alpha/"], ["MaxConcurrency", "serverless-inference/"]]) {
    assert.equal(top(query)[0], page, query);
  }
  const found = ranker.rank("num_round");
  assert.ok(found.exact);
  // Its row (the hyperparameter) is listed under the page, the matched word marked.
  assert.match(found.pages[0].rows[0].titleHTML, /<mark>num_round<\/mark>/);
  // The quick index (names and identifiers only) knows it too.
  assert.equal(urls(quick.search("num_round"))[0], "algorithms/alpha/");
  // An identifier only in page text is found, but is no name: not certain.
  assert.ok(!ranker.rank("MaxConcurrency").exact);
});

test("a page's name or other name is found first and with certainty", () => {
  for (const [query, page] of [["Alpha Learner", "algorithms/alpha/"], ["imputation", "missing-values/"], ["Old Store", "services/store/"]]) {
    const found = ranker.rank(query);
    assert.equal(urls(found)[0], page, query);
    assert.ok(found.exact, query);
  }
});

test("a typo still finds the page", () => {
  for (const [query, page] of [["imputaton", "missing-values/"], ["Alpah Lerner", "algorithms/alpha/"], ["streeming ingestion", "streaming-ingestion/"]]) {
    assert.equal(top(query)[0], page, query);
    assert.equal(top(query, "words")[0], page, query);
  }
  // A typo's pieces give the meaning layer a vector that says little: it counts for less.
  assert.ok(meaning.known("imputaton") < 1);
  assert.equal(meaning.known("fill in missing values"), 1);
});

test("a need in plain words finds the page that answers it", () => {
  const needs = [
    ["which endpoint scales down to nothing when unused", "serverless-inference/"],
    ["replace blanks with the average", "missing-values/"],
    ["score a large file overnight", "batch-transform/"],
    ["predictions for a whole dataset without an endpoint", "batch-transform/"],
    ["balance precision and recall", "f1-score/"],
  ];
  for (const [query, page] of needs) assert.equal(top(query)[0], page, query);
  // "X vs Y": the page that compares both.
  assert.equal(top("serverless vs real-time")[0], "compare/serverless-vs-real-time/");
});

test("question words and stop words do not decide the ranking", () => {
  assert.deepEqual(AtlasSearch.queryTerms("how do I fill in the missing values"), AtlasSearch.queryTerms("fill missing values"));
  assert.deepEqual(top("how do I fill in missing values", "words").slice(0, 3), top("fill in missing values", "words").slice(0, 3));
  // A query of stop words only is searched for after all.
  assert.deepEqual(AtlasSearch.queryTerms("the and of"), ["the", "and", "of"]);
  // Plurals fold: "endpoints" is "endpoint"; an identifier stays as typed, its parts follow.
  assert.deepEqual(AtlasSearch.queryTerms("Endpoints num_rounds"), ["endpoint", "num_rounds", "num", "round"]);
});

test("the meaning ranking finds a page by what it says, not by its words", () => {
  // Shares no word with the page's name; its meaning is closest to the page's text and tasks.
  const near = meaning.rank("cheap hosting for an app used a few times a day", 5);
  assert.equal(near[0].url, "serverless-inference/");
  assert.ok(near[0].score > near[4].score);
  // Scores are cosine similarities of unit vectors.
  for (const r of near) assert.ok(r.score <= 1 + 1e-6 && r.score >= -1 - 1e-6);
  const v = meaning.vector("fill in missing values");
  assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-5);
  // Nothing to embed: no vector, no ranking.
  assert.equal(meaning.vector("!!! ???"), null);
  assert.deepEqual(meaning.rank("!!! ???"), []);
});

test("a page's meaning score is its closest item; the closest of each kind is no closer", () => {
  const query = "which endpoint scales down to nothing when unused";
  const sims = meaning.similarities(query);
  const ranked = meaning.rank(query, 10);
  // rank() is the pages in the order of their closest item, with that similarity.
  assert.deepEqual(ranked.map((r) => r.url), meaning.order(sims.best, 10).map((p) => meaning.pages[p]));
  for (const r of ranked) assert.ok(Math.abs(r.score - sims.best[meaning.pages.indexOf(r.url)]) < 1e-6);
  for (let p = 0; p < meaning.pages.length; p++) {
    assert.ok(sims.second[p] <= sims.best[p]);
    for (const kind of ["head", "task", "section"]) assert.ok(sims[kind][p] <= sims.best[p] + 1e-6);
  }
  // Without data.kinds (the site ships none) no item has a kind: -2 throughout.
  assert.ok(sims.task.every((s) => s === -2));
  // With kinds: the serverless page's first item is its name, then its three tasks.
  const data = readData(path.join(site, "search", "atlas-meaning.js"));
  const p = data.pages.indexOf("serverless-inference/");
  const start = data.counts.slice(0, p).reduce((a, b) => a + b, 0);
  const kinds = Array.from({ length: data.counts.reduce((a, b) => a + b, 0) }, (_, i) =>
    i === start ? "h" : i > start && i <= start + 3 ? "t" : "s").join("");
  const typed = AtlasMeaning.create(Object.assign(data, { kinds })).similarities(query);
  assert.ok(typed.head[p] > -2 && typed.task[p] > -2);
  assert.equal(Math.max(typed.head[p], typed.task[p], typed.section[p]), typed.best[p]);
  assert.equal(typed.task.filter((s) => s > -2).length, 1);
});

test("the word ranking says how rare each query term is and which a page holds", () => {
  const found = words.search("fill in missing values");
  assert.deepEqual(found.terms, ["fill", "missing", "value"]);
  for (const t of found.terms) assert.ok(found.weights[t] > 0, t);
  assert.ok(found.pages[0].terms.missing && found.pages[0].terms.value);
  // A term on fewer pages weighs more: "imputation" is on one page, "value" on many.
  const rare = words.search("imputation value");
  assert.ok(rare.weights.imputation > rare.weights.value);
});

test("fusion keeps a page both rankings agree on at the top", () => {
  // Unit: first in both lists stays first whatever else each ranks.
  const fused = AtlasRank.fuse(["a", "b", "c", "d"], ["a", "d", "e"], 1, 3);
  assert.equal(fused[0], "a");
  // A page the meaning ranking puts first climbs over one only the words put above it.
  assert.ok(fused.indexOf("d") < fused.indexOf("c"));
  // A meaning layer that knows none of the query's words (a typo) changes nothing.
  assert.deepEqual(AtlasRank.fuse(["a", "b", "c"], ["c", "b", "x"], 0, 3), ["a", "b", "c", "x"]);
  // End to end: both rankings put the batch page first; so does the final list.
  const query = "score a large file overnight";
  assert.equal(top(query, "words")[0], "batch-transform/");
  assert.equal(top(query, "meaning")[0], "batch-transform/");
  assert.equal(top(query)[0], "batch-transform/");
});

test("the final list describes pages only the meaning ranking found", () => {
  const query = "cheap hosting for an app used a few times a day";
  const found = ranker.rank(query);
  for (const page of found.pages) {
    assert.equal(typeof page.page.title, "string");
    assert.equal(typeof page.page.titleHTML, "string");
  }
  assert.deepEqual(new Set(urls(found)).size, found.pages.length, "a page listed twice");
  // Without a meaning layer the words alone answer.
  assert.deepEqual(urls(AtlasRank.create(words, null).rank(query)), urls(words.search(query, 50)));
});

const HOSTILE = [
  "(.*)+[{^$|\\", "*~^:+-", "\\", "[", "a".repeat(10000), "fill ".repeat(2000), "x".repeat(100000),
  "🙂 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ÄÖÜ ñ 漢字 مرحبا", "\u0000\uFFFF", "\uD800 lone surrogate", "e\u0301\u0301\u0301",
  "__proto__", "constructor", "hasOwnProperty toString valueOf", "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">', "the and of to a", "", "   ", "vs", "--", "'; DROP TABLE pages; --",
];

test("a hostile query returns a ranking without throwing, quickly, and never returns markup", () => {
  for (const query of HOSTILE) {
    for (const mode of ["", "words", "meaning"]) {
      const started = process.hrtime.bigint();
      const found = ranker.rank(query, mode);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(Array.isArray(found.pages), query.slice(0, 20));
      assert.ok(ms < 2000, `${query.slice(0, 20)}: ${ms} ms`);
      for (const page of found.pages) {
        for (const item of [page.page, ...page.rows]) {
          assert.doesNotMatch(item.titleHTML + item.textHTML, /<(?!\/?mark>)/, query.slice(0, 20));
        }
      }
    }
    assert.doesNotThrow(() => quick.search(query));
  }
  // Markup typed into the box is text: escaped, not a tag.
  assert.equal(AtlasSearch.highlight("a <b> & c", ["c"]), "a &lt;b&gt; &amp; <mark>c</mark>");
});

test("the compact index the site ships ranks as the full form does", () => {
  const docs = [
    { u: "p/", t: "Serverless endpoint", k: "Page", q: "pay nothing when idle", x: "Scales to zero. MaxConcurrency" },
    { u: "q/", t: "Batch jobs", k: "Page", x: "Many records at once; set scale_pos_weight" },
    { u: "q/#row", t: "scale_pos_weight", k: "Hyperparameter", i: "scale_pos_weight", x: "weight of positives" },
  ];
  const shown = docs.map(({ u, t, k, q }) => ({ u, t, k, q }));
  const plain = AtlasSearch.create({ docs: shown, index: AtlasSearch.build(docs, MiniSearch) }, MiniSearch);
  const compact = AtlasSearch.create({ docs: JSON.parse(JSON.stringify(shown)), index: AtlasSearch.build(docs, MiniSearch, undefined, true) }, MiniSearch);
  for (const query of ["zero", "scale_pos_weight", "max concurrency", "pay when idle", "batch"]) {
    assert.deepEqual(compact.search(query).pages.map((p) => [p.url, p.score]), plain.search(query).pages.map((p) => [p.url, p.score]), query);
  }
  // Camel case is split in the index, not in the query.
  assert.deepEqual(urls(plain.search("concurrency")), ["p/"]);
});
