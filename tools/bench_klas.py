"""Benchmark of the class view: 300 normal answer files plus one 5 MB hostile file.

    .venv/bin/python tools/bench_klas.py [--studenten 300] [--hoofdstuk 5]

Builds a temporary folder (half the files loose, half in an LMS-style zip of per-student folders),
then times ``python -m book klas <map> --html ...`` as a teacher runs it, in a fresh process.
Goal (issue 11): under 10 s on 2 cores. Prints wall and CPU seconds and the load average (other
jobs on a shared machine stretch the wall time) and exits 1 when the wall time misses the goal. A measurement, not a test: ``make bench`` runs it.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from book.exercises.spec import all_spec_paths, load_spec  # noqa: E402

DOEL_SECONDEN = 10.0


def _antwoord(vraag, rng: random.Random):
    t = vraag.type
    if t == "open":
        return {"tekst": " ".join(rng.choice(["de", "werker", "netwerk", "buurt", "vraag"]) for _ in range(60)),
                "kijkpunten": sorted(rng.sample(range(len(vraag.kijkpunten)), k=min(2, len(vraag.kijkpunten))))}
    if t == "meerkeuze":
        n = len(vraag.opties)
        return {"keuze": rng.randrange(n), "eerste": rng.randrange(n), "volgorde": rng.sample(range(n), n),
                "gecontroleerd": True}
    if t == "sorteren":
        return {"indeling": {i.tekst: rng.choice(vraag.categorieen) for i in vraag.items}}
    if t == "rangschikking":
        return {"volgorde": rng.sample(vraag.items, len(vraag.items)), "redenen": {}}
    if t == "stelling":
        return {"ronde1": [{"positie": rng.randint(1, 5), "argument": "omdat"} for _ in vraag.stellingen],
                "ronde2": [{"positie": rng.randint(1, 5), "argument": ""} for _ in vraag.stellingen]}
    if t == "dilemma":
        pad = [vraag.start]
        while vraag.knopen[pad[-1]].keuzes and len(pad) < 20:
            pad.append(rng.choice(vraag.knopen[pad[-1]].keuzes).naar)
        return {"pad": pad, "reflectie": ""}
    if t == "zelfbeoordeling":
        return {"scores": [rng.randint(1, 5) for _ in vraag.aspecten]}
    if t == "netwerk":
        return {"knopen": [{"naam": f"p{n}", "soort": rng.choice(vraag.soorten), "sterkte": 2, "kwaliteit": "steunend"}
                           for n in range(rng.randint(1, 10))]}
    return None


def maak_map(folder: Path, studenten: int, hoofdstuk: int) -> None:
    rng = random.Random(11)
    specs = [s for s in map(lambda p: load_spec(path=p), all_spec_paths()) if s.hoofdstuk == hoofdstuk]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(studenten):
            data = {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": hoofdstuk, "naam": f"Student {i}",
                    "studentnummer": str(100000 + i), "datum": "2026-12-01", "tijdstip": f"2026-12-01T10:{i % 60:02d}:00+01:00",
                    "oefeningen": {s.id: {"titel": s.titel, "antwoorden": {
                        v.id: a for v in s.vragen if (a := _antwoord(v, rng)) is not None}} for s in specs}}
            tekst = json.dumps(data, ensure_ascii=False)
            if i % 2:
                zf.writestr(f"{100000 + i}-1 - Student {i} - 1 dec. 2026/lsp-h{hoofdstuk}-{i}.json", tekst)
            else:
                (folder / f"student_{i}.json").write_text(tekst, encoding="utf-8")
    (folder / "inleveringen.zip").write_bytes(buf.getvalue())
    # the hostile one: just under 5 MB, a valid header and 3,000-entry arrays everywhere it can put them
    kop = {"formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": hoofdstuk, "naam": "vijand", "datum": "2026-12-01"}
    spec = specs[0]
    vragen = {v.type: v.id for v in spec.vragen}
    antwoorden = {}
    if "stelling" in vragen:
        antwoorden[vragen["stelling"]] = {"ronde1": [{"positie": 3, "argument": "x" * 50}] * 3000}
    if "rangschikking" in vragen:
        antwoorden[vragen["rangschikking"]] = {"volgorde": [f"item {n}" for n in range(3000)], "redenen": {}}
    kop["oefeningen"] = {spec.id: {"titel": "t", "vragen": {f"q{n}": "v" * 100 for n in range(3000)},
                                   "antwoorden": antwoorden}}
    tekst = json.dumps(kop)
    opvulling = 4_990_000 - len(tekst)
    kop["oefeningen"][spec.id]["leesbaar"] = {"x": "y" * max(opvulling, 0)}
    (folder / "vijandig.json").write_text(json.dumps(kop)[:4_999_000], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studenten", type=int, default=300)
    parser.add_argument("--hoofdstuk", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "inleveringen"
        folder.mkdir()
        maak_map(folder, args.studenten, args.hoofdstuk)
        cpu_voor = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "book", "klas", str(folder), "--html", str(Path(d) / "klas.html")],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        seconden = time.perf_counter() - start
        cpu_na = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_na.ru_utime + cpu_na.ru_stime) - (cpu_voor.ru_utime + cpu_voor.ru_stime)
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 2
    eerste = proc.stdout.splitlines()[0] if proc.stdout else ""
    belasting = os.getloadavg()[0]
    print(f"{eerste}\nklas_seconden={seconden:.2f} klas_cpu_seconden={cpu:.2f} belasting={belasting:.1f} "
          f"(doel: onder {DOEL_SECONDEN:.0f} s op een vrije machine met 2 kernen)")
    return 0 if seconden < DOEL_SECONDEN else 1


if __name__ == "__main__":
    sys.exit(main())
