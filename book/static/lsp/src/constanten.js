// Facts shared by the whole front-end, in one place. The vocabulary (scales, kinds, limits)
// must equal the Python side (book/config.py); tests/test_frontend.py compares them.

// Storage in the browser (localStorage)
export const OPSLAG_FORMAAT = "lsp-opslag";
export const OPSLAG_VERSIE = 1;
export const PREFIX = "lsp:v1:";               // + exercise id: the answers of one exercise
export const KAPOT_PREFIX = "lsp:kapot:";      // + exercise id + ":" + time: data set aside
export const STUDENT_SLEUTEL = "lsp:v1:_student";

// The answer file a student hands in (book/answers.py)
export const ANTWOORDEN_FORMAAT = "lsp-antwoorden";
export const ANTWOORDEN_VERSIE = 1;

// Limits. Text length counts UTF-16 code units, as a textarea's maxlength and String.length do
// (Python: book.config.tekst_lengte).
export const MAX_TEKST = 100000;
export const MAX_NAAM = 200;
export const MAX_STUDENTNUMMER = 100;
export const MAX_KNOPEN = 200;
export const MAX_BESTAND_BYTES = 20 * 1024 * 1024;

// The marker of invented material (book/config.py VERZONNEN_LABEL), in an element with class
// lsp-verzonnen wherever an invented part is shown.
export const VERZONNEN_LABEL = "Verzonnen voorbeeld";

export const WACHT_MS = 250;                   // autosave debounce

// Vocabulary of the question types
export const STELLING_SCHAAL = Object.freeze(["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]);
export const DEFAULT_SCHAAL = Object.freeze(["nog niet", "een beetje", "redelijk", "goed", "heel goed"]);
export const DEFAULT_SOORTEN = Object.freeze(["familie", "vrienden", "buren", "school of werk", "professionals", "organisaties"]);
export const DEFAULT_KNOOP_WOORD = Object.freeze({ enkelvoud: "persoon of organisatie", meervoud: "personen en organisaties" });
export const KWALITEITEN = Object.freeze(["steunend", "neutraal", "belastend"]);
export const STERKTES = Object.freeze({ 1: "zwak", 2: "gemiddeld", 3: "sterk" });
