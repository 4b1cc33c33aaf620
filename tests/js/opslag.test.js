// The storage layer against a fake Storage: reading without side effects, setting aside,
// full or blocked storage.
import { test } from "node:test";
import assert from "node:assert/strict";

import { isVol, leesRecord, maakOpslag } from "../../book/static/lsp/src/opslag.js";
import { NepStorage, volFout } from "./hulp.js";

const KEY = "lsp:v1:oef";
const record = (x = {}) => JSON.stringify({ formaat: "lsp-opslag", versie: 1, oefening: "oef", antwoorden: { a1: { tekst: "x" } }, ...x });

test("kijk: empty, readable, corrupt or foreign, and unavailable storage", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 42);
  assert.deepEqual(opslag.kijk("oef"), { status: "leeg" });
  st.setItem(KEY, record({ tijden: { a1: 5, a2: "x" } }));
  assert.deepEqual(opslag.kijk("oef"), { status: "ok", antwoorden: { a1: { tekst: "x" } }, tijden: { a1: 5 }, ruw: st.getItem(KEY) });
  st.setItem(KEY, record());
  assert.deepEqual(opslag.kijk("oef").tijden, {});
  for (const ruw of ["{kapot", record({ versie: 2 }), record({ formaat: "ander" }), record({ antwoorden: [] }), record({ tijden: [] }), "null", "[]"]) {
    st.setItem(KEY, ruw);
    assert.deepEqual(opslag.kijk("oef"), { status: "kapot", ruw }, ruw);
    assert.equal(st.getItem(KEY), ruw, "kijk changes nothing");
  }
  st.geblokkeerd = true;
  assert.deepEqual(opslag.kijk("oef"), { status: "geen" });
  assert.equal(opslag.wis("oef"), false);
  assert.deepEqual(opslag.student(), {});
  assert.equal(opslag.zetStudent({ naam: "x" }), false);
  assert.equal(opslag.schrijf("oef", {}), "geen");
});

test("leesRecord accepts only this book's records", () => {
  assert.equal(leesRecord(record()).status, "ok");
  assert.equal(leesRecord(record({ versie: 1.0 })).status, "ok");
  assert.equal(leesRecord(undefined).status, "kapot");
});

test("schrijf writes a versioned record with times, and tells full from blocked", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => Date.UTC(2026, 0, 2));
  assert.equal(opslag.schrijf("oef", { a1: { tekst: "t" } }, { a1: 9 }), "ok");
  assert.deepEqual(JSON.parse(st.getItem(KEY)), {
    formaat: "lsp-opslag", versie: 1, oefening: "oef", bijgewerkt: "2026-01-02T00:00:00.000Z",
    antwoorden: { a1: { tekst: "t" } }, tijden: { a1: 9 },
  });
  assert.deepEqual(JSON.parse(st.getItem(KEY)).tijden, { a1: 9 });
  st.weiger = () => volFout();
  assert.equal(opslag.schrijf("oef", {}), "vol");
  st.weiger = () => new Error("anders");
  assert.equal(opslag.schrijf("oef", {}), "geen");
  assert.equal(JSON.parse(st.getItem(KEY)).antwoorden.a1.tekst, "t", "a failed write leaves the old record");
  assert.ok(isVol({ code: 22 }) && isVol({ code: 1014 }) && isVol({ name: "NS_ERROR_DOM_QUOTA_REACHED" }));
  assert.ok(!isVol(null) && !isVol({ name: "SecurityError", code: 18 }));
});

test("zetApart copies the raw text to a backup key, or reports failure", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 77);
  assert.equal(opslag.zetApart("oef", "{kapot"), "lsp:kapot:oef:77");
  assert.equal(st.getItem("lsp:kapot:oef:77"), "{kapot");
  st.weiger = (k) => (k.startsWith("lsp:kapot:") ? volFout() : null);
  assert.equal(opslag.zetApart("oef", "{nog een"), null);
  // a storage that accepts but does not keep the copy counts as a failure too
  st.weiger = null;
  st.setItem = function (k, v) { if (!k.startsWith("lsp:kapot:")) this.data.set(k, v); };
  assert.equal(opslag.zetApart("oef", "{x"), null);
});

test("wis removes one exercise; the student's name is kept apart", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st);
  opslag.schrijf("oef", {});
  opslag.schrijf("ander", {});
  assert.equal(opslag.zetStudent({ naam: "Sam", studentnummer: "1" }), true);
  assert.equal(opslag.wis("oef"), true);
  assert.deepEqual(st.sleutels().sort(), ["lsp:v1:_student", "lsp:v1:ander"]);
  assert.deepEqual(opslag.student(), { naam: "Sam", studentnummer: "1" });
  st.setItem("lsp:v1:_student", "[1]");
  assert.deepEqual(opslag.student(), {});
  st.setItem("lsp:v1:_student", "{kapot");
  assert.deepEqual(opslag.student(), {});
  assert.equal(opslag.sleutel("x"), "lsp:v1:x");
});
