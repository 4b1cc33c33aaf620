"""Chapters in JupyterLab: migrated source, clean saves, rendered numbers and terms, the instructor package.

- The migration (``tools/migrate_chapters.py``, ``book.lab.migreer``) turns ``{glue:text}`id``` into
  ``{eval}`id```, which jupyterlab-myst renders and ``_ext/lsp_getallen.py`` resolves in the
  strict build; every chapter must be migrated.
- ``book.lab.schoon`` is what JupyterLab saves (``BoekContentsManager``) and ``make schoon`` runs.
- In real JupyterLab (Playwright, Debian Chromium): a fixture chapter and a real one show their
  numbers and glossary terms rendered, no raw roles, figure and exercise code collapsed; after
  running everything and saving, the file on disk is byte for byte what it was.
- ``make instructeur`` gives a zip that runs a chapter outside the repository.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml

from book.glue import glued_texts
from book.lab import BoekContentsManager, is_bron, migreer, niet_gemigreerd, schoon, vul_getallen
from conftest import ROOT, strict_build

FIXTURE = ROOT / "tests" / "fixtures" / "lab" / "hoofdstuk_oud.ipynb"
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb")) + sorted((ROOT / "docent").glob("*.ipynb"))
RAW_ROLE = re.compile(r"\{(?:glue(?::\w*)?|eval|term|numref|ref)\}")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _text(nb) -> str:
    return nbformat.writes(nb) + "\n"


# -- the source form ------------------------------------------------------------------------------
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_chapter_is_migrated(path):
    problemen = niet_gemigreerd(_read(path))
    assert problemen == [], (
        f"{path.relative_to(ROOT)} is niet gemigreerd: {'; '.join(problemen)}. "
        "Oplossen: .venv/bin/python tools/migrate_chapters.py (past alle hoofdstukken aan; "
        "daarna opnieuw committen)."
    )


def test_migration_of_the_fixture_chapter():
    old = _read(FIXTURE)
    assert niet_gemigreerd(old)            # the fixture is in the old form
    new = migreer(old)
    assert niet_gemigreerd(new) == []
    assert _text(migreer(new)) == _text(new)          # idempotent
    md = "\n".join(c.source for c in new.cells if c.cell_type == "markdown")
    assert "{glue" not in md and "{eval}`h2_ek_gekocht`" in md
    first = next(c for c in new.cells if c.cell_type == "code")
    assert "globals().update(getallen())" in first.source
    assert first.metadata.jupyter == {"source_hidden": True, "outputs_hidden": True}
    for cell in new.cells:
        if "remove-input" in cell.metadata.get("tags", []):
            assert cell.metadata.jupyter == {"source_hidden": True}
    # the rest of the text is untouched
    assert [c.id for c in new.cells] == [c.id for c in old.cells]
    strip = lambda s: re.sub(r"\{(glue:text|eval)\}", "", s)  # noqa: E731
    assert [strip(c.source) for c in new.cells if c.cell_type == "markdown"] == [
        strip(c.source) for c in old.cells if c.cell_type == "markdown"
    ]


def test_schoon_removes_outputs_and_jupyterlab_noise():
    nb = migreer(_read(FIXTURE))
    dirty = json.loads(_text(nb))
    code = [c for c in dirty["cells"] if c["cell_type"] == "code"]
    code[0]["outputs"] = [{"output_type": "display_data", "data": {"text/plain": "x"}, "metadata": {}}]
    code[0]["execution_count"] = 3
    code[1]["metadata"].update({"deletable": True, "editable": True, "trusted": True, "scrolled": False,
                                "execution": {"iopub.status.idle": "2026"}})
    code[1]["metadata"]["jupyter"] = {"source_hidden": False}       # opened by hand
    dirty["cells"][0]["metadata"]["user_expressions"] = [{"expression": "x", "result": {}}]
    dirty["metadata"]["language_info"] = {"name": "python", "version": "3.11.2", "mimetype": "text/x-python"}
    dirty["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    assert _text(schoon(dirty)) == _text(nb)


def test_numbers_are_filled_in_for_jupyterlab():
    nb = vul_getallen(migreer(_read(FIXTURE)))
    cell = next(c for c in nb.cells if "h2_ek_gekocht" in c.source)
    [expr] = cell.metadata.user_expressions
    assert expr["expression"] == "h2_ek_gekocht"
    assert expr["result"] == {"status": "ok", "data": {"text/plain": glued_texts()["h2_ek_gekocht"]}, "metadata": {}}
    assert "user_expressions" not in schoon(nb).cells[2].metadata


def test_only_the_books_sources_are_touched(tmp_path):
    assert is_bron(ROOT / "chapters" / "01_outreach_mda.ipynb")
    assert is_bron(ROOT / "docent" / "klasoverzicht.ipynb")
    assert not is_bron(tmp_path / "eigen.ipynb")
    assert not is_bron(ROOT / "chapters" / "notities.txt")


def test_jupyter_server_config_uses_the_books_contents_manager():
    config = json.loads((ROOT / "jupyter-config" / "jupyter_server_config.json").read_text(encoding="utf-8"))
    cls = config["ServerApp"]["contents_manager_class"]
    module, name = cls.rsplit(".", 1)
    assert getattr(__import__(module, fromlist=[name]), name) is BoekContentsManager
    installed = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.json"
    assert json.loads(installed.read_text(encoding="utf-8")) == config, "make installeert dit bestand in .venv"


def test_make_lab_binds_to_localhost_and_allows_root_only_as_root():
    out = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--ServerApp.ip=127.0.0.1" in out
    assert "book.lab.BoekContentsManager" in out
    assert re.search(r'if \[ "\$\(id -u\)" = 0 \]; then echo --allow-root', out)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Voor instructeurs", 1)[1].split("\n## ", 1)[0]
    for needle in ("make lab", "make schoon", "make instructeur", "lees_antwoorden", 'w = oefening("h1_abiba")'):
        assert needle in section, f"README 'Voor instructeurs' noemt {needle!r} niet"


# -- the strict build resolves {eval}`id` ---------------------------------------------------------
def _fixture_book(folder: Path, chapter: nbformat.NotebookNode) -> Path:
    book = folder / "boek"
    book.mkdir()
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = "Proefboek"
    config["exclude_patterns"] = ["_build"]
    config["sphinx"]["local_extensions"] = {"lsp_assets": str(ROOT / "_ext"), "lsp_getallen": str(ROOT / "_ext")}
    (book / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (book / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n  - file: hoofdstuk\n  - file: begrippen\n", encoding="utf-8"
    )
    (book / "index.md").write_text("# Proefboek\n", encoding="utf-8")
    (book / "begrippen.md").write_text(
        "# Begrippen\n\n```{glossary}\nzorgmijder\n  Iemand die hulp nodig heeft maar die hulp ontloopt.\n```\n",
        encoding="utf-8",
    )
    nbformat.write(chapter, book / "hoofdstuk.ipynb")
    return book


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    book = _fixture_book(tmp_path_factory.mktemp("labboek"), migreer(_read(FIXTURE)))
    build = strict_build(source=book)
    assert build.returncode == 0, build.log[-5000:]
    return build


def test_strict_build_shows_the_number_from_data(fixture_site):
    html = (fixture_site.html / "hoofdstuk.html").read_text(encoding="utf-8")
    number = glued_texts()["h2_ek_gekocht"]
    assert f'<span class="pasted-text">{number}</span> conferenties' in html
    assert "{eval}" not in html and "h2_ek_gekocht" not in html


def test_strict_build_fails_on_an_unknown_number_with_a_dutch_message(tmp_path):
    nb = migreer(_read(FIXTURE))
    nb.cells[2].source = nb.cells[2].source.replace("{eval}`h2_ek_gekocht`", "{eval}`h2_bestaat_niet`")
    build = strict_build(source=_fixture_book(tmp_path, nb))
    assert build.returncode != 0
    assert "geen getal met id 'h2_bestaat_niet' in data/*.csv" in build.log
