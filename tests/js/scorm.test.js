// SCORM runtime (scorm.js) against a fake LMS API and a fake Storage: finding the API, the
// compact suspend_data, restoring, saving, completion, the limit. The real thing (scorm-again in
// Chromium) is tests/test_scorm.py.
import { test } from "node:test";
import assert from "node:assert/strict";

import { codeer, COMMIT_MS, decodeer, LIMIET, startScorm, TE_GROOT, zoekApi } from "../../book/static/lsp/src/scorm.js";
import { maakOpslag, zetReserveOpslag } from "../../book/static/lsp/src/opslag.js";
import { NepStorage, nepTijd } from "./hulp.js";

const SPEC = {
  id: "kort",
  vragen: [
    { id: "k1", type: "open", vraag: "Wat weet je al?" },
    { id: "k2", type: "meerkeuze", vraag: "Wie?", opties: [{ tekst: "A", juist: false }, { tekst: "B", juist: true }] },
  ],
};

// A SCORM 1.2 or 2004 API that keeps its values in a Map and refuses values over the limit.
function nepApi(versie, begin = {}) {
  const v12 = versie === "1.2";
  const data = new Map(Object.entries(begin));
  const api = { data, log: [], gestart: false, gestopt: false, commits: 0 };
  const set = (k, v) => {
    if (k === "cmi.suspend_data" && v.length > LIMIET[versie]) return "false";
    data.set(k, v);
    api.log.push([k, v]);
    return "true";
  };
  const fns = {
    Initialize: () => { api.gestart = true; return "true"; },
    GetValue: (k) => data.get(k) ?? "",
    SetValue: set,
    Commit: () => { api.commits += 1; return "true"; },
    Terminate: () => { api.gestopt = true; return "true"; },
  };
  for (const [naam, f] of Object.entries(fns)) api[v12 ? (naam === "Terminate" ? "LMSFinish" : "LMS" + naam) : naam] = f;
  return api;
}

// A clock and timers that only move when told (no real timers left behind).
const stil = () => { const t = nepTijd(); return { klok: t.klok, planner: t.planner }; };

function nepWin(extra = {}) {
  const w = { localStorage: new NepStorage(), location: { pathname: "/chapters/01_test.html" }, ...extra };
  if (!("parent" in w)) w.parent = w;
  return w;
}

test("codeer/decodeer: round trip, times in base 36 after the earliest, foreign data is null", () => {
  const per = { kort: { antwoorden: { k1: { tekst: "x" }, k2: { keuze: 1 } }, tijden: { k1: 1_700_000_000_000, k2: 1_700_000_000_360 } } };
  const tekst = codeer(per, "01_test.html");
  assert.ok(tekst.includes('"k2":"a0"'), tekst);               // 360 ms after the earliest
  assert.deepEqual(decodeer(tekst), { pagina: "01_test.html", per });
  for (const x of ["", "{", "[]", '{"f":"ander","o":{},"t":"0"}', '{"f":"lsp1","o":[],"t":"0"}', "viewed=1,2,3"]) assert.equal(decodeer(x), null, x);
  // an answer without time keeps no time; a time without answer is dropped
  const d = decodeer(JSON.stringify({ f: "lsp1", p: "", t: "0", o: { a: [{ q: 1 }, { r: "5" }], b: "kapot" } }));
  assert.deepEqual(d.per, { a: { antwoorden: { q: 1 }, tijden: {} } });
});

test("zoekApi: parents first (2004 before 1.2), then the opener; other origins are skipped", () => {
  const api04 = {};
  const api12 = {};
  const top = { API: api12 };
  top.parent = top;
  const midden = { parent: top };
  Object.defineProperty(midden, "API_1484_11", { get() { throw new Error("SecurityError"); } });
  const kind = { parent: midden };
  assert.deepEqual(zoekApi(kind), { versie: "1.2", api: api12 });
  top.API_1484_11 = api04;
  assert.deepEqual(zoekApi(kind), { versie: "2004", api: api04 });
  const alleen = { top: null };
  alleen.parent = alleen;
  assert.equal(zoekApi(alleen), null);
  const opener = { API: api12 };
  opener.parent = opener;
  const venster = { opener };
  venster.parent = venster;
  venster.top = venster;
  assert.deepEqual(zoekApi(venster), { versie: "1.2", api: api12 });
});

test("startScorm: nothing happens without an API", () => {
  const win = nepWin();
  assert.equal(startScorm({ win, specs: [SPEC], ...stil() }), null);
  assert.equal(win.localStorage.length, 0);
});

test("startScorm: the LMS's answers come into storage, every save goes to the LMS, completion follows", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  const lmsData = codeer({ kort: { antwoorden: { k1: { tekst: "uit het LMS" } }, tijden: { k1: 1000 } } }, "01_test.html");
  const api = nepApi("2004", { "cmi.suspend_data": lmsData });
  const win = nepWin({ API_1484_11: api });
  const meldingen = [];
  const lms = startScorm({ win, specs: [SPEC], meld: (t) => meldingen.push(t), pagina: "01_test.html", opslag, ...stil() });
  assert.equal(lms.versie, "2004");
  assert.ok(api.gestart);
  assert.equal(opslag.kijk("kort").antwoorden.k1.tekst, "uit het LMS");
  assert.equal(api.data.get("cmi.exit"), "suspend");
  assert.equal(api.data.get("cmi.completion_status"), "incomplete");
  opslag.schrijf("kort", { k1: { tekst: "nieuw" }, k2: { keuze: 1 } }, { k1: 6000, k2: 6000 });
  assert.equal(decodeer(api.data.get("cmi.suspend_data")).per.kort.antwoorden.k1.tekst, "nieuw");
  assert.equal(api.data.get("cmi.completion_status"), "completed");
  assert.equal(api.data.get("cmi.progress_measure"), "1.00");
  opslag.wis("kort");
  assert.deepEqual(decodeer(api.data.get("cmi.suspend_data")).per, {});
  assert.equal(api.data.get("cmi.completion_status"), "incomplete");
  assert.deepEqual(meldingen, []);
  lms.stop();
  assert.ok(api.gestopt);
  opslag.schrijf("kort", { k1: { tekst: "na afloop" } }, { k1: 7000 });   // after the end: the LMS is left alone
  assert.ok(!api.data.get("cmi.suspend_data").includes("na afloop"));
});

