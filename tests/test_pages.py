"""Units behind the generated pages: the escaping HTML helper, page order, the text split rule."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from book.html import Markup, attrs, el, fragment
from book.plaatsing import (
    EXTRA_TITEL,
    PlaatsFout,
    extra_casussen,
    hoofdstukken,
    ingebed,
    lees_hoofdstuk,
    plaats_melding,
    plek_van_extra,
    volgorde,
)
from book.werkboek import tekst_delen, tekstblok


# --- book.html ------------------------------------------------------------------------------------

def test_el_escapes_text_and_attributes():
    html = el("p", 'a < b & "c" \'d\'', title='x" onmouseover="y', class_="k")
    assert html == '<p title="x&quot; onmouseover=&quot;y" class="k">a &lt; b &amp; "c" \'d\'</p>'
    assert isinstance(html, Markup)


def test_el_nests_markup_without_escaping_it_twice():
    inner = el("b", "<i>")
    assert el("td", inner, " & ", ["x", None, False, 3]) == "<td><b>&lt;i&gt;</b> &amp; x3</td>"
    assert fragment(el("br"), "<") == "<br>&lt;"


def test_el_attribute_names_and_values():
    assert attrs(aria_hidden="true", data_vraag="a1", hidden=True, checked=False, title=None) == \
        ' aria-hidden="true" data-vraag="a1" hidden'
    assert el("span", class_="lsp-wb-vak", aria_hidden="true") == '<span class="lsp-wb-vak" aria-hidden="true"></span>'


def test_el_refuses_what_it_cannot_write_safely():
    with pytest.raises(ValueError):
        el("p onclick=x", "t")
    with pytest.raises(ValueError):
        el("br", "text")
    with pytest.raises(TypeError):
        el("p", object())


# --- tekst_delen: the front-end's rule (tekstDelen / tekstblok) ----------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    ("Een.\n\nTwee.", [{"alinea": "Een."}, {"alinea": "Twee."}]),
    ("Regel een\nregel twee", [{"alinea": "Regel een regel twee"}]),
    ("Intro:\n- een\n- twee\nSlot.", [{"alinea": "Intro:"}, {"lijst": ["een", "twee"]}, {"alinea": "Slot."}]),
    ("* ster\n-geen lijst", [{"lijst": ["ster"]}, {"alinea": "-geen lijst"}]),
    ("a\r\n  \r\nb", [{"alinea": "a"}, {"alinea": "b"}]),
    ("  - ingesprongen  ", [{"lijst": ["ingesprongen  "]}]),
    ("- een\n\n- twee", [{"lijst": ["een"]}, {"lijst": ["twee"]}]),
    ("", []),
    (None, []),
])
def test_tekst_delen(text, parts):
    assert tekst_delen(text) == parts


def test_tekstblok_html():
    assert tekstblok("Intro:\n- <een>", "lsp-x") == \
        '<div class="lsp-tekst lsp-x"><p>Intro:</p><ul><li>&lt;een&gt;</li></ul></div>'


# --- book.plaatsing ---------------------------------------------------------------------------------

def _chapter(folder: Path) -> Path:
    code = lambda src: nbformat.v4.new_code_cell(src)  # noqa: E731
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("(h2)=\n# Hoofdstuk 2\n\n```{margin}\n# geen kop\n(geen-label)=\n```"),
        code('oefening("h2_eerst")'),
        nbformat.v4.new_markdown_cell("(h2-a)=\n## A\n\nTekst.\n\n(los-label)=\nGeen kop hierna."),
        nbformat.v4.new_markdown_cell("### A.1"),
        code("oefening('h2_tweede')"),
        nbformat.v4.new_markdown_cell("(h2-b)=\n## B"),
        code("from book.exercises import inleveren\ninleveren(2)"),
        nbformat.v4.new_markdown_cell("(h2-slot)=\n## Slot"),
    ])
    folder.mkdir(exist_ok=True)
    path = folder / "02_test.ipynb"
    nbformat.write(nb, path)
    (folder / "_template.ipynb").write_text(json.dumps({"cells": []}), encoding="utf-8")
    (folder / "03_ander.md").write_text('# H3\n\n```{code-cell} ipython3\noefening("h2_elders")\n```\n', encoding="utf-8")
    return path


def _spec(oid, hoofdstuk=2, plaats=None):
    return SimpleNamespace(id=oid, hoofdstuk=hoofdstuk, plaats=plaats)


def test_chapter_events(tmp_path):
    h = lees_hoofdstuk(_chapter(tmp_path))
    assert h.nummer == 2 and h.oefeningen() == ["h2_eerst", "h2_tweede"]
    assert sorted(h.labels()) == ["h2", "h2-a", "h2-b", "h2-slot"]        # not in fences, not without a heading
    assert h.gebeurtenissen[h.inleveren()].cel == 6
    assert sorted(hoofdstukken(tmp_path)) == [2, 3]
    assert ingebed(tmp_path) == {"h2_eerst": "02_test", "h2_tweede": "02_test", "h2_elders": "03_ander"}


def test_page_order_with_extra_cases(tmp_path):
    _chapter(tmp_path)
    specs = [_spec("h2_tweede"), _spec("h2_eerst"), _spec("h2_z_los"), _spec("h2_a_los"),
             _spec("h2_bij_a", plaats="h2-a"), _spec("h2_bij_b", plaats="h2-b"), _spec("h2_slot", plaats="h2-slot"),
             _spec("h2_fout", plaats="bestaat-niet"), _spec("h2_elders"), _spec("h1_ander", hoofdstuk=1)]
    order = [s.id for s in volgorde(2, specs, tmp_path)]
    assert order == [
        "h2_eerst",
        "h2_bij_a",                          # end of A's own text, before its subsection A.1
        "h2_tweede",
        "h2_bij_b",                          # B holds the hand-in block: before it, after the extras' label
        "h2_a_los", "h2_fout", "h2_z_los",   # "Extra casussen" before the hand-in, by id; unknown label too
        "h2_slot",                           # a section after the hand-in block
        "h2_elders",                         # embedded by another chapter: last
    ]
    assert [s.id for s in extra_casussen(2, specs, tmp_path)] == [
        "h2_bij_a", "h2_bij_b", "h2_a_los", "h2_fout", "h2_z_los", "h2_slot"]
    assert [s.id for s in volgorde(5, specs, tmp_path)] == []
    assert [s.id for s in volgorde(1, specs, tmp_path)] == ["h1_ander"]   # no chapter file


def test_place_of_an_extra_case(tmp_path):
    h = lees_hoofdstuk(_chapter(tmp_path))
    kinds = [g.soort for g in h.gebeurtenissen]
    assert kinds[plek_van_extra(h, None)] == "inleveren"
    assert kinds[plek_van_extra(h, "h2-a")] == "kop"             # the heading of A.1
    assert plek_van_extra(h, "h2-slot") == len(kinds)
    with pytest.raises(PlaatsFout):
        plek_van_extra(h, "los-label")
    message = plaats_melding("h2_x", 2, "los-label", h)
    assert message.startswith("Fout in oefening exercises/h2_x.yml: veld plaats:") and "'h2-a'" in message
    assert "geen hoofdstukbestand" in plaats_melding("h9_x", 9, "x", None)


def test_real_chapters_are_read():
    chapters = hoofdstukken()
    assert sorted(chapters) == list(range(7))
    assert all(h.inleveren() is not None and h.oefeningen() for h in chapters.values())
    assert EXTRA_TITEL == "Extra casussen"
