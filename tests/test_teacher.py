"""Teacher side: overview of assignments, printable workbook, teacher edition kept out of the student site."""

from __future__ import annotations

import html
import io
import re
import unicodedata

import pytest

from book.exercises.spec import all_spec_paths, load_spec
from book.overzicht import exercise_locations, overzicht_html
from book.werkboek import werkboek_html
from conftest import strict_build


def _norm(text: str) -> str:
    # NFKC folds the ligatures a PDF's text layer uses ("ﬁ" -> "fi")
    text = unicodedata.normalize("NFKC", html.unescape(text).replace("\\n", " "))
    return re.sub(r"\s+", " ", text).strip()


def _teacher_snippets() -> list[str]:
    """A distinctive run of words from every teacher text in exercises/."""
    snippets = []
    for path in all_spec_paths():
        docent = load_spec(path=path).docent
        if docent is None:
            continue
        for text in [docent.handleiding or "", *docent.per_vraag.values()]:
            words = _norm(text).split()
            if len(words) >= 6:
                snippets.append(" ".join(words[:8]))
    return snippets


def test_every_exercise_has_teacher_notes():
    missing = [p.stem for p in all_spec_paths() if load_spec(path=p).docent is None]
    assert missing == []


def test_every_exercise_is_placed_in_a_chapter():
    placed = exercise_locations()
    assert sorted(p.stem for p in all_spec_paths() if p.stem not in placed) == []


def test_overview_lists_every_exercise_with_a_link():
    table = overzicht_html()
    for path in all_spec_paths():
        spec = load_spec(path=path)
        assert f"#oefening-{spec.id}" in table
    assert table.count("<tr>") == len(all_spec_paths()) + 1


def test_workbook_escapes_text_and_contains_every_question():
    for hoofdstuk in range(7):
        page = werkboek_html(hoofdstuk)
        assert "<script" not in page
        for path in all_spec_paths():
            spec = load_spec(path=path)
            if spec.hoofdstuk == hoofdstuk:
                assert html.escape(spec.titel) in page
                for v in spec.vragen:
                    if getattr(v, "vraag", None):
                        assert html.escape(v.vraag) in page


def test_student_site_contains_no_teacher_text(site):
    assert site.returncode == 0, site.log[-3000:]
    snippets = _teacher_snippets()
    assert snippets, "geen docententeksten gevonden om op te controleren"
    leaks = []
    for page in site.html.rglob("*.html"):
        text = _norm(page.read_text(encoding="utf-8"))
        leaks += [f"{page.name}: {s}" for s in snippets if s in text]
    assert leaks == []


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory):
    build = strict_build(tmp_path_factory.mktemp("docent"), env={"LSP_EDITIE": "docent"})
    assert build.returncode == 0, build.log[-5000:]
    return build


def test_teacher_edition_contains_every_teacher_text(teacher_site):
    text = " ".join(_norm(p.read_text(encoding="utf-8")) for p in (teacher_site.html / "chapters").glob("*.html"))
    missing = [s for s in _teacher_snippets() if s not in text]
    assert missing == []


@pytest.mark.browser
def test_teacher_edition_shows_the_handleiding(teacher_site, browser):
    from browser_helpers import offline_page, serve_directory

    with serve_directory(teacher_site.html) as url:
        page, log = offline_page(browser)
        page.goto(url + "chapters/01_outreach_mda.html", wait_until="networkidle")
        assert page.get_by_text("Docentenhandleiding").first.is_visible()
        assert log.console_errors == [] and log.external_requests == []
        page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("hoofdstuk", range(7))
def test_printed_workbook_renders_to_pdf_and_png(hoofdstuk, site_url, browser, tmp_path):
    from pypdf import PdfReader

    from browser_helpers import offline_page

    page, log = offline_page(browser)
    page.goto(f"{site_url}werkboek/h{hoofdstuk}.html", wait_until="networkidle")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    png = tmp_path / f"werkboek_h{hoofdstuk}.png"
    page.screenshot(path=str(png), full_page=True)
    page.context.close()
    assert log.console_errors == [] and log.external_requests == []

    reader = PdfReader(io.BytesIO(pdf))
    text = _norm(" ".join(p.extract_text() or "" for p in reader.pages))
    letters = re.sub(r"\W+", "", text).lower()  # PDF text breaks lines and hyphens at will
    specs = [load_spec(path=p) for p in all_spec_paths()]
    titles = [s.titel for s in specs if s.hoofdstuk == hoofdstuk]
    assert len(reader.pages) >= len(titles)
    for title in titles:
        assert re.sub(r"\W+", "", title).lower()[:30] in letters
    assert "Naam:" in text
    assert "Werkboek (afdrukken)" not in text and "Ctrl" not in text  # printed without the site's navigation
    assert png.stat().st_size > 20_000
