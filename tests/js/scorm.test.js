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
// `zonderLimiet`: an LMS that takes (and would cut) anything; `start`: what Initialize answers.
// `aanroepen` records every call with its arguments.
function nepApi(versie, begin = {}, { zonderLimiet = false, start = "true" } = {}) {
  const v12 = versie === "1.2";
  const data = new Map(Object.entries(begin));
  const api = { data, log: [], aanroepen: [], gestart: false, gestopt: 0, commits: 0 };
  const set = (k, v) => {
    if (k === "cmi.suspend_data" && v.length > LIMIET[versie] && !zonderLimiet) return "false";
    data.set(k, v);
    api.log.push([k, v]);
    return "true";
  };
  const fns = {
    Initialize: () => { api.gestart = true; return start; },
    GetValue: (k) => data.get(k) ?? "",
    SetValue: set,
    Commit: () => { api.commits += 1; return "true"; },
    Terminate: () => { api.gestopt += 1; return "true"; },
  };
  for (const [naam, f] of Object.entries(fns)) {
    const echt = v12 ? (naam === "Terminate" ? "LMSFinish" : "LMS" + naam) : naam;
    api[echt] = (...args) => { api.aanroepen.push([echt, ...args]); return f(...args); };
  }
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

// -- one behaviour each (mutation testing, issue 15) ------------------------------------------

import { geheugenStorage, maakLms } from "../../book/static/lsp/src/scorm.js";
import { KAPOT_PREFIX, PREFIX } from "../../book/static/lsp/src/constanten.js";

const zets = (api, k) => api.log.filter(([sleutel]) => sleutel === k);

test("zoekApi: at most 12 windows up; the own window before the opener; the top window's opener", () => {
  const api = {};
  const keten = (n) => {                     // n windows, the API in the last (the top)
    let w = { API: api };
    w.parent = w;
    for (let i = 1; i < n; i += 1) w = { parent: w };
    return w;
  };
  assert.deepEqual(zoekApi(keten(12)), { versie: "1.2", api });
  assert.equal(zoekApi(keten(13)), null);
  const eigen = {};
  const opener = { API_1484_11: {} };
  opener.parent = opener;
  const win = { API: eigen, opener };
  win.parent = win;
  win.top = win;
  assert.equal(zoekApi(win).api, eigen);
  const top = { opener };
  top.parent = top;
  const kind = { parent: top, top, opener: null };
  assert.deepEqual(zoekApi(kind), { versie: "2004", api: opener.API_1484_11 });
});

test("maakLms: SCORM's calls with an empty argument; only the text \"true\" counts as success", () => {
  for (const versie of ["1.2", "2004"]) {
    const api = nepApi(versie);
    const lms = maakLms(versie, api);
    assert.equal(lms.start(), true);
    assert.equal(lms.commit(), true);
    assert.equal(lms.zet("cmi.x", 5), true);
    assert.equal(lms.stop(), true);
    const namen = versie === "1.2" ? ["LMSInitialize", "LMSCommit", "LMSSetValue", "LMSFinish"] : ["Initialize", "Commit", "SetValue", "Terminate"];
    assert.deepEqual(api.aanroepen, [[namen[0], ""], [namen[1], ""], [namen[2], "cmi.x", "5"], [namen[3], ""]]);
    assert.equal(maakLms(versie, nepApi(versie, {}, { start: "false" })).start(), false);
    assert.equal(maakLms(versie, nepApi(versie, {}, { start: true })).start(), true);
  }
  const win = nepWin({ API: nepApi("1.2", {}, { start: "false" }) });
  assert.equal(startScorm({ win, specs: [SPEC], ...stil() }), null);   // the LMS refused to start
});

test("codeer: ids sorted, the base is the earliest finite time, times without an answer or not finite left out", () => {
  const per = {
    b: { antwoorden: { q: 1, r: 2 }, tijden: { q: 5000, r: "later", s: 7000 } },
    a: { antwoorden: { q: 3 }, tijden: { q: Infinity } },
  };
  assert.equal(codeer(per, "p.html"), JSON.stringify({ f: "lsp1", p: "p.html", t: (5000).toString(36), o: { a: [{ q: 3 }, {}], b: [{ q: 1, r: 2 }, { q: "0" }] } }));
  assert.equal(codeer({ a: { antwoorden: { q: 1 }, tijden: {} } }, ""), '{"f":"lsp1","p":"","t":"0","o":{"a":[{"q":1},{}]}}');
});

test("decodeer: refuses a base that is not a base-36 text, skips pairs that are not [answers, times]", () => {
  assert.equal(decodeer('{"f":"lsp1","o":{},"t":5}'), null);
  assert.equal(decodeer('{"f":"lsp1","o":{},"t":"!!"}'), null);
  assert.deepEqual(decodeer('{"f":"lsp1","o":{"a":[5,{}],"b":{"0":{"q":1}},"c":[{"q":1}]},"t":"0"}'),
    { pagina: "", per: { c: { antwoorden: { q: 1 }, tijden: {} } } });
  assert.equal(decodeer('{"f":"lsp1","p":5,"o":{},"t":"0"}').pagina, "");
  assert.equal(decodeer('{"f":"lsp1","p":"x.html","o":{},"t":"0"}').pagina, "x.html");
});

test("geheugenStorage: a Storage in memory", () => {
  const m = geheugenStorage();
  assert.equal(m.getItem("a"), null);
  m.setItem("a", 1);
  m.setItem("b", "2");
  assert.equal(m.getItem("a"), "1");
  assert.equal(m.length, 2);
  assert.equal(m.key(1), "b");
  assert.equal(m.key(2), null);
  m.removeItem("a");
  assert.equal(m.getItem("a"), null);
  assert.equal(m.length, 1);
  assert.equal(m.key(0), "b");
});

test("startScorm: with working browser storage the answers go there, not into the reserve in memory", () => {
  const win = nepWin({ API: nepApi("1.2", { "cmi.suspend_data": codeer({ kort: { antwoorden: { k1: { tekst: "uit het LMS" } }, tijden: { k1: 1 } } }, "") }) });
  globalThis.window = win;
  try {
    startScorm({ win, specs: [SPEC], ...stil() });
    assert.ok(win.localStorage.getItem(PREFIX + "kort").includes("uit het LMS"));
    assert.equal(win.localStorage.getItem("lsp:test"), null);
    assert.equal(maakOpslag().kijk("kort").antwoorden.k1.tekst, "uit het LMS");
  } finally {
    delete globalThis.window;
    zetReserveOpslag(null);
  }
});

test("startScorm: the same answers in LMS and browser are not written again; a broken browser record is set aside", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  const record = { antwoorden: { k1: { tekst: "zelfde" } }, tijden: { k1: 1000 } };
  opslag.schrijf("kort", record.antwoorden, record.tijden);
  const voor = st.schrijfacties;
  const api = nepApi("2004", { "cmi.suspend_data": codeer({ kort: record }, "p.html") });
  startScorm({ win: nepWin({ API_1484_11: api }), specs: [SPEC], pagina: "p.html", opslag, ...stil() });
  assert.equal(st.schrijfacties, voor);
  assert.deepEqual(zets(api, "cmi.suspend_data"), []);               // the LMS already had exactly this
  // a broken record in the browser: kept under a backup key, the LMS's answers take its place
  const st2 = new NepStorage();
  st2.setItem(PREFIX + "kort", "{kapot");
  const opslag2 = maakOpslag(() => st2, () => 5000);
  startScorm({ win: nepWin({ API_1484_11: nepApi("2004", { "cmi.suspend_data": codeer({ kort: record }, "p.html") }) }),
    specs: [SPEC], pagina: "p.html", opslag: opslag2, ...stil() });
  assert.deepEqual(st2.sleutels(KAPOT_PREFIX).map((k) => st2.getItem(k)), ["{kapot"]);
  assert.equal(opslag2.kijk("kort").antwoorden.k1.tekst, "zelfde");
  // nothing in the browser yet: nothing set aside
  const st3 = new NepStorage();
  startScorm({ win: nepWin({ API_1484_11: nepApi("2004", { "cmi.suspend_data": codeer({ kort: record }, "p.html") }) }),
    specs: [SPEC], pagina: "p.html", opslag: maakOpslag(() => st3, () => 5000), ...stil() });
  assert.deepEqual(st3.sleutels(KAPOT_PREFIX), []);
});

