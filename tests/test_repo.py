"""Promises about the repository itself: own words, clean notebooks, README and CI agree."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import yaml

from conftest import ROOT

VERBATIM = ROOT.parent / "shared" / "tools" / "verbatim_check.py"
# Text a reader sees that the checker's default paths do not cover.
EXTRA_TEXT = ["begrippen", "bronnen", "begrippenlijst.md", "bronnen.md", "CONTRIBUTING.md", "_ext"]


def _verbatim(*paths: str) -> subprocess.CompletedProcess:
    assert VERBATIM.is_file(), f"{VERBATIM} ontbreekt: ../shared hoort naast de projectmap te staan"
    return subprocess.run(
        [sys.executable, str(VERBATIM), *paths], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_verbatim_check_finds_no_copied_runs():
    proc = _verbatim()
    assert "verbatim: 0 copied runs" in proc.stdout, proc.stdout[-4000:]
    assert proc.returncode == 0


def test_verbatim_check_on_the_other_reader_text():
    proc = _verbatim(*EXTRA_TEXT)
    assert "verbatim: 0 copied runs" in proc.stdout, proc.stdout[-4000:]
    assert proc.returncode == 0


def test_chapters_are_stored_without_outputs():
    dirty = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count")):
                dirty.append(f"{path.name} cel {i}")
    assert dirty == [], (
        f"Hoofdstukken met opgeslagen uitvoer: {', '.join(dirty)}. Hoofdstukken worden zonder uitvoer "
        "bewaard. Oplossen: make schoon (haalt uitvoer en JupyterLab-gegevens weg; de tekst blijft). "
        "Voorkomen: start JupyterLab met make lab, dat slaat hoofdstukken zonder uitvoer op."
    )


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Snel aan de slag.*?```(?:sh|bash)?\n(.*?)```", readme, re.S)
    assert block, "README mist het blok 'Snel aan de slag' met de twee commando's"
    commands = [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    assert commands == ["make book", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_no_skip_without_a_linked_reason():
    """A skipped test is a failing promise: every skip in tests/ names an issue or URL."""
    offenders = []
    for path in (ROOT / "tests").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"pytest\.skip\(|mark\.skip(if)?\(|importorskip\(|mark\.xfail\(", line):
                if not re.search(r"https?://|issue\s*#?\d+", line, re.I):
                    offenders.append(f"{path.name}:{n}")
    assert offenders == []


def test_make_test_sees_to_chromium_or_says_what_to_run(tmp_path):
    """`make test` installs Debian's chromium when it can; otherwise it fails with the Dutch command."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*?\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
    assert recipe[0].strip() == "tools/ensure_chromium.sh" and "pytest" in recipe[-1]
    # a machine without chromium, without apt-get and not root: the script must say what to run
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("cat", "sh"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (bin_dir / "id").chmod(0o755)
    proc = subprocess.run(
        ["/bin/bash", str(ROOT / "tools" / "ensure_chromium.sh")],
        env={"PATH": str(bin_dir), "LSP_CHROMIUM": str(tmp_path / "geen-chromium")},
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert "Chromium ontbreekt" in proc.stderr and "sudo apt-get install chromium" in proc.stderr


def test_pages_workflow_builds_with_the_readme_command():
    """The conventional GitHub Pages workflow publishes what `make book` builds."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert on["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["build"]["steps"]
    assert any(s.get("run") == "make book" for s in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in workflow["jobs"]["deploy"]["steps"])


def test_workers_of_one_run_share_one_build_and_the_next_run_builds_again(tmp_path, monkeypatch):
    """`make test` runs two pytest-xdist workers; the book is built once per run for both."""
    import threading

    import conftest

    monkeypatch.setattr(conftest, "BUILD_DIR", tmp_path)
    calls = []

    def make():
        calls.append(threading.get_ident())
        return conftest.Build(0, f"bouw {len(calls)}", tmp_path / "html")

    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", "run-1")
    results = []
    workers = [threading.Thread(target=lambda: results.append(conftest.shared_build("site", make))) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(calls) == 1 and [r.log for r in results] == ["bouw 1", "bouw 1"]
    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", "run-2")
    assert conftest.shared_build("site", make).log == "bouw 2"
    monkeypatch.delenv("PYTEST_XDIST_TESTRUNUID")
    assert conftest.shared_build("site", make).log == "bouw 3"      # one process: its own build
    assert "-n $(TEST_WORKERS) --dist loadfile" in (ROOT / "Makefile").read_text(encoding="utf-8")
