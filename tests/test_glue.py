"""Numbers in prose: every {eval} (or older {glue}) reference in the chapters exists in data/, and its text = format_number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from book.data import format_number, load_all
from book.glue import GluedText, glue_numbers, glued_texts

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
GLUE_REF = re.compile(r"(?<!`)\{(?:glue(?::[a-z]*)?|eval)\}`([^`]+)`")
GLUE_CALL = re.compile(r"""glue\(\s*["']([^"']+)["']""")


def _refs() -> list[tuple[str, str]]:
    """(notebook, id) for every glue reference in chapter markdown, minus keys the notebook glues itself."""
    out: list[tuple[str, str]] = []
    for nb_path in sorted(CHAPTERS.glob("[0-9]*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        own = {k for c in nb["cells"] if c["cell_type"] == "code" for k in GLUE_CALL.findall("".join(c["source"]))}
        for cell in nb["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            for ref in GLUE_REF.findall("".join(cell["source"])):
                key = ref.split("<")[-1].rstrip(">").strip() if "<" in ref else ref
                key = key.split(":")[0].strip()
                if key not in own:
                    out.append((nb_path.name, key))
    return out


def test_every_glue_reference_exists_in_data() -> None:
    known = set(load_all().index)
    missing = [(nb, key) for nb, key in _refs() if key not in known]
    assert not missing, f"glue-verwijzingen zonder rij in data/: {missing}"


def test_reference_pattern_finds_roles() -> None:
    text = ("Er zijn {glue:text}`h2_ek_gekocht` en {glue:}`h2_ek_investering` en {glue}`h1_abiba_leeftijd` "
            "en {eval}`h1_mda` maar niet de rol `{eval}` zelf.")
    assert GLUE_REF.findall(text) == ["h2_ek_gekocht", "h2_ek_investering", "h1_abiba_leeftijd", "h1_mda"]


def test_glued_text_equals_format_number() -> None:
    texts = glued_texts()
    df = load_all()
    assert set(texts) == set(df.index)
    for ident, row in df.iterrows():
        assert texts[ident] == format_number(row)


def test_glue_numbers_glues_bare_text_without_display(monkeypatch: pytest.MonkeyPatch) -> None:
    import myst_nb

    calls: list[tuple[str, object, bool]] = []
    monkeypatch.setattr(myst_nb, "glue", lambda name, obj, display=True: calls.append((name, obj, display)))
    texts = glue_numbers()
    assert len(calls) == len(texts) == len(load_all())
    for name, obj, display in calls:
        assert display is False
        assert isinstance(obj, GluedText)
        assert repr(obj) == texts[name]          # text/plain is the bare text, no quotes
        assert not repr(obj).startswith("'")


def test_glued_mimebundle_is_plain_text_only() -> None:
    from IPython.core.formatters import format_display_data

    bundle, _ = format_display_data(GluedText("meer dan 450"))
    assert bundle == {"text/plain": "meer dan 450"}
