// The bewaarder (answers in memory, autosave, storage, two tabs, setting aside) with a fake
// storage, clock and timers: every rule of "never lose an answer" without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";

import { maakBewaarder } from "../../book/static/lsp/src/bewaarder.js";
import { maakOpslag } from "../../book/static/lsp/src/opslag.js";
import { GOED, NepStorage, SPEC, nepTijd, volFout } from "./hulp.js";

const KEY = "lsp:v1:alle_typen";

// One "tab": a bewaarder on a shared storage, with counters for its callbacks.
function tab(st, tijd, begin = {}) {
  const log = { wijziging: 0, opgeslagen: 0, toestand: [] };
  const b = maakBewaarder({
    id: "alle_typen", spec: SPEC, opslag: maakOpslag(() => st, tijd.klok), klok: tijd.klok, planner: tijd.planner, wachtMs: 250,
    bijWijziging: () => { log.wijziging += 1; }, bijOpgeslagen: () => { log.opgeslagen += 1; },
    bijToestand: (t) => log.toestand.push(t),
  });
  b.start(begin);
  return { b, log };
}
const opgeslagen = (st) => JSON.parse(st.getItem(KEY));

test("autosave waits for a pause, then writes answers with a time per question", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const { b, log } = tab(st, tijd);
  assert.equal(st.getItem(KEY), null, "nothing to write yet");
  b.set("a1", { tekst: "S" });
  tijd.laatLopen(100);
  b.set("a1", { tekst: "Sa" });
  tijd.laatLopen(200);
  assert.equal(st.getItem(KEY), null, "still typing: not saved");
  tijd.laatLopen(50);
  assert.deepEqual(opgeslagen(st).antwoorden, { a1: { tekst: "Sa" } });
  assert.deepEqual(opgeslagen(st).tijden, { a1: 1_000_100 });
  assert.equal(log.opgeslagen, 1);
  assert.equal(tijd.aantalTimers(), 0);
  // flush saves at once (page hidden, hand-in)
  b.set("a5", { keuze: 2 });
  b.flush();
  assert.deepEqual(opgeslagen(st).antwoorden.a5, { keuze: 2 });
  assert.equal(tijd.aantalTimers(), 0);
  const voor = log.opgeslagen;
  b.flush();                                  // nothing pending: no write
  assert.equal(log.opgeslagen, voor);
  assert.deepEqual(b.antwoorden(), { a1: { tekst: "Sa" }, a5: { keuze: 2 } });
});

test("start: stored answers are loaded; the host's answers are merged in and written", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  maakOpslag(() => st).schrijf("alle_typen", { a1: { tekst: "bewaard" }, a2: GOED.a2 }, { a1: 5, a2: 5 });
  const leeg = tab(st, tijd);
  assert.deepEqual(leeg.b.antwoorden(), { a1: { tekst: "bewaard" }, a2: GOED.a2 });
  const metModel = tab(st, tijd, { a1: { tekst: "uit Python" }, a5: { keuze: 1 } });
  assert.deepEqual(metModel.b.antwoorden(), { a1: { tekst: "uit Python" }, a2: GOED.a2, a5: { keuze: 1 } });
  assert.deepEqual(opgeslagen(st).antwoorden, metModel.b.antwoorden());
  assert.deepEqual(metModel.log.toestand.at(-1), { opslag: "ok", apart: null });
});

