"""The instructor package: the chapters as notebooks that run outside this repository.

``make instructeur`` (``python -m book.instructeur``) writes
``_build/instructeur/lerende-sociale-professionals-instructeur.zip`` with, in one folder:

- the chapter notebooks (``NN_*.ipynb``) and the class view (``klasoverzicht.ipynb``), in the form
  JupyterLab renders (:func:`book.lab.migreer`) and with every number already filled in
  (:func:`book.lab.vul_getallen`), so a chapter reads right as soon as it is opened;
- the ``book`` package as source, with ``data/`` and ``exercises/`` beside it -- where ``book``
  looks for them -- so the notebooks import it from their own folder, no install of it needed;
- ``requirements.txt`` (what the chapters need to run, plus JupyterLab and jupyterlab-myst) and
  a Dutch ``LEESMIJ.md`` with the one install command.

The exercise files hold the teacher notes (``docent:``), so the package is for instructors only;
the student site does not link to it (see README, "Voor instructeurs").
"""

from __future__ import annotations

import re
import sys
import tomllib
import zipfile
from pathlib import Path

import nbformat

from book.config import CHAPTERS_DIR, REPO_ROOT as ROOT
from book.lab import migreer, vul_getallen

NAAM = "lerende-sociale-professionals-instructeur"
DOEL = ROOT / "_build" / "instructeur" / f"{NAAM}.zip"
# Needed to build the site, not to run a chapter.
ALLEEN_VOOR_DE_BOUW = {"jupyter-book", "myst-nb", "sphinx-book-theme", "sphinx-design", "sphinx-togglebutton", "nbstripout"}
VOOR_JUPYTERLAB = ["jupyterlab>=4.2", "jupyterlab-myst>=2.4,<3"]

LEESMIJ = """\
# Lerende sociale professionals — pakket voor instructeurs

In deze map staan de hoofdstukken van het leer- en werkboek als Jupyter-notebooks, met alles
wat ze nodig hebben: het Python-pakket `book`, de getallen (`data/`) en de oefeningen
(`exercises/`). Een kopie van de repository is niet nodig.

**Alleen voor docenten.** De oefenbestanden in `exercises/` bevatten de docentenaanwijzingen.
Deel deze map niet met studenten; zij gebruiken de website van het boek.

## Installeren (één keer)

Nodig: Python 3.11 of nieuwer. Open een terminal in deze map en typ:

```sh
python -m pip install -r requirements.txt
```

Liever apart van je andere Python-pakketten? Maak dan eerst een virtuele omgeving
(`python -m venv .venv`) en gebruik `.venv/bin/python` (Windows: `.venv\\Scripts\\python`)
in plaats van `python`.

## Starten

```sh
python -m jupyterlab
```

JupyterLab opent in je browser. Open een hoofdstuk, bijvoorbeeld `01_outreach_mda.ipynb`. De
tekst staat er meteen leesbaar: getallen, begrippen en kaders. De code achter figuren en
oefeningen is ingeklapt (klik op de grijze balk om haar te zien). Kies **Run > Run All Cells**
om de figuren en de oefeningen te laten verschijnen.

Met de docentenhandleiding bij elke oefening: start met `LSP_EDITIE=docent python -m jupyterlab`
(Windows: eerst `set LSP_EDITIE=docent`, dan `python -m jupyterlab`).

## Antwoorden lezen in Python

Geef de oefening een naam in een nieuwe cel onder het hoofdstuk:

```python
w = oefening("h1_abiba")   # toont de oefening; wat je erin typt, komt in w
w.antwoorden               # de antwoorden per vraag, als Python-dict
w.opslaan("abiba.json", naam="Docent")   # bewaar ze als antwoordbestand
```

Een antwoordbestand dat een student inleverde (de JSON uit het blok *Inleveren*):

```python
from book.answers import lees_antwoorden
bestand = lees_antwoorden("lsp-h1-student-2026-12-02.json")
bestand.oefeningen["h1_abiba"].antwoorden                  # per vraag
bestand.oefeningen["h1_abiba"].antwoorden["o1_problemen"].tekst   # een open vraag
```

Een overzicht van de hele klas: open `klasoverzicht.ipynb` en vul de map met antwoordbestanden in.
"""


def requirements() -> list[str]:
    """The project's dependencies that running a chapter needs, plus JupyterLab with MyST."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    nodig = []
    for dep in project["dependencies"]:
        naam = re.split(r"[\s<>=!~\[;]", dep, maxsplit=1)[0].lower()
        if naam not in ALLEEN_VOOR_DE_BOUW:
            nodig.append(dep)
    return nodig + VOOR_JUPYTERLAB


def _notebooks() -> list[Path]:
    return sorted(CHAPTERS_DIR.glob("[0-9][0-9]_*.ipynb")) + sorted((ROOT / "docent").glob("*.ipynb"))


def _bestanden(map_: Path, *, patroon: str = "*") -> list[Path]:
    return sorted(p for p in map_.rglob(patroon) if p.is_file() and "__pycache__" not in p.parts)


def maak_pakket(doel: Path = DOEL) -> Path:
    """Write the zip (see the module docstring); return its path."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    tmp = doel.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        def schrijf(naam: str, tekst: str | bytes) -> None:
            z.writestr(f"{NAAM}/{naam}", tekst)

        schrijf("LEESMIJ.md", LEESMIJ)
        schrijf("requirements.txt", "\n".join(requirements()) + "\n")
        for pad in _notebooks():
            nb = vul_getallen(migreer(nbformat.read(pad, as_version=4)))
            schrijf(pad.name, nbformat.writes(nb) + "\n")
        for map_ in ("book", "data", "exercises"):
            for pad in _bestanden(ROOT / map_):
                if pad.suffix in {".pyc"}:
                    continue
                schrijf(str(pad.relative_to(ROOT)), pad.read_bytes())
    tmp.replace(doel)
    return doel


def main() -> int:
    pad = maak_pakket()
    print(f"Het instructeurspakket staat in {pad} ({pad.stat().st_size // 1024} kB).")
    print("Uitpakken, dan: python -m pip install -r requirements.txt  en  python -m jupyterlab (zie LEESMIJ.md).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
