/*
 * AWS ML Atlas search engine, the word ranking: MiniSearch with our tokenizer, stop words,
 * typo tolerance and field weights. Knows nothing of a theme, a page or a worker: give it
 * the documents of search/atlas-index.js, ask it a query, get pages with their matching rows.
 * It loads as a plain script (the search worker: global `AtlasSearch`, with the global
 * `MiniSearch`) and as a Node module (the index builder and tests/js/search.test.js, which
 * pass MiniSearch in).
 *
 *   const engine = AtlasSearch.create(self.__atlasSearch, MiniSearch)
 *   engine.search("which endpoint for sporadic traffic")  // -> { terms, weights, pages: [{ url, page, rows, terms, ... }], exact }
 *
 * (terms: the query's terms; weights: each term's rarity; a page's terms: which it holds.)
 *
 * Indexed fields of a document: t (title), n (other names: aliases, old names, acronyms),
 * q (tasks in a student's words), i (identifiers), c (for a comparison: the names of what
 * it compares), x (text). Shipped with each document
 * for display: u (URL, the id), t, k (kind label), p (preview text), b (boost, default 1).
 */
(function (root, factory) {
  var lib = factory(root)
  if (typeof module === "object" && module.exports) module.exports = lib
  else root.AtlasSearch = lib
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict"

  // Words that never decide a ranking: English function words, and the words nearly
  // every page of this site holds ("aws", "amazon", "service", "data"). "Who" is not one
  // of them here: "who called this API" is an auditing question.
  var STOP = new Set((
    "a an and are as at be but by can do does for from how i if in into is it its me my " +
    "of on or so than that the their them then there these they this to use used using " +
    "was we what when where which why will with without you your should need needs " +
    "want best good way ways get aws amazon service services data vs versus between").split(" "))

  var SPLIT = /[\s,;()\[\]{}"'!?<>|=+*`~^\u2018\u2019\u201c\u201d\u2013\u2014\u2026]+/
  var INNER = /[._:\/@-]+/
  var EDGE = /^[._:\/@-]+|[._:\/@-]+$/g

  // A light plural fold, applied alike to the index and the query: "endpoints" and
  // "endpoint" are one term. Identifiers (anything with a digit or a joiner) stay as typed.
  // The "-ify" family folds too: "classify", "classifies", "classified", "classifier",
  // "classification" are one term (a need says "classify", a page "classification").
  function fold(term) {
    if (/[0-9._:\/@-]/.test(term) || term.length <= 4) return term
    if (/ies$/.test(term)) term = term.slice(0, -3) + "y"
    else if (/(ss|us|is|ous)$/.test(term)) return term
    else if (/s$/.test(term)) term = term.slice(0, -1)
    return term.replace(/(ification|ifier|ified|ifying)$/, "ify")
  }

  // Whole tokens first (`ml.p3.2xlarge`, `scale_pos_weight`, `validation:rmse`), then
  // their parts. The index also gets the parts of camel-case names (`MaxConcurrency`
  // -> max, concurrency); a query is never split that way, so `word2vec` and `PyTorch`
  // match as typed.
  // Spelling variants AWS's own pages mix: one form for the index and the query alike.
  var VARIANTS = [[/\bdata\s+sets?\b/gi, "dataset"], [/\bdata\s+lakes?\b/gi, "datalake"]]

  function tokenize(text, camel) {
    var out = []
    text = String(text)
    for (var v = 0; v < VARIANTS.length; v++) text = text.replace(VARIANTS[v][0], function (m) { return m + " " + VARIANTS[v][1] })
    var raw = text.split(SPLIT)
    for (var i = 0; i < raw.length; i++) {
      var token = raw[i].replace(EDGE, "")
      if (!token || !/[A-Za-z0-9]/.test(token)) continue
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

  // Names compare without case, punctuation or "Amazon"/"AWS" in front; the joiners
  // inside an identifier count ("weight decay" is a concept's name, `weight_decay` a
  // hyperparameter's, and `validation:rmse` a metric's).
  function normalName(text) {
    return String(text).toLowerCase().replace(/[^a-z0-9_.:]+/g, " ")
      .replace(/(^|\s)[_.:]+|[_.:]+(?=\s|$)/g, "$1").replace(/^(amazon|aws) /, "").trim()
      .split(/\s+/).map(fold).join(" ")
  }

  var FIELDS = ["t", "n", "q", "i", "c", "x"]
  var NAME_FIELDS = ["t", "n"]
  var COMPARED_FIELDS = ["t", "n", "q", "c"]
  // Tasks (q) are needs in a student's words, as a reader types them: a query's words
  // found there say more than the same words in a name, and far more than in the text.
  // (11, from 6: on the tuning half of the plain-words needs, hit@3 of the fused list 76%,
  // from 73%, exam stems 93%, from 89%; 12 and more push the decision guide's table rows
  // below the pages whose tasks share their words, 15 and more cost the typos group; #25.)
  var BOOST = { t: 6, n: 5, i: 5, q: 11, c: 3, x: 1 }
  // A page one of whose tasks holds at least this share of a query of three words or more
  // (weighted by rarity) scores up to half as much again: the page answers that need, it
  // does not only use its words here and there. Measured (issue #25): the exam group's
  // stems 93.2% -> 95.5% hit@3, the held-out half of the plain-words needs +1, their tuning
  // half unchanged, one typo query from first to second. Two-word queries are left out:
  // one word is then 40%, and "precision vs recall" went to the pages whose tasks say both.
  var TASK_SHARE = 0.4
  var TASK_BONUS = 0.5
  var TASK_TERMS = 3

  // Edit distance, bounded: enough to tell which document term a typo stands for.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1
    var prev = [], cur = []
    for (var j = 0; j <= b.length; j++) prev[j] = j
    for (var i = 1; i <= a.length; i++) {
      cur = [i]
      for (var k = 1; k <= b.length; k++) {
        cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1))
      }
      prev = cur
    }
    return prev[b.length]
  }

  // Whether every query term of a hit matched (exactly, as a prefix or with a typo) a
  // document term found in one of the given fields.
  function inFields(hit, fields) {
    var inside = Object.keys(hit.match).filter(function (t) {
      return hit.match[t].some(function (f) { return fields.indexOf(f) >= 0 })
    })
    return hit.queryTerms.every(function (q) {
      return inside.some(function (t) { return t === q || t.indexOf(q) === 0 || distance(q, t, 2) <= 2 })
    })
  }

  var MAX_QUERY = 200
  // What an identifier looks like: a joiner or digit inside, or a capital after a small letter.
  var IDENTIFIER = /[0-9_.:\/@]|[a-z][A-Z]/

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

  function indexOptions(fields) {
    return {
      idField: "u",
      fields: fields || FIELDS,
      storeFields: [],
      tokenize: function (text) { return tokenize(text, true) },
      processTerm: processTerm,
      extractField: function (doc, field) { return doc[field] || "" }
    }
  }

  // At build time (macros/features/search/build_index.js, under Node): documents -> the
  // serialised index that search/atlas-index.js (all fields) or search/atlas-quick.js
  // (some) ships, so no browser builds it. The document ids are the documents' URLs in
  // order; create() restores them, so they are not shipped twice.
  function build(docs, MiniSearchImpl, fields, compact) {
    var MS = MiniSearchImpl || root.MiniSearch
    var ms = new MS(indexOptions(fields))
    ms.addAll(docs)
    var json = ms.toJSON()
    delete json.documentIds
    if (compact) json.index = json.index.map(compactEntry)
    return json
  }

  // The compact form of one index entry, for the quick index (it is fetched before the
  // reader searches, so every kilobyte counts): [term, {field: {doc: count}}] ->
  // [term, [field, doc gaps, counts unless all 1], ...]. Gzip halves gaps better than ids.
  function compactEntry(entry) {
    var out = [entry[0]]
    Object.keys(entry[1]).forEach(function (field) {
      var postings = entry[1][field]
      var ids = Object.keys(postings).map(Number).sort(function (a, b) { return a - b })
      var gaps = [], counts = [], prev = 0, ones = true
      ids.forEach(function (id) {
        gaps.push(id - prev); prev = id
        counts.push(postings[id]); if (postings[id] !== 1) ones = false
      })
      out.push(ones ? [Number(field), gaps] : [Number(field), gaps, counts])
    })
    return out
  }

  // The compact entries straight into the index's own maps: the quick index must be ready
  // at once. (Uses MiniSearch's internal `_index`, a radix tree of term -> field -> doc ->
  // count; MiniSearch is pinned, and its loadJS builds the same structure.)
  function loadCompact(ms, entries) {
    for (var e = 0; e < entries.length; e++) {
      var entry = entries[e], fields = new Map()
      for (var f = 1; f < entry.length; f++) {
        var spec = entry[f], gaps = spec[1], counts = spec[2], postings = new Map(), id = 0
        for (var k = 0; k < gaps.length; k++) {
          id += gaps[k]
          postings.set(id, counts ? counts[k] : 1)
        }
        fields.set(spec[0], postings)
      }
      ms._index.set(entry[0], fields)
    }
  }

  // data: { docs: [{u, t, k, p, b}], index: <MiniSearch.toJSON() without documentIds> }
  // The index's own field list says which fields it holds (the quick one has no text).
  function create(data, MiniSearchImpl) {
    var MS = MiniSearchImpl || root.MiniSearch
    var docs = data.docs
    var byUrl = new Map()
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i]
      d.names = [d.t].concat(d.n ? d.n.split(" · ") : []).map(normalName)
      byUrl.set(d.u, d)
    }
    if (!data.index.documentIds) {
      var ids = {}
      for (var n = 0; n < docs.length; n++) ids[n] = docs[n].u
      data.index.documentIds = ids
    }
    var entries = data.index.index
    var compact = entries.length > 0 && Array.isArray(entries[0][1])
    if (compact) data.index.index = []
    var ms = MS.loadJS(data.index, indexOptions(Object.keys(data.index.fieldIds)))
    if (compact) loadCompact(ms, entries)
    var count = data.index.documentCount || docs.length
    // Each page's tasks, as sets of index terms (the full index ships them; q).
    var taskTerms = new Map()
    for (var t = 0; t < docs.length; t++) {
      if (!docs[t].q) continue
      taskTerms.set(docs[t].u, docs[t].q.split(" · ").map(function (task) {
        var set = new Set()
        tokenize(task, true).forEach(function (token) { var term = processTerm(token); if (term) set.add(term) })
        return set
      }))
    }
    var abbreviations = {}
    Object.keys(data.glossary || {}).forEach(function (abbr) {
      var key = processTerm(abbr)
      if (key) abbreviations[key] = queryTerms(data.glossary[abbr])
    })

    // Inverse document frequency of a query term; a term no document holds (a typo)
    // counts as rare.
    function idf(term) {
      var df = 0
      var fields = ms._index && ms._index.get ? ms._index.get(term) : null
      if (fields) {
        var ids = {}
        fields.forEach ? fields.forEach(function (docs) { docs.forEach(function (_, id) { ids[id] = 1 }) })
                       : Object.keys(fields).forEach(function (f) { Object.keys(fields[f]).forEach(function (id) { ids[id] = 1 }) })
        df = Object.keys(ids).length
      }
      return Math.log(1 + count / (df + 1))
    }

    function search(query, limit) {
      limit = limit || 50
      var terms = queryTerms(String(query || ""))
      if (!terms.length) return { terms: [], pages: [] }
      var last = terms[terms.length - 1]
      var comparing = COMPARING.test(query)
      var whole = normalName(query)
      // A phrase the glossary abbreviates ("machine learning" -> ML) also finds pages that
      // only use the abbreviation; a page with the abbreviation counts as having the words.
      var standsFor = {}
      Object.keys(abbreviations).forEach(function (abbr) {
        var words = abbreviations[abbr]
        if (words.length > 1 && words.every(function (w) { return terms.indexOf(w) >= 0 }) && terms.indexOf(abbr) < 0) {
          standsFor[abbr] = words
        }
      })
      var searched = terms.concat(Object.keys(standsFor))
      var hits = ms.search(searched.join(" "), {
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
      // Rare words count for more than common ones ("machine", "learning", "model").
      var weights = {}, total = 0
      terms.forEach(function (t) { weights[t] = idf(t); total += weights[t] })
      for (var c = 0; c < hits.length; c++) {
        var hit = hits[c]
        var got = 0
        var matched = {}
        hit.queryTerms.forEach(function (t) {
          matched[t] = true
          ;(standsFor[t] || []).forEach(function (w) { matched[w] = true })
        })
        terms.forEach(function (t) { if (matched[t]) got += weights[t] })
        var complete = terms.every(function (t) { return matched[t] })
        var share = total ? got / total : 1
        hit.score *= share * share
        // One of the page's tasks holds much of the query (by rarity): the page answers
        // this need, not only uses its words here and there.
        var tasks = taskTerms.get(hit.id)
        if (tasks && total && terms.length >= TASK_TERMS) {
          var best = 0
          for (var k = 0; k < tasks.length; k++) {
            var inTask = 0
            for (var w = 0; w < terms.length; w++) if (tasks[k].has(terms[w])) inTask += weights[terms[w]]
            if (inTask > best) best = inTask
          }
          if (best / total >= TASK_SHARE) hit.score *= 1 + TASK_BONUS * best / total
        }
        if (!complete) continue
        var doc = byUrl.get(hit.id)
        if (!doc) continue
        // Every word of the query is in the page's names (title, other names, or for a
        // comparison the things it compares): the page is about exactly that.
        if (inFields(hit, NAME_FIELDS)) hit.score *= 2
        // Every word is in the page's tasks: it answers this need in so many words.
        else if (terms.length > 1 && inFields(hit, ["q"])) hit.score *= 2
        // "X vs Y", "difference between": the page that compares both.
        if (comparing && terms.length > 1 && (doc.k === "Comparison" || / vs\.? /i.test(doc.t)) && inFields(hit, COMPARED_FIELDS)) {
          hit.score *= 8
        }
      }
      hits.sort(function (a, b) { return b.score - a.score })
      // Whether the words alone answer with certainty: the best hit is named exactly so
      // (a page's name or other name, or an identifier typed as written). Such a query
      // needs no meaning search, and the quick index's answer to it is already final.
      var exact = false
      if (hits.length) {
        var top = byUrl.get(hits[0].id)
        var single = terms.length === 1 && IDENTIFIER.test(query.trim()) && !/\s/.test(query.trim())
        exact = !!(top && top.names && top.names.indexOf(whole) >= 0) ||
          (single && Object.keys(hits[0].match).some(function (t) {
            return t === terms[0] && hits[0].match[t].some(function (f) { return f === "i" })
          }))
      }
      // Group rows under their page; a page ranks by its best document.
      var groups = new Map()
      var order = []
      for (var h = 0; h < hits.length; h++) {
        hit = hits[h]
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
        function item(doc, score) { return itemOf(doc, score, matched) }
        var page = byUrl.get(g.url)
        var head = page ? item(page, g.hits[0].id === g.url ? g.hits[0].score : g.score) : null
        var rows = []
        for (var r = 0; r < g.hits.length && rows.length < 6; r++) {
          if (g.hits[r].id !== g.url) rows.push(item(byUrl.get(g.hits[r].id), g.hits[r].score))
        }
        var present = {}
        terms.forEach(function (t) {
          present[t] = g.queryTerms.has(t) || Object.keys(standsFor).some(function (a) { return g.queryTerms.has(a) && standsFor[a].indexOf(t) >= 0 })
        })
        return { url: g.url, score: g.score, page: head || rows.shift(), rows: rows, terms: present, matched: matched }
      })
      return { terms: terms, weights: weights, pages: pages, exact: exact }
    }

    function itemOf(doc, score, matched) {
      return {
        url: doc.u,
        title: doc.t,
        kind: doc.k,
        score: score,
        titleHTML: highlight(doc.t, matched),
        textHTML: highlight(preview(doc.p || "", matched), matched)
      }
    }

    // The pages of `found` (a search's answer) in the order of `urls` (a fused ranking),
    // with the pages only the meaning layer found described from their documents.
    function arrange(found, urls, limit) {
      var byPage = new Map()
      found.pages.forEach(function (page) { byPage.set(page.url, page) })
      var out = []
      for (var i = 0; i < urls.length && out.length < (limit || 50); i++) {
        var page = byPage.get(urls[i])
        if (!page) {
          var doc = byUrl.get(urls[i])
          if (!doc) continue
          page = { url: doc.u, score: 0, page: itemOf(doc, 0, []), rows: [], terms: {}, matched: [] }
        }
        out.push(page)
      }
      return { terms: found.terms, weights: found.weights, pages: out, exact: found.exact }
    }

    return { search: search, arrange: arrange, size: docs.length, quick: !!data.quick }
  }

  return { create: create, build: build, tokenize: tokenize, processTerm: processTerm, queryTerms: queryTerms, highlight: highlight }
})
