// SCORM: the page inside a learning environment (LMS: Brightspace, Canvas, Moodle), as a package
// made by tools/scorm.py. When a parent (or opener) window offers the SCORM API (API_1484_11 for
// SCORM 2004, API for SCORM 1.2), the answers of this page's exercises are kept in the LMS as
// well as in the browser: in cmi.suspend_data (compact encoding, below), read at the start and
// written after every save. Completion is "completed" when every question of the page is
// complete (the types' `compleet`), "incomplete" before. When the data outgrows the version's
// limit, the LMS keeps its last copy that fitted, the browser keeps everything, and the student
// is told to hand in with "Inleveren": nothing is cut off. Without an API nothing happens.
//
// suspend_data: JSON {f: "lsp1", p: page, t: base time (base 36), o: {exercise id: [answers,
// {question id: ms after t (base 36)}]}}. `p` ties the data to the page that wrote it.
import { isObj } from "./basis.js";
import { samenvoegen, telVoortgang } from "./antwoorden.js";
import { maakOpslag, volgOpslag, zetReserveOpslag } from "./opslag.js";

export const FORMAAT = "lsp1";
export const LIMIET = Object.freeze({ "2004": 64000, "1.2": 4096 });
// Commit (the LMS sends its data to its server; in some LMSs a blocking request) at most this
// often while the student types; always when the page is hidden or left.
export const COMMIT_MS = 5000;
const duizendtallen = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");   // 4096 -> "4.096"
export const TE_GROOT = (limiet) =>
  `Je antwoorden in dit hoofdstuk zijn samen te lang geworden om in de leeromgeving te bewaren ` +
  `(die bewaart hier hoogstens ${duizendtallen(limiet)} tekens). Er is niets verloren: alles staat in deze browser. ` +
  `Lever je antwoorden in met het blok "Inleveren" onderaan dit hoofdstuk (download het bestand), ` +
  `zodat je docent ze krijgt en jij ze op een andere computer kunt terugzetten.`;

// The SCORM API of the nearest window that has one: this window and its parents, then the
// opener and its parents. Windows of another origin throw on access; they are skipped.
export function zoekApi(win) {
  const kijk = (w) => {
    try {
      if (w.API_1484_11) return { versie: "2004", api: w.API_1484_11 };
      if (w.API) return { versie: "1.2", api: w.API };
    } catch (e) { /* another origin */ }
    return null;
  };
  const keten = (start) => {
    let w = start;
    for (let i = 0; w && i < 12; i += 1) {
      const r = kijk(w);
      if (r) return r;
      let ouder = null;
      try { ouder = w.parent; } catch (e) { ouder = null; }
      if (!ouder || ouder === w) break;
      w = ouder;
    }
    return null;
  };
  let r = keten(win);
  if (!r) {
    let opener = null;
    try { opener = (win.top || win).opener; } catch (e) { opener = null; }
    if (opener) r = keten(opener);
  }
  return r;
}

// The few calls this module makes, the same for both versions.
export function maakLms(versie, api) {
  const v12 = versie === "1.2";
  const ok = (x) => String(x) === "true";
  return {
    versie,
    limiet: LIMIET[versie],
    start: () => ok(v12 ? api.LMSInitialize("") : api.Initialize("")),
    lees: (k) => { const v = v12 ? api.LMSGetValue(k) : api.GetValue(k); return v == null ? "" : String(v); },
    zet: (k, v) => ok(v12 ? api.LMSSetValue(k, String(v)) : api.SetValue(k, String(v))),
    commit: () => ok(v12 ? api.LMSCommit("") : api.Commit("")),
    stop: () => ok(v12 ? api.LMSFinish("") : api.Terminate("")),
    status: v12 ? "cmi.core.lesson_status" : "cmi.completion_status",
    exit: v12 ? "cmi.core.exit" : "cmi.exit",
  };
}

