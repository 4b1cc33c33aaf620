"""Class view: merge a folder of exported answer files into an anonymous overview.

``python -m book klas <map> [--html rapport.html]`` prints the report (and writes a static HTML
page for the projector); the notebook ``docent/klasoverzicht.ipynb`` shows the same.

The folder is read as an LMS bulk download gives it: answer files (``*.json``) directly in it, in
per-student subfolders, or inside zip files (also one zip inside another). The folder is only
read, never written. Everything that cannot be used is named with a Dutch reason; nothing in the
folder can make the class view crash or hang, and every label it shows (exercise titles,
question texts, options, items, categories, statements) comes from the book's own exercise files
(``exercises/*.yml``), never from a student's file. Student text appears only in the anonymous
list of open answers, cleaned of control codes.
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import html
import io
import json
import os
import re
import stat
import statistics
import struct
import unicodedata
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from book.config import STELLING_SCHAAL
from book.answers import (
    ANTWOORD_PER_TYPE,
    ANTWOORDEN_FORMAAT,
    ANTWOORDEN_VERSIE,
    AntwoordBestand,
    AntwoordBestandFout,
    als_tijd,
    controleer_bestand,
    json_laden,
    juiste_versie,
    keuze_lijst,
    leesbaar,
    past_bij_vraag,
)

MAX_BESTAND = 5_000_000        # bytes; a larger file is not an answer file of this book
MAX_ZIP = 2_000_000_000        # bytes of one zip file (a class's PDFs and files)
MAX_ZIP_IN_ZIP = 200_000_000   # bytes of a zip inside a zip (read into memory)
MAX_ZIP_NIVEAU = 2             # a zip inside a zip is opened, one deeper is not
MAX_UITGEPAKT = 400_000_000    # bytes read in one run, files and zip members together
MAX_ITEMS = 20_000             # folder entries and zip members looked at in one run
MAX_DIEPTE = 10                # subfolder depth
BREEDTE = 100                  # terminal columns
POSITIES = list(STELLING_SCHAAL)
HULPBESTANDEN = {".ds_store", "thumbs.db", "desktop.ini"}


class KlasFout(ValueError):
    """The class view cannot run at all (e.g. the folder does not exist); Dutch message."""


@dataclass
class Melding:
    bestand: str
    reden: str


@dataclass
class Ingelezen:
    """One usable answer file: where it came from, the validated file and the raw JSON."""

    naam: str
    bestand: AntwoordBestand
    data: dict
    digest: str
    mtime: float | None


@dataclass
class Klas:
    hoofdstuk: int | None
    bestanden: list[AntwoordBestand] = field(default_factory=list)
    gebruikt: list[str] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)      # not counted, with the reason
    opmerkingen: list[Melding] = field(default_factory=list)    # counted, with a remark
    specs: dict[str, Any] = field(default_factory=dict)          # exercise id -> spec, page order
    antwoorden: dict[tuple[str, str], list[BaseModel]] = field(default_factory=dict)
    _overzicht: list | None = field(default=None, repr=False)

    @property
    def aantal(self) -> int:
        return len(self.bestanden)


# -- text that is safe to show -------------------------------------------------------------------

_SURROGAAT = re.compile("[\ud800-\udfff]")
_REGELEINDE = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_CONTROLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")   # Unicode category Cc, except \n (handled above)
_BIDI = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


# whole escape sequences first (CSI ... final byte; OSC ... BEL or ST), then any control left over
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]")


def schoon(tekst: str, regels: bool = False) -> str:
    """Text without terminal control codes, bidi overrides or lone surrogates.

    C0/C1 control characters (ESC, BEL, CSI, ...) are dropped, so nothing can move the cursor,
    clear the screen or make a link; a lone surrogate becomes U+FFFD. With ``regels`` line breaks
    survive (as ``\\n``), otherwise they become spaces.
    """
    if _SURROGAAT.search(tekst):
        tekst = tekst.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    tekst = _ANSI.sub("", tekst).translate(_BIDI)
    tekst = _REGELEINDE.sub("\n" if regels else " ", tekst)
    return _CONTROLE.sub(lambda m: " " if m.group() in "\t\v\f" else "", tekst)


def breedte(tekst: str) -> int:
    """Terminal columns of ``tekst``: wide (CJK, emoji) characters take two, combining ones none."""
    if tekst.isascii():
        return len(tekst)
    n = 0
    for ch in tekst:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def _kap(tekst: str, max_breedte: int) -> str:
    """Cut ``tekst`` to at most ``max_breedte`` columns, marking the cut with an ellipsis."""
    if breedte(tekst) <= max_breedte:
        return tekst
    out, n = [], 0
    for ch in tekst:
        w = breedte(ch)
        if n + w > max_breedte - 1:
            break
        out.append(ch)
        n += w
    return "".join(out) + "…"


def _wrap(tekst: str, max_breedte: int) -> list[str]:
    """Greedy word wrap by terminal columns; words longer than a line are cut into pieces."""
    regels: list[str] = []
    for alinea in tekst.split("\n"):
        regel, n = "", 0
        for woord in alinea.split():
            w = breedte(woord)
            while w > max_breedte:
                if regel:
                    regels.append(regel)
                    regel, n = "", 0
                stuk = _kap(woord, max_breedte + 1)[:-1] if breedte(woord) > max_breedte else woord
                stuk = stuk or woord[:1]
                regels.append(stuk)
                woord = woord[len(stuk):]
                w = breedte(woord)
            if not woord:
                continue
            if regel and n + 1 + w > max_breedte:
                regels.append(regel)
                regel, n = "", 0
            regel, n = (f"{regel} {woord}", n + 1 + w) if regel else (woord, w)
        regels.append(regel)
    while regels and not regels[-1]:
        regels.pop()
    return regels


def natuurlijk(tekst: str) -> tuple:
    """Sort key that puts a2 before a12 (numbers compared as numbers)."""
    return tuple((0, int(d), "") if d else (1, 0, t.casefold()) for d, t in re.findall(r"(\d+)|(\D+)", tekst))


def _pct(deel: int, geheel: int) -> str:
    return f"{round(100 * deel / geheel)}%" if geheel else "–"


# -- reading the folder --------------------------------------------------------------------------

@dataclass
class _Bron:
    naam: str
    lees: Callable[[], bytes]
    mtime: float | None


class _Teller:
    def __init__(self) -> None:
        self.items = 0
        self.bytes = 0
        self.vol = False


_ZIP_FOUTEN = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, RuntimeError,
               NotImplementedError, zlib.error, struct.error, KeyError, IndexError, OverflowError)


def _lees_gewoon(pad: str, limiet: int) -> bytes:
    """Read at most ``limiet`` bytes of a regular file; never blocks on a FIFO or device."""
    fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EINVAL, "geen gewoon bestand")
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(limiet)
    finally:
        os.close(fd)


def _zip_bronnen(naam: str, open_zip: Callable[[], Any], niveau: int, teller: _Teller,
                 meldingen: list[Melding]) -> Iterator[_Bron]:
    try:
        zf = zipfile.ZipFile(open_zip())
        leden = zf.infolist()
    except _ZIP_FOUTEN:
        meldingen.append(Melding(naam, "beschadigd zip-bestand: kan niet geopend worden"))
        return
    leden.sort(key=lambda i: natuurlijk(i.filename))
    for info in leden:
        if info.is_dir():
            continue
        lid = f"{naam}/{schoon(info.filename)}"
        teller.items += 1
        if teller.items > MAX_ITEMS:
            teller.vol = True
            return
        basis = info.filename.rsplit("/", 1)[-1]
        kleine = basis.lower()
        if "__MACOSX/" in info.filename or basis.startswith("._") or kleine in HULPBESTANDEN:
            meldingen.append(Melding(lid, "hulpbestand van het besturingssysteem; overgeslagen"))
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            meldingen.append(Melding(lid, "snelkoppeling in een zip-bestand; niet gevolgd"))
            continue
        if info.flag_bits & 0x1:
            meldingen.append(Melding(lid, "versleuteld in het zip-bestand; overgeslagen"))
            continue
        if kleine.endswith(".zip"):
            if niveau >= MAX_ZIP_NIVEAU:
                meldingen.append(Melding(lid, "zip-bestand in een zip-bestand in een zip-bestand; niet geopend"))
                continue
            if info.file_size > MAX_ZIP_IN_ZIP:
                meldingen.append(Melding(lid, "zip-bestand te groot om in een zip-bestand te openen"))
                continue
            try:
                inhoud = _lees_lid(zf, info, MAX_ZIP_IN_ZIP, teller)
            except _ZIP_FOUTEN:
                meldingen.append(Melding(lid, "beschadigd in het zip-bestand: kan niet uitgepakt worden"))
                continue
            if inhoud is None:
                meldingen.append(Melding(lid, "te veel gegevens in deze map; overgeslagen"))
                continue
            if len(inhoud) > MAX_ZIP_IN_ZIP:
                meldingen.append(Melding(lid, "zip-bestand te groot om in een zip-bestand te openen"))
                continue
            yield from _zip_bronnen(lid, lambda b=inhoud: io.BytesIO(b), niveau + 1, teller, meldingen)
            continue
        if not kleine.endswith(".json"):
            meldingen.append(Melding(lid, "geen JSON-bestand; overgeslagen"))
            continue
        if info.file_size > MAX_BESTAND:
            meldingen.append(Melding(lid, _TE_GROOT))
            continue
        try:
            mtime = _dt.datetime(*info.date_time).timestamp()
        except (ValueError, OverflowError, OSError):
            mtime = None
        yield _Bron(lid, lambda zf=zf, info=info: _lees_lid(zf, info, MAX_BESTAND, teller), mtime)


_TE_GROOT = "te groot voor een antwoordbestand; overgeslagen"


def _lees_lid(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limiet: int, teller: _Teller) -> bytes | None:
    """A member's bytes, reading at most ``limiet`` + 1 (a header can lie about the size)."""
    if teller.bytes > MAX_UITGEPAKT:
        teller.vol = True
        return None
    with zf.open(info) as f:
        inhoud = f.read(limiet + 1)
    teller.bytes += len(inhoud)
    return inhoud


