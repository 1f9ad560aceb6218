/*
 * Spaced repetition with FSRS (engine; no DOM), through the vendored ts-fsrs library
 * (assets/vendor/ts-fsrs.js, global `FSRS`; in Node, require("ts-fsrs")). A right answer
 * is rated Good, a wrong one Again; cards are stored as plain JSON records.
 */
(function (root, factory) {
  var lib = factory();
  if (typeof module === "object" && module.exports) module.exports = lib;
  else { root.AtlasPracticeLib = root.AtlasPracticeLib || {}; root.AtlasPracticeLib.schedule = lib; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function toCard(record) {
    var c = {};
    Object.keys(record).forEach(function (k) { c[k] = record[k]; });
    c.due = new Date(record.due);
    c.last_review = record.last_review ? new Date(record.last_review) : undefined;
    if (c.learning_steps == null) c.learning_steps = 0;
    return c;
  }

  function toRecord(card) {
    var r = {
      due: card.due.toISOString(), stability: card.stability, difficulty: card.difficulty,
      elapsed_days: card.elapsed_days, scheduled_days: card.scheduled_days,
      learning_steps: card.learning_steps || 0, reps: card.reps, lapses: card.lapses, state: card.state
    };
    if (card.last_review) r.last_review = new Date(card.last_review).toISOString();
    return r;
  }

  function createScheduler(FSRS) {
    var scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
    return {
      // The card record after one answer (record null for a question never answered).
      review: function (record, right, now) {
        now = now || new Date();
        var card = record ? toCard(record) : FSRS.createEmptyCard(now);
        return toRecord(scheduler.next(card, now, right ? FSRS.Rating.Good : FSRS.Rating.Again).card);
      }
    };
  }

  // Ids of known questions due at `now` (ms), the longest overdue first.
  function dueIds(doc, known, now) {
    return Object.keys(doc.cards).filter(function (id) {
      return known(id) && Date.parse(doc.cards[id].due) <= now;
    }).sort(function (a, b) { return Date.parse(doc.cards[a].due) - Date.parse(doc.cards[b].due); });
  }

  // A practice session from a pool: due ones first, then new ones, then the soonest due.
  function order(poolIds, doc, now, size, shuffle) {
    var due = [], fresh = [], later = [];
    shuffle(poolIds).forEach(function (id) {
      var c = doc.cards[id];
      if (!c) fresh.push(id);
      else if (Date.parse(c.due) <= now) due.push(id);
      else later.push(id);
    });
    later.sort(function (a, b) { return Date.parse(doc.cards[a].due) - Date.parse(doc.cards[b].due); });
    return due.concat(fresh, later).slice(0, size);
  }

  return { createScheduler: createScheduler, dueIds: dueIds, order: order, toCard: toCard, toRecord: toRecord };
});
