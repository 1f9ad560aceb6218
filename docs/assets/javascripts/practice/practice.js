/*
 * AWS ML Atlas practice mode and exam simulation (practice/index.md, practice/exam.md):
 * the entry point. atlas.js loads, only on those pages, the bank's index (assets/practice/
 * index.js; the simulation only its exams, exams.js), the FSRS scheduler (assets/vendor/
 * ts-fsrs.js, global `FSRS`; practice mode only) and the modules of this folder that the
 * page's mode needs (PRACTICE_SCRIPTS and MODE_SCRIPTS there), in any order; each adds
 * itself to `AtlasPracticeLib`, and `AtlasPractice.mount(host, {index, loadBank})` puts
 * them together. The page is drawn from the index; the bank itself (assets/practice/
 * questions.js, the exam-style questions whole) is loaded through `loadBank` only when
 * the screen asks for it (`ctx.questions()`): when the reader turns to the form, or starts.
 *   engine (no DOM; tested with `node --test tests/js/`): bank.js (the bank, v1 or v2,
 *     and its index), store.js (progress in localStorage, checked writes), schedule.js
 *     (FSRS), draw.js (the exam draw by domain weights);
 *   UI: ui.js (shared drawing), practice-ui.js, exam-ui.js, exam-result.js.
 */
(function (root) {
  "use strict";

  var lib = root.AtlasPracticeLib = root.AtlasPracticeLib || {};
  var index = null, indexRaw = null, bank = null, bankPromise = null, scheduler = null;

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

  // A promise of the whole bank, normalized once; a failed load may be tried again.
  function questions(loadBank) {
    if (!bankPromise) {
      bankPromise = Promise.resolve().then(loadBank).then(function (raw) { return (bank = lib.bank.normalize(raw)); });
      bankPromise.catch(function () { bankPromise = null; });
    }
    return bankPromise;
  }

  root.AtlasPractice = {
    // options.index: the bank's index as loaded (on the simulation, one without questions);
    // options.loadBank(): a promise of the bank.
    mount: function (host, options) {
      var idx = indexOf(options.index);
      var exam = host.getAttribute("data-atlas-practice") === "exam";
      // The scheduler only in practice mode (the exam simulation does not load ts-fsrs).
      if (!scheduler && window.FSRS) scheduler = lib.schedule.createScheduler(window.FSRS);
      var ctx = {
        index: idx,
        questions: function () { return questions(options.loadBank); },
        loadedQuestions: function () { return bank; },
        scheduler: scheduler,
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
