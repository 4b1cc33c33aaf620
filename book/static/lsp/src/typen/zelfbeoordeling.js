// Self-assessment: a score on a five-point scale per aspect, with a radar profile.
import { DEFAULT_SCHAAL } from "../constanten.js";
import { isObj, kloon } from "../basis.js";
import { h, s } from "../dom.js";
import { radiogroep } from "../bediening.js";
import { heeftInhoud, schaalVeld, vreemdeSleutels } from "./hulp.js";

export const schaalVan = (q) => (q.schaal && q.schaal.length === 5 ? q.schaal : DEFAULT_SCHAAL);

export const zelfbeoordeling = {
  type: "zelfbeoordeling",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || !Array.isArray(a.scores)) return undefined;
    let verlies = vreemdeSleutels(a, ["scores"]).length > 0 || a.scores.slice(q.aspecten.length).some(heeftInhoud);
    const scores = q.aspecten.map((_, i) => {
      const [x, v] = schaalVeld(a.scores[i]);
      verlies = verlies || v;
      return x;
    });
    return { waarde: { scores }, verlies };
  },

  compleet: (q, a) => !!a && q.aspecten.every((_, i) => !!a.scores[i]),

  label: (q) => q.vraag,

  leesbaar(q, a) {
    if (!a) return [];
    const schaal = schaalVan(q);
    return q.aspecten.map((asp, i) => `${asp}: ${a.scores[i] ? schaal[a.scores[i] - 1] + " (" + a.scores[i] + " van 5)" : "geen keuze"}`);
  },

  render(q, c) {
    const schaal = schaalVan(q);
    const wrap = h("div", { class: "lsp-zelfbeoordeling" });
    const huidig = () => kloon(c.get(q.id)) || { scores: q.aspecten.map(() => null) };
    const profiel = h("div", { class: "lsp-profiel" });
    const tekenProfiel = () => {
      const sc = huidig().scores;
      const W = 460, H = 360, cx = W / 2, cy = H / 2 + 5, R = 120, n = q.aspecten.length;
      const punt = (i, waarde) => {
        const hoek = -Math.PI / 2 + (2 * Math.PI * i) / n;
        return [cx + Math.cos(hoek) * R * waarde / 5, cy + Math.sin(hoek) * R * waarde / 5];
      };
      const tid = c.uid(q.id + "-radartitel");
      const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "lsp-radar", role: "img", "aria-labelledby": tid },
        s("title", { id: tid }, "Profiel: " + q.aspecten.map((asp, i) => `${asp} ${sc[i] ? schaal[sc[i] - 1] : "geen keuze"}`).join("; ")));
      for (let ring = 1; ring <= 5; ring++) {
        svg.append(s("polygon", { class: "lsp-radar-ring", points: q.aspecten.map((_, i) => punt(i, ring).join(",")).join(" ") }));
      }
      q.aspecten.forEach((asp, i) => {
        const [x, y] = punt(i, 5);
        svg.append(s("line", { class: "lsp-radar-as", x1: cx, y1: cy, x2: x, y2: y }));
        const [lx, ly] = punt(i, 5.9);
        const anker = Math.abs(lx - cx) < 5 ? "middle" : lx > cx ? "start" : "end";
        // axes carry numbers; the list under the chart gives the full names (no clipped labels)
        svg.append(s("text", { x: lx, y: ly + 4, "text-anchor": anker, class: "lsp-radar-label" }, String(i + 1)));
      });
      if (sc.some((x) => x)) {
        svg.append(s("polygon", { class: "lsp-radar-vlak", points: q.aspecten.map((_, i) => punt(i, sc[i] || 0).join(",")).join(" ") }));
        q.aspecten.forEach((_, i) => { if (sc[i]) { const [x, y] = punt(i, sc[i]); svg.append(s("circle", { cx: x, cy: y, r: 4, class: "lsp-radar-punt" })); } });
      }
      const legenda = h("ol", { class: "lsp-radar-legenda" },
        q.aspecten.map((asp, i) => h("li", { dir: "auto", text: `${asp}: ${sc[i] ? schaal[sc[i] - 1] : "nog geen keuze"}` })));
      profiel.replaceChildren(h("p", { class: "lsp-formkop", text: "Jouw profiel" }), svg, legenda);
    };
    q.aspecten.forEach((asp, i) => {
      wrap.append(radiogroep({
        naam: c.uid(`${q.id}-asp-${i}`), legendId: c.uid(`${q.id}-asp-${i}-leg`),
        legend: h("span", { dir: "auto", text: asp }), opties: schaal, gekozen: huidig().scores[i],
        bijKeuze: (p) => { const b = huidig(); b.scores[i] = p; c.set(q.id, b); tekenProfiel(); },
      }));
    });
    wrap.append(profiel);
    tekenProfiel();
    return wrap;
  },
};
