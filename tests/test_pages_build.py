"""Generated pages and strictness, proven on small fixture books built with the project's config.

- A case that no notebook embeds appears on its chapter page (in "Extra casussen" before the
  hand-in block, or at its `plaats` label), in the overview, the workbook and the hand-in block,
  in page order, and the workbook and overview need no kernel.
- A broken exercise file fails the strict build with one Dutch message naming file and field,
  and no page shows a traceback.
- The strict build fails on every rerun for as long as a fault is there, and an injected warning
  fails it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from conftest import ROOT, Build, strict_build, write_book_config

FIXTURES = Path(__file__).parent / "fixtures" / "exercises"
ALLE = yaml.safe_load((FIXTURES / "alle_typen.yml").read_text(encoding="utf-8"))
HOSTILE = '<img src=x onerror="window.__xss=1"> & </script><b>vet</b>'


def write_spec(folder: Path, oid: str, **changes) -> Path:
    data = {**ALLE, "id": oid, **changes}
    path = folder / f"{oid}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def make_book(folder: Path, toc_files: list[str], pages: dict[str, str | nbformat.NotebookNode],
              extensions: tuple[str, ...] = ("lsp_assets", "lsp_pages", "lsp_strict")) -> Path:
    """A small book with the project's _config.yml; ``pages`` maps file names to text or notebooks."""
    book = folder / "boek"
    book.mkdir(parents=True, exist_ok=True)
    write_book_config(book, "Testboek", tuple(extensions))
    toc = {"format": "jb-book", "root": "index", "chapters": [{"file": f} for f in toc_files]}
    (book / "_toc.yml").write_text(yaml.safe_dump(toc), encoding="utf-8")
    (book / "index.md").write_text("# Testboek\n\nEen klein boek voor de tests.\n", encoding="utf-8")
    for name, content in pages.items():
        path = book / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            nbformat.write(content, path)
    return book


def chapter_notebook() -> nbformat.NotebookNode:
    """Chapter 2: one embedded exercise, a labelled section with a subsection, the hand-in block."""
    code = lambda src: nbformat.v4.new_code_cell(src, metadata={"tags": ["remove-input"]})  # noqa: E731
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Hoofdstuk 2 · Testhoofdstuk\n\nInleiding."),
            nbformat.v4.new_markdown_cell("(h2-plek)=\n## Een plek met een label\n\nTekst bij de plek."),
            nbformat.v4.new_markdown_cell("### Een subparagraaf\n\nMeer tekst."),
            code('from book.exercises import oefening\noefening("h2_ingebed")'),
            nbformat.v4.new_markdown_cell("## Inleveren\n\nLever je antwoorden in."),
            code("from book.exercises import inleveren\ninleveren(2)"),
            nbformat.v4.new_markdown_cell("## Samenvatting\n\nKort."),
        ],
        metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    )


GENERATED = {
    "werkboek/h2.md": "# Werkboek · Hoofdstuk 2\n\n```{lsp-werkboek} 2\n```\n",
    "opdrachtenoverzicht.md": "# Opdrachtenoverzicht\n\n```{lsp-overzicht}\n```\n",
}


@pytest.fixture(scope="module")
def extra_book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extra")
    exercises = folder / "exercises"
    exercises.mkdir()
    write_spec(exercises, "h2_ingebed", hoofdstuk=2, titel="Ingebedde casus")
    write_spec(exercises, "h2_extra", hoofdstuk=2, titel="Extra casus zonder notebook", verzonnen=True)
    write_spec(exercises, "h2_geplaatst", hoofdstuk=2, titel="Casus bij de plek", plaats="h2-plek")
    write_spec(exercises, "h1_ander", hoofdstuk=1, titel="Casus van een ander hoofdstuk")
    book = make_book(folder, ["chapters/02_test", "werkboek/h2", "opdrachtenoverzicht"],
                     {"chapters/02_test.ipynb": chapter_notebook(), **GENERATED})
    env = {"LSP_OEFENINGEN_MAP": str(exercises), "LSP_HOOFDSTUKKEN_MAP": str(book / "chapters")}
    build = strict_build(source=book, env=env)
    assert build.returncode == 0, build.log[-5000:]
    return build


def _ids_in_order(html: str) -> list[str]:
    return re.findall(r'id="(oefening-[a-z0-9_]+|extra-casussen|een-plek-met-een-label|een-subparagraaf|inleveren)"'
                      r'|class="(lsp-inleveren)"', html)


