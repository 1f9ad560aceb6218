// Progress storage: checked writes, kept-aside copies, all-or-nothing imports, size cap.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, fakeStorage, card } = require("./helpers.js");

const lib = load("store.js");
const KEY = "atlas-practice";
const known = (id) => id !== "q-00000000ff";
const progress = (cards) => ({ format: lib.FORMAT, version: lib.VERSION, cards, attic: {} });

test("a refused write says why and leaves the stored progress as it was", () => {
  const before = JSON.stringify(progress({ "q-0000000001": card() }));
  const storage = fakeStorage({ [KEY]: before }, 0);
  const store = lib.createStore({ storage, key: KEY, known });
  const { doc } = store.load();
  doc.cards["q-0000000002"] = card();
  const result = store.save(doc);
  assert.equal(result.ok, false);
  assert.match(result.reason, /storage for this site is full/);
  assert.equal(storage.getItem(KEY), before);
  assert.equal(doc.saved, undefined); // not marked as saved
});

test("storage that is off (SecurityError) is told as such", () => {
  const storage = { getItem: () => null, setItem: () => { const e = new Error("denied"); e.name = "SecurityError"; throw e; } };
  const store = lib.createStore({ storage, key: KEY, known });
  const result = store.save(lib.emptyProgress());
  assert.deepEqual(result, { ok: false, reason: "the browser does not let this page keep data (storage is off)" });
  assert.equal(lib.createStore({ storage: null, key: KEY }).save(lib.emptyProgress()).ok, false);
});

test("a successful write round-trips and sorts unknown ids into the attic on load", () => {
  const storage = fakeStorage();
  const store = lib.createStore({ storage, key: KEY, known });
  const doc = progress({ "q-0000000001": card(), "q-00000000ff": card() });
  assert.deepEqual(store.save(doc), { ok: true });
  const again = lib.createStore({ storage, key: KEY, known }).load().doc;
  assert.deepEqual(Object.keys(again.cards), ["q-0000000001"]);
  assert.deepEqual(Object.keys(again.attic), ["q-00000000ff"]);
});

test("unreadable progress is copied aside, never over an earlier copy", () => {
  const storage = fakeStorage({ [KEY]: "{broken", [KEY + "-unreadable"]: "earlier copy" });
  const store = lib.createStore({ storage, key: KEY, known });
  const loaded = store.load();
  assert.match(loaded.note, /could not be read .*kept aside/);
  assert.equal(storage.getItem(KEY + "-unreadable"), "earlier copy");
  assert.equal(storage.getItem(KEY + "-unreadable-2"), "{broken");
  assert.equal(store.save(loaded.doc).ok, true);
});

test("when the kept-aside copy fails, nothing is written over the old progress until released", () => {
  const old = JSON.stringify({ format: lib.FORMAT, version: 0, cards: {} });
  const storage = fakeStorage({ [KEY]: old }, 0);
  const store = lib.createStore({ storage, key: KEY, known });
  const loaded = store.load();
  assert.match(loaded.alert, /older format .*could not be kept aside.*storage for this site is full/);
  assert.equal(store.protectedRaw, old);
  storage.allow(10); // even with room again, the first answer must not replace it
  loaded.doc.cards["q-0000000001"] = card();
  const refused = store.save(loaded.doc);
  assert.equal(refused.ok, false);
  assert.equal(refused.kept, true);
  assert.equal(storage.getItem(KEY), old);
  store.release(); // the reader has downloaded it
  assert.equal(store.save(loaded.doc).ok, true);
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem(KEY)).cards), ["q-0000000001"]);
});

test("an import is checked whole: one bad entry refuses the file and writes nothing", () => {
  const storage = fakeStorage();
  const store = lib.createStore({ storage, key: KEY, known });
  const cards = {};
  for (let i = 0; i < 50; i++) cards["q-" + String(i).padStart(10, "0")] = card();
  cards["q-0000000049"] = { ...card(), state: 9 };
  const got = store.parseImport(JSON.stringify(progress(cards)));
  assert.match(got.problem, /q-0000000049 has no valid state/);
  assert.equal(got.doc, undefined);
  assert.equal(storage.data.size, 0);
  assert.match(store.parseImport("{\"format\":").problem, /not valid JSON/);
  assert.match(store.parseImport(JSON.stringify({ format: "other" })).problem, /not an AWS ML Atlas progress file/);
  assert.match(store.parseImport(JSON.stringify({ format: lib.FORMAT, version: 2, cards: {} })).problem, /newer format/);
});

test("a good import parses without writing; its unknown ids go to the attic", () => {
  const storage = fakeStorage();
  const store = lib.createStore({ storage, key: KEY, known });
  const got = store.parseImport(JSON.stringify(progress({ "q-0000000001": card(), "q-00000000ff": card() })));
  assert.equal(got.moved, 1);
  assert.deepEqual(Object.keys(got.doc.attic), ["q-00000000ff"]);
  assert.equal(storage.data.size, 0);
});

test("files over the size cap are refused by their size, before parsing", () => {
  const store = lib.createStore({ storage: fakeStorage(), key: KEY, known });
  assert.equal(lib.MAX_IMPORT_BYTES, 2 * 1024 * 1024);
  const got = store.parseImport("not even JSON", lib.MAX_IMPORT_BYTES + 1);
  assert.match(got.problem, /larger than 2 MB/);
  const big = JSON.stringify(progress({})) + " ".repeat(lib.MAX_IMPORT_BYTES);
  assert.match(store.parseImport(big).problem, /larger than 2 MB/);
  assert.equal(store.parseImport(JSON.stringify(progress({})), 100).problem, undefined);
});
