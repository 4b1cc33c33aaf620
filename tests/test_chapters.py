"""The chapters: template structure, length, glossary use, exercises and figures that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT

CHAPTERS = {
    "00_inleiding": 16,
    "01_outreach_mda": 507,
    "02_eigen_kracht": 1096,
    "03_house_of_hope": 1646,
    "04_publieke_ruimtes": 2142,
    "05_verplicht_vrijwilligerswerk": 2686,
    "06_ambivalenties": 3319,
}
SEED = ROOT.parent / "shared" / "seed" / "000_9775c3bd6b03e400.txt"
SECTIONS = ["Leerdoelen", "Samenvatting", "Leervragen", "Verantwoording"]
WORD = re.compile(r"[^\W_]+")


def _source_words() -> dict[str, int]:
    """Words per source chapter, from its first line to the next chapter's (H6 to the list of the
    Wmo-werkplaats's products that closes the book: no chapter of ours retells that list)."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("Producten van de Wmo-werkplaats"))
    starts = list(CHAPTERS.values()) + [end]
    return {
        name: len(WORD.findall("\n".join(lines[a - 1 : b - 1])))
        for name, a, b in zip(CHAPTERS, starts, starts[1:])
    }


def _cells(name: str) -> list[dict]:
    return json.loads((ROOT / "chapters" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]


def _markdown(name: str) -> str:
    return "\n\n".join("".join(c["source"]) for c in _cells(name) if c["cell_type"] == "markdown")


def _code(name: str) -> str:
    return "\n\n".join("".join(c["source"]) for c in _cells(name) if c["cell_type"] == "code")


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_follows_the_template(name):
    headings = re.findall(r"^## (.+?)\s*$", _markdown(name), re.M)
    positions = [headings.index(s) if s in headings else -1 for s in SECTIONS]
    assert -1 not in positions, f"{name} mist {[s for s, p in zip(SECTIONS, positions) if p < 0]}"
    assert positions == sorted(positions), f"{name}: volgorde {headings}"
    assert positions[0] == 0, f"{name}: Leerdoelen komt eerst"
    assert len(headings) > len(SECTIONS) + 1, f"{name}: de inhoud heeft eigen kopjes nodig"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_is_at_least_half_as_long_as_its_source(name):
    words = len(WORD.findall(_markdown(name)))
    assert words >= _source_words()[name] / 2


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_uses_only_existing_exercises(name):
    ids = re.findall(r'oefening\(\s*"([^"]+)"', _code(name))
    missing = [i for i in ids if not (ROOT / "exercises" / f"{i}.yml").is_file()]
    assert missing == []


def _defined_terms() -> set[str]:
    terms = set()
    for frag in (ROOT / "begrippen").glob("_*.md"):
        block = re.search(r"```\{glossary\}(.*?)```", frag.read_text(encoding="utf-8"), re.S)
        assert block, f"{frag.name} heeft geen glossary-blok"
        for line in block.group(1).splitlines():
            if line and not line[0].isspace() and not line.startswith(":"):
                terms.add(line.strip().lower())
    return terms


def _referenced_terms() -> set[str]:
    text = "\n".join(_markdown(n) for n in CHAPTERS)
    text += "\n".join(p.read_text(encoding="utf-8") for p in ROOT.glob("*.md"))
    refs = set()
    for m in re.finditer(r"\{term\}`([^`]+)`", text):
        target = re.search(r"<([^>]+)>\s*$", m.group(1))
        refs.add((target.group(1) if target else m.group(1)).strip().lower())
    return refs


def test_glossary_has_at_least_forty_terms():
    assert len(_defined_terms()) >= 40


def test_every_glossary_term_is_referenced_from_the_text():
    assert sorted(_defined_terms() - _referenced_terms()) == []


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_figure_cell_has_caption_name_and_alt_text(name):
    from book.figures import FIGURES

    cells = [c for c in _cells(name) if c["cell_type"] == "code" and "figuur(" in "".join(c["source"])]
    for cell in cells:
        figure = re.search(r'figuur\(\s*"([^"]+)"', "".join(cell["source"])).group(1)
        meta = cell["metadata"].get("mystnb", {})
        assert figure in FIGURES
        assert "remove-input" in cell["metadata"].get("tags", [])
        assert meta.get("figure", {}).get("caption") and meta["figure"].get("name", "").startswith("fig-")
        assert len(meta.get("image", {}).get("alt", "")) > 30, f"{name}: alt-tekst bij {figure}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_writing_stays_readable(name):
    """A light writing check (B1/B2): short sentences on average, no leftover placeholders."""
    text = re.sub(r"```.*?\n", "", _markdown(name))
    assert not re.search(r"\b(TODO|FIXME|XXX|Lorem ipsum)\b", text)
    units = [u for u in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n[-*] |\n\d+\. |\|", text) if WORD.search(u)]
    average = sum(len(WORD.findall(u)) for u in units) / len(units)
    assert average <= 20, f"{name}: gemiddeld {average:.1f} woorden per zin"
