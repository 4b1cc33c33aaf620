// The registry of question types. Every type is one object with one contract:
//
//   type             the spec's `type` (book/exercises/spec.py has its model)
//   antwoord         false for types that take no answer (informatie)
//   schoon(q, a)     a stored or imported answer, never trusted -> {waarde, verlies} or undefined
//                    (undefined: does not fit at all; verlies: parts were left out. Either way
//                    the caller keeps the original aside, so nothing is lost.)
//   compleet(q, a)   every part answered (progress in the hand-in block)
//   label(q)         the question as text: the answer file's "vragen" and the print view
//   leesbaar(q, a)   the answer in words, one string per line (print view); [] = no answer
//   render(q, ctx)   the interactive question; ctx has get(id), set(id, value), uid(x),
//                    vraagId(q), meld(text), zaad(q) (seed for shuffling) and the exercise id
//
// Adding a type: one file here with such an object, one line below, and its spec model in
// book/exercises/spec.py plus its answer model in book/answers.py.
import { open } from "./open.js";
import { rangschikking } from "./rangschikking.js";
import { stelling } from "./stelling.js";
import { sorteren } from "./sorteren.js";
import { meerkeuze } from "./meerkeuze.js";
import { netwerk } from "./netwerk.js";
import { dilemma } from "./dilemma.js";
import { zelfbeoordeling } from "./zelfbeoordeling.js";
import { informatie } from "./informatie.js";

export const TYPEN = Object.freeze(Object.fromEntries(
  [open, rangschikking, stelling, sorteren, meerkeuze, netwerk, dilemma, zelfbeoordeling, informatie].map((t) => [t.type, t])));

export const typeVan = (q) => TYPEN[q.type];
export const vraagtAntwoord = (q) => !!(TYPEN[q.type] && TYPEN[q.type].antwoord);
