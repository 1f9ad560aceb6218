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
globalThis.self = globalThis
require(path.join(root, "node_modules", "minisearch", "dist", "umd", "index.js"))
require(path.join(root, "docs", "assets", "javascripts", "search", "atlas-search.js"))

let input = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", chunk => { input += chunk })
process.stdin.on("end", () => {
  const { docs, quick } = JSON.parse(input)
  const full = self.AtlasSearch.build(docs, self.MiniSearch, undefined, true)
  const small = self.AtlasSearch.build(docs, self.MiniSearch, quick, true)
  process.stdout.write(JSON.stringify({ full, quick: small }))
})
