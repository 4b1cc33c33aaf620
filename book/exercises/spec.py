"""Exercise specification: pydantic models and a loader with Dutch error messages.

An exercise lives in ``exercises/<id>.yml`` (format: ``exercises/README.md``).  ``load_spec``
reads and validates one file; every problem becomes an ``ExerciseSpecError`` (a ``ValueError``)
whose message is Dutch and names the file, the field path, what was expected and what was found.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from book import config
from book.config import DEFAULT_KNOOP_WOORD, DEFAULT_SCHAAL, DEFAULT_SOORTEN, EXERCISES_DIR, REPO_ROOT

MAX_FILE_BYTES = 1_000_000          # a spec file larger than this is refused
MAX_JSON_CHARS = 2_000_000          # after YAML aliases are expanded
ID_PATTERN = r"^[a-z0-9_]+$"
LABEL_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"   # a MyST label such as (h2-thema2)=
FORMAT_VERSION = 1


class ExerciseSpecError(ValueError):
    """A spec file is missing or malformed; the message is Dutch and meant for authors."""


# ---------------------------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------------------------

def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("verwacht een tekst met inhoud; gevonden alleen spaties of witregels")
    return value


Tekst = Annotated[str, Field(min_length=1, max_length=50_000), AfterValidator(_not_blank)]
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=60)]
Label = Annotated[str, Field(pattern=LABEL_PATTERN, max_length=80)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _Vraag(_Strict):
    id: Id
    toelichting: Tekst | None = None
    verzonnen: bool = False          # invented for this book, not from the source: marked as such


class RubricCriterium(_Strict):
    criterium: Tekst
    niveaus: list[Tekst] = Field(min_length=2, max_length=5)   # lowest level first

    @model_validator(mode="after")
    def _unique(self) -> RubricCriterium:
        _check_unique(self.niveaus, "niveaus")
        return self


class OpenVraag(_Vraag):
    type: Literal["open"]
    vraag: Tekst
    kijkpunten: list[Tekst] = Field(default_factory=list)
    rubric: list[RubricCriterium] = Field(default_factory=list, max_length=8)

    @model_validator(mode="after")
    def _unique(self) -> OpenVraag:
        _check_unique([c.criterium for c in self.rubric], "rubric (criterium)")
        return self


class RangschikkingVraag(_Vraag):
    type: Literal["rangschikking"]
    vraag: Tekst
    items: list[Tekst] = Field(min_length=2, max_length=30)

    @model_validator(mode="after")
    def _unique(self) -> RangschikkingVraag:
        _check_unique(self.items, "items")
        return self


class TweedeRonde(_Strict):
    informatie: Tekst
    verzonnen: bool = False


class StellingVraag(_Vraag):
    type: Literal["stelling"]
    vraag: Tekst | None = None
    stellingen: list[Tekst] = Field(min_length=1, max_length=30)
    tweede_ronde: TweedeRonde | None = None


class SorteerItem(_Strict):
    tekst: Tekst
    categorie: Tekst | None = None
    uitleg: Tekst | None = None


class SorterenVraag(_Vraag):
    type: Literal["sorteren"]
    vraag: Tekst
    categorieen: list[Tekst] = Field(min_length=2, max_length=12)
    items: list[SorteerItem] = Field(min_length=1, max_length=60)
    vaste_volgorde: bool = False     # keep the written order (else shuffled per student)

    @model_validator(mode="after")
    def _check(self) -> SorterenVraag:
        _check_unique(self.categorieen, "categorieen")
        _check_unique([i.tekst for i in self.items], "items (tekst)")
        for n, item in enumerate(self.items):
            if item.categorie is not None and item.categorie not in self.categorieen:
                raise ValueError(
                    f"items[{n}].categorie: verwacht een van de categorieen "
                    f"{_lijst(self.categorieen)}; gevonden {item.categorie!r}"
                )
        return self


class MeerkeuzeOptie(_Strict):
    tekst: Tekst
    juist: bool
    uitleg: Tekst | None = None


class MeerkeuzeVraag(_Vraag):
    type: Literal["meerkeuze"]
    vraag: Tekst
    opties: list[MeerkeuzeOptie] = Field(min_length=2, max_length=12)
    meerdere_juist: bool = False     # more than one option is right; the page says so
    vaste_volgorde: bool = False     # keep the written order (else shuffled per student)

    @model_validator(mode="after")
    def _check(self) -> MeerkeuzeVraag:
        juist = sum(o.juist for o in self.opties)
        if juist == 0:
            raise ValueError("opties: verwacht minstens één optie met 'juist: true'; gevonden geen")
        if juist > 1 and not self.meerdere_juist:
            raise ValueError(
                f"opties: verwacht precies één optie met 'juist: true' (of zet 'meerdere_juist: true' "
                f"bij de vraag als er echt meer goede antwoorden zijn); gevonden {juist}"
            )
        if juist == 1 and self.meerdere_juist:
            raise ValueError(
                "meerdere_juist: verwacht minstens twee opties met 'juist: true' als dit aan staat; gevonden één"
            )
        _check_unique([o.tekst for o in self.opties], "opties (tekst)")
        return self


class Knoop(_Strict):
    naam: Tekst
    soort: Tekst
    sterkte: Literal[1, 2, 3]
    kwaliteit: Literal[config.KWALITEITEN]


class KnoopWoord(_Strict):
    """How the network question names its nodes (e.g. "actor" / "actoren")."""

    enkelvoud: Tekst
    meervoud: Tekst


class NetwerkVraag(_Vraag):
    type: Literal["netwerk"]
    vraag: Tekst
    centrum: Tekst
    knoop_woord: KnoopWoord = Field(default_factory=lambda: KnoopWoord(**DEFAULT_KNOOP_WOORD))
    soorten: list[Tekst] = Field(default_factory=lambda: list(DEFAULT_SOORTEN), min_length=1)
    startknopen: list[Knoop] = Field(default_factory=list, max_length=60)

    @model_validator(mode="after")
    def _check(self) -> NetwerkVraag:
        _check_unique(self.soorten, "soorten")
        for n, k in enumerate(self.startknopen):
            if k.soort not in self.soorten:
                raise ValueError(
                    f"startknopen[{n}].soort: verwacht een van de soorten {_lijst(self.soorten)}; "
                    f"gevonden {k.soort!r}"
                )
        return self


class Keuze(_Strict):
    tekst: Tekst
    naar: Id


class DilemmaKnoop(_Strict):
    tekst: Tekst
    keuzes: list[Keuze] = Field(default_factory=list, max_length=8)
    reflectie: Tekst | None = None
    verzonnen: bool = False


class DilemmaVraag(_Vraag):
    type: Literal["dilemma"]
    vraag: Tekst
    start: Id
    knopen: dict[Id, DilemmaKnoop] = Field(min_length=2, max_length=60)

    @model_validator(mode="after")
    def _check(self) -> DilemmaVraag:
        if self.start not in self.knopen:
            raise ValueError(
                f"start: verwacht de id van een knoop ({_lijst(list(self.knopen))}); "
                f"gevonden {self.start!r}"
            )
        for kid, knoop in self.knopen.items():
            for n, keuze in enumerate(knoop.keuzes):
                if keuze.naar not in self.knopen:
                    raise ValueError(
                        f"knopen.{kid}.keuzes[{n}].naar: verwacht de id van een bestaande knoop "
                        f"({_lijst(list(self.knopen))}); gevonden {keuze.naar!r}"
                    )
        # every path must be able to end: an end node (no choices) must be reachable
        seen, todo = set(), [self.start]
        while todo:
            k = todo.pop()
            if k in seen:
                continue
            seen.add(k)
            todo.extend(c.naar for c in self.knopen[k].keuzes)
        if not any(not self.knopen[k].keuzes for k in seen):
            raise ValueError(
                "knopen: verwacht minstens één eindknoop (een knoop zonder keuzes) die vanaf "
                "de start bereikbaar is; gevonden geen"
            )
        unreachable = [k for k in self.knopen if k not in seen]
        if unreachable:
            raise ValueError(
                f"knopen: verwacht dat elke knoop vanaf de start bereikbaar is; gevonden "
                f"onbereikbare knoop/knopen {_lijst(unreachable)}"
            )
        # ... and from every node a student can reach, an end must still be reachable (no trap loop)
        can_end = {k for k in seen if not self.knopen[k].keuzes}
        changed = True
        while changed:
            changed = False
            for k in seen - can_end:
                if any(c.naar in can_end for c in self.knopen[k].keuzes):
                    can_end.add(k)
                    changed = True
        trapped = sorted(seen - can_end)
        if trapped:
            raise ValueError(
                f"knopen: verwacht dat je vanuit elke knoop nog een eindknoop kunt bereiken; gevonden "
                f"een lus zonder uitweg bij {_lijst(trapped)}"
            )
        return self


class ZelfbeoordelingVraag(_Vraag):
    type: Literal["zelfbeoordeling"]
    vraag: Tekst
    aspecten: list[Tekst] = Field(min_length=3, max_length=20)
    schaal: list[Tekst] = Field(default_factory=lambda: list(DEFAULT_SCHAAL), min_length=5, max_length=5)

    @model_validator(mode="after")
    def _check(self) -> ZelfbeoordelingVraag:
        _check_unique(self.aspecten, "aspecten")
        return self


class InformatieBlok(_Vraag):
    type: Literal["informatie"]
    titel: Tekst | None = None
    tekst: Tekst


Vraag = Annotated[
    Union[
        OpenVraag,
        RangschikkingVraag,
        StellingVraag,
        SorterenVraag,
        MeerkeuzeVraag,
        NetwerkVraag,
        DilemmaVraag,
        ZelfbeoordelingVraag,
        InformatieBlok,
    ],
    Field(discriminator="type"),
]
VRAAG_TYPES = (
    "open", "rangschikking", "stelling", "sorteren", "meerkeuze", "netwerk", "dilemma",
    "zelfbeoordeling", "informatie",
)


class Docent(_Strict):
    handleiding: Tekst | None = None
    veiligheid: Tekst | None = None   # how to handle a safety signal of the case in class
    per_vraag: dict[str, Tekst] = Field(default_factory=dict)


class Oefening(_Strict):
    versie: Literal[1]
    id: Id
    titel: Tekst
    hoofdstuk: Annotated[int, Field(ge=0, le=6)]
    duur_minuten: Annotated[int, Field(gt=0, le=600)] | None = None
    werkvorm: list[Literal[config.WERKVORMEN]] = Field(default_factory=list)
    leerdoelen: list[Tekst] = Field(default_factory=list)
    begrippen: list[Tekst] = Field(default_factory=list)
    casus: Tekst | None = None
    verzonnen: bool = False          # the casus is invented for this book (not from the source)
    vragen: list[Vraag] = Field(min_length=1, max_length=60)
    docent: Docent | None = None
    # Only for a case that no chapter notebook embeds: the label of the section (a line
    # "(label)=" above a heading in chapter `hoofdstuk`) at whose end the case appears.
    # Without it such a case appears under "Extra casussen", just before the hand-in block.
    plaats: Label | None = None

    @model_validator(mode="after")
    def _check(self) -> Oefening:
        if self.verzonnen and self.casus is None:
            raise ValueError("verzonnen: verwacht een casus als de oefening verzonnen heet; gevonden geen casus")
        seen: dict[str, int] = {}
        for n, v in enumerate(self.vragen):
            if v.id in seen:
                raise ValueError(
                    f"vragen[{n}].id: verwacht een id die uniek is binnen het bestand; "
                    f"gevonden {v.id!r}, dat ook al bij vragen[{seen[v.id]}] staat"
                )
            seen[v.id] = n
        if self.docent is not None:
            for qid in self.docent.per_vraag:
                if qid not in seen:
                    raise ValueError(
                        f"docent.per_vraag.{qid}: verwacht de id van een vraag "
                        f"({_lijst(list(seen))}); gevonden {qid!r}"
                    )
        return self


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

def _lijst(items: list[str]) -> str:
    shown = ", ".join(repr(i) for i in items[:12])
    return shown + (", ..." if len(items) > 12 else "")


def _check_unique(items: list[str], veld: str) -> None:
    seen = set()
    for n, item in enumerate(items):
        if item in seen:
            raise ValueError(
                f"{veld}: verwacht dat elke waarde één keer voorkomt; gevonden {item!r} "
                f"twee keer (de tweede keer op plaats {n + 1})"
            )
        seen.add(item)


def _type_naam(value: Any) -> str:
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return f"ja/nee-waarde {value!r}"
    if isinstance(value, int):
        return f"het getal {value!r}"
    if isinstance(value, float):
        return f"het kommagetal {value!r}"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return f"de tekst {short!r}"
    if isinstance(value, list):
        return f"een lijst met {len(value)} element(en)"
    if isinstance(value, dict):
        return f"een mapping met de velden {_lijst([str(k) for k in value])}"
    return f"een waarde van soort {type(value).__name__}"


def _loc(loc: tuple[Any, ...], data: Any) -> str:
    """Dotted field path; drops the discriminator tag pydantic inserts after a list index."""
    parts: list[str] = []
    node = data
    skip_next_tag = False
    for item in loc:
        if skip_next_tag and isinstance(item, str) and item in VRAAG_TYPES:
            skip_next_tag = False
            continue
        skip_next_tag = False
        if isinstance(item, int):
            parts.append(f"[{item}]")
            if isinstance(node, list) and 0 <= item < len(node):
                node = node[item]
                if isinstance(node, dict) and "type" in node:
                    skip_next_tag = True
            else:
                node = None
        else:
            if item in ("function-after", "function-before"):
                continue
            parts.append(("." if parts else "") + str(item))
            node = node.get(item) if isinstance(node, dict) else None
    return "".join(parts) or "(het hele bestand)"


def _expected(err: dict[str, Any]) -> str:
    t = err["type"]
    ctx = err.get("ctx") or {}
    simple = {
        "string_type": "tekst",
        "int_type": "een geheel getal",
        "bool_type": "true of false",
        "list_type": "een lijst (regels die met '- ' beginnen of [a, b])",
        "dict_type": "een mapping (regels 'veld: waarde')",
        "model_type": "een mapping (regels 'veld: waarde')",
        "model_attributes_type": "een mapping (regels 'veld: waarde')",
        "string_pattern_mismatch": "alleen kleine letters, cijfers en _",
    }
    if t == "string_pattern_mismatch" and ctx.get("pattern") == LABEL_PATTERN:
        return "een label van kleine letters, cijfers, - en _ (zoals 'h2-thema2')"
    if t in simple:
        return simple[t]
    if t == "literal_error":
        return "een van " + str(ctx.get("expected", "")).replace(" or ", ", ")
    if t in ("too_short", "string_too_short"):
        n = ctx.get("min_length", 1)
        return "een niet-lege tekst" if t == "string_too_short" else f"minstens {n} element(en)"
    if t in ("too_long", "string_too_long"):
        n = ctx.get("max_length")
        return f"hoogstens {n} tekens" if t == "string_too_long" else f"hoogstens {n} element(en)"
    if t in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        ops = {"greater_than_equal": ">=", "greater_than": ">", "less_than_equal": "<=", "less_than": "<"}
        bound = next(iter(ctx.values()), "")
        return f"een getal {ops[t]} {bound}"
    if t == "union_tag_invalid":
        return "een type uit: " + ", ".join(VRAAG_TYPES)
    if t == "union_tag_not_found":
        return "een veld 'type' met een van: " + ", ".join(VRAAG_TYPES)
    return err.get("msg", t)


def _all_subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_all_subclasses(sub))
    return out


def bedoeld_veld(naam: str) -> str | None:
    """The known field name closest to a misspelled one ('tweede_rond' -> 'tweede_ronde')."""
    names = sorted({n for sub in _all_subclasses(_Strict) for n in sub.model_fields})
    if naam in names:
        return None
    found = difflib.get_close_matches(naam.lower(), names, n=1, cutoff=0.7)
    return found[0] if found else None


def _format_error(err: dict[str, Any], data: Any) -> str:
    loc = tuple(err.get("loc", ()))
    path = _loc(loc, data)
    hint = _question_hint(loc, data)
    t = err["type"]
    if t == "value_error":
        # our own validators phrase expected/found themselves; pydantic prefixes "Value error, "
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        first, _, rest = msg.partition(" ")
        if first.endswith(":"):  # the message starts with a field path relative to loc
            sub = first[:-1]
            full = f"{path}.{sub}" if loc else sub
            return f"veld {full}{hint}: {rest}"
        return f"veld {path}{hint}: {msg}" if loc else msg
    where = f"veld {path}{hint}"
    if t == "extra_forbidden":
        guess = bedoeld_veld(str(loc[-1])) if loc else None
        hint_text = f"bedoelde je {guess!r}?" if guess else "tikfout?"
        return f"{where}: dit veld is onbekend ({hint_text}); verwacht alleen de velden uit exercises/README.md"
    if t == "missing":
        return f"{where}: verplicht veld ontbreekt"
    if t == "union_tag_invalid":
        found = (err.get("ctx") or {}).get("tag")
        return f"veld {path}.type{hint}: verwacht {_expected(err)}; gevonden {found!r}"
    return f"{where}: verwacht {_expected(err)}; gevonden {_type_naam(err.get('input'))}"


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "een sleutel moet een eenvoudige waarde zijn", key_node.start_mark
            ) from None
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"het veld {key!r} staat twee keer in dezelfde mapping", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _TooBig(Exception):
    pass


def _check_size(data: Any, limit: int) -> None:
    """Walk the parsed YAML (aliases expanded) and stop as soon as it exceeds ``limit``."""
    total = 0
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            total += 2 + 2 * len(node)
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            total += 2 + len(node)
            stack.extend(node)
        else:
            total += len(str(node)) + 2
        if total > limit:
            raise _TooBig


def _question_hint(loc: tuple[Any, ...], data: Any) -> str:
    if len(loc) >= 2 and loc[0] == "vragen" and isinstance(loc[1], int) and isinstance(data, dict):
        vragen = data.get("vragen")
        if isinstance(vragen, list) and 0 <= loc[1] < len(vragen) and isinstance(vragen[loc[1]], dict):
            qid = vragen[loc[1]].get("id")
            return f" (de {loc[1] + 1}e vraag" + (f", id {qid!r})" if isinstance(qid, str) else ")")
    return ""


# PyYAML's English problem texts, in Dutch for authors. Our own loader errors are Dutch already.
_YAML_PROBLEMEN = [
    (r"'\\t'|\ttab", "er staat een tab-teken waar YAML spaties verwacht (vaak meegekomen bij plakken uit Word); "
                     "vervang het door spaties"),
    (r"mapping values are not allowed", "een dubbele punt met een spatie erna midden in een tekst; zet de hele "
                                        "tekst tussen aanhalingstekens of gebruik '|' met de tekst op de regels eronder"),
    (r"could not find expected ':'", "verwacht 'veld: waarde', maar de dubbele punt ontbreekt"),
    (r"did not find expected key", "verwacht hier een volgend veld op dezelfde inspringing"),
    (r"did not find expected '-' indicator", "verwacht een regel die met '- ' begint, op dezelfde inspringing als de vorige"),
    (r"did not find expected node content", "verwacht hier een waarde"),
    (r"found unexpected end of stream", "het bestand houdt onverwacht op (ontbreekt er een aanhalingsteken of haakje?)"),
    (r"expected ',' or '\]'", "een lijst tussen [ ] is niet goed afgesloten (ontbreekt ']' of een komma?)"),
    (r"expected ',' or '\}'", "een mapping tussen { } is niet goed afgesloten (ontbreekt '}' of een komma?)"),
    (r"found undefined alias", "een verwijzing *naam zonder bijbehorend &naam"),
    (r"found unknown escape character", "een onbekend teken na \\ in een tekst tussen dubbele aanhalingstekens"),
    (r"could not determine a constructor", "een onbekende markering met ! (zoals !!python/...) is niet toegestaan"),
    (r"found character .* that cannot start any token", "een teken waarmee geen waarde mag beginnen (zoals @ of `); "
                                                        "zet de tekst tussen aanhalingstekens"),
]


def yaml_probleem(problem: str) -> str:
    """A PyYAML problem text in Dutch (unknown texts become a general Dutch description)."""
    for pattern, dutch in _YAML_PROBLEMEN:
        if re.search(pattern, problem):
            return dutch
    if problem and not re.search(r"[A-Za-z]{3,} (?:the|an?|not|expected|found|while)\b", problem):
        return problem  # our own constructor messages are Dutch
    return "onleesbare YAML"


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def _fail(path: Path, msg: str) -> ExerciseSpecError:
    return ExerciseSpecError(f"Fout in oefening {_rel(path)}: {msg}")


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def spec_path(oefening_id: str, directory: Path | None = None) -> Path:
    if not isinstance(oefening_id, str) or not re.fullmatch(ID_PATTERN, oefening_id):
        raise ExerciseSpecError(
            f"Ongeldige naam van een oefening: verwacht kleine letters, cijfers en _ "
            f"(zoals 'h1_abiba'); gevonden {oefening_id!r}"
        )
    return (directory or EXERCISES_DIR) / f"{oefening_id}.yml"


NUMBER = re.compile(r"\{getal:([a-z0-9_]+)\}")
QUESTION = re.compile(r"\{([vV])raag:([a-z0-9_]+)\}")
# Anything that starts like a placeholder ("{getal", "{ Vraag", ...) must be one exactly.
PLACEHOLDER_START = re.compile(r"\{\s*(getal|vraag)\b", re.IGNORECASE)
STRICT_PLACEHOLDER = re.compile(r"\{getal:[a-z0-9_]+\}|\{[vV]raag:[a-z0-9_]+\}")


def vraagnummers(spec: Oefening | dict[str, Any]) -> dict[str, int]:
    """Question id -> the number the page shows ("Vraag N"); informatie blocks are not numbered."""
    vragen = spec.vragen if isinstance(spec, Oefening) else spec.get("vragen", [])
    out: dict[str, int] = {}
    for v in vragen:
        if isinstance(v, dict):
            vid, vtype = v.get("id"), v.get("type")
        elif isinstance(v, BaseModel):
            vid, vtype = v.id, v.type
        else:  # raw YAML with a question that is not a mapping: validation names the error
            continue
        if vtype != "informatie" and isinstance(vid, str):
            out[vid] = len(out) + 1
    return out


def _fill_placeholders(data: Any, path: Path) -> Any:
    """Replace ``{getal:<id>}`` and ``{vraag:<id>}`` in every text of the parsed YAML.

    ``{getal:<id>}`` becomes the number of that row in data/, qualifier kept, so a case states
    its numbers with their place in the source, as chapter prose does with glue.
    ``{vraag:<id>}`` becomes "vraag N" (``{Vraag:<id>}``: "Vraag N"), N the number the page shows,
    so teacher notes never name internal ids. A malformed placeholder is an error, never shown.
    """
    from book.data import DataError, format_number, load_all

    numbers = vraagnummers(data) if isinstance(data.get("vragen"), list) else {}

    def fill(text: str, where: str) -> str:
        for m in PLACEHOLDER_START.finditer(text):
            if not STRICT_PLACEHOLDER.match(text, m.start()):
                fragment = text[m.start(): m.start() + 40].split("\n")[0]
                raise _fail(
                    path,
                    f"veld {where}: verwacht {{getal:<id>}} of {{vraag:<id>}} (kleine letters, geen spaties, "
                    f"met sluitaccolade); gevonden {fragment!r}",
                )

        def one_number(match: re.Match) -> str:
            ident = match.group(1)
            try:
                table = load_all()
            except DataError as exc:
                raise _fail(path, f"veld {where}: {{getal:{ident}}} kon niet worden gelezen: {exc}") from None
            if ident not in table.index:
                raise _fail(
                    path,
                    f"veld {where}: {{getal:{ident}}}: verwacht de id van een getal in data/*.csv; "
                    f"gevonden {ident!r}, en die id bestaat niet",
                )
            return format_number(table.loc[ident])

        def one_question(match: re.Match) -> str:
            ident = match.group(2)
            if ident not in numbers:
                raise _fail(
                    path,
                    f"veld {where}: {{vraag:{ident}}}: verwacht de id van een vraag met een nummer "
                    f"({_lijst(list(numbers))}); gevonden {ident!r}",
                )
            word = "Vraag" if match.group(1) == "V" else "vraag"
            return f"{word} {numbers[ident]}"

        return QUESTION.sub(one_question, NUMBER.sub(one_number, text))

    def walk(node: Any, where: str) -> Any:
        if isinstance(node, str):
            return fill(node, where) if "{" in node else node
        if isinstance(node, list):
            return [walk(x, f"{where}[{i}]") for i, x in enumerate(node)]
        if isinstance(node, dict):
            return {k: walk(v, f"{where}.{k}" if where else str(k)) for k, v in node.items()}
        return node

    return walk(data, "")


def validate_data(data: Any, path: Path, expected_id: str | None = None) -> Oefening:
    """Validate already-parsed YAML data; raise ExerciseSpecError with Dutch messages."""
    if not isinstance(data, dict):
        raise _fail(path, f"verwacht een mapping met velden (versie, id, titel, ...); gevonden {_type_naam(data)}")
    try:
        _check_size(data, MAX_JSON_CHARS)
        data = _fill_placeholders(data, path)   # walks the data recursively
    except _TooBig:
        raise _fail(path, f"het bestand wordt na uitvouwen van verwijzingen (&/*) te groot (hoogstens {MAX_JSON_CHARS} tekens)") from None
    except RecursionError:
        raise _fail(path, "het bestand is te diep genest") from None
    if "versie" in data and data["versie"] != FORMAT_VERSION:
        raise _fail(path, f"veld versie: verwacht {FORMAT_VERSION}; gevonden {_type_naam(data['versie'])}")
    try:
        spec = Oefening.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        lines = [_format_error(e, data) for e in errors[:8]]
        more = f"\n  (en nog {len(errors) - 8} fout(en))" if len(errors) > 8 else ""
        head = f"Fout in oefening {_rel(path)}" + (":" if len(lines) == 1 else f" ({len(errors)} fouten):")
        raise ExerciseSpecError(head + ("\n  " if len(lines) > 1 else " ") + "\n  ".join(lines) + more) from None
    if expected_id is not None and spec.id != expected_id:
        raise _fail(path, f"veld id: verwacht {expected_id!r} (gelijk aan de bestandsnaam); gevonden {spec.id!r}")
    return spec


def load_spec(oefening_id: str | None = None, *, path: Path | str | None = None,
              directory: Path | None = None) -> Oefening:
    """Load and validate ``exercises/<oefening_id>.yml`` (or an explicit ``path``)."""
    if path is None:
        path = spec_path(oefening_id, directory)  # type: ignore[arg-type]
    path = Path(path)
    expected_id = path.stem if path.suffix == ".yml" else None
    if not path.is_file():
        raise ExerciseSpecError(
            f"Oefening niet gevonden: verwacht het bestand {_rel(path)}; gevonden geen bestand met die naam"
        )
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _fail(path, f"het bestand is te groot: {size} bytes; hoogstens {MAX_FILE_BYTES}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(path, f"het bestand is geen UTF-8-tekst (byte {exc.start})") from None
    # A tab inside a text (pasted from a word processor) is a space to the reader; PyYAML would
    # refuse it. A tab in the indentation stays an error, with a Dutch message.
    text = re.sub(r"(?m)(?<=\S)([^\S\n]*)\t", lambda m: m.group(1).replace("\t", " ") + " ", text)
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" op regel {mark.line + 1}, kolom {mark.column + 1}" if mark else ""
        problem = yaml_probleem(exc.problem or exc.context or "")
        raise _fail(path, f"YAML-fout{where}: {problem}. Controleer inspringing, dubbele punten en aanhalingstekens") from None
    except yaml.YAMLError:
        raise _fail(path, "YAML-fout: onleesbare YAML. Controleer inspringing, dubbele punten en aanhalingstekens") from None
    except RecursionError:
        raise _fail(path, "het bestand is te diep genest") from None
    return validate_data(data, path, expected_id)


def all_spec_paths(directory: Path | None = None) -> list[Path]:
    d = directory or EXERCISES_DIR
    return sorted(p for p in d.glob("*.yml") if not p.name.startswith("_"))


# path -> ((mtime, size), spec or error). Loading a spec costs about 30 ms (YAML in pure Python,
# pydantic, the data tables); the overview, the workbook and the build load every spec, often.
_CACHE: dict[Path, tuple[tuple[int, int], Oefening | ExerciseSpecError]] = {}


def _cached(path: Path) -> Oefening | ExerciseSpecError:
    path = path.resolve()
    try:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = (-1, -1)
    hit = _CACHE.get(path)
    if hit is not None and hit[0] == key:
        return hit[1]
    try:
        result: Oefening | ExerciseSpecError = load_spec(path=path)
    except ExerciseSpecError as exc:
        result = exc
    _CACHE[path] = (key, result)
    return result


def spec_results(directory: Path | None = None) -> dict[Path, Oefening | ExerciseSpecError]:
    """Every exercise file with its spec, or the error that file gives (cached on path and mtime).

    The specs are shared between callers: treat them as read-only.
    """
    return {p: _cached(p) for p in all_spec_paths(directory)}


def all_specs(directory: Path | None = None) -> list[Oefening]:
    """Every spec, sorted by chapter and id; the first broken file raises its ExerciseSpecError."""
    specs = []
    for result in spec_results(directory).values():
        if isinstance(result, ExerciseSpecError):
            raise result
        specs.append(result)
    return sorted(specs, key=lambda s: (s.hoofdstuk, s.id))


def fouten(directory: Path | None = None) -> dict[Path, str]:
    """Path -> Dutch message, for every exercise file that does not load."""
    return {p: str(r) for p, r in spec_results(directory).items() if isinstance(r, ExerciseSpecError)}


def vermoedelijk_hoofdstuk(path: Path) -> int | None:
    """The chapter a (possibly broken) exercise file is meant for: its `hoofdstuk`, else its name.

    Used to keep a broken file from failing the pages of other chapters.
    """
    result = _cached(path)
    if isinstance(result, Oefening):
        return result.hoofdstuk
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        data = None
    if isinstance(data, dict) and type(data.get("hoofdstuk")) is int:
        return data["hoofdstuk"]
    m = re.match(r"h(\d)_", path.name)
    return int(m.group(1)) if m else None


def student_dict(spec: Oefening, editie: str | None = None) -> dict[str, Any]:
    """JSON-able dict for the front-end; the ``docent`` block only in the teacher edition."""
    data = spec.model_dump(mode="json", exclude_none=True)
    if config.editie(editie) != "docent":
        data.pop("docent", None)
    return data
