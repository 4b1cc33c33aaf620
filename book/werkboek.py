"""The printable workbook: every case and question of a chapter on paper, with room to write.

Written at build time by ``_ext/lsp_pages.py`` (the directive ``{lsp-werkboek} N`` on the pages
``werkboek/hN.md``), as plain HTML without script; the style is ``book/static/pages/werkboek.css``.
Print it through the browser (Ctrl+P, "Opslaan als PDF"). Teacher text never appears here.

Exercises follow the order of the chapter page (``book.plaatsing.volgorde``); questions carry
the number the page shows ("Vraag N"); case texts are split into paragraphs and lists by the same
rule as the front-end (``tekstDelen``/``tekstblok``).
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from book.config import STELLING_SCHAAL, VERZONNEN_LABEL, WERKVORM_TEKST
from book.exercises.spec import Oefening, spec_results, vraagnummers
from book.html import Markup, el, fragment
from book.plaatsing import volgorde

CSS = "pages/werkboek.css"         # in book/static/, served as _static/pages/werkboek.css
LEGE_NETWERKREGELS = 8

_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_BLOKGRENS = re.compile(r"\n\s*\n")


def tekst_delen(tekst: str | None) -> list[dict[str, Any]]:
    """Plain text to paragraphs and lists: ``[{"alinea": str} | {"lijst": [str, ...]}]``.

    The same rule as the front-end's ``tekstDelen`` (blank lines separate blocks; within a block
    each line starting with "- " or "* " is a list item, other lines join into a paragraph), so
    a list right after an intro line is a list here too. The parity test compares both on every
    real text.
    """
    delen: list[dict[str, Any]] = []
    tekst = re.sub(r"\r\n?", "\n", str(tekst or ""))
    for blok in _BLOKGRENS.split(tekst):
        regels = [r for r in blok.split("\n") if r.strip() != ""]
        lijst: dict[str, Any] | None = None
        alinea: list[str] = []
        for regel in regels:
            m = _BULLET.match(regel)
            if m:
                if alinea:
                    delen.append({"alinea": " ".join(alinea)})
                    alinea = []
                if lijst is None:
                    lijst = {"lijst": []}
                    delen.append(lijst)
                lijst["lijst"].append(m.group(1))
            else:
                lijst = None
                alinea.append(regel.strip())
        if alinea:
            delen.append({"alinea": " ".join(alinea)})
    return delen


def tekstblok(tekst: str | None, cls: str = "") -> Markup:
    """Escaped HTML of :func:`tekst_delen`, in a ``div.lsp-tekst`` like the front-end's."""
    kids = [
        el("ul", [el("li", item) for item in d["lijst"]]) if "lijst" in d else el("p", d["alinea"])
        for d in tekst_delen(tekst)
    ]
    return el("div", kids, class_=("lsp-tekst " + cls).strip())


def verzonnen(flag: bool) -> Markup | None:
    """The marker every invented part carries (site, JupyterLab, print view, workbook)."""
    return el("p", el("span", VERZONNEN_LABEL, class_="lsp-verzonnen")) if flag else None


def _lijnen(n: int) -> Markup:
    return el("div", [el("div", class_="lsp-wb-lijn") for _ in range(n)], class_="lsp-wb-lijnen", aria_hidden="true")


def _vak() -> Markup:
    return el("span", class_="lsp-wb-vak", aria_hidden="true")


def _tabel(kop: list[Any], rijen: list[list[Any]], cls: str = "", rij_cls: list[str | None] | None = None) -> Markup:
    head = el("thead", el("tr", [el("th", k, scope="col") for k in kop]))
    body = el("tbody", [
        el("tr", [el("td", c) for c in rij], class_=(rij_cls[i] if rij_cls else None))
        for i, rij in enumerate(rijen)
    ])
    return el("table", head, body, class_=cls or None)


def _geschud(items: list[Any], sleutel: str, vast: bool) -> list[Any]:
    """Options and items in a fixed but mixed order (the page shuffles per student; paper must
    not give the answer away by the written order, in which the right option often comes first)."""
    if vast:
        return list(items)
    out = list(items)
    random.Random(sleutel).shuffle(out)
    return out


