// Ranking: put the items in order and give a reason for each place. An item moves straight to a
// place ("Naar plaats"), by drag and drop, or one step with Hoger/Lager; it keeps focus.
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
    wrap.append(h("p", { class: "lsp-hint", text: "Zet een item meteen op zijn plek met \"Naar plaats\", sleep het met de muis, of gebruik Hoger en Lager. Geef bij elk item een reden." }), lijst, status);
    const huidig = () => {
      const a = c.get(q.id);
      return a ? kloon(a) : { volgorde: q.items.slice(), redenen: {} };
    };
    const werkStatusBij = () => {
      const a = huidig();
      const open = a.volgorde.filter((t) => !(a.redenen[t] || "").trim()).length;
      status.textContent = open ? `Nog ${open} van ${a.volgorde.length} redenen in te vullen.` : "Bij elk item staat een reden.";
    };
    // Move `item` to place j (0-based); the moved item keeps focus (control `wat`) and stays in view.
    const verplaatsNaar = (item, j, wat) => {
      const b = huidig();
      const i = b.volgorde.indexOf(item);
      if (i < 0 || j < 0 || j >= b.volgorde.length) return;
      if (i !== j) {
        b.volgorde.splice(i, 1);
        b.volgorde.splice(j, 0, item);
        c.set(q.id, b);
      }
      teken({ item, wat });
      c.meld(`"${item}" staat nu op plaats ${j + 1} van ${b.volgorde.length}.`);
    };
    let gesleept = null;
    const teken = (focus) => {
      const a = huidig();
      lijst.replaceChildren();
      a.volgorde.forEach((item, i) => {
        const nr = q.items.indexOf(item);
        const li = h("li", { class: "lsp-rang-item", "data-item": String(nr) });
        const greep = h("span", { class: "lsp-rang-greep", "aria-hidden": "true", title: "Sleep om te verplaatsen", text: "⠿" });
        const kop = h("div", { class: "lsp-rang-kop", draggable: "true" },
          greep,
          h("span", { class: "lsp-rang-nr", "aria-hidden": "true", text: `${i + 1}.` }),
          h("span", { class: "lsp-rang-tekst", id: c.uid(`${q.id}-item-${nr}`), dir: "auto", text: item }));
        // drag and drop (mouse, touch-capable browsers); the keyboard has the controls below
        kop.addEventListener("dragstart", (e) => {
          gesleept = item;
          li.classList.add("lsp-sleept");
          try { e.dataTransfer.setData("text/plain", item); e.dataTransfer.effectAllowed = "move"; } catch (x) { /* old browser */ }
        });
        kop.addEventListener("dragend", () => { gesleept = null; li.classList.remove("lsp-sleept"); });
        li.addEventListener("dragover", (e) => { if (gesleept !== null) { e.preventDefault(); li.classList.add("lsp-doel"); } });
        li.addEventListener("dragleave", () => li.classList.remove("lsp-doel"));
        li.addEventListener("drop", (e) => {
          e.preventDefault();
          li.classList.remove("lsp-doel");
          const wie = gesleept;
          gesleept = null;
          if (wie !== null && wie !== item) verplaatsNaar(wie, i, "plaats");
        });
        const verplaats = (richting) => () => {
          const j = i + richting;
          if (j < 0 || j >= a.volgorde.length) {
            c.meld(`"${item}" staat al ${richting < 0 ? "bovenaan" : "onderaan"}.`);
            return;
          }
          verplaatsNaar(item, j, richting < 0 ? "op" : "neer");
        };
        const op = knop("Hoger", verplaats(-1), { "aria-label": `Zet "${item}" een plaats hoger`, "data-richting": "-1", class: "lsp-knop lsp-klein", id: c.uid(`${q.id}-op-${nr}`) });
        const neer = knop("Lager", verplaats(1), { "aria-label": `Zet "${item}" een plaats lager`, "data-richting": "1", class: "lsp-knop lsp-klein", id: c.uid(`${q.id}-neer-${nr}`) });
        const pid = c.uid(`${q.id}-plaats-${nr}`);
        const plaats = h("select", { id: pid, class: "lsp-select lsp-klein", "aria-label": `Zet "${item}" naar plaats` },
          a.volgorde.map((_, k) => h("option", { value: String(k + 1), text: `${k + 1}` })));
        plaats.value = String(i + 1);
        plaats.addEventListener("change", () => verplaatsNaar(item, Number(plaats.value) - 1, "plaats"));
        kop.append(h("span", { class: "lsp-rang-knoppen" },
          h("label", { for: pid, class: "lsp-rang-plaatslabel", "aria-hidden": "true", text: "Naar plaats" }), " ", plaats, " ", op, " ", neer));
        li.append(kop, tekstveld({
          id: c.uid(`${q.id}-reden-${nr}`), label: `Waarom staat "${item}" op plaats ${i + 1}?`,
          waarde: a.redenen[item] || "", rijen: 2, required: true,
          bijInvoer: (v) => { const b = huidig(); b.redenen[item] = v; c.set(q.id, b); werkStatusBij(); },
        }));
        lijst.append(li);
        if (focus && focus.item === item) {
          const doel = { op, neer, plaats }[focus.wat] || plaats;
          doel.focus({ preventScroll: true });
          if (typeof doel.scrollIntoView === "function") doel.scrollIntoView({ block: "nearest" });
        }
      });
      werkStatusBij();
    };
    teken();
    return wrap;
  },
};
