/*
 * AWS ML Atlas search, the meaning layer: ranks pages by how close what they say is to
 * what the reader typed, with the vectors of search/atlas-meaning.js (built from WordLlama
 * by macros/features/search/meaning.py). atlas-rank.js fuses its ranking with the word
 * ranking. A plain script in the search worker (global `AtlasMeaning`), a module in Node.
 *
 *   const meaning = AtlasMeaning.create(self.__atlasMeaning)
 *   meaning.rank("fill in blank ages in my table")   // -> [{ url, score }], best first
 *
 * The query's vector is the mean of its word pieces' vectors, the pieces being those the
 * model's tokenizer gives each word (shipped for every word of the site); a word the site
 * never uses is split into the longest known pieces, a word-initial one first. A page
 * scores as its closest vector (its name and summary, a task, or a section).
 */
(function (root, factory) {
  var lib = factory()
  if (typeof module === "object" && module.exports) module.exports = lib
  else root.AtlasMeaning = lib
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  function decode(base64) {
    var bin = atob(base64)
    var out = new Int8Array(bin.length)
    for (var i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24
    return out
  }

  // As macros/features/search/meaning.py `words`: lower case, accents off, runs of letters and digits.
  function words(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[a-z0-9]+/g) || []
  }

  var MAX_WORDS = 40
  var MAX_WORD = 40

  function create(data) {
    var dims = data.dims
    var starts = new Map(), inner = new Map()
    data.starts.split(" ").forEach(function (p, n) { starts.set(p, n) })
    var offset = starts.size
    data.inner.split(" ").forEach(function (p, n) { inner.set(p, offset + n) })
    var known = data.words
    var pieces = decode(data.pieces)
    var items = decode(data.items)
    var count = items.length / dims
    var norms = new Float32Array(count)
    for (var i = 0; i < count; i++) {
      var s = 0
      for (var d = 0; d < dims; d++) { var x = items[i * dims + d]; s += x * x }
      norms[i] = Math.sqrt(s) || 1
    }
    var pageOf = new Int32Array(count)
    for (var p = 0, at = 0; p < data.counts.length; p++) {
      for (var c = 0; c < data.counts[p]; c++) pageOf[at++] = p
    }

    // A word the site never uses: the longest word-initial piece it starts with (two
    // letters at least), then the longest inner pieces; a letter no piece covers is skipped.
    function split(word) {
      var out = [], pos = 0
      for (var end = word.length; end >= pos + 2; end--) {
        if (starts.has(word.slice(0, end))) { out.push(starts.get(word.slice(0, end))); pos = end; break }
      }
      while (pos < word.length) {
        var found = false
        for (var e = word.length; e > pos; e--) {
          if (inner.has(word.slice(pos, e))) { out.push(inner.get(word.slice(pos, e))); pos = e; found = true; break }
        }
        if (!found) pos++
      }
      return out
    }

    function piecesOf(word) {
      if (Object.prototype.hasOwnProperty.call(known, word)) return known[word]
      if (starts.has(word)) return [starts.get(word)]
      return split(word)
    }

    function vector(query) {
      var ids = []
      words(String(query).slice(0, 400)).slice(0, MAX_WORDS).forEach(function (w) {
        ids = ids.concat(piecesOf(w.slice(0, MAX_WORD)))
      })
      if (!ids.length) return null
      var v = new Float32Array(dims)
      for (var k = 0; k < ids.length; k++) {
        var base = ids[k] * dims
        for (var d = 0; d < dims; d++) v[d] += pieces[base + d]
      }
      var n = 0
      for (var j = 0; j < dims; j++) n += v[j] * v[j]
      n = Math.sqrt(n)
      if (!n) return null
      for (var m = 0; m < dims; m++) v[m] /= n
      return v
    }

    // The share of the query's words the meaning layer knows whole (a site word, or a
    // word of the model's vocabulary): a word it splits into pieces, a typo most often,
    // gives a vector that says little.
    function knownShare(query) {
      var all = words(String(query).slice(0, 400)).slice(0, MAX_WORDS)
      if (!all.length) return 0
      var n = 0
      all.forEach(function (w) {
        w = w.slice(0, MAX_WORD)
        if (Object.prototype.hasOwnProperty.call(data.words, w) || starts.has(w)) n++
      })
      return n / all.length
    }

    // What each item is: "h" a page's name and summary, "t" one of its tasks, "s" a section
    // of its text (data.kinds, one letter an item; without it every item counts alike).
    var kinds = data.kinds || ""

    // For every page (in data.pages' order), the similarity of the query to its closest
    // item, to its second closest, and to its closest of each kind (-2: none).
    function similarities(query) {
      var v = vector(query)
      if (!v) return null
      var n = data.pages.length
      var out = { best: new Float32Array(n).fill(-2), second: new Float32Array(n).fill(-2),
        head: new Float32Array(n).fill(-2), task: new Float32Array(n).fill(-2), section: new Float32Array(n).fill(-2) }
      for (var i = 0; i < count; i++) {
        var s = 0, base = i * dims
        for (var d = 0; d < dims; d++) s += items[base + d] * v[d]
        s /= norms[i]
        var p = pageOf[i]
        if (s > out.best[p]) { out.second[p] = out.best[p]; out.best[p] = s } else if (s > out.second[p]) out.second[p] = s
        var kind = kinds.charAt(i)
        var byKind = kind === "h" ? out.head : kind === "t" ? out.task : kind === "s" ? out.section : null
        if (byKind && s > byKind[p]) byKind[p] = s
      }
      return out
    }

    function order(best, limit) {
      var pages = []
      for (var p = 0; p < best.length; p++) pages.push(p)
      pages.sort(function (a, b) { return best[b] - best[a] })
      return pages.slice(0, limit || 30)
    }

    // Pages by their closest item, best first: [{ url, score }].
    function rank(query, limit) {
      var sims = similarities(query)
      if (!sims) return []
      return order(sims.best, limit).map(function (p) { return { url: data.pages[p], score: sims.best[p] } })
    }

    return { rank: rank, similarities: similarities, order: order, pages: data.pages, vector: vector, known: knownShare, size: count }
  }

  return { create: create, words: words }
})
