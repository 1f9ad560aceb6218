/*
 * The Material for MkDocs 9 adapter of AWS ML Atlas search: a web worker that speaks the
 * theme's search-worker protocol (SETUP -> READY, QUERY -> RESULT) and answers with
 * atlas-search.js over search/atlas-quick.js, then search/atlas-index.js. The theme's own
 * index (search_index.json) is left empty at build time, so nothing but this worker holds
 * search data.
 *
 * Before the reader searches, only the quick index is fetched, once the page is idle. On
 * the first query (or as soon as the page says the search box got focus: a "warm" message
 * on the "atlas-search" BroadcastChannel, sent by atlas.js) the full index and the meaning
 * layer (search/atlas-meaning.js, atlas-meaning.js) load. The first list a reader sees is
 * the final one: the quick index answers at once only a query it answers with certainty (a
 * page's name, an identifier as written); any other query is answered when the full index
 * and the meaning layer are in, with the word and meaning rankings fused (atlas-rank.js:
 * the engine's modules rank, this worker only loads them and speaks the protocol). A site built
 * without the meaning layer (ATLAS_SEARCH=words, the benchmark's "today") says so in its
 * quick index, and then the quick index answers every query at once and the full one
 * answers again, as the search did before the meaning layer.
 *
 * It also runs inside the iframe-based worker of the offline bundle (file://), where
 * importScripts is asynchronous and relative URLs resolve against the page: every URL is
 * made absolute from this script's own address, and every import is awaited.
 */
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

var here = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) || self.location.href
var assets = new URL("../search/", here)                    // .../assets/javascripts/search/ (this file is in theme/)
var siteRoot = new URL("../../../", assets)                 // the site's root

// The engines: the quick one (names, tasks, identifiers) answers what it can answer with
// certainty; the full one (body text and previews) and the meaning layer answer the rest.
var quick = null, full = null, meaning = null
var ranker = null            // the final ranking over both, made once both are in
var withMeaning = true       // the quick index says whether the site has a meaning layer
var meaningDone = false      // loaded, or failed (then the words alone answer)
var loadingQuick = null, loadingFull = null, loadingMeaning = null
var code = null
var pending = null           // the latest query not answered yet, and its mode
var latest = null            // the last query answered from the quick index only (words mode)

var prefetched = null        // the quick index's file, fetched while the page was idle

function loadCode() {
  if (!code) {
    code = Promise.resolve()
      .then(function () { return importScripts(new URL("../../vendor/minisearch.js", assets).href) })
      .then(function () { return importScripts(new URL("atlas-search.js", assets).href) })
      .then(function () { return importScripts(new URL("atlas-meaning.js", assets).href) })
      .then(function () { return importScripts(new URL("atlas-rank.js", assets).href) })
  }
  return code
}

var QUICK_URL = new URL("search/atlas-quick.js", siteRoot).href
var FULL_URL = new URL("search/atlas-index.js", siteRoot).href
var MEANING_URL = new URL("search/atlas-meaning.js", siteRoot).href

function fetchable(url) {
  return typeof fetch === "function" && /^https?:$/.test(new URL(url).protocol)
}

function fetchText(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status)
    return response.text()
  })
}

// A data file is `self.<name>=JSON.parse("<JSON as a string>");` (the string is itself
// JSON) or `self.<name>=<JSON>;`.
function parseIndex(text) {
  var value = text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"))
  return value.lastIndexOf("JSON.parse(", 0) === 0
    ? JSON.parse(JSON.parse(value.slice("JSON.parse(".length, value.lastIndexOf(")"))))
    : JSON.parse(value)
}

// Data arrives by fetch() where there is one, so queries typed while it downloads are
// still answered (importScripts would block this worker until the file is in). From
// file:// (the iframe worker) it is imported.
function fetchIndex(url, name, text) {
  if (text) return text.then(parseIndex)
  if (fetchable(url)) return fetchText(url).then(parseIndex)
  return Promise.resolve(importScripts(url)).then(function () {
    var data = self[name]
    self[name] = null
    return data
  })
}

// While the page is idle, fetch (not parse) the quick index, so the reader's first query
// needs only the engine's code. It is small: the test of the bytes fetched before first
// use holds it to the budget with everything else the search fetches.
function prefetch() {
  if (prefetched || loadingQuick || !fetchable(QUICK_URL)) return
  prefetched = fetchText(QUICK_URL)
  prefetched.catch(function () { prefetched = null })
}

function loadQuick() {
  if (!loadingQuick) {
    loadingQuick = loadCode()
      .then(function () { return fetchIndex(QUICK_URL, "__atlasQuick", prefetched) })
      .then(function (data) {
        withMeaning = data.meaning !== false
        if (!withMeaning) meaningDone = true
        quick = self.AtlasSearch.create(data, self.MiniSearch)
      })
    loadingQuick.catch(function () { loadingQuick = null })
  }
  return loadingQuick
}

function loadFull() {
  if (!loadingFull) {
    loadingFull = loadCode()
      .then(function () { return fetchIndex(FULL_URL, "__atlasSearch") })
      .then(function (data) {
        full = self.AtlasSearch.create(data, self.MiniSearch)
        settle()
      })
    loadingFull.catch(function () { loadingFull = null })
  }
  return loadingFull
}

