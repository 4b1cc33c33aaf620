// Answers as data: sanitising a whole exercise, progress, merging two tabs, the answer file.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  langsteTekst, leesAntwoordBestand, leesbaarVan, maakAntwoordBestand, samenvoegen, schoonAntwoord,
  isoTijdstip, onvolledigeVragen, schoonAntwoorden, telVoortgang, vraagTekst, vraagTeksten,
} from "../../book/static/lsp/src/antwoorden.js";
import { MAX_TEKST } from "../../book/static/lsp/src/constanten.js";
import { GOED, SPEC, vraag } from "./hulp.js";

test("schoonAntwoorden keeps what fits and reports the original of everything else", () => {
  const invoer = {
    ...GOED,
    weg: { tekst: "vraag bestaat niet meer" },          // renamed question
    v1: { tekst: "informatie neemt geen antwoord" },
    a5: { keuze: 7 },                                    // out of range: loss
    a8: "kapot",                                         // wrong shape
  };
  const r = schoonAntwoorden(SPEC, invoer);
  assert.deepEqual(Object.keys(r.afwijkend).sort(), ["a5", "a8", "v1", "weg"]);
  assert.deepEqual(r.afwijkend.weg, invoer.weg);
  assert.equal(r.afwijkend.a8, "kapot");
  assert.deepEqual(r.antwoorden.a5, { keuze: null });
  assert.equal("a8" in r.antwoorden, false);
  assert.equal("weg" in r.antwoorden, false);
  for (const id of ["a1", "a2", "a3", "a4", "a6", "a7"]) assert.deepEqual(r.antwoorden[id], GOED[id]);
  assert.deepEqual(schoonAntwoorden(SPEC, GOED), { antwoorden: GOED, afwijkend: {} });
  for (const x of [null, [], "x", 3]) assert.deepEqual(schoonAntwoorden(SPEC, x), { antwoorden: {}, afwijkend: {} });
  assert.deepEqual(schoonAntwoorden({}, { a1: { tekst: "x" } }).afwijkend, { a1: { tekst: "x" } });
});

test("a text above the limit (UTF-16 code units) is set aside whole, never cut", () => {
  const precies = "😀".repeat(MAX_TEKST / 2);         // 100,000 code units, 50,000 characters
  assert.equal(precies.length, MAX_TEKST);
  assert.deepEqual(schoonAntwoord(vraag("a1"), { tekst: precies }), { waarde: { tekst: precies }, verlies: false });
  assert.equal(schoonAntwoord(vraag("a1"), { tekst: precies + "x" }), undefined);
  const r = schoonAntwoorden(SPEC, { a1: { tekst: precies + "x" }, a7: { pad: ["k1"], reflectie: "y".repeat(MAX_TEKST + 1) } });
  assert.deepEqual(Object.keys(r.afwijkend).sort(), ["a1", "a7"]);
  assert.deepEqual(r.antwoorden, {});
  assert.equal(langsteTekst({ a: ["kort", { b: "x".repeat(12) }], [("k".repeat(20))]: 1 }), 20);
  assert.equal(langsteTekst(["a", ["xyz"], "bc"]), 3);
  const stelling = { ronde1: [{ positie: 1, argument: "x".repeat(MAX_TEKST + 1) }] };
  assert.deepEqual(schoonAntwoorden(SPEC, { a3: stelling }).afwijkend, { a3: stelling });
  assert.equal(langsteTekst(7), 0);
  assert.equal(langsteTekst([]), 0);
});

test("progress counts only complete questions, never information blocks", () => {
  assert.deepEqual(telVoortgang(SPEC, {}), { totaal: 8, gedaan: 0 });
  assert.deepEqual(telVoortgang(SPEC, GOED), { totaal: 8, gedaan: 8 });
  assert.deepEqual(telVoortgang(SPEC, { a1: { tekst: " " }, a5: { keuze: 0 }, v1: {} }), { totaal: 8, gedaan: 1 });
  assert.deepEqual(telVoortgang(SPEC, undefined), { totaal: 8, gedaan: 0 });
  assert.deepEqual(telVoortgang({}, {}), { totaal: 0, gedaan: 0 });
});

test("question texts for the answer file", () => {
  const t = vraagTeksten(SPEC);
  assert.deepEqual(Object.keys(t), ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]);
  assert.equal(t.a3, "Eerst contact. / Buurvrouw hoort erbij.");
  assert.equal(vraagTekst({ id: "x9", type: "onbekend" }), "x9");
});

