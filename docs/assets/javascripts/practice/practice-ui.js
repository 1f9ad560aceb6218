/*
 * Practice mode (practice/index.md): pick an exam, then one of its domains, a topic or
 * the questions due for review; answer (keys 1-6 pick or toggle, Enter checks and goes
 * on); each option then shows its reason. Progress is kept by store.js and scheduled by
 * schedule.js; a refused write is told in the page with a download of the progress.
 * The setup and the progress are drawn from the bank's index (`ctx.index`); the questions
 * themselves come with the bank (`ctx.questions()`), asked for when the reader turns to
 * the form and waited for, if need be, when they start.
 */
(function (root) {
  "use strict";

  var lib = root.AtlasPracticeLib = root.AtlasPracticeLib || {};

  function when(date) {
    var minutes = Math.round((date.getTime() - Date.now()) / 60000);
    if (minutes <= 0) return "now";
    if (minutes < 60) return "in " + minutes + " min";
    var hours = Math.round(minutes / 60);
    if (hours < 48) return "in " + hours + " h";
    return "in " + Math.round(hours / 24) + " days";
  }

  function mountPractice(ctx, host) {
    var ui = lib.ui, el = ui.el, idx = ctx.index, store = ctx.store;
    var known = function (id) { return !!idx.byId[id]; };
    var loaded = store.load();
    var doc = loaded.doc;
    var setup = el("form", { className: "atlas-practice__setup", "aria-label": "Choose what to practise" });
    var status = el("p", { className: "atlas-practice__status", role: "status", "aria-live": "polite" });
    var alerts = el("div", { className: "atlas-practice__alerts" });
    var progressBox = el("section", { className: "atlas-practice__progress", "aria-labelledby": "atlas-progress-h" });
    var stage = el("section", { className: "atlas-practice__stage", "aria-label": "Questions" });
    var pool = idx.practice;

    function field(labelText, control) {
      var id = ui.nextId("field");
      control.id = id;
      return el("p", { className: "atlas-practice__field" }, [el("label", { "for": id, text: labelText }), control]);
    }

    // The exam studied for: its domains are offered and the summary reports by them.
    var examSelect = el("select");
    var exams = idx.exams.filter(function (e) { return e.status !== "retired"; }).concat(idx.exams.filter(function (e) { return e.status === "retired"; }));
    exams.forEach(function (e) {
      examSelect.appendChild(el("option", { value: e.id, text: e.code + ": " + e.name + (e.status === "retired" ? " (retired)" : "") }));
    });
    var modeName = ui.nextId("mode");
    var modeSet = el("fieldset", { className: "atlas-practice__modes" }, [el("legend", { text: "Practise" })]);
    var dueLabel = null;
    [["domain", "A domain of the exam"], ["topic", "A topic"], ["due", "Questions due for review"]].forEach(function (m, i) {
      var id = modeName + "-" + m[0];
      var input = el("input", { type: "radio", name: modeName, id: id, value: m[0] });
      if (i === 0) input.checked = true;
      var text = el("span", { text: " " + m[1] });
      if (m[0] === "due") dueLabel = text;
      modeSet.appendChild(el("label", { "for": id }, [input, text]));
    });
    var domainSelect = el("select");
    function fillDomains() {
      domainSelect.textContent = "";
      var exam = idx.examsById[examSelect.value];
      exam.domains.forEach(function (d) {
        var tag = exam.id + "/" + d.number;
        var n = pool.filter(function (q) { return q.domains.indexOf(tag) !== -1; }).length;
        if (n) domainSelect.appendChild(el("option", { value: tag, text: "Domain " + d.number + ": " + d.name + " (" + n + ")" }));
      });
    }
    var topicSelect = el("select");
    idx.topics.forEach(function (t) {
      var n = pool.filter(function (q) { return q.topic === t.id; }).length;
      if (n) topicSelect.appendChild(el("option", { value: t.id, text: t.name + " (" + n + ")" }));
    });
    var sizeSelect = el("select");
    [10, 20, 50].forEach(function (n) { sizeSelect.appendChild(el("option", { value: String(n), text: n + " questions" })); });
    var scenarioOnly = el("input", { type: "checkbox", id: ui.nextId("scenario") });
    var start = el("button", { type: "submit", className: "md-button md-button--primary", text: "Start" });
    var wait = ui.waitStatus();
    setup.appendChild(field("Exam", examSelect));
    setup.appendChild(modeSet);
    setup.appendChild(field("Domain", domainSelect));
    setup.appendChild(field("Topic", topicSelect));
    setup.appendChild(field("Session length", sizeSelect));
    if (pool.some(function (q) { return q.scenario; })) {
      setup.appendChild(el("p", { className: "atlas-practice__field" }, [scenarioOnly, el("label", { "for": scenarioOnly.id, text: " Scenario questions only (which service, algorithm or setting fits)" })]));
    }
    setup.appendChild(start);
    setup.appendChild(wait);
    ui.loadOnIntent(ctx, setup);

    function mode() { return setup.querySelector("input[name='" + modeName + "']:checked").value; }
    function syncFields() {
      domainSelect.disabled = mode() !== "domain";
      topicSelect.disabled = mode() !== "topic";
    }
    modeSet.addEventListener("change", syncFields);
    examSelect.addEventListener("change", fillDomains);
    fillDomains();
    syncFields();

    // Saving: a refused write is told with the progress as a download; nothing is lost.
    function save(what) {
      var result = store.save(doc);
      if (result.ok) return true;
      if (result.kept) { keptAlert(); return false; }
      ui.storageAlert(alerts, (what || "Your progress") + " could not be saved: " + result.reason +
        ". It is kept on this page until you leave it; download it to keep it, then import it where storage works.",
        "atlas-practice-progress.json", function () { return JSON.stringify(doc, null, 1); });
      return false;
    }
    function keptAlert(message) {
      ui.storageAlert(alerts, (message || "Older progress that could not be read is still stored and could not be kept aside, so nothing is saved over it.") +
        " Download it to keep it; after that, your answers are saved again.",
        "atlas-practice-unreadable.json", store.protectedRaw, function (box) {
          store.release();
          box.remove();
          var ok = save();
          status.textContent = ok ? "The older progress is in your downloads; your progress is saved again." : status.textContent;
        });
    }

    function drawProgress() {
      progressBox.textContent = "";
      var now = Date.now();
      var ids = Object.keys(doc.cards);
      var due = lib.schedule.dueIds(doc, known, now);
      if (dueLabel) dueLabel.textContent = " Questions due for review (" + due.length + " now)";
      progressBox.appendChild(el("h2", { id: "atlas-progress-h", text: "Your progress" }));
      progressBox.appendChild(el("p", { className: "atlas-practice__summary", text: ids.length
        ? ids.length + " of " + pool.length + " questions answered at least once; " + due.length + " due for review now."
        : "No progress yet: answer some questions and it appears here." }));
      var aside = Object.keys(doc.attic || {}).length;
      if (aside) progressBox.appendChild(el("p", { text: "Progress on " + aside + " questions that the data no longer has is kept aside; it returns if they do." }));
      var upcoming = ids.filter(known).sort(function (a, b) { return Date.parse(doc.cards[a].due) - Date.parse(doc.cards[b].due); }).slice(0, 5);
      if (upcoming.length) {
        progressBox.appendChild(el("h3", { text: "Next due" }));
        var list = el("ol", { className: "atlas-practice__due" });
        upcoming.forEach(function (id) {
          var item = el("li", { "data-question": id }, [el("span", { className: "atlas-practice__when", text: when(new Date(doc.cards[id].due)) + ": " })]);
          list.appendChild(ui.rich(item, idx.byId[id].prompt));
        });
        progressBox.appendChild(list);
      }
      var tools = el("p", { className: "atlas-practice__tools" });
      var exportButton = el("button", { type: "button", className: "md-button", text: "Export progress" });
      var importInput = el("input", { type: "file", id: ui.nextId("import"), accept: ".json,application/json", className: "atlas-practice__file" });
      var importLabel = el("label", { "for": importInput.id, className: "md-button", text: "Import progress" });
      var resetButton = el("button", { type: "button", className: "md-button", text: "Reset progress" });
      [exportButton, importInput, importLabel, resetButton].forEach(function (x) { tools.appendChild(x); });
      progressBox.appendChild(tools);
      progressBox.appendChild(status);

      exportButton.addEventListener("click", function () {
        ui.download("atlas-practice-progress.json", JSON.stringify(doc, null, 1));
        status.textContent = "Progress on " + Object.keys(doc.cards).length + " questions exported to atlas-practice-progress.json.";
      });
      importInput.addEventListener("change", function () {
        var file = importInput.files && importInput.files[0];
        importInput.value = "";
        if (!file) return;
        var refuse = function (why) { status.textContent = "Nothing was imported and your progress is unchanged: " + file.name + " cannot be used because " + why + "."; };
        if (file.size > lib.store.MAX_IMPORT_BYTES) { refuse(store.parseImport("", file.size).problem); return; }
        file.text().then(function (text) {
          var got = store.parseImport(text, file.size);
          if (got.problem) { refuse(got.problem); return; }
          var mine = Object.keys(doc.cards).length;
          if (!mine) { replaceWith(file, got); return; }
          // Progress would be replaced: offer it as a file first.
          var keep = el("button", { type: "button", className: "md-button", text: "Download my current progress" });
          var go = el("button", { type: "button", className: "md-button md-button--primary", text: "Replace it" });
          var cancel = el("button", { type: "button", className: "md-button", text: "Cancel" });
          var ask = el("div", { className: "atlas-practice__confirm", role: "group", "aria-label": "Replace progress?" }, [
            el("p", { text: file.name + " holds progress on " + ui.count(Object.keys(got.doc.cards).length, "question") + "; importing it replaces your progress on " +
              ui.count(mine, "question") + " in this browser." }), el("p", {}, [keep, go, cancel])]);
          keep.addEventListener("click", function () { ui.download("atlas-practice-progress.json", JSON.stringify(doc, null, 1)); });
          go.addEventListener("click", function () { ask.remove(); replaceWith(file, got); });
          cancel.addEventListener("click", function () { ask.remove(); status.textContent = "Nothing was imported; your progress is unchanged."; importInput.focus(); });
          status.textContent = "";
          progressBox.insertBefore(ask, status);
          keep.focus();
        });
      });
      function replaceWith(file, got) {
        var result = store.save(got.doc);  // one write: all or nothing
        if (!result.ok) {
          status.textContent = "Nothing was imported and your progress is unchanged: " + file.name + " cannot be used because " +
            (result.kept ? "older progress that could not be read is kept in its place until you download it" : result.reason) + ".";
          if (result.kept) keptAlert();
          return;
        }
        doc = got.doc;
        drawProgress();
        status.textContent = "Imported progress on " + ui.count(Object.keys(doc.cards).length, "question") + " from " + file.name +
          (got.moved ? "; " + got.moved + " entries for questions the data no longer has are kept aside" : "") + ".";
      }
      var armed = false;
      resetButton.addEventListener("click", function () {
        if (!armed) {
          armed = true;
          resetButton.textContent = "Really reset? Click again";
          status.textContent = "Reset deletes the progress kept in this browser. Export it first to keep a copy.";
          return;
        }
        var empty = lib.store.emptyProgress();
        var result = store.save(empty);
        if (!result.ok) { status.textContent = "Nothing was reset: " + (result.reason || "the browser refused the change") + "."; return; }
        doc = empty;
        drawProgress();
        status.textContent = "Progress reset.";
      });
    }

    function pick() {
      var size = parseInt(sizeSelect.value, 10);
      if (mode() === "due") return lib.schedule.dueIds(doc, known, Date.now()).filter(function (id) { return idx.byId[id].style === "exam"; }).slice(0, size);
      var ids = pool.filter(function (q) {
        if (scenarioOnly.checked && !q.scenario) return false;
        return mode() === "domain" ? q.domains.indexOf(domainSelect.value) !== -1 : q.topic === topicSelect.value;
      }).map(function (q) { return q.id; });
      return lib.schedule.order(ids, doc, Date.now(), size, lib.draw.shuffle);
    }

    function runSession(bank, ids, exam) {
      var results = [];
      var index = 0;
      stage.textContent = "";
      var box = el("div", { className: "atlas-q" });
      stage.appendChild(box);

      function show() {
        box.textContent = "";
        var q = bank.byId[ids[index]];
        var form = ui.questionForm(box, q, "Question " + (index + 1) + " of " + ids.length);
        var check = el("button", { type: "button", className: "md-button md-button--primary atlas-q__check", text: "Check answer" });
        var feedback = el("div", { className: "atlas-q__feedback", role: "status", "aria-live": "polite" });
        box.appendChild(check);
        box.appendChild(feedback);
        var answered = false;
        var next = null;

        function answer() {
          if (answered) return;
          var chosen = form.selected();
          if (!chosen.length) { feedback.textContent = "Choose an answer first (keys 1 to " + q.options.length + ")."; return; }
          if (form.multi && chosen.length !== q.choose) { feedback.textContent = "Choose " + q.choose + " answers (you chose " + chosen.length + ")."; return; }
          answered = true;
          form.lock();
          check.remove();
          var right = lib.bank.isRight(q, chosen);
          results.push({ id: q.id, right: right });
          doc.cards[q.id] = ctx.scheduler().review(doc.cards[q.id] || null, right);
          save("Your answer");
          drawProgress();
          form.mark(ctx.root, chosen);
          feedback.textContent = "";
          feedback.setAttribute("data-result", right ? "right" : "wrong");
          var verdict = el("p", { className: "atlas-q__verdict" });
          var keys = q.answers.map(function (a) { return ui.KEYS[a]; }).join(" and ");
          verdict.textContent = right ? "\u2713 Right." : "\u2717 Not right: the answer is " + keys + ", ";
          if (!right) ui.rich(verdict, q.answers.map(function (a) { return q.options[a]; }).join("; ") + ".");
          feedback.appendChild(verdict);
          feedback.appendChild(ui.rich(el("p", { className: "atlas-q__explanation" }), q.explanation));
          feedback.appendChild(ui.linksFor(ctx.root, q));
          next = el("button", { type: "button", className: "md-button md-button--primary atlas-q__next", text: index + 1 < ids.length ? "Next question" : "See the summary" });
          next.addEventListener("click", advance);
          feedback.appendChild(el("p", { className: "atlas-q__buttons" }, [next]));
          feedback.appendChild(ui.reportLink(q, ctx.issues));
          next.focus({ preventScroll: true });
        }
        function advance() {
          index += 1;
          if (index < ids.length) { show(); ui.bringIntoView(box, box.querySelector("input")); } else summary();
        }
        check.addEventListener("click", answer);
        box.onkeydown = function (ev) {
          if (ui.typingTarget(ev) || ev.altKey || ev.ctrlKey || ev.metaKey) return;
          var k = ui.KEYS.indexOf(ev.key);
          if (k !== -1 && k < q.options.length && !answered) { ev.preventDefault(); form.toggle(k); return; }
          if (ev.key === "Enter") {
            if (ev.target && (ev.target.tagName === "BUTTON" || ev.target.tagName === "A" || ev.target.tagName === "SUMMARY")) return;
            ev.preventDefault();
            if (!answered) answer(); else if (next) advance();
          }
        };
      }

      function summary() {
        stage.textContent = "";
        var right = results.filter(function (r) { return r.right; }).length;
        var section = el("div", { className: "atlas-practice__result", "aria-live": "polite" });
        var heading = el("h2", { tabindex: "-1", text: "Session summary: " + right + " of " + results.length + " right" });
        section.appendChild(heading);
        var rows = [];
        exam.domains.forEach(function (d) {
          var tag = exam.id + "/" + d.number;
          var mine = results.filter(function (r) { return bank.byId[r.id].domains.indexOf(tag) !== -1; });
          if (!mine.length) return;
          var ok = mine.filter(function (r) { return r.right; }).length;
          rows.push(el("tr", { "data-domain": tag }, [el("td", { text: d.number + ": " + d.name }), el("td", { text: String(mine.length) }), el("td", { text: String(ok) })]));
        });
        if (rows.length) section.appendChild(ui.table("Answers by " + exam.code + " domain", ["Domain", "Answered", "Right"], rows));
        var other = results.filter(function (r) { return !bank.byId[r.id].domains.some(function (t) { return t.indexOf(exam.id + "/") === 0; }); }).length;
        if (other) section.appendChild(el("p", { text: ui.count(other, "question") + " of this session " + (other === 1 ? "is" : "are") + " outside the " + exam.code + " domains." }));
        var missed = results.filter(function (r) { return !r.right; });
        if (missed.length) {
          section.appendChild(el("h3", { text: "Missed in this session" }));
          var list = el("ul", { className: "atlas-practice__missed" });
          missed.forEach(function (r) {
            var q = bank.byId[r.id];
            var item = el("li", { "data-question": q.id });
            var page = ui.siteUrl(ctx.root, q.url);
            item.appendChild(page ? ui.rich(el("a", { href: page }), q.prompt) : ui.rich(el("span"), q.prompt));
            list.appendChild(item);
          });
          section.appendChild(list);
          section.appendChild(el("p", { text: "They come back for review soon (\u201cQuestions due for review\u201d)." }));
        }
        var again = el("button", { type: "button", className: "md-button md-button--primary", text: "Practise again" });
        again.addEventListener("click", function () { stage.textContent = ""; setup.hidden = false; drawProgress(); start.focus(); });
        section.appendChild(again);
        stage.appendChild(section);
        drawProgress();
        ui.bringIntoView(section, heading);
      }

      setup.hidden = true;
      show();
      ui.bringIntoView(box, box.querySelector("input"));
    }

    setup.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var ids = pick();
      if (!ids.length) {
        var upcoming = Object.keys(doc.cards).filter(known).map(function (id) { return Date.parse(doc.cards[id].due); }).sort();
        status.textContent = mode() === "due"
          ? "Nothing is due for review now" + (upcoming.length ? "; the next question is due " + when(new Date(upcoming[0])) + "." : ". Answer some questions first.")
          : "No questions for this choice.";
        return;
      }
      status.textContent = "";
      var exam = idx.examsById[examSelect.value];
      ui.withQuestions(ctx, start, wait, function (bank) {
        var asked = ids.filter(function (id) { return bank.byId[id]; });
        if (!asked.length) { status.textContent = "No questions for this choice."; return; }
        runSession(bank, asked, exam);
      });
    });

    host.appendChild(alerts);
    host.appendChild(setup);
    host.appendChild(stage);
    host.appendChild(progressBox);
    drawProgress();
    if (loaded.note) status.textContent = loaded.note;
    if (loaded.alert) keptAlert(loaded.alert);
  }

  lib.practiceUi = { mount: mountPractice };
})(self);
