// Edges of the question types' pure logic, one behaviour each (mutation testing, issue 15):
// the helpers, statements, multiple choice, sorting, ranking and information blocks.
import { test } from "node:test";
import assert from "node:assert/strict";

import { TYPEN } from "../../book/static/lsp/src/typen/index.js";
import { heeftInhoud, hussel, isPermutatie, schaalVeld, tekstVeld, toonVolgorde } from "../../book/static/lsp/src/typen/hulp.js";
import { vraag } from "./hulp.js";

const r = (p, a = "") => ({ positie: p, argument: a });

test("helpers: text and scale fields, what counts as content, permutations", () => {
  assert.deepEqual(tekstVeld(5), ["", true]);
  assert.deepEqual(tekstVeld(undefined), ["", false]);
  assert.deepEqual(schaalVeld(null), [null, false]);
  assert.deepEqual(schaalVeld(undefined), [null, false]);
  assert.equal(heeftInhoud("  \n"), false);
  assert.equal(heeftInhoud(undefined), false);
  assert.equal(heeftInhoud(null), false);
  assert.equal(heeftInhoud(" x "), true);
  assert.equal(heeftInhoud(0), true);
  for (const x of ["012", { length: 3 }, [0, 1, 2, 2], [0, 5, 1], [0, 1, -1], [0, 1, 2.5], [-1, 0, 1], [0, 1, 3]]) {
    assert.equal(isPermutatie(x, 3), false, JSON.stringify(x));
  }
  assert.equal(isPermutatie([2, 0, 1], 3), true);
});

test("hussel: the same order on every visit, also after an update (the algorithm is fixed)", () => {
  assert.deepEqual(hussel(10, "vast"), [9, 4, 8, 6, 1, 5, 2, 3, 0, 7]);
  assert.deepEqual(hussel(6, "zaad7:h2:b3"), [5, 4, 1, 3, 0, 2]);
});

test("toonVolgorde: a copy of the stored order; without a context the written order", () => {
  const opgeslagen = [2, 0, 1];
  const uit = toonVolgorde({}, 3, opgeslagen, { zaad: () => "z" });
  assert.deepEqual(uit, opgeslagen);
  assert.notEqual(uit, opgeslagen);
  assert.deepEqual(toonVolgorde({}, 3, undefined, undefined), [0, 1, 2]);
  assert.deepEqual(toonVolgorde({}, 3, undefined, {}), [0, 1, 2]);
});

test("informatie: always complete; a block without a title is called Informatie", () => {
  assert.equal(TYPEN.informatie.compleet({}, undefined), true);
  assert.equal(TYPEN.informatie.label({}), "Informatie");
});

test("stelling: empty and broken entries, extra statements, a null second round, losses in round 2", () => {
  const q = vraag("a3");
  const t = TYPEN.stelling;
  assert.deepEqual(t.schoon(q, { ronde1: [null, r(1)] }), { waarde: { ronde1: [r(null), r(1)] }, verlies: false });
  assert.deepEqual(t.schoon(q, { ronde1: [r(3), 5] }), { waarde: { ronde1: [r(3), r(null)] }, verlies: true });
  assert.equal(t.schoon(q, { ronde1: [r(3), r(3), r(null, "derde")] }).verlies, true);     // an argument beyond the statements
  assert.equal(t.schoon(q, { ronde1: [r(3), r(3)], x: 1 }).verlies, true);
  assert.deepEqual(t.schoon(q, { ronde1: [r(3), r(3)], ronde2: null }), { waarde: { ronde1: [r(3), r(3)] }, verlies: false });
  assert.deepEqual(t.schoon(q, { ronde1: [r(3), r(3)], ronde2: [r(9), r(2)] }),
    { waarde: { ronde1: [r(3), r(3)], ronde2: [r(null), r(2)] }, verlies: true });
  assert.deepEqual(t.leesbaar(q, undefined), []);
  assert.deepEqual(t.leesbaar(q, { ronde1: [r(4)] }), ["Eerst contact. Ronde 1: eens", "Buurvrouw hoort erbij. Ronde 1: geen keuze"]);
  assert.deepEqual(t.leesbaar(q, { ronde1: [r(4), r(2, "nee")], ronde2: [r(5, "toch")] }), [
    "Eerst contact. Ronde 1: eens; ronde 2: helemaal eens — toch",
    "Buurvrouw hoort erbij. Ronde 1: oneens — nee; ronde 2: geen keuze"]);
  // the full stop: only when the statement does not already end in one (before a closing quote)
  const zinnen = { ...q, stellingen: [" Eerst contact. ", "Dit klopt. Toch ", 'Hij zei "ja."'] };
  assert.deepEqual(t.leesbaar(zinnen, { ronde1: [] }).map((x) => x.split(" Ronde 1")[0]),
    ["Eerst contact.", "Dit klopt. Toch.", 'Hij zei "ja."']);
});