test("startScorm: answers made in the browser before go into the LMS; an exercise without answers stays out", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  opslag.schrijf("kort", { k1: { tekst: "van eerder" } }, { k1: 4000 });
  const api = nepApi("1.2");
  startScorm({ win: nepWin({ API: api }), specs: [SPEC, { id: "leeg", vragen: [] }], opslag, ...stil() });
  const ruw = JSON.parse(api.data.get("cmi.suspend_data"));
  assert.deepEqual(ruw, { f: "lsp1", p: "", t: (4000).toString(36), o: { kort: [{ k1: { tekst: "van eerder" } }, { k1: "0" }] } });
});

test("startScorm: an erase leaves no trace in the LMS; times travel with the answers", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  const api = nepApi("2004");
  startScorm({ win: nepWin({ API_1484_11: api }), specs: [SPEC], pagina: "p.html", opslag, ...stil() });
  opslag.schrijf("kort", { k1: { tekst: "a" } }, { k1: 6000 });
  assert.deepEqual(decodeer(api.data.get("cmi.suspend_data")).per.kort.tijden, { k1: 6000 });
  opslag.wis("kort");
  assert.deepEqual(JSON.parse(api.data.get("cmi.suspend_data")).o, {});
});

test("startScorm: status, progress and data are set only when they change; 1.2 has no progress", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  const api = nepApi("2004");
  const lms = startScorm({ win: nepWin({ API_1484_11: api }), specs: [SPEC], pagina: "p.html", opslag, ...stil() });
  opslag.schrijf("kort", { k1: { tekst: "a" } }, { k1: 6000 });
  opslag.schrijf("kort", { k1: { tekst: "b" } }, { k1: 6001 });
  lms.bewaar();
  assert.deepEqual(zets(api, "cmi.completion_status").map(([, v]) => v), ["incomplete"]);
  assert.deepEqual(zets(api, "cmi.progress_measure").map(([, v]) => v), ["0.00", "0.50"]);
  assert.equal(zets(api, "cmi.suspend_data").length, 3);               // start, a, b; not the last bewaar
  assert.deepEqual(lms.toestand(), { teGroot: false, status: "incomplete", data: api.data.get("cmi.suspend_data") });
  const api12 = nepApi("1.2");
  startScorm({ win: nepWin({ API: api12 }), specs: [SPEC], opslag: maakOpslag(() => new NepStorage(), () => 1), ...stil() });
  assert.ok(!api12.data.has("cmi.progress_measure"));
  const zonder = nepApi("2004");
  startScorm({ win: nepWin({ API_1484_11: zonder }), specs: [], opslag: maakOpslag(() => new NepStorage(), () => 1), ...stil() });
  assert.equal(zonder.data.get("cmi.progress_measure"), "1.00");        // nothing to answer: all done
  assert.equal(zonder.data.get("cmi.completion_status"), "completed");
});

