// One exercise on the page: the card with its questions. Answers live in a bewaarder; this
// module only draws and wires events (Python model, other tabs, the hand-in block).
import { kloon, vandaag } from "./basis.js";
import { behoudFocus, download, h, tekstblok, verzonnen } from "./dom.js";
import { knop } from "./bediening.js";
import { maakOpslag } from "./opslag.js";
import { maakAntwoordBestand, telVoortgang, vraagTekst } from "./antwoorden.js";
import { maakBewaarder } from "./bewaarder.js";
import { typeVan, vraagtAntwoord } from "./typen/index.js";
import { EVENT, nieuweUid } from "./pagina.js";

const MELDING_APART = {
  kapot: (b) => `Eerder bewaarde antwoorden bij deze oefening waren niet te lezen (beschadigd of van een andere versie). Ze zijn niet weggegooid maar apart bewaard in je browser onder de sleutel "${b}". Je kunt gewoon verder werken.`,
  afwijkend: (b) => `Een deel van je eerder bewaarde antwoorden past niet meer bij deze oefening (de oefening is veranderd). Niets is weggegooid: alles staat apart bewaard in je browser onder de sleutel "${b}". Wat nog past, zie je hieronder.`,
};
const MELDING_OPSLAG = {
  vol: "Je browser heeft geen ruimte meer om je antwoorden te bewaren. Download je antwoorden nu, zodat je niets kwijtraakt.",
  geen: "Je browser staat niet toe dat antwoorden worden bewaard. Download je antwoorden voordat je de pagina sluit.",
  geblokkeerd: "Eerder bewaarde antwoorden bij deze oefening konden niet apart worden gezet. Om ze niet te overschrijven, worden je nieuwe antwoorden voorlopig niet in de browser bewaard. Download ze (hier of met het blok Inleveren) voordat je de pagina sluit.",
};

// The student's seed for shuffled options and items: one random value per browser profile, kept
// in localStorage, so the order is stable across visits and differs between students. Without
// storage it lives for this page only (the order shown is then kept with the answer).
const ZAAD_SLEUTEL = "lsp:v1:_zaad";
let zaadHier = null;
const nieuwZaad = () => {
  try {
    const x = new Uint32Array(2);
    window.crypto.getRandomValues(x);
    return x[0].toString(36) + x[1].toString(36);
  } catch (e) {
    return Math.random().toString(36).slice(2);
  }
};
export function studentZaad() {
  try {
    const st = window.localStorage;
    let z = st.getItem(ZAAD_SLEUTEL);
    if (!z) {
      z = zaadHier || nieuwZaad();
      st.setItem(ZAAD_SLEUTEL, z);
    }
    zaadHier = z;
    return z;
  } catch (e) {
    zaadHier = zaadHier || nieuwZaad();
    return zaadHier;
  }
}

// The number each question that asks for an answer has on the page (informatie blocks have none).
export function vraagNummers(spec) {
  const nummers = {};
  let nr = 0;
  for (const q of spec.vragen || []) {
    if (typeVan(q) && !vraagtAntwoord(q)) continue;
    nummers[q.id] = ++nr;
  }
  return nummers;
}

function docentPaneel(spec) {
  const d = spec.docent;
  const p = h("aside", { class: "lsp-docent", "aria-label": "Docentenhandleiding" },
    h("p", { class: "lsp-docent-kop", text: "Docentenhandleiding" }));
  const dl = h("dl", { class: "lsp-docent-meta" });
  if (spec.duur_minuten) dl.append(h("dt", { text: "Duur" }), h("dd", { text: `ongeveer ${spec.duur_minuten} minuten` }));
  if ((spec.werkvorm || []).length) dl.append(h("dt", { text: "Werkvorm" }), h("dd", { text: spec.werkvorm.join(", ") }));
  if (dl.childNodes.length) p.append(dl);
  if ((spec.leerdoelen || []).length) p.append(h("p", { class: "lsp-formkop", text: "Leerdoelen" }), h("ul", null, spec.leerdoelen.map((l) => h("li", { text: l }))));
  if (d.veiligheid) {
    p.append(h("div", { class: "lsp-veiligheid", role: "note", "aria-label": "Veiligheid" },
      h("p", { class: "lsp-formkop", text: "Veiligheid: let hierop in de les" }), tekstblok(d.veiligheid)));
  }
  if (d.handleiding) p.append(h("p", { class: "lsp-formkop", text: "Handleiding" }), tekstblok(d.handleiding));
  // notes per question, in page order and named as the page names them ("Vraag 3")
  const nummers = vraagNummers(spec);
  const per = (spec.vragen || []).filter((q) => (d.per_vraag || {})[q.id] !== undefined)
    .map((q) => [nummers[q.id] ? `Vraag ${nummers[q.id]}` : (q.titel || "Informatie"), d.per_vraag[q.id]]);
  if (per.length) p.append(h("p", { class: "lsp-formkop", text: "Per vraag" }), h("ul", null, per.map(([k, v]) => h("li", null, h("strong", { text: k + ": " }), v))));
  return p;
}

