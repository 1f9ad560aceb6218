// Build-time step of the search (run by macros/search/index.py under Node): reads the
// search documents as JSON on stdin, writes MiniSearch's serialised index on stdout,
// using the very tokenizer and term processing the browser uses (atlas-search.js).
"use strict"
const path = require("path")
const root = path.resolve(__dirname, "..", "..")
globalThis.self = globalThis
require(path.join(root, "node_modules", "minisearch", "dist", "umd", "index.js"))
require(path.join(root, "docs", "assets", "javascripts", "search", "atlas-search.js"))

let input = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", chunk => { input += chunk })
process.stdin.on("end", () => {
  const docs = JSON.parse(input)
  process.stdout.write(JSON.stringify(self.AtlasSearch.build(docs, self.MiniSearch)))
})
