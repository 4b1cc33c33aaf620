"""The answer file a student exports from the hand-in block ("Inleveren").

Format (JSON, UTF-8), documented for students and teachers in ``exercises/README.md``::

    {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1,
     "naam": "...", "studentnummer": "...", "datum": "2025-03-14",
     "tijdstip": "2025-03-14T10:15:00+01:00",                     # optional
     "oefeningen": {"h1_abiba": {"titel": "...", "vragen": {"a1": "vraagtekst"},
                                 "antwoorden": {"a1": {"tekst": "..."}},
                                 "leesbaar": {"a1": "..."}}}}       # optional

One answer per question id; its shape depends on the question type (see the models below).
The optional fields (``tijdstip``, ``leesbaar``, and per type ``kijkpunten``/``rubric``,
``volgorde``/``eerste``/``gecontroleerd``) were added without a new version: files without
them stay valid. Keep this stable: a class view merges folders of these files.

Everything a person can read from here is Dutch: pydantic's own (English) messages never
leave this module (``fout_tekst``).
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
)

from book.config import MAX_TEKST, STELLING_SCHAAL, tekst_lengte

if TYPE_CHECKING:  # the spec imports the exercises package, which imports this module
    from book.exercises.spec import Oefening

ANTWOORDEN_FORMAAT = "lsp-antwoorden"
ANTWOORDEN_VERSIE = 1
_SURROGAAT = re.compile("[\ud800-\udfff]")
_SLEUTEL = re.compile(r"[a-z0-9_]{1,60}")   # field names and ids as the book writes them
MAX_CIJFERS = 30            # a JSON integer with more digits is refused (Python limits int() at 4,300)


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _kort_genoeg(tekst: str) -> str:
    # fast path: a code point is at most two UTF-16 units
    if len(tekst) > MAX_TEKST // 2 and tekst_lengte(tekst) > MAX_TEKST:
        raise ValueError(
            f"de tekst is te lang: {_nl(tekst_lengte(tekst))} tekens; hoogstens {_nl(MAX_TEKST)} "
            "(niets is afgekapt: maak de tekst korter)"
        )
    return tekst


def _iso_datum(value: str) -> str:
    if _als_tijd(value) is None:
        raise ValueError(f"verwacht een datum in ISO 8601 (zoals 2025-03-14); gevonden {_toon(value)}")
    return value


Vrij = Annotated[str, AfterValidator(_kort_genoeg)]
Schaal5 = Annotated[int, Field(ge=1, le=5)]
Index = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


def _uniek(waarden: list) -> None:
    if len(set(waarden)) != len(waarden):
        raise ValueError("elke waarde mag maar één keer voorkomen")


class OpenAntwoord(_Model):
    tekst: Vrij
    kijkpunten: list[Index] | None = None           # 0-based indices of the kijkpunten the student ticked
    rubric: list[Annotated[int, Field(ge=1, le=5)] | None] | None = None  # level per criterion, 1-based

    @field_validator("kijkpunten")
    @classmethod
    def _kijkpunten_uniek(cls, value: list[int] | None) -> list[int] | None:
        if value is not None:
            _uniek(value)
        return value


class RangschikkingAntwoord(_Model):
    volgorde: list[str]
    redenen: dict[str, Vrij] = Field(default_factory=dict)


class StellingPositie(_Model):
    positie: Schaal5 | None = None
    argument: Vrij = ""


class StellingAntwoord(_Model):
    ronde1: list[StellingPositie]
    ronde2: list[StellingPositie] | None = None


class SorterenAntwoord(_Model):
    indeling: dict[str, str]
    volgorde: list[str] | None = None               # the order the items were shown in
    eerste: dict[str, str] | None = None            # the placement at the first "Controleer"
    gecontroleerd: bool | None = None

    @field_validator("volgorde")
    @classmethod
    def _volgorde_uniek(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            _uniek(value)
        return value


def _keuzes_uniek(value: list[int]) -> list[int]:
    _uniek(value)
    return value


# one option index, or a list of them (questions with ``meerdere_juist``); the tag picks the
# branch so a wrong value gets one Dutch message (the tag is left out of the field path)
Keuze = Annotated[
    Union[Annotated[Index, Tag("getal")], Annotated[list[Index], AfterValidator(_keuzes_uniek), Tag("lijst")]],
    Discriminator(lambda v: "lijst" if isinstance(v, list) else "getal"),
]
_KEUZE_TAGS = {"getal", "lijst"}


class MeerkeuzeAntwoord(_Model):
    # index in the spec's order; a list of indices when the question has ``meerdere_juist``
    keuze: Keuze | None = None
    volgorde: Annotated[list[Index], Field(min_length=2)] | None = None   # order shown to this student
    eerste: Keuze | None = None            # the choice at the first "Controleer"
    gecontroleerd: bool | None = None               # the current choice was checked

    @field_validator("volgorde")
    @classmethod
    def _permutatie(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and sorted(value) != list(range(len(value))):
            raise ValueError("verwacht elk optienummer 0, 1, 2, ... precies één keer")
        return value


class NetwerkKnoop(_Model):
    naam: Annotated[str, Field(min_length=1, max_length=200)]
    soort: Annotated[str, Field(max_length=200)]
    sterkte: Literal[1, 2, 3]
    kwaliteit: Literal["steunend", "neutraal", "belastend"]


class NetwerkAntwoord(_Model):
    knopen: list[NetwerkKnoop]


class DilemmaAntwoord(_Model):
    pad: list[str]
    reflectie: Vrij = ""


class ZelfbeoordelingAntwoord(_Model):
    scores: list[Schaal5 | None]


ANTWOORD_PER_TYPE: dict[str, type[_Model]] = {
    "open": OpenAntwoord,
    "rangschikking": RangschikkingAntwoord,
    "stelling": StellingAntwoord,
    "sorteren": SorterenAntwoord,
    "meerkeuze": MeerkeuzeAntwoord,
    "netwerk": NetwerkAntwoord,
    "dilemma": DilemmaAntwoord,
    "zelfbeoordeling": ZelfbeoordelingAntwoord,
}
_TYPE_VAN_MODEL = {model: soort for soort, model in ANTWOORD_PER_TYPE.items()}


def keuze_lijst(waarde: int | list[int] | None) -> list[int]:
    """A multiple-choice ``keuze`` or ``eerste`` as a list of option indices (empty: none)."""
    if waarde is None:
        return []
    return sorted(waarde) if isinstance(waarde, list) else [waarde]


def antwoord_soort(value: Any) -> str | None:
    """The question type an answer in a file has, from its keys (a file does not name types).

    Every shape has a key no other has, except two: ``{"volgorde": [...]}`` alone is a ranking
    when it lists texts, a multiple-choice order when it lists option numbers; and ``{}`` is a
    multiple-choice question without a choice.
    """
    if isinstance(value, BaseModel):
        return _TYPE_VAN_MODEL.get(type(value))
    if not isinstance(value, dict):
        return None
    for sleutel, soort in (
        ("tekst", "open"), ("ronde1", "stelling"), ("indeling", "sorteren"), ("knopen", "netwerk"),
        ("pad", "dilemma"), ("scores", "zelfbeoordeling"), ("keuze", "meerkeuze"),
        ("eerste", "meerkeuze"), ("gecontroleerd", "meerkeuze"), ("redenen", "rangschikking"),
    ):
        if sleutel in value:
            return soort
    if "volgorde" in value:
        volgorde = value["volgorde"]
        getallen = isinstance(volgorde, list) and volgorde and all(
            isinstance(x, int) and not isinstance(x, bool) for x in volgorde
        )
        return "meerkeuze" if getallen else "rangschikking"
    return "meerkeuze" if not value else None


Antwoord = Annotated[
    Union[tuple(Annotated[model, Tag(soort)] for soort, model in ANTWOORD_PER_TYPE.items())],  # type: ignore[misc]
    Discriminator(
        antwoord_soort,
        custom_error_type="antwoord_soort",
        custom_error_message="dit antwoord past bij geen enkel soort vraag",
    ),
]


class OefeningAntwoorden(_Model):
    titel: str
    vragen: dict[str, str] = Field(default_factory=dict)        # question id -> question text
    antwoorden: dict[str, Antwoord] = Field(default_factory=dict)
    # question id -> text for people; no text limit: it repeats an answer (up to the limit) plus labels
    leesbaar: dict[str, str] | None = None


class AntwoordBestand(_Model):
    formaat: Literal["lsp-antwoorden"] = ANTWOORDEN_FORMAAT
    versie: Literal[1] = ANTWOORDEN_VERSIE
    hoofdstuk: Annotated[int, Field(ge=0, le=6)]
    naam: Annotated[str, Field(max_length=200)] = ""
    studentnummer: Annotated[str, Field(max_length=100)] = ""
    datum: Annotated[str, AfterValidator(_iso_datum)]         # ISO 8601 date or date-time
    tijdstip: Annotated[str, AfterValidator(_iso_datum)] | None = None   # date-time of the export
    oefeningen: dict[str, OefeningAntwoorden] = Field(default_factory=dict)

    def to_json(self) -> str:
        """The file's JSON text. A lone surrogate (which a browser can store and JSON can carry,
        but UTF-8 cannot) is written as a ``\\uXXXX`` escape, as the browser's JSON.stringify does."""
        tekst = json.dumps(self.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2)
        return _SURROGAAT.sub(lambda m: f"\\u{ord(m.group()):04x}", tekst)