test("two tabs: changes reach the other tab and merge per question; the newer answer wins", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const A = tab(st, tijd);
  const B = tab(st, tijd);
  A.b.set("a1", { tekst: "in A" });
  tijd.laatLopen(300);                        // A saves
  B.b.set("a5", { keuze: 0 });                // B changes another question, before it heard of A
  assert.equal(B.b.synchroniseer(), true);    // the storage event of A's write
  assert.deepEqual(B.b.antwoorden(), { a1: { tekst: "in A" }, a5: { keuze: 0 } });
  assert.equal(B.log.wijziging, 1);
  tijd.laatLopen(300);                        // B saves: A's answer is kept
  assert.deepEqual(opgeslagen(st).antwoorden, { a1: { tekst: "in A" }, a5: { keuze: 0 } });
  A.b.synchroniseer();
  assert.deepEqual(A.b.antwoorden(), { a1: { tekst: "in A" }, a5: { keuze: 0 } });
  // same question in both: the later change wins, whichever tab saves last
  A.b.set("a1", { tekst: "A eerst" });
  tijd.verder(10);
  B.b.set("a1", { tekst: "B later" });
  tijd.laatLopen(300);                        // both timers run: A, then B
  A.b.synchroniseer();
  assert.equal(A.b.get("a1").tekst, "B later");
  assert.equal(opgeslagen(st).antwoorden.a1.tekst, "B later");
  // an older save never overwrites a newer answer of another tab
  B.b.set("a3", { ronde1: [{ positie: 1, argument: "" }, { positie: null, argument: "" }] });
  tijd.verder(5);
  A.b.set("a1", { tekst: "A nieuwst" });
  A.b.flush();
  B.b.flush();
  assert.equal(opgeslagen(st).antwoorden.a1.tekst, "A nieuwst");
  assert.ok("a3" in opgeslagen(st).antwoorden);
  assert.equal(A.b.synchroniseer(), true);
  assert.equal(B.b.synchroniseer(), false, "nothing new for B");
});

test("an erase in one tab reaches the other; an answer typed there since is kept", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const A = tab(st, tijd);
  A.b.set("a1", { tekst: "eerst" });
  A.b.set("a5", { keuze: 1 });
  A.b.flush();
  const B = tab(st, tijd);
  assert.deepEqual(B.b.antwoorden(), A.b.antwoorden());
  B.b.set("a8", { scores: [1, null, null] });  // typed in B, not yet saved
  A.b.wis();
  assert.equal(st.getItem(KEY), null);
  assert.deepEqual(A.b.antwoorden(), {});
  B.b.synchroniseer();
  assert.deepEqual(B.b.antwoorden(), { a8: { scores: [1, null, null] } });
  tijd.laatLopen(300);
  assert.deepEqual(opgeslagen(st).antwoorden, { a8: { scores: [1, null, null] } });
});

test("corrupt stored data is set aside before anything is written", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  st.setItem(KEY, "{kapot");
  const { b, log } = tab(st, tijd);
  assert.equal(st.getItem(`lsp:kapot:alle_typen:${tijd.klok()}`), "{kapot");
  assert.equal(st.getItem(KEY), null);
  assert.deepEqual(log.toestand.at(-1), { opslag: "ok", apart: { soort: "kapot", backup: `lsp:kapot:alle_typen:${tijd.klok()}`, veilig: true } });
  b.set("a1", { tekst: "nieuw" });
  tijd.laatLopen(300);
  assert.deepEqual(opgeslagen(st).antwoorden, { a1: { tekst: "nieuw" } });
});

test("when setting aside fails, the original is never overwritten and the answers stay in memory", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  st.setItem(KEY, "{kapot");
  st.weiger = (k) => (k.startsWith("lsp:kapot:") ? volFout() : null);
  const { b, log } = tab(st, tijd, { a5: { keuze: 2 } });
  assert.equal(b.isGeblokkeerd(), true);
  assert.deepEqual(log.toestand.at(-1), { opslag: "geblokkeerd", apart: { soort: "kapot", backup: null, veilig: false } });
  b.set("a1", { tekst: "getypt" });
  tijd.laatLopen(300);
  b.flush();
  b.vervang({ a1: { tekst: "geïmporteerd" } });
  b.wis();
  b.set("a1", { tekst: "getypt" });
  b.flush();
  assert.equal(b.synchroniseer(), false);
  assert.equal(st.getItem(KEY), "{kapot", "the unreadable original is untouched");
  assert.deepEqual(st.sleutels("lsp:kapot:"), []);
  assert.deepEqual(b.antwoorden(), { a1: { tekst: "getypt" } });
  assert.equal(b.toestand().opslag, "geblokkeerd");
});

