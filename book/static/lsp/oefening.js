// Exercise front-end of "Lerende sociale professionals".
// One ES module, two hosts: anywidget calls render({model, el}) in live JupyterLab; on the static
// site loader.js calls the same render() with a small local model.  Answers are kept in
// localStorage in both hosts (key lsp:v1:<exercise id>), so the hand-in block works in both.
// Safety rule: user and spec text only ever goes through textContent / value, never innerHTML.
// Self-contained on purpose: anywidget loads this file from a blob: URL, so no relative imports.

const OPSLAG_FORMAAT = "lsp-opslag";
const OPSLAG_VERSIE = 1;
const PREFIX = "lsp:v1:";
const KAPOT_PREFIX = "lsp:kapot:";
const STUDENT_SLEUTEL = "lsp:v1:_student";
const ANTWOORDEN_FORMAAT = "lsp-antwoorden";
const ANTWOORDEN_VERSIE = 1;
const MAX_TEKST = 100000;
const MAX_NAAM = 200;
const MAX_KNOPEN = 200;
const WACHT_MS = 250;
const STELLING_SCHAAL = ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"];
const STANDAARD_SCHAAL = ["nog niet", "een beetje", "redelijk", "goed", "heel goed"];
const STANDAARD_SOORTEN = ["familie", "vrienden", "buren", "school of werk", "professionals", "organisaties"];
const KWALITEITEN = ["steunend", "neutraal", "belastend"];
const STERKTES = { 1: "zwak", 2: "gemiddeld", 3: "sterk" };
const SVG_NS = "http://www.w3.org/2000/svg";

let teller = 0;
const nl = (n) => Number(n).toLocaleString("nl-NL");

// ------------------------------------------------------------------------------------------------
// DOM helpers (text only)
// ------------------------------------------------------------------------------------------------

