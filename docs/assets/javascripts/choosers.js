/*
 * AWS ML Atlas guided choosers (pages under choose/). Loaded by atlas.js only on a page
 * that has a chooser. The page ships its fact table as <script type="application/json">
 * (macros/features/choosers/page.py): every fact, every ranking rule's verdict and every note is
 * judged and worded by the build (macros/features/choosers/evaluate.py). `evaluate` below only
 * combines that table for the answers given: which candidates meet every answer, the first
 * answer each other one fails, the sum of the weights of the rules each pick meets, and
 * alphabetical order for ties. tests/test_choosers.py runs it against the Python
 * evaluation over every combination of answers and compares everything the page shows.
 * Answers live in the address (?question=answer), so a situation can be reloaded, shared,
 * bookmarked and printed.
 */
(function (root) {
  "use strict";

  function whenHolds(when, given) {
    return Object.keys(when).every(function (q) { return given[q] === when[q]; });
  }

  // answers: question id -> answer id. Returns ranked picks (each with the facts that met
  // the answered constraints, its score, rank, the picks it ties with and the notes of the
  // rules that separate the picks), excluded candidates (each with the first constraint it
  // fails, in question order) and the indexes of the advice that applies.
  function evaluate(data, answers) {
    var asked = [];
    data.questions.forEach(function (q) {
      var a = answers[q.id];
      if (a && q.answers.some(function (x) { return x.id === a; })) asked.push([q.id, a]);
    });
    var given = {};
    asked.forEach(function (pair) { given[pair[0]] = pair[1]; });
    var result = { picks: [], excluded: [], advice: [] };
    var order = {};
    data.candidates.forEach(function (c) {
      order[c.id] = c.order;
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
      else result.picks.push({ id: c.id, reasons: reasons, score: 0, rank: 1, tiedWith: [], notes: [] });
    });
    var picks = result.picks;
    data.prefer.forEach(function (rule, i) {
      if (!whenHolds(rule.when, given)) return;
      var met = picks.filter(function (p) { return rule.by[p.id][0]; }).length;
      picks.forEach(function (p) {
        var judged = rule.by[p.id];
        if (judged[0]) p.score += rule.weight;
        if (met > 0 && met < picks.length) p.notes.push([i, judged[1]].concat(rule.notes[judged[2]]));
      });
    });
    picks.sort(function (a, b) { return (b.score - a.score) || (order[a.id] - order[b.id]); });
    picks.forEach(function (p) {
      p.rank = 1 + picks.filter(function (o) { return o.score > p.score; }).length;
      p.tiedWith = picks.filter(function (o) { return o.score === p.score && o.id !== p.id; }).map(function (o) { return o.id; });
    });
    var picked = {};
    picks.forEach(function (p) { picked[p.id] = true; });
    data.advice.forEach(function (adv, i) {
      if (picked[adv.candidate] && whenHolds(adv.when, given)) result.advice.push(i);
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

      // A deciding fact worded the same for every pick (the answer itself, mostly) shows once,
      // above the list; each pick then lists only the facts that differ.
      var common = {};
      if (n > 1) {
        result.picks[0].reasons.forEach(function (r, i) {
          var same = result.picks.every(function (p) {
            return p.reasons[i][1][1] === r[1][1] && p.reasons[i][1][2] === r[1][2];
          });
          if (same) common[r[0]] = true;
        });
      }
      var shared = n > 1 ? result.picks[0].reasons.filter(function (r) { return common[r[0]]; }) : [];
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

      var first = result.picks.filter(function (p) { return p.rank === 1; }).length;
      box.querySelector("[data-atlas-chooser-undecided]").hidden = first <= data.shortlist;
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
    // With the chooser running, the overview table (what a reader without scripts uses) is
    // one click away instead of 3,000 px of page; it prints open (atlas.css).
    var overview = box.parentNode.querySelector("[data-atlas-chooser-overview]");
    if (overview) overview.open = false;
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
