// DOM helpers. Safety rule of the whole front-end: text from specs, students or files only ever
// reaches the page through createTextNode / textContent / value, never as HTML.

import { VERZONNEN_LABEL } from "./constanten.js";

export const SVG_NS = "http://www.w3.org/2000/svg";

export function zetProps(el, props) {
  if (!props) return;
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === "text") el.textContent = String(v);
    else if (k === "class") el.setAttribute("class", v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value") el.value = v;
    else if (k === "checked" || k === "selected") el[k] = !!v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

// Children: nodes are appended as they are; anything else becomes a text node.
function vul(el, props, kids) {
  zetProps(el, props);
  for (const kid of kids.flat(Infinity)) {
    if (kid == null || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

export const h = (tag, props, ...kids) => vul(document.createElement(tag), props, kids);
export const s = (tag, props, ...kids) => vul(document.createElementNS(SVG_NS, tag), props, kids);

// Split plain text into paragraphs (blank lines) and bullet lists ("- " or "* " lines). Pure, so
// the rule can be tested without a browser; tekstblok() turns the result into elements.
export function tekstDelen(tekst) {
  const delen = [];
  const blokken = String(tekst || "").replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const blok of blokken) {
    const regels = blok.split("\n").filter((r) => r.trim() !== "");
    let lijst = null;
    let alinea = [];
    const sluitAlinea = () => {
      if (alinea.length) delen.push({ alinea: alinea.join(" ") });
      alinea = [];
    };
    for (const regel of regels) {
      const m = /^\s*[-*]\s+(.*)$/.exec(regel);
      if (m) {
        sluitAlinea();
        if (!lijst) { lijst = { lijst: [] }; delen.push(lijst); }
        lijst.lijst.push(m[1]);
      } else {
        lijst = null;
        alinea.push(regel.trim());
      }
    }
    sluitAlinea();
  }
  return delen;
}

export function tekstblok(tekst, cls) {
  return h("div", { class: "lsp-tekst" + (cls ? " " + cls : "") },
    tekstDelen(tekst).map((d) => (d.lijst ? h("ul", null, d.lijst.map((t) => h("li", { text: t }))) : h("p", { text: d.alinea }))));
}

// "Verzonnen voorbeeld" for an invented part (`verzonnen: true` in the spec), else nothing.
export const verzonnen = (deel) => (deel && deel.verzonnen === true ? h("p", { class: "lsp-verzonnen", text: VERZONNEN_LABEL }) : null);

export function download(naam, inhoud, type) {
  const blob = inhoud instanceof Blob ? inhoud : new Blob([inhoud], { type });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: naam, class: "lsp-verborgen" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

// Rebuild part of the page without losing the student's place: focus and caret are restored on
// the element with the same id (ids are stable per exercise instance).
export function behoudFocus(binnen, bouw) {
  const actief = document.activeElement;
  const id = actief && binnen.contains(actief) ? actief.id : null;
  const selectie = id && typeof actief.selectionStart === "number" ? [actief.selectionStart, actief.selectionEnd] : null;
  bouw();
  if (!id) return;
  const nieuw = document.getElementById(id);
  if (!nieuw) return;
  nieuw.focus({ preventScroll: true });
  if (selectie && typeof nieuw.setSelectionRange === "function") {
    try { nieuw.setSelectionRange(...selectie); } catch (e) { /* not a text field */ }
  }
}