function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  zetProps(el, props);
  for (const kid of kids.flat(Infinity)) {
    if (kid == null || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

function s(tag, props, ...kids) {
  const el = document.createElementNS(SVG_NS, tag);
  zetProps(el, props);
  for (const kid of kids.flat(Infinity)) {
    if (kid == null || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

function zetProps(el, props) {
  if (!props) return;
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === "text") el.textContent = String(v);
    else if (k === "class") el.setAttribute("class", v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value") el.value = v;
    else if (k === "checked" || k === "selected") el[k] = !!v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

// Plain text with blank lines as paragraphs and "- " lines as bullet lists.
function tekstblok(tekst, cls) {
  const wrap = h("div", { class: "lsp-tekst" + (cls ? " " + cls : "") });
  const blokken = String(tekst || "").replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const blok of blokken) {
    const regels = blok.split("\n").filter((r) => r.trim() !== "");
    let lijst = null;
    let alinea = [];
    const sluitAlinea = () => {
      if (alinea.length) wrap.append(h("p", { text: alinea.join(" ") }));
      alinea = [];
    };
    for (const regel of regels) {
      const m = /^\s*[-*]\s+(.*)$/.exec(regel);
      if (m) {
        sluitAlinea();
        if (!lijst) { lijst = h("ul"); wrap.append(lijst); }
        lijst.append(h("li", { text: m[1] }));
      } else {
        lijst = null;
        alinea.push(regel.trim());
      }
    }
    sluitAlinea();
  }
  return wrap;
}

const isObj = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
const kloon = (x) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
const isLeeg = (o) => !o || Object.keys(o).length === 0;

function download(naam, inhoud, type) {
  const blob = inhoud instanceof Blob ? inhoud : new Blob([inhoud], { type });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: naam, class: "lsp-verborgen" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

function slug(t) {
  return String(t || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 40);
}

function vandaag() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// ------------------------------------------------------------------------------------------------
// Storage
// ------------------------------------------------------------------------------------------------

function isVol(e) {
  return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
    e.code === 22 || e.code === 1014);
}

const opslag = {
  sleutel: (id) => PREFIX + id,
  // Read without side effects: {status: "leeg"|"ok"|"kapot"|"geen", antwoorden, ruw}
  kijk(id) {
    let ruw;
    try { ruw = window.localStorage.getItem(PREFIX + id); } catch (e) { return { status: "geen" }; }
    if (ruw == null) return { status: "leeg" };
    try {
      const obj = JSON.parse(ruw);
      if (isObj(obj) && obj.formaat === OPSLAG_FORMAAT && obj.versie === OPSLAG_VERSIE && isObj(obj.antwoorden)) {
        return { status: "ok", antwoorden: obj.antwoorden, ruw };
      }
    } catch (e) { /* corrupt: handled below */ }
    return { status: "kapot", ruw };
  },
  // Read; corrupt or foreign data is copied to a backup key first (never thrown away).
  lees(id) {
    const r = opslag.kijk(id);
    if (r.status !== "kapot") return r;
    const backup = `${KAPOT_PREFIX}${id}:${Date.now()}`;
    try {
      window.localStorage.setItem(backup, r.ruw);
      window.localStorage.removeItem(PREFIX + id);
      return { status: "kapot", backup, veilig: true };
    } catch (e) {
      return { status: "kapot", backup: null, veilig: false };
    }
  },
  schrijf(id, antwoorden) {
    const waarde = JSON.stringify({
      formaat: OPSLAG_FORMAAT, versie: OPSLAG_VERSIE, oefening: id,
      bijgewerkt: new Date().toISOString(), antwoorden,
    });
    try {
      window.localStorage.setItem(PREFIX + id, waarde);
      return "ok";
    } catch (e) {
      return isVol(e) ? "vol" : "geen";
    }
  },
  wis(id) {
    try { window.localStorage.removeItem(PREFIX + id); return true; } catch (e) { return false; }
  },
  student() {
    try {
      const obj = JSON.parse(window.localStorage.getItem(STUDENT_SLEUTEL) || "{}");
      return isObj(obj) ? obj : {};
    } catch (e) { return {}; }
  },
  zetStudent(obj) {
    try { window.localStorage.setItem(STUDENT_SLEUTEL, JSON.stringify(obj)); } catch (e) { /* not vital */ }
  },
};

function meldWijziging(id) {
  window.dispatchEvent(new CustomEvent("lsp:antwoorden", { detail: { id } }));
}

// ------------------------------------------------------------------------------------------------
// Answers: question texts, sanitising (stored or imported data is never trusted), formatting
// ------------------------------------------------------------------------------------------------

function vraagTekst(q) {
  return q.vraag || (q.stellingen || []).join(" / ") || q.id;
}

function vraagTeksten(spec) {
  const out = {};
  for (const q of spec.vragen || []) if (q.type !== "informatie") out[q.id] = vraagTekst(q);
  return out;
}

const tekstOf = (x) => (typeof x === "string" ? x.slice(0, MAX_TEKST) : "");
const schaalOf = (x) => (Number.isInteger(x) && x >= 1 && x <= 5 ? x : null);

const SCHOON = {
  open(q, a) {
    return isObj(a) && typeof a.tekst === "string" ? { tekst: tekstOf(a.tekst) } : undefined;
  },
  rangschikking(q, a) {
    if (!isObj(a) || !Array.isArray(a.volgorde)) return undefined;
    const bekend = a.volgorde.filter((t, i, arr) => q.items.includes(t) && arr.indexOf(t) === i);
    const volgorde = bekend.concat(q.items.filter((t) => !bekend.includes(t)));
    const redenen = {};
    if (isObj(a.redenen)) for (const t of q.items) if (typeof a.redenen[t] === "string") redenen[t] = tekstOf(a.redenen[t]);
    return { volgorde, redenen };
  },
  stelling(q, a) {
    if (!isObj(a) || !Array.isArray(a.ronde1)) return undefined;
    const ronde = (r) => q.stellingen.map((_, i) => {
      const x = Array.isArray(r) && isObj(r[i]) ? r[i] : {};
      return { positie: schaalOf(x.positie), argument: tekstOf(x.argument) };
    });
    const out = { ronde1: ronde(a.ronde1) };
    if (q.tweede_ronde && Array.isArray(a.ronde2)) out.ronde2 = ronde(a.ronde2);
    return out;
  },
  sorteren(q, a) {
    if (!isObj(a) || !isObj(a.indeling)) return undefined;
    const indeling = {};
    for (const item of q.items) {
      const c = a.indeling[item.tekst];
      if (typeof c === "string" && q.categorieen.includes(c)) indeling[item.tekst] = c;
    }
    return { indeling };
  },
  meerkeuze(q, a) {
    if (!isObj(a)) return undefined;
    const k = a.keuze;
    return { keuze: Number.isInteger(k) && k >= 0 && k < q.opties.length ? k : null };
  },
  netwerk(q, a) {
    if (!isObj(a) || !Array.isArray(a.knopen)) return undefined;
    const knopen = [];
    for (const k of a.knopen.slice(0, MAX_KNOPEN)) {
      if (!isObj(k) || typeof k.naam !== "string" || !k.naam.trim()) continue;
      knopen.push({
        naam: k.naam.slice(0, MAX_NAAM),
        soort: typeof k.soort === "string" ? k.soort.slice(0, MAX_NAAM) : "",
        sterkte: [1, 2, 3].includes(k.sterkte) ? k.sterkte : 2,
        kwaliteit: KWALITEITEN.includes(k.kwaliteit) ? k.kwaliteit : "neutraal",
      });
    }
    return { knopen };
  },
  dilemma(q, a) {
    if (!isObj(a) || !Array.isArray(a.pad)) return undefined;
    const pad = [q.start];
    for (const stap of a.pad.slice(1)) {
      const huidige = q.knopen[pad[pad.length - 1]];
      if (!huidige || !(huidige.keuzes || []).some((k) => k.naar === stap)) break;
      pad.push(stap);
    }
    return { pad, reflectie: tekstOf(a.reflectie) };
  },
  zelfbeoordeling(q, a) {
    if (!isObj(a) || !Array.isArray(a.scores)) return undefined;
    return { scores: q.aspecten.map((_, i) => schaalOf(a.scores[i])) };
  },
};

// Returns {antwoorden, overgeslagen}: only answers that fit the spec survive.
function schoonAntwoorden(spec, antwoorden) {
  const out = {};
  let overgeslagen = 0;
  if (!isObj(antwoorden)) return { antwoorden: out, overgeslagen };
  for (const q of spec.vragen || []) {
    if (!(q.id in antwoorden)) continue;
    const f = SCHOON[q.type];
    const v = f ? f(q, antwoorden[q.id]) : undefined;
    if (v === undefined) overgeslagen += 1;
    else out[q.id] = v;
  }
  return { antwoorden: out, overgeslagen };
}

function telBeantwoord(spec, antwoorden) {
  let totaal = 0;
  let gedaan = 0;
  for (const q of spec.vragen || []) {
    if (q.type === "informatie") continue;
    totaal += 1;
    const a = antwoorden && antwoorden[q.id];
    if (a && JSON.stringify(a) !== "{}") gedaan += 1;
  }
  return { totaal, gedaan };
}

// A readable version of one answer (for the print view of the hand-in block).
function toonAntwoord(q, a) {
  const leeg = () => h("p", { class: "lsp-leeg-antwoord", text: "(nog geen antwoord)" });
  if (!a) return leeg();
  switch (q.type) {
    case "open":
      return a.tekst ? h("p", { class: "lsp-vrije-tekst", dir: "auto", text: a.tekst }) : leeg();
    case "rangschikking":
      return h("ol", null, a.volgorde.map((t) => h("li", null, h("span", { dir: "auto", text: t }),
        h("br"), h("span", { class: "lsp-reden", dir: "auto", text: "Reden: " + (a.redenen[t] || "(geen)") }))));
    case "stelling": {
      const regel = (r, i) => (r && r[i] && r[i].positie ? STELLING_SCHAAL[r[i].positie - 1] : "geen keuze") +
        (r && r[i] && r[i].argument ? " — " + r[i].argument : "");
      return h("ul", null, q.stellingen.map((st, i) => h("li", null,
        h("strong", { dir: "auto", text: st }), h("br"),
        h("span", { dir: "auto", text: "Ronde 1: " + regel(a.ronde1, i) }),
        a.ronde2 ? [h("br"), h("span", { dir: "auto", text: "Ronde 2: " + regel(a.ronde2, i) })] : null)));
    }
    case "sorteren":
      return h("ul", null, q.items.map((it) => h("li", { dir: "auto", text: `${it.tekst}: ${a.indeling[it.tekst] || "(niet ingedeeld)"}` })));
    case "meerkeuze":
      return a.keuze == null ? leeg() : h("p", { dir: "auto", text: "Gekozen: " + q.opties[a.keuze].tekst });
    case "netwerk":
      return h("ul", null, a.knopen.map((k) => h("li", { dir: "auto",
        text: `${k.naam} (${k.soort}, ${STERKTES[k.sterkte]}, ${k.kwaliteit})` })));
    case "dilemma":
      return h("div", null, h("ol", null, a.pad.map((kid) => h("li", { dir: "auto", text: q.knopen[kid].tekst }))),
        h("p", { dir: "auto", text: "Reflectie: " + (a.reflectie || "(geen)") }));
    case "zelfbeoordeling": {
      const schaal = q.schaal || STANDAARD_SCHAAL;
      return h("ul", null, q.aspecten.map((asp, i) => h("li", { dir: "auto",
        text: `${asp}: ${a.scores[i] ? schaal[a.scores[i] - 1] + " (" + a.scores[i] + ")" : "geen keuze"}` })));
    }
    default:
      return leeg();
  }
}

// ------------------------------------------------------------------------------------------------
// Shared controls
// ------------------------------------------------------------------------------------------------

// A textarea with counter near the limit and a print mirror (lined space when empty).
function tekstveld({ id, label, labelledby, waarde, rijen = 4, bijInvoer, required }) {
  const veld = h("textarea", {
    id, class: "lsp-invoer", rows: rijen, maxlength: MAX_TEKST, dir: "auto",
    "aria-labelledby": labelledby, "aria-required": required ? "true" : null,
  });
  veld.value = waarde || "";
  const teller_ = h("p", { class: "lsp-teller", id: id + "-teller", "aria-live": "polite", hidden: true });
  const spiegel = h("div", { class: "lsp-afdruk-antwoord", "aria-hidden": "true", dir: "auto" });
  const werkBij = () => {
    const n = veld.value.length;
    spiegel.textContent = veld.value;
    spiegel.classList.toggle("lsp-leeg", n === 0);
    if (n >= MAX_TEKST * 0.9) {
      teller_.hidden = false;
      teller_.textContent = n >= MAX_TEKST
        ? `Je hebt het maximum van ${nl(MAX_TEKST)} tekens bereikt.`
        : `Nog ${nl(MAX_TEKST - n)} van ${nl(MAX_TEKST)} tekens over.`;
    } else if (!teller_.hidden) {
      teller_.hidden = true;
      teller_.textContent = "";
    }
  };
  veld.addEventListener("input", () => { werkBij(); bijInvoer(veld.value); });
  werkBij();
  const kids = [];
  if (label) kids.push(h("label", { for: id, class: "lsp-label", text: label }));
  kids.push(veld, teller_, spiegel);
  return h("div", { class: "lsp-veld" }, kids);
}

function knop(tekst, onclick, extra = {}) {
  return h("button", { type: "button", class: "lsp-knop", onclick, ...extra }, tekst);
}

function radiogroep({ naam, legend, legendId, opties, gekozen, bijKeuze, cls }) {
  const fs = h("fieldset", { class: "lsp-radiogroep " + (cls || "") },
    h("legend", { id: legendId, class: "lsp-legend" }, legend));
  const rij = h("div", { class: "lsp-radiorij" });
  opties.forEach((label, i) => {
    const rid = `${naam}-${i}`;
    const input = h("input", { type: "radio", id: rid, name: naam, value: String(i + 1) });
    input.checked = gekozen === i + 1;
    input.addEventListener("change", () => { if (input.checked) bijKeuze(i + 1); });
    rij.append(h("span", { class: "lsp-radio" }, input, h("label", { for: rid, text: label })));
  });
  fs.append(rij);
  return fs;
}

// ------------------------------------------------------------------------------------------------
// Question types
// ------------------------------------------------------------------------------------------------

const TYPEN = {};

TYPEN.open = (q, c) => {
  const wrap = h("div", { class: "lsp-open" });
  const a = c.get(q.id) || { tekst: "" };
  wrap.append(tekstveld({
    id: c.uid(q.id + "-tekst"), labelledby: c.vraagId(q), waarde: a.tekst,
    rijen: 6, bijInvoer: (v) => c.set(q.id, { tekst: v }),
  }));
  if ((q.kijkpunten || []).length) {
    const feedback = h("div", { class: "lsp-feedback", "aria-live": "polite" });
    const toon = () => {
      const huidig = (c.get(q.id) || {}).tekst || "";
      feedback.replaceChildren();
      if (!huidig.trim()) {
        feedback.append(h("p", { text: "Schrijf eerst je eigen antwoord; daarna kun je het vergelijken met de kijkpunten." }));
        return;
      }
      feedback.append(h("p", { class: "lsp-feedback-kop", text: "Kijkpunten om je antwoord mee te vergelijken:" }),
        h("ul", null, q.kijkpunten.map((k) => h("li", { text: k }))));
    };
    wrap.append(knop("Vergelijk met kijkpunten", toon, { "aria-controls": feedback.id = c.uid(q.id + "-kijk") }), feedback);
  }
  return wrap;
};

TYPEN.rangschikking = (q, c) => {
  const wrap = h("div", { class: "lsp-rangschikking" });
  const lijst = h("ol", { class: "lsp-rang", "aria-labelledby": c.vraagId(q) });
  const status = h("p", { class: "lsp-status-regel" });
  wrap.append(h("p", { class: "lsp-hint", text: "Verplaats items met de knoppen Hoger en Lager. Geef bij elk item een reden." }), lijst, status);
  const huidig = () => {
    const a = c.get(q.id);
    return a ? kloon(a) : { volgorde: q.items.slice(), redenen: {} };
  };
  const werkStatusBij = () => {
    const a = huidig();
    const open = a.volgorde.filter((t) => !(a.redenen[t] || "").trim()).length;
    status.textContent = open ? `Nog ${open} van ${a.volgorde.length} redenen in te vullen.` : "Bij elk item staat een reden.";
  };
  const teken = (focus) => {
    const a = huidig();
    lijst.replaceChildren();
    a.volgorde.forEach((item, i) => {
      const itemId = c.uid(`${q.id}-item-${q.items.indexOf(item)}`);
      const li = h("li", { class: "lsp-rang-item" });
      const kop = h("div", { class: "lsp-rang-kop" },
        h("span", { class: "lsp-rang-nr", "aria-hidden": "true", text: `${i + 1}.` }),
        h("span", { class: "lsp-rang-tekst", id: itemId, dir: "auto", text: item }));
      const verplaats = (richting) => () => {
        const b = huidig();
        const j = i + richting;
        if (j < 0 || j >= b.volgorde.length) {
          c.meld(`"${item}" staat al ${richting < 0 ? "bovenaan" : "onderaan"}.`);
          return;
        }
        [b.volgorde[i], b.volgorde[j]] = [b.volgorde[j], b.volgorde[i]];
        c.set(q.id, b);
        teken({ item, richting });
        c.meld(`"${item}" staat nu op plaats ${j + 1} van ${b.volgorde.length}.`);
      };
      const op = knop("Hoger", verplaats(-1), { "aria-label": `Zet "${item}" een plaats hoger`, "data-richting": "-1", class: "lsp-knop lsp-klein" });
      const neer = knop("Lager", verplaats(1), { "aria-label": `Zet "${item}" een plaats lager`, "data-richting": "1", class: "lsp-knop lsp-klein" });
      kop.append(h("span", { class: "lsp-rang-knoppen" }, op, neer));
      li.append(kop, tekstveld({
        id: c.uid(`${q.id}-reden-${q.items.indexOf(item)}`), label: `Waarom staat "${item}" op plaats ${i + 1}?`,
        waarde: a.redenen[item] || "", rijen: 2, required: true,
        bijInvoer: (v) => { const b = huidig(); b.redenen[item] = v; c.set(q.id, b); werkStatusBij(); },
      }));
      lijst.append(li);
      if (focus && focus.item === item) (focus.richting < 0 ? op : neer).focus();
    });
    werkStatusBij();
  };
  teken();
  return wrap;
};

TYPEN.stelling = (q, c) => {
  const wrap = h("div", { class: "lsp-stelling" });
  const huidig = () => {
    const a = c.get(q.id);
    if (a) return kloon(a);
    return { ronde1: q.stellingen.map(() => ({ positie: null, argument: "" })) };
  };
  const ronde = (nr, na) => {
    const box = h("div", { class: "lsp-ronde" });
    q.stellingen.forEach((st, i) => {
      const legendId = c.uid(`${q.id}-r${nr}-s${i}`);
      const a = huidig();
      const r = a["ronde" + nr] || [];
      const item = h("div", { class: "lsp-stelling-item" });
      item.append(radiogroep({
        naam: c.uid(`${q.id}-r${nr}-s${i}-pos`), legendId,
        legend: [nr === 2 ? "Tweede ronde: " : "", h("span", { dir: "auto", text: st })],
        opties: STELLING_SCHAAL, gekozen: r[i] ? r[i].positie : null,
        bijKeuze: (p) => {
          const b = huidig();
          if (!b["ronde" + nr]) b["ronde" + nr] = q.stellingen.map(() => ({ positie: null, argument: "" }));
          b["ronde" + nr][i].positie = p;
          c.set(q.id, b);
          if (na) na(i);
        },
      }));
      item.append(tekstveld({
        id: c.uid(`${q.id}-r${nr}-s${i}-arg`), label: "Jouw argument", rijen: 2,
        waarde: r[i] ? r[i].argument : "",
        bijInvoer: (v) => {
          const b = huidig();
          if (!b["ronde" + nr]) b["ronde" + nr] = q.stellingen.map(() => ({ positie: null, argument: "" }));
          b["ronde" + nr][i].argument = v;
          c.set(q.id, b);
        },
      }));
      if (nr === 2) item.append(h("p", { class: "lsp-verschuiving", "aria-live": "polite", "data-stelling": String(i) }));
      box.append(item);
    });
    return box;
  };
  wrap.append(h("p", { class: "lsp-hint", text: "Kies bij elke stelling je positie en geef een argument." }), ronde(1, () => tekenTweede()));
  const tweede = h("div", { class: "lsp-tweede-ronde" });
  const werkVerschuivingBij = () => {
    const a = huidig();
    tweede.querySelectorAll(".lsp-verschuiving").forEach((p) => {
      const i = Number(p.dataset.stelling);
      const p1 = a.ronde1[i] && a.ronde1[i].positie;
      const p2 = a.ronde2 && a.ronde2[i] && a.ronde2[i].positie;
      if (!p1 || !p2) { p.textContent = ""; return; }
      const d = p2 - p1;
      const richting = d === 0 ? "geen verschuiving" : `${Math.abs(d)} ${Math.abs(d) === 1 ? "stap" : "stappen"} richting ${d > 0 ? "eens" : "oneens"}`;
      p.textContent = `Verschuiving: van "${STELLING_SCHAAL[p1 - 1]}" naar "${STELLING_SCHAAL[p2 - 1]}" (${richting}).`;
    });
  };
  let tweedeGetoond = null;
  const tekenTweede = () => {
    if (!q.tweede_ronde) return;
    const a = huidig();
    const klaar = a.ronde1.every((r) => r.positie);
    if (klaar === tweedeGetoond) { werkVerschuivingBij(); return; }
    tweedeGetoond = klaar;
    tweede.replaceChildren();
    if (!klaar) {
      tweede.append(h("p", { class: "lsp-hint", text: "Als je bij elke stelling een positie hebt gekozen, krijg je nieuwe informatie en kies je opnieuw." }));
      return;
    }
    tweede.append(
      h("div", { class: "lsp-informatie" }, h("p", { class: "lsp-informatie-kop", text: "Nieuwe informatie" }), tekstblok(q.tweede_ronde.informatie)),
      ronde(2, () => werkVerschuivingBij()));
    werkVerschuivingBij();
  };
  if (q.tweede_ronde) { wrap.append(tweede); tekenTweede(); }
  return wrap;
};

TYPEN.sorteren = (q, c) => {
  const wrap = h("div", { class: "lsp-sorteren" });
  const huidig = () => kloon(c.get(q.id)) || { indeling: {} };
  const lijst = h("ul", { class: "lsp-sorteerlijst" });
  const samenvatting = h("p", { class: "lsp-status-regel" });
  const werkSamenvattingBij = () => {
    const n = Object.keys(huidig().indeling).length;
    samenvatting.textContent = `Ingedeeld: ${n} van ${q.items.length}.`;
  };
  q.items.forEach((item, i) => {
    const sid = c.uid(`${q.id}-item-${i}`);
    const select = h("select", { id: sid, class: "lsp-select" },
      h("option", { value: "", text: "— kies —" }),
      q.categorieen.map((cat) => h("option", { value: cat, text: cat })));
    select.value = huidig().indeling[item.tekst] || "";
    const fb = h("div", { class: "lsp-feedback", "aria-live": "polite" });
    const toon = () => {
      fb.replaceChildren();
      const keuze = select.value;
      if (!keuze) return;
      if (item.categorie) {
        fb.append(h("p", { text: keuze === item.categorie
          ? `Het boek deelt dit ook in bij "${item.categorie}".`
          : `Het boek deelt dit in bij "${item.categorie}".` }));
      } else {
        fb.append(h("p", { text: "Het boek legt hier geen indeling vast. Bespreek je keuze met een medestudent." }));
      }
      if (item.uitleg) fb.append(h("p", { text: item.uitleg }));
    };
    select.addEventListener("change", () => {
      const b = huidig();
      if (select.value) b.indeling[item.tekst] = select.value;
      else delete b.indeling[item.tekst];
      c.set(q.id, b);
      toon();
      werkSamenvattingBij();
    });
    toon();
    lijst.append(h("li", { class: "lsp-sorteer-item" },
      h("label", { for: sid, class: "lsp-label", dir: "auto", text: item.tekst }), select, fb));
  });
  werkSamenvattingBij();
  wrap.append(lijst, samenvatting);
  return wrap;
};

TYPEN.meerkeuze = (q, c) => {
  const wrap = h("div", { class: "lsp-meerkeuze" });
  const naam = c.uid(q.id + "-keuze");
  const fs = h("fieldset", { class: "lsp-radiogroep" }, h("legend", { class: "lsp-legend", text: "Kies één antwoord" }));
  const fb = h("div", { class: "lsp-feedback", "aria-live": "polite" });
  const toon = (k) => {
    fb.replaceChildren();
    if (k == null) return;
    const o = q.opties[k];
    fb.append(h("p", { class: o.juist ? "lsp-juist" : "lsp-onjuist", text: o.juist ? "Dit klopt." : "Dit klopt niet." }));
    if (o.uitleg) fb.append(h("p", { text: o.uitleg }));
  };
  const gekozen = (c.get(q.id) || {}).keuze;
  q.opties.forEach((o, i) => {
    const rid = `${naam}-${i}`;
    const input = h("input", { type: "radio", id: rid, name: naam, value: String(i) });
    input.checked = gekozen === i;
    input.addEventListener("change", () => { if (input.checked) { c.set(q.id, { keuze: i }); toon(i); } });
    fs.append(h("div", { class: "lsp-radio lsp-radio-blok" }, input, h("label", { for: rid, dir: "auto", text: o.tekst })));
  });
  wrap.append(fs, fb);
  toon(gekozen == null ? null : gekozen);
  return wrap;
};

// Network map (ecogram): form + SVG + equivalent table.
const KWALITEIT_STIJL = {
  steunend: { dash: null, label: "steunend (doorgetrokken lijn)" },
  neutraal: { dash: "8 5", label: "neutraal (gestreepte lijn)" },
  belastend: { dash: "2 5", label: "belastend (gestippelde lijn)" },
};

TYPEN.netwerk = (q, c) => {
  const soorten = q.soorten && q.soorten.length ? q.soorten : STANDAARD_SOORTEN;
  const wrap = h("div", { class: "lsp-netwerk" });
  const huidig = () => kloon(c.get(q.id)) || { knopen: kloon(q.startknopen || []) };
  const bewaar = (a) => { c.set(q.id, a); teken(); };

  // add form
  const fNaam = h("input", { type: "text", id: c.uid(q.id + "-naam"), class: "lsp-invoer-kort", maxlength: MAX_NAAM, dir: "auto", autocomplete: "off" });
  const fSoort = h("select", { id: c.uid(q.id + "-soort"), class: "lsp-select" }, soorten.map((x) => h("option", { value: x, text: x })));
  const fSterkte = h("select", { id: c.uid(q.id + "-sterkte"), class: "lsp-select" },
    [1, 2, 3].map((n) => h("option", { value: String(n), text: `${n} – ${STERKTES[n]}`, selected: n === 2 })));
  const fKwal = h("select", { id: c.uid(q.id + "-kwaliteit"), class: "lsp-select" }, KWALITEITEN.map((x) => h("option", { value: x, text: x })));
  const veldje = (label, input) => h("div", { class: "lsp-formveld" }, h("label", { for: input.id, class: "lsp-label", text: label }), input);
  const form = h("form", { class: "lsp-netwerk-form", "aria-label": `Persoon of organisatie toevoegen aan het netwerk van ${q.centrum}` },
    h("p", { class: "lsp-formkop", text: "Persoon of organisatie toevoegen" }),
    h("div", { class: "lsp-formrij" }, veldje("Naam", fNaam), veldje("Soort", fSoort), veldje("Sterkte van de band", fSterkte), veldje("Kwaliteit", fKwal)),
    h("button", { type: "submit", class: "lsp-knop", text: "Toevoegen" }));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const naam = fNaam.value.trim();
    if (!naam) { c.meld("Vul eerst een naam in."); fNaam.focus(); return; }
    const a = huidig();
    if (a.knopen.length >= MAX_KNOPEN) { c.meld(`Je kunt hoogstens ${MAX_KNOPEN} knopen toevoegen.`); return; }
    a.knopen.push({ naam, soort: fSoort.value, sterkte: Number(fSterkte.value), kwaliteit: fKwal.value });
    bewaar(a);
    fNaam.value = "";
    fNaam.focus();
    c.meld(`${naam} is toegevoegd. Het netwerk telt nu ${a.knopen.length} personen en organisaties.`);
  });

  const breedte = h("p", { class: "lsp-breedte", "aria-live": "polite" });
  const svgVak = h("div", { class: "lsp-svgvak" });
  const tabelVak = h("div", { class: "lsp-tabelvak" });
  const legenda = h("ul", { class: "lsp-legenda", "aria-label": "Legenda" },
    KWALITEITEN.map((kw) => h("li", null, s("svg", { width: 44, height: 12, "aria-hidden": "true", focusable: "false" },
      s("line", { x1: 2, y1: 6, x2: 42, y2: 6, class: `lsp-lijn lsp-lijn-${kw}`, "stroke-width": 3, "stroke-dasharray": KWALITEIT_STIJL[kw].dash })), " ", KWALITEIT_STIJL[kw].label)),
    h("li", null, "Dikte van de lijn: hoe sterk de band is (1 zwak, 2 gemiddeld, 3 sterk)"));
  const exportRij = h("div", { class: "lsp-knoppenrij" },
    knop("Download als afbeelding (PNG)", () => exportPng()),
    knop("Download als JSON", () => download(`netwerk-${c.id}-${q.id}.json`,
      JSON.stringify({ centrum: q.centrum, knopen: huidig().knopen }, null, 2), "application/json")));

  const titelId = c.uid(q.id + "-svgtitel");
  const descId = c.uid(q.id + "-svgdesc");
  let svg = null;

  function tekenSvg(knopen) {
    const W = 780, H = 440, cx = W / 2, cy = H / 2;  // wide enough for labels left and right
    svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "lsp-netwerk-svg", role: "img", "aria-labelledby": `${titelId} ${descId}` },
      s("title", { id: titelId }, `Netwerkkaart rond ${q.centrum}`),
      s("desc", { id: descId }, `${knopen.length} personen en organisaties rond ${q.centrum}. Dezelfde gegevens staan in de tabel hieronder.`));
    const gesorteerd = knopen.map((k, i) => ({ k, i })).sort((x, y) =>
      (soorten.indexOf(x.k.soort) - soorten.indexOf(y.k.soort)) || (x.i - y.i));
    const n = gesorteerd.length;
    const lijnen = s("g");
    const punten = s("g");
    gesorteerd.forEach(({ k }, j) => {
      const hoek = -Math.PI / 2 + (2 * Math.PI * j) / Math.max(n, 1);
      const x = cx + Math.cos(hoek) * 205, y = cy + Math.sin(hoek) * 160;
      lijnen.append(s("line", {
        x1: cx, y1: cy, x2: x, y2: y, class: `lsp-lijn lsp-lijn-${k.kwaliteit}`,
        "stroke-width": [0, 1.5, 3.5, 6.5][k.sterkte], "stroke-dasharray": KWALITEIT_STIJL[k.kwaliteit].dash,
      }));
      const label = k.naam.length > 22 ? k.naam.slice(0, 21) + "…" : k.naam;
      const rechts = Math.cos(hoek) >= -0.01;
      punten.append(s("g", { class: "lsp-knoop" },
        s("title", null, `${k.naam} (${k.soort}, ${STERKTES[k.sterkte]}, ${k.kwaliteit})`),
        s("circle", { cx: x, cy: y, r: 7, class: "lsp-knoop-punt", "data-soort": String(Math.max(0, soorten.indexOf(k.soort)) % 6) }),
        s("text", { x: x + (rechts ? 11 : -11), y: y + 4, "text-anchor": rechts ? "start" : "end", class: "lsp-knoop-tekst" }, label)));
    });
    svg.append(lijnen, punten,
      s("circle", { cx, cy, r: 46, class: "lsp-centrum" }),
      s("text", { x: cx, y: cy + 5, "text-anchor": "middle", class: "lsp-centrum-tekst" },
        q.centrum.length > 14 ? q.centrum.slice(0, 13) + "…" : q.centrum));
    svgVak.replaceChildren(svg);
  }

  function tekenTabel(knopen) {
    const tabel = h("table", { class: "lsp-tabel" },
      h("caption", { text: `Netwerk van ${q.centrum} als tabel` }),
      h("thead", null, h("tr", null, ["Naam", "Soort", "Sterkte", "Kwaliteit", "Actie"].map((t) => h("th", { scope: "col", text: t })))));
    const body = h("tbody");
    if (!knopen.length) body.append(h("tr", null, h("td", { colspan: 5, text: "Nog niemand toegevoegd." })));
    knopen.forEach((k, i) => {
      const sterkte = h("select", { class: "lsp-select", "aria-label": `Sterkte van de band met ${k.naam}` },
        [1, 2, 3].map((n) => h("option", { value: String(n), text: `${n} – ${STERKTES[n]}` })));
      sterkte.value = String(k.sterkte);
      sterkte.addEventListener("change", () => { const a = huidig(); a.knopen[i].sterkte = Number(sterkte.value); c.set(q.id, a); tekenSvg(a.knopen); });
      const kwal = h("select", { class: "lsp-select", "aria-label": `Kwaliteit van de band met ${k.naam}` },
        KWALITEITEN.map((x) => h("option", { value: x, text: x })));
      kwal.value = k.kwaliteit;
      kwal.addEventListener("change", () => { const a = huidig(); a.knopen[i].kwaliteit = kwal.value; c.set(q.id, a); tekenSvg(a.knopen); });
      const weg = knop("Verwijder", () => {
        const a = huidig();
        a.knopen.splice(i, 1);
        bewaar(a);
        c.meld(`${k.naam} is verwijderd. Het netwerk telt nu ${a.knopen.length} personen en organisaties.`);
        const rest = tabelVak.querySelectorAll("button.lsp-verwijder");
        (rest[Math.min(i, rest.length - 1)] || fNaam).focus();
      }, { "aria-label": `Verwijder ${k.naam}`, class: "lsp-knop lsp-klein lsp-verwijder" });
      body.append(h("tr", null, h("th", { scope: "row", dir: "auto", text: k.naam }), h("td", { text: k.soort }),
        h("td", null, sterkte), h("td", null, kwal), h("td", null, weg)));
    });
    tabel.append(body);
    tabelVak.replaceChildren(tabel);
  }

  function teken() {
    const a = huidig();
    const soortenGebruikt = [...new Set(a.knopen.map((k) => k.soort))];
    breedte.textContent = `Breedte van het netwerk: ${a.knopen.length} ${a.knopen.length === 1 ? "persoon of organisatie" : "personen en organisaties"}, ` +
      `uit ${soortenGebruikt.length} ${soortenGebruikt.length === 1 ? "soort" : "soorten"}` +
      (soortenGebruikt.length ? ` (${soortenGebruikt.join(", ")}).` : ".");
    tekenSvg(a.knopen);
    tekenTabel(a.knopen);
  }

  function exportPng() {
    if (!svg) return;
    const kopie = svg.cloneNode(true);
    const bron = svg.querySelectorAll("*");
    const doel = kopie.querySelectorAll("*");
    bron.forEach((el, i) => {
      const st = getComputedStyle(el);
      for (const p of ["fill", "stroke", "stroke-width", "stroke-dasharray", "font-size", "font-family", "font-weight"]) {
        doel[i].setAttribute(p, st.getPropertyValue(p));
      }
    });
    const W = 640, H = 440;
    kopie.setAttribute("xmlns", SVG_NS);
    kopie.setAttribute("width", W);
    kopie.setAttribute("height", H);
    kopie.insertBefore(s("rect", { x: 0, y: 0, width: W, height: H, fill: "#ffffff" }), kopie.firstChild);
    const tekst = new XMLSerializer().serializeToString(kopie);
    const url = URL.createObjectURL(new Blob([tekst], { type: "image/svg+xml" }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = W * 2; canvas.height = H * 2;
      const ctx = canvas.getContext("2d");
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, W, H);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => { if (blob) download(`netwerk-${c.id}-${q.id}.png`, blob); }, "image/png");
    };
    img.onerror = () => { URL.revokeObjectURL(url); c.meld("De afbeelding kon niet worden gemaakt. Download de JSON of maak een schermafdruk."); };
    img.src = url;
  }

  wrap.append(form, breedte, svgVak, legenda, tabelVak, exportRij);
  teken();
  return wrap;
};

