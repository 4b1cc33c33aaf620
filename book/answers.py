"""The answer file a student exports from the hand-in block ("Inleveren").

Format (JSON, UTF-8), documented for students and teachers in ``exercises/README.md``::

    {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1,
     "naam": "...", "studentnummer": "...", "datum": "2025-03-14",
     "oefeningen": {"h1_abiba": {"titel": "...", "vragen": {"a1": "vraagtekst"},
                                 "antwoorden": {"a1": {"tekst": "..."}}}}}

One answer per question id; its shape depends on the question type (see the models below).
Keep this stable: a class view merges folders of these files.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

MAX_TEKST = 100_000          # characters per free-text field (the front-end caps at the same length)
ANTWOORDEN_FORMAAT = "lsp-antwoorden"
ANTWOORDEN_VERSIE = 1

Vrij = Annotated[str, Field(max_length=MAX_TEKST)]
Schaal5 = Annotated[int, Field(ge=1, le=5)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class OpenAntwoord(_Model):
    tekst: Vrij


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


class MeerkeuzeAntwoord(_Model):
    keuze: Annotated[int, Field(ge=0)] | None = None


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


# The shapes have disjoint required keys, so a left-to-right union picks the right model.
Antwoord = Union[
    OpenAntwoord,
    RangschikkingAntwoord,
    StellingAntwoord,
    SorterenAntwoord,
    MeerkeuzeAntwoord,
    NetwerkAntwoord,
    DilemmaAntwoord,
    ZelfbeoordelingAntwoord,
]

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


class OefeningAntwoorden(_Model):
    titel: str
    vragen: dict[str, str] = Field(default_factory=dict)        # question id -> question text
    antwoorden: dict[str, Antwoord] = Field(default_factory=dict)


class AntwoordBestand(_Model):
    formaat: Literal["lsp-antwoorden"] = ANTWOORDEN_FORMAAT
    versie: Literal[1] = ANTWOORDEN_VERSIE
    hoofdstuk: Annotated[int, Field(ge=0, le=6)]
    naam: Annotated[str, Field(max_length=200)] = ""
    studentnummer: Annotated[str, Field(max_length=100)] = ""
    datum: str                                                # ISO 8601 date or date-time
    oefeningen: dict[str, OefeningAntwoorden] = Field(default_factory=dict)

    @field_validator("datum")
    @classmethod
    def _iso(cls, value: str) -> str:
        try:
            _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"verwacht een datum in ISO 8601 (zoals 2025-03-14); gevonden {value!r}") from None
        return value

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True)


class AntwoordBestandFout(ValueError):
    """The answer file cannot be read; the message is Dutch."""


def lees_antwoorden(pad: str | Path) -> AntwoordBestand:
    """Read and validate an answer file; raise ``AntwoordBestandFout`` with a Dutch message."""
    pad = Path(pad)
    try:
        raw = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AntwoordBestandFout(f"Antwoordbestand {pad} bestaat niet.") from None
    except UnicodeDecodeError:
        raise AntwoordBestandFout(f"Antwoordbestand {pad} is geen UTF-8-tekst.") from None
    return parse_antwoorden(raw, bron=str(pad))


def parse_antwoorden(raw: str | bytes, bron: str = "het bestand") -> AntwoordBestand:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AntwoordBestandFout(f"{bron} is geen geldig JSON-bestand ({exc}).") from None
    if not isinstance(data, dict) or data.get("formaat") != ANTWOORDEN_FORMAAT:
        raise AntwoordBestandFout(f"{bron} is geen antwoordbestand van dit boek (formaat 'lsp-antwoorden' ontbreekt).")
    if data.get("versie") != ANTWOORDEN_VERSIE:
        raise AntwoordBestandFout(
            f"{bron} heeft versie {data.get('versie')!r}; dit boek leest versie {ANTWOORDEN_VERSIE}."
        )
    try:
        return AntwoordBestand.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        waar = ".".join(str(p) for p in first["loc"])
        raise AntwoordBestandFout(f"{bron} klopt niet bij veld {waar}: {first['msg']}.") from None
