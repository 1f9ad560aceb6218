// The search benchmark's engine side, under Node (tools/search_eval.py runs it): the
// built site's search files and the site's own engine modules (atlas-search.js,
// atlas-meaning.js, atlas-rank.js), the very code the search worker runs, without a
// browser. Reads {"site": <built site folder>, "queries": [...], "modes": [...]} as
// JSON on stdin; writes {mode: [[page URL, ...] per query]} (the top ten pages) on stdout.
"use strict"
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")
const SEARCH = path.join(ROOT, "docs", "assets", "javascripts", "search")
const MiniSearch = require(require.resolve("minisearch", { paths: [ROOT] }))
const AtlasSearch = require(path.join(SEARCH, "atlas-search.js"))
const AtlasMeaning = require(path.join(SEARCH, "atlas-meaning.js"))
const AtlasRank = require(path.join(SEARCH, "atlas-rank.js"))

// A data file is `self.<name>=JSON.parse("<JSON as a string>");` or `self.<name>=<JSON>;`
// (as the worker's parseIndex reads it).
function readData(file) {
  const text = fs.readFileSync(file, "utf8")
  const value = text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"))
  return value.startsWith("JSON.parse(")
    ? JSON.parse(JSON.parse(value.slice("JSON.parse(".length, value.lastIndexOf(")"))))
    : JSON.parse(value)
}

function load(site) {
  const words = AtlasSearch.create(readData(path.join(site, "search", "atlas-index.js")), MiniSearch)
  const file = path.join(site, "search", "atlas-meaning.js")
  const meaning = fs.existsSync(file) ? AtlasMeaning.create(readData(file)) : null
  return AtlasRank.create(words, meaning)
}

function main() {
  const input = JSON.parse(fs.readFileSync(0, "utf8"))
  const ranker = load(input.site)
  const out = {}
  const started = Date.now()
  for (const mode of input.modes) {
    out[mode] = input.queries.map((q) => ranker.rank(q, mode === "fused" ? "" : mode).pages.slice(0, 10).map((p) => p.url))
  }
  process.stderr.write(`${input.queries.length} queries x ${input.modes.length} modes in ${Date.now() - started} ms\n`)
  process.stdout.write(JSON.stringify(out))
}

if (require.main === module) main()

module.exports = { load, readData }