test("startScorm: newer answers in the browser win over older ones in the LMS", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  opslag.schrijf("kort", { k1: { tekst: "nieuwer hier" } }, { k1: 9000 });
  const api = nepApi("1.2", { "cmi.suspend_data": codeer({ kort: { antwoorden: { k1: { tekst: "ouder" }, k2: { keuze: 0 } }, tijden: { k1: 1000, k2: 1000 } } }, "p.html") });
  startScorm({ win: nepWin({ API: api }), specs: [SPEC], pagina: "p.html", opslag, ...stil() });
  const hier = opslag.kijk("kort").antwoorden;
  assert.deepEqual(hier, { k1: { tekst: "nieuwer hier" }, k2: { keuze: 0 } });
  assert.deepEqual(decodeer(api.data.get("cmi.suspend_data")).per.kort.antwoorden, hier);
  assert.equal(api.data.get("cmi.core.lesson_status"), "completed");
  assert.equal(api.data.get("cmi.core.exit"), "suspend");
});

test("startScorm: over the limit the LMS keeps its last copy that fitted and the student is told", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  const api = nepApi("1.2");
  const meldingen = [];
  startScorm({ win: nepWin({ API: api }), specs: [SPEC], meld: (t) => meldingen.push(t), pagina: "p.html", opslag, ...stil() });
  opslag.schrijf("kort", { k1: { tekst: "kort" } }, { k1: 1 });
  const laatst = api.data.get("cmi.suspend_data");
  const lang = "x".repeat(5000);
  opslag.schrijf("kort", { k1: { tekst: lang } }, { k1: 2 });
  assert.equal(api.data.get("cmi.suspend_data"), laatst);           // never a cut-off copy
  assert.equal(opslag.kijk("kort").antwoorden.k1.tekst, lang);       // the browser has it all
  assert.deepEqual(meldingen, [TE_GROOT(4096)]);
  assert.ok(meldingen[0].includes("Inleveren") && meldingen[0].includes("4.096 tekens"), meldingen[0]);
  assert.ok(TE_GROOT(64000).includes("64.000 tekens"));
  opslag.schrijf("kort", { k1: { tekst: "weer kort" } }, { k1: 3 });
  assert.ok(api.data.get("cmi.suspend_data").includes("weer kort"));
  assert.deepEqual(meldingen, [TE_GROOT(4096), null]);
});

test("startScorm: data of another page is neither used nor overwritten", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  const ander = codeer({ x: { antwoorden: { q: 1 }, tijden: {} } }, "02_ander.html");
  const api = nepApi("2004", { "cmi.suspend_data": ander });
  assert.equal(startScorm({ win: nepWin({ API_1484_11: api }), specs: [SPEC], pagina: "01_test.html", opslag, ...stil() }), null);
  assert.equal(api.data.get("cmi.suspend_data"), ander);
  assert.ok(api.gestopt);
  assert.equal(st.length, 0);
});

test("startScorm: without browser storage the LMS alone keeps the answers", () => {
  const win = nepWin({ API: nepApi("1.2", { "cmi.suspend_data": codeer({ kort: { antwoorden: { k1: { tekst: "uit het LMS" } }, tijden: { k1: 1 } } }, "") }) });
  win.localStorage.geblokkeerd = true;
  globalThis.window = win;
  try {
    startScorm({ win, specs: [SPEC], ...stil() });
    const opslag = maakOpslag();                       // the default: the reserve in memory
    assert.equal(opslag.kijk("kort").antwoorden.k1.tekst, "uit het LMS");
  } finally {
    delete globalThis.window;
    zetReserveOpslag(null);
  }
});

test("startScorm: commits at most every few seconds while typing, and at once when the page goes", () => {
  const tijd = nepTijd();
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, tijd.klok);
  const api = nepApi("1.2");
  const lms = startScorm({ win: nepWin({ API: api }), specs: [SPEC], pagina: "p.html", opslag, klok: tijd.klok, planner: tijd.planner });
  assert.equal(api.commits, 1);                                   // the start
  for (let i = 0; i < 5; i += 1) {
    tijd.verder(300);
    opslag.schrijf("kort", { k1: { tekst: "x".repeat(i + 1) } }, { k1: tijd.klok() });
  }
  assert.equal(api.commits, 1);
  assert.equal(tijd.aantalTimers(), 1);
  assert.ok(api.data.get("cmi.suspend_data").includes("xxxxx"));   // the value is set at once
  tijd.laatLopen(COMMIT_MS);
  assert.equal(api.commits, 2);
  opslag.schrijf("kort", { k1: { tekst: "laatste" } }, { k1: tijd.klok() });
  assert.equal(api.commits, 2);
  lms.stop();
  assert.equal(api.commits, 3);
  assert.ok(api.gestopt && api.data.get("cmi.suspend_data").includes("laatste"));
  assert.equal(tijd.aantalTimers(), 0);
});
