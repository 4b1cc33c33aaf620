// Multiple choice: options in the student's own (seeded) order unless the spec fixes it; no
// verdict before "Controleer", so browsing the options (arrow keys) reveals nothing. The first
// checked attempt is kept (`eerste`). With `meerdere_juist` the student may choose several.
//
// Answer: {keuze, volgorde?, eerste?, gecontroleerd?}
//   keuze         option index in the spec's order (null: none); a sorted list with meerdere_juist
//   volgorde      the order the options were shown in (spec indices), when shuffled
//   eerste        keuze at the first "Controleer" (never changed after)
//   gecontroleerd the current keuze has been checked (a new choice hides the verdict again)
import { isObj, kloon } from "../basis.js";
import { h } from "../dom.js";
import { knop } from "../bediening.js";
import { isPermutatie, toonVolgorde, vreemdeSleutels } from "./hulp.js";

const geldig = (q, k) => Number.isInteger(k) && k >= 0 && k < q.opties.length;
const geldigeLijst = (q, x) => Array.isArray(x) && x.every((k) => geldig(q, k)) && new Set(x).size === x.length;
const leeg = (q) => (q.meerdere_juist ? [] : null);

// A stored keuze/eerste -> [value, loss]
function schoonKeuze(q, x) {
  if (x === null || x === undefined) return [leeg(q), false];
  if (q.meerdere_juist) {
    if (geldigeLijst(q, x)) return [x.slice().sort((a, b) => a - b), false];
    if (geldig(q, x)) return [[x], false];            // the question allowed one before
    return [[], true];
  }
  if (geldig(q, x)) return [x, false];
  return [null, true];
}

const gekozen = (q, a) => (!a ? [] : q.meerdere_juist ? (Array.isArray(a.keuze) ? a.keuze : []) : (geldig(q, a.keuze) ? [a.keuze] : []));
const juisteSet = (q) => q.opties.map((o, i) => (o.juist ? i : -1)).filter((i) => i >= 0);
const helemaalGoed = (q, keuzes) => {
  const j = juisteSet(q);
  return keuzes.length === j.length && keuzes.every((k) => j.includes(k));
};
const alsLijst = (q, x) => (q.meerdere_juist ? (Array.isArray(x) ? x : []) : (geldig(q, x) ? [x] : []));
const opsomming = (q, ks) => ks.map((k) => q.opties[k].tekst).join("; ");

