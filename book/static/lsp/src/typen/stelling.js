// Statements: a position on the five-point scale and an argument per statement; optionally a
// second round after new information, with the shift per statement.
import { STELLING_SCHAAL } from "../constanten.js";
import { isObj, kloon, nietLeeg } from "../basis.js";
import { h, tekstblok, verzonnen } from "../dom.js";
import { radiogroep, tekstveld } from "../bediening.js";
import { heeftInhoud, schaalVeld, tekstVeld, vreemdeSleutels } from "./hulp.js";

// The empty round: one {positie, argument} per statement.
const legeRonde = (q) => q.stellingen.map(() => ({ positie: null, argument: "" }));

function schoonRonde(q, r) {
  let verlies = false;
  const ronde = q.stellingen.map((_, i) => {
    const x = r[i];
    if (x === undefined || x === null) return { positie: null, argument: "" };
    if (!isObj(x)) { verlies = true; return { positie: null, argument: "" }; }
    const [positie, v1] = schaalVeld(x.positie);
    const [argument, v2] = tekstVeld(x.argument);
    verlies = verlies || v1 || v2 || vreemdeSleutels(x, ["positie", "argument"]).length > 0;
    return { positie, argument };
  });
  // entries beyond the statements the question has now
  if (r.slice(q.stellingen.length).some((x) => isObj(x) ? heeftInhoud(x.positie) || heeftInhoud(x.argument) : heeftInhoud(x))) verlies = true;
  return [ronde, verlies];
}

const rondeCompleet = (q, r) => Array.isArray(r) && q.stellingen.every((_, i) => r[i] && r[i].positie && nietLeeg(r[i].argument));

export const verschuiving = (p1, p2) => {
  const d = p2 - p1;
  return d === 0 ? "geen verschuiving" : `${Math.abs(d)} ${Math.abs(d) === 1 ? "stap" : "stappen"} richting ${d > 0 ? "eens" : "oneens"}`;
};

export const stelling = {
  type: "stelling",
  antwoord: true,

  schoon(q, a) {
    if (!isObj(a) || !Array.isArray(a.ronde1)) return undefined;
    let verlies = vreemdeSleutels(a, ["ronde1", "ronde2"]).length > 0;
    const [ronde1, v1] = schoonRonde(q, a.ronde1);
    const waarde = { ronde1 };
    verlies = verlies || v1;
    if (a.ronde2 !== undefined && a.ronde2 !== null) {
      if (q.tweede_ronde && Array.isArray(a.ronde2)) {
        const [ronde2, v2] = schoonRonde(q, a.ronde2);
        waarde.ronde2 = ronde2;
        verlies = verlies || v2;
      } else {
        verlies = true;                        // a second round the question no longer has
      }
    }
    return { waarde, verlies };
  },

  // Complete: a position and an argument for every statement, in every round the question has.
  compleet: (q, a) => !!a && rondeCompleet(q, a.ronde1) && (!q.tweede_ronde || rondeCompleet(q, a.ronde2)),

  label: (q) => q.vraag || q.stellingen.join(" / "),

  leesbaar(q, a) {
    if (!a) return [];
    const regel = (r, i) => (r && r[i] && r[i].positie ? STELLING_SCHAAL[r[i].positie - 1] : "geen keuze") +
      (r && r[i] && nietLeeg(r[i].argument) ? " — " + r[i].argument : "");
    // a statement without a closing full stop gets one, so it does not run into "Ronde 1"
    const zin = (st) => (/[.?!…]["'’”)]?$/.test(st.trim()) ? st.trim() : `${st.trim()}.`);
    return q.stellingen.map((st, i) => `${zin(st)} Ronde 1: ${regel(a.ronde1, i)}` +
      (a.ronde2 ? `; ronde 2: ${regel(a.ronde2, i)}` : ""));
  },

  render(q, c) {
    const wrap = h("div", { class: "lsp-stelling" });
    const huidig = () => kloon(c.get(q.id)) || { ronde1: legeRonde(q) };
    const zet = (nr, i, veld, waarde) => {
      const b = huidig();
      if (!b["ronde" + nr]) b["ronde" + nr] = legeRonde(q);
      b["ronde" + nr][i][veld] = waarde;
      c.set(q.id, b);
    };
    const ronde = (nr, na) => {
      const box = h("div", { class: "lsp-ronde" });
      const r = huidig()["ronde" + nr] || [];
      q.stellingen.forEach((st, i) => {
        const item = h("div", { class: "lsp-stelling-item" },
          radiogroep({
            naam: c.uid(`${q.id}-r${nr}-s${i}-pos`), legendId: c.uid(`${q.id}-r${nr}-s${i}`),
            legend: [nr === 2 ? "Tweede ronde: " : "", h("span", { dir: "auto", text: st })],
            opties: STELLING_SCHAAL, gekozen: r[i] ? r[i].positie : null,
            bijKeuze: (p) => { zet(nr, i, "positie", p); if (na) na(i); },
          }),
          tekstveld({
            id: c.uid(`${q.id}-r${nr}-s${i}-arg`), label: "Jouw argument", rijen: 2,
            waarde: r[i] ? r[i].argument : "", bijInvoer: (v) => zet(nr, i, "argument", v),
          }));
        if (nr === 2) item.append(h("p", { class: "lsp-verschuiving", "aria-live": "polite", "data-stelling": String(i) }));
        box.append(item);
      });
      return box;
    };
    const tweede = h("div", { class: "lsp-tweede-ronde" });
    const werkVerschuivingBij = () => {
      const a = huidig();
      tweede.querySelectorAll(".lsp-verschuiving").forEach((p) => {
        const i = Number(p.dataset.stelling);
        const p1 = a.ronde1[i] && a.ronde1[i].positie;
        const p2 = a.ronde2 && a.ronde2[i] && a.ronde2[i].positie;
        p.textContent = p1 && p2
          ? `Verschuiving: van "${STELLING_SCHAAL[p1 - 1]}" naar "${STELLING_SCHAAL[p2 - 1]}" (${verschuiving(p1, p2)}).`
          : "";
      });
    };
    let tweedeGetoond = null;
    const tekenTweede = () => {
      if (!q.tweede_ronde) return;
      const klaar = huidig().ronde1.every((r) => r.positie);
      if (klaar === tweedeGetoond) { werkVerschuivingBij(); return; }
      tweedeGetoond = klaar;
      tweede.replaceChildren();
      if (!klaar) {
        tweede.append(h("p", { class: "lsp-hint", text: "Als je bij elke stelling een positie hebt gekozen, krijg je nieuwe informatie en kies je opnieuw." }));
        return;
      }
      tweede.append(
        h("div", { class: "lsp-informatie" }, h("p", { class: "lsp-informatie-kop", text: "Nieuwe informatie" }), verzonnen(q.tweede_ronde), tekstblok(q.tweede_ronde.informatie)),
        ronde(2, () => werkVerschuivingBij()));
      werkVerschuivingBij();
    };
    wrap.append(h("p", { class: "lsp-hint", text: "Kies bij elke stelling je positie en geef een argument." }), ronde(1, () => tekenTweede()));
    if (q.tweede_ronde) { wrap.append(tweede); tekenTweede(); }
    return wrap;
  },
};