test("startScorm: data of exactly the limit is kept; an LMS that would take more never gets more", () => {
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, () => 5000);
  const api = nepApi("1.2", {}, { zonderLimiet: true });
  const meldingen = [];
  startScorm({ win: nepWin({ API: api }), specs: [SPEC], meld: (t) => meldingen.push(t), pagina: "p.html", opslag, ...stil() });
  const vul = (n) => codeer({ kort: { antwoorden: { k1: { tekst: "x".repeat(n) } }, tijden: { k1: 7 } } }, "p.html");
  const n = 4096 - vul(0).length;
  assert.equal(vul(n).length, 4096);
  opslag.schrijf("kort", { k1: { tekst: "x".repeat(n) } }, { k1: 7 });
  assert.equal(api.data.get("cmi.suspend_data"), vul(n));
  assert.deepEqual(meldingen, []);
  opslag.schrijf("kort", { k1: { tekst: "x".repeat(n + 1) } }, { k1: 7 });
  assert.equal(api.data.get("cmi.suspend_data"), vul(n));
  assert.deepEqual(meldingen, [TE_GROOT(4096)]);
});

test("startScorm: without a page name the data carries none; the default timers commit later", async () => {
  const st = new NepStorage();
  let nu = 1_000_000;
  const opslag = maakOpslag(() => st, () => nu);
  const api = nepApi("2004");
  const lms = startScorm({ win: nepWin({ API_1484_11: api }), specs: [SPEC], opslag, klok: () => nu, commitMs: 20 });
  assert.equal(JSON.parse(api.data.get("cmi.suspend_data")).p, "");
  assert.equal(api.commits, 1);
  opslag.schrijf("kort", { k1: { tekst: "a" } }, { k1: nu });
  assert.equal(api.commits, 1);
  nu += 30;
  await new Promise((klaar) => setTimeout(klaar, 60));
  assert.equal(api.commits, 2);
  // a commit forced while a timer waits clears that timer: no second commit when it would have run
  const luisteraars = {};
  const doc = { visibilityState: "hidden", addEventListener: (e, f) => { luisteraars[e] = f; } };
  const api2 = nepApi("2004");
  const lms2 = startScorm({ win: nepWin({ API_1484_11: api2, document: doc, addEventListener() {} }), specs: [SPEC], opslag, klok: () => nu, commitMs: 20 });
  lms2.luister();
  opslag.schrijf("kort", { k1: { tekst: "b" } }, { k1: nu });          // within 20 ms of the start: a timer
  luisteraars.visibilitychange();
  assert.equal(api2.commits, 2);
  nu += 30;
  await new Promise((klaar) => setTimeout(klaar, 60));
  assert.equal(api2.commits, 2);
  lms.stop();
  lms2.stop();
});

