"""Exercise specs: every real spec validates; malformed specs give a clear Dutch error."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from book.exercises import ExerciseSpecError, inleveren, oefening
from book.exercises.spec import all_spec_paths, load_spec, student_dict
from book.exercises.widget import OefeningWidget, json_for_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "exercises"
ALLE = FIXTURES / "alle_typen.yml"
BASE = yaml.safe_load(ALLE.read_text(encoding="utf-8"))


def test_fixture_with_every_type_validates():
    spec = load_spec(path=ALLE)
    types = {q.type for q in spec.vragen}
    assert types == {"open", "rangschikking", "stelling", "sorteren", "meerkeuze", "netwerk",
                     "dilemma", "zelfbeoordeling", "informatie"}


REAL_SPECS = all_spec_paths()


@pytest.mark.parametrize("path", REAL_SPECS, ids=[p.stem for p in REAL_SPECS])
def test_real_spec_validates(path):
    spec = load_spec(path=path)
    assert spec.id == path.stem


def test_real_specs_exist():
    assert REAL_SPECS, "exercises/ bevat nog geen oefeningen"


def _write(tmp_path: Path, data, name: str = "alle_typen") -> Path:
    path = tmp_path / f"{name}.yml"
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def _mutate(fn):
    data = copy.deepcopy(BASE)
    fn(data)
    return data


def _q(data, qid):
    return next(q for q in data["vragen"] if q["id"] == qid)


def _set(path, value):
    def fn(data):
        node = data
        for p in path[:-1]:
            node = _q(node, p) if isinstance(p, str) and p.startswith(("a", "v")) and "vragen" in node else node[p]
        node[path[-1]] = value
    return fn


BAD = {
    # name: (mutation or raw text, expected fragments of the Dutch message)
    "geen_mapping": ("- a\n- b\n", ["verwacht een mapping", "een lijst"]),
    "syntax": ("versie: 1\ntitel: [open\n", ["YAML-fout op regel", "Controleer inspringing"]),
    "dubbele_sleutel": ("versie: 1\nid: x\nid: x\n", ["staat twee keer"]),
    "versie": (_set(["versie"], 2), ["veld versie", "verwacht 1", "het getal 2"]),
    "titel_getal": (_set(["titel"], 123), ["veld titel", "verwacht tekst", "het getal 123"]),
    "hoofdstuk_te_groot": (_set(["hoofdstuk"], 9), ["veld hoofdstuk", "<= 6"]),
    "onbekend_veld": (_set(["titl"], "x"), ["veld titl", "onbekend"]),
    "titel_ontbreekt": (lambda d: d.pop("titel"), ["veld titel", "verplicht veld ontbreekt"]),
    "geen_vragen": (_set(["vragen"], []), ["veld vragen", "minstens 1"]),
    "onbekend_type": (lambda d: _q(d, "a1").update(type="essay"), ["vragen[0].type", "'essay'", "rangschikking"]),
    "type_ontbreekt": (lambda d: _q(d, "a1").pop("type"), ["vragen[0]", "veld 'type'"]),
    "dubbele_vraag_id": (lambda d: _q(d, "a2").update(id="a1"), ["vragen[1].id", "'a1'", "uniek"]),
    "dilemma_naar": (lambda d: _q(d, "a7")["knopen"]["k1"]["keuzes"][0].update(naar="k9"),
                     ["knopen.k1.keuzes[0].naar", "'k9'", "bestaande knoop"]),
    "dilemma_start": (lambda d: _q(d, "a7").update(start="k9"), ["vragen[7].start (de 8e vraag, id 'a7'): ", "'k9'"]),
    "dilemma_geen_einde": (lambda d: _q(d, "a7").update(knopen={
        "k1": {"tekst": "a", "keuzes": [{"tekst": "x", "naar": "k2"}]},
        "k2": {"tekst": "b", "keuzes": [{"tekst": "y", "naar": "k1"}]}}), ["eindknoop"]),
    "categorie": (lambda d: _q(d, "a4")["items"][0].update(categorie="Neutraal"),
                  ["vragen[3].items[0].categorie", "'Neutraal'", "'Helpend'"]),
    "geen_juist": (lambda d: [o.update(juist=False) for o in _q(d, "a5")["opties"]],
                   ["vragen[4].opties", "juist: true"]),
    "juist_tekst": (lambda d: _q(d, "a5")["opties"][0].update(juist="misschien"),
                    ["vragen[4].opties[0].juist", "true of false", "'misschien'"]),
    "rangschikking_een": (lambda d: _q(d, "a2").update(items=["alleen"]), ["vragen[1].items", "minstens 2"]),
    "sterkte": (lambda d: _q(d, "a6")["startknopen"][0].update(sterkte=5),
                ["vragen[5].startknopen[0].sterkte", "een van 1, 2, 3", "het getal 5"]),
    "kwaliteit": (lambda d: _q(d, "a6")["startknopen"][0].update(kwaliteit="goed"),
                  ["startknopen[0].kwaliteit", "'steunend'"]),
    "soort": (lambda d: _q(d, "a6")["startknopen"][0].update(soort="collega"), ["startknopen[0].soort", "'collega'"]),
    "aspecten": (lambda d: _q(d, "a8").update(aspecten=["a", "b"]), ["vragen[8].aspecten", "minstens 3"]),
    "werkvorm": (_set(["werkvorm"], ["alleen", "solo"]), ["veld werkvorm[1]", "'klassengesprek'"]),
    "docent_per_vraag": (lambda d: d["docent"]["per_vraag"].update(z9="x"), ["docent.per_vraag.z9", "'z9'"]),
    "lege_tekst": (lambda d: _q(d, "a1").update(vraag=""), ["vragen[0].vraag", "niet-lege tekst"]),
    "id_patroon": (lambda d: _q(d, "a1").update(id="Vraag 1"), ["vragen[0].id", "kleine letters"]),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_spec_gives_dutch_error(tmp_path, name):
    mutation, fragments = BAD[name]
    data = mutation if isinstance(mutation, str) else _mutate(mutation)
    path = _write(tmp_path, data)
    with pytest.raises(ExerciseSpecError) as info:
        load_spec(path=path)
    msg = str(info.value)
    assert msg.startswith("Fout in oefening"), msg
    assert "alle_typen.yml" in msg
    for fragment in fragments:
        assert fragment in msg, (fragment, msg)
    assert "Traceback" not in msg and "pydantic" not in msg.lower() and "https://" not in msg


def test_id_must_match_file_name(tmp_path):
    path = _write(tmp_path, BASE, name="andere_naam")
    with pytest.raises(ExerciseSpecError, match=r"veld id: verwacht 'andere_naam' \(gelijk aan de bestandsnaam\)"):
        load_spec(path=path)


def test_huge_file_refused(tmp_path):
    data = copy.deepcopy(BASE)
    data["casus"] = "x" * 1_100_000
    path = _write(tmp_path, data)
    with pytest.raises(ExerciseSpecError, match="het bestand is te groot"):
        load_spec(path=path)


def test_alias_bomb_refused(tmp_path):
    lines = ["a0: &a0 [" + ",".join(["x" * 50] * 10) + "]"]
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    path = _write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(ExerciseSpecError, match="te groot"):
        load_spec(path=path)


def test_missing_file_and_bad_name():
    with pytest.raises(ExerciseSpecError, match="Oefening niet gevonden"):
        oefening("bestaat_niet_xyz")
    with pytest.raises(ExerciseSpecError, match="Ongeldige naam"):
        oefening("../etc/passwd")


def test_fixture_files_in_bad_folder():
    for path in sorted((FIXTURES / "bad").glob("*.yml")):
        with pytest.raises(ExerciseSpecError) as info:
            load_spec(path=path)
        assert str(info.value).startswith("Fout in oefening")


def test_many_errors_are_listed_together(tmp_path):
    data = _mutate(lambda d: (d.update(titel=1, hoofdstuk="een"), d.pop("versie")))
    msg = str(pytest.raises(ExerciseSpecError, load_spec, path=_write(tmp_path, data)).value)
    assert "3 fouten" in msg and "veld titel" in msg and "veld hoofdstuk" in msg and "veld versie" in msg


def test_student_edition_has_no_teacher_text(monkeypatch):
    monkeypatch.delenv("LSP_EDITIE", raising=False)
    spec = load_spec(path=ALLE)
    html = OefeningWidget(spec)._repr_mimebundle_()[0]["text/html"]
    assert "docent" not in student_dict(spec)
    assert "Laat studenten eerst alleen werken" not in html
    assert "buurvrouw noemen" not in html
    monkeypatch.setenv("LSP_EDITIE", "docent")
    html = OefeningWidget(spec)._repr_mimebundle_()[0]["text/html"]
    assert "Laat studenten eerst alleen werken" in html


def test_html_representation_cannot_break_out():
    spec = load_spec(path=ALLE)
    data, _ = OefeningWidget(spec)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    html = data["text/html"]
    assert html.startswith('<div class="lsp-oefening" id="oefening-alle_typen" data-oefening="alle_typen">')
    assert html.count("<script") == 1 and html.count("</script>") == 1
    assert "<img" not in html and "&lt;" not in html.split("<noscript>")[0]
    payload = html.split('class="lsp-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(payload)["spec"]["casus"] == spec.casus
    assert "<noscript>" in html and "JavaScript nodig" in html
    assert json_for_html({"x": "</script>&\u2028"}) == '{"x":"\\u003c/script\\u003e\\u0026\\u2028"}'


def test_inleveren_collects_chapter_specs():
    blok = inleveren(1, directory=FIXTURES)
    assert [o["id"] for o in blok.oefeningen] == ["alle_typen"]
    assert all("docent" not in o for o in blok.oefeningen)
    html = blok._repr_mimebundle_()[0]["text/html"]
    assert html.startswith('<div class="lsp-inleveren" data-hoofdstuk="1">')
    assert inleveren(2, directory=FIXTURES).oefeningen == []
    with pytest.raises(ExerciseSpecError, match="hoofdstuknummer"):
        inleveren(7)


def test_number_placeholders_come_from_data(tmp_path):
    """{getal:<id>} in any text becomes the formatted number of that row in data/."""
    from book.data import format_number, value

    spec = load_spec("h1_abiba")
    assert format_number(value("h1_abiba_leeftijd")) in spec.casus
    assert "{getal:" not in spec.model_dump_json()
    bad = tmp_path / "getal_fout.yml"
    bad.write_text(
        "versie: 1\nid: getal_fout\ntitel: T\nhoofdstuk: 1\n"
        "vragen:\n  - id: a\n    type: open\n    vraag: Hoe oud is {getal:h1_bestaat_niet}?\n",
        encoding="utf-8",
    )
    with pytest.raises(ExerciseSpecError, match=r"getal_fout\.yml.*\{getal:h1_bestaat_niet\}.*bestaat niet"):
        load_spec(path=bad)