def _open(v) -> list[Any]:
    parts: list[Any] = [_lijnen(6)]
    if v.kijkpunten:
        parts.append(el("div",
                        el("p", "Kijk je antwoord na: zet een vinkje bij elk kijkpunt dat in je antwoord staat.",
                           class_="lsp-wb-instructie"),
                        el("ul", [el("li", _vak(), " ", k) for k in v.kijkpunten], class_="lsp-wb-vinklijst"),
                        class_="lsp-wb-kijkpunten"))
    if v.rubric:
        breedte = max(len(c.niveaus) for c in v.rubric)
        kop = ["Criterium"] + [f"Niveau {n}" for n in range(1, breedte + 1)]
        rijen = [
            [c.criterium] + [fragment(_vak(), " ", n) for n in c.niveaus] + [""] * (breedte - len(c.niveaus))
            for c in v.rubric
        ]
        parts.append(el("div",
                        el("p", "Beoordeel je antwoord: kies per criterium één niveau (niveau 1 is het laagste).",
                           class_="lsp-wb-instructie"),
                        _tabel(kop, rijen, "lsp-wb-rubric"),
                        class_="lsp-wb-rubric-vak"))
    return parts


def _rangschikking(v, spec: Oefening) -> list[Any]:
    items = _geschud(v.items, f"{spec.id}:{v.id}", False)
    return [_tabel(["Item", "Plaats", "Reden"], [[i, "", ""] for i in items], "lsp-wb-schrijftabel")]


def _stelling(v, spec: Oefening) -> list[Any]:
    parts: list[Any] = []
    for ronde in ([1, 2] if v.tweede_ronde else [1]):
        if ronde == 2:
            parts.append(el("div",
                            el("p", "Nieuwe informatie", class_="lsp-wb-kopje"),
                            verzonnen(v.tweede_ronde.verzonnen),
                            tekstblok(v.tweede_ronde.informatie),
                            el("p", "Kies opnieuw. Is je mening veranderd? Waarom?"),
                            class_="lsp-wb-informatie"))
        rijen = [[s] + [_vak() for _ in STELLING_SCHAAL] for s in v.stellingen]
        parts.append(_tabel([f"Stelling (ronde {ronde})" if v.tweede_ronde else "Stelling", *STELLING_SCHAAL],
                            rijen, "lsp-wb-keuzetabel"))
        parts.append(el("p", "Mijn argumenten:"))
        parts.append(_lijnen(4))
    return parts


def _sorteren(v, spec: Oefening) -> list[Any]:
    items = _geschud(v.items, f"{spec.id}:{v.id}", v.vaste_volgorde)
    return [_tabel(["Item", *v.categorieen], [[i.tekst] + [_vak() for _ in v.categorieen] for i in items],
                   "lsp-wb-keuzetabel")]


def _meerkeuze(v, spec: Oefening) -> list[Any]:
    opties = _geschud(v.opties, f"{spec.id}:{v.id}", v.vaste_volgorde)
    parts: list[Any] = []
    if v.meerdere_juist:
        parts.append(el("p", "Er is meer dan één goed antwoord: kruis alle goede antwoorden aan.",
                        class_="lsp-wb-instructie"))
    parts.append(el("ul", [el("li", _vak(), " ", o.tekst) for o in opties], class_="lsp-wb-vinklijst"))
    return parts


def _netwerk(v, spec: Oefening) -> list[Any]:
    woord = v.knoop_woord
    start = [[k.naam, k.soort, str(k.sterkte), k.kwaliteit] for k in v.startknopen]
    leeg = [["", "", "", ""] for _ in range(LEGE_NETWERKREGELS)]
    return [
        el("p", f"Teken rond {v.centrum} de {woord.meervoud}: dichtbij = een sterke band, verder weg = "
                "een zwakkere. Vul daarna de tabel aan.", class_="lsp-wb-instructie"),
        el("p", "Soorten: ", ", ".join(v.soorten), ". Kwaliteit: steunend, neutraal of belastend.",
           class_="lsp-wb-meta"),
        el("div", el("span", v.centrum, class_="lsp-wb-centrum"), class_="lsp-wb-kaart"),
        _tabel([f"Naam ({woord.enkelvoud})", "Soort", "Sterkte (1-3)", "Kwaliteit"], start + leeg,
               "lsp-wb-schrijftabel lsp-wb-netwerktabel",
               [None] * len(start) + ["lsp-wb-leeg"] * len(leeg)),
    ]


