/*
 * Exam simulation (practice/exam.md): every current exam (bank `simulate`) with AWS's
 * question count, time and pass mark, its questions drawn by domain weight (draw.js),
 * multiple-response items where the bank has them, a navigator with flags, a timer that
 * stays in view, a confirmation before finishing, and a result with the pass mark, a
 * score per domain and the missed questions linked to their pages. `?questions=5` (or
 * `?count=5`) makes a shorter sitting, its time cut in proportion; `?exam=<id>` picks
 * the exam. A simulation does not change practice progress. The exams come first
 * (`ctx.index`: the bank's index without its questions); the questions load with the bank
 * (`ctx.questions()`) only when the reader turns to the form or starts the exam.
 */
(function (root) {
  "use strict";

  var lib = root.AtlasPracticeLib = root.AtlasPracticeLib || {};

  function params() {
    var out = {};
    (window.location.search || "").replace(/^\?/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var p = kv.split("=");
      try { out[decodeURIComponent(p[0])] = decodeURIComponent(p[1] || ""); } catch (err) { /* ignore a bad pair */ }
    });
    return out;
  }

  // What AWS says the exam is, in a sentence, with its source; unconfirmed figures say so.
  function formatNote(ui, exam) {
    var f = exam.format;
    var p = ui.el("p", { className: "atlas-exam__format" });
    var text = "AWS: " + f.questions + " questions" + (f.scored ? " (" + f.scored + " scored, " + (f.questions - f.scored) + " unscored)" : "") +
      " in " + f.minutes + " minutes" + (f.passing_score ? "; pass mark " + ui.number(f.passing_score) + " on a scaled score of 100\u20131,000" : "; pass mark not stated in our data") + ". ";
    p.appendChild(document.createTextNode(text));
    var src = ui.safeUrl(f.source);
    if (src) p.appendChild(ui.el("a", { href: src, text: "Source: AWS's " + exam.code + " page" }));
    if (!f.confirmed) {
      p.appendChild(document.createTextNode(" "));
      p.appendChild(ui.el("strong", { className: "atlas-exam__unconfirmed", text: "Unconfirmed: these figures are not yet checked against AWS's page." }));
    }
    return p;
  }

  function mountExam(ctx, host) {
    var ui = lib.ui, el = ui.el, idx = ctx.index;
    var query = params();
    var exams = idx.exams.filter(function (e) { return e.simulate; });
    var status = el("p", { className: "atlas-practice__status", role: "status", "aria-live": "polite" });
    var stage = el("section", { className: "atlas-practice__stage", "aria-label": "Exam sitting" });
    host.appendChild(status);
    if (!exams.length) { status.textContent = "No current exam is in the data."; return; }
    var setup = el("form", { className: "atlas-practice__setup", "aria-label": "Choose an exam" });
    var examId = ui.nextId("exam");
    var select = el("select", { id: examId });
    exams.forEach(function (e) {
      var opt = el("option", { value: e.id, text: e.code + ": " + e.name });
      if (query.exam === e.id) opt.selected = true;
      select.appendChild(opt);
    });
    var info = el("div", { className: "atlas-practice__info" });
    var startButton = el("button", { type: "submit", className: "md-button md-button--primary", text: "Start the exam" });
    function plan() {
      var exam = idx.examsById[select.value];
      var count = exam.format.questions;
      var wanted = parseInt(query.questions || query.count, 10);
      if (wanted >= 1 && wanted < count) count = wanted;
      var minutes = Math.max(1, Math.round(exam.format.minutes * count / exam.format.questions));
      return { exam: exam, count: count, minutes: minutes };
    }
    function describe() {
      info.textContent = "";
      var exam = idx.examsById[select.value];
      startButton.disabled = !exam.format;
      if (!exam.format) {
        var p0 = el("p", { className: "atlas-exam__format", text: "AWS's question count and time for " + exam.code +
          " are not in our data yet, so it has no timed simulation; its domains are in " });
        p0.appendChild(el("a", { href: ctx.practiceUrl, text: "practice mode" }));
        p0.appendChild(document.createTextNode("."));
        info.appendChild(p0);
        return;
      }
      var p = plan();
      info.appendChild(el("p", { className: "atlas-exam__plan", text: p.count + " questions in " + p.minutes + " minutes, mixed by domain weight (" +
        p.exam.domains.map(function (d) { return "domain " + d.number + ": " + d.weight + "%"; }).join(", ") + ")." +
        (p.count < p.exam.format.questions ? " A shorter sitting: the address asks for " + p.count + " questions." : "") }));
      info.appendChild(formatNote(ui, p.exam));
    }
    select.addEventListener("change", describe);
    setup.appendChild(el("p", { className: "atlas-practice__field" }, [el("label", { "for": examId, text: "Exam" }), select]));
    setup.appendChild(info);
    setup.appendChild(startButton);
    var wait = ui.waitStatus();
    setup.appendChild(wait);
    ui.loadOnIntent(ctx, setup);
    describe();

    setup.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (!idx.examsById[select.value].format) return;
      var p = plan();
      ui.withQuestions(ctx, startButton, wait, function (bank) {
        var items = lib.draw.drawExam(p.exam, bank.questions, p.count);
        if (!items.length) { status.textContent = "No questions for this exam."; return; }
        items.forEach(function (x) { x.chosen = []; x.flagged = false; });
        status.textContent = items.length < p.count ? "The bank has " + items.length + " questions for this exam; the sitting has them all." : "";
        setup.hidden = true;
        run(p.exam, items, Math.max(1, Math.round(p.minutes * items.length / p.count)));
      });
    });

    function run(exam, items, minutes) {
      var endAt = Date.now() + minutes * 60000;
      var current = 0;
      var timer = null;
      stage.textContent = "";
      var bar = el("div", { className: "atlas-exam__bar" });
      var clock = el("p", { className: "atlas-exam__clock", role: "timer", "aria-label": "Time left" });
      var where = el("p", { className: "atlas-exam__where" });
      bar.appendChild(clock);
      bar.appendChild(where);
      var navTitle = ui.nextId("nav");
      var nav = el("nav", { className: "atlas-exam__nav", "aria-labelledby": navTitle }, [el("h2", { id: navTitle, className: "atlas-exam__nav-title", text: "Question navigator" })]);
      var navList = el("ol", { className: "atlas-exam__nav-list" });
      nav.appendChild(navList);
      var box = el("div", { className: "atlas-q" });
      var confirm = el("dialog", { className: "atlas-exam__confirm", "aria-labelledby": ui.nextId("confirm") });
      stage.appendChild(bar);
      stage.appendChild(nav);
      stage.appendChild(box);
      stage.appendChild(confirm);
      var navButtons = items.map(function (item, i) {
        var b = el("button", { type: "button", className: "atlas-exam__nav-button", text: String(i + 1) });
        b.addEventListener("click", function () { go(i); ui.bringIntoView(box, firstInput(), bar); });
        navList.appendChild(el("li", {}, [b]));
        return b;
      });

      function answeredCount() { return items.filter(function (x) { return x.chosen.length; }).length; }
      function label(i) {
        var item = items[i];
        return "Question " + (i + 1) + (item.chosen.length ? ", answered" : ", not answered") + (item.flagged ? ", flagged for review" : "");
      }
      function drawNav() {
        navButtons.forEach(function (b, i) {
          b.setAttribute("aria-label", label(i));
          b.classList.toggle("atlas-exam__nav-button--answered", items[i].chosen.length > 0);
          b.classList.toggle("atlas-exam__nav-button--flagged", items[i].flagged);
          if (i === current) b.setAttribute("aria-current", "step"); else b.removeAttribute("aria-current");
          // Answered and flagged show as symbols too, not by colour alone.
          b.textContent = (i + 1) + (items[i].chosen.length ? " \u2713" : "") + (items[i].flagged ? " \u2691" : "");
        });
        where.textContent = "Question " + (current + 1) + " of " + items.length + " \u00b7 " + answeredCount() + " answered";
      }
      function tick() {
        if (!document.body.contains(stage)) { clearInterval(timer); return; }
        var left = Math.max(0, endAt - Date.now());
        var secs = Math.ceil(left / 1000), m = Math.floor(secs / 60), s = secs % 60;
        clock.textContent = "Time left: " + m + ":" + (s < 10 ? "0" : "") + s;
        if (left <= 0) finish(true);
      }
      function firstInput() { return box.querySelector("input:checked") || box.querySelector("input"); }
      function go(i) {
        current = i;
        box.textContent = "";
        var item = items[i];
        var form = ui.questionForm(box, item.q, "Question " + (i + 1) + " of " + items.length, item.chosen);
        form.fieldset.addEventListener("change", function () { item.chosen = form.selected(); drawNav(); });
        var flagId = ui.nextId("flag");
        var flag = el("input", { type: "checkbox", id: flagId });
        flag.checked = item.flagged;
        flag.addEventListener("change", function () { item.flagged = flag.checked; drawNav(); });
        box.appendChild(el("p", { className: "atlas-exam__flag" }, [flag, el("label", { "for": flagId, text: " Flag for review" })]));
        var prev = el("button", { type: "button", className: "md-button", text: "Previous" });
        var next = el("button", { type: "button", className: "md-button md-button--primary", text: "Next" });
        var end = el("button", { type: "button", className: "md-button atlas-exam__end", text: "Finish the exam" });
        prev.disabled = i === 0;
        next.disabled = i === items.length - 1;
        prev.addEventListener("click", function () { go(i - 1); ui.bringIntoView(box, firstInput(), bar); });
        next.addEventListener("click", function () { go(i + 1); ui.bringIntoView(box, firstInput(), bar); });
        end.addEventListener("click", askToFinish);
        box.appendChild(el("p", { className: "atlas-exam__buttons" }, [prev, next]));
        box.appendChild(el("p", { className: "atlas-exam__finish" }, [end]));
        box.onkeydown = function (ev) {
          if (ui.typingTarget(ev) || ev.altKey || ev.ctrlKey || ev.metaKey) return;
          var k = ui.KEYS.indexOf(ev.key);
          if (k !== -1 && k < item.q.options.length) { ev.preventDefault(); form.toggle(k); return; }
          if (ev.key === "Enter" && ev.target && ev.target.tagName === "INPUT" && ev.target !== flag && i < items.length - 1) {
            ev.preventDefault(); go(i + 1); ui.bringIntoView(box, firstInput(), bar);
          }
        };
        drawNav();
      }

      // "Finish the exam" asks first, saying what is left unanswered or flagged.
      function askToFinish() {
        var open = items.length - answeredCount();
        var flagged = items.filter(function (x) { return x.flagged; }).length;
        var titleId = confirm.getAttribute("aria-labelledby");
        confirm.textContent = "";
        confirm.appendChild(el("h2", { id: titleId, text: "Finish the exam?" }));
        confirm.appendChild(el("p", { text: (open ? open + " of " + items.length + " questions are not answered; they count as wrong." : "Every question is answered.") +
          (flagged ? " " + flagged + " flagged for review." : "") + " You cannot change answers afterwards." }));
        var yes = el("button", { type: "button", className: "md-button md-button--primary", text: "Yes, finish and see the result" });
        var no = el("button", { type: "button", className: "md-button", text: "Go back to the exam" });
        yes.addEventListener("click", function () { confirm.close(); finish(false); });
        no.addEventListener("click", function () { confirm.close(); });
        confirm.appendChild(el("p", {}, [yes, no]));
        confirm.showModal();
        no.focus();
      }

      function finish(timeUp) {
        clearInterval(timer);
        if (confirm.open) confirm.close();
        lib.examResult.draw(ctx, stage, exam, items, timeUp, function () { stage.textContent = ""; setup.hidden = false; select.focus(); });
      }

      go(0);
      tick();
      timer = setInterval(tick, 1000);
      ui.bringIntoView(bar, firstInput());
    }

    host.appendChild(setup);
    host.appendChild(stage);
  }

  lib.examUi = { mount: mountExam, formatNote: formatNote };
})(self);
