/*
 * AWS ML Atlas search engine: MiniSearch with our tokenizer, stop words, typo tolerance
 * and field weights. Knows nothing of a theme: give it the documents of
 * search/atlas-index.js, ask it a query, get pages with their matching rows.
 *
 *   const engine = AtlasSearch.create(self.__atlasSearch)
 *   engine.search("which endpoint for sporadic traffic")  // -> [{ url, title, ... }]
 *
 * Indexed fields of a document: t (title), n (other names: aliases, old names, acronyms),
 * q (tasks in a student's words), i (identifiers), x (text). Shipped with each document
 * for display: u (URL, the id), t, k (kind label), p (preview text), b (boost, default 1).
 */
(function (root) {
  "use strict"

  // Words that never decide a ranking: English function words, and the words nearly
  // every page of this site holds ("aws", "amazon", "service", "data").
  var STOP = new Set((
    "a an and are as at be but by can do does for from how i if in into is it its me my " +
    "of on or so than that the their them then there these they this to use used using " +
    "was we what when where which who why will with without you your should need needs " +
    "want best good way ways get aws amazon service services data").split(" "))

  var SPLIT = /[\s,;()\[\]{}"'!?<>|=+*`~^\u2018\u2019\u201c\u201d\u2013\u2014\u2026]+/
  var INNER = /[._:\/@-]+/
  var EDGE = /^[._:\/@-]+|[._:\/@-]+$/g

  // A light plural fold, applied alike to the index and the query: "endpoints" and
  // "endpoint" are one term. Identifiers (anything with a digit or a joiner) stay as typed.
  function fold(term) {
    if (/[0-9._:\/@-]/.test(term) || term.length <= 4) return term
    if (/ies$/.test(term)) return term.slice(0, -3) + "y"
    if (/(ss|us|is|ous)$/.test(term)) return term
    if (/s$/.test(term)) return term.slice(0, -1)
    return term
  }

  // Whole tokens first (`ml.p3.2xlarge`, `scale_pos_weight`, `validation:rmse`), then
  // their parts. The index also gets the parts of camel-case names (`MaxConcurrency`
  // -> max, concurrency); a query is never split that way, so `word2vec` and `PyTorch`
  // match as typed.
  function tokenize(text, camel) {
    var out = []
    var raw = String(text).split(SPLIT)
    for (var i = 0; i < raw.length; i++) {
      var token = raw[i].replace(EDGE, "")
      if (!token) continue
      out.push(token)
      if (INNER.test(token)) {
        var parts = token.split(INNER)
        for (var j = 0; j < parts.length; j++) if (parts[j]) out.push(parts[j])
      }
      if (camel && /[a-z][A-Z]/.test(token)) {
        var humps = token.split(/(?<=[a-z0-9])(?=[A-Z])/)
        for (var k = 0; k < humps.length; k++) if (humps[k].length > 1) out.push(humps[k])
      }
    }
    return out
  }

  function processTerm(term) {
    term = term.toLowerCase()
    if (STOP.has(term)) return null
    return fold(term)
  }

  var COMPARING = /(^|\s)(vs\.?|versus|compared?|comparison|differences?)(\s|$)/i

  // Names compare without case, punctuation or "Amazon"/"AWS" in front.
  function normalName(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9]+/g, " ").replace(/^(amazon|aws) /, "").trim()
      .split(" ").map(fold).join(" ")
  }

  var FIELDS = ["t", "n", "q", "i", "x"]
  var BOOST = { t: 6, n: 5, i: 5, q: 6, x: 1 }
  var MAX_QUERY = 200

  function queryTerms(query) {
    var terms = []
    var tokens = tokenize(query.slice(0, MAX_QUERY), false)
    for (var i = 0; i < tokens.length; i++) {
      var t = processTerm(tokens[i])
      if (t && terms.indexOf(t) < 0) terms.push(t)
    }
    if (!terms.length) {
      // Only stop words ("data", "aws service"): search for them after all.
      for (var j = 0; j < tokens.length; j++) {
        var s = fold(tokens[j].toLowerCase())
        if (s && terms.indexOf(s) < 0) terms.push(s)
      }
    }
    return terms.slice(0, 24)
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]
    })
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&")
  }

  // Escaped text with every matched term wrapped in <mark>; only our own tags reach the page.
  function highlight(text, matched) {
    var safe = escapeHTML(text)
    if (!matched.length) return safe
    var alternatives = matched
      .map(function (t) { return escapeRegExp(escapeHTML(t)) })
      .sort(function (a, b) { return b.length - a.length })
    var re = new RegExp("(^|[^A-Za-z0-9])(" + alternatives.join("|") + ")", "gi")
    return safe.replace(re, "$1<mark>$2</mark>")
  }

  function preview(text, matched, size) {
    size = size || 220
    if (text.length <= size) return text
    var lower = text.toLowerCase()
    var at = -1
    for (var i = 0; i < matched.length && at < 0; i++) at = lower.indexOf(matched[i].toLowerCase())
    var start = Math.max(0, at < 0 ? 0 : at - 60)
    if (start > 0) {
      var space = text.indexOf(" ", start)
      start = space > 0 && space < start + 20 ? space + 1 : start
    }
    var out = text.slice(start, start + size)
    return (start > 0 ? "… " : "") + out + (start + size < text.length ? " …" : "")
  }

  function indexOptions() {
    return {
      idField: "u",
      fields: FIELDS,
      storeFields: [],
      tokenize: function (text) { return tokenize(text, true) },
      processTerm: processTerm,
      extractField: function (doc, field) { return doc[field] || "" }
    }
  }

  // At build time (macros/search/build_index.js, under Node): documents -> the
  // serialised index that search/atlas-index.js ships, so no browser builds it.
  function build(docs, MiniSearchImpl) {
    var MS = MiniSearchImpl || root.MiniSearch
    var ms = new MS(indexOptions())
    ms.addAll(docs)
    return ms.toJSON()
  }

  // data: { docs: [{u, t, k, p, b}], index: <MiniSearch.toJSON()> }
  function create(data, MiniSearchImpl) {
    var MS = MiniSearchImpl || root.MiniSearch
    var docs = data.docs
    var byUrl = new Map()
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i]
      d.names = [d.t].concat(d.n ? d.n.split(" · ") : []).map(normalName)
      byUrl.set(d.u, d)
    }
    var ms = MS.loadJS(data.index, indexOptions())

    function search(query, limit) {
      limit = limit || 50
      var terms = queryTerms(String(query || ""))
      if (!terms.length) return { terms: [], pages: [] }
      var last = terms[terms.length - 1]
      var comparing = COMPARING.test(query)
      var whole = normalName(query)
      var hits = ms.search(terms.join(" "), {
        tokenize: function (q) { return q.split(" ") },
        processTerm: function (t) { return t },
        boost: BOOST,
        combineWith: "OR",
        // The last word may still be being typed; longer words may carry one typo.
        prefix: function (term) { return term === last && term.length >= 2 },
        // One typo from five letters, two from eight (a swapped pair of letters is two edits).
        fuzzy: function (term) { return /[0-9._:\/@]/.test(term) ? 0 : term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0 },
        weights: { fuzzy: 0.25, prefix: 0.5 },
        boostDocument: function (id) {
          var d = byUrl.get(id)
          if (!d) return 1
          var boost = d.b || 1
          // The whole query is this page's name, or one of its other names.
          if (d.names && d.names.indexOf(whole) >= 0) boost *= 8
          return boost
        }
      })
      // A document that matches more of the query's words beats one that matches a
      // single word strongly: "text to speach" wants the page with both words.
      for (var c = 0; c < hits.length; c++) {
        var share = hits[c].queryTerms.length / terms.length
        hits[c].score *= share * share
        // "X vs Y", "difference between": the reader wants the page comparing both.
        if (comparing && share === 1 && terms.length > 1) {
          var doc = byUrl.get(hits[c].id)
          if (doc && doc.k === "Comparison") hits[c].score *= 3
        }
      }
      hits.sort(function (a, b) { return b.score - a.score })
      // Group rows under their page; a page ranks by its best document.
      var groups = new Map()
      var order = []
      for (var h = 0; h < hits.length; h++) {
        var hit = hits[h]
        var pageUrl = hit.id.split("#")[0]
        var g = groups.get(pageUrl)
        if (!g) {
          g = { url: pageUrl, score: hit.score, hits: [], matched: new Set(), queryTerms: new Set() }
          groups.set(pageUrl, g)
          order.push(g)
        }
        g.hits.push(hit)
        hit.terms.forEach(function (t) { g.matched.add(t) })
        hit.queryTerms.forEach(function (t) { g.queryTerms.add(t) })
      }
      var pages = order.slice(0, limit).map(function (g) {
        var matched = Array.from(g.matched)
        function item(doc, score) {
          return {
            url: doc.u,
            title: doc.t,
            kind: doc.k,
            score: score,
            titleHTML: highlight(doc.t, matched),
            textHTML: highlight(preview(doc.p || "", matched), matched)
          }
        }
        var page = byUrl.get(g.url)
        var head = page ? item(page, g.hits[0].id === g.url ? g.hits[0].score : g.score) : null
        var rows = []
        for (var r = 0; r < g.hits.length && rows.length < 6; r++) {
          if (g.hits[r].id !== g.url) rows.push(item(byUrl.get(g.hits[r].id), g.hits[r].score))
        }
        var present = {}
        terms.forEach(function (t) { present[t] = g.queryTerms.has(t) })
        return { url: g.url, score: g.score, page: head || rows.shift(), rows: rows, terms: present, matched: matched }
      })
      return { terms: terms, pages: pages }
    }

    return { search: search, size: docs.length }
  }

  root.AtlasSearch = { create: create, build: build, tokenize: tokenize, queryTerms: queryTerms, highlight: highlight }
})(typeof self !== "undefined" ? self : this)