def _bronnen(folder: Path, teller: _Teller, meldingen: list[Melding]) -> Iterator[_Bron]:
    """Every candidate file under ``folder`` (depth first, natural order); the rest is reported."""
    stapel: list[tuple[str, str, int]] = [(str(folder), "", 0)]
    while stapel:
        pad, rel, diepte = stapel.pop()
        try:
            with os.scandir(pad) as it:
                items = sorted(it, key=lambda e: natuurlijk(e.name))
        except OSError as exc:
            meldingen.append(Melding(rel or ".", f"map kan niet gelezen worden ({_os_reden(exc)})"))
            continue
        submappen = []
        for entry in items:
            naam = f"{rel}{schoon(entry.name)}"
            teller.items += 1
            if teller.items > MAX_ITEMS:
                teller.vol = True
                return
            try:
                if entry.is_symlink():
                    try:
                        st = os.stat(entry.path)
                    except OSError as exc:
                        if exc.errno == errno.ELOOP:
                            meldingen.append(Melding(naam, "snelkoppeling die in een kring naar zichzelf verwijst; overgeslagen"))
                        else:
                            meldingen.append(Melding(naam, "snelkoppeling naar iets dat niet (meer) bestaat; overgeslagen"))
                        continue
                    if stat.S_ISDIR(st.st_mode):
                        meldingen.append(Melding(naam, "snelkoppeling naar een map; niet gevolgd"))
                        continue
                    modus = st.st_mode
                else:
                    modus = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                meldingen.append(Melding(naam, f"kan niet gelezen worden ({_os_reden(exc)})"))
                continue
            if stat.S_ISDIR(modus):
                if diepte + 1 > MAX_DIEPTE:
                    meldingen.append(Melding(naam + "/", "map te diep genest; niet bekeken"))
                else:
                    submappen.append((entry.path, naam + "/", diepte + 1))
                continue
            if not stat.S_ISREG(modus):
                meldingen.append(Melding(naam, "geen gewoon bestand (bijvoorbeeld een pijp of apparaat); overgeslagen"))
                continue
            kleine = entry.name.lower()
            if entry.name.startswith("._") or kleine in HULPBESTANDEN:
                meldingen.append(Melding(naam, "hulpbestand van het besturingssysteem; overgeslagen"))
            elif kleine.endswith(".zip"):
                yield from _zip_uit_map(entry.path, naam, teller, meldingen)
            elif not kleine.endswith(".json"):
                meldingen.append(Melding(naam, "geen JSON-bestand; overgeslagen"))
            else:
                try:
                    mtime = os.stat(entry.path).st_mtime
                except OSError:
                    mtime = None
                yield _Bron(naam, lambda p=entry.path: _lees_map_bestand(p, teller), mtime)
        stapel.extend(reversed(submappen))