def _dilemma(v, spec: Oefening) -> list[Any]:
    nummers = {kid: n for n, kid in enumerate(v.knopen, 1)}
    parts: list[Any] = [el("p", f"Begin bij situatie {nummers[v.start]}. Kies steeds één mogelijkheid en "
                                "ga naar de situatie die erachter staat.", class_="lsp-wb-instructie")]
    for kid, knoop in v.knopen.items():
        blok: list[Any] = [el("p", f"Situatie {nummers[kid]}", class_="lsp-wb-kopje"), verzonnen(knoop.verzonnen),
                           tekstblok(knoop.tekst)]
        if knoop.keuzes:
            blok.append(el("ul", [el("li", _vak(), " ", k.tekst, el("span", f" → ga naar situatie {nummers[k.naar]}",
                                                                      class_="lsp-wb-naar"))
                                  for k in knoop.keuzes], class_="lsp-wb-vinklijst"))
        else:
            blok.append(el("p", "Einde van dit pad.", class_="lsp-wb-meta"))
            if knoop.reflectie:
                blok.append(tekstblok(knoop.reflectie, "lsp-wb-reflectie"))
            blok.append(_lijnen(3))
        parts.append(el("div", blok, class_="lsp-wb-situatie"))
    parts.append(el("p", "Mijn pad (situaties na elkaar):"))
    parts.append(_lijnen(1))
    return parts


def _zelfbeoordeling(v, spec: Oefening) -> list[Any]:
    return [_tabel(["Aspect", *v.schaal], [[a] + [_vak() for _ in v.schaal] for a in v.aspecten], "lsp-wb-keuzetabel")]


TYPEN = {
    "open": lambda v, spec: _open(v),
    "rangschikking": _rangschikking,
    "stelling": _stelling,
    "sorteren": _sorteren,
    "meerkeuze": _meerkeuze,
    "netwerk": _netwerk,
    "dilemma": _dilemma,
    "zelfbeoordeling": _zelfbeoordeling,
}


def _vraag(v, spec: Oefening, nummer: int | None) -> Markup:
    if v.type == "informatie":
        return el("div", el("p", v.titel or "Informatie", class_="lsp-wb-kopje"), verzonnen(v.verzonnen),
                  tekstblok(v.tekst), class_="lsp-wb-informatie")
    parts: list[Any] = [el("h3", f"Vraag {nummer}", class_="lsp-wb-vraagkop"), verzonnen(v.verzonnen)]
    if getattr(v, "vraag", None):
        parts.append(el("p", el("strong", v.vraag), class_="lsp-wb-vraagtekst"))
    if v.toelichting:
        parts.append(tekstblok(v.toelichting, "lsp-wb-toelichting"))
    parts += TYPEN[v.type](v, spec)
    return el("div", parts, class_=f"lsp-wb-vraag lsp-wb-{v.type}")


def oefening_html(spec: Oefening) -> Markup:
    meta = []
    if spec.duur_minuten:
        meta.append(f"ongeveer {spec.duur_minuten} minuten")
    if spec.werkvorm:
        meta.append(", ".join(WERKVORM_TEKST[w] for w in spec.werkvorm))
    nummers = vraagnummers(spec)
    return el(
        "section",
        el("h2", spec.titel),
        el("p", " · ".join(meta), class_="lsp-wb-meta") if meta else None,
        fragment(el("p", "Na deze oefening:"), el("ul", [el("li", g) for g in spec.leerdoelen]))
        if spec.leerdoelen else None,
        el("div", el("p", "Casus", class_="lsp-wb-kopje"), verzonnen(spec.verzonnen), tekstblok(spec.casus),
           class_="lsp-wb-casus") if spec.casus else None,
        [_vraag(v, spec, nummers.get(v.id)) for v in spec.vragen],
        class_="lsp-wb-oefening",
        id=f"werkboek-{spec.id}",
    )


def specs_van(hoofdstuk: int, exercises_dir: Path | None = None, chapters_dir: Path | None = None) -> list[Oefening]:
    """The loadable specs of a chapter, in page order (broken files are reported by the build)."""
    good = [r for r in spec_results(exercises_dir).values() if isinstance(r, Oefening)]
    return volgorde(hoofdstuk, good, chapters_dir)


def werkboek_html(hoofdstuk: int, exercises_dir: Path | None = None, chapters_dir: Path | None = None) -> str:
    specs = specs_van(hoofdstuk, exercises_dir, chapters_dir)
    kop = el("div",
             [el("p", el("span", label, class_="lsp-wb-veldnaam"), el("span", class_="lsp-wb-invul"))
              for label in ("Naam:", "Studentnummer:", "Datum:")],
             class_="lsp-wb-kop")
    inhoud = [oefening_html(s) for s in specs] or [el("p", "Dit hoofdstuk heeft nog geen oefeningen.")]
    return str(el("div", kop, inhoud, class_="lsp-werkboek"))
