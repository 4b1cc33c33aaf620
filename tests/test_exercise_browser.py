"""The exercise front-end in headless Chromium, on a built fixture book.

Like jupyter-book's own tests, a small book is built with the project's `_config.yml` and
`_ext/lsp_assets.py`: one page with two exercises (`kort`, then `alle_typen` with every question
type and hostile text in its spec strings) and the chapter's hand-in block, and one page
without exercises. Every test runs on a real static site, served or opened from disk, with no
kernel. (Only `test_every_real_exercise_renders` puts all real exercises on one bare page.)

Each test opens a fresh browser context and closes it in a `finally`; every request to another
host is aborted and recorded for the whole life of the context, so the checks after a test
cover what the page did during the interaction too.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from book import frontend
from book.answers import AntwoordBestand
from book.exercises.handin import inleveren
from book.exercises.spec import load_spec
from book.exercises.widget import OefeningWidget
from browser_helpers import bare_page, offline_page, run_axe, serve_directory, with_front_end

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "exercises"
SPEC_PATH = FIXTURES / "alle_typen.yml"
KORT_PATH = Path(__file__).parent / "fixtures" / "frontend" / "kort.yml"
KEY = "lsp:v1:alle_typen"
KORT_KEY = "lsp:v1:kort"
XSS_SELECTOR = ".lsp-root img, .lsp-root script, .lsp-root i, .lsp-root [onerror], .lsp-root [onload], .lsp-root [onmouseover]"

def make_site(folder: Path) -> Path:
    """Build the fixture book into `folder`; return its HTML folder (index.html, leeg.html)."""
    import nbformat

    from conftest import strict_build, write_book_config

    book = folder / "boek"
    book.mkdir()
    specs = folder / "oefeningen"           # the chapter's exercises, for the hand-in block
    specs.mkdir()
    for path in (SPEC_PATH, KORT_PATH):
        shutil.copy(path, specs / path.name)
    write_book_config(book, "Testboek")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: leeg\n", encoding="utf-8")
    widget = "from book.exercises.spec import load_spec\nfrom book.exercises.widget import OefeningWidget\n"
    code = [
        widget + f'OefeningWidget(load_spec(path=r"{KORT_PATH}"))',
        widget + f'OefeningWidget(load_spec(path=r"{SPEC_PATH}"))',
        f'from pathlib import Path\nfrom book.exercises.handin import inleveren\ninleveren(1, directory=Path(r"{specs}"))',
    ]
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Testhoofdstuk\n\n## Eerst kort"),
            nbformat.v4.new_code_cell(code[0], metadata={"tags": ["remove-input"]}),
            nbformat.v4.new_markdown_cell("## Een oefening"),
            nbformat.v4.new_code_cell(code[1], metadata={"tags": ["remove-input"]}),
            nbformat.v4.new_markdown_cell("## Inleveren"),
            nbformat.v4.new_code_cell(code[2], metadata={"tags": ["remove-input"]}),
        ],
        metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    )
    nbformat.write(nb, book / "index.ipynb")
    (book / "leeg.md").write_text("# Geen oefeningen\n\nAlleen tekst.\n", encoding="utf-8")
    build = strict_build(source=book)
    assert build.returncode == 0, build.log[-4000:]
    return build.html


@pytest.fixture(scope="module")
def site_html(tmp_path_factory) -> Path:
    return make_site(tmp_path_factory.mktemp("lsp_site"))


@pytest.fixture(scope="module")
def site_dir(site_html):
    with serve_directory(site_html) as url:
        yield url


def wait_mounted(page) -> None:
    page.wait_for_function(
        "() => document.querySelectorAll('.lsp-oefening .lsp-oefening-kaart').length === 2"
        " && !!document.querySelector('.lsp-inleveren .lsp-inleveren-kaart')"
    )


def problems(log) -> dict:
    return {"extern": log.external_requests, "console": log.console_errors, "mislukt": log.failed_requests}


NO_PROBLEMS = {"extern": [], "console": [], "mislukt": []}


@contextlib.contextmanager
def opened(browser, url: str | None = None, init_script: str | None = None, **options):
    """A fresh context with one page (optionally at `url`, mounted); always closed again."""
    page, log = offline_page(browser, **options)
    try:
        if init_script:
            page.add_init_script(init_script)
        if url:
            page.goto(url)
            wait_mounted(page)
        yield page, log
    finally:
        page.context.close()


@pytest.fixture
def page_and_log(browser, site_dir):
    with opened(browser, site_dir + "index.html", accept_downloads=True) as (page, log):
        yield page, log
        found = problems(log)                # everything up to the end of the test's interaction
    assert found == NO_PROBLEMS


def vraag(page, qid: str):
    return page.locator(f'.lsp-oefening [data-vraag="{qid}"]')


def raw_storage(page, key: str = KEY):
    return page.evaluate("(k) => localStorage.getItem(k)", key)


def stored(page, key: str = KEY) -> dict:
    raw = raw_storage(page, key)
    assert raw is not None, "niets opgeslagen"
    data = json.loads(raw)
    assert data["formaat"] == "lsp-opslag" and data["versie"] == 1
    return data["antwoorden"]


def wait_saved(page, predicate, key: str = KEY, timeout: float = 5000) -> None:
    """Wait until the stored answers satisfy predicate: re-check on each change of the key
    (autosave is debounced), never a fixed sleep."""
    raw = raw_storage(page, key)
    while True:
        if raw is not None and predicate(json.loads(raw)["antwoorden"]):
            return
        try:
            page.wait_for_function("([k, v]) => localStorage.getItem(k) !== v", arg=[key, raw], timeout=timeout)
        except Exception:
            raise AssertionError(f"opgeslagen antwoorden voldoen niet: {raw and json.loads(raw)['antwoorden']}") from None
        raw = raw_storage(page, key)


def backups(page, exercise: str = "alle_typen") -> dict:
    return page.evaluate(
        "(p) => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith(p)).map(k => [k, localStorage.getItem(k)]))",
        f"lsp:kapot:{exercise}:",
    )


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def tab_until(page, selector: str, max_tabs: int = 250, shift: bool = False) -> None:
    """Press Tab until the focused element matches selector (proves keyboard reachability)."""
    for _ in range(max_tabs):
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if shift else "Tab")
    raise AssertionError(f"met Tab niet bereikt: {selector}")


def export_json(page, naam: str = "Test Student") -> dict:
    """Download the answer file through the hand-in block, as a student does."""
    blok = page.locator(".lsp-inleveren")
    blok.get_by_label("Naam").fill(naam)
    with page.expect_download() as info:
        blok.get_by_role("button", name="Download antwoorden (JSON)").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    AntwoordBestand.model_validate(data)           # the Python model accepts what the page writes
    return data


def fill_every_type(page) -> None:
    """Answer every question of alle_typen with the mouse (and the short exercise's text)."""
    vraag(page, "k1").locator("textarea").fill("Een werker gaat de wijk in.")
    vraag(page, "a1").locator("textarea").fill("Sam mist contact 😀 met de buurt.")
    vraag(page, "a2").get_by_role("button", name='Zet "Kennismaken op de markt" een plaats lager').click()
    for i, area in enumerate(vraag(page, "a2").locator("textarea").all()):
        area.fill(f"reden {i}")
    st = vraag(page, "a3")
    st.locator(".lsp-radiogroep").nth(0).get_by_text("eens", exact=True).click()
    st.locator(".lsp-radiogroep").nth(1).get_by_text("neutraal", exact=True).click()
    st.locator("textarea").first.fill("Omdat contact telt.")
    st.locator(".lsp-tweede-ronde .lsp-radiogroep").nth(0).get_by_text("oneens", exact=True).click()
    vraag(page, "a4").get_by_label("Een vast ritme").select_option("Belemmerend")
    vraag(page, "a4").get_by_label("Een broer op afstand").select_option("Helpend")
    vraag(page, "a5").get_by_text("De werker zoekt mensen zelf op.").click()
    nw = vraag(page, "a6")
    nw.get_by_label("Naam", exact=True).fill("Wijkagent")
    nw.get_by_label("Soort").select_option("professionals")
    nw.get_by_label("Sterkte van de band", exact=True).select_option("3")
    nw.get_by_label("Kwaliteit", exact=True).select_option("belastend")
    nw.get_by_role("button", name="Toevoegen").click()
    nw.get_by_role("button", name="Verwijder buurvrouw").click()
    dl = vraag(page, "a7")
    dl.get_by_role("button", name="Je vraagt eerst wat er aan de hand is.").click()
    dl.get_by_role("button", name="Je zoekt samen uit wie kan helpen.").click()
    dl.locator("textarea").fill("Doorvragen hielp.")
    zb = vraag(page, "a8")
    for i, label in enumerate(["goed", "redelijk", "heel goed", "een beetje"]):
        zb.locator(".lsp-radiogroep").nth(i).get_by_text(label, exact=True).click()
    wait_saved(page, lambda a: a.get("a8", {}).get("scores") == [4, 3, 5, 2] and a.get("a7", {}).get("reflectie") == "Doorvragen hielp.")
    wait_saved(page, lambda a: "k1" in a, key=KORT_KEY)


def assert_every_type_shown(page) -> None:
    """What fill_every_type entered is on the page (after a reload or an import)."""
    assert vraag(page, "k1").locator("textarea").input_value() == "Een werker gaat de wijk in."
    assert vraag(page, "a1").locator("textarea").input_value() == "Sam mist contact 😀 met de buurt."
    assert vraag(page, "a2").locator(".lsp-rang-tekst").first.inner_text() == "Bellen met de broer"
    assert vraag(page, "a2").locator("textarea").nth(2).input_value() == "reden 2"
    assert vraag(page, "a3").locator(".lsp-radiogroep").nth(0).get_by_label("eens", exact=True).is_checked()
    assert vraag(page, "a3").locator(".lsp-tweede-ronde .lsp-radiogroep").nth(0).get_by_label("oneens", exact=True).is_checked()
    assert vraag(page, "a4").get_by_label("Een vast ritme").input_value() == "Belemmerend"
    assert vraag(page, "a5").get_by_label("De werker zoekt mensen zelf op.").is_checked()
    assert [c.inner_text() for c in vraag(page, "a6").locator("table tbody th").all()] == ["broer", "Wijkagent"]
    assert vraag(page, "a7").get_by_text("Einde van dit pad.").is_visible()
    assert vraag(page, "a7").locator("textarea").input_value() == "Doorvragen hielp."
    assert vraag(page, "a8").locator(".lsp-radiogroep").nth(2).get_by_label("heel goed").is_checked()


FILLED = {
    "a1": {"tekst": "Sam mist contact 😀 met de buurt."},
    "a2": {"volgorde": ["Bellen met de broer", "Kennismaken op de markt", "Overleg met het team"],
           "redenen": {"Bellen met de broer": "reden 0", "Kennismaken op de markt": "reden 1", "Overleg met het team": "reden 2"}},
    "a3": {"ronde1": [{"positie": 4, "argument": "Omdat contact telt."}, {"positie": 3, "argument": ""}],
           "ronde2": [{"positie": 2, "argument": ""}, {"positie": None, "argument": ""}]},
    "a4": {"indeling": {"Een vast ritme": "Belemmerend", "Een broer op afstand": "Helpend"}},
    "a5": {"keuze": 1},
    "a6": {"knopen": [{"naam": "broer", "soort": "familie", "sterkte": 2, "kwaliteit": "steunend"},
                      {"naam": "Wijkagent", "soort": "professionals", "sterkte": 3, "kwaliteit": "belastend"}]},
    "a7": {"pad": ["k1", "k3", "k4"], "reflectie": "Doorvragen hielp."},
    "a8": {"scores": [4, 3, 5, 2]},
}


# ------------------------------------------------------------------------------------------------


def test_page_renders_offline_accessible_and_safe(page_and_log):
    page, _log = page_and_log
    kaart = page.locator("#oefening-alle_typen .lsp-oefening-kaart")
    # XSS payloads in the spec show as text and never run: the case text, a kijkpunt, a statement
    # (legend), an option, the information title, an aspect (legend) and a dilemma choice (button)
    casus = kaart.locator(".lsp-casus").inner_text()
    assert '<img src=x onerror="window.__xss=1">' in casus
    assert "</script><script>window.__xss=2</script>" in casus
    vraag(page, "a1").locator("textarea").fill("Eerst iets schrijven.")
    vraag(page, "a1").get_by_role("button", name="Vergelijk met kijkpunten").click()
    assert 'opmaak blijft tekst: <img src=x onerror="window.__xss=10">' in vraag(page, "a1").locator(".lsp-feedback").inner_text()
    assert '<svg onload="window.__xss=13"></svg>' in vraag(page, "a3").locator("legend").nth(1).inner_text()
    assert "<script>window.__xss=15</script>" in vraag(page, "a5").inner_text()
    assert '<i onmouseover="window.__xss=16">' in kaart.locator('.lsp-informatie[data-vraag="v1"] .lsp-informatie-kop').inner_text()
    assert '<img src=x onerror="window.__xss=14">' in vraag(page, "a8").locator("legend").nth(3).inner_text()
    keuze = vraag(page, "a7").get_by_role("button", name="Je zegt nee en legt uit waarom.")
    assert keuze.inner_text() == 'Je zegt nee en legt uit waarom. <img src=x onerror="window.__xss=11">'
    keuze.click()
    assert "Jouw keuze: Je zegt nee en legt uit waarom. <img" in vraag(page, "a7").locator(".lsp-pad").inner_text()
    assert page.locator(XSS_SELECTOR).count() == 0
    assert page.evaluate("window.__xss") is None
    # every question type is there, numbered without the information block
    for t in ["open", "rangschikking", "stelling", "sorteren", "meerkeuze", "netwerk", "dilemma", "zelfbeoordeling"]:
        assert kaart.locator(f".lsp-type-{t}").count() == 1, t
    assert kaart.locator('[data-vraag="v1"].lsp-informatie').count() == 1
    assert vraag(page, "a7").locator(".lsp-vraagkop").inner_text() == "Vraag 7"
    # invented parts carry the marker: the information block, and the end the student reached
    assert kaart.locator('[data-vraag="v1"] .lsp-verzonnen').inner_text() == "Verzonnen voorbeeld"
    assert vraag(page, "a7").locator(".lsp-situatie .lsp-verzonnen").inner_text() == "Verzonnen voorbeeld"
    assert page.locator(".lsp-verzonnen").count() == 2
    # student edition: no teacher text anywhere in the page source
    assert "Docentenhandleiding" not in page.content()
    assert "Laat studenten eerst alleen werken" not in page.content()
    assert "studentendecaan" not in page.content()
    violations = run_axe(page)
    assert violations == [], violations


def test_page_without_exercises_does_not_load_the_exercise_script(browser, site_dir):
    with opened(browser) as (page, log):
        requested = []
        page.on("request", lambda r: requested.append(urlparse(r.url).path))  # Sphinx adds ?v=...
        page.goto(site_dir + "leeg.html")
        page.wait_for_load_state("networkidle")
        assert any(u.endswith("/_static/lsp/loader.js") for u in requested)
        assert not any(u.endswith(frontend.SITE_BUNDLE_NAME) for u in requested)
        # the loader is a classic script (module scripts do not run from file://)
        assert page.locator('script[src*="loader.js"]').get_attribute("type") in (None, "text/javascript")
        found = problems(log)
    assert found == NO_PROBLEMS


def test_mouse_all_types_autosave_reload_and_export(page_and_log):
    page, _log = page_and_log
    fill_every_type(page)
    # autosave proven from storage itself, before anything could save on unload
    answers = stored(page)
    assert answers == FILLED
    assert stored(page, KORT_KEY) == {"k1": {"tekst": "Een werker gaat de wijk in."}}
    record = json.loads(raw_storage(page))
    assert set(record["tijden"]) == set(FILLED)          # a time per question (two-tab merge)
    assert "de rol van de buurvrouw" not in vraag(page, "a1").locator(".lsp-feedback").inner_text()
    vraag(page, "a1").get_by_role("button", name="Vergelijk met kijkpunten").click()
    assert "de rol van de buurvrouw" in vraag(page, "a1").locator(".lsp-feedback").inner_text()
    assert "Bij elk item staat een reden" in vraag(page, "a2").locator(".lsp-status-regel").inner_text()
    assert "2 stappen richting oneens" in vraag(page, "a3").locator(".lsp-verschuiving").first.inner_text()
    assert vraag(page, "a4").locator(".lsp-feedback").first.inner_text() == ""   # 2 of 3 placed: no verdict yet
    assert vraag(page, "a5").locator(".lsp-feedback").inner_text() == ""    # no verdict before "Controleer"
    assert "2 personen en organisaties" in vraag(page, "a6").locator(".lsp-breedte").inner_text()
    assert vraag(page, "a6").locator("svg.lsp-netwerk-svg line").count() == 2
    assert vraag(page, "a8").locator("polygon.lsp-radar-vlak").count() == 1
    # progress in the hand-in block counts complete questions only (a3 lacks arguments and a
    # second-round position, a4 one item)
    overzicht = page.locator(".lsp-inleveren .lsp-overzicht")
    assert overzicht.get_by_text("Testcasus met alle vraagtypen: 6 van 8 vragen beantwoord").is_visible()
    assert overzicht.get_by_text("Een korte oefening vooraf: 1 van 2 vragen beantwoord").is_visible()

    page.reload()
    wait_mounted(page)
    assert_every_type_shown(page)

    # the export holds what was entered, with question texts, exercises in page order
    data = export_json(page)
    assert data["formaat"] == "lsp-antwoorden" and data["versie"] == 1 and data["hoofdstuk"] == 1
    assert data["naam"] == "Test Student"
    assert list(data["oefeningen"]) == ["kort", "alle_typen"]
    oef = data["oefeningen"]["alle_typen"]
    assert oef["titel"] == "Testcasus met alle vraagtypen"
    assert oef["vragen"]["a1"] == "Wat valt je op aan de situatie van Sam?"
    assert "v1" not in oef["vragen"]
    assert oef["antwoorden"] == FILLED

    vraag(page, "a4").get_by_role("button", name="Controleer").click()
    assert 'Anders dan het boek: het boek deelt dit in bij "Helpend"' in vraag(page, "a4").locator(".lsp-feedback").first.inner_text()
    assert "0 van 2 zoals het boek." in vraag(page, "a4").locator(".lsp-score").inner_text()
    vraag(page, "a5").get_by_role("button", name="Controleer").click()
    assert "Dit klopt." in vraag(page, "a5").locator(".lsp-feedback").inner_text()
    wait_saved(page, lambda a: a["a5"] == {"keuze": 1, "eerste": 1, "gecontroleerd": True})

    # dilemma restart keeps the exercise usable
    vraag(page, "a7").get_by_role("button", name="Opnieuw beginnen").click()
    vraag(page, "a7").get_by_role("button", name="Ja, begin opnieuw").click()
    wait_saved(page, lambda a: a["a7"]["pad"] == ["k1"])


def test_export_then_import_in_a_fresh_browser_restores_every_type(browser, site_dir, tmp_path):
    """Round trip through the UI: the file a student downloads brings back every answer."""
    with opened(browser, site_dir + "index.html", accept_downloads=True) as (page, log):
        fill_every_type(page)
        data = export_json(page, naam="Ronde Trip")
        before = {KEY: stored(page), KORT_KEY: stored(page, KORT_KEY)}
        found = problems(log)
    assert found == NO_PROBLEMS
    assert data["oefeningen"]["alle_typen"]["antwoorden"] == FILLED
    path = tmp_path / "ingeleverd.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    with opened(browser, site_dir + "index.html", accept_downloads=True) as (page, log):
        blok = page.locator(".lsp-inleveren")
        assert blok.get_by_label("Naam").input_value() == ""
        blok.locator("input[type=file]").set_input_files(str(path))
        blok.locator(".lsp-status").get_by_text("Antwoorden teruggezet bij 2 oefeningen.").wait_for()
        assert blok.get_by_label("Naam").input_value() == "Ronde Trip"
        assert {KEY: stored(page), KORT_KEY: stored(page, KORT_KEY)} == before
        assert_every_type_shown(page)
        again = export_json(page, naam="Ronde Trip")
        assert again["oefeningen"] == data["oefeningen"]
        page.reload()
        wait_mounted(page)
        assert_every_type_shown(page)
        found = problems(log)
    assert found == NO_PROBLEMS


def test_keyboard_only(page_and_log):
    page, _log = page_and_log
    kb = page.keyboard
    page.locator("body").click(position={"x": 1, "y": 1})
    # open
    tab_until(page, '[data-vraag="a1"] textarea')
    kb.type("Met het toetsenbord.")
    tab_until(page, '[data-vraag="a1"] button')
    kb.press("Enter")
    assert "het dagelijkse ritme van Sam" in vraag(page, "a1").locator(".lsp-feedback").inner_text()
    # rangschikking: focus stays on the moved item
    tab_until(page, 'button[aria-label="Zet \\"Kennismaken op de markt\\" een plaats lager"]')
    kb.press("Enter")
    kb.press("Space")
    assert vraag(page, "a2").locator(".lsp-rang-tekst").nth(2).inner_text() == "Kennismaken op de markt"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == 'Zet "Kennismaken op de markt" een plaats lager'
    tab_until(page, '[data-vraag="a2"] textarea', shift=True)
    kb.type("reden via toetsen")
    # stelling: radio group with arrows
    tab_until(page, '[data-vraag="a3"] input[type=radio]')
    kb.press("Space")
    kb.press("ArrowRight")
    kb.press("ArrowRight")
    assert vraag(page, "a3").locator(".lsp-radiogroep").nth(0).get_by_label("neutraal", exact=True).is_checked()
    tab_until(page, '[data-vraag="a3"] .lsp-stelling-item:nth-child(2) input[type=radio]')
    kb.press("Space")
    assert vraag(page, "a3").get_by_text("Nieuwe informatie").is_visible()
    # sorteren: select with arrow keys
    tab_until(page, '[data-vraag="a4"] select')
    kb.press("ArrowDown")
    assert vraag(page, "a4").locator("select").first.input_value() == "Helpend"
    assert vraag(page, "a4").locator(".lsp-feedback").first.inner_text() == ""
    tab_until(page, '[data-vraag="a4"] button')
    kb.press("Enter")
    assert "Goed: het boek deelt dit ook in bij" in vraag(page, "a4").locator(".lsp-feedback").first.inner_text()
    # meerkeuze
    tab_until(page, '[data-vraag="a5"] input[type=radio]')
    kb.press("Space")
    kb.press("ArrowDown")
    assert vraag(page, "a5").locator(".lsp-feedback").inner_text() == ""     # browsing reveals nothing
    tab_until(page, '[data-vraag="a5"] button')
    kb.press("Enter")
    assert "Dit klopt." in vraag(page, "a5").locator(".lsp-feedback").inner_text()
    # netwerk: type a name and press Enter, then remove with the keyboard
    tab_until(page, '[data-vraag="a6"] input[type=text]')
    kb.type("Tante")
    kb.press("Enter")
    assert vraag(page, "a6").locator("table tbody tr").count() == 3
    tab_until(page, 'button[aria-label="Verwijder broer"]')
    kb.press("Enter")
    assert vraag(page, "a6").locator("table tbody tr").count() == 2
    # dilemma
    tab_until(page, '[data-vraag="a7"] button.lsp-keuze')
    kb.press("Enter")
    assert vraag(page, "a7").get_by_text("Einde van dit pad.").is_visible()
    tab_until(page, '[data-vraag="a7"] textarea')
    kb.type("Te snel nee gezegd.")
    # zelfbeoordeling
    tab_until(page, '[data-vraag="a8"] input[type=radio]')
    kb.press("Space")
    kb.press("ArrowRight")
    wait_saved(page, lambda a: a.get("a8", {}).get("scores", [None])[0] == 2 and "a7" in a)
    a = stored(page)
    assert a["a1"]["tekst"] == "Met het toetsenbord."
    assert a["a2"]["volgorde"] == ["Bellen met de broer", "Overleg met het team", "Kennismaken op de markt"]
    assert [r["positie"] for r in a["a3"]["ronde1"]] == [3, 1]
    assert a["a4"]["indeling"] == {"Een vast ritme": "Helpend"}
    assert a["a5"]["keuze"] == 1
    assert [k["naam"] for k in a["a6"]["knopen"]] == ["buurvrouw", "Tante"]
    assert a["a7"] == {"pad": ["k1", "k2"], "reflectie": "Te snel nee gezegd."}
    # the hand-in block is keyboard operable too
    tab_until(page, ".lsp-inleveren input[type=text]")
    kb.type("Toets Student")
    tab_until(page, ".lsp-inleveren button")
    with page.expect_download() as info:
        kb.press("Enter")
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["naam"] == "Toets Student"
    assert data["oefeningen"]["alle_typen"]["antwoorden"]["a1"]["tekst"] == "Met het toetsenbord."




def test_long_text_emoji_rtl_and_xss_answers(page_and_log):
    page, _log = page_and_log
    # 100,000 UTF-16 code units (what maxlength and JS count): emoji take two
    unit = "שלום 😀 مرحبا "
    long_text = unit * (100_000 // utf16_len(unit))
    long_text += "x" * (100_000 - utf16_len(long_text))
    area = vraag(page, "a1").locator("textarea")
    assert area.get_attribute("dir") == "auto"
    assert area.get_attribute("maxlength") == "100000"
    # paste-like: one input event (typing 100,000 bidi characters via fill() takes minutes)
    area.evaluate("(el, t) => { el.value = t; el.dispatchEvent(new Event('input', {bubbles: true})); }", long_text)
    rtl = "مرحبا بالعالم 👋🏽 שלום"
    vraag(page, "a2").locator("textarea").first.fill(rtl)
    assert area.evaluate("el => el.value.length") == 100_000
    assert vraag(page, "a1").locator(".lsp-teller").is_visible()
    payload = '<img src=x onerror="window.__xss=3"><script>window.__xss=4</script>'
    vraag(page, "a7").get_by_role("button", name="Je zegt nee en legt uit waarom.").click()
    vraag(page, "a7").locator("textarea").fill(payload)
    nw = vraag(page, "a6")
    nw.get_by_label("Naam", exact=True).fill(payload)
    nw.get_by_role("button", name="Toevoegen").click()
    wait_saved(page, lambda a: utf16_len(a.get("a1", {}).get("tekst", "")) == 100_000 and a.get("a7", {}).get("reflectie") == payload
               and len(a.get("a6", {}).get("knopen", [])) == 3)
    page.reload()
    wait_mounted(page)
    assert vraag(page, "a1").locator("textarea").input_value() == long_text
    assert vraag(page, "a2").locator("textarea").first.input_value() == rtl
    assert vraag(page, "a7").locator("textarea").input_value() == payload
    assert payload in vraag(page, "a6").locator("table").inner_text()
    # the print view renders the same text as text, numbered as on the page, dilemma choices too
    page.locator(".lsp-inleveren").get_by_label("Naam").fill("X")
    # laying out 100,000 characters of mixed-direction text takes Chromium seconds on a busy machine
    page.get_by_role("button", name="Afdrukbare versie").click(timeout=120_000)
    blad = page.locator(".lsp-afdrukweergave")
    assert blad.get_by_role("heading", level=1).inner_text() == "Antwoorden bij hoofdstuk 1"
    assert payload in blad.inner_text()
    assert "Vraag 7. Sam vraagt je om geld te lenen. Wat doe je?" in blad.inner_text()
    assert 'Jouw keuze: Je zegt nee en legt uit waarom. <img src=x onerror="window.__xss=11">' in blad.inner_text()
    assert blad.locator("img, script").count() == 0
    assert blad.locator("h2").all_inner_texts() == ["Een korte oefening vooraf", "Testcasus met alle vraagtypen"]
    page.get_by_role("button", name="Sluiten").click()
    assert page.locator(".lsp-afdrukweergave").count() == 0
    assert page.evaluate("window.__xss") is None


def _preset(page, site_dir: str, values: dict) -> None:
    """Put raw values in this origin's localStorage before the exercise page is opened."""
    page.goto(site_dir + "leeg.html")
    page.evaluate("(v) => { localStorage.clear(); for (const [k, x] of Object.entries(v)) localStorage.setItem(k, x); }", values)
    page.goto(site_dir + "index.html")
    wait_mounted(page)


def test_corrupt_and_foreign_storage_is_kept_aside(browser, site_dir):
    for raw in ["{kapot", json.dumps({"formaat": "lsp-opslag", "versie": 99, "antwoorden": {}})]:
        with opened(browser) as (page, log):
            _preset(page, site_dir, {KEY: raw})
            melding = page.locator("#oefening-alle_typen .lsp-opslagmelding")
            assert melding.is_visible()
            assert "niet te lezen" in melding.inner_text()
            kept = backups(page)
            assert list(kept.values()) == [raw]
            assert list(kept)[0] in melding.inner_text()
            assert raw_storage(page) is None
            # new answers are saved normally afterwards
            vraag(page, "a1").locator("textarea").fill("opnieuw")
            wait_saved(page, lambda a: a.get("a1") == {"tekst": "opnieuw"})
            found = problems(log)
        assert found == NO_PROBLEMS


BLOCK_BACKUPS = """
const orig = Storage.prototype.setItem;
Storage.prototype.setItem = function (k, v) {
  if (String(k).startsWith('lsp:kapot:')) throw new DOMException('vol', 'QuotaExceededError');
  return orig.call(this, k, v);
};
"""


def test_corrupt_data_that_cannot_be_set_aside_is_never_overwritten(browser, site_dir):
    with opened(browser, init_script=BLOCK_BACKUPS, accept_downloads=True) as (page, log):
        _preset(page, site_dir, {KEY: "{kapot"})
        melding = page.locator("#oefening-alle_typen .lsp-opslagmelding")
        assert "konden niet apart worden gezet" in melding.inner_text()
        vraag(page, "a1").locator("textarea").fill("Wat ik nu typ.")
        vraag(page, "a5").get_by_text("De werker zoekt mensen zelf op.").click()
        data = export_json(page)                  # flushes every exercise first
        assert raw_storage(page) == "{kapot"      # the original is untouched
        assert backups(page) == {}
        # the hand-in holds what the student sees, not an empty file
        assert data["oefeningen"]["alle_typen"]["antwoorden"] == {"a1": {"tekst": "Wat ik nu typ."}, "a5": {"keuze": 1}}
        page.reload()
        wait_mounted(page)
        assert raw_storage(page) == "{kapot"
        found = problems(log)
    assert found == NO_PROBLEMS


def test_storage_full_warns_and_offers_export(browser, site_dir):
    script = """
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__vol && String(k).startsWith('lsp:v1:alle')) throw new DOMException('vol', 'QuotaExceededError');
      return orig.call(this, k, v);
    };
    """
    with opened(browser, site_dir + "index.html", init_script=script, accept_downloads=True) as (page, log):
        page.evaluate("window.__vol = true")
        vraag(page, "a1").locator("textarea").fill("Dit past niet meer.")
        melding = page.locator("#oefening-alle_typen .lsp-opslagmelding")
        melding.wait_for(state="visible")
        assert "geen ruimte meer" in melding.inner_text()
        with page.expect_download() as info:
            melding.get_by_role("button").click()
        data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
        assert data["oefeningen"]["alle_typen"]["antwoorden"]["a1"] == {"tekst": "Dit past niet meer."}
        AntwoordBestand.model_validate(data)
        # room again: the next change is saved and the warning goes
        page.evaluate("window.__vol = false")
        vraag(page, "a1").locator("textarea").fill("Nu wel.")
        wait_saved(page, lambda a: a.get("a1") == {"tekst": "Nu wel."})
        melding.wait_for(state="hidden")
        found = problems(log)
    assert found == NO_PROBLEMS


def test_when_storage_fails_the_hand_in_exports_what_is_on_screen(browser, site_dir):
    blocked = """
    const orig = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('lsp:v1:') && !String(k).endsWith('_student')) throw new DOMException('geblokkeerd', 'SecurityError');
      return orig.call(this, k, v);
    };
    """
    with opened(browser, site_dir + "index.html", init_script=blocked, accept_downloads=True) as (page, log):
        vraag(page, "k1").locator("textarea").fill("Kort antwoord.")
        vraag(page, "a1").locator("textarea").fill("Alleen op het scherm.")
        vraag(page, "a5").get_by_text("De werker zoekt mensen zelf op.").click()
        page.locator("#oefening-alle_typen .lsp-opslagmelding").get_by_text("staat niet toe").wait_for()
        assert raw_storage(page) is None
        overzicht = page.locator(".lsp-inleveren .lsp-overzicht")
        overzicht.get_by_text("Testcasus met alle vraagtypen: 2 van 8 vragen beantwoord").wait_for()
        data = export_json(page)
        assert data["oefeningen"]["alle_typen"]["antwoorden"] == {"a1": {"tekst": "Alleen op het scherm."}, "a5": {"keuze": 1}}
        assert data["oefeningen"]["kort"]["antwoorden"] == {"k1": {"tekst": "Kort antwoord."}}
        found = problems(log)
    assert found == NO_PROBLEMS


def test_hand_in_without_any_answer_says_so_and_downloads_nothing(page_and_log):
    page, _log = page_and_log
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    blok = page.locator(".lsp-inleveren")
    blok.get_by_label("Naam").fill("Leeg")
    blok.get_by_role("button", name="Download antwoorden (JSON)").click()
    blok.locator(".lsp-status").get_by_text("nog niets ingevuld").wait_for()
    assert downloads == []
    vraag(page, "k1").locator("textarea").fill("Nu wel iets.")
    with page.expect_download():
        blok.get_by_role("button", name="Download antwoorden (JSON)").click()


def _answer_file(**changes) -> dict:
    good = {
        "formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "naam": "Iem", "studentnummer": "123",
        "datum": "2025-03-14",
        "oefeningen": {"alle_typen": {"titel": "t", "vragen": {}, "antwoorden": {
            "a1": {"tekst": "uit bestand"}, "a5": {"keuze": 3}, "a8": {"scores": [1, 2, 3, "x"]},
            "a2": "kapot"}}},
    }
    return {**good, **changes}


def test_import_validates_confirms_and_restores(page_and_log, tmp_path):
    page, _log = page_and_log
    blok = page.locator(".lsp-inleveren")
    status = blok.locator(".lsp-status")
    files = {
        "kapot.json": ("{niet json", "geen geldig JSON-bestand"),
        "ander.json": (json.dumps(_answer_file(hoofdstuk=2)), "hoort bij hoofdstuk 2, dit blok bij hoofdstuk 1"),
        "tekst.json": (json.dumps(_answer_file(hoofdstuk="1")), 'hoofdstuk niet als een geheel getal (gevonden: "1")'),
        "versie.json": (json.dumps(_answer_file(versie=7)), "versie 7"),
        "vreemd.json": (json.dumps({"hallo": 1}), "geen antwoordbestand van dit boek"),
    }
    invoer = blok.locator("input[type=file]")
    vraag(page, "a1").locator("textarea").fill("mijn eigen antwoord")
    wait_saved(page, lambda a: a.get("a1") == {"tekst": "mijn eigen antwoord"})
    for name, (text, msg) in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        invoer.set_input_files(str(tmp_path / name))
        status.get_by_text(msg).wait_for()
        assert "niets veranderd" in status.inner_text()
        assert stored(page)["a1"] == {"tekst": "mijn eigen antwoord"}
    (tmp_path / "goed.json").write_text(json.dumps(_answer_file()), encoding="utf-8")
    # existing answers: a real confirm step; cancelling changes nothing
    invoer.set_input_files(str(tmp_path / "goed.json"))
    blok.get_by_role("button", name="Annuleren").click()
    assert stored(page)["a1"] == {"tekst": "mijn eigen antwoord"}
    invoer.set_input_files(str(tmp_path / "goed.json"))
    blok.get_by_role("button", name="Ja, vervang mijn antwoorden").click()
    status.get_by_text("teruggezet bij 1 oefening").wait_for()
    # out-of-range choice (3 of 3 options), a bad score and a broken answer: reported, not kept
    assert "3 antwoord(en) pasten niet" in status.inner_text()
    assert vraag(page, "a1").locator("textarea").input_value() == "uit bestand"
    assert vraag(page, "a5").locator("input[type=radio]:checked").count() == 0
    assert vraag(page, "a5").locator(".lsp-feedback").inner_text() == ""
    a = stored(page)
    assert a["a5"] == {"keuze": None}
    assert a["a8"] == {"scores": [1, 2, 3, None]}
    assert "a2" not in a


def test_an_over_long_import_is_refused_whole_never_cut(page_and_log, tmp_path):
    page, _log = page_and_log
    blok = page.locator(".lsp-inleveren")
    status = blok.locator(".lsp-status")
    vraag(page, "a1").locator("textarea").fill("mijn antwoord")
    wait_saved(page, lambda a: a.get("a1") == {"tekst": "mijn antwoord"})
    te_lang = "😀" * 50_000 + "x"                 # 100,001 UTF-16 code units (50,001 characters)
    bestand = _answer_file(oefeningen={"alle_typen": {"titel": "t", "antwoorden": {"a1": {"tekst": te_lang}, "a5": {"keuze": 0}}}})
    (tmp_path / "lang.json").write_text(json.dumps(bestand), encoding="utf-8")
    blok.locator("input[type=file]").set_input_files(str(tmp_path / "lang.json"))
    status.get_by_text("is te lang").wait_for()
    assert "100.001 tekens, hoogstens 100.000" in status.inner_text()
    assert "niet ingekort" in status.inner_text() and "niets veranderd" in status.inner_text()
    assert stored(page) == {"a1": {"tekst": "mijn antwoord"}}
    # exactly at the limit is accepted, whole
    precies = "😀" * 50_000
    bestand["oefeningen"]["alle_typen"]["antwoorden"]["a1"]["tekst"] = precies
    (tmp_path / "precies.json").write_text(json.dumps(bestand), encoding="utf-8")
    blok.locator("input[type=file]").set_input_files(str(tmp_path / "precies.json"))
    blok.get_by_role("button", name="Ja, vervang mijn antwoorden").click()
    status.get_by_text("teruggezet bij 1 oefening").wait_for()
    assert vraag(page, "a1").locator("textarea").input_value() == precies
    assert stored(page)["a1"]["tekst"] == precies


def test_answers_that_no_longer_fit_are_set_aside_not_dropped(browser, site_dir):
    record = {"formaat": "lsp-opslag", "versie": 1, "oefening": "alle_typen", "antwoorden": {
        "a1": {"tekst": "past nog"},
        "oude_vraag": {"tekst": "Antwoord op een vraag die nu anders heet"},
        "a2": {"volgorde": ["Hernoemd item", "Overleg met het team"], "redenen": {"Hernoemd item": "mijn reden"}},
        "a5": {"keuze": 7},
        "a8": {"scores": "kapot"},
    }}
    raw = json.dumps(record)
    with opened(browser) as (page, log):
        _preset(page, site_dir, {KEY: raw})
        melding = page.locator("#oefening-alle_typen .lsp-opslagmelding")
        assert "past niet meer bij deze oefening" in melding.inner_text()
        kept = backups(page)
        assert list(kept.values()) == [raw]                       # byte for byte
        assert list(kept)[0] in melding.inner_text()
        assert vraag(page, "a1").locator("textarea").input_value() == "past nog"
        assert vraag(page, "a2").locator(".lsp-rang-tekst").first.inner_text() == "Overleg met het team"
        a = stored(page)                                           # the clean version is stored
        assert set(a) == {"a1", "a2", "a5"} and a["a5"] == {"keuze": None} and a["a2"]["redenen"] == {}
        page.reload()
        wait_mounted(page)
        assert page.locator("#oefening-alle_typen .lsp-opslagmelding").is_hidden()
        assert backups(page) == kept                               # not set aside twice
        found = problems(log)
    assert found == NO_PROBLEMS


def test_two_tabs_share_answers_and_never_overwrite_newer_ones(browser, site_dir):
    with opened(browser, site_dir + "index.html") as (a, log):
        b = a.context.new_page()
        b.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
        b.on("pageerror", lambda e: log.console_errors.append(f"pageerror: {e}"))
        b.goto(site_dir + "index.html")
        wait_mounted(b)
        area = '[data-vraag="a1"] textarea'
        vraag(a, "a1").locator("textarea").fill("getypt in tab A")
        # tab B shows it without a reload
        b.wait_for_function("(s) => document.querySelector(s).value === 'getypt in tab A'", arg=f".lsp-oefening {area}")
        vraag(b, "a5").get_by_text("De werker zoekt mensen zelf op.").click()
        a.wait_for_function("() => document.querySelector('.lsp-oefening [data-vraag=\"a5\"] input[value=\"1\"]').checked")
        assert vraag(a, "a1").locator("textarea").input_value() == "getypt in tab A"
        # the same question in both tabs: the later answer wins everywhere
        vraag(b, "a1").locator("textarea").fill("later in tab B")
        a.wait_for_function("(s) => document.querySelector(s).value === 'later in tab B'", arg=f".lsp-oefening {area}")
        wait_saved(a, lambda x: x.get("a1") == {"tekst": "later in tab B"} and x.get("a5") == {"keuze": 1})
        for page in (a, b):
            page.reload()
            wait_mounted(page)
            assert vraag(page, "a1").locator("textarea").input_value() == "later in tab B"
            assert vraag(page, "a5").get_by_label("De werker zoekt mensen zelf op.").is_checked()
        # erasing in one tab empties the other
        a.locator(".lsp-inleveren").get_by_role("button", name="Wis mijn antwoorden").click()
        a.locator(".lsp-inleveren").get_by_role("button", name="Ja, wis mijn antwoorden").click()
        b.wait_for_function("(s) => document.querySelector(s).value === ''", arg=f".lsp-oefening {area}")
        assert raw_storage(a) is None
        found = problems(log)
    assert found == NO_PROBLEMS


def test_erase_needs_confirmation(page_and_log):
    page, _log = page_and_log
    vraag(page, "a1").locator("textarea").fill("weg ermee")
    vraag(page, "k1").locator("textarea").fill("ook weg")
    wait_saved(page, lambda a: "a1" in a)
    blok = page.locator(".lsp-inleveren")
    blok.get_by_role("button", name="Wis mijn antwoorden").click()
    assert blok.locator(".lsp-bevestig").is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Annuleren"
    blok.get_by_role("button", name="Ja, wis mijn antwoorden").click()
    blok.locator(".lsp-status").get_by_text("zijn gewist").wait_for()
    assert raw_storage(page) is None and raw_storage(page, KORT_KEY) is None
    assert vraag(page, "a1").locator("textarea").input_value() == ""
    assert vraag(page, "k1").locator("textarea").input_value() == ""
    # the pending autosave of k1 was cancelled: nothing comes back once its delay has passed
    page.wait_for_timeout(400)          # an absence check: longer than the 250 ms autosave delay
    assert raw_storage(page) is None and raw_storage(page, KORT_KEY) is None


def test_network_png_export(page_and_log):
    page, _log = page_and_log
    with page.expect_download() as info:
        vraag(page, "a6").get_by_role("button", name="Download als afbeelding (PNG)").click()
    assert Path(info.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as info:
        vraag(page, "a6").get_by_role("button", name="Download als JSON").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["centrum"] == "Sam" and len(data["knopen"]) == 2


def test_teacher_edition(browser, tmp_path, monkeypatch):
    monkeypatch.setenv("LSP_EDITIE", "docent")
    folder = make_site(tmp_path)
    assert "Laat studenten eerst alleen werken" in (folder / "index.html").read_text(encoding="utf-8")
    with serve_directory(folder) as url, opened(browser, url + "index.html") as (page, log):
        panel = page.locator("#oefening-alle_typen .lsp-docent")
        text = panel.text_content()
        assert "Docentenhandleiding" in text and "45 minuten" in text and "tweetallen" in text
        assert "Je oefent met elk soort vraag." in text
        assert "studentendecaan" in panel.locator(".lsp-veiligheid").inner_text()
        assert "Let op of studenten de buurvrouw noemen." in vraag(page, "a1").inner_text()
        # teacher notes are spec text too: shown as text, never as HTML
        noot = 'Bespreek beide paden. <img src=x onerror="window.__xss=12">'
        assert noot in vraag(page, "a7").locator(".lsp-docent-noot").inner_text()
        assert noot in panel.inner_text()
        # the panel names questions as the page does: a7 comes after an informatie block
        notes = panel.locator("li strong").all_inner_texts()
        assert [n.strip() for n in notes] == ["Vraag 1:", "Vraag 7:"]
        assert vraag(page, "a7").locator(".lsp-vraagkop").inner_text() == "Vraag 7"
        assert page.locator(XSS_SELECTOR).count() == 0
        assert page.evaluate("window.__xss") is None
        assert run_axe(page) == []
        found = problems(log)
    assert found == NO_PROBLEMS


def test_every_real_exercise_renders(browser, tmp_path):
    """All specs in exercises/ on one page: no errors, no external requests, no serious axe issues."""
    from book.exercises.spec import all_spec_paths

    with_front_end(tmp_path)
    blocks = []
    for path in all_spec_paths():
        blocks.append(f"<h2>{path.stem}</h2>" + OefeningWidget(load_spec(path=path)).html())
    for n in range(7):
        blocks.append(f"<h2>Inleveren {n}</h2>" + inleveren(n).html())
    assert len(blocks) > 20
    (tmp_path / "index.html").write_text(bare_page("Testhoofdstuk", ("Een oefening", "\n".join(blocks)), ("Inleveren", "")), encoding="utf-8")
    with serve_directory(tmp_path) as url, opened(browser) as (page, log):
        page.goto(url + "index.html")
        page.wait_for_function(
            "(n) => document.querySelectorAll('.lsp-oefening-kaart, .lsp-inleveren-kaart').length === n",
            arg=len(blocks),
        )
        assert page.locator(".lsp-fout").count() == 0
        assert run_axe(page) == []
        found = problems(log)
    assert found == NO_PROBLEMS


def test_print_css(page_and_log):
    page, _log = page_and_log
    vraag(page, "a1").locator("textarea").fill("Geprint antwoord")
    page.emulate_media(media="print")
    assert not vraag(page, "a1").locator("textarea").is_visible()
    assert not page.locator(".lsp-oefening button").first.is_visible()
    mirror = vraag(page, "a1").locator(".lsp-afdruk-antwoord")
    assert mirror.is_visible() and mirror.inner_text() == "Geprint antwoord"
    empty = vraag(page, "a2").locator(".lsp-afdruk-antwoord.lsp-leeg").first
    assert empty.is_visible()
    assert empty.evaluate("el => el.getBoundingClientRect().height") > 80     # lined room to write
    # the case text prints, and the hand-in controls do not
    assert page.locator("#oefening-alle_typen .lsp-casus").is_visible()
    assert "Sam gaat elke ochtend naar de markt." in page.locator("#oefening-alle_typen .lsp-casus").inner_text()
    assert not page.locator(".lsp-inleveren button").first.is_visible()
    # screen-only controls and progress marks stay off paper: "Naar plaats", the drag grip, "Nog niet af"
    for selector in (".lsp-rang-knoppen", ".lsp-rang-greep", ".lsp-vraag-af", ".lsp-kaart-voortgang"):
        assert page.locator(selector).count() > 0, selector
        assert not page.locator(selector).first.is_visible(), selector
    page.emulate_media(media="screen")
    assert vraag(page, "a1").locator("textarea").is_visible() and not mirror.is_visible()
    assert vraag(page, "a2").locator(".lsp-rang-knoppen").first.is_visible()


# Mount the exercises late, after the page's load event (as on a slow device, or with the old
# module loader): the browser has then finished its own jump to the #fragment.
LATE_MOUNT = """
const append = Element.prototype.append;
Element.prototype.append = function (...nodes) {
  const late = nodes.some((n) => n instanceof HTMLScriptElement && /oefeningen\\.js/.test(n.src));
  if (!late) return append.apply(this, nodes);
  const doit = () => setTimeout(() => append.apply(this, nodes), 200);
  if (document.readyState === "complete") doit(); else window.addEventListener("load", doit);
};
"""


def test_a_link_to_an_exercise_lands_at_its_start(browser, site_dir):
    """#oefening-<id> (the assignment overview's links): the exercise above the target and the
    target itself grow after the browser jumped; the page goes to the target again once drawn."""
    with opened(browser, init_script=LATE_MOUNT, viewport={"width": 1000, "height": 700}) as (page, log):
        page.goto(site_dir + "index.html#oefening-alle_typen")
        wait_mounted(page)
        top = "() => document.getElementById('oefening-alle_typen').getBoundingClientRect().top"
        page.wait_for_function(f"() => {{ const t = ({top})(); return t >= 0 && t < 100; }}")
        assert page.evaluate("window.scrollY") > 200
        found = problems(log)
    assert found == NO_PROBLEMS


def test_requests_to_other_hosts_are_caught_after_interaction(browser, site_dir):
    """Positive control of the harness: a request made long after the page went idle, in reaction
    to a click, is still aborted and recorded (the route lives as long as the context)."""
    with opened(browser, site_dir + "index.html") as (page, log):
        page.wait_for_load_state("networkidle")
        assert log.external_requests == []
        vraag(page, "a5").get_by_text("De werker zoekt mensen zelf op.").evaluate(
            "el => el.addEventListener('click', () => { new Image().src = 'https://voorbeeld.invalid/pixel.png'; })")
        with page.expect_event("requestfailed"):
            vraag(page, "a5").get_by_text("De werker zoekt mensen zelf op.").click()
        assert log.external_requests == ["https://voorbeeld.invalid/pixel.png"]


def check_from_disk(browser, html: Path) -> None:
    """The book opened from disk (file://): an exercise works, keeps its answer over a reload,
    and the hand-in downloads it."""
    with opened(browser, accept_downloads=True) as (page, log):
        page.goto((html / "index.html").as_uri())
        wait_mounted(page)
        assert page.url.startswith("file://")
        vraag(page, "a1").locator("textarea").fill("Van schijf 🙂")
        vraag(page, "a5").get_by_text("De werker zoekt mensen zelf op.").click()
        wait_saved(page, lambda a: a.get("a1") == {"tekst": "Van schijf 🙂"} and a.get("a5") == {"keuze": 1})
        page.reload()
        wait_mounted(page)
        assert vraag(page, "a1").locator("textarea").input_value() == "Van schijf 🙂"
        assert vraag(page, "a5").get_by_label("De werker zoekt mensen zelf op.").is_checked()
        data = export_json(page)
        assert data["oefeningen"]["alle_typen"]["antwoorden"] == {"a1": {"tekst": "Van schijf 🙂"}, "a5": {"keuze": 1}}
        assert page.locator(".lsp-fout").count() == 0
        found = problems(log)
    assert found == NO_PROBLEMS


def test_the_book_works_from_disk(browser, site_html):
    check_from_disk(browser, site_html)


def test_the_zip_of_the_site_works_after_unzipping(browser, site_html, tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("zip_site", ROOT / "tools" / "zip_site.py")
    zip_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(zip_site)
    archive = zip_site.make_zip(site_html, tmp_path / "boek.zip")
    assert zip_site.make_zip(site_html, tmp_path / "nog-eens.zip").read_bytes() == archive.read_bytes()
    target = tmp_path / "uitgepakt"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert all(n.startswith(zip_site.TOP + "/") for n in names)
        assert f"{zip_site.TOP}/index.html" in names and f"{zip_site.TOP}/LEESMIJ.txt" in names
        assert f"{zip_site.TOP}/_static/lsp/{frontend.SITE_BUNDLE_NAME}" in names
        zf.extractall(target)
    check_from_disk(browser, target / zip_site.TOP)
