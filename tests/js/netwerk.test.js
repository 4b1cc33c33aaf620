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
  assert.deepEqual(breekRegels("  ", 5), []);
});

test("network answers in words (answer file) stay one line per node", () => {
  const a = { knopen: [{ naam: "broer", soort: "familie", sterkte: 3, kwaliteit: "steunend" }] };
  assert.deepEqual(netwerk.leesbaar({}, a), ["broer (familie, sterk, steunend)"]);
  assert.deepEqual(netwerk.leesbaar({}, undefined), []);
});

// -- the picture for export and print (losseKaart, afdruk, past), with a small fake DOM ---------

import { install } from "./nepdom.js";
import { losseKaart, past, SOORT_KLEUREN } from "../../book/static/lsp/src/typen/netwerk.js";

const rond = (x) => Math.round(Number(x) * 100) / 100;
const KAART_Q = { centrum: "Sam", vraag: "Wie hoort erbij?", soorten: ["familie", "vrienden", "buren", "school", "hulp", "clubs", "kerk"],
  knoop_woord: { enkelvoud: "actor", meervoud: "actoren" } };
const KAART = [
  { naam: "broer", soort: "familie", sterkte: 3, kwaliteit: "steunend" },
  { naam: "Ria van de overkant", soort: "buren", sterkte: 1, kwaliteit: "belastend" },
  { naam: "wijkteam", soort: "hulp", sterkte: 2, kwaliteit: "neutraal" },
  { naam: "voetbal", soort: "clubs", sterkte: 2, kwaliteit: "steunend" },
  { naam: "de kerk", soort: "kerk", sterkte: 2, kwaliteit: "steunend" },
  { naam: "Mo", soort: "vrienden", sterkte: 2, kwaliteit: "steunend" },
  { naam: "juf", soort: "school", sterkte: 2, kwaliteit: "steunend" },
];

test("the layout's numbers: radius, ellipse, angles from the top clockwise, the box around the names", () => {
  const breed = kaartIndeling(KAART_Q, KAART);
  assert.equal(breed.r, 40);
  assert.deepEqual(breed.punten.map((p) => [rond(p.x), rond(p.y), p.rechts]), [
    [0, -160, true], [160.28, -99.76, true], [199.86, 35.6, true], [88.95, 144.16, true],
    [-88.95, 144.16, false], [-199.86, 35.6, false], [-160.28, -99.76, false]]);
  assert.deepEqual(Object.values(breed.vak).map(rond), [-275.28, -179.5, 372, 178]);
  const smal = kaartIndeling(KAART_Q, KAART, true);
  assert.deepEqual(smal.punten.map((p) => [rond(p.x), rond(p.y)]).slice(0, 3), [[0, -200], [78.18, -124.7], [97.49, 44.5]]);
  assert.deepEqual(smal.punten[2].regels, ["Ria van de", "overkant"]);             // 11 characters a line
  assert.deepEqual(Object.values(smal.vak).map(rond), [-172.91, -219.5, 197.09, 218]);
  // a large centre: the radius grows with it (half the diagonal of its text, plus 6) and the ellipse with the radius
  const groot = kaartIndeling({ centrum: Array(12).fill("abcdefghijklmn").join(" ") }, [{ naam: "x", soort: "?", sterkte: 1, kwaliteit: "steunend" }]);
  assert.equal(groot.centrumRegels.length, 12);
  assert.equal(groot.r, Math.ceil(Math.hypot(14 * 14 * 0.62, 12 * 17) / 2) + 6);   // 125
  assert.deepEqual([rond(groot.punten[0].x), groot.punten[0].y], [0, -170]);         // ry = r + 45
  const smalGroot = kaartIndeling({ centrum: "abcdefghij abcdefghij abcdefghij" }, [{ naam: "x", soort: "?", sterkte: 1, kwaliteit: "steunend" },
    { naam: "y", soort: "?", sterkte: 1, kwaliteit: "steunend" }, { naam: "z", soort: "?", sterkte: 1, kwaliteit: "steunend" },
    { naam: "w", soort: "?", sterkte: 1, kwaliteit: "steunend" }], true);
  assert.equal(smalGroot.r, 57);
  assert.equal(rond(smalGroot.punten[1].x), 102);                                    // rx = r + 45 > 100
  // without names the box is the ellipse plus margins; a node at the bottom pushes the bottom down
  assert.deepEqual(kaartIndeling({ centrum: "Sam" }, []).vak, { minX: -223, minY: -178, maxX: 223, maxY: 178 });
  assert.deepEqual(kaartIndeling({ centrum: "Sam" }, [KAART[0], KAART[5]]).vak, { minX: -223, minY: -179.5, maxX: 223, maxY: 179.5 });
  // the widest line of the centre decides its radius
  assert.equal(kaartIndeling({ centrum: "abcdefghijklmn ab" }, []).r, 70);
  // the order of equal kinds is the order of the answer
  const zelfde = kaartIndeling({ centrum: "S", soorten: ["a"] }, ["p", "q", "r"].map((naam) => ({ naam, soort: "a", sterkte: 1, kwaliteit: "steunend" })));
  assert.deepEqual(zelfde.punten.map((p) => p.k.naam), ["p", "q", "r"]);
  assert.equal(kaartIndeling({ centrum: "S", soorten: [] }, [{ naam: "p", soort: "buren", sterkte: 1, kwaliteit: "steunend" }]).punten[0].soort, 2);
});

