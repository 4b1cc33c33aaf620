// Sorting: put each item in a category; the book's category and explanation as feedback.
import { isObj, kloon } from "../basis.js";
import { h } from "../dom.js";
import { heeftInhoud, vreemdeSleutels } from "./hulp.js";

export const sorteren = {
  type: "sorteren",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || !isObj(a.indeling)) return undefined;
    let verlies = vreemdeSleutels(a, ["indeling"]).length > 0;
    const teksten = q.items.map((it) => it.tekst);
    const indeling = {};
    for (const [item, cat] of Object.entries(a.indeling)) {
      if (teksten.includes(item) && typeof cat === "string" && q.categorieen.includes(cat)) indeling[item] = cat;
      else if (heeftInhoud(cat)) verlies = true;   // a renamed item or category
    }
    return { waarde: { indeling }, verlies };
  },

  // Complete: every item placed.
  compleet: (q, a) => !!a && q.items.every((it) => !!a.indeling[it.tekst]),

  label: (q) => q.vraag,

  leesbaar: (q, a) => (a ? q.items.map((it) => `${it.tekst} → ${a.indeling[it.tekst] || "(niet ingedeeld)"}`) : []),

  render(q, c) {
    const wrap = h("div", { class: "lsp-sorteren" });
    const huidig = () => kloon(c.get(q.id)) || { indeling: {} };
    const lijst = h("ul", { class: "lsp-sorteerlijst" });
    const samenvatting = h("p", { class: "lsp-status-regel" });
    const werkSamenvattingBij = () => {
      samenvatting.textContent = `Ingedeeld: ${Object.keys(huidig().indeling).length} van ${q.items.length}.`;
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
  },
};
