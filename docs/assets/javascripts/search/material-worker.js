/*
 * The Material for MkDocs 9 adapter of AWS ML Atlas search: a web worker that speaks the
 * theme's search-worker protocol (SETUP -> READY, QUERY -> RESULT) and answers with
 * atlas-search.js over search/atlas-quick.js, then search/atlas-index.js. The theme's own
 * index (search_index.json) is left empty at build time, so nothing but this worker holds
 * search data.
 *
 * Nothing is fetched until the reader searches: the indexes load on the first non-empty
 * query, or as soon as the page says the search box got focus (a "warm" message on the
 * "atlas-search" BroadcastChannel, sent by atlas.js). The quick index answers first; the
 * full one answers again when it arrives.
 *
 * It also runs inside the iframe-based worker of the offline bundle (file://), where
 * importScripts is asynchronous and relative URLs resolve against the page: every URL is
 * made absolute from this script's own address, and every import is awaited.
 */
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

var here = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) || self.location.href
var assets = new URL("./", here)                           // .../assets/javascripts/search/
var siteRoot = new URL("../../../", assets)                 // the site's root

// Two engines over the same documents: the quick one (names, tasks, identifiers; about a
// quarter of the bytes) answers first; the full one (body text and previews) takes over
// as soon as it has loaded, and the query on screen is answered again.
var quick = null, full = null
var loadingQuick = null, loadingFull = null
var code = null
var pending = null         // a query that came before any index had loaded
var latest = null          // the last query answered, and whether only the quick engine did
var answeredQuick = false

var lastQueryAt = 0
var prefetched = null      // the quick index's file, fetched while the page was idle

function loadCode() {
  if (!code) {
    code = Promise.resolve()
      .then(function () { return importScripts(new URL("../../vendor/minisearch.js", assets).href) })
      .then(function () { return importScripts(new URL("atlas-search.js", assets).href) })
  }
  return code
}

var QUICK_URL = new URL("search/atlas-quick.js", siteRoot).href
var FULL_URL = new URL("search/atlas-index.js", siteRoot).href

function fetchable(url) {
  return typeof fetch === "function" && /^https?:$/.test(new URL(url).protocol)
}

function fetchText(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status)
    return response.text()
  })
}

// An index file is `self.<name>=JSON.parse("<JSON as a string>");` (the string is itself
// JSON) or, for the quick index, `self.<name>=<JSON>;`.
function parseIndex(text) {
  var value = text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"))
  return value.lastIndexOf("JSON.parse(", 0) === 0
    ? JSON.parse(JSON.parse(value.slice("JSON.parse(".length, value.lastIndexOf(")"))))
    : JSON.parse(value)
}

// Indexes arrive by fetch() where there is one, so queries typed while they download are
// still answered (importScripts would block this worker until the file is in). From
// file:// (the iframe worker) they are imported.
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
      .then(function () { return full ? null : fetchIndex(QUICK_URL, "__atlasQuick", prefetched) })
      .then(function (data) {
        if (!full && data) quick = self.AtlasSearch.create(data, self.MiniSearch)
      })
    loadingQuick.catch(function () { loadingQuick = null })
  }
  return loadingQuick
}

// Parsing the full index takes this worker a moment: with the quick index answering,
// do it when the reader pauses typing.
function pause() {
  return new Promise(function (resolve) {
    (function wait() {
      var idle = Date.now() - lastQueryAt
      if (!quick || idle >= 300) resolve()
      else setTimeout(wait, 300 - idle)
    })()
  })
}

function loadFull() {
  if (!loadingFull) {
    loadingFull = loadQuick().catch(function () {})
      .then(function () { return fetchable(FULL_URL) ? fetchText(FULL_URL) : null })
      .then(function (text) { return pause().then(function () { return text }) })
      .then(function (text) { return fetchIndex(FULL_URL, "__atlasSearch", text && Promise.resolve(text)) })
      .then(function (data) {
        full = self.AtlasSearch.create(data, self.MiniSearch)
        quick = null
        // The results on screen came from the quick index: answer the query again.
        if (answeredQuick && latest !== null) respond(latest)
        // Say so to the pages of this site (tests wait for it).
        if (channel) channel.postMessage("full")
      })
    loadingFull.catch(function () { loadingFull = null })
  }
  return loadingFull
}

// Everything, quick index first: on the first query, or as soon as the page says the
// search box got focus.
function load() {
  var first = loadQuick()
  loadFull()
  return first
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

function answer(engine, query) {
  if (!String(query).trim()) return { items: [], count: 0 }
  var found = engine.search(query, 50)
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
// only the quick index answered it (a fuller answer follows); the theme ignores both.
function respond(query) {
  var engine = full || quick
  latest = query
  answeredQuick = !full
  var data
  try {
    data = answer(engine, query)
  } catch (err) {
    // A query can never break the search box: answer "no results" instead.
    data = { items: [], count: 0 }
  }
  data.query = query
  data.partial = answeredQuick
  self.postMessage({ type: RESULT, data: data })
}

function nothing(query) {
  self.postMessage({ type: RESULT, data: { items: [], count: 0, query: query, partial: false } })
}

function handle(message) {
  if (message.type === SETUP) {
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    var query = typeof message.data === "string" ? message.data : ""
    lastQueryAt = Date.now()
    if (full || quick) return respond(query)
    if (!query.trim()) return nothing(query)
    pending = query
    load().then(function () {
      if (pending !== null) { var q = pending; pending = null; respond(q) }
    }, function () {
      // No quick index: wait for the full one, or say "no results" if it fails too.
      loadFull().then(function () {
        if (pending !== null) { var q = pending; pending = null; respond(q) }
      }, function () {
        if (pending !== null) { var q = pending; pending = null; nothing(q) }
      })
    })
  }
}

var channel = null
if (typeof BroadcastChannel !== "undefined") {
  try {
    channel = new BroadcastChannel("atlas-search")
    channel.onmessage = function (ev) {
      if (ev.data === "warm") load().catch(function () {})
      else if (ev.data === "idle") prefetch()
    }
  } catch (err) { /* opaque origins (file://) have no channel; the first query loads */ }
}

addEventListener("message", function (ev) { handle(ev.data) })
