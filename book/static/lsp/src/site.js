// Entry for the static site (bundled as a classic script, so it also runs from file://).
// loader.js adds this script only on pages with an exercise. Each <div class="lsp-oefening">
// or <div class="lsp-inleveren"> holds its data as JSON in <script class="lsp-data">.
import { h } from "./dom.js";
import { render } from "./render.js";
import { startScormOpPagina } from "./scorm.js";

const SELECTOR = ".lsp-oefening, .lsp-inleveren";

// The part of the anywidget model API the front-end uses. On the site, answers are kept by
// the front-end itself (localStorage), so save_changes has nothing to do.
export function lokaalModel(data) {
  const luisteraars = new Map();
  return {
    get: (naam) => data[naam],
    set(naam, waarde) {
      const oud = data[naam];
      data[naam] = waarde;
      for (const f of [...(luisteraars.get("change:" + naam) || [])]) f({ name: naam, old: oud, new: waarde });
    },
    on(naam, f) {
      if (!luisteraars.has(naam)) luisteraars.set(naam, []);
      luisteraars.get(naam).push(f);
    },
    off(naam, f) {
      if (!naam) { luisteraars.clear(); return; }
      if (!f) { luisteraars.delete(naam); return; }
      luisteraars.set(naam, (luisteraars.get(naam) || []).filter((g) => g !== f));
    },
    save_changes() {},
    send() {},
  };
}

const toonFout = (el, tekst) => el.append(h("p", { class: "lsp-fout", role: "alert", text: tekst }));

function opslagWerkt() {
  try {
    const k = "lsp:test";
    window.localStorage.setItem(k, "1");
    window.localStorage.removeItem(k);
    return true;
  } catch (e) {
    return false;
  }
}

export function mountAlles() {
  const blokken = [...document.querySelectorAll(SELECTOR)].filter((el) => !el.dataset.lspGeladen);
  for (const el of blokken) {
    el.dataset.lspGeladen = "1";
    let data;
    try {
      data = JSON.parse(el.querySelector("script.lsp-data").textContent);
    } catch (e) {
      toonFout(el, "De gegevens van deze oefening zijn beschadigd; ze kan niet worden getoond.");
      continue;
    }
    if (!("antwoorden" in data)) data.antwoorden = {};
    const plek = h("div", { class: "lsp-plek" });
    el.append(plek);
    render({ model: lokaalModel(data), el: plek });
  }
  if (blokken.length && location.protocol === "file:" && !opslagWerkt()) {
    // Opened from disk in a browser that keeps nothing for local files: say so once, on top.
    const eerste = blokken[0];
    eerste.prepend(h("p", { class: "lsp-fout", role: "alert", text:
      "Je opent dit boek als bestand van je computer, en deze browser bewaart dan geen antwoorden. " +
      "Gebruik een andere browser (zoals Chrome, Edge of Firefox) of download je antwoorden met het blok Inleveren voordat je de pagina sluit." }));
  }
  return blokken.length;
}

// A link to an exercise (#oefening-<id>) was followed before the exercises above it and the
// exercise itself had grown: go to the target again once everything is drawn.
export function naarAnker() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const doel = document.getElementById(id);
  if (doel) doel.scrollIntoView({ block: "start" });
}

// Inside a learning environment (a SCORM package, tools/scorm.py) the LMS keeps the answers too;
// elsewhere this is null and nothing changes. It listens for pagehide after the exercises do.
const lms = startScormOpPagina();
if (mountAlles()) naarAnker();
if (lms) lms.luister();
