// The browser's storage of answers (localStorage), one key per exercise. Pure with respect to
// the page: it takes a function that returns a Storage, so Node's tests pass a fake one.
//
// Record under PREFIX + id:
//   {formaat: "lsp-opslag", versie: 1, oefening, bijgewerkt, antwoorden: {vraag: antwoord},
//    tijden: {vraag: ms since 1970 of the last change}}
// `tijden` lets two tabs merge per question (older records without it count as time 0).
import { KAPOT_PREFIX, OPSLAG_FORMAAT, OPSLAG_VERSIE, PREFIX, STUDENT_SLEUTEL } from "./constanten.js";
import { isObj } from "./basis.js";

export function isVol(e) {
  return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
    e.code === 22 || e.code === 1014);
}

// {status: "ok", antwoorden, tijden} for a readable record of this book; "kapot" otherwise.
export function leesRecord(ruw) {
  try {
    const obj = JSON.parse(ruw);
    if (isObj(obj) && obj.formaat === OPSLAG_FORMAAT && obj.versie === OPSLAG_VERSIE && isObj(obj.antwoorden) &&
        (obj.tijden === undefined || isObj(obj.tijden))) {
      const tijden = {};
      for (const [k, t] of Object.entries(obj.tijden || {})) if (Number.isFinite(t)) tijden[k] = t;
      return { status: "ok", antwoorden: obj.antwoorden, tijden };
    }
  } catch (e) { /* not JSON: corrupt */ }
  return { status: "kapot" };
}

// SCORM (scorm.js): who hears of every write and erase (id, antwoorden, tijden; antwoorden null
// for an erase), and a Storage in memory for when the browser's is unavailable inside an LMS.
const volgers = [];
let reserve = null;
export function volgOpslag(f) { volgers.push(f); }
export function zetReserveOpslag(storage) { reserve = storage; }
const vertel = (id, antwoorden, tijden) => {
  for (const f of volgers) {
    try { f(id, antwoorden, tijden); } catch (e) { console.error(e); }   // storage goes on regardless
  }
};

export function maakOpslag(geefStorage = () => reserve || window.localStorage, klok = Date.now) {
  const storage = () => geefStorage();
  const opslag = {
    sleutel: (id) => PREFIX + id,

    // Read without side effects: {status: "leeg"|"ok"|"kapot"|"geen", antwoorden, tijden, ruw}
    // ("geen": storage not available at all).
    kijk(id) {
      let ruw;
      try { ruw = storage().getItem(PREFIX + id); } catch (e) { return { status: "geen" }; }
      if (ruw == null) return { status: "leeg" };
      return { ...leesRecord(ruw), ruw };
    },

    // Keep a copy of data that cannot be used under a backup key; the key, or null on failure.
    zetApart(id, ruw) {
      const backup = `${KAPOT_PREFIX}${id}:${klok()}`;
      try {
        storage().setItem(backup, ruw);
        return storage().getItem(backup) === ruw ? backup : null;
      } catch (e) {
        return null;
      }
    },

    // "ok", "vol" (quota) or "geen" (blocked or unavailable)
    schrijf(id, antwoorden, tijden = {}) {
      const waarde = JSON.stringify({
        formaat: OPSLAG_FORMAAT, versie: OPSLAG_VERSIE, oefening: id,
        bijgewerkt: new Date(klok()).toISOString(), antwoorden, tijden,
      });
      vertel(id, antwoorden, tijden);
      try {
        storage().setItem(PREFIX + id, waarde);
        return "ok";
      } catch (e) {
        return isVol(e) ? "vol" : "geen";
      }
    },

    wis(id) {
      vertel(id, null, null);
      try { storage().removeItem(PREFIX + id); return true; } catch (e) { return false; }
    },

    student() {
      try {
        const obj = JSON.parse(storage().getItem(STUDENT_SLEUTEL) || "{}");
        return isObj(obj) ? obj : {};
      } catch (e) { return {}; }
    },

    zetStudent(obj) {
      try { storage().setItem(STUDENT_SLEUTEL, JSON.stringify(obj)); return true; } catch (e) { return false; }
    },
  };
  return opslag;
}
