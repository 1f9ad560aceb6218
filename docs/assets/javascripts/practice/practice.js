/*
 * AWS ML Atlas practice mode and exam simulation (practice/index.md, practice/exam.md):
 * the entry point. atlas.js loads, only on those pages, the bank's index (assets/practice/
 * index.js; the simulation only its exams, exams.js) and the modules of this folder that
 * the page's mode needs (PRACTICE_SCRIPTS and MODE_SCRIPTS there), in any order; each
 * adds itself to `AtlasPracticeLib`, and `AtlasPractice.mount(host, {index, loadBank})`
 * puts them together. The page is drawn from the index; the bank itself (assets/practice/
 * questions.js, the exam-style questions whole) is loaded through `loadBank` only when
 * the screen asks for it (`ctx.questions()`): when the reader turns to the form, or
 * starts. In practice mode the FSRS scheduler (assets/vendor/ts-fsrs.js, global `FSRS`)
 * comes with it: nothing is scheduled before the first answer.
 *   engine (no DOM; tested with `node --test tests/js/`): bank.js (the bank, v1 or v2,
 *     and its index), store.js (progress in localStorage, checked writes), schedule.js
 *     (FSRS), draw.js (the exam draw by domain weights);
 *   UI: ui.js (shared drawing), practice-ui.js, exam-ui.js, exam-result.js.
 */
(function (root) {
  "use strict";

  var lib = root.AtlasPracticeLib = root.AtlasPracticeLib || {};
  var index = null, indexRaw = null, bank = null, bankRaw = null, scheduler = null;

  function storage() {
    try { return window.localStorage; } catch (err) { return null; }
  }

  // The index, normalized once per loaded copy (instant navigation keeps it).
  function indexOf(raw) {
    if (raw !== indexRaw) {
      index = lib.bank.normalizeIndex(raw);
      indexRaw = raw;
    }
    return index;
  }

  // The bank, normalized once per loaded copy.
  function bankOf(raw) {
    if (raw !== bankRaw) {
      bank = lib.bank.normalize(raw);
      bankRaw = raw;
    }
    return bank;
  }

  root.AtlasPractice = {
    // options.index: the bank's index as loaded (on the simulation, one without questions);
    // options.loadBank(): a promise of the bank.
    mount: function (host, options) {
      var idx = indexOf(options.index);
      var exam = host.getAttribute("data-atlas-practice") === "exam";
      // This page's bank: asked for once (again after a failure) through this page's
      // loader, which brings what the page's mode needs with it (atlas.js keeps each file
      // it has loaded, so another page's loader costs nothing twice).
      var pending = null, loadedBank = null;
      var ctx = {
        index: idx,
        questions: function () {
          if (!pending) {
            pending = Promise.resolve().then(options.loadBank).then(function (raw) { return (loadedBank = bankOf(raw)); });
            pending.catch(function () { pending = null; });
          }
          return pending;
        },
        loadedQuestions: function () { return loadedBank; },
        // The FSRS scheduler, made on first use (practice mode: ts-fsrs came with the bank).
        scheduler: function () {
          if (!scheduler) scheduler = lib.schedule.createScheduler(window.FSRS);
          return scheduler;
        },
        // Progress only in practice mode: a simulation never touches it (and its index
        // holds no questions). Every id the index has is known, recall questions too, so
        // progress on none of them is put aside.
        store: exam ? null : lib.store.createStore({ storage: storage(), key: "atlas-practice", known: function (id) { return !!idx.byId[id]; } }),
        root: new URL(host.getAttribute("data-root") || "./", window.location.href),
        issues: host.getAttribute("data-issues") || "",
        practiceUrl: new URL(host.getAttribute("data-practice") || "./", window.location.href).href
      };
      host.textContent = "";
      if (exam) lib.examUi.mount(ctx, host);
      else lib.practiceUi.mount(ctx, host);
      host.setAttribute("data-atlas-state", "ready");
    }
  };
})(self);