test("stored answers that no longer fit are set aside whole; what fits is kept and written clean", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const oud = { a1: { tekst: "past" }, oud_id: { tekst: "hernoemde vraag" }, a2: { volgorde: ["Oud item"], redenen: { "Oud item": "reden" } }, a5: { keuze: 9 } };
  maakOpslag(() => st).schrijf("alle_typen", oud, { a1: 3 });
  const ruw = st.getItem(KEY);
  const { b, log } = tab(st, tijd);
  const backup = `lsp:kapot:alle_typen:${tijd.klok()}`;
  assert.equal(st.getItem(backup), ruw, "the whole original record is kept");
  assert.deepEqual(log.toestand.at(-1).apart, { soort: "afwijkend", backup, veilig: true });
  assert.deepEqual(b.antwoorden(), { a1: { tekst: "past" }, a2: { volgorde: ["Markt", "Broer", "Team"], redenen: {} }, a5: { keuze: null } });
  assert.deepEqual(opgeslagen(st).antwoorden, b.antwoorden(), "the clean version is written at once");
  assert.deepEqual(opgeslagen(st).tijden, { a1: 3 });
  // a second load finds nothing to set aside
  tijd.verder(1000);
  const C = tab(st, tijd);
  assert.equal(C.log.toestand.at(-1).apart, null);
  assert.deepEqual(st.sleutels("lsp:kapot:"), [backup]);
});

test("stale answers whose set-aside fails: shown, but the stored record stays as it was", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  maakOpslag(() => st).schrijf("alle_typen", { a1: { tekst: "past" }, oud_id: { tekst: "weg?" } });
  const ruw = st.getItem(KEY);
  st.weiger = (k) => (k.startsWith("lsp:kapot:") ? volFout() : null);
  const { b } = tab(st, tijd);
  assert.deepEqual(b.antwoorden(), { a1: { tekst: "past" } });
  b.set("a1", { tekst: "verder" });
  tijd.laatLopen(300);
  assert.equal(st.getItem(KEY), ruw);
  assert.equal(b.toestand().opslag, "geblokkeerd");
});

test("an over-long stored text is set aside, not cut", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const lang = "x".repeat(100_001);
  maakOpslag(() => st).schrijf("alle_typen", { a1: { tekst: lang }, a5: { keuze: 1 } });
  const { b } = tab(st, tijd);
  assert.equal(JSON.parse(st.getItem(`lsp:kapot:alle_typen:${tijd.klok()}`)).antwoorden.a1.tekst, lang);
  assert.deepEqual(b.antwoorden(), { a5: { keuze: 1 } });
});

test("full or blocked storage: answers stay in memory and the state says so", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const { b, log } = tab(st, tijd);
  st.weiger = () => volFout();
  b.set("a1", { tekst: "past niet" });
  tijd.laatLopen(300);
  assert.equal(b.toestand().opslag, "vol");
  assert.deepEqual(b.antwoorden(), { a1: { tekst: "past niet" } });
  st.weiger = null;                           // room again: the next save succeeds
  b.set("a5", { keuze: 0 });
  tijd.laatLopen(300);
  assert.equal(b.toestand().opslag, "ok");
  assert.deepEqual(opgeslagen(st).antwoorden, { a1: { tekst: "past niet" }, a5: { keuze: 0 } });
  assert.deepEqual(log.toestand.map((t) => t.opslag), ["ok", "vol", "ok"]);
  st.geblokkeerd = true;
  b.set("a1", { tekst: "geblokkeerd" });
  tijd.laatLopen(300);
  assert.equal(b.toestand().opslag, "geen");
  assert.equal(b.get("a1").tekst, "geblokkeerd");
});

