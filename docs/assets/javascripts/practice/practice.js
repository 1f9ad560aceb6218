/*
 * AWS ML Atlas practice mode and exam simulation (practice/index.md, practice/exam.md).
 *
 * Loaded by atlas.js only on those pages, after the FSRS scheduler (assets/vendor/
 * ts-fsrs.js, global `FSRS`) and the question bank (assets/practice/questions.js, global
 * `__atlasPractice`, generated from the data by macros/practice). Everything is drawn
 * with DOM methods and textContent: no text from the bank is ever parsed as HTML.
 *
 * Progress lives in localStorage only ("atlas-practice"): one FSRS card per question id.
 * Progress on ids the bank no longer has moves to `attic` and comes back if the question
 * does. Export writes the same JSON to a file; import accepts only that format and
 * version, checks every entry first, and changes nothing when anything is wrong.
 */
(function () {
  "use strict";

  var STORE_KEY = "atlas-practice";
  var FORMAT = "atlas-practice-progress";
  var VERSION = 1;
  var ID_PATTERN = /^q-[0-9a-f]{10}$/;
  var KEYS = ["1", "2", "3", "4"];

  var bank = self.__atlasPractice;
  var FSRS = window.FSRS;
  var scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
  var byId = {};
  bank.questions.forEach(function (q) { byId[q.id] = q; });
  var examsById = {};
  bank.exams.forEach(function (e) { examsById[e.id] = e; });
  var uid = 0;

  // --- small DOM helpers ---------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  // Question text with `code spans` drawn as <code>; everything else as plain text.
  function rich(node, text) {
    String(text).split(/(`[^`]+`)/).forEach(function (part) {
      if (/^`[^`]+`$/.test(part)) node.appendChild(el("code", { text: part.slice(1, -1) }));
      else if (part) node.appendChild(document.createTextNode(part));
    });
    return node;
  }

  function nextId(prefix) { uid += 1; return "atlas-" + prefix + "-" + uid; }

  function safeUrl(url) {
    return /^https:\/\//.test(url) ? url : null;
  }

  function domainName(tag) {
    var parts = tag.split("/");
    var exam = examsById[parts[0]];
    if (!exam) return tag;
    var d = exam.domains.filter(function (x) { return String(x.number) === parts[1]; })[0];
    return exam.code + " domain " + parts[1] + (d ? ": " + d.name : "");
  }

  function when(date) {
    var minutes = Math.round((date.getTime() - Date.now()) / 60000);
    if (minutes <= 0) return "now";
    if (minutes < 60) return "in " + minutes + " min";
    var hours = Math.round(minutes / 60);
    if (hours < 48) return "in " + hours + " h";
    return "in " + Math.round(hours / 24) + " days";
  }

  function shuffle(list) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  // --- progress: FSRS cards in localStorage ----------------------------------------------

  var NUMBER_FIELDS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "reps", "lapses"];

  function cardProblem(id, c) {
    if (!ID_PATTERN.test(id)) return "an entry has an id that is not a question id";
    if (!c || typeof c !== "object") return "the entry for " + id + " is not a record";
    if (typeof c.due !== "string" || isNaN(Date.parse(c.due))) return "the entry for " + id + " has no valid due date";
    for (var i = 0; i < NUMBER_FIELDS.length; i++) {
      var v = c[NUMBER_FIELDS[i]];
      if (typeof v !== "number" || !isFinite(v) || v < 0) return "the entry for " + id + " has no valid " + NUMBER_FIELDS[i];
    }
    if ([0, 1, 2, 3].indexOf(c.state) === -1) return "the entry for " + id + " has no valid state";
    if (c.last_review != null && (typeof c.last_review !== "string" || isNaN(Date.parse(c.last_review)))) {
      return "the entry for " + id + " has an invalid last review date";
    }
    if (c.learning_steps != null && (typeof c.learning_steps !== "number" || c.learning_steps < 0)) {
      return "the entry for " + id + " has invalid learning steps";
    }
    return null;
  }

  // Why a progress document cannot be used, or null when it can.
  function progressProblem(doc) {
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) return "it is not an AWS ML Atlas progress file";
    if (doc.format !== FORMAT) return "it is not an AWS ML Atlas progress file (format is not \u201c" + FORMAT + "\u201d)";
    if (typeof doc.version !== "number") return "it has no format version";
    if (doc.version < VERSION) return "it is in an older format (version " + doc.version + "; this site reads version " + VERSION + ")";
    if (doc.version > VERSION) return "it is in a newer format (version " + doc.version + "; this site reads version " + VERSION + ")";
    var groups = ["cards", "attic"];
    for (var g = 0; g < groups.length; g++) {
      var group = doc[groups[g]];
      if (group == null && groups[g] === "attic") continue;
      if (!group || typeof group !== "object" || Array.isArray(group)) return "it is damaged (no " + groups[g] + " list)";
      var ids = Object.keys(group);
      for (var i = 0; i < ids.length; i++) {
        var problem = cardProblem(ids[i], group[ids[i]]);
        if (problem) return "it is damaged (" + problem + ")";
      }
    }
    return null;
  }

  function emptyProgress() {
    return { format: FORMAT, version: VERSION, cards: {}, attic: {} };
  }

  // Entries of questions the bank no longer has go to the attic; ones it has again return.
  function sortAside(doc) {
    var moved = 0;
    doc.attic = doc.attic || {};
    Object.keys(doc.cards).forEach(function (id) {
      if (!byId[id]) { doc.attic[id] = doc.cards[id]; delete doc.cards[id]; moved += 1; }
    });
    Object.keys(doc.attic).forEach(function (id) {
      if (byId[id] && !doc.cards[id]) { doc.cards[id] = doc.attic[id]; delete doc.attic[id]; }
    });
    return moved;
  }

  var storageNote = "";

  function loadProgress() {
    var raw = null;
    try { raw = window.localStorage.getItem(STORE_KEY); } catch (err) { storageNote = "This browser does not let the page keep progress."; }
    if (!raw) return emptyProgress();
    var doc = null;
    try { doc = JSON.parse(raw); } catch (err) { doc = null; }
    var problem = progressProblem(doc);
    if (problem) {
      // Never overwrite what we cannot read: keep it under another key.
      try { window.localStorage.setItem(STORE_KEY + "-unreadable", raw); } catch (err) { /* full */ }
      storageNote = "Saved progress could not be read (" + problem + "); it was kept aside and practice starts afresh.";
      return emptyProgress();
    }
    sortAside(doc);
    return doc;
  }

  function saveProgress(doc) {
    doc.saved = new Date().toISOString();
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(doc)); return true; } catch (err) { return false; }
  }

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

  function review(doc, id, right) {
    var now = new Date();
    var card = doc.cards[id] ? toCard(doc.cards[id]) : FSRS.createEmptyCard(now);
    var result = scheduler.next(card, now, right ? FSRS.Rating.Good : FSRS.Rating.Again);
    doc.cards[id] = toRecord(result.card);
    saveProgress(doc);
  }

  function dueIds(doc, now) {
    return Object.keys(doc.cards).filter(function (id) {
      return byId[id] && Date.parse(doc.cards[id].due) <= now;
    }).sort(function (a, b) { return Date.parse(doc.cards[a].due) - Date.parse(doc.cards[b].due); });
  }

  // --- one question: options as a radio group, keys 1-4 and Enter ----------------------

  function reportLink(root, q, issues) {
    var text = "Question id: " + q.id + "\nQuestion: " + q.prompt + "\nOptions:\n" +
      q.options.map(function (o, i) { return "  " + (i + 1) + ". " + o + (i === q.answer ? "  (given as right)" : ""); }).join("\n") +
      "\nData file: " + q.file + "\n\nWhat is wrong:\n";
    var offline = window.location.protocol === "file:" || navigator.onLine === false || !safeUrl(issues);
    if (!offline) {
      var url = issues + "?title=" + encodeURIComponent("Practice question " + q.id + ": ") + "&body=" + encodeURIComponent(text);
      return el("a", { href: url, className: "atlas-q__report", rel: "noopener", target: "_blank", text: "Report a problem with this question" });
    }
    var details = el("details", { className: "atlas-q__report" }, [
      el("summary", { text: "Report a problem with this question" }),
      el("p", { text: "You are offline. Open a new issue in the project's repository" + (safeUrl(issues) ? " (" + issues.replace(/\/issues\/new$/, "") + ")" : "") + " with this text:" }),
      el("pre", { text: text })
    ]);
    return details;
  }

  function linksFor(root, q) {
    var page = new URL(q.url, root).href;
    var p = el("p", { className: "atlas-q__links" });
    p.appendChild(el("a", { href: page, text: "Read it on the page" }));
    var src = safeUrl(q.source.url);
    if (src) {
      p.appendChild(document.createTextNode(" · AWS source: "));
      p.appendChild(el("a", { href: src, text: q.source.title }));
    }
    return p;
  }

  // Draws a question into `host`; returns {fieldset, selected(), lock(), select(i)}.
  function questionForm(host, q, heading, chosen) {
    var name = nextId("answer");
    var legend = rich(el("legend", { className: "atlas-q__prompt" }), q.prompt);
    var fieldset = el("fieldset", { className: "atlas-q__options" }, [legend]);
    var inputs = q.options.map(function (option, i) {
      var id = name + "-" + i;
      var input = el("input", { type: "radio", name: name, id: id, value: String(i) });
      if (chosen === i) input.checked = true;
      var label = el("label", { "for": id, className: "atlas-q__option" }, [
        input, el("span", { className: "atlas-q__key", "aria-hidden": "true", text: KEYS[i] }), rich(el("span"), option)
      ]);
      fieldset.appendChild(label);
      return input;
    });
    host.appendChild(el("p", { className: "atlas-q__meta" }, [
      document.createTextNode(heading + " · "),
      el("span", { className: "atlas-q__id", text: "id " + q.id })
    ]));
    host.appendChild(fieldset);
    return {
      fieldset: fieldset,
      inputs: inputs,
      selected: function () {
        for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) return i;
        return -1;
      },
      select: function (i) { if (inputs[i] && !inputs[i].disabled) { inputs[i].checked = true; inputs[i].focus(); inputs[i].dispatchEvent(new Event("change", { bubbles: true })); } },
      lock: function () { inputs.forEach(function (x) { x.disabled = true; }); }
    };
  }

  function typingTarget(ev) {
    var t = ev.target;
    return t && (t.tagName === "SELECT" || t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type !== "radio" && t.type !== "checkbox"));
  }

  // --- practice mode ----------------------------------------------------------------------

  function mountPractice(root, host, issues) {
    var doc = loadProgress();
    var setup = el("form", { className: "atlas-practice__setup", "aria-label": "Choose what to practise" });
    var status = el("p", { className: "atlas-practice__status", role: "status", "aria-live": "polite" });
    var progressBox = el("section", { className: "atlas-practice__progress", "aria-labelledby": "atlas-progress-h" });
    var stage = el("section", { className: "atlas-practice__stage", "aria-label": "Questions" });

    // What to practise: exam domain, topic, or due for review.
    var modeName = nextId("mode");
    var modes = [["domain", "An exam domain"], ["topic", "A topic"], ["due", "Questions due for review"]];
    var modeSet = el("fieldset", { className: "atlas-practice__modes" }, [el("legend", { text: "Practise" })]);
    var dueLabel = null;
    modes.forEach(function (m, i) {
      var id = modeName + "-" + m[0];
      var input = el("input", { type: "radio", name: modeName, id: id, value: m[0] });
      if (i === 0) input.checked = true;
      var text = el("span", { text: " " + m[1] });
      if (m[0] === "due") dueLabel = text;
      modeSet.appendChild(el("label", { "for": id }, [input, text]));
    });
    var domainId = nextId("domain");
    var domainSelect = el("select", { id: domainId });
    bank.exams.forEach(function (exam) {
      var group = el("optgroup", { label: exam.code + (exam.status === "retired" ? " (retired)" : "") });
      exam.domains.forEach(function (d) {
        var tag = exam.id + "/" + d.number;
        var n = bank.questions.filter(function (q) { return q.domains.indexOf(tag) !== -1; }).length;
        if (!n) return;
        group.appendChild(el("option", { value: tag, text: exam.code + " domain " + d.number + ": " + d.name + " (" + n + ")" }));
      });
      if (group.children.length) domainSelect.appendChild(group);
    });
    var topicId = nextId("topic");
    var topicSelect = el("select", { id: topicId });
    bank.topics.forEach(function (t) {
      var n = bank.questions.filter(function (q) { return q.topic === t.id; }).length;
      topicSelect.appendChild(el("option", { value: t.id, text: t.name + " (" + n + ")" }));
    });
    var sizeId = nextId("size");
    var sizeSelect = el("select", { id: sizeId });
    [10, 20, 50].forEach(function (n) { sizeSelect.appendChild(el("option", { value: String(n), text: n + " questions" })); });
    var scenarioId = nextId("scenario");
    var scenarioOnly = el("input", { type: "checkbox", id: scenarioId });
    var start = el("button", { type: "submit", className: "md-button md-button--primary", text: "Start" });
    setup.appendChild(modeSet);
    setup.appendChild(el("p", { className: "atlas-practice__field" }, [el("label", { "for": domainId, text: "Exam domain" }), domainSelect]));
    setup.appendChild(el("p", { className: "atlas-practice__field" }, [el("label", { "for": topicId, text: "Topic" }), topicSelect]));
    setup.appendChild(el("p", { className: "atlas-practice__field" }, [el("label", { "for": sizeId, text: "Session length" }), sizeSelect]));
    setup.appendChild(el("p", { className: "atlas-practice__field" }, [scenarioOnly, el("label", { "for": scenarioId, text: " Scenario questions only (which service, algorithm or setting fits)" })]));
    setup.appendChild(start);

    function mode() { return setup.querySelector("input[name='" + modeName + "']:checked").value; }
    function syncFields() {
      domainSelect.disabled = mode() !== "domain";
      topicSelect.disabled = mode() !== "topic";
    }
    modeSet.addEventListener("change", syncFields);
    syncFields();

    // Progress: counts, what is due next, export / import / reset.
    function drawProgress() {
      progressBox.textContent = "";
      var now = Date.now();
      var ids = Object.keys(doc.cards);
      var due = dueIds(doc, now);
      if (dueLabel) dueLabel.textContent = " Questions due for review (" + due.length + " now)";
      progressBox.appendChild(el("h2", { id: "atlas-progress-h", text: "Your progress" }));
      var summary = el("p", { className: "atlas-practice__summary" });
      summary.textContent = ids.length ? ids.length + " of " + bank.questions.length + " questions answered at least once; " + due.length + " due for review now." : "No progress yet: answer some questions and it appears here.";
      progressBox.appendChild(summary);
      var aside = Object.keys(doc.attic || {}).length;
      if (aside) progressBox.appendChild(el("p", { text: "Progress on " + aside + " questions that the data no longer has is kept aside; it returns if they do." }));
      var upcoming = ids.filter(function (id) { return byId[id]; }).sort(function (a, b) { return Date.parse(doc.cards[a].due) - Date.parse(doc.cards[b].due); }).slice(0, 5);
      if (upcoming.length) {
        progressBox.appendChild(el("h3", { text: "Next due" }));
        var list = el("ol", { className: "atlas-practice__due" });
        upcoming.forEach(function (id) {
          var item = el("li", { "data-question": id });
          item.appendChild(el("span", { className: "atlas-practice__when", text: when(new Date(doc.cards[id].due)) + ": " }));
          rich(item, byId[id].prompt);
          list.appendChild(item);
        });
        progressBox.appendChild(list);
      }
      var tools = el("p", { className: "atlas-practice__tools" });
      var exportButton = el("button", { type: "button", className: "md-button", text: "Export progress" });
      var importId = nextId("import");
      var importInput = el("input", { type: "file", id: importId, accept: ".json,application/json", className: "atlas-practice__file" });
      var importLabel = el("label", { "for": importId, className: "md-button", text: "Import progress" });
      var resetButton = el("button", { type: "button", className: "md-button", text: "Reset progress" });
      tools.appendChild(exportButton); tools.appendChild(importInput); tools.appendChild(importLabel); tools.appendChild(resetButton);
      progressBox.appendChild(tools);
      progressBox.appendChild(status);

      exportButton.addEventListener("click", function () {
        var blob = new Blob([JSON.stringify(doc, null, 1)], { type: "application/json" });
        var a = el("a", { href: URL.createObjectURL(blob), download: "atlas-practice-progress.json" });
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
        status.textContent = "Progress on " + Object.keys(doc.cards).length + " questions exported to atlas-practice-progress.json.";
      });
      importInput.addEventListener("change", function () {
        var file = importInput.files && importInput.files[0];
        if (!file) return;
        file.text().then(function (text) {
          var parsed = null;
          try { parsed = JSON.parse(text); } catch (err) { parsed = undefined; }
          var problem = parsed === undefined ? "it is damaged (not valid JSON)" : progressProblem(parsed);
          if (problem) {
            status.textContent = "Nothing was imported and your progress is unchanged: " + file.name + " cannot be used because " + problem + ".";
            return;
          }
          var moved = sortAside(parsed);
          doc = parsed;
          saveProgress(doc);
          drawProgress();
          status.textContent = "Imported progress on " + Object.keys(doc.cards).length + " questions from " + file.name +
            (moved ? "; " + moved + " entries for questions the data no longer has are kept aside" : "") + ".";
        });
        importInput.value = "";
      });
      var armed = false;
      resetButton.addEventListener("click", function () {
        if (!armed) {
          armed = true;
          resetButton.textContent = "Really reset? Click again";
          status.textContent = "Reset deletes the progress kept in this browser. Export it first to keep a copy.";
          return;
        }
        doc = emptyProgress();
        saveProgress(doc);
        drawProgress();
        status.textContent = "Progress reset.";
      });
    }

    function pick() {
      var now = Date.now();
      var size = parseInt(sizeSelect.value, 10);
      if (mode() === "due") return dueIds(doc, now).slice(0, size);
      var pool = bank.questions.filter(function (q) {
        if (scenarioOnly.checked && !q.scenario) return false;
        return mode() === "domain" ? q.domains.indexOf(domainSelect.value) !== -1 : q.topic === topicSelect.value;
      });
      var due = [], fresh = [], later = [];
      shuffle(pool).forEach(function (q) {
        var c = doc.cards[q.id];
        if (!c) fresh.push(q.id);
        else if (Date.parse(c.due) <= now) due.push(q.id);
        else later.push(q.id);
      });
      later.sort(function (a, b) { return Date.parse(doc.cards[a].due) - Date.parse(doc.cards[b].due); });
      return due.concat(fresh, later).slice(0, size);
    }

    function runSession(ids) {
      var results = [];
      var index = 0;
      stage.textContent = "";
      var box = el("div", { className: "atlas-q" });
      stage.appendChild(box);

      function show() {
        box.textContent = "";
        var q = byId[ids[index]];
        var form = questionForm(box, q, "Question " + (index + 1) + " of " + ids.length);
        var check = el("button", { type: "button", className: "md-button md-button--primary", text: "Check answer" });
        var feedback = el("div", { className: "atlas-q__feedback", role: "status", "aria-live": "polite" });
        box.appendChild(check);
        box.appendChild(feedback);
        var answered = false;
        var next = null;

        function answer() {
          var chosen = form.selected();
          if (answered) return;
          if (chosen === -1) { feedback.textContent = "Choose an answer first (keys 1 to " + q.options.length + ")."; return; }
          answered = true;
          form.lock();
          check.hidden = true;
          var right = chosen === q.answer;
          results.push({ id: q.id, right: right });
          review(doc, q.id, right);
          drawProgress();
          form.inputs[q.answer].parentNode.classList.add("atlas-q__option--right");
          if (!right) form.inputs[chosen].parentNode.classList.add("atlas-q__option--wrong");
          feedback.textContent = "";
          feedback.setAttribute("data-result", right ? "right" : "wrong");
          var verdict = el("p", { className: "atlas-q__verdict" });
          verdict.textContent = right ? "\u2713 Right." : "\u2717 Not right: the answer is " + KEYS[q.answer] + ", ";
          if (!right) rich(verdict, q.options[q.answer] + ".");
          feedback.appendChild(verdict);
          feedback.appendChild(rich(el("p", { className: "atlas-q__explanation" }), q.explanation));
          feedback.appendChild(linksFor(root, q));
          feedback.appendChild(reportLink(root, q, issues));
          next = el("button", { type: "button", className: "md-button md-button--primary", text: index + 1 < ids.length ? "Next question" : "See the summary" });
          next.addEventListener("click", advance);
          feedback.appendChild(next);
          next.focus();
        }
        function advance() {
          index += 1;
          if (index < ids.length) { show(); box.querySelector("input").focus(); } else summary();
        }
        check.addEventListener("click", answer);
        box.onkeydown = function (ev) {
          if (typingTarget(ev) || ev.altKey || ev.ctrlKey || ev.metaKey) return;
          var k = KEYS.indexOf(ev.key);
          if (k !== -1 && k < q.options.length && !answered) { ev.preventDefault(); form.select(k); return; }
          if (ev.key === "Enter") {
            if (ev.target && ev.target.tagName === "BUTTON" || ev.target && ev.target.tagName === "A") return;
            ev.preventDefault();
            if (!answered) answer(); else if (next) advance();
          }
        };
      }

      function summary() {
        stage.textContent = "";
        var right = results.filter(function (r) { return r.right; }).length;
        var section = el("div", { className: "atlas-practice__result" });
        var heading = el("h2", { tabindex: "-1", text: "Session summary: " + right + " of " + results.length + " right" });
        section.appendChild(heading);
        var byDomain = {};
        results.forEach(function (r) {
          byId[r.id].domains.forEach(function (d) {
            byDomain[d] = byDomain[d] || { answered: 0, right: 0 };
            byDomain[d].answered += 1;
            if (r.right) byDomain[d].right += 1;
          });
        });
        var table = el("table", { className: "atlas-practice__table" }, [
          el("caption", { text: "Answers by exam domain" }),
          el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Exam domain" }), el("th", { scope: "col", text: "Answered" }), el("th", { scope: "col", text: "Right" })])])
        ]);
        var body = el("tbody");
        Object.keys(byDomain).sort().forEach(function (d) {
          body.appendChild(el("tr", { "data-domain": d }, [el("td", { text: domainName(d) }), el("td", { text: String(byDomain[d].answered) }), el("td", { text: String(byDomain[d].right) })]));
        });
        table.appendChild(body);
        if (Object.keys(byDomain).length) section.appendChild(table);
        var again = el("button", { type: "button", className: "md-button md-button--primary", text: "Practise again" });
        again.addEventListener("click", function () { stage.textContent = ""; setup.hidden = false; drawProgress(); start.focus(); });
        section.appendChild(again);
        stage.appendChild(section);
        drawProgress();
        heading.focus();
      }

      setup.hidden = true;
      show();
      box.querySelector("input").focus();
    }

    setup.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var ids = pick();
      if (!ids.length) {
        var upcoming = Object.keys(doc.cards).filter(function (id) { return byId[id]; }).map(function (id) { return Date.parse(doc.cards[id].due); }).sort();
        status.textContent = mode() === "due"
          ? "Nothing is due for review now" + (upcoming.length ? "; the next question is due " + when(new Date(upcoming[0])) + "." : ". Answer some questions first.")
          : "No questions for this choice.";
        return;
      }
      status.textContent = "";
      runSession(ids);
    });

    host.appendChild(setup);
    host.appendChild(stage);
    host.appendChild(progressBox);
    drawProgress();
    if (storageNote) status.textContent = storageNote;
  }

  // --- exam simulation --------------------------------------------------------------------

  function params() {
    var out = {};
    (window.location.search || "").replace(/^\?/, "").split("&").forEach(function (kv) {
      if (!kv) return;
      var p = kv.split("=");
      out[decodeURIComponent(p[0])] = decodeURIComponent(p[1] || "");
    });
    return out;
  }

  // Questions per domain by weight (largest remainder), drawn without repeats.
  function drawExam(exam, count) {
    var shares = exam.domains.map(function (d) {
      var exact = count * d.weight / 100;
      return { d: d, n: Math.floor(exact), rest: exact - Math.floor(exact) };
    });
    var left = count - shares.reduce(function (s, x) { return s + x.n; }, 0);
    shares.slice().sort(function (a, b) { return b.rest - a.rest; }).slice(0, left).forEach(function (x) { x.n += 1; });
    var used = {};
    var items = [];
    shares.forEach(function (x) {
      var tag = exam.id + "/" + x.d.number;
      // Scenario questions first, as the exam asks them; fact questions only to fill up.
      var mine = bank.questions.filter(function (q) { return q.domains.indexOf(tag) !== -1 && !used[q.id]; });
      var pool = shuffle(mine.filter(function (q) { return q.scenario; })).concat(shuffle(mine.filter(function (q) { return !q.scenario; })));
      pool.slice(0, x.n).forEach(function (q) { used[q.id] = true; items.push({ q: q, domain: x.d, chosen: -1, flagged: false }); });
    });
    return shuffle(items);
  }

  function mountExam(root, host, issues) {
    var query = params();
    var exams = bank.exams.filter(function (e) { return e.format; });
    var setup = el("form", { className: "atlas-practice__setup", "aria-label": "Choose an exam" });
    var status = el("p", { className: "atlas-practice__status", role: "status", "aria-live": "polite" });
    var stage = el("section", { className: "atlas-practice__stage", "aria-label": "Exam" });
    var examId = nextId("exam");
    var select = el("select", { id: examId });
    exams.forEach(function (e) {
      var opt = el("option", { value: e.id, text: e.code + ": " + e.name });
      if (query.exam === e.id) opt.selected = true;
      select.appendChild(opt);
    });
    var info = el("p", { className: "atlas-practice__info" });
    function plan() {
      var exam = examsById[select.value];
      var count = exam.format.questions;
      var wanted = parseInt(query.count, 10);
      if (wanted >= 1 && wanted < count) count = wanted;
      var minutes = Math.max(1, Math.round(exam.format.minutes * count / exam.format.questions));
      return { exam: exam, count: count, minutes: minutes };
    }
    function describe() {
      var p = plan();
      info.textContent = p.count + " questions in " + p.minutes + " minutes, mixed by domain weight (" +
        p.exam.domains.map(function (d) { return "domain " + d.number + ": " + d.weight + "%"; }).join(", ") + ").";
    }
    select.addEventListener("change", describe);
    setup.appendChild(el("p", { className: "atlas-practice__field" }, [el("label", { "for": examId, text: "Exam" }), select]));
    setup.appendChild(info);
    setup.appendChild(el("button", { type: "submit", className: "md-button md-button--primary", text: "Start the exam" }));
    describe();

    setup.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var p = plan();
      var items = drawExam(p.exam, p.count);
      if (!items.length) { status.textContent = "No questions for this exam."; return; }
      setup.hidden = true;
      run(p.exam, items, p.minutes);
    });

    function run(exam, items, minutes) {
      var endAt = Date.now() + minutes * 60000;
      var current = 0;
      var timer = null;
      stage.textContent = "";
      var bar = el("div", { className: "atlas-exam__bar" });
      var clock = el("p", { className: "atlas-exam__clock", role: "timer", "aria-label": "Time left" });
      var navTitle = nextId("nav");
      var nav = el("nav", { className: "atlas-exam__nav", "aria-labelledby": navTitle }, [el("h2", { id: navTitle, className: "atlas-exam__nav-title", text: "Question navigator" })]);
      var navList = el("ol", { className: "atlas-exam__nav-list" });
      nav.appendChild(navList);
      var box = el("div", { className: "atlas-q" });
      bar.appendChild(clock);
      stage.appendChild(bar);
      stage.appendChild(nav);
      stage.appendChild(box);
      var navButtons = items.map(function (item, i) {
        var b = el("button", { type: "button", className: "atlas-exam__nav-button", text: String(i + 1) });
        b.addEventListener("click", function () { go(i); });
        navList.appendChild(el("li", {}, [b]));
        return b;
      });

      function label(i) {
        var item = items[i];
        return "Question " + (i + 1) + (item.chosen === -1 ? ", not answered" : ", answered") + (item.flagged ? ", flagged for review" : "");
      }
      function drawNav() {
        navButtons.forEach(function (b, i) {
          b.setAttribute("aria-label", label(i));
          b.classList.toggle("atlas-exam__nav-button--answered", items[i].chosen !== -1);
          b.classList.toggle("atlas-exam__nav-button--flagged", items[i].flagged);
          if (i === current) b.setAttribute("aria-current", "step"); else b.removeAttribute("aria-current");
          // Answered and flagged show as symbols too, not by colour alone.
          b.textContent = (i + 1) + (items[i].chosen !== -1 ? " \u2713" : "") + (items[i].flagged ? " \u2691" : "");
        });
      }
      function tick() {
        if (!document.body.contains(stage)) { clearInterval(timer); return; }
        var left = Math.max(0, endAt - Date.now());
        var m = Math.floor(left / 60000), s = Math.floor(left / 1000) % 60;
        clock.textContent = "Time left: " + m + ":" + (s < 10 ? "0" : "") + s;
        if (left <= 0) finish(true);
      }
      function go(i) {
        current = i;
        box.textContent = "";
        var item = items[i];
        var form = questionForm(box, item.q, "Question " + (i + 1) + " of " + items.length, item.chosen);
        form.fieldset.addEventListener("change", function () { item.chosen = form.selected(); drawNav(); });
        var flagId = nextId("flag");
        var flag = el("input", { type: "checkbox", id: flagId });
        flag.checked = item.flagged;
        flag.addEventListener("change", function () { item.flagged = flag.checked; drawNav(); });
        box.appendChild(el("p", { className: "atlas-exam__flag" }, [flag, el("label", { "for": flagId, text: " Flag for review" })]));
        var prev = el("button", { type: "button", className: "md-button", text: "Previous" });
        var next = el("button", { type: "button", className: "md-button md-button--primary", text: "Next" });
        var end = el("button", { type: "button", className: "md-button", text: "Finish the exam" });
        prev.disabled = i === 0;
        next.disabled = i === items.length - 1;
        prev.addEventListener("click", function () { go(i - 1); focusFirst(); });
        next.addEventListener("click", function () { go(i + 1); focusFirst(); });
        end.addEventListener("click", function () { finish(false); });
        box.appendChild(el("p", { className: "atlas-exam__buttons" }, [prev, next, end]));
        box.onkeydown = function (ev) {
          if (typingTarget(ev) || ev.altKey || ev.ctrlKey || ev.metaKey) return;
          var k = KEYS.indexOf(ev.key);
          if (k !== -1 && k < item.q.options.length) { ev.preventDefault(); form.select(k); return; }
          if (ev.key === "Enter" && ev.target && ev.target.tagName === "INPUT" && ev.target.type === "radio" && i < items.length - 1) {
            ev.preventDefault(); go(i + 1); focusFirst();
          }
        };
        drawNav();
      }
      function focusFirst() { var input = box.querySelector("input[type=radio]:checked") || box.querySelector("input[type=radio]"); if (input) input.focus(); }

      function finish(timeUp) {
        clearInterval(timer);
        stage.textContent = "";
        var right = items.filter(function (x) { return x.chosen === x.q.answer; }).length;
        var section = el("div", { className: "atlas-practice__result" });
        var heading = el("h2", { tabindex: "-1", text: exam.code + " simulation: " + right + " of " + items.length + " right (" + Math.round(100 * right / items.length) + "%)" });
        section.appendChild(heading);
        if (timeUp) section.appendChild(el("p", { text: "Time ran out; unanswered questions count as wrong." }));
        var table = el("table", { className: "atlas-practice__table" }, [
          el("caption", { text: "Score by domain" }),
          el("thead", {}, [el("tr", {}, ["Domain", "Weight", "Questions", "Right", "Score"].map(function (h) { return el("th", { scope: "col", text: h }); }))])
        ]);
        var body = el("tbody");
        exam.domains.forEach(function (d) {
          var mine = items.filter(function (x) { return x.domain.number === d.number; });
          if (!mine.length) return;
          var r = mine.filter(function (x) { return x.chosen === x.q.answer; }).length;
          body.appendChild(el("tr", { "data-domain": exam.id + "/" + d.number }, [
            el("td", { text: d.number + ": " + d.name }), el("td", { text: d.weight + "%" }), el("td", { text: String(mine.length) }),
            el("td", { text: String(r) }), el("td", { text: Math.round(100 * r / mine.length) + "%" })
          ]));
        });
        table.appendChild(body);
        section.appendChild(table);
        section.appendChild(el("h2", { text: "Review of every answer" }));
        var list = el("ol", { className: "atlas-exam__review" });
        items.forEach(function (x) {
          var ok = x.chosen === x.q.answer;
          var li = el("li", { className: ok ? "atlas-exam__review--right" : "atlas-exam__review--wrong", "data-question": x.q.id });
          li.appendChild(rich(el("p", { className: "atlas-q__prompt" }), x.q.prompt));
          var yours = el("p");
          yours.appendChild(document.createTextNode((ok ? "\u2713 Right. " : "\u2717 Not right. ") + "Your answer: "));
          if (x.chosen === -1) yours.appendChild(document.createTextNode("none"));
          else rich(yours, x.q.options[x.chosen]);
          if (!ok) { yours.appendChild(document.createTextNode(". Right answer: ")); rich(yours, x.q.options[x.q.answer]); }
          if (x.flagged) yours.appendChild(document.createTextNode(" (flagged)"));
          li.appendChild(yours);
          li.appendChild(rich(el("p", { className: "atlas-q__explanation" }), x.q.explanation));
          li.appendChild(linksFor(root, x.q));
          li.appendChild(el("p", { className: "atlas-q__meta" }, [el("span", { className: "atlas-q__id", text: "id " + x.q.id })]));
          li.appendChild(reportLink(root, x.q, issues));
          list.appendChild(li);
        });
        section.appendChild(list);
        var again = el("button", { type: "button", className: "md-button md-button--primary", text: "New simulation" });
        again.addEventListener("click", function () { stage.textContent = ""; setup.hidden = false; });
        section.appendChild(again);
        stage.appendChild(section);
        heading.focus();
      }

      go(0);
      tick();
      timer = setInterval(tick, 1000);
      focusFirst();
    }

    host.appendChild(setup);
    host.appendChild(status);
    host.appendChild(stage);
  }

  window.AtlasPractice = {
    mount: function (host) {
      var root = new URL(host.getAttribute("data-root") || "./", window.location.href);
      var issues = host.getAttribute("data-issues") || "";
      host.textContent = "";
      if (host.getAttribute("data-atlas-practice") === "exam") mountExam(root, host, issues);
      else mountPractice(root, host, issues);
      host.setAttribute("data-atlas-state", "ready");
    }
  };
})();
