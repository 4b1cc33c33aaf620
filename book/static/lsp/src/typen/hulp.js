// Helpers for the sanitisers of the question types (pure; no DOM).

// Keys of `a` that the answer shape does not know: their data would be lost.
export const vreemdeSleutels = (a, toegestaan) => Object.keys(a).filter((k) => !toegestaan.includes(k));

// A free text field: undefined and "" are the empty answer; anything else must be a string.
// Returns [waarde, verlies].
export function tekstVeld(x) {
  if (x === undefined) return ["", false];
  if (typeof x === "string") return [x, false];
  return ["", true];
}

// A position on a 1..5 scale, or null (no choice). Returns [waarde, verlies].
export function schaalVeld(x) {
  if (x === null || x === undefined) return [null, false];
  if (Number.isInteger(x) && x >= 1 && x <= 5) return [x, false];
  return [null, true];
}

// Would dropping this value lose something the student wrote? (blank text and null do not count)
export const heeftInhoud = (x) => !(x === null || x === undefined || (typeof x === "string" && x.trim() === ""));

// A seeded shuffle: the same seed always gives the same order (stable across visits), another
// seed (another student) usually another. Returns a permutation of 0..n-1. (FNV-1a hash of the
// seed into mulberry32, then Fisher-Yates.)
export function hussel(n, zaad) {
  let h = 2166136261;
  for (const ch of String(zaad)) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  const volgende = () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const uit = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(volgende() * (i + 1));
    [uit[i], uit[j]] = [uit[j], uit[i]];
  }
  return uit;
}

// Is x a permutation of 0..n-1?
export const isPermutatie = (x, n) => Array.isArray(x) && x.length === n &&
  x.every((i) => Number.isInteger(i) && i >= 0 && i < n) && new Set(x).size === n;

// The order to show n parts of question q in: the stored one, else fixed (vaste_volgorde) or the
// student's seeded shuffle. ctx.zaad(q) gives the seed (oefening.js).
export function toonVolgorde(q, n, opgeslagen, c) {
  if (isPermutatie(opgeslagen, n)) return opgeslagen.slice();
  if (q.vaste_volgorde || !c || typeof c.zaad !== "function") return Array.from({ length: n }, (_, i) => i);
  return hussel(n, c.zaad(q));
}
