/*
 * The question bank as the practice pages use it (engine; no DOM). Reads bank format
 * version 2 and, until every build writes it, version 1:
 *  - v2 questions: id, style ("exam" | "recall"), type, topic, prompt, options, answers
 *    (option indices), choose, reasons (one per option: {text, url, source}),
 *    explanation, domains, url, source {title, url}, file.
 *  - v2 exams: id, code, name, status, simulate, url, domains, format {questions, scored,
 *    minutes, passing_score, question_types, source, confirmed}.
 *  - v1 questions have `answer` (one index) and no reasons, style or choose; v1 exams no
 *    `simulate` (then every exam that is not retired is simulated) and formats without
 *    `confirmed` (then the figures count as unconfirmed).
 * A simulated exam without a format is listed, but cannot be sat: AWS's question count
 * and time for it are not in the data yet.
 *
 * The index (macros/features/practice/bank.py) is what a page needs before any question
 * is asked: the exams and topics, and of every question of every style its id, style,
 * topic, domains and prompt. `normalizeIndex` reads it; `normalize` the bank itself.
 */
(function (root, factory) {
  var lib = factory();
  if (typeof module === "object" && module.exports) module.exports = lib;
  else { root.AtlasPracticeLib = root.AtlasPracticeLib || {}; root.AtlasPracticeLib.bank = lib; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function question(q) {
    var answers = Array.isArray(q.answers) ? q.answers.slice() : [q.answer];
    var reasons = Array.isArray(q.reasons) && q.reasons.length === q.options.length ? q.reasons : null;
    return {
      id: q.id, style: q.style || "exam", type: q.type, topic: q.topic, scenario: !!q.scenario,
      prompt: q.prompt, options: q.options, answers: answers,
      choose: typeof q.choose === "number" ? q.choose : answers.length,
      reasons: reasons, explanation: q.explanation, domains: q.domains || [],
      url: q.url, source: q.source || { title: "", url: null }, file: q.file
    };
  }

  function exam(e) {
    var f = e.format || null;
    var format = f && {
      questions: f.questions, scored: f.scored == null ? null : f.scored, minutes: f.minutes,
      passing_score: f.passing_score == null ? null : f.passing_score,
      question_types: f.question_types || [], source: f.source || null, confirmed: f.confirmed === true
    };
    return {
      id: e.id, code: e.code, name: e.name, status: e.status, url: e.url, domains: e.domains || [],
      simulate: typeof e.simulate === "boolean" ? e.simulate : e.status !== "retired",
      format: format
    };
  }

  // The bank in one shape whatever its version, with look-ups by id.
  function normalize(raw) {
    if (!raw || !Array.isArray(raw.questions) || !Array.isArray(raw.exams)) throw new Error("the question bank is damaged");
    var out = {
      version: raw.version || 1,
      topics: raw.topics || [],
      exams: raw.exams.map(exam),
      questions: raw.questions.map(question),
      byId: {}, examsById: {}
    };
    out.questions.forEach(function (q) { out.byId[q.id] = q; });
    out.exams.forEach(function (e) { out.examsById[e.id] = e; });
    out.practice = out.questions.filter(function (q) { return q.style === "exam"; });
    return out;
  }

  // The index in the same shape as a bank, its questions holding only what the index
  // has: enough to count, choose and name questions, and to know every id progress may hold.
  function normalizeIndex(raw) {
    if (!raw || !Array.isArray(raw.questions) || !Array.isArray(raw.exams)) throw new Error("the question index is damaged");
    var out = {
      version: raw.version || 1,
      topics: raw.topics || [],
      exams: raw.exams.map(exam),
      questions: raw.questions.map(function (q) {
        return { id: q.id, style: q.style || "exam", topic: q.topic, scenario: !!q.scenario, prompt: q.prompt, domains: q.domains || [] };
      }),
      byId: {}, examsById: {}
    };
    out.questions.forEach(function (q) { out.byId[q.id] = q; });
    out.exams.forEach(function (e) { out.examsById[e.id] = e; });
    out.practice = out.questions.filter(function (q) { return q.style === "exam"; });
    return out;
  }

  // Whether a set of chosen option indices is exactly the right answer.
  function isRight(q, chosen) {
    if (!chosen || chosen.length !== q.answers.length) return false;
    return q.answers.every(function (a) { return chosen.indexOf(a) !== -1; });
  }

  var WORDS = ["zero", "one", "two", "three", "four", "five", "six"];
  function chooseText(n) { return "Choose " + (WORDS[n] || String(n)) + "."; }

  return { normalize: normalize, normalizeIndex: normalizeIndex, isRight: isRight, chooseText: chooseText };
});