test("losseKaart: title, size, every node with its colour, line and name, the centre, the legend", () => {
  const weg = install();
  try {
    const svg = losseKaart(KAART_Q, KAART);
    const ind = kaartIndeling(KAART_Q, KAART);
    assert.deepEqual([svg.attr("viewBox"), rond(svg.attr("width")), rond(svg.attr("height"))].map(String),
      [`0 0 ${svg.attr("width")} ${svg.attr("height")}`, "679.28", "607.5"]);
    assert.equal(svg.attr("role"), "img");
    assert.equal(svg.attr("aria-label"), "Netwerkkaart rond Sam: 7 actoren");
    const [titel, achtergrond, inhoud] = svg.children;
    assert.equal(titel.textContent, "Netwerkkaart rond Sam");
    assert.deepEqual(Object.fromEntries(achtergrond.attrs), { x: "-10000", y: "-10000", width: "20000", height: "20000", fill: "#ffffff", class: "lsp-kaart-achtergrond" });
    assert.equal(inhoud.attr("transform"), "translate(16 16)");
    const [kop, kaart, legenda] = inhoud.children;
    assert.deepEqual(kop.alle("tspan").map((t) => [t.attr("y"), t.textContent]), [["20", "Netwerkkaart rond Sam"]]);
    assert.deepEqual([kop.attr("font-size"), kop.attr("font-weight"), kop.attr("fill"), kop.attr("class"), kop.attr("font-family")],
      ["18", "700", "#1f2328", "lsp-kaart-titel", "DejaVu Sans, Arial, Helvetica, sans-serif"]);
    assert.equal(kaart.attr("transform"), `translate(${(647.28044399454762 - (ind.vak.maxX - ind.vak.minX)) / 2 - ind.vak.minX} ${36 - ind.vak.minY})`);
    assert.equal(legenda.attr("transform"), `translate(0 ${36 + ind.vak.maxY - ind.vak.minY + 16})`);
    const [lijnen, punten, centrum, centrumTekst] = kaart.children;
    const verwacht = {   // naam: [kleur van de soort, dikte, streep, lijnkleur, tekst rechts]
      broer: ["#ffffff", "6.5", null, "#1a7f37", true], Mo: ["#9ecae1", "3.5", null, "#1a7f37", true],
      "Ria van de overkant": ["#fdd0a2", "1.5", "2 5", "#b3261e", true], juf: ["#c7e9c0", "3.5", null, "#1a7f37", true],
      wijkteam: ["#dadaeb", "3.5", "8 5", "#57606a", false], voetbal: ["#fcbba1", "3.5", null, "#1a7f37", false],
      "de kerk": ["#ffffff", "3.5", null, "#1a7f37", false],    // the seventh kind takes the first colour again
    };
    assert.deepEqual(punten.children.map((g) => g.children[0].textContent), [
      "broer (familie, sterk, steunend)", "Mo (vrienden, gemiddeld, steunend)", "Ria van de overkant (buren, zwak, belastend)",
      "juf (school, gemiddeld, steunend)", "wijkteam (hulp, gemiddeld, neutraal)", "voetbal (clubs, gemiddeld, steunend)",
      "de kerk (kerk, gemiddeld, steunend)"]);
    ind.punten.forEach((p, i) => {
      const [kleur, dikte, streep, lijnKleur, rechts] = verwacht[p.k.naam];
      const lijn = lijnen.children[i];
      assert.deepEqual([lijn.attr("x1"), lijn.attr("y1"), lijn.attr("x2"), lijn.attr("y2")], ["0", "0", String(p.x), String(p.y)]);
      assert.deepEqual([lijn.attr("stroke-width"), lijn.attr("stroke-dasharray"), lijn.attr("stroke"), lijn.attr("fill")], [dikte, streep, lijnKleur, "none"]);
      assert.equal(lijn.attr("class"), `lsp-lijn lsp-lijn-${p.k.kwaliteit}`);
      const [, cirkel, tekst] = punten.children[i].children;
      assert.deepEqual([cirkel.attr("cx"), cirkel.attr("cy"), cirkel.attr("r"), cirkel.attr("fill"), cirkel.attr("stroke"), cirkel.attr("stroke-width")],
        [String(p.x), String(p.y), "7", kleur, "#1f2328", "2"]);
      assert.equal(cirkel.attr("data-soort"), String(SOORT_KLEUREN.indexOf(kleur) === 0 ? p.soort : SOORT_KLEUREN.indexOf(kleur)));
      assert.equal(tekst.attr("text-anchor"), rechts ? "start" : "end");
      assert.equal(rond(tekst.attr("x")), rond(p.x + (rechts ? 11 : -11)));
      assert.deepEqual([tekst.attr("fill"), tekst.attr("font-size"), tekst.attr("class")], ["#1f2328", "13", "lsp-knoop-tekst"]);
      assert.deepEqual(tekst.alle("tspan").map((t) => [t.textContent, rond(t.attr("y"))]), [[p.k.naam, rond(p.y + 4)]]);
    });
    assert.deepEqual([centrum.attr("r"), centrum.attr("fill"), centrum.attr("stroke"), centrum.attr("stroke-width"), centrum.attr("class")],
      ["40", "#ffffff", "#1a5fb4", "4", "lsp-centrum"]);
    assert.deepEqual([centrumTekst.attr("text-anchor"), centrumTekst.attr("font-size"), centrumTekst.attr("font-weight")], ["middle", "14", "700"]);
    assert.deepEqual(centrumTekst.alle("tspan").map((t) => [t.textContent, t.attr("y")]), [["Sam", "4"]]);
    // the legend: the kinds on the map in the question's order, in rows that fit; the three line styles; the thickness
    assert.deepEqual(legenda.alle("text").map((t) => [rond(t.attr("x")), Number(t.attr("y")), t.textContent, t.attr("font-weight")]), [
      [0, 14, "Soort", "700"], [34, 36, "familie", null], [142.42, 36, "vrienden", null], [258.9, 36, "buren", null],
      [351.2, 36, "school", null], [451.56, 36, "hulp", null], [535.8, 36, "clubs", null], [34, 58, "kerk", null],
      [0, 86, "Band", "700"], [34, 108, "steunend (doorgetrokken lijn)", null], [319.74, 108, "neutraal (gestreepte lijn)", null],
      [34, 130, "belastend (gestippelde lijn)", null],
      [0, 158, "Dikte van de lijn: hoe sterk de band is (1 zwak, 2 gemiddeld, 3 sterk).", null]]);
    assert.deepEqual(legenda.alle("circle").map((c) => [rond(c.attr("cx")), c.attr("cy"), c.attr("r"), c.attr("fill"), c.attr("stroke")]), [
      [14, "31", "7", "#ffffff", "#1f2328"], [122.42, "31", "7", "#9ecae1", "#1f2328"], [238.9, "31", "7", "#fdd0a2", "#1f2328"],
      [331.2, "31", "7", "#c7e9c0", "#1f2328"], [431.56, "31", "7", "#dadaeb", "#1f2328"], [515.8, "31", "7", "#fcbba1", "#1f2328"],
      [14, "53", "7", "#ffffff", "#1f2328"]]);
    assert.deepEqual(legenda.alle("line").map((l) => [rond(l.attr("x1")), l.attr("y1"), rond(l.attr("x2")), l.attr("stroke"), l.attr("stroke-width"), l.attr("stroke-dasharray")]), [
      [0, "103", 28, "#1a7f37", "3", null], [285.74, "103", 313.74, "#57606a", "3", "8 5"], [0, "125", 28, "#b3261e", "3", "2 5"]]);
    assert.ok(legenda.alle("text").every((t) => t.attr("fill") === "#1f2328" && t.attr("font-size") === "13"));
    // the parts are what they say they are
    assert.deepEqual(svg.children.map((c) => c.tagName), ["title", "rect", "g"]);
    assert.deepEqual(inhoud.children.map((c) => c.tagName), ["text", "g", "g"]);
    assert.deepEqual(kaart.children.map((c) => [c.tagName, c.attr("class")]),
      [["g", null], ["g", null], ["circle", "lsp-centrum"], ["text", "lsp-centrum-tekst"]]);
    assert.equal(kaart.attr("class"), "lsp-kaart");
    assert.equal(legenda.attr("class"), "lsp-kaart-legenda");
    assert.ok(lijnen.children.every((c) => c.tagName === "line"));
    assert.ok(punten.children.every((g) => g.tagName === "g" && g.attr("class") === "lsp-knoop" &&
      g.children.map((c) => c.tagName).join() === "title,circle,text" && g.children[1].attr("class") === "lsp-knoop-punt"));
    assert.ok(legenda.alle("line").every((l) => l.attr("y2") === l.attr("y1")));
    // names and centre of several lines: lines 15 (names) and 17 (centre) apart, around the point
    const veel = losseKaart({ centrum: "abcdefghijklmn ab" }, [{ naam: "een naam die over drie regels gaat zeker", soort: "familie", sterkte: 1, kwaliteit: "steunend" }], true);
    const veelKaart = veel.children[2].children[1];
    const p0 = kaartIndeling({ centrum: "abcdefghijklmn ab" }, [{ naam: "een naam die over drie regels gaat zeker", soort: "familie" }], true).punten[0];
    assert.deepEqual(veelKaart.children[1].alle("tspan").map((t) => rond(t.attr("y") - p0.y)), [-18.5, -3.5, 11.5, 26.5]);   // 4 + (i - 1.5) * 15
    assert.equal(p0.regels.length, 4);
    assert.deepEqual(veelKaart.children[3].alle("tspan").map((t) => [t.textContent, t.attr("y")]), [["abcdefghij", "-4.5"], ["klmn ab", "12.5"]]);
    // a narrow map is centred in the picture (at least 420 wide)
    const smalKaart = losseKaart({ centrum: "Sam" }, [], true);
    assert.equal(smalKaart.attr("width"), String(420 + 32));
    assert.match(smalKaart.children[2].children[1].attr("transform"), /^translate\(210 /);   // (420 - 236) / 2 + 118
    // a kind name wider than the row: on the first row all the same
    const breedSoort = losseKaart({ centrum: "Sam", soorten: ["s".repeat(60)] }, [{ naam: "x", soort: "s".repeat(60), sterkte: 1, kwaliteit: "steunend" }]);
    assert.equal(breedSoort.children[2].children[2].alle("circle")[0].attr("cy"), "31");
    // only the kinds on the map are in the legend
    assert.deepEqual(losseKaart(KAART_Q, [KAART[1]]).children[2].children[2].alle("text").map((t) => t.textContent).slice(0, 3), ["Soort", "buren", "Band"]);
    // a map without nodes: no "Soort" row; one node: the singular; a long centre: the title wraps
    const leeg = losseKaart({ centrum: "Sam" }, []);
    assert.equal(leeg.attr("aria-label"), "Netwerkkaart rond Sam: 0 personen en organisaties");
    assert.deepEqual(leeg.children[2].children[2].alle("text").map((t) => t.textContent)[0], "Band");
    assert.equal(losseKaart({ centrum: "Sam" }, [KAART[0]]).attr("aria-label"), "Netwerkkaart rond Sam: 1 persoon of organisatie");
    const lang = losseKaart({ centrum: "het hele netwerk van de familie Ouali in de Afrikaanderwijk" }, []);
    assert.deepEqual(lang.children[2].children[0].alle("tspan").map((t) => [t.attr("y"), t.textContent]),
      [["20", "Netwerkkaart rond het hele netwerk van"], ["44", "de familie Ouali in de Afrikaanderwijk"]]);   // 39 characters a line
  } finally {
    weg();
  }
});

test("afdruk: the picture without a fixed size and the table; nothing for an empty map", () => {
  const weg = install();
  try {
    assert.equal(netwerk.afdruk(KAART_Q, undefined), null);
    assert.equal(netwerk.afdruk(KAART_Q, { knopen: [] }), null);
    const div = netwerk.afdruk(KAART_Q, { knopen: KAART.slice(0, 2) });
    assert.equal(div.attr("class"), "lsp-netwerk-afdruk");
    const [svg, tabel] = div.children;
    assert.equal(svg.tagName, "svg");
    assert.ok(!svg.hasAttribute("width") && !svg.hasAttribute("height"));
    assert.equal(svg.attr("style"), "width:100%;max-width:32rem;height:auto;display:block");
    assert.equal(tabel.attr("class"), "lsp-tabel");
    assert.equal(tabel.alle("caption")[0].textContent, "Netwerk van Sam als tabel");
    assert.deepEqual(tabel.alle("thead")[0].alle("th").map((th) => [th.attr("scope"), th.textContent]),
      [["col", "Naam"], ["col", "Soort"], ["col", "Sterkte"], ["col", "Kwaliteit"]]);
    assert.deepEqual(tabel.alle("tbody")[0].alle("tr").map((tr) => tr.children.map((c) => [c.tagName, c.attr("scope"), c.attr("dir"), c.textContent])), [
      [["th", "row", "auto", "broer"], ["td", null, null, "familie"], ["td", null, null, "3 – sterk"], ["td", null, null, "steunend"]],
      [["th", "row", "auto", "Ria van de overkant"], ["td", null, null, "buren"], ["td", null, null, "1 – zwak"], ["td", null, null, "belastend"]]]);
    assert.deepEqual([div.tagName, svg.tagName, tabel.tagName], ["div", "svg", "table"]);
    assert.deepEqual(tabel.children.map((c) => c.tagName), ["caption", "thead", "tbody"]);
    assert.deepEqual(tabel.children[1].children.map((c) => c.tagName), ["tr"]);
    assert.equal(weg.frames.length, 1);            // measured once drawn
    svg.isConnected = true;
    svg.getBBox = () => ({ width: 0 });
    weg.frames[0]();                               // not drawn yet (no size): the box stays
    assert.equal(svg.attr("viewBox").split(" ")[0], "0");
    svg.getBBox = () => ({ width: 1 });
    svg.children[2].getBBox = () => ({ x: -50, y: 0, width: 10, height: 10 });
    svg.children[2].transform = null;
    weg.frames[0]();                               // drawn: the box grows to the left by 50 + 12
    assert.equal(svg.attr("viewBox").split(" ")[0], "-62");
  } finally {
    weg();
  }
});

test("past: the box grows to what was drawn (with the transform of each part), never shrinks; the size follows", () => {
  const deel = (x, y, width, height, e = 0, f = 0, tagName = "g") => ({ tagName, getBBox: () => ({ x, y, width, height }),
    transform: { baseVal: { consolidate: () => ({ matrix: { e, f } }) } } });
  const maak = (kinderen, metMaat = true) => {
    const attrs = new Map([["viewBox", "0 0 100 50"], ...(metMaat ? [["width", "100"], ["height", "50"]] : [])]);
    return { isConnected: true, getBBox: () => ({ width: 1 }), children: kinderen, getAttribute: (k) => attrs.get(k),
      setAttribute: (k, v) => attrs.set(k, String(v)), hasAttribute: (k) => attrs.has(k), attrs };
  };
  const svg = maak([deel(-20, 10, 30, 20, 5, -4), deel(90, 40, 50, 30, 3, 10), deel(-999, -999, 5000, 5000, 0, 0, "rect"), { tagName: "title" }]);
  past(svg);
  // left: -20 + 5 - 12 = -27; top: 10 - 4 - 12 = -6; right: 90 + 3 + 50 + 12 = 155; bottom: 40 + 10 + 30 + 12 = 92
  assert.equal(svg.attrs.get("viewBox"), "-27 -6 182 98");
  assert.deepEqual([svg.attrs.get("width"), svg.attrs.get("height")], ["182", "98"]);
  const binnen = maak([deel(20, 20, 5, 5)], false);
  past(binnen, 16);
  assert.equal(binnen.attrs.get("viewBox"), "0 0 100 50");                 // never smaller than the estimate
  assert.ok(!binnen.attrs.has("width"));
  const zonderTransform = maak([{ tagName: "g", getBBox: () => ({ x: 95, y: 0, width: 10, height: 10 }), transform: null }]);
  past(zonderTransform, 0);
  assert.equal(zonderTransform.attrs.get("viewBox"), "0 0 105 50");
  const los = maak([deel(0, 0, 500, 500)]);
  los.isConnected = false;
  past(los);
  assert.equal(los.attrs.get("viewBox"), "0 0 100 50");
  const kapot = maak([deel(0, 0, 500, 500)]);
  kapot.getBBox = () => { throw new Error("not rendered"); };
  past(kapot);
  assert.equal(kapot.attrs.get("viewBox"), "0 0 100 50");
});

test("netwerk: label, completeness, a kind name of exactly the maximum length", () => {
  assert.equal(netwerk.label({ vraag: "Wie?" }), "Wie?");
  assert.equal(netwerk.compleet({}, { knopen: [] }), false);
  assert.equal(netwerk.compleet({}, { knopen: [KAART[0]] }), true);
  const k = { naam: "n", soort: "s".repeat(200), sterkte: 1, kwaliteit: "steunend" };
  assert.deepEqual(netwerk.schoon({}, { knopen: [k] }), { waarde: { knopen: [k] }, verlies: false });
  assert.equal(netwerk.schoon({}, { knopen: [{ ...k, soort: "s".repeat(201) }] }).verlies, true);
});