test("merge: per question the newer change wins; removed elsewhere only when known", () => {
  const eigen = { antwoorden: { a1: "hier-nieuw", a2: "hier-oud", a3: "alleen-hier", a4: "weg-elders" }, tijden: { a1: 20, a2: 5, a3: 7, a4: 3 } };
  const opgeslagen = { antwoorden: { a1: "daar-oud", a2: "daar-nieuw", a5: "alleen-daar" }, tijden: { a1: 10, a2: 15, a5: 1 } };
  const r = samenvoegen(eigen, opgeslagen, new Set(["a4"]));
  assert.deepEqual(r.antwoorden, { a1: "hier-nieuw", a2: "daar-nieuw", a3: "alleen-hier", a5: "alleen-daar" });
  assert.deepEqual(r.tijden, { a1: 20, a2: 15, a3: 7, a5: 1 });
  // equal times: the stored one wins (it is what every tab will read)
  assert.deepEqual(samenvoegen({ antwoorden: { a: 1 }, tijden: { a: 5 } }, { antwoorden: { a: 2 }, tijden: { a: 5 } }, new Set()).antwoorden, { a: 2 });
  // records without times (older version) lose to any timed change, and win over untimed memory
  assert.deepEqual(samenvoegen({ antwoorden: { a: 1 }, tijden: { a: 1 } }, { antwoorden: { a: 2 }, tijden: {} }, new Set()).antwoorden, { a: 1 });
  assert.deepEqual(samenvoegen({ antwoorden: { a: 1 }, tijden: {} }, { antwoorden: { a: 2 }, tijden: {} }, new Set()), { antwoorden: { a: 2 }, tijden: {} });
});

const bestand = (x = {}) => JSON.stringify({
  formaat: "lsp-antwoorden", versie: 1, hoofdstuk: 1, naam: "Iem", studentnummer: "12", datum: "2025-03-14",
  oefeningen: { alle_typen: { titel: "t", vragen: {}, antwoorden: { a1: { tekst: "uit bestand" }, a5: { keuze: 0 } } } }, ...x,
});

test("reading an answer file: good file, and every refusal says that nothing changed", () => {
  const r = leesAntwoordBestand(bestand(), 1, [SPEC]);
  assert.deepEqual(r, { nieuw: { alle_typen: { a1: { tekst: "uit bestand" }, a5: { keuze: 0 } } }, overgeslagen: 0, naam: "Iem", studentnummer: "12" });
  assert.deepEqual(leesAntwoordBestand("\uFEFF" + bestand(), 1, [SPEC]).nieuw, r.nieuw);   // byte-order mark
  const fouten = [
    ["{niet json", "geen geldig JSON-bestand"],
    [JSON.stringify({ hallo: 1 }), "geen antwoordbestand van dit boek"],
    [JSON.stringify([1]), "geen antwoordbestand van dit boek"],
    [bestand({ versie: 7 }), "versie 7; dit boek leest versie 1"],
    [bestand({ hoofdstuk: 2 }), "hoort bij hoofdstuk 2, dit blok bij hoofdstuk 1"],
    [bestand({ hoofdstuk: 0 }), "hoort bij de inleiding, dit blok bij hoofdstuk 1"],
    [bestand({ hoofdstuk: "1" }), 'niet als een geheel getal (gevonden: "1"); een antwoordbestand bij hoofdstuk 1 heeft "hoofdstuk": 1'],
    [bestand({ hoofdstuk: 1.5 }), "niet als een geheel getal (gevonden: 1.5)"],
    [bestand({ oefeningen: [] }), "ontbreken de oefeningen"],
    [bestand({ oefeningen: { ander: { antwoorden: { a1: { tekst: "x" } } } } }), "geen bruikbare antwoorden"],
  ];
  for (const [tekst, stukje] of fouten) {
    const f = leesAntwoordBestand(tekst, 1, [SPEC]).fout;
    assert.ok(f && f.includes(stukje), `${tekst.slice(0, 60)} -> ${f}`);
    assert.ok(f.endsWith("Er is niets veranderd."), f);
  }
  assert.match(leesAntwoordBestand(bestand({ hoofdstuk: 1 }), 0, [SPEC]).fout, /hoort bij hoofdstuk 1, dit blok bij de inleiding/);
});

test("an over-long answer refuses the whole import with a message; it is never cut", () => {
  const lang = "x".repeat(MAX_TEKST + 1);
  const tekst = bestand({ oefeningen: { alle_typen: { titel: "t", antwoorden: { a1: { tekst: "kort" }, a7: { pad: ["k1"], reflectie: lang } } } } });
  const r = leesAntwoordBestand(tekst, 1, [SPEC]);
  assert.equal(r.nieuw, undefined);
  assert.match(r.fout, /te lang: "Geld lenen\?" bij "Testcasus met alle vraagtypen" telt 100\.001 tekens, hoogstens 100\.000/);
  assert.match(r.fout, /niet ingekort\. Er is niets veranderd\.$/);
  const onbekend = bestand({ oefeningen: { alle_typen: { titel: "t", antwoorden: { zz: { tekst: lang } } } } });
  assert.match(leesAntwoordBestand(onbekend, 1, [SPEC]).fout, /vraag zz/);
  const precies = bestand({ oefeningen: { alle_typen: { titel: "t", antwoorden: { a1: { tekst: "😀".repeat(MAX_TEKST / 2) } } } } });
  assert.equal(leesAntwoordBestand(precies, 1, [SPEC]).nieuw.alle_typen.a1.tekst.length, MAX_TEKST);
});

