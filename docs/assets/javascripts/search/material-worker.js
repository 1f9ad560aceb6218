/*
 * The Material for MkDocs 9 adapter of AWS ML Atlas search: a web worker that speaks the
 * theme's search-worker protocol (SETUP -> READY, QUERY -> RESULT) and answers with
 * atlas-search.js over search/atlas-index.js. The theme's own index (search_index.json)
 * is left empty at build time, so nothing but this worker holds search data.
 *
 * Nothing is fetched until the reader searches: the index loads on the first non-empty
 * query, or as soon as the page says the search box got focus (a "warm" message on the
 * "atlas-search" BroadcastChannel, sent by atlas.js).
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

var engine = null
var loading = null
var pending = null

function load() {
  if (!loading) {
    loading = Promise.resolve()
      .then(function () { return importScripts(new URL("../../vendor/minisearch.js", assets).href) })
      .then(function () { return importScripts(new URL("atlas-search.js", assets).href) })
      .then(function () { return importScripts(new URL("search/atlas-index.js", siteRoot).href) })
      .then(function () {
        engine = self.AtlasSearch.create(self.__atlasSearch, self.MiniSearch)
        self.__atlasSearch = null
      })
  }
  return loading
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

function answer(query) {
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

function respond(query) {
  try {
    self.postMessage({ type: RESULT, data: answer(query) })
  } catch (err) {
    // A query can never break the search box: answer "no results" instead.
    self.postMessage({ type: RESULT, data: { items: [], count: 0 } })
  }
}

function handle(message) {
  if (message.type === SETUP) {
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    var query = typeof message.data === "string" ? message.data : ""
    if (engine) return respond(query)
    if (!query.trim()) return self.postMessage({ type: RESULT, data: { items: [], count: 0 } })
    pending = query
    load().then(function () {
      if (pending !== null) { var q = pending; pending = null; respond(q) }
    }, function () {
      loading = null
      self.postMessage({ type: RESULT, data: { items: [], count: 0 } })
    })
  }
}

if (typeof BroadcastChannel !== "undefined") {
  try {
    new BroadcastChannel("atlas-search").onmessage = function (ev) {
      if (ev.data === "warm") load().catch(function () { loading = null })
    }
  } catch (err) { /* opaque origins (file://) have no channel; the first query loads */ }
}

addEventListener("message", function (ev) { handle(ev.data) })
