"""The exercise front-end in headless Chromium, on a built fixture book.

Like jupyter-book's own tests, a small book is built with the project's `_config.yml` and
`_ext/lsp_assets.py`: one page with the fixture exercise that has every question type and a
hand-in block, one page without exercises. So every test runs on a real static site, with no
kernel. (Only `test_every_real_exercise_renders` puts all real exercises on one bare page.)
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import urlparse
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
FIXTURES = Path(__file__).parent / "fixtures" / "exercises"
SPEC_PATH = FIXTURES / "alle_typen.yml"
KEY = "lsp:v1:alle_typen"

PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Testhoofdstuk</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="_static/lsp/oefening.css">
<script defer src="_static/lsp/loader.js"></script>
</head><body><main>
<h1>Testhoofdstuk</h1>
<h2>Een oefening</h2>
{oefening}
<h2>Inleveren</h2>
{inleveren}
</main></body></html>
"""

EMPTY_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Leeg</title>
<link rel="stylesheet" href="_static/lsp/oefening.css">
<script defer src="_static/lsp/loader.js"></script>
</head><body><main><h1>Geen oefeningen</h1><p>Alleen tekst.</p></main></body></html>
"""


def make_site(folder: Path, editie: str | None = None, monkeypatch=None) -> Path:
    """Build the fixture book into `folder`; return its HTML folder (index.html, leeg.html)."""
    import nbformat
    import yaml

    from conftest import strict_build

    book = folder / "boek"
    book.mkdir()
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = "Testboek"
    config["exclude_patterns"] = ["_build"]
    config["sphinx"]["local_extensions"] = {"lsp_assets": str(ROOT / "_ext")}
    (book / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: leeg\n", encoding="utf-8")
    code = [
        f"from book.exercises.spec import load_spec\nfrom book.exercises.widget import OefeningWidget\n"
        f"OefeningWidget(load_spec(path=r\"{SPEC_PATH}\"))",
        f"from pathlib import Path\nfrom book.exercises.handin import inleveren\ninleveren(1, directory=Path(r\"{FIXTURES}\"))",
    ]
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Testhoofdstuk\n\n## Een oefening"),
            nbformat.v4.new_code_cell(code[0], metadata={"tags": ["remove-input"]}),
            nbformat.v4.new_markdown_cell("## Inleveren"),
            nbformat.v4.new_code_cell(code[1], metadata={"tags": ["remove-input"]}),
        ],
        metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    )
    nbformat.write(nb, book / "index.ipynb")
    (book / "leeg.md").write_text("# Geen oefeningen\n\nAlleen tekst.\n", encoding="utf-8")
    build = strict_build(source=book)
    assert build.returncode == 0, build.log[-4000:]
    return build.html


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    html = make_site(tmp_path_factory.mktemp("lsp_site"))
    with serve_directory(html) as url:
        yield url


@pytest.fixture
def page_and_log(browser, site_dir):
    page, log = offline_page(browser, accept_downloads=True)
    page.goto(site_dir + "index.html")
    page.wait_for_selector(".lsp-oefening .lsp-oefening-kaart")
    page.wait_for_selector(".lsp-inleveren .lsp-inleveren-kaart")
    yield page, log
    assert log.external_requests == []
    assert log.console_errors == []
    assert log.failed_requests == []
    page.context.close()


def vraag(page, qid: str):
    return page.locator(f'.lsp-oefening [data-vraag="{qid}"]')


def stored(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert raw is not None, "niets opgeslagen"
    data = json.loads(raw)
    assert data["formaat"] == "lsp-opslag" and data["versie"] == 1
    return data["antwoorden"]


def wait_saved(page, predicate, timeout=3000):
    """Poll localStorage until predicate(answers) holds (autosave is debounced)."""
    page.wait_for_function(
        f"() => {{ try {{ return !!JSON.parse(localStorage.getItem('{KEY}')); }} catch (e) {{ return false; }} }}",
        timeout=timeout,
    )
    deadline = 0
    while deadline < timeout:
        if predicate(stored(page)):
            return
        page.wait_for_timeout(100)
        deadline += 100
    raise AssertionError(f"opgeslagen antwoorden voldoen niet: {stored(page)}")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def tab_until(page, selector: str, max_tabs: int = 250, shift: bool = False) -> None:
    """Press Tab until the focused element matches selector (proves keyboard reachability)."""
    for _ in range(max_tabs):
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if shift else "Tab")
    raise AssertionError(f"met Tab niet bereikt: {selector}")


def export_json(page) -> dict:
    blok = page.locator(".lsp-inleveren")
    blok.get_by_label("Naam").fill("Test Student")
    with page.expect_download() as info:
        blok.get_by_role("button", name="Download antwoorden (JSON)").click()
    path = info.value.path()
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    AntwoordBestand.model_validate(data)           # the Python model accepts what the page writes
    return data


# ------------------------------------------------------------------------------------------------


def test_page_renders_offline_accessible_and_safe(page_and_log):
    page, log = page_and_log
    kaart = page.locator(".lsp-oefening-kaart")
    # XSS payloads in the spec show as text and never run
    casus = kaart.locator(".lsp-casus").inner_text()
    assert '<img src=x onerror="window.__xss=1">' in casus
    assert "</script><script>window.__xss=2</script>" in casus
    assert page.evaluate("window.__xss") is None
    assert page.locator(".lsp-casus img, .lsp-casus b").count() == 0
    # every question type is there
    for t in ["open", "rangschikking", "stelling", "sorteren", "meerkeuze", "netwerk", "dilemma", "zelfbeoordeling"]:
        assert page.locator(f".lsp-type-{t}").count() == 1, t
    assert page.locator('[data-vraag="v1"].lsp-informatie').count() == 1
    # student edition: no teacher text anywhere in the page source
    assert "Docentenhandleiding" not in page.content()
    assert "Laat studenten eerst alleen werken" not in page.content()
    violations = run_axe(page)
    assert violations == [], violations


def test_page_without_exercises_does_not_load_module(browser, site_dir):
    page, log = offline_page(browser)
    requested = []
    page.on("request", lambda r: requested.append(urlparse(r.url).path))  # Sphinx adds ?v=...
    page.goto(site_dir + "leeg.html")
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("loader.js") for u in requested)
    assert not any(u.endswith(frontend.SITE_BUNDLE_NAME) for u in requested)
    assert log.console_errors == [] and log.external_requests == []
    page.context.close()


def test_mouse_all_types_reload_and_export(page_and_log):
    page, _log = page_and_log
    # open + kijkpunten
    vraag(page, "a1").locator("textarea").fill("Sam mist contact 😀 met de buurt.")
    vraag(page, "a1").get_by_role("button", name="Vergelijk met kijkpunten").click()
    assert "de rol van de buurvrouw" in vraag(page, "a1").locator(".lsp-feedback").inner_text()
    # rangschikking: move the first item down, give reasons
    vraag(page, "a2").get_by_role("button", name='Zet "Kennismaken op de markt" een plaats lager').click()
    assert vraag(page, "a2").locator(".lsp-rang-tekst").first.inner_text() == "Bellen met de broer"
    for i, area in enumerate(vraag(page, "a2").locator("textarea").all()):
        area.fill(f"reden {i}")
    assert "Bij elk item staat een reden" in vraag(page, "a2").locator(".lsp-status-regel").inner_text()
    # stelling: round 1, then round 2 appears, shift shown
    st = vraag(page, "a3")
    st.locator(".lsp-radiogroep").nth(0).get_by_text("eens", exact=True).click()
    st.locator(".lsp-radiogroep").nth(1).get_by_text("neutraal", exact=True).click()
    st.locator("textarea").first.fill("Omdat contact telt.")
    assert st.get_by_text("Nieuwe informatie").is_visible()
    st.locator(".lsp-tweede-ronde .lsp-radiogroep").nth(0).get_by_text("oneens", exact=True).click()
    assert "2 stappen richting oneens" in st.locator(".lsp-verschuiving").first.inner_text()
    # sorteren with factual feedback
    vraag(page, "a4").get_by_label("Een vast ritme").select_option("Belemmerend")
    assert 'deelt dit in bij "Helpend"' in vraag(page, "a4").locator(".lsp-feedback").first.inner_text()
    vraag(page, "a4").get_by_label("Een broer op afstand").select_option("Helpend")
    # meerkeuze
    vraag(page, "a5").get_by_text("De werker zoekt mensen zelf op.").click()
    assert "Dit klopt." in vraag(page, "a5").locator(".lsp-feedback").inner_text()
    # netwerk: add and remove
    nw = vraag(page, "a6")
    nw.get_by_label("Naam", exact=True).fill("Wijkagent")
    nw.get_by_label("Soort").select_option("professionals")
    nw.get_by_label("Sterkte van de band", exact=True).select_option("3")
    nw.get_by_label("Kwaliteit", exact=True).select_option("belastend")
    nw.get_by_role("button", name="Toevoegen").click()
    nw.get_by_role("button", name="Verwijder buurvrouw").click()
    assert "2 personen en organisaties" in nw.locator(".lsp-breedte").inner_text()
    assert nw.locator("svg.lsp-netwerk-svg line").count() == 2
    assert nw.locator("table tbody tr").count() == 2
    # dilemma to an end node, reflect
    dl = vraag(page, "a7")
    dl.get_by_role("button", name="Je vraagt eerst wat er aan de hand is.").click()
    dl.get_by_role("button", name="Je zoekt samen uit wie kan helpen.").click()
    assert dl.get_by_text("Einde van dit pad.").is_visible()
    dl.locator("textarea").fill("Doorvragen hielp.")
    # zelfbeoordeling + radar
    zb = vraag(page, "a8")
    for i, label in enumerate(["goed", "redelijk", "heel goed", "een beetje"]):
        zb.locator(".lsp-radiogroep").nth(i).get_by_text(label, exact=True).click()
    assert zb.locator("polygon.lsp-radar-vlak").count() == 1

    wait_saved(page, lambda a: a.get("a8", {}).get("scores") == [4, 3, 5, 2] and "a7" in a)
    answers = stored(page)
    assert answers["a1"] == {"tekst": "Sam mist contact 😀 met de buurt."}
    assert answers["a2"]["volgorde"][0] == "Bellen met de broer"
    assert answers["a3"]["ronde1"][0]["positie"] == 4 and answers["a3"]["ronde2"][0]["positie"] == 2
    assert answers["a4"]["indeling"] == {"Een vast ritme": "Belemmerend", "Een broer op afstand": "Helpend"}
    assert answers["a5"] == {"keuze": 1}
    assert [k["naam"] for k in answers["a6"]["knopen"]] == ["broer", "Wijkagent"]
    assert answers["a7"]["pad"] == ["k1", "k3", "k4"]

    # reload restores everything
    page.reload()
    page.wait_for_selector(".lsp-oefening-kaart")
    assert vraag(page, "a1").locator("textarea").input_value() == "Sam mist contact 😀 met de buurt."
    assert vraag(page, "a2").locator(".lsp-rang-tekst").first.inner_text() == "Bellen met de broer"
    assert vraag(page, "a3").locator(".lsp-radiogroep").nth(0).get_by_label("eens", exact=True).is_checked()
    assert vraag(page, "a4").get_by_label("Een vast ritme").input_value() == "Belemmerend"
    assert vraag(page, "a5").get_by_label("De werker zoekt mensen zelf op.").is_checked()
    assert vraag(page, "a6").locator("table tbody tr").count() == 2
    assert vraag(page, "a7").locator("textarea").input_value() == "Doorvragen hielp."
    assert vraag(page, "a8").locator(".lsp-radiogroep").nth(2).get_by_label("heel goed").is_checked()

    # export contains what was entered, with question texts
    data = export_json(page)
    assert data["formaat"] == "lsp-antwoorden" and data["versie"] == 1 and data["hoofdstuk"] == 1
    assert data["naam"] == "Test Student"
    oef = data["oefeningen"]["alle_typen"]
    assert oef["titel"] == "Testcasus met alle vraagtypen"
    assert oef["vragen"]["a1"] == "Wat valt je op aan de situatie van Sam?"
    assert "v1" not in oef["vragen"]
    assert oef["antwoorden"] == answers | {"a7": {"pad": ["k1", "k3", "k4"], "reflectie": "Doorvragen hielp."}}

    # dilemma restart keeps the exercise usable
    vraag(page, "a7").get_by_role("button", name="Opnieuw beginnen").click()
    wait_saved(page, lambda a: a["a7"]["pad"] == ["k1"])


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
    assert "Het boek deelt dit ook in bij" in vraag(page, "a4").locator(".lsp-feedback").first.inner_text()
    # meerkeuze
    tab_until(page, '[data-vraag="a5"] input[type=radio]')
    kb.press("Space")
    kb.press("ArrowDown")
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
    wait_saved(page, lambda a: utf16_len(a.get("a1", {}).get("tekst", "")) == 100_000 and "a7" in a and len(a.get("a6", {}).get("knopen", [])) == 3)
    page.reload()
    page.wait_for_selector(".lsp-oefening-kaart")
    assert vraag(page, "a1").locator("textarea").input_value() == long_text
    assert vraag(page, "a2").locator("textarea").first.input_value() == rtl
    assert vraag(page, "a7").locator("textarea").input_value() == payload
    assert payload in vraag(page, "a6").locator("table").inner_text()
    # the print view renders the same text as text
    page.locator(".lsp-inleveren").get_by_label("Naam").fill("X")
    page.get_by_role("button", name="Afdrukbare versie").click()
    blad = page.locator(".lsp-afdrukweergave")
    assert payload in blad.inner_text()
    assert blad.locator("img, script").count() == 0
    page.get_by_role("button", name="Sluiten").click()
    assert page.locator(".lsp-afdrukweergave").count() == 0
    assert page.evaluate("window.__xss") is None


def test_corrupt_and_foreign_storage_is_kept_aside(page_and_log):
    page, _log = page_and_log
    for raw in ["{kapot", json.dumps({"formaat": "lsp-opslag", "versie": 99, "antwoorden": {}})]:
        page.evaluate("([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }", [KEY, raw])
        page.reload()
        page.wait_for_selector(".lsp-oefening-kaart")
        melding = page.locator(".lsp-oefening .lsp-opslagmelding")
        assert melding.is_visible()
        assert "niet te lezen" in melding.inner_text()
        kept = page.evaluate(
            "() => Object.keys(localStorage).filter(k => k.startsWith('lsp:kapot:alle_typen:'))"
            ".map(k => localStorage.getItem(k))"
        )
        assert kept == [raw]
        # new answers are saved normally afterwards
        vraag(page, "a1").locator("textarea").fill("opnieuw")
        wait_saved(page, lambda a: a.get("a1") == {"tekst": "opnieuw"})


def test_storage_full_warns_and_offers_export(browser, site_dir):
    page, log = offline_page(browser, accept_downloads=True)
    page.add_init_script(
        """
        const orig = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) {
          if (window.__vol && k.startsWith('lsp:v1:alle')) throw new DOMException('vol', 'QuotaExceededError');
          return orig.call(this, k, v);
        };
        """
    )
    page.goto(site_dir + "index.html")
    page.wait_for_selector(".lsp-oefening-kaart")
    page.evaluate("window.__vol = true")
    vraag(page, "a1").locator("textarea").fill("Dit past niet meer.")
    melding = page.locator(".lsp-oefening .lsp-opslagmelding")
    melding.wait_for(state="visible")
    assert "geen ruimte meer" in melding.inner_text()
    with page.expect_download() as info:
        melding.get_by_role("button").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["oefeningen"]["alle_typen"]["antwoorden"]["a1"] == {"tekst": "Dit past niet meer."}
    AntwoordBestand.model_validate(data)
    assert log.console_errors == [] and log.external_requests == []
    page.context.close()


def test_import_validates_confirms_and_restores(page_and_log, tmp_path):
    page, _log = page_and_log
    blok = page.locator(".lsp-inleveren")
    status = blok.locator(".lsp-status")
    good = {
        "formaat": "lsp-antwoorden", "versie": 1, "hoofdstuk": 1, "naam": "Iem", "studentnummer": "123",
        "datum": "2025-03-14",
        "oefeningen": {"alle_typen": {"titel": "t", "vragen": {}, "antwoorden": {
            "a1": {"tekst": "uit bestand"}, "a5": {"keuze": 0}, "a8": {"scores": [1, 2, 3, "x"]},
            "a2": "kapot"}}},
    }
    files = {
        "kapot.json": "{niet json",
        "ander.json": json.dumps({**good, "hoofdstuk": 2}),
        "versie.json": json.dumps({**good, "versie": 7}),
        "vreemd.json": json.dumps({"hallo": 1}),
        "goed.json": json.dumps(good),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    invoer = blok.locator("input[type=file]")
    expected = {
        "kapot.json": "geen geldig JSON-bestand",
        "ander.json": "hoort bij hoofdstuk 2",
        "versie.json": "versie 7",
        "vreemd.json": "geen antwoordbestand van dit boek",
    }
    vraag(page, "a1").locator("textarea").fill("mijn eigen antwoord")
    wait_saved(page, lambda a: a.get("a1") == {"tekst": "mijn eigen antwoord"})
    for name, msg in expected.items():
        invoer.set_input_files(str(tmp_path / name))
        status.get_by_text(msg).wait_for()
        assert "niets veranderd" in status.inner_text()
        assert stored(page)["a1"] == {"tekst": "mijn eigen antwoord"}
    # existing answers: a real confirm step; cancelling changes nothing
    invoer.set_input_files(str(tmp_path / "goed.json"))
    blok.get_by_role("button", name="Annuleren").click()
    assert stored(page)["a1"] == {"tekst": "mijn eigen antwoord"}
    invoer.set_input_files(str(tmp_path / "goed.json"))
    blok.get_by_role("button", name="Ja, vervang mijn antwoorden").click()
    status.get_by_text("teruggezet bij 1 oefening").wait_for()
    assert "pasten niet" in status.inner_text()
    assert vraag(page, "a1").locator("textarea").input_value() == "uit bestand"
    assert vraag(page, "a5").get_by_label("De werker wacht tot iemand zich meldt.").is_checked()
    a = stored(page)
    assert a["a8"] == {"scores": [1, 2, 3, None]}
    assert "a2" not in a


def test_erase_needs_confirmation(page_and_log):
    page, _log = page_and_log
    vraag(page, "a1").locator("textarea").fill("weg ermee")
    wait_saved(page, lambda a: "a1" in a)
    blok = page.locator(".lsp-inleveren")
    blok.get_by_role("button", name="Wis mijn antwoorden").click()
    assert blok.locator(".lsp-bevestig").is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Annuleren"
    blok.get_by_role("button", name="Ja, wis mijn antwoorden").click()
    blok.locator(".lsp-status").get_by_text("zijn gewist").wait_for()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert vraag(page, "a1").locator("textarea").input_value() == ""
    page.wait_for_timeout(400)          # no late autosave brings them back
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


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
    with serve_directory(folder) as url:
        page, log = offline_page(browser)
        page.goto(url + "index.html")
        panel = page.locator(".lsp-docent")
        panel.wait_for()
        text = panel.text_content()
        assert "Docentenhandleiding" in text and "45 minuten" in text and "tweetallen" in text
        assert "Je oefent met elk soort vraag." in text
        assert "Let op of studenten de buurvrouw noemen." in vraag(page, "a1").inner_text()
        assert run_axe(page) == []
        assert log.console_errors == [] and log.external_requests == []
        page.context.close()


def test_every_real_exercise_renders(browser, tmp_path):
    """All specs in exercises/ on one page: no errors, no external requests, no serious axe issues."""
    from book.exercises.spec import all_spec_paths

    shutil.copytree(ROOT / "book" / "static", tmp_path / "_static")
    frontend.write_site_bundle(tmp_path / "_static" / "lsp")
    blocks = []
    for path in all_spec_paths():
        blocks.append(f"<h2>{path.stem}</h2>" + OefeningWidget(load_spec(path=path)).html())
    for n in range(7):
        blocks.append(f"<h2>Inleveren {n}</h2>" + inleveren(n).html())
    (tmp_path / "index.html").write_text(PAGE.format(oefening="\n".join(blocks), inleveren=""), encoding="utf-8")
    with serve_directory(tmp_path) as url:
        page, log = offline_page(browser)
        page.goto(url + "index.html")
        page.wait_for_function(
            "(n) => document.querySelectorAll('.lsp-oefening-kaart, .lsp-inleveren-kaart').length === n",
            arg=len(blocks),
        )
        assert page.locator(".lsp-fout").count() == 0
        assert run_axe(page) == []
        assert log.console_errors == [] and log.external_requests == [] and log.failed_requests == []
        page.context.close()


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
    assert "lsp-casus" in page.locator(".lsp-casus").get_attribute("class")
    page.emulate_media(media="screen")
