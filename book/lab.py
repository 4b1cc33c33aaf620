"""The chapters in JupyterLab: stored clean, read like the site.

One set of rules for the chapter notebooks, used in four places:

- :func:`schoon` -- what a stored notebook may hold: no outputs, no execution counts, none of the
  metadata JupyterLab adds while you work (kernel version, widget state, trust, timing, inline
  results), and figure/exercise code collapsed. JupyterLab saves through it
  (:class:`BoekContentsManager`, configured by ``make lab``), ``make schoon`` runs it on
  ``chapters/`` and ``docent/``, and ``tests/test_repo.py`` names it when a notebook is dirty.
- :func:`migreer` -- :func:`schoon` plus the source form JupyterLab can render: numbers as
  ``{eval}`id``` instead of ``{glue:text}`id``` and a first cell that puts them in the kernel.
  Idempotent; ``tools/migrate_chapters.py`` applies it, :func:`niet_gemigreerd` checks it.
- :func:`vul_getallen` -- writes the text of every ``{eval}`id``` into the cell metadata that
  jupyterlab-myst renders (``user_expressions``), so the numbers read right as soon as a chapter
  is opened, before any cell ran. Done on load by :class:`BoekContentsManager` (and stripped again
  on save) and stored in the instructor package (``book/instructeur.py``).

Command line: ``python -m book.lab schoon|migreer|controleer [notebook ...]``.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import nbformat

from book.config import CHAPTERS_DIR, REPO_ROOT

# Notebooks that are sources of the book: stored without outputs, shown with their numbers.
BRON_MAPPEN = [CHAPTERS_DIR, REPO_ROOT / "docent"]

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
# Cell metadata JupyterLab (or nbformat's trust) adds while working; never part of the source.
RUIS_CEL = [
    "collapsed", "scrolled", "deletable", "editable", "slideshow", "trusted", "execution",
    "ExecuteTime", "heading_collapsed", "hidden", "user_expressions",
]
RUIS_NOTEBOOK = ["widgets", "signature", "toc", "varInspector"]
# Cells the site does not show: collapsed in JupyterLab too (nbformat's `jupyter` metadata).
VERBORGEN_INVOER = {"remove-input", "remove-cell", "hide-input"}
VERBORGEN_UITVOER = {"remove-cell", "remove-output", "hide-output"}

# A role, not the name of one in a code span ("de rol `{eval}` met een id").
GLUE_ROLE = re.compile(r"(?<!`)\{glue(?::text)?\}`\s*([A-Za-z_][A-Za-z0-9_]*)\s*`")
EVAL_ROLE = re.compile(r"(?<!`)\{eval\}`([^`]+)`")
OUDE_EERSTE_CEL = re.compile(r"^\s*from book\.glue import glue_numbers\s*\n\s*glue_numbers\(\)\s*$")
EERSTE_CEL = (
    "from book.glue import getallen\n"
    "globals().update(getallen())  # every number of data/ under its id, for {eval}`id` in the text"
)


def _as_node(nb: Any) -> nbformat.NotebookNode:
    return nb if isinstance(nb, nbformat.NotebookNode) else nbformat.from_dict(nb)


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _verberg(cell: dict) -> None:
    """Canonical ``jupyter`` metadata: derived from the tags, so toggling a cell leaves no trace."""
    meta = cell.setdefault("metadata", {})
    jupyter = {k: v for k, v in meta.get("jupyter", {}).items() if k not in ("source_hidden", "outputs_hidden")}
    tags = _tags(cell)
    if tags & VERBORGEN_INVOER:
        jupyter["source_hidden"] = True
    if cell.get("cell_type") == "code" and tags & VERBORGEN_UITVOER:
        jupyter["outputs_hidden"] = True
    if jupyter:
        meta["jupyter"] = jupyter
    else:
        meta.pop("jupyter", None)


def schoon(nb: Any) -> nbformat.NotebookNode:
    """The notebook as it is stored: see the module docstring. Returns a new notebook."""
    from nbstripout import strip_output

    nb = copy.deepcopy(_as_node(nb))
    keys = [f"cell.metadata.{k}" for k in RUIS_CEL] + [f"metadata.{k}" for k in RUIS_NOTEBOOK]
    nb = strip_output(nb, keep_output=False, keep_count=False, keep_id=True, extra_keys=keys)
    if "kernelspec" in nb.metadata or "language_info" in nb.metadata:
        nb.metadata["kernelspec"] = nbformat.from_dict(KERNELSPEC)
        nb.metadata["language_info"] = nbformat.from_dict(LANGUAGE_INFO)
    for cell in nb.cells:
        _verberg(cell)
        if cell.cell_type == "markdown":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
    return nb


def migreer(nb: Any) -> nbformat.NotebookNode:
    """:func:`schoon` plus ``{glue:text}`id``` -> ``{eval}`id``` and the new first cell. Idempotent."""
    nb = schoon(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = GLUE_ROLE.sub(lambda m: "{eval}`" + m.group(1) + "`", cell.source)
        elif cell.cell_type == "code" and OUDE_EERSTE_CEL.match(cell.source):
            cell.source = EERSTE_CEL
    return nb


def niet_gemigreerd(nb: Any) -> list[str]:
    """What still differs from :func:`migreer` (Dutch, one line per kind of difference)."""
    nb = _as_node(nb)
    problemen = []
    glue = sum(len(GLUE_ROLE.findall(c.source)) for c in nb.cells if c.cell_type == "markdown")
    if glue:
        problemen.append(f"{glue} getal(len) nog als {{glue:text}} in plaats van {{eval}}")
    if any(c.cell_type == "code" and OUDE_EERSTE_CEL.match(c.source) for c in nb.cells):
        problemen.append("de eerste codecel roept nog glue_numbers() aan in plaats van getallen()")
    if json.dumps(schoon(nb), sort_keys=True) != json.dumps(nb, sort_keys=True):
        problemen.append("uitvoer, ruis-metadata of open figuur-/oefeningcode (niet 'schoon')")
    return problemen


def vul_getallen(nb: Any, teksten: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Store the text of every ``{eval}`id``` as jupyterlab-myst's result (``user_expressions``).

    jupyterlab-myst shows a stored result until the cell is run; running it asks the kernel,
    which gives the same text (``getallen()``). Unknown ids get no result and show as code.
    """
    from book.glue import glued_texts

    nb = _as_node(nb)
    teksten = glued_texts() if teksten is None else teksten
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        resultaten = []
        for expr in dict.fromkeys(EVAL_ROLE.findall(cell.source)):
            if expr.strip() in teksten:
                data = {"text/plain": teksten[expr.strip()]}
                resultaten.append({"expression": expr, "result": {"status": "ok", "data": data, "metadata": {}}})
        if resultaten:
            cell.metadata["user_expressions"] = nbformat.from_dict(resultaten)
    return nb


