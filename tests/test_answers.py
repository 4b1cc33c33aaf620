"""The answer file format (book/answers.py): round trips, the optional contract fields, Dutch
errors, answers checked against their exercise, the readable rendering, and the widget's
opslaan/laden."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from book import answers
from book.answers import (
    AntwoordBestand,
    AntwoordBestandFout,
    DilemmaAntwoord,
    MeerkeuzeAntwoord,
    NetwerkAntwoord,
    OpenAntwoord,
    RangschikkingAntwoord,
    SorterenAntwoord,
    StellingAntwoord,
    ZelfbeoordelingAntwoord,
    controleer_antwoorden,
    lees_antwoorden,
    leesbaar,
    parse_antwoorden,
)
from book.config import MAX_TEKST, tekst_lengte
from book.exercises.spec import load_spec
from book.exercises.widget import OefeningWidget

FIXTURES = Path(__file__).parent / "fixtures"
SPEC = load_spec(path=FIXTURES / "klas" / "alle_typen.yml")
VRAGEN = {v.id: v for v in SPEC.vragen}
ENGELS = re.compile(r"Input should|Extra inputs|Field required|should be|valid|Traceback|Error\b", re.I)

def _voorbeelden(standaard: int) -> int:
    """Hypothesis examples per test; tools/mutants_py.sh asks for fewer (one run per mutant)."""
    return int(os.environ.get("LSP_HYPOTHESIS_VOORBEELDEN", "0")) or standaard


tekst = st.text(max_size=60)                                  # arbitrary unicode, incl. emoji / RTL
schaal = st.one_of(st.none(), st.integers(1, 5))
positie = st.fixed_dictionaries({"positie": schaal, "argument": tekst})
knoop = st.fixed_dictionaries({
    "naam": st.text(min_size=1, max_size=30), "soort": st.text(max_size=20),
    "sterkte": st.sampled_from([1, 2, 3]), "kwaliteit": st.sampled_from(["steunend", "neutraal", "belastend"]),
})
permutatie = st.integers(2, 6).flatmap(lambda n: st.permutations(list(range(n))))
# (model class, strategy) per shape, with the contract's optional fields
VORMEN = [
    (OpenAntwoord, st.fixed_dictionaries({"tekst": tekst}, optional={
        "kijkpunten": st.lists(st.integers(0, 9), unique=True, max_size=4),
        "rubric": st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=4)})),
    (RangschikkingAntwoord, st.fixed_dictionaries({"volgorde": st.lists(tekst, max_size=5),
                                                   "redenen": st.dictionaries(tekst, tekst, max_size=4)})),
    (StellingAntwoord, st.fixed_dictionaries({"ronde1": st.lists(positie, max_size=4)},
                                             optional={"ronde2": st.lists(positie, max_size=4)})),
    (SorterenAntwoord, st.fixed_dictionaries({"indeling": st.dictionaries(tekst, tekst, max_size=4)}, optional={
        "volgorde": st.lists(tekst, unique=True, max_size=4), "eerste": st.dictionaries(tekst, tekst, max_size=4),
        "gecontroleerd": st.booleans()})),
    (MeerkeuzeAntwoord, st.fixed_dictionaries({"keuze": st.one_of(st.none(), st.integers(0, 10))}, optional={
        "volgorde": permutatie, "eerste": st.one_of(st.none(), st.integers(0, 10)), "gecontroleerd": st.booleans()})),
    (NetwerkAntwoord, st.fixed_dictionaries({"knopen": st.lists(knoop, max_size=4)})),
    (DilemmaAntwoord, st.fixed_dictionaries({"pad": st.lists(tekst, max_size=4), "reflectie": tekst})),
    (ZelfbeoordelingAntwoord, st.fixed_dictionaries({"scores": st.lists(schaal, max_size=6)})),
]
antwoord = st.one_of([s for _, s in VORMEN])
oefening_antw = st.fixed_dictionaries({
    "titel": tekst,
    "vragen": st.dictionaries(tekst, tekst, max_size=3),
    "antwoorden": st.dictionaries(tekst, antwoord, max_size=4),
}, optional={"leesbaar": st.dictionaries(tekst, tekst, max_size=3)})
bestand = st.fixed_dictionaries({
    "formaat": st.just("lsp-antwoorden"), "versie": st.just(1), "hoofdstuk": st.integers(0, 6),
    "naam": st.text(max_size=40), "studentnummer": st.text(max_size=20),
    "datum": st.dates().map(lambda d: d.isoformat()),
    "oefeningen": st.dictionaries(st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True), oefening_antw, max_size=3),
}, optional={"tijdstip": st.datetimes(timezones=st.timezones()).map(lambda t: t.isoformat())})


def _zonder_none(value):
    """The dict as the file stores it: keys whose value is null are left out (exclude_none)."""
    if isinstance(value, dict):
        return {k: _zonder_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_zonder_none(v) for v in value]
    return value


@settings(max_examples=_voorbeelden(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bestand)
def test_round_trip(data):
    model = AntwoordBestand.model_validate(data)
    text = model.to_json()
    assert parse_antwoorden(text) == model
    assert json.loads(text) == _zonder_none(data)      # nothing added, nothing lost


@pytest.mark.parametrize("klasse, vorm", VORMEN, ids=[k.__name__ for k, _ in VORMEN])
@settings(max_examples=_voorbeelden(40), deadline=None)   # a shared machine: no timing here
@given(data=st.data())
def test_each_answer_shape_keeps_its_type(klasse, vorm, data):
    a = data.draw(vorm)
    model = AntwoordBestand.model_validate({"hoofdstuk": 1, "datum": "2025-01-01",
                                            "oefeningen": {"x": {"titel": "t", "antwoorden": {"q": a}}}})
    parsed = parse_antwoorden(model.to_json()).oefeningen["x"].antwoorden["q"]
    assert type(parsed) is klasse
    assert json.loads(model.to_json())["oefeningen"]["x"]["antwoorden"]["q"] == _zonder_none(a)


KOP = '{"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "datum": "2025-01-01"'


def _met(antw: str) -> str:
    return KOP + ', "oefeningen": {"x": {"titel": "t", "antwoorden": {"a": ' + antw + "}}}}"


@pytest.mark.parametrize(
    "raw, fragment",
    [
        ("{kapot", "geen geldig JSON-bestand (fout op regel 1, kolom 2)"),
        ('{"formaat": "iets anders"}', "geen antwoordbestand van dit boek"),
        ('{"formaat": "lsp-antwoorden", "versie": 2}', "versie 2"),
        (KOP.replace("2025-01-01", "gisteren") + "}", "ISO 8601"),
        (KOP + ', "tijdstip": "morgen"}', "veld tijdstip: verwacht een datum in ISO 8601"),
        (_met('{"scores": [9]}'), "veld oefeningen.x.antwoorden.a.scores[0]: verwacht een getal van hoogstens 5; gevonden 9"),
        (_met('{"ronde1": [{"positie": NaN}]}'), "ronde1[0].positie: verwacht een geheel getal; gevonden NaN"),
        (_met('{"ronde1": [{"positie": 3.0}]}'), "verwacht een geheel getal; gevonden het kommagetal 3"),
        (_met('{"keuze": ' + "9" * 5000 + "}"), "veld oefeningen.x.antwoorden.a.keuze: verwacht een geheel getal; gevonden een getal van 5.000 cijfers"),
        (KOP + ', "x": ' + "9" * 5000 + "}", "veld x: onbekend veld"),
        (_met('{"zz": 1}'), "veld oefeningen.x.antwoorden.a: dit antwoord past bij geen enkel soort vraag"),
        (_met('{"indeling": {"Jan <b>": 1}}'), "veld oefeningen.x.antwoorden.a.indeling.(…): verwacht tekst; gevonden 1"),
        (KOP + ', "Sam is DOM": 1}', "veld (…): onbekend veld"),
        (_met('{"tekst": "a", "kijkpunten": [1, 1]}'), "kijkpunten: elke waarde mag maar één keer voorkomen"),
        (_met('{"keuze": 0, "volgorde": [0, 2]}'), "volgorde: verwacht elk optienummer 0, 1, 2, ... precies één keer"),
        (_met('{"tekst": "a", "rubric": [6]}'), "rubric[0]: verwacht een getal van hoogstens 5"),
        (_met('{"indeling": {}, "gecontroleerd": 1}'), "gecontroleerd: verwacht true of false; gevonden 1"),
        (_met('{"tekst": "' + "😀" * 50_001 + '"}'), "de tekst is te lang: 100.002 tekens; hoogstens 100.000"),
        ("[" * 100_000 + "]" * 100_000, "te diep genest"),
    ],
)
def test_bad_files_give_dutch_errors(raw, fragment):
    with pytest.raises(AntwoordBestandFout) as info:
        parse_antwoorden(raw, bron="test.json")
    assert fragment in str(info.value)
    assert not ENGELS.search(str(info.value)), str(info.value)


def test_byte_order_mark_and_json_text_escapes_are_accepted():
    model = parse_antwoorden(b"\xef\xbb\xbf" + _met('{"volgorde": ["\\ud800"]}').encode())
    assert model.oefeningen["x"].antwoorden["a"].volgorde == ["\ud800"]
    # a lone surrogate survives the trip through a UTF-8 file as an escape, as JSON.stringify writes it
    assert '"\\ud800"' in model.to_json()
    assert parse_antwoorden(model.to_json().encode("utf-8")) == model
    assert parse_antwoorden("\ufeff" + KOP + "}").hoofdstuk == 1


def test_text_limit_counts_utf16_code_units():
    assert tekst_lengte("a😀é") == 4 and tekst_lengte("\ud800") == 1 and MAX_TEKST == 100_000
    assert OpenAntwoord.model_validate({"tekst": "a" * MAX_TEKST}).tekst == "a" * MAX_TEKST
    assert OpenAntwoord.model_validate({"tekst": "😀" * (MAX_TEKST // 2)})
    for te_lang in ("a" * (MAX_TEKST + 1), "a" * (MAX_TEKST - 1) + "😀", "😀" * (MAX_TEKST // 2) + "a"):
        with pytest.raises(ValueError, match="te lang"):
            OpenAntwoord.model_validate({"tekst": te_lang})


def test_optional_fields_are_optional_and_old_files_still_read():
    oud = lees_antwoorden(FIXTURES / "answers" / "voorbeeld_h1.json")
    assert oud.tijdstip is None and oud.oefeningen["alle_typen"].leesbaar is None
    mk = oud.oefeningen["alle_typen"].antwoorden["a5"]
    assert type(mk) is MeerkeuzeAntwoord and (mk.keuze, mk.eerste, mk.volgorde, mk.gecontroleerd) == (1, None, None, None)
    # {"volgorde": [...]} alone: texts are a ranking, option numbers a multiple-choice order; {} no choice
    assert answers.antwoord_soort({"volgorde": ["a"]}) == "rangschikking"
    assert answers.antwoord_soort({"volgorde": [1, 0]}) == "meerkeuze"
    assert answers.antwoord_soort({"volgorde": [True, False]}) == "rangschikking"
    assert answers.antwoord_soort({}) == "meerkeuze"
    assert answers.antwoord_soort({"redenen": {}}) == "rangschikking"
    assert answers.antwoord_soort({"onbekend": 1}) is None and answers.antwoord_soort([]) is None


def test_example_files_validate():
    paden = sorted((FIXTURES / "answers").glob("*.json"))
    assert len(paden) >= 1
    for path in paden:
        assert lees_antwoorden(path).formaat == "lsp-antwoorden"


@pytest.mark.parametrize(
    "qid, antw, fragment",
    [
        ("a5", {"keuze": 3}, "keuze 3 bestaat niet: de vraag heeft 3 opties"),
        ("a5", {"keuze": 0, "eerste": 5}, "eerste 5 bestaat niet"),
        ("a5", {"keuze": 0, "volgorde": [1, 0]}, "volgorde noemt 2 opties; de vraag heeft er 3"),
        ("a4", {"indeling": {"Verzonnen item": "Helpend"}}, "indeling noemt een item dat niet in de oefening staat"),
        ("a4", {"indeling": {"Een vast ritme": "Verzonnen"}}, "indeling noemt een categorie"),
        ("a4", {"indeling": {}, "eerste": {"Een vast ritme": "X"}}, "eerste noemt een categorie"),
        ("a4", {"indeling": {}, "volgorde": ["Verzonnen"]}, "volgorde noemt een item"),
        ("a2", {"volgorde": ["Bellen met de broer", "Bellen met de broer"]}, "volgorde noemt een item twee keer"),
        ("a2", {"volgorde": ["Verzonnen"]}, "noemen een item dat niet in de oefening staat"),
        ("a2", {"volgorde": [], "redenen": {"Verzonnen": "x"}}, "noemen een item dat niet in de oefening staat"),
        ("a3", {"ronde1": [{}, {}, {}]}, "meer posities dan stellingen (2)"),
        ("a3", {"ronde1": [], "ronde2": [{}, {}, {}]}, "meer posities dan stellingen (2)"),
        ("a7", {"pad": ["k2"]}, "begint niet bij de start"),
        ("a7", {"pad": ["k1", "k4"]}, "volgt geen keuzes"),
        ("a7", {"pad": ["k1", "k9"]}, "volgt geen keuzes"),
        ("a8", {"scores": [1, 2, 3, 4, 5]}, "meer scores dan aspecten (4)"),
        ("a1", {"tekst": "x", "kijkpunten": [2]}, "kijkpunt dat niet bestaat (de vraag heeft er 2)"),
        ("a1", {"tekst": "x", "rubric": [1]}, "rubric heeft meer scores dan criteria (0)"),
        ("a1", {"keuze": 1}, "klopt niet bij veld"),
        ("zz", {"tekst": "x"}, "geen vraag 'zz'"),
        ("v1", {"tekst": "x"}, "vraagt geen antwoord"),
    ],
)
def test_answers_are_checked_against_the_exercise(qid, antw, fragment):
    with pytest.raises(AntwoordBestandFout) as info:
        controleer_antwoorden(SPEC, {qid: antw})
    assert fragment in str(info.value)


def test_answers_that_fit_pass_unchanged():
    goed = {
        "a1": {"tekst": "x", "kijkpunten": [1, 0]},
        "a2": {"volgorde": ["Overleg met het team"], "redenen": {"Overleg met het team": "eerst"}},
        "a4": {"indeling": {"Een vast ritme": "Belemmerend"}, "volgorde": ["Een broer op afstand"],
               "eerste": {"Een vast ritme": "Helpend"}, "gecontroleerd": True},
        "a5": {"keuze": 2, "volgorde": [2, 0, 1], "eerste": 0, "gecontroleerd": True},
        "a7": {"pad": ["k1", "k3", "k4"], "reflectie": ""},
        "a3": {"ronde1": [{"positie": 1, "argument": ""}, {"positie": 5, "argument": "b"}]},
        "a8": {"scores": [1, None, 5, 2]},
    }
    assert controleer_antwoorden(SPEC, goed) == {
        **goed, "a3": {"ronde1": [{"positie": 1, "argument": ""}, {"positie": 5, "argument": "b"}]},
    }
    with pytest.raises(AntwoordBestandFout, match="mapping"):
        controleer_antwoorden(SPEC, [])


def test_rubric_marks_are_checked_and_rendered(tmp_path):
    yml = (FIXTURES / "klas" / "alle_typen.yml").read_text(encoding="utf-8").replace(
        "      - het dagelijkse ritme van Sam\n",
        "      - het dagelijkse ritme van Sam\n    rubric:\n      - criterium: Onderbouwing\n"
        "        niveaus: [zwak, redelijk, sterk]\n      - criterium: Taal\n        niveaus: [slordig, verzorgd]\n", 1)
    (tmp_path / "alle_typen.yml").write_text(yml, encoding="utf-8")
    vraag = load_spec(path=tmp_path / "alle_typen.yml").vragen[0]
    assert answers.past_bij_vraag(vraag, OpenAntwoord(tekst="x", rubric=[3, None])) is None
    assert "niveau 3 bestaat niet (hoogstens 2)" in answers.past_bij_vraag(vraag, OpenAntwoord(tekst="x", rubric=[1, 3]))
    assert "rubric heeft meer scores dan criteria (2)" in answers.past_bij_vraag(vraag, OpenAntwoord(tekst="x", rubric=[1, 1, 1]))
    assert leesbaar(vraag, {"tekst": " Mijn antwoord ", "kijkpunten": [1], "rubric": [3, None]}) == (
        "Mijn antwoord\nKijkpunten die ik noem: het dagelijkse ritme van Sam\nOnderbouwing: sterk (niveau 3)"
    )


@pytest.mark.parametrize(
    "qid, antw, verwacht",
    [
        ("a1", {"tekst": "Weinig contact.", "kijkpunten": [1, 0]},
         "Weinig contact.\nKijkpunten die ik noem: de rol van de buurvrouw; het dagelijkse ritme van Sam"),
        ("a5", {"keuze": 1, "eerste": 0}, "Gekozen: De werker zoekt mensen zelf op.\nEerste keuze: De werker wacht tot iemand zich meldt."),
        ("a5", {"keuze": 1, "eerste": 1}, "Gekozen: De werker zoekt mensen zelf op."),
        ("a5", {}, "Gekozen: (nog niets)"),
        ("a4", {"indeling": {"Een broer op afstand": "Helpend", "Een vast ritme": "Belemmerend"}},
         "Een vast ritme: Belemmerend\nEen broer op afstand: Helpend"),
        ("a2", {"volgorde": ["Overleg met het team", "Bellen met de broer"], "redenen": {"Bellen met de broer": "familie"}},
         "1. Overleg met het team\n2. Bellen met de broer (reden: familie)"),
        ("a3", {"ronde1": [{"positie": 4, "argument": "ja"}, {"positie": None, "argument": ""}],
                "ronde2": [{"positie": 2, "argument": ""}]},
         "Een werker moet altijd eerst zelf contact zoeken.: ronde 1: eens (ja); ronde 2: oneens"),
        ("a6", {"knopen": [{"naam": "broer", "soort": "familie", "sterkte": 3, "kwaliteit": "belastend"}]},
         "broer (familie, sterk, belastend)"),
        ("a7", {"pad": ["k1", "k3", "k4"], "reflectie": " Doorvragen. "},
         "Keuze: Je vraagt eerst wat er aan de hand is.\nKeuze: Je zoekt samen uit wie kan helpen.\n"
         "Einde: Jullie maken samen een plan.\nReflectie: Doorvragen."),
        ("a7", {"pad": ["k1", "k3"], "reflectie": ""}, "Keuze: Je vraagt eerst wat er aan de hand is."),
        ("a8", {"scores": [1, None, 5]}, "Contact maken: nog niet\nVolhouden: heel goed"),
    ],
)
def test_readable_rendering_uses_the_exercise_labels(qid, antw, verwacht):
    assert leesbaar(VRAGEN[qid], antw) == verwacht


# -- the widget: opslaan / laden ----------------------------------------------------------------------

ANTW = {"a1": {"tekst": "hallo 👋 שלום"}, "a5": {"keuze": 1, "eerste": 0}, "a8": {"scores": [1, None, 3, 4]}}


def test_widget_save_and_load(tmp_path):
    w = OefeningWidget(SPEC)
    w.antwoorden = ANTW
    pad = w.opslaan(tmp_path / "antwoorden.json", naam="Sam", studentnummer="123")
    bestand = lees_antwoorden(pad)
    assert (bestand.hoofdstuk, bestand.naam, bestand.studentnummer) == (1, "Sam", "123")
    assert answers.als_tijd(bestand.tijdstip) is not None and bestand.tijdstip.startswith(bestand.datum)
    oef = bestand.oefeningen["alle_typen"]
    assert oef.vragen["a1"] == "Wat valt je op aan de situatie van Sam?"
    assert oef.leesbaar == {"a1": "hallo 👋 שלום", "a5": "Gekozen: De werker zoekt mensen zelf op.\n"
                            "Eerste keuze: De werker wacht tot iemand zich meldt.", "a8":
                            "Contact maken: nog niet\nVolhouden: redelijk\nSamenwerken: goed"}
    w2 = OefeningWidget(SPEC)
    assert w2.laden(pad) == ANTW
    assert w2.antwoorden == ANTW
    # the name stays when saving again without one; a wrong answer is refused, the file kept
    w2.opslaan(pad)
    assert lees_antwoorden(pad).naam == "Sam"
    voor = pad.read_bytes()
    w2.antwoorden = {"zz": {"tekst": "x"}}
    with pytest.raises(AntwoordBestandFout, match="geen vraag 'zz'"):
        w2.opslaan(pad)
    assert pad.read_bytes() == voor
    pad.write_text(pad.read_text(encoding="utf-8").replace('"hoofdstuk": 1', '"hoofdstuk": 2'), encoding="utf-8")
    with pytest.raises(AntwoordBestandFout, match="hoort bij hoofdstuk 2"):
        w2.laden(pad)


def test_save_keeps_other_exercises_of_the_chapter(tmp_path):
    pad = tmp_path / "h1.json"
    data = json.loads((FIXTURES / "answers" / "voorbeeld_h1.json").read_text(encoding="utf-8"))
    data["oefeningen"]["andere"] = {"titel": "Andere", "antwoorden": {"q": {"tekst": "blijft"}}}
    pad.write_text(json.dumps(data), encoding="utf-8")
    w = OefeningWidget(SPEC)
    w.antwoorden = {"a1": {"tekst": "nieuw"}}
    w.opslaan(pad)
    bestand = lees_antwoorden(pad)
    assert bestand.naam == "Voorbeeld Student"
    assert bestand.oefeningen["andere"].antwoorden["q"].tekst == "blijft"
    assert bestand.oefeningen["alle_typen"].antwoorden == {"a1": OpenAntwoord(tekst="nieuw")}


@pytest.mark.parametrize("inhoud, fragment", [
    (None, "bevat de antwoorden van hoofdstuk 3"),
    (b"mijn aantekeningen", "bestaat al en is geen bruikbaar antwoordbestand"),
])
def test_save_never_overwrites_another_chapter_or_another_file(tmp_path, inhoud, fragment):
    pad = tmp_path / "antwoorden.json"
    if inhoud is None:
        data = json.loads((FIXTURES / "answers" / "voorbeeld_h1.json").read_text(encoding="utf-8"))
        data["hoofdstuk"] = 3
        inhoud = json.dumps(data).encode()
    pad.write_bytes(inhoud)
    w = OefeningWidget(SPEC)
    w.antwoorden = {"a1": {"tekst": "x"}}
    with pytest.raises(AntwoordBestandFout) as info:
        w.opslaan(pad, naam="Sam")
    assert fragment in str(info.value) and "blijft zoals het is" in str(info.value)
    assert pad.read_bytes() == inhoud
    assert [p.name for p in tmp_path.iterdir()] == ["antwoorden.json"]


def test_save_needs_a_name_and_names_the_file_like_the_browser(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    w = OefeningWidget(SPEC)
    w.antwoorden = {"a1": {"tekst": "\ud800 los"}}
    with pytest.raises(AntwoordBestandFout, match="Vul je naam of je studentnummer in"):
        w.opslaan(tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()
    pad = w.opslaan(naam="Zoë  de Vries")
    assert re.fullmatch(r"lsp-h1-zoe-de-vries-\d{4}-\d\d-\d\d\.json", pad.name)
    assert lees_antwoorden(pad).oefeningen["alle_typen"].antwoorden["a1"].tekst == "\ud800 los"
    assert w.opslaan(studentnummer="12 34").name.startswith("lsp-h1-12-34-")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []   # no temp files left


def test_save_with_a_text_at_the_limit_and_a_too_long_name(tmp_path):
    w = OefeningWidget(SPEC)
    w.antwoorden = {"a1": {"tekst": "a" * MAX_TEKST, "kijkpunten": [0, 1]}}
    pad = w.opslaan(tmp_path / "vol.json", naam="Sam")
    oef = lees_antwoorden(pad).oefeningen["alle_typen"]
    assert oef.antwoorden["a1"].tekst == "a" * MAX_TEKST and len(oef.leesbaar["a1"]) > MAX_TEKST
    with pytest.raises(AntwoordBestandFout) as info:
        w.opslaan(tmp_path / "naam.json", naam="x" * 201)
    assert "veld naam: verwacht hoogstens 200 tekens; gevonden een tekst van 201 tekens" in str(info.value)
    assert not ENGELS.search(str(info.value)) and not (tmp_path / "naam.json").exists()


@pytest.mark.parametrize(
    "raw, bericht",
    [
        (_met('{"tekst": 1}'), "veld oefeningen.x.antwoorden.a.tekst: verwacht tekst; gevonden 1"),
        (_met('{"ronde1": [{"positie": "3"}]}'),
         "veld oefeningen.x.antwoorden.a.ronde1[0].positie: verwacht een geheel getal; gevonden een tekst van 1 tekens"),
        (_met('{"ronde1": [{"positie": true}]}'), "ronde1[0].positie: verwacht een geheel getal; gevonden true"),
        (_met('{"ronde1": [{"positie": false}]}'), "ronde1[0].positie: verwacht een geheel getal; gevonden false"),
        (_met('{"ronde1": [{"positie": 10000000000000}]}'), "verwacht een getal van hoogstens 5; gevonden een heel groot getal"),
        (_met('{"ronde1": [{"positie": -999999999999}]}'), "verwacht een getal van minstens 1; gevonden -999999999999"),
        (_met('{"ronde1": [{"positie": 1e999}]}'), "verwacht een geheel getal; gevonden een ongeldig getal"),
        (_met('{"volgorde": "x"}'), "veld oefeningen.x.antwoorden.a.volgorde: verwacht een lijst; gevonden een tekst van 1 tekens"),
        (_met('{"indeling": []}'), "indeling: verwacht een object met velden; gevonden een lijst met 0 element(en)"),
        (_met('{"tekst": {}}'), "tekst: verwacht tekst; gevonden een object met velden"),
        (_met('{"tekst": [' + ",".join(["0"] * 1234) + "]}"), "tekst: verwacht tekst; gevonden een lijst met 1.234 element(en)"),
        (_met('{"tekst": null}'), "tekst: verwacht tekst; gevonden niets (null)"),
        (KOP + ', "oefeningen": {"x": []}}', "veld oefeningen.x: verwacht een object met velden; gevonden een lijst met 0 element(en)"),
        (_met('{"knopen": [{"naam": "n", "soort": "s", "sterkte": 1, "kwaliteit": "boos"}]}'),
         "knopen[0].kwaliteit: verwacht een van 'steunend', 'neutraal', 'belastend'; gevonden een tekst van 4 tekens"),
        (_met('{"knopen": [{"naam": "", "soort": "s", "sterkte": 1, "kwaliteit": "neutraal"}]}'),
         "knopen[0].naam: verwacht minstens 1 teken(s); gevonden een tekst van 0 tekens"),
        (_met('{"keuze": -1}'), "veld oefeningen.x.antwoorden.a.keuze: verwacht een getal van minstens 0; gevonden -1"),
        (_met('{"keuze": 0, "volgorde": [0]}'), "volgorde: verwacht minstens 2 element(en); gevonden een lijst met 1 element(en)"),
        (KOP + ', "naam": "' + "x" * 201 + '"}', "veld naam: verwacht hoogstens 200 tekens; gevonden een tekst van 201 tekens"),
        ('{"formaat": "lsp-antwoorden", "versie": 1}', "veld hoofdstuk: verplicht veld ontbreekt (en nog 1 fout(en))."),
        (KOP + ', "oefeningen": {"x": {"titel": "t", "antwoorden": {"open": {"tekst": 1}}}}}',
         "veld oefeningen.x.antwoorden.open.tekst: verwacht tekst; gevonden 1."),
        (KOP + ', "oefeningen": {"x": {"titel": "t", "antwoorden": {"open": {"q": 1}}}}}',
         "veld oefeningen.x.antwoorden.open: dit antwoord past bij geen enkel soort vraag."),
        (KOP + ', "hoofdstuk": 7}', "veld hoofdstuk: verwacht een getal van hoogstens 6; gevonden 7."),
        ('{"formaat": "lsp-antwoorden", "versie": true}', "heeft versie true; dit boek leest versie 1"),
        ("[]", "geen antwoordbestand van dit boek"),
        (b"\xff\xfe{}", "is geen UTF-8-tekst"),
    ],
)
def test_every_error_kind_has_its_dutch_message(raw, bericht):
    with pytest.raises(AntwoordBestandFout) as info:
        parse_antwoorden(raw, bron="f.json")
    assert bericht in str(info.value)
    assert str(info.value).startswith("f.json ")
    assert not ENGELS.search(str(info.value)), str(info.value)


def test_message_helpers_for_values_nothing_else_produces():
    assert answers._toon(float("nan")) == answers._toon(float("-inf")) == "een ongeldig getal"
    assert answers._toon(2.5) == "het kommagetal 2.5" and answers._toon(object()) == "een onbekende waarde"
    assert answers._toon(10**12 - 1) == "999999999999" and answers._toon(-(10**12)) == "een heel groot getal"
    assert answers._verwacht({"type": "iets_nieuws"}) == "een andere waarde"
    assert answers.fout_tekst({"type": "missing", "loc": ()}) == "verplicht veld ontbreekt"
    assert answers.fout_tekst({"type": "value_error", "loc": ("a", 0, "Sam is dom"), "msg": "Value error, x"}) == "veld a[0].(…): x"


def test_lees_antwoorden_reports_missing_and_unreadable_files(tmp_path):
    with pytest.raises(AntwoordBestandFout, match="bestaat niet"):
        lees_antwoorden(tmp_path / "weg.json")
    with pytest.raises(AntwoordBestandFout, match="kan niet gelezen worden"):
        lees_antwoorden(tmp_path)
    with pytest.raises(AntwoordBestandFout) as info:
        controleer_antwoorden(SPEC, {"a5": {"keuze": "1"}})
    assert str(info.value) == ("Het antwoord op vraag 'a5' (meerkeuze) klopt niet bij veld keuze: verwacht een geheel "
                               "getal; gevonden een tekst van 1 tekens.")
    assert str(_fout(SPEC, {"a5": {"keuze": 9}})) == (
        "Het antwoord op vraag 'a5' (meerkeuze) past niet bij de oefening: keuze 9 bestaat niet: de vraag heeft 3 "
        "opties (0 tot en met 2).")
    assert str(_fout(SPEC, [])) == "De antwoorden moeten een mapping zijn van vraag-id naar antwoord."


def _fout(spec, antw) -> AntwoordBestandFout:
    with pytest.raises(AntwoordBestandFout) as info:
        controleer_antwoorden(spec, antw)
    return info.value


def test_file_text_is_readable_utf8_and_times_compare_across_zones():
    model = AntwoordBestand(hoofdstuk=1, datum="2026-03-01", naam="Zoë שלום 😀")
    tekst = model.to_json()
    assert '\n  "naam": "Zoë שלום 😀",\n' in tekst and "tijdstip" not in tekst
    assert answers.als_tijd("2026-03-01T10:00:00Z") == answers.als_tijd("2026-03-01T11:00:00+01:00")
    assert answers.als_tijd("2026-03-01T10:00:00") < answers.als_tijd("2026-03-01T10:30:00+00:00")
    assert answers.als_tijd("20260301") == answers.als_tijd("2026-03-01")
    assert answers.als_tijd("2026-03-01" + " " * 60) is None and answers.als_tijd(20260301) is None
    assert answers.als_tijd("gisteren") is None


def test_digit_limit_is_exact():
    assert parse_antwoorden(_met('{"keuze": ' + "1" * 30 + "}")).oefeningen["x"].antwoorden["a"].keuze == int("1" * 30)
    for raw, gevonden in (
        (_met('{"keuze": -' + "1" * 30 + "}"), "verwacht een getal van minstens 0; gevonden een heel groot getal"),
        (_met('{"keuze": ' + "1" * 31 + "}"), "verwacht een geheel getal; gevonden een getal van 31 cijfers"),
        (_met('{"keuze": -' + "1" * 31 + "}"), "verwacht een geheel getal; gevonden een getal van 31 cijfers"),
    ):
        with pytest.raises(AntwoordBestandFout) as info:
            parse_antwoorden(raw)
        assert gevonden in str(info.value)


def test_answers_fit_or_not_with_exact_reasons():
    """past_bij_vraag at its edges: a list answer only where more options are right, every item or
    reason may be named (all of them too), and the Dutch reason names what is wrong."""
    from book.answers import past_bij_vraag

    meer = VRAGEN["a5"].model_copy(update={"meerdere_juist": True})
    assert past_bij_vraag(meer, MeerkeuzeAntwoord(keuze=[0, 1])) is None
    assert past_bij_vraag(VRAGEN["a5"], MeerkeuzeAntwoord(keuze=[0, 1])) == (
        "keuze is een lijst, maar bij deze vraag kies je één optie")
    items = [i.tekst for i in VRAGEN["a4"].items]
    assert past_bij_vraag(VRAGEN["a4"], SorterenAntwoord(indeling={}, volgorde=items)) is None
    assert past_bij_vraag(VRAGEN["a4"], SorterenAntwoord(indeling={}, volgorde=items + ["x"])) == (
        "volgorde noemt een item dat niet in de oefening staat")
    stappen = list(VRAGEN["a2"].items)
    assert past_bij_vraag(VRAGEN["a2"], RangschikkingAntwoord(volgorde=stappen, redenen={k: "x" for k in stappen})) is None
    assert past_bij_vraag(VRAGEN["a2"], RangschikkingAntwoord(volgorde=stappen[:1] * 2, redenen={})) == (
        "volgorde noemt een item twee keer")
    assert past_bij_vraag(VRAGEN["a7"], DilemmaAntwoord(pad=["k3", "k4"], reflectie="")) == (
        "het pad begint niet bij de start van het dilemma")


def test_readable_rendering_of_more_options_strengths_and_a_missing_position():
    meer = VRAGEN["a5"].model_copy(update={"meerdere_juist": True})
    assert leesbaar(meer, {"keuze": [2, 0]}) == (
        "Gekozen: De werker wacht tot iemand zich meldt.; De werker verwijst meteen door.")
    assert leesbaar(VRAGEN["a6"], {"knopen": [
        {"naam": "buur", "soort": "buren", "sterkte": 1, "kwaliteit": "neutraal"},
        {"naam": "zus", "soort": "familie", "sterkte": 2, "kwaliteit": "steunend"}]}) == (
        "buur (buren, zwak, neutraal)\nzus (familie, gemiddeld, steunend)")
    assert leesbaar(VRAGEN["a3"], {"ronde1": [{"positie": None, "argument": "twijfel"}]}) == (
        "Een werker moet altijd eerst zelf contact zoeken.: ronde 1: geen positie (twijfel)")


def test_messages_name_the_file_or_say_het_bestand(tmp_path):
    pad = tmp_path / "kapot.json"
    pad.write_text("{", encoding="utf-8")
    with pytest.raises(AntwoordBestandFout) as info:
        lees_antwoorden(pad)
    assert str(info.value) == f"{pad} is geen geldig JSON-bestand (fout op regel 1, kolom 2)."
    with pytest.raises(AntwoordBestandFout) as info:
        parse_antwoorden("{")
    assert str(info.value) == "het bestand is geen geldig JSON-bestand (fout op regel 1, kolom 2)."
    with pytest.raises(AntwoordBestandFout) as info:
        parse_antwoorden("[" * 100_000 + "]" * 100_000)
    assert str(info.value) == "het bestand is te diep genest."


def test_a_first_attempt_or_a_check_alone_is_a_multiple_choice_answer():
    assert answers.antwoord_soort({"eerste": 1}) == answers.antwoord_soort({"gecontroleerd": True}) == "meerkeuze"


@pytest.mark.parametrize("antwoord, veld", [
    ({"eerste": "x"}, "a5.eerste"), ({"keuze": "x"}, "a5.keuze"), ({"keuze": [0, "x"]}, "a5.keuze[1]"),
])
def test_a_wrong_choice_is_named_by_its_field_only(antwoord, veld):
    """keuze and eerste are a number or a list of numbers; the message names the field, not the variant."""
    data = {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "naam": "A", "studentnummer": "s1",
            "datum": "2026-11-01", "oefeningen": {"alle_typen": {"titel": "T", "antwoorden": {"a5": antwoord}}}}
    with pytest.raises(AntwoordBestandFout) as info:
        parse_antwoorden(json.dumps(data))
    assert str(info.value) == (f"het bestand klopt niet bij veld oefeningen.alle_typen.antwoorden.{veld}: "
                               "verwacht een geheel getal; gevonden een tekst van 1 tekens.")
