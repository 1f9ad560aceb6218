// Build-time step of formulas (run by macros/site/katex.py under Node): reads a JSON list of
// TeX formulas on stdin and writes the same-length list of KaTeX HTML (with MathML for
// screen readers) on stdout, so no reader's browser runs KaTeX. A formula KaTeX cannot
// parse comes back as {"error": "..."}.
"use strict"
const path = require("path")
const katex = require(path.join(__dirname, "..", "..", "node_modules", "katex", "dist", "katex.js"))

let input = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", chunk => { input += chunk })
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(tex => {
    try {
      // maxSize caps every size a formula can ask for (\rule{100000em}{...} would widen the page), maxExpand
      // the macro expansions (a formula cannot make the build loop); the browser-side drawing
      // of inline formulas (atlas.js) uses the same limits.
      return katex.renderToString(tex, { displayMode: true, throwOnError: true, output: "htmlAndMathml", strict: "ignore", maxSize: 10, maxExpand: 200, trust: false })
    } catch (err) {
      return { error: String(err.message || err) }
    }
  })
  process.stdout.write(JSON.stringify(out))
})
