"""The assignment overview (page ``opdrachtenoverzicht``), generated from exercises/*.yml at build time.

Written by ``_ext/lsp_pages.py`` (the directive ``{lsp-overzicht}``) as plain HTML; the style
is ``book/static/pages/overzicht.css``. Rows follow the book: chapter by chapter, each in the
order of its page (``book.plaatsing.volgorde``). Every text is escaped (``book.html.el``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from book.config import TYPE_NAMEN, WERKVORM_TEKST, anchor
from book.exercises.spec import Oefening, spec_results
from book.html import el
from book.plaatsing import hoofdstukken, volgorde

CSS = "pages/overzicht.css"        # in book/static/, served as _static/pages/overzicht.css
KOLOMMEN = ("Hoofdstuk", "Oefening", "Soorten vragen", "Duur", "Werkvorm", "Leerdoelen")

# Kept under their old names for callers of the former module.
TYPE_NAMES = TYPE_NAMEN
WERKVORM = WERKVORM_TEKST


def exercises(exercises_dir: Path | None = None, chapters_dir: Path | None = None) -> list[Oefening]:
    """Every loadable exercise, chapter by chapter, each chapter in page order."""
    good = [r for r in spec_results(exercises_dir).values() if isinstance(r, Oefening)]
    out: list[Oefening] = []
    for hoofdstuk in sorted({s.hoofdstuk for s in good}):
        out += volgorde(hoofdstuk, good, chapters_dir)
    return out


def exercise_locations(chapters_dir: Path | None = None, exercises_dir: Path | None = None) -> dict[str, str]:
    """Exercise id -> the chapter page (file stem) it appears on: embedded, or as an extra case."""
    chapters = hoofdstukken(chapters_dir)
    where: dict[str, str] = {}
    for h in chapters.values():
        for oid in h.oefeningen():
            where.setdefault(oid, h.naam)
    for spec in exercises(exercises_dir, chapters_dir):
        if spec.id not in where and spec.hoofdstuk in chapters:
            where[spec.id] = chapters[spec.hoofdstuk].naam
    return where


def _types(spec: Oefening) -> str:
    seen: list[str] = []
    for v in spec.vragen:
        name = TYPE_NAMEN.get(v.type)
        if name and name not in seen:
            seen.append(name)
    return ", ".join(seen)


def _default_href(chapter_stem: str) -> str:
    return f"chapters/{chapter_stem}.html"


def overzicht_html(exercises_dir: Path | None = None, chapters_dir: Path | None = None,
                   href: Callable[[str], str] = _default_href) -> str:
    """The overview table; ``href(chapter_stem)`` gives the link to a chapter page."""
    where = exercise_locations(chapters_dir, exercises_dir)
    rows = []
    for spec in exercises(exercises_dir, chapters_dir):
        chapter = "Inleiding" if spec.hoofdstuk == 0 else f"Hoofdstuk {spec.hoofdstuk}"
        if spec.id in where:
            title = el("a", spec.titel, href=f"{href(where[spec.id])}#{anchor(spec.id)}")
        else:
            title = [spec.titel, " ", el("em", "(nog niet in een hoofdstuk)")]
        rows.append(el(
            "tr",
            el("td", chapter),
            el("td", title),
            el("td", _types(spec)),
            el("td", f"{spec.duur_minuten} min" if spec.duur_minuten else "–"),
            el("td", ", ".join(WERKVORM_TEKST[w] for w in spec.werkvorm) or "–"),
            el("td", el("ul", [el("li", g) for g in spec.leerdoelen]) if spec.leerdoelen else "–"),
        ))
    table = el(
        "table",
        el("caption", f"Alle {len(rows)} oefeningen van het boek, per hoofdstuk in de volgorde van de pagina"),
        el("thead", el("tr", [el("th", k, scope="col") for k in KOLOMMEN])),
        el("tbody", rows),
        class_="lsp-overzicht",
    )
    return str(el("div", table, class_="lsp-overzicht-vak"))