test("meerkeuze: lists with several answers, the input left alone, null fields, verdicts in words", () => {
  const q = { id: "m", type: "meerkeuze", vraag: "Welke?", meerdere_juist: true,
    opties: [{ tekst: "A", juist: true }, { tekst: "B", juist: false }, { tekst: "C", juist: true }] };
  const t = TYPEN.meerkeuze;
  assert.deepEqual(t.schoon(q, { keuze: [0, 7] }), { waarde: { keuze: [] }, verlies: true });
  assert.deepEqual(t.schoon(q, { keuze: "x" }), { waarde: { keuze: [] }, verlies: true });
  const keuze = [2, 0];
  t.schoon(q, { keuze });
  assert.deepEqual(keuze, [2, 0]);                                   // sorted in a copy
  assert.equal(t.compleet(q, undefined), false);
  assert.equal(t.compleet(q, { keuze: 5 }), false);
  assert.deepEqual(t.leesbaar(q, { keuze: [0], gecontroleerd: true }), ["Gekozen: A (gecontroleerd: niet goed)"]);
  assert.deepEqual(t.leesbaar(q, { keuze: [0, 2], eerste: 1 }), ["Gekozen: A; C"]);    // not a list: no first attempt
  assert.deepEqual(t.leesbaar(q, { keuze: [0, 2], eerste: [0, 2] }), ["Gekozen: A; C", "Eerste poging: A; C (goed)"]);
  const a5 = vraag("a5");
  const volgorde = [2, 0, 1];
  const uit = t.schoon(a5, { keuze: 1, volgorde });
  assert.deepEqual(uit.waarde.volgorde, volgorde);
  assert.notEqual(uit.waarde.volgorde, volgorde);
  assert.deepEqual(t.schoon(a5, { keuze: 1, volgorde: null, eerste: null, gecontroleerd: null }), { waarde: { keuze: 1 }, verlies: false });
  assert.deepEqual(t.leesbaar(a5, { keuze: 1, eerste: 9 }), ["Gekozen: Opzoeken"]);
  assert.deepEqual(t.leesbaar(a5, { keuze: 0, gecontroleerd: true }), ["Gekozen: Wachten (gecontroleerd: niet goed)"]);
  assert.equal(t.label(a5), "Outreach?");
});

test("sorteren: a blank category is no loss, null fields, no score without the book's categories", () => {
  const q = vraag("a4");
  const t = TYPEN.sorteren;
  assert.deepEqual(t.schoon(q, { indeling: { Ritme: "" } }), { waarde: { indeling: {} }, verlies: false });
  assert.deepEqual(t.schoon(q, { indeling: {}, eerste: null, gecontroleerd: null }), { waarde: { indeling: {} }, verlies: false });
  assert.deepEqual(t.schoon(q, { indeling: {}, gecontroleerd: false }), { waarde: { indeling: {} }, verlies: false });
  assert.deepEqual(t.schoon(q, { indeling: {} }), { waarde: { indeling: {} }, verlies: false });
  assert.deepEqual(t.schoon(q, { indeling: {}, eerste: "x" }), { waarde: { indeling: {} }, verlies: true });
  assert.deepEqual(t.leesbaar(q, undefined), []);
  assert.equal(t.label(q), "Helpt dit?");
  const open = { ...q, items: [{ tekst: "Broer" }] };
  assert.deepEqual(t.leesbaar(open, { indeling: { Broer: "Helpend" } }), ["Broer → Helpend"]);
});

