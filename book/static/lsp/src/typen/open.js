// Open question: free text, with optional kijkpunten to compare with after writing.
import { isObj, nietLeeg } from "../basis.js";
import { h } from "../dom.js";
import { knop, tekstveld } from "../bediening.js";
import { vreemdeSleutels } from "./hulp.js";

export const open = {
  type: "open",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || typeof a.tekst !== "string") return undefined;
    return { waarde: { tekst: a.tekst }, verlies: vreemdeSleutels(a, ["tekst"]).length > 0 };
  },

  compleet: (q, a) => !!a && nietLeeg(a.tekst),

  label: (q) => q.vraag,

  leesbaar: (q, a) => (a && nietLeeg(a.tekst) ? [a.tekst] : []),

  render(q, c) {
    const wrap = h("div", { class: "lsp-open" });
    const a = c.get(q.id) || { tekst: "" };
    wrap.append(tekstveld({
      id: c.uid(q.id + "-tekst"), labelledby: c.vraagId(q), waarde: a.tekst,
      rijen: 6, bijInvoer: (v) => c.set(q.id, { tekst: v }),
    }));
    if ((q.kijkpunten || []).length) {
      const feedback = h("div", { class: "lsp-feedback", "aria-live": "polite", id: c.uid(q.id + "-kijk") });
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
      wrap.append(knop("Vergelijk met kijkpunten", toon, { "aria-controls": feedback.id }), feedback);
    }
    return wrap;
  },
};
