"""The figures of the book, drawn from ``data/`` as SVG with real text, made for a phone first.

One registry, :data:`FIGURES`: every figure is one :class:`Figuur` (plot function, data file,
rows of its data table, table layout, caption, note), added with the :func:`figuur_def`
decorator on its plot function. Adding a figure touches that one place.

Layout. Every figure is :data:`BREEDTE` inches wide and uses no text smaller than
:data:`TEKST` points. On a phone of 390 CSS px the article column is about 340 px, so the
figure is shown at about 0.8 of its natural size and the smallest text is about 12.9 CSS px
(``tests/test_figures.py`` measures it in Chromium). Plot functions lay out in points on a
:class:`Doek` (canvas): labels above bars, one column, text wrapped by measured width.
Everything that used to be small print inside the image (notes, sources, the key to the bar
styles) is HTML text under the figure instead.

Bounds stay bounds (shape and pattern, never colour alone; the key is written out in words
under the figure and linked to the image with ``aria-describedby``):

- precies: a filled bar;
- ongeveer: a light bar with diagonal hatching;
- meer dan / minstens: a filled bar up to the bound, with an arrow pointing past it;
- minder dan / hoogstens / bijna: an open bar with a dashed outline, a thick stop line at the
  bound and an arrow pointing back: the real number lies somewhere inside the bar;
- a range (``waarde_tot``): a filled bar to the lower value, a dotted piece up to the upper one.

Output. :func:`figuur` shows one HTML block: the SVG inline (text as text, no base64 PNG),
the key, notes and source, and the data table in a ``<details>`` toggle. Inline SVG costs
less than the PNG it replaced and needs no extra request; ``test_svg_stays_small`` keeps it
that way (a figure over the budget would have to become a separate file). The SVG is
deterministic: fixed hash salt, no date or software in the metadata, ids prefixed per figure.
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # figures are rendered to files, never to a window

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402

from book.config import editie  # noqa: E402
from book.data import UNIT_SUFFIX, format_number, load, load_all, qualifier_of  # noqa: E402

# --- style ------------------------------------------------------------------------------------

# Okabe-Ito, safe for the common forms of colour blindness.
OKABE_ITO = {
    "oranje": "#E69F00", "hemelsblauw": "#56B4E9", "blauwgroen": "#009E73", "geel": "#F0E442",
    "blauw": "#0072B2", "vermiljoen": "#D55E00", "paars": "#CC79A7", "zwart": "#000000",
}
# Marks on white need a contrast of at least 3:1 (WCAG 1.4.11): blue, vermilion and bluish
# green have it; orange, sky blue and yellow only as fills with a dark outline or as text-free
# areas next to a darker neighbour.
BLAUW, VERMILJOEN, BLAUWGROEN = OKABE_ITO["blauw"], OKABE_ITO["vermiljoen"], OKABE_ITO["blauwgroen"]
PALETTE = [OKABE_ITO[k] for k in ("blauw", "vermiljoen", "blauwgroen", "paars", "oranje", "hemelsblauw")]
GRIJS = "#666666"       # neutral marks (contrast 5.7:1 on white)
LICHTGRIJS = "#dddddd"  # guide lines
TEKSTKLEUR = "#222222"

BREEDTE = 4.4           # inch; see the module docstring for why
TEKST = 12.0            # pt, the smallest text in any figure
TITEL = 13.5            # pt
REGEL = 1.3             # line height as a multiple of the font size
MARGE = 6.0             # pt around the drawing
W = BREEDTE * 72        # figure width in pt

FONT_STACK = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"]
STYLE: dict[str, Any] = {
    "font.family": ["sans-serif"],
    "font.sans-serif": FONT_STACK,
    "font.size": TEKST,
    "text.color": TEKSTKLEUR,
    "text.parse_math": False,       # a '$' in a label is a dollar sign
    "figure.dpi": 72,               # 1 px = 1 pt while measuring
    "savefig.dpi": 150,
    "savefig.facecolor": "white",
    "hatch.linewidth": 0.9,
    "svg.hashsalt": "lerende-sociale-professionals",
    "svg.fonttype": "none",         # text stays text: sharp, selectable, found by search
    "pdf.fonttype": 42,
}
SAVE_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None, "Format": None, "Type": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}
SVG_BUDGET = 48_000     # bytes per inline SVG; above this a figure should become a separate file
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

# How a bar is drawn, per kind, and the key in words (shown under the figure).
SLEUTEL: dict[str, str] = {
    "exact": "gevulde staaf: het getal uit de bron",
    "circa": "gearceerde staaf: ongeveer dit getal (een benadering)",
    "ondergrens": "gevulde staaf met een pijl naar rechts: meer dan (of minstens) dit getal; "
                  "het echte getal is hoger",
    "bovengrens": "open staaf met een streep en een pijl naar links: minder dan, hoogstens of bijna "
                  "dit getal; het echte getal ligt ergens in de staaf",
    "bereik": "staaf met een gestreept stuk: ergens tussen de twee getallen",
    "rest": "grijze, gekruist gearceerde staaf: het deel dat de bron niet noemt (door ons berekend)",
    "geen": "geen staaf, schuine tekst: de bron geeft geen aantal",
}
KIND_OF_QUALIFIER = {"exact": "exact", "circa": "circa", "more_than": "ondergrens", "at_least": "ondergrens",
                     "less_than": "bovengrens", "at_most": "bovengrens", "almost": "bovengrens"}


def styled(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Draw inside the one house style."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with plt.rc_context(STYLE):
            return fn(*args, **kwargs)
    return wrapper


# --- the canvas -------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _renderer():
    from matplotlib.backends.backend_agg import RendererAgg
    return RendererAgg(1, 1, 72)   # 72 dpi: widths in px are widths in pt


@functools.lru_cache(maxsize=None)
def breedte(text: str, size: float = TEKST, weight: str = "normal", style: str = "normal") -> float:
    """Width of ``text`` in pt, as matplotlib will lay it out (the same font as STYLE picks)."""
    prop = FontProperties(family=FONT_STACK[0], size=size, weight=weight, style=style)
    return float(_renderer().get_text_width_height_descent(text, prop, ismath=False)[0])


def wrap(text: str, width: float, size: float = TEKST, weight: str = "normal", style: str = "normal") -> list[str]:
    """Greedy word wrap by measured width (a single over-long word keeps its own line)."""
    lines: list[str] = []
    for part in str(text).split("\n"):
        line = ""
        for word in part.split():
            trial = f"{line} {word}".strip()
            if line and breedte(trial, size, weight, style) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def wrap_balanced(text: str, width: float, size: float = TEKST, weight: str = "normal") -> list[str]:
    """Wrap into as few lines as :func:`wrap`, but of similar length (no lone last word)."""
    lines = wrap(text, width, size, weight)
    if len(lines) < 2:
        return lines
    lo, hi = 0.0, width
    for _ in range(16):
        mid = (lo + hi) / 2
        if len(wrap(text, mid, size, weight)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return wrap(text, hi, size, weight)


class Doek(Figure):
    """A figure of fixed width whose data coordinates are points from the top left (y down).

    Plot functions draw from top to bottom, moving :attr:`y`; :meth:`klaar` sets the height
    to what was drawn. :attr:`soorten` records the bar kinds drawn, for the key in words.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.y = MARGE
        self.soorten: list[str] = []
        self.vlak: Axes = self.add_axes((0, 0, 1, 1))
        self.vlak.set_xlim(0, W)
        self.vlak.set_ylim(400, 0)
        self.vlak.set_autoscale_on(False)   # coordinates are fixed points; no data limits to track
        self.vlak.axis("off")

    def soort(self, kind: str) -> None:
        if kind not in self.soorten:
            self.soorten.append(kind)

    def regels(self, lines: Sequence[str], x: float, size: float = TEKST, ha: str = "left",
               weight: str = "normal", style: str = "normal", color: str = TEKSTKLEUR,
               y: float | None = None) -> float:
        """Draw lines of text, top at ``y`` (default: the cursor); return their height."""
        top = self.y if y is None else y
        step = size * REGEL
        for i, line in enumerate(lines):
            self.vlak.text(x, top + i * step + size * 0.95, line, fontsize=size, ha=ha, va="baseline",
                           fontweight=weight, fontstyle=style, color=color)
        return step * len(lines)

    def titel(self, text: str) -> None:
        self.y += self.regels(wrap_balanced(text, W - 2 * MARGE, TITEL, "bold"), MARGE, TITEL, weight="bold") + 6

    def klaar(self) -> Doek:
        height = self.y + MARGE
        self.set_size_inches(BREEDTE, height / 72)
        self.vlak.set_ylim(height, 0)
        return self