test("vervang (import, Python): sanitised, new times only for changed answers, saved at once", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const { b } = tab(st, tijd);
  b.set("a1", { tekst: "zelfde" });
  b.set("a2", GOED.a2);
  b.flush();
  const t0 = opgeslagen(st).tijden.a1;
  tijd.verder(500);
  assert.equal(b.vervang({ a1: { tekst: "zelfde" }, a5: { keuze: 1 }, a8: "kapot" }), "ok");
  assert.deepEqual(b.antwoorden(), { a1: { tekst: "zelfde" }, a5: { keuze: 1 } });
  assert.deepEqual(opgeslagen(st).tijden, { a1: t0, a5: t0 + 500 });
  assert.equal(tijd.aantalTimers(), 0);
});

test("without a planner the bewaarder uses the page's own timers", async () => {
  const st = new NepStorage();
  const b = maakBewaarder({ id: "alle_typen", spec: SPEC, opslag: maakOpslag(() => st), wachtMs: 5 });
  b.start({});
  b.set("a1", { tekst: "echte timer" });
  assert.equal(st.getItem(KEY), null);
  await new Promise((klaar) => setTimeout(klaar, 60));
  assert.deepEqual(opgeslagen(st).antwoorden, { a1: { tekst: "echte timer" } });
});

test("no needless writes, redraws or state messages", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const { b, log } = tab(st, tijd, { a1: { tekst: "van Python" } });
  assert.equal(st.schrijfacties, 1, "start writes the host's answers once");
  b.flush();
  assert.equal(st.schrijfacties, 1, "nothing pending after start");
  b.set("a5", { keuze: 0 });
  tijd.laatLopen(300);
  b.set("a5", { keuze: 1 });
  tijd.laatLopen(300);
  assert.equal(st.schrijfacties, 3);
  assert.equal(log.toestand.length, 1, "the state did not change, so no new message");
  assert.equal(log.wijziging, 0, "own changes never redraw");
  assert.equal(b.synchroniseer(), false);
  assert.equal(st.schrijfacties, 3);
});

test("the storage state is known right after start", () => {
  const tijd = nepTijd();
  const dicht = new NepStorage();
  dicht.geblokkeerd = true;
  assert.equal(tab(dicht, tijd).b.toestand().opslag, "geen");
  const kapot = new NepStorage();
  kapot.setItem(KEY, "{kapot");
  kapot.weiger = (k) => (k.startsWith("lsp:kapot:") ? volFout() : null);
  assert.equal(tab(kapot, tijd).b.toestand().opslag, "geblokkeerd");
});

test("answers a tab could not store are written when another tab's change comes in", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const A = tab(st, tijd);
  const B = tab(st, tijd);
  st.weiger = () => volFout();
  B.b.set("a8", { scores: [2, null, null] });
  tijd.laatLopen(300);                        // B's save fails: the storage is full
  assert.equal(B.b.toestand().opslag, "vol");
  st.weiger = null;
  A.b.set("a1", { tekst: "uit A" });
  A.b.flush();
  assert.deepEqual(opgeslagen(st).antwoorden, { a1: { tekst: "uit A" } });
  assert.equal(B.b.synchroniseer(), true);    // A's write: B takes it in and stores its own too
  assert.deepEqual(opgeslagen(st).antwoorden, { a1: { tekst: "uit A" }, a8: { scores: [2, null, null] } });
  assert.equal(B.b.toestand().opslag, "ok");
  assert.equal(B.log.wijziging, 1);
});

test("a save that takes in another tab's answer redraws this tab", () => {
  const st = new NepStorage();
  const tijd = nepTijd();
  const A = tab(st, tijd);
  const B = tab(st, tijd);
  A.b.set("a1", { tekst: "uit A" });
  A.b.flush();
  B.b.set("a5", { keuze: 2 });
  tijd.laatLopen(300);                        // B's autosave merges A's answer
  assert.equal(B.log.wijziging, 1);
  assert.deepEqual(B.b.antwoorden(), { a1: { tekst: "uit A" }, a5: { keuze: 2 } });
});
