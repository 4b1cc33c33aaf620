// Multiple choice: one option; feedback per option.
import { isObj } from "../basis.js";
import { h } from "../dom.js";
import { vreemdeSleutels } from "./hulp.js";

const geldig = (q, k) => Number.isInteger(k) && k >= 0 && k < q.opties.length;

export const meerkeuze = {
  type: "meerkeuze",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a)) return undefined;
    const k = a.keuze;
    const ok = k === null || k === undefined || geldig(q, k);
    return { waarde: { keuze: geldig(q, k) ? k : null }, verlies: !ok || vreemdeSleutels(a, ["keuze"]).length > 0 };
  },

  compleet: (q, a) => !!a && geldig(q, a.keuze),

  label: (q) => q.vraag,

  leesbaar: (q, a) => (a && geldig(q, a.keuze) ? [`Gekozen: ${q.opties[a.keuze].tekst}`] : []),

  render(q, c) {
    const wrap = h("div", { class: "lsp-meerkeuze" });
    const naam = c.uid(q.id + "-keuze");
    const fs = h("fieldset", { class: "lsp-radiogroep" }, h("legend", { class: "lsp-legend", text: "Kies één antwoord" }));
    const fb = h("div", { class: "lsp-feedback", "aria-live": "polite" });
    const toon = (k) => {
      fb.replaceChildren();
      if (!geldig(q, k)) return;
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
    toon(gekozen);
    return wrap;
  },
};
