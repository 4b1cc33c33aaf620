"""The printable workbook: every case and question of a chapter on paper, with room to write.

Rendered at build time as plain HTML (no script), for the pages `werkboek/hN`; print them
through the browser (Ctrl+P, "Opslaan als PDF"). Teacher text never appears here.
"""

from __future__ import annotations

import html

from IPython.display import HTML

from book.exercises.spec import Oefening
from book.overzicht import WERKVORM, exercises

DEFAULT_POSITIES = ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]
STYLE = """<style>
.lsp-werkboek section.lsp-wb-oefening { break-before: page; }
.lsp-werkboek section.lsp-wb-oefening:first-of-type { break-before: auto; }
.lsp-werkboek .lsp-wb-vraag { break-inside: avoid; margin: 1.2em 0; }
.lsp-werkboek .lsp-wb-lijnen { border: 0; margin: .4em 0 0; padding: 0; }
.lsp-werkboek .lsp-wb-lijnen li { list-style: none; border-bottom: 1px solid #888; height: 1.9em; }
.lsp-werkboek table { border-collapse: collapse; margin: .5em 0; }
.lsp-werkboek th, .lsp-werkboek td { border: 1px solid #888; padding: .25em .5em; vertical-align: top; }
.lsp-werkboek .lsp-wb-vak { display: inline-block; width: 1em; height: 1em; border: 1px solid #333; vertical-align: middle; }
.lsp-werkboek .lsp-wb-kaart { border: 1px dashed #888; height: 14em; display: flex; align-items: center; justify-content: center; }
.lsp-werkboek .lsp-wb-meta { color: #555; font-size: .9em; }
@media print {
  .lsp-werkboek { font-size: 11pt; color: #000; }
  .bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header-article, .prev-next-area, footer, .lsp-wb-uitleg { display: none !important; }
}
</style>"""


def _e(text: str | None) -> str:
    return html.escape(text or "")


def _paragraphs(text: str | None) -> str:
    """Plain text to paragraphs and '- ' lists, escaped (the same rule as the front-end)."""
    out = []
    for block in (text or "").strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            out.append("<ul>" + "".join(f"<li>{_e(line[2:])}</li>" for line in lines) + "</ul>")
        elif lines:
            out.append(f"<p>{_e(' '.join(lines))}</p>")
    return "".join(out)


def _lines(n: int) -> str:
    return '<ol class="lsp-wb-lijnen" aria-hidden="true">' + "<li></li>" * n + "</ol>"


def _box() -> str:
    return '<span class="lsp-wb-vak" aria-hidden="true"></span>'


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _question(v) -> str:
    kind = v.type
    parts = []
    if kind == "informatie":
        title = f"<h4>{_e(v.titel)}</h4>" if v.titel else ""
        return f'<div class="lsp-wb-vraag">{title}{_paragraphs(v.tekst)}</div>'
    if getattr(v, "vraag", None):
        parts.append(f"<p><strong>{_e(v.vraag)}</strong></p>")
    if v.toelichting:
        parts.append(_paragraphs(v.toelichting))
    if kind == "open":
        parts.append(_lines(6))
    elif kind == "rangschikking":
        parts.append(_table(["Item", "Plaats", "Reden"], [[_e(i), "", "<br><br>"] for i in v.items]))
    elif kind == "stelling":
        for ronde in ([1, 2] if v.tweede_ronde else [1]):
            if ronde == 2:
                parts.append(f"<p><em>Nieuwe informatie:</em></p>{_paragraphs(v.tweede_ronde.informatie)}")
                parts.append("<p>Kies opnieuw. Is je mening veranderd? Waarom?</p>")
            rows = [[_e(s)] + [_box() for _ in DEFAULT_POSITIES] for s in v.stellingen]
            parts.append(_table(["Stelling"] + DEFAULT_POSITIES, rows))
            parts.append("<p>Mijn argumenten:</p>" + _lines(4))
    elif kind == "sorteren":
        rows = [[_e(i.tekst)] + [_box() for _ in v.categorieen] for i in v.items]
        parts.append(_table(["Item"] + [_e(c) for c in v.categorieen], rows))
    elif kind == "meerkeuze":
        parts.append("<ul>" + "".join(f"<li>{_box()} {_e(o.tekst)}</li>" for o in v.opties) + "</ul>")
    elif kind == "netwerk":
        parts.append(f'<div class="lsp-wb-kaart">{_e(v.centrum)}</div>')
        start = [[_e(k.naam), _e(k.soort), str(k.sterkte), _e(k.kwaliteit)] for k in v.startknopen]
        parts.append(_table(["Naam", "Soort", "Sterkte (1-3)", "Kwaliteit"], start + [["", "", "", ""]] * 8))
    elif kind == "dilemma":
        for node_id, node in v.knopen.items():
            text = f"<p><strong>{_e(node_id)}.</strong> {_e(node.tekst)}</p>"
            if node.keuzes:
                text += "<ul>" + "".join(f"<li>{_e(k.tekst)} → ga naar {_e(k.naar)}</li>" for k in node.keuzes) + "</ul>"
            else:
                text += f"<p><em>{_e(node.reflectie)}</em></p>" + _lines(3)
            parts.append(text)
        parts.append(f"<p class='lsp-wb-meta'>Begin bij {_e(v.start)}.</p>")
    elif kind == "zelfbeoordeling":
        rows = [[_e(a)] + [_box() for _ in v.schaal] for a in v.aspecten]
        parts.append(_table(["Aspect"] + [_e(s) for s in v.schaal], rows))
    return f'<div class="lsp-wb-vraag">{"".join(parts)}</div>'


def _exercise(spec: Oefening) -> str:
    meta = []
    if spec.duur_minuten:
        meta.append(f"ongeveer {spec.duur_minuten} minuten")
    if spec.werkvorm:
        meta.append(", ".join(WERKVORM[w] for w in spec.werkvorm))
    goals = "".join(f"<li>{_e(g)}</li>" for g in spec.leerdoelen)
    return (
        f'<section class="lsp-wb-oefening" aria-label="{_e(spec.titel)}">'
        f"<h3>{_e(spec.titel)}</h3>"
        f'<p class="lsp-wb-meta">{_e(" · ".join(meta))}</p>'
        + (f"<p>Na deze oefening:</p><ul>{goals}</ul>" if goals else "")
        + _paragraphs(spec.casus)
        + "".join(_question(v) for v in spec.vragen)
        + "</section>"
    )


def werkboek_html(hoofdstuk: int) -> str:
    specs = [s for s in exercises() if s.hoofdstuk == hoofdstuk]
    header = (
        '<div class="lsp-werkboek"><p>Naam: ______________________ &nbsp; Studentnummer: ____________ '
        "&nbsp; Datum: ____________</p>"
    )
    return STYLE + header + "".join(_exercise(s) for s in specs) + "</div>"


def werkboek(hoofdstuk: int) -> HTML:
    """Display the printable workbook of one chapter."""
    return HTML(werkboek_html(hoofdstuk))
