"""Where each exercise appears in the book, and in which order (page order).

A chapter page shows its exercises in this order:

1. the exercises its notebook embeds with ``oefening("<id>")``, where the cells stand;
2. the *extra cases*: exercise files with ``hoofdstuk: N`` that no chapter notebook embeds.
   They need no notebook edit. With ``plaats: <label>`` a case appears at the end of the text of
   the section that carries that label (``(label)=`` above a heading; before its subsections, and
   before the hand-in block if that stands in the same section). Without ``plaats`` it appears in
   a section "Extra casussen" just before the hand-in block (``inleveren(N)``), or at the end of
   the chapter if there is none.

The build (``_ext/lsp_pages.py``) puts the extra cases on the chapter page; the overview, the
workbook, the hand-in block and the class view use :func:`volgorde` for the same order. This
module reads the chapter files as text (no kernel, no build).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from book.config import CHAPTERS_DIR

EMBED = re.compile(r"""\boefening\(\s*["']([a-z0-9_]+)["']""")
HANDIN = re.compile(r"\binleveren\(\s*(\d+)")
LABEL = re.compile(r"^\(([^()\s]+)\)=\s*$")
HEADING = re.compile(r"^(#{1,6})\s+\S")
FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})")
CHAPTER_FILE = re.compile(r"^(\d\d)_[a-z0-9_]+$")
CODE_CELL = re.compile(r"^```\{code-cell\}")
EXTRA_TITEL = "Extra casussen"
EXTRA_ID = "extra-casussen"


@dataclass
class Gebeurtenis:
    """One thing in a chapter file, in reading order."""

    soort: str          # "label", "kop" (heading), "tekst", "oefening", "inleveren"
    waarde: str = ""    # label name, exercise id, or chapter number
    niveau: int = 0     # heading level
    cel: int = -1       # notebook cell index (code cells of .ipynb files)


@dataclass
class Hoofdstuk:
    nummer: int
    pad: Path
    gebeurtenissen: list[Gebeurtenis] = field(default_factory=list)

    @property
    def naam(self) -> str:
        return self.pad.stem

    def oefeningen(self) -> list[str]:
        return [g.waarde for g in self.gebeurtenissen if g.soort == "oefening"]

    def labels(self) -> dict[str, int]:
        """Label -> index of the heading it labels (only labels directly above a heading)."""
        out: dict[str, int] = {}
        for i, g in enumerate(self.gebeurtenissen):
            if g.soort == "label":
                nxt = self.gebeurtenissen[i + 1] if i + 1 < len(self.gebeurtenissen) else None
                if nxt is not None and nxt.soort == "kop":
                    out.setdefault(g.waarde, i + 1)
        return out

    def inleveren(self) -> int | None:
        return next((i for i, g in enumerate(self.gebeurtenissen) if g.soort == "inleveren"), None)


def _markdown_events(text: str) -> list[Gebeurtenis]:
    out: list[Gebeurtenis] = []
    fence: str | None = None
    for line in text.splitlines():
        m = FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):].strip():
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if lab := LABEL.match(line.strip()):
            out.append(Gebeurtenis("label", lab.group(1)))
        elif kop := HEADING.match(line):
            out.append(Gebeurtenis("kop", niveau=len(kop.group(1))))
        elif line.strip() and (not out or out[-1].soort != "tekst"):
            out.append(Gebeurtenis("tekst"))   # text between a label and a heading: the label is not the heading's
    return out


def _code_events(source: str, cel: int) -> list[Gebeurtenis]:
    out = [Gebeurtenis("oefening", m.group(1), cel=cel) for m in EMBED.finditer(source)]
    out += [Gebeurtenis("inleveren", m.group(1), cel=cel) for m in HANDIN.finditer(source)]
    return out


def lees_hoofdstuk(pad: Path) -> Hoofdstuk:
    """The events of one chapter file (.ipynb, or a MyST .md page with ``code-cell`` blocks)."""
    m = CHAPTER_FILE.match(pad.stem)
    nummer = int(m.group(1)) if m else -1
    events: list[Gebeurtenis] = []
    if pad.suffix == ".ipynb":
        cells = json.loads(pad.read_text(encoding="utf-8")).get("cells", [])
        for i, cell in enumerate(cells):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            if cell.get("cell_type") == "markdown":
                events += _markdown_events(source)
            elif cell.get("cell_type") == "code":
                events += _code_events(source, i)
    else:
        text = pad.read_text(encoding="utf-8")
        parts = re.split(r"(?ms)^(```\{code-cell\}.*?^```\s*$)", text)
        for part in parts:
            if CODE_CELL.match(part):
                events += _code_events(part, -1)
            else:
                events += _markdown_events(part)
    return Hoofdstuk(nummer, pad, events)


