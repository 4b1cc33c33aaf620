// Small pure helpers (no DOM): usable in Node's test runner.

export const isObj = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
export const kloon = (x) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
export const isLeeg = (o) => !o || Object.keys(o).length === 0;
export const gelijk = (a, b) => JSON.stringify(a) === JSON.stringify(b);
export const nl = (n) => Number(n).toLocaleString("nl-NL");
export const isTekst = (x) => typeof x === "string";
export const nietLeeg = (x) => typeof x === "string" && x.trim() !== "";

// Length as the browser counts it (UTF-16 code units); Python: book.config.tekst_lengte.
export const tekstLengte = (t) => String(t).length;

export function slug(t) {
  return String(t || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 40);
}

export function vandaag(d = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// "de inleiding" for chapter 0, else "hoofdstuk N".
export const hoofdstukNaam = (n) => (n === 0 ? "de inleiding" : `hoofdstuk ${n}`);

export const meervoud = (n, een, meer) => `${n} ${n === 1 ? een : meer}`;