def nieuw_doek() -> Doek:
    fig = plt.figure(FigureClass=Doek, figsize=(BREEDTE, 6))
    assert isinstance(fig, Doek)
    return fig


# --- bars -------------------------------------------------------------------------------------

BALK = 12.0     # bar height, pt
PIJL = 20.0     # room for an arrow past a bar end, pt


def bound_bar(doek: Doek, x0: float, scale: float, y: float, row: Any, color: str, height: float = BALK) -> None:
    """One horizontal bar from ``x0``, top at ``y``, drawn according to its qualifier."""
    ax = doek.vlak
    v = float(row["waarde"])
    kind = KIND_OF_QUALIFIER[qualifier_of(row)]
    x1 = x0 + v * scale
    mid = y + height / 2
    arrow = {"arrowstyle": "-|>", "color": color, "lw": 2.4, "mutation_scale": 16, "shrinkA": 0, "shrinkB": 0}
    if kind == "exact":
        ax.add_patch(plt.Rectangle((x0, y), x1 - x0, height, facecolor=color, edgecolor=color, lw=1))
    elif kind == "circa":
        ax.add_patch(plt.Rectangle((x0, y), x1 - x0, height, facecolor=_licht(color), edgecolor=color,
                                   hatch="///", lw=1.2))
    elif kind == "ondergrens":
        ax.add_patch(plt.Rectangle((x0, y), x1 - x0, height, facecolor=color, edgecolor=color, lw=1))
        ax.annotate("", xy=(x1 + PIJL - 1, mid), xytext=(x1, mid), arrowprops=arrow)
    else:  # bovengrens: the real number lies somewhere in the open bar
        ax.add_patch(plt.Rectangle((x0, y), x1 - x0, height, facecolor="white", edgecolor=color, lw=1.5,
                                   linestyle=(0, (4, 2.5))))
        ax.plot([x1, x1], [y - 3, y + height + 3], color=color, lw=3.2, solid_capstyle="butt")
        ax.annotate("", xy=(max(x1 - 22, x0 + 2), mid), xytext=(x1 - 2, mid), arrowprops=arrow)
    doek.soort(kind)
    tot = row.get("waarde_tot", np.nan) if hasattr(row, "get") else np.nan
    if isinstance(tot, float) and not np.isnan(tot):
        ax.add_patch(plt.Rectangle((x1, y), (tot - v) * scale, height, facecolor="white", edgecolor=color,
                                   hatch="---", lw=1.2))
        doek.soort("bereik")


