/*
 * Practice progress in the browser's localStorage (engine; no DOM). One document under
 * one key: {format, version, cards: {question id: FSRS card record}, attic: {...}}.
 * Progress on ids the bank no longer has moves to `attic` and comes back if the
 * question does.
 *
 * Progress is never lost:
 *  - every write is checked; a refused write (quota exceeded, storage off) returns
 *    {ok: false, reason} and leaves the stored copy as it was, so the page can tell the
 *    reader and offer the progress as a download;
 *  - stored progress this version cannot read is copied aside (to a key of its own, never
 *    over an earlier copy) before anything replaces it; when that copy is refused, the
 *    store is `protected`: it writes nothing until the reader has been offered the old
 *    document (`release()`);
 *  - an import is validated whole, then written once: all or nothing; files over the
 *    size cap are refused before they are read.
 */
(function (root, factory) {
  var lib = factory();
  if (typeof module === "object" && module.exports) module.exports = lib;
  else { root.AtlasPracticeLib = root.AtlasPracticeLib || {}; root.AtlasPracticeLib.store = lib; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "atlas-practice-progress";
  var VERSION = 1;
  var ID_PATTERN = /^q-[0-9a-f]{10}$/;
  var MAX_IMPORT_BYTES = 2 * 1024 * 1024;
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
  function sortAside(doc, known) {
    var moved = 0;
    doc.attic = doc.attic || {};
    Object.keys(doc.cards).forEach(function (id) {
      if (!known(id)) { doc.attic[id] = doc.cards[id]; delete doc.cards[id]; moved += 1; }
    });
    Object.keys(doc.attic).forEach(function (id) {
      if (known(id) && !doc.cards[id]) { doc.cards[id] = doc.attic[id]; delete doc.attic[id]; }
    });
    return moved;
  }

  // A refused write, in words a reader can act on.
  function refusal(err) {
    var name = err && err.name;
    if (name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || (err && err.code === 22)) {
      return "the browser's storage for this site is full";
    }
    if (name === "SecurityError") return "the browser does not let this page keep data (storage is off)";
    return "the browser refused to store it (" + (err && err.message ? err.message : String(err)) + ")";
  }

  function createStore(options) {
    var key = options.key || "atlas-practice";
    var known = options.known || function () { return true; };
    var storage = options.storage;
    var store = {
      key: key,
      protectedRaw: null, // stored progress we could neither read nor copy aside
      asideKey: null
    };

    function write(k, value) {
      if (!storage) return { ok: false, reason: "the browser does not let this page keep data (storage is off)" };
      try { storage.setItem(k, value); return { ok: true }; } catch (err) { return { ok: false, reason: refusal(err) }; }
    }

    function read(k) {
      if (!storage) return { ok: false, value: null };
      try { return { ok: true, value: storage.getItem(k) }; } catch (err) { return { ok: false, value: null, reason: refusal(err) }; }
    }

    // A key for the kept-aside copy that holds nothing yet (or the same text already).
    function asideKeyFor(raw) {
      for (var n = 1; n < 100; n++) {
        var k = key + "-unreadable" + (n === 1 ? "" : "-" + n);
        var there = read(k).value;
        if (there == null || there === raw) return k;
      }
      return null;
    }

    // -> {doc, note, alert}: `alert` is set when the reader must act (nothing is lost yet).
    store.load = function () {
      var got = read(key);
      if (!got.ok) return { doc: emptyProgress(), note: "This browser does not let the page keep progress (" + (got.reason || "storage is off") + ")." };
      var raw = got.value;
      if (!raw) return { doc: emptyProgress(), note: "" };
      var doc = null;
      try { doc = JSON.parse(raw); } catch (err) { doc = null; }
      var problem = progressProblem(doc);
      if (!problem) {
        sortAside(doc, known);
        return { doc: doc, note: "" };
      }
      var aside = asideKeyFor(raw);
      var copied = aside ? write(aside, raw) : { ok: false, reason: "too many copies are kept aside already" };
      if (copied.ok) {
        store.asideKey = aside;
        return { doc: emptyProgress(), note: "Saved progress could not be read (" + problem + "); it was kept aside (under \u201c" + aside + "\u201d in this browser) and practice starts afresh." };
      }
      store.protectedRaw = raw;
      return {
        doc: emptyProgress(),
        alert: "Saved progress could not be read (" + problem + ") and could not be kept aside, because " + copied.reason +
          ". It stays as it is: nothing you answer now is saved over it until you download it."
      };
    };

    // Write the document; {ok: true} or {ok: false, reason} with storage unchanged.
    store.save = function (doc) {
      if (store.protectedRaw != null) return { ok: false, reason: "older progress that could not be read is kept in its place until you download it", kept: true };
      var copy = {};
      Object.keys(doc).forEach(function (k) { copy[k] = doc[k]; });
      copy.saved = new Date().toISOString();
      var result = write(key, JSON.stringify(copy));
      if (result.ok) doc.saved = copy.saved;
      return result;
    };

    // The reader has the protected document as a file: writes may replace it now.
    store.release = function () { store.protectedRaw = null; };

    // -> {doc, moved} or {problem}; nothing is written.
    store.parseImport = function (text, bytes) {
      var size = typeof bytes === "number" ? bytes : String(text).length;
      if (size > MAX_IMPORT_BYTES) return { problem: "it is larger than " + MAX_IMPORT_BYTES / 1024 / 1024 + " MB (" + (size / 1024 / 1024).toFixed(1) + " MB), more than any progress file of this site" };
      var parsed;
      try { parsed = JSON.parse(text); } catch (err) { return { problem: "it is damaged (not valid JSON)" }; }
      var problem = progressProblem(parsed);
      if (problem) return { problem: problem };
      var moved = sortAside(parsed, known);
      return { doc: parsed, moved: moved };
    };

    return store;
  }

  return {
    FORMAT: FORMAT, VERSION: VERSION, MAX_IMPORT_BYTES: MAX_IMPORT_BYTES,
    createStore: createStore, progressProblem: progressProblem, emptyProgress: emptyProgress, sortAside: sortAside
  };
});
