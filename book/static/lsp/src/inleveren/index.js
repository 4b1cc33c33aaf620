// The hand-in block of a chapter ("Inleveren"): progress, name, and the four actions, each in
// its own module (export, print, import, erase).
import { MAX_NAAM, MAX_STUDENTNUMMER } from "../constanten.js";
import { hoofdstukNaam, vandaag } from "../basis.js";
import { h } from "../dom.js";
import { knop, veldje } from "../bediening.js";
import { maakOpslag } from "../opslag.js";
import { onvolledigeVragen, telVoortgang } from "../antwoorden.js";
import { EVENT, nieuweUid } from "../pagina.js";
import { exporteer, verzamelAntwoorden } from "./export.js";
import { maakAfdruk } from "./afdruk.js";
import { maakImport } from "./import.js";
import { maakWissen } from "./wissen.js";

// A link to a question on this page ("Vraag N", as the page numbers it): goes to the question and
// puts the focus on its first control. Without the question on the page (another notebook), the
// link goes to the exercise's anchor.
function naarVraag(spec, q, nr) {
  const a = h("a", { href: `#oefening-${spec.id}`, class: "lsp-naar-vraag", text: `Vraag ${nr}`,
    "aria-label": `Vraag ${nr} van ${spec.titel}` });
  a.addEventListener("click", (e) => {
    const doel = [...document.querySelectorAll("[data-lsp-oefening]")].find((el) => el.dataset.lspOefening === spec.id);
    const vraag = doel && [...doel.querySelectorAll("[data-vraag]")].find((el) => el.dataset.vraag === q.id);
    if (!vraag) return;
    e.preventDefault();
    vraag.scrollIntoView({ block: "start" });
    const veld = vraag.querySelector("input:not([type=hidden]):not([disabled]), textarea, select, button:not([disabled])");
    if (veld) veld.focus({ preventScroll: true });
    else { vraag.setAttribute("tabindex", "-1"); vraag.focus({ preventScroll: true }); }
  });
  return a;
}

const titelNaam = (n) => (n === 0 ? "Inleiding" : `Hoofdstuk ${n}`);