test("rangschikking: label and no text without an answer", () => {
  const q = vraag("a2");
  assert.equal(TYPEN.rangschikking.label(q), "Welke volgorde?");
  assert.deepEqual(TYPEN.rangschikking.leesbaar(q, undefined), []);
});

test("open: kijkpunten and rubric: null is nothing, other shapes and values are a loss", () => {
  const t = TYPEN.open;
  const q = { id: "o", type: "open", vraag: "?", kijkpunten: ["a", "b", "c"], rubric: [{ criterium: "K", niveaus: ["x", "y"] }] };
  assert.deepEqual(t.schoon(q, { tekst: "t", kijkpunten: null, rubric: null }), { waarde: { tekst: "t" }, verlies: false });
  assert.deepEqual(t.schoon(q, { tekst: "t", kijkpunten: [0, 0.5, -1] }), { waarde: { tekst: "t", kijkpunten: [0] }, verlies: true });
  assert.deepEqual(t.schoon(q, { tekst: "t", rubric: "x" }), { waarde: { tekst: "t" }, verlies: true });
  assert.deepEqual(t.schoon(q, { tekst: "t", rubric: [null] }), { waarde: { tekst: "t", rubric: [null] }, verlies: false });
  assert.deepEqual(t.schoon(q, { tekst: "t", rubric: [0] }), { waarde: { tekst: "t", rubric: [null] }, verlies: true });
  const kaal = { id: "o", type: "open", vraag: "?" };                 // no kijkpunten, no rubric
  assert.deepEqual(t.schoon(kaal, { tekst: "t", kijkpunten: [0], rubric: [1] }), { waarde: { tekst: "t", kijkpunten: [], rubric: [] }, verlies: true });
});

test("zelfbeoordeling and dilemma: a scale needs five words; no text without an answer or reflection", () => {
  const z = TYPEN.zelfbeoordeling;
  const q = { id: "z", type: "zelfbeoordeling", vraag: "Hoe?", aspecten: ["A"], schaal: ["laag", "midden", "hoog"] };
  assert.deepEqual(z.leesbaar(q, { scores: [3] }), ["A: redelijk (3 van 5)"]);      // the default scale
  assert.deepEqual(z.leesbaar(q, undefined), []);
  assert.equal(z.label(q), "Hoe?");
  const d = TYPEN.dilemma;
  assert.deepEqual(d.leesbaar(vraag("a7"), undefined), []);
  assert.deepEqual(d.leesbaar(vraag("a7"), { pad: ["k1", "k2"], reflectie: " " }), ["Sam vraagt geld. Jouw keuze: Nee.", "Sam loopt weg."]);
});

test("isoTijdstip: the offset to UTC in hours and minutes, east and west of Greenwich", async () => {
  const { isoTijdstip } = await import("../../book/static/lsp/src/antwoorden.js");
  const datum = (offset) => ({ getFullYear: () => 2026, getMonth: () => 11, getDate: () => 2, getHours: () => 11,
    getMinutes: () => 32, getSeconds: () => 5, getTimezoneOffset: () => offset });
  assert.equal(isoTijdstip(datum(-60)), "2026-12-02T11:32:05+01:00");
  assert.equal(isoTijdstip(datum(150)), "2026-12-02T11:32:05-02:30");
  assert.equal(isoTijdstip(datum(0)), "2026-12-02T11:32:05+00:00");
});

test("open: a rubric shorter than the question's criteria leaves the rest empty, without loss", () => {
  const q = { id: "o", type: "open", vraag: "?", rubric: [{ criterium: "K", niveaus: ["x", "y"] }, { criterium: "L", niveaus: ["p"] }] };
  assert.deepEqual(TYPEN.open.schoon(q, { tekst: "t", rubric: [2] }), { waarde: { tekst: "t", rubric: [2, null] }, verlies: false });
});
