// Hand-in, part 2: a print view of all answers of the chapter (print or save as PDF).
import { h, tekstblok, verzonnen } from "../dom.js";
import { knop } from "../bediening.js";
import { vraagTekst } from "../antwoorden.js";
import { typeVan, vraagtAntwoord } from "../typen/index.js";
import { maakBestand } from "./export.js";

// A sorting question on paper: each item with the student's category and the book's, and how
// many match (the book leaves some items open: those count for neither).
function sorteerTabel(q, a) {
  const metBoek = q.items.filter((it) => it.categorie);
  const gelijk = metBoek.filter((it) => a.indeling[it.tekst] === it.categorie).length;
  return [
    h("table", { class: "lsp-tabel" },
      h("thead", null, h("tr", null, ["Item", "Jouw indeling", "Indeling in het boek", "Zoals het boek?"].map((t) =>
        h("th", { scope: "col", text: t })))),
      h("tbody", null, q.items.map((it) => {
        const keuze = a.indeling[it.tekst];
        const oordeel = !keuze ? "" : !it.categorie ? "boek kiest niet" : keuze === it.categorie ? "✓ zoals het boek" : "✗ anders dan het boek";
        return h("tr", null, h("th", { scope: "row", dir: "auto", text: it.tekst }), h("td", { dir: "auto", text: keuze || "(niet ingedeeld)" }),
          h("td", { dir: "auto", text: it.categorie || "(geen vaste indeling)" }), h("td", { text: oordeel }));
      }))),
    h("p", { text: `${gelijk} van ${metBoek.length} ingedeeld zoals het boek.` }),
  ];
}

function antwoordBlok(q, a) {
  if (a !== undefined && q.type === "sorteren" && a.indeling) return h("div", null, sorteerTabel(q, a));
  const eigen = a !== undefined && typeVan(q).afdruk ? typeVan(q).afdruk(q, a) : null;   // e.g. the network as picture and table
  if (eigen) return eigen;
  const regels = a === undefined ? [] : typeVan(q).leesbaar(q, a);
  if (!regels.length) return h("p", { class: "lsp-leeg-antwoord", text: "(nog geen antwoord)" });
  if (regels.length === 1) return h("p", { class: "lsp-vrije-tekst", dir: "auto", text: regels[0] });
  return h("ul", null, regels.map((r) => h("li", { dir: "auto", text: r })));
}

export function maakAfdruk(blok) {
  let terugFocus = null;
  const sluit = () => {
    document.querySelectorAll(".lsp-afdrukweergave").forEach((x) => x.remove());
    document.documentElement.classList.remove("lsp-afdrukmodus");
    if (terugFocus) terugFocus.focus();
  };
  const open = (e) => {
    if (!blok.naamIngevuld()) return;
    terugFocus = e && e.currentTarget;
    const { per, bestand } = maakBestand(blok);
    const kopId = blok.uid("afdrukkop");
    const sluitKnop = knop("Sluiten", sluit);
    const blad = h("div", { class: "lsp-afdrukweergave lsp-root", role: "dialog", "aria-modal": "true", "aria-labelledby": kopId },
      h("div", { class: "lsp-knoppenrij lsp-niet-afdrukken" }, knop("Afdrukken of bewaren als pdf", () => window.print()), sluitKnop),
      h("h1", { id: kopId, text: `Antwoorden bij ${blok.hoofdstukNaam}` }),
      h("p", { dir: "auto", text: [bestand.naam && `Naam: ${bestand.naam}`, bestand.studentnummer && `Studentnummer: ${bestand.studentnummer}`, `Datum: ${bestand.datum}`].filter(Boolean).join(" · ") }));
    for (const { spec, antwoorden } of per) {
      const sec = h("section", { class: "lsp-afdruk-oefening" }, h("h2", { dir: "auto", text: spec.titel }));
      if (spec.casus) sec.append(verzonnen(spec) || "", tekstblok(spec.casus, "lsp-casus"));
      let nr = 0;
      for (const q of spec.vragen || []) {
        if (!vraagtAntwoord(q)) continue;
        nr += 1;
        sec.append(h("div", { class: "lsp-afdruk-vraag" },
          h("h3", { dir: "auto", text: `Vraag ${nr}. ${vraagTekst(q)}` }), verzonnen(q), antwoordBlok(q, antwoorden[q.id])));
      }
      blad.append(sec);
    }
    blad.addEventListener("keydown", (ev) => { if (ev.key === "Escape") sluit(); });
    sluit();
    document.body.append(blad);
    document.documentElement.classList.add("lsp-afdrukmodus");
    sluitKnop.focus();
  };
  return { open, sluit };
}