def _licht(color: str) -> str:
    """The colour mixed with 65% white (same hue, a light fill under hatching)."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * 0.65):02x}" for c in (r, g, b))


@dataclass
class Staaf:
    """One row of a bar list: a label, the value in words and how to draw the bar."""
    label: str
    row: Any = None              # a data row (waarde, kwalificatie, ...); None: no bar
    color: str = BLAUW
    waarde: str | None = None    # value text; default format_number(row)
    geen: str = ""               # text instead of a bar (no number in the source)
    rest: bool = False           # the remainder the source does not name
    kop: str = ""                # a group heading above this row


def staven(doek: Doek, rows: Sequence[Staaf], xmax: float) -> None:
    """A phone-friendly bar list: label left and value right on one line, the bar below it."""
    x0, x1 = MARGE, W - MARGE - PIJL
    scale = (x1 - x0) / xmax
    for s in rows:
        if s.kop:
            doek.y += 4
            doek.y += doek.regels(wrap(s.kop, W - 2 * MARGE, TEKST, "bold"), MARGE, weight="bold") + 1
        value = s.waarde if s.waarde is not None else (format_number(s.row) if s.row is not None else "")
        vw = breedte(value, weight="bold") if value else 0.0
        room = W - 2 * MARGE - vw - 10
        if room < 120:   # the value does not fit next to the label: give it its own line
            label_lines = wrap(s.label, W - 2 * MARGE)
            h = doek.regels(label_lines, MARGE)
            doek.y += h
            doek.y += doek.regels([value], W - MARGE, ha="right", weight="bold")
        else:
            label_lines = wrap(s.label, room)
            doek.regels([value], W - MARGE, ha="right", weight="bold")
            doek.y += doek.regels(label_lines, MARGE)
        doek.y += 2
        if s.geen:
            doek.y += doek.regels(wrap(s.geen, W - 2 * MARGE, style="italic"), MARGE, style="italic", color=GRIJS)
            doek.soort("geen")
        elif s.rest:
            doek.vlak.add_patch(plt.Rectangle((x0, doek.y), float(s.row["waarde"]) * scale, BALK, facecolor="white",
                                              edgecolor=GRIJS, hatch="xx", lw=1.2))
            doek.soort("rest")
            doek.y += BALK
        elif s.row is not None:
            bound_bar(doek, x0, scale, doek.y + 3, s.row, s.color)
            doek.y += BALK + 6
        doek.y += 9


def _row(df: pd.DataFrame, ident: str) -> pd.Series:
    return df.set_index("id", drop=False).loc[ident]


# --- legends drawn in the figure (marker shapes, never colour alone) --------------------------

def legenda(doek: Doek, items: Sequence[tuple[str, str, str, bool]]) -> None:
    """A flowing legend row: (marker, colour, text, hollow) per item, wrapped to the width."""
    x, line_h = MARGE, TEKST * REGEL + 2
    for marker, color, text, hollow in items:
        w = 16 + breedte(text) + 14
        if x > MARGE and x + w > W - MARGE:
            x = MARGE
            doek.y += line_h
        doek.vlak.plot([x + 6], [doek.y + TEKST * 0.6], marker=marker, markersize=9, linestyle="none",
                       markerfacecolor="white" if hollow else color, markeredgecolor=color, markeredgewidth=1.8)
        doek.vlak.text(x + 16, doek.y + TEKST * 0.95, text, fontsize=TEKST, va="baseline")
        x += w
    doek.y += line_h + 6


# --- diagrams ---------------------------------------------------------------------------------

def _date_label(d: str) -> str:
    y, m, dd = d.split("-")
    return f"{int(dd)} {MONTHS[int(m) - 1]} {y}"


@dataclass
class Moment:
    datum: str
    tekst: str
    color: str
    marker: str = "o"
    hollow: bool = False


def tijdlijn(doek: Doek, moments: Sequence[Moment]) -> None:
    """A vertical timeline: dates right-aligned on the left, text wrapped on the right."""
    date_w = max(breedte(m.datum, weight="bold") for m in moments)
    x_line = MARGE + date_w + 10
    x_text = x_line + 12
    top = doek.y
    centers = []
    for m in moments:
        lines = wrap(m.tekst, W - MARGE - x_text)
        doek.regels([m.datum], x_line - 10, ha="right", weight="bold")
        h = doek.regels(lines, x_text)
        centers.append(doek.y + TEKST * 0.6)
        doek.vlak.plot([x_line], [centers[-1]], marker=m.marker, markersize=9, zorder=3, linestyle="none",
                       markerfacecolor="white" if m.hollow else m.color, markeredgecolor=m.color,
                       markeredgewidth=1.8)
        doek.y += h + 7
    doek.vlak.plot([x_line, x_line], [top, centers[-1]], color=GRIJS, lw=1.5, zorder=1)


SHAPES = ["o", "s", "D", "^", "v", "P"]


def _hoofdstuk_naam(h: int) -> str:
    return "inleiding" if h == 0 else f"hoofdstuk {h}"


def _tijdlijn_uit(df: pd.DataFrame, titel: str) -> Doek:
    doek = nieuw_doek()
    doek.titel(titel)
    df = df.sort_values(["jaar", "bron_regel"], kind="stable")
    chapters = sorted(set(int(h) for h in df["hoofdstuk"]))
    style = {h: (SHAPES[i % len(SHAPES)], PALETTE[i % len(PALETTE)]) for i, h in enumerate(chapters)}
    if len(chapters) > 1:
        items = [(style[h][0], style[h][1], _hoofdstuk_naam(h), False) for h in chapters]
        if (df["kwalificatie"] == "circa").any():
            items.append(("o", GRIJS, "open: jaartal bij benadering", True))
        legenda(doek, items)
    moments = []
    for _, r in df.iterrows():
        year = str(r["jaar"]) + (f"–{r['jaar_tot']}" if r.get("jaar_tot", "") else "")
        if r.get("datum", ""):
            year = _date_label(r["datum"])
        marker, color = style[int(r["hoofdstuk"])]
        moments.append(Moment(("rond " if r["kwalificatie"] == "circa" else "") + year, r["gebeurtenis"], color,
                              marker, r["kwalificatie"] == "circa"))
    tijdlijn(doek, moments)
    return doek.klaar()


# --- table layouts ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Cel:
    """A table cell: a main text (bold if ``sterk``), further lines, and the source in small print.

    ``titel`` becomes a tooltip: the exact line in the source text, for teachers and developers.
    """
    tekst: str
    regels: tuple[str, ...] = ()
    bron: str = ""
    titel: str = ""
    sterk: bool = False


@dataclass(frozen=True)
class Tabel:
    """Two columns that fit a phone: what it is (row header) and what the source says about it."""
    kop: tuple[str, str]
    rij: Callable[[pd.Series], tuple[Cel, Cel]]


def _hoofdstuk_van(r: pd.Series) -> int:
    """The source chapter of a row: the prefix of its id (the data loader checks it for numbers;
    in the practices list the column 'hoofdstuk' is where a practice is discussed, not the source)."""
    return int(str(r["id"])[1])


def _plaats(r: pd.Series) -> tuple[str, str]:
    h = _hoofdstuk_van(r)
    chapter = "Inleiding" if h == 0 else f"H{h}"
    section = str(r["bron_sectie"])
    if not re.match(r"^(Schema|Bijlage|Tabel|Figuur|Casus|Inleiding)\b", section):
        section = "§ " + section
    return chapter, section


def bron_plaats(r: pd.Series) -> str:
    """Where a row is in the source, for students: 'H2, § Geloof in het middel'."""
    return ", ".join(_plaats(r))


def _bron(r: pd.Series) -> tuple[str, str]:
    """The source place as shown ('bron: H2, § …', in the teacher edition with its line) and the tooltip."""
    regel = f"regel {r['bron_regel']} van de brontekst"
    shown = "bron: " + bron_plaats(r) + (f" ({regel})" if editie() == "docent" else "")
    return shown, regel


def _cel(main: str, *lines: str, r: pd.Series, sterk: bool = False) -> Cel:
    shown, regel = _bron(r)
    return Cel(main, tuple(x for x in lines if x), shown, regel, sterk)


_ID_RE = re.compile(r"\bh[0-6]_[a-z0-9]+(?:_[a-z0-9]+)*\b")


@functools.lru_cache(maxsize=1)
def _alle() -> pd.DataFrame:
    return load_all()


def getal(r: Any) -> str:
    """The number with its qualifier and unit: 'meer dan 450 conferenties', 'minder dan 30%'."""
    text = format_number(r)
    unit = str(r["eenheid"])
    if unit not in UNIT_SUFFIX:
        suffix = " (berekend)" if text.endswith(" (berekend)") else ""
        text = text.removesuffix(suffix) + f" {unit}" + suffix
    return text


def _genoemd(ident: str, met_waarde: bool = True, groep: str = "") -> str:
    """A row named for a reader: its description, or its short label among parts of one whole."""
    alle = _alle()
    if ident not in alle.index:
        return ident
    r = alle.loc[ident]
    name = r["label"] if groep and r["groep"] == groep and r["label"] else r["omschrijving"]
    return f"‘{name}’" + (f" ({getal(r)})" if met_waarde else "")


OPERATORS = {"/": "gedeeld door", "x": "maal", "*": "maal", "+": "plus", "-": "min"}


def _formule_in_woorden(expr: str, groep: str = "") -> str:
    alle = _alle()

    def percent_fraction(m: re.Match[str]) -> str:   # 'p / 100' of a percentage: say 'p'
        ident = m.group(1)
        return ident if ident in alle.index and alle.loc[ident, "eenheid"] == "procent" else m.group(0)

    expr = re.sub(r"\(\s*(h[0-6]_\w+)\s*/\s*100\s*\)", percent_fraction, expr)
    expr = re.sub(r"(h[0-6]_\w+)\s*/\s*100\b", percent_fraction, expr)
    words = []
    for token in re.findall(r"h[0-6]_\w+|\d+(?:[.,]\d+)*|[()/x*+\-]", expr):
        if _ID_RE.fullmatch(token):
            words.append(_genoemd(token, groep=groep))
        else:
            words.append(OPERATORS.get(token, token))
    text = " ".join(words)
    return text.replace("( ", "(").replace(" )", ")")


def _zinnen_schoon(text: str) -> str:
    """Notes for students: no line numbers, file names or ids; no notes meant for developers."""
    text = re.sub(r"\s*\(regels? [\d\s\-–,en]+\)", "", text)
    text = re.sub(r" op regels? [\d\-–]+", " in de bron", text)
    text = re.sub(r"\s*\((?:zie )?[^()]*(?:data/|README)[^()]*\)", "", text)    # pointers for authors
    text = re.sub(r"\b[\w]+\.csv\b", "de gegevens van het boek", text)
    text = _ID_RE.sub(lambda m: _genoemd(m.group(0), met_waarde=False), text)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s and "bewust bewaard" not in s]
    return " ".join(s[0].upper() + s[1:] for s in sentences)


def uitleg(r: pd.Series) -> str:
    """What kind of number this is, in a Dutch sentence a student can read."""
    q = str(r["kwalificatie"])
    note = str(r.get("toelichting", "") or "")
    tot = r.get("waarde_tot", np.nan)
    has_range = isinstance(tot, float) and not np.isnan(tot)
    if q == "derived":
        m = re.match(r"^Berekend:\s*(.*)$", note)
        if m:
            body = m.group(1)
            sep = re.search(r";\s*|\.\s+", body)
            formula, rest = (body[:sep.start()], body[sep.end():]) if sep else (body.rstrip("."), "")
            parts = [p.strip() for p in formula.split(" = ")]
            text = f"Door ons berekend: {_formule_in_woorden(parts[0], str(r.get('groep', '')))}"
            if len(parts) > 1:
                text += f". In getallen: {' = '.join(parts[1:])}".rstrip(".")
            text += "."
            kind = KIND_OF_QUALIFIER[qualifier_of(r)]
            if kind in ("ondergrens", "bovengrens"):
                text += f" De uitkomst is een {kind}."
            if rest:
                text += " " + _zinnen_schoon(rest)
            return text
        return "Door ons geteld: " + _zinnen_schoon(re.sub(r"^Geteld:?\s*", "", note))
    base = {
        "exact": "Getal uit de bron.",
        "circa": "Een benadering: de bron noemt een rond getal (‘ongeveer’, ‘zo’n’).",
        "more_than": "Een ondergrens: de bron zegt ‘meer dan’ of ‘ruim’, het echte getal is hoger.",
        "at_least": "Een ondergrens: de bron zegt ‘minstens’, het echte getal kan hoger zijn.",
        "less_than": "Een bovengrens: de bron zegt ‘minder dan’, het echte getal is lager.",
        "at_most": "Een bovengrens: de bron zegt ‘hoogstens’, het echte getal kan lager zijn.",
        "almost": "Een bovengrens: de bron zegt ‘bijna’, het echte getal is iets lager.",
    }[q]
    if has_range:
        base = "Een bereik: de bron noemt een ondergrens en een bovengrens." + (
            " Ook dat is een benadering." if q == "circa" else "")
    return base + (" " + _zinnen_schoon(note) if note else "")


GETALLEN = Tabel(("Gegeven", "Getal, uitleg en bron"),
                 lambda r: (Cel(str(r["omschrijving"])), _cel(getal(r), uitleg(r), r=r, sterk=True)))


def _jaar(r: pd.Series) -> str:
    text = ("rond " if r["kwalificatie"] == "circa" else "") + str(r["jaar"])
    text += f"–{r['jaar_tot']}" if r["jaar_tot"] else ""
    return text + (f" ({_date_label(r['datum'])})" if r["datum"] else "")


GEBEURTENISSEN = Tabel(("Gebeurtenis", "Wanneer en bron"),
                       lambda r: (Cel(str(r["gebeurtenis"])), _cel(_jaar(r), r=r, sterk=True)))
BIJEENKOMSTEN = Tabel(("Onderwerp", "Wanneer en waar"),
                      lambda r: (Cel(str(r["thema"])),
                                 _cel(_date_label(r["datum"]), str(r["soort"]),
                                      r["plaats"] or f"begeleid door {r['begeleider']}", r=r, sterk=True)))
PARTNERS = Tabel(("Partner", "Soort en bron"), lambda r: (Cel(str(r["partner"])), _cel(str(r["soort"]), r=r)))
BALANCEERKUNSTEN = Tabel(("Balanceren tussen", "en"),
                         lambda r: (Cel(f"{r['nummer']}. {r['links']}"), _cel(str(r["rechts"]), r=r)))
PRAKTIJKEN = Tabel(("Praktijk", "Thema, hoofdstuk en bron"),
                   lambda r: (Cel(str(r["praktijk"])),
                              _cel(str(r["thema"]), _hoofdstuk_naam(int(r["hoofdstuk"])), r=r)))


# --- the registry -----------------------------------------------------------------------------

def _alle_rijen(d: pd.DataFrame) -> pd.DataFrame:
    return d


@dataclass(frozen=True)
class Figuur:
    """Everything about one figure, in one place."""
    naam: str
    teken: Callable[[pd.DataFrame], Doek]    # plot function: data in, drawn canvas out
    data: str                                # data file (without .csv)
    bijschrift: str                          # caption of the data table; fallback alt text
    tabel: Tabel                             # table layout
    rijen: Callable[[pd.DataFrame], pd.DataFrame] = _alle_rijen   # rows of the data table
    noot: str = ""                           # note under the figure (HTML text, not in the image)

    def gegevens(self) -> pd.DataFrame:
        return self.rijen(load(self.data))


FIGURES: dict[str, Figuur] = {}


def figuur_def(naam: str, data: str, bijschrift: str, tabel: Tabel,
               rijen: Callable[[pd.DataFrame], pd.DataFrame] | Sequence[str] | None = None,
               noot: str = "") -> Callable[[Callable[[pd.DataFrame], Doek]], Callable[[pd.DataFrame], Doek]]:
    """Register the decorated plot function as figure ``naam`` (``rijen``: a filter or a list of ids)."""
    if rijen is None:
        select: Callable[[pd.DataFrame], pd.DataFrame] = _alle_rijen
    elif callable(rijen):
        select = rijen
    else:
        ids = list(rijen)
        select = lambda d: d.set_index("id", drop=False).loc[ids].reset_index(drop=True)  # noqa: E731

    def register(fn: Callable[[pd.DataFrame], Doek]) -> Callable[[pd.DataFrame], Doek]:
        if naam in FIGURES:
            raise ValueError(f"Figuur '{naam}' staat al in het register.")
        FIGURES[naam] = Figuur(naam, styled(fn), data, bijschrift, tabel, select, noot)
        return fn
    return register


# --- the figures ------------------------------------------------------------------------------

@figuur_def("h0_themas_praktijken", "h0_themas_praktijken", "Thema's en onderzochte praktijken", PRAKTIJKEN)
def plot_themas_praktijken(df: pd.DataFrame) -> Doek:
    """The four themes and seven practices studied (Schema 1 of the introduction)."""
    doek = nieuw_doek()
    themes = list(dict.fromkeys(df["thema"]))
    doek.titel(f"{len(themes)} thema's, {len(df)} onderzochte praktijken")
    ax = doek.vlak
    x_tree, x_text, chap_w = MARGE + 10, MARGE + 24, breedte("hoofdstuk 0")
    for t_i, theme in enumerate(themes):
        color = PALETTE[t_i % len(PALETTE)]
        lines = wrap(theme, W - 2 * MARGE - 16, weight="bold")
        h = len(lines) * TEKST * REGEL + 8
        ax.add_patch(plt.Rectangle((MARGE, doek.y), W - 2 * MARGE, h, facecolor=_licht(color), edgecolor=color, lw=1.5))
        doek.regels(lines, MARGE + 8, weight="bold", y=doek.y + 4)
        doek.y += h + 6
        top = doek.y - 6
        for _, r in df[df["thema"] == theme].iterrows():
            mid = doek.y + TEKST * 0.6
            ax.plot([x_tree, x_tree, x_text - 4], [top, mid, mid], color=color, lw=1.6)
            doek.regels([_hoofdstuk_naam(int(r["hoofdstuk"]))], W - MARGE, ha="right", color=GRIJS)
            doek.y += doek.regels(wrap(r["praktijk"], W - MARGE - x_text - chap_w - 10), x_text) + 5
            top = mid
        doek.y += 6
    return doek.klaar()


@figuur_def("h0_tijdlijn", "tijdlijnen", "Van verzorgingsstaat naar participatiesamenleving", GEBEURTENISSEN,
            rijen=lambda d: d[d["lijn"] == "verzorgingsstaat"].sort_values(["jaar", "bron_regel"], kind="stable"),
            noot="Volgorde in de tijd, niet op schaal.")
def plot_tijdlijn(df: pd.DataFrame) -> Doek:
    """From welfare state to participation society (introduction and chapters 1 and 3)."""
    return _tijdlijn_uit(df[df["lijn"] == "verzorgingsstaat"], "Van verzorgingsstaat naar participatiesamenleving")


@figuur_def("h1_partnernetwerk", "h1_partners", "Netwerkpartners van het outreachende team van MDA", PARTNERS)
def plot_partnernetwerk(df: pd.DataFrame) -> Doek:
    """The outreach team of MDA in the middle, its partners in four groups around it."""
    doek = nieuw_doek()
    doek.titel("Het netwerk rond het outreachende team")
    ax = doek.vlak
    kinds = list(dict.fromkeys(df["soort"]))
    cards = [(k, list(df[df["soort"] == k]["partner"]), PALETTE[i % len(PALETTE)], SHAPES[i % len(SHAPES)])
             for i, k in enumerate(kinds)]
    top_cards, bottom_cards = cards[0::2][:2], cards[1::2][:2]
    # The left column holds the long names ('woningbouwcorporaties'): as wide as its longest word.
    left_words = [w for c in (top_cards[0], bottom_cards[0]) for item in c[1] for w in item.split()]
    widths = [max((W - 2 * MARGE - 12) / 2, max(breedte(w) for w in left_words) + 32)]
    widths.append(W - 2 * MARGE - 12 - widths[0])
    xs = [MARGE, MARGE + widths[0] + 12]

    def card(x: float, y: float, col_w: float, kind: str, items: list[str], color: str, marker: str) -> float:
        head = wrap(kind, col_w - 28, weight="bold")
        h = card_height(items, kind, col_w)
        ax.add_patch(plt.Rectangle((x, y), col_w, h, facecolor="white", edgecolor=color, lw=1.8, zorder=2))
        ax.plot([x + 11], [y + 6 + TEKST * 0.6], marker=marker, markersize=9, color=color, zorder=3)
        doek.regels(head, x + 22, weight="bold", y=y + 6)
        line_y = y + 8 + len(head) * TEKST * REGEL
        for item in items:     # a bullet per partner, wrapped lines indented under the text
            doek.regels(["•"], x + 8, y=line_y)
            line_y += doek.regels(wrap(item, col_w - 26), x + 18, y=line_y)
        return h

    def card_height(items: list[str], kind: str, col_w: float) -> float:
        return (len(wrap(kind, col_w - 28, weight="bold")) + sum(len(wrap(i, col_w - 26)) for i in items)) \
            * TEKST * REGEL + 16

    top_y = doek.y
    top_h = max(card_height(c[1], c[0], widths[i]) for i, c in enumerate(top_cards))
    hub_y = top_y + top_h + 46
    bottom_y = hub_y + 46
    hub_lines = ["Outreachend", "team MDA"]
    hub_w, hub_h = max(breedte(s, weight="bold") for s in hub_lines) + 20, 2 * TEKST * REGEL + 10
    for i, (kind, items, color, marker) in enumerate(top_cards):
        h = card(xs[i], top_y, widths[i], kind, items, color, marker)
        ax.plot([xs[i] + widths[i] / 2, W / 2], [top_y + h, hub_y], color=color, lw=1.6, zorder=1)
    heights = []
    for i, (kind, items, color, marker) in enumerate(bottom_cards):
        heights.append(card(xs[i], bottom_y, widths[i], kind, items, color, marker))
        ax.plot([xs[i] + widths[i] / 2, W / 2], [bottom_y, hub_y], color=color, lw=1.6, zorder=1)
    ax.add_patch(matplotlib.patches.FancyBboxPatch((W / 2 - hub_w / 2, hub_y - hub_h / 2), hub_w, hub_h,
                                                   boxstyle="round,pad=0,rounding_size=8", facecolor="white",
                                                   edgecolor=TEKSTKLEUR, lw=1.8, zorder=4))
    for k, line in enumerate(hub_lines):
        ax.text(W / 2, hub_y - hub_h / 2 + 5 + (k + 0.95) * TEKST * REGEL - 2, line, ha="center", va="baseline",
                fontsize=TEKST, fontweight="bold", zorder=5)
    doek.y = bottom_y + max(heights)
    return doek.klaar()


@figuur_def("h1_balanceerkunsten", "h1_balanceerkunsten", "De zes balanceerkunsten van de outreachende werker",
            BALANCEERKUNSTEN)
def plot_balanceerkunsten(df: pd.DataFrame) -> Doek:
    """The six balancing acts of the outreach worker: two poles and a point of balance each."""
    doek = nieuw_doek()
    doek.titel("Zes balanceerkunsten van de outreachende werker")
    ax = doek.vlak
    x_left, x_right = MARGE + 20, W - MARGE
    half = (x_right - x_left) / 2 - 8
    for _, r in df.sort_values("nummer").iterrows():
        doek.regels([f"{r['nummer']}."], MARGE, weight="bold")
        left, right = wrap(r["links"], half), wrap(r["rechts"], half)
        doek.regels(left, x_left)
        h = doek.regels(right, x_right, ha="right")
        doek.y += max(h, len(left) * TEKST * REGEL) + 8
        beam = doek.y
        ax.plot([x_left, x_right], [beam, beam], color=GRIJS, lw=2.2, solid_capstyle="round")
        for x in (x_left, x_right):
            ax.plot([x], [beam], marker="o", markersize=6, color=GRIJS)
        mid = (x_left + x_right) / 2
        ax.plot([mid], [beam + 7], marker="^", markersize=12, color=VERMILJOEN, markeredgecolor=VERMILJOEN)
        doek.y += 20
    return doek.klaar()


@figuur_def("h2_conferenties", "h2_eigen_kracht", "Eigen Kracht-conferenties in Rotterdam, 2013-2014", GETALLEN,
            rijen=["h2_ek_gekocht", "h2_ek_jeugd_max_per_jaar", "h2_ek_jeugd_realisatie", "h2_ek_armoede_gekocht",
                   "h2_ek_armoede_inzet_2013", "h2_ek_armoede_inzet_2014", "h2_ek_armoede_realisatie_2013",
                   "h2_ek_armoede_gerealiseerd_2013"])
def plot_conferenties(df: pd.DataFrame) -> Doek:
    """Bought (Jeugd) or deployed ('inzet', poverty policy) versus realised conferences per domain and year."""
    doek = nieuw_doek()
    doek.titel("Conferenties per domein en jaar")
    jeugd, real_j = _row(df, "h2_ek_jeugd_max_per_jaar"), _row(df, "h2_ek_jeugd_realisatie")
    arm13, arm14 = _row(df, "h2_ek_armoede_inzet_2013"), _row(df, "h2_ek_armoede_inzet_2014")
    real_a13 = _row(df, "h2_ek_armoede_gerealiseerd_2013")
    onbekend_j = f"geen aantal bekend; wel: {format_number(real_j)} van de ingekochte ging door"
    rows = []
    for year in (2013, 2014):
        rows += [Staaf("ingekocht", jeugd, BLAUW, kop=f"Jeugd {year}"),
                 Staaf("gerealiseerd", None, VERMILJOEN, waarde="onbekend", geen=onbekend_j)]
    rows += [Staaf("inzet", arm13, BLAUW, kop="Activerend Armoedebeleid 2013"),
             Staaf("gerealiseerd", real_a13, VERMILJOEN),
             Staaf("inzet", arm14, BLAUW, kop="Activerend Armoedebeleid 2014"),
             Staaf("gerealiseerd", None, VERMILJOEN, waarde="onbekend",
                   geen="geen cijfer; volgens de bron vergelijkbaar met 2013")]
    staven(doek, rows, xmax=float(arm14["waarde"]))
    return doek.klaar()


@figuur_def("h2_kosten_per_conferentie", "h2_eigen_kracht",
            "Kosten per gerealiseerde Eigen Kracht-conferentie (berekend)", GETALLEN,
            rijen=["h2_ek_prijs_per_conferentie", "h2_ek_jeugd_realisatie", "h2_ek_armoede_realisatie_2013",
                   "h2_kosten_per_gerealiseerde_jeugd", "h2_kosten_per_gerealiseerde_armoede"])
# (How the costs are derived is in the chapter's caption and, per number, in the data table.)
def plot_kosten_per_conferentie(df: pd.DataFrame) -> Doek:
    """What one realised conference cost, if every bought conference was paid for (derived)."""
    doek = nieuw_doek()
    doek.titel("Wat kostte één conferentie die echt doorging?")
    prijs = _row(df, "h2_ek_prijs_per_conferentie")
    rows = [Staaf("prijs van één ingekochte conferentie", prijs, GRIJS),
            Staaf("per gerealiseerde conferentie, Jeugd", _row(df, "h2_kosten_per_gerealiseerde_jeugd"), BLAUWGROEN),
            Staaf("per gerealiseerde conferentie, Activerend Armoedebeleid",
                  _row(df, "h2_kosten_per_gerealiseerde_armoede"), VERMILJOEN)]
    staven(doek, rows, xmax=float(rows[-1].row["waarde"]))
    return doek.klaar()


@figuur_def("h3_bezoekers_herkomst", "h3_house_of_hope",
            "Herkomst van bezoekers van het maatschappelijk spreekuur, 2013", GETALLEN,
            rijen=lambda d: d[d["groep"] == "h3_herkomst"])
def plot_bezoekers_herkomst(df: pd.DataFrame) -> Doek:
    """Visitors of the spreekuur (2013) by origin; the unstated remainder shown as such."""
    doek = nieuw_doek()
    doek.titel("Bezoekers van het spreekuur naar herkomst (2013)")
    part = df[df["groep"] == "h3_herkomst"]
    rows = [Staaf("niet vermeld in de bron", r, GRIJS, rest=True) if r["kwalificatie"] == "derived"
            else Staaf(r["label"], r, BLAUW) for _, r in part.iterrows()]
    staven(doek, rows, xmax=float(part["waarde"].max()))
    return doek.klaar()


@figuur_def("h3_niet_westers", "h3_house_of_hope", "Aandeel niet-westerse allochtonen", GETALLEN,
            rijen=["h3_niet_westers_zuid", "h3_niet_westers_rotterdam", "h3_niet_westers_nederland"])
def plot_niet_westers(df: pd.DataFrame) -> Doek:
    """Share of non-western residents: Rotterdam-Zuid, Rotterdam, the Netherlands."""
    doek = nieuw_doek()
    doek.titel("Aandeel niet-westerse inwoners")
    rows = [_row(df, i) for i in ("h3_niet_westers_zuid", "h3_niet_westers_rotterdam", "h3_niet_westers_nederland")]
    staven(doek, [Staaf(r["label"], r, c) for r, c in zip(rows, [VERMILJOEN, BLAUW, GRIJS])], xmax=100)
    return doek.klaar()


@figuur_def("h3_personeel", "h3_house_of_hope", "Betaalde krachten en vrijwilligers van House of Hope", GETALLEN,
            rijen=["h3_betaalde_krachten", "h3_vrijwilligers"])
def plot_personeel(df: pd.DataFrame) -> Doek:
    """Paid part-time staff versus volunteers of House of Hope."""
    doek = nieuw_doek()
    doek.titel("Wie doet het werk bij House of Hope?")
    rows = [_row(df, "h3_betaalde_krachten"), _row(df, "h3_vrijwilligers")]
    staven(doek, [Staaf(r["label"], r, c) for r, c in zip(rows, [BLAUW, VERMILJOEN])],
           xmax=float(rows[1]["waarde"]))
    return doek.klaar()


@figuur_def("h4_wijken", "h4_publieke_ruimtes", "Inwoners en leeftijdsopbouw van Oude Westen en Oud Charlois",
            GETALLEN, rijen=lambda d: d[d["groep"].isin(["h4_ow_leeftijd", "h4_oc_leeftijd"])
                                        | d["id"].isin(["h4_ow_inwoners", "h4_oc_inwoners"])],
            noot="Let op: de leeftijdsgrenzen verschillen per wijk (24 of 25 jaar, 64 of 65 jaar), en voor "
                 "‘senioren’ in Oud Charlois noemt de bron geen grens. Vergelijk de wijken daarom niet per "
                 "leeftijdsgroep.")
def plot_wijken(df: pd.DataFrame) -> Doek:
    """Age structure of Oude Westen and Oud Charlois, each with its own (different) age bands."""
    doek = nieuw_doek()
    doek.titel("Leeftijdsopbouw van twee wijken")
    ax = doek.vlak
    colors = [OKABE_ITO["hemelsblauw"], BLAUW, OKABE_ITO["oranje"]]
    x0, width = MARGE, W - 2 * MARGE
    for name, inw, group in (("Oude Westen", "h4_ow_inwoners", "h4_ow_leeftijd"),
                             ("Oud Charlois", "h4_oc_inwoners", "h4_oc_leeftijd")):
        doek.y += doek.regels(wrap(f"{name} ({getal(_row(df, inw))})", width, weight="bold"), MARGE, weight="bold") + 3
        left = x0
        parts = list(df[df["groep"] == group].iterrows())
        for k, (_, r) in enumerate(parts):
            w = r["waarde"] / 100 * width
            ax.add_patch(plt.Rectangle((left, doek.y), w, 22, facecolor=colors[k], edgecolor="white", lw=1.5))
            ax.text(left + w / 2, doek.y + 11 + TEKST * 0.35, format_number(r), ha="center", va="baseline",
                    fontsize=TEKST, fontweight="bold", color="white" if k == 1 else TEKSTKLEUR)
            left += w
        doek.y += 22 + 6
        for k, (_, r) in enumerate(parts):   # the key lists the bands left to right, with their share
            ax.add_patch(plt.Rectangle((MARGE, doek.y + 1), 14, 11, facecolor=colors[k], edgecolor=TEKSTKLEUR, lw=0.6))
            doek.y += doek.regels(wrap(f"{r['label']}: {format_number(r)}", width - 22), MARGE + 22) + 1
        doek.y += 12
    return doek.klaar()


@figuur_def("h5_trechter_overschie", "h5_tegenprestatie", "Overschie voor Elkaar in aantallen", GETALLEN,
            rijen=["h5_ov_opgeroepen", "h5_ov_kerngroep", "h5_ov_geworven", "h5_ov_contact", "h5_ov_bemiddeld_2014"],
            noot="Van boven naar beneden in de volgorde van de tijd. Alle aantallen zijn benaderingen. "
                 "De groepen kunnen elkaar overlappen: de bron zegt niet of het om dezelfde mensen gaat.")
def plot_trechter_overschie(df: pd.DataFrame) -> Doek:
    """Overschie voor Elkaar, in order of time: from the first call to mediation in early 2014."""
    doek = nieuw_doek()
    doek.titel("Overschie voor Elkaar: van oproep tot bemiddeling")
    ids = ["h5_ov_opgeroepen", "h5_ov_kerngroep", "h5_ov_geworven", "h5_ov_contact", "h5_ov_bemiddeld_2014"]
    rows = [_row(df, i) for i in ids]
    xmax = max(float(r["waarde_tot"]) if not np.isnan(r["waarde_tot"]) else float(r["waarde"]) for r in rows)
    staven(doek, [Staaf(r["label"], r, BLAUWGROEN) for r in rows], xmax=xmax)
    return doek.klaar()


@figuur_def("h5_beleidstijdlijn", "tijdlijnen", "Beleid rond de tegenprestatie in Rotterdam", GEBEURTENISSEN,
            rijen=lambda d: d[d["lijn"] == "tegenprestatie"].sort_values(["jaar", "bron_regel"], kind="stable"),
            noot="Volgorde in de tijd, niet op schaal.")
def plot_beleidstijdlijn(df: pd.DataFrame) -> Doek:
    """Rotterdam policy on the compulsory 'tegenprestatie' (chapter 5)."""
    return _tijdlijn_uit(df[df["lijn"] == "tegenprestatie"], "Beleid rond de tegenprestatie in Rotterdam")


@figuur_def("h6_bijeenkomsten", "h6_bijeenkomsten", "Reflectiebijeenkomsten en onderzoeksworkshops", BIJEENKOMSTEN,
            rijen=lambda d: d.sort_values("datum", kind="stable"), noot="Volgorde in de tijd, niet op schaal.")
def plot_bijeenkomsten(df: pd.DataFrame) -> Doek:
    """The reflection meetings and research workshops of the appendix, in order of date."""
    doek = nieuw_doek()
    doek.titel("Reflectiebijeenkomsten en onderzoeksworkshops")
    df = df.sort_values("datum", kind="stable")
    kinds = {"reflectiebijeenkomst": ("o", BLAUW), "onderzoeksworkshop": ("s", VERMILJOEN)}
    legenda(doek, [(m, c, f"{soort} ({int((df['soort'] == soort).sum())})", False) for soort, (m, c) in kinds.items()])
    moments = []
    for _, r in df.iterrows():
        extra = r["plaats"] if r["soort"] == "reflectiebijeenkomst" else f"door {r['begeleider']}"
        marker, color = kinds[r["soort"]]
        moments.append(Moment(_date_label(r["datum"]), f"{r['thema']} ({extra})", color, marker))
    tijdlijn(doek, moments)
    return doek.klaar()


# --- rendering --------------------------------------------------------------------------------

def draw(name: str) -> Doek:
    """Load the data of figure ``name`` and draw it on a new figure (caller closes it)."""
    if name not in FIGURES:
        raise KeyError(f"Onbekende figuur '{name}'. Bekend: {', '.join(FIGURES)}.")
    f = FIGURES[name]
    return f.teken(load(f.data))


def figure_bytes(fig: Figure, fmt: str = "svg") -> bytes:
    """Deterministic bytes of a figure (fixed hash salt, no dates or software in metadata)."""
    buf = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buf, format=fmt, metadata=SAVE_METADATA.get(fmt))
    return buf.getvalue()


_FONT_FAMILY_RE = re.compile(r"font-family: ?[^;\"]+;? ?")


def inline_svg(svg: bytes | str, name: str, alt: str, described_by: str = "") -> str:
    """Matplotlib's SVG made fit to sit inside an HTML page.

    Drops the XML prologue and metadata, prefixes every id with the figure name (two figures
    on one page must not share ids), keeps only referenced ids, moves the font family to the
    root, replaces the page-wide ``*`` style rule by inherited properties on the root, and
    gives the root an accessible name and a fluid size that never exceeds its natural size.
    """
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r"<style type=\"text/css\">\*\{[^}]*\}</style>\s*", "", text)
    text = re.sub(r"\s*<defs>\s*</defs>", "", text)
    referenced = set(re.findall(r"url\(#([^)]+)\)", text)) | set(re.findall(r"href=\"#([^\"]+)\"", text))
    prefix = f"lsp-{name.replace('_', '-')}-"

    def fix_id(m: re.Match[str]) -> str:
        return f' id="{prefix}{m.group(1)}"' if m.group(1) in referenced else ""

    text = re.sub(r' id="([^"]+)"', fix_id, text)
    text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", text)
    text = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', text)
    text = _FONT_FAMILY_RE.sub("", text)
    text = text.replace(' style=""', "")
    text = re.sub(r"\s*\n\s*", " ", text)
    text = re.sub(r">\s+<", "><", text).strip()
    m = re.match(r'<svg([^>]*?) width="([\d.]+)pt" height="([\d.]+)pt"', text)
    if not m:
        raise ValueError("Onverwachte SVG: geen breedte en hoogte in pt.")
    natural_px = float(m.group(2)) * 4 / 3
    fonts = ", ".join(f"'{f}'" for f in FONT_STACK) + ", sans-serif"
    aria = f' aria-describedby="{described_by}"' if described_by else ""
    root = (f'<svg{m.group(1)} class="lsp-figuur-svg" role="img" aria-label="{html.escape(alt, quote=True)}"{aria} '
            f'style="display:block;width:100%;max-width:{natural_px:.0f}px;height:auto;margin:0 auto;'
            f'font-family:{html.escape(fonts, quote=True)};stroke-linejoin:round;stroke-linecap:butt"')
    return root + text[m.end():]


def svg_text(name: str) -> tuple[str, list[str]]:
    """The SVG of figure ``name`` and the bar kinds it draws."""
    fig = draw(name)
    try:
        return figure_bytes(fig, "svg").decode("utf-8"), list(fig.soorten)
    finally:
        plt.close(fig)


# --- the data table ---------------------------------------------------------------------------

def _cell_html(tag: str, cel: Cel, attrs: str = "") -> str:
    e = html.escape
    title = f' title="{e(cel.titel, quote=True)}"' if cel.titel else ""
    main = f"<strong>{e(cel.tekst)}</strong>" if cel.sterk else e(cel.tekst)
    lines = "".join(f"<br />{e(x)}" for x in cel.regels)
    source = f'<br /><small>{e(cel.bron)}</small>' if cel.bron else ""
    return f'<{tag}{attrs}{title} style="vertical-align:top;text-align:left">{main}{lines}{source}</{tag}>'


def table_rows(name: str) -> tuple[tuple[str, str], list[tuple[Cel, Cel]]]:
    f = FIGURES[name]
    return f.tabel.kop, [f.tabel.rij(r) for _, r in f.gegevens().iterrows()]


def table_html(name: str) -> str:
    """The data behind figure ``name`` as an accessible table in a native toggle."""
    head, rows = table_rows(name)
    e = html.escape
    out = ['<details class="lsp-figuurgegevens"><summary>Gegevens bij deze figuur</summary>',
           # the table may be wider than a phone: it scrolls sideways, reachable by keyboard too
           f'<div role="region" tabindex="0" aria-label="{e(FIGURES[name].bijschrift)}: tabel" style="overflow-x:auto">',
           f'<table><caption style="text-align:left;color:inherit">{e(FIGURES[name].bijschrift)}. Bron: de bundel '
           "<i>Lerende sociale professionals</i> (2015); H = hoofdstuk, § = paragraaf.</caption>",
           "<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in head) + "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>" + _cell_html("th", r[0], ' scope="row"') + _cell_html("td", r[1]) + "</tr>")
    out.append("</tbody></table></div></details>")
    return "\n".join(out)


# --- the figure block -------------------------------------------------------------------------

SWATCH = {  # small pictures of the bar styles for the key (inline SVG, 34 x 14 px)
    "exact": '<rect x="1" y="2" width="30" height="10" fill="#444444"/>',
    "circa": '<defs><pattern id="{p}" width="4" height="4" patternUnits="userSpaceOnUse" '
             'patternTransform="rotate(45)"><rect width="4" height="4" fill="#dddddd"/>'
             '<line x1="0" y1="0" x2="0" y2="4" stroke="#444444" stroke-width="1.2"/></pattern></defs>'
             '<rect x="1" y="2" width="30" height="10" fill="url(#{p})" stroke="#444444"/>',
    "ondergrens": '<rect x="1" y="2" width="20" height="10" fill="#444444"/>'
                  '<path d="M21 7h6" stroke="#444444" stroke-width="2"/><path d="M26 3l7 4-7 4z" fill="#444444"/>',
    "bovengrens": '<rect x="1.5" y="2.5" width="29" height="9" fill="#ffffff" stroke="#444444" '
                  'stroke-dasharray="3 2"/><path d="M31 0v14" stroke="#444444" stroke-width="3"/>'
                  '<path d="M29 7h-14" stroke="#444444" stroke-width="2"/><path d="M16 3l-7 4 7 4z" fill="#444444"/>',
    "bereik": '<defs><pattern id="{p}" width="3" height="3" patternUnits="userSpaceOnUse">'
              '<path d="M0 1.5h3" stroke="#444444" stroke-width=".8"/></pattern></defs>'
              '<rect x="1" y="2" width="18" height="10" fill="#444444"/>'
              '<rect x="19" y="2.5" width="12" height="9" fill="url(#{p})" stroke="#444444"/>',
    "rest": '<defs><pattern id="{p}" width="5" height="5" patternUnits="userSpaceOnUse">'
            '<path d="M0 0l5 5M5 0l-5 5" stroke="#444444" stroke-width=".8"/></pattern></defs>'
            '<rect x="1.5" y="2.5" width="29" height="9" fill="url(#{p})" stroke="#444444"/>',
    "geen": '<text x="2" y="11" font-size="11" font-style="italic" fill="#444444">abc</text>',
}


_KLEIN = "margin:.4em 0 0;font-size:.9em"


def sleutel_html(name: str, kinds: Iterable[str]) -> str:
    """The key to the bar styles a figure uses, in words, each with a small picture."""
    kinds = [k for k in SLEUTEL if k in set(kinds)]
    if not kinds:
        return ""
    e = html.escape
    items = []
    for k in kinds:
        pict = SWATCH[k].replace("{p}", f"lsp-{name.replace('_', '-')}-sleutel-{k}")
        items.append(f'<li style="margin:.15em 0"><svg width="44" height="18" viewBox="0 0 34 14" aria-hidden="true" '
                     f'style="vertical-align:-2px;margin-right:.4em;background:#fff">{pict}</svg>{e(SLEUTEL[k])}</li>')
    return (f'<div class="lsp-figuur-sleutel" id="{_key_id(name)}" style="font-size:.9em"><p style="margin:.5em 0 .2em">'
            f'<strong>Zo lees je de staven:</strong></p><ul style="list-style:none;padding-left:0;margin:0">'
            + "".join(items) + "</ul></div>")


def _key_id(name: str) -> str:
    return f"lsp-{name.replace('_', '-')}-sleutel"


def bron_html(name: str) -> str:
    """The places in the source of all rows shown, as one line under the figure."""
    sections: dict[str, list[str]] = {}
    for _, r in FIGURES[name].gegevens().iterrows():
        chapter, section = _plaats(r)
        if section not in sections.setdefault(chapter, []):
            sections[chapter].append(section)
    places = "; ".join(f"{chapter}, {'; '.join(parts)}" for chapter, parts in sections.items())
    return (f'<p class="lsp-figuur-bron" style="{_KLEIN}">Bron: <i>Lerende sociale professionals</i> (2015), '
            + html.escape(places.rstrip(".")) + ".</p>")


def figure_html(name: str, alt: str, drawn: tuple[str, list[str]] | None = None) -> str:
    """The figure (inline SVG), its key, note and source, then its data table: one HTML block."""
    svg, kinds = drawn or svg_text(name)
    key = sleutel_html(name, kinds)
    f = FIGURES[name]
    note = f'<p class="lsp-figuur-noot" style="{_KLEIN}">{html.escape(f.noot)}</p>' if f.noot else ""
    inline = inline_svg(svg, name, alt, _key_id(name) if key else "")
    natural = re.search(r"max-width:(\d+)px", inline).group(1)
    return (f'<div class="lsp-figuur" data-figuur="{html.escape(name)}" style="text-align:left">\n'
            f'<div style="max-width:{natural}px;margin:0 auto">\n'      # the figure and its notes: one column
            + inline + "\n" + key + note + bron_html(name) + "</div>\n" + table_html(name) + "\n</div>")


def _alt_from_notebook(name: str, folder: Path | None = None) -> str | None:
    """The alt text in the metadata of the cell that calls ``figuur(name)`` (cwd = notebook dir)."""
    call = re.compile(r"figuur\(\s*[\"']" + re.escape(name) + r"[\"']\s*[,)]")
    for nb in sorted((folder or Path.cwd()).glob("*.ipynb")):
        try:
            cells = json.loads(nb.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for c in cells:
            if c.get("cell_type") == "code" and call.search("".join(c.get("source", ""))):
                alt = c.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")
                if alt:
                    return str(alt)
    return None


def figuur(name: str, alt: str | None = None) -> None:
    """Draw figure ``name`` from data/ and show it with its key, source and data table (chapter use).

    One output (myst-nb puts a figure cell's caption and name on every output of the cell, so
    a second output would duplicate them) with ``text/html`` (inline SVG plus table: the site
    and JupyterLab), ``image/svg+xml`` (other front-ends) and ``text/plain``. The alt text
    comes from ``alt``, else from the cell metadata ``mystnb.image.alt`` of the calling cell,
    else from the table caption.
    """
    from IPython.display import display

    if name not in FIGURES:
        raise KeyError(f"Onbekende figuur '{name}'. Bekend: {', '.join(FIGURES)}.")
    alt = alt or _alt_from_notebook(name) or f"{FIGURES[name].bijschrift}; de gegevens staan in de tabel onder de figuur."
    drawn = svg_text(name)
    block = figure_html(name, alt, drawn)
    svg = drawn[0]
    display({"text/html": block, "image/svg+xml": svg, "text/plain": f"Figuur: {FIGURES[name].bijschrift}"}, raw=True)
