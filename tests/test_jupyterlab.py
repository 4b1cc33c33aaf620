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
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest

from book.glue import glued_texts
from book.lab import BoekContentsManager, is_bron, migreer, niet_gemigreerd, schoon, vul_getallen
from browser_helpers import offline_page
from conftest import ROOT, strict_build, write_book_config

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
    write_book_config(book, "Proefboek", ("lsp_assets", "lsp_getallen"))
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


# -- real JupyterLab ------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab as `make lab` starts it, on a folder of migrated chapters (the book's sources)."""
    nbdir = tmp_path / "hoofdstukken"
    nbdir.mkdir()
    for name, source in (("proef.ipynb", FIXTURE), ("01_outreach_mda.ipynb", ROOT / "chapters" / "01_outreach_mda.ipynb")):
        (nbdir / name).write_text(_text(migreer(_read(source))), encoding="utf-8")
    config = tmp_path / "config"
    settings = config / "lab" / "user-settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # every cell in the DOM, so the whole chapter can be read (JupyterLab renders lazily by default)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}', encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "IPYTHONDIR": str(tmp_path / "ipython")}
    env.pop("LSP_EDITIE", None)
    log_path = tmp_path / "lab.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={nbdir}", "--allow-root",
         "--ServerApp.contents_manager_class=book.lab.BoekContentsManager",
         f"--BoekContentsManager.bron_mappen={nbdir}",
         f"--LabApp.workspaces_dir={tmp_path / 'ws'}", "--LabApp.news_url="],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError(log_path.read_text(errors="replace")[-3000:]) from None
                time.sleep(0.5)
        yield base, token, nbdir, log_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _open(page, base: str, token: str, name: str) -> None:
    page.goto(f"{base}lab/tree/{name}?token={token}")
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=180_000)
    page.locator(".jp-CodeCell .jp-InputPlaceholder").first.wait_for()
    page.wait_for_timeout(1500)


def _run_all_and_save(page, path: Path, log_path: Path) -> None:
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    # the last code cell of a chapter (an exercise or the hand-in block) has output once all ran
    page.locator(".jp-Notebook .jp-CodeCell").last.locator(".jp-OutputArea-output").first.wait_for(timeout=240_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=240_000)
    saved = log_path.read_text(errors="replace").count("Opgeslagen zonder uitvoer")
    page.locator(".lm-MenuBar-item", has_text="File").first.click()
    page.locator('.lm-Menu-item[data-command="docmanager:save"]').click()
    deadline = time.time() + 240                    # a loaded 2-core machine is slow to save
    while log_path.read_text(errors="replace").count("Opgeslagen zonder uitvoer") == saved:
        # Headless Chromium on a busy machine may not paint a frame for minutes, and JupyterLab's
        # save waits for one; a screenshot makes it paint (and shows the state if it fails).
        page.screenshot(path=str(log_path.with_suffix(".png")))
        if time.time() > deadline:
            raise AssertionError(f"JupyterLab heeft niet opgeslagen; zie {log_path.with_suffix('.png')}")
        time.sleep(1)


def _visible_text(page) -> str:
    return page.locator(".jp-Notebook").inner_text()


@pytest.mark.browser
def test_fixture_chapter_reads_like_the_site_and_saves_clean(browser, jupyterlab):
    base, token, nbdir, log_path = jupyterlab
    path = nbdir / "proef.ipynb"
    before = path.read_bytes()
    number = glued_texts()["h2_ek_gekocht"]
    page, log = offline_page(browser, viewport={"width": 1400, "height": 1200})
    page.set_default_timeout(60_000)
    _open(page, base, token, "proef.ipynb")
    # before anything ran: the number from data/, glossary terms and admonitions rendered
    text = _visible_text(page)
    assert f"De gemeente organiseerde {number} conferenties." in text
    assert page.locator(".jp-MarkdownCell a.hover-link", has_text="zorgmijder").count() == 2
    assert page.locator(".jp-MarkdownCell aside.myst-admonition").count() == 2
    assert not RAW_ROLE.search(text), RAW_ROLE.search(text)
    assert "h2_ek_gekocht" not in text and "(h9)=" not in text and ":class: tip" not in text
    # figure, exercise and glue code collapsed, as the site hides it
    assert page.locator(".jp-CodeCell .jp-InputPlaceholder").count() == 3
    assert page.locator(".jp-CodeCell .jp-InputArea-editor:visible").count() == 0
    # run everything: the kernel gives the same number, the figure and the exercise appear
    _run_all_and_save(page, path, log_path)
    page.locator(".jp-OutputArea .lsp-oefening-kaart").wait_for()
    assert page.locator(".jp-OutputArea svg, .jp-OutputArea img").count() >= 1      # the figure
    assert f"De gemeente organiseerde {number} conferenties." in _visible_text(page)
    # ... and what JupyterLab saved is the source, byte for byte: no outputs, no metadata noise
    assert path.read_bytes() == before
    assert log.external_requests == []
    page.context.close()