def _lees_map_bestand(pad: str, teller: _Teller) -> bytes | None:
    if teller.bytes > MAX_UITGEPAKT:
        teller.vol = True
        return None
    inhoud = _lees_gewoon(pad, MAX_BESTAND + 1)
    teller.bytes += len(inhoud)
    return inhoud


def _zip_uit_map(pad: str, naam: str, teller: _Teller, meldingen: list[Melding]) -> Iterator[_Bron]:
    try:
        grootte = os.stat(pad).st_size
    except OSError as exc:
        meldingen.append(Melding(naam, f"kan niet gelezen worden ({_os_reden(exc)})"))
        return
    if grootte > MAX_ZIP:
        meldingen.append(Melding(naam, "zip-bestand te groot; niet geopend"))
        return
    bestanden: list[Any] = []

    def open_zip() -> Any:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        f = os.fdopen(fd, "rb")
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            f.close()
            raise OSError(errno.EINVAL, "geen gewoon bestand")
        bestanden.append(f)
        return f

    try:
        yield from _zip_bronnen(naam, open_zip, 1, teller, meldingen)
    finally:
        for f in bestanden:
            f.close()


def _os_reden(exc: OSError) -> str:
    return {
        errno.EACCES: "geen toegang",
        errno.EPERM: "geen toegang",
        errno.ENOENT: "bestaat niet meer",
        errno.ELOOP: "snelkoppeling in een kring",
        errno.EISDIR: "is een map",
    }.get(exc.errno or 0, "leesfout van het besturingssysteem")


def _lees_bron(bron: _Bron, teller: _Teller) -> tuple[Ingelezen | None, str | None]:
    """Read and validate one candidate; (file, None) or (None, Dutch reason)."""
    try:
        raw = bron.lees()
    except _ZIP_FOUTEN as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
            return None, f"kan niet gelezen worden ({_os_reden(exc)})"
        return None, "beschadigd in het zip-bestand: kan niet uitgepakt worden"
    if raw is None:
        return None, "te veel gegevens in deze map; overgeslagen"
    if len(raw) > MAX_BESTAND:
        return None, _TE_GROOT
    try:
        data = json_laden(raw)
    except UnicodeDecodeError:
        return None, "beschadigd: geen UTF-8-tekst"
    except json.JSONDecodeError as exc:
        return None, f"beschadigd: geen leesbare JSON (regel {exc.lineno}, kolom {exc.colno})"
    except RecursionError:
        return None, "beschadigd: te diep genest"
    if isinstance(data, dict) and data.get("formaat") == ANTWOORDEN_FORMAAT and not juiste_versie(data.get("versie")):
        versie = data.get("versie")
        toon = str(versie) if isinstance(versie, int) and not isinstance(versie, bool) and abs(versie) < 10**6 else "onbekend"
        return None, f"andere versie ({toon}); dit boek leest versie {ANTWOORDEN_VERSIE}"
    try:
        bestand = controleer_bestand(data, bron="het bestand")
    except AntwoordBestandFout as exc:
        return None, "onbruikbaar: " + str(exc).removeprefix("het bestand ").rstrip(".")
    return Ingelezen(bron.naam, bestand, data, hashlib.sha256(raw).hexdigest(), bron.mtime), None


# -- students and the newest file ----------------------------------------------------------------

