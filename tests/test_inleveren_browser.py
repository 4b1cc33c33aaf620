"""The hand-in block, its print view and the network map in headless Chromium (Debian's).

A bare page (no Sphinx build): the fixture chapter's two exercises in page order (`kort`, then
`alle_typen` with every question type) and the chapter's hand-in block, with the site bundle.
Answers are put into the browser's storage before the page loads, as a returning student has
them, so these tests do not depend on how each question type is operated.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from book.answers import AntwoordBestand
from book.exercises.handin import inleveren
from book.exercises.spec import load_spec
from book.exercises.widget import OefeningWidget
from browser_helpers import bare_page, offline_page, run_axe, serve_directory, with_front_end

pytestmark = pytest.mark.browser

SPEC_PATH = Path(__file__).parent / "fixtures" / "exercises" / "alle_typen.yml"
KORT_PATH = Path(__file__).parent / "fixtures" / "frontend" / "kort.yml"
NETWERK_PATH = Path(__file__).parent / "fixtures" / "frontend" / "netwerk_actoren.yml"
LANGE_NAAM = "Wijkagent van de buurt Oude Noorden en omstreken"

# What a student entered, as the page stores it.
ALLES = {
    "a1": {"tekst": "Sam mist contact met de buurt."},
    "a2": {"volgorde": ["Bellen met de broer", "Kennismaken op de markt", "Overleg met het team"],
           "redenen": {"Bellen met de broer": "familie eerst", "Kennismaken op de markt": "daarna de buurt",
                       "Overleg met het team": "tot slot het team"}},
    "a3": {"ronde1": [{"positie": 4, "argument": "Omdat contact telt."}, {"positie": 2, "argument": "Ze is een buur."}],
           "ronde2": [{"positie": 1, "argument": "Sam vertrouwt haar niet."}, {"positie": 5, "argument": "Toch nodig."}]},
    "a4": {"indeling": {"Een vast ritme": "Belemmerend", "Wantrouwen tegenover hulp": "Belemmerend",
                        "Een broer op afstand": "Helpend"}},
    "a5": {"keuze": 1},
    "a6": {"knopen": [{"naam": "broer", "soort": "familie", "sterkte": 2, "kwaliteit": "steunend"},
                      {"naam": LANGE_NAAM, "soort": "professionals",
                       "sterkte": 3, "kwaliteit": "belastend"}]},
    "a7": {"pad": ["k1", "k3", "k4"], "reflectie": "Doorvragen hielp."},
    "a8": {"scores": [4, 3, 5, 2]},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inleveren")
    specs = folder / "oefeningen"              # the chapter's exercises, for the hand-in block
    specs.mkdir()
    for path in (SPEC_PATH, KORT_PATH):
        shutil.copy(path, specs / path.name)
    with_front_end(folder)
    (folder / "index.html").write_text(bare_page(
        "Testhoofdstuk",
        ("Eerst kort", OefeningWidget(load_spec(path=KORT_PATH)).html()),
        ("Een oefening", OefeningWidget(load_spec(path=SPEC_PATH)).html()),
        ("Inleveren", inleveren(1, directory=specs).html()),
    ), encoding="utf-8")
    (folder / "netwerk.html").write_text(
        bare_page("Testhoofdstuk", OefeningWidget(load_spec(path=NETWERK_PATH)).html()), encoding="utf-8")
    for n in (0, 5):                                   # real chapters: only their hand-in block
        (folder / f"h{n}.html").write_text(bare_page("Testhoofdstuk", inleveren(n).html()), encoding="utf-8")
    with serve_directory(folder) as url:
        yield url


def record(oefening: str, antwoorden: dict) -> str:
    return json.dumps({"formaat": "lsp-opslag", "versie": 1, "oefening": oefening, "bijgewerkt": 1,
                       "antwoorden": antwoorden, "tijden": {k: 1 for k in antwoorden}})


def wait_mounted(page) -> None:
    page.wait_for_function(
        "() => document.querySelectorAll('.lsp-oefening .lsp-oefening-kaart').length === 2"
        " && !!document.querySelector('.lsp-inleveren .lsp-inleveren-kaart')")


@contextlib.contextmanager
def opened(browser, url: str, opslag: dict | None = None, **options):
    """A fresh context at the fixture page, with `opslag` (exercise id -> answers) stored first;
    on leaving: no console errors, no failed requests, no requests to other hosts."""
    page, log = offline_page(browser, **options)
    try:
        page.goto(url + "index.html")
        wait_mounted(page)
        if opslag:
            page.evaluate("(v) => { for (const [k, x] of Object.entries(v)) localStorage.setItem(k, x); }",
                          {f"lsp:v1:{k}": record(k, v) for k, v in opslag.items()})
            page.reload()
            wait_mounted(page)
        yield page
        found = (log.console_errors, log.failed_requests, log.external_requests)
    finally:
        page.context.close()
    assert found == ([], [], [])


def vraag(page, qid: str):
    return page.locator(f'.lsp-oefening [data-vraag="{qid}"]')


def focus_in(page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement && !!document.activeElement.closest(s)", selector)


def in_view(page, selector: str) -> bool:
    return page.evaluate("(s) => { const r = document.querySelector(s).getBoundingClientRect();"
                         " return r.top >= -2 && r.top < window.innerHeight; }", selector)


# ------------------------------------------------------------------------------------------------
# 1. The hand-in block names the questions that are not complete, with links to them
# ------------------------------------------------------------------------------------------------

def test_hand_in_lists_incomplete_questions_by_page_number_with_links(browser, site):
    deels = {"a1": ALLES["a1"], "a2": ALLES["a2"], "a4": {"indeling": {"Een vast ritme": "Helpend"}},
             "a8": {"scores": [4, None, 5, 2]}}
    with opened(browser, site, {"kort": {"k1": {"tekst": "Al iets."}}, "alle_typen": deels},
                viewport={"width": 1000, "height": 700}) as page:
        items = page.locator(".lsp-inleveren .lsp-overzicht > li")
        # page order: the short exercise first (its file sorts after alle_typen)
        assert re.sub(r"\s+", " ", items.nth(0).inner_text()).startswith(
            "Een korte oefening vooraf: 1 van 2 vragen beantwoord. Nog niet af: Vraag 2.")
        tweede = items.nth(1)
        links = tweede.get_by_role("link")
        # a3..a8 open or partly done; the information block between a6 and a7 has no number
        assert [x.inner_text() for x in links.all()] == ["Vraag 3", "Vraag 4", "Vraag 5", "Vraag 6", "Vraag 7", "Vraag 8"]
        assert "2 van 8 vragen beantwoord" in tweede.inner_text()

        # by mouse: the question comes into view and its first control gets the focus
        tweede.get_by_role("link", name="Vraag 8 van Testcasus met alle vraagtypen").click()
        assert focus_in(page, '[data-lsp-oefening="alle_typen"] [data-vraag="a8"]')
        assert in_view(page, '[data-lsp-oefening="alle_typen"] [data-vraag="a8"]')

        # by keyboard: Tab to the link, Enter
        link = tweede.get_by_role("link", name="Vraag 4 van Testcasus met alle vraagtypen")
        link.focus()
        page.keyboard.press("Enter")
        assert focus_in(page, '[data-lsp-oefening="alle_typen"] [data-vraag="a4"]')
        assert in_view(page, '[data-lsp-oefening="alle_typen"] [data-vraag="a4"]')
        items.nth(0).get_by_role("link", name="Vraag 2 van Een korte oefening vooraf").click()
        assert focus_in(page, '[data-lsp-oefening="kort"] [data-vraag="k2"]')
        assert run_axe(page) == []


def test_hand_in_list_follows_the_answers(browser, site):
    with opened(browser, site, {"alle_typen": ALLES, "kort": {"k1": {"tekst": "x"}, "k2": {"keuze": 1}}}) as page:
        items = page.locator(".lsp-inleveren .lsp-overzicht > li")
        naar_a1 = items.nth(1).get_by_role("link", name="Vraag 1 van Testcasus met alle vraagtypen")
        assert naar_a1.count() == 0 and "Vraag 2" not in items.nth(1).inner_text()
        vraag(page, "a1").locator("textarea").fill("")
        naar_a1.wait_for()


# ------------------------------------------------------------------------------------------------
# 2-4. Page order, the print view of every type (checked in the PDF) and the answer file
# ------------------------------------------------------------------------------------------------

def _pdf_tekst(pdf: bytes) -> str:
    import unicodedata

    from pypdf import PdfReader

    tekst = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", tekst))


def test_print_view_of_a_chapter_holds_every_choice_in_page_order(browser, site):
    with opened(browser, site, {"alle_typen": ALLES, "kort": {"k1": {"tekst": "Een werker gaat de wijk in."}}}) as page:
        blok = page.locator(".lsp-inleveren")
        blok.get_by_label("Naam").fill("Sanne de Vries")
        blok.get_by_role("button", name="Afdrukbare versie").click()
        blad = page.locator(".lsp-afdrukweergave")
        blad.wait_for()
        assert blad.get_by_role("heading", level=1).inner_text() == "Antwoorden bij hoofdstuk 1"
        assert [x.inner_text() for x in blad.get_by_role("heading", level=2).all()] == [
            "Een korte oefening vooraf", "Testcasus met alle vraagtypen"]               # page order, not file order
        koppen = [x.inner_text() for x in blad.locator(".lsp-afdruk-oefening").nth(1).get_by_role("heading", level=3).all()]
        assert [k.split(".")[0] for k in koppen] == [f"Vraag {n}" for n in range(1, 9)]    # numbers as on the page
        assert koppen[6] == "Vraag 7. Sam vraagt je om geld te lenen. Wat doe je?"
        # the network as a picture (title and legend inside) and as a table
        netwerk = blad.locator(".lsp-afdruk-vraag").filter(has_text="Teken het netwerk rond Sam.")
        assert netwerk.locator("svg").count() == 1 and netwerk.locator("table tbody tr").count() == 2
        assert run_axe(page) == []
        page.wait_for_timeout(100)                                                        # the picture measured its names
        tekst = _pdf_tekst(page.pdf(format="A4"))

    def voor(a: str, b: str) -> None:
        assert a in tekst and b in tekst and tekst.index(a) < tekst.index(b), (a, b)

    voor("Een korte oefening vooraf", "Testcasus met alle vraagtypen")
    assert "Een werker gaat de wijk in." in tekst and "Sanne de Vries" in tekst
    # dilemma: the path with the text of every choice, and the reflection
    voor("Jouw keuze: Je vraagt eerst wat er aan de hand is.", "Jouw keuze: Je zoekt samen uit wie kan helpen.")
    assert "Doorvragen hielp." in tekst
    # stelling: positions in words, both rounds, the arguments
    for stuk in ("Omdat contact telt.", "Ze is een buur.", "Sam vertrouwt haar niet.", "Toch nodig.", "helemaal oneens", "helemaal eens"):
        assert stuk in tekst, stuk
    assert re.search(r"[Rr]onde 1\W+eens", tekst) and re.search(r"[Rr]onde 2\W+helemaal oneens", tekst)
    # sorteren: the student's category and the book's, and the count
    assert re.search(r"Een vast ritme Belemmerend Helpend .{0,3}anders dan het boek", tekst), tekst
    assert re.search(r"Wantrouwen tegenover hulp Belemmerend Belemmerend .{0,3}zoals het boek", tekst)
    assert "1 van 2 ingedeeld zoals het boek" in tekst
    # rangschikking: the order with the reasons
    voor("Bellen met de broer", "Overleg met het team")
    for reden in ("familie eerst", "daarna de buurt", "tot slot het team"):
        assert reden in tekst, reden
    # netwerk: picture with title and legend, and the table, full names
    assert "Netwerkkaart rond Sam" in tekst and "belastend (gestippelde lijn)" in tekst
    assert tekst.count("Oude Noorden") >= 2 and "omstreken" in tekst and "…" not in tekst
    # zelfbeoordeling: every aspect with its score in words
    for aspect, woord in (("Contact maken", "goed"), ("Luisteren", "redelijk"), ("Volhouden", "heel goed"), ("Samenwerken", "een beetje")):
        assert re.search(re.escape(aspect) + r"[^:]{0,40}\W+" + woord, tekst), aspect
    for artefact in (".:", "undefined", "[object", "null", "Antwoorden de "):
        assert artefact not in tekst, artefact


def test_the_downloaded_file_is_in_page_order_with_readable_lines(browser, site):
    with opened(browser, site, {"alle_typen": ALLES, "kort": {"k1": {"tekst": "x"}}}, accept_downloads=True) as page:
        blok = page.locator(".lsp-inleveren")
        blok.get_by_label("Naam").fill("Sanne")
        with page.expect_download() as info:
            blok.get_by_role("button", name="Download antwoorden (JSON)").click()
        data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    AntwoordBestand.model_validate(data)
    assert list(data["oefeningen"]) == ["kort", "alle_typen"]
    oef = data["oefeningen"]["alle_typen"]
    assert oef["antwoorden"]["a7"]["pad"] == ["k1", "k3", "k4"]                  # codes for the class view
    assert "Je zoekt samen uit wie kan helpen." in oef["leesbaar"]["a7"]         # words for people
    assert "helemaal oneens" in oef["leesbaar"]["a3"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", data["tijdstip"])


# ------------------------------------------------------------------------------------------------
# 5. The network map: legend, message, wording, export, phone
# ------------------------------------------------------------------------------------------------

def _open_netwerk(browser, site, **options):
    @contextlib.contextmanager
    def cm():
        page, log = offline_page(browser, **options)
        try:
            page.goto(site + "netwerk.html")
            page.wait_for_selector(".lsp-oefening .lsp-netwerk svg.lsp-netwerk-svg text")
            yield page
            found = (log.console_errors, log.failed_requests, log.external_requests)
        finally:
            page.context.close()
        assert found == ([], [], [])
    return cm()


SVG_TEKST = "(el) => [...el.querySelectorAll('text')].map(t => [...t.querySelectorAll('tspan')].map(x => x.textContent).join(' ') || t.textContent)"


def test_network_legend_wording_and_a_visible_message_for_an_empty_name(browser, site):
    with _open_netwerk(browser, site, viewport={"width": 1200, "height": 900}) as page:
        nw = page.locator(".lsp-netwerk")
        # the question's own word for its nodes
        assert nw.locator(".lsp-formkop").first.inner_text() == "Actor toevoegen"
        assert nw.locator(".lsp-breedte").inner_text().startswith("Breedte van het netwerk: 2 actoren")
        # a visible legend that explains the colours of the kinds and the lines
        legenda = nw.locator(".lsp-netwerk-legenda")
        assert legenda.is_visible()
        for woord in ("mensen", "dingen", "regels", "steunend (doorgetrokken lijn)", "Dikte van de lijn"):
            assert legenda.get_by_text(woord).first.is_visible(), woord
        kleuren = legenda.locator("circle").evaluate_all("cs => cs.map(c => getComputedStyle(c).fill)")
        assert len(set(kleuren)) == 3
        # full names on the map, never cut
        namen = nw.locator("svg.lsp-netwerk-svg").evaluate(SVG_TEKST)
        assert "koffie en thee op de tafel bij de ingang van de zaal" in namen
        assert "De huiskamer van het buurthuis aan de Lange Straat" in namen
        assert not any("…" in n for n in namen)
        # every name lies inside the drawing
        assert nw.locator("svg.lsp-netwerk-svg").evaluate(
            "svg => { const b = svg.getBoundingClientRect(); return [...svg.querySelectorAll('text')].every(t => {"
            " const r = t.getBoundingClientRect(); return r.left >= b.left - 1 && r.right <= b.right + 1; }); }")
        # an empty name: a visible Dutch message at the field, by mouse and by keyboard
        nw.get_by_role("button", name="Toevoegen").click()
        fout = nw.locator(".lsp-netwerk-form .lsp-netwerk-fout")
        assert fout.is_visible() and fout.inner_text().startswith("Vul eerst een naam in")
        assert "lsp-fout" in fout.get_attribute("class")                        # shown as an error
        naam = nw.get_by_label("Naam", exact=True)
        assert naam.get_attribute("aria-invalid") == "true"
        assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == fout.get_attribute("id")
        assert run_axe(page) == []
        page.keyboard.type("Buurvrouw Ria")
        assert not fout.is_visible() and naam.get_attribute("aria-invalid") is None
        page.keyboard.press("Enter")
        nw.locator("table tbody th", has_text="Buurvrouw Ria").wait_for()
        assert nw.locator(".lsp-breedte").inner_text().startswith("Breedte van het netwerk: 3 actoren")


def test_network_export_as_svg_and_png_with_full_names_title_and_legend(browser, site):
    import xml.etree.ElementTree as ET

    with _open_netwerk(browser, site, accept_downloads=True) as page:
        nw = page.locator(".lsp-netwerk")
        with page.expect_download() as info:
            nw.get_by_role("button", name="Download als SVG").click()
        assert info.value.suggested_filename.endswith(".svg")
        root = ET.fromstring(Path(info.value.path()).read_bytes())
        ns = "{http://www.w3.org/2000/svg}"
        teksten = [" ".join(x.strip() for x in t.itertext() if x.strip()) for t in root.iter(ns + "text")]
        assert teksten[0] == "Netwerkkaart rond De huiskamer van het buurthuis aan de Lange Straat"   # the title
        assert "koffie en thee op de tafel bij de ingang van de zaal" in teksten
        assert "De huiskamer van het buurthuis aan de Lange Straat" in teksten
        for legenda in ("Soort", "dingen", "regels", "Band", "steunend (doorgetrokken lijn)", "belastend (gestippelde lijn)"):
            assert legenda in teksten, legenda
        assert not any("…" in t for t in teksten)
        assert {c.get("fill") for c in root.iter(ns + "circle")} >= {"#9ecae1", "#fdd0a2"}   # colours carried inline
        with page.expect_download() as info:
            nw.get_by_role("button", name="Download als afbeelding (PNG)").click()
        png = Path(info.value.path()).read_bytes()
        assert info.value.suggested_filename.endswith(".png") and png[:8] == b"\x89PNG\r\n\x1a\n"
        breedte, hoogte = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        vb = [float(x) for x in root.get("viewBox").split()]
        assert (breedte, hoogte) == (round(vb[2] * 2), round(vb[3] * 2)) or abs(breedte - vb[2] * 2) <= 2
        assert hoogte > 880                                                           # room for title and legend


def test_network_on_a_phone(browser, site):
    with _open_netwerk(browser, site, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                       device_scale_factor=2) as page:
        nw = page.locator(".lsp-netwerk")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390     # no sideways page scroll
        # names readable: at least 9 px on screen
        grootte = nw.locator("svg.lsp-netwerk-svg").evaluate(
            "svg => { const t = svg.querySelector('.lsp-knoop-tekst'); return t.getBoundingClientRect().height / t.querySelectorAll('tspan').length; }")
        assert grootte >= 9, grootte
        assert nw.locator(".lsp-netwerk-legenda").is_visible()
        nw.get_by_role("button", name="Toevoegen").tap()
        assert nw.locator(".lsp-netwerk-form .lsp-netwerk-fout").is_visible()
        nw.get_by_label("Naam", exact=True).fill("Buurman")
        nw.get_by_role("button", name="Toevoegen").tap()
        nw.locator("table tbody th", has_text="Buurman").wait_for()
        # the table fits: every control visible without a sideways swipe
        vak = nw.locator(".lsp-tabelvak")
        assert vak.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
        assert nw.get_by_label("Kwaliteit van de band met Buurman").is_visible()
        nw.get_by_role("button", name="Verwijder Buurman").tap()
        assert nw.locator("table tbody th", has_text="Buurman").count() == 0
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        assert run_axe(page) == []


@pytest.mark.parametrize("hoofdstuk", [0, 5])
def test_real_chapter_hand_in_in_page_order_with_dutch_headings(browser, site, hoofdstuk):
    from book.exercises.handin import hoofdstuk_specs

    titels = [x["titel"] for x in hoofdstuk_specs(hoofdstuk)]
    page, log = offline_page(browser)
    try:
        page.goto(site + f"h{hoofdstuk}.html")
        page.wait_for_selector(".lsp-inleveren .lsp-inleveren-kaart")
        blok = page.locator(".lsp-inleveren")
        naam = "Inleiding" if hoofdstuk == 0 else f"Hoofdstuk {hoofdstuk}"
        assert blok.get_by_role("heading", level=3).inner_text() == f"Inleveren: {naam}"
        regels = [x.inner_text() for x in blok.locator(".lsp-overzicht > li").all()]
        assert [r.split(": ")[0] for r in regels] == [t.split(": ")[0] for t in titels]     # page order (book.plaatsing)
        assert all("Nog niet af: alle vragen, Vraag 1" in r for r in regels)
        blok.get_by_label("Naam").fill("Sanne")
        blok.get_by_role("button", name="Afdrukbare versie").click()
        blad = page.locator(".lsp-afdrukweergave")
        kop = blad.get_by_role("heading", level=1).inner_text()
        assert kop == ("Antwoorden bij de inleiding" if hoofdstuk == 0 else f"Antwoorden bij hoofdstuk {hoofdstuk}")
        assert [x.inner_text() for x in blad.get_by_role("heading", level=2).all()] == titels
        assert run_axe(page) == []
        found = (log.console_errors, log.failed_requests, log.external_requests)
    finally:
        page.context.close()
    assert found == ([], [], [])
