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
