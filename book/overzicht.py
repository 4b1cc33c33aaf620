"""The assignment overview (page `opdrachtenoverzicht`), generated from exercises/*.yml at build time."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from IPython.display import HTML

from book.exercises.spec import Oefening, all_spec_paths, load_spec

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
TYPE_NAMES = {
    "open": "open vraag",
    "rangschikking": "rangschikking",
    "stelling": "stelling",
    "sorteren": "sorteren",
    "meerkeuze": "meerkeuze",
    "netwerk": "netwerkkaart",
    "dilemma": "dilemma",
    "zelfbeoordeling": "zelfbeoordeling",
}
WERKVORM = {"alleen": "alleen", "tweetallen": "in tweetallen", "groepje": "in een groepje", "klassengesprek": "klassengesprek"}
OVERZICHT_STYLE = """<style>
.lsp-overzicht-vak { overflow-x: auto; }
.lsp-overzicht { width: 100%; border-collapse: collapse; font-size: 0.85rem; table-layout: fixed; }
.lsp-overzicht th:nth-child(1) { width: 11%; } .lsp-overzicht th:nth-child(2) { width: 19%; }
.lsp-overzicht th:nth-child(3) { width: 18%; } .lsp-overzicht th:nth-child(4) { width: 9%; }
.lsp-overzicht th:nth-child(5) { width: 14%; } .lsp-overzicht td { overflow-wrap: break-word; hyphens: auto; }
.lsp-overzicht th, .lsp-overzicht td { vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--pst-color-border, #ccc); text-align: left; }
.lsp-overzicht ul { margin: 0; padding-left: 1.1rem; }
</style>"""
EMBED = re.compile(r'oefening\(\s*["\']([a-z0-9_]+)["\']')


def exercise_locations() -> dict[str, str]:
    """Exercise id -> the chapter notebook (stem) that embeds it."""
    where: dict[str, str] = {}
    for nb_path in sorted(CHAPTERS.glob("[0-9]*.ipynb")):
        cells = json.loads(nb_path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                for oid in EMBED.findall("".join(cell["source"])):
                    where.setdefault(oid, nb_path.stem)
    return where


def anchor(oefening_id: str) -> str:
    return f"oefening-{oefening_id}"


def exercises() -> list[Oefening]:
    specs = [load_spec(path=p) for p in all_spec_paths()]
    return sorted(specs, key=lambda s: (s.hoofdstuk, s.id))


def _types(spec: Oefening) -> str:
    seen: list[str] = []
    for v in spec.vragen:
        name = TYPE_NAMES.get(v.type)
        if name and name not in seen:
            seen.append(name)
    return ", ".join(seen)


def overzicht_html() -> str:
    where = exercise_locations()
    rows = []
    for spec in exercises():
        e = html.escape
        chapter = "Inleiding" if spec.hoofdstuk == 0 else f"Hoofdstuk {spec.hoofdstuk}"
        if spec.id in where:
            title = f'<a href="chapters/{where[spec.id]}.html#{anchor(spec.id)}">{e(spec.titel)}</a>'
        else:
            title = f"{e(spec.titel)} <em>(nog niet in een hoofdstuk)</em>"
        goals = "".join(f"<li>{e(g)}</li>" for g in spec.leerdoelen)
        rows.append(
            "<tr>"
            f"<td>{chapter}</td>"
            f"<td>{title}</td>"
            f"<td>{e(_types(spec))}</td>"
            f"<td>{spec.duur_minuten or '–'} min</td>"
            f"<td>{e(', '.join(WERKVORM[w] for w in spec.werkvorm)) or '–'}</td>"
            f"<td><ul>{goals}</ul></td>"
            "</tr>"
        )
    return (
        OVERZICHT_STYLE
        + '<div class="lsp-overzicht-vak"><table class="lsp-overzicht">'
        f"<caption>Alle {len(rows)} oefeningen van het boek, per hoofdstuk</caption>"
        "<thead><tr>"
        + "".join(f'<th scope="col">{h}</th>' for h in ("Hoofdstuk", "Oefening", "Soorten vragen", "Duur", "Werkvorm", "Leerdoelen"))
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def overzicht() -> HTML:
    """Display the overview table (used by the page `opdrachtenoverzicht`)."""
    return HTML(overzicht_html())
