// Hand-in, part 3: restore answers from an answer file (checked, confirmed, never cut).
import { MAX_BESTAND_BYTES } from "../constanten.js";
import { isLeeg, meervoud } from "../basis.js";
import { h } from "../dom.js";
import { leesAntwoordBestand } from "../antwoorden.js";
import { zetOpPagina } from "../pagina.js";
import { verzamelAntwoorden } from "./export.js";

export function maakImport(blok) {
  const invoer = h("input", { type: "file", accept: ".json,application/json", class: "lsp-verborgen", tabindex: "-1", "aria-hidden": "true" });

  const zetTerug = (r) => {
    const nu = Date.now();
    let nietBewaard = 0;
    for (const [oid, antw] of Object.entries(r.nieuw)) {
      let st = zetOpPagina(oid, antw);
      if (st === undefined) st = blok.opslag.schrijf(oid, antw, Object.fromEntries(Object.keys(antw).map((q) => [q, nu])));
      if (st !== "ok") nietBewaard += 1;
    }
    blok.zetStudentAls(r.naam, r.studentnummer);
    blok.tekenOverzicht();
    const n = Object.keys(r.nieuw).length;
    let tekst = `Antwoorden teruggezet bij ${meervoud(n, "oefening", "oefeningen")}.`;
    if (r.overgeslagen) tekst += ` ${r.overgeslagen} antwoord(en) pasten niet bij de vragen en zijn overgeslagen; ze staan nog in het bestand.`;
    if (nietBewaard) {
      tekst = `Je antwoorden staan weer op de pagina, maar je browser kon ze niet bewaren (${meervoud(nietBewaard, "oefening", "oefeningen")}). ` +
        "Bewaar het bestand goed en download je antwoorden voordat je de pagina sluit.";
    }
    blok.meld(tekst, nietBewaard ? "fout" : "ok");
  };

  invoer.addEventListener("change", () => {
    const f = invoer.files && invoer.files[0];
    invoer.value = "";
    if (!f) return;
    if (f.size > MAX_BESTAND_BYTES) { blok.meld("Dit bestand is te groot voor een antwoordbestand. Er is niets veranderd.", "fout"); return; }
    f.text().then((tekst) => {
      const r = leesAntwoordBestand(tekst, blok.hoofdstuk, blok.oefeningen);
      if (r.fout) { blok.meld(r.fout, "fout"); return; }
      const bestaand = verzamelAntwoorden(blok.oefeningen, blok.opslag, true)
        .filter((x) => x.spec.id in r.nieuw && (!isLeeg(x.antwoorden) || x.onleesbaar));
      if (bestaand.length) {
        blok.vraagBevestiging(`In deze browser staan al antwoorden bij ${bestaand.length} van deze oefeningen. Wil je ze vervangen door de antwoorden uit het bestand?`,
          "Ja, vervang mijn antwoorden", () => zetTerug(r));
      } else {
        zetTerug(r);
      }
    }, () => blok.meld("Het bestand kon niet worden gelezen. Er is niets veranderd.", "fout"));
  });

  return { invoer, kies: () => invoer.click() };
}
