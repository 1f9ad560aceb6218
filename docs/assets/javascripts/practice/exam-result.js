/*
 * The result of an exam simulation (UI): the percentage right with AWS's pass mark (a
 * scaled score, which a percentage cannot be turned into), a score per domain, the
 * missed questions linked to their pages, and a review of every answer with each
 * option's reason.
 */
(function (root) {
  "use strict";

  var lib = root.AtlasPracticeLib = root.AtlasPracticeLib || {};

  function passMark(el, exam) {
    var f = exam.format;
    if (f.passing_score) {
      return el("p", { className: "atlas-exam__passmark", text: "AWS's pass mark for " + exam.code + " is a scaled score of " +
        lib.ui.number(f.passing_score) + " (on a scale of 100 to 1,000). AWS turns answers into that score by a method it does not publish" +
        (f.scored ? ", and only " + f.scored + " of the " + f.questions + " questions count" : "") +
        ", so a percentage here cannot be read as a pass or a fail: take it as a measure of what you know by domain." });
    }
    return el("p", { className: "atlas-exam__passmark", text: "AWS reports " + exam.code + " results as a scaled score (100 to 1,000); our data does not hold its pass mark yet. A percentage here cannot be turned into that score: take it as a measure of what you know by domain." });
  }

  function draw(ctx, stage, exam, items, timeUp, again) {
    var ui = lib.ui, el = ui.el, isRight = lib.bank.isRight;
    stage.textContent = "";
    var right = items.filter(function (x) { return isRight(x.q, x.chosen); }).length;
    var section = el("div", { className: "atlas-practice__result atlas-exam__result", "aria-live": "polite" });
    var heading = el("h2", { tabindex: "-1", text: exam.code + " simulation: " + right + " of " + items.length + " right (" + Math.round(100 * right / items.length) + "%)" });
    section.appendChild(heading);
    if (timeUp) section.appendChild(el("p", { role: "alert", text: "Time ran out; unanswered questions count as wrong." }));
    section.appendChild(passMark(el, exam));
    var rows = [];
    exam.domains.forEach(function (d) {
      var mine = items.filter(function (x) { return x.domain.number === d.number; });
      if (!mine.length) return;
      var r = mine.filter(function (x) { return isRight(x.q, x.chosen); }).length;
      rows.push(el("tr", { "data-domain": exam.id + "/" + d.number }, [
        el("td", { text: d.number + ": " + d.name }), el("td", { text: d.weight + "%" }), el("td", { text: String(mine.length) }),
        el("td", { text: String(r) }), el("td", { text: Math.round(100 * r / mine.length) + "%" })
      ]));
    });
    section.appendChild(ui.table("Score by domain", ["Domain", "Weight", "Questions", "Right", "Score"], rows));

    var missed = items.filter(function (x) { return !isRight(x.q, x.chosen); });
    section.appendChild(el("h3", { text: missed.length ? "Questions you missed (" + missed.length + ")" : "You missed no question" }));
    if (missed.length) {
      var list = el("ol", { className: "atlas-exam__missed" });
      missed.forEach(function (x) {
        var li = el("li", { "data-question": x.q.id });
        var page = ui.siteUrl(ctx.root, x.q.url);
        li.appendChild(page ? ui.rich(el("a", { href: page }), x.q.prompt) : ui.rich(el("span"), x.q.prompt));
        li.appendChild(document.createTextNode(" (domain " + x.domain.number + (x.chosen.length ? "" : ", not answered") + ")"));
        list.appendChild(li);
      });
      section.appendChild(list);
    }

    section.appendChild(el("h3", { text: "Review of every answer" }));
    var review = el("ol", { className: "atlas-exam__review" });
    items.forEach(function (x) {
      var ok = isRight(x.q, x.chosen);
      var li = el("li", { className: ok ? "atlas-exam__review--right" : "atlas-exam__review--wrong", "data-question": x.q.id });
      li.appendChild(ui.rich(el("p", { className: "atlas-q__prompt" }), x.q.prompt));
      var yours = el("p");
      yours.appendChild(document.createTextNode((ok ? "\u2713 Right. " : "\u2717 Not right. ") + "Your answer: "));
      if (!x.chosen.length) yours.appendChild(document.createTextNode("none"));
      else ui.rich(yours, x.chosen.map(function (i) { return x.q.options[i]; }).join("; "));
      if (!ok) { yours.appendChild(document.createTextNode(". Right answer: ")); ui.rich(yours, x.q.answers.map(function (i) { return x.q.options[i]; }).join("; ")); }
      if (x.flagged) yours.appendChild(document.createTextNode(" (flagged)"));
      li.appendChild(yours);
      if (x.q.reasons) {
        var why = el("ul", { className: "atlas-exam__reasons" });
        x.q.options.forEach(function (o, i) {
          var reason = ui.reasonFor(ctx.root, x.q, i);
          if (!reason) return;
          var item = el("li");
          ui.rich(item.appendChild(el("span", { className: "atlas-exam__option" })), o);
          item.appendChild(reason);
          why.appendChild(item);
        });
        li.appendChild(why);
      }
      li.appendChild(ui.rich(el("p", { className: "atlas-q__explanation" }), x.q.explanation));
      li.appendChild(ui.linksFor(ctx.root, x.q));
      li.appendChild(el("p", { className: "atlas-q__meta" }, [el("span", { className: "atlas-q__id", text: "id " + x.q.id })]));
      li.appendChild(ui.reportLink(x.q, ctx.issues));
      review.appendChild(li);
    });
    section.appendChild(review);
    var button = el("button", { type: "button", className: "md-button md-button--primary", text: "New simulation" });
    button.addEventListener("click", again);
    section.appendChild(button);
    stage.appendChild(section);
    ui.bringIntoView(section, heading);
  }

  lib.examResult = { draw: draw, passMark: passMark };
})(self);
