"""The figures of the book, drawn from ``data/`` (one style, colour-blind-safe, Dutch labels).

Every ``plot_*(df, ax=None)`` is pure: it draws the data it is given on ``ax`` (or a new
figure) and returns the Axes. :func:`figuur` is what a chapter calls: it loads the data,
draws, shows a PNG (so myst-nb can put the caption from the cell metadata on it) and then the
data behind the figure as an accessible HTML table in a ``<details>`` toggle.

Bounds stay bounds: an exact number is a filled bar; 'ongeveer' is a hatched bar; 'meer dan'
/ 'minstens' is an open bar with an arrow pointing beyond the bound; 'minder dan' /
'hoogstens' / 'bijna' is an open dashed bar with an arrow pointing back from the bound.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # figures are rendered to files, never to a window

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from book.data import QUALIFIER_WORDS, format_number, load, qualifier_of  # noqa: E402

# Okabe-Ito, safe for the common forms of colour blindness.
OKABE_ITO = {
    "oranje": "#E69F00", "hemelsblauw": "#56B4E9", "blauwgroen": "#009E73", "geel": "#F0E442",
    "blauw": "#0072B2", "vermiljoen": "#D55E00", "paars": "#CC79A7", "zwart": "#000000",
}
PALETTE = [OKABE_ITO[k] for k in ("blauw", "oranje", "blauwgroen", "vermiljoen", "paars", "hemelsblauw", "geel")]
GREY = "#7f7f7f"

STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.facecolor": "white",
    "hatch.linewidth": 0.8,
    "svg.hashsalt": "lerende-sociale-professionals",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
}
SAVE_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
SECTION_OF_CHAPTER = {0: "inleiding"}
LEGEND_BOUNDS = ("Gevulde staaf: precies getal. Gearceerd: ongeveer. Open staaf met pijl naar "
                 "buiten: meer dan. Open gestreepte staaf met pijl terug: minder dan / hoogstens.")


def styled(fn: Callable[..., Axes]) -> Callable[..., Axes]:
    """Draw inside the one house style."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Axes:
        with plt.rc_context(STYLE):
            return fn(*args, **kwargs)
    return wrapper


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    fig = plt.figure(figsize=size)
    return fig.add_subplot()


def _source(ax: Axes, chapter: int, section: str, below: float = 42) -> None:
    where = SECTION_OF_CHAPTER.get(chapter, f"hoofdstuk {chapter}")
    ax.annotate(f"Bron: Lerende sociale professionals, {where}, {section}",
                xy=(0, 0), xycoords="axes fraction", xytext=(0, -below), textcoords="offset points",
                ha="left", va="top", fontsize=8, color="#333333", annotation_clip=False)


def _note(ax: Axes, text: str, below: float) -> None:
    ax.annotate("\n".join(textwrap.wrap(text, 110)), xy=(0, 0), xycoords="axes fraction",
                xytext=(0, -below), textcoords="offset points", ha="left", va="top",
                fontsize=8, style="italic", color="#333333", annotation_clip=False)


def _wrap(text: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(text, width))


def bound_bar(ax: Axes, y: float, row: pd.Series | dict[str, Any], color: str,
              height: float = 0.6, label: bool = True) -> None:
    """One horizontal bar drawn according to its qualifier, with its Dutch value label."""
    v = float(row["waarde"])
    q = qualifier_of(row)
    xmax = ax.get_xlim()[1]
    arrow = max(xmax * 0.06, 1e-9)
    if q == "exact":
        ax.barh(y, v, height=height, color=color, edgecolor=color)
    elif q == "circa":
        ax.barh(y, v, height=height, color=color, alpha=0.35, edgecolor=color, hatch="///")
    elif q in ("more_than", "at_least"):
        ax.barh(y, v, height=height, facecolor="white", edgecolor=color, linewidth=1.8)
        ax.annotate("", xy=(v + arrow, y), xytext=(v, y),
                    arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.8})
    else:  # less_than, at_most, almost
        ax.barh(y, v, height=height, facecolor="white", edgecolor=color, linewidth=1.8, linestyle="--")
        ax.annotate("", xy=(v - arrow, y), xytext=(v, y),
                    arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.8})
    tot = row.get("waarde_tot", np.nan) if hasattr(row, "get") else np.nan
    if isinstance(tot, float) and not np.isnan(tot):
        ax.barh(y, tot - v, left=v, height=height, color=color, alpha=0.15, edgecolor=color, hatch="..")
        v = tot
    if label:
        pad = arrow * 1.3 if q not in ("exact", "circa") else xmax * 0.01
        ax.text(v + pad, y, format_number(row), va="center", ha="left", fontsize=9)


