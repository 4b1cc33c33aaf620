"""Glue every number of ``data/`` into a chapter notebook, under its id.

A chapter's first code cell calls :func:`glue_numbers`; its prose then writes
``{glue:text}`h2_ek_gekocht``` and gets "meer dan 450" (see ``CONTRIBUTING.md``).
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


def glue_numbers(data_dir: Path | None = None) -> dict[str, str]:
    """Glue all numbers (display=False) and return the glued texts by id."""
    from myst_nb import glue

    texts = glued_texts(data_dir)
    for ident, text in texts.items():
        glue(ident, GluedText(text), display=False)
    return texts
