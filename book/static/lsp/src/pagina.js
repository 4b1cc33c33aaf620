// What the exercises and the hand-in block of one page share. They talk through window events,
// not module state: in JupyterLab every widget may load its own copy of this module.

export const EVENT = Object.freeze({
  verzamel: "lsp:verzamel",     // detail {oefeningen: {}, flush}: each exercise adds {antwoorden, toestand}
  zet: "lsp:zet",               // detail {id, antwoorden | wis: true, resultaat: {}}: import or erase
  opgeslagen: "lsp:opgeslagen", // detail {id}: answers of an exercise changed or were saved
});

// Ids unique on the page, also across copies of this module.
export function nieuweUid() {
  window.__lspTeller = (window.__lspTeller || 0) + 1;
  const inst = window.__lspTeller;
  return (x) => `lsp${inst}-${x}`;
}

// What the exercises on this page hold in memory, by exercise id (flush: save pending changes
// first, for an export).
export function verzamelVanPagina(flush = false) {
  const detail = { oefeningen: {}, flush };
  window.dispatchEvent(new CustomEvent(EVENT.verzamel, { detail }));
  return detail.oefeningen;
}

// Hand answers to the exercise on this page (import) or erase them; its storage state, or
// undefined when the exercise is not on this page.
export function zetOpPagina(id, antwoorden, wis = false) {
  const detail = { id, antwoorden, wis, resultaat: {} };
  window.dispatchEvent(new CustomEvent(EVENT.zet, { detail }));
  return detail.resultaat[id];
}

// Exercise ids in the order they appear on the page (both hosts mark their element).
export const paginaVolgorde = () =>
  [...document.querySelectorAll("[data-lsp-oefening]")].map((el) => el.dataset.lspOefening);