// {id: {antwoorden, tijden}} -> suspend_data text
export function codeer(per, pagina) {
  let basis = Infinity;
  for (const r of Object.values(per)) for (const t of Object.values(r.tijden || {})) if (Number.isFinite(t)) basis = Math.min(basis, t);
  if (!Number.isFinite(basis)) basis = 0;
  basis = Math.max(0, Math.floor(basis));
  const o = {};
  for (const id of Object.keys(per).sort()) {
    const r = per[id];
    const t = {};
    for (const [q, ms] of Object.entries(r.tijden || {})) if (Number.isFinite(ms) && q in r.antwoorden) t[q] = Math.max(0, Math.round(ms - basis)).toString(36);
    o[id] = [r.antwoorden, t];
  }
  return JSON.stringify({ f: FORMAAT, p: pagina, t: basis.toString(36), o });
}

// suspend_data text -> {pagina, per} or null (empty, or not ours: never used, never overwritten
// by mistake because the caller then stays out of the LMS).
export function decodeer(tekst) {
  if (!tekst) return null;
  let d;
  try { d = JSON.parse(tekst); } catch (e) { return null; }
  if (!isObj(d) || d.f !== FORMAAT || !isObj(d.o) || typeof d.t !== "string") return null;
  const basis = parseInt(d.t, 36);
  if (!Number.isFinite(basis)) return null;
  const per = {};
  for (const [id, paar] of Object.entries(d.o)) {
    if (!Array.isArray(paar) || !isObj(paar[0])) continue;
    const tijden = {};
    for (const [q, v] of Object.entries(isObj(paar[1]) ? paar[1] : {})) {
      const ms = parseInt(v, 36);
      if (Number.isFinite(ms) && q in paar[0]) tijden[q] = basis + ms;
    }
    per[id] = { antwoorden: paar[0], tijden };
  }
  return { pagina: typeof d.p === "string" ? d.p : "", per };
}

// Whether every question of the given specs is complete with these answers.
export function isVoltooid(specs, per) {
  let totaal = 0;
  let gedaan = 0;
  for (const spec of specs) {
    const r = telVoortgang(spec, (per[spec.id] || {}).antwoorden || {});
    totaal += r.totaal;
    gedaan += r.gedaan;
  }
  return { voltooid: gedaan === totaal, totaal, gedaan };
}

// A Storage in memory, for when the browser keeps nothing (the LMS still does).
export function geheugenStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => { m.set(k, String(v)); },
    removeItem: (k) => { m.delete(k); },
    key: (i) => [...m.keys()][i] ?? null,
    get length() { return m.size; },
  };
}

function storageWerkt(win) {
  try {
    const k = "lsp:test";
    win.localStorage.setItem(k, "1");
    win.localStorage.removeItem(k);
    return true;
  } catch (e) {
    return false;
  }
}