export function renderOefening(model, el, opslag = maakOpslag()) {
  const spec = model.get("spec") || {};
  const id = model.get("oefening_id") || spec.id;
  const uid = nieuweUid();
  let eigenWijziging = false;

  el.classList.add("lsp-root");
  el.dataset.lspOefening = id;
  const live = h("div", { class: "lsp-sr-only", role: "status", "aria-live": "polite" });
  const melding = h("div", { class: "lsp-opslagmelding", role: "alert", hidden: true });
  const inhoud = h("div", { class: "lsp-inhoud" });
  const meld = (tekst) => {
    live.textContent = "";
    setTimeout(() => { live.textContent = tekst; }, 30);
  };

  const naarModel = () => {
    eigenWijziging = true;
    try {
      model.set("antwoorden", bewaarder.antwoorden());
      model.save_changes();
    } finally {
      eigenWijziging = false;
    }
  };

  const downloadDeze = () => {
    const st = opslag.student();
    const bestand = maakAntwoordBestand({
      hoofdstuk: spec.hoofdstuk, naam: st.naam || "", studentnummer: st.studentnummer || "", datum: vandaag(),
      per: [{ spec, antwoorden: bewaarder.antwoorden() }],
    });
    download(`lsp-${id}-${vandaag()}.json`, JSON.stringify(bestand, null, 2), "application/json");
  };

  const toonToestand = (t) => {
    const delen = [];
    if (t.apart && t.apart.veilig) delen.push(h("p", { text: MELDING_APART[t.apart.soort](t.apart.backup) }));
    if (t.opslag !== "ok") delen.push(h("p", { text: MELDING_OPSLAG[t.opslag] }));
    melding.replaceChildren(...delen);
    melding.hidden = !delen.length;
    if (t.opslag !== "ok") melding.append(knop("Download mijn antwoorden bij deze oefening (JSON)", downloadDeze));
  };

  // Honest progress on the card: a question is "af" only when every part has a non-blank
  // answer (the type's compleet, as the hand-in block counts it).
  let voortgang = null;
  let afMarkeringen = [];
  const afMarkering = (q) => {
    const el = h("p", { class: "lsp-vraag-af", "data-af": "nee" });
    afMarkeringen.push([q, el]);
    return el;
  };
  const werkVoortgangBij = () => {
    if (!voortgang) return;
    const antwoorden = bewaarder.antwoorden();
    const { totaal, gedaan } = telVoortgang(spec, antwoorden);
    const tekst = totaal ? `Voortgang: ${gedaan} van ${totaal} ${totaal === 1 ? "vraag" : "vragen"} af` : "";
    if (voortgang.textContent !== tekst) voortgang.textContent = tekst;
    voortgang.hidden = !totaal;
    for (const [q, el] of afMarkeringen) {
      const af = !!typeVan(q) && antwoorden[q.id] !== undefined && typeVan(q).compleet(q, antwoorden[q.id]);
      const t = af ? "✓ Af" : "Nog niet af";
      if (el.textContent !== t) { el.textContent = t; el.dataset.af = af ? "ja" : "nee"; }
    }
  };

  const bouw = () => behoudFocus(inhoud, () => {
    inhoud.replaceChildren();
    const titelId = uid("titel");
    const kaart = h("section", { class: "lsp-oefening-kaart", "aria-labelledby": titelId });
    const kop = h("div", { class: "lsp-kop" },
      h("p", { class: "lsp-label-oefening", text: "Oefening" }),
      h("h3", { class: "lsp-titel", id: titelId, dir: "auto", text: spec.titel }));
    const meta = [];
    if (spec.duur_minuten) meta.push(`Duur: ongeveer ${spec.duur_minuten} minuten`);
    if ((spec.werkvorm || []).length) meta.push(`Werkvorm: ${spec.werkvorm.join(", ")}`);
    if (meta.length) kop.append(h("p", { class: "lsp-meta", text: meta.join(" · ") }));
    voortgang = h("p", { class: "lsp-kaart-voortgang", "aria-live": "polite" });
    kop.append(voortgang);
    afMarkeringen = [];
    kaart.append(kop);
    if (spec.docent) kaart.append(docentPaneel(spec));
    if (spec.casus) kaart.append(h("div", { class: "lsp-casus" }, h("p", { class: "lsp-casus-kop", text: "Casus" }), verzonnen(spec), tekstblok(spec.casus)));
    const zaad = studentZaad();
    const ctx = {
      id, uid, meld,
      zaad: (q) => `${zaad}:${id}:${q.id}`,
      vraagId: (q) => uid(q.id + "-vraag"),
      get: (qid) => bewaarder.get(qid),
      set: (qid, waarde) => { bewaarder.set(qid, waarde); werkVoortgangBij(); },
    };
    const nummers = vraagNummers(spec);
    for (const q of spec.vragen || []) {
      const type = typeVan(q);
      if (type && !vraagtAntwoord(q)) { kaart.append(type.render(q, ctx)); continue; }
      const nr = nummers[q.id];
      const kopId = uid(q.id + "-kop");
      const sectie = h("div", { class: `lsp-vraag lsp-type-${q.type}`, "data-vraag": q.id, role: "group", "aria-labelledby": kopId },
        h("h4", { class: "lsp-vraagkop", id: kopId, text: `Vraag ${nr}` }), afMarkering(q), verzonnen(q),
        h("p", { class: "lsp-vraagtekst", id: ctx.vraagId(q), dir: "auto", text: vraagTekst(q) }));
      if (q.toelichting) sectie.append(tekstblok(q.toelichting, "lsp-toelichting"));
      const noot = spec.docent && spec.docent.per_vraag && spec.docent.per_vraag[q.id];
      if (noot) sectie.append(h("p", { class: "lsp-docent-noot" }, h("strong", { text: "Docent: " }), noot));
      try {
        sectie.append(type ? type.render(q, ctx) : h("p", { text: `Onbekend vraagtype: ${q.type}` }));
      } catch (e) {
        sectie.append(h("p", { class: "lsp-fout", text: "Deze vraag kon niet worden getoond." }));
        console.error(e);
      }
      kaart.append(sectie);
    }
    inhoud.append(kaart);
    werkVoortgangBij();
  });

  const bewaarder = maakBewaarder({
    id, spec, opslag,
    bijWijziging: () => { naarModel(); bouw(); },
    bijToestand: toonToestand,
    bijOpgeslagen: () => {
      if (!eigenWijziging) naarModel();
      window.dispatchEvent(new CustomEvent(EVENT.opgeslagen, { detail: { id } }));
    },
  });
  bewaarder.start(model.get("antwoorden") || {});
  const begin = model.get("antwoorden") || {};
  if (JSON.stringify(begin) !== JSON.stringify(bewaarder.antwoorden())) naarModel();

  el.replaceChildren(melding, inhoud, live);
  bouw();

  // Python changed the answers (live kernel).
  const vanModel = () => {
    if (eigenWijziging) return;
    const nieuw = model.get("antwoorden") || {};
    if (JSON.stringify(nieuw) === JSON.stringify(bewaarder.antwoorden())) return;
    bewaarder.vervang(nieuw);
    bouw();
  };
  // Another tab wrote this exercise's key (or cleared storage).
  const vanAnderTabblad = (e) => {
    if (e.storageArea && e.storageArea !== window.localStorage) return;
    if (e.key === null || e.key === opslag.sleutel(id)) bewaarder.synchroniseer();
  };
  // The hand-in block asks for the answers on the page (export, print, progress).
  const verzamel = (e) => {
    if (e.detail.flush) bewaarder.flush();
    e.detail.oefeningen[id] = { antwoorden: bewaarder.antwoorden(), toestand: bewaarder.toestand() };
  };
  // The hand-in block restores (import) or erases answers.
  const zet = (e) => {
    if (e.detail.id !== id) return;
    if (e.detail.wis) bewaarder.wis();
    else bewaarder.vervang(kloon(e.detail.antwoorden));
    e.detail.resultaat[id] = bewaarder.toestand().opslag;
    naarModel();
    bouw();
  };
  const flush = () => bewaarder.flush();
  const bijVerbergen = () => { if (document.visibilityState === "hidden") flush(); };
  model.on("change:antwoorden", vanModel);
  window.addEventListener("storage", vanAnderTabblad);
  window.addEventListener(EVENT.verzamel, verzamel);
  window.addEventListener(EVENT.zet, zet);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", bijVerbergen);
  return () => {
    flush();
    model.off("change:antwoorden", vanModel);
    window.removeEventListener("storage", vanAnderTabblad);
    window.removeEventListener(EVENT.verzamel, verzamel);
    window.removeEventListener(EVENT.zet, zet);
    window.removeEventListener("pagehide", flush);
    document.removeEventListener("visibilitychange", bijVerbergen);
  };
}
