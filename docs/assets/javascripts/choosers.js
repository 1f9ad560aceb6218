/*
 * AWS ML Atlas guided choosers (pages under choose/). Loaded by atlas.js only on a page
 * that has a chooser. The page ships its fact table as <script type="application/json">
 * (macros/choosers/page.py); `evaluate` below is the same procedure as
 * macros/choosers/evaluate.py, and tests/test_choosers.py runs both over every
 * combination of answers. Answers live in the address (?question=answer), so a situation
 * can be reloaded, shared, bookmarked and printed.
 */
(function (root) {
  "use strict";

  // answers: question id -> answer id. Returns picks (each with the facts that met the
  // answered constraints), excluded candidates (each with the first constraint it fails,
  // in question order) and the indexes of the advice that applies.
  function evaluate(data, answers) {
    var asked = [];
    data.questions.forEach(function (q) {
      var a = answers[q.id];
      if (a && q.answers.some(function (x) { return x.id === a; })) asked.push([q.id, a]);
    });
    var result = { picks: [], excluded: [], advice: [] };
    data.candidates.forEach(function (c) {
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
      else result.picks.push({ id: c.id, reasons: reasons });
    });
    var picked = {};
    result.picks.forEach(function (p) { picked[p.id] = true; });
    var given = {};
    asked.forEach(function (pair) { given[pair[0]] = pair[1]; });
    data.advice.forEach(function (adv, i) {
      if (!picked[adv.candidate]) return;
      var all = Object.keys(adv.when).every(function (q) { return given[q] === adv.when[q]; });
      if (all) result.advice.push(i);
    });
    return result;
  }

  // --- the page ---------------------------------------------------------------------

  function readAnswers(data, search) {
    var params = new URLSearchParams(search);
    var answers = {};
    data.questions.forEach(function (q) {
      var a = params.get(q.id);
      if (a && q.answers.some(function (x) { return x.id === a; })) answers[q.id] = a;
    });
    return answers;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Fact text arrives escaped from the build (code spans as <code>); it is set as HTML.
  function factNode(tag, fact, prefix) {
    var node = el(tag, "atlas-chooser__fact");
    if (prefix) node.appendChild(el("span", "atlas-chooser__q", prefix + ": "));
    var text = el("span");
    text.innerHTML = fact[1];
    node.appendChild(text);
    if (fact[2]) {
      node.appendChild(document.createTextNode(" "));
      var a = el("a", "atlas-chooser__source", "AWS source");
      a.href = fact[2];
      node.appendChild(a);
    }
    return node;
  }

  function setUp(box) {
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

    function answerShort(qid, aid) {
      var found = questions[qid].answers.filter(function (a) { return a.id === aid; })[0];
      return found ? found.short : aid;
    }

    function show(answers) {
      var result = evaluate(data, answers);
      var asked = data.questions.filter(function (q) { return answers[q.id]; });
      var path = box.querySelector("[data-atlas-chooser-path]");
      path.textContent = asked.length
        ? "Your answers: " + asked.map(function (q) { return q.short + ": " + answerShort(q.id, answers[q.id]); }).join(" · ")
        : "No answers yet: every candidate is still in.";
      var n = result.picks.length;
      var status = box.querySelector("[data-atlas-chooser-status]");
      status.textContent = n === 0 ? "No candidate fits every answer."
        : (n === 1 ? "1 candidate fits" : n + " candidates fit") + " every answer; " + result.excluded.length + " ruled out.";

      var picks = box.querySelector("[data-atlas-chooser-picks]");
      picks.textContent = "";
      result.picks.forEach(function (p) {
        var c = byId[p.id];
        var li = el("li", "atlas-chooser__pick");
        var a = el("a", "atlas-chooser__name", c.name);
        a.href = c.url;
        li.appendChild(a);
        if (p.reasons.length) {
          var ul = el("ul", "atlas-chooser__reasons");
          p.reasons.forEach(function (r) { ul.appendChild(factNode("li", r[1], questions[r[0]].short)); });
          li.appendChild(ul);
        }
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

      box.querySelector("[data-atlas-chooser-undecided]").hidden = n <= data.shortlist;
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
        li.appendChild(factNode("span", x.fact, questions[x.question].short));
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
      var params = new URLSearchParams(window.location.search);
      data.questions.forEach(function (q) {
        if (answers[q.id]) params.set(q.id, answers[q.id]);
        else params.delete(q.id);
      });
      var query = params.toString();
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
    var initial = readAnswers(data, window.location.search);
    toForm(initial);
    show(initial);
  }

  function init() {
    document.querySelectorAll("[data-atlas-chooser]").forEach(setUp);
  }

  var api = { evaluate: evaluate, readAnswers: readAnswers, init: init };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.__atlasChooser = api;
})(typeof self !== "undefined" ? self : this);