class AntwoordBestandFout(ValueError):
    """The answer file cannot be read; the message is Dutch."""


# -- Dutch messages ---------------------------------------------------------------------------

class _OngeldigGetal:
    """Stands in for a JSON value Python's json accepts but JSON does not: NaN, Infinity, huge ints.

    Validation then fails at the field where it stands, with a Dutch message naming it.
    """

    def __init__(self, omschrijving: str) -> None:
        self.omschrijving = omschrijving

    def __repr__(self) -> str:
        return self.omschrijving


def _getal(tekst: str) -> int | _OngeldigGetal:
    cijfers = len(tekst.lstrip("-"))
    if cijfers > MAX_CIJFERS:
        return _OngeldigGetal(f"een getal van {_nl(cijfers)} cijfers")
    return int(tekst)


def _constante(naam: str) -> _OngeldigGetal:
    return _OngeldigGetal(f"{naam} (geen geldig getal in JSON)")


def json_laden(raw: str | bytes) -> Any:
    """``json.loads`` that never raises anything but ``ValueError``/``RecursionError`` subclasses
    it is told about: a UTF-8 byte-order mark is accepted (the browser import accepts it too),
    NaN, Infinity and integers of more than ``MAX_CIJFERS`` digits become placeholders that fail
    validation where they stand."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8-sig")
    elif raw.startswith("\ufeff"):
        raw = raw[1:]
    return json.loads(raw, parse_int=_getal, parse_constant=_constante)


def _toon(value: Any) -> str:
    """What was found, in Dutch, without repeating a student's text."""
    if isinstance(value, _OngeldigGetal):
        return value.omschrijving
    if value is None:
        return "niets (null)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value) if abs(value) < 10**12 else "een heel groot getal"
    if isinstance(value, float):
        return f"het kommagetal {value:g}" if math.isfinite(value) else "een ongeldig getal"
    if isinstance(value, str):
        return f"een tekst van {_nl(tekst_lengte(value))} tekens"
    if isinstance(value, list):
        return f"een lijst met {_nl(len(value))} element(en)"
    if isinstance(value, dict):
        return "een object met velden"
    return "een onbekende waarde"


