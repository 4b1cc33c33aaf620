"""Class view: 30 synthetic answer files with corrupt, duplicate and foreign files mixed in."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from book import klas
from conftest import ROOT

ITEMS = ["luisteren", "netwerk betrekken", "zelf oplossen", "doorverwijzen"]
SOORTEN = ["familie", "vrienden", "buren", "professionals"]


def _answer_file(i: int, rng: random.Random, hoofdstuk: int = 2, **extra) -> dict:
    r1 = [{"positie": rng.randint(1, 5), "argument": f"argument {i}"} for _ in range(2)]
    r2 = [{"positie": max(1, min(5, p["positie"] + rng.choice([-1, 0, 1, 1]))), "argument": ""} for p in r1]
    volgorde = ITEMS[:]
    rng.shuffle(volgorde)
    knopen = [
        {"naam": f"persoon {n}", "soort": rng.choice(SOORTEN), "sterkte": rng.randint(1, 3), "kwaliteit": "steunend"}
        for n in range(rng.randint(1, 8))
    ]
    data = {
        "formaat": "lsp-antwoorden",
        "versie": 1,
        "hoofdstuk": hoofdstuk,
        "naam": f"Student {i}",
        "studentnummer": f"s{1000 + i}",
        "datum": f"2026-11-{1 + i % 27:02d}",
        "oefeningen": {
            "toets_klas": {
                "titel": "Toetsoefening",
                "vragen": {"st": "Twee stellingen", "rang": "Volgorde", "net": "Netwerk", "open": "Open vraag"},
                "antwoorden": {
                    "st": {"ronde1": r1, "ronde2": r2},
                    "rang": {"volgorde": volgorde, "redenen": {}},
                    "net": {"knopen": knopen},
                    "open": {"tekst": "" if i % 5 == 0 else "mijn antwoord"},
                },
            }
        },
    }
    data.update(extra)
    return data


@pytest.fixture
def klasmap(tmp_path: Path) -> Path:
    rng = random.Random(7)
    folder = tmp_path / "ingeleverd"
    folder.mkdir()
    for i in range(30):
        (folder / f"student_{i:02d}.json").write_text(json.dumps(_answer_file(i, rng)), encoding="utf-8")
    # the mixed-in files the report must name
    (folder / "kapot.json").write_text('{"formaat": "lsp-antwoorden", "versie": 1, "hoofd', encoding="utf-8")
    (folder / "binair.json").write_bytes(bytes(range(256)))
    (folder / "kopie_student_03.json").write_bytes((folder / "student_03.json").read_bytes())
    later = _answer_file(4, rng, datum="2026-12-01")
    (folder / "student_04_herkansing.json").write_text(json.dumps(later), encoding="utf-8")
    (folder / "ander_hoofdstuk.json").write_text(json.dumps(_answer_file(90, rng, hoofdstuk=3)), encoding="utf-8")
    (folder / "oude_versie.json").write_text(json.dumps(_answer_file(91, rng, versie=0)), encoding="utf-8")
    (folder / "vreemd.json").write_text(json.dumps({"iets": "anders"}), encoding="utf-8")
    (folder / "fout_veld.json").write_text(json.dumps(_answer_file(92, rng, hoofdstuk="twee")), encoding="utf-8")
    (folder / "aantekeningen.txt").write_text("niet van een student", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())
    }


def test_report_names_every_unusable_file(klasmap):
    k = klas.lees_map(klasmap)
    reasons = {m.bestand: m.reden for m in k.meldingen}
    assert k.hoofdstuk == 2
    assert k.aantal == 30  # 30 students; the resubmission replaces student 4's first file
    assert "beschadigd" in reasons["kapot.json"]
    assert "beschadigd" in reasons["binair.json"]
    # identical content: the first file by name counts, the other is named as its double
    assert "dubbel" in reasons["student_03.json"] and "kopie_student_03.json" in reasons["student_03.json"]
    assert "dubbel" in reasons["student_04.json"] and "student_04_herkansing.json" in reasons["student_04.json"]
    assert "hoofdstuk 3" in reasons["ander_hoofdstuk.json"]
    assert "andere versie" in reasons["oude_versie.json"]
    assert "onbruikbaar" in reasons["vreemd.json"]
    assert "onbruikbaar" in reasons["fout_veld.json"]
    assert "geen JSON" in reasons["aantekeningen.txt"]
    assert len(reasons) == 9


def test_overviews_count_what_students_answered(klasmap):
    k = klas.lees_map(klasmap)
    answered = klas.beantwoord(k).set_index("vraag")
    assert answered.loc["st", "beantwoord"] == 30
    assert answered.loc["open", "beantwoord"] == 30 - 6  # every fifth left it empty (0,5,...,25)
    st = klas.stellingen(k)
    counts = st[klas.POSITIES].sum(axis=1)
    assert list(counts) == [30] * len(st)
    second = st[st["ronde"] == 2]
    assert (second[["meer eens", "minder eens", "gelijk"]].sum(axis=1) == 30).all()
    ranks = klas.rangschikkingen(k)
    assert set(ranks["item"]) == set(ITEMS)
    assert abs(ranks["gemiddelde plaats"].mean() - 2.5) < 1e-9
    nets = klas.netwerken(k)
    assert nets.loc[0, "kaarten"] == 30 and 1 <= nets.loc[0, "minste personen"] <= nets.loc[0, "meeste personen"] <= 8


def test_report_is_anonymous_and_input_unchanged(klasmap):
    before = _snapshot(klasmap)
    text = klas.rapport(klas.lees_map(klasmap))
    assert _snapshot(klasmap) == before
    assert "Student 1" not in text and "s1001" not in text
    for name in ("kapot.json", "binair.json", "oude_versie.json", "ander_hoofdstuk.json"):
        assert name in text


def test_command_line(klasmap):
    proc = subprocess.run(
        [sys.executable, "-m", "book", "klas", str(klasmap)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "Klasoverzicht hoofdstuk 2: 30 bruikbare antwoordbestanden" in proc.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "book", "klas", str(klasmap / "bestaat-niet")], capture_output=True, text=True, cwd=ROOT
    )
    assert missing.returncode == 2 and "bestaat niet" in missing.stderr


def test_empty_folder_gives_an_empty_overview(tmp_path):
    text = klas.rapport(klas.lees_map(tmp_path))
    assert "0 bruikbare antwoordbestanden" in text


def test_projector_notebook_runs_on_the_folder(klasmap):
    nb = nbformat.read(ROOT / "docent" / "klasoverzicht.ipynb", as_version=4)
    os.environ["LSP_KLAS_MAP"] = str(klasmap)
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    finally:
        del os.environ["LSP_KLAS_MAP"]
    text = json.dumps(nb["cells"][2]["outputs"])
    assert "30 bruikbare bestanden" in text and "kapot.json" in text
