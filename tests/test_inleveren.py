"""The hand-in side of the front-end against Python: the answer file the browser writes (codes,
readable lines, time of the export) is one that book/answers.py and the class view accept."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from book.answers import controleer_bestand
from book.exercises.spec import load_spec, student_dict

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = Path(__file__).parent / "fixtures" / "exercises" / "alle_typen.yml"
NODE = shutil.which("node")

# A complete answer to every question of the fixture (same shape the page stores).
GOED = {
    "a1": {"tekst": "Sam mist contact."},
    "a2": {"volgorde": ["Overleg met het team", "Kennismaken op de markt", "Bellen met de broer"],
           "redenen": {"Overleg met het team": "eerst", "Kennismaken op de markt": "dan", "Bellen met de broer": "laatst"}},
    "a4": {"indeling": {"Een vast ritme": "Helpend", "Wantrouwen tegenover hulp": "Helpend"}},
    "a5": {"keuze": 1},
}


def _bestand_uit_browsercode(spec: dict, antwoorden: dict) -> dict:
    if NODE is None:
        pytest.fail("Node.js ontbreekt: installeer het Debian-pakket 'nodejs'.")
    script = (
        "import { maakAntwoordBestand, schoonAntwoorden } from './book/static/lsp/src/antwoorden.js';\n"
        f"const spec = {json.dumps(spec)};\n"
        f"const a = schoonAntwoorden(spec, {json.dumps(antwoorden)}).antwoorden;\n"
        "console.log(JSON.stringify(maakAntwoordBestand({hoofdstuk: spec.hoofdstuk, naam: 'Sanne', studentnummer: '', "
        "datum: '2026-12-02', per: [{spec, antwoorden: a}]})));\n"
    )
    proc = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_exported_file_with_readable_lines_and_time_passes_the_python_model():
    spec = student_dict(load_spec(path=SPEC_PATH))
    data = _bestand_uit_browsercode(spec, GOED)
    assert "T" in data["tijdstip"]
    oef = data["oefeningen"]["alle_typen"]
    assert oef["antwoorden"]["a5"] == {"keuze": 1}                     # codes stay for the class view
    assert "De werker zoekt mensen zelf op." in oef["leesbaar"]["a5"]   # and the same in words
    assert "Overleg met het team" in oef["leesbaar"]["a2"] and "eerst" in oef["leesbaar"]["a2"]
    bestand = controleer_bestand(data)
    assert bestand.tijdstip == data["tijdstip"]
    assert bestand.oefeningen["alle_typen"].leesbaar == oef["leesbaar"]
