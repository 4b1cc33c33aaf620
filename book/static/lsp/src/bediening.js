// Controls shared by the question types and the hand-in block.
import { MAX_TEKST } from "./constanten.js";
import { nl } from "./basis.js";
import { h } from "./dom.js";

export function knop(tekst, onclick, extra = {}) {
  return h("button", { type: "button", class: "lsp-knop", onclick, ...extra }, tekst);
}

// A label above an input (forms of the network map and the hand-in block).
export function veldje(label, input) {
  return h("div", { class: "lsp-formveld" }, h("label", { for: input.id, class: "lsp-label", text: label }), input);
}

// A textarea with a counter near the limit and a print mirror (lined space when empty).
export function tekstveld({ id, label, labelledby, waarde, rijen = 4, bijInvoer, required }) {
  const veld = h("textarea", {
    id, class: "lsp-invoer", rows: rijen, maxlength: MAX_TEKST, dir: "auto",
    "aria-labelledby": labelledby, "aria-required": required ? "true" : null,
  });
  veld.value = waarde || "";
  const teller = h("p", { class: "lsp-teller", id: id + "-teller", "aria-live": "polite", hidden: true });
  const spiegel = h("div", { class: "lsp-afdruk-antwoord", "aria-hidden": "true", dir: "auto" });
  const werkBij = () => {
    const n = veld.value.length;
    spiegel.textContent = veld.value;
    spiegel.classList.toggle("lsp-leeg", n === 0);
    if (n >= MAX_TEKST * 0.9) {
      teller.hidden = false;
      teller.textContent = n >= MAX_TEKST
        ? `Je hebt het maximum van ${nl(MAX_TEKST)} tekens bereikt.`
        : `Nog ${nl(MAX_TEKST - n)} van ${nl(MAX_TEKST)} tekens over.`;
    } else if (!teller.hidden) {
      teller.hidden = true;
      teller.textContent = "";
    }
  };
  veld.addEventListener("input", () => { werkBij(); bijInvoer(veld.value); });
  werkBij();
  return h("div", { class: "lsp-veld" }, label ? h("label", { for: id, class: "lsp-label", text: label }) : null, veld, teller, spiegel);
}

// A row of radio buttons; values are 1-based positions on the scale.
export function radiogroep({ naam, legend, legendId, opties, gekozen, bijKeuze, cls }) {
  const rij = h("div", { class: "lsp-radiorij" });
  opties.forEach((label, i) => {
    const rid = `${naam}-${i}`;
    const input = h("input", { type: "radio", id: rid, name: naam, value: String(i + 1) });
    input.checked = gekozen === i + 1;
    input.addEventListener("change", () => { if (input.checked) bijKeuze(i + 1); });
    rij.append(h("span", { class: "lsp-radio" }, input, h("label", { for: rid, text: label })));
  });
  return h("fieldset", { class: "lsp-radiogroep " + (cls || "") },
    h("legend", { id: legendId, class: "lsp-legend" }, legend), rij);
}
