// The network map's drawing rules (pure): names wrap and are never cut; the layout leaves room for them.
import { test } from "node:test";
import assert from "node:assert/strict";

import { breekRegels, kaartIndeling, netwerk } from "../../book/static/lsp/src/typen/netwerk.js";

test("a name wraps between words, a long word is split, and nothing is lost", () => {
  assert.deepEqual(breekRegels("mannen die betalen voor de kinderen", 12), ["mannen die", "betalen voor", "de kinderen"]);
  assert.deepEqual(breekRegels("Sam", 12), ["Sam"]);
  assert.deepEqual(breekRegels("  twee   spaties  ", 30), ["twee spaties"]);
  assert.deepEqual(breekRegels("Ziektekostenverzekeraar", 10), ["Ziektekost", "enverzeker", "aar"]);
  assert.deepEqual(breekRegels("a Ziektekostenverzekeraar b", 10), ["a", "Ziektekost", "enverzeker", "aar b"]);
  assert.deepEqual(breekRegels("😀😀😀😀", 3), ["😀😀😀", "😀"]);            // characters, not UTF-16 halves
  const naam = "oudere zus (elders in het land, belt af en toe)";
  for (const max of [5, 11, 24]) {
    const regels = breekRegels(naam, max);
    assert.ok(regels.every((r) => [...r].length <= max), `${max}: ${regels}`);
    assert.equal(regels.join(" ").replace(/\s+/g, ""), naam.replace(/\s+/g, ""));
  }
});

test("the layout: every node on the ellipse, names on the outside, the box holds every name", () => {
  const q = { centrum: "De huiskamer van het buurthuis", soorten: ["mensen", "dingen"] };
  const knopen = [
    { naam: "koffie en thee op de tafel bij de ingang", soort: "dingen", sterkte: 3, kwaliteit: "steunend" },
    { naam: "Ria", soort: "mensen", sterkte: 1, kwaliteit: "neutraal" },
    { naam: "huisregels van de vereniging", soort: "onbekend", sterkte: 2, kwaliteit: "belastend" },
  ];
  for (const smal of [false, true]) {
    const ind = kaartIndeling(q, knopen, smal);
    assert.equal(ind.punten.length, 3);
    assert.deepEqual(ind.punten.map((p) => p.k.naam), [knopen[2].naam, "Ria", knopen[0].naam]);   // grouped by kind, unknown first
    assert.deepEqual(ind.punten.map((p) => p.soort), [0, 0, 1]);
    assert.ok(ind.centrumRegels.length > 1 && ind.r >= 40);
    for (const p of ind.punten) {
      assert.equal(p.regels.join(" "), p.k.naam);
      const w = Math.max(...p.regels.map((r) => r.length)) * 13 * 0.62;
      if (p.rechts) assert.ok(p.x + 11 + w <= ind.vak.maxX, p.k.naam);
      else assert.ok(p.x - 11 - w >= ind.vak.minX, p.k.naam);
      assert.ok(Math.hypot(p.x, p.y) > ind.r + 20);                                   // outside the centre circle
    }
    assert.ok(ind.punten.every((p) => p.regels.every((r) => r.length <= (smal ? 11 : 24))));
  }
  assert.deepEqual(kaartIndeling(q, []).punten, []);
});

test("network answers in words (answer file) stay one line per node", () => {
  const a = { knopen: [{ naam: "broer", soort: "familie", sterkte: 3, kwaliteit: "steunend" }] };
  assert.deepEqual(netwerk.leesbaar({}, a), ["broer (familie, sterk, steunend)"]);
  assert.deepEqual(netwerk.leesbaar({}, undefined), []);
});