def _hbar_axes(ax: Axes, labels: list[str], xmax: float, xlabel: str) -> None:
    ax.set_xlim(0, xmax)
    ax.set_ylim(len(labels) - 0.4, -0.6)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel(xlabel)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def _row(df: pd.DataFrame, ident: str) -> pd.Series:
    return df.set_index("id", drop=False).loc[ident]


# --- diagrams ---------------------------------------------------------------------------------

@styled
def plot_themas_praktijken(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The four themes and seven practices studied (Schema 1 of the introduction)."""
    ax = _axes(ax, (8.5, 5.2))
    themes = list(dict.fromkeys(df["thema"]))
    n = len(df)
    ys = {i: n - 1 - k for k, i in enumerate(df.index)}
    for t_i, theme in enumerate(themes):
        rows = df[df["thema"] == theme]
        y_theme = float(np.mean([ys[i] for i in rows.index]))
        color = PALETTE[t_i % len(PALETTE)]
        ax.text(0.02, y_theme, _wrap(theme, 26), ha="left", va="center", fontsize=10, fontweight="bold",
                bbox={"boxstyle": "round,pad=0.4", "facecolor": color, "alpha": 0.18, "edgecolor": color})
        for i, r in rows.iterrows():
            ax.plot([0.38, 0.5], [y_theme, ys[i]], color=color, lw=1.4)
            ax.text(0.52, ys[i], _wrap(r["praktijk"], 40), ha="left", va="center", fontsize=9.5,
                    bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": color})
            ax.text(0.98, ys[i], f"hoofdstuk {r['hoofdstuk']}", ha="right", va="center", fontsize=9, color="#333333")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.8, n - 0.2)
    ax.axis("off")
    ax.set_title(f"{len(themes)} thema's, {n} onderzochte praktijken")
    _source(ax, 0, "Schema 1 (thema's en praktijken)", below=4)
    return ax


@styled
def plot_partnernetwerk(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The outreach team of MDA in the middle, the partners named in chapter 1 around it."""
    ax = _axes(ax, (8.5, 7.5))
    kinds = list(dict.fromkeys(df["soort"]))
    colors = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(kinds)}
    markers = dict(zip(kinds, ["o", "s", "D", "^", "v", "P"]))
    angles = np.linspace(np.pi / 2, np.pi / 2 - 2 * np.pi, len(df), endpoint=False)
    for (_, r), a in zip(df.iterrows(), angles):
        x, y = np.cos(a), np.sin(a)
        c = colors[r["soort"]]
        ax.plot([0, 0.78 * x], [0, 0.78 * y], color=c, lw=1.2, zorder=1)
        ax.scatter([0.8 * x], [0.8 * y], s=70, color=c, marker=markers[r["soort"]], zorder=3)
        ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
        ax.text(0.9 * x, 0.9 * y + (0.06 * np.sign(y) if ha == "center" else 0), _wrap(r["partner"], 22),
                ha=ha, va="center", fontsize=9)
    ax.text(0, 0, "Outreachend\nteam MDA", ha="center", va="center", fontsize=11, fontweight="bold", zorder=4,
            bbox={"boxstyle": "circle,pad=0.5", "facecolor": "white", "edgecolor": OKABE_ITO["zwart"]})
    for k in kinds:
        ax.scatter([], [], color=colors[k], marker=markers[k], label=k)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, frameon=False, fontsize=9)
    ax.set_xlim(-1.55, 1.55)
    ax.set_ylim(-1.2, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("Het netwerk rond het outreachende team")
    _source(ax, 1, "Outreachend werken; Casus Abiba", below=48)
    return ax


@styled
def plot_balanceerkunsten(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The six balancing acts of the outreach worker: two poles and a point of balance each."""
    ax = _axes(ax, (8.5, 5.0))
    df = df.sort_values("nummer")
    for k, (_, r) in enumerate(df.iterrows()):
        y = len(df) - 1 - k
        ax.plot([0.3, 0.7], [y, y], color=GREY, lw=2, solid_capstyle="round")
        ax.plot([0.5], [y - 0.18], marker="^", color=OKABE_ITO["vermiljoen"], markersize=10)
        ax.plot([0.5], [y + 0.02], marker="o", color=OKABE_ITO["blauw"], markersize=9)
        ax.text(0.28, y, _wrap(r["links"], 30), ha="right", va="center", fontsize=9.5)
        ax.text(0.72, y, _wrap(r["rechts"], 30), ha="left", va="center", fontsize=9.5)
        ax.text(0.0, y, f"{r['nummer']}.", ha="left", va="center", fontsize=10, fontweight="bold")
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.7, len(df) - 0.4)
    ax.axis("off")
    ax.set_title("Zes balanceerkunsten van de outreachende werker")
    _source(ax, 1, "De outreachende werker", below=4)
    return ax


def _date_label(d: str) -> str:
    y, m, dd = d.split("-")
    return f"{int(dd)} {MONTHS[int(m) - 1]} {y}"


def _vertical_timeline(ax: Axes, labels_left: list[str], labels_right: list[str], colors: list[str],
                       hollow: list[bool], title: str) -> None:
    n = len(labels_left)
    ax.plot([0.22, 0.22], [-0.5, n - 0.5], color=GREY, lw=1.5, zorder=1)
    for k in range(n):
        y = n - 1 - k
        ax.scatter([0.22], [y], s=60, zorder=3, color="white" if hollow[k] else colors[k],
                   edgecolors=colors[k], linewidths=1.8)
        ax.text(0.19, y, labels_left[k], ha="right", va="center", fontsize=9.5, fontweight="bold")
        ax.text(0.25, y, labels_right[k], ha="left", va="center", fontsize=9.5)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.8, n - 0.2)
    ax.axis("off")
    ax.set_title(title)


def _timeline(df: pd.DataFrame, ax: Axes, title: str) -> None:
    df = df.sort_values(["jaar", "bron_regel"], kind="stable")
    left, right, hollow = [], [], []
    for _, r in df.iterrows():
        year = str(r["jaar"]) + (f"–{r['jaar_tot']}" if r.get("jaar_tot", "") else "")
        if r.get("datum", ""):
            year = _date_label(r["datum"])
        left.append(("rond " if r["kwalificatie"] == "circa" else "") + year)
        right.append(_wrap(r["gebeurtenis"], 70))
        hollow.append(r["kwalificatie"] == "circa")
    colors = [PALETTE[int(h) % len(PALETTE)] for h in df["hoofdstuk"]]
    _vertical_timeline(ax, left, right, colors, hollow, title)


@styled
def plot_tijdlijn(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """From welfare state to participation society (introduction and chapters 1 and 3)."""
    df = df[df["lijn"] == "verzorgingsstaat"]
    ax = _axes(ax, (8.5, 0.42 * len(df) + 1.4))
    _timeline(df, ax, "Van verzorgingsstaat naar participatiesamenleving")
    chapters = sorted(set(df["hoofdstuk"]))
    for h in chapters:
        ax.scatter([], [], color=PALETTE[h % len(PALETTE)], label="inleiding" if h == 0 else f"hoofdstuk {h}")
    ax.scatter([], [], color="white", edgecolors=GREY, label="open rondje: jaartal bij benadering")
    ax.legend(loc="upper left", bbox_to_anchor=(0, 0.0), ncol=4, frameon=False, fontsize=8)
    _note(ax, "Volgorde in de tijd, niet op schaal.", below=20)
    _source(ax, 0, "Wmo; hoofdstuk 1, Inleiding; hoofdstuk 3, Religie in het sociaal werk in historisch perspectief", below=34)
    return ax


@styled
def plot_beleidstijdlijn(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Rotterdam policy on the compulsory 'tegenprestatie' (chapter 5)."""
    df = df[df["lijn"] == "tegenprestatie"]
    ax = _axes(ax, (8.5, 0.42 * len(df) + 1.2))
    _timeline(df, ax, "Beleid rond de tegenprestatie in Rotterdam")
    _note(ax, "Volgorde in de tijd, niet op schaal.", below=4)
    _source(ax, 5, "What's in a name?; Activering in nabijheid; Implicaties voor de beroepspraktijk", below=18)
    return ax


@styled
def plot_bijeenkomsten(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The reflection meetings and research workshops of the appendix, in order of date."""
    df = df.sort_values("datum", kind="stable")
    ax = _axes(ax, (8.5, 0.42 * len(df) + 1.4))
    kinds = {"reflectiebijeenkomst": OKABE_ITO["blauw"], "onderzoeksworkshop": OKABE_ITO["oranje"]}
    right = []
    for _, r in df.iterrows():
        extra = r["plaats"] if r["soort"] == "reflectiebijeenkomst" else f"door {r['begeleider']}"
        right.append(_wrap(f"{r['thema']} ({extra})", 75))
    _vertical_timeline(ax, [_date_label(d) for d in df["datum"]], right,
                       [kinds[s] for s in df["soort"]], [False] * len(df),
                       "Reflectiebijeenkomsten en onderzoeksworkshops")
    for soort, c in kinds.items():
        n = int((df["soort"] == soort).sum())
        ax.scatter([], [], color=c, label=f"{soort} ({n})")
    ax.legend(loc="upper left", bbox_to_anchor=(0, 0.0), ncol=2, frameon=False, fontsize=9)
    _note(ax, "Volgorde in de tijd, niet op schaal.", below=20)
    _source(ax, 6, "Bijlage (bijeenkomsten en workshops)", below=34)
    return ax


# --- charts -----------------------------------------------------------------------------------

@styled
def plot_conferenties(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Bought versus realised Eigen Kracht-conferences per domain and year, bounds as bounds."""
    ax = _axes(ax, (8.5, 5.0))
    jeugd, real_j = _row(df, "h2_ek_jeugd_max_per_jaar"), _row(df, "h2_ek_jeugd_realisatie")
    arm13, arm14 = _row(df, "h2_ek_armoede_inzet_2013"), _row(df, "h2_ek_armoede_inzet_2014")
    gerealiseerd13 = _row(df, "h2_ek_armoede_gerealiseerd_2013")
    groups = [("Jeugd 2013", jeugd, None, f"geen aantal bekend; {format_number(real_j)} van de ingekochte"),
              ("Jeugd 2014", jeugd, None, f"geen aantal bekend; {format_number(real_j)} van de ingekochte"),
              ("Armoedebeleid 2013", arm13, gerealiseerd13, ""),
              ("Armoedebeleid 2014", arm14, None, "geen cijfer; volgens de bron vergelijkbaar met 2013")]
    labels: list[str] = []
    for name, _, _, _ in groups:
        labels += [f"{name}\ningekocht", "gerealiseerd"]
    _hbar_axes(ax, labels, 300, "aantal conferenties")
    for g, (_, bought, real, text) in enumerate(groups):
        bound_bar(ax, 2 * g, bought, OKABE_ITO["blauw"])
        if real is not None:
            bound_bar(ax, 2 * g + 1, real, OKABE_ITO["oranje"])
        else:
            ax.text(3, 2 * g + 1, text, va="center", ha="left", fontsize=9, style="italic", color="#333333")
    ax.set_title("Eigen Kracht-conferenties: ingekocht en gerealiseerd")
    _note(ax, LEGEND_BOUNDS + " Het aantal gerealiseerde armoedeconferenties in 2013 is berekend "
          "(minder dan 30% van 130).", below=32)
    _source(ax, 2, "Ervaringen met de inzet van Eigen Kracht-conferenties in Rotterdam; Geloof in het middel", below=74)
    return ax


@styled
def plot_kosten_per_conferentie(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """What one realised conference cost, if every bought conference was paid for (derived)."""
    ax = _axes(ax, (8.5, 3.6))
    rows = [_row(df, "h2_ek_prijs_per_conferentie"), _row(df, "h2_kosten_per_gerealiseerde_jeugd"),
            _row(df, "h2_kosten_per_gerealiseerde_armoede")]
    labels = ["prijs per ingekochte\nconferentie", "per gerealiseerde\nconferentie, Jeugd",
              "per gerealiseerde\nconferentie, Armoedebeleid"]
    _hbar_axes(ax, labels, 20000, "euro")
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{int(x):,}".replace(",", ".")))
    for y, (r, c) in enumerate(zip(rows, [GREY, OKABE_ITO["blauwgroen"], OKABE_ITO["vermiljoen"]])):
        bound_bar(ax, y, r, c)
    ax.set_title("Wat kostte één conferentie die echt doorging?")
    _note(ax, "Berekend: kosten per gerealiseerde conferentie = prijs per conferentie ÷ aandeel gerealiseerd. "
          "Jeugd: 4.000 ÷ 0,60 ≈ 6.667 (meer dan 60% gerealiseerd, dus minder). Armoedebeleid: 4.000 ÷ 0,30 ≈ "
          "13.333 (minder dan 30% gerealiseerd, dus meer). Aanname: alle ingekochte conferenties zijn betaald; "
          "de prijs zelf is 'circa'.", below=32)
    _source(ax, 2, "Eigen Kracht-conferenties: principes en achtergrond; Ervaringen in Rotterdam; Geloof in het middel", below=72)
    return ax


@styled
def plot_bezoekers_herkomst(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Visitors of the spreekuur (2013) by origin; the unstated remainder shown as such."""
    part = df[df["groep"] == "h3_herkomst"]
    ax = _axes(ax, (8.5, 3.8))
    _hbar_axes(ax, list(part["label"]), 40, "procent van de bezoekers")
    for y, (_, r) in enumerate(part.iterrows()):
        derived = r["kwalificatie"] == "derived"
        if derived:
            ax.barh(y, r["waarde"], height=0.6, facecolor="white", edgecolor=GREY, hatch="xx")
            ax.text(r["waarde"] + 0.5, y, format_number(r) + ": herkomst niet genoemd in de bron",
                    va="center", fontsize=9, style="italic")
        else:
            bound_bar(ax, y, r, OKABE_ITO["blauw"])
    ax.set_title("Bezoekers van het maatschappelijk spreekuur naar herkomst (2013)")
    _source(ax, 3, "Rotterdam Zuid, de lokale context van House of Hope")
    return ax


@styled
def plot_niet_westers(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Share of non-western residents: Rotterdam-Zuid, Rotterdam, the Netherlands."""
    rows = [_row(df, i) for i in ("h3_niet_westers_zuid", "h3_niet_westers_rotterdam", "h3_niet_westers_nederland")]
    ax = _axes(ax, (8.5, 2.8))
    _hbar_axes(ax, [r["label"] for r in rows], 60, "procent niet-westerse allochtonen")
    for y, (r, c) in enumerate(zip(rows, [OKABE_ITO["vermiljoen"], OKABE_ITO["blauw"], GREY])):
        bound_bar(ax, y, r, c)
    ax.set_title("Aandeel niet-westerse inwoners")
    _source(ax, 3, "Rotterdam Zuid, de lokale context van House of Hope")
    return ax


@styled
def plot_personeel(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Paid part-time staff versus volunteers of House of Hope."""
    rows = [_row(df, "h3_betaalde_krachten"), _row(df, "h3_vrijwilligers")]
    ax = _axes(ax, (8.5, 2.6))
    _hbar_axes(ax, [r["label"] for r in rows], 260, "personen")
    for y, (r, c) in enumerate(zip(rows, [OKABE_ITO["blauw"], OKABE_ITO["oranje"]])):
        bound_bar(ax, y, r, c)
    ax.set_title("Wie doet het werk bij House of Hope?")
    _note(ax, "Open staaf met pijl: de bron noemt alleen een ondergrens ('ruim').", below=32)
    _source(ax, 3, "Religieus geïnspireerde praktijken", below=46)
    return ax


@styled
def plot_wijken(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Age structure of Oude Westen and Oud Charlois, each with its own (different) age bands."""
    ax = _axes(ax, (8.5, 3.4))
    hoods = [("Oude Westen", "h4_ow_inwoners", "h4_ow_leeftijd"),
             ("Oud Charlois", "h4_oc_inwoners", "h4_oc_leeftijd")]
    colors = [OKABE_ITO["hemelsblauw"], OKABE_ITO["blauw"], OKABE_ITO["oranje"]]
    labels = [f"{name}\n({format_number(_row(df, inw))} inwoners)" for name, inw, _ in hoods]
    _hbar_axes(ax, labels, 100, "procent van de inwoners")
    for y, (_, _, group) in enumerate(hoods):
        left = 0.0
        for k, (_, r) in enumerate(df[df["groep"] == group].iterrows()):
            ax.barh(y, r["waarde"], left=left, height=0.6, color=colors[k], edgecolor="white")
            ax.text(left + r["waarde"] / 2, y, f"{_wrap(r['label'], 14)}\n{format_number(r)}", ha="center",
                    va="center", fontsize=8.5, color="white" if k == 1 else "black")
            left += r["waarde"]
    ax.set_title("Leeftijdsopbouw van twee wijken")
    _note(ax, "Let op: de leeftijdsgrenzen verschillen per wijk (24/25 en 64/65 jaar); voor 'senioren' "
          "in Oud Charlois noemt de bron geen grens. De balken zijn daarom niet per band te vergelijken.", below=32)
    _source(ax, 4, "De Buurtwinkel als publieke ruimte; De Nieuwe Nachtegaal als publieke ruimte", below=58)
    return ax


@styled
def plot_trechter_overschie(df: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Overschie voor Elkaar, in order of time: from the first call to mediation in early 2014."""
    ids = ["h5_ov_opgeroepen", "h5_ov_kerngroep", "h5_ov_geworven", "h5_ov_contact", "h5_ov_bemiddeld_2014"]
    rows = [_row(df, i) for i in ids]
    ax = _axes(ax, (8.5, 3.8))
    _hbar_axes(ax, [r["label"] for r in rows], 260, "aantal mensen")
    for y, r in enumerate(rows):
        bound_bar(ax, y, r, OKABE_ITO["blauwgroen"])
    ax.set_title("Overschie voor Elkaar: van oproep tot bemiddeling")
    _note(ax, "Alle aantallen zijn benaderingen ('zo'n', 'circa'), daarom gearceerd. Van boven naar beneden "
          "in de tijd; geen echte trechter: het contact groeide later weer tot zo'n tweehonderd.", below=32)
    _source(ax, 5, "Activering in nabijheid. Twee verschillende praktijken in beeld", below=58)
    return ax


# --- registry, rendering, tables --------------------------------------------------------------

FIGURES: dict[str, tuple[Callable[..., Axes], str]] = {
    "h0_themas_praktijken": (plot_themas_praktijken, "h0_themas_praktijken"),
    "h0_tijdlijn": (plot_tijdlijn, "tijdlijnen"),
    "h1_partnernetwerk": (plot_partnernetwerk, "h1_partners"),
    "h1_balanceerkunsten": (plot_balanceerkunsten, "h1_balanceerkunsten"),
    "h2_conferenties": (plot_conferenties, "h2_eigen_kracht"),
    "h2_kosten_per_conferentie": (plot_kosten_per_conferentie, "h2_eigen_kracht"),
    "h3_bezoekers_herkomst": (plot_bezoekers_herkomst, "h3_house_of_hope"),
    "h3_niet_westers": (plot_niet_westers, "h3_house_of_hope"),
    "h3_personeel": (plot_personeel, "h3_house_of_hope"),
    "h4_wijken": (plot_wijken, "h4_publieke_ruimtes"),
    "h5_trechter_overschie": (plot_trechter_overschie, "h5_tegenprestatie"),
    "h5_beleidstijdlijn": (plot_beleidstijdlijn, "tijdlijnen"),
    "h6_bijeenkomsten": (plot_bijeenkomsten, "h6_bijeenkomsten"),
}

# Rows of the data file a figure shows (for its data table); None = all rows.
_TABLE_ROWS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "h0_tijdlijn": lambda d: d[d["lijn"] == "verzorgingsstaat"].sort_values("jaar", kind="stable"),
    "h5_beleidstijdlijn": lambda d: d[d["lijn"] == "tegenprestatie"].sort_values("jaar", kind="stable"),
    "h6_bijeenkomsten": lambda d: d.sort_values("datum", kind="stable"),
    "h2_conferenties": lambda d: d[d["id"].isin(["h2_ek_gekocht", "h2_ek_jeugd_max_per_jaar", "h2_ek_jeugd_realisatie",
                                                  "h2_ek_armoede_gekocht", "h2_ek_armoede_inzet_2013",
                                                  "h2_ek_armoede_inzet_2014", "h2_ek_armoede_realisatie_2013",
                                                  "h2_ek_armoede_gerealiseerd_2013"])],
    "h2_kosten_per_conferentie": lambda d: d[d["id"].isin(["h2_ek_prijs_per_conferentie", "h2_ek_jeugd_realisatie",
                                                            "h2_ek_armoede_realisatie_2013",
                                                            "h2_kosten_per_gerealiseerde_jeugd",
                                                            "h2_kosten_per_gerealiseerde_armoede"])],
    "h3_bezoekers_herkomst": lambda d: d[d["groep"] == "h3_herkomst"],
    "h3_niet_westers": lambda d: d[d["id"].str.startswith("h3_niet_westers")],
    "h3_personeel": lambda d: d[d["id"].isin(["h3_betaalde_krachten", "h3_vrijwilligers"])],
    "h4_wijken": lambda d: d[d["groep"].isin(["h4_ow_leeftijd", "h4_oc_leeftijd"])
                             | d["id"].isin(["h4_ow_inwoners", "h4_oc_inwoners"])],
    "h5_trechter_overschie": lambda d: d[d["id"].str.startswith("h5_ov_") & (d["label"] != "")],
}


def draw(name: str) -> Figure:
    """Load the data of figure ``name`` and draw it on a new figure (caller closes it)."""
    if name not in FIGURES:
        raise KeyError(f"Onbekende figuur '{name}'. Bekend: {', '.join(FIGURES)}.")
    fn, data_name = FIGURES[name]
    return fn(load(data_name)).figure


def figure_bytes(fig: Figure, fmt: str = "png") -> bytes:
    """Deterministic bytes of a figure (fixed hash salt, no dates or software in metadata)."""
    buf = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buf, format=fmt, bbox_inches="tight", metadata=SAVE_METADATA.get(fmt))
    return buf.getvalue()


def _source_cell(r: pd.Series) -> str:
    where = SECTION_OF_CHAPTER.get(int(r["hoofdstuk"]), f"hoofdstuk {r['hoofdstuk']}") if "hoofdstuk" in r else ""
    parts = [p for p in (where, r["bron_sectie"], f"regel {r['bron_regel']}") if p]
    return ", ".join(parts)


def _table_rows(name: str) -> tuple[list[str], list[list[str]]]:
    _, data_name = FIGURES[name]
    d = load(data_name)
    d = _TABLE_ROWS.get(name, lambda x: x)(d)
    if "waarde" in d.columns:
        head = ["Gegeven", "Waarde", "Eenheid", "Soort getal", "Bron"]
        rows = [[r["omschrijving"], format_number(r), r["eenheid"],
                 QUALIFIER_WORDS[r["kwalificatie"]] + (f" ({r['toelichting']})" if r["kwalificatie"] == "derived" else ""),
                 _source_cell(r)] for _, r in d.iterrows()]
    elif "gebeurtenis" in d.columns:
        head = ["Gebeurtenis", "Jaar", "Bron"]
        rows = [[r["gebeurtenis"], ("rond " if r["kwalificatie"] == "circa" else "") + str(r["jaar"])
                 + (f"–{r['jaar_tot']}" if r["jaar_tot"] else "") + (f" ({_date_label(r['datum'])})" if r["datum"] else ""),
                 _source_cell(r)] for _, r in d.iterrows()]
    elif "soort" in d.columns and "datum" in d.columns:
        head = ["Thema", "Soort", "Datum", "Plaats of begeleider", "Bron"]
        rows = [[r["thema"], r["soort"], _date_label(r["datum"]), r["plaats"] or f"begeleid door {r['begeleider']}",
                 _source_cell(r)] for _, r in d.iterrows()]
    elif "partner" in d.columns:
        head = ["Partner", "Soort", "Bron"]
        rows = [[r["partner"], r["soort"], _source_cell(r)] for _, r in d.iterrows()]
    elif "links" in d.columns:
        head = ["Balanceren tussen", "en", "Bron"]
        rows = [[f"{r['nummer']}. {r['links']}", r["rechts"], _source_cell(r)] for _, r in d.iterrows()]
    else:
        head = ["Praktijk", "Thema", "Hoofdstuk", "Bron"]
        rows = [[r["praktijk"], r["thema"], str(r["hoofdstuk"]), f"inleiding, {r['bron_sectie']}, regel {r['bron_regel']}"]
                for _, r in d.iterrows()]
    return head, rows


TABLE_CAPTIONS: dict[str, str] = {
    "h0_themas_praktijken": "Thema's en onderzochte praktijken",
    "h0_tijdlijn": "Van verzorgingsstaat naar participatiesamenleving",
    "h1_partnernetwerk": "Netwerkpartners van het outreachende team van MDA",
    "h1_balanceerkunsten": "De zes balanceerkunsten van de outreachende werker",
    "h2_conferenties": "Eigen Kracht-conferenties in Rotterdam, 2013-2014",
    "h2_kosten_per_conferentie": "Kosten per gerealiseerde Eigen Kracht-conferentie (berekend)",
    "h3_bezoekers_herkomst": "Herkomst van bezoekers van het maatschappelijk spreekuur, 2013",
    "h3_niet_westers": "Aandeel niet-westerse allochtonen",
    "h3_personeel": "Betaalde krachten en vrijwilligers van House of Hope",
    "h4_wijken": "Inwoners en leeftijdsopbouw van Oude Westen en Oud Charlois",
    "h5_trechter_overschie": "Overschie voor Elkaar in aantallen",
    "h5_beleidstijdlijn": "Beleid rond de tegenprestatie in Rotterdam",
    "h6_bijeenkomsten": "Reflectiebijeenkomsten en onderzoeksworkshops",
}


def table_html(name: str) -> str:
    """The data behind figure ``name`` as an accessible table in a native toggle."""
    head, rows = _table_rows(name)
    e = html.escape
    out = ['<details class="lsp-figuurgegevens"><summary>Gegevens bij deze figuur</summary>',
           f"<table><caption>{e(TABLE_CAPTIONS[name])}</caption>",
           "<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in head) + "</tr></thead><tbody>"]
    for r in rows:
        out.append(f'<tr><th scope="row">{e(r[0])}</th>' + "".join(f"<td>{e(c)}</td>" for c in r[1:]) + "</tr>")
    out.append("</tbody></table></details>")
    return "\n".join(out)


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


def figure_html(name: str, png: bytes, alt: str) -> str:
    """The figure image (inline PNG) followed by its data table, as one HTML block."""
    src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return (f'<img class="lsp-figuur" src="{src}" alt="{html.escape(alt, quote=True)}" '
            f'style="max-width:100%;height:auto" />\n{table_html(name)}')


def figuur(name: str, alt: str | None = None) -> None:
    """Draw figure ``name`` from data/ and show it with its data table (chapter use).

    One output carrying both ``image/png`` (non-HTML builders) and ``text/html`` (image plus
    table): myst-nb wraps every output of a figure cell in the figure, so a second output
    would duplicate the figure's name and caption. The alt text comes from ``alt``, else from
    the cell metadata ``mystnb.image.alt`` of the calling cell, else from the table caption.
    """
    from IPython.display import display

    fig = draw(name)
    try:
        png = figure_bytes(fig, "png")
    finally:
        plt.close(fig)
    alt = alt or _alt_from_notebook(name) or f"{TABLE_CAPTIONS[name]}; de gegevens staan in de tabel onder de figuur."
    display({"image/png": base64.b64encode(png).decode("ascii"), "text/html": figure_html(name, png, alt)}, raw=True)
