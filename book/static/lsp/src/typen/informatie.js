// Information block: text between questions; takes no answer and is not numbered.
import { h, tekstblok, verzonnen } from "../dom.js";

export const informatie = {
  type: "informatie",
  antwoord: false,
  schoon: () => undefined,
  compleet: () => true,
  label: (q) => q.titel || "Informatie",
  leesbaar: () => [],
  render: (q) => h("div", { class: "lsp-informatie", "data-vraag": q.id },
    h("p", { class: "lsp-informatie-kop", text: q.titel || "Informatie" }), verzonnen(q), tekstblok(q.tekst)),
};