@pytest.mark.browser
def test_real_chapter_reads_like_the_site_and_saves_clean(browser, jupyterlab):
    base, token, nbdir, log_path = jupyterlab
    path = nbdir / "01_outreach_mda.ipynb"
    before = path.read_bytes()
    page, log = offline_page(browser, viewport={"width": 1400, "height": 1200})
    page.set_default_timeout(60_000)
    _open(page, base, token, "01_outreach_mda.ipynb")
    text = _visible_text(page)
    assert f"Abiba is {glued_texts()['h1_abiba_leeftijd']} en woont" in text
    assert page.locator(".jp-MarkdownCell a.hover-link", has_text="participatiesamenleving").count() >= 1
    assert page.locator(".jp-MarkdownCell aside.myst-admonition").count() >= 1
    assert not RAW_ROLE.search(text), RAW_ROLE.search(text)
    assert ":class: tip" not in text
    tagged = [c for c in _read(path).cells if {"remove-input", "remove-cell"} & set(c.metadata.get("tags", []))]
    assert page.locator(".jp-CodeCell .jp-InputPlaceholder").count() == len(tagged)
    _run_all_and_save(page, path, log_path)
    page.locator(".jp-OutputArea .lsp-oefening-kaart").first.wait_for()
    assert path.read_bytes() == before
    nb = _read(path)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert log.external_requests == []
    page.context.close()


# -- the instructor package -----------------------------------------------------------------------
def test_instructor_package_runs_a_chapter_outside_the_repository(tmp_path):
    from nbclient import NotebookClient

    from book.instructeur import NAAM, maak_pakket, requirements

    zip_path = maak_pakket(tmp_path / "pakket.zip")
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        z.extractall(tmp_path / "uit")
    folder = tmp_path / "uit" / NAAM
    assert {"LEESMIJ.md", "requirements.txt", "01_outreach_mda.ipynb", "klasoverzicht.ipynb",
            "book/glue.py", "data/h1_mda.csv", "exercises/h1_abiba.yml"} <= {n.split("/", 1)[1] for n in names}
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    reqs = (folder / "requirements.txt").read_text(encoding="utf-8")
    assert reqs.splitlines() == requirements()
    assert "jupyterlab-myst" in reqs and "jupyter-book" not in reqs
    leesmij = (folder / "LEESMIJ.md").read_text(encoding="utf-8")
    assert "python -m pip install -r requirements.txt" in leesmij

    nb = _read(folder / "01_outreach_mda.ipynb")
    assert niet_gemigreerd(nb) == ["uitvoer, ruis-metadata of open figuur-/oefeningcode (niet 'schoon')"]  # the filled-in numbers
    assert any(c.metadata.get("user_expressions") for c in nb.cells)
    nb.cells.append(nbformat.v4.new_code_cell("import book, pathlib\nprint(pathlib.Path(book.__file__).resolve())"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LSP_", "PYTHON"))}
    env["PYTHONPATH"] = str(folder)          # only the unzipped folder; the repository is not on the path
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}})
    client.execute(env=env)              # raises CellExecutionError on any error
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert Path(printed.strip()).is_relative_to(folder.resolve()), printed
    assert any(".lsp-oefening" in str(o) or "lsp-oefening" in str(o.get("data", {})) for c in nb.cells
               if c.cell_type == "code" for o in c.outputs)


def test_reading_answers_in_python_as_the_readme_says(tmp_path):
    """README 'Voor instructeurs': w = oefening(...), w.antwoorden, w.opslaan, lees_antwoorden."""
    from book.answers import lees_antwoorden
    from book.exercises import oefening

    w = oefening("h1_abiba")
    w.antwoorden = {"o1_problemen": {"tekst": "Schulden, een kleine woning en geen netwerk."}}
    assert w.antwoorden["o1_problemen"]["tekst"].startswith("Schulden")
    w.opslaan(tmp_path / "abiba.json", naam="Docent")
    bestand = lees_antwoorden(tmp_path / "abiba.json")
    assert bestand.oefeningen["h1_abiba"].antwoorden["o1_problemen"].tekst == "Schulden, een kleine woning en geen netwerk."
