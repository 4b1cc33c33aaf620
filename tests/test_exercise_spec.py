"""Exercise specs: every real spec validates; malformed specs give a clear Dutch error."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from book.exercises import ExerciseSpecError, inleveren, oefening
from book.exercises.spec import (
    all_spec_paths,
    all_specs,
    bedoeld_veld,
    fouten,
    load_spec,
    spec_results,
    student_dict,
    vermoedelijk_hoofdstuk,
    vraagnummers,
)
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


def test_real_specs_exist():
    assert len(REAL_SPECS) >= 20, "exercises/ bevat te weinig oefeningen"


@pytest.mark.parametrize("path", REAL_SPECS, ids=[p.stem for p in REAL_SPECS])
def test_real_spec_validates_with_every_placeholder_filled(path):
    spec = load_spec(path=path)
    dumped = spec.model_dump_json()
    assert not re.search(r"\{\s*(getal|vraag)", dumped, re.I), "placeholder left in the text"
    assert vraagnummers(spec) and max(vraagnummers(spec).values()) == len(vraagnummers(spec))
    assert "docent" not in student_dict(spec, "student") and "docent" in student_dict(spec, "docent")


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
    "vragen_getal": (_set(["vragen"], 5),
                     "veld vragen: verwacht een lijst (regels die met '- ' beginnen of [a, b]); gevonden het getal 5"),
    "id_patroon": (lambda d: _q(d, "a1").update(id="Vraag 1"), ["vragen[0].id", "kleine letters"]),
    "alleen_spaties": (lambda d: _q(d, "a1").update(vraag="   \n  "), ["vragen[0].vraag", "met inhoud"]),
    # an end node exists but cannot be reached from the start: a student would loop forever
    "dilemma_einde_onbereikbaar": (lambda d: _q(d, "a7").update(start="s", knopen={
        "s": {"tekst": "a", "keuzes": [{"tekst": "x", "naar": "t"}]},
        "t": {"tekst": "b", "keuzes": [{"tekst": "y", "naar": "s"}]},
        "eind": {"tekst": "c"}}), ["eindknoop", "bereikbaar"]),
    "dilemma_fuik": (lambda d: _q(d, "a7").update(start="s", knopen={
        "s": {"tekst": "a", "keuzes": [{"tekst": "x", "naar": "eind"}, {"tekst": "y", "naar": "t"}]},
        "t": {"tekst": "b", "keuzes": [{"tekst": "z", "naar": "u"}]},
        "u": {"tekst": "c", "keuzes": [{"tekst": "w", "naar": "t"}]},
        "eind": {"tekst": "d"}}), ["lus zonder uitweg", "'t', 'u'"]),
    "dilemma_los": (lambda d: _q(d, "a7")["knopen"].update(los={"tekst": "nergens"}), ["onbereikbare", "'los'"]),
    "twee_juist": (lambda d: _q(d, "a5")["opties"][0].update(juist=True),
                   ["vragen[4].opties", "precies één", "meerdere_juist", "gevonden 2"]),
    "meerdere_juist_maar_een": (lambda d: _q(d, "a5").update(meerdere_juist=True),
                                ["vragen[4].meerdere_juist", "gevonden één"]),
    "rubric_een_niveau": (lambda d: _q(d, "a1").update(rubric=[{"criterium": "Helder", "niveaus": ["ja"]}]),
                          ["vragen[0].rubric[0].niveaus", "minstens 2"]),
    "rubric_dubbel": (lambda d: _q(d, "a1").update(rubric=[{"criterium": "Helder", "niveaus": ["a", "b"]}] * 2),
                      ["vragen[0]", "rubric (criterium)", "'Helder'", "twee keer"]),
    "verzonnen_zonder_casus": (lambda d: (d.pop("casus"), d.update(verzonnen=True)), ["verzonnen", "casus"]),
    "verzonnen_tekst": (lambda d: _q(d, "a1").update(verzonnen="ja"), ["vragen[0].verzonnen", "true of false"]),
    "getal_open": (lambda d: _q(d, "a1").update(vraag="Er waren {getal:h1_abiba_leeftijd jaren"),
                   ["veld vragen[0].vraag", "{getal:<id>}", "'{getal:h1_abiba_leeftijd jaren'"]),
    "getal_spatie": (lambda d: d.update(casus="Er waren { getal:h1_abiba_leeftijd} jaren"), ["veld casus", "'{ getal:"]),
    "getal_hoofdletter": (lambda d: d.update(casus="Er waren {Getal:h1_abiba_leeftijd} jaren"), ["veld casus", "'{Getal:"]),
    "getal_onbekend": (lambda d: d.update(casus="Er waren {getal:bestaat_niet} jaren"),
                       ["veld casus", "'bestaat_niet'", "bestaat niet"]),
    "vraag_onbekend": (lambda d: d["docent"].update(handleiding="Begin bij {vraag:z9}."),
                       ["veld docent.handleiding", "{vraag:z9}", "'a1'"]),
    "vraag_informatie": (lambda d: d["docent"].update(handleiding="Lees {vraag:v1}."), ["{vraag:v1}"]),
    # a misspelled field names the closest known one
    "tweede_rond": (lambda d: _q(d, "a3").update(tweede_rond=_q(d, "a3").pop("tweede_ronde")),
                    ["vragen[2].tweede_rond (de 3e vraag, id 'a3')", "bedoelde je 'tweede_ronde'?"]),
    "kijkpunt": (lambda d: _q(d, "a1").update(kijkpunt=_q(d, "a1").pop("kijkpunten")), ["bedoelde je 'kijkpunten'?"]),
    "geen_suggestie": (_set(["xyzzy"], 1), ["veld xyzzy", "(tikfout?)"]),
    "plaats_patroon": (_set(["plaats"], "Na het kopje!"), ["veld plaats", "label van kleine letters", "'h2-thema2'"]),
    "tab_inspringing": ("versie: 1\nid: alle_typen\nvragen:\n\t- id: a1\n", ["regel 4", "tab-teken"]),
    "dubbele_punt": ("versie: 1\nid: alle_typen\ntitel: Let op: dit\n", ["regel 3", "dubbele punt", "aanhalingstekens"]),
    "python_tag": ("versie: !!python/object/apply:os.system [ls]\n", ["markering met !"]),
    # what was expected and what was found, for each kind of value
    "titel_te_lang": (_set(["titel"], "x" * 50_001), ["veld titel", "hoogstens 50000 tekens"]),
    "duur_nul": (_set(["duur_minuten"], 0), ["veld duur_minuten", "een getal > 0", "het getal 0"]),
    "duur_te_lang": (_set(["duur_minuten"], 601), ["veld duur_minuten", "een getal <= 600"]),
    "hoofdstuk_negatief": (_set(["hoofdstuk"], -1), ["veld hoofdstuk", "een getal >= 0", "het getal -1"]),
    "duur_komma": (_set(["duur_minuten"], 1.5), ["veld duur_minuten", "een geheel getal", "het kommagetal 1.5"]),
    "titel_lijst": (_set(["titel"], ["a", "b"]), ["veld titel", "verwacht tekst", "een lijst met 2 element(en)"]),
    "titel_mapping": (_set(["titel"], {"a": 1}), ["veld titel", "een mapping met de velden 'a'"]),
    "titel_leeg": (_set(["titel"], None), ["veld titel", "niets (leeg)"]),
    "juist_bool": (lambda d: _q(d, "a5")["opties"][0].update(juist=1), ["vragen[4].opties[0].juist", "true of false", "het getal 1"]),
    "werkvorm_lang": (_set(["werkvorm"], ["x" * 80]), ["veld werkvorm[0]", "'" + "x" * 57 + "...'"]),
    "vragen_mapping": (_set(["vragen"], {"a": 1}), ["veld vragen", "een lijst", "een mapping"]),
    "te_veel_vragen": (lambda d: d.update(vragen=[_q(d, "a1")] * 61), ["veld vragen", "hoogstens 60 element(en)"]),
    "docent_lijst": (_set(["docent"], ["x"]), ["veld docent", "een mapping (regels 'veld: waarde')"]),
    "id_te_lang": (lambda d: _q(d, "a1").update(id="a" * 61), ["vragen[0].id", "hoogstens 60 tekens"]),
    "knopen_lijst": (lambda d: _q(d, "a7").update(knopen=["k1"]),
                     ["vragen[7].knopen", "een mapping (regels 'veld: waarde')", "een lijst met 1 element(en)"]),
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


def test_question_placeholders_become_the_number_on_the_page(tmp_path):
    """{vraag:id} in teacher text becomes the number students see; informatie is not counted."""
    def fn(d):
        d["docent"]["handleiding"] = "{Vraag:a1} eerst, dan {vraag:a7} en {vraag:a8}."
        d["docent"]["per_vraag"]["a7"] = "Zie ook {vraag:a6}."
    spec = load_spec(path=_write(tmp_path, _mutate(fn)))
    order = [q.id for q in spec.vragen if q.type != "informatie"]
    assert [q.id for q in spec.vragen].index("v1") < [q.id for q in spec.vragen].index("a7")
    n = {qid: i + 1 for i, qid in enumerate(order)}
    assert spec.docent.handleiding == f"Vraag 1 eerst, dan vraag {n['a7']} en vraag {n['a8']}."
    assert n["a7"] == 7 and n["a8"] == 8  # a7 comes after the unnumbered informatie block v1
    assert spec.docent.per_vraag["a7"] == "Zie ook vraag 6."


def test_new_optional_fields_load(tmp_path):
    def fn(d):
        d["verzonnen"] = True
        _q(d, "a1")["rubric"] = [{"criterium": "Onderbouwing", "niveaus": ["zwak", "voldoende", "sterk"]}]
        _q(d, "a1")["verzonnen"] = True
        _q(d, "a3")["tweede_ronde"]["verzonnen"] = True
        _q(d, "a5")["opties"][0]["juist"] = True
        _q(d, "a5")["meerdere_juist"] = True
        _q(d, "a5")["vaste_volgorde"] = True
        _q(d, "a4")["vaste_volgorde"] = True
        _q(d, "a6")["knoop_woord"] = {"enkelvoud": "actor", "meervoud": "actoren"}
        _q(d, "a7")["knopen"]["k1"]["verzonnen"] = True
        d["docent"]["veiligheid"] = "Bespreek de meldcode."
    spec = load_spec(path=_write(tmp_path, _mutate(fn)))
    data = student_dict(spec, "student")
    assert data["verzonnen"] is True and "docent" not in data
    a1 = next(q for q in data["vragen"] if q["id"] == "a1")
    assert a1["rubric"][0]["niveaus"] == ["zwak", "voldoende", "sterk"] and a1["verzonnen"] is True
    a6 = next(q for q in data["vragen"] if q["id"] == "a6")
    assert a6["knoop_woord"] == {"enkelvoud": "actor", "meervoud": "actoren"}
    assert student_dict(spec, "Docent ")["docent"]["veiligheid"] == "Bespreek de meldcode."
    plain = student_dict(load_spec(path=ALLE), "student")
    a6_default = next(q for q in plain["vragen"] if q["id"] == "a6")
    assert a6_default["knoop_woord"] == {"enkelvoud": "persoon of organisatie", "meervoud": "personen en organisaties"}


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


BAD_FILES = {
    "bad_dubbel": ["bad_dubbel.yml", "regel 3", "'id' staat twee keer"],
    "bad_list": ["bad_list.yml", "verwacht een mapping", "een lijst met 2 element(en)"],
    "bad_syntax": ["bad_syntax.yml", "YAML-fout op regel", "lijst tussen [ ]"],
}


def test_fixture_files_in_bad_folder():
    paths = sorted((FIXTURES / "bad").glob("*.yml"))
    assert [p.stem for p in paths] == sorted(BAD_FILES)
    for path in paths:
        with pytest.raises(ExerciseSpecError) as info:
            load_spec(path=path)
        msg = str(info.value)
        assert msg.startswith("Fout in oefening")
        for fragment in BAD_FILES[path.stem]:
            assert fragment in msg, (fragment, msg)


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


def test_a_tab_inside_a_text_is_a_space(tmp_path):
    text = (FIXTURES / "alle_typen.yml").read_text(encoding="utf-8")
    text = text.replace("vraag: Wat valt je op aan de situatie van Sam?", "vraag: Wat valt je\top aan de situatie van Sam?")
    assert "\t" in text
    spec = load_spec(path=_write(tmp_path, text))
    assert spec.vragen[0].vraag == "Wat valt je op aan de situatie van Sam?"


def test_closest_field_name():
    assert bedoeld_veld("tweede_rond") == "tweede_ronde"
    assert bedoeld_veld("Titl") == "titel"
    assert bedoeld_veld("plaatst") == "plaats"
    assert bedoeld_veld("titel") is None and bedoeld_veld("xyzzy") is None
    # a far-fetched guess is worse than none: 'werkvormen_lijst' is only 67 % like 'werkvorm'
    assert bedoeld_veld("werkvormen_lijst") is None and bedoeld_veld("centrale") is None


def test_long_lists_in_messages_are_cut_after_twelve():
    from book.exercises.spec import _lijst

    assert _lijst([str(i) for i in range(12)]) == ", ".join(repr(str(i)) for i in range(12))
    assert _lijst([str(i) for i in range(13)]) == ", ".join(repr(str(i)) for i in range(12)) + ", ..."


def test_all_specs_sorted_by_chapter_then_id(tmp_path):
    for name, hoofdstuk in (("a_drie", 3), ("b_een", 1), ("c_een", 1)):
        _write(tmp_path, _mutate(lambda d, n=name, h=hoofdstuk: d.update(id=n, hoofdstuk=h)), name=name)
    assert [s.id for s in all_specs(tmp_path)] == ["b_een", "c_een", "a_drie"]


def test_plaats_is_an_optional_label(tmp_path):
    spec = load_spec(path=_write(tmp_path, _mutate(_set(["plaats"], "h2-thema2"))))
    assert spec.plaats == "h2-thema2"
    assert load_spec(path=ALLE).plaats is None


def test_spec_loading_is_cached_on_path_and_mtime(tmp_path):
    path = _write(tmp_path, BASE)
    first = all_specs(tmp_path)
    assert all_specs(tmp_path)[0] is first[0]          # not loaded again
    data = _mutate(_set(["titel"], "Nieuwe titel"))
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert all_specs(tmp_path)[0].titel == "Nieuwe titel"
    path.write_text("versie: [\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 2_000_000_000))
    assert isinstance(spec_results(tmp_path)[path.resolve()], ExerciseSpecError)
    with pytest.raises(ExerciseSpecError, match="YAML-fout"):
        all_specs(tmp_path)
    assert list(fouten(tmp_path)) == [path.resolve()]


def test_a_broken_file_fails_only_its_own_chapter(tmp_path):
    from book.exercises.handin import hoofdstuk_specs

    _write(tmp_path, _mutate(_set(["hoofdstuk"], 2)), name="h2_goed").write_text(
        yaml.safe_dump(_mutate(lambda d: d.update(id="h2_goed", hoofdstuk=2)), allow_unicode=True), encoding="utf-8")
    (tmp_path / "h5_kapot.yml").write_text("versie: 1\nid: h5_kapot\nhoofdstuk: 5\ntitel: [\n", encoding="utf-8")
    (tmp_path / "zonder_hoofdstuk.yml").write_text("- lijst\n", encoding="utf-8")
    assert vermoedelijk_hoofdstuk(tmp_path / "h5_kapot.yml") == 5           # from the file name
    assert vermoedelijk_hoofdstuk(tmp_path / "zonder_hoofdstuk.yml") is None
    (tmp_path / "zonder_hoofdstuk.yml").unlink()
    assert [d["id"] for d in hoofdstuk_specs(2, tmp_path)] == ["h2_goed"]
    with pytest.raises(ExerciseSpecError, match="h5_kapot.yml"):
        hoofdstuk_specs(5, tmp_path)
    bad_value = _mutate(lambda d: d.update(id="h3_waarde", hoofdstuk=4, titel=12))
    (tmp_path / "h3_waarde.yml").write_text(yaml.safe_dump(bad_value, allow_unicode=True), encoding="utf-8")
    assert vermoedelijk_hoofdstuk(tmp_path / "h3_waarde.yml") == 4         # its own hoofdstuk field wins
    with pytest.raises(ExerciseSpecError, match="h3_waarde.yml"):
        hoofdstuk_specs(4, tmp_path)


def _controleer(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "book", "controleer"], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=ROOT, timeout=300)


def test_controleer_passes_on_the_book():
    proc = _controleer({})
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"Alles in orde: (\d+) oefeningen en (\d+) gegevensbestanden gecontroleerd\.\n", proc.stdout)
    assert int(re.search(r"(\d+) oefeningen", proc.stdout).group(1)) == len(REAL_SPECS)


def test_controleer_names_file_and_field_once_per_file(tmp_path):
    _write(tmp_path, _mutate(lambda d: _q(d, "a3").update(tweede_rond=_q(d, "a3").pop("tweede_ronde"))))
    (tmp_path / "h2_plek.yml").write_text(
        yaml.safe_dump(_mutate(lambda d: d.update(id="h2_plek", hoofdstuk=2, plaats="bestaat-niet")), allow_unicode=True),
        encoding="utf-8")
    (tmp_path / "h3_goed.yml").write_text(
        yaml.safe_dump(_mutate(lambda d: d.update(id="h3_goed", hoofdstuk=3)), allow_unicode=True), encoding="utf-8")
    chapters = tmp_path / "hoofdstukken"
    chapters.mkdir()
    (chapters / "02_test.md").write_text("# Hoofdstuk 2\n\n(h2-plek)=\n## Een plek\n", encoding="utf-8")
    (chapters / "03_test.md").write_text('```{code-cell} ipython3\noefening("h3_weg")\n```\n', encoding="utf-8")
    proc = _controleer({"LSP_OEFENINGEN_MAP": str(tmp_path), "LSP_HOOFDSTUKKEN_MAP": str(chapters)})
    assert proc.returncode == 1
    blocks = proc.stderr.strip().split("\n\n")
    assert len(blocks) == 4 and blocks[-1].startswith("3 problemen gevonden (3 oefeningen"), blocks
    assert "alle_typen.yml: veld vragen[2].tweede_rond" in blocks[0] and "bedoelde je 'tweede_ronde'?" in blocks[0]
    assert 'chapters/03_test.md: oefening("h3_weg")' in blocks[1] and "exercises/h3_weg.yml" in blocks[1]
    assert "h2_plek.yml: veld plaats" in blocks[2] and "'bestaat-niet'" in blocks[2] and "02_test.md" in blocks[2]
    assert "'h2-plek'" in blocks[2]
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_controleer_knows_the_glossary(tmp_path):
    from book.controle import begrippen, oefening_problemen

    terms = begrippen()
    assert {"zorgmijder", "double loop leren"} <= terms and len(terms) > 50
    _write(tmp_path, _mutate(_set(["begrippen"], ["zorgmijder", "zorgmijders", "bestaat niet"])))
    n, problems = oefening_problemen(tmp_path, tmp_path)
    assert n == 1 and len(problems) == 1
    assert "alle_typen.yml: veld begrippen[1]" in problems[0] and "bedoelde je 'zorgmijder'?" in problems[0]
    assert "(en nog 1 onbekende term(en))" in problems[0]


def test_more_than_eight_errors_are_counted(tmp_path):
    def fn(d):
        for key in ("titel", "casus"):
            d[key] = 1
        d["werkvorm"] = [1, 2, 3, 4, 5, 6, 7, 8]
    msg = str(pytest.raises(ExerciseSpecError, load_spec, path=_write(tmp_path, _mutate(fn))).value)
    assert msg.startswith("Fout in oefening") and "(10 fouten):" in msg
    assert msg.count("\n  veld ") == 8 and msg.endswith("(en nog 2 fout(en))")


def test_yaml_problems_in_dutch():
    from book.exercises.spec import yaml_probleem

    assert yaml_probleem("expected <block end>, but found '?'") == "onleesbare YAML"
    assert yaml_probleem("") == "onleesbare YAML"
    assert yaml_probleem("het veld 'id' staat twee keer in dezelfde mapping") == "het veld 'id' staat twee keer in dezelfde mapping"
    assert yaml_probleem("found character '\\t' that cannot start any token").startswith("er staat een tab-teken")


# ---------------------------------------------------------------------------------------------
# Whole messages, exactly as an author reads them. Mutation testing (tools/mutants_py.md) showed
# that checking fragments lets a wrong place, a wrong number or garbled wording through.
# ---------------------------------------------------------------------------------------------

TYPES = "open, rangschikking, stelling, sorteren, meerkeuze, netwerk, dilemma, zelfbeoordeling, informatie"
ONBEKEND = "dit veld is onbekend (tikfout?); verwacht alleen de velden uit exercises/README.md"
WERKVORMEN = "'alleen', 'tweetallen', 'groepje', 'klassengesprek'"

EXACT = {
    # name: (mutation of the fixture, the one error line after "Fout in oefening <file>: ")
    "alleen_spaties": (lambda d: _q(d, "a1").update(vraag="  \n "),
                       "veld vragen[0].vraag (de 1e vraag, id 'a1'): verwacht een tekst met inhoud; "
                       "gevonden alleen spaties of witregels"),
    "lege_tekst": (lambda d: _q(d, "a1").update(vraag=""),
                   "veld vragen[0].vraag (de 1e vraag, id 'a1'): verwacht een niet-lege tekst; gevonden de tekst ''"),
    "dubbel_item": (lambda d: _q(d, "a2").update(items=["x", "y", "x"]),
                    "veld vragen[1].items (de 2e vraag, id 'a2'): verwacht dat elke waarde één keer voorkomt; "
                    "gevonden 'x' twee keer (de tweede keer op plaats 3)"),
    "titel_leeg": (_set(["titel"], None), "veld titel: verwacht tekst; gevonden niets (leeg)"),
    "titel_datum": (_set(["titel"], __import__("datetime").date(2026, 12, 2)),
                    "veld titel: verwacht tekst; gevonden een waarde van soort date"),
    # a found text is shown whole up to 60 characters, longer ones cut to 57 and "..."
    "tekst_60": (_set(["werkvorm"], ["x" * 60]),
                 f"veld werkvorm[0]: verwacht een van {WERKVORMEN}; gevonden de tekst '{'x' * 60}'"),
    "tekst_61": (_set(["werkvorm"], ["x" * 61]),
                 f"veld werkvorm[0]: verwacht een van {WERKVORMEN}; gevonden de tekst '{'x' * 57}...'"),
    "hoofdstuk_tekst": (_set(["hoofdstuk"], "een"), "veld hoofdstuk: verwacht een geheel getal; gevonden de tekst 'een'"),
    "hoofdstuk_ja": (_set(["hoofdstuk"], True), "veld hoofdstuk: verwacht een geheel getal; gevonden ja/nee-waarde True"),
    "verzonnen_tekst": (lambda d: _q(d, "a1").update(verzonnen="ja"),
                        "veld vragen[0].verzonnen (de 1e vraag, id 'a1'): verwacht true of false; gevonden de tekst 'ja'"),
    "stellingen_leeg": (lambda d: _q(d, "a3").update(stellingen=None),
                        "veld vragen[2].stellingen (de 3e vraag, id 'a3'): verwacht een lijst (regels die met '- ' "
                        "beginnen of [a, b]); gevonden niets (leeg)"),
    "per_vraag_lijst": (lambda d: d["docent"].update(per_vraag=["a1"]),
                        "veld docent.per_vraag: verwacht een mapping (regels 'veld: waarde'); "
                        "gevonden een lijst met 1 element(en)"),
    "tweede_ronde_tekst": (lambda d: _q(d, "a3").update(tweede_ronde="later"),
                           "veld vragen[2].tweede_ronde (de 3e vraag, id 'a3'): verwacht een mapping "
                           "(regels 'veld: waarde'); gevonden de tekst 'later'"),
    # a question written as a plain line of text (this crashed with an AttributeError, and then
    # gave pydantic's English text)
    "vraag_als_tekst": (_set(["vragen"], ["Wat valt je op?"]),
                        "veld vragen[0]: verwacht een mapping (regels 'veld: waarde'); gevonden de tekst 'Wat valt je op?'"),
    "vragen_getal": (_set(["vragen"], 5),
                     "veld vragen: verwacht een lijst (regels die met '- ' beginnen of [a, b]); gevonden het getal 5"),
    "id_patroon": (lambda d: _q(d, "a1").update(id="Vraag 1"),
                   "veld vragen[0].id (de 1e vraag, id 'Vraag 1'): verwacht alleen kleine letters, cijfers en _; "
                   "gevonden de tekst 'Vraag 1'"),
    "id_ontbreekt": (lambda d: _q(d, "a1").pop("id"), "veld vragen[0].id (de 1e vraag): verplicht veld ontbreekt"),
    "id_getal": (lambda d: _q(d, "a1").update(id=5), "veld vragen[0].id (de 1e vraag): verwacht tekst; gevonden het getal 5"),
    "plaats_patroon": (_set(["plaats"], "Na het kopje!"),
                       "veld plaats: verwacht een label van kleine letters, cijfers, - en _ (zoals 'h2-thema2'); "
                       "gevonden de tekst 'Na het kopje!'"),
    "plaats_te_lang": (_set(["plaats"], "a" * 81),
                       f"veld plaats: verwacht hoogstens 80 tekens; gevonden de tekst '{'a' * 57}...'"),
    "onbekend_type": (lambda d: _q(d, "a1").update(type="essay"),
                      f"veld vragen[0].type (de 1e vraag, id 'a1'): verwacht een type uit: {TYPES}; gevonden 'essay'"),
    "type_ontbreekt": (lambda d: _q(d, "a1").pop("type"),
                       f"veld vragen[0] (de 1e vraag, id 'a1'): verwacht een veld 'type' met een van: {TYPES}; "
                       "gevonden een mapping met de velden 'id', 'vraag', 'toelichting', 'kijkpunten'"),
    "verzonnen_zonder_casus": (lambda d: (d.pop("casus"), d.update(verzonnen=True)),
                               "veld verzonnen: verwacht een casus als de oefening verzonnen heet; gevonden geen casus"),
    # field names that are also question types are still named (only the type tag pydantic puts
    # after a question's index is left out of the path)
    "veld_informatie": (_set(["informatie"], "x"), f"veld informatie: {ONBEKEND}"),
    "vraag_veld_informatie": (lambda d: _q(d, "a1").update(informatie="x"),
                              f"veld vragen[0].informatie (de 1e vraag, id 'a1'): {ONBEKEND}"),
    "docent_stelling": (lambda d: d["docent"].update(stelling="x"),
                        "veld docent.stelling: dit veld is onbekend (bedoelde je 'stellingen'?); "
                        "verwacht alleen de velden uit exercises/README.md"),
    "item_type": (lambda d: _q(d, "a4")["items"][0].update(type="Helpend"),
                  f"veld vragen[3].items[0].type (de 4e vraag, id 'a4'): {ONBEKEND}"),
}


def _error(tmp_path: Path, data) -> tuple[Path, str]:
    path = _write(tmp_path, data)
    with pytest.raises(ExerciseSpecError) as info:
        load_spec(path=path)
    return path, str(info.value)


@pytest.mark.parametrize("name", list(EXACT))
def test_error_message_is_exactly_one_dutch_line(tmp_path, name):
    mutation, line = EXACT[name]
    path, msg = _error(tmp_path, _mutate(mutation))
    assert msg == f"Fout in oefening {path}: {line}"


def test_numbered_dilemma_nodes_name_every_error_inside(tmp_path):
    """Node ids written as numbers (5:) are refused, and errors inside such a node keep their place."""
    def fn(d):
        _q(d, "a7").update(start="k2", knopen={5: {"tekst": "a", "keuzes": [{"tekst": 5, "naar": "k2"}]},
                                               "k2": {"tekst": "b"}})
    path, msg = _error(tmp_path, _mutate(fn))
    assert msg == (f"Fout in oefening {path} (2 fouten):\n"
                   "  veld vragen[7].knopen[5].[key] (de 8e vraag, id 'a7'): verwacht tekst; gevonden het getal 5\n"
                   "  veld vragen[7].knopen[5].keuzes[0].tekst (de 8e vraag, id 'a7'): verwacht tekst; gevonden het getal 5")


@pytest.mark.parametrize("n", [1, 2, 8, 9])
def test_errors_one_per_line_at_most_eight(tmp_path, n):
    path, msg = _error(tmp_path, _mutate(_set(["werkvorm"], list(range(1, n + 1)))))
    lines = [f"veld werkvorm[{i}]: verwacht een van {WERKVORMEN}; gevonden het getal {i + 1}" for i in range(min(n, 8))]
    if n == 1:
        assert msg == f"Fout in oefening {path}: {lines[0]}"
    else:
        more = f"\n  (en nog {n - 8} fout(en))" if n > 8 else ""
        assert msg == f"Fout in oefening {path} ({n} fouten):\n  " + "\n  ".join(lines) + more


def test_yaml_errors_exactly(tmp_path):
    def msg(text: str | bytes) -> str:
        path = tmp_path / "alle_typen.yml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        with pytest.raises(ExerciseSpecError) as info:
            load_spec(path=path)
        return str(info.value).removeprefix(f"Fout in oefening {path}: ")

    tail = ". Controleer inspringing, dubbele punten en aanhalingstekens"
    head = "versie: 1\nid: alle_typen\n"
    assert msg(head + "titel: Let op: dit\n") == (
        "YAML-fout op regel 3, kolom 14: een dubbele punt met een spatie erna midden in een tekst; zet de hele tekst "
        "tussen aanhalingstekens of gebruik '|' met de tekst op de regels eronder" + tail)
    # a list or mapping as a key: PyYAML itself would crash with a TypeError
    assert msg(head + "[a, b]: x\n") == "YAML-fout op regel 3, kolom 1: een sleutel moet een eenvoudige waarde zijn" + tail
    assert msg(head + "titel:\n  ? {a: 1}\n  : x\n") == (
        "YAML-fout op regel 4, kolom 5: een sleutel moet een eenvoudige waarde zijn" + tail)
    # a control character pasted along (PyYAML's reader refuses it before parsing)
    assert msg(head + "titel: a\x07b\n") == "YAML-fout: onleesbare YAML" + tail
    assert msg((head + "titel: café\n").encode("latin-1")) == "het bestand is geen UTF-8-tekst (byte 35)"
    assert msg(head + "titel: " + "[" * 5000 + "]" * 5000 + "\n") == "het bestand is te diep genest"
    # an alias inside itself never ends when expanded
    assert msg(head + "titel: &a [*a]\n") == (
        "het bestand wordt na uitvouwen van verwijzingen (&/*) te groot (hoogstens 2000000 tekens)")


def test_deeply_nested_data_is_refused_in_dutch():
    """validate_data (parsed data from elsewhere than a file) refuses deep nesting too, without a traceback."""
    from book.exercises.spec import validate_data

    deep: list = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(ExerciseSpecError) as info:
        validate_data({"versie": 1, "titel": deep}, Path("x.yml"))
    assert str(info.value) == "Fout in oefening x.yml: het bestand is te diep genest"


def test_file_size_limit_is_inclusive(tmp_path, monkeypatch):
    from book.exercises import spec as spec_module

    path = _write(tmp_path, BASE)
    size = path.stat().st_size
    monkeypatch.setattr(spec_module, "MAX_FILE_BYTES", size)
    assert load_spec(path=path).id == "alle_typen"
    monkeypatch.setattr(spec_module, "MAX_FILE_BYTES", size - 1)
    with pytest.raises(ExerciseSpecError) as info:
        load_spec(path=path)
    assert str(info.value) == f"Fout in oefening {path}: het bestand is te groot: {size} bytes; hoogstens {size - 1}"


def test_expanded_size_counts_like_compact_json(monkeypatch):
    """The limit after expanding aliases counts the data as compact JSON text, at most one character
    more per list or mapping: never less (nothing slips through), hardly more (nothing refused wrongly)."""
    from book.exercises import spec as spec_module
    from book.exercises.spec import validate_data

    data = {"ab": ["cd", "efg", "h"], "ij": "klm", "nop": {"q": "r"}}
    compact = len(json.dumps(data, separators=(",", ":")))
    containers = 3

    def too_big(limit: int) -> bool:
        monkeypatch.setattr(spec_module, "MAX_JSON_CHARS", limit)
        with pytest.raises(ExerciseSpecError) as info:
            validate_data(data, Path("x.yml"))
        return "te groot" in str(info.value)

    assert too_big(compact - 1)
    assert not too_big(compact + containers)


def test_tabs_between_words_become_as_many_spaces(tmp_path):
    text = ALLE.read_text(encoding="utf-8").replace("vraag: Wat valt je op aan", "vraag: Wat valt je\t\top aan")
    assert load_spec(path=_write(tmp_path, text)).vragen[0].vraag == "Wat valt je  op aan de situatie van Sam?"


def test_load_by_id_from_another_folder_and_by_any_path(tmp_path):
    assert load_spec("alle_typen", directory=FIXTURES).titel == "Testcasus met alle vraagtypen"
    with pytest.raises(ExerciseSpecError, match="Oefening niet gevonden"):
        load_spec("alle_typen", directory=tmp_path)
    # only a .yml file must carry its id as its name (an explicit other path is a copy, e.g. a download)
    copy_path = tmp_path / "kopie van alle_typen.txt"
    copy_path.write_text(ALLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_spec(path=copy_path).id == "alle_typen"


def test_files_starting_with_underscore_are_not_exercises(tmp_path):
    _write(tmp_path, BASE)
    (tmp_path / "_sjabloon.yml").write_text("versie: [\n", encoding="utf-8")
    assert [p.name for p in all_spec_paths(tmp_path)] == ["alle_typen.yml"]
    assert [s.id for s in all_specs(tmp_path)] == ["alle_typen"] and fouten(tmp_path) == {}


def test_fouten_gives_the_message_of_each_broken_file(tmp_path):
    path = tmp_path / "kapot.yml"
    path.write_text("versie: 1\nid: kapot\ntitel: [\n", encoding="utf-8")
    (message,) = fouten(tmp_path).values()
    assert message.startswith(f"Fout in oefening {path.resolve()}: YAML-fout op regel 4")


def test_student_dict_without_teacher_block_and_without_nulls(tmp_path):
    spec = load_spec(path=_write(tmp_path, _mutate(lambda d: d.pop("docent"))))
    data = student_dict(spec, "student")
    assert "docent" not in data

    def nulls(node) -> list:
        if isinstance(node, dict):
            return [k for k, v in node.items() if v is None] + [x for v in node.values() for x in nulls(v)]
        if isinstance(node, list):
            return [x for v in node for x in nulls(v)]
        return []

    assert nulls(data) == []                    # an unset optional field is absent, never null
    assert "toelichting" not in data["vragen"][1] and "plaats" not in data


def test_placeholder_errors_show_the_fragment_up_to_forty_characters_or_the_line_end(tmp_path):
    rule = "verwacht {getal:<id>} of {vraag:<id>} (kleine letters, geen spaties, met sluitaccolade)"
    text = "Er waren {getal:h1_abiba_leeftijd jaren oud, en dat bleef zo tot het einde."
    path, msg = _error(tmp_path, _mutate(_set(["casus"], text)))
    assert msg == f"Fout in oefening {path}: veld casus: {rule}; gevonden {text[9:49]!r}"
    path, msg = _error(tmp_path, _mutate(_set(["casus"], "Zie {vraag:a1\n}")))
    assert msg == f"Fout in oefening {path}: veld casus: {rule}; gevonden '{{vraag:a1'"


def test_unreadable_data_table_names_the_exercise_and_field(tmp_path, monkeypatch):
    import book.data
    from book.data import DataError

    def broken(*args, **kwargs):
        raise DataError("data/h1.csv, regel 3: kapot")

    monkeypatch.setattr(book.data, "load_all", broken)
    path, msg = _error(tmp_path, _mutate(_set(["casus"], "Zij was {getal:h1_abiba_leeftijd} jaar.")))
    assert msg == (f"Fout in oefening {path}: veld casus: {{getal:h1_abiba_leeftijd}} kon niet worden gelezen: "
                   "data/h1.csv, regel 3: kapot")


def test_question_numbers_of_raw_data():
    assert vraagnummers({"id": "x"}) == {}
    assert vraagnummers({"vragen": ["los", {"id": "a", "type": "open"}, {"id": "i", "type": "informatie"},
                                    {"id": "b", "type": "stelling"}, {"type": "open"}]}) == {"a": 1, "b": 2}
