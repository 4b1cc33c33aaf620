"""Teacher side: overview of assignments, printable workbook, teacher edition kept out of the student site."""

from __future__ import annotations

import copy
import html
import io
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from book.config import CHAPTERS_DIR, STELLING_SCHAAL, VERZONNEN_LABEL
from book.exercises.spec import all_spec_paths, all_specs, load_spec, student_dict, vraagnummers
from book.overzicht import exercise_locations, overzicht_html
from book.werkboek import tekst_delen, werkboek_html
from conftest import strict_build

FIXTURES = Path(__file__).parent / "fixtures" / "exercises"
SPECS = all_specs()


def _norm(text: str) -> str:
    # NFKC folds the ligatures a PDF's text layer uses ("ﬁ" -> "fi")
    text = unicodedata.normalize("NFKC", html.unescape(text).replace("\\n", " "))
    return re.sub(r"\s+", " ", text).strip()


class Tree(HTMLParser):
    """The parts of generated HTML the tests look at: tags seen, text, rows, links, classes."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.classes: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.rows: list[list[str]] = []
        self.chunks: list[str] = []
        self._cell: list[str] | None = None
        self._link: tuple[str, list[str]] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.classes += (a.get("class") or "").split()
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []
        if tag == "a":
            self._link = (a.get("href") or "", [])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(_norm(" ".join(self._cell)))
            self._cell = None
        if tag == "a" and self._link:
            self.links.append((self._link[0], _norm(" ".join(self._link[1]))))
            self._link = None
        if tag in ("p", "li", "div", "h2", "h3", "td", "th"):
            self.chunks.append("\n")

    def handle_data(self, data):
        self.chunks.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._link:
            self._link[1].append(data)

    @property
    def text(self) -> str:
        return _norm(" ".join(self.chunks))


def _student_text() -> str:
    """What students may read anyway: the student form of every exercise and the chapter text."""
    parts = [_norm(" ".join(_strings(student_dict(s, "student")))) for s in SPECS]
    for nb in sorted(CHAPTERS_DIR.glob("0[0-6]_*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        parts += [_norm("".join(c["source"])) for c in cells if c["cell_type"] == "markdown"]
    return " ".join(parts)


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for v in node.values() for t in _strings(v)]
    if isinstance(node, list):
        return [t for v in node for t in _strings(v)]
    return []


def _teacher_snippets() -> list[str]:
    """A distinctive run of words from every teacher text in exercises/ (a run that student text
    also has, such as a quoted case line or a safety note the chapter repeats, is left out)."""
    student = _student_text()
    snippets = []
    for spec in SPECS:
        if spec.docent is None:
            continue
        for text in [spec.docent.handleiding or "", spec.docent.veiligheid or "", *spec.docent.per_vraag.values()]:
            words = _norm(text).split()
            if len(words) >= 6 and " ".join(words[:8]) not in student:
                snippets.append(" ".join(words[:8]))
    return snippets


def test_every_exercise_has_teacher_notes():
    assert len(SPECS) == len(all_spec_paths()) > 20
    assert [s.id for s in SPECS if s.docent is None] == []


def test_every_exercise_appears_on_a_chapter_page():
    placed = exercise_locations()
    assert sorted(s.id for s in SPECS if s.id not in placed) == []
    assert all(placed[s.id].startswith(f"0{s.hoofdstuk}_") for s in SPECS)


def _page_order_in_notebook(hoofdstuk: int) -> list[str]:
    """Independent of book.plaatsing: where each oefening("<id>") call stands in the raw file."""
    path = next(CHAPTERS_DIR.glob(f"0{hoofdstuk}_*.ipynb"))
    raw = path.read_text(encoding="utf-8")
    ids = [s.id for s in SPECS if s.hoofdstuk == hoofdstuk]
    return sorted(ids, key=lambda i: raw.find(f'oefening(\\"{i}\\")'))


def test_overview_rows_link_every_exercise_in_page_order():
    tree = Tree(overzicht_html())
    body = [r for r in tree.rows if r and r[0] != "Hoofdstuk"]
    assert len(body) == len(SPECS)
    chapters = exercise_locations()
    expected_links = []
    for hoofdstuk in range(7):
        for oid in _page_order_in_notebook(hoofdstuk):
            expected_links.append((f"chapters/{chapters[oid]}.html#oefening-{oid}", load_spec(oid).titel))
    assert tree.links == expected_links
    assert [r[0] for r in body] == [("Inleiding" if s.hoofdstuk == 0 else f"Hoofdstuk {s.hoofdstuk}")
                                    for s in sorted(SPECS, key=lambda s: s.hoofdstuk)]
    by_title = {r[1]: r for r in body}
    for spec in SPECS:
        row = by_title[spec.titel]
        assert all(_norm(g) in row[5] for g in spec.leerdoelen)
        assert row[3] == (f"{spec.duur_minuten} min" if spec.duur_minuten else "–")


@pytest.mark.parametrize("hoofdstuk", range(7))
def test_workbook_has_every_exercise_in_page_order_with_question_numbers(hoofdstuk):
    page = werkboek_html(hoofdstuk)
    ids = re.findall(r'<section class="lsp-wb-oefening" id="werkboek-([a-z0-9_]+)"', page)
    assert ids == _page_order_in_notebook(hoofdstuk) and ids
    text = Tree(page).text
    for oid in ids:
        spec = load_spec(oid)
        section = Tree(page.split(f'id="werkboek-{oid}"', 1)[1].split('<section class="lsp-wb-oefening"', 1)[0]).text
        assert _norm(spec.titel) in text
        nummers = vraagnummers(spec)
        assert len(re.findall(r"\bVraag \d+\b", section)) == len(nummers)
        for v in spec.vragen:
            if v.id in nummers:
                after = section.split(f"Vraag {nummers[v.id]} ", 1)[1]
                if getattr(v, "vraag", None):
                    assert after.startswith(_norm(v.vraag)) or after.startswith(VERZONNEN_LABEL), (oid, v.id)
    assert not any(s in page for s in _teacher_snippets())


def test_workbook_prints_lists_after_an_intro_line_as_lists():
    """h4_anne: an intro sentence and then "- " lines, without a blank line: a paragraph and a list."""
    spec = load_spec("h4_anne")
    delen = tekst_delen(spec.casus)
    intro = next(i for i, d in enumerate(delen) if "lijst" in d)
    assert "alinea" in delen[intro - 1] and delen[intro - 1]["alinea"].endswith("over de projecten in de wijk:")
    assert len(delen[intro]["lijst"]) == 4
    page = werkboek_html(4)
    assert re.search(r"over de projecten in de wijk:</p><ul><li>een blok huurwoningen", page)


# --- hostile and marked text through a fixture spec ---------------------------------------------

HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> & <b>vet</b> "q" \'s\''


def _hostile_folder(tmp_path: Path) -> Path:
    data = yaml.safe_load((FIXTURES / "alle_typen.yml").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["titel"] = "Titel " + HOSTILE
    data["leerdoelen"] = ["Leerdoel " + HOSTILE]
    data["casus"] = "Casus " + HOSTILE + "\n- punt " + HOSTILE
    data["verzonnen"] = True
    for q in data["vragen"]:
        for key in ("vraag", "toelichting", "tekst", "titel"):
            if key in q:
                q[key] = f"{q[key]} {HOSTILE}"
        if q["type"] == "open":
            q["kijkpunten"] = ["Kijkpunt " + HOSTILE]
            q["rubric"] = [{"criterium": "Criterium " + HOSTILE, "niveaus": ["laag " + HOSTILE, "hoog"]}]
            q["verzonnen"] = True
        if q["type"] in ("rangschikking",):
            q["items"] = [i + " " + HOSTILE for i in q["items"]]
        if q["type"] == "stelling":
            q["stellingen"] = [s + " " + HOSTILE for s in q["stellingen"]]
            q["tweede_ronde"]["verzonnen"] = True
        if q["type"] == "sorteren":
            q["items"][0]["tekst"] += " " + HOSTILE
        if q["type"] == "meerkeuze":
            q["opties"][0]["tekst"] += " " + HOSTILE
        if q["type"] == "netwerk":
            q["startknopen"][0]["naam"] += " " + HOSTILE
            q["centrum"] += " " + HOSTILE
        if q["type"] == "dilemma":
            first = next(iter(q["knopen"].values()))
            first["tekst"] += " " + HOSTILE
            first["keuzes"][0]["tekst"] += " " + HOSTILE
            first["verzonnen"] = True
        if q["type"] == "zelfbeoordeling":
            q["aspecten"] = [a + " " + HOSTILE for a in q["aspecten"]]
        if q["type"] == "informatie":
            q["verzonnen"] = True
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "alle_typen.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def test_generated_pages_show_hostile_text_as_text(tmp_path):
    folder = _hostile_folder(tmp_path)
    for page in (werkboek_html(1, folder), overzicht_html(folder)):
        tree = Tree(page)
        assert not {"img", "script", "b"} & set(tree.tags), page[:300]
        assert "window.__xss" not in "".join(f"{k}" for k in tree.tags)
        assert tree.text.count(_norm(HOSTILE)) >= (30 if "lsp-werkboek" in page else 2)


def test_workbook_marks_every_invented_part_and_prints_rubric_and_kijkpunten(tmp_path):
    folder = _hostile_folder(tmp_path)
    page = werkboek_html(1, folder)
    tree = Tree(page)
    # marked here: casus, the open question, the first dilemma node; marked in the fixture itself:
    # the informatie block, tweede_ronde and dilemma node k2
    assert tree.classes.count("lsp-verzonnen") == 6
    assert tree.text.count(VERZONNEN_LABEL) == 6
    assert werkboek_html(1, FIXTURES).count('class="lsp-verzonnen"') == 3
    rubric = next(r for r in tree.rows if r and r[0].startswith("Criterium "))
    assert rubric[1].startswith("laag") and rubric[2] == "hoog"
    assert ["Criterium", "Niveau 1", "Niveau 2"] in tree.rows
    assert "Kijkpunt " + _norm(HOSTILE) in tree.text
    stelling = next(r for r in tree.rows if r and r[0].startswith("Stelling"))
    assert stelling[1:] == list(STELLING_SCHAAL)


def test_workbook_network_table_has_blank_rows_to_write_in():
    page = werkboek_html(1)
    section = page.split('id="werkboek-h1_abiba"', 1)[1]
    table = section.split("lsp-wb-netwerktabel", 1)[1].split("</table>", 1)[0]
    assert table.count('<tr class="lsp-wb-leeg">') == 8


# --- built sites --------------------------------------------------------------------------------

def test_student_site_contains_no_teacher_text(site):
    assert site.returncode == 0, site.log[-3000:]
    snippets = _teacher_snippets()
    assert len(snippets) > 40, "te weinig docententeksten gevonden om op te controleren"
    leaks = []
    pages = list(site.html.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        text = _norm(page.read_text(encoding="utf-8"))
        leaks += [f"{page.name}: {s}" for s in snippets if s in text]
    assert leaks == []


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory):
    build = strict_build(tmp_path_factory.mktemp("docent"), env={"LSP_EDITIE": "docent"})
    assert build.returncode == 0, build.log[-5000:]
    return build


def test_teacher_edition_contains_every_teacher_text(teacher_site):
    """The positive control of the test above: the same snippets are found in the teacher build."""
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


def _delen_in_page(page, selector: str) -> list[dict]:
    """The paragraphs and lists the front-end rendered in one .lsp-tekst block."""
    return page.eval_on_selector(selector, """el => [...el.children].map(c => c.tagName === 'UL'
        ? {lijst: [...c.children].map(li => li.textContent)} : {alinea: c.textContent})""")


@pytest.mark.browser
def test_workbook_splits_texts_exactly_as_the_site(site_url, browser):
    """Parity: every real case text, informatie block and toelichting, as the front-end shows it
    on the chapter page and as the workbook prints it."""
    from browser_helpers import offline_page

    compared = 0
    page, log = offline_page(browser)
    try:
        for chapter in sorted(CHAPTERS_DIR.glob("0[0-6]_*.ipynb")):
            page.goto(f"{site_url}chapters/{chapter.stem}.html", wait_until="networkidle")
            for spec in (s for s in SPECS if s.hoofdstuk == int(chapter.stem[:2])):
                root = f'.lsp-oefening[data-oefening="{spec.id}"]'
                page.wait_for_selector(f"{root} .lsp-oefening-kaart")
                if spec.casus:
                    assert _delen_in_page(page, f"{root} .lsp-casus .lsp-tekst") == tekst_delen(spec.casus), spec.id
                    compared += 1
                for v in spec.vragen:
                    if v.type == "informatie":
                        sel = f'{root} .lsp-informatie[data-vraag="{v.id}"] .lsp-tekst'
                        assert _delen_in_page(page, sel) == tekst_delen(v.tekst), (spec.id, v.id)
                        compared += 1
                    if v.toelichting:
                        sel = f'{root} [data-vraag="{v.id}"] .lsp-toelichting'
                        assert _delen_in_page(page, sel) == tekst_delen(v.toelichting), (spec.id, v.id)
                        compared += 1
        assert log.console_errors == [] and log.external_requests == []
    finally:
        page.context.close()
    assert compared >= sum(1 for s in SPECS if s.casus) > 15


A4_CONTENT_PX = round((210 - 2 * 14) / 25.4 * 96)   # A4 minus the workbook's print margins, in CSS px


def _print_page(browser, url: str):
    from browser_helpers import offline_page

    page, log = offline_page(browser)
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1100})
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    return page, log


@pytest.mark.browser
@pytest.mark.parametrize("hoofdstuk", range(7))
def test_printed_workbook_renders_to_pdf_and_png(hoofdstuk, site_url, browser, tmp_path):
    from pypdf import PdfReader

    page, log = _print_page(browser, f"{site_url}werkboek/h{hoofdstuk}.html")
    pdf = page.pdf(format="A4", print_background=False)
    png = tmp_path / f"werkboek_h{hoofdstuk}.png"
    page.screenshot(path=str(png), full_page=True)
    blank_rows = page.eval_on_selector_all("tr.lsp-wb-leeg", "rows => rows.map(r => r.getBoundingClientRect().height)")
    kaart = page.eval_on_selector_all(".lsp-wb-kaart", "els => els.map(e => e.getBoundingClientRect().height)")
    page.context.close()
    assert log.console_errors == [] and log.external_requests == []
    # room to write: blank network rows at least 7 mm, the ecogram box at least 10 cm (96 px = 1 in)
    assert all(h >= 7 / 25.4 * 96 for h in blank_rows), blank_rows
    assert all(h >= 100 / 25.4 * 96 for h in kaart), kaart

    reader = PdfReader(io.BytesIO(pdf))
    text = _norm(" ".join(p.extract_text() or "" for p in reader.pages))
    letters = re.sub(r"\W+", "", text).lower()  # PDF text breaks lines and hyphens at will
    titles = [s.titel for s in SPECS if s.hoofdstuk == hoofdstuk]
    assert len(reader.pages) >= len(titles) > 0
    for title in titles:
        assert re.sub(r"\W+", "", title).lower()[:30] in letters
    assert "Naam:" in text and "Vraag 1" in text
    assert "Werkboek (afdrukken)" not in text and "Ctrl" not in text  # printed without the site's navigation
    assert png.stat().st_size > 20_000


@pytest.mark.browser
def test_overview_fits_on_a4(site_url, browser):
    """Printed on A4 nothing is cut off at the right: every cell lies within the page, and the
    PDF's text holds the end of every exercise's last learning goal."""
    from pypdf import PdfReader

    page, log = _print_page(browser, f"{site_url}opdrachtenoverzicht.html")
    widths = page.evaluate("""() => {
        const t = document.querySelector('.lsp-overzicht');
        const cells = [...t.querySelectorAll('td, th, li')].map(c => c.getBoundingClientRect().right);
        return {page: document.documentElement.clientWidth, table: t.getBoundingClientRect().right,
                cells: Math.max(...cells), scroll: t.parentElement.scrollWidth - t.parentElement.clientWidth};
    }""")
    pdf = page.pdf(format="A4", print_background=False)
    page.context.close()
    assert log.console_errors == [] and log.external_requests == []
    assert widths["scroll"] <= 0 and widths["cells"] <= widths["table"] + 0.5 <= widths["page"] + 0.5, widths
    text = re.sub(r"\W+", "", _norm(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))).lower()
    for spec in SPECS:
        if spec.leerdoelen:
            end = re.sub(r"\W+", "", spec.leerdoelen[-1]).lower()[-25:]
            assert end in text, (spec.id, end)
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    assert "Hoofdstuk" in first_page and "Leerdoelen" in first_page  # the table starts on page 1


def test_teacher_notes_name_questions_as_the_page_does():
    """A guide that says "vraag a14" while the page shows "Vraag 13" sends the teacher to the wrong
    question: in teacher text a question is named with {vraag:id}, never by its bare id."""
    from book.exercises.spec import all_specs

    bare = []
    for spec in all_specs():
        if not spec.docent:
            continue
        texts = [spec.docent.handleiding or "", spec.docent.veiligheid or "", *spec.docent.per_vraag.values()]
        # ids that are codes (a14, competenties_lijst); an id that is a plain word (aanname) is
        # also an ordinary word of the guide
        for qid in (v.id for v in spec.vragen if re.search(r"[\d_]", v.id)):
            pattern = re.compile(r"(?<![\w{:/-])" + re.escape(qid) + r"(?![\w}-])")
            bare += [f"{spec.id}: {qid}" for t in texts if pattern.search(re.sub(r"\{[Vv]raag:[^}]*\}", "", t))]
    assert bare == []
