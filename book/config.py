"""Shared facts of the project, in one place: paths, the edition, scales, limits, anchors.

Everything that more than one module (or the front-end) needs to agree on lives here, so a
change happens once. The front-end's copies of the scales and limits are checked against these
values by the test suite.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# LSP_OEFENINGEN_MAP points the whole book (build, kernels, command line) at another folder of
# exercise files; the tests use it for small fixture books.
EXERCISES_DIR = Path(os.environ.get("LSP_OEFENINGEN_MAP") or REPO_ROOT / "exercises").resolve()
DATA_DIR = REPO_ROOT / "data"
# LSP_HOOFDSTUKKEN_MAP: the chapter files that decide page order (fixture books in the tests).
CHAPTERS_DIR = Path(os.environ.get("LSP_HOOFDSTUKKEN_MAP") or REPO_ROOT / "chapters").resolve()
STATIC_DIR = REPO_ROOT / "book" / "static"

# The edition is chosen with the environment variable LSP_EDITIE ("docent" or "student").
EDITIE_VARIABELE = "LSP_EDITIE"
EDITIES = ("student", "docent")

STELLING_SCHAAL = ("helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens")
DEFAULT_SCHAAL = ("nog niet", "een beetje", "redelijk", "goed", "heel goed")
KWALITEITEN = ("steunend", "neutraal", "belastend")
DEFAULT_SOORTEN = ("familie", "vrienden", "buren", "school of werk", "professionals", "organisaties")
DEFAULT_KNOOP_WOORD = {"enkelvoud": "persoon of organisatie", "meervoud": "personen en organisaties"}
WERKVORMEN = ("alleen", "tweetallen", "groepje", "klassengesprek")
# How a werkvorm reads in a sentence ("ongeveer 30 minuten · alleen, in tweetallen").
WERKVORM_TEKST = {"alleen": "alleen", "tweetallen": "in tweetallen", "groepje": "in een groepje",
                  "klassengesprek": "klassengesprek"}
# Question types as teachers read them in the overview.
TYPE_NAMEN = {
    "open": "open vraag", "rangschikking": "rangschikking", "stelling": "stelling", "sorteren": "sorteren",
    "meerkeuze": "meerkeuze", "netwerk": "netwerkkaart", "dilemma": "dilemma", "zelfbeoordeling": "zelfbeoordeling",
}

# Free text per field. Counted in UTF-16 code units, as a browser's textarea `maxlength` and
# JavaScript's String.length count, so Python and the browser agree on every text.
MAX_TEKST = 100_000

# Marker of invented material (not from the source), the same in chapters and exercises.
VERZONNEN_LABEL = "Verzonnen voorbeeld"


def editie(value: str | None = None) -> str:
    """'docent' for the teacher edition, else 'student'. The one rule, used everywhere.

    Reads LSP_EDITIE when no value is given; case and surrounding spaces do not matter, so
    ``LSP_EDITIE=Docent`` gives the teacher edition everywhere, not a mixed one.
    """
    raw = os.environ.get(EDITIE_VARIABELE, "") if value is None else value
    return "docent" if raw.strip().lower() == "docent" else "student"


def tekst_lengte(text: str) -> int:
    """Length of a text in UTF-16 code units (what the browser counts)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def anchor(oefening_id: str) -> str:
    """The HTML id of an exercise on its chapter page (the overview links to it)."""
    return f"oefening-{oefening_id}"
