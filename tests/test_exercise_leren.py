"""Fair feedback in headless Chromium: shuffled options per student, an explicit "Controleer",
honest sort feedback with a score, moving a ranked item straight to a place, per-card progress,
self-assessment with kijkpunten and a rubric, and a dilemma restart that asks first.

One bare page (the site bundle and the widget HTML, no book build) with the fixture
tests/fixtures/frontend/leren.yml. Every test opens a fresh browser profile (context).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from book.answers import controleer_antwoorden, leesbaar
from book.exercises.spec import load_spec
from book.exercises.widget import OefeningWidget
from browser_helpers import bare_page, offline_page, run_axe, serve_directory, with_front_end

pytestmark = pytest.mark.browser

SPEC_PATH = Path(__file__).parent / "fixtures" / "frontend" / "leren.yml"
KEY = "lsp:v1:leren"

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("leren")
    with_front_end(folder)
    html = OefeningWidget(load_spec(path=SPEC_PATH)).html()
    (folder / "index.html").write_text(bare_page("Leren", html), encoding="utf-8")
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
    assert controleer_antwoorden(load_spec(path=SPEC_PATH), {"m2": a["m2"]})["m2"]["keuze"] == [0, 1]


# -- 2. sorteren -------------------------------------------------------------------------------

def test_sorting_shuffled_then_score_and_marks_not_by_colour_alone(browser, site):
    spec = load_spec(path=SPEC_PATH)
    s1 = spec.vragen[2]
    geschreven = [i.tekst for i in s1.items]
    with profiel(browser, site) as page:
        v = vraag(page, "s1")
        getoond = [t.strip() for t in v.locator(".lsp-sorteer-item > label").all_inner_texts()]
        assert sorted(getoond) == sorted(geschreven) and getoond != geschreven
        # placing items gives no verdict until every item is placed
        boek = {i.tekst: i.categorie for i in s1.items}
        fout = ["Steeds een andere werker", "Een bericht in de buurtapp"]
        for n, tekst in enumerate(getoond):
            keuze = "Helpend" if tekst in fout else boek[tekst]
            v.get_by_label(tekst, exact=True).select_option(keuze)
            if n < len(getoond) - 1:
                assert v.locator(".lsp-feedback").all_inner_texts() == [""] * len(getoond)
                assert v.locator(".lsp-score").inner_text() == ""
        assert v.locator(".lsp-score").inner_text().startswith("7 van 9 zoals het boek.")
        item = v.locator(".lsp-sorteer-item", has=page.get_by_label("Steeds een andere werker", exact=True))
        assert 'Anders dan het boek: het boek deelt dit in bij "Belemmerend".' in item.inner_text()
        goed = v.locator(".lsp-sorteer-item", has=page.get_by_label("Een vaste dag op de markt", exact=True))
        assert "Goed: het boek deelt dit ook in bij" in goed.inner_text()
        assert "Bewoners weten waar ze het team vinden." in goed.inner_text()
        # the first complete placement is kept; a correction afterwards changes the score only
        v.get_by_label("Steeds een andere werker", exact=True).select_option("Belemmerend")
        assert v.locator(".lsp-score").inner_text().startswith("8 van 9")
        a = wait_saved(page, lambda x: x.get("s1", {}).get("indeling", {}).get("Steeds een andere werker") == "Belemmerend")["s1"]
        assert a["gecontroleerd"] is True and a["eerste"]["Steeds een andere werker"] == "Helpend"
        assert run_axe(page) == []
    assert controleer_antwoorden(spec, {"s1": a})["s1"]["eerste"] == a["eerste"]    # the Python model accepts it


def test_sorting_controleer_before_all_placed(browser, site):
    with profiel(browser, site) as page:
        v = vraag(page, "s1")
        v.get_by_label("Lange wachtlijsten", exact=True).select_option("Belemmerend")
        v.get_by_role("button", name="Controleer").click()
        assert v.locator(".lsp-score").inner_text().startswith("1 van 9 zoals het boek.")
        assert v.get_by_text("Nog niet ingedeeld.").count() == 8
        a = wait_saved(page, lambda x: x.get("s1", {}).get("gecontroleerd"))["s1"]
        assert a["eerste"] == {"Lange wachtlijsten": "Belemmerend"}


# -- 3. rangschikking --------------------------------------------------------------------------

def rang(page) -> list[str]:
    return [t.strip() for t in vraag(page, "r1").locator(".lsp-rang-tekst").all_inner_texts()]


def test_ranking_moves_item_ten_to_place_one_in_one_action_and_keeps_focus(browser, site):
    with profiel(browser, site) as page:
        v = vraag(page, "r1")
        assert rang(page)[9] == "Samen evalueren"
        v.get_by_label('Zet "Samen evalueren" naar plaats').select_option("1")
        assert rang(page)[0] == "Samen evalueren" and rang(page)[1] == "Kennismaken"
        # the moved item's control keeps focus and is in view
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == 'Zet "Samen evalueren" naar plaats'
        assert page.evaluate("document.activeElement.value") == "1"
        assert v.get_by_label('Zet "Samen evalueren" naar plaats').is_visible()
        assert page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
                                        return r.top >= 0 && r.bottom <= window.innerHeight + 1; }""")
        a = wait_saved(page, lambda x: x.get("r1", {}).get("volgorde", [""])[0] == "Samen evalueren")
        assert len(a["r1"]["volgorde"]) == 10
        # by keyboard: the focused select moves the item with one key, focus follows the item
        page.keyboard.press("End")
        assert rang(page)[9] == "Samen evalueren"
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == 'Zet "Samen evalueren" naar plaats'
        assert run_axe(page) == []


