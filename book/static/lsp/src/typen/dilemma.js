// Dilemma: choose a path through situations; reflect at the end.
import { isObj, kloon, nietLeeg } from "../basis.js";
import { h, tekstblok, verzonnen } from "../dom.js";
import { knop, tekstveld } from "../bediening.js";
import { tekstVeld, vreemdeSleutels } from "./hulp.js";

const STANDAARD_REFLECTIE = "Wat neem je mee uit de keuzes die je maakte?";
const keuzeNaar = (q, van, naar) => ((q.knopen[van] || {}).keuzes || []).find((k) => k.naar === naar);
const isEinde = (q, kid) => !!q.knopen[kid] && !(q.knopen[kid].keuzes || []).length;

export const dilemma = {
  type: "dilemma",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || !Array.isArray(a.pad)) return undefined;
    let verlies = vreemdeSleutels(a, ["pad", "reflectie"]).length > 0;
    const pad = [q.start];
    if (a.pad.length && a.pad[0] !== q.start) {
      verlies = true;                          // the dilemma starts elsewhere now
    } else {
      for (const stap of a.pad.slice(1)) {
        if (!keuzeNaar(q, pad[pad.length - 1], stap)) { verlies = true; break; }
        pad.push(stap);
      }
    }
    const [reflectie, v] = tekstVeld(a.reflectie);
    return { waarde: { pad, reflectie }, verlies: verlies || v };
  },

  // Complete: an end of the dilemma reached and the reflection written.
  compleet: (q, a) => !!a && isEinde(q, a.pad[a.pad.length - 1]) && nietLeeg(a.reflectie),

  label: (q) => q.vraag,

  leesbaar(q, a) {
    if (!a) return [];
    const regels = [];
    for (let i = 0; i < a.pad.length; i++) {
      const keuze = keuzeNaar(q, a.pad[i], a.pad[i + 1]);
      regels.push(q.knopen[a.pad[i]].tekst + (keuze ? ` Jouw keuze: ${keuze.tekst}` : ""));
    }
    if (nietLeeg(a.reflectie)) regels.push(`Reflectie: ${a.reflectie}`);
    return regels;
  },

  render(q, c) {
    const wrap = h("div", { class: "lsp-dilemma" });
    const huidig = () => kloon(c.get(q.id)) || { pad: [q.start], reflectie: "" };
    const teken = (focusNieuw) => {
      const a = huidig();
      wrap.replaceChildren();
      if (a.pad.length > 1) {
        const pad = h("ol", { class: "lsp-pad", "aria-label": "Jouw pad tot nu toe" });
        for (let i = 0; i < a.pad.length - 1; i++) {
          const keuze = keuzeNaar(q, a.pad[i], a.pad[i + 1]);
          pad.append(h("li", null, h("span", { class: "lsp-pad-situatie", dir: "auto", text: q.knopen[a.pad[i]].tekst }), " ",
            h("span", { class: "lsp-pad-keuze", dir: "auto", text: "Jouw keuze: " + (keuze ? keuze.tekst : "") })));
        }
        wrap.append(h("p", { class: "lsp-formkop", text: "Jouw pad" }), pad);
      }
      const nu = q.knopen[a.pad[a.pad.length - 1]];
      const situatie = h("div", { class: "lsp-situatie", id: c.uid(q.id + "-nu"), tabindex: "-1" }, verzonnen(nu), tekstblok(nu.tekst));
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
        wrap.append(tekstveld({
          id: c.uid(q.id + "-reflectie"), label: "Reflectie: " + (nu.reflectie || STANDAARD_REFLECTIE), waarde: a.reflectie, rijen: 4,
          bijInvoer: (v) => { const b = huidig(); b.reflectie = v; c.set(q.id, b); },
        }));
      }
      if (a.pad.length > 1) {
        // Starting again discards the path: ask first (focus on "Annuleren", the safe choice).
        const rij = h("div", { class: "lsp-knoppenrij" });
        const opnieuw = knop("Opnieuw beginnen", () => {
          const n = huidig().pad.length - 1;
          const nee = knop("Annuleren", () => { rij.replaceChildren(opnieuw); opnieuw.focus(); });
          const ja = knop("Ja, begin opnieuw", () => {
            const b = huidig();
            b.pad = [q.start];
            c.set(q.id, b);
            teken(true);
            c.meld("Je begint opnieuw. " + q.knopen[q.start].tekst);
          }, { class: "lsp-knop lsp-gevaar" });
          rij.replaceChildren(h("div", { class: "lsp-bevestig", role: "group", "aria-labelledby": c.uid(q.id + "-bevestig") },
            h("p", { id: c.uid(q.id + "-bevestig"), text: `Opnieuw beginnen? Je pad tot nu toe (${n === 1 ? "1 keuze" : n + " keuzes"}) wordt gewist.` +
              (nietLeeg(huidig().reflectie) ? " Je reflectie blijft bewaard." : "") }),
            h("div", { class: "lsp-knoppenrij" }, ja, nee)));
          nee.focus();
        }, { id: c.uid(q.id + "-opnieuw") });
        rij.append(opnieuw);
        wrap.append(rij);
      }
      if (focusNieuw) situatie.focus();
    };
    teken(false);
    return wrap;
  },
};
