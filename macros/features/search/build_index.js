// Build-time step of the search (run by macros/features/search/index.py under Node): reads
// {"docs": [...], "quick": [field, ...]} as JSON on stdin and writes
// {"full": <index of every field>, "quick": <index of the quick fields only>} on stdout:
// MiniSearch's serialised indexes, made with the very tokenizer and term processing the
// browser uses (atlas-search.js). Document ids are left out of both: they are the URLs of
// the documents, in order, and atlas-search.js restores them. Both indexes are in the
// compact form (atlas-search.js, compactEntry): smaller, and it loads in a fraction of the time.
"use strict"
const path = require("path")
const root = path.resolve(__dirname, "..", "..", "..")
// The pinned MiniSearch the site ships (assets/vendor/minisearch.js is its browser build of the same version).
const MiniSearch = require(require.resolve("minisearch", { paths: [root] }))
const AtlasSearch = require(path.join(root, "docs", "assets", "javascripts", "search", "atlas-search.js"))

let input = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", chunk => { input += chunk })
process.stdin.on("end", () => {
  const { docs, quick } = JSON.parse(input)
  const full = AtlasSearch.build(docs, MiniSearch, undefined, true)
  const small = AtlasSearch.build(docs, MiniSearch, quick, true)
  process.stdout.write(JSON.stringify({ full, quick: small }))
})