def is_bron(pad: Path, mappen: list[Path] | None = None) -> bool:
    """Is this notebook one of the book's sources (inside chapters/ or docent/)?"""
    pad = Path(pad).resolve()
    return pad.suffix == ".ipynb" and any(pad.is_relative_to(m.resolve()) for m in (mappen or BRON_MAPPEN))


def _lees(pad: Path) -> nbformat.NotebookNode:
    return nbformat.read(pad, as_version=4)


def _schrijf(pad: Path, nb: nbformat.NotebookNode) -> bool:
    """Write as JupyterLab and nbformat do; return whether the file changed."""
    tekst = nbformat.writes(nb) + "\n"
    if pad.read_text(encoding="utf-8") == tekst:
        return False
    pad.write_text(tekst, encoding="utf-8")
    return True


# -- JupyterLab -----------------------------------------------------------------------------------
try:
    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from traitlets import List, Unicode
except ImportError:  # the book builds without a Jupyter server installed
    AsyncLargeFileManager = None

if AsyncLargeFileManager is not None:

    class BoekContentsManager(AsyncLargeFileManager):
        """JupyterLab's file manager for the book: chapters open with their numbers and are saved clean.

        Only notebooks in ``bron_mappen`` (default: this checkout's ``chapters/`` and ``docent/``) are
        touched; any other notebook is opened and saved as JupyterLab always does.
        """

        bron_mappen = List(
            Unicode(), help="Folders whose notebooks are the book's sources (absolute paths)."
        ).tag(config=True)

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.register_pre_save_hook(self._schoon_bij_opslaan)
            mappen = ", ".join(str(m) for m in self._mappen())
            self.log.info("Notebooks in %s worden zonder uitvoer opgeslagen (book/lab.py).", mappen)

        def _mappen(self) -> list[Path]:
            return [Path(m) for m in self.bron_mappen] if self.bron_mappen else BRON_MAPPEN

        def _is_bron(self, path: str) -> bool:
            return is_bron(Path(self._get_os_path(path)), self._mappen())

        def _schoon_bij_opslaan(self, model: dict, path: str, **kwargs: Any) -> None:
            if model.get("type") == "notebook" and model.get("content") and self._is_bron(path):
                model["content"] = schoon(model["content"])
                self.log.info("Opgeslagen zonder uitvoer (bron van het boek): %s", path)

        async def get(self, path: str, content: bool = True, type: str | None = None, **kwargs: Any):
            model = await super().get(path, content=content, type=type, **kwargs)
            if content and model.get("type") == "notebook" and self._is_bron(path):
                try:
                    vul_getallen(model["content"])
                except Exception as exc:  # a broken data file must not keep the chapter from opening
                    self.log.warning("Getallen niet ingevuld in %s: %s", path, exc)
            return model


# -- command line ---------------------------------------------------------------------------------
def _paden(opgegeven: list[str]) -> list[Path]:
    if opgegeven:
        return [Path(p) for p in opgegeven]
    return sorted(p for m in BRON_MAPPEN for p in m.glob("*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m book.lab",
        description="Hoofdstuknotebooks schoon opslaan, migreren of controleren.",
    )
    parser.add_argument("opdracht", choices=["schoon", "migreer", "controleer"])
    parser.add_argument("notebooks", nargs="*", help="standaard: chapters/*.ipynb en docent/*.ipynb")
    args = parser.parse_args(argv)
    paden = _paden(args.notebooks)
    if args.opdracht == "controleer":
        fout = 0
        for pad in paden:
            for probleem in niet_gemigreerd(_lees(pad)):
                print(f"{pad}: {probleem}")
                fout = 1
        if fout:
            print("Oplossen: python tools/migrate_chapters.py (of make schoon voor alleen de uitvoer).")
        return fout
    functie = schoon if args.opdracht == "schoon" else migreer
    veranderd = [pad for pad in paden if _schrijf(pad, functie(_lees(pad)))]
    for pad in veranderd:
        print(f"{args.opdracht}: {pad}")
    print(f"{len(veranderd)} van {len(paden)} notebooks aangepast.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
