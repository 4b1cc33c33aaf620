"""Session fixtures: the strictly built site, served on 127.0.0.1, and a browser."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR = ROOT / "_build"
HTML_DIR = BUILD_DIR / "html"


@dataclass
class Build:
    returncode: int
    log: str
    html: Path


def strict_build(path_output: Path | None = None, env: dict | None = None, source: Path = ROOT) -> Build:
    """Build a book as the README does: jupyter-book build . -n -W --keep-going."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")  # the package has no __main__
    cmd = [str(jupyter_book), "build", str(source), "-n", "-W", "--keep-going"]
    out = (path_output or source) / "_build" / "html"
    # Pages of an earlier build that the toc no longer has would linger; the execution
    # cache (_build/.jupyter_cache) is kept, so unchanged notebooks are not run again.
    shutil.rmtree(out, ignore_errors=True)
    if path_output is not None:
        cmd += ["--path-output", str(path_output)]
    proc = subprocess.run(
        cmd,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=1800,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, out)


def write_book_config(book: Path, title: str, extensions: tuple[str, ...] = ("lsp_assets",)) -> None:
    """A small fixture book in `book` gets the project's own _config.yml, its title and the
    project's Sphinx extensions from _ext/ (as jupyter-book's own tests build fixture books)."""
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = title
    config["exclude_patterns"] = ["_build"]
    config["sphinx"]["local_extensions"] = {name: str(ROOT / "_ext") for name in extensions}
    (book / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def pytest_configure(config) -> None:
    """Before any worker starts (pytest-xdist runs the suite in two processes, `make test`):
    compile the Dutch theme catalog once, so parallel builds only read it."""
    if hasattr(config, "workerinput"):
        return
    sys.path.insert(0, str(ROOT / "_ext"))
    try:
        import lsp_assets
    finally:
        sys.path.remove(str(ROOT / "_ext"))
    lsp_assets.compile_catalog(lsp_assets.LOCALES / "nl" / "LC_MESSAGES", "nl")


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_build(name: str, make: Callable[[], Build]) -> Build:
    """One build per test run, shared by the test workers: the first worker that needs it builds
    while the others wait, then they all read the same result (two builds of the book into one
    folder at once would break each other's execution cache)."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:                       # one process: nothing to share
        return make()
    record = BUILD_DIR / f".gedeeld-{name}.json"
    with _exclusive(BUILD_DIR / f".gedeeld-{name}.lock"):
        if record.is_file():
            saved = json.loads(record.read_text(encoding="utf-8"))
            if saved["run"] == run:
                return Build(saved["returncode"], saved["log"], Path(saved["html"]))
        build = make()
        record.write_text(json.dumps({"run": run, "returncode": build.returncode, "log": build.log,
                                      "html": str(build.html)}), encoding="utf-8")
        return build


@pytest.fixture(scope="session")
def site() -> Build:
    return shared_build("site", strict_build)


@pytest.fixture(scope="session")
def site_url(site):
    from browser_helpers import serve_directory

    assert site.returncode == 0, site.log[-5000:]
    with serve_directory(site.html) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from browser_helpers import chromium_available, launch_browser

    if not chromium_available():
        pytest.fail(
            "Chromium ontbreekt: installeer het Debian-pakket 'chromium' (zie README). "
            "Browsertests worden nooit overgeslagen."
        )
    with launch_browser() as b:
        yield b

