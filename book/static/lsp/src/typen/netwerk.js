// Network map (ecogram): a form to add people and organisations, an SVG drawing, and a table
// with the same data (the table is the accessible version and the place to change or remove).
import { DEFAULT_KNOOP_WOORD, DEFAULT_SOORTEN, KWALITEITEN, MAX_KNOPEN, MAX_NAAM, STERKTES } from "../constanten.js";
import { isObj, kloon } from "../basis.js";
import { SVG_NS, download, h, s } from "../dom.js";
import { knop, veldje } from "../bediening.js";
import { vreemdeSleutels } from "./hulp.js";

const KWALITEIT_STIJL = {
  steunend: { dash: null, label: "steunend (doorgetrokken lijn)" },
  neutraal: { dash: "8 5", label: "neutraal (gestreepte lijn)" },
  belastend: { dash: "2 5", label: "belastend (gestippelde lijn)" },
};

const soortenVan = (q) => (q.soorten && q.soorten.length ? q.soorten : DEFAULT_SOORTEN);
// What a node is called in this question ("persoon of organisatie", or e.g. "actor").
const woordVan = (q) => ({ ...DEFAULT_KNOOP_WOORD, ...(q.knoop_woord || {}) });
const telWoord = (q, n) => `${n} ${n === 1 ? woordVan(q).enkelvoud : woordVan(q).meervoud}`;
const hoofdletter = (t) => t.charAt(0).toUpperCase() + t.slice(1);
const knoopTekst = (k) => `${k.naam} (${k.soort}, ${STERKTES[k.sterkte]}, ${k.kwaliteit})`;

// One node, or undefined when it does not fit the shape (it is then left out and set aside).
function schoneKnoop(k) {
  if (!isObj(k) || typeof k.naam !== "string" || !k.naam.trim() || k.naam.length > MAX_NAAM) return undefined;
  if (typeof k.soort !== "string" || k.soort.length > MAX_NAAM) return undefined;
  if (![1, 2, 3].includes(k.sterkte) || !KWALITEITEN.includes(k.kwaliteit)) return undefined;
  if (vreemdeSleutels(k, ["naam", "soort", "sterkte", "kwaliteit"]).length) return undefined;
  return { naam: k.naam, soort: k.soort, sterkte: k.sterkte, kwaliteit: k.kwaliteit };
}

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

  render(q, c) {
    const soorten = soortenVan(q);
    const wrap = h("div", { class: "lsp-netwerk" });
    const huidig = () => kloon(c.get(q.id)) || { knopen: kloon(q.startknopen || []) };
    const bewaar = (a) => { c.set(q.id, a); teken(); };

    const fNaam = h("input", { type: "text", id: c.uid(q.id + "-naam"), class: "lsp-invoer-kort", maxlength: MAX_NAAM, dir: "auto", autocomplete: "off" });
    const fSoort = h("select", { id: c.uid(q.id + "-soort"), class: "lsp-select" }, soorten.map((x) => h("option", { value: x, text: x })));
    const fSterkte = h("select", { id: c.uid(q.id + "-sterkte"), class: "lsp-select" },
      [1, 2, 3].map((n) => h("option", { value: String(n), text: `${n} – ${STERKTES[n]}`, selected: n === 2 })));
    const fKwal = h("select", { id: c.uid(q.id + "-kwaliteit"), class: "lsp-select" }, KWALITEITEN.map((x) => h("option", { value: x, text: x })));
    const toevoegen = `${hoofdletter(woordVan(q).enkelvoud)} toevoegen`;
    const form = h("form", { class: "lsp-netwerk-form", "aria-label": `${toevoegen} aan het netwerk van ${q.centrum}` },
      h("p", { class: "lsp-formkop", text: toevoegen }),
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
      c.meld(`${naam} is toegevoegd. Het netwerk telt nu ${telWoord(q, a.knopen.length)}.`);
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
        s("desc", { id: descId }, `${hoofdletter(telWoord(q, knopen.length))} rond ${q.centrum}. Dezelfde gegevens staan in de tabel hieronder.`));
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
          s("title", null, knoopTekst(k)),
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
        body.append(h("tr", null, h("th", { scope: "row", dir: "auto", text: k.naam }), h("td", { text: k.soort }),
          h("td", null, sterkte), h("td", null, kwal), h("td", null, weg)));
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
  },
};
