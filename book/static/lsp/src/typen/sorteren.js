// Sorting: put each item in a category. Items in the student's own (seeded) order unless the
// spec fixes it. Feedback comes once every item is placed or the student asks ("Controleer"):
// per item a mark in words and a sign (not colour alone), the book's category and explanation,
// and a score "x van y zoals het boek". The placement at that first moment is kept (`eerste`).
//
// Answer: {indeling: {item: category}, eerste?: {item: category}, gecontroleerd?: true}
import { isObj, kloon } from "../basis.js";
import { h } from "../dom.js";
import { knop } from "../bediening.js";
import { heeftInhoud, toonVolgorde, vreemdeSleutels } from "./hulp.js";

function schoonIndeling(q, x) {
  const teksten = q.items.map((it) => it.tekst);
  const indeling = {};
  let verlies = false;
  for (const [item, cat] of Object.entries(x)) {
    if (teksten.includes(item) && typeof cat === "string" && q.categorieen.includes(cat)) indeling[item] = cat;
    else if (heeftInhoud(cat)) verlies = true;   // a renamed item or category
  }
  return [indeling, verlies];
}

// {goed, van}: placements equal to the book's, among the items the book places
export function score(q, indeling) {
  const metBoek = q.items.filter((it) => it.categorie);
  return { goed: metBoek.filter((it) => indeling[it.tekst] === it.categorie).length, van: metBoek.length };
}

const alles = (q, a) => !!a && q.items.every((it) => !!a.indeling[it.tekst]);

export const sorteren = {
  type: "sorteren",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || !isObj(a.indeling)) return undefined;
    let verlies = vreemdeSleutels(a, ["indeling", "volgorde", "eerste", "gecontroleerd"]).length > 0;
    const [indeling, v1] = schoonIndeling(q, a.indeling);
    const waarde = { indeling };
    verlies = verlies || v1;
    if (a.eerste !== undefined && a.eerste !== null) {
      if (isObj(a.eerste)) {
        const [eerste, v2] = schoonIndeling(q, a.eerste);
        waarde.eerste = eerste;
        verlies = verlies || v2;
      } else verlies = true;
    }
    if (a.gecontroleerd === true) waarde.gecontroleerd = true;
    else if (a.gecontroleerd !== undefined && a.gecontroleerd !== false && a.gecontroleerd !== null) verlies = true;
    // `volgorde` (the order shown) is not kept: the order follows from the student's seed
    return { waarde, verlies };
  },

  // Complete: every item placed.
  compleet: (q, a) => alles(q, a),

  label: (q) => q.vraag,

  leesbaar(q, a) {
    if (!a) return [];
    const regels = q.items.map((it) => {
      const cat = a.indeling[it.tekst];
      const boek = it.categorie ? ` (boek: ${it.categorie}${cat ? (cat === it.categorie ? ", goed" : ", anders dan het boek") : ""})` : "";
      return `${it.tekst} → ${cat || "(niet ingedeeld)"}${boek}`;
    });
    const sc = score(q, a.indeling);
    if (sc.van) regels.push(`Zoals het boek: ${sc.goed} van ${sc.van}`);
    if (a.eerste) {
      const e = score(q, a.eerste);
      regels.push(`Eerste controle: ${e.goed} van ${e.van} zoals het boek (${Object.keys(a.eerste).length} van ${q.items.length} ingedeeld)`);
    }
    return regels;
  },

  render(q, c) {
    const wrap = h("div", { class: "lsp-sorteren" });
    const huidig = () => kloon(c.get(q.id)) || { indeling: {} };
    const volgorde = toonVolgorde(q, q.items.length, null, c);
    const lijst = h("ul", { class: "lsp-sorteerlijst" });
    const samenvatting = h("p", { class: "lsp-status-regel" });
    const uitslag = h("p", { class: "lsp-score", "aria-live": "polite", id: c.uid(q.id + "-score") });
    const rijen = [];
    const zichtbaar = (a) => !!a.gecontroleerd || alles(q, a);
    const werkBij = () => {
      const a = huidig();
      samenvatting.textContent = `Ingedeeld: ${Object.keys(a.indeling).length} van ${q.items.length}.`;
      const toon = zichtbaar(a);
      for (const r of rijen) r(a, toon);
      uitslag.replaceChildren();
      if (!toon) return;
      const sc = score(q, a.indeling);
      const open = q.items.length - sc.van;
      uitslag.append(h("strong", { text: `${sc.goed} van ${sc.van} zoals het boek.` }),
        open ? ` Bij ${open === 1 ? "1 item" : open + " items"} legt het boek geen indeling vast.` : "");
    };
    // The first moment feedback shows: keep the placement then.
    const legVast = (b) => {
      b.gecontroleerd = true;
      if (!b.eerste) b.eerste = kloon(b.indeling);
    };
    volgorde.forEach((i) => {
      const item = q.items[i];
      const sid = c.uid(`${q.id}-item-${i}`);
      const select = h("select", { id: sid, class: "lsp-select" },
        h("option", { value: "", text: "— kies —" }),
        q.categorieen.map((cat) => h("option", { value: cat, text: cat })));
      select.value = huidig().indeling[item.tekst] || "";
      const fb = h("div", { class: "lsp-feedback" });
      const li = h("li", { class: "lsp-sorteer-item" });
      rijen.push((a, toon) => {
        fb.replaceChildren();
        li.classList.remove("lsp-goed", "lsp-anders");
        if (!toon) return;
        const keuze = a.indeling[item.tekst];
        if (!item.categorie) {
          fb.append(h("p", null, h("strong", { text: "○ Open: " }),
            "het boek legt hier geen indeling vast. Bespreek je keuze met een medestudent."));
        } else if (!keuze) {
          fb.append(h("p", null, h("strong", { text: "– Nog niet ingedeeld. " }), `Het boek: "${item.categorie}".`));
        } else if (keuze === item.categorie) {
          li.classList.add("lsp-goed");
          fb.append(h("p", null, h("strong", { text: "✓ Goed: " }), `het boek deelt dit ook in bij "${item.categorie}".`));
        } else {
          li.classList.add("lsp-anders");
          fb.append(h("p", null, h("strong", { text: "✗ Anders dan het boek: " }), `het boek deelt dit in bij "${item.categorie}".`));
        }
        if (item.uitleg) fb.append(h("p", { text: item.uitleg }));
      });
      select.addEventListener("change", () => {
        const b = huidig();
        if (select.value) b.indeling[item.tekst] = select.value;
        else delete b.indeling[item.tekst];
        if (alles(q, b)) legVast(b);
        c.set(q.id, b);
        werkBij();
      });
      li.append(h("label", { for: sid, class: "lsp-label", dir: "auto", text: item.tekst }), select, fb);
      lijst.append(li);
    });
    const controleer = knop("Controleer", () => {
      const b = huidig();
      legVast(b);
      c.set(q.id, b);
      werkBij();
      const sc = score(q, b.indeling);
      c.meld(`${sc.goed} van ${sc.van} zoals het boek.`);
    }, { class: "lsp-knop lsp-controleer", "aria-controls": uitslag.id });
    wrap.append(h("p", { class: "lsp-hint", text: "Deel elk item in. Als alles is ingedeeld (of als je op Controleer drukt), zie je per item wat het boek zegt." }),
      lijst, samenvatting, h("div", { class: "lsp-knoppenrij" }, controleer), uitslag);
    werkBij();
    return wrap;
  },
};