# what each kind of error expected, in Dutch (only kinds the models above can raise)
_VERWACHT = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "bool_type": "true of false",
    "list_type": "een lijst",
    "dict_type": "een object met velden",
    "model_type": "een object met velden",
    "literal_error": "een van {expected}",
    "greater_than_equal": "een getal van minstens {ge}",
    "less_than_equal": "een getal van hoogstens {le}",
    "too_short": "minstens {min_length} element(en)",
    "string_too_short": "minstens {min_length} teken(s)",
    "string_too_long": "hoogstens {max_length} tekens",
}


def _verwacht(err: dict[str, Any]) -> str:
    ctx = {k: str(v).replace(" or ", ", ") for k, v in (err.get("ctx") or {}).items()}
    sjabloon = _VERWACHT.get(err["type"])
    return sjabloon.format(**ctx) if sjabloon else "een andere waarde"


def _plek(loc: tuple[Any, ...]) -> str:
    """Dotted field path; drops the answer-type tag the union inserts after a question id."""
    delen: list[str] = []
    for item, twee_terug in zip(loc, (None, None) + tuple(loc)):
        if twee_terug == "antwoorden" and item in ANTWOORD_PER_TYPE:
            continue
        if item in _KEUZE_TAGS and delen and delen[-1] in (".keuze", ".eerste", "keuze", "eerste"):
            continue
        if isinstance(item, int):
            delen.append(f"[{item}]")
            continue
        if not _SLEUTEL.fullmatch(item):
            item = "(…)"   # a key the student chose (an item text, say): not repeated in a message
        delen.append(f".{item}" if delen else item)
    return "".join(delen)


