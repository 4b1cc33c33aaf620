// Open question: free text. After writing, the student compares the answer with the kijkpunten
// (ticking the ones it covers) and, when the spec gives a rubric, may rate it per criterion.
//
// Answer: {tekst, kijkpunten?: [0-based indices, sorted], rubric?: [level 1..n or null per criterion]}
import { isObj, kloon, nietLeeg } from "../basis.js";
import { h } from "../dom.js";
import { knop, radiogroep, tekstveld } from "../bediening.js";
import { heeftInhoud, vreemdeSleutels } from "./hulp.js";

const kijkpuntenVan = (q) => q.kijkpunten || [];
const rubricVan = (q) => q.rubric || [];

function schoonKijkpunten(q, x) {
  if (x === undefined || x === null) return [undefined, false];
  if (!Array.isArray(x)) return [undefined, true];
  const n = kijkpuntenVan(q).length;
  const goed = [...new Set(x.filter((i) => Number.isInteger(i) && i >= 0 && i < n))].sort((a, b) => a - b);
  return [goed, goed.length !== x.length];
}

function schoonRubric(q, x) {
  if (x === undefined || x === null) return [undefined, false];
  if (!Array.isArray(x)) return [undefined, true];
  let verlies = x.slice(rubricVan(q).length).some(heeftInhoud);
  const uit = rubricVan(q).map((c, i) => {
    const v = x[i];
    if (v === null || v === undefined) return null;
    if (Number.isInteger(v) && v >= 1 && v <= c.niveaus.length) return v;
    verlies = true;
    return null;
  });
  return [uit, verlies];
}

export const open = {
  type: "open",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || typeof a.tekst !== "string") return undefined;
    let verlies = vreemdeSleutels(a, ["tekst", "kijkpunten", "rubric"]).length > 0;
    const waarde = { tekst: a.tekst };
    const [kp, v1] = schoonKijkpunten(q, a.kijkpunten);
    const [rb, v2] = schoonRubric(q, a.rubric);
    if (kp !== undefined) waarde.kijkpunten = kp;
    if (rb !== undefined) waarde.rubric = rb;
    return { waarde, verlies: verlies || v1 || v2 };
  },

  // Complete: the text is not blank (ticking kijkpunten and rating are optional).
  compleet: (q, a) => !!a && nietLeeg(a.tekst),

  label: (q) => q.vraag,

  leesbaar(q, a) {
    if (!a || !nietLeeg(a.tekst)) return [];
    const regels = [a.tekst];
    const kp = kijkpuntenVan(q);
    if (kp.length && Array.isArray(a.kijkpunten)) {
      regels.push(a.kijkpunten.length
        ? `Kijkpunten die ik in mijn antwoord noem (${a.kijkpunten.length} van ${kp.length}): ${a.kijkpunten.map((i) => kp[i]).join("; ")}`
        : `Kijkpunten die ik in mijn antwoord noem: geen (van ${kp.length})`);
    }
    rubricVan(q).forEach((c, i) => {
      const n = Array.isArray(a.rubric) ? a.rubric[i] : null;
      if (n) regels.push(`Zelfbeoordeling, ${c.criterium}: ${c.niveaus[n - 1]} (niveau ${n} van ${c.niveaus.length})`);
    });
    return regels;
  },

  render(q, c) {
    const wrap = h("div", { class: "lsp-open" });
    const huidig = () => kloon(c.get(q.id)) || { tekst: "" };
    const kp = kijkpuntenVan(q);
    const rb = rubricVan(q);
    wrap.append(tekstveld({
      id: c.uid(q.id + "-tekst"), labelledby: c.vraagId(q), waarde: huidig().tekst,
      rijen: 6, bijInvoer: (v) => { const b = huidig(); b.tekst = v; c.set(q.id, b); },
    }));
    if (!kp.length && !rb.length) return wrap;
    const feedback = h("div", { class: "lsp-feedback lsp-nakijken", "aria-live": "polite", id: c.uid(q.id + "-kijk") });
    const telRegel = h("p", { class: "lsp-status-regel" });
    const werkTelBij = () => {
      const a = huidig();
      const n = (a.kijkpunten || []).length;
      const r = (a.rubric || []).filter((x) => x).length;
      telRegel.textContent = [kp.length ? `Aangevinkt: ${n} van ${kp.length} kijkpunten.` : "",
        rb.length ? `Beoordeeld: ${r} van ${rb.length} criteria.` : ""].filter(Boolean).join(" ");
    };
    const toon = () => {
      feedback.replaceChildren();
      if (!nietLeeg(huidig().tekst)) {
        feedback.append(h("p", { text: "Schrijf eerst je eigen antwoord; daarna kun je het vergelijken met de kijkpunten." }));
        return;
      }
      if (kp.length) {
        const naam = c.uid(q.id + "-kp");
        const gekozen = huidig().kijkpunten || [];
        const vakjes = [];
        const fs = h("fieldset", { class: "lsp-radiogroep lsp-kijkpunten" },
          h("legend", { class: "lsp-legend", text: "Kijkpunten om je antwoord mee te vergelijken. Vink aan wat in jouw antwoord staat:" }));
        kp.forEach((k, i) => {
          const id = `${naam}-${i}`;
          const vak = h("input", { type: "checkbox", id, value: String(i) });
          vak.checked = gekozen.includes(i);
          vak.addEventListener("change", () => {
            const b = huidig();
            b.kijkpunten = vakjes.filter((x) => x.checked).map((x) => Number(x.value));
            c.set(q.id, b);
            werkTelBij();
          });
          vakjes.push(vak);
          fs.append(h("div", { class: "lsp-radio lsp-radio-blok" }, vak, h("label", { for: id, dir: "auto", text: k })));
        });
        feedback.append(fs);
      }
      if (rb.length) {
        const box = h("div", { class: "lsp-rubric" },
          h("p", { class: "lsp-formkop", text: "Beoordeel je eigen antwoord (mag, hoeft niet)" }));
        rb.forEach((crit, i) => {
          box.append(radiogroep({
            naam: c.uid(`${q.id}-rubric-${i}`), legendId: c.uid(`${q.id}-rubric-${i}-leg`),
            legend: h("span", { dir: "auto", text: crit.criterium }),
            opties: crit.niveaus, gekozen: (huidig().rubric || [])[i] || null, cls: "lsp-rubric-criterium",
            bijKeuze: (n) => {
              const b = huidig();
              const r = rb.map((_, j) => ((b.rubric || [])[j] ?? null));
              r[i] = n;
              b.rubric = r;
              c.set(q.id, b);
              werkTelBij();
            },
          }));
        });
        feedback.append(box);
      }
      werkTelBij();
      feedback.append(telRegel);
    };
    wrap.append(knop(kp.length ? "Vergelijk met kijkpunten" : "Beoordeel je antwoord", toon, { "aria-controls": feedback.id }), feedback);
    const a = huidig();
    if (nietLeeg(a.tekst) && ((a.kijkpunten || []).length || (a.rubric || []).some((x) => x))) toon();   // was open before
    return wrap;
  },
};