TYPEN.dilemma = (q, c) => {
  const wrap = h("div", { class: "lsp-dilemma" });
  const huidig = () => kloon(c.get(q.id)) || { pad: [q.start], reflectie: "" };
  const teken = (focusNieuw) => {
    const a = huidig();
    wrap.replaceChildren();
    if (a.pad.length > 1) {
      const pad = h("ol", { class: "lsp-pad", "aria-label": "Jouw pad tot nu toe" });
      for (let i = 0; i < a.pad.length - 1; i++) {
        const knoopNu = q.knopen[a.pad[i]];
        const keuze = (knoopNu.keuzes || []).find((k) => k.naar === a.pad[i + 1]);
        pad.append(h("li", null, h("span", { class: "lsp-pad-situatie", dir: "auto", text: knoopNu.tekst }), " ",
          h("span", { class: "lsp-pad-keuze", dir: "auto", text: "Jouw keuze: " + (keuze ? keuze.tekst : "") })));
      }
      wrap.append(h("p", { class: "lsp-formkop", text: "Jouw pad" }), pad);
    }
    const nu = q.knopen[a.pad[a.pad.length - 1]];
    const situatieId = c.uid(q.id + "-nu");
    const situatie = h("div", { class: "lsp-situatie", id: situatieId, tabindex: "-1" }, tekstblok(nu.tekst));
    wrap.append(situatie);
    const keuzes = nu.keuzes || [];
    if (keuzes.length) {
      wrap.append(h("div", { class: "lsp-keuzes", role: "group", "aria-label": "Wat doe je?" },
        keuzes.map((k) => knop(k.tekst, () => {
          const b = huidig();
          b.pad.push(k.naar);
          c.set(q.id, b);
          teken(true);
          c.meld("Je koos: " + k.tekst + ". " + q.knopen[k.naar].tekst);
        }, { class: "lsp-knop lsp-keuze", dir: "auto" }))));
    } else {
      wrap.append(h("p", { class: "lsp-einde", text: "Einde van dit pad." }));
      const vraag = nu.reflectie || "Wat neem je mee uit de keuzes die je maakte?";
      wrap.append(tekstveld({
        id: c.uid(q.id + "-reflectie"), label: "Reflectie: " + vraag, waarde: a.reflectie, rijen: 4,
        bijInvoer: (v) => { const b = huidig(); b.reflectie = v; c.set(q.id, b); },
      }));
    }
    if (a.pad.length > 1) {
      wrap.append(h("div", { class: "lsp-knoppenrij" }, knop("Opnieuw beginnen", () => {
        const b = huidig();
        b.pad = [q.start];
        c.set(q.id, b);
        teken(true);
        c.meld("Je begint opnieuw. " + q.knopen[q.start].tekst);
      })));
    }
    if (focusNieuw) situatie.focus();
  };
  teken(false);
  return wrap;
};

