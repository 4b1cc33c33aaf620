// Test helpers: a fake Storage, a fake clock and timer, and the fixture exercise as data
// (the same questions as tests/fixtures/exercises/alle_typen.yml, without teacher text).

export class NepStorage {
  constructor() {
    this.data = new Map();
    this.weiger = null;         // (key, value) => Error to throw, or null
    this.geblokkeerd = false;   // every access throws (storage disabled)
    this.schrijfacties = 0;     // successful setItem calls
  }
  #check() { if (this.geblokkeerd) throw Object.assign(new Error("geblokkeerd"), { name: "SecurityError" }); }
  getItem(k) { this.#check(); return this.data.has(k) ? this.data.get(k) : null; }
  setItem(k, v) {
    this.#check();
    const fout = this.weiger && this.weiger(k, v);
    if (fout) throw fout;
    this.data.set(k, String(v));
    this.schrijfacties += 1;
  }
  removeItem(k) { this.#check(); this.data.delete(k); }
  key(i) { return [...this.data.keys()][i] ?? null; }
  get length() { return this.data.size; }
  sleutels(prefix = "") { return [...this.data.keys()].filter((k) => k.startsWith(prefix)); }
}

export const volFout = () => Object.assign(new Error("vol"), { name: "QuotaExceededError" });

// A clock that only moves when told, and timers that only run when told.
export function nepTijd(start = 1_000_000) {
  let nu = start;
  const taken = new Map();
  let volgende = 1;
  return {
    klok: () => nu,
    verder(ms) { nu += ms; },
    planner: {
      zet(f, ms) { const t = volgende++; taken.set(t, { f, op: nu + ms }); return t; },
      wis(t) { taken.delete(t); },
    },
    // run every timer due after `ms` more milliseconds
    laatLopen(ms = 0) {
      nu += ms;
      for (const [t, { f, op }] of [...taken]) if (op <= nu) { taken.delete(t); f(); }
    },
    aantalTimers: () => taken.size,
  };
}

export const SPEC = Object.freeze({
  id: "alle_typen",
  titel: "Testcasus met alle vraagtypen",
  hoofdstuk: 1,
  vragen: [
    { id: "a1", type: "open", vraag: "Wat valt je op?", kijkpunten: ["de buurvrouw"] },
    { id: "a2", type: "rangschikking", vraag: "Welke volgorde?", items: ["Markt", "Broer", "Team"] },
    { id: "a3", type: "stelling", stellingen: ["Eerst contact.", "Buurvrouw hoort erbij."], tweede_ronde: { informatie: "Later." } },
    { id: "a4", type: "sorteren", vraag: "Helpt dit?", categorieen: ["Helpend", "Belemmerend"],
      items: [{ tekst: "Ritme", categorie: "Helpend" }, { tekst: "Wantrouwen", categorie: "Belemmerend" }, { tekst: "Broer" }] },
    { id: "a5", type: "meerkeuze", vraag: "Outreach?", opties: [{ tekst: "Wachten", juist: false }, { tekst: "Opzoeken", juist: true }, { tekst: "Doorverwijzen", juist: false }] },
    { id: "a6", type: "netwerk", vraag: "Netwerk?", centrum: "Sam",
      startknopen: [{ naam: "broer", soort: "familie", sterkte: 2, kwaliteit: "steunend" }] },
    { id: "v1", type: "informatie", titel: "Later", tekst: "Sam belt." },
    { id: "a7", type: "dilemma", vraag: "Geld lenen?", start: "k1", knopen: {
      k1: { tekst: "Sam vraagt geld.", keuzes: [{ tekst: "Nee.", naar: "k2" }, { tekst: "Vraag door.", naar: "k3" }] },
      k2: { tekst: "Sam loopt weg.", reflectie: "Anders?" },
      k3: { tekst: "Een rekening.", keuzes: [{ tekst: "Samen.", naar: "k4" }] },
      k4: { tekst: "Een plan." } } },
    { id: "a8", type: "zelfbeoordeling", vraag: "Hoe sterk?", aspecten: ["Contact", "Luisteren", "Volhouden"] },
  ],
});

export const vraag = (id) => SPEC.vragen.find((q) => q.id === id);

// A complete, valid answer to every question of SPEC.
export const GOED = Object.freeze({
  a1: { tekst: "Sam mist contact." },
  a2: { volgorde: ["Broer", "Markt", "Team"], redenen: { Broer: "eerst", Markt: "dan", Team: "laatst" } },
  a3: { ronde1: [{ positie: 4, argument: "ja" }, { positie: 2, argument: "nee" }], ronde2: [{ positie: 5, argument: "toch" }, { positie: 1, argument: "nee" }] },
  a4: { indeling: { Ritme: "Helpend", Wantrouwen: "Belemmerend", Broer: "Helpend" } },
  a5: { keuze: 1 },
  a6: { knopen: [{ naam: "broer", soort: "familie", sterkte: 3, kwaliteit: "steunend" }] },
  a7: { pad: ["k1", "k3", "k4"], reflectie: "Doorvragen hielp." },
  a8: { scores: [4, 3, 5] },
});
