"""The answer model and the class view for the learning features: several right options
(meerdere_juist), the first checked attempt, and self-assessment with kijkpunten and a rubric.
Fixture: tests/fixtures/frontend/leren.yml (the same file the browser tests use)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from book import klas
from book.answers import AntwoordBestandFout, MeerkeuzeAntwoord, controleer_antwoorden, leesbaar
from book.exercises.spec import load_spec

SPEC_PATH = Path(__file__).parent / "fixtures" / "frontend" / "leren.yml"


@pytest.fixture(scope="module")
def spec():
    return load_spec(path=SPEC_PATH)


def test_several_choices_only_where_the_question_allows_them(spec):
    ok = controleer_antwoorden(spec, {"m2": {"keuze": [0, 2], "eerste": [2], "volgorde": [3, 1, 0, 2], "gecontroleerd": True}})
    assert ok["m2"]["keuze"] == [0, 2]
    with pytest.raises(AntwoordBestandFout, match="bij deze vraag kies je één optie"):
        controleer_antwoorden(spec, {"m1": {"keuze": [0]}})
    with pytest.raises(AntwoordBestandFout, match="keuze 9 bestaat niet"):
        controleer_antwoorden(spec, {"m2": {"keuze": [0, 9]}})
    with pytest.raises(AntwoordBestandFout, match="elke waarde mag maar één keer voorkomen"):
        controleer_antwoorden(spec, {"m2": {"keuze": [1, 1]}})
    assert MeerkeuzeAntwoord.model_validate({"keuze": 2}).keuze == 2
    m2 = spec.vragen[1]
    assert leesbaar(m2, {"keuze": [0, 1], "eerste": [0, 2]}) == (
        "Gekozen: Vaak op dezelfde plek te zien zijn.; Afspraken nakomen, ook kleine.\n"
        "Eerste keuze: Vaak op dezelfde plek te zien zijn.; Meteen een plan voor de bewoner maken.")


def _klas(tmp_path: Path, antwoorden: list[dict]) -> klas.Klas:
    specs = tmp_path / "oefeningen"
    specs.mkdir()
    shutil.copy(SPEC_PATH, specs / "leren.yml")
    folder = tmp_path / "ingeleverd"
    folder.mkdir()
    for i, a in enumerate(antwoorden):
        data = {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "naam": f"Student {i}",
                "studentnummer": f"s{i}", "datum": "2026-12-02",
                "oefeningen": {"leren": {"titel": "t", "antwoorden": a}}}
        (folder / f"student_{i}.json").write_text(json.dumps(data), encoding="utf-8")
    return klas.lees_map(folder, 1, oefeningen_map=specs)


def test_class_view_counts_several_choices_as_right_only_when_exact(tmp_path):
    k = _klas(tmp_path, [
        {"m2": {"keuze": [0, 1], "eerste": [0, 2], "gecontroleerd": True}},
        {"m2": {"keuze": [0, 1], "eerste": [0, 1], "gecontroleerd": True}},
        {"m2": {"keuze": [0]}},
    ])
    vo = next(v for v in klas.overzicht(k)[0].vragen if v.type == "meerkeuze" and v.nummer == 2)
    assert vo.samenvatting == [
        "Meer dan één optie is juist (2); goed = precies de juiste opties gekozen.",
        "Goed bij de eerste poging: 1 van 2 (50%).",
        "Uiteindelijk goed: 2 van 3 (67%).",
    ]
    rijen = {r[0]: [str(c) for c in r[2:]] for r in vo.tabellen[0].rijen}
    assert rijen["Vaak op dezelfde plek te zien zijn."][1].startswith("3")
    assert rijen["Meteen een plan voor de bewoner maken."][0].startswith("1")


def test_class_view_counts_kijkpunten_and_rubric_levels_of_the_fixture_rubric(tmp_path):
    k = _klas(tmp_path, [
        {"o1": {"tekst": "a", "kijkpunten": [0, 1], "rubric": [3, 1]}},
        {"o1": {"tekst": "b", "kijkpunten": [0], "rubric": [3, None]}},
        {"o1": {"tekst": "c"}},
    ])
    vo = next(v for v in klas.overzicht(k)[0].vragen if v.type == "open")
    kijk = next(t for t in vo.tabellen if t.kolommen[0] == "kijkpunt")
    assert [[r[0], str(r[1])] for r in kijk.rijen][0][0] == "je gaat naar de plek waar bewoners al zijn"
    assert [str(r[1]).split()[0] for r in kijk.rijen] == ["2", "1", "0"]
    rubric = next(t for t in vo.tabellen if t.kolommen[0] == "criterium")
    assert rubric.kolommen == ["criterium", "niveau 1", "niveau 2", "niveau 3"]
    assert [[str(c) for c in r] for r in rubric.rijen] == [["Onderbouwing", "0", "0", "2"], ["Concreet", "1", "0", "0"]]
    tekst = klas.rapport(k)
    assert "Rubric: hoe studenten hun eigen antwoord inschatten" in tekst and "Onderbouwing" in tekst
