"""The hand-in block of a chapter ("Inleveren"): export, print, import and erase answers.

The answers themselves live in the browser (localStorage); the block only needs the student
version of every exercise of the chapter, so its export carries titles and question texts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import traitlets

from .spec import ExerciseSpecError, spec_results, student_dict, vermoedelijk_hoofdstuk
from .widget import StaticSiteWidget, editie, html_container


def hoofdstuk_specs(hoofdstuk: int, directory: Path | None = None) -> list[dict[str, Any]]:
    """Student dicts of every exercise of a chapter, in page order (``book.plaatsing``).

    A broken file of this chapter raises; a broken file of another chapter is left out, so one
    typo fails only its own chapter (the build reports every broken file once).
    """
    from book.plaatsing import volgorde

    good = []
    for path, result in spec_results(directory).items():
        if isinstance(result, ExerciseSpecError):
            if vermoedelijk_hoofdstuk(path) in (hoofdstuk, None):
                raise result
            continue
        good.append(result)
    ed = editie()
    out = []
    for spec in volgorde(hoofdstuk, good):
        data = student_dict(spec, ed)
        data.pop("docent", None)          # the hand-in block never needs teacher text
        out.append(data)
    return out


class InleverWidget(StaticSiteWidget):
    """The hand-in block of one chapter."""

    soort = traitlets.Unicode("inleveren").tag(sync=True)
    hoofdstuk = traitlets.Int(0).tag(sync=True)
    oefeningen = traitlets.List().tag(sync=True)

    def html(self) -> str:
        payload = {"soort": "inleveren", "hoofdstuk": self.hoofdstuk, "oefeningen": self.oefeningen}
        return html_container("lsp-inleveren", {"data-hoofdstuk": str(self.hoofdstuk)}, payload)



def inleveren(hoofdstuk: int, directory: Path | None = None) -> InleverWidget:
    """The hand-in block for chapter ``hoofdstuk`` (0 = Inleiding, 1-6)."""
    if isinstance(hoofdstuk, bool) or not isinstance(hoofdstuk, int) or not 0 <= hoofdstuk <= 6:
        raise ExerciseSpecError(f"inleveren(): verwacht een hoofdstuknummer 0 t/m 6; gevonden {hoofdstuk!r}")
    return InleverWidget(hoofdstuk=hoofdstuk, oefeningen=hoofdstuk_specs(hoofdstuk, directory))