def hoofdstukken(chapters_dir: Path | None = None) -> dict[int, Hoofdstuk]:
    """Chapter number -> its file (``chapters/NN_*.ipynb`` or ``.md``); the template is skipped."""
    d = chapters_dir or CHAPTERS_DIR
    out: dict[int, Hoofdstuk] = {}
    for pad in sorted([*d.glob("[0-9][0-9]_*.ipynb"), *d.glob("[0-9][0-9]_*.md")]):
        if CHAPTER_FILE.match(pad.stem):
            h = lees_hoofdstuk(pad)
            out.setdefault(h.nummer, h)
    return out


def ingebed(chapters_dir: Path | None = None) -> dict[str, str]:
    """Exercise id -> the chapter file (stem) whose notebook embeds it (first embedding wins)."""
    out: dict[str, str] = {}
    for h in hoofdstukken(chapters_dir).values():
        for oid in h.oefeningen():
            out.setdefault(oid, h.naam)
    return out


class PlaatsFout(ValueError):
    """`plaats` names no label of the chapter (Dutch message)."""


def plek_van_extra(h: Hoofdstuk, plaats: str | None) -> int:
    """Index in h.gebeurtenissen before which an extra case with this `plaats` appears."""
    handin = h.inleveren()
    end = len(h.gebeurtenissen)
    if plaats is None:
        return handin if handin is not None else end
    labels = h.labels()
    if plaats not in labels:
        raise PlaatsFout(plaats)
    kop = labels[plaats]
    nxt = next((i for i in range(kop + 1, end) if h.gebeurtenissen[i].soort == "kop"), end)
    if handin is not None and kop < handin < nxt:
        return handin
    return nxt


def plaats_melding(oefening_id: str, hoofdstuk: int, plaats: str, h: Hoofdstuk | None) -> str:
    bekend = sorted(h.labels()) if h else []
    lijst = ", ".join(repr(x) for x in bekend[:12]) + (", ..." if len(bekend) > 12 else "")
    waar = f"het hoofdstukbestand {h.pad.name}" if h else f"hoofdstuk {hoofdstuk} (geen hoofdstukbestand gevonden)"
    return (
        f"Fout in oefening exercises/{oefening_id}.yml: veld plaats: verwacht een label uit {waar} "
        f"(een regel '(label)=' boven een kopje: {lijst or 'geen'}); gevonden {plaats!r}"
    )


def volgorde(hoofdstuk: int, specs, chapters_dir: Path | None = None) -> list:
    """The specs of one chapter in page order (see the module docstring).

    ``specs`` are exercise specs (anything with ``id``, ``hoofdstuk`` and ``plaats``); those of
    other chapters are ignored. An unknown ``plaats`` puts the case with the other extra cases
    (the build and ``python -m book controleer`` report it).
    """
    chapters = hoofdstukken(chapters_dir)
    h = chapters.get(hoofdstuk)
    everywhere = ingebed(chapters_dir)
    mine = [s for s in specs if s.hoofdstuk == hoofdstuk]
    ranked: list[tuple[float, int, str, object]] = []
    for s in mine:
        if h is not None and s.id in h.oefeningen():
            pos = next(i for i, g in enumerate(h.gebeurtenissen) if g.soort == "oefening" and g.waarde == s.id)
            ranked.append((pos, 0, s.id, s))
        elif s.id in everywhere or h is None:
            ranked.append((float("inf"), 0, s.id, s))   # embedded by another chapter, or no chapter file
        else:
            try:
                pos, loose = plek_van_extra(h, getattr(s, "plaats", None)), getattr(s, "plaats", None) is None
            except PlaatsFout:
                pos, loose = plek_van_extra(h, None), True
            # at the same place, cases at their label come before the section "Extra casussen"
            ranked.append((pos - 0.5, 2 if loose else 1, s.id, s))
    ranked.sort(key=lambda r: (r[0], r[1], r[2]))
    return [r[3] for r in ranked]


def extra_casussen(hoofdstuk: int, specs, chapters_dir: Path | None = None) -> list:
    """The specs of a chapter that no chapter notebook embeds, in page order."""
    everywhere = ingebed(chapters_dir)
    return [s for s in volgorde(hoofdstuk, specs, chapters_dir) if s.id not in everywhere]