// Start: find the LMS, take its answers into storage, keep it informed. Returns null outside an
// LMS, else {versie, bewaar(), stop(), toestand()}. specs: the page's exercises; meld(text|null):
// show or clear the Dutch message; pagina: what ties the data to this page.
export function startScorm({
  win = window, specs, meld = () => {}, pagina = "", opslag = null, klok = Date.now, commitMs = COMMIT_MS,
  planner = { zet: (f, ms) => setTimeout(f, ms), wis: (t) => clearTimeout(t) },
}) {
  const gevonden = zoekApi(win);
  if (!gevonden) return null;
  const lms = maakLms(gevonden.versie, gevonden.api);
  if (!lms.start()) return null;
  const eigen = decodeer(lms.lees("cmi.suspend_data"));
  if (eigen && eigen.pagina && pagina && eigen.pagina !== pagina) {
    // The LMS data of another page (a link followed inside the frame): stay out of it.
    lms.stop();
    return null;
  }
  if (!storageWerkt(win)) zetReserveOpslag(geheugenStorage());
  const op = opslag || maakOpslag();
  const per = eigen ? eigen.per : {};

  // Bring the LMS's answers into the browser: per question, the newer one wins.
  for (const [id, lmsRecord] of Object.entries(per)) {
    const r = op.kijk(id);
    if (r.status === "ok") {
      const samen = samenvoegen({ antwoorden: r.antwoorden, tijden: r.tijden }, lmsRecord, new Set());
      per[id] = samen;
      if (JSON.stringify(samen) !== JSON.stringify({ antwoorden: r.antwoorden, tijden: r.tijden })) op.schrijf(id, samen.antwoorden, samen.tijden);
    } else {
      if (r.status === "kapot") op.zetApart(id, r.ruw);   // never lost: the bewaarder's rule
      op.schrijf(id, lmsRecord.antwoorden, lmsRecord.tijden);
    }
  }
  // And the browser's answers (made before, outside the LMS) into the LMS.
  for (const spec of specs) {
    if (spec.id in per) continue;
    const r = op.kijk(spec.id);
    if (r.status === "ok") per[spec.id] = { antwoorden: r.antwoorden, tijden: r.tijden };
  }

  let laatst = lms.lees("cmi.suspend_data");
  let status = "";
  let voortgang = "";
  let teGroot = false;
  let gestopt = false;
  let laatsteCommit = -Infinity;
  let commitTimer = null;

  function commit(nu = false) {
    if (gestopt) return;
    const wacht = laatsteCommit + commitMs - klok();
    if (nu || wacht <= 0) {
      planner.wis(commitTimer);
      commitTimer = null;
      laatsteCommit = klok();
      lms.commit();
    } else if (commitTimer === null) {
      commitTimer = planner.zet(() => { commitTimer = null; commit(true); }, wacht);
    }
  }

  function bewaar() {
    if (gestopt) return;
    const tekst = codeer(per, pagina);
    const past = tekst.length <= lms.limiet;
    if (past && tekst !== laatst && lms.zet("cmi.suspend_data", tekst)) laatst = tekst;
    if (past !== !teGroot) {
      teGroot = !past;
      meld(teGroot ? TE_GROOT(lms.limiet) : null);
    }
    const v = isVoltooid(specs, per);
    const nieuw = v.voltooid ? "completed" : "incomplete";
    if (nieuw !== status && lms.zet(lms.status, nieuw)) status = nieuw;
    const deel = v.totaal ? (v.gedaan / v.totaal).toFixed(2) : "1.00";
    if (lms.versie === "2004" && deel !== voortgang && lms.zet("cmi.progress_measure", deel)) voortgang = deel;
    commit();
  }

  volgOpslag((id, antwoorden, tijden) => {
    if (antwoorden === null) delete per[id];
    else per[id] = { antwoorden, tijden: { ...tijden } };
    bewaar();
  });
  lms.zet(lms.exit, "suspend");   // keep suspend_data for the next visit
  bewaar();

  const stop = () => {
    if (gestopt) return;
    bewaar();
    commit(true);
    gestopt = true;
    lms.stop();
  };
  // The caller calls luister() after the exercises are mounted, so that their own save on
  // pagehide or on hiding reaches the LMS before this commits or ends the session.
  const luister = () => {
    win.addEventListener("pagehide", stop);
    win.document.addEventListener("visibilitychange", () => {
      if (win.document.visibilityState === "hidden") commit(true);
    });
  };
  return { versie: lms.versie, bewaar, stop, luister, toestand: () => ({ teGroot, status, data: laatst }) };
}

// On the site page (site.js): the exercises' specs from the page, the message above every
// exercise and the hand-in block. Null outside an LMS.
export function startScormOpPagina(doc = document) {
  const win = doc.defaultView;
  if (!zoekApi(win)) return null;
  const specs = [];
  for (const el of doc.querySelectorAll(".lsp-oefening script.lsp-data")) {
    try {
      const data = JSON.parse(el.textContent);
      const spec = data.spec || {};
      specs.push({ ...spec, id: data.oefening_id || spec.id });
    } catch (e) { /* site.js shows its own message for a broken block */ }
  }
  const meld = (tekst) => {
    for (const p of doc.querySelectorAll(".lsp-scorm-melding")) p.remove();
    if (!tekst) return;
    [...doc.querySelectorAll(".lsp-oefening, .lsp-inleveren")].forEach((blok, i) => {
      const p = doc.createElement("p");
      p.className = "lsp-fout lsp-scorm-melding";
      p.setAttribute("role", i === 0 ? "alert" : "status");
      p.textContent = tekst;
      blok.prepend(p);
    });
  };
  return startScorm({ win, specs, meld, pagina: win.location.pathname.split("/").pop() });
}