def test_extra_case_appears_on_its_chapter_page(extra_book):
    html = (extra_book.html / "chapters" / "02_test.html").read_text(encoding="utf-8")
    order = [a or b for a, b in _ids_in_order(html)]
    assert order == [
        "een-plek-met-een-label", "oefening-h2_geplaatst",   # at its label, before the subsection
        "een-subparagraaf", "oefening-h2_ingebed",
        "inleveren", "extra-casussen", "oefening-h2_extra",  # "Extra casussen" just before the block
        "lsp-inleveren",
    ]
    assert "oefening-h1_ander" not in html
    assert re.search(r"<h2>Extra casussen", html) or re.search(r"<h\d[^>]*>Extra casussen", html)
    # the section is in the page's table of contents
    assert 'href="#extra-casussen"' in html
    # the hand-in block lists every exercise of the chapter, in page order
    payload = json.loads(re.search(r'class="lsp-inleveren".*?class="lsp-data">(.*?)</script>', html, re.S).group(1))
    assert [o["id"] for o in payload["oefeningen"]] == ["h2_geplaatst", "h2_ingebed", "h2_extra"]


def test_extra_case_in_overview_and_workbook_in_page_order(extra_book):
    overview = (extra_book.html / "opdrachtenoverzicht.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(chapters/02_test\.html#oefening-[a-z0-9_]+)"', overview)
    assert links == [f"chapters/02_test.html#oefening-{i}" for i in ("h2_geplaatst", "h2_ingebed", "h2_extra")]
    assert "Casus van een ander hoofdstuk" in overview and "nog niet in een hoofdstuk" in overview
    workbook = (extra_book.html / "werkboek" / "h2.html").read_text(encoding="utf-8")
    titles = re.findall(r'<section class="lsp-wb-oefening" id="werkboek-([a-z0-9_]+)"', workbook)
    assert titles == ["h2_geplaatst", "h2_ingebed", "h2_extra"]
    # generated pages carry their own stylesheet, and no kernel output
    assert "_static/pages/werkboek.css" in workbook.replace("../", "")
    assert "_static/pages/overzicht.css" in overview
    assert "cell_output" not in workbook and "cell_output" not in overview
    # hostile text from the fixture spec arrives as text
    assert "<img src=x" not in workbook and "&lt;img src=x onerror" in workbook
    assert "<img src=x" not in overview.split("lsp-overzicht-vak")[1]


def test_extra_case_follows_the_edition(monkeypatch, tmp_path):
    import importlib.util

    spec_obj = importlib.util.spec_from_file_location("lsp_pages", ROOT / "_ext" / "lsp_pages.py")
    module = importlib.util.module_from_spec(spec_obj)
    spec_obj.loader.exec_module(module)
    from book.exercises.spec import load_spec

    spec = load_spec(path=FIXTURES / "alle_typen.yml")
    monkeypatch.setenv("LSP_EDITIE", "student")
    student = module._exercise_node(spec).astext()
    monkeypatch.setenv("LSP_EDITIE", "docent")
    docent = module._exercise_node(spec).astext()
    assert '"editie":"student"' in student and "Laat studenten eerst alleen werken" not in student
    assert '"editie":"docent"' in docent and "Laat studenten eerst alleen werken" in docent


# --- a broken exercise file -------------------------------------------------------------------

@pytest.fixture(scope="module")
def broken_book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kapot")
    exercises = folder / "exercises"
    exercises.mkdir()
    write_spec(exercises, "h2_goed", hoofdstuk=2, titel="Goede casus")
    bad = dict(ALLE, id="h5_kapot", hoofdstuk=5)
    bad["vragen"] = [dict(q) for q in ALLE["vragen"]]
    stelling = next(q for q in bad["vragen"] if q["type"] == "stelling")
    stelling["tweede_rond"] = stelling.pop("tweede_ronde")
    (exercises / "h5_kapot.yml").write_text(yaml.safe_dump(bad, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pages = {"chapters/02_test.md": "# Hoofdstuk 2 · Test\n\n## Tekst\n\nGeen code.\n", **GENERATED,
             "werkboek/h5.md": "# Werkboek · Hoofdstuk 5\n\n```{lsp-werkboek} 5\n```\n"}
    book = make_book(folder, ["chapters/02_test", "werkboek/h2", "werkboek/h5", "opdrachtenoverzicht"], pages)
    return strict_build(source=book, env={"LSP_OEFENINGEN_MAP": str(exercises)})


def _warnings(log: str) -> list[str]:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", log)   # Sphinx may colour its output
    return [line for line in plain.splitlines() if re.search(r"\b(WARNING|ERROR|CRITICAL)\b", line)]


def test_broken_exercise_fails_the_build_with_one_clear_message(broken_book):
    first = broken_book
    assert first.returncode != 0
    warnings = _warnings(first.log)
    assert len(warnings) == 1, warnings
    assert "h5_kapot.yml" in warnings[0] and "veld vragen[2].tweede_rond" in first.log
    assert "bedoelde je 'tweede_ronde'?" in first.log
    assert "Traceback" not in first.log and "1 warning" in first.log


def test_broken_exercise_leaves_other_pages_clean(broken_book):
    html = broken_book.html
    pages = sorted(html.rglob("*.html"))
    assert len([p for p in pages if "_static" not in p.parts]) >= 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "Traceback" not in text and "ExerciseSpecError" not in text, page.name
    assert "Goede casus" in (html / "werkboek" / "h2.html").read_text(encoding="utf-8")
    assert "Goede casus" in (html / "opdrachtenoverzicht.html").read_text(encoding="utf-8")


# --- what a rebuild reads again ----------------------------------------------------------------

def _read_again(log: str) -> set[str]:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", log)
    return set(re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)$", plain, re.M))


def test_a_rebuild_reads_again_only_what_the_edit_changes(tmp_path):
    """Issue 13: the generated pages depend on the chapters' structure (labels, headings,
    embedded exercises), not on their prose. A new sentence in a chapter reads that chapter
    again and nothing else; a moved label reads the workbook and the overview again too, and the
    case placed at that label moves with it."""
    exercises = tmp_path / "exercises"
    exercises.mkdir()
    write_spec(exercises, "h2_ingebed", hoofdstuk=2, titel="Ingebedde casus")
    write_spec(exercises, "h2_geplaatst", hoofdstuk=2, titel="Casus bij de plek", plaats="h2-plek")
    book = make_book(tmp_path, ["chapters/02_test", "werkboek/h2", "opdrachtenoverzicht"],
                     {"chapters/02_test.ipynb": chapter_notebook(), **GENERATED})
    env = {"LSP_OEFENINGEN_MAP": str(exercises), "LSP_HOOFDSTUKKEN_MAP": str(book / "chapters")}
    chapter = book / "chapters" / "02_test.ipynb"

    def edit(old: str, new: str) -> Build:
        nb = nbformat.read(chapter, as_version=4)
        cell = next(c for c in nb.cells if old in c.source)
        cell.source = cell.source.replace(old, new)
        nbformat.write(nb, chapter)
        build = strict_build(source=book, env=env)
        assert build.returncode == 0, build.log[-3000:]
        return build

    first = strict_build(source=book, env=env)
    assert first.returncode == 0, first.log[-3000:]
    assert {"chapters/02_test", "werkboek/h2", "opdrachtenoverzicht"} <= _read_again(first.log)
    page = (first.html / "chapters" / "02_test.html").read_text(encoding="utf-8")
    assert page.index('id="oefening-h2_geplaatst"') < page.index('id="een-subparagraaf"')

    prose = edit("Meer tekst.", "Meer tekst, en nog een zin.")
    assert _read_again(prose.log) == {"chapters/02_test"}
    assert "nog een zin" in (prose.html / "chapters" / "02_test.html").read_text(encoding="utf-8")

    nb = nbformat.read(chapter, as_version=4)
    nb.cells[1].source = nb.cells[1].source.replace("(h2-plek)=\n", "")
    nb.cells[6].source = "(h2-plek)=\n" + nb.cells[6].source
    nbformat.write(nb, chapter)
    structure = strict_build(source=book, env=env)
    assert structure.returncode == 0, structure.log[-3000:]
    assert {"chapters/02_test", "werkboek/h2", "opdrachtenoverzicht"} <= _read_again(structure.log)
    page = (structure.html / "chapters" / "02_test.html").read_text(encoding="utf-8")
    assert page.index('id="samenvatting"') < page.index('id="oefening-h2_geplaatst"')


# --- strict on every run ------------------------------------------------------------------------

def test_a_warning_fails_the_strict_build_on_every_run_until_fixed(tmp_path):
    """An injected fault that Sphinx reports while it reads the page (here a directive without
    its title; in the book: a failing cell, an unknown glued number) fails the README's build
    command, and a rerun with nothing changed fails again: Sphinx alone would not read the page
    again and would report success. The same book without the fault builds clean."""
    book = make_book(tmp_path, ["pagina"], {"pagina.md": "# Pagina\n\n```{admonition}\nZonder titel.\n```\n"})
    runs = [strict_build(source=book) for _ in range(2)]
    assert [r.returncode != 0 for r in runs] == [True, True], runs[1].log[-2000:]
    assert all(len(_warnings(r.log)) == 1 and "admonition" in _warnings(r.log)[0] for r in runs)
    (book / "pagina.md").write_text("# Pagina\n\nAlles in orde.\n", encoding="utf-8")
    fixed = strict_build(source=book)
    assert fixed.returncode == 0 and _warnings(fixed.log) == [], fixed.log[-3000:]


def test_makefile_builds_strictly():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    flags = re.search(r"^JB_FLAGS\s*:=\s*(.+)$", makefile, re.M).group(1).split()
    assert {"-n", "-W", "--keep-going"} <= set(flags)
    assert re.search(r"^\t.*jupyter-book build \. \$\(JB_FLAGS\)\s*$", makefile, re.M)
    assert re.search(r"^\t.*jupyter-book build \. \$\(JB_FLAGS\) --path-output _build/docent", makefile, re.M)

