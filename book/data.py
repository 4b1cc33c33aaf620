"""Load and validate the numbers of the book (``data/*.csv``).

Every file is read as text (``dtype=str``) and converted here, so nothing is coerced silently.
Any problem raises :class:`DataError` with a Dutch message naming file, line and column.
The file format is documented for authors in ``data/README.md``.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from io import StringIO
from pathlib import Path
from typing import Any

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

QUALIFIERS: dict[str, str] = {       # qualifier -> Dutch words placed before the number
    "exact": "",
    "circa": "ongeveer",
    "more_than": "meer dan",
    "less_than": "minder dan",
    "at_most": "hoogstens",
    "at_least": "minstens",
    "almost": "bijna",
}
DERIVED = "derived"
QUALIFIER_WORDS: dict[str, str] = {  # qualifier -> Dutch name, for data tables
    "exact": "precies", "circa": "ongeveer", "more_than": "meer dan", "less_than": "minder dan",
    "at_most": "hoogstens", "at_least": "minstens", "almost": "bijna", DERIVED: "berekend",
}

NUMBER_REQUIRED = ("id", "omschrijving", "waarde", "eenheid", "kwalificatie", "hoofdstuk",
                   "bron_sectie", "bron_regel")
NUMBER_OPTIONAL = ("waarde_tot", "grens", "groep", "label", "toelichting")

# Files that are lists (labels, dates) rather than one number per row: required columns.
LIST_FILES: dict[str, tuple[str, ...]] = {
    "h6_bijeenkomsten": ("id", "soort", "nummer", "datum", "thema", "bron_sectie", "bron_regel"),
    "tijdlijnen": ("id", "jaar", "kwalificatie", "gebeurtenis", "lijn", "hoofdstuk",
                   "bron_sectie", "bron_regel"),
    "h0_themas_praktijken": ("id", "thema", "praktijk", "hoofdstuk", "bron_sectie", "bron_regel"),
    "h1_partners": ("id", "partner", "soort", "bron_sectie", "bron_regel"),
    "h1_balanceerkunsten": ("id", "nummer", "links", "rechts", "bron_sectie", "bron_regel"),
}
LIST_OPTIONAL: dict[str, tuple[str, ...]] = {
    "h6_bijeenkomsten": ("plaats", "begeleider"),
    "tijdlijnen": ("jaar_tot", "datum"),
}

# Units rendered after the number; every other unit is a counted noun the prose supplies.
UNIT_SUFFIX: dict[str, str] = {
    "procent": "%", "euro": " euro", "euro per maand": " euro per maand", "jaar": " jaar",
    "maanden": " maanden", "meter": " meter", "vierkante meter": " vierkante meter",
    "uur per week": " uur per week", "op de 5": " op de 5", "jaartal": "",
}

ID_RE = re.compile(r"^h([0-6])_[a-z0-9]+(?:_[a-z0-9]+)*$")
NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")
INT_RE = re.compile(r"^\d+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DataError(ValueError):
    """A data file does not meet the format of ``data/README.md`` (message in Dutch)."""


def _fail(file: str, line: int | None, column: str | None, msg: str) -> DataError:
    where = [file]
    if line is not None:
        where.append(f"regel {line}")
    if column is not None:
        where.append(f"kolom '{column}'")
    return DataError(", ".join(where) + ": " + msg)


def _check_rows(text: str, name: str) -> None:
    """Every row has as many fields as the header, and every quote is closed (Dutch messages,
    with the line; pandas would either say it in English or, for a row with one field too many,
    silently take the first column as an index and shift every value)."""
    reader = csv.reader(StringIO(text), strict=True)
    try:
        header = next(reader)
        for row in reader:
            if row and len(row) != len(header):
                raise _fail(name, reader.line_num, None,
                            f"verwacht {len(header)} velden, zoals de kopregel, gevonden {len(row)} "
                            "(een komma in een tekst hoort tussen aanhalingstekens).")
    except csv.Error:
        raise _fail(name, reader.line_num, None, "een aanhalingsteken (\") wordt niet goed gesloten.") from None


def _read_text(path: Path) -> pd.DataFrame:
    """Read one CSV strictly as UTF-8 text; every cell a str."""
    name = path.name
    if not path.is_file():
        raise _fail(name, None, None, "bestand niet gevonden.")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise _fail(name, line, None,
                    f"verwacht UTF-8-tekst, gevonden ongeldige byte 0x{raw[e.start]:02x} "
                    "(sla het bestand op als UTF-8).") from None
    if not text.strip():
        raise _fail(name, None, None, "verwacht een kopregel en minstens één gegevensregel, "
                                      "gevonden een leeg bestand.")
    _check_rows(text, name)
    try:
        # index_col=False: a row with one field too many is an error above, never an index column
        df = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False, na_filter=False, index_col=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError):
        raise _fail(name, None, None, "geen geldig CSV-bestand; controleer de aanhalingstekens en "
                                      "het aantal komma's per regel.") from None
    df.columns = [c.strip() for c in df.columns]
    if df.empty:
        raise _fail(name, None, None, "verwacht minstens één gegevensregel, gevonden alleen een kopregel.")
    return df.map(str.strip)


def _check_columns(df: pd.DataFrame, name: str, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise _fail(name, 1, missing[0], f"verplichte kolom ontbreekt (verwacht: {', '.join(required)}).")
    unknown = [c for c in df.columns if c not in required + optional]
    if unknown:
        raise _fail(name, 1, unknown[0], "onbekende kolom (tikfout? zie data/README.md).")
    for i, r in df.iterrows():
        for c in required:
            if r[c] == "":
                raise _fail(name, int(i) + 2, c, "verwacht een waarde, gevonden een lege cel.")


def _line(i: Any) -> int:
    return int(i) + 2  # header is line 1


def _num(name: str, i: Any, col: str, text: str) -> float:
    if not NUMBER_RE.match(text):
        raise _fail(name, _line(i), col, f"verwacht een getal (punt als decimaalteken, geen "
                                         f"duizendtallen), gevonden '{text}'.")
    return float(text)


def _int(name: str, i: Any, col: str, text: str, lo: int, hi: int) -> int:
    if not INT_RE.match(text) or not lo <= int(text) <= hi:
        raise _fail(name, _line(i), col, f"verwacht een geheel getal van {lo} tot en met {hi}, "
                                         f"gevonden '{text}'.")
    return int(text)


def _check_ids(df: pd.DataFrame, name: str) -> None:
    seen: dict[str, int] = {}
    for i, ident in df["id"].items():
        if ident in seen:
            raise _fail(name, _line(i), "id", f"verwacht een unieke id, gevonden '{ident}' "
                                              f"opnieuw (ook op regel {seen[ident]}).")
        seen[ident] = _line(i)


def validate_numbers(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Validate a number file read as text; return it with typed columns."""
    _check_columns(df, name, NUMBER_REQUIRED, NUMBER_OPTIONAL)
    for c in NUMBER_OPTIONAL:
        if c not in df.columns:
            df[c] = ""
    _check_ids(df, name)
    waarde, tot, hoofdstuk, regel = [], [], [], []
    for i, r in df.iterrows():
        m = ID_RE.match(r["id"])
        if not m:
            raise _fail(name, _line(i), "id", "verwacht snake_case met hoofdstukvoorvoegsel "
                                              f"(bijvoorbeeld 'h2_ek_gekocht'), gevonden '{r['id']}'.")
        h = _int(name, i, "hoofdstuk", r["hoofdstuk"], 0, 6)
        if int(m.group(1)) != h:
            raise _fail(name, _line(i), "hoofdstuk", f"verwacht {m.group(1)} (voorvoegsel van de id), gevonden {h}.")
        v = _num(name, i, "waarde", r["waarde"])
        t = _num(name, i, "waarde_tot", r["waarde_tot"]) if r["waarde_tot"] else math.nan
        if not math.isnan(t) and t <= v:
            raise _fail(name, _line(i), "waarde_tot", f"verwacht een bovengrens groter dan {r['waarde']}, "
                                                      f"gevonden '{r['waarde_tot']}'.")
        q = r["kwalificatie"]
        if q not in QUALIFIERS and q != DERIVED:
            raise _fail(name, _line(i), "kwalificatie", f"verwacht een van {', '.join([*QUALIFIERS, DERIVED])}, "
                                                        f"gevonden '{q}'.")
        if q == DERIVED:
            if r["grens"] not in QUALIFIERS:
                raise _fail(name, _line(i), "grens", "verwacht bij 'derived' een van "
                                                     f"{', '.join(QUALIFIERS)}, gevonden '{r['grens']}'.")
            if not re.match(r"^(Berekend|Geteld)", r["toelichting"]):
                raise _fail(name, _line(i), "toelichting", "verwacht bij 'derived' een rekenregel die begint met "
                                                           f"'Berekend:' of 'Geteld', gevonden '{r['toelichting']}'.")
        elif r["grens"]:
            raise _fail(name, _line(i), "grens", f"verwacht een lege cel (alleen voor 'derived'), gevonden '{r['grens']}'.")
        if r["eenheid"] == "procent":
            for col, x in (("waarde", v), ("waarde_tot", t)):
                if not math.isnan(x) and not 0 <= x <= 100:
                    raise _fail(name, _line(i), col, f"verwacht een percentage van 0 tot en met 100, gevonden '{r[col]}'.")
        if r["eenheid"] == "jaartal" and (v != int(v) or not 1000 <= v <= 2100):
            raise _fail(name, _line(i), "waarde", f"verwacht een jaartal, gevonden '{r['waarde']}'.")
        waarde.append(v)
        tot.append(t)
        hoofdstuk.append(h)
        regel.append(_int(name, i, "bron_regel", r["bron_regel"], 1, 10**6))
    df["waarde"], df["waarde_tot"] = waarde, tot
    df["hoofdstuk"], df["bron_regel"] = hoofdstuk, regel
    _check_groups(df, name)
    df.insert(0, "bestand", name)
    df["csv_regel"] = [_line(i) for i in df.index]
    return df


