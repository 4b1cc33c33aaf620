// Answers as data (pure; no DOM): sanitising, progress, merging two tabs, the answer file.
// Stored or imported answers are never trusted: every answer passes its type's schoon().
import { ANTWOORDEN_FORMAAT, ANTWOORDEN_VERSIE, MAX_NAAM, MAX_STUDENTNUMMER, MAX_TEKST } from "./constanten.js";
import { hoofdstukNaam, isLeeg, isObj, kloon, nl } from "./basis.js";
import { TYPEN, typeVan, vraagtAntwoord } from "./typen/index.js";

export const vraagTekst = (q) => (typeVan(q) && typeVan(q).label(q)) || q.id;

// Question id -> question text, for every question that takes an answer (the file's "vragen").
export function vraagTeksten(spec) {
  const out = {};
  for (const q of spec.vragen || []) if (vraagtAntwoord(q)) out[q.id] = vraagTekst(q);
  return out;
}

// The longest text anywhere in a value (UTF-16 code units, as String.length counts).
export function langsteTekst(x) {
  if (typeof x === "string") return x.length;
  if (Array.isArray(x)) return x.reduce((m, y) => Math.max(m, langsteTekst(y)), 0);
  if (isObj(x)) return Object.entries(x).reduce((m, [k, y]) => Math.max(m, k.length, langsteTekst(y)), 0);
  return 0;
}

// One answer -> {waarde, verlies} or undefined. A text above the limit is never cut: the answer
// does not fit (the caller keeps the original aside).
export function schoonAntwoord(q, a) {
  const t = TYPEN[q.type];
  if (!t || !t.antwoord || langsteTekst(a) > MAX_TEKST) return undefined;
  return t.schoon(q, a);
}

// All answers of an exercise -> {antwoorden, afwijkend}: `afwijkend` holds, by question id, the
// original of every answer that did not fit entirely (unknown question, wrong shape, renamed
// item, text too long); `antwoorden` what could be kept.
export function schoonAntwoorden(spec, antwoorden) {
  const out = {};
  const afwijkend = {};
  if (!isObj(antwoorden)) return { antwoorden: out, afwijkend };
  const vragen = new Map((spec.vragen || []).map((q) => [q.id, q]));
  for (const [qid, a] of Object.entries(antwoorden)) {
    const q = vragen.get(qid);
    const r = q ? schoonAntwoord(q, a) : undefined;
    if (r === undefined) { afwijkend[qid] = a; continue; }
    out[qid] = r.waarde;
    if (r.verlies) afwijkend[qid] = a;
  }
  return { antwoorden: out, afwijkend };
}

// Progress: how many questions that take an answer are complete (every part answered).
export function telVoortgang(spec, antwoorden) {
  let totaal = 0;
  let gedaan = 0;
  for (const q of spec.vragen || []) {
    if (!vraagtAntwoord(q)) continue;
    totaal += 1;
    const a = antwoorden && antwoorden[q.id];
    if (a !== undefined && typeVan(q).compleet(q, a)) gedaan += 1;
  }
  return { totaal, gedaan };
}

// The questions of an exercise that are not complete yet, each with the number the page shows
// ("Vraag N": information blocks carry no number), in page order -> [{q, nr}].
export function onvolledigeVragen(spec, antwoorden) {
  const out = [];
  let nr = 0;
  for (const q of spec.vragen || []) {
    if (!vraagtAntwoord(q)) continue;
    nr += 1;
    const a = antwoorden && antwoorden[q.id];
    if (a === undefined || !typeVan(q).compleet(q, a)) out.push({ q, nr });
  }
  return out;
}

// Merge what is stored (perhaps written by another tab) into what this tab holds, per question:
// the newer change wins. An answer only this tab has is kept, unless it was stored at the last
// sync and unchanged here since (`bekend`): then another tab removed it (erase or import).
// eigen, opgeslagen: {antwoorden, tijden}; bekend: Set of question ids.
export function samenvoegen(eigen, opgeslagen, bekend) {
  const antwoorden = {};
  const tijden = {};
  const ids = new Set([...Object.keys(eigen.antwoorden), ...Object.keys(opgeslagen.antwoorden)]);
  for (const qid of ids) {
    const inEigen = qid in eigen.antwoorden;
    const inOpgeslagen = qid in opgeslagen.antwoorden;
    const te = eigen.tijden[qid] || 0;
    const to = opgeslagen.tijden[qid] || 0;
    let bron = null;
    if (inEigen && inOpgeslagen) bron = te > to ? eigen : opgeslagen;
    else if (inEigen) bron = bekend.has(qid) ? null : eigen;
    else bron = opgeslagen;
    if (bron) {
      antwoorden[qid] = bron.antwoorden[qid];
      if (bron.tijden[qid] !== undefined) tijden[qid] = bron.tijden[qid];
    }
  }
  return { antwoorden, tijden };
}

