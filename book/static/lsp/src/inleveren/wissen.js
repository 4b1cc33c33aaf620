// Hand-in, part 4: erase the chapter's answers from this browser, after confirmation.
import { zetOpPagina } from "../pagina.js";

export function maakWissen(blok) {
  return () => blok.vraagBevestiging(
    `Weet je zeker dat je al je antwoorden bij ${blok.hoofdstukNaam} uit deze browser wilt wissen? Download ze eerst als je ze wilt bewaren.`,
    "Ja, wis mijn antwoorden", () => {
      for (const spec of blok.oefeningen) {
        if (zetOpPagina(spec.id, null, true) === undefined) blok.opslag.wis(spec.id);
      }
      blok.tekenOverzicht();
      blok.meld(`Je antwoorden bij ${blok.hoofdstukNaam} zijn gewist.`);
    });
}
