"""Every number of ``data/`` as text, under its id, for the chapters' prose.

A chapter's first code cell puts every number in the kernel's namespace::

    from book.glue import getallen
    globals().update(getallen())

and its prose writes ``{eval}`h2_ek_gekocht``` to get "meer dan 450" (see ``CONTRIBUTING.md``).
JupyterLab (jupyterlab-myst) evaluates the role in the kernel; the Sphinx build resolves it
from ``data/`` through the same :func:`glued_texts` (``_ext/lsp_getallen.py``), so both show
the same text. :func:`glue_numbers` is the older form (``{glue:text}`id```), kept until every
chapter is migrated (``tools/migrate_chapters.py``).
"""

from __future__ import annotations

from pathlib import Path

from book.data import format_number, load_all


class GluedText:
    """A value whose plain-text repr is the bare text (a glued str would show its quotes)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def glued_texts(data_dir: Path | None = None) -> dict[str, str]:
    """id -> the text that :func:`glue_numbers` glues for it."""
    return {str(i): format_number(r) for i, r in load_all(data_dir).iterrows()}


def getallen(data_dir: Path | None = None) -> dict[str, GluedText]:
    """id -> the number as text, for ``globals().update(getallen())`` in a chapter's first cell.

    Displays nothing: the values are only looked up by ``{eval}`id``` in the prose.
    """
    return {ident: GluedText(text) for ident, text in glued_texts(data_dir).items()}


def glue_numbers(data_dir: Path | None = None) -> dict[str, str]:
    """Glue all numbers (display=False) and return the glued texts by id."""
    from myst_nb import glue

    texts = glued_texts(data_dir)
    for ident, text in texts.items():
        glue(ident, GluedText(text), display=False)
    return texts
