"""Fair feedback in headless Chromium: shuffled options per student, an explicit "Controleer",
honest sort feedback with a score, moving a ranked item straight to a place, per-card progress,
self-assessment with kijkpunten and a rubric, and a dilemma restart that asks first.

One bare page (the site bundle and the widget HTML, no book build) with the fixture
tests/fixtures/frontend/leren.yml. Every test opens a fresh browser profile (context).
"""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import pytest

from book import frontend
from book.answers import controleer_antwoorden, leesbaar
from book.exercises.spec import load_spec
from book.exercises.widget import OefeningWidget
from browser_helpers import offline_page, run_axe, serve_directory

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = Path(__file__).parent / "fixtures" / "frontend" / "leren.yml"
KEY = "lsp:v1:leren"

PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Leren</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="_static/lsp/oefening.css">
<script defer src="_static/lsp/loader.js"></script>
</head><body><main>
<h1>Leren</h1>
{oefening}
</main></body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("leren")
    shutil.copytree(ROOT / "book" / "static", folder / "_static")
    frontend.write_site_bundle(folder / "_static" / "lsp")
    html = OefeningWidget(load_spec(path=SPEC_PATH)).html()
    (folder / "index.html").write_text(PAGE.format(oefening=html), encoding="utf-8")
    with serve_directory(folder) as url:
        yield url + "index.html"


@contextlib.contextmanager
def profiel(browser, url):
    """A fresh browser profile with the page open and mounted; no request may leave the host."""
    page, log = offline_page(browser)
    try:
        page.goto(url)
        page.wait_for_function("() => !!document.querySelector('.lsp-oefening .lsp-oefening-kaart')")
        yield page
        assert log.external_requests == [] and log.console_errors == [] and log.failed_requests == []
    finally:
        page.context.close()


def vraag(page, qid: str):
    return page.locator(f'.lsp-oefening [data-vraag="{qid}"]')


def stored(page) -> dict:
    raw = page.evaluate("(k) => localStorage.getItem(k)", KEY)
    return json.loads(raw)["antwoorden"] if raw else {}


def wait_saved(page, predicate, timeout: float = 5000) -> dict:
    page.wait_for_function(
        "([k]) => { const r = localStorage.getItem(k); return r !== null; }", arg=[KEY], timeout=timeout)
    for _ in range(50):
        a = stored(page)
        if predicate(a):
            return a
        page.wait_for_timeout(100)
    raise AssertionError(f"opgeslagen antwoorden voldoen niet: {stored(page)}")


def opties(page, qid: str) -> list[str]:
    return [t.strip() for t in vraag(page, qid).locator(".lsp-radio label").all_inner_texts()]


# -- 1. meerkeuze ------------------------------------------------------------------------------

def test_two_profiles_see_their_own_stable_option_order(browser, site):
    spec = load_spec(path=SPEC_PATH)
    geschreven = [o.tekst for o in spec.vragen[0].opties]
    with profiel(browser, site) as a:
        orde_a = opties(a, "m1")
        a.reload()
        a.wait_for_function("() => !!document.querySelector('.lsp-oefening .lsp-oefening-kaart')")
        assert opties(a, "m1") == orde_a                     # stable across visits
    with profiel(browser, site) as b:
        orde_b = opties(b, "m1")
    assert sorted(orde_a) == sorted(orde_b) == sorted(geschreven)
    assert orde_a != orde_b                                  # 6 options: 1 in 720 to be equal by chance


def test_meerkeuze_no_verdict_before_controleer_and_first_attempt_kept(browser, site):
    spec = load_spec(path=SPEC_PATH)
    m1 = spec.vragen[0]
    fout = m1.opties[1].tekst
    goed = m1.opties[0].tekst
    with profiel(browser, site) as page:
        v = vraag(page, "m1")
        # keyboard browsing through every option reveals nothing
        v.locator("input[type=radio]").first.focus()
        page.keyboard.press("Space")
        for _ in range(6):
            page.keyboard.press("ArrowDown")
            assert v.locator(".lsp-feedback").inner_text().strip() == ""
        v.get_by_label(fout).check()
        assert v.locator(".lsp-feedback").inner_text().strip() == ""
        v.get_by_role("button", name="Controleer").focus()
        page.keyboard.press("Enter")
        assert "Dit klopt niet." in v.locator(".lsp-feedback").inner_text()
        # another choice hides the verdict until it is checked again
        v.get_by_label(goed).check()
        assert v.locator(".lsp-feedback").inner_text().strip() == ""
        v.get_by_role("button", name="Controleer").click()
        tekst = v.locator(".lsp-feedback").inner_text()
        assert "Dit klopt." in tekst and f"Je eerste poging: {fout} (niet goed)" in tekst
        a = wait_saved(page, lambda x: x.get("m1", {}).get("gecontroleerd"))["m1"]
        assert a["keuze"] == 0 and a["eerste"] == 1
        assert [m1.opties[i].tekst for i in a["volgorde"]] == opties(page, "m1")   # the order shown is kept
        assert run_axe(page) == []
    antwoorden = controleer_antwoorden(spec, {"m1": a})
    assert "Eerste keuze: " + fout in leesbaar(m1, antwoorden["m1"])


def test_meerkeuze_with_several_right_options_says_so_and_takes_several(browser, site):
    with profiel(browser, site) as page:
        v = vraag(page, "m2")
        assert "meer dan één goed antwoord" in v.locator("legend").inner_text()
        v.get_by_label("Vaak op dezelfde plek te zien zijn.").check()
        v.get_by_label("Meteen een plan voor de bewoner maken.").check()
        v.get_by_role("button", name="Controleer").click()
        tekst = v.locator(".lsp-feedback").inner_text()
        assert "je koos 1 van de 2 goede antwoorden en 1 dat niet klopt" in tekst
        assert "niet goed: Meteen een plan" in tekst and "Een plan zonder de bewoner" in tekst
        v.get_by_label("Meteen een plan voor de bewoner maken.").uncheck()
        v.get_by_label("Afspraken nakomen, ook kleine.").check()
        v.get_by_role("button", name="Controleer").click()
        assert "Dit klopt." in v.locator(".lsp-feedback").inner_text()
        a = wait_saved(page, lambda x: x.get("m2", {}).get("keuze") == [0, 1] and x["m2"].get("gecontroleerd"))
        assert a["m2"]["eerste"] == [0, 2]
