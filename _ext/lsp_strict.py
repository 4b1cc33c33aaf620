"""Local Sphinx extension: the strict build stays strict on every rerun.

Sphinx reads a page again only when its source changed. After a build with warnings, a rerun
with nothing fixed would read nothing, warn about nothing and succeed, and the pages would keep
their traceback or their empty glued number. So: a marker file in the doctree folder says that
the last build finished without warnings and without an error. A build that starts without that
marker reads every page again (the notebook execution cache keeps successful notebooks, so only
the failed ones run again). The marker is removed when a build starts and written only when it
ends clean, so an interrupted build counts as a failed one.
"""

from __future__ import annotations

import logging as _logging
from pathlib import Path

from sphinx.application import Sphinx

MARKER = "lsp-laatste-bouw-schoon"


class _WarningCounter(_logging.Handler):
    """Counts warnings and errors logged through Sphinx's loggers (a fallback for app._warncount)."""

    def __init__(self) -> None:
        super().__init__(level=_logging.WARNING)
        self.count = 0

    def emit(self, record: _logging.LogRecord) -> None:
        self.count += 1


def _marker(app: Sphinx) -> Path:
    return Path(app.doctreedir) / MARKER


def _start(app: Sphinx) -> None:
    app.lsp_was_clean = _marker(app).is_file()
    _marker(app).unlink(missing_ok=True)
    app.lsp_counter = _WarningCounter()
    _logging.getLogger("sphinx").addHandler(app.lsp_counter)


def _reread_after_failure(app: Sphinx, env, added, changed, removed) -> list[str]:
    if getattr(app, "lsp_was_clean", True):
        return []
    return sorted(env.found_docs - set(added) - set(removed))


def _finish(app: Sphinx, exception) -> None:
    counter = getattr(app, "lsp_counter", None)
    if counter is not None:
        _logging.getLogger("sphinx").removeHandler(counter)
    warnings = getattr(app, "_warncount", None)
    if warnings is None:
        warnings = counter.count if counter else 1
    if exception is None and warnings == 0 and app.statuscode == 0:
        _marker(app).parent.mkdir(parents=True, exist_ok=True)
        _marker(app).write_text("ok\n", encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _start)
    app.connect("env-get-outdated", _reread_after_failure)
    app.connect("build-finished", _finish, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
