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

from book import frontend
from book.answers import AntwoordBestand
from book.exercises.handin import inleveren
from book.exercises.spec import load_spec
from book.exercises.widget import OefeningWidget
from browser_helpers import offline_page, run_axe, serve_directory

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = Path(__file__).parent / "fixtures" / "exercises" / "alle_typen.yml"
KORT_PATH = Path(__file__).parent / "fixtures" / "frontend" / "kort.yml"

PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Testhoofdstuk</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="_static/lsp/oefening.css">
<script defer src="_static/lsp/loader.js"></script>
</head><body><main>
<h1>Testhoofdstuk</h1>
<h2>Eerst kort</h2>
{kort}
<h2>Een oefening</h2>
{alle}
<h2>Inleveren</h2>
{inleveren}
</main></body></html>
"""

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
                      {"naam": "Wijkagent van de buurt Oude Noorden en omstreken", "soort": "professionals",
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
    shutil.copytree(ROOT / "book" / "static", folder / "_static")
    frontend.write_site_bundle(folder / "_static" / "lsp")
    (folder / "index.html").write_text(PAGE.format(
        kort=OefeningWidget(load_spec(path=KORT_PATH)).html(),
        alle=OefeningWidget(load_spec(path=SPEC_PATH)).html(),
        inleveren=inleveren(1, directory=specs).html(),
    ), encoding="utf-8")
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