def test_ranking_drag_and_drop(browser, site):
    with profiel(browser, site) as page:
        v = vraag(page, "r1")
        bron = v.locator(".lsp-rang-item", has_text="Kennismaken").locator(".lsp-rang-tekst")
        doel = v.locator(".lsp-rang-item").nth(3).locator(".lsp-rang-tekst")
        page.set_viewport_size({"width": 1280, "height": 2400})
        bron.evaluate("e => e.scrollIntoView({block: 'start'})")   # source and target both in view
        a, t = bron.bounding_box(), doel.bounding_box()
        page.mouse.move(a["x"] + 5, a["y"] + 5)
        page.mouse.down()
        page.mouse.move(a["x"] + 15, a["y"] + 15, steps=5)
        page.mouse.move(t["x"] + 5, t["y"] + 5, steps=10)
        page.mouse.up()
        assert rang(page)[:4] == ["Luisteren", "Samen iets doen", "Vragen stellen", "Kennismaken"]
        wait_saved(page, lambda x: x.get("r1", {}).get("volgorde", [""])[3] == "Kennismaken")


# -- 4. honest progress ------------------------------------------------------------------------

def test_card_progress_counts_only_questions_with_every_part_answered(browser, site):
    with profiel(browser, site) as page:
        kaart = page.locator(".lsp-oefening-kaart")
        voortgang = kaart.locator(".lsp-kaart-voortgang")
        assert voortgang.inner_text() == "Voortgang: 0 van 6 vragen af"
        vraag(page, "o1").locator("textarea").first.fill("   ")            # blank
        vraag(page, "r1").locator("textarea").first.fill("eerst dit")      # 1 of 10 reasons
        vraag(page, "s1").locator("select").first.select_option(index=1)   # 1 of 9 items
        vraag(page, "o1").locator("textarea").first.fill("iets")
        vraag(page, "o1").locator("textarea").first.fill("")               # typed and deleted
        assert voortgang.inner_text() == "Voortgang: 0 van 6 vragen af"
        for q in ("o1", "r1", "s1", "m1"):
            assert vraag(page, q).locator(".lsp-vraag-af").inner_text() == "Nog niet af"
        vraag(page, "m1").locator("input[type=radio]").first.check()
        assert voortgang.inner_text() == "Voortgang: 1 van 6 vragen af"
        assert vraag(page, "m1").locator(".lsp-vraag-af").inner_text() == "✓ Af"
        vraag(page, "o1").locator("textarea").first.fill("Mijn aanpak.")
        assert voortgang.inner_text() == "Voortgang: 2 van 6 vragen af"
        # after a reload the same count
        wait_saved(page, lambda a: a.get("o1", {}).get("tekst") == "Mijn aanpak.")
        page.reload()
        page.wait_for_function("() => !!document.querySelector('.lsp-oefening .lsp-oefening-kaart')")
        assert page.locator(".lsp-kaart-voortgang").inner_text() == "Voortgang: 2 van 6 vragen af"