function loadMeaning() {
  if (!loadingMeaning) {
    loadingMeaning = loadQuick().catch(function () {})
      .then(function () { return withMeaning ? fetchIndex(MEANING_URL, "__atlasMeaning") : null })
      .then(function (data) {
        if (data) meaning = self.AtlasMeaning.create(data)
      })
      .catch(function () { /* the words alone answer */ })
      .then(function () { meaningDone = true; settle() })
  }
  return loadingMeaning
}

function ready() {
  return !!full && meaningDone
}

// Everything: on the first query, or as soon as the page says the search box got focus.
function load() {
  var first = loadQuick()
  loadFull()
  loadMeaning()
  return first
}

// When the full index and the meaning layer are in: answer the query waiting for them,
// or (words mode) answer again the query the quick index answered.
function settle() {
  if (!ready()) return
  if (pending !== null) {
    var waiting = pending
    pending = null
    respond(waiting.query, waiting.mode)
  } else if (latest !== null) {
    respond(latest, "")
  }
  latest = null
  // Say so to the pages of this site (tests wait for it).
  if (channel) channel.postMessage("full")
}

function item(doc, terms) {
  return {
    location: doc.url,
    title: doc.titleHTML,
    text: doc.textHTML,
    tags: doc.kind ? [doc.kind] : undefined,
    score: doc.score,
    terms: terms
  }
}

// The final answer. Modes for the benchmark: "words" (the word ranking alone), "meaning"
// (the meaning ranking alone), "first" (what a cold worker shows first for this query);
// the search box sends none: the fused ranking (atlas-rank.js).
function rank(query, mode) {
  if (mode === "first" && quick) {
    var early = quick.search(query, 50)
    if (!withMeaning || early.exact) return early
  }
  if (!ranker) ranker = self.AtlasRank.create(full, meaning)
  return ranker.rank(query, mode === "first" ? "" : mode)
}

function answer(found) {
  var items = found.pages.map(function (page) {
    var head = item(page.page, page.terms)
    // The theme shows the page first and treats rows that score as high as the page as
    // its best matches; give the page the group's best score.
    head.score = Math.max(head.score, page.score)
    return [head].concat(page.rows.map(function (row) { return item(row, page.terms) }))
  })
  return { items: items, count: items.length }
}

// A RESULT carries, beside the theme's items and count, the query it answers and whether
// a fuller answer follows (`partial`); the theme ignores both.
function post(query, found, partial) {
  var data = found ? answer(found) : { items: [], count: 0 }
  data.query = query
  data.partial = partial
  self.postMessage({ type: RESULT, data: data })
}

function respond(query, mode) {
  var found = null
  try {
    if (String(query).trim()) found = rank(query, mode)
  } catch (err) {
    // A query can never break the search box: answer "no results" instead.
    found = null
  }
  post(query, found, false)
}

// The search box sends a query on every keystroke. Queries that arrive while this worker
// is busy are not all answered: only the latest one is, so the answer to the last
// keystroke never waits behind answers nobody will see (the theme shows the latest only).
var queued = null, scheduled = false

function handle(message) {
  if (message.type === SETUP) {
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    queued = message
    if (!scheduled) {
      scheduled = true
      setTimeout(function () {
        scheduled = false
        var next = queued
        queued = null
        if (next) take(next)
      }, 0)
    }
  }
}

function take(message) {
  var query = typeof message.data === "string" ? message.data : ""
  var mode = typeof message.mode === "string" ? message.mode : ""
  if (!query.trim()) { pending = null; return post(query, null, false) }
  if (ready()) return respond(query, mode)
  pending = { query: query, mode: mode }
  if (quick && !mode) early(query)
  load().then(function () {
    if (pending !== null && pending.query === query && !pending.mode) early(query)
  }, function () {})
  // The full index fails to load: the quick index answers after all, or "no results".
  loadingFull.catch(function () {
    if (pending === null || ready()) return
    var q = pending.query
    pending = null
    var found = null
    try { found = quick && quick.search(q, 50) } catch (err) { found = null }
    post(q, found, false)
  })
}

// Before the full index and the meaning layer are in: the quick index answers a query it
// answers with certainty, as the final answer; with no meaning layer (words mode) it
// answers every query, and the full index answers again.
function early(query) {
  var found
  try { found = quick.search(query, 50) } catch (err) { found = null }
  if (!found) return
  if (withMeaning && !found.exact) return
  pending = null
  latest = withMeaning ? null : query
  post(query, found, !withMeaning)
}

var channel = null
if (typeof BroadcastChannel !== "undefined") {
  try {
    channel = new BroadcastChannel("atlas-search")
    channel.onmessage = function (ev) {
      if (ev.data === "warm") load().catch(function () {})
      else if (ev.data === "idle") prefetch()
    }
    // A page that was idle before this worker listened answers "idle" again.
    channel.postMessage("hello")
  } catch (err) { /* opaque origins (file://) have no channel; the first query loads */ }
}

addEventListener("message", function (ev) { handle(ev.data) })
