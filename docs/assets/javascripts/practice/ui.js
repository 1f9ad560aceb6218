/*
 * What the practice and exam pages share (UI): DOM helpers, one question as a form
 * (radio buttons, or check boxes for multiple-response), each option's reason after an
 * answer, the links of a question, the "report a problem" link, downloads as Blobs and
 * the storage alert. Everything is drawn with DOM methods and textContent: no text from
 * the bank is ever parsed as HTML.
 */
(function (root) {
  "use strict";

  var KEYS = ["1", "2", "3", "4", "5", "6"];
  var uid = 0;

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

  // Text with `code spans` drawn as <code>; everything else as plain text.
  function rich(node, text) {
    String(text).split(/(`[^`]+`)/).forEach(function (part) {
      if (/^`[^`]+`$/.test(part)) node.appendChild(el("code", { text: part.slice(1, -1) }));
      else if (part) node.appendChild(document.createTextNode(part));
    });
    return node;
  }

  // "1 question", "2 questions".
  function count(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // A whole number with thousands separated by commas (720, 1,000), as "en-US" writes it.
  // Not toLocaleString: its first call sets up the browser's number formatting, which a
  // trace of the exam page showed holding a phone's main thread for 100-200 ms.
  function number(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  function nextId(prefix) { uid += 1; return "atlas-" + prefix + "-" + uid; }

  function safeUrl(url) { return typeof url === "string" && /^https:\/\//.test(url) ? url : null; }

  // A link of the site (relative to its root) or an https address; null otherwise.
  function siteUrl(rootUrl, url) {
    if (typeof url !== "string" || !url) return null;
    if (/^[a-z]+:/i.test(url)) return safeUrl(url);
    return new URL(url, rootUrl).href;
  }

  function typingTarget(ev) {
    var t = ev.target;
    return t && (t.tagName === "SELECT" || t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type !== "radio" && t.type !== "checkbox"));
  }

  // A table in the theme's own look (Material styles tables without a class).
  function table(caption, heads, rows) {
    var t = el("table", {}, [
      el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, heads.map(function (h) { return el("th", { scope: "col", text: h }); }))])
    ]);
    var body = el("tbody");
    rows.forEach(function (r) { body.appendChild(r); });
    t.appendChild(body);
    return el("div", { className: "md-typeset__scrollwrap" }, [el("div", { className: "md-typeset__table" }, [t])]);
  }

  // Scroll so that `node`'s top sits just below the sticky header (and `extra`, e.g.
  // the exam's timer bar), then focus `focus` without scrolling again.
  function bringIntoView(node, focus, extra) {
    var header = document.querySelector(".md-header");
    var top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    if (extra) top += extra.getBoundingClientRect().height;
    var y = node.getBoundingClientRect().top;
    // Scrolling up makes the theme show its "Back to top" button just below the header:
    // leave it room.
    if (y < top + 4) window.scrollBy(0, y - top - 64);
    else if (y > window.innerHeight * 0.4) window.scrollBy(0, y - top - 8);
    if (focus) focus.focus({ preventScroll: true });
  }

  function download(name, text) {
    var blob = new Blob([text], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  // A role="alert" message with a download of what could not be saved (`text`, or a
  // function that returns it when clicked); `after(box)` runs once it is downloaded.
  // The box stays until a newer alert replaces it.
  function storageAlert(host, message, file, text, after) {
    var old = host.querySelector(".atlas-practice__alert");
    if (old) old.remove();
    var button = el("button", { type: "button", className: "md-button md-button--primary", text: "Download " + file });
    var box = el("div", { className: "atlas-practice__alert", role: "alert" }, [el("p", { text: message }), el("p", {}, [button])]);
    button.addEventListener("click", function () {
      download(file, typeof text === "function" ? text() : text);
      if (after) after(box);
    });
    host.insertBefore(box, host.firstChild);
    return box;
  }

  function reportLink(q, issues) {
    var text = "Question id: " + q.id + "\nQuestion: " + q.prompt + "\nOptions:\n" +
      q.options.map(function (o, i) { return "  " + (i + 1) + ". " + o + (q.answers.indexOf(i) !== -1 ? "  (given as right)" : ""); }).join("\n") +
      "\nData file: " + q.file + "\n\nWhat is wrong:\n";
    var offline = window.location.protocol === "file:" || navigator.onLine === false || !safeUrl(issues);
    if (!offline) {
      var url = issues + "?title=" + encodeURIComponent("Practice question " + q.id + ": ") + "&body=" + encodeURIComponent(text);
      return el("p", { className: "atlas-q__report" }, [el("a", { href: url, rel: "noopener", target: "_blank", text: "Report a problem with this question" })]);
    }
    return el("details", { className: "atlas-q__report" }, [
      el("summary", { text: "Report a problem with this question" }),
      el("p", { text: "You are offline. Open a new issue in the project's repository" + (safeUrl(issues) ? " (" + issues.replace(/\/issues\/new$/, "") + ")" : "") + " with this text:" }),
      el("pre", { text: text })
    ]);
  }

  function linksFor(rootUrl, q) {
    var p = el("p", { className: "atlas-q__links" });
    var page = siteUrl(rootUrl, q.url);
    if (page) p.appendChild(el("a", { href: page, text: "Read it on the page" }));
    var src = q.source && safeUrl(q.source.url);
    if (src) {
      p.appendChild(document.createTextNode(" \u00b7 AWS source: "));
      p.appendChild(el("a", { href: src, text: q.source.title || src }));
    }
    return p;
  }

  // One option's reason with its links, or null when the bank has none.
  function reasonFor(rootUrl, q, i, id) {
    var r = q.reasons && q.reasons[i];
    if (!r || !r.text) return null;
    var right = q.answers.indexOf(i) !== -1;
    var box = el("div", { className: "atlas-q__reason", id: id });
    var p = el("p");
    p.appendChild(el("strong", { text: right ? "\u2713 Fits: " : "\u2717 Does not fit: " }));
    rich(p, r.text);
    var page = siteUrl(rootUrl, r.url);
    var source = r.source && (typeof r.source === "string" ? { url: r.source } : r.source);
    var src = source && safeUrl(source.url);
    if (page || src) p.appendChild(document.createTextNode(" "));
    if (page) p.appendChild(el("a", { href: page, text: "On the page" }));
    if (page && src) p.appendChild(document.createTextNode(" \u00b7 "));
    if (src) p.appendChild(el("a", { href: src, text: source.title ? "AWS: " + source.title : "AWS source" }));
    box.appendChild(p);
    return box;
  }

  // Draws a question into `host` under a heading; multiple-response questions get check
  // boxes and say how many to choose. Returns {fieldset, inputs, heading, selected(),
  // toggle(i), lock(), mark(rootUrl, chosen)}.
  function questionForm(host, q, headingText, chosen) {
    var name = nextId("answer");
    var multi = q.answers.length > 1 || q.choose > 1;
    var heading = el("h2", { className: "atlas-q__heading", tabindex: "-1" }, [
      document.createTextNode(headingText + " "),
      el("span", { className: "atlas-q__id", text: "id " + q.id })
    ]);
    var legend = rich(el("legend", { className: "atlas-q__prompt" }), q.prompt);
    if (multi) legend.appendChild(el("span", { className: "atlas-q__choose", text: " " + require("bank").chooseText(q.choose) }));
    var fieldset = el("fieldset", { className: "atlas-q__options" }, [legend]);
    var labels = [];
    var inputs = q.options.map(function (option, i) {
      var id = name + "-" + i;
      var input = el("input", { type: multi ? "checkbox" : "radio", name: name, id: id, value: String(i) });
      if (chosen && chosen.indexOf(i) !== -1) input.checked = true;
      var label = el("label", { "for": id, className: "atlas-q__option" }, [
        input, el("span", { className: "atlas-q__key", "aria-hidden": "true", text: KEYS[i] || "" }), rich(el("span"), option)
      ]);
      fieldset.appendChild(label);
      labels.push(label);
      return input;
    });
    host.appendChild(heading);
    host.appendChild(fieldset);
    return {
      multi: multi, fieldset: fieldset, inputs: inputs, heading: heading,
      selected: function () {
        var out = [];
        inputs.forEach(function (x, i) { if (x.checked) out.push(i); });
        return out;
      },
      toggle: function (i) {
        var x = inputs[i];
        if (!x || x.disabled) return;
        x.checked = multi ? !x.checked : true;
        x.focus();
        x.dispatchEvent(new Event("change", { bubbles: true }));
      },
      lock: function () { inputs.forEach(function (x) { x.disabled = true; }); },
      // After an answer: right and wrong options marked, each followed by its reason.
      mark: function (rootUrl, picked) {
        labels.forEach(function (label, i) {
          var right = q.answers.indexOf(i) !== -1;
          if (right) label.classList.add("atlas-q__option--right");
          else if (picked.indexOf(i) !== -1) label.classList.add("atlas-q__option--wrong");
          var reason = reasonFor(rootUrl, q, i, name + "-why-" + i);
          if (reason) {
            label.parentNode.insertBefore(reason, label.nextSibling);
            inputs[i].setAttribute("aria-describedby", reason.id);
          }
        });
      }
    };
  }

  // Waiting for the bank. The pages are drawn from its index; the questions themselves
  // come with the bank (practice.js), which loads only once the reader turns to the form
  // (focus or pointer on it) or presses its button.

  // A live region beside a form's button that says when the questions are loading.
  function waitStatus() {
    return el("span", { className: "atlas-practice__wait", role: "status", "aria-live": "polite" });
  }

  // Starts loading the bank the first time the reader turns to `form`.
  function loadOnIntent(ctx, form) {
    function ask() {
      form.removeEventListener("focusin", ask);
      form.removeEventListener("pointerover", ask);
      ctx.questions().catch(function () { /* told when they start */ });
    }
    form.addEventListener("focusin", ask);
    form.addEventListener("pointerover", ask);
  }

  // Runs `go(bank)` with the bank: at once when it is loaded; otherwise once it is, with
  // `button` marked busy and `wait` saying so meanwhile (a second press does nothing). A
  // failure is said in `wait`, and the button tries again.
  function withQuestions(ctx, button, wait, go) {
    var ready = ctx.loadedQuestions();
    if (ready) { wait.textContent = ""; go(ready); return; }
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    wait.textContent = "Loading the questions\u2026";
    ctx.questions().then(function (bank) {
      button.removeAttribute("aria-disabled");
      wait.textContent = "";
      go(bank);
    }, function (error) {
      button.removeAttribute("aria-disabled");
      wait.textContent = "The questions could not be loaded (" + error.message + "). Press the button to try again.";
    });
  }

  function require(name) { return root.AtlasPracticeLib[name]; }

  root.AtlasPracticeLib = root.AtlasPracticeLib || {};
  root.AtlasPracticeLib.ui = {
    KEYS: KEYS, count: count, number: number, el: el, rich: rich, nextId: nextId, safeUrl: safeUrl, siteUrl: siteUrl, typingTarget: typingTarget,
    table: table, bringIntoView: bringIntoView, download: download, storageAlert: storageAlert,
    reportLink: reportLink, linksFor: linksFor, reasonFor: reasonFor, questionForm: questionForm,
    waitStatus: waitStatus, loadOnIntent: loadOnIntent, withQuestions: withQuestions
  };
})(self);
