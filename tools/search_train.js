// Training data for a reranker of the search's final list (tools/search_train.py runs it
// and fits one). Queries: the site's own page tasks (needs in a student's words), each
// left out of its page, from the word index's task field and from the meaning layer's
// task vectors, the page being the answer; and the benchmark's queries on the site as
// built, for testing. For each query, the candidates (the pages either ranking puts in
// its first DEPTH) and their FEATURES, computed with the site's engine modules.
//
// Reads {"site": <built site folder>, "bench": [{query, targets}], "tasks": true} on
// stdin; writes JSON lines {set: "task" | "bench", query, targets, exact, terms, known,
// cands: [[url, [features]]]} on stdout (a query the words answer with certainty, `exact`,
// keeps the word ranking: words_rr orders it).
"use strict"
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")
const SEARCH = path.join(ROOT, "docs", "assets", "javascripts", "search")
const MiniSearch = require(require.resolve("minisearch", { paths: [ROOT] }))
const AtlasSearch = require(path.join(SEARCH, "atlas-search.js"))
const AtlasMeaning = require(path.join(SEARCH, "atlas-meaning.js"))
const AtlasRank = require(path.join(SEARCH, "atlas-rank.js"))
const { readData } = require("./search_eval.js")

const SEP = " · "
const DEPTH = 30
const LIMIT = 50
const FEATURES = ["fused_rr", "words_rr", "meaning_rr", "words_rel", "share", "best", "best_gap", "second", "head", "task", "section",
  "best_known", "index", "glossary", "chooser", "comparison"]

const tasksOf = (doc) => (doc.q ? doc.q.split(SEP).filter(Boolean) : [])

// The candidates of a query and what is known of each (FEATURES, in that order): where
// the shipped fusion (atlas-rank.js) and each ranking put it, its word score against the best, the rarity-weighted share of the
// query's terms it holds, its closest item's similarity (and the gap to the best page's),
// its second closest, its closest name, task and section, and its kind.
function candidates(words, meaning, kinds, query) {
  const found = words.search(query, LIMIT)
  const sims = meaning.similarities(query)
  const near = sims ? meaning.order(sims.best, DEPTH).map((p) => meaning.pages[p]) : []
  const known = meaning.known(query)
  const pageIndex = new Map(meaning.pages.map((url, n) => [url, n]))
  const total = found.terms.reduce((sum, t) => sum + found.weights[t], 0)
  const topWords = found.pages.length ? found.pages[0].score : 1
  const topBest = sims && near.length ? sims.best[pageIndex.get(near[0])] : 0
  const byUrl = new Map()
  const add = (url) => {
    if (!byUrl.has(url)) byUrl.set(url, { url, words: -1, meaning: -1, page: null })
    return byUrl.get(url)
  }
  found.pages.slice(0, DEPTH).forEach((page, r) => Object.assign(add(page.url), { words: r, page }))
  near.forEach((url, r) => { add(url).meaning = r })
  const fused = AtlasRank.fuse(found.pages.map((page) => page.url), near, known, found.terms.length)
  const fusedAt = new Map(fused.map((url, n) => [url, n]))
  const list = Array.from(byUrl.values()).map((c) => {
    const p = pageIndex.has(c.url) ? pageIndex.get(c.url) : -1
    const sim = (a) => (sims && p >= 0 && a[p] > -2 ? a[p] : 0)
    const share = c.page && total ? found.terms.reduce((sum, t) => sum + (c.page.terms[t] ? found.weights[t] : 0), 0) / total : 0
    const kind = kinds.get(c.url) || ""
    const best = sim(sims ? sims.best : null)
    return [c.url, [
      fusedAt.has(c.url) ? 10 / (10 + fusedAt.get(c.url) + 1) : 0,
      c.words >= 0 ? 10 / (10 + c.words + 1) : 0,
      c.meaning >= 0 ? 10 / (10 + c.meaning + 1) : 0,
      c.page && topWords > 0 ? c.page.score / topWords : 0,
      share,
      best,
      sims ? best - topBest : 0,
      sim(sims ? sims.second : null),
      sim(sims ? sims.head : null),
      sim(sims ? sims.task : null),
      sim(sims ? sims.section : null),
      best * known,
      kind === "Index" ? 1 : 0,
      kind === "Glossary" ? 1 : 0,
      kind === "Chooser" ? 1 : 0,
      kind === "Comparison" ? 1 : 0,
    ]]
  })
  return { exact: !!found.exact, terms: found.terms.length, known, cands: list }
}

function termCounts(text) {
  const counts = new Map()
  for (const token of AtlasSearch.tokenize(text, true)) {
    const term = AtlasSearch.processTerm(token)
    if (term) counts.set(term, (counts.get(term) || 0) + 1)
  }
  return counts
}

// MiniSearch counts a field's length as its distinct tokens.
const fieldLength = (text) => new Set(AtlasSearch.tokenize(text, true)).size

// The compact index entries as term -> field -> {doc: count}.
function decode(entries) {
  const index = new Map()
  for (const entry of entries) {
    const fields = {}
    for (let f = 1; f < entry.length; f++) {
      const [field, gaps, counts] = entry[f]
      const postings = {}
      let id = 0
      gaps.forEach((gap, k) => { id += gap; postings[id] = counts ? counts[k] : 1 })
      fields[field] = postings
    }
    index.set(entry[0], fields)
  }
  return index
}

