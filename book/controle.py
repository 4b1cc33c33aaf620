"""``python -m book controleer``: check every exercise and data file, without a build.

One Dutch message per file that has a problem (file and field named, as the build would say),
and the exit status is non-zero when there is any problem. Takes a few seconds: it loads the
files, it does not run notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from book import config


@dataclass
class Uitslag:
    oefeningen: int = 0
    gegevens: int = 0
    problemen: list[str] = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not self.problemen


def _data(data_dir: Path, uitslag: Uitslag) -> None:
    from book import data

    names = sorted(p.stem for p in data_dir.glob("*.csv"))
    uitslag.gegevens = len(names)
    broken = False
    for name in names:
        try:
            data.load(name, data_dir=data_dir)
        except data.DataError as exc:
            uitslag.problemen.append(f"Fout in gegevens data/{exc}")
            broken = True
    if not broken and names:
        try:
            data.load_all(data_dir)
        except data.DataError as exc:
            uitslag.problemen.append(f"Fout in gegevens data/{exc}")


def _exercises(exercises_dir: Path, chapters_dir: Path, uitslag: Uitslag) -> None:
    from book import plaatsing
    from book.exercises.spec import ExerciseSpecError, spec_results

    results = spec_results(exercises_dir)
    uitslag.oefeningen = len(results)
    good = {}
    for result in results.values():
        if isinstance(result, ExerciseSpecError):
            uitslag.problemen.append(str(result))
        else:
            good[result.id] = result
    chapters = plaatsing.hoofdstukken(chapters_dir)
    embedded = plaatsing.ingebed(chapters_dir)
    known = {p.stem for p in results}
    for h in chapters.values():
        for oid in h.oefeningen():
            if oid not in known:
                uitslag.problemen.append(
                    f"Fout in hoofdstuk chapters/{h.pad.name}: oefening(\"{oid}\") verwacht het bestand "
                    f"exercises/{oid}.yml; gevonden geen bestand met die naam"
                )
    for spec in good.values():
        if spec.plaats is not None and spec.id not in embedded:
            h = chapters.get(spec.hoofdstuk)
            if h is None or spec.plaats not in h.labels():
                uitslag.problemen.append(plaatsing.plaats_melding(spec.id, spec.hoofdstuk, spec.plaats, h))


def controleer(exercises_dir: Path | None = None, data_dir: Path | None = None,
               chapters_dir: Path | None = None) -> Uitslag:
    uitslag = Uitslag()
    _data(data_dir or config.DATA_DIR, uitslag)
    _exercises(exercises_dir or config.EXERCISES_DIR, chapters_dir or config.CHAPTERS_DIR, uitslag)
    return uitslag


def rapport(uitslag: Uitslag) -> str:
    gecontroleerd = f"{uitslag.oefeningen} oefeningen en {uitslag.gegevens} gegevensbestanden gecontroleerd"
    if uitslag.in_orde:
        return f"Alles in orde: {gecontroleerd}."
    n = len(uitslag.problemen)
    kop = f"{n} probleem gevonden" if n == 1 else f"{n} problemen gevonden"
    return "\n\n".join([*uitslag.problemen, f"{kop} ({gecontroleerd})."])