def _check_groups(df: pd.DataFrame, name: str) -> None:
    for groep, part in df[df["groep"] != ""].groupby("groep", sort=False):
        total = 0.0
        for i, r in part.iterrows():
            if r["eenheid"] != "procent":
                raise _fail(name, _line(i), "eenheid", f"verwacht 'procent' binnen groep '{groep}', gevonden '{r['eenheid']}'.")
            total += r["waarde"]
            if total > 100 + 1e-9:
                raise _fail(name, _line(i), "waarde", f"verwacht dat de delen van groep '{groep}' samen "
                                                      f"hoogstens 100% zijn, gevonden {_nl(total)}%.")


def validate_list(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Validate a list file (meetings, timeline, diagram labels); messages name the file."""
    file = f"{name}.csv"
    _check_columns(df, file, LIST_FILES[name], LIST_OPTIONAL.get(name, ()))
    _check_ids(df, file)
    for i, r in df.iterrows():
        _int(file, i, "bron_regel", r["bron_regel"], 1, 10**6)
        for col in ("jaar", "jaar_tot"):
            if r.get(col, ""):
                _int(file, i, col, r[col], 1000, 2100)
        if r.get("datum", "") and not DATE_RE.match(r["datum"]):
            raise _fail(file, _line(i), "datum", f"verwacht een datum als JJJJ-MM-DD, gevonden '{r['datum']}'.")
        if "kwalificatie" in r and r["kwalificatie"] not in ("exact", "circa"):
            raise _fail(file, _line(i), "kwalificatie", f"verwacht 'exact' of 'circa', gevonden '{r['kwalificatie']}'.")
    for col in ("nummer", "hoofdstuk", "bron_regel", "jaar"):
        if col in df.columns:
            df[col] = df[col].astype(int)
    return df


def number_files(data_dir: Path | None = None) -> list[str]:
    """Names (without .csv) of the number files in ``data_dir``."""
    d = data_dir or DATA_DIR
    return sorted(p.stem for p in d.glob("*.csv") if p.stem not in LIST_FILES)


def load(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """One validated file as a DataFrame (a copy: callers may modify it)."""
    return _load_cached(name, str(data_dir or DATA_DIR)).copy()


@lru_cache(maxsize=None)
def _load_cached(name: str, data_dir: str) -> pd.DataFrame:
    df = _read_text(Path(data_dir) / f"{name}.csv")
    file = f"{name}.csv"
    return validate_list(df, name) if name in LIST_FILES else validate_numbers(df, file)


def load_all(data_dir: Path | None = None) -> pd.DataFrame:
    """All number files as one DataFrame, ids unique across files, index = id."""
    frames = [load(n, data_dir) for n in number_files(data_dir)]
    if not frames:
        raise _fail(str(data_dir or DATA_DIR), None, None, "verwacht minstens één getallenbestand, gevonden geen.")
    df = pd.concat(frames, ignore_index=True)
    dup = df[df["id"].duplicated(keep=False)]
    if not dup.empty:
        ident = dup["id"].iloc[0]
        files = " en ".join(sorted(set(dup[dup["id"] == ident]["bestand"])))
        last = dup[dup["id"] == ident].iloc[-1]
        raise _fail(str(last["bestand"]), int(last["csv_regel"]), "id",
                    f"verwacht een id die in alle bestanden uniek is, gevonden '{ident}' in {files}.")
    return df.set_index("id", drop=False)


def value(ident: str, data_dir: Path | None = None) -> pd.Series:
    """The row of one number by id."""
    df = load_all(data_dir)
    if ident not in df.index:
        raise DataError(f"Onbekende id '{ident}': die staat in geen enkel bestand in data/.")
    return df.loc[ident]


def _nl(x: float, decimals: int = 2) -> str:
    """Dutch number text: '.' for thousands, ',' for decimals, no trailing zeros."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    text = f"{x:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _amount(x: float, unit: str) -> str:
    if unit == "jaartal":
        return str(int(x))
    if unit == "euro" and x >= 1_000_000:
        return _nl(x / 1_000_000, 1) + " miljoen"
    return _nl(x)


def qualifier_of(row: Mapping[str, Any]) -> str:
    """The qualifier that applies to the value shown (for derived rows: the 'grens')."""
    return str(row["grens"]) if row["kwalificatie"] == DERIVED else str(row["kwalificatie"])


def format_number(row: Mapping[str, Any]) -> str:
    """Dutch text of a number with its qualifier: 'meer dan 450', 'minder dan 30%'."""
    unit = str(row["eenheid"])
    text = _amount(float(row["waarde"]), unit)
    tot = row.get("waarde_tot", math.nan)
    if tot not in ("", None) and not (isinstance(tot, float) and math.isnan(tot)):
        text += "–" + _amount(float(tot), unit)
    text += UNIT_SUFFIX.get(unit, "")
    prefix = QUALIFIERS[qualifier_of(row)]
    text = f"{prefix} {text}" if prefix else text
    if row["kwalificatie"] == DERIVED and str(row.get("toelichting", "")).startswith("Berekend"):
        text += " (berekend)"
    return text