TYPEN.zelfbeoordeling = (q, c) => {
  const schaal = q.schaal && q.schaal.length === 5 ? q.schaal : STANDAARD_SCHAAL;
  const wrap = h("div", { class: "lsp-zelfbeoordeling" });
  const huidig = () => kloon(c.get(q.id)) || { scores: q.aspecten.map(() => null) };
  const profiel = h("div", { class: "lsp-profiel" });
  const tekenProfiel = () => {
    const sc = huidig().scores;
    const W = 460, H = 360, cx = W / 2, cy = H / 2 + 5, R = 120, n = q.aspecten.length;
    const punt = (i, waarde) => {
      const hoek = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return [cx + Math.cos(hoek) * R * waarde / 5, cy + Math.sin(hoek) * R * waarde / 5];
    };
    const tid = c.uid(q.id + "-radartitel");
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "lsp-radar", role: "img", "aria-labelledby": tid },
      s("title", { id: tid }, "Profiel: " + q.aspecten.map((asp, i) => `${asp} ${sc[i] ? schaal[sc[i] - 1] : "geen keuze"}`).join("; ")));
    for (let ring = 1; ring <= 5; ring++) {
      svg.append(s("polygon", { class: "lsp-radar-ring", points: q.aspecten.map((_, i) => punt(i, ring).join(",")).join(" ") }));
    }
    q.aspecten.forEach((asp, i) => {
      const [x, y] = punt(i, 5);
      svg.append(s("line", { class: "lsp-radar-as", x1: cx, y1: cy, x2: x, y2: y }));
      const [lx, ly] = punt(i, 5.9);
      const anker = Math.abs(lx - cx) < 5 ? "middle" : lx > cx ? "start" : "end";
      // axes carry numbers; the list under the chart gives the full names (no clipped labels)
      svg.append(s("text", { x: lx, y: ly + 4, "text-anchor": anker, class: "lsp-radar-label" }, String(i + 1)));
    });
    if (sc.some((x) => x)) {
      svg.append(s("polygon", { class: "lsp-radar-vlak", points: q.aspecten.map((_, i) => punt(i, sc[i] || 0).join(",")).join(" ") }));
      q.aspecten.forEach((_, i) => { if (sc[i]) { const [x, y] = punt(i, sc[i]); svg.append(s("circle", { cx: x, cy: y, r: 4, class: "lsp-radar-punt" })); } });
    }
    const legenda = h("ol", { class: "lsp-radar-legenda" },
      ...q.aspecten.map((asp, i) => h("li", { dir: "auto", text: `${asp}: ${sc[i] ? schaal[sc[i] - 1] : "nog geen keuze"}` })));
    profiel.replaceChildren(h("p", { class: "lsp-formkop", text: "Jouw profiel" }), svg, legenda);
  };
  q.aspecten.forEach((asp, i) => {
    wrap.append(radiogroep({
      naam: c.uid(`${q.id}-asp-${i}`), legendId: c.uid(`${q.id}-asp-${i}-leg`),
      legend: h("span", { dir: "auto", text: asp }), opties: schaal, gekozen: huidig().scores[i],
      bijKeuze: (p) => { const b = huidig(); b.scores[i] = p; c.set(q.id, b); tekenProfiel(); },
    }));
  });
  wrap.append(profiel);
  tekenProfiel();
  return wrap;
};

