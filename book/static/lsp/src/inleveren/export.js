// Hand-in, part 1: gather the answers of the chapter and download them as an answer file.
import { isLeeg, slug } from "../basis.js";
import { download } from "../dom.js";
import { maakAntwoordBestand, schoonAntwoorden } from "../antwoorden.js";
import { paginaVolgorde, verzamelVanPagina } from "../pagina.js";

// The chapter's exercises in page order (those not on this page last, as listed), each with its
// answers: from memory when it is on this page (what the student sees, also when the browser
// cannot store), otherwise from storage.
export function verzamelAntwoorden(oefeningen, opslag, flush = false) {
  const opPagina = verzamelVanPagina(flush);
  const volgorde = paginaVolgorde();
  const plek = (spec) => (volgorde.includes(spec.id) ? volgorde.indexOf(spec.id) : volgorde.length);
  const gesorteerd = oefeningen.map((spec, i) => ({ spec, i })).sort((a, b) => plek(a.spec) - plek(b.spec) || a.i - b.i);
  return gesorteerd.map(({ spec }) => {
    if (opPagina[spec.id]) return { spec, antwoorden: opPagina[spec.id].antwoorden, onleesbaar: false };
    const r = opslag.kijk(spec.id);
    const antwoorden = r.status === "ok" ? schoonAntwoorden(spec, r.antwoorden).antwoorden : {};
    return { spec, antwoorden, onleesbaar: r.status === "kapot" };
  });
}

export const heeftAntwoorden = (per) => per.some((x) => !isLeeg(x.antwoorden));

export function maakBestand(blok) {
  const per = verzamelAntwoorden(blok.oefeningen, blok.opslag, true);
  const student = blok.student();
  return {
    per,
    bestand: maakAntwoordBestand({ hoofdstuk: blok.hoofdstuk, ...student, per }),
  };
}

export function exporteer(blok) {
  if (!blok.naamIngevuld()) return;
  const { per, bestand } = maakBestand(blok);
  if (!heeftAntwoorden(per)) {
    blok.meld(`Je hebt bij ${blok.hoofdstukNaam} nog niets ingevuld, dus er is nog niets om te downloaden.`, "fout");
    return;
  }
  const naam = `lsp-h${blok.hoofdstuk}-${slug(bestand.naam || bestand.studentnummer) || "student"}-${bestand.datum}.json`;
  download(naam, JSON.stringify(bestand, null, 2), "application/json");
  blok.meld(`Je antwoorden zijn gedownload als ${naam}.`);
}