export const meerkeuze = {
  type: "meerkeuze",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a)) return undefined;
    let verlies = vreemdeSleutels(a, ["keuze", "volgorde", "eerste", "gecontroleerd"]).length > 0;
    const [keuze, v1] = schoonKeuze(q, a.keuze);
    const waarde = { keuze };
    verlies = verlies || v1;
    if (a.volgorde !== undefined && a.volgorde !== null) {
      if (isPermutatie(a.volgorde, q.opties.length)) waarde.volgorde = a.volgorde.slice();
      else verlies = true;                     // options were added or removed since
    }
    if (a.eerste !== undefined && a.eerste !== null) {
      const [eerste, v2] = schoonKeuze(q, a.eerste);
      if (v2) verlies = true;
      else waarde.eerste = eerste;
    }
    if (a.gecontroleerd === true) waarde.gecontroleerd = true;
    else if (a.gecontroleerd !== undefined && a.gecontroleerd !== false && a.gecontroleerd !== null) verlies = true;
    return { waarde, verlies };
  },

  compleet: (q, a) => gekozen(q, a).length > 0,

  label: (q) => q.vraag,

  leesbaar(q, a) {
    const ks = gekozen(q, a);
    if (!ks.length) return [];
    const regels = [`Gekozen: ${opsomming(q, ks)}`];
    if (a.gecontroleerd) regels[0] += helemaalGoed(q, ks) ? " (gecontroleerd: goed)" : " (gecontroleerd: niet goed)";
    const eerste = a.eerste === undefined ? [] : alsLijst(q, a.eerste);
    if (eerste.length) {
      regels.push(`Eerste poging: ${opsomming(q, eerste)} (${helemaalGoed(q, eerste) ? "goed" : "niet goed"})`);
    }
    return regels;
  },

  render(q, c) {
    const meer = !!q.meerdere_juist;
    const wrap = h("div", { class: "lsp-meerkeuze" });
    const naam = c.uid(q.id + "-keuze");
    const huidig = () => kloon(c.get(q.id)) || { keuze: leeg(q) };
    const volgorde = toonVolgorde(q, q.opties.length, huidig().volgorde, c);
    const bewaar = (b) => {
      if (!q.vaste_volgorde) b.volgorde = volgorde;
      c.set(q.id, b);
    };
    const fs = h("fieldset", { class: "lsp-radiogroep" }, h("legend", { class: "lsp-legend",
      text: meer ? "Kies alle antwoorden die kloppen (er is meer dan één goed antwoord)" : "Kies één antwoord" }));
    const fb = h("div", { class: "lsp-feedback", "aria-live": "polite", id: c.uid(q.id + "-mk-fb") });
    const toon = () => {
      fb.replaceChildren();
      const a = huidig();
      const ks = gekozen(q, a);
      if (!a.gecontroleerd || !ks.length) return;
      const goed = helemaalGoed(q, ks);
      if (meer) {
        const j = juisteSet(q);
        const raak = ks.filter((k) => j.includes(k)).length;
        fb.append(h("p", { class: goed ? "lsp-juist" : "lsp-onjuist" },
          h("span", { "aria-hidden": "true", text: goed ? "✓ " : "✗ " }),
          goed ? "Dit klopt." : `Dit klopt nog niet helemaal: je koos ${raak} van de ${j.length} goede antwoorden` +
            (ks.length > raak ? ` en ${ks.length - raak} dat niet klopt.` : ".")));
        fb.append(h("ul", { class: "lsp-oordelen" }, volgorde.filter((k) => ks.includes(k)).map((k) => {
          const o = q.opties[k];
          return h("li", null, h("strong", { text: o.juist ? "✓ goed: " : "✗ niet goed: " }), h("span", { dir: "auto", text: o.tekst }),
            o.uitleg ? h("span", { text: " — " + o.uitleg }) : null);
        })));
      } else {
        const o = q.opties[ks[0]];
        fb.append(h("p", { class: goed ? "lsp-juist" : "lsp-onjuist" },
          h("span", { "aria-hidden": "true", text: goed ? "✓ " : "✗ " }), goed ? "Dit klopt." : "Dit klopt niet."));
        if (o.uitleg) fb.append(h("p", { text: o.uitleg }));
      }
      const eerste = a.eerste === undefined ? [] : alsLijst(q, a.eerste);
      if (eerste.length && opsomming(q, eerste) !== opsomming(q, ks)) {
        fb.append(h("p", { class: "lsp-hint", text: `Je eerste poging: ${opsomming(q, eerste)} (${helemaalGoed(q, eerste) ? "goed" : "niet goed"}).` }));
      }
    };
    const inputs = [];
    const start = gekozen(q, huidig());
    volgorde.forEach((i, plek) => {
      const o = q.opties[i];
      const rid = `${naam}-${i}`;
      const input = h("input", { type: meer ? "checkbox" : "radio", id: rid, name: naam, value: String(i), "data-plek": String(plek) });
      input.checked = start.includes(i);
      input.addEventListener("change", () => {
        const b = huidig();
        if (meer) b.keuze = inputs.filter((x) => x.checked).map((x) => Number(x.value)).sort((x, y) => x - y);
        else if (input.checked) b.keuze = i;
        else return;
        delete b.gecontroleerd;                // a new choice: its verdict comes with "Controleer"
        bewaar(b);
        toon();
      });
      inputs.push(input);
      fs.append(h("div", { class: "lsp-radio lsp-radio-blok" }, input, h("label", { for: rid, dir: "auto", text: o.tekst })));
    });
    const controleer = knop("Controleer", () => {
      const b = huidig();
      if (!gekozen(q, b).length) {
        fb.replaceChildren(h("p", { text: meer ? "Kies eerst een of meer antwoorden." : "Kies eerst een antwoord." }));
        return;
      }
      b.gecontroleerd = true;
      if (b.eerste === undefined) b.eerste = kloon(b.keuze);
      bewaar(b);
      toon();
    }, { class: "lsp-knop lsp-controleer", "aria-controls": fb.id });
    wrap.append(fs, h("div", { class: "lsp-knoppenrij" }, controleer), fb);
    toon();
    return wrap;
  },
};
