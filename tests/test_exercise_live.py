"""Live host: an answer typed in the widget in JupyterLab reaches Python in the running kernel."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser_helpers import offline_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SPEC = Path(__file__).parent / "fixtures" / "exercises" / "alle_typen.yml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebook(path: Path) -> None:
    cells = [
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from book.exercises.spec import load_spec\n"
        "from book.exercises.widget import OefeningWidget\n"
        f"w = OefeningWidget(load_spec(path={str(SPEC)!r}))\n"
        "w",
        "import json\nprint('ANTWOORDEN=' + json.dumps(w.antwoorden, ensure_ascii=False))",
        "w.antwoorden = {'a1': {'tekst': 'uit Python'}}",
    ]
    nb = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": c, "outputs": [], "execution_count": None}
            for c in cells
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb), encoding="utf-8")


@pytest.fixture
def jupyterlab(tmp_path):
    port = _free_port()
    token = secrets.token_hex(16)
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "live.ipynb")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
    }
    env.pop("LSP_EDITIE", None)
    log = open(tmp_path / "lab.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--notebook-dir={nbdir}", "--allow-root",
         f"--LabApp.workspaces_dir={tmp_path / 'ws'}", "--LabApp.news_url=", "--ServerApp.open_browser=False"],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise RuntimeError((tmp_path / "lab.log").read_text(errors="replace")[-3000:]) from None
                time.sleep(0.5)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _run_cell(page, index: int) -> None:
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")


def test_answer_reaches_kernel_and_back(browser, jupyterlab):
    base, token = jupyterlab
    page, log = offline_page(browser, viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(120_000)  # JupyterLab's first load on a busy 2-core machine
    page.goto(f"{base}lab/tree/live.ipynb?token={token}")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'], .jp-Toolbar-kernelStatus", timeout=60_000)
    page.wait_for_timeout(1500)
    _run_cell(page, 0)
    kaart = page.locator(".jp-OutputArea .lsp-oefening-kaart")
    kaart.wait_for()
    # the widget view is rendered (not the static text/html fallback)
    assert page.locator(".jp-OutputArea .lsp-oefening").count() == 0
    kaart.locator('[data-vraag="a1"] textarea').fill("Antwoord uit de browser 😀")
    kaart.locator('[data-vraag="a5"]').get_by_text("De werker zoekt mensen zelf op.").click()
    page.wait_for_timeout(800)                     # autosave is debounced (250 ms)
    _run_cell(page, 1)
    out = page.locator(".jp-Notebook .jp-Cell").nth(1).locator(".jp-OutputArea-output")
    out.get_by_text("ANTWOORDEN=").wait_for()
    printed = json.loads(out.inner_text().split("ANTWOORDEN=", 1)[1].strip())
    assert printed["a1"] == {"tekst": "Antwoord uit de browser 😀"}
    assert printed["a5"] == {"keuze": 1}
    # and from Python back to the view
    _run_cell(page, 2)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-OutputArea [data-vraag=\"a1\"] textarea')]"
        ".some(t => t.value === 'uit Python')"
    )
    assert log.external_requests == []
    page.context.close()
