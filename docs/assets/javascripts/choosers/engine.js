/*
 * The chooser engine (no DOM): the reader's answers in, ranked picks, excluded candidates
 * and advice out. The page ships its fact table as <script type="application/json">
 * (macros/features/choosers/page.py): every fact, every ranking rule's verdict and every
 * note is judged and worded by the build (macros/features/choosers/evaluate.py). This
 * module only combines that table for the answers given: which candidates meet every
 * answer, the first answer each other one fails, the sum of the weights of the rules each
 * pick meets, and alphabetical order for ties.
 *
 * A plain script in the browser (self.AtlasChooser.engine, used by choosers/ui.js) and a
 * Node module (tests/js/choosers.test.js; tests/data/test_choosers.py runs it against the
 * Python evaluation over every combination of answers of every chooser).
 */
(function (root, factory) {
  var lib = factory();
  if (typeof module === "object" && module.exports) module.exports = lib;
  else { root.AtlasChooser = root.AtlasChooser || {}; root.AtlasChooser.engine = lib; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function whenHolds(when, given) {
    return Object.keys(when).every(function (q) { return given[q] === when[q]; });
  }

  function isAnswer(question, answer) {
    return !!answer && question.answers.some(function (x) { return x.id === answer; });
  }

  // answers: question id -> answer id; an unknown question or answer is ignored. Returns
  // ranked picks (each with the facts that met the answered constraints, its score, rank,
  // the picks it ties with and the notes of the rules that separate the picks), excluded
  // candidates (each with the first constraint it fails, in question order), the indexes
  // of the advice that applies, and whether more picks tie first than a shortlist holds
  // (the data cannot separate them).
  function evaluate(data, answers) {
    var asked = [];
    data.questions.forEach(function (q) {
      if (isAnswer(q, answers[q.id])) asked.push([q.id, answers[q.id]]);
    });
    var given = {};
    asked.forEach(function (pair) { given[pair[0]] = pair[1]; });
    var result = { picks: [], excluded: [], advice: [], undecided: false };
    var order = {};
    data.candidates.forEach(function (c) {
      order[c.id] = c.order;
      var reasons = [];
      var failed = null;
      for (var i = 0; i < asked.length; i++) {
        var fact = c.facts[asked[i][0]][asked[i][1]];
        if (!fact) continue; // an answer that rules nothing out
        if (fact[0]) {
          reasons.push([asked[i][0], fact]);
        } else {
          failed = { id: c.id, question: asked[i][0], fact: fact };
          break;
        }
      }
      if (failed) result.excluded.push(failed);
      else result.picks.push({ id: c.id, reasons: reasons, score: 0, rank: 1, tiedWith: [], notes: [] });
    });
    var picks = result.picks;
    data.prefer.forEach(function (rule, i) {
      if (!whenHolds(rule.when, given)) return;
      var met = picks.filter(function (p) { return rule.by[p.id][0]; }).length;
      picks.forEach(function (p) {
        var judged = rule.by[p.id];
        if (judged[0]) p.score += rule.weight;
        if (met > 0 && met < picks.length) p.notes.push([i, judged[1]].concat(rule.notes[judged[2]]));
      });
    });
    picks.sort(function (a, b) { return (b.score - a.score) || (order[a.id] - order[b.id]); });
    picks.forEach(function (p) {
      p.rank = 1 + picks.filter(function (o) { return o.score > p.score; }).length;
      p.tiedWith = picks.filter(function (o) { return o.score === p.score && o.id !== p.id; }).map(function (o) { return o.id; });
    });
    var picked = {};
    picks.forEach(function (p) { picked[p.id] = true; });
    data.advice.forEach(function (adv, i) {
      if (picked[adv.candidate] && whenHolds(adv.when, given)) result.advice.push(i);
    });
    result.undecided = picks.filter(function (p) { return p.rank === 1; }).length > data.shortlist;
    return result;
  }

  // The question ids whose deciding fact is worded the same (text and source) for every
  // pick: the page shows those once, above the list, and each pick only its own. None
  // with fewer than two picks.
  function sharedReasons(picks) {
    if (picks.length < 2) return [];
    return picks[0].reasons.filter(function (r, i) {
      return picks.every(function (p) { return p.reasons[i][1][1] === r[1][1] && p.reasons[i][1][2] === r[1][2]; });
    }).map(function (r) { return r[0]; });
  }

  // The answers an address gives (?question=answer): unknown questions and answers ignored.
  function readAnswers(data, search) {
    var params = new URLSearchParams(search);
    var answers = {};
    data.questions.forEach(function (q) {
      var a = params.get(q.id);
      if (isAnswer(q, a)) answers[q.id] = a;
    });
    return answers;
  }

  // The query string (without "?") of an address's `search` with the answers written into
  // it: every question answered is set, every other one removed, other parameters kept.
  function writeAnswers(data, answers, search) {
    var params = new URLSearchParams(search);
    data.questions.forEach(function (q) {
      if (answers[q.id]) params.set(q.id, answers[q.id]);
      else params.delete(q.id);
    });
    return params.toString();
  }

  return { evaluate: evaluate, sharedReasons: sharedReasons, readAnswers: readAnswers, writeAnswers: writeAnswers };
});
