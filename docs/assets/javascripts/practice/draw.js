/*
 * The exam draw (engine; no DOM): a sitting's questions spread over the exam's domains by
 * their weights (largest remainder), drawn without repeats. A domain with too few
 * questions gives its places to the other domains, again by weight, so a sitting has the
 * asked number of questions whenever the exam's pool has them. Only exam-style questions
 * are drawn; scenario questions come before fact questions within a domain (v1 banks).
 */
(function (root, factory) {
  var lib = factory();
  if (typeof module === "object" && module.exports) module.exports = lib;
  else { root.AtlasPracticeLib = root.AtlasPracticeLib || {}; root.AtlasPracticeLib.draw = lib; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function shuffle(list, random) {
    random = random || Math.random;
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  // Places per domain for `count` questions: [{domain, n}], summing to count.
  function shares(domains, count) {
    var total = domains.reduce(function (s, d) { return s + d.weight; }, 0) || 1;
    var out = domains.map(function (d, i) {
      var exact = count * d.weight / total;
      return { domain: d, n: Math.floor(exact), rest: exact - Math.floor(exact), i: i };
    });
    var left = count - out.reduce(function (s, x) { return s + x.n; }, 0);
    out.slice().sort(function (a, b) { return b.rest - a.rest || a.i - b.i; }).slice(0, left).forEach(function (x) { x.n += 1; });
    return out.map(function (x) { return { domain: x.domain, n: x.n }; });
  }

  // -> [{q, domain}] in a shuffled order; fewer than `count` only when the pool is smaller.
  function drawExam(exam, questions, count, random) {
    var pools = exam.domains.map(function (d) {
      var tag = exam.id + "/" + d.number;
      var mine = questions.filter(function (q) { return q.style === "exam" && q.domains.indexOf(tag) !== -1; });
      return shuffle(mine.filter(function (q) { return q.scenario; }), random)
        .concat(shuffle(mine.filter(function (q) { return !q.scenario; }), random));
    });
    var used = {};
    var items = [];
    function take(i, n) {
      var got = 0;
      while (got < n && pools[i].length) {
        var q = pools[i].shift();
        if (used[q.id]) continue;
        used[q.id] = true;
        items.push({ q: q, domain: exam.domains[i] });
        got += 1;
      }
      return got;
    }
    var want = Math.max(0, Math.floor(count));
    shares(exam.domains, want).forEach(function (s, i) { take(i, s.n); });
    // Places a short domain could not fill go to domains that still have questions.
    while (items.length < want) {
      var open = exam.domains.map(function (d, i) { return i; }).filter(function (i) {
        return pools[i].some(function (q) { return !used[q.id]; });
      });
      if (!open.length) break;
      var before = items.length;
      var extra = shares(open.map(function (i) { return exam.domains[i]; }), want - items.length);
      extra.forEach(function (s, k) { take(open[k], s.n); });
      if (items.length === before) take(open[0], 1);
    }
    return shuffle(items, random);
  }

  return { shuffle: shuffle, shares: shares, drawExam: drawExam };
});
