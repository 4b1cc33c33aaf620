// The keeper of one exercise's answers ("bewaarder"): the answers in memory, autosave with a
// short delay, storage, merging with other tabs, and setting aside what cannot be used.
// No DOM: the view passes callbacks, so Node's tests drive it with a fake storage and clock.
//
// Rules (nothing a student typed is ever lost):
// - Stored data that cannot be read, or answers that no longer fit the exercise, are copied to
//   a backup key before anything else is written. If that copy fails, this exercise never
//   writes to its key again on this page ("geblokkeerd"); the answers stay in memory and the
//   hand-in exports them.
// - Every change carries a time per question; saving first merges what is stored (another tab
//   may have written), so the newer answer to each question wins.
import { WACHT_MS } from "./constanten.js";
import { gelijk, isLeeg, kloon } from "./basis.js";
import { samenvoegen, schoonAntwoorden } from "./antwoorden.js";

const LEEG = () => ({ antwoorden: {}, tijden: {} });

// opslag: maakOpslag(); bijWijziging(): answers changed from outside (redraw);
// bijToestand(toestand): storage state changed; bijOpgeslagen(): after each save attempt.
export function maakBewaarder({
  id, spec, opslag, klok = Date.now, wachtMs = WACHT_MS,
  planner = { zet: (f, ms) => setTimeout(f, ms), wis: (t) => clearTimeout(t) },
  bijWijziging = () => {}, bijToestand = () => {}, bijOpgeslagen = () => {},
}) {
  let antwoorden = {};
  let tijden = {};
  let bekend = new Set();           // stored at the last sync and unchanged here since
  let wachtend = false;             // changes not yet saved
  let timer = null;
  let geblokkeerd = false;
  let opslagStatus = "ok";          // "ok" | "vol" | "geen" | "geblokkeerd"
  let apart = null;                 // {soort: "kapot"|"afwijkend", backup, veilig}

  const toestand = () => ({ opslag: opslagStatus, apart: apart && { ...apart } });
  const stopTimer = () => { planner.wis(timer); timer = null; };     // clearTimeout(null) is a no-op
  const zetStatus = (st) => {
    if (st === opslagStatus) return;
    opslagStatus = st;
    bijToestand(toestand());
  };

  // Copy unusable stored data to a backup key; on failure, block writing for good.
  function zetApart(ruw, soort) {
    const backup = opslag.zetApart(id, ruw);
    apart = { soort, backup, veilig: !!backup };
    if (!backup) {
      geblokkeerd = true;
      opslagStatus = "geblokkeerd";
    }
    bijToestand(toestand());
    return !!backup;
  }

  // What is stored now, sanitised: {antwoorden, tijden}, or null when nothing can be said
  // (storage unavailable, or unreadable data that was just set aside or could not be).
  function leesOpgeslagen() {
    const r = opslag.kijk(id);
    if (r.status === "geen") { zetStatus("geen"); return null; }
    if (r.status === "leeg") return LEEG();
    if (r.status === "kapot") {
      if (zetApart(r.ruw, "kapot")) opslag.wis(id);
      return null;
    }
    const { antwoorden: schoon, afwijkend } = schoonAntwoorden(spec, r.antwoorden);
    if (!isLeeg(afwijkend)) {
      if (!zetApart(r.ruw, "afwijkend")) return { antwoorden: schoon, tijden: r.tijden, alleenLezen: true };
      wachtend = true;                // write the cleaned version, so it is not set aside twice
    }
    const t = {};
    for (const qid of Object.keys(schoon)) if (r.tijden[qid] !== undefined) t[qid] = r.tijden[qid];
    return { antwoorden: schoon, tijden: t };
  }

  // Take in what is stored; true when the answers in memory changed.
  function neemOp(opg) {
    const samen = samenvoegen({ antwoorden, tijden }, opg, bekend);
    bekend = new Set(Object.keys(opg.antwoorden));
    const anders = !gelijk(samen.antwoorden, antwoorden);
    antwoorden = samen.antwoorden;
    tijden = samen.tijden;
    for (const qid of Object.keys(antwoorden)) if (!(qid in opg.antwoorden) || !gelijk(opg.antwoorden[qid], antwoorden[qid])) wachtend = true;
    return anders;
  }

  function schrijf() {
    if (geblokkeerd) { zetStatus("geblokkeerd"); return; }
    const r = opslag.schrijf(id, antwoorden, tijden);
    if (r === "ok") bekend = new Set(Object.keys(antwoorden));
    zetStatus(r);
  }

  // Save now: merge what is stored, then write. Returns true when answers came from elsewhere.
  function bewaar() {
    stopTimer();
    let anders = false;
    if (!geblokkeerd) {
      const opg = leesOpgeslagen();
      if (opg && !opg.alleenLezen) anders = neemOp(opg);
    }
    if (wachtend || anders) {
      wachtend = false;
      schrijf();
    }
    bijOpgeslagen();
    if (anders) bijWijziging();
    return anders;
  }

  const bewaarder = {
    id,
    toestand,
    get: (qid) => antwoorden[qid],
    antwoorden: () => kloon(antwoorden),
    isGeblokkeerd: () => geblokkeerd,

    // Start with the answers the host gives (Python's, in JupyterLab) merged with storage.
    start(beginAntwoorden = {}) {
      const r = schoonAntwoorden(spec, beginAntwoorden);
      const nu = klok();
      antwoorden = r.antwoorden;
      tijden = Object.fromEntries(Object.keys(antwoorden).map((qid) => [qid, nu]));
      wachtend = !isLeeg(antwoorden);
      const opg = leesOpgeslagen();
      if (opg) {
        if (isLeeg(antwoorden)) {
          antwoorden = kloon(opg.antwoorden);
          tijden = { ...opg.tijden };
          bekend = new Set(Object.keys(antwoorden));
        } else {
          neemOp(opg);
        }
        if (opg.alleenLezen) wachtend = false;
      }
      if (wachtend) { wachtend = false; schrijf(); }
      bijToestand(toestand());
    },

    set(qid, waarde) {
      antwoorden[qid] = waarde;
      tijden[qid] = klok();
      bekend.delete(qid);
      wachtend = true;
      stopTimer();
      timer = planner.zet(() => { timer = null; bewaar(); }, wachtMs);
    },

    // Save pending changes now (page hidden, hand-in, export).
    flush() {
      if (wachtend) bewaar();
    },

    // Another tab changed storage: take in its newer answers. True when something changed.
    synchroniseer() {
      if (geblokkeerd) return false;
      const opg = leesOpgeslagen();
      if (!opg || opg.alleenLezen) return false;
      const anders = neemOp(opg);
      if (wachtend && timer === null) { wachtend = false; schrijf(); }
      if (anders) bijWijziging();
      bijOpgeslagen();
      return anders;
    },

    // Replace all answers (import from a file, or Python setting them): every answer that
    // differs gets a new time, so it wins over older copies in other tabs.
    vervang(nieuw) {
      stopTimer();
      const r = schoonAntwoorden(spec, nieuw);
      const nu = klok();
      const t = {};
      for (const [qid, a] of Object.entries(r.antwoorden)) {
        t[qid] = qid in antwoorden && gelijk(antwoorden[qid], a) && tijden[qid] !== undefined ? tijden[qid] : nu;
      }
      antwoorden = r.antwoorden;
      tijden = t;
      schrijf();
      bijOpgeslagen();
      return opslagStatus;
    },

    // Erase this exercise's answers (memory and storage).
    wis() {
      stopTimer();
      antwoorden = {};
      tijden = {};
      bekend = new Set();
      wachtend = false;
      if (!geblokkeerd) opslag.wis(id);
      bijOpgeslagen();
    },
  };
  return bewaarder;
}