export function renderInleveren(model, el, opslag = maakOpslag()) {
  const hoofdstuk = model.get("hoofdstuk");
  const oefeningen = model.get("oefeningen") || [];
  const uid = nieuweUid();
  el.classList.add("lsp-root");

  const status = h("div", { class: "lsp-status", role: "status", "aria-live": "polite" });
  const meld = (tekst, soort) => {
    status.replaceChildren();
    setTimeout(() => status.replaceChildren(h("p", { class: soort === "fout" ? "lsp-fout" : "lsp-ok", text: tekst })), 30);
  };
  const student = opslag.student();
  const inNaam = h("input", { type: "text", id: uid("naam"), class: "lsp-invoer-kort", maxlength: MAX_NAAM, dir: "auto", autocomplete: "name", value: student.naam || "" });
  const inNummer = h("input", { type: "text", id: uid("nummer"), class: "lsp-invoer-kort", maxlength: MAX_STUDENTNUMMER, dir: "auto", autocomplete: "off", value: student.studentnummer || "" });
  const inDatum = h("input", { type: "date", id: uid("datum"), class: "lsp-invoer-kort", value: vandaag() });
  const bewaarStudent = () => opslag.zetStudent({ naam: inNaam.value, studentnummer: inNummer.value });
  inNaam.addEventListener("input", bewaarStudent);
  inNummer.addEventListener("input", bewaarStudent);

  const overzicht = h("ul", { class: "lsp-overzicht" });
  const bevestigVak = h("div", { class: "lsp-bevestig", hidden: true });

  const blok = {
    hoofdstuk, oefeningen, opslag, uid, meld,
    hoofdstukNaam: hoofdstukNaam(hoofdstuk),
    student: () => ({ naam: inNaam.value.trim(), studentnummer: inNummer.value.trim(), datum: inDatum.value || vandaag() }),
    naamIngevuld() {
      if (inNaam.value.trim() || inNummer.value.trim()) return true;
      meld("Vul eerst je naam of je studentnummer in.", "fout");
      inNaam.focus();
      return false;
    },
    zetStudentAls(naam, nummer) {
      if (!inNaam.value && naam) inNaam.value = naam;
      if (!inNummer.value && nummer) inNummer.value = nummer;
      bewaarStudent();
    },
    vraagBevestiging(tekst, jaTekst, ja) {
      const sluit = () => { bevestigVak.hidden = true; bevestigVak.replaceChildren(); };
      const jaKnop = knop(jaTekst, () => { sluit(); ja(); }, { class: "lsp-knop lsp-gevaar" });
      const nee = knop("Annuleren", () => { sluit(); meld("Er is niets veranderd."); });
      bevestigVak.replaceChildren(h("p", { text: tekst }), h("div", { class: "lsp-knoppenrij" }, jaKnop, nee));
      bevestigVak.hidden = false;
      nee.focus();
    },
    tekenOverzicht() {
      overzicht.replaceChildren();
      if (!oefeningen.length) overzicht.append(h("li", { text: "Bij dit hoofdstuk horen (nog) geen oefeningen." }));
      for (const { spec, antwoorden, onleesbaar } of verzamelAntwoorden(oefeningen, opslag)) {
        const t = telVoortgang(spec, antwoorden);
        const li = h("li", null, h("span", { dir: "auto", text: `${spec.titel}: ${t.gedaan} van ${t.totaal} vragen beantwoord` +
          (onleesbaar ? " (opgeslagen antwoorden onleesbaar)" : "") }));
        const open = onvolledigeVragen(spec, antwoorden);
        if (open.length) {
          li.append(". ", h("span", { class: "lsp-nog-niet-af" }, open.length === t.totaal ? "Nog niet af: alle vragen, " : "Nog niet af: ",
            open.flatMap(({ q, nr }, i) => [i ? ", " : "", naarVraag(spec, q, nr)]), "."));
        }
        overzicht.append(li);
      }
    },
  };

  const afdruk = maakAfdruk(blok);
  const imp = maakImport(blok);
  const wis = maakWissen(blok);
  const titelId = uid("titel");
  el.replaceChildren(h("section", { class: "lsp-inleveren-kaart", "aria-labelledby": titelId },
    h("h3", { id: titelId, class: "lsp-titel", text: `Inleveren: ${titelNaam(hoofdstuk)}` }),
    h("p", { text: "Je antwoorden worden alleen in deze browser bewaard. Download ze als bestand om ze in te leveren of op een andere computer verder te werken." }),
    overzicht,
    h("div", { class: "lsp-formrij" }, veldje("Naam", inNaam), veldje("Studentnummer", inNummer), veldje("Datum", inDatum)),
    h("div", { class: "lsp-knoppenrij" },
      knop("Download antwoorden (JSON)", () => exporteer(blok)),
      knop("Afdrukbare versie", afdruk.open),
      knop("Antwoorden terugzetten uit bestand", imp.kies),
      knop("Wis mijn antwoorden", wis, { class: "lsp-knop lsp-gevaar" })),
    imp.invoer, bevestigVak, status));
  blok.tekenOverzicht();

  const bijWijziging = () => blok.tekenOverzicht();
  const bijAnderTabblad = (e) => { if (e.key === null || String(e.key).startsWith("lsp:")) blok.tekenOverzicht(); };
  window.addEventListener(EVENT.opgeslagen, bijWijziging);
  window.addEventListener("storage", bijAnderTabblad);
  return () => {
    afdruk.sluit();
    window.removeEventListener(EVENT.opgeslagen, bijWijziging);
    window.removeEventListener("storage", bijAnderTabblad);
  };
}