// ------------------------------------------------------------------------------------------------
// One exercise
// ------------------------------------------------------------------------------------------------

function renderOefening(model, el) {
  const spec = model.get("spec") || {};
  const id = model.get("oefening_id") || spec.id;
  const inst = ++teller;
  const uid = (x) => `lsp${inst}-${x}`;
  let antwoorden = schoonAntwoorden(spec, model.get("antwoorden") || {}).antwoorden;
  let geblokkeerd = false;     // true when corrupt data could not be set aside: never overwrite it
  let wachtend = false;
  let timer = null;
  let eigenWijziging = false;
  let laatsteOpslagStatus = "ok";

  el.classList.add("lsp-root");
  const live = h("div", { class: "lsp-sr-only", role: "status", "aria-live": "polite" });
  const opslagMelding = h("div", { class: "lsp-opslagmelding", role: "alert", hidden: true });
  const meld = (tekst) => {
    live.textContent = "";
    setTimeout(() => { live.textContent = tekst; }, 30);
  };

  const naarModel = () => {
    eigenWijziging = true;
    try {
      model.set("antwoorden", kloon(antwoorden));
      model.save_changes();
    } finally {
      eigenWijziging = false;
    }
  };

  const toonOpslagMelding = (soort, extra) => {
    opslagMelding.replaceChildren();
    if (soort === "ok") { opslagMelding.hidden = true; return; }
    opslagMelding.hidden = false;
    if (soort === "kapot") {
      opslagMelding.append(h("p", { text: extra.veilig
        ? `Eerder bewaarde antwoorden bij deze oefening waren niet te lezen (beschadigd of van een andere versie). Ze zijn niet weggegooid maar apart bewaard in je browser onder de sleutel "${extra.backup}". Je kunt gewoon verder werken.`
        : "Eerder bewaarde antwoorden bij deze oefening waren niet te lezen en konden niet apart worden gezet. Om ze niet te overschrijven, worden je nieuwe antwoorden voorlopig niet in de browser bewaard. Download ze voordat je de pagina sluit." }));
    } else {
      opslagMelding.append(h("p", { text: soort === "vol"
        ? "Je browser heeft geen ruimte meer om je antwoorden te bewaren. Download je antwoorden nu, zodat je niets kwijtraakt."
        : "Je browser staat niet toe dat antwoorden worden bewaard. Download je antwoorden voordat je de pagina sluit." }));
    }
    opslagMelding.append(knop("Download mijn antwoorden bij deze oefening (JSON)", () => downloadDeze()));
  };

  const downloadDeze = () => {
    const st = opslag.student();
    const bestand = {
      formaat: ANTWOORDEN_FORMAAT, versie: ANTWOORDEN_VERSIE, hoofdstuk: spec.hoofdstuk,
      naam: st.naam || "", studentnummer: st.studentnummer || "", datum: vandaag(),
      oefeningen: { [id]: { titel: spec.titel, vragen: vraagTeksten(spec), antwoorden: kloon(antwoorden) } },
    };
    download(`lsp-${id}-${vandaag()}.json`, JSON.stringify(bestand, null, 2), "application/json");
  };

  const bewaarLokaal = () => {
    if (geblokkeerd) return;
    const r = opslag.schrijf(id, antwoorden);
    if (r !== laatsteOpslagStatus) {
      laatsteOpslagStatus = r;
      toonOpslagMelding(r);
    }
    window.dispatchEvent(new CustomEvent("lsp:opgeslagen", { detail: { id } }));
  };

  const flush = () => {
    if (timer) { clearTimeout(timer); timer = null; }
    if (!wachtend) return;
    wachtend = false;
    naarModel();
    bewaarLokaal();
  };

  const ctx = {
    id, uid, meld,
    vraagId: (q) => uid(q.id + "-vraag"),
    get: (qid) => antwoorden[qid],
    set: (qid, waarde) => {
      antwoorden[qid] = waarde;
      wachtend = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, WACHT_MS);
    },
  };

  // Initial answers: the model (Python) wins when it has any; otherwise the browser's copy.
  const gelezen = opslag.lees(id);
  if (gelezen.status === "kapot") {
    geblokkeerd = !gelezen.veilig;
    toonOpslagMelding("kapot", gelezen);
  } else if (gelezen.status === "geen") {
    laatsteOpslagStatus = "geen";
    toonOpslagMelding("geen");
  }
  if (isLeeg(antwoorden) && gelezen.status === "ok") {
    antwoorden = schoonAntwoorden(spec, gelezen.antwoorden).antwoorden;
    if (!isLeeg(antwoorden)) naarModel();
  } else if (!isLeeg(antwoorden)) {
    bewaarLokaal();
  }

  const inhoud = h("div", { class: "lsp-inhoud" });
  const bouw = () => {
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
    kaart.append(kop);
    if (spec.docent) kaart.append(docentPaneel(spec));
    if (spec.casus) kaart.append(h("div", { class: "lsp-casus" }, h("p", { class: "lsp-casus-kop", text: "Casus" }), tekstblok(spec.casus)));
    let nr = 0;
    for (const q of spec.vragen || []) {
      if (q.type === "informatie") {
        kaart.append(h("div", { class: "lsp-informatie", "data-vraag": q.id },
          h("p", { class: "lsp-informatie-kop", text: q.titel || "Informatie" }), tekstblok(q.tekst)));
        continue;
      }
      nr += 1;
      const sectie = h("div", { class: `lsp-vraag lsp-type-${q.type}`, "data-vraag": q.id, role: "group", "aria-labelledby": uid(q.id + "-kop") });
      sectie.append(h("h4", { class: "lsp-vraagkop", id: uid(q.id + "-kop"), text: `Vraag ${nr}` }));
      sectie.append(h("p", { class: "lsp-vraagtekst", id: ctx.vraagId(q), dir: "auto", text: vraagTekst(q) }));
      if (q.type === "stelling" && q.vraag) { /* vraag shown above; statements follow */ }
      if (q.toelichting) sectie.append(tekstblok(q.toelichting, "lsp-toelichting"));
      if (spec.docent && spec.docent.per_vraag && spec.docent.per_vraag[q.id]) {
        sectie.append(h("p", { class: "lsp-docent-noot" }, h("strong", { text: "Docent: " }), spec.docent.per_vraag[q.id]));
      }
      const maker = TYPEN[q.type];
      try {
        sectie.append(maker ? maker(q, ctx) : h("p", { text: `Onbekend vraagtype: ${q.type}` }));
      } catch (e) {
        sectie.append(h("p", { class: "lsp-fout", text: "Deze vraag kon niet worden getoond." }));
        console.error(e);
      }
      kaart.append(sectie);
    }
    inhoud.append(kaart);
  };

  el.replaceChildren(opslagMelding, inhoud, live);
  bouw();

  // Answers changed elsewhere: Python (live kernel) or the hand-in block (import / erase).
  const vanModel = () => {
    if (eigenWijziging) return;
    const nieuw = schoonAntwoorden(spec, model.get("antwoorden") || {}).antwoorden;
    if (JSON.stringify(nieuw) === JSON.stringify(antwoorden)) return;
    antwoorden = nieuw;
    bewaarLokaal();
    bouw();
  };
  const vanOpslag = (e) => {
    if (!e.detail || (e.detail.id && e.detail.id !== id)) return;
    if (timer) { clearTimeout(timer); timer = null; }
    wachtend = false;
    const r = opslag.kijk(id);
    antwoorden = r.status === "ok" ? schoonAntwoorden(spec, r.antwoorden).antwoorden : {};
    naarModel();
    bouw();
  };
  const bijVerbergen = () => { if (document.visibilityState === "hidden") flush(); };
  model.on("change:antwoorden", vanModel);
  window.addEventListener("lsp:antwoorden", vanOpslag);
  window.addEventListener("lsp:flush", flush);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", bijVerbergen);
  return () => {
    flush();
    model.off("change:antwoorden", vanModel);
    window.removeEventListener("lsp:antwoorden", vanOpslag);
    window.removeEventListener("lsp:flush", flush);
    window.removeEventListener("pagehide", flush);
    document.removeEventListener("visibilitychange", bijVerbergen);
  };
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
  if (d.handleiding) p.append(h("p", { class: "lsp-formkop", text: "Handleiding" }), tekstblok(d.handleiding));
  const per = Object.entries(d.per_vraag || {});
  if (per.length) p.append(h("p", { class: "lsp-formkop", text: "Per vraag" }), h("ul", null, per.map(([k, v]) => h("li", null, h("strong", { text: k + ": " }), v))));
  return p;
}