test("TE_GROOT: the whole message, with the limit in Dutch digit groups", () => {
  assert.equal(TE_GROOT(4096),
    "Je antwoorden in dit hoofdstuk zijn samen te lang geworden om in de leeromgeving te bewaren " +
    "(die bewaart hier hoogstens 4.096 tekens). Er is niets verloren: alles staat in deze browser. " +
    'Lever je antwoorden in met het blok "Inleveren" onderaan dit hoofdstuk (download het bestand), ' +
    "zodat je docent ze krijgt en jij ze op een andere computer kunt terugzetten.");
  assert.ok(TE_GROOT(1_234_567).includes("hoogstens 1.234.567 tekens"));
});

test("startScorm: a commit exactly when the interval is over; after the end no commit and one Terminate", () => {
  const tijd = nepTijd();
  const st = new NepStorage();
  const opslag = maakOpslag(() => st, tijd.klok);
  const api = nepApi("1.2");
  const luisteraars = {};
  const doc = { visibilityState: "visible", addEventListener: (e, f) => { luisteraars[e] = f; } };
  const win = nepWin({ API: api, document: doc, addEventListener: (e, f) => { luisteraars[e] = f; } });
  const lms = startScorm({ win, specs: [SPEC], pagina: "p.html", opslag, klok: tijd.klok, planner: tijd.planner });
  lms.luister();
  assert.deepEqual(Object.keys(luisteraars).sort(), ["pagehide", "visibilitychange"]);
  assert.equal(api.commits, 1);
  tijd.verder(COMMIT_MS);
  opslag.schrijf("kort", { k1: { tekst: "a" } }, { k1: tijd.klok() });
  assert.equal(api.commits, 2);                                    // exactly COMMIT_MS later: at once
  tijd.verder(10);
  luisteraars.visibilitychange();                                  // still visible: nothing
  assert.equal(api.commits, 2);
  doc.visibilityState = "hidden";
  luisteraars.visibilitychange();                                  // hidden: at once, even so soon after
  assert.equal(api.commits, 3);
  luisteraars.pagehide();
  assert.equal(api.gestopt, 1);
  const commits = api.commits;
  luisteraars.visibilitychange();
  lms.stop();
  luisteraars.pagehide();
  assert.equal(api.commits, commits);
  assert.equal(api.gestopt, 1);
});

