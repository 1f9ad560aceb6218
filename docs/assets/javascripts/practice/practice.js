/*
 * AWS ML Atlas practice mode and exam simulation (practice/index.md, practice/exam.md):
 * the entry point. atlas.js loads, only on those pages, the FSRS scheduler (assets/
 * vendor/ts-fsrs.js, global `FSRS`; practice mode only), the question bank (assets/
 * practice/questions.js, global `__atlasPractice`) and the modules of this folder that the
 * page's mode needs (PRACTICE_SCRIPTS and MODE_SCRIPTS there), in any order; each adds
 * itself to `AtlasPracticeLib`, and `AtlasPractice.mount` puts them together:
 *   engine (no DOM; tested with `node --test tests/js/`): bank.js (the bank, v1 or v2),
 *     store.js (progress in localStorage, checked writes), schedule.js (FSRS),
 *     draw.js (the exam draw by domain weights);
 *   UI: ui.js (shared drawing), practice-ui.js, exam-ui.js, exam-result.js.
 */
(function (root) {
  "use strict";

  var lib = root.AtlasPracticeLib = root.AtlasPracticeLib || {};
  var context = null;

  function storage() {
    try { return window.localStorage; } catch (err) { return null; }
  }

  function ctxFor() {
    if (!context) {
      var bank = lib.bank.normalize(root.__atlasPractice);
      context = { bank: bank, scheduler: null };
    }
    return context;
  }

  root.AtlasPractice = {
    mount: function (host) {
      var base = ctxFor();
      var ctx = {
        // The scheduler only in practice mode (the exam simulation does not load ts-fsrs).
        bank: base.bank, scheduler: base.scheduler || (window.FSRS ? (base.scheduler = lib.schedule.createScheduler(window.FSRS)) : null),
        store: lib.store.createStore({ storage: storage(), key: "atlas-practice", known: function (id) { return !!base.bank.byId[id]; } }),
        root: new URL(host.getAttribute("data-root") || "./", window.location.href),
        issues: host.getAttribute("data-issues") || "",
        practiceUrl: new URL(host.getAttribute("data-practice") || "./", window.location.href).href
      };
      host.textContent = "";
      if (host.getAttribute("data-atlas-practice") === "exam") lib.examUi.mount(ctx, host);
      else lib.practiceUi.mount(ctx, host);
      host.setAttribute("data-atlas-state", "ready");
    }
  };
})(self);
