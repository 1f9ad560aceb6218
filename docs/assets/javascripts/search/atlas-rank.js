/*
 * AWS ML Atlas search, the final ranking: the word ranking (atlas-search.js) and the
 * meaning ranking (atlas-meaning.js) of a query, fused into one list of pages. Pure: two
 * engines and a query in, ranked pages out; no page, no worker. A plain script in the
 * search worker (global `AtlasRank`), a module in Node (tests/js/search.test.js, the
 * benchmark's tools/search_eval.py).
 *
 *   const ranker = AtlasRank.create(AtlasSearch.create(index, MiniSearch), AtlasMeaning.create(vectors))
 *   ranker.rank("which endpoint for sporadic traffic")   // -> { terms, pages, exact }, as the word engine's search
 */
(function (root, factory) {
  var lib = factory()
  if (typeof module === "object" && module.exports) module.exports = lib
  else root.AtlasRank = lib
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  // Reciprocal rank fusion: a page scores the sum over the rankings of weight / (K + rank).
  // K and the weights were chosen on the benchmark groups of tests/search_queries.yml
  // (macros/features/search/meaning.py says how); the word ranking counts twice the meaning one,
  // and the meaning one counts only as much as the share of the query's words it knows
  // (`known`, 1 unless given): a typo's pieces make a vector that points anywhere, while
  // the word ranking's typo tolerance finds what was meant.
  // A long need in plain words (`terms`: six or more words that count, stop words aside)
  // gives the word ranking many weak matches, so its order says less: K = 20 flattens both
  // rankings and a page high in both wins. Measured (issue #25): plain-words needs 76.1% ->
  // 78.9% hit@3 on the tuning half and 76.0% -> 78.7% on the held-out half; applied from
  // four or five words, it cost the exam group's short stems one or two of 44, so shorter
  // queries keep K = 10.
  var K = 10
  var K_LONG = 20
  var LONG = 6
  var WEIGHTS = [1, 0.5]
  var DEPTH = 30

  function fuse(wordUrls, meaningUrls, known, terms) {
    var score = new Map()
    var weights = [WEIGHTS[0], WEIGHTS[1] * (known === undefined ? 1 : known)]
    var k = terms >= LONG ? K_LONG : K
    ;[wordUrls, meaningUrls].forEach(function (list, n) {
      list.slice(0, DEPTH).forEach(function (url, r) {
        score.set(url, (score.get(url) || 0) + weights[n] / (k + r + 1))
      })
    })
    return Array.from(score.keys()).sort(function (a, b) { return score.get(b) - score.get(a) })
  }

  var LIMIT = 50

  // words: an AtlasSearch engine over the full index; meaning: an AtlasMeaning layer, or
  // null (a site built without one: the words alone answer).
  function create(words, meaning) {
    // Modes, for the benchmark: "words" (the word ranking alone), "meaning" (the meaning
    // ranking alone, pages described as the word engine describes them); none: the final list.
    function rank(query, mode) {
      var found = words.search(query, LIMIT)
      if (!meaning || mode === "words") return found
      var near = meaning.rank(query, DEPTH).map(function (r) { return r.url })
      if (mode === "meaning") return words.arrange(found, near, LIMIT)
      // A page's name or an identifier as written: the words answer with certainty.
      if (found.exact) return found
      var wordUrls = found.pages.map(function (p) { return p.url })
      return words.arrange(found, fuse(wordUrls, near, meaning.known(query), found.terms.length), LIMIT)
    }

    return { rank: rank }
  }

  return { create: create, fuse: fuse }
})