// A document with just what startScormOpPagina uses: the exercises' data blocks, blocks to put a
// message in, and paragraphs.
function nepDocument(win, blokken) {
  const meldingen = [];
  const doc = {
    defaultView: win,
    meldingen,
    querySelectorAll(sel) {
      if (sel === ".lsp-oefening script.lsp-data") return blokken.map((textContent) => ({ textContent }));
      if (sel === ".lsp-scorm-melding") return meldingen.slice();
      if (sel === ".lsp-oefening, .lsp-inleveren") return doc.plekken;
      throw new Error(`onverwachte selector ${sel}`);
    },
    createElement(tag) {
      const p = { tag, attrs: {}, setAttribute(k, v) { p.attrs[k] = v; }, remove() { meldingen.splice(meldingen.indexOf(p), 1); } };
      return p;
    },
  };
  doc.plekken = ["oefening", "inleveren"].map((naam) => ({ naam, prepend(p) { p.in = naam; meldingen.push(p); } }));
  return doc;
}

test("startScormOpPagina: specs from the page, the page's file name, a message above every block", async () => {
  const { startScormOpPagina } = await import("../../book/static/lsp/src/scorm.js");
  assert.equal(startScormOpPagina(nepDocument(nepWin(), [])), null);     // no LMS
  const api = nepApi("1.2");
  const win = nepWin({ API: api, location: { pathname: "/boek/chapters/03_wijk.html" } });
  const lang = "x".repeat(5000);
  win.localStorage.setItem(PREFIX + "eigen_id", JSON.stringify({ formaat: "lsp-opslag", versie: 1, antwoorden: { k1: { tekst: lang } }, tijden: { k1: 1 } }));
  win.localStorage.setItem(PREFIX + "zonder_spec", JSON.stringify({ formaat: "lsp-opslag", versie: 1, antwoorden: { q: 1 }, tijden: {} }));
  const doc = nepDocument(win, [
    JSON.stringify({ oefening_id: "eigen_id", spec: { ...SPEC, id: "ander" } }),
    JSON.stringify({ oefening_id: "zonder_spec" }),
    "{kapot",
  ]);
  globalThis.window = win;
  try {
    const lms = startScormOpPagina(doc);
    assert.equal(lms.versie, "1.2");
    // both blocks' answers were looked up under their oefening_id; the one of 5000 characters does not fit
    assert.equal(lms.toestand().teGroot, true);
    assert.deepEqual(doc.meldingen.map((p) => [p.in, p.tag, p.className, p.attrs.role, p.textContent]), [
      ["oefening", "p", "lsp-fout lsp-scorm-melding", "alert", TE_GROOT(4096)],
      ["inleveren", "p", "lsp-fout lsp-scorm-melding", "status", TE_GROOT(4096)],
    ]);
    maakOpslag().schrijf("eigen_id", { k1: { tekst: "kort" } }, { k1: 2 });
    assert.deepEqual(doc.meldingen, []);
    const data = JSON.parse(api.data.get("cmi.suspend_data"));
    assert.equal(data.p, "03_wijk.html");
    assert.deepEqual(Object.keys(data.o), ["eigen_id", "zonder_spec"]);
    assert.equal(api.data.get("cmi.core.lesson_status"), "incomplete");   // k2 of the spec is not answered
    lms.stop();
  } finally {
    delete globalThis.window;
  }
});