// ------------------------------------------------------------------------------------------------
// The answer file (book/answers.py)
// ------------------------------------------------------------------------------------------------

const NIETS = " Er is niets veranderd.";

// Read an answer file for the hand-in block of chapter `hoofdstuk` with exercises `oefeningen`.
// -> {fout: Dutch message} or {nieuw: {id: answers}, overgeslagen: n, data}
export function leesAntwoordBestand(tekst, hoofdstuk, oefeningen) {
  let data;
  try { data = JSON.parse(String(tekst).replace(/^\uFEFF/, "")); } catch (e) {
    return { fout: "Dit bestand is geen geldig JSON-bestand." + NIETS };
  }
  if (!isObj(data) || data.formaat !== ANTWOORDEN_FORMAAT) return { fout: "Dit is geen antwoordbestand van dit boek." + NIETS };
  if (data.versie !== ANTWOORDEN_VERSIE) {
    return { fout: `Dit antwoordbestand heeft versie ${JSON.stringify(data.versie)}; dit boek leest versie ${ANTWOORDEN_VERSIE}.` + NIETS };
  }
  if (!Number.isInteger(data.hoofdstuk)) {
    return { fout: `In dit antwoordbestand staat het hoofdstuk niet als een geheel getal (gevonden: ${JSON.stringify(data.hoofdstuk) ?? "niets"}); ` +
      `een antwoordbestand bij ${hoofdstukNaam(hoofdstuk)} heeft "hoofdstuk": ${hoofdstuk}.` + NIETS };
  }
  if (data.hoofdstuk !== hoofdstuk) {
    return { fout: `Dit antwoordbestand hoort bij ${hoofdstukNaam(data.hoofdstuk)}, dit blok bij ${hoofdstukNaam(hoofdstuk)}.` + NIETS };
  }
  if (!isObj(data.oefeningen)) return { fout: "In dit antwoordbestand ontbreken de oefeningen." + NIETS };
  const nieuw = {};
  let overgeslagen = 0;
  for (const spec of oefeningen) {
    const o = data.oefeningen[spec.id];
    if (!isObj(o) || !isObj(o.antwoorden)) continue;
    for (const [qid, a] of Object.entries(o.antwoorden)) {
      const n = langsteTekst(a);
      if (n > MAX_TEKST) {
        const q = (spec.vragen || []).find((v) => v.id === qid);
        return { fout: `Een antwoord in dit bestand is te lang: ${q ? "\"" + vraagTekst(q) + "\"" : "vraag " + qid} bij "${spec.titel}" ` +
          `telt ${nl(n)} tekens, hoogstens ${nl(MAX_TEKST)} passen. Het bestand is niet ingekort.` + NIETS };
      }
    }
    const r = schoonAntwoorden(spec, o.antwoorden);
    overgeslagen += Object.keys(r.afwijkend).length;
    if (!isLeeg(r.antwoorden)) nieuw[spec.id] = r.antwoorden;
  }
  if (isLeeg(nieuw)) return { fout: "In dit bestand staan geen bruikbare antwoorden bij de oefeningen van dit hoofdstuk." + NIETS };
  const naam = typeof data.naam === "string" ? data.naam.slice(0, MAX_NAAM) : "";
  const studentnummer = typeof data.studentnummer === "string" ? data.studentnummer.slice(0, MAX_STUDENTNUMMER) : "";
  return { nieuw, overgeslagen, naam, studentnummer };
}

// The readable version of the answers of one exercise: question id -> text (for people).
export function leesbaarVan(spec, antwoorden) {
  const out = {};
  for (const q of spec.vragen || []) {
    if (!vraagtAntwoord(q) || antwoorden[q.id] === undefined) continue;
    out[q.id] = typeVan(q).leesbaar(q, antwoorden[q.id]).join("\n");
  }
  return out;
}

// Local date and time in ISO 8601 with the offset to UTC ("2026-12-02T11:32:05+01:00").
export function isoTijdstip(d = new Date()) {
  const p = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const min = -d.getTimezoneOffset();
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}` +
    `${min < 0 ? "-" : "+"}${p(min / 60)}:${p(min % 60)}`;
}

// The answer file: exercises in the order given (the page's order). `antwoorden` keeps the codes
// (for the class view and an import); `leesbaar` says the same in words, for people.
// per: [{spec, antwoorden}]
export function maakAntwoordBestand({ hoofdstuk, naam, studentnummer, datum, per, tijdstip = isoTijdstip() }) {
  const oefeningen = {};
  for (const { spec, antwoorden } of per) {
    oefeningen[spec.id] = {
      titel: spec.titel, vragen: vraagTeksten(spec), antwoorden: kloon(antwoorden), leesbaar: leesbaarVan(spec, antwoorden || {}),
    };
  }
  return { formaat: ANTWOORDEN_FORMAAT, versie: ANTWOORDEN_VERSIE, hoofdstuk, naam, studentnummer, datum, tijdstip, oefeningen };
}
