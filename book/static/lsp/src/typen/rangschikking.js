// Ranking: put the items in order and give a reason for each place.
import { isObj, kloon, nietLeeg } from "../basis.js";
import { h } from "../dom.js";
import { knop, tekstveld } from "../bediening.js";
import { heeftInhoud, vreemdeSleutels } from "./hulp.js";

export const rangschikking = {
  type: "rangschikking",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || !Array.isArray(a.volgorde)) return undefined;
    let verlies = vreemdeSleutels(a, ["volgorde", "redenen"]).length > 0;
    const bekend = [];
    for (const t of a.volgorde) {
      if (q.items.includes(t) && !bekend.includes(t)) bekend.push(t);
      else verlies = true;                     // a renamed or repeated item
    }
    const volgorde = bekend.concat(q.items.filter((t) => !bekend.includes(t)));
    const redenen = {};
    if (a.redenen !== undefined && !isObj(a.redenen)) verlies = true;
    if (isObj(a.redenen)) {
      for (const [t, reden] of Object.entries(a.redenen)) {
        if (q.items.includes(t) && typeof reden === "string") redenen[t] = reden;
        else if (heeftInhoud(reden)) verlies = true;   // a reason for an item the question no longer has
      }
    }
    return { waarde: { volgorde, redenen }, verlies };
  },

  // Complete: every item has a reason (the order itself is always there).
  compleet: (q, a) => !!a && q.items.every((t) => nietLeeg((a.redenen || {})[t])),

  label: (q) => q.vraag,

  leesbaar: (q, a) => (a ? a.volgorde.map((t, i) => `${i + 1}. ${t} — reden: ${nietLeeg(a.redenen[t]) ? a.redenen[t] : "(geen)"}`) : []),

  render(q, c) {
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
        const nr = q.items.indexOf(item);
        const li = h("li", { class: "lsp-rang-item" });
        const kop = h("div", { class: "lsp-rang-kop" },
          h("span", { class: "lsp-rang-nr", "aria-hidden": "true", text: `${i + 1}.` }),
          h("span", { class: "lsp-rang-tekst", id: c.uid(`${q.id}-item-${nr}`), dir: "auto", text: item }));
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
        const op = knop("Hoger", verplaats(-1), { "aria-label": `Zet "${item}" een plaats hoger`, "data-richting": "-1", class: "lsp-knop lsp-klein", id: c.uid(`${q.id}-op-${nr}`) });
        const neer = knop("Lager", verplaats(1), { "aria-label": `Zet "${item}" een plaats lager`, "data-richting": "1", class: "lsp-knop lsp-klein", id: c.uid(`${q.id}-neer-${nr}`) });
        kop.append(h("span", { class: "lsp-rang-knoppen" }, op, neer));
        li.append(kop, tekstveld({
          id: c.uid(`${q.id}-reden-${nr}`), label: `Waarom staat "${item}" op plaats ${i + 1}?`,
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
  },
};
