/*
 * The chooser pages (choose/): the form, and the result drawn from the engine's
 * (choosers/engine.js) evaluation of the page's fact table. Loaded with the engine by
 * atlas.js only on a page that has a chooser. Answers live in the address
 * (?question=answer), so a situation can be reloaded, shared, bookmarked and printed.
 * Browser tests: tests/browser/test_choosers_browser.py.
 */
(function (root) {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Fact and note text arrives escaped from the build (code spans as <code>); it is set as HTML.
  function html(tag, className, markup) {
    var node = el(tag, className);
    node.innerHTML = markup;
    return node;
  }

  function sourceLink(url, label, title) {
    var a = el("a", "atlas-chooser__source");
    a.href = url;
    if (title) a.innerHTML = title;
    else a.textContent = label;
    return a;
  }

  // One line: each deciding fact once, compactly, joined by middle dots.
  function whyLine(reasons, tag) {
    var p = el(tag || "p", "atlas-chooser__why");
    reasons.forEach(function (r, i) {
      if (i) p.appendChild(document.createTextNode(" · "));
      p.appendChild(html("span", null, r[1][1]));
      if (r[1][2]) {
        p.appendChild(document.createTextNode(" "));
        p.appendChild(sourceLink(r[1][2], "(source)"));
      }
    });
    return p;
  }

  // "Favoured: <reason> (source)" or "Ranked lower: <fact> (source)".
  function noteLine(note) {
    var p = el("p", "atlas-chooser__note");
    p.appendChild(el("strong", null, note[1] ? "Favoured: " : "Ranked lower: "));
    p.appendChild(html("span", null, note[2]));
    if (note[3]) {
      // The brackets go with the link, so print (which drops source links) leaves none.
      var cite = el("span", "atlas-chooser__source");
      cite.appendChild(document.createTextNode(" ("));
      cite.appendChild(sourceLink(note[3], "source", note[4]));
      cite.appendChild(document.createTextNode(")"));
      p.appendChild(cite);
    }
    return p;
  }

  function setUp(engine, box) {
    if (box.getAttribute("data-atlas-chooser-ready")) return;
    var script = box.parentNode.querySelector("script[data-atlas-chooser-data]");
    if (!script) return;
    var data = JSON.parse(script.textContent);
    box.setAttribute("data-atlas-chooser-ready", "true");
    box.hidden = false;
    var form = box.querySelector("[data-atlas-chooser-form]");
    var byId = {};
    data.candidates.forEach(function (c) { byId[c.id] = c; });
    var questions = {};
    data.questions.forEach(function (q) { questions[q.id] = q; });
    // The comparison pages offered when the data cannot separate the picks (addresses from
    // the data block, like the candidates', so every build tool leaves them as written).
    var compare = box.querySelector("[data-atlas-chooser-compare]");
    if (compare) {
      (data.compare || []).forEach(function (c, i) {
        if (i) compare.appendChild(document.createTextNode(", "));
        var a = el("a", null, c.name);
        a.href = c.url;
        compare.appendChild(a);
      });
    }

    function answerShort(qid, aid) {
      var found = questions[qid].answers.filter(function (a) { return a.id === aid; })[0];
      return found ? found.short : aid;
    }

    function show(answers) {
      var result = engine.evaluate(data, answers);
      var asked = data.questions.filter(function (q) { return answers[q.id]; });
      var path = box.querySelector("[data-atlas-chooser-path]");
      path.textContent = asked.length
        ? "Your answers: " + asked.map(function (q) { return q.short + ": " + answerShort(q.id, answers[q.id]); }).join(" · ")
        : "No answers yet: every candidate is still in.";
      var n = result.picks.length;
      var status = box.querySelector("[data-atlas-chooser-status]");
      status.textContent = n === 0 ? "No candidate fits every answer."
        : (n === 1 ? "1 candidate fits" : n + " candidates fit") + " every answer; " + result.excluded.length + " ruled out.";

      // A deciding fact worded the same for every pick (the answer itself, mostly) shows once,
      // above the list; each pick then lists only the facts that differ.
      var common = {};
      engine.sharedReasons(result.picks).forEach(function (qid) { common[qid] = true; });
      var shared = n ? result.picks[0].reasons.filter(function (r) { return common[r[0]]; }) : [];
      var commonLine = box.querySelector("[data-atlas-chooser-common]");
      commonLine.textContent = "";
      commonLine.hidden = !shared.length;
      if (shared.length) {
        commonLine.appendChild(el("strong", null, "Each one: "));
        commonLine.appendChild(whyLine(shared, "span"));
      }
      var tied = result.picks.some(function (p) { return p.tiedWith.length; });
      box.querySelector("[data-atlas-chooser-ties]").hidden = !(tied && n > 1);

      var picks = box.querySelector("[data-atlas-chooser-picks]");
      picks.textContent = "";
      result.picks.forEach(function (p) {
        var c = byId[p.id];
        var li = el("li", "atlas-chooser__pick");
        li.value = p.rank;
        var a = el("a", "atlas-chooser__name", c.name);
        a.href = c.url;
        li.appendChild(a);
        if (p.tiedWith.length) li.appendChild(el("span", "atlas-chooser__tie", " (tie)"));
        var own = p.reasons.filter(function (r) { return !common[r[0]]; });
        if (own.length) li.appendChild(whyLine(own));
        p.notes.forEach(function (note) { li.appendChild(noteLine(note)); });
        picks.appendChild(li);
      });

      var advice = box.querySelector("[data-atlas-chooser-advice]");
      advice.textContent = "";
      result.advice.forEach(function (i) {
        var adv = data.advice[i];
        var p = el("p", "atlas-chooser__aws");
        p.appendChild(el("strong", null, "AWS recommends (" + byId[adv.candidate].name + "): "));
        var text = el("span");
        text.innerHTML = adv.html;
        p.appendChild(text);
        p.appendChild(document.createTextNode(" "));
        var a = el("a", "atlas-chooser__source");
        a.href = adv.source;
        a.innerHTML = adv.title;
        p.appendChild(a);
        advice.appendChild(p);
      });

      box.querySelector("[data-atlas-chooser-undecided]").hidden = !result.undecided;
      box.querySelector("[data-atlas-chooser-none]").hidden = n !== 0;
      var excludedBox = box.querySelector("[data-atlas-chooser-excluded-box]");
      var excluded = box.querySelector("[data-atlas-chooser-excluded]");
      excluded.textContent = "";
      result.excluded.forEach(function (x) {
        var li = el("li", "atlas-chooser__out");
        var a = el("a", "atlas-chooser__name", byId[x.id].name);
        a.href = byId[x.id].url;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" — "));
        li.appendChild(html("span", "atlas-chooser__fact", x.fact[1]));
        if (x.fact[2]) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(sourceLink(x.fact[2], "(source)"));
        }
        excluded.appendChild(li);
      });
      excludedBox.hidden = result.excluded.length === 0;
    }

    function fromForm() {
      var answers = {};
      data.questions.forEach(function (q) {
        var checked = form.querySelector('input[name="' + q.id + '"]:checked');
        if (checked && checked.value) answers[q.id] = checked.value;
      });
      return answers;
    }

    function toForm(answers) {
      data.questions.forEach(function (q) {
        form.querySelectorAll('input[name="' + q.id + '"]').forEach(function (input) {
          input.checked = input.value === (answers[q.id] || "");
        });
      });
    }

    function save(answers) {
      var query = engine.writeAnswers(data, answers, window.location.search);
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      try { window.history.replaceState(window.history.state, "", url); } catch (err) { /* some file:// setups */ }
    }

    form.addEventListener("change", function () {
      var answers = fromForm();
      save(answers);
      show(answers);
    });
    box.querySelector("[data-atlas-chooser-reset]").addEventListener("click", function () {
      toForm({});
      save({});
      show({});
      var first = form.querySelector("input[type=radio]");
      if (first) first.focus();
    });
    // With the chooser running, the overview table (what a reader without scripts uses) is
    // one click away instead of 3,000 px of page; it prints open (atlas.css).
    var overview = box.parentNode.querySelector("[data-atlas-chooser-overview]");
    if (overview) overview.open = false;
    var initial = engine.readAnswers(data, window.location.search);
    toForm(initial);
    show(initial);
  }

  // Every chooser on the page not yet set up (the engine loads before this runs).
  function init() {
    var engine = root.AtlasChooser.engine;
    document.querySelectorAll("[data-atlas-chooser]").forEach(function (box) { setUp(engine, box); });
  }

  root.AtlasChooser = root.AtlasChooser || {};
  root.AtlasChooser.init = init;
})(self);
