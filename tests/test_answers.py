"""The answer file format (book/answers.py): round trips and Dutch errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from book.answers import AntwoordBestand, AntwoordBestandFout, lees_antwoorden, parse_antwoorden
from book.exercises.spec import load_spec
from book.exercises.widget import OefeningWidget

FIXTURES = Path(__file__).parent / "fixtures"

tekst = st.text(max_size=60)                                  # arbitrary unicode, incl. emoji / RTL
schaal = st.one_of(st.none(), st.integers(1, 5))
positie = st.fixed_dictionaries({"positie": schaal, "argument": tekst})
knoop = st.fixed_dictionaries({
    "naam": st.text(min_size=1, max_size=30), "soort": st.text(max_size=20),
    "sterkte": st.sampled_from([1, 2, 3]), "kwaliteit": st.sampled_from(["steunend", "neutraal", "belastend"]),
})
antwoord = st.one_of(
    st.fixed_dictionaries({"tekst": tekst}),
    st.fixed_dictionaries({"volgorde": st.lists(tekst, max_size=5), "redenen": st.dictionaries(tekst, tekst, max_size=4)}),
    st.fixed_dictionaries({"ronde1": st.lists(positie, max_size=4)}, optional={"ronde2": st.lists(positie, max_size=4)}),
    st.fixed_dictionaries({"indeling": st.dictionaries(tekst, tekst, max_size=4)}),
    st.fixed_dictionaries({"keuze": st.one_of(st.none(), st.integers(0, 10))}),
    st.fixed_dictionaries({"knopen": st.lists(knoop, max_size=4)}),
    st.fixed_dictionaries({"pad": st.lists(tekst, max_size=4), "reflectie": tekst}),
    st.fixed_dictionaries({"scores": st.lists(schaal, max_size=6)}),
)
oefening_antw = st.fixed_dictionaries({
    "titel": tekst,
    "vragen": st.dictionaries(tekst, tekst, max_size=3),
    "antwoorden": st.dictionaries(tekst, antwoord, max_size=4),
})
bestand = st.fixed_dictionaries({
    "formaat": st.just("lsp-antwoorden"), "versie": st.just(1), "hoofdstuk": st.integers(0, 6),
    "naam": st.text(max_size=40), "studentnummer": st.text(max_size=20),
    "datum": st.dates().map(lambda d: d.isoformat()),
    "oefeningen": st.dictionaries(st.from_regex(r"[a-z0-9_]{1,12}", fullmatch=True), oefening_antw, max_size=3),
})


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(bestand)
def test_round_trip(data):
    model = AntwoordBestand.model_validate(data)
    again = AntwoordBestand.model_validate_json(model.to_json())
    assert again == model
    assert parse_antwoorden(model.to_json()) == model
    # what the browser writes (plain JSON) reads back as the same data
    assert json.loads(again.to_json()) == json.loads(model.to_json())


@given(antwoord)
def test_each_answer_shape_keeps_its_type(a):
    data = {"hoofdstuk": 1, "datum": "2025-01-01", "oefeningen": {"x": {"titel": "t", "antwoorden": {"q": a}}}}
    model = AntwoordBestand.model_validate(data)
    dumped = json.loads(model.to_json())["oefeningen"]["x"]["antwoorden"]["q"]
    expected = {k: v for k, v in a.items() if v is not None}
    if "ronde1" in a:                       # positions without a choice are left out, read back as None
        expected = json.loads(AntwoordBestand.model_validate(data).to_json())["oefeningen"]["x"]["antwoorden"]["q"]
    assert dumped == expected


@pytest.mark.parametrize(
    "raw, fragment",
    [
        ("{kapot", "geen geldig JSON-bestand"),
        ('{"formaat": "iets anders"}', "geen antwoordbestand van dit boek"),
        ('{"formaat": "lsp-antwoorden", "versie": 2}', "versie 2"),
        ('{"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "datum": "gisteren"}', "ISO 8601"),
        ('{"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "datum": "2025-01-01",'
         ' "oefeningen": {"x": {"titel": "t", "antwoorden": {"a": {"scores": [9]}}}}}', "oefeningen.x.antwoorden.a"),
    ],
)
def test_bad_files_give_dutch_errors(raw, fragment):
    with pytest.raises(AntwoordBestandFout, match=fragment.replace("(", r"\(")):
        parse_antwoorden(raw, bron="test.json")


def test_widget_save_and_load(tmp_path):
    spec = load_spec(path=FIXTURES / "exercises" / "alle_typen.yml")
    w = OefeningWidget(spec)
    w.antwoorden = {"a1": {"tekst": "hallo 👋 שלום"}, "a5": {"keuze": 1}, "a8": {"scores": [1, None, 3, 4]}}
    pad = w.opslaan(tmp_path / "antwoorden.json")
    bestand = lees_antwoorden(pad)
    assert bestand.hoofdstuk == 1
    assert bestand.oefeningen["alle_typen"].vragen["a1"] == "Wat valt je op aan de situatie van Sam?"
    w2 = OefeningWidget(spec)
    assert w2.laden(pad) == w.antwoorden
    assert w2.antwoorden == w.antwoorden
    w2.antwoorden = {"zz": {"tekst": "x"}}
    with pytest.raises(AntwoordBestandFout, match="geen vraag 'zz'"):
        w2.opslaan(tmp_path / "ander.json")
    pad.write_text(pad.read_text(encoding="utf-8").replace('"hoofdstuk": 1', '"hoofdstuk": 2'), encoding="utf-8")
    with pytest.raises(AntwoordBestandFout, match="hoort bij hoofdstuk 2"):
        w2.laden(pad)


def test_example_file_validates():
    for path in sorted((FIXTURES / "answers").glob("*.json")):
        lees_antwoorden(path)