def fout_tekst(err: dict[str, Any]) -> str:
    """One pydantic error as a Dutch sentence: field path, what was expected, what was found."""
    t = err["type"]
    if t == "extra_forbidden":
        wat = "onbekend veld (dit boek kent dat veld niet)"
    elif t == "missing":
        wat = "verplicht veld ontbreekt"
    elif t == "antwoord_soort":
        wat = err["msg"]
    elif t == "value_error":   # our own validators, already Dutch
        wat = err["msg"].removeprefix("Value error, ")
    else:
        wat = f"verwacht {_verwacht(err)}; gevonden {_toon(err.get('input'))}"
    waar = _plek(tuple(err["loc"]))
    return f"veld {waar}: {wat}" if waar else wat


def _eerste_fout(exc: ValidationError) -> str:
    fouten = exc.errors()
    meer = f" (en nog {len(fouten) - 1} fout(en))" if len(fouten) > 1 else ""
    return fout_tekst(fouten[0]) + meer


# -- reading ------------------------------------------------------------------------------------

def lees_antwoorden(pad: str | Path) -> AntwoordBestand:
    """Read and validate an answer file; raise ``AntwoordBestandFout`` with a Dutch message."""
    pad = Path(pad)
    try:
        raw = pad.read_bytes()
    except FileNotFoundError:
        raise AntwoordBestandFout(f"Antwoordbestand {pad} bestaat niet.") from None
    except OSError as exc:
        raise AntwoordBestandFout(f"Antwoordbestand {pad} kan niet gelezen worden ({exc.strerror}).") from None
    return parse_antwoorden(raw, bron=str(pad))


def juiste_versie(versie: Any) -> bool:
    """True for this book's format version (``true`` is not 1, although Python says so)."""
    return versie == ANTWOORDEN_VERSIE and not isinstance(versie, bool)


def controleer_bestand(data: Any, bron: str = "het bestand") -> AntwoordBestand:
    """Validate parsed JSON as an answer file; ``AntwoordBestandFout`` with a Dutch message."""
    if not isinstance(data, dict) or data.get("formaat") != ANTWOORDEN_FORMAAT:
        raise AntwoordBestandFout(f"{bron} is geen antwoordbestand van dit boek (formaat 'lsp-antwoorden' ontbreekt).")
    if not juiste_versie(data.get("versie")):
        raise AntwoordBestandFout(
            f"{bron} heeft versie {_toon(data.get('versie'))}; dit boek leest versie {ANTWOORDEN_VERSIE}."
        )
    try:
        return AntwoordBestand.model_validate(data)
    except ValidationError as exc:
        raise AntwoordBestandFout(f"{bron} klopt niet bij {_eerste_fout(exc)}.") from None
    except RecursionError:
        raise AntwoordBestandFout(f"{bron} is te diep genest.") from None


def parse_antwoorden(raw: str | bytes, bron: str = "het bestand") -> AntwoordBestand:
    try:
        data = json_laden(raw)
    except UnicodeDecodeError:
        raise AntwoordBestandFout(f"{bron} is geen UTF-8-tekst.") from None
    except json.JSONDecodeError as exc:
        raise AntwoordBestandFout(
            f"{bron} is geen geldig JSON-bestand (fout op regel {exc.lineno}, kolom {exc.colno})."
        ) from None
    except RecursionError:
        raise AntwoordBestandFout(f"{bron} is te diep genest.") from None
    return controleer_bestand(data, bron)


