// The plain-text rule for case texts (paragraphs and "- " lists), without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";

import { tekstDelen } from "../../book/static/lsp/src/dom.js";
import { hoofdstukNaam, slug, vandaag } from "../../book/static/lsp/src/basis.js";

test("blank lines separate paragraphs; lines in a paragraph are joined", () => {
  assert.deepEqual(tekstDelen("Een\ntwee\n\n  Drie  \r\n\r\nVier"), [{ alinea: "Een twee" }, { alinea: "Drie" }, { alinea: "Vier" }]);
  assert.deepEqual(tekstDelen(""), []);
  assert.deepEqual(tekstDelen(null), []);
});

test("a sentence followed by bullets is a paragraph and a list, not one run-on line", () => {
  assert.deepEqual(tekstDelen("In de wijk:\n- een blok huurwoningen\n* eenzaamheid\nNa de lijst."), [
    { alinea: "In de wijk:" }, { lijst: ["een blok huurwoningen", "eenzaamheid"] }, { alinea: "Na de lijst." },
  ]);
  assert.deepEqual(tekstDelen("-geen lijst"), [{ alinea: "-geen lijst" }]);
  assert.deepEqual(tekstDelen("<img src=x onerror=alert(1)>"), [{ alinea: "<img src=x onerror=alert(1)>" }]);
});

test("small helpers", () => {
  assert.equal(hoofdstukNaam(0), "de inleiding");
  assert.equal(hoofdstukNaam(3), "hoofdstuk 3");
  assert.equal(slug("  Zoë de Vries!! "), "zoe-de-vries");
  assert.equal(slug(""), "");
  assert.equal(slug("x".repeat(50)).length, 40);
  assert.equal(vandaag(new Date(2026, 2, 4)), "2026-03-04");
});
