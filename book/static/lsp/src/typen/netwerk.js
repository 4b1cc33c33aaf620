// Network map (ecogram): a form to add people and organisations (or what the question calls its
// nodes, `knoop_woord`), an SVG drawing with a legend, and a table with the same data (the table
// is the accessible version and the place to change or remove). The drawing never cuts a name:
// long names wrap. Export as PNG and SVG carries a title and the legend; the print view of the
// hand-in block draws the same picture and a table (`afdruk`).
import { DEFAULT_KNOOP_WOORD, DEFAULT_SOORTEN, KWALITEITEN, MAX_KNOPEN, MAX_NAAM, STERKTES } from "../constanten.js";
import { isObj, kloon } from "../basis.js";
import { download, h, s } from "../dom.js";
import { knop, veldje } from "../bediening.js";
import { vreemdeSleutels } from "./hulp.js";

const KWALITEIT_STIJL = {
  steunend: { dash: null, label: "steunend (doorgetrokken lijn)" },
  neutraal: { dash: "8 5", label: "neutraal (gestreepte lijn)" },
  belastend: { dash: "2 5", label: "belastend (gestippelde lijn)" },
};
// Fixed colours for export and print (the screen takes them from oefening.css, light and dark):
// the kinds as data-soort 0..5, the lines per quality.
export const SOORT_KLEUREN = Object.freeze(["#ffffff", "#9ecae1", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1"]);
const LIJN_KLEUREN = { steunend: "#1a7f37", neutraal: "#57606a", belastend: "#b3261e" };
const DIKTE = [0, 1.5, 3.5, 6.5];
const TEKST_KLEUR = "#1f2328";
const LETTERTYPE = "DejaVu Sans, Arial, Helvetica, sans-serif";
const LETTER = 13;                 // font size of a name (px in the drawing)
const REGEL = 15;                  // line height of a name
const TEKEN_BREED = 0.62;          // estimated width of a character, in font sizes (generous)

const soortenVan = (q) => (q.soorten && q.soorten.length ? q.soorten : DEFAULT_SOORTEN);
// What a node is called in this question ("persoon of organisatie", or e.g. "actor").
const woordVan = (q) => ({ ...DEFAULT_KNOOP_WOORD, ...(q.knoop_woord || {}) });
const telWoord = (q, n) => `${n} ${n === 1 ? woordVan(q).enkelvoud : woordVan(q).meervoud}`;
const hoofdletter = (t) => t.charAt(0).toUpperCase() + t.slice(1);
const knoopTekst = (k) => `${k.naam} (${k.soort}, ${STERKTES[k.sterkte]}, ${k.kwaliteit})`;
const soortNr = (soorten, soort) => Math.max(0, soorten.indexOf(soort)) % SOORT_KLEUREN.length;
const breedteVan = (regel, grootte = LETTER) => [...regel].length * grootte * TEKEN_BREED;

// A name in lines of at most `max` characters, split between words; a word longer than a line is
// split too. Nothing is left out: joined, the lines hold every character of the name.
export function breekRegels(tekst, max) {
  const regels = [];
  let regel = "";
  for (const woord of String(tekst).trim().split(/\s+/).filter(Boolean)) {
    let tekens = [...woord];
    while (tekens.length > max) {
      if (regel) { regels.push(regel); regel = ""; }
      regels.push(tekens.slice(0, max).join(""));
      tekens = tekens.slice(max);
    }
    const w = tekens.join("");
    if (!w) continue;
    if (!regel) regel = w;
    else if ([...regel].length + 1 + tekens.length <= max) regel += " " + w;
    else { regels.push(regel); regel = w; }
  }
  if (regel) regels.push(regel);
  return regels;
}

// Where everything goes (pure): the centre, each node on an ellipse (grouped by kind), each name
// left or right of its node, in lines. `smal`: a tall layout for a phone.
export function kaartIndeling(q, knopen, smal = false) {
  const soorten = soortenVan(q);
  const max = smal ? 11 : 24;
  const centrumRegels = breekRegels(q.centrum, smal ? 10 : 14);
  const cw = Math.max(...centrumRegels.map((r) => breedteVan(r, 14)));
  const r = Math.max(40, Math.ceil(Math.hypot(cw, centrumRegels.length * 17) / 2) + 6);
  const rx = Math.max(smal ? 100 : 205, r + 45);
  const ry = Math.max(smal ? 200 : 160, r + 45);
  const gesorteerd = knopen.map((k, i) => ({ k, i })).sort((x, y) =>
    (soorten.indexOf(x.k.soort) - soorten.indexOf(y.k.soort)) || (x.i - y.i));
  const n = gesorteerd.length;
  const punten = gesorteerd.map(({ k }, j) => {
    const hoek = -Math.PI / 2 + (2 * Math.PI * j) / Math.max(n, 1);
    const x = Math.cos(hoek) * rx, y = Math.sin(hoek) * ry;
    return { k, x, y, rechts: Math.cos(hoek) >= -0.01, regels: breekRegels(k.naam, max), soort: soortNr(soorten, k.soort) };
  });
  // the extent of the drawing, names included (estimated; the browser refines it, see past())
  let minX = -rx - 10, maxX = rx + 10, minY = -ry - 10, maxY = ry + 10;
  for (const p of punten) {
    const w = Math.max(...p.regels.map((x) => breedteVan(x)));
    const hoogte = p.regels.length * REGEL;
    if (p.rechts) maxX = Math.max(maxX, p.x + 11 + w); else minX = Math.min(minX, p.x - 11 - w);
    minY = Math.min(minY, p.y - hoogte / 2 - 4);
    maxY = Math.max(maxY, p.y + hoogte / 2 + 4);
  }
  return { r, centrumRegels, punten, vak: { minX: minX - 8, minY: minY - 8, maxX: maxX + 8, maxY: maxY + 8 } };
}

// A <text> of several lines around (x, y).
function regelTekst(regels, x, y, attrs, regelHoogte = REGEL) {
  const t = s("text", { x, y, ...attrs });
  regels.forEach((regel, i) => {
    t.append(s("tspan", { x, y: y + 4 + (i - (regels.length - 1) / 2) * regelHoogte }, regel));
  });
  return t;
}

// The map itself as an SVG group, centre at (0, 0). `vast`: fixed colours as attributes (export
// and print, where the page's stylesheet does not reach); otherwise classes (screen).
function kaartGroep(ind, centrum, vast) {
  const lijnen = s("g");
  const punten = s("g");
  for (const { k, x, y, rechts, regels, soort } of ind.punten) {
    lijnen.append(s("line", {
      x1: 0, y1: 0, x2: x, y2: y, class: `lsp-lijn lsp-lijn-${k.kwaliteit}`,
      "stroke-width": DIKTE[k.sterkte], "stroke-dasharray": KWALITEIT_STIJL[k.kwaliteit].dash,
      stroke: vast ? LIJN_KLEUREN[k.kwaliteit] : null, fill: vast ? "none" : null,
    }));
    punten.append(s("g", { class: "lsp-knoop" },
      s("title", null, knoopTekst(k)),
      s("circle", { cx: x, cy: y, r: 7, class: "lsp-knoop-punt", "data-soort": String(soort),
        fill: vast ? SOORT_KLEUREN[soort] : null, stroke: vast ? TEKST_KLEUR : null, "stroke-width": vast ? 2 : null }),
      regelTekst(regels, x + (rechts ? 11 : -11), y, { "text-anchor": rechts ? "start" : "end", class: "lsp-knoop-tekst",
        fill: vast ? TEKST_KLEUR : null, "font-size": vast ? LETTER : null, "font-family": vast ? LETTERTYPE : null })));
  }
  return s("g", { class: "lsp-kaart" }, lijnen, punten,
    s("circle", { cx: 0, cy: 0, r: ind.r, class: "lsp-centrum",
      fill: vast ? "#ffffff" : null, stroke: vast ? "#1a5fb4" : null, "stroke-width": vast ? 4 : null }),
    regelTekst(ind.centrumRegels, 0, 0, { "text-anchor": "middle", class: "lsp-centrum-tekst",
      fill: vast ? TEKST_KLEUR : null, "font-size": vast ? 14 : null, "font-weight": vast ? 700 : null,
      "font-family": vast ? LETTERTYPE : null }, 17));
}

// The legend for a picture that leaves the page (export, print): kinds on the map, the three
// line styles and what the thickness means. -> {groep, breedte, hoogte}
function legendaGroep(q, knopen, breedte) {
  const soorten = soortenVan(q);
  const gebruikt = soorten.filter((so) => knopen.some((k) => k.soort === so));
  const g = s("g", { class: "lsp-kaart-legenda" });
  const tekst = (x, y, t, extra = {}) => s("text", { x, y, fill: TEKST_KLEUR, "font-size": 13, "font-family": LETTERTYPE, ...extra }, t);
  let y = 0;
  const rij = (kop, delen) => {              // delen: [{teken(x, y), tekst}] in rows that fit
    g.append(tekst(0, y + 14, kop, { "font-weight": 700 }));
    y += 22;
    let x = 0;
    for (const d of delen) {
      const w = 34 + breedteVan(d.tekst) + 18;
      if (x > 0 && x + w > breedte) { x = 0; y += 22; }
      g.append(d.teken(x, y), tekst(x + 34, y + 14, d.tekst));
      x += w;
    }
    y += 28;
  };
  if (gebruikt.length) {
    rij("Soort", gebruikt.map((so) => ({
      tekst: so,
      teken: (x, yy) => s("circle", { cx: x + 14, cy: yy + 9, r: 7, fill: SOORT_KLEUREN[soortNr(soorten, so)], stroke: TEKST_KLEUR, "stroke-width": 2 }),
    })));
  }
  rij("Band", KWALITEITEN.map((kw) => ({
    tekst: KWALITEIT_STIJL[kw].label,
    teken: (x, yy) => s("line", { x1: x, y1: yy + 9, x2: x + 28, y2: yy + 9, stroke: LIJN_KLEUREN[kw], "stroke-width": 3,
      "stroke-dasharray": KWALITEIT_STIJL[kw].dash }),
  })));
  g.append(tekst(0, y + 14, "Dikte van de lijn: hoe sterk de band is (1 zwak, 2 gemiddeld, 3 sterk)."));
  return { groep: g, hoogte: y + 22 };
}

// A picture of the map that stands on its own (export, print): title, map, legend, fixed colours.
export function losseKaart(q, knopen, smal = false) {
  const ind = kaartIndeling(q, knopen, smal);
  const { vak } = ind;
  const mapB = vak.maxX - vak.minX;
  const titel = `Netwerkkaart rond ${q.centrum}`;
  const titelRegels = breekRegels(titel, Math.max(30, Math.floor(mapB / (18 * TEKEN_BREED))));
  const breedte = Math.max(mapB, 420);
  const titelH = titelRegels.length * 24 + 12;
  const legenda = legendaGroep(q, knopen, breedte);
  const hoogte = titelH + (vak.maxY - vak.minY) + 16 + legenda.hoogte;
  const svg = s("svg", { viewBox: `0 0 ${breedte + 32} ${hoogte + 32}`, width: breedte + 32, height: hoogte + 32,
    role: "img", "aria-label": `${titel}: ${telWoord(q, knopen.length)}` },
  s("title", null, titel),
  s("rect", { x: -10000, y: -10000, width: 20000, height: 20000, fill: "#ffffff", class: "lsp-kaart-achtergrond" }));
  const inhoud = s("g", { transform: "translate(16 16)" });
  const kop = s("text", { x: 0, y: 0, fill: TEKST_KLEUR, "font-size": 18, "font-weight": 700, "font-family": LETTERTYPE, class: "lsp-kaart-titel" });
  titelRegels.forEach((r, i) => kop.append(s("tspan", { x: 0, y: 20 + i * 24 }, r)));
  const kaart = kaartGroep(ind, q.centrum, true);
  kaart.setAttribute("transform", `translate(${(breedte - mapB) / 2 - vak.minX} ${titelH - vak.minY})`);
  legenda.groep.setAttribute("transform", `translate(0 ${titelH + (vak.maxY - vak.minY) + 16})`);
  inhoud.append(kop, kaart, legenda.groep);
  svg.append(inhoud);
  return svg;
}

// Fit the viewBox to what the browser actually drew (names are measured, not estimated). Only
// for an SVG in the document; grows the box, never shrinks it below the estimate.
export function past(svg, marge = 12) {
  if (!svg.isConnected || typeof svg.getBBox !== "function") return;
  try { if (!svg.getBBox().width) return; } catch (e) { return; }
  const [x0, y0, w0, h0] = svg.getAttribute("viewBox").split(/\s+/).map(Number);
  const inhoud = [...svg.children].filter((el) => typeof el.getBBox === "function" && el.tagName !== "rect");
  let minX = x0, minY = y0, maxX = x0 + w0, maxY = y0 + h0;
  for (const el of inhoud) {
    const bb = el.getBBox();
    const m = el.transform && el.transform.baseVal.consolidate();
    const dx = m ? m.matrix.e : 0, dy = m ? m.matrix.f : 0;
    minX = Math.min(minX, bb.x + dx - marge); minY = Math.min(minY, bb.y + dy - marge);
    maxX = Math.max(maxX, bb.x + dx + bb.width + marge); maxY = Math.max(maxY, bb.y + dy + bb.height + marge);
  }
  svg.setAttribute("viewBox", `${minX} ${minY} ${maxX - minX} ${maxY - minY}`);
  if (svg.hasAttribute("width")) { svg.setAttribute("width", maxX - minX); svg.setAttribute("height", maxY - minY); }
}

// An export: the stand-alone picture, measured in the document, as SVG text.
function exportSvgTekst(q, knopen) {
  const svg = losseKaart(q, knopen);
  const vak = h("div", { style: "position:absolute;left:-100000px;top:0;visibility:hidden", "aria-hidden": "true" }, svg);
  document.body.append(vak);
  try { past(svg, 16); } finally { vak.remove(); }
  return { tekst: new XMLSerializer().serializeToString(svg), breedte: Number(svg.getAttribute("width")), hoogte: Number(svg.getAttribute("height")) };
}

// One node, or undefined when it does not fit the shape (it is then left out and set aside).
function schoneKnoop(k) {
  if (!isObj(k) || typeof k.naam !== "string" || !k.naam.trim() || k.naam.length > MAX_NAAM) return undefined;
  if (typeof k.soort !== "string" || k.soort.length > MAX_NAAM) return undefined;
  if (![1, 2, 3].includes(k.sterkte) || !KWALITEITEN.includes(k.kwaliteit)) return undefined;
  if (vreemdeSleutels(k, ["naam", "soort", "sterkte", "kwaliteit"]).length) return undefined;
  return { naam: k.naam, soort: k.soort, sterkte: k.sterkte, kwaliteit: k.kwaliteit };
}

const SMAL = "(max-width: 600px)";
const isSmal = () => typeof window !== "undefined" && !!window.matchMedia && window.matchMedia(SMAL).matches;

export const netwerk = {
  type: "netwerk",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || !Array.isArray(a.knopen)) return undefined;
    let verlies = vreemdeSleutels(a, ["knopen"]).length > 0 || a.knopen.length > MAX_KNOPEN;
    const knopen = [];
    for (const k of a.knopen.slice(0, MAX_KNOPEN)) {
      const schoon = schoneKnoop(k);
      if (schoon) knopen.push(schoon);
      else verlies = true;
    }
    return { waarde: { knopen }, verlies };
  },

  // Complete: the student made the map (an answer exists) and it is not empty.
  compleet: (q, a) => !!a && a.knopen.length > 0,

  label: (q) => q.vraag,

  leesbaar: (q, a) => (a ? a.knopen.map(knoopTekst) : []),

  // The print view of the hand-in block: the picture (title, legend) and the table.
  afdruk(q, a) {
    if (!a || !a.knopen.length) return null;
    const svg = losseKaart(q, a.knopen);
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("style", "width:100%;max-width:32rem;height:auto;display:block");
    const tabel = h("table", { class: "lsp-tabel" },
      h("caption", { text: `Netwerk van ${q.centrum} als tabel` }),
      h("thead", null, h("tr", null, ["Naam", "Soort", "Sterkte", "Kwaliteit"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", null, a.knopen.map((k) => h("tr", null, h("th", { scope: "row", dir: "auto", text: k.naam }),
        h("td", { text: k.soort }), h("td", { text: `${k.sterkte} – ${STERKTES[k.sterkte]}` }), h("td", { text: k.kwaliteit })))));
    requestAnimationFrame(() => past(svg));
    return h("div", { class: "lsp-netwerk-afdruk" }, svg, tabel);
  },

  render(q, c) {
    const soorten = soortenVan(q);
    const woord = woordVan(q);
    const wrap = h("div", { class: "lsp-netwerk" });
    const huidig = () => kloon(c.get(q.id)) || { knopen: kloon(q.startknopen || []) };
    const bewaar = (a) => { c.set(q.id, a); teken(); };

    const foutId = c.uid(q.id + "-naamfout");
    const fNaam = h("input", { type: "text", id: c.uid(q.id + "-naam"), class: "lsp-invoer-kort", maxlength: MAX_NAAM, dir: "auto", autocomplete: "off" });
    // the message at the field ("lsp-fout" only while shown: that class marks an error on the page)
    const fout = h("p", { class: "lsp-netwerk-fout", id: foutId, hidden: true });
    const toonFout = (tekst) => {
      fout.textContent = tekst;
      fout.hidden = !tekst;
      fout.classList.toggle("lsp-fout", !!tekst);
      if (tekst) { fNaam.setAttribute("aria-invalid", "true"); fNaam.setAttribute("aria-describedby", foutId); }
      else { fNaam.removeAttribute("aria-invalid"); fNaam.removeAttribute("aria-describedby"); }
    };
    fNaam.addEventListener("input", () => { if (fNaam.value.trim()) toonFout(""); });
    const fSoort = h("select", { id: c.uid(q.id + "-soort"), class: "lsp-select" }, soorten.map((x) => h("option", { value: x, text: x })));
    const fSterkte = h("select", { id: c.uid(q.id + "-sterkte"), class: "lsp-select" },
      [1, 2, 3].map((n) => h("option", { value: String(n), text: `${n} – ${STERKTES[n]}`, selected: n === 2 })));
    const fKwal = h("select", { id: c.uid(q.id + "-kwaliteit"), class: "lsp-select" }, KWALITEITEN.map((x) => h("option", { value: x, text: x })));
    const toevoegen = `${hoofdletter(woord.enkelvoud)} toevoegen`;
    const form = h("form", { class: "lsp-netwerk-form", "aria-label": `${toevoegen} aan het netwerk van ${q.centrum}`, novalidate: true },
      h("p", { class: "lsp-formkop", text: toevoegen }),
      h("div", { class: "lsp-formrij" }, veldje("Naam", fNaam), veldje("Soort", fSoort), veldje("Sterkte van de band", fSterkte), veldje("Kwaliteit", fKwal)),
      fout,
      h("button", { type: "submit", class: "lsp-knop", text: "Toevoegen" }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const naam = fNaam.value.trim();
      if (!naam) {
        const t = `Vul eerst een naam in: wie of wat wil je toevoegen aan het netwerk van ${q.centrum}?`;
        toonFout(t); c.meld(t); fNaam.focus(); return;
      }
      const a = huidig();
      if (a.knopen.length >= MAX_KNOPEN) {
        const t = `Je kunt hoogstens ${MAX_KNOPEN} ${woord.meervoud} toevoegen. Verwijder er eerst een.`;
        toonFout(t); c.meld(t); return;
      }
      toonFout("");
      a.knopen.push({ naam, soort: fSoort.value, sterkte: Number(fSterkte.value), kwaliteit: fKwal.value });
      bewaar(a);
      fNaam.value = "";
      fNaam.focus();
      c.meld(`${naam} is toegevoegd. Het netwerk telt nu ${telWoord(q, a.knopen.length)}.`);
    });

    const breedte = h("p", { class: "lsp-breedte", "aria-live": "polite" });
    const svgVak = h("div", { class: "lsp-svgvak" });
    const tabelVak = h("div", { class: "lsp-tabelvak" });
    const rondje = (nr) => s("svg", { width: 18, height: 18, viewBox: "0 0 18 18", "aria-hidden": "true", focusable: "false" },
      s("circle", { cx: 9, cy: 9, r: 7, class: "lsp-knoop-punt", "data-soort": String(nr) }));
    const legenda = h("div", { class: "lsp-netwerk-legenda" },
      h("p", { class: "lsp-formkop", text: "Legenda" }),
      h("ul", { class: "lsp-legenda", "aria-label": "Legenda: kleuren van de stippen" },
        soorten.map((so) => h("li", null, rondje(soortNr(soorten, so)), " ", so))),
      h("ul", { class: "lsp-legenda", "aria-label": "Legenda: lijnen" },
        KWALITEITEN.map((kw) => h("li", null, s("svg", { width: 44, height: 12, "aria-hidden": "true", focusable: "false" },
          s("line", { x1: 2, y1: 6, x2: 42, y2: 6, class: `lsp-lijn lsp-lijn-${kw}`, "stroke-width": 3, "stroke-dasharray": KWALITEIT_STIJL[kw].dash })), " ", KWALITEIT_STIJL[kw].label)),
        h("li", null, "Dikte van de lijn: hoe sterk de band is (1 zwak, 2 gemiddeld, 3 sterk)")));
    const bestandNaam = `netwerk-${c.id}-${q.id}`;
    const exportRij = h("div", { class: "lsp-knoppenrij" },
      knop("Download als afbeelding (PNG)", () => exportPng()),
      knop("Download als SVG", () => download(`${bestandNaam}.svg`,
        '<?xml version="1.0" encoding="UTF-8"?>\n' + exportSvgTekst(q, huidig().knopen).tekst, "image/svg+xml")),
      knop("Download als JSON", () => download(`${bestandNaam}.json`,
        JSON.stringify({ centrum: q.centrum, knopen: huidig().knopen }, null, 2), "application/json")));

    const titelId = c.uid(q.id + "-svgtitel");
    const descId = c.uid(q.id + "-svgdesc");
    let smal = isSmal();

    function tekenSvg(knopen) {
      const ind = kaartIndeling(q, knopen, smal);
      const { vak } = ind;
      const svg = s("svg", { viewBox: `${vak.minX} ${vak.minY} ${vak.maxX - vak.minX} ${vak.maxY - vak.minY}`,
        class: "lsp-netwerk-svg", role: "img", "aria-labelledby": `${titelId} ${descId}` },
      s("title", { id: titelId }, `Netwerkkaart rond ${q.centrum}`),
      s("desc", { id: descId }, `${hoofdletter(telWoord(q, knopen.length))} rond ${q.centrum}. Dezelfde gegevens staan in de tabel hieronder.`),
      kaartGroep(ind, q.centrum, false));
      svgVak.replaceChildren(svg);
      if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => past(svg, 8));
    }

    function tekenTabel(knopen) {
      // on a phone two columns, so nothing needs a sideways swipe
      const kolommen = smal ? ["Naam en soort", "Band"] : ["Naam", "Soort", "Sterkte", "Kwaliteit", "Actie"];
      const tabel = h("table", { class: "lsp-tabel" },
        h("caption", { text: `Netwerk van ${q.centrum} als tabel` }),
        h("thead", null, h("tr", null, kolommen.map((t) => h("th", { scope: "col", text: t })))));
      const body = h("tbody");
      if (!knopen.length) body.append(h("tr", null, h("td", { colspan: kolommen.length, text: `Nog geen ${woord.meervoud} toegevoegd.` })));
      knopen.forEach((k, i) => {
        const wijzig = (veld, waarde) => { const a = huidig(); a.knopen[i][veld] = waarde; c.set(q.id, a); tekenSvg(a.knopen); };
        const sterkte = h("select", { class: "lsp-select", id: c.uid(`${q.id}-sterkte-${i}`), "aria-label": `Sterkte van de band met ${k.naam}` },
          [1, 2, 3].map((n) => h("option", { value: String(n), text: `${n} – ${STERKTES[n]}` })));
        sterkte.value = String(k.sterkte);
        sterkte.addEventListener("change", () => wijzig("sterkte", Number(sterkte.value)));
        const kwal = h("select", { class: "lsp-select", id: c.uid(`${q.id}-kwaliteit-${i}`), "aria-label": `Kwaliteit van de band met ${k.naam}` },
          KWALITEITEN.map((x) => h("option", { value: x, text: x })));
        kwal.value = k.kwaliteit;
        kwal.addEventListener("change", () => wijzig("kwaliteit", kwal.value));
        const weg = knop("Verwijder", () => {
          const a = huidig();
          a.knopen.splice(i, 1);
          bewaar(a);
          c.meld(`${k.naam} is verwijderd. Het netwerk telt nu ${telWoord(q, a.knopen.length)}.`);
          const rest = tabelVak.querySelectorAll("button.lsp-verwijder");
          (rest[Math.min(i, rest.length - 1)] || fNaam).focus();
        }, { "aria-label": `Verwijder ${k.naam}`, class: "lsp-knop lsp-klein lsp-verwijder" });
        if (smal) {
          const blok = "display:block;width:100%;max-width:14rem;margin:0.15rem 0";
          sterkte.setAttribute("style", blok);
          kwal.setAttribute("style", blok);
          body.append(h("tr", null, h("th", { scope: "row", dir: "auto" }, k.naam, h("br"), h("span", { style: "font-weight:normal", text: k.soort })),
            h("td", null, sterkte, kwal, weg)));
        } else {
          body.append(h("tr", null, h("th", { scope: "row", dir: "auto", text: k.naam }), h("td", { text: k.soort }),
            h("td", null, sterkte), h("td", null, kwal), h("td", null, weg)));
        }
      });
      tabel.append(body);
      tabelVak.replaceChildren(tabel);
    }

    function teken() {
      const a = huidig();
      const soortenGebruikt = [...new Set(a.knopen.map((k) => k.soort))];
      breedte.textContent = `Breedte van het netwerk: ${telWoord(q, a.knopen.length)}, ` +
        `uit ${soortenGebruikt.length} ${soortenGebruikt.length === 1 ? "soort" : "soorten"}` +
        (soortenGebruikt.length ? ` (${soortenGebruikt.join(", ")}).` : ".");
      tekenSvg(a.knopen);
      tekenTabel(a.knopen);
    }

    function exportPng() {
      const { tekst, breedte: W, hoogte: H } = exportSvgTekst(q, huidig().knopen);
      const url = URL.createObjectURL(new Blob([tekst], { type: "image/svg+xml" }));
      const img = new Image();
      img.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = Math.ceil(W * 2); canvas.height = Math.ceil(H * 2);
        const ctx = canvas.getContext("2d");
        ctx.scale(2, 2);
        ctx.drawImage(img, 0, 0, W, H);
        URL.revokeObjectURL(url);
        canvas.toBlob((blob) => { if (blob) download(`${bestandNaam}.png`, blob); }, "image/png");
      };
      img.onerror = () => { URL.revokeObjectURL(url); c.meld("De afbeelding kon niet worden gemaakt. Download de SVG of de JSON, of maak een schermafdruk."); };
      img.src = url;
    }

    // A phone turned, or a window made narrow: redraw in the layout that fits.
    if (typeof window !== "undefined" && window.matchMedia) {
      const mq = window.matchMedia(SMAL);
      const wissel = () => {
        if (!wrap.isConnected) { mq.removeEventListener("change", wissel); return; }
        smal = mq.matches;
        tekenSvg(huidig().knopen);
        tekenTabel(huidig().knopen);
      };
      mq.addEventListener("change", wissel);
    }

    wrap.append(form, breedte, svgVak, legenda, tabelVak, exportRij);
    teken();
    return wrap;
  },
};
