/*
 * AWS ML Atlas page scripts. Small, loaded on every page; diagrams are static SVG drawn
 * at build time and need none of it. Everything runs once the theme says the page is ready
 * (its document$ observable), and again whenever a theme swaps a page in place.
 */
(function () {
  "use strict";

  var here = document.currentScript && document.currentScript.src;
  var assets = here ? new URL("../", here) : new URL("assets/", document.baseURI);
  // --- tables: sort by any column, filter rows -----------------------------------

  function setUpSorting(table) {
    if (table.getAttribute("data-atlas-sortable") || !window.Tablesort) return;
    table.setAttribute("data-atlas-sortable", "true");
    new window.Tablesort(table);
    table.querySelectorAll("thead th").forEach(function (th) {
      // Tablesort listens for clicks only; make headings reachable and usable by keyboard.
      th.setAttribute("tabindex", "0");
      th.setAttribute("title", "Sort by this column");
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          th.click();
        }
      });
    });
  }

  function setUpFilter(wrapper, table) {
    if (wrapper.querySelector(".atlas-filter")) return;
    var rows = Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
    var box = document.createElement("div");
    box.className = "atlas-filter";
    var id = "atlas-filter-" + (wrapper.getAttribute("data-atlas-table") || Math.random().toString(36).slice(2));
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.textContent = "Filter rows";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "atlas-filter__input";
    input.setAttribute("placeholder", "Type to filter, e.g. GPU or text/csv");
    input.setAttribute("autocomplete", "off");
    var count = document.createElement("span");
    count.className = "atlas-filter__count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown + " of " + rows.length + " shown";
      wrapper.classList.toggle("atlas-filtered", shown !== rows.length);
    }
    input.addEventListener("input", apply);
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(count);
    wrapper.insertBefore(box, wrapper.firstChild);
    apply();
  }

  function setUpTables() {
    document.querySelectorAll("article table:not([class])").forEach(function (table) {
      var wrapper = table.closest("[data-atlas-table]");
      if (wrapper || table.tHead && table.tBodies[0] && table.tBodies[0].rows.length > 3) setUpSorting(table);
      if (wrapper && wrapper.hasAttribute("data-atlas-filter")) setUpFilter(wrapper, table);
    });
  }

  // --- formulas: KaTeX, loaded from this site only where a page has math ------------

  var katexPromise = null;

  // A script of the site, added once to the page; resolves when it has run.
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(tag);
    });
  }

  function loadKatex() {
    if (window.katex) return Promise.resolve(window.katex);
    if (!katexPromise) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("vendor/katex/katex.min.css", assets).href;
      document.head.appendChild(css);
      katexPromise = loadScript(new URL("vendor/katex/katex.min.js", assets).href)
        .then(function () { return window.katex; });
      katexPromise.catch(function () { katexPromise = null; });
    }
    return katexPromise;
  }

  function renderMath() {
    var blocks = document.querySelectorAll(".arithmatex:not([data-atlas-state])");
    if (!blocks.length) return;
    loadKatex().then(function (katex) {
      blocks.forEach(function (el) {
        var tex = el.textContent.trim();
        var display = tex.indexOf("\\[") === 0;
        tex = tex.replace(/^\\[\[(]/, "").replace(/\\[\])]$/, "");
        // Keep the TeX source as the accessible text of the rendered formula.
        katex.render(tex, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml", maxSize: 10, maxExpand: 200, trust: false });
        el.setAttribute("data-atlas-state", "drawn");
      });
    }).catch(function (error) {
      blocks.forEach(function (el) { el.setAttribute("data-atlas-state", "error"); });
    });
  }

  // --- abbreviation tooltips ------------------------------------------------------
  // Every abbreviation carries its expansion in a title. One tooltip element serves them
  // all, through listeners on the document: nothing is set up per abbreviation, so a page
  // with 150 of them costs no more than a page with one. The first occurrence of each
  // abbreviation on a page is reachable by keyboard (not all 150: that many tab stops
  // would bury the links); hover or tap shows any of them.
  var tip = null, tipFor = null;

  function showTip(abbr) {
    var text = abbr.getAttribute("data-atlas-title") || abbr.getAttribute("title");
    if (!text) return;
    if (abbr.hasAttribute("title")) {
      // The browser's own tooltip would show the same text a second time.
      abbr.setAttribute("data-atlas-title", text);
      abbr.removeAttribute("title");
    }
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "atlas-tooltip";
      tip.className = "atlas-tooltip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = text;
    tip.hidden = false;
    var box = abbr.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    abbr.setAttribute("aria-describedby", tip.id);
    tipFor = abbr;
  }

  function hideTip() {
    if (tip) tip.hidden = true;
    if (tipFor) tipFor.removeAttribute("aria-describedby");
    tipFor = null;
  }

  function abbrOf(target) {
    return target && target.closest ? target.closest("article abbr[title], article abbr[data-atlas-title]") : null;
  }

  document.addEventListener("mouseover", function (ev) {
    var abbr = abbrOf(ev.target);
    if (abbr && abbr !== tipFor) showTip(abbr);
    else if (!abbr && tipFor && tipFor !== document.activeElement) hideTip();
  });
  document.addEventListener("focusin", function (ev) {
    var abbr = abbrOf(ev.target);
    if (abbr) showTip(abbr); else hideTip();
  });
  document.addEventListener("focusout", function (ev) { if (abbrOf(ev.target)) hideTip(); });
  document.addEventListener("click", function (ev) {
    var abbr = abbrOf(ev.target);
    if (abbr) showTip(abbr); else hideTip();
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hideTip(); });
  window.addEventListener("scroll", function () { if (tipFor && tipFor !== document.activeElement) hideTip(); }, { passive: true });

  function setUpAbbreviations() {
    hideTip();
    var seen = {};
    document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
      var key = abbr.textContent;
      if (seen[key]) return;
      seen[key] = true;
      abbr.setAttribute("tabindex", "0");
    });
  }

  // Mark links to other sites, so print can show their address (internal ones need not).
  function markExternalLinks() {
    document.querySelectorAll("article a[href]").forEach(function (a) {
      if (!(a instanceof HTMLAnchorElement)) return;
      if (a.protocol.indexOf("http") === 0 && a.host !== window.location.host) a.classList.add("atlas-external");
    });
  }

  // --- choosers: their scripts load only on a page that has one (choose/) ---------
  // The engine (evaluation, no DOM) and the page's form and result, side by side.

  var chooserPromise = null;

  function setUpChoosers() {
    if (!document.querySelector("[data-atlas-chooser]")) return;
    if (!chooserPromise) {
      chooserPromise = Promise.all(["javascripts/choosers/engine.js", "javascripts/choosers/ui.js"].map(function (path) {
        return loadScript(new URL(path, assets).href);
      })).then(function () { return window.AtlasChooser; });
      chooserPromise.catch(function () { chooserPromise = null; });
    }
    chooserPromise.then(function (chooser) { chooser.init(); }).catch(function () { /* the table stays */ });
  }

  // Practice pages (practice/): their files load only where a practice element is on the
  // page, each once. At first what the page's mode shows and the modules it needs:
  // practice mode the bank's index (the exams, the topics, and per question what the setup
  // and the progress need) and its own screen; the exam simulation only the exams, its
  // screen and its result. The bank itself, the questions whole, loads only when
  // practice.js asks for it (`loadBank`): once the reader turns to the form, or starts;
  // practice mode's FSRS scheduler comes with it (BANK_SCRIPTS), since nothing is
  // scheduled before an answer.
  var practiceCss = false, practiceData = {}, loaded = {};
  var PRACTICE_SCRIPTS = ["javascripts/practice/bank.js", "javascripts/practice/draw.js",
    "javascripts/practice/ui.js", "javascripts/practice/practice.js"];
  // The simulation keeps no progress: it needs neither the store nor the schedule.
  var MODE_SCRIPTS = {
    practice: ["javascripts/practice/store.js", "javascripts/practice/schedule.js", "javascripts/practice/practice-ui.js"],
    exam: ["javascripts/practice/exam-ui.js", "javascripts/practice/exam-result.js"]
  };
  var BANK_SCRIPTS = { practice: ["vendor/ts-fsrs.js"], exam: [] };
  var PRACTICE_DATA = {
    index: { path: "practice/index.js", name: "__atlasPracticeIndex" },
    exams: { path: "practice/exams.js", name: "__atlasPracticeExams" },
    bank: { path: "practice/questions.js", name: "__atlasPractice", sliced: true }
  };
  var MODE_DATA = { practice: "index", exam: "exams" };

  // A data script of the site (macros/site/scripts.py: `self.<name>=JSON.parse("<JSON as
  // a string>");`), resolved with its value. Over http(s) it is fetched and parsed as
  // JSON, which costs the browser a fraction of compiling it as a script; from file://
  // (no fetch) it runs as a script, as the search's indexes do. `sliced`: its questions
  // parsed a slice per task (parseBank).
  function loadData(src, name, sliced) {
    if (typeof fetch !== "function" || !/^https?:$/.test(location.protocol)) {
      return loadScript(src).then(function () { return window[name]; });
    }
    return fetch(src).then(function (response) {
      if (!response.ok) throw new Error("could not load " + src);
      return response.text();
    }).then(function (text) {
      var json = JSON.parse(text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")));
      return sliced ? nextTask(json).then(parseBank) : JSON.parse(json);
    });
  }

  // The practice data `key` of PRACTICE_DATA, loaded once (again after a failure).
  function practiceFile(key) {
    if (!practiceData[key]) {
      var file = PRACTICE_DATA[key];
      practiceData[key] = loadData(new URL(file.path, assets).href, file.name, file.sliced);
      practiceData[key].catch(function () { delete practiceData[key]; });
    }
    return practiceData[key];
  }

  // A promise of `value`, settled in a later task: the work after it starts a new task.
  function nextTask(value) {
    return new Promise(function (resolve) { setTimeout(function () { resolve(value); }, 0); });
  }

  // The bank's JSON (version, topics, exams, then questions, as macros/practice/bank.py
  // writes it) parsed a slice of questions per task, so that no task holds the page for
  // long. Each slice ends where the next question's object begins ('},{"id":' can only
  // stand between two objects: inside a JSON string every quote is escaped). Anything
  // unexpected, and the whole text is parsed at once, as before.
  var BANK_SLICE = 60000;
  function parseBank(json) {
    var key = ',"questions":[';
    var at = json.lastIndexOf(key);
    if (at < 0 || json.slice(-2) !== "]}") return JSON.parse(json);
    var bank, body = json.slice(at + key.length, -2), questions = [], start = 0;
    try { bank = JSON.parse(json.slice(0, at) + "}"); } catch (err) { return JSON.parse(json); }
    function slice() {
      if (start >= body.length) { bank.questions = questions; return bank; }
      var end = body.indexOf('},{"id":', start + BANK_SLICE);
      var piece = end < 0 ? body.slice(start) : body.slice(start, end + 1);
      start = end < 0 ? body.length : end + 2;
      try { questions.push.apply(questions, JSON.parse("[" + piece + "]")); } catch (err) { return JSON.parse(json); }
      return nextTask().then(slice);
    }
    return slice();
  }

  // Scripts of the site added one per task (they still load side by side), so that
  // starting eleven downloads does not make one long task.
  function loadScripts(srcs) {
    return Promise.all(srcs.map(function (src, i) {
      if (loaded[src]) return loaded[src];
      loaded[src] = new Promise(function (resolve) { setTimeout(resolve, i); }).then(function () { return loadScript(src); });
      loaded[src].catch(function () { delete loaded[src]; });
      return loaded[src];
    }));
  }

  function setUpPractice() {
    var el = document.querySelector("[data-atlas-practice]:not([data-atlas-state])");
    if (!el) return;
    el.setAttribute("data-atlas-state", "loading");
    if (!practiceCss && !document.querySelector("link[data-atlas-practice-css]")) {
      practiceCss = true;
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("stylesheets/practice.css", assets).href;
      document.head.appendChild(css);
    }
    var mode = el.getAttribute("data-atlas-practice") === "exam" ? "exam" : "practice";
    // The data and the modules load side by side; the modules only register themselves,
    // and practice.js's mount puts them together. They start once the page's first frame
    // is painted, so they never hold up its text.
    var practicePromise = new Promise(function (resolve) {
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
    }).then(function () {
      return Promise.all([practiceFile(MODE_DATA[mode]), loadScripts(PRACTICE_SCRIPTS.concat(MODE_SCRIPTS[mode]).map(function (path) {
        return new URL(path, assets).href;
      }))]);
    });
    function loadBank() {
      return Promise.all([practiceFile("bank"), loadScripts(BANK_SCRIPTS[mode].map(function (path) {
        return new URL(path, assets).href;
      }))]).then(function (got) { return got[0]; });
    }
    practicePromise.then(function (got) {
      window.AtlasPractice.mount(el, { index: got[0], loadBank: loadBank });
    }).catch(function (error) {
      el.setAttribute("data-atlas-state", "error");
      var p = document.createElement("p");
      p.setAttribute("role", "alert");
      p.textContent = "The practice questions could not be loaded (" + error.message + ").";
      el.appendChild(p);
    });
  }

  // Each part in a task of its own, after the theme's start-up task rather than inside
  // it: a phone then never has one long task holding up a tap (Lighthouse's blocking time).
  var STEPS = [setUpChoosers, setUpPractice, markExternalLinks, renderMath, setUpAbbreviations, setUpTables];
  function onPage() {
    STEPS.forEach(function (step, i) { setTimeout(step, i); });
  }

  // Tell the search worker (theme/material-worker.js) to load its index as soon as the
  // reader focuses the search box, so results are ready by the time they have typed.
  var warmed = false;
  document.addEventListener("focusin", function (ev) {
    var t = ev.target;
    if (warmed || !t || !t.matches || !t.matches(".md-search__input")) return;
    warmed = true;
    try { new BroadcastChannel("atlas-search").postMessage("warm"); } catch (err) { /* file:// */ }
  });

  // Once the page has loaded and the browser is idle, let the worker fetch the quick
  // index (under the budget of search data fetched before first use), so the first
  // query needs only the engine's code.
  // A worker that starts after that moment says "hello" and is told again, so the
  // message is never lost to a worker that was not listening yet.
  var idle = false, channel = null;
  try {
    channel = new BroadcastChannel("atlas-search");
    channel.onmessage = function (ev) { if (ev.data === "hello" && idle) channel.postMessage("idle"); };
  } catch (err) { /* file:// */ }
  window.addEventListener("load", function () {
    var later = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
    later(function () {
      idle = true;
      if (channel) channel.postMessage("idle");
    });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
