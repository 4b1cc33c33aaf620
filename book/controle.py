"""``python -m book controleer``: check every exercise and data file, without a build.

One Dutch message per file that has a problem (file and field named, as the build would say),
and the exit status is non-zero when there is any problem. Takes a few seconds: it loads the
files, it does not run notebooks.
"""

from __future__ import annotations

import difflib
import re
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


GLOSSARY = re.compile(r"```\{glossary\}(.*?)```", re.S)


def begrippen(begrippen_dir: Path | None = None) -> set[str]:
    """The terms of the glossary fragments (begrippen/_NN.md), lower case."""
    terms: set[str] = set()
    for path in sorted((begrippen_dir or config.REPO_ROOT / "begrippen").glob("_*.md")):
        for block in GLOSSARY.findall(path.read_text(encoding="utf-8")):
            terms.update(line.strip().lower() for line in block.splitlines()
                         if line.strip() and not line.startswith((" ", "\t", ":")))
    return terms


def oefening_problemen(exercises_dir: Path | None = None, chapters_dir: Path | None = None,
                       begrippen_dir: Path | None = None) -> tuple[int, list[str]]:
    """(number of exercise files, Dutch messages): broken files, embeds of missing files,
    unknown `plaats` labels, `begrippen` that the glossary does not have. Also run by the build."""
    uitslag = Uitslag()
    _exercises(exercises_dir or config.EXERCISES_DIR, chapters_dir or config.CHAPTERS_DIR, uitslag, begrippen_dir)
    return uitslag.oefeningen, uitslag.problemen


def _exercises(exercises_dir: Path, chapters_dir: Path, uitslag: Uitslag, begrippen_dir: Path | None = None) -> None:
    from book import plaatsing
    from book.exercises.spec import ExerciseSpecError, _rel, spec_results

    results = spec_results(exercises_dir)
    uitslag.oefeningen = len(results)
    good = {}
    terms = begrippen(begrippen_dir)
    for path, result in results.items():
        if isinstance(result, ExerciseSpecError):
            uitslag.problemen.append(str(result))
            continue
        good[result.id] = result
        unknown = [(n, b) for n, b in enumerate(result.begrippen) if b.strip().lower() not in terms]
        if unknown and terms:
            n, term = unknown[0]
            guess = difflib.get_close_matches(term.lower(), sorted(terms), n=1, cutoff=0.75)
            hint = f" (bedoelde je {guess[0]!r}?)" if guess else ""
            uitslag.problemen.append(
                f"Fout in oefening {_rel(path)}: veld begrippen[{n}]: verwacht een term uit de begrippenlijst "
                f"(begrippen/_NN.md){hint}; gevonden {term!r}"
                + (f" (en nog {len(unknown) - 1} onbekende term(en))" if len(unknown) > 1 else "")
            )
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