// ------------------------------------------------------------------------------------------------
// The hand-in block of a chapter
// ------------------------------------------------------------------------------------------------

function renderInleveren(model, el) {
  const hoofdstuk = model.get("hoofdstuk");
  const oefeningen = model.get("oefeningen") || [];
  const inst = ++teller;
  const uid = (x) => `lsp${inst}-${x}`;
  el.classList.add("lsp-root");
  const hoofdstukNaam = hoofdstuk === 0 ? "de inleiding" : `hoofdstuk ${hoofdstuk}`;
  const status = h("div", { class: "lsp-status", role: "status", "aria-live": "polite" });
  const meld = (tekst, soort) => {
    status.replaceChildren();
    setTimeout(() => status.replaceChildren(h("p", { class: soort === "fout" ? "lsp-fout" : "lsp-ok", text: tekst })), 30);
  };
  const student = opslag.student();
  const inNaam = h("input", { type: "text", id: uid("naam"), class: "lsp-invoer-kort", maxlength: MAX_NAAM, dir: "auto", autocomplete: "name", value: student.naam || "" });
  const inNummer = h("input", { type: "text", id: uid("nummer"), class: "lsp-invoer-kort", maxlength: 100, dir: "auto", autocomplete: "off", value: student.studentnummer || "" });
  const inDatum = h("input", { type: "date", id: uid("datum"), class: "lsp-invoer-kort", value: vandaag() });
  const bewaarStudent = () => opslag.zetStudent({ naam: inNaam.value, studentnummer: inNummer.value });
  inNaam.addEventListener("input", bewaarStudent);
  inNummer.addEventListener("input", bewaarStudent);
  const veldje = (label, input) => h("div", { class: "lsp-formveld" }, h("label", { for: input.id, class: "lsp-label", text: label }), input);

  const overzicht = h("ul", { class: "lsp-overzicht" });
  const tekenOverzicht = () => {
    overzicht.replaceChildren();
    if (!oefeningen.length) overzicht.append(h("li", { text: "Bij dit hoofdstuk horen (nog) geen oefeningen." }));
    for (const spec of oefeningen) {
      const r = opslag.kijk(spec.id);
      const t = telBeantwoord(spec, r.status === "ok" ? r.antwoorden : {});
      overzicht.append(h("li", { dir: "auto", text: `${spec.titel}: ${t.gedaan} van ${t.totaal} vragen beantwoord` +
        (r.status === "kapot" ? " (opgeslagen antwoorden onleesbaar)" : "") }));
    }
  };

  const verzamel = () => {
    window.dispatchEvent(new CustomEvent("lsp:flush"));
    const uit = {};
    for (const spec of oefeningen) {
      const r = opslag.kijk(spec.id);
      const antw = r.status === "ok" ? schoonAntwoorden(spec, r.antwoorden).antwoorden : {};
      uit[spec.id] = { titel: spec.titel, vragen: vraagTeksten(spec), antwoorden: antw };
    }
    return uit;
  };
  const bestand = () => ({
    formaat: ANTWOORDEN_FORMAAT, versie: ANTWOORDEN_VERSIE, hoofdstuk,
    naam: inNaam.value.trim(), studentnummer: inNummer.value.trim(),
    datum: inDatum.value || vandaag(), oefeningen: verzamel(),
  });
  const naamIngevuld = () => {
    if (inNaam.value.trim() || inNummer.value.trim()) return true;
    meld("Vul eerst je naam of je studentnummer in.", "fout");
    inNaam.focus();
    return false;
  };

  const exporteer = () => {
    if (!naamIngevuld()) return;
    const b = bestand();
    const naam = `lsp-h${hoofdstuk}-${slug(b.naam || b.studentnummer) || "student"}-${b.datum}.json`;
    download(naam, JSON.stringify(b, null, 2), "application/json");
    meld(`Je antwoorden zijn gedownload als ${naam}.`);
  };

  let terugFocus = null;
  const sluitAfdruk = () => {
    document.querySelectorAll(".lsp-afdrukweergave").forEach((x) => x.remove());
    document.documentElement.classList.remove("lsp-afdrukmodus");
    if (terugFocus) terugFocus.focus();
  };
  const afdrukken = (e) => {
    if (!naamIngevuld()) return;
    terugFocus = e && e.currentTarget;
    const b = bestand();
    const kopId = uid("afdrukkop");
    const sluit = knop("Sluiten", sluitAfdruk);
    const blad = h("div", { class: "lsp-afdrukweergave lsp-root", role: "dialog", "aria-modal": "true", "aria-labelledby": kopId },
      h("div", { class: "lsp-knoppenrij lsp-niet-afdrukken" }, knop("Afdrukken of bewaren als pdf", () => window.print()), sluit),
      h("h1", { id: kopId, text: `Antwoorden ${hoofdstukNaam}` }),
      h("p", { dir: "auto", text: [b.naam && `Naam: ${b.naam}`, b.studentnummer && `Studentnummer: ${b.studentnummer}`, `Datum: ${b.datum}`].filter(Boolean).join(" · ") }));
    for (const spec of oefeningen) {
      const antw = b.oefeningen[spec.id].antwoorden;
      const sec = h("section", { class: "lsp-afdruk-oefening" }, h("h2", { dir: "auto", text: spec.titel }));
      if (spec.casus) sec.append(tekstblok(spec.casus, "lsp-casus"));
      for (const q of spec.vragen) {
        if (q.type === "informatie") continue;
        sec.append(h("div", { class: "lsp-afdruk-vraag" }, h("h3", { dir: "auto", text: vraagTekst(q) }), toonAntwoord(q, antw[q.id])));
      }
      blad.append(sec);
    }
    blad.addEventListener("keydown", (ev) => { if (ev.key === "Escape") sluitAfdruk(); });
    sluitAfdruk();
    document.body.append(blad);
    document.documentElement.classList.add("lsp-afdrukmodus");
    sluit.focus();
  };

  // import (restore from file)
  const bestandInvoer = h("input", { type: "file", accept: ".json,application/json", class: "lsp-verborgen", tabindex: "-1", "aria-hidden": "true" });
  const bevestigVak = h("div", { class: "lsp-bevestig", hidden: true });
  const vraagBevestiging = (tekst, jaTekst, ja) => {
    const jaKnop = knop(jaTekst, () => { bevestigVak.hidden = true; bevestigVak.replaceChildren(); ja(); }, { class: "lsp-knop lsp-gevaar" });
    const nee = knop("Annuleren", () => { bevestigVak.hidden = true; bevestigVak.replaceChildren(); meld("Er is niets veranderd."); });
    bevestigVak.replaceChildren(h("p", { text: tekst }), h("div", { class: "lsp-knoppenrij" }, jaKnop, nee));
    bevestigVak.hidden = false;
    nee.focus();
  };
  const leesBestand = (tekst) => {
    let data;
    try { data = JSON.parse(tekst); } catch (e) {
      return { fout: "Dit bestand is geen geldig JSON-bestand. Er is niets veranderd." };
    }
    if (!isObj(data) || data.formaat !== ANTWOORDEN_FORMAAT) return { fout: "Dit is geen antwoordbestand van dit boek. Er is niets veranderd." };
    if (data.versie !== ANTWOORDEN_VERSIE) return { fout: `Dit antwoordbestand heeft versie ${JSON.stringify(data.versie)}; dit boek leest versie ${ANTWOORDEN_VERSIE}. Er is niets veranderd.` };
    if (data.hoofdstuk !== hoofdstuk) return { fout: `Dit antwoordbestand hoort bij hoofdstuk ${JSON.stringify(data.hoofdstuk)}, dit blok bij ${hoofdstukNaam}. Er is niets veranderd.` };
    if (!isObj(data.oefeningen)) return { fout: "In dit antwoordbestand ontbreken de oefeningen. Er is niets veranderd." };
    const nieuw = {};
    let overgeslagen = 0;
    for (const spec of oefeningen) {
      const o = data.oefeningen[spec.id];
      if (!isObj(o) || !isObj(o.antwoorden)) continue;
      const r = schoonAntwoorden(spec, o.antwoorden);
      overgeslagen += r.overgeslagen;
      if (!isLeeg(r.antwoorden)) nieuw[spec.id] = r.antwoorden;
    }
    if (isLeeg(nieuw)) return { fout: "In dit bestand staan geen bruikbare antwoorden bij de oefeningen van dit hoofdstuk. Er is niets veranderd." };
    return { nieuw, overgeslagen, data };
  };
  const zetTerug = (r) => {
    window.dispatchEvent(new CustomEvent("lsp:flush"));
    let mislukt = 0;
    for (const [oid, antw] of Object.entries(r.nieuw)) {
      if (opslag.schrijf(oid, antw) !== "ok") mislukt += 1;
      meldWijziging(oid);
    }
    if (!inNaam.value && typeof r.data.naam === "string") inNaam.value = r.data.naam.slice(0, MAX_NAAM);
    if (!inNummer.value && typeof r.data.studentnummer === "string") inNummer.value = r.data.studentnummer.slice(0, 100);
    bewaarStudent();
    tekenOverzicht();
    const n = Object.keys(r.nieuw).length;
    let tekst = `Antwoorden teruggezet bij ${n} ${n === 1 ? "oefening" : "oefeningen"}.`;
    if (r.overgeslagen) tekst += ` ${r.overgeslagen} antwoord(en) pasten niet bij de vragen en zijn overgeslagen.`;
    if (mislukt) tekst = `Niet alles kon worden bewaard: je browser heeft geen ruimte meer (${mislukt} oefening(en)).`;
    meld(tekst, mislukt ? "fout" : "ok");
  };
  bestandInvoer.addEventListener("change", () => {
    const f = bestandInvoer.files && bestandInvoer.files[0];
    bestandInvoer.value = "";
    if (!f) return;
    if (f.size > 20 * 1024 * 1024) { meld("Dit bestand is te groot voor een antwoordbestand. Er is niets veranderd.", "fout"); return; }
    f.text().then((tekst) => {
      const r = leesBestand(tekst);
      if (r.fout) { meld(r.fout, "fout"); return; }
      const bestaand = Object.keys(r.nieuw).filter((oid) => {
        const k = opslag.kijk(oid);
        return k.status !== "leeg" && !(k.status === "ok" && isLeeg(k.antwoorden));
      });
      if (bestaand.length) {
        vraagBevestiging(`In deze browser staan al antwoorden bij ${bestaand.length} van deze oefeningen. Wil je ze vervangen door de antwoorden uit het bestand?`,
          "Ja, vervang mijn antwoorden", () => zetTerug(r));
      } else {
        zetTerug(r);
      }
    }, () => meld("Het bestand kon niet worden gelezen. Er is niets veranderd.", "fout"));
  });

  const wis = () => {
    vraagBevestiging(`Weet je zeker dat je al je antwoorden bij ${hoofdstukNaam} uit deze browser wilt wissen? Download ze eerst als je ze wilt bewaren.`,
      "Ja, wis mijn antwoorden", () => {
        window.dispatchEvent(new CustomEvent("lsp:flush"));
        for (const spec of oefeningen) { opslag.wis(spec.id); meldWijziging(spec.id); }
        tekenOverzicht();
        meld(`Je antwoorden bij ${hoofdstukNaam} zijn gewist.`);
      });
  };

  const titelId = uid("titel");
  el.replaceChildren(h("section", { class: "lsp-inleveren-kaart", "aria-labelledby": titelId },
    h("h3", { id: titelId, class: "lsp-titel", text: `Inleveren: ${hoofdstukNaam}` }),
    h("p", { text: "Je antwoorden worden alleen in deze browser bewaard. Download ze als bestand om ze in te leveren of op een andere computer verder te werken." }),
    overzicht,
    h("div", { class: "lsp-formrij" }, veldje("Naam", inNaam), veldje("Studentnummer", inNummer), veldje("Datum", inDatum)),
    h("div", { class: "lsp-knoppenrij" },
      knop("Download antwoorden (JSON)", exporteer),
      knop("Afdrukbare versie", afdrukken),
      knop("Antwoorden terugzetten uit bestand", () => bestandInvoer.click()),
      knop("Wis mijn antwoorden", wis, { class: "lsp-knop lsp-gevaar" })),
    bestandInvoer, bevestigVak, status));
  tekenOverzicht();
  const bijOpslag = () => tekenOverzicht();
  window.addEventListener("lsp:opgeslagen", bijOpslag);
  window.addEventListener("lsp:antwoorden", bijOpslag);
  return () => {
    window.removeEventListener("lsp:opgeslagen", bijOpslag);
    window.removeEventListener("lsp:antwoorden", bijOpslag);
  };
}

// ------------------------------------------------------------------------------------------------
// Entry point (anywidget and loader.js)
// ------------------------------------------------------------------------------------------------

export function render({ model, el }) {
  try {
    return model.get("soort") === "inleveren" ? renderInleveren(model, el) : renderOefening(model, el);
  } catch (e) {
    el.replaceChildren(h("p", { class: "lsp-fout", text: "Deze oefening kon niet worden getoond. Ververs de pagina; helpt dat niet, meld het dan aan je docent." }));
    console.error(e);
    return undefined;
  }
}

export default { render };