# -- 5. self-assessment with kijkpunten and a rubric ---------------------------------------------

def test_open_question_self_assessment_with_kijkpunten_and_rubric(browser, site):
    spec = load_spec(path=SPEC_PATH)
    o1 = next(q for q in spec.vragen if q.id == "o1")
    with profiel(browser, site) as page:
        v = vraag(page, "o1")
        knop = v.get_by_role("button", name="Vergelijk met kijkpunten")
        knop.click()
        assert "Schrijf eerst je eigen antwoord" in v.locator(".lsp-feedback").inner_text()
        assert v.locator("input[type=checkbox]").count() == 0
        v.locator("textarea").fill("Ik ga naar de markt en neem de tijd.")
        knop.focus()
        page.keyboard.press("Enter")
        # kijkpunten as checkboxes, rubric criteria as radio groups: all by keyboard
        v.get_by_label("je gaat naar de plek waar bewoners al zijn").focus()
        page.keyboard.press("Space")
        v.get_by_label("je neemt de tijd voor vertrouwen").check()
        groep = v.locator("fieldset", has_text="Onderbouwing")
        groep.get_by_label("een reden zonder begrip uit het hoofdstuk").focus()
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
        assert groep.get_by_label("een reden met een begrip uit het hoofdstuk").is_checked()
        assert "Aangevinkt: 2 van 3 kijkpunten. Beoordeeld: 1 van 2 criteria." in v.inner_text()
        a = wait_saved(page, lambda x: x.get("o1", {}).get("rubric") == [3, None] and len(x["o1"].get("kijkpunten", [])) == 2)["o1"]
        assert a == {"tekst": "Ik ga naar de markt en neem de tijd.", "kijkpunten": [0, 1], "rubric": [3, None]}
        assert run_axe(page) == []
        # shown again after a reload
        page.reload()
        page.wait_for_function("() => !!document.querySelector('.lsp-oefening .lsp-oefening-kaart')")
        v = vraag(page, "o1")
        assert v.get_by_label("je neemt de tijd voor vertrouwen").is_checked()
        assert v.locator("fieldset", has_text="Onderbouwing").get_by_label("een reden met een begrip uit het hoofdstuk").is_checked()
    # the Python side accepts it and prints it with labels
    goed = controleer_antwoorden(spec, {"o1": a})
    tekst = leesbaar(o1, goed["o1"])
    assert "Kijkpunten die ik noem: je gaat naar de plek waar bewoners al zijn; je neemt de tijd voor vertrouwen" in tekst
    assert "Onderbouwing: een reden met een begrip uit het hoofdstuk (niveau 3)" in tekst


# -- 6. dilemma ---------------------------------------------------------------------------------

def test_dilemma_restart_asks_first_and_cancel_keeps_the_path(browser, site):
    with profiel(browser, site) as page:
        v = vraag(page, "d1")
        v.get_by_role("button", name="Je vraagt waar de brief over gaat.").click()
        wait_saved(page, lambda a: a.get("d1", {}).get("pad") == ["k1", "k3"])
        v.get_by_role("button", name="Opnieuw beginnen").click()
        assert "Je pad tot nu toe (1 keuze) wordt gewist." in v.locator(".lsp-bevestig").inner_text()
        assert page.evaluate("document.activeElement.textContent") == "Annuleren"
        assert run_axe(page) == []
        page.keyboard.press("Enter")                               # Annuleren
        assert v.locator(".lsp-bevestig").count() == 0
        assert page.evaluate("document.activeElement.textContent") == "Opnieuw beginnen"
        assert v.locator(".lsp-pad").count() == 1
        page.wait_for_timeout(400)                                 # longer than the autosave delay
        assert stored(page)["d1"]["pad"] == ["k1", "k3"]
        # by keyboard: open the question again and confirm
        page.keyboard.press("Enter")
        page.keyboard.press("Shift+Tab")                           # from Annuleren to "Ja, begin opnieuw"
        page.keyboard.press("Enter")
        wait_saved(page, lambda a: a["d1"]["pad"] == ["k1"])
        assert v.locator(".lsp-pad").count() == 0