// The site's search data with task number `round` of every page left out (of those with
// that many): the word index (its task field, field lengths and the tasks it ships) and
// the meaning layer (that task's vector). Returns the engines and the left-out [task, page].
function withoutTasks(indexText, terms, meaningData, starts, round) {
  const data = JSON.parse(indexText)
  const qField = String(data.index.fieldIds.q)
  const changed = new Map()
  const queries = []
  const drop = new Set()
  const pageOf = new Map(meaningData.pages.map((url, p) => [url, p]))
  data.docs.forEach((doc, d) => {
    const tasks = tasksOf(doc)
    if (doc.u.includes("#") || tasks.length <= round) return
    const left = tasks.filter((_, k) => k !== round).join(SEP)
    const after = termCounts(left)
    for (const [term, n] of termCounts(doc.q)) {
      const m = after.get(term) || 0
      if (m === n) continue
      if (!changed.has(term)) changed.set(term, JSON.parse(JSON.stringify(terms.get(term))))
      if (m) changed.get(term)[qField][d] = m
      else delete changed.get(term)[qField][d]
    }
    data.index.fieldLength[d][qField] -= fieldLength(doc.q) - fieldLength(left)
    doc.q = left || undefined
    queries.push([tasks[round], doc.u])
    const p = pageOf.get(doc.u)
    if (p !== undefined && meaningData.kinds[starts[p] + 1 + round] === "t") drop.add(starts[p] + 1 + round)
  })
  data.index.index = Array.from(terms, ([term, fields]) => {
    const f = changed.get(term) || fields
    for (const k of Object.keys(f)) if (!Object.keys(f[k]).length) delete f[k]
    return [term, f]
  }).filter(([, f]) => Object.keys(f).length)
  const items = Buffer.from(meaningData.items, "base64")
  const dims = meaningData.dims
  const kept = []
  const counts = meaningData.counts.slice()
  let kinds = ""
  meaningData.counts.forEach((n, p) => {
    for (let i = starts[p]; i < starts[p] + n; i++) {
      if (drop.has(i)) { counts[p] -= 1; continue }
      kept.push(items.subarray(i * dims, (i + 1) * dims))
      kinds += meaningData.kinds[i]
    }
  })
  const meaning = AtlasMeaning.create(Object.assign({}, meaningData, { items: Buffer.concat(kept).toString("base64"), counts, kinds }))
  return { words: AtlasSearch.create(data, MiniSearch), meaning, queries }
}

// A task without the words of its page's names (title and other names), as a reader who
// does not know what the answer is called would put it (the benchmark's plain needs are
// written so); null when fewer than three words are left.
function unnamed(task, doc) {
  const names = new Set(AtlasMeaning.words([doc.t, doc.n || ""].join(" ")))
  const left = task.split(/\s+/).filter((w) => !AtlasMeaning.words(w).some((x) => names.has(x)))
  return left.length >= 3 ? left.join(" ") : null
}

function main() {
  const input = JSON.parse(fs.readFileSync(0, "utf8"))
  const indexText = JSON.stringify(readData(path.join(input.site, "search", "atlas-index.js")))
  const meaningData = readData(path.join(input.site, "search", "atlas-meaning.js"))
  const base = JSON.parse(indexText)
  const docs = new Map(base.docs.map((d) => [d.u, d]))
  const kinds = new Map(base.docs.map((d) => [d.u, d.k]))
  const starts = []
  meaningData.counts.reduce((at, n) => { starts.push(at); return at + n }, 0)
  // What each item is (as macros/features/search/meaning.py lays them out): the page's
  // name and summary, then its tasks, then its sections.
  meaningData.kinds = meaningData.pages.map((url, p) => {
    const tasks = tasksOf(docs.get(url) || {}).length
    return "h" + "t".repeat(tasks) + "s".repeat(meaningData.counts[p] - 1 - tasks)
  }).join("")
  const write = (set, query, targets, words, meaning) =>
    process.stdout.write(JSON.stringify(Object.assign({ set, query, targets }, candidates(words, meaning, kinds, query))) + "\n")
  if (input.tasks) {
    const terms = decode(base.index.index)
    const rounds = Math.max(...base.docs.map((d) => (d.u.includes("#") ? 0 : tasksOf(d).length)))
    for (let round = 0; round < rounds; round++) {
      const { words, meaning, queries } = withoutTasks(indexText, terms, meaningData, starts, round)
      for (const [task, url] of queries) {
        const query = input.unnamed ? unnamed(task, docs.get(url)) : task
        if (query) write("task", query, [url], words, meaning)
      }
      process.stderr.write(`task ${round + 1} of each page left out: ${queries.length} queries\n`)
    }
  }
  const words = AtlasSearch.create(JSON.parse(indexText), MiniSearch)
  const meaning = AtlasMeaning.create(meaningData)
  for (const q of input.bench) write("bench", q.query, q.targets, words, meaning)
}

if (require.main === module) main()

module.exports = { FEATURES, candidates }