def _als_tijd(value: Any) -> _dt.datetime | None:
    """An ISO 8601 date or date-time as a naive UTC datetime (for comparing); None if unreadable."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        t = _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is not None:
        t = t.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return t


def als_tijd(value: Any) -> _dt.datetime | None:
    """Public form of the ISO 8601 reader the class view uses to decide which file is newer."""
    return _als_tijd(value)


# -- answers against their exercise -------------------------------------------------------------

def past_bij_vraag(vraag: Any, antwoord: BaseModel) -> str | None:
    """Why ``antwoord`` (already of the right shape) does not fit question ``vraag`` of the spec,
    in Dutch; None when it fits. Labels and indices are checked against the exercise file."""
    t = vraag.type
    if t == "meerkeuze":
        n = len(vraag.opties)
        meer = bool(getattr(vraag, "meerdere_juist", False))
        for veld in ("keuze", "eerste"):
            waarde = getattr(antwoord, veld)
            if isinstance(waarde, list) and not meer:
                return f"{veld} is een lijst, maar bij deze vraag kies je één optie"
            for k in waarde if isinstance(waarde, list) else [waarde]:
                if k is not None and k >= n:
                    return f"{veld} {k} bestaat niet: de vraag heeft {n} opties (0 tot en met {n - 1})"
        if antwoord.volgorde is not None and len(antwoord.volgorde) != n:
            return f"volgorde noemt {len(antwoord.volgorde)} opties; de vraag heeft er {n}"
    elif t == "sorteren":
        items = {i.tekst for i in vraag.items}
        categorieen = set(vraag.categorieen)
        for veld in ("indeling", "eerste"):
            for item, categorie in (getattr(antwoord, veld) or {}).items():
                if item not in items:
                    return f"{veld} noemt een item dat niet in de oefening staat"
                if categorie not in categorieen:
                    return f"{veld} noemt een categorie die niet in de oefening staat"
        if antwoord.volgorde is not None and not set(antwoord.volgorde) <= items:
            return "volgorde noemt een item dat niet in de oefening staat"
    elif t == "rangschikking":
        items = set(vraag.items)
        if len(set(antwoord.volgorde)) != len(antwoord.volgorde):
            return "volgorde noemt een item twee keer"
        if not set(antwoord.volgorde) <= items or not set(antwoord.redenen) <= items:
            return "volgorde of redenen noemen een item dat niet in de oefening staat"
    elif t == "stelling":
        n = len(vraag.stellingen)
        if len(antwoord.ronde1) > n or len(antwoord.ronde2 or []) > n:
            return f"er zijn meer posities dan stellingen ({n})"
    elif t == "dilemma":
        if antwoord.pad:
            if antwoord.pad[0] != vraag.start:
                return "het pad begint niet bij de start van het dilemma"
            for van, naar in zip(antwoord.pad, antwoord.pad[1:]):
                knoop = vraag.knopen.get(van)
                if knoop is None or naar not in {k.naar for k in knoop.keuzes}:
                    return "het pad volgt geen keuzes die het dilemma biedt"
    elif t == "zelfbeoordeling":
        if len(antwoord.scores) > len(vraag.aspecten):
            return f"er zijn meer scores dan aspecten ({len(vraag.aspecten)})"
    elif t == "open":
        kijkpunten = list(getattr(vraag, "kijkpunten", None) or [])
        if any(i >= len(kijkpunten) for i in antwoord.kijkpunten or []):
            return f"kijkpunten noemt een kijkpunt dat niet bestaat (de vraag heeft er {len(kijkpunten)})"
        rubric = list(getattr(vraag, "rubric", None) or [])
        if antwoord.rubric:
            if len(antwoord.rubric) > len(rubric):
                return f"rubric heeft meer scores dan criteria ({len(rubric)})"
            for criterium, niveau in zip(rubric, antwoord.rubric):
                if niveau is not None and niveau > len(criterium.niveaus):
                    return f"rubric: niveau {niveau} bestaat niet (hoogstens {len(criterium.niveaus)})"
    return None


def controleer_antwoorden(spec: Oefening, antwoorden: Any) -> dict[str, Any]:
    """Validate answers against a spec; return them as plain JSON. Dutch errors on problems."""
    if not isinstance(antwoorden, dict):
        raise AntwoordBestandFout("De antwoorden moeten een mapping zijn van vraag-id naar antwoord.")
    vragen = {v.id: v for v in spec.vragen}
    out: dict[str, Any] = {}
    for qid, antwoord in antwoorden.items():
        vraag = vragen.get(qid)
        if vraag is None:
            raise AntwoordBestandFout(f"Oefening {spec.id} heeft geen vraag {qid!r}.")
        model = ANTWOORD_PER_TYPE.get(vraag.type)
        if model is None:
            raise AntwoordBestandFout(f"Vraag {qid!r} van oefening {spec.id} vraagt geen antwoord.")
        try:
            gevalideerd = model.model_validate(antwoord)
        except ValidationError as exc:
            raise AntwoordBestandFout(
                f"Het antwoord op vraag {qid!r} ({vraag.type}) klopt niet bij {_eerste_fout(exc)}."
            ) from None
        reden = past_bij_vraag(vraag, gevalideerd)
        if reden is not None:
            raise AntwoordBestandFout(f"Het antwoord op vraag {qid!r} ({vraag.type}) past niet bij de oefening: {reden}.")
        out[qid] = gevalideerd.model_dump(mode="json", exclude_none=True)
    return out


# -- answers for people -------------------------------------------------------------------------

def leesbaar(vraag: Any, antwoord: BaseModel | dict) -> str:
    """An answer as plain text for people, with the exercise's own labels (never the codes).

    The one rendering used for a file's ``leesbaar`` block and for the class view's list of
    open answers. ``antwoord`` must fit ``vraag`` (see ``past_bij_vraag``).
    """
    if isinstance(antwoord, dict):
        antwoord = ANTWOORD_PER_TYPE[vraag.type].model_validate(antwoord)
    t = vraag.type
    regels: list[str] = []
    if t == "open":
        regels.append(antwoord.tekst.strip())
        kijkpunten = list(getattr(vraag, "kijkpunten", None) or [])
        if antwoord.kijkpunten:
            regels.append("Kijkpunten die ik noem: " + "; ".join(kijkpunten[i] for i in sorted(antwoord.kijkpunten)))
        rubric = list(getattr(vraag, "rubric", None) or [])
        for criterium, niveau in zip(rubric, antwoord.rubric or []):
            if niveau is not None:
                regels.append(f"{criterium.criterium}: {criterium.niveaus[niveau - 1]} (niveau {niveau})")
    elif t == "meerkeuze":
        opties = [o.tekst for o in vraag.opties]

        def noem(waarde: int | list[int] | None) -> str:
            return "; ".join(opties[k] for k in keuze_lijst(waarde))

        regels.append("Gekozen: " + (noem(antwoord.keuze) or "(nog niets)"))
        if keuze_lijst(antwoord.eerste) and keuze_lijst(antwoord.eerste) != keuze_lijst(antwoord.keuze):
            regels.append("Eerste keuze: " + noem(antwoord.eerste))
    elif t == "sorteren":
        for item in vraag.items:
            if item.tekst in antwoord.indeling:
                regels.append(f"{item.tekst}: {antwoord.indeling[item.tekst]}")
    elif t == "rangschikking":
        for plaats, item in enumerate(antwoord.volgorde, 1):
            reden = antwoord.redenen.get(item, "").strip()
            regels.append(f"{plaats}. {item}" + (f" (reden: {reden})" if reden else ""))
    elif t == "stelling":
        schaal = STELLING_SCHAAL
        ronde2 = antwoord.ronde2 or []
        for i, stelling in enumerate(vraag.stellingen):
            delen = []
            for ronde, posities in ((1, antwoord.ronde1), (2, ronde2)):
                if i < len(posities) and (posities[i].positie or posities[i].argument.strip()):
                    p = posities[i]
                    woord = schaal[p.positie - 1] if p.positie else "geen positie"
                    arg = f" ({p.argument.strip()})" if p.argument.strip() else ""
                    delen.append(f"ronde {ronde}: {woord}{arg}")
            if delen:
                regels.append(f"{stelling}: " + "; ".join(delen))
    elif t == "netwerk":
        sterkte = {1: "zwak", 2: "gemiddeld", 3: "sterk"}
        for k in antwoord.knopen:
            regels.append(f"{k.naam} ({k.soort}, {sterkte[k.sterkte]}, {k.kwaliteit})")
    elif t == "dilemma":
        for van, naar in zip(antwoord.pad, antwoord.pad[1:]):
            keuze = next(k.tekst for k in vraag.knopen[van].keuzes if k.naar == naar)
            regels.append(f"Keuze: {keuze}")
        if antwoord.pad and not vraag.knopen[antwoord.pad[-1]].keuzes:
            regels.append("Einde: " + vraag.knopen[antwoord.pad[-1]].tekst)
        if antwoord.reflectie.strip():
            regels.append("Reflectie: " + antwoord.reflectie.strip())
    elif t == "zelfbeoordeling":
        for aspect, score in zip(vraag.aspecten, antwoord.scores):
            if score is not None:
                regels.append(f"{aspect}: {vraag.schaal[score - 1]}")
    return "\n".join(r for r in regels if r)