test("import: answers that do not fit are counted and skipped; name fields are capped", () => {
  const r = leesAntwoordBestand(bestand({
    naam: "n".repeat(300), studentnummer: 12,
    oefeningen: { alle_typen: { titel: "t", antwoorden: { a1: { tekst: "ok" }, a5: { keuze: 9 }, a8: "kapot", oud: {} } }, vreemd: {} },
  }), 1, [SPEC]);
  assert.equal(r.overgeslagen, 3);
  assert.deepEqual(r.nieuw, { alle_typen: { a1: { tekst: "ok" }, a5: { keuze: null } } });
  assert.equal(r.naam.length, 200);
  assert.equal(r.studentnummer, "");
});

test("the answer file keeps the given order, question texts and copies of the answers", () => {
  const tweede = { id: "b", titel: "B", hoofdstuk: 1, vragen: [{ id: "q", type: "open", vraag: "Q?" }] };
  const antw = { a1: { tekst: "x" } };
  const f = maakAntwoordBestand({ hoofdstuk: 1, naam: "N", studentnummer: "", datum: "2026-01-02", per: [{ spec: tweede, antwoorden: {} }, { spec: SPEC, antwoorden: antw }] });
  assert.deepEqual(Object.keys(f.oefeningen), ["b", "alle_typen"]);
  assert.deepEqual(f.oefeningen.b, { titel: "B", vragen: { q: "Q?" }, antwoorden: {}, leesbaar: {} });
  assert.equal(f.formaat, "lsp-antwoorden");
  assert.equal(f.versie, 1);
  assert.deepEqual(f.oefeningen.alle_typen.antwoorden, antw);
  assert.notEqual(f.oefeningen.alle_typen.antwoorden, antw);
  assert.deepEqual(leesbaarVan(SPEC, { a5: { keuze: 1 }, a1: { tekst: "t" } }), { a1: "t", a5: "Gekozen: Opzoeken" });
});

test("the answer file keeps the codes and adds the answers in words and the time of the export", () => {
  const f = maakAntwoordBestand({ hoofdstuk: 1, naam: "N", studentnummer: "", datum: "2026-01-02", per: [{ spec: SPEC, antwoorden: GOED }],
    tijdstip: "2026-01-02T10:15:00+01:00" });
  assert.equal(f.tijdstip, "2026-01-02T10:15:00+01:00");
  const o = f.oefeningen.alle_typen;
  assert.deepEqual(o.antwoorden, GOED);                                 // codes for the class view
  assert.deepEqual(Object.keys(o.leesbaar), Object.keys(GOED));         // every answered question in words
  assert.deepEqual(o.leesbaar, leesbaarVan(SPEC, GOED));
  assert.match(o.leesbaar.a5, /Opzoeken/);
  assert.match(o.leesbaar.a7, /Vraag door\./);                         // the dilemma choice as text, not "k3"
  assert.match(o.leesbaar.a3, /oneens|eens|neutraal/);                  // positions in words
  // without a given time: now, local, with the offset to UTC
  const nu = maakAntwoordBestand({ hoofdstuk: 1, naam: "N", studentnummer: "", datum: "2026-01-02", per: [] }).tijdstip;
  assert.match(nu, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.ok(Math.abs(Date.parse(nu) - Date.now()) < 5000);
  const d = new Date(2026, 0, 2, 9, 5, 7);
  assert.equal(Date.parse(isoTijdstip(d)), d.getTime());
});

test("incomplete questions carry the number the page shows (information blocks have none)", () => {
  const alles = onvolledigeVragen(SPEC, {});
  assert.deepEqual(alles.map((x) => [x.q.id, x.nr]), [["a1", 1], ["a2", 2], ["a3", 3], ["a4", 4], ["a5", 5], ["a6", 6], ["a7", 7], ["a8", 8]]);
  assert.deepEqual(onvolledigeVragen(SPEC, GOED), []);
  const deels = { ...GOED, a8: { scores: [4, null, 5] }, a1: { tekst: "  " } };
  assert.deepEqual(onvolledigeVragen(SPEC, deels).map((x) => [x.q.id, x.nr]), [["a1", 1], ["a8", 8]]);
  assert.deepEqual(onvolledigeVragen({}, undefined), []);
});
