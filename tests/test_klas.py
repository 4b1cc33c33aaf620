"""Class view (book/klas.py): LMS-style folders and zips, one file per student, labels only from
the exercise files, what the class chose per question type, terminal and HTML output, and a
property-based test with hostile folders."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nbclient import NotebookClient

from book import klas
from conftest import ROOT

OEFENINGEN = Path(__file__).parent / "fixtures" / "klas"
ITEMS = ["Kennismaken op de markt", "Bellen met de broer", "Overleg met het team"]
ENGELS = re.compile(r"Input should|Extra inputs|Field required|should be|Traceback|Error\b|valid\b", re.I)


def _voorbeelden(standaard: int) -> int:
    """Hypothesis examples per test; tools/mutants_py.sh asks for fewer (one run per mutant)."""
    return int(os.environ.get("LSP_HYPOTHESIS_VOORBEELDEN", "0")) or standaard


def _antwoorden(i: int, rng: random.Random) -> dict:
    r1 = [{"positie": rng.randint(1, 5), "argument": f"argument {i}"} for _ in range(2)]
    r2 = [{"positie": max(1, min(5, p["positie"] + rng.choice([-1, 0, 1, 1]))), "argument": ""} for p in r1]
    volgorde = ITEMS[:]
    rng.shuffle(volgorde)
    return {
        "a1": {"tekst": "" if i % 5 == 0 else f"antwoord van student {i}", "kijkpunten": [0] if i % 2 else [0, 1]},
        "a2": {"volgorde": volgorde, "redenen": {}},
        "a3": {"ronde1": r1, "ronde2": r2},
        "a4": {"indeling": {"Een vast ritme": "Helpend" if i % 3 else "Belemmerend",
                            "Wantrouwen tegenover hulp": "Belemmerend"},
               "eerste": {"Een vast ritme": "Belemmerend"}},
        "a5": {"keuze": 1 if i % 4 else 0, "eerste": 0 if i % 2 else 1, "volgorde": [2, 0, 1], "gecontroleerd": True},
        "a6": {"knopen": [{"naam": f"persoon {n}", "soort": "familie", "sterkte": 2, "kwaliteit": "steunend"}
                          for n in range(1 + i % 4)]},
        "a7": {"pad": ["k1", "k3", "k4"] if i % 3 else ["k1", "k2"], "reflectie": ""},
        "a8": {"scores": [4, 3, None, 2 + i % 2]},
    }


def _bestand(i: int, rng: random.Random, hoofdstuk: int = 1, **extra) -> dict:
    data = {
        "formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": hoofdstuk,
        "naam": f"Student {i}", "studentnummer": f"s{1000 + i}", "datum": f"2026-11-{1 + i % 27:02d}",
        "oefeningen": {"alle_typen": {"titel": "Testcasus met alle vraagtypen", "antwoorden": _antwoorden(i, rng)}},
    }
    data.update(extra)
    return data


def _tekst(rijen: list[list]) -> list[list[str]]:
    return [[str(c) for c in rij] for rij in rijen]


def _schrijf(pad: Path, data) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(json.dumps(data), encoding="utf-8")
    return pad


def _lees(folder: Path, **kw) -> klas.Klas:
    return klas.lees_map(folder, oefeningen_map=OEFENINGEN, **kw)


@pytest.fixture
def klasmap(tmp_path: Path) -> Path:
    rng = random.Random(7)
    folder = tmp_path / "ingeleverd"
    for i in range(30):
        _schrijf(folder / f"student_{i:02d}.json", _bestand(i, rng))
    # the mixed-in files the report must name
    (folder / "kapot.json").write_text('{"formaat": "lsp-antwoorden", "versie": 1, "hoofd', encoding="utf-8")
    (folder / "binair.json").write_bytes(bytes(range(256)))
    (folder / "kopie_student_03.json").write_bytes((folder / "student_03.json").read_bytes())
    _schrijf(folder / "student_04_herkansing.json", _bestand(4, rng, datum="2026-12-01"))
    _schrijf(folder / "ander_hoofdstuk.json", _bestand(90, rng, hoofdstuk=3))
    _schrijf(folder / "oude_versie.json", _bestand(91, rng, versie=0))
    _schrijf(folder / "vreemd.json", {"iets": "anders"})
    _schrijf(folder / "fout_veld.json", _bestand(92, rng, hoofdstuk="twee"))
    (folder / "aantekeningen.txt").write_text("niet van een student", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "", p.lstat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if not p.is_symlink() and (p.is_file() or p.is_dir())
    }


def test_report_names_every_unusable_file(klasmap):
    k = _lees(klasmap)
    reasons = {m.bestand: m.reden for m in k.meldingen}
    assert k.hoofdstuk == 1
    assert k.aantal == 30  # 30 students; the resubmission replaces student 4's first file
    assert reasons["kapot.json"] == "beschadigd: geen leesbare JSON (regel 1, kolom 44)"
    assert reasons["binair.json"] == "beschadigd: geen UTF-8-tekst"
    # identical content: the first in natural order counts, the other is named as its double
    assert reasons["student_03.json"] == "dubbel: zelfde inhoud als kopie_student_03.json"
    assert reasons["student_04.json"] == ("dubbel: dezelfde student leverde ook student_04_herkansing.json in; "
                                          "dat is nieuwer en telt (volgens datum)")
    assert reasons["ander_hoofdstuk.json"] == "hoort bij hoofdstuk 3, niet bij hoofdstuk 1"
    assert reasons["oude_versie.json"] == "andere versie (0); dit boek leest versie 1"
    assert reasons["vreemd.json"].startswith("onbruikbaar: is geen antwoordbestand van dit boek")
    assert reasons["fout_veld.json"] == "onbruikbaar: klopt niet bij veld hoofdstuk: verwacht een geheel getal; gevonden een tekst van 4 tekens"
    assert reasons["aantekeningen.txt"] == "geen JSON-bestand; overgeslagen"
    assert len(reasons) == 9
    assert "student_04_herkansing.json" in k.gebruikt and "student_04.json" not in k.gebruikt
    assert "kopie_student_03.json" in k.gebruikt and k.gebruikt[:3] == ["kopie_student_03.json", "student_00.json", "student_01.json"]
    assert not any(ENGELS.search(m.reden) for m in k.meldingen)


def test_what_the_class_chose_per_question_type(klasmap):
    ov = {vo.nummer: vo for vo in klas.overzicht(_lees(klasmap))[0].vragen}
    assert [vo.nummer for vo in ov.values()] == list(range(1, 9))
    assert ov[1].beantwoord == 30 and len(ov[1].teksten) == 24        # every fifth text empty (0, 5, ..., 25)
    assert _tekst(ov[1].tabellen[0].rijen) == [["de rol van de buurvrouw", "30 (100%)"], ["het dagelijkse ritme van Sam", "15 (50%)"]]
    # meerkeuze: option 1 is right; final 1 for i % 4 != 0 (22 of 30), first 0 for odd i (15), 1 for even (15)
    assert _tekst(ov[5].tabellen[0].rijen) == [
        ["De werker wacht tot iemand zich meldt.", "", "15 (50%)", "8 (27%)"],
        ["De werker zoekt mensen zelf op.", "ja", "15 (50%)", "22 (73%)"],
        ["De werker verwijst meteen door.", "", "0 (0%)", "0 (0%)"],
    ]
    assert ov[5].samenvatting == ["Goed bij de eerste poging: 15 van 30 (50%).", "Uiteindelijk goed: 22 van 30 (73%)."]
    # sorteren: "Een vast ritme" is Helpend in the book; i % 3 == 0 (10 students) put it under Belemmerend
    assert _tekst(ov[4].tabellen[0].rijen) == [
        ["Een vast ritme", "Helpend", "20", "10", "20 van 30"],
        ["Wantrouwen tegenover hulp", "Belemmerend", "0", "30", "30 van 30"],
        ["Een broer op afstand", "(open)", "0", "0", "–"],
    ]
    assert ov[4].samenvatting == ["Ingedeeld zoals het boek: 50 van 60 plaatsingen (83%).",
                                  "Bij de eerste controle zoals het boek: 0 van 30 (0%)."]
    # rangschikking: every student placed every item once
    rang = ov[2].tabellen[0]
    assert rang.kolommen == ["item", "gem. plaats", "plaats 1", "plaats 2", "plaats 3"]
    assert sorted(r[0] for r in rang.rijen) == sorted(ITEMS) and all(sum(r[2:]) == 30 for r in rang.rijen)
    assert [sum(r[k] for r in rang.rijen) for k in (2, 3, 4)] == [30, 30, 30]
    # stellingen: both rounds counted, shifts add up to 30
    assert [t.titel for t in ov[3].tabellen] == ["Stelling 1: Een werker moet altijd eerst zelf contact zoeken.",
                                                 "Stelling 2: De buurvrouw hoort bij het netwerk van Sam."]
    assert all(sum(r[1:]) == 30 for t in ov[3].tabellen for r in t.rijen)
    for zin in ov[3].samenvatting:
        meer, minder, gelijk = map(int, re.findall(r"(\d+) (?:meer|minder|gelijk)", zin))
        assert meer + minder + gelijk == 30
    # dilemma: 10 students (i % 3 == 0) said no and ended at k2, 20 went on to k4
    keuzes, eindes, paden = ov[7].tabellen
    assert [r[1:] for r in _tekst(keuzes.rijen)] == [["Je zegt nee en legt uit waarom.", "10 (33%)"],
                                             ["Je vraagt eerst wat er aan de hand is.", "20 (67%)"],
                                             ["Je zoekt samen uit wie kan helpen.", "20 (100%)"]]
    assert eindes.rijen == [["Sam loopt boos weg.", 10], ["Jullie maken samen een plan.", 20]]
    assert paden.rijen[0] == ["Je vraagt eerst wat er aan de hand is. → Je zoekt samen uit wie kan helpen.", 20]
    # zelfbeoordeling: the profile with the median as a scale word
    assert ov[8].tabellen[0].rijen == [
        ["Contact maken", 0, 0, 0, 30, 0, "goed"], ["Luisteren", 0, 0, 30, 0, 0, "redelijk"],
        ["Volhouden", 0, 0, 0, 0, 0, "–"], ["Samenwerken", 0, 15, 15, 0, 0, "een beetje"],
    ]
    breedte = ov[6].tabellen[0].rijen
    assert breedte[0] == ["personen en organisaties", 1, 2, 4]


def test_rubric_marks_are_counted(klasmap, tmp_path):
    """The spec's rubric labels the counts of the students' own marks (issue 10, item 6)."""
    oefeningen = tmp_path / "oefeningen"
    oefeningen.mkdir()
    yml = (OEFENINGEN / "alle_typen.yml").read_text(encoding="utf-8").replace(
        "      - het dagelijkse ritme van Sam\n",
        "      - het dagelijkse ritme van Sam\n    rubric:\n      - criterium: Onderbouwing\n"
        "        niveaus: [zwak, voldoende, sterk]\n      - criterium: Taal\n        niveaus: [slordig, verzorgd]\n", 1)
    (oefeningen / "alle_typen.yml").write_text(yml, encoding="utf-8")
    for n, pad in enumerate(sorted(klasmap.glob("student_*.json"))):
        data = json.loads(pad.read_text(encoding="utf-8"))
        data["oefeningen"]["alle_typen"]["antwoorden"]["a1"]["rubric"] = [1 + n % 3, None if n % 2 else 2]
        pad.write_text(json.dumps(data), encoding="utf-8")
    k = klas.lees_map(klasmap, oefeningen_map=oefeningen)
    tabel = next(t for t in klas.overzicht(k)[0].vragen[0].tabellen if t.kolommen[0] == "criterium")
    assert tabel.kolommen == ["criterium", "niveau 1", "niveau 2", "niveau 3"]
    # n = 0..30 in name order; n = 4 (student_04.json) is replaced by the resubmission (n = 5)
    # levels 1/2/3 for n % 3 == 0/1/2: 11, 10 - 1, 10; Taal level 2 for even n: 16 - 1; Taal has no level 3
    assert tabel.rijen == [["Onderbouwing", 11, 9, 10], ["Taal", 0, 15, ""]]
    assert "Onderbouwing: sterk (niveau 3)" in klas.rapport(k)


def test_report_is_anonymous_fits_100_columns_and_input_unchanged(klasmap):
    before = _snapshot(klasmap)
    k = _lees(klasmap)
    text = klas.rapport(k)
    page = klas.html_rapport(k)
    assert _snapshot(klasmap) == before
    for naam in ("Student 1", "s1001", "student 1 "):
        assert naam not in text and naam not in page
    for name in ("kapot.json", "binair.json", "oude_versie.json", "ander_hoofdstuk.json"):
        assert name in text
    assert max(klas.breedte(r) for r in text.splitlines()) <= 100
    assert "NaN" not in text and "nan" not in text.split()
    assert "Vraag 2 (rangschikking), beantwoord door 30 van 30" in text
    assert "    De werker zoekt mensen zelf op.         ja          15 (50%)      22 (73%)" in text


def test_long_and_wide_text_wraps_within_100_columns(tmp_path):
    rng = random.Random(1)
    data = _bestand(1, rng)
    data["oefeningen"]["alle_typen"]["antwoorden"]["a1"]["tekst"] = "漢字" * 300 + " " + "x" * 500 + " kort"
    _schrijf(tmp_path / "a.json", data)
    text = klas.rapport(_lees(tmp_path))
    lines = text.splitlines()
    assert max(sum(2 if unicodedata.east_asian_width(c) == "W" else 1 for c in r) for r in lines) <= 100
    assert "漢字" * 20 in text and "kort" in text


def test_stelling_chart_has_whole_number_ticks(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rng = random.Random(2)
    for i in range(3):
        _schrijf(tmp_path / f"{i}.json", _bestand(i, rng))
    ax = klas.plot_stellingen(_lees(tmp_path))
    ax.figure.canvas.draw()
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == [
        "Stelling 1: Een werker moet altijd eerst zelf con… (ronde 1)",
        "Stelling 1: Een werker moet altijd eerst zelf con… (ronde 2)"]
    plt.close(ax.figure)
    leeg = klas.plot_stellingen(_lees(tmp_path / "leeg" if (tmp_path / "leeg").mkdir() is None else tmp_path))
    assert [t.get_text() for t in leeg.texts] == ["Nog geen stellingen beantwoord"]
    plt.close(leeg.figure)


def test_natural_sort():
    assert sorted(["a12", "a2", "a1", "b10", "b9"], key=klas.natuurlijk) == ["a1", "a2", "a12", "b9", "b10"]
    assert sorted(["Student 10.json", "student 9.json"], key=klas.natuurlijk) == ["student 9.json", "Student 10.json"]


def test_newest_file_counts_by_tijdstip_then_datum_then_file_time(tmp_path):
    rng = random.Random(3)
    oud = _bestand(1, rng, datum="20260301", tijdstip="2026-03-01T09:00:00+01:00")
    nieuw = _bestand(1, rng, datum="2026-03-01", tijdstip="2026-03-01T10:00:00+01:00")
    nieuw["oefeningen"]["alle_typen"]["antwoorden"]["a5"]["keuze"] = 2
    # "20260101" beat "2026-03-04" as strings; by time the hyphenated one is newer
    _schrijf(tmp_path / "t" / "b_eerst.json", nieuw)
    _schrijf(tmp_path / "t" / "a_later (1).json", oud)
    _schrijf(tmp_path / "d" / "x.json", _bestand(2, rng, datum="20260101"))
    _schrijf(tmp_path / "d" / "y.json", _bestand(2, rng, datum="2026-03-04"))
    _schrijf(tmp_path / "m" / "lsp (1).json", _bestand(3, rng, datum="2026-03-04"))
    eerder = _schrijf(tmp_path / "m" / "lsp.json", _bestand(3, rng, datum="2026-03-04", naam="Student 3 "))
    os.utime(eerder, (1_700_000_000, 1_700_000_000))
    k = _lees(tmp_path)
    reasons = {m.bestand: m.reden for m in k.meldingen}
    assert reasons["t/a_later (1).json"].endswith("ook t/b_eerst.json in; dat is nieuwer en telt (volgens tijdstip van de export)")
    assert reasons["d/x.json"].endswith("ook d/y.json in; dat is nieuwer en telt (volgens datum)")
    assert reasons["m/lsp.json"].endswith("ook m/lsp (1).json in; dat is nieuwer en telt (volgens tijd van het bestand)")
    assert k.gebruikt == ["d/y.json", "m/lsp (1).json", "t/b_eerst.json"]


def test_one_student_in_two_unicode_forms_and_files_without_a_name(tmp_path):
    rng = random.Random(4)
    _schrijf(tmp_path / "a.json", _bestand(1, rng, naam=unicodedata.normalize("NFC", "Zoë Özil"), studentnummer=""))
    _schrijf(tmp_path / "b.json", _bestand(2, rng, naam=unicodedata.normalize("NFD", "ZOË  özil"), studentnummer="",
                                           datum="2026-12-01"))
    _schrijf(tmp_path / "c.json", _bestand(3, rng, naam="Zoë Özil", studentnummer="777", datum="2026-12-02"))
    _schrijf(tmp_path / "d.json", _bestand(4, rng, naam="", studentnummer="", datum="2026-12-03"))
    _schrijf(tmp_path / "e.json", _bestand(5, rng, naam=" ", studentnummer="", datum="2026-12-04"))
    k = _lees(tmp_path)
    assert k.gebruikt == ["c.json", "d.json", "e.json"]
    assert {m.bestand for m in k.meldingen} == {"a.json", "b.json"}
    assert [(m.bestand, m.reden.split(":")[0]) for m in k.opmerkingen] == [
        ("d.json", "geen naam en geen studentnummer"), ("e.json", "geen naam en geen studentnummer")]


def test_same_name_with_two_student_numbers_are_two_students(tmp_path):
    rng = random.Random(5)
    _schrijf(tmp_path / "a.json", _bestand(1, rng, naam="Mo", studentnummer="1"))
    _schrijf(tmp_path / "b.json", _bestand(2, rng, naam="Mo", studentnummer="2"))
    _schrijf(tmp_path / "c.json", _bestand(3, rng, naam="Mo", studentnummer=""))
    k = _lees(tmp_path)
    assert k.gebruikt == ["a.json", "b.json", "c.json"] and not k.meldingen


def _zip(members: dict[str, bytes], **kw) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, **kw) as zf:
        for naam, inhoud in members.items():
            zf.writestr(naam, inhoud)
    return buf.getvalue()


def test_lms_bulk_downloads(tmp_path):
    """Brightspace (zip of per-student folders + index.html), Canvas (flat zip with long names),
    Moodle (per-student folders), a student's own zip inside the LMS zip, and macOS extras."""
    rng = random.Random(6)
    js = [json.dumps(_bestand(i, rng)).encode() for i in range(8)]
    (tmp_path / "Brightspace.zip").write_bytes(_zip({
        "123456-789 - Student 0 - 12 nov. 2026 1013/lsp-h1-student-0-2026-11-12.json": js[0],
        "123457-789 - Student 1 - 12 nov. 2026 1015/lsp-h1-student-1-2026-11-12.json": js[1],
        "index.html": b"<html></html>",
    }))
    (tmp_path / "submissions.zip").write_bytes(_zip({
        "student2_12345_67890_lsp-h1-student-2.json": js[2],
        "student3_LATE_12346_67891_eigen.zip": _zip({"lsp-h1-student-3.json": js[3]}),
        "__MACOSX/._student2_12345_67890_lsp-h1-student-2.json": b"\x00\x05\x16\x07",
    }))
    _schrijf(tmp_path / "Student 4_2201_assignsubmission_file_" / "lsp-h1-student-4.json", _bestand(4, rng))
    (tmp_path / "Student 5_2202_assignsubmission_file_").mkdir()
    (tmp_path / "Student 5_2202_assignsubmission_file_" / "lsp-h1-student-5.json").write_bytes(js[5])
    (tmp_path / "Student 5_2202_assignsubmission_file_" / "afdruk.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    k = _lees(tmp_path)
    assert k.aantal == 6
    assert k.gebruikt == [
        "Brightspace.zip/123456-789 - Student 0 - 12 nov. 2026 1013/lsp-h1-student-0-2026-11-12.json",
        "Brightspace.zip/123457-789 - Student 1 - 12 nov. 2026 1015/lsp-h1-student-1-2026-11-12.json",
        "Student 4_2201_assignsubmission_file_/lsp-h1-student-4.json",
        "Student 5_2202_assignsubmission_file_/lsp-h1-student-5.json",
        "submissions.zip/student2_12345_67890_lsp-h1-student-2.json",
        "submissions.zip/student3_LATE_12346_67891_eigen.zip/lsp-h1-student-3.json",
    ]
    assert {m.bestand: m.reden for m in k.meldingen} == {
        ".DS_Store": "hulpbestand van het besturingssysteem; overgeslagen",
        "Brightspace.zip/index.html": "geen JSON-bestand; overgeslagen",
        "Student 5_2202_assignsubmission_file_/afdruk.pdf": "geen JSON-bestand; overgeslagen",
        "submissions.zip/__MACOSX/._student2_12345_67890_lsp-h1-student-2.json":
            "hulpbestand van het besturingssysteem; overgeslagen",
    }


def test_special_entries_are_named(tmp_path):
    rng = random.Random(8)
    _schrijf(tmp_path / "goed.json", _bestand(1, rng))
    (tmp_path / "weg.json").symlink_to(tmp_path / "bestaat-niet.json")
    (tmp_path / "kring.json").symlink_to(tmp_path / "kring.json")
    (tmp_path / "map-link").symlink_to(tmp_path)
    (tmp_path / "link.json").symlink_to(tmp_path / "goed.json")
    os.mkfifo(tmp_path / "pijp.json")
    (Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xffnaam.json"))).write_bytes(b"{")   # not UTF-8 as a name
    (tmp_path / "kapot.zip").write_bytes(b"PK\x03\x04 geen zip")
    diep = tmp_path
    for n in range(klas.MAX_DIEPTE + 1):
        diep = diep / f"d{n}"
    _schrijf(diep / "te-diep.json", _bestand(2, rng))
    k = _lees(tmp_path)
    reasons = {m.bestand: m.reden for m in k.meldingen}
    assert reasons["weg.json"] == "snelkoppeling naar iets dat niet (meer) bestaat; overgeslagen"
    assert reasons["kring.json"] == "snelkoppeling die in een kring naar zichzelf verwijst; overgeslagen"
    assert reasons["map-link"] == "snelkoppeling naar een map; niet gevolgd"
    assert reasons["pijp.json"] == "geen gewoon bestand (bijvoorbeeld een pijp of apparaat); overgeslagen"
    assert reasons["kapot.zip"] == "beschadigd zip-bestand: kan niet geopend worden"
    assert reasons["link.json"] == "dubbel: zelfde inhoud als goed.json"
    assert reasons["\ufffdnaam.json"].startswith("beschadigd: geen leesbare JSON")
    assert reasons["/".join(f"d{n}" for n in range(klas.MAX_DIEPTE + 1)) + "/"] == "map te diep genest; niet bekeken"


def test_labels_come_only_from_the_exercise_files(tmp_path):
    rng = random.Random(9)
    data = _bestand(1, rng)
    oef = data["oefeningen"]["alle_typen"]
    oef["titel"] = "BELEDIGING titel"
    oef["vragen"] = {"a1": "BELEDIGING vraag", "a2": "=HYPERLINK(\"http://x\")"}
    oef["leesbaar"] = {"a1": "BELEDIGING leesbaar"}
    oef["antwoorden"]["a2"] = {"volgorde": ITEMS + [f"BELEDIGING {n}" for n in range(5)], "redenen": {}}
    oef["antwoorden"]["a4"]["indeling"]["BELEDIGING item"] = "Helpend"
    oef["antwoorden"]["a7"] = {"pad": ["k1", "BELEDIGING"], "reflectie": ""}
    oef["antwoorden"]["BELEDIGING_vraag"] = {"tekst": "x"}
    data["oefeningen"]["beledigende_oefening"] = {"titel": "BELEDIGING", "antwoorden": {"a1": {"tekst": "y"}}}
    _schrijf(tmp_path / "a.json", data)
    _schrijf(tmp_path / "b.json", _bestand(2, rng))
    k = _lees(tmp_path)
    text, page = klas.rapport(k), klas.html_rapport(k)
    assert "BELEDIGING" not in text and "BELEDIGING" not in page and "HYPERLINK" not in text
    assert [oef.id for oef in klas.overzicht(k)] == ["alle_typen"]
    rang = klas.overzicht(k)[0].vragen[1]
    assert rang.beantwoord == 1 and max(len(r) for r in rang.tabellen[0].rijen) == 5    # 3 places, not 8
    assert [m.reden for m in k.opmerkingen] == [
        "2 oefening(en) of vraag/vragen die niet in dit hoofdstuk van het boek staan; niet meegeteld",
        "antwoord niet meegeteld: Testcasus met alle vraagtypen, vraag 2: volgorde of redenen noemen een item "
        "dat niet in de oefening staat",
        "antwoord niet meegeteld: Testcasus met alle vraagtypen, vraag 4: indeling noemt een item dat niet in "
        "de oefening staat",
        "antwoord niet meegeteld: Testcasus met alle vraagtypen, vraag 7: het pad volgt geen keuzes die het "
        "dilemma biedt",
    ]


def test_control_codes_surrogates_and_html_are_neutralised(tmp_path):
    rng = random.Random(10)
    data = _bestand(1, rng)
    data["oefeningen"]["alle_typen"]["antwoorden"]["a1"]["tekst"] = (
        "\x1b[2J\x1b[Hweg\x1b]8;;http://x\x07klik\x1b]8;;\x07 \u202egnirts \ud800 <script>alert(1)</script> &amp;")
    _schrijf(tmp_path / "a.json", data)
    (tmp_path / "naam\x1b[31m.json").write_text("{", encoding="utf-8")
    k = _lees(tmp_path)
    text, page = klas.rapport(k), klas.html_rapport(k)
    for uit in (text, page):
        assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in uit)
        uit.encode("utf-8")   # no lone surrogate left
        assert "\u202e" not in uit
    assert "wegklik gnirts \ufffd <script>alert(1)</script> &amp;" in text
    assert "naam.json: beschadigd" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;" in page and "<script" not in page


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs


def test_html_report_is_static_and_written_outside_the_folder(klasmap, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from book.__main__ import main; from book import klas; "
         "from pathlib import Path; import functools; "
         f"klas.lees_map = functools.partial(klas.lees_map, oefeningen_map=Path({str(OEFENINGEN)!r})); "
         "sys.exit(main(sys.argv[1:]))", "klas", str(klasmap), "--html", str(tmp_path / "klas.html")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "klas.html").read_text(encoding="utf-8")
    p = _Tags()
    p.feed(page)
    assert not {"script", "iframe", "img", "link", "object", "embed", "form"} & set(p.tags)
    assert not [a for a in p.attrs if a[0] in ("src", "href") or a[0].startswith("on")]
    assert "http" not in page.replace("http-equiv", "")
    assert '<html lang="nl">' in page and "Klasoverzicht hoofdstuk 1" in page
    assert "<details><summary>Niet meegeteld (9)" in page
    # counts carry a bar for the projector: 22 of 30 chose the right option at the end
    assert '<td class="getal">22 (73%)<span class="balk" style="width:73%"></span></td>' in page
    before = _snapshot(klasmap)
    binnen = subprocess.run([sys.executable, "-m", "book", "klas", str(klasmap), "--html", str(klasmap / "r.html")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert binnen.returncode == 2 and "buiten de map" in binnen.stderr
    assert _snapshot(klasmap) == before


def test_command_line(klasmap):
    proc = subprocess.run(
        [sys.executable, "-m", "book", "klas", str(klasmap)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    # the real exercises have no chapter-1 'alle_typen': every answer is named as not part of the book
    assert "Klasoverzicht hoofdstuk 1: 30 bruikbare antwoordbestanden" in proc.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "book", "klas", str(klasmap / "bestaat-niet")], capture_output=True, text=True, cwd=ROOT
    )
    assert missing.returncode == 2 and "bestaat niet" in missing.stderr


def test_empty_folder_gives_an_empty_overview(tmp_path):
    k = _lees(tmp_path)
    assert (k.hoofdstuk, k.aantal, k.meldingen, klas.overzicht(k)) == (None, 0, [], [])
    assert klas.rapport(k) == "Klasoverzicht hoofdstuk None: 0 bruikbare antwoordbestanden."


def test_projector_notebook_runs_on_the_folder(tmp_path, monkeypatch):
    """The notebook on a folder of a real chapter: the teacher only fills in the folder."""
    from book.exercises.spec import all_spec_paths, load_spec

    spec = next(s for s in map(lambda p: load_spec(path=p), all_spec_paths()) if any(v.type == "stelling" for v in s.vragen))
    stelling = next(v for v in spec.vragen if v.type == "stelling")
    folder = tmp_path / "map"
    for i in range(3):
        _schrijf(folder / f"s{i}" / "a.json", {
            "formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": spec.hoofdstuk, "naam": f"S{i}", "datum": "2026-12-01",
            "oefeningen": {spec.id: {"titel": "x", "antwoorden": {stelling.id: {
                "ronde1": [{"positie": 1 + i, "argument": ""} for _ in stelling.stellingen]}}}}})
    (folder / "kapot.json").write_text("{", encoding="utf-8")
    monkeypatch.setenv("LSP_KLAS_MAP", str(folder))
    monkeypatch.setenv("LSP_KLAS_HTML", str(tmp_path / "digibord.html"))
    nb = nbformat.read(ROOT / "docent" / "klasoverzicht.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "docent")}}).execute()
    text = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "3 bruikbare antwoordbestanden" in text and "kapot.json" in text
    assert spec.titel.replace('"', '\\"')[:30] in text
    assert "Traceback" not in text and "Error" not in text
    assert (tmp_path / "digibord.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- hostile folders ------------------------------------------------------------------------------

MERK = "GEHEIMLABEL"
KWAAD = st.sampled_from([
    f"{MERK}\x1b[2J\x1b[H", f"{MERK}\ud800", f"<b>{MERK}</b>", f"{MERK}\u202e", f"=HYPERLINK(\"{MERK}\")", MERK * 50,
])


def _vijandig_bestand(draw) -> bytes:
    soort = draw(st.sampled_from(["getal", "diep", "array", "labels", "labelfout", "bom", "nan", "bytes", "groot"]))
    kop = '{"formaat":"lsp-antwoorden","versie":1,"hoofdstuk":1,"datum":"2026-01-01"'
    if soort == "getal":
        return (kop + ',"naam":"x","oefeningen":{"alle_typen":{"titel":"t","antwoorden":{"a5":{"keuze":'
                + "9" * draw(st.integers(20, 20_000)) + "}}}}}").encode()
    if soort == "diep":
        n = draw(st.integers(500, 200_000))
        return (kop + ',"x":' + "[" * n + "]" * n + "}").encode()
    if soort == "array":
        n = draw(st.integers(1000, 300_000))
        return (kop + ',"naam":"y","oefeningen":{"alle_typen":{"titel":"t","antwoorden":{"a6":{"knopen":['
                + ",".join(['{"naam":"n","soort":"familie","sterkte":1,"kwaliteit":"steunend"}'] * (n // 60))
                + ']},"a2":{"volgorde":[' + ",".join(['"x"'] * n) + "]}}}}}").encode()
    if soort == "labels":
        label = draw(KWAAD)
        data = {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "datum": "2026-01-01",
                "naam": label, "studentnummer": draw(st.text(max_size=5)),
                "oefeningen": {"alle_typen": {"titel": label, "vragen": {"a1": label, label: label},
                                              "leesbaar": {"a1": label},
                                              "antwoorden": {"a2": {"volgorde": [label, *ITEMS], "redenen": {label: label}},
                                                             "a4": {"indeling": {label: "Helpend"}},
                                                             "a7": {"pad": ["k1", label]},
                                                             label: {"tekst": label}}},
                               label: {"titel": label, "antwoorden": {}}}}
        return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if soort == "labelfout":   # student keys in a rejected file: the reason must not repeat them
        label = draw(KWAAD)
        data = {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "datum": "2026-01-01",
                "oefeningen": {"alle_typen": {"titel": "t", "antwoorden": {label: {label: 1}}}}}
        if draw(st.booleans()):
            data[label] = 1
        return json.dumps(data).encode("utf-8", "surrogatepass")
    if soort == "bom":
        return b"\xef\xbb\xbf" + json.dumps(_bestand(draw(st.integers(0, 99)), random.Random(1))).encode()
    if soort == "nan":
        return (kop + ',"naam":"z","oefeningen":{"alle_typen":{"titel":"t","antwoorden":{"a3":{"ronde1":[{"positie":'
                + draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "2.5"])) + "}]}}}}}").encode()
    if soort == "groot":
        return kop.encode() + b',"naam":"' + b"a" * (klas.MAX_BESTAND + 10) + b'"}'
    return draw(st.binary(max_size=300))


@st.composite
def vijandige_map(draw):
    """A list of (relative path, kind, content) to create: files, subfolders, zips, links, FIFOs."""
    items = []
    for n in range(draw(st.integers(1, 6))):
        soort = draw(st.sampled_from(["bestand", "submap", "zip", "bom-zip", "link-weg", "link-kring", "fifo", "normaal"]))
        naam = draw(st.sampled_from(["a", "b\x1b[1m", "c d", "ë", "x.y"])) + f"{n}"
        if soort == "normaal":
            items.append((f"{naam}.json", "bytes", json.dumps(_bestand(n, random.Random(n))).encode()))
        elif soort == "bestand":
            items.append((f"{naam}.json", "bytes", _vijandig_bestand(draw)))
        elif soort == "submap":
            items.append((f"{naam}/{naam}/in.json", "bytes", _vijandig_bestand(draw)))
        elif soort == "zip":
            leden = {draw(st.sampled_from(["../../uit.json", "/abs/pad.json", "map/in.json", "C:\\win.json",
                                           "..\\x.json", "a/../../b.json"])) + str(m): _vijandig_bestand(draw)
                     for m in range(draw(st.integers(1, 3)))}
            items.append((f"{naam}.zip", "zip", leden))
        elif soort == "bom-zip":   # 100 MB of zeros compressed to about 100 kB, claiming a small size
            items.append((f"{naam}.zip", "bom", None))
        else:
            items.append((f"{naam}.json", soort, None))
    return items


_BOM_ZIP: bytes | None = None


def _zip_bom() -> bytes:
    global _BOM_ZIP
    if _BOM_ZIP is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            with zf.open("bom.json", "w", force_zip64=True) as f:
                blok = b"0" * 1_000_000
                for _ in range(100):
                    f.write(blok)
        _BOM_ZIP = buf.getvalue()
    return _BOM_ZIP


@settings(max_examples=_voorbeelden(40), deadline=20_000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(vijandige_map())
def test_hostile_folders_never_crash_hang_or_show_student_labels(items):
    with tempfile.TemporaryDirectory() as d:
        root = Path(d) / "map"
        root.mkdir()
        verwacht: set[str] = set()
        for rel, soort, inhoud in items:
            pad = root / rel
            pad.parent.mkdir(parents=True, exist_ok=True)
            if soort == "bytes":
                pad.write_bytes(inhoud)
            elif soort == "zip":
                pad.write_bytes(_zip(inhoud))
                verwacht |= {f"{klas.schoon(rel)}/{klas.schoon(lid)}" for lid in inhoud}
                continue
            elif soort == "bom":
                pad.write_bytes(_zip_bom())
                verwacht.add(f"{klas.schoon(rel)}/bom.json")
                continue
            elif soort == "link-weg":
                pad.symlink_to(root / "bestaat-niet")
            elif soort == "link-kring":
                pad.symlink_to(pad)
            elif soort == "fifo":
                os.mkfifo(pad)
            verwacht.add(klas.schoon(rel))
        before = _snapshot(root)
        k = _lees(root)
        text, page = klas.rapport(k), klas.html_rapport(k)
        assert _snapshot(root) == before
        genoemd = set(k.gebruikt) | {m.bestand for m in k.meldingen}
        assert verwacht <= genoemd, verwacht - genoemd
        assert MERK not in text and MERK not in page
        for m in k.meldingen + k.opmerkingen:
            assert m.reden and not ENGELS.search(m.reden), m.reden
        assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in text)
        text.encode("utf-8")
        page.encode("utf-8")
        assert max(klas.breedte(r) for r in text.splitlines()) <= 100


# -- edges, one behaviour each ----------------------------------------------------------------------

def test_text_helpers():
    assert klas.breedte("abc") == 3 and klas.breedte("漢a\u0301") == 3 and klas.breedte("😀\u200d") == 2
    assert klas._kap("abcdef", 6) == "abcdef" and klas._kap("abcdef", 4) == "abc…" and klas._kap("漢漢漢", 4) == "漢…"
    assert klas._wrap("een twee drie", 8) == ["een twee", "drie"]
    assert klas._wrap("x" * 10 + " y", 4) == ["xxxx", "xxxx", "xx y"]
    assert klas._wrap("a\n\nb\n\n", 10) == ["a", "", "b"] and klas._wrap("", 5) == []
    assert klas._wrap("漢" * 5, 4) == ["漢漢", "漢漢", "漢"]
    assert klas.schoon("a\tb\x0bc\x0cd\r\ne\rf\x85g") == "a b c d e f g"
    assert klas.schoon("a\r\nb\rc\u2028d", regels=True) == "a\nb\nc\nd"
    assert klas.schoon("x\x1b]8;;http://y\x1b\\link\x1b]8;;\x1b\\z\x9b1mq\x07\x00\x7f") == "xlinkzq"
    assert klas.schoon("\u202bab\u2066c\u200fd\u061c") == "abcd" and klas.schoon("\udcff.json") == "\ufffd.json"
    assert klas._pct(1, 3) == "33%" and klas._pct(2, 3) == "67%" and klas._pct(0, 0) == "–"
    assert str(klas.Aantal(2, 3)) == "2 (67%)" and str(klas.Aantal(2, 0)) == "2" and str(klas.Aantal(2, 3, True)) == "2 van 3"


def test_file_size_limit_is_exact(tmp_path):
    kop = json.dumps(_bestand(1, random.Random(1)))
    (tmp_path / "precies.json").write_bytes(kop.encode() + b" " * (klas.MAX_BESTAND - len(kop.encode())))
    (tmp_path / "een_te_veel.json").write_bytes(kop.encode() + b" " * (klas.MAX_BESTAND + 1 - len(kop.encode())))
    k = _lees(tmp_path)
    assert k.gebruikt == ["precies.json"]
    assert [(m.bestand, m.reden) for m in k.meldingen] == [("een_te_veel.json", "te groot voor een antwoordbestand; overgeslagen")]


def test_reasons_for_unreadable_content(tmp_path):
    (tmp_path / "latin1.json").write_bytes('{"naam": "Zoë"}'.encode("latin-1"))
    (tmp_path / "diep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _schrijf(tmp_path / "versie_true.json", {"formaat": "lsp-antwoorden", "versie": True})
    _schrijf(tmp_path / "versie_groot.json", {"formaat": "lsp-antwoorden", "versie": 10**7})
    _schrijf(tmp_path / "versie_2.json", {"formaat": "lsp-antwoorden", "versie": 2})
    reasons = {m.bestand: m.reden for m in _lees(tmp_path).meldingen}
    assert reasons == {
        "diep.json": "beschadigd: te diep genest",
        "latin1.json": "beschadigd: geen UTF-8-tekst",
        "versie_2.json": "andere versie (2); dit boek leest versie 1",
        "versie_groot.json": "andere versie (onbekend); dit boek leest versie 1",
        "versie_true.json": "andere versie (onbekend); dit boek leest versie 1",
    }


def test_zip_edges(tmp_path, monkeypatch):
    rng = random.Random(12)
    js = json.dumps(_bestand(1, rng)).encode()
    diep = _zip({"niveau3.zip": _zip({"in.json": js})})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("goed.json", js)
        zf.writestr("map/", b"")
        link = zipfile.ZipInfo("link.json")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "goed.json")
        zf.writestr("geheim.json", b"xx")
        zf.writestr("niveau2.zip", diep)
        zf.writestr("groot_in_zip.zip", b"x" * 2000)
        zf.writestr("kapot_in_zip.zip", b"PK\x03\x04 geen zip")
        zf.writestr("Thumbs.db", b"")
    data = bytearray(buf.getvalue())
    start = data.rfind(b"PK\x01\x02", 0, data.rfind(b"geheim.json"))   # its central directory entry
    data[start + 8] |= 0x1                                              # "encrypted"
    (tmp_path / "lms.zip").write_bytes(bytes(data))
    monkeypatch.setattr(klas, "MAX_ZIP_IN_ZIP", 1000)
    k = _lees(tmp_path)
    assert k.gebruikt == ["lms.zip/goed.json"]
    assert {m.bestand: m.reden for m in k.meldingen} == {
        "lms.zip/geheim.json": "versleuteld in het zip-bestand; overgeslagen",
        "lms.zip/groot_in_zip.zip": "zip-bestand te groot om in een zip-bestand te openen",
        "lms.zip/kapot_in_zip.zip": "beschadigd zip-bestand: kan niet geopend worden",
        "lms.zip/link.json": "snelkoppeling in een zip-bestand; niet gevolgd",
        "lms.zip/niveau2.zip/niveau3.zip": "zip-bestand in een zip-bestand in een zip-bestand; niet geopend",
        "lms.zip/Thumbs.db": "hulpbestand van het besturingssysteem; overgeslagen",
    }


def test_a_zip_that_lies_about_sizes_is_read_only_up_to_the_limit(tmp_path, monkeypatch):
    """A member whose header claims a small size: reading stops at the limit (zip bomb)."""
    monkeypatch.setattr(klas, "MAX_BESTAND", 1000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bom.json", b"0" * 100_000)
        zf.writestr("bom_in_zip.zip", b"0" * 5000)
    data = bytearray(buf.getvalue())
    # rewrite the sizes in the central directory to 10 bytes (the local headers keep the truth)
    for naam in (b"bom.json", b"bom_in_zip.zip"):
        start = data.rfind(b"PK\x01\x02", 0, data.rfind(naam))
        data[start + 24:start + 28] = (10).to_bytes(4, "little")
    (tmp_path / "bom.zip").write_bytes(bytes(data))
    monkeypatch.setattr(klas, "MAX_ZIP_IN_ZIP", 1000)
    reasons = {m.bestand: m.reden for m in _lees(tmp_path).meldingen}
    assert reasons["bom.zip/bom.json"] in ("te groot voor een antwoordbestand; overgeslagen",
                                           "beschadigd in het zip-bestand: kan niet uitgepakt worden")
    assert reasons["bom.zip/bom_in_zip.zip"] in ("zip-bestand te groot om in een zip-bestand te openen",
                                                 "beschadigd in het zip-bestand: kan niet uitgepakt worden")


def test_limits_on_count_and_bytes_stop_the_run_with_a_reason(tmp_path, monkeypatch):
    rng = random.Random(13)
    for i in range(6):
        _schrijf(tmp_path / f"s{i}.json", _bestand(i, rng))
    monkeypatch.setattr(klas, "MAX_ITEMS", 4)
    k = _lees(tmp_path)
    assert k.gebruikt == ["s0.json", "s1.json", "s2.json", "s3.json"]
    assert k.meldingen[-1].bestand == "." and k.meldingen[-1].reden.startswith("te veel bestanden of gegevens (meer dan 4 ")
    monkeypatch.setattr(klas, "MAX_ITEMS", 100)
    grootte = sum((tmp_path / f"s{i}.json").stat().st_size for i in (0, 1))
    monkeypatch.setattr(klas, "MAX_UITGEPAKT", grootte)
    k = _lees(tmp_path)
    assert len(k.gebruikt) == 3    # the third file crosses the limit, the fourth is not read
    assert {m.reden for m in k.meldingen[:-1]} == {"te veel gegevens in deze map; overgeslagen"}
    (tmp_path / "z.zip").write_bytes(_zip({"x.json": b"{}", "y.zip": _zip({"z.json": b"{}"})}))   # after s*.json
    monkeypatch.setattr(klas, "MAX_UITGEPAKT", 0)
    reasons = {m.bestand: m.reden for m in _lees(tmp_path).meldingen}
    assert reasons["z.zip/x.json"] == reasons["z.zip/y.zip"] == "te veel gegevens in deze map; overgeslagen"


def test_newest_with_equal_times_goes_by_name(tmp_path):
    rng = random.Random(14)
    a = _schrijf(tmp_path / "lsp (2).json", _bestand(1, rng))
    b = _schrijf(tmp_path / "lsp (10).json", _bestand(1, rng, naam="STUDENT 1"))
    for p in (a, b):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    k = _lees(tmp_path)
    assert k.gebruikt == ["lsp (10).json"]
    assert k.meldingen[0].reden.endswith("(volgens bestandsnaam (de tijden zijn gelijk))")


def test_a_broken_exercise_file_of_the_book_is_named(tmp_path):
    oefeningen = tmp_path / "oef"
    oefeningen.mkdir()
    (oefeningen / "alle_typen.yml").write_text((OEFENINGEN / "alle_typen.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (oefeningen / "h1_kapot.yml").write_text("versie: 1\nid: h1_kapot\n", encoding="utf-8")
    (oefeningen / "h2_ander.yml").write_text("niet eens gelezen: [", encoding="utf-8")
    _schrijf(tmp_path / "map" / "a.json", _bestand(1, random.Random(1)))
    k = klas.lees_map(tmp_path / "map", oefeningen_map=oefeningen)
    assert [(m.bestand, m.reden) for m in k.opmerkingen] == [
        ("h1_kapot.yml", "dit oefenbestand van het boek heeft een fout; de oefening ontbreekt in het overzicht "
                         "(python -m book controleer)")]
    assert list(k.specs) == ["alle_typen"]


def test_exercises_follow_the_page_order_of_the_chapter(tmp_path):
    from book.exercises.spec import all_spec_paths, load_spec
    from book.overzicht import exercise_locations

    op_pagina = [oid for oid in exercise_locations() if oid.startswith("h5_")]
    specs = {p.stem: load_spec(path=p) for p in all_spec_paths() if p.stem.startswith("h5_")}
    _schrijf(tmp_path / "a.json", {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 5, "naam": "x",
                                   "datum": "2026-01-01", "oefeningen": {}})
    k = klas.lees_map(tmp_path)
    assert list(k.specs)[:len(op_pagina)] == op_pagina and set(k.specs) == {s.id for s in specs.values() if s.hoofdstuk == 5}
    assert op_pagina != sorted(op_pagina, key=klas.natuurlijk)   # page order is not id order here


def test_many_misfits_are_summarised_and_unfinished_paths_counted(tmp_path):
    rng = random.Random(15)
    data = _bestand(1, rng)
    a = data["oefeningen"]["alle_typen"]["antwoorden"]
    a.update({"a2": {"volgorde": ["?"]}, "a4": {"indeling": {"?": "Helpend"}}, "a5": {"keuze": 7},
              "a7": {"pad": ["k9"]}, "a8": {"scores": [1] * 9}, "a3": {"ronde1": [{}] * 5}, "a1": {"keuze": 1}})
    _schrijf(tmp_path / "a.json", data)
    b = _bestand(2, rng)
    b["oefeningen"]["alle_typen"]["antwoorden"]["a7"] = {"pad": ["k1", "k3"], "reflectie": ""}
    del b["oefeningen"]["alle_typen"]["antwoorden"]["a5"]["eerste"]
    _schrijf(tmp_path / "b.json", b)
    k = _lees(tmp_path)
    redenen = [m.reden for m in k.opmerkingen if m.bestand == "a.json"]
    assert len(redenen) == 6 and redenen[-1] == "nog 2 antwoord(en) niet meegeteld"
    assert redenen[0] == "antwoord niet meegeteld: Testcasus met alle vraagtypen, vraag 1: hoort bij een ander soort vraag"
    ov = {vo.nummer: vo for vo in klas.overzicht(k)[0].vragen}
    assert ov[7].samenvatting == ["Nog niet bij een einde: 1."]
    assert ov[5].samenvatting[0] == "Eerste poging: niet bekend (de bestanden bewaren die nog niet)."
    assert _tekst(ov[5].tabellen[0].rijen)[1][2] == "–"


def test_wide_tables_become_one_block_per_row(tmp_path):
    oefeningen = tmp_path / "oef"
    oefeningen.mkdir()
    items = [f"Stap nummer {n} van het plan" for n in range(1, 13)]
    yml = (OEFENINGEN / "alle_typen.yml").read_text(encoding="utf-8").replace(
        "items: [Kennismaken op de markt, Bellen met de broer, Overleg met het team]", "items: [" + ", ".join(items) + "]")
    (oefeningen / "alle_typen.yml").write_text(yml, encoding="utf-8")
    data = _bestand(1, random.Random(1))
    data["oefeningen"]["alle_typen"]["antwoorden"]["a2"] = {"volgorde": items[::-1], "redenen": {}}
    _schrijf(tmp_path / "map" / "a.json", data)
    text = klas.rapport(klas.lees_map(tmp_path / "map", oefeningen_map=oefeningen))
    assert max(klas.breedte(r) for r in text.splitlines()) <= 100
    assert "    Stap nummer 12 van het plan\n      gem. plaats: 1,0; plaats 1: 1; plaats 2: 0;" in text


def test_opmerkingen_section_html_helpers_and_notebook_display(tmp_path):
    rng = random.Random(16)
    _schrijf(tmp_path / "map" / "a.json", _bestand(1, rng, naam="", studentnummer=""))
    k = _lees(tmp_path / "map")
    text = klas.rapport(k)
    assert text.startswith("Klasoverzicht hoofdstuk 1: 1 bruikbaar antwoordbestand.\n")
    assert "Meegeteld, met een opmerking (1):\n  - a.json: geen naam en geen studentnummer: meegeteld, maar een" in text
    page = klas.html_rapport(k)
    assert "<details><summary>Meegeteld, met een opmerking (1)" in page and "white-space:pre-wrap" in page
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"nl\">") and "default-src 'none'" in page
    fragment = klas.weergave(k).data
    assert fragment.startswith("<style>") and "<html" not in fragment and '<div class="lsp-klas" lang="nl">' in fragment
    with pytest.raises(klas.KlasFout, match="buiten de map"):
        klas.schrijf_html(k, tmp_path / "map", tmp_path / "map")
    assert klas.schrijf_html(k, tmp_path / "r.html", tmp_path / "map").read_text(encoding="utf-8") == page
    with pytest.raises(klas.KlasFout, match="bestaat niet of is geen map"):
        klas.lees_map(tmp_path / "map" / "a.json")


class _Pagina(HTMLParser):
    """Every text of the page with the element it stands in, the tables as rows of cells, the bars."""

    def __init__(self) -> None:
        super().__init__()
        self.stapel: list[str] = []
        self.teksten: list[tuple[str, str]] = []     # (enclosing tag, text)
        self.tabellen: list[dict] = []
        self.cel: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("meta", "br", "hr", "img", "link", "input"):
            return
        self.stapel.append(tag)
        if tag == "table":
            self.tabellen.append({"titel": None, "kop": [], "rijen": []})
        elif tag == "tr" and self.stapel[-2] == "tbody":
            self.tabellen[-1]["rijen"].append([])
        elif tag in ("th", "td"):
            self.cel = {"tag": tag, "scope": a.get("scope"), "class": a.get("class"), "tekst": "", "balk": None}
        elif tag == "span" and self.cel is not None:
            self.cel["balk"] = a.get("style")

    def handle_endtag(self, tag):
        assert self.stapel.pop() == tag, f"</{tag}> sluit iets anders"
        if tag in ("th", "td"):
            t = self.tabellen[-1]
            (t["kop"] if "thead" in self.stapel else t["rijen"][-1]).append(self.cel)
            self.cel = None

    def handle_data(self, data):
        if not data.strip() or self.stapel[-1:] == ["style"]:
            return
        self.teksten.append((self.stapel[-1] if self.stapel else "", data))
        if self.cel is not None:
            self.cel["tekst"] += data
        elif self.stapel[-1] == "caption":
            self.tabellen[-1]["titel"] = data


@pytest.mark.parametrize("n", [1, 4])
def test_html_report_shows_the_overview_in_its_own_elements(tmp_path, n):
    """What the HTML page shows equals the overview: titles, questions, summaries, every table cell
    in its place with a bar in proportion, the anonymous answers; no text stray between elements."""
    rng = random.Random(3)
    for i in range(n):
        _schrijf(tmp_path / "map" / f"s{i}.json", _bestand(i, rng))
    (tmp_path / "map" / "kapot.json").write_text("{", encoding="utf-8")
    (tmp_path / "map" / "notities.txt").write_text("x", encoding="utf-8")
    k = _lees(tmp_path / "map")
    (oef,) = klas.overzicht(k)
    page = klas.html_rapport(k)
    p = _Pagina()
    p.feed(page)
    p.close()
    assert p.stapel == []
    # no text directly in a structural element (a garbled tag would show up as text there)
    assert {tag for tag, _ in p.teksten} <= {"title", "h1", "h2", "h3", "p", "summary", "li", "caption", "th", "td"}
    alleen = lambda *tags: [t for tag, t in p.teksten if tag in tags]  # noqa: E731
    assert alleen("title", "h1") == ["Klasoverzicht hoofdstuk 1"] * 2
    assert alleen("h2") == ["Testcasus met alle vraagtypen"]
    assert alleen("h3") == [f"Vraag {vo.nummer} ({klas.TYPE_NAMEN[vo.type]}): {vo.vraag}" for vo in oef.vragen]
    assert alleen("h3")[0] == "Vraag 1 (open vraag): Wat valt je op aan de situatie van Sam?"
    assert alleen("summary") == ["Niet meegeteld (2) — bevat bestandsnamen, niet voor het digibord"]
    assert alleen("p")[0] == {1: "1 bruikbaar antwoordbestand", 4: "4 bruikbare antwoordbestanden"}[n] + (
        ". Het overzicht is anoniem.")
    li = alleen("li")
    assert li[0].startswith("kapot.json: beschadigd: ") and li[1] == "notities.txt: geen JSON-bestand; overgeslagen"
    assert li[2:] == [t for vo in oef.vragen for t in vo.teksten] and (len(li) > 4 or n == 1)
    samenvatting = re.findall(r'<p class="samenvatting">([^<]*)</p>', page)
    assert samenvatting == [z for vo in oef.vragen for z in vo.samenvatting] and len(samenvatting) > 4
    tabellen = [t for vo in oef.vragen for t in vo.tabellen]
    assert len(p.tabellen) == len(tabellen) > 5
    for gezien, tabel in zip(p.tabellen, tabellen):
        assert gezien["titel"] == (tabel.titel or None)
        assert [c["tekst"] for c in gezien["kop"]] == tabel.kolommen
        assert {c["scope"] for c in gezien["kop"]} == {"col"}
        assert [[c["tekst"] for c in rij] for rij in gezien["rijen"]] == _tekst(tabel.rijen)
        grootste = max([c for r in tabel.rijen for c in r if isinstance(c, int)] + [1])
        for rij, cellen in zip(tabel.rijen, gezien["rijen"]):
            assert cellen[0]["tag"] == "th" and cellen[0]["scope"] == "row"
            for i, (waarde, cel) in enumerate(zip(rij[1:], cellen[1:]), start=1):
                assert cel["tag"] == "td"
                if isinstance(waarde, klas.Aantal):
                    # a count "n (p%)" carries a bar of p %
                    verwacht = f"width:{round(100 * waarde.n / waarde.van)}%" if waarde.n and waarde.van else None
                    assert (cel["class"], cel["balk"]) == ("getal", verwacht)
                elif all(isinstance(r[i], int) for r in tabel.rijen):
                    # a column of whole numbers: bars relative to the largest number in the table
                    verwacht = f"width:{round(100 * waarde / grootste)}%" if waarde else None
                    assert (cel["class"], cel["balk"]) == ("getal", verwacht)
                else:
                    assert (cel["class"], cel["balk"]) == (None, None)
    balken = [c["balk"] for t in p.tabellen for r in t["rijen"] for c in r if c["balk"]]
    assert len(set(balken)) > (2 if n > 1 else 0) and "width:100%" in balken
    with pytest.raises(klas.KlasFout) as info:
        klas.schrijf_html(k, tmp_path / "map" / "sub" / "r.html", tmp_path / "map")
    assert str(info.value) == f"Schrijf het HTML-rapport buiten de map {tmp_path / 'map'}: die map blijft onveranderd."
    assert klas.weergave(k).data == f"<style>{klas._CSS}</style>\n" + page.split("<body>\n", 1)[1].rsplit("\n</body>", 1)[0]


def _zip_met_tijden(members: dict[str, tuple[bytes, tuple]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for naam, (inhoud, tijd) in members.items():
            zf.writestr(zipfile.ZipInfo(naam, date_time=tijd), inhoud)
    return buf.getvalue()


def test_inside_a_zip_macos_extras_limits_and_member_times(tmp_path, monkeypatch):
    """Zip members: macOS extras in any subfolder are skipped, every member counts towards the item
    limit, the size limits hold exactly, and a member's own time decides between two files of one student."""
    rng = random.Random(17)
    def zelfde_datum(i: int, **extra) -> bytes:   # one date in every file: the member's time decides
        return json.dumps(_bestand(i, rng, datum="2026-11-01", **extra)).encode()

    js = [zelfde_datum(i) for i in range(4)]
    js = [j + b" " * (max(map(len, js)) - len(j)) for j in js]   # one length, for the exact size limits
    nieuw = zelfde_datum(0, naam="Student 0")
    (tmp_path / "lms.zip").write_bytes(_zip_met_tijden({
        "a/b/._lsp.json": (b"\x00\x05\x16\x07", (2026, 11, 1, 0, 0, 0)),
        "__MACOSX/a/lsp.json": (js[1], (2026, 11, 1, 0, 0, 0)),
        "s0/later.json": (nieuw, (2026, 11, 20, 10, 0, 0)),     # same student, newer by the member's time
        "s0/z_eerder.json": (js[0], (2026, 11, 2, 10, 0, 0)),
        "s2/lsp.json": (js[2], (2026, 11, 1, 0, 0, 0)),
        # a zip in a zip in a zip is not opened; what follows it in the same zip still is looked at
        "x.zip": (_zip({"diep.zip": _zip({"s3.json": js[3]}), "notities.txt": b"x"}),
                  (2026, 11, 1, 0, 0, 0)),
    }))
    k = _lees(tmp_path)
    assert k.gebruikt == ["lms.zip/s0/later.json", "lms.zip/s2/lsp.json"]
    assert {m.bestand: m.reden for m in k.meldingen} == {
        "lms.zip/__MACOSX/a/lsp.json": "hulpbestand van het besturingssysteem; overgeslagen",
        "lms.zip/a/b/._lsp.json": "hulpbestand van het besturingssysteem; overgeslagen",
        "lms.zip/s0/z_eerder.json": "dubbel: dezelfde student leverde ook lms.zip/s0/later.json in; "
                                    "dat is nieuwer en telt (volgens tijd van het bestand)",
        "lms.zip/x.zip/diep.zip": "zip-bestand in een zip-bestand in een zip-bestand; niet geopend",
        "lms.zip/x.zip/notities.txt": "geen JSON-bestand; overgeslagen",
    }
    # the zip counts as one item, each member as one more: with a limit of 4, three members are seen
    (tmp_path / "lms.zip").write_bytes(_zip({f"s{i}.json": js[i] for i in range(4)}))
    monkeypatch.setattr(klas, "MAX_ITEMS", 4)
    k = _lees(tmp_path)
    assert k.gebruikt == ["lms.zip/s0.json", "lms.zip/s1.json", "lms.zip/s2.json"]
    assert [m.bestand for m in k.meldingen] == ["."] and k.meldingen[0].reden.startswith("te veel bestanden")
    monkeypatch.setattr(klas, "MAX_ITEMS", 100)
    # the bytes of all members count together; the member that crosses the limit is still read,
    # and the rest of the zip is still listed
    (tmp_path / "lms.zip").write_bytes(_zip({**{f"s{i}.json": js[i] for i in range(4)},
                                            "s4.zip": _zip({"s.json": js[0]}), "z.txt": b"x"}))
    monkeypatch.setattr(klas, "MAX_UITGEPAKT", 2 * len(js[0]))
    k = _lees(tmp_path)
    assert k.gebruikt == ["lms.zip/s0.json", "lms.zip/s1.json", "lms.zip/s2.json"]
    assert {m.bestand: m.reden for m in k.meldingen[:-1]} == {
        "lms.zip/s3.json": "te veel gegevens in deze map; overgeslagen",
        "lms.zip/s4.zip": "te veel gegevens in deze map; overgeslagen",
        "lms.zip/z.txt": "geen JSON-bestand; overgeslagen",
    }
    assert k.meldingen[-1].bestand == "." and k.meldingen[-1].reden.startswith("te veel bestanden of gegevens")
    monkeypatch.setattr(klas, "MAX_UITGEPAKT", 10**9)
    # size limits are inclusive: a member or a zip of exactly the limit is read, one byte more is not
    binnen = _zip({"s3.json": js[3]})
    # (t.json comes after the refused members: the rest of the zip is still read)
    (tmp_path / "lms.zip").write_bytes(_zip({"s0.json": js[0], "eigen.zip": binnen, "t.json": b"[]"}))
    monkeypatch.setattr(klas, "MAX_BESTAND", len(js[0]))
    monkeypatch.setattr(klas, "MAX_ZIP_IN_ZIP", len(binnen))
    monkeypatch.setattr(klas, "MAX_ZIP", (tmp_path / "lms.zip").stat().st_size)
    assert _lees(tmp_path).gebruikt == ["lms.zip/eigen.zip/s3.json", "lms.zip/s0.json"]
    monkeypatch.setattr(klas, "MAX_BESTAND", len(js[0]) - 1)
    monkeypatch.setattr(klas, "MAX_ZIP_IN_ZIP", len(binnen) - 1)
    meldingen = {m.bestand: m.reden for m in _lees(tmp_path).meldingen}
    assert meldingen.pop("lms.zip/t.json") == (
        "onbruikbaar: is geen antwoordbestand van dit boek (formaat 'lsp-antwoorden' ontbreekt)")
    assert meldingen == {
        "lms.zip/eigen.zip": "zip-bestand te groot om in een zip-bestand te openen",
        "lms.zip/s0.json": "te groot voor een antwoordbestand; overgeslagen",
    }
    monkeypatch.setattr(klas, "MAX_ZIP", (tmp_path / "lms.zip").stat().st_size - 1)
    k = _lees(tmp_path)
    assert k.gebruikt == [] and [(m.bestand, m.reden) for m in k.meldingen] == [("lms.zip", "zip-bestand te groot; niet geopend")]


def test_text_tables_fit_100_columns_exactly():
    """A table in the text report: the title indented by 2 and wrapped at 100 columns; headers cut at
    18 columns; numbers right-aligned; the first column shrinks to no less than 14 columns (or its own
    width) to make room, and wraps; with even less room each row becomes a block."""
    T = klas.Tabel
    titel_97 = "x" * 90 + " " + "y" * 6        # 2 + 97 = 99 columns: one line
    titel_99 = "x" * 90 + " " + "y" * 8        # would be 101 columns: two lines
    assert klas._tabel_tekst(T(["item", "aantal en uitleg"], [["ab", klas.Aantal(1, 2)], ["", klas.Aantal(2, 4, True)]],
                               titel=titel_97)) == [
        "  " + titel_97,
        "    item  aantal en uitleg",
        "    ab             1 (50%)",
        "                   2 van 4",
    ]
    assert klas._tabel_tekst(T(["k", "een kolomkop die te lang is"], [["a", 3]], titel=titel_99)) == [
        "  " + "x" * 90,
        "  " + "y" * 8,
        "    k  een kolomkop die …",
        "    a                   3",
    ]
    koppen = ["eerste"] + [f"k{i}" + "x" * 16 for i in range(1, 5)]
    rij = ["woord " * 6 + "eind", 1, 2, 3, 4]
    assert klas._tabel_tekst(T(koppen, [rij])) == [       # 4 + 14 + 4 * (2 + 18) = 98 columns
        "    eerste          " + "  ".join(koppen[1:]),
        "    woord woord     " + "  ".join(f"{n:>18}" for n in rij[1:]),
        "    woord woord",
        "    woord woord",
        "    eind",
    ]
    assert klas._tabel_tekst(T(koppen + ["k5"], [rij + [5]])) == [   # the first column would get 10
        "    woord woord woord woord woord woord eind",
        "      " + "; ".join(f"{k}: {n}" for k, n in zip(koppen[1:], rij[1:])) + ";",
        "      k5: 5",
    ]


def test_read_errors_of_the_system_are_named_in_dutch(tmp_path, monkeypatch):
    """A file that cannot be read names the reason (as root no real permission error can be made,
    so the reading itself is replaced); a folder that cannot be listed is named too."""
    import errno

    fouten = {
        "a_weg.json": FileNotFoundError(errno.ENOENT, "x"), "b_toegang.json": PermissionError(errno.EACCES, "x"),
        "c_perm.json": OSError(errno.EPERM, "x"), "d_kring.json": OSError(errno.ELOOP, "x"),
        "e_map.json": IsADirectoryError(errno.EISDIR, "x"), "f_io.json": OSError(errno.EIO, "x"),
        "g_zonder.json": OSError("geen nummer"),
    }
    for naam in fouten:
        (tmp_path / naam).write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    echt_lezen, echt_scandir = klas._lees_gewoon, klas.os.scandir

    def lees(pad, limiet):
        if Path(pad).name in fouten:
            raise fouten[Path(pad).name]
        return echt_lezen(pad, limiet)

    def scandir(pad):
        if Path(pad).name == "sub":
            raise PermissionError(errno.EACCES, "x")
        return echt_scandir(pad)

    monkeypatch.setattr(klas, "_lees_gewoon", lees)
    monkeypatch.setattr(klas.os, "scandir", scandir)
    assert {m.bestand: m.reden for m in _lees(tmp_path).meldingen} == {
        "a_weg.json": "kan niet gelezen worden (bestaat niet meer)",
        "b_toegang.json": "kan niet gelezen worden (geen toegang)",
        "c_perm.json": "kan niet gelezen worden (geen toegang)",
        "d_kring.json": "kan niet gelezen worden (snelkoppeling in een kring)",
        "e_map.json": "kan niet gelezen worden (is een map)",
        "f_io.json": "kan niet gelezen worden (leesfout van het besturingssysteem)",
        "g_zonder.json": "kan niet gelezen worden (leesfout van het besturingssysteem)",
        "sub/": "map kan niet gelezen worden (geen toegang)",
    }


def test_a_zip_member_with_an_impossible_date_has_no_time(tmp_path):
    """A member dated month 13 (a damaged or hand-made zip): its time is unknown, so between two files
    of one student with the same date the file name decides, without a crash."""
    rng = random.Random(18)
    js = [json.dumps(_bestand(1, rng, datum="2026-11-01")).encode() for _ in range(2)]
    data = bytearray(_zip_met_tijden({"a.json": (js[0], (2026, 11, 1, 9, 0, 0)),
                                      "b.json": (js[1], (2026, 11, 2, 9, 0, 0))}))
    start = data.rfind(b"PK\x01\x02", 0, data.rfind(b"a.json"))        # central directory entry of a.json
    data[start + 14:start + 16] = (((2026 - 1980) << 9) | (13 << 5) | 1).to_bytes(2, "little")
    (tmp_path / "lms.zip").write_bytes(bytes(data))
    k = _lees(tmp_path)
    assert k.gebruikt == ["lms.zip/b.json"]
    assert [(m.bestand, m.reden) for m in k.meldingen] == [
        ("lms.zip/a.json", "dubbel: dezelfde student leverde ook lms.zip/b.json in; dat is nieuwer en telt "
                           "(volgens bestandsnaam (de tijden zijn gelijk))")]


def test_a_zip_member_that_cannot_be_unpacked_does_not_stop_the_zip(tmp_path):
    data = bytearray(_zip({"a.zip": _zip({"x.json": b"{}" * 500}), "b.txt": b"x"}))
    kop = data.find(b"PK\x03\x04")                                       # local header of a.zip
    begin = kop + 30 + int.from_bytes(data[kop + 26:kop + 28], "little") + int.from_bytes(data[kop + 28:kop + 30], "little")
    data[begin + 2:begin + 12] = b"\xff" * 10                             # damage the compressed bytes
    (tmp_path / "lms.zip").write_bytes(bytes(data))
    assert {m.bestand: m.reden for m in _lees(tmp_path).meldingen} == {
        "lms.zip/a.zip": "beschadigd in het zip-bestand: kan niet uitgepakt worden",
        "lms.zip/b.txt": "geen JSON-bestand; overgeslagen",
    }


def test_stelling_chart_stacks_the_positions_in_their_colours(tmp_path):
    """The chart of the statements: one stacked bar per statement and round, each position in its
    own colour from left to right, the legend of five positions in one row above the axes, and a
    figure whose height grows with the number of bars (mutation testing, issue 15)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_hex
    from matplotlib.font_manager import FontProperties

    from book.figures import GRIJS, OKABE_ITO

    rng = random.Random(2)
    for i in range(3):
        _schrijf(tmp_path / "map" / f"{i}.json", _bestand(i, rng))
    k = _lees(tmp_path / "map")
    ax = klas.plot_stellingen(k)
    tabellen = [t for vo in klas.overzicht(k)[0].vragen if vo.type == "stelling" for t in vo.tabellen]
    rijen = [rij[1:] for t in tabellen for rij in t.rijen]
    assert len(rijen) == 4
    assert tuple(ax.figure.get_size_inches()) == pytest.approx((9, 0.5 * 4 + 1.6))
    kleuren = [OKABE_ITO["vermiljoen"], OKABE_ITO["oranje"], GRIJS, OKABE_ITO["hemelsblauw"], OKABE_ITO["blauw"]]
    assert len(ax.containers) == 5
    for positie, (balken, kleur) in enumerate(zip(ax.containers, kleuren)):
        assert balken.get_label() == klas.POSITIES[positie]
        for rij, balk in zip(rijen, balken):
            assert balk.get_width() == rij[positie]
            assert balk.get_x() == sum(rij[:positie])          # stacked on the positions before it
            assert to_hex(balk.get_facecolor()) == to_hex(kleur)
    assert ax.get_xlabel() == "aantal studenten"
    legenda = ax.get_legend()
    assert [t.get_text() for t in legenda.get_texts()] == list(klas.POSITIES)
    assert legenda._loc == 8 and legenda._ncols == 5 and not legenda.get_frame_on()   # 8: "lower center"
    anker = legenda.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
    assert (anker.x0, anker.y0) == pytest.approx((0.5, 1.0))
    assert legenda.get_texts()[0].get_fontsize() == FontProperties(size="small").get_size_in_points()
    plt.close(ax.figure)
    (tmp_path / "leeg").mkdir()
    leeg = klas.plot_stellingen(_lees(tmp_path / "leeg"))
    assert tuple(leeg.figure.get_size_inches()) == pytest.approx((9, 0.5 + 1.6))
    (tekst,) = leeg.texts
    assert (tekst.get_position(), tekst.get_ha(), tekst.get_va()) == ((0.5, 0.5), "center", "center")
    plt.close(leeg.figure)


def test_text_report_layout_line_by_line():
    """The whole text report of a hand-made overview, line by line: headings with a blank line
    before them, reasons wrapped at 96 columns under their dash, the question's own text, summaries
    at 98, a blank line before each table, the anonymous answers numbered from 1 and wrapped at 92
    (an empty answer keeps its number)."""
    k = klas.Klas(hoofdstuk=2, meldingen=[klas.Melding("m1.json", "x" * 87),     # 9 + 87 = 96 columns
                                          klas.Melding("m2.json", "a" * 90 + " " + "b" * 90 + " " + "c" * 10)],
                  opmerkingen=[klas.Melding("o.json", "kort")])
    vo = klas.VraagOverzicht(3, "open", "Wat zie je?", 2, 3, samenvatting=["s" * 100],
                             tabellen=[klas.Tabel(["kijkpunt", "aangevinkt"], [["rol", 1]])],
                             teksten=["t" * 93, "", "u" * 50 + " " + "v" * 50 + " " + "w" * 50])
    k._overzicht = [klas.OefeningOverzicht("h2_x", "Een titel", [vo])]
    assert klas.rapport(k).split("\n") == [
        "Klasoverzicht hoofdstuk 2: 0 bruikbare antwoordbestanden.",
        "",
        "Niet meegeteld (2):",
        "  - m1.json: " + "x" * 87,
        "  - m2.json:",
        "    " + "a" * 90,
        "    " + "b" * 90,
        "    " + "c" * 10,
        "",
        "Meegeteld, met een opmerking (1):",
        "  - o.json: kort",
        "",
        "=" * 100,
        "Een titel (h2_x)",
        "=" * 100,
        "",
        "Vraag 3 (open vraag), beantwoord door 2 van 3: Wat zie je?",
        "  " + "s" * 98,
        "  ss",
        "",
        "    kijkpunt  aangevinkt",
        "    rol                1",
        "",
        "  Antwoorden (anoniem, 3):",
        "     1. " + "t" * 92,
        "        t",
        "     2.",
        "     3. " + "u" * 50,
        "        " + "v" * 50,
        "        " + "w" * 50,
    ]


def test_a_table_as_blocks_wraps_its_pairs_at_94_columns():
    tabel = klas.Tabel(["eerste", "k1", "k2"], [["eerste kolom", "v" * 40, "w" * 44]])
    # the first column would get 6 columns: one block per row; its pairs take exactly 6 + 94 columns
    assert klas._tabel_tekst(tabel) == ["    eerste kolom", "      k1: " + "v" * 40 + "; k2: " + "w" * 44]


def test_which_file_of_a_student_is_newer_in_either_order(tmp_path):
    """The newer of two files of one student, whichever of the two is read first: by tijdstip, by the
    file's time, and by name (a file in a subfolder is read after the files above it)."""
    rng = random.Random(19)
    _schrijf(tmp_path / "t" / "a.json", _bestand(1, rng, tijdstip="2026-03-01T10:00:00+01:00"))
    _schrijf(tmp_path / "t" / "b.json", _bestand(1, rng, tijdstip="2026-03-01T09:00:00+01:00", naam="Student 1 "))
    oud = _schrijf(tmp_path / "m" / "a.json", _bestand(2, rng, datum="2026-03-04"))
    nieuw = _schrijf(tmp_path / "m" / "b.json", _bestand(2, rng, datum="2026-03-04", naam="Student 2 "))
    os.utime(oud, (1_700_000_000, 1_700_000_000))
    os.utime(nieuw, (1_700_000_100, 1_700_000_100))
    boven = _schrijf(tmp_path / "z.json", _bestand(3, rng, datum="2026-03-04"))
    onder = _schrijf(tmp_path / "n" / "x.json", _bestand(3, rng, datum="2026-03-04", naam="Student 3 "))
    for p in (boven, onder):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    k = _lees(tmp_path)
    assert k.gebruikt == ["m/b.json", "t/a.json", "z.json"]
    assert {m.bestand: m.reden for m in k.meldingen} == {
        "t/b.json": "dubbel: dezelfde student leverde ook t/a.json in; dat is nieuwer en telt (volgens tijdstip van de export)",
        "m/a.json": "dubbel: dezelfde student leverde ook m/b.json in; dat is nieuwer en telt (volgens tijd van het bestand)",
        "n/x.json": "dubbel: dezelfde student leverde ook z.json in; dat is nieuwer en telt "
                    "(volgens bestandsnaam (de tijden zijn gelijk))",
    }


def test_wrap_keeps_every_word_after_a_long_one_and_never_loops():
    assert klas._wrap("a " + "x" * 10, 4) == ["a", "xxxx", "xxxx", "xx"]      # the line before a long word is closed
    assert klas._wrap("x" * 8 + " y z", 4) == ["xxxx", "xxxx", "y z"]
    assert klas._wrap("漢漢", 1) == ["漢", "漢"]                               # a character wider than the line: one a line
    assert klas._wrap("漢 a b", 1) == ["漢", "a", "b"]                         # a word used up: the next words stay


def test_small_overview_helpers():
    """What counts as an answer (False and None do not), the word for one student, and the
    multiple-choice table: its header and option texts cut at 200 columns."""
    from types import SimpleNamespace as NS

    assert klas.niet_leeg(False) is False and klas.niet_leeg(None) is False
    assert klas.niet_leeg(True) is True and klas.niet_leeg(0) is True
    assert klas.niet_leeg({"keuze": None, "gecontroleerd": False, "tekst": " "}) is False
    assert (klas._studenten(1), klas._studenten(2), klas._studenten(0)) == ("1 student", "2 studenten", "0 studenten")
    vraag = NS(opties=[NS(tekst="x" * 201, juist=True), NS(tekst="y" * 200, juist=False)], meerdere_juist=False)
    vo = klas.VraagOverzicht(1, "meerkeuze", "?", 1, 1)
    klas._meerkeuze(vraag, [NS(keuze=0, eerste=None)], vo)
    (tabel,) = vo.tabellen
    assert tabel.kolommen == ["optie", "juist", "eerste poging", "uiteindelijk"]
    assert [rij[0] for rij in tabel.rijen] == ["x" * 199 + "…", "y" * 200]


def test_multiple_choice_summary_with_several_right_options():
    from types import SimpleNamespace as NS

    opties = [NS(tekst="A", juist=True), NS(tekst="B", juist=False), NS(tekst="C", juist=True)]
    antwoorden = [NS(keuze=[0, 2], eerste=[0, 2]), NS(keuze=[0, 2], eerste=[2, 0]), NS(keuze=[0], eerste=[1])]
    vo = klas.VraagOverzicht(1, "meerkeuze", "?", 3, 3)
    klas._meerkeuze(NS(opties=opties, meerdere_juist=True), antwoorden, vo)
    assert vo.samenvatting == ["Meer dan één optie is juist (2); goed = precies de juiste opties gekozen.",
                               "Goed bij de eerste poging: 2 van 3 (67%).", "Uiteindelijk goed: 2 van 3 (67%)."]
    assert _tekst(vo.tabellen[0].rijen) == [["A", "ja", "2 (67%)", "3 (100%)"], ["B", "", "1 (33%)", "0 (0%)"],
                                            ["C", "ja", "2 (67%)", "2 (67%)"]]
    zonder = klas.VraagOverzicht(1, "meerkeuze", "?", 1, 1)     # a spec model without the attribute: one right option
    klas._meerkeuze(NS(opties=opties[:2]), [NS(keuze=0, eerste=1)], zonder)
    assert zonder.samenvatting == ["Goed bij de eerste poging: 0 van 1 (0%).", "Uiteindelijk goed: 1 van 1 (100%)."]


def test_ranking_and_sorting_tables_by_hand():
    """Ranking: items by their mean place, an item nobody placed last with "–"; sorting: the
    header and the first check counted per placement like the book's."""
    from types import SimpleNamespace as NS

    vo = klas.VraagOverzicht(1, "rangschikking", "?", 2, 2)
    klas._rangschikking(NS(items=["B", "A", "C"]), [NS(volgorde=["C", "A"]), NS(volgorde=["C", "A"])], vo)
    (tabel,) = vo.tabellen
    assert tabel.titel == "Hoe vaak kwam elk item op elke plaats (1 = bovenaan)"
    assert tabel.rijen == [["C", "1,0", 2, 0, 0], ["A", "2,0", 0, 2, 0], ["B", "–", 0, 0, 0]]
    vo = klas.VraagOverzicht(1, "sorteren", "?", 2, 2)
    vraag = NS(categorieen=["Helpend", "Belemmerend"], items=[NS(tekst="Ritme", categorie="Helpend"), NS(tekst="Broer", categorie=None)])
    klas._sorteren(vraag, [NS(indeling={"Ritme": "Helpend"}, eerste={"Ritme": "Helpend"}),
                           NS(indeling={"Ritme": "Helpend", "Broer": "Helpend"}, eerste={"Ritme": "Belemmerend"})], vo)
    assert vo.tabellen[0].kolommen == ["item", "boek", "Helpend", "Belemmerend", "zoals het boek"]
    assert vo.samenvatting == ["Ingedeeld zoals het boek: 2 van 2 plaatsingen (100%).",
                               "Bij de eerste controle zoals het boek: 1 van 2 (50%)."]


def test_dilemma_and_statement_summaries_by_hand():
    """Dilemma: choices per situation (only situations reached), ends, paths by count then path, the
    unfinished counted; statements: rounds counted apart, shifts only where both rounds have a position."""
    from types import SimpleNamespace as NS

    k = lambda tekst, naar: NS(tekst=tekst, naar=naar)  # noqa: E731
    lang = "Je zoekt samen uit wie er kan helpen, stap voor stap."       # 53 characters: cut at 40
    knopen = {"k1": NS(tekst="S" * 61, keuzes=[k("Nee.", "k2"), k("Vraag door.", "k3")]),
              "k2": NS(tekst="Weg.", keuzes=[]), "k3": NS(tekst="Rekening.", keuzes=[k(lang, "k4")]),
              "k4": NS(tekst="Plan.", keuzes=[]), "k5": NS(tekst="Nooit bereikt.", keuzes=[k("x", "k4")])}
    paden = [[], ["k1", "k3", "k4"], ["k1", "k3", "k4"], ["k1"], ["k1"], ["k1", "k2"]]
    vo = klas.VraagOverzicht(7, "dilemma", "?", 6, 6)
    klas._dilemma(NS(knopen=knopen), [NS(pad=p) for p in paden], vo)
    keuzes, eindes, gekozen = vo.tabellen
    assert (keuzes.kolommen, keuzes.titel) == (["situatie", "keuze", "gekozen"], "Keuzes per situatie")
    assert _tekst(keuzes.rijen) == [["S" * 59 + "…", "Nee.", "1 (33%)"], ["S" * 59 + "…", "Vraag door.", "2 (67%)"],
                                    ["Rekening.", lang, "2 (100%)"]]
    assert (eindes.kolommen, eindes.titel, eindes.rijen) == (["einde", "studenten"], "Eindes", [["Weg.", 1], ["Plan.", 2]])
    assert (gekozen.kolommen, gekozen.titel) == (["keuzes na elkaar", "studenten"], "Gekozen paden")
    assert gekozen.rijen == [["(nog geen keuze)", 2], ["Vraag door. → " + lang[:39] + "…", 2], ["Nee.", 1]]
    assert vo.samenvatting == ["Nog niet bij een einde: 2."]

    r = lambda *ps: [NS(positie=p) for p in ps]  # noqa: E731
    antwoorden = [NS(ronde1=r(4, 2), ronde2=r(5)), NS(ronde1=r(None, 3), ronde2=r(2, 3)),
                  NS(ronde1=r(1, 5), ronde2=r(1, 1)), NS(ronde1=r(3), ronde2=r(3, 4))]
    vo = klas.VraagOverzicht(3, "stelling", "?", 4, 4)
    klas._stelling(NS(stellingen=["Een.", "Twee."], tweede_ronde=NS()), antwoorden, vo)
    assert [(t.kolommen, t.titel) for t in vo.tabellen] == [(["", *klas.POSITIES], "Stelling 1: Een."),
                                                            (["", *klas.POSITIES], "Stelling 2: Twee.")]
    assert [t.rijen for t in vo.tabellen] == [
        [["ronde 1", 1, 0, 1, 1, 0], ["ronde 2", 1, 1, 1, 0, 1]],
        [["ronde 1", 0, 1, 1, 0, 1], ["ronde 2", 1, 0, 1, 1, 0]]]
    assert vo.samenvatting == ["Stelling 1, van ronde 1 naar ronde 2: 1 meer eens, 0 minder eens, 2 gelijk.",
                               "Stelling 2, van ronde 1 naar ronde 2: 0 meer eens, 1 minder eens, 1 gelijk."]
    een = klas.VraagOverzicht(3, "stelling", "?", 4, 4)
    klas._stelling(NS(stellingen=["Een."], tweede_ronde=None), antwoorden, een)
    assert een.tabellen[0].rijen == [["ronde 1", 1, 0, 1, 1, 0]] and een.samenvatting == []


def test_self_assessment_and_open_answers_by_hand():
    """Self-assessment: short score lists count for the aspects they have. Open: kijkpunten and rubric
    tables only when the question has them and answers use them; the answers in hash order."""
    from types import SimpleNamespace as NS

    vo = klas.VraagOverzicht(8, "zelfbeoordeling", "?", 2, 2)
    schaal = ["a", "b", "c", "d", "e"]
    klas._zelfbeoordeling(NS(aspecten=["X", "Y"], schaal=schaal), [NS(scores=[2]), NS(scores=[4, 5])], vo)
    (tabel,) = vo.tabellen
    assert (tabel.kolommen, tabel.titel) == (["aspect", *schaal, "mediaan"], "Profiel van de klas (aantal studenten per score)")
    assert tabel.rijen == [["X", 0, 1, 0, 1, 0, "b"], ["Y", 0, 0, 0, 0, 1, "e"]]

    teksten = ["bbb", "aaa", "ccc", "ddd"]
    antwoorden = [NS(tekst=t, kijkpunten=[0] if i % 2 else [], rubric=[2] if i else [1, 3]) for i, t in enumerate(teksten)]
    vraag = NS(type="open", kijkpunten=["eerste", "tweede"], rubric=[NS(criterium="K", niveaus=["x", "y"]), NS(criterium="L", niveaus=["p", "q", "r"])])
    vo = klas.VraagOverzicht(1, "open", "?", 4, 4)
    klas._open(vraag, antwoorden, vo)
    kijk, rubric = vo.tabellen
    assert (kijk.kolommen, kijk.titel) == (["kijkpunt", "aangevinkt"], "Kijkpunten die studenten bij hun eigen antwoord aanvinkten (4 studenten)")
    assert _tekst(kijk.rijen) == [["eerste", "2 (50%)"], ["tweede", "0 (0%)"]]
    assert rubric.titel == "Rubric: hoe studenten hun eigen antwoord inschatten (aantal per niveau)"
    assert rubric.rijen == [["K", 1, 3, ""], ["L", 0, 0, 1]]
    assert len(vo.teksten) == 4 and vo.teksten[0].startswith("ddd\n")
    vo = klas.VraagOverzicht(1, "open", "?", 4, 4)
    klas._open(vraag, [NS(tekst=t, kijkpunten=None, rubric=None) for t in teksten], vo)
    assert vo.tabellen == []
    assert vo.teksten == sorted(teksten, key=lambda t: hashlib.sha256(t.encode()).hexdigest()) != sorted(teksten)
    vo = klas.VraagOverzicht(1, "open", "?", 1, 1)
    klas._open(NS(type="open"), [NS(tekst="x", kijkpunten=[], rubric=[None])], vo)   # the question has neither
    assert vo.tabellen == [] and vo.teksten == ["x"]
    vo = klas.VraagOverzicht(1, "open", "?", 1, 1)
    klas._open(vraag, [NS(tekst="x", kijkpunten=[0], rubric=[])], vo)
    assert vo.tabellen[0].titel.endswith("(1 student)") and len(vo.tabellen) == 1


def test_width_of_marks_and_fullwidth_letters():
    assert klas.breedte("a\u20dd") == 1          # an enclosing mark (Me) takes no column
    assert klas.breedte("a\u0902") == 1          # a non-spacing mark (Mn) with combining class 0
    assert klas.breedte("a\u0301bc") == 3        # after a combining mark the count goes on
    assert klas.breedte("ＡＢ") == 4             # fullwidth letters (F) take two columns


def test_a_plain_file_is_read_up_to_one_byte_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(klas, "MAX_BESTAND", 10)
    (tmp_path / "groot.json").write_bytes(b"x" * 100)
    teller = klas._Teller()
    assert klas._lees_map_bestand(str(tmp_path / "groot.json"), teller) == b"x" * 11
    assert teller.bytes == 11 and not teller.vol
    assert klas._lees_gewoon(str(tmp_path / "groot.json"), 5) == b"x" * 5


def test_too_many_bytes_in_plain_files_is_named(tmp_path, monkeypatch):
    rng = random.Random(20)
    for i in range(3):
        _schrijf(tmp_path / f"s{i}.json", _bestand(i, rng))
    monkeypatch.setattr(klas, "MAX_UITGEPAKT", (tmp_path / "s0.json").stat().st_size - 1)
    k = _lees(tmp_path)
    assert k.gebruikt == ["s0.json"]
    assert [(m.bestand, m.reden.split(" (")[0]) for m in k.meldingen] == [
        ("s1.json", "te veel gegevens in deze map; overgeslagen"), ("s2.json", "te veel gegevens in deze map; overgeslagen"),
        (".", "te veel bestanden of gegevens")]


def test_an_exercise_file_with_an_invalid_name_does_not_stop_the_others(tmp_path):
    oefeningen = tmp_path / "oef"
    oefeningen.mkdir()
    (oefeningen / "alle_typen.yml").write_text((OEFENINGEN / "alle_typen.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (oefeningen / "Aaa.yml").write_text("niet gelezen", encoding="utf-8")    # sorts first; not an exercise id
    (oefeningen / "aa_kapot.yml").write_text("versie: 1\nid: aa_kapot\n", encoding="utf-8")   # broken, before the good one
    echt = next(p for p in sorted((ROOT / "exercises").glob("h1_*.yml")))                 # one of the book's pages
    (oefeningen / echt.name).write_text(echt.read_text(encoding="utf-8"), encoding="utf-8")
    data = _bestand(1, random.Random(1))
    data["oefeningen"]["Aaa"] = {"titel": "x", "antwoorden": {}}
    data["oefeningen"]["aa_kapot"] = {"titel": "x", "antwoorden": {}}
    _schrijf(tmp_path / "map" / "a.json", data)
    k = klas.lees_map(tmp_path / "map", oefeningen_map=oefeningen)
    # the book's exercise in page order first, the one no page shows after it
    assert list(k.specs) == [echt.stem, "alle_typen"]
    assert [m.bestand for m in k.opmerkingen] == ["aa_kapot.yml", "a.json"]
    assert k.opmerkingen[1].reden.startswith("2 oefening(en)")
    # a statement question without its own question text is shown by its statements
    (alle,) = [oef for oef in klas.overzicht(k) if oef.id == "alle_typen"]
    stelling = next(vo for vo in alle.vragen if vo.type == "stelling")
    assert stelling.vraag == "Een werker moet altijd eerst zelf contact zoeken. / De buurvrouw hoort bij het netwerk van Sam."


def test_network_summary_by_hand():
    from types import SimpleNamespace as NS

    kn = lambda soort, kwaliteit: NS(soort=soort, kwaliteit=kwaliteit)  # noqa: E731
    kaarten = [NS(knopen=[kn("familie", "steunend"), kn("familie", "belastend"), kn("buren", "steunend")]),
               NS(knopen=[kn("familie", "neutraal")]), NS(knopen=[kn("anders", "steunend"), kn("buren", "steunend")])]
    vo = klas.VraagOverzicht(6, "netwerk", "?", 3, 3)
    klas._netwerk(NS(soorten=["familie", "buren", "school"]), kaarten, vo)
    breedte, soorten, kwaliteit = vo.tabellen
    assert (breedte.kolommen, breedte.titel) == (["per kaart", "minste", "mediaan", "meeste"], "Breedte van de netwerkkaarten (3 kaarten)")
    assert breedte.rijen == [["personen en organisaties", 1, 2, 3], ["soorten", 1, 1, 2]]
    assert (soorten.kolommen, soorten.rijen) == (["soort", "op kaarten"], [["familie", 2], ["buren", 2], ["school", 0]])
    assert (kwaliteit.kolommen, kwaliteit.rijen) == (["kwaliteit", "verbindingen"], [["steunend", 4], ["neutraal", 1], ["belastend", 1]])


def test_folder_edges_named_and_the_rest_still_read(tmp_path, monkeypatch):
    """A subfolder that cannot be listed does not stop the next one; the folder itself unreadable is
    named "."; a file that vanishes between listing and looking is named; "._" files are macOS extras."""
    import errno

    rng = random.Random(21)
    _schrijf(tmp_path / "a_dicht" / "x.json", _bestand(1, rng))
    _schrijf(tmp_path / "b_open" / "y.json", _bestand(2, rng))
    _schrijf(tmp_path / "a_weg.json", _bestand(3, rng))     # between the two folders
    (tmp_path / "._z.json").write_bytes(b"\x00\x05\x16\x07")
    echt_scandir = klas.os.scandir

    class Verdwenen:
        """A directory entry whose file is gone by the time it is looked at."""

        def __init__(self, entry):
            self.name, self.path = entry.name, entry.path

        def is_symlink(self):
            return False

        def stat(self, follow_symlinks=True):
            raise FileNotFoundError(errno.ENOENT, "weg")

    class Lijst:
        def __init__(self, pad):
            self.it = echt_scandir(pad)

        def __enter__(self):
            return [Verdwenen(e) if e.name == "a_weg.json" else e for e in self.it]

        def __exit__(self, *exc):
            self.it.close()

    def scandir(pad):
        if Path(pad).name == "a_dicht":
            raise PermissionError(errno.EACCES, "x")
        return Lijst(pad)

    monkeypatch.setattr(klas.os, "scandir", scandir)
    k = _lees(tmp_path)
    assert k.gebruikt == ["b_open/y.json"]
    assert {m.bestand: m.reden for m in k.meldingen} == {
        "._z.json": "hulpbestand van het besturingssysteem; overgeslagen",
        "a_weg.json": "kan niet gelezen worden (bestaat niet meer)",
        "a_dicht/": "map kan niet gelezen worden (geen toegang)",
    }
    monkeypatch.setattr(klas.os, "scandir", lambda pad: (_ for _ in ()).throw(PermissionError(errno.EACCES, "x")))
    assert [(m.bestand, m.reden) for m in _lees(tmp_path).meldingen] == [(".", "map kan niet gelezen worden (geen toegang)")]


def test_reading_edges_of_one_file(tmp_path):
    """A damaged JSON member of a zip is named as damaged (not as a read error of the system); the
    version shown up to 999999; a student known only by name; natural order puts numbers first."""
    rng = random.Random(22)
    data = bytearray(_zip({"a.json": json.dumps(_bestand(1, rng)).encode() * 3, "b.txt": b"x"}))
    kop = data.find(b"PK\x03\x04")
    begin = kop + 30 + int.from_bytes(data[kop + 26:kop + 28], "little") + int.from_bytes(data[kop + 28:kop + 30], "little")
    data[begin + 2:begin + 12] = b"\xff" * 10
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "lms.zip").write_bytes(bytes(data))
    redenen = {m.bestand: m.reden for m in _lees(tmp_path / "z").meldingen}
    assert redenen["lms.zip/a.json"] == "beschadigd in het zip-bestand: kan niet uitgepakt worden"
    _schrijf(tmp_path / "v" / "a.json", {"formaat": "lsp-antwoorden", "versie": 999_999})
    _schrijf(tmp_path / "v" / "b.json", {"formaat": "lsp-antwoorden", "versie": -1_000_000})
    assert [m.reden for m in _lees(tmp_path / "v").meldingen] == [
        "andere versie (999999); dit boek leest versie 1", "andere versie (onbekend); dit boek leest versie 1"]
    _schrijf(tmp_path / "n" / "x.json", _bestand(1, rng, naam="Lou", studentnummer="", datum="2026-11-01"))
    _schrijf(tmp_path / "n" / "y.json", _bestand(2, rng, naam="lou ", studentnummer="", datum="2026-11-02"))
    _schrijf(tmp_path / "n" / "z.json", _bestand(3, rng, naam="", studentnummer="", datum="2026-11-02"))
    k = _lees(tmp_path / "n")
    assert k.gebruikt == ["y.json", "z.json"] and [m.bestand for m in k.meldingen] == ["x.json"]
    assert [(m.bestand, m.reden) for m in k.opmerkingen] == [
        ("z.json", "geen naam en geen studentnummer: meegeteld, maar een tweede inlevering van deze student is niet te herkennen")]
    assert sorted(["b", "2", "a10", "a9"], key=klas.natuurlijk) == ["2", "a9", "a10", "b"]


def test_exercise_files_are_cached_per_file(tmp_path):
    """Two exercise files of the same size and time are still two exercises."""
    yml = (OEFENINGEN / "alle_typen.yml").read_text(encoding="utf-8")
    a, b = tmp_path / "oef_a.yml", tmp_path / "oef_b.yml"
    a.write_text(yml.replace("id: alle_typen", "id: oef_a", 1), encoding="utf-8")
    b.write_text(yml.replace("id: alle_typen", "id: oef_b", 1), encoding="utf-8")
    for p in (a, b):
        os.utime(p, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert (klas._laad_spec(a).id, klas._laad_spec(b).id) == ("oef_a", "oef_b")


def test_answers_sorted_out_per_file_exactly(tmp_path, monkeypatch):
    """Unknown exercises and questions are counted and do not stop the rest of the file; at most five
    misfits are named, a sixth gets a "nog 1" line; long exercise titles are cut at 40 columns."""
    oefeningen = tmp_path / "oef"
    oefeningen.mkdir()
    titel = "Een heel lange titel van een oefening met alle vraagtypen"
    yml = (OEFENINGEN / "alle_typen.yml").read_text(encoding="utf-8")
    (oefeningen / "alle_typen.yml").write_text(yml.replace("titel: Testcasus met alle vraagtypen", f"titel: {titel}", 1), encoding="utf-8")
    assert titel in (oefeningen / "alle_typen.yml").read_text(encoding="utf-8")
    rng = random.Random(23)
    misfits = {"a2": {"volgorde": ["?"]}, "a4": {"indeling": {"?": "Helpend"}}, "a5": {"keuze": 7},
               "a7": {"pad": ["k9"]}, "a8": {"scores": [1] * 9}, "a1": {"keuze": 1}}
    for naam, n in (("vijf.json", 5), ("zes.json", 6)):
        data = _bestand(n, rng)
        a = data["oefeningen"]["alle_typen"]["antwoorden"]
        a.update(dict(list(misfits.items())[:n]))
        _schrijf(tmp_path / "map" / naam, data)
    data = _bestand(9, rng)
    antwoorden = data["oefeningen"]["alle_typen"]["antwoorden"]
    data["oefeningen"] = {"eerst_onbekend": {"titel": "x", "antwoorden": {}},
                          "alle_typen": {"titel": "x", "antwoorden": {"x1": {"tekst": "?"}, "x2": {"tekst": "?"}, **antwoorden}}}
    _schrijf(tmp_path / "map" / "onbekend.json", data)
    k = klas.lees_map(tmp_path / "map", oefeningen_map=oefeningen)
    per_bestand = {}
    for m in k.opmerkingen:
        per_bestand.setdefault(m.bestand, []).append(m.reden)
    kort = titel[:39] + "…"
    assert per_bestand["vijf.json"][0] == f"antwoord niet meegeteld: {kort}, vraag 2: volgorde of redenen noemen een item dat niet in de oefening staat"
    assert len(per_bestand["vijf.json"]) == 5
    assert len(per_bestand["zes.json"]) == 6 and per_bestand["zes.json"][-1] == "nog 1 antwoord(en) niet meegeteld"
    assert per_bestand["onbekend.json"] == ["3 oefening(en) of vraag/vragen die niet in dit hoofdstuk van het boek staan; niet meegeteld"]
    # the known answers of that file still count (question 1 of zes.json did not fit)
    vraag1 = klas.overzicht(k)[0].vragen[0]
    assert vraag1.beantwoord == 2 and any(t.startswith("antwoord van student 9") for t in vraag1.teksten)
    assert any(m.reden == f"antwoord niet meegeteld: {kort}, vraag 1: hoort bij een ander soort vraag" for m in k.opmerkingen)
    monkeypatch.setattr(klas, "MAX_ITEMS", 1)
    assert klas.lees_map(tmp_path / "map", oefeningen_map=oefeningen).meldingen[-1].reden == (
        "te veel bestanden of gegevens (meer dan 1 bestanden of 400 MB); de rest is niet bekeken")
    with pytest.raises(klas.KlasFout) as fout:
        klas.lees_map(tmp_path / "bestaat-niet")
    assert str(fout.value) == f"De map {tmp_path / 'bestaat-niet'} bestaat niet of is geen map."


def test_equally_many_files_of_two_chapters_give_the_lower_chapter(tmp_path):
    rng = random.Random(24)
    _schrijf(tmp_path / "a.json", _bestand(1, rng, hoofdstuk=3))
    _schrijf(tmp_path / "b.json", _bestand(2, rng, hoofdstuk=2))
    k = _lees(tmp_path)
    assert k.hoofdstuk == 2 and [(m.bestand, m.reden) for m in k.meldingen] == [("a.json", "hoort bij hoofdstuk 3, niet bij hoofdstuk 2")]