def _norm(tekst: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", tekst).casefold().split())


def _nieuwste(a: Ingelezen, b: Ingelezen) -> tuple[Ingelezen, Ingelezen, str]:
    """(newer, older, what decided): tijdstip, then datum, then the file's time, then the name."""
    for veld, uitleg in (("tijdstip", "tijdstip van de export"), ("datum", "datum")):
        ta, tb = als_tijd(getattr(a.bestand, veld)), als_tijd(getattr(b.bestand, veld))
        if ta is not None and tb is not None and ta != tb:
            return (a, b, uitleg) if ta > tb else (b, a, uitleg)
    if a.mtime is not None and b.mtime is not None and a.mtime != b.mtime:
        return (a, b, "tijd van het bestand") if a.mtime > b.mtime else (b, a, "tijd van het bestand")
    ka, kb = natuurlijk(a.naam), natuurlijk(b.naam)
    return (a, b, "bestandsnaam (de tijden zijn gelijk)") if ka > kb else (b, a, "bestandsnaam (de tijden zijn gelijk)")


def _per_student(geldig: list[Ingelezen], klas: Klas) -> list[Ingelezen]:
    """One file per student: by student number, else by name (NFKC, case and spaces ignored)."""
    nummers: dict[str, str] = {}
    for ing in geldig:
        nummer, naam = _norm(ing.bestand.studentnummer), _norm(ing.bestand.naam)
        if nummer and naam:
            nummers[naam] = nummer if nummers.get(naam, nummer) == nummer else ""  # "" = ambiguous
    gekozen: dict[str, Ingelezen] = {}
    zonder: list[Ingelezen] = []
    for ing in geldig:
        nummer, naam = _norm(ing.bestand.studentnummer), _norm(ing.bestand.naam)
        if not nummer and naam and nummers.get(naam):
            nummer = nummers[naam]
        sleutel = f"nr:{nummer}" if nummer else f"naam:{naam}" if naam else None
        if sleutel is None:
            zonder.append(ing)
            klas.opmerkingen.append(Melding(ing.naam, "geen naam en geen studentnummer: meegeteld, maar een "
                                                      "tweede inlevering van deze student is niet te herkennen"))
            continue
        if sleutel in gekozen:
            nieuw, oud, waarop = _nieuwste(ing, gekozen[sleutel])
            gekozen[sleutel] = nieuw
            klas.meldingen.append(Melding(oud.naam, f"dubbel: dezelfde student leverde ook {nieuw.naam} in; "
                                                    f"dat is nieuwer en telt (volgens {waarop})"))
            continue
        gekozen[sleutel] = ing
    return sorted(list(gekozen.values()) + zonder, key=lambda i: natuurlijk(i.naam))


# -- the exercises (labels) ----------------------------------------------------------------------

def _pagina_volgorde() -> dict[str, int]:
    try:
        from book.overzicht import exercise_locations
    except ImportError:  # only the order is lost, never a label
        return {}
    try:
        return {oid: n for n, oid in enumerate(exercise_locations())}
    except (OSError, ValueError, KeyError):
        return {}


def _specs(hoofdstuk: int | None, oefeningen_map: Path | None, klas: Klas, ids: set[str]) -> dict[str, Any]:
    """The chapter's exercises from the book's exercise files, in page order: those the files
    name, and every ``h<N>_*.yml`` of the chapter (so unanswered exercises show as such)."""
    from book.exercises.spec import ID_PATTERN, ExerciseSpecError, all_spec_paths, load_spec

    specs = {}
    for pad in all_spec_paths(oefeningen_map):
        if pad.stem not in ids and not pad.stem.startswith(f"h{hoofdstuk}_"):
            continue
        if not re.fullmatch(ID_PATTERN, pad.stem):
            continue
        try:
            spec = _laad_spec(pad)
        except ExerciseSpecError:
            klas.opmerkingen.append(Melding(pad.name, "dit oefenbestand van het boek heeft een fout; de oefening "
                                                      "ontbreekt in het overzicht (python -m book controleer)"))
            continue
        if spec.hoofdstuk == hoofdstuk:
            specs[spec.id] = spec
    volgorde = _pagina_volgorde()
    return dict(sorted(specs.items(), key=lambda kv: (volgorde.get(kv[0], len(volgorde)), natuurlijk(kv[0]))))


_SPEC_CACHE: dict[tuple[str, int, int], Any] = {}


def _laad_spec(pad: Path) -> Any:
    """``load_spec`` once per file version (path, size, mtime): a notebook rerun reads no YAML."""
    from book.exercises.spec import load_spec

    st = pad.stat()
    sleutel = (str(pad.resolve()), st.st_size, st.st_mtime_ns)
    if sleutel not in _SPEC_CACHE:
        _SPEC_CACHE[sleutel] = load_spec(path=pad)
    return _SPEC_CACHE[sleutel]


def _verdeel_antwoorden(klas: Klas, gebruikt: list[Ingelezen]) -> None:
    """Validate every answer against its question's type and the exercise; keep those that fit."""
    per_vraag: dict[tuple[str, str], list[BaseModel]] = defaultdict(list)
    for ing in gebruikt:
        onbekend = 0
        passen_niet: list[str] = []
        for oid, oef in (ing.data.get("oefeningen") or {}).items():
            spec = klas.specs.get(oid) if isinstance(oid, str) else None
            if spec is None:
                onbekend += 1
                continue
            vragen = {v.id: v for v in spec.vragen}
            nummers = _nummers(spec)
            for qid, raw in (oef.get("antwoorden") or {}).items():
                vraag = vragen.get(qid)
                model = ANTWOORD_PER_TYPE.get(vraag.type) if vraag is not None else None
                if model is None:
                    onbekend += 1
                    continue
                try:
                    antwoord = model.model_validate(raw)
                except ValidationError:
                    passen_niet.append(f"{_kap(schoon(spec.titel), 40)}, vraag {nummers[qid]}: hoort bij een ander soort vraag")
                    continue
                reden = past_bij_vraag(vraag, antwoord)
                if reden is not None:
                    passen_niet.append(f"{_kap(schoon(spec.titel), 40)}, vraag {nummers[qid]}: {reden}")
                    continue
                per_vraag[(oid, qid)].append(antwoord)
        if onbekend:
            klas.opmerkingen.append(Melding(ing.naam, f"{onbekend} oefening(en) of vraag/vragen die niet in dit "
                                                      f"hoofdstuk van het boek staan; niet meegeteld"))
        for reden in passen_niet[:5]:
            klas.opmerkingen.append(Melding(ing.naam, f"antwoord niet meegeteld: {reden}"))
        if len(passen_niet) > 5:
            klas.opmerkingen.append(Melding(ing.naam, f"nog {len(passen_niet) - 5} antwoord(en) niet meegeteld"))
    klas.antwoorden = dict(per_vraag)


def _nummers(spec: Any) -> dict[str, int]:
    """Question id -> the number the page shows (``informatie`` blocks are not numbered)."""
    from book.exercises.spec import vraagnummers

    return vraagnummers(spec)


def lees_map(map_: str | Path, hoofdstuk: int | None = None, *, oefeningen_map: Path | None = None) -> Klas:
    """Read every answer file in the folder (subfolders and zips too); one per student of one chapter."""
    folder = Path(map_)
    if not folder.is_dir():
        raise KlasFout(f"De map {schoon(str(folder))} bestaat niet of is geen map.")
    meldingen: list[Melding] = []
    teller = _Teller()
    geldig: list[Ingelezen] = []
    for bron in _bronnen(folder, teller, meldingen):
        ingelezen, reden = _lees_bron(bron, teller)
        if ingelezen is None:
            meldingen.append(Melding(bron.naam, reden or "onbruikbaar"))
        else:
            geldig.append(ingelezen)
    if teller.vol:
        meldingen.append(Melding(".", f"te veel bestanden of gegevens (meer dan {MAX_ITEMS} bestanden of "
                                      f"{MAX_UITGEPAKT // 1_000_000} MB); de rest is niet bekeken"))

    if hoofdstuk is None and geldig:
        tel = Counter(i.bestand.hoofdstuk for i in geldig)
        hoofdstuk = max(tel, key=lambda h: (tel[h], -h))
    klas = Klas(hoofdstuk=hoofdstuk, meldingen=meldingen)

    gezien: dict[str, str] = {}
    van_hoofdstuk: list[Ingelezen] = []
    for ing in geldig:
        if ing.bestand.hoofdstuk != hoofdstuk:
            klas.meldingen.append(Melding(ing.naam, f"hoort bij hoofdstuk {ing.bestand.hoofdstuk}, niet bij hoofdstuk {hoofdstuk}"))
        elif ing.digest in gezien:
            klas.meldingen.append(Melding(ing.naam, f"dubbel: zelfde inhoud als {gezien[ing.digest]}"))
        else:
            gezien[ing.digest] = ing.naam
            van_hoofdstuk.append(ing)
    gebruikt = _per_student(van_hoofdstuk, klas)
    klas.bestanden = [i.bestand for i in gebruikt]
    klas.gebruikt = [i.naam for i in gebruikt]
    ids = {oid for i in gebruikt for oid in (i.data.get("oefeningen") or {}) if isinstance(oid, str)}
    klas.specs = _specs(hoofdstuk, oefeningen_map, klas, ids) if hoofdstuk is not None else {}
    _verdeel_antwoorden(klas, gebruikt)
    return klas


# -- overviews ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Aantal:
    """A count out of a total: ``7 (70%)``, or ``7 van 10`` with ``van_vorm``; HTML adds a bar."""

    n: int
    van: int
    van_vorm: bool = False

    def __str__(self) -> str:
        if self.van_vorm:
            return f"{self.n} van {self.van}"
        return f"{self.n} ({_pct(self.n, self.van)})" if self.van else str(self.n)


@dataclass
class Tabel:
    kolommen: list[str]
    rijen: list[list[str | int | Aantal]]
    titel: str = ""


@dataclass
class VraagOverzicht:
    nummer: int
    type: str
    vraag: str
    beantwoord: int
    van: int
    samenvatting: list[str] = field(default_factory=list)
    tabellen: list[Tabel] = field(default_factory=list)
    teksten: list[str] = field(default_factory=list)     # open answers, anonymous


@dataclass
class OefeningOverzicht:
    id: str
    titel: str
    vragen: list[VraagOverzicht]


TYPE_NAMEN = {
    "open": "open vraag", "rangschikking": "rangschikking", "stelling": "stellingen", "sorteren": "sorteren",
    "meerkeuze": "meerkeuze", "netwerk": "netwerkkaart", "dilemma": "dilemma", "zelfbeoordeling": "zelfbeoordeling",
}


def niet_leeg(value: Any) -> bool:
    """An answer counts as given when some part of it is not blank."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(niet_leeg(v) for v in value.values())
    if isinstance(value, list):
        return any(niet_leeg(v) for v in value)
    return value is not None and value is not False


def bruikbaar(n: int) -> str:
    return "1 bruikbaar antwoordbestand" if n == 1 else f"{n} bruikbare antwoordbestanden"


def _studenten(n: int) -> str:
    return f"{n} student" if n == 1 else f"{n} studenten"


def _aantal_pct(n: int, van: int) -> Aantal:
    return Aantal(n, van)


def _meerkeuze(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    opties = vraag.opties
    juist = {i for i, o in enumerate(opties) if o.juist}
    # per student a set of options (several with meerdere_juist); counted per option, and a
    # student is right when the set equals the right options
    laatste_sets = [set(keuze_lijst(a.keuze)) for a in antwoorden if keuze_lijst(a.keuze)]
    eerste_sets = [set(keuze_lijst(a.eerste)) for a in antwoorden if keuze_lijst(a.eerste)]
    laatste = Counter(i for s in laatste_sets for i in s)
    eerste = Counter(i for s in eerste_sets for i in s)
    n_laatste, n_eerste = len(laatste_sets), len(eerste_sets)
    rijen = [
        [_kap(o.tekst, 200), "ja" if o.juist else "", _aantal_pct(eerste[i], n_eerste) if n_eerste else "–",
         _aantal_pct(laatste[i], n_laatste)]
        for i, o in enumerate(opties)
    ]
    vo.tabellen.append(Tabel(["optie", "juist", "eerste poging", "uiteindelijk"], rijen))
    if getattr(vraag, "meerdere_juist", False):
        vo.samenvatting.append(f"Meer dan één optie is juist ({len(juist)}); goed = precies de juiste opties gekozen.")
    if n_eerste:
        goed = sum(s == juist for s in eerste_sets)
        vo.samenvatting.append(f"Goed bij de eerste poging: {goed} van {n_eerste} ({_pct(goed, n_eerste)}).")
    else:
        vo.samenvatting.append("Eerste poging: niet bekend (de bestanden bewaren die nog niet).")
    goed = sum(s == juist for s in laatste_sets)
    vo.samenvatting.append(f"Uiteindelijk goed: {goed} van {n_laatste} ({_pct(goed, n_laatste)}).")


def _sorteren(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    kolommen = ["item", "boek", *vraag.categorieen, "zoals het boek"]
    rijen = []
    goed_totaal = geteld_totaal = eerste_goed = eerste_geteld = 0
    for item in vraag.items:
        tel = Counter(a.indeling[item.tekst] for a in antwoorden if item.tekst in a.indeling)
        geteld = sum(tel.values())
        if item.categorie is not None:
            goed = tel[item.categorie]
            goed_totaal += goed
            geteld_totaal += geteld
            zoals = Aantal(goed, geteld, van_vorm=True)
            for a in antwoorden:
                if a.eerste and item.tekst in a.eerste:
                    eerste_geteld += 1
                    eerste_goed += a.eerste[item.tekst] == item.categorie
        else:
            zoals = "–"
        rijen.append([item.tekst, item.categorie or "(open)", *[tel[c] for c in vraag.categorieen], zoals])
    vo.tabellen.append(Tabel(kolommen, rijen))
    if geteld_totaal:
        vo.samenvatting.append(f"Ingedeeld zoals het boek: {goed_totaal} van {geteld_totaal} plaatsingen "
                               f"({_pct(goed_totaal, geteld_totaal)}).")
    if eerste_geteld:
        vo.samenvatting.append(f"Bij de eerste controle zoals het boek: {eerste_goed} van {eerste_geteld} "
                               f"({_pct(eerste_goed, eerste_geteld)}).")


def _rangschikking(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    n = len(vraag.items)
    plaatsen: dict[str, list[int]] = {item: [] for item in vraag.items}
    for a in antwoorden:
        for plaats, item in enumerate(a.volgorde, 1):
            plaatsen[item].append(plaats)
    rijen = []
    for item in sorted(vraag.items, key=lambda i: (statistics.mean(plaatsen[i]) if plaatsen[i] else n + 1)):
        p = plaatsen[item]
        tel = Counter(p)
        gem = f"{statistics.mean(p):.1f}".replace(".", ",") if p else "–"
        rijen.append([item, gem, *[tel[k] for k in range(1, n + 1)]])
    vo.tabellen.append(Tabel(["item", "gem. plaats", *[f"plaats {k}" for k in range(1, n + 1)]], rijen,
                             "Hoe vaak kwam elk item op elke plaats (1 = bovenaan)"))


def _stelling(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    for i, tekst in enumerate(vraag.stellingen):
        rijen = []
        rondes = (1, 2) if vraag.tweede_ronde is not None else (1,)
        for ronde in rondes:
            tel: Counter = Counter()
            for a in antwoorden:
                posities = a.ronde1 if ronde == 1 else (a.ronde2 or [])
                if i < len(posities) and posities[i].positie:
                    tel[posities[i].positie] += 1
            rijen.append([f"ronde {ronde}", *[tel[p] for p in range(1, 6)]])
        tabel = Tabel(["", *POSITIES], rijen, f"Stelling {i + 1}: {tekst}")
        vo.tabellen.append(tabel)
        if vraag.tweede_ronde is not None:
            meer = minder = gelijk = 0
            for a in antwoorden:
                r1, r2 = a.ronde1, a.ronde2 or []
                if i < len(r1) and i < len(r2) and r1[i].positie and r2[i].positie:
                    d = r2[i].positie - r1[i].positie
                    meer += d > 0
                    minder += d < 0
                    gelijk += d == 0
            vo.samenvatting.append(f"Stelling {i + 1}, van ronde 1 naar ronde 2: {meer} meer eens, "
                                   f"{minder} minder eens, {gelijk} gelijk.")


def _dilemma(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    keuzes: Counter = Counter()
    eindes: Counter = Counter()
    paden: Counter = Counter()
    niet_af = 0
    for a in antwoorden:
        if not a.pad:
            continue
        for van, naar in zip(a.pad, a.pad[1:]):
            keuzes[(van, naar)] += 1
        if vraag.knopen[a.pad[-1]].keuzes:
            niet_af += 1
        else:
            eindes[a.pad[-1]] += 1
        paden[tuple(a.pad)] += 1
    rijen = []
    for kid, knoop in vraag.knopen.items():
        bereikt = sum(keuzes[(kid, k.naar)] for k in knoop.keuzes)
        if knoop.keuzes and bereikt:
            for k in knoop.keuzes:
                rijen.append([_kap(knoop.tekst, 60), k.tekst, _aantal_pct(keuzes[(kid, k.naar)], bereikt)])
    if rijen:
        vo.tabellen.append(Tabel(["situatie", "keuze", "gekozen"], rijen, "Keuzes per situatie"))
    eind_rijen = [[knoop.tekst, eindes[kid]] for kid, knoop in vraag.knopen.items() if not knoop.keuzes]
    vo.tabellen.append(Tabel(["einde", "studenten"], eind_rijen, "Eindes"))
    if paden:
        pad_rijen = []
        for pad, aantal in sorted(paden.items(), key=lambda kv: (-kv[1], kv[0])):
            stappen = [next(k.tekst for k in vraag.knopen[v].keuzes if k.naar == n) for v, n in zip(pad, pad[1:])]
            pad_rijen.append([" → ".join(_kap(s, 40) for s in stappen) or "(nog geen keuze)", aantal])
        vo.tabellen.append(Tabel(["keuzes na elkaar", "studenten"], pad_rijen, "Gekozen paden"))
    if niet_af:
        vo.samenvatting.append(f"Nog niet bij een einde: {niet_af}.")


def _zelfbeoordeling(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    rijen = []
    for i, aspect in enumerate(vraag.aspecten):
        scores = [a.scores[i] for a in antwoorden if i < len(a.scores) and a.scores[i] is not None]
        tel = Counter(scores)
        mediaan = vraag.schaal[statistics.median_low(scores) - 1] if scores else "–"
        rijen.append([aspect, *[tel[s] for s in range(1, 6)], mediaan])
    vo.tabellen.append(Tabel(["aspect", *vraag.schaal, "mediaan"], rijen, "Profiel van de klas (aantal studenten per score)"))


def _open(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    kijkpunten = list(getattr(vraag, "kijkpunten", None) or [])
    met_kijkpunten = [a for a in antwoorden if a.kijkpunten is not None]
    if kijkpunten and met_kijkpunten:
        tel = Counter(i for a in met_kijkpunten for i in a.kijkpunten)
        vo.tabellen.append(Tabel(["kijkpunt", "aangevinkt"],
                                 [[k, _aantal_pct(tel[i], len(met_kijkpunten))] for i, k in enumerate(kijkpunten)],
                                 f"Kijkpunten die studenten bij hun eigen antwoord aanvinkten ({_studenten(len(met_kijkpunten))})"))
    rubric = list(getattr(vraag, "rubric", None) or [])
    met_rubric = [a for a in antwoorden if a.rubric]
    if rubric and met_rubric:
        hoogste = max(len(c.niveaus) for c in rubric)
        rijen = []
        for i, c in enumerate(rubric):
            tel = Counter(a.rubric[i] for a in met_rubric if i < len(a.rubric) and a.rubric[i] is not None)
            rijen.append([c.criterium, *[tel[n] if n <= len(c.niveaus) else "" for n in range(1, hoogste + 1)]])
        vo.tabellen.append(Tabel(["criterium", *[f"niveau {n}" for n in range(1, hoogste + 1)]], rijen,
                                 "Rubric: hoe studenten hun eigen antwoord inschatten (aantal per niveau)"))
    teksten = [schoon(leesbaar(vraag, a), regels=True) for a in antwoorden if a.tekst.strip()]
    # anonymous and stable: ordered by a hash of the text, not by file (name) order
    vo.teksten = sorted(teksten, key=lambda t: hashlib.sha256(t.encode("utf-8", "replace")).hexdigest())


def _netwerk(vraag: Any, antwoorden: list, vo: VraagOverzicht) -> None:
    kaarten = antwoorden   # only maps with at least one person or organisation get here
    aantallen = [len(a.knopen) for a in kaarten]
    soorten = [len({k.soort for k in a.knopen if k.soort in vraag.soorten}) for a in kaarten]
    vo.tabellen.append(Tabel(["per kaart", "minste", "mediaan", "meeste"], [
        ["personen en organisaties", min(aantallen), statistics.median_low(aantallen), max(aantallen)],
        ["soorten", min(soorten), statistics.median_low(soorten), max(soorten)],
    ], f"Breedte van de netwerkkaarten ({len(kaarten)} kaarten)"))
    per_soort = [[s, sum(any(k.soort == s for k in a.knopen) for a in kaarten)] for s in vraag.soorten]
    vo.tabellen.append(Tabel(["soort", "op kaarten"], per_soort))
    kwaliteit = Counter(k.kwaliteit for a in kaarten for k in a.knopen)
    vo.tabellen.append(Tabel(["kwaliteit", "verbindingen"],
                             [[q, kwaliteit[q]] for q in ("steunend", "neutraal", "belastend")]))


_PER_TYPE = {
    "meerkeuze": _meerkeuze, "sorteren": _sorteren, "rangschikking": _rangschikking, "stelling": _stelling,
    "dilemma": _dilemma, "zelfbeoordeling": _zelfbeoordeling, "open": _open, "netwerk": _netwerk,
}


def overzicht(klas: Klas) -> list[OefeningOverzicht]:
    """Per exercise of the chapter (page order) and question (page number): what the class chose."""
    if klas._overzicht is None:
        klas._overzicht = _maak_overzicht(klas)
    return klas._overzicht


def _maak_overzicht(klas: Klas) -> list[OefeningOverzicht]:
    out = []
    for oid, spec in klas.specs.items():
        nummers = _nummers(spec)
        vragen = []
        for vraag in spec.vragen:
            if vraag.type not in _PER_TYPE:
                continue
            antwoorden = [a for a in klas.antwoorden.get((oid, vraag.id), []) if niet_leeg(a)]
            tekst = getattr(vraag, "vraag", None) or " / ".join(getattr(vraag, "stellingen", []))
            vo = VraagOverzicht(nummers[vraag.id], vraag.type, tekst, len(antwoorden), klas.aantal)
            if antwoorden:
                _PER_TYPE[vraag.type](vraag, antwoorden, vo)
            vragen.append(vo)
        out.append(OefeningOverzicht(oid, spec.titel, vragen))
    return out


# -- terminal ------------------------------------------------------------------------------------

def _cel(waarde: str | int) -> str:
    return schoon(str(waarde))


def _tabel_tekst(tabel: Tabel, inspring: int = 4) -> list[str]:
    """A table in at most ``BREEDTE`` columns; the first column shrinks (and wraps) to make room.
    Too many columns: one block per row instead."""
    ruimte = BREEDTE - inspring
    kolommen = [_kap(_cel(k), 18) for k in tabel.kolommen]
    rijen = [[_cel(c) for c in rij] for rij in tabel.rijen]
    breedtes = [max([breedte(k)] + [breedte(r[i]) for r in rijen]) for i, k in enumerate(kolommen)]
    rest = sum(breedtes[1:]) + 2 * (len(breedtes) - 1)
    eerste = min(breedtes[0], ruimte - rest - 2)
    regels: list[str] = []
    if tabel.titel:
        regels += [" " * (inspring - 2) + r for r in _wrap(_cel(tabel.titel), ruimte + 2)]
    if eerste >= 14 or (eerste >= 1 and eerste >= breedtes[0]):
        breedtes[0] = eerste

        def regel(cellen: list[str]) -> list[str]:
            kop = _wrap(cellen[0], breedtes[0]) or [""]
            uit = []
            for n, stuk in enumerate(kop):
                delen = [stuk + " " * (breedtes[0] - breedte(stuk))]
                for i, c in enumerate(cellen[1:], 1):
                    c = c if n == 0 else ""
                    pad = " " * (breedtes[i] - breedte(c))
                    delen.append(pad + c if re.fullmatch(r"[\d–]+( \(\d+%\))?|\d+ van \d+", c) else c + pad)
                uit.append((" " * inspring + "  ".join(delen)).rstrip())
            return uit

        regels += regel(kolommen)
        for rij in rijen:
            regels += regel(rij)
        return regels
    for rij in rijen:  # too wide: one block per row
        regels += [" " * inspring + r for r in _wrap(rij[0], ruimte)]
        paren = "; ".join(f"{_cel(k)}: {c}" for k, c in zip(tabel.kolommen[1:], rij[1:]))
        regels += [" " * (inspring + 2) + r for r in _wrap(paren, ruimte - 2)]
    return regels


def rapport(klas: Klas) -> str:
    """The whole overview as Dutch text of at most 100 columns, without names of students."""
    regels = [f"Klasoverzicht hoofdstuk {klas.hoofdstuk}: {bruikbaar(klas.aantal)}."]
    for kop, lijst in (("Niet meegeteld", klas.meldingen), ("Meegeteld, met een opmerking", klas.opmerkingen)):
        if lijst:
            regels += ["", f"{kop} ({len(lijst)}):"]
            for m in lijst:
                stukken = _wrap(f"{schoon(m.bestand)}: {schoon(m.reden)}", BREEDTE - 4)
                regels += ["  - " + stukken[0]] + ["    " + s for s in stukken[1:]]
    for oef in overzicht(klas):
        regels += ["", "=" * BREEDTE, *_wrap(f"{_cel(oef.titel)} ({oef.id})", BREEDTE), "=" * BREEDTE]
        for vo in oef.vragen:
            kop = f"Vraag {vo.nummer} ({TYPE_NAMEN[vo.type]}), beantwoord door {vo.beantwoord} van {vo.van}: "
            regels += ["", *_wrap(kop + _cel(vo.vraag), BREEDTE)]
            for zin in vo.samenvatting:
                regels += ["  " + r for r in _wrap(_cel(zin), BREEDTE - 2)]
            for tabel in vo.tabellen:
                regels += ["", *_tabel_tekst(tabel)]
            if vo.teksten:
                regels += ["", f"  Antwoorden (anoniem, {len(vo.teksten)}):"]
                for n, tekst in enumerate(vo.teksten, 1):
                    stukken = _wrap(tekst, BREEDTE - 8)
                    regels += [f"    {n:>2}. {stukken[0] if stukken else ''}"] + ["        " + s for s in stukken[1:]]
    return "\n".join(r.rstrip() for r in regels)


# -- HTML for the projector ---------------------------------------------------------------------

_CSS = """
.lsp-klas{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:20px;line-height:1.45;
  color:#111;background:#fff;max-width:70em;margin:0 auto;padding:1em}
.lsp-klas h1{font-size:1.8em}.lsp-klas h2{font-size:1.45em;border-top:3px solid #0072B2;padding-top:.5em;margin-top:2em}
.lsp-klas h3{font-size:1.15em;margin-top:1.6em}
.lsp-klas table{border-collapse:collapse;margin:.6em 0 1em}
.lsp-klas caption{text-align:left;font-weight:600;padding:.3em 0}
.lsp-klas th,.lsp-klas td{border:1px solid #888;padding:.25em .6em;vertical-align:top;text-align:left}
.lsp-klas td.getal{text-align:right;white-space:nowrap;position:relative;min-width:4em}
.lsp-klas .balk{display:block;height:.35em;background:#0072B2;margin-top:.15em}
.lsp-klas .teksten li{margin:.5em 0;padding:.5em .7em;background:#f3f3f3;white-space:pre-wrap;
  overflow-wrap:anywhere;unicode-bidi:plaintext;list-style-position:inside}
.lsp-klas .samenvatting{font-weight:600}
.lsp-klas details{margin:1em 0;padding:.5em;border:1px solid #888}
@media print{.lsp-klas{font-size:12pt}}
"""


def _e(tekst: Any) -> str:
    return html.escape(schoon(str(tekst), regels=True), quote=True)


def _tabel_html(tabel: Tabel) -> str:
    getal_kolom = [all(isinstance(r[i], int) for r in tabel.rijen) and tabel.rijen for i in range(len(tabel.kolommen))]
    grootste = max([c for r in tabel.rijen for c in r if isinstance(c, int)] + [1])
    delen = ["<table>"]
    if tabel.titel:
        delen.append(f"<caption>{_e(tabel.titel)}</caption>")
    delen.append("<thead><tr>" + "".join(f'<th scope="col">{_e(k)}</th>' for k in tabel.kolommen) + "</tr></thead><tbody>")
    for rij in tabel.rijen:
        cellen = []
        for i, c in enumerate(rij):
            if i == 0:
                cellen.append(f'<th scope="row">{_e(c)}</th>')
            elif getal_kolom[i] and isinstance(c, int):
                balk = f'<span class="balk" style="width:{round(100 * c / grootste)}%"></span>' if c else ""
                cellen.append(f'<td class="getal">{c}{balk}</td>')
            elif isinstance(c, Aantal):
                balk = f'<span class="balk" style="width:{round(100 * c.n / c.van)}%"></span>' if c.n and c.van else ""
                cellen.append(f'<td class="getal">{_e(c)}{balk}</td>')
            else:
                cellen.append(f"<td>{_e(c)}</td>")
        delen.append("<tr>" + "".join(cellen) + "</tr>")
    delen.append("</tbody></table>")
    return "".join(delen)


def html_rapport(klas: Klas, *, volledig: bool = True) -> str:
    """The overview as one static HTML page (no scripts, no requests, everything escaped).

    File names (which can contain students' names) are only inside a closed "Niet meegeteld"
    section. ``volledig=False`` gives a fragment for a notebook.
    """
    d = [f'<div class="lsp-klas" lang="nl"><h1>Klasoverzicht hoofdstuk {_e(klas.hoofdstuk)}</h1>',
         f"<p>{bruikbaar(klas.aantal).capitalize()}. Het overzicht is anoniem.</p>"]
    for titel, lijst in (("Niet meegeteld", klas.meldingen), ("Meegeteld, met een opmerking", klas.opmerkingen)):
        if lijst:
            d.append(f"<details><summary>{titel} ({len(lijst)}) — bevat bestandsnamen, niet voor het digibord"
                     "</summary><ul>" + "".join(f"<li>{_e(m.bestand)}: {_e(m.reden)}</li>" for m in lijst) + "</ul></details>")
    for oef in overzicht(klas):
        d.append(f"<section><h2>{_e(oef.titel)}</h2>")
        for vo in oef.vragen:
            d.append(f"<h3>Vraag {vo.nummer} ({_e(TYPE_NAMEN[vo.type])}): {_e(vo.vraag)}</h3>")
            d.append(f"<p>Beantwoord door {vo.beantwoord} van {vo.van} studenten.</p>")
            d += [f'<p class="samenvatting">{_e(z)}</p>' for z in vo.samenvatting]
            d += [_tabel_html(t) for t in vo.tabellen]
            if vo.teksten:
                d.append(f'<p>Antwoorden (anoniem, {len(vo.teksten)}):</p><ol class="teksten">'
                         + "".join(f'<li dir="auto">{_e(t)}</li>' for t in vo.teksten) + "</ol>")
        d.append("</section>")
    d.append("</div>")
    body = "\n".join(d)
    if not volledig:
        return f"<style>{_CSS}</style>\n{body}"
    return ("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>Klasoverzicht hoofdstuk {_e(klas.hoofdstuk)}</title><style>{_CSS}</style></head>"
            f"<body>\n{body}\n</body></html>\n")


def schrijf_html(klas: Klas, pad: str | Path, map_: str | Path | None = None) -> Path:
    """Write the HTML report; refuses a place inside the folder of answer files (it stays unchanged)."""
    pad = Path(pad)
    if map_ is not None:
        doel, bron = pad.resolve(), Path(map_).resolve()
        if doel == bron or bron in doel.parents:
            raise KlasFout(f"Schrijf het HTML-rapport buiten de map {schoon(str(map_))}: die map blijft onveranderd.")
    pad.write_text(html_rapport(klas), encoding="utf-8", errors="surrogateescape")
    return pad


def weergave(klas: Klas):
    """The HTML report for a notebook cell (IPython display object)."""
    from IPython.display import HTML

    return HTML(html_rapport(klas, volledig=False))


def plot_stellingen(klas: Klas, ax=None):
    """Stacked horizontal bars: how many students chose each position, per statement and round."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from book.figures import GRIJS, OKABE_ITO

    rijen = []
    for oef in overzicht(klas):
        for vo in oef.vragen:
            if vo.type == "stelling":
                for t in vo.tabellen:
                    for rij in t.rijen:
                        rijen.append((f"{_kap(schoon(t.titel), 50)} ({rij[0]})", rij[1:]))
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.5 * max(len(rijen), 1) + 1.6))
    if not rijen:
        ax.text(0.5, 0.5, "Nog geen stellingen beantwoord", ha="center", va="center")
        ax.set_axis_off()
        return ax
    kleuren = [OKABE_ITO["vermiljoen"], OKABE_ITO["oranje"], GRIJS, OKABE_ITO["hemelsblauw"], OKABE_ITO["blauw"]]
    labels = [r[0] for r in rijen]
    links = [0] * len(rijen)
    for k, (positie, kleur) in enumerate(zip(POSITIES, kleuren)):
        waarden = [r[1][k] for r in rijen]
        ax.barh(range(len(rijen)), waarden, left=links, color=kleur, label=positie)
        links = [a + b for a, b in zip(links, waarden)]
    ax.set_yticks(range(len(rijen)), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("aantal studenten")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=5, fontsize="small", frameon=False)
    return ax
