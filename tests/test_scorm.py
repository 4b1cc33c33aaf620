"""SCORM packages (tools/scorm.py) and the page's LMS runtime (book/static/lsp/src/scorm.js).

- Every manifest is checked: unique identifiers, items that point at resources, every listed file
  in the zip and every file in the zip listed, a launch page that exists, no asset from another
  host, no link to a page outside the package.
- A test page plays the LMS with the vendored scorm-again (tests/vendor, tools/vendor.sh): it
  offers the API (SCORM 2004 or 1.2), opens the launch page from the package's manifest in a
  frame, and keeps the CMI data between visits the way an LMS does. In Chromium an answer is
  given, the frame is reloaded with the browser's storage emptied, and the answer comes back
  from the LMS data alone; completion follows the questions; over SCORM 1.2's limit the student
  gets the message and nothing is lost.

The runtime tests build a small fixture book (one chapter with a short exercise and its hand-in
block, one other page); `test_make_scorm_on_the_built_site` packs the real book.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from browser_helpers import offline_tab, run_axe, serve_directory

ROOT = Path(__file__).resolve().parent.parent
VENDOR = Path(__file__).parent / "vendor"
KORT_PATH = Path(__file__).parent / "fixtures" / "frontend" / "kort.yml"
CHAPTER = "chapters/01_test.html"
KORT_KEY = "lsp:v1:kort"

_spec = importlib.util.spec_from_file_location("scorm_tool", ROOT / "tools" / "scorm.py")
scorm = importlib.util.module_from_spec(_spec)
sys.modules["scorm_tool"] = scorm   # dataclasses look their module up
_spec.loader.exec_module(scorm)

NS = {
    "2004": {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
             "type": "scormType", "schema": "2004 4th Edition"},
    "1.2": {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
            "type": "scormtype", "schema": "1.2"},
}
ASSET_ATTRS = re.compile(r"""<(?:script|img|source|iframe|embed)\b[^>]*?\ssrc=["']([^"']+)["']|<link\b[^>]*?\shref=["']([^"']+)["'][^>]*>""", re.I)


# ------------------------------------------------------------------------------------------------
# The manifest check
# ------------------------------------------------------------------------------------------------

def check_package(path: Path) -> dict:
    """Check one package: {"problems": [...], "version", "launches", "scos", "names"}."""
    problems: list[str] = []
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        assert "imsmanifest.xml" in names, f"{path.name}: geen imsmanifest.xml in de hoofdmap"
        root = ET.fromstring(zf.read("imsmanifest.xml"))
        version = "2004" if root.tag == f"{{{NS['2004']['cp']}}}manifest" else "1.2"
        ns = NS[version]
        cp = f"{{{ns['cp']}}}"
        assert root.tag == f"{cp}manifest", f"{path.name}: onbekende namespace {root.tag}"
        schema = root.find(f"{cp}metadata/{cp}schemaversion")
        if schema is None or schema.text != ns["schema"]:
            problems.append(f"schemaversion is not {ns['schema']}")
        ids = [el.get("identifier") for el in root.iter() if el.get("identifier") is not None]
        if len(ids) != len(set(ids)):
            problems.append(f"identifiers not unique: {sorted(i for i in ids if ids.count(i) > 1)}")
        for ident in ids:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", ident):
                problems.append(f"identifier is not an xs:ID: {ident!r}")
        orgs = root.find(f"{cp}organizations")
        default = orgs.get("default")
        org_ids = [o.get("identifier") for o in orgs.findall(f"{cp}organization")]
        if default not in org_ids:
            problems.append(f"default organization {default!r} missing")
        resources = {r.get("identifier"): r for r in root.find(f"{cp}resources").findall(f"{cp}resource")}
        listed: set[str] = set()
        for ident, res in resources.items():
            kind = res.get(f"{{{ns['adlcp']}}}{ns['type']}")
            if kind not in {"sco", "asset"}:
                problems.append(f"resource {ident}: scorm type {kind!r}")
            for f in res.findall(f"{cp}file"):
                listed.add(f.get("href"))
                if f.get("href") not in names:
                    problems.append(f"resource {ident}: file {f.get('href')} not in the zip")
            for dep in res.findall(f"{cp}dependency"):
                if dep.get("identifierref") not in resources:
                    problems.append(f"resource {ident}: dependency {dep.get('identifierref')} missing")
        launches = []
        scos = []
        for item in root.iter(f"{cp}item"):
            ref = item.get("identifierref")
            if ref not in resources:
                problems.append(f"item {item.get('identifier')}: resource {ref!r} missing")
                continue
            if item.find(f"{cp}title") is None or not item.find(f"{cp}title").text:
                problems.append(f"item {item.get('identifier')}: no title")
            href = resources[ref].get("href")
            if not href or href not in names:
                problems.append(f"item {item.get('identifier')}: launch page {href!r} not in the zip")
            launches.append(href)
            if resources[ref].get(f"{{{ns['adlcp']}}}{ns['type']}") == "sco":
                scos.append(href)
        unlisted = names - listed - {"imsmanifest.xml"}
        if unlisted:
            problems.append(f"files in the zip that no resource lists: {sorted(unlisted)[:5]}")
        # Every page's assets are in the zip and local; links go nowhere outside the package.
        for name in names:
            if not name.endswith(".html") or name.startswith("_static/"):   # _static: theme templates
                continue
            html = zf.read(name).decode("utf-8")
            for m in ASSET_ATTRS.finditer(html):
                ref = m.group(1) or m.group(2)
                if re.match(r"(?i)(https?:)?//", ref):
                    if m.group(2) and not re.search(r"rel=[\"'](stylesheet|icon|preload|modulepreload)", m.group(0)):
                        continue
                    problems.append(f"{name}: asset from another host {ref}")
                    continue
                target = scorm._local_target(name, ref)
                if target and target not in names:
                    problems.append(f"{name}: {ref} not in the zip")
            for m in re.finditer(r"<a\b[^>]*?\shref=[\"']([^\"']+)[\"']", html):
                target = scorm._local_target(name, m.group(1))
                if target and target not in names:
                    problems.append(f"{name}: link to {m.group(1)}, not in the package")
    return {"version": version, "problems": problems, "launches": launches, "scos": scos, "names": names}


# ------------------------------------------------------------------------------------------------
# A fixture book and its packages
# ------------------------------------------------------------------------------------------------

def make_book(folder: Path) -> tuple[Path, Path]:
    """A small book: chapters/01_test (the exercise `kort` and its hand-in block), one other
    page. Returns (source folder, built HTML folder)."""
    import nbformat

    from conftest import strict_build, write_book_config

    book = folder / "boek"
    (book / "chapters").mkdir(parents=True)
    specs = folder / "oefeningen"
    specs.mkdir()
    shutil.copy(KORT_PATH, specs / KORT_PATH.name)
    write_book_config(book, "Testboek")
    (book / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nparts:\n  - caption: Hoofdstukken\n    chapters:\n      - file: chapters/01_test\n"
        "  - caption: Naslag\n    chapters:\n      - file: naslag\n", encoding="utf-8")
    (book / "index.md").write_text("# Testboek\n\nVoorpagina.\n", encoding="utf-8")
    (book / "naslag.md").write_text("# Naslag\n\nAlleen tekst.\n", encoding="utf-8")
    widget = "from book.exercises.spec import load_spec\nfrom book.exercises.widget import OefeningWidget\n"
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Hoofdstuk 1 · Testhoofdstuk\n\nZie ook de [naslag](../naslag.md).\n\n## Een oefening"),
            nbformat.v4.new_code_cell(widget + f'OefeningWidget(load_spec(path=r"{KORT_PATH}"))', metadata={"tags": ["remove-input"]}),
            nbformat.v4.new_markdown_cell("## Inleveren"),
            nbformat.v4.new_code_cell(
                f'from pathlib import Path\nfrom book.exercises.handin import inleveren\ninleveren(1, directory=Path(r"{specs}"))',
                metadata={"tags": ["remove-input"]}),
        ],
        metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    )
    nbformat.write(nb, book / "chapters" / "01_test.ipynb")
    build = strict_build(source=book)
    assert build.returncode == 0, build.log[-4000:]
    return book, build.html


@pytest.fixture(scope="module")
def fixture_packages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scorm_boek")
    book, html = make_book(folder)
    paths = scorm.make_packages(html, folder / "scorm", root=book)
    return {p.name: p for p in paths}


def test_fixture_book_gives_a_package_per_chapter_and_version_and_a_book_package(fixture_packages):
    assert sorted(fixture_packages) == ["01_test-scorm12.zip", "01_test-scorm2004.zip", "boek-scorm12.zip", "boek-scorm2004.zip"]
    for name, path in fixture_packages.items():
        facts = check_package(path)
        assert facts["problems"] == [], name
        assert facts["version"] == ("1.2" if "scorm12" in name else "2004")
    chapter = check_package(fixture_packages["01_test-scorm2004.zip"])
    assert chapter["launches"] == [CHAPTER] and chapter["scos"] == [CHAPTER]
    # only what the chapter needs: no other page, no sources, the exercise script is there
    assert not any(n.endswith(".html") and n != CHAPTER for n in chapter["names"])
    assert not any(n.startswith("_sources/") for n in chapter["names"])
    assert "_static/lsp/oefeningen.js" in chapter["names"]
    book = check_package(fixture_packages["boek-scorm12.zip"])
    assert book["launches"] == ["index.html", CHAPTER, "naslag.html"]
    assert book["scos"] == [CHAPTER]


def test_chapter_package_unlinks_pages_it_does_not_hold(fixture_packages):
    """Links to other pages lose their href; every stylesheet and script stays."""
    with zipfile.ZipFile(fixture_packages["01_test-scorm12.zip"]) as zf:
        html = zf.read(CHAPTER).decode("utf-8")
    with zipfile.ZipFile(fixture_packages["boek-scorm12.zip"]) as zf:
        original = zf.read(CHAPTER).decode("utf-8")
    assert scorm._asset_refs(CHAPTER, html) == scorm._asset_refs(CHAPTER, original)
    assert html.count("<link") == original.count("<link") - len(re.findall(r'<link rel="(?:index|search|next|prev)"', original))
    assert 'href="../naslag.html"' not in html
    assert "data-lsp-niet-in-pakket" in html and "naslag" in html   # the text stays
    with zipfile.ZipFile(fixture_packages["boek-scorm12.zip"]) as zf:
        assert 'href="../naslag.html"' in zf.read(CHAPTER).decode("utf-8")


def test_packages_are_reproducible(fixture_packages, tmp_path):
    """The same site gives byte-identical packages (sorted entries, fixed dates)."""
    html = next(iter(fixture_packages.values())).parent.parent / "boek" / "_build" / "html"
    again = {p.name: p for p in scorm.make_packages(html, tmp_path, root=html.parent.parent)}
    assert sorted(again) == sorted(fixture_packages)
    for name, path in again.items():
        assert path.read_bytes() == fixture_packages[name].read_bytes(), name


def test_manifest_check_finds_broken_packages(fixture_packages, tmp_path):
    """The check itself: a missing file, a duplicate identifier and a missing launch page are found."""
    src = fixture_packages["01_test-scorm2004.zip"]
    with zipfile.ZipFile(src) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    manifest = files["imsmanifest.xml"].decode("utf-8")
    cases = {
        "missing file": ({**{k: v for k, v in files.items() if k != "_static/basic.css"}}, manifest),
        "duplicate id": (files, manifest.replace('identifier="res-gedeeld"', 'identifier="res-0"').replace('identifierref="res-gedeeld"', 'identifierref="res-0"')),
        "no launch page": ({k: v for k, v in files.items() if k != CHAPTER}, manifest),
    }
    for label, (content, text) in cases.items():
        bad = tmp_path / f"{label.replace(' ', '_')}.zip"
        with zipfile.ZipFile(bad, "w") as zf:
            for n, data in content.items():
                zf.writestr(n, text if n == "imsmanifest.xml" else data)
        assert check_package(bad)["problems"], label


@pytest.fixture(scope="module")
def site_packages(site, tmp_path_factory) -> list[Path]:
    """`make scorm` on the real, strictly built book."""
    assert site.returncode == 0, site.log[-3000:]
    return scorm.make_packages(site.html, tmp_path_factory.mktemp("scorm_site"))


def test_make_scorm_on_the_built_site(site_packages):
    """The real book: 7 chapters x 2 versions and the whole book, every manifest sound."""
    names = sorted(p.name for p in site_packages)
    chapters, _ = scorm.toc_pages()
    assert len(chapters) == 7
    expected = sorted([f"{Path(c).stem}-{s}.zip" for c in chapters for s in ("scorm2004", "scorm12")]
                      + ["boek-scorm2004.zip", "boek-scorm12.zip"])
    assert names == expected
    for path in site_packages:
        facts = check_package(path)
        assert facts["problems"] == [], (path.name, facts["problems"][:10])
        if path.name.startswith("boek"):
            assert len(facts["scos"]) >= 7
        else:
            assert len(facts["launches"]) == 1 and facts["launches"][0].startswith("chapters/")
            assert not any(n.endswith(".html") and n not in facts["launches"] for n in facts["names"] if not n.startswith("_static/"))


@pytest.mark.browser
@pytest.mark.parametrize("version", ["2004", "1.2"])
def test_every_real_chapter_package_runs_offline_in_the_lms_frame(version, site_packages, browser, tmp_path):
    """Each real chapter package in the LMS frame: every exercise mounts, the LMS hears from the
    page, every request is for a file in the package, no errors."""
    suffix = "scorm2004" if version == "2004" else "scorm12"
    (tmp_path / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    shutil.copy(VENDOR / "scorm-again.min.js", tmp_path / "scorm-again.min.js")
    packages = sorted(p for p in site_packages if p.name.endswith(f"-{suffix}.zip") and not p.name.startswith("boek"))
    assert len(packages) == 7
    with serve_directory(tmp_path) as url:
        for path in packages:
            folder = tmp_path / path.stem
            with zipfile.ZipFile(path) as zf:
                zf.extractall(folder)
            launch = f"{path.stem}/" + check_package(path)["launches"][0]
            with offline_tab(browser) as (page, log):
                page.goto(url + "lms.html")
                page.evaluate("([v, l]) => lmsOpen(v, l)", [version, launch])
                frame = sco_frame(page)
                frame.locator("main").wait_for()
                blocks = frame.locator(".lsp-oefening").count()
                if blocks:
                    page.wait_for_function(
                        "(n) => document.getElementById('sco').contentDocument.querySelectorAll('.lsp-oefening .lsp-oefening-kaart').length === n",
                        arg=blocks)
                    state = wait_lms(page, "s.status === 'incomplete' && s.suspend_data.startsWith('{')")
                    assert len(state["suspend_data"]) < 200, path.name
                requested = [r for r in log.failed_requests]
                assert log.external_requests == [] and requested == [] and log.console_errors == [], (
                    path.name, log.external_requests, requested, log.console_errors)


def test_makefile_has_a_scorm_target():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^scorm:", text, re.M) and "tools/scorm.py" in text


def test_vendored_runtime_is_pinned_and_licensed():
    assert (VENDOR / "scorm-again.min.js").stat().st_size > 100_000
    assert "MIT License" in (VENDOR / "scorm-again.LICENSE").read_text(encoding="utf-8")
    assert re.search(r"SCORM_AGAIN_VERSION=\d+\.\d+\.\d+", (ROOT / "tools" / "vendor.sh").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------------
# The runtime in Chromium, with scorm-again as the LMS
# ------------------------------------------------------------------------------------------------

LMS_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Test-LMS</title>
<script src="scorm-again.min.js"></script></head>
<body><h1>Test-LMS</h1><iframe id="sco" name="sco" title="Lesstof" style="width:1100px;height:800px"></iframe>
<script>
// Plays the LMS: one API per visit of the SCO, loaded with what the LMS kept of the last visit.
window.lms = {versie: null, api: null, bewaard: {suspend_data: "", status: ""}, sessies: 0, exit: null, commits: 0, beeindigd: false};
window.lmsStand = function () {
  const api = lms.api, v12 = lms.versie === "1.2";
  if (!api) return null;
  return {suspend_data: api.cmi.suspend_data || "",
          status: v12 ? api.cmi.core.lesson_status : api.cmi.completion_status,
          exit: lms.exit,
          voortgang: v12 ? null : api.cmi.progress_measure, commits: lms.commits, beeindigd: lms.beeindigd};
};
window.lmsOpen = function (versie, launch) {
  lms.versie = versie;
  const v12 = versie === "1.2";
  const api = v12 ? new Scorm12API({logLevel: 5}) : new Scorm2004API({logLevel: 5});
  const b = lms.bewaard;
  if (b.suspend_data || b.status) {
    api.loadFromJSON(v12 ? {suspend_data: b.suspend_data, core: {lesson_status: b.status}}
                         : {suspend_data: b.suspend_data, completion_status: b.status});
  }
  // cmi.exit is write-only for the SCO: the LMS hears it
  api.on(v12 ? "LMSSetValue.cmi.core.exit" : "SetValue.cmi.exit", (el, v) => { lms.exit = v; });
  api.on(v12 ? "LMSCommit" : "Commit", () => { lms.commits += 1; });
  api.on(v12 ? "LMSFinish" : "Terminate", () => { lms.beeindigd = true; });
  lms.api = api;
  lms.exit = null;
  lms.commits = 0;
  lms.beeindigd = false;
  lms.sessies += 1;
  delete window.API; delete window.API_1484_11;
  window[v12 ? "API" : "API_1484_11"] = api;
  document.getElementById("sco").src = launch;
};
// The visit ends (the frame leaves the page): keep what an LMS keeps.
window.lmsBewaar = function () {
  const s = lmsStand();
  lms.bewaard = {suspend_data: s.suspend_data, status: s.status};
  return s;
};
</script></body></html>
"""


@pytest.fixture(scope="module")
def lms_sites(fixture_packages, tmp_path_factory):
    """Per version: a served folder with the LMS page, scorm-again and the unpacked chapter package."""
    sites = {}
    for version, suffix in (("2004", "scorm2004"), ("1.2", "scorm12")):
        folder = tmp_path_factory.mktemp(f"lms_{suffix}")
        (folder / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
        shutil.copy(VENDOR / "scorm-again.min.js", folder / "scorm-again.min.js")
        with zipfile.ZipFile(fixture_packages[f"01_test-{suffix}.zip"]) as zf:
            zf.extractall(folder / "pakket")
        launch = check_package(fixture_packages[f"01_test-{suffix}.zip"])["launches"][0]
        sites[version] = (folder, "pakket/" + launch)
    return sites


def sco_frame(page):
    return page.frame_locator("#sco")


def open_sco(page, version: str, launch: str) -> None:
    page.evaluate("([v, l]) => lmsOpen(v, l)", [version, launch])
    sco_frame(page).locator(".lsp-oefening .lsp-oefening-kaart").wait_for()
    sco_frame(page).locator(".lsp-inleveren .lsp-inleveren-kaart").wait_for()


def leave_sco(page) -> dict:
    """The student leaves: the frame goes elsewhere (pagehide), the LMS keeps its data."""
    page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    page.wait_for_function("() => { const w = document.getElementById('sco').contentWindow;"
                           " return w.location.href === 'about:blank' && w.document.readyState === 'complete'; }")
    return page.evaluate("() => lmsBewaar()")


def wait_lms(page, predicate: str) -> dict:
    page.wait_for_function(f"() => {{ const s = lmsStand(); return !!s && ({predicate}); }}")
    return page.evaluate("() => lmsStand()")


def k1(page):
    return sco_frame(page).locator('.lsp-oefening [data-vraag="k1"] textarea')


def lms_answers(state: dict) -> dict:
    data = json.loads(state["suspend_data"])
    return data["o"]["kort"][0]


@pytest.mark.browser
@pytest.mark.parametrize("version", ["2004", "1.2"])
def test_answers_go_to_the_lms_and_come_back_from_it(version, lms_sites, browser):
    folder, launch = lms_sites[version]
    with serve_directory(folder) as url:
        with offline_tab(browser) as (page, log):
            page.goto(url + "lms.html")
            open_sco(page, version, launch)
            state = wait_lms(page, "s.status === 'incomplete'")
            assert state["exit"] == "suspend"
            k1(page).fill("Een werker gaat de wijk in.")
            state = wait_lms(page, "s.suspend_data.includes('wijk')")
            assert lms_answers(state) == {"k1": {"tekst": "Een werker gaat de wijk in."}}
            assert state["status"] == "incomplete"          # k2 is still open
            assert len(state["suspend_data"]) < 200          # compact
            kept = leave_sco(page)
            assert "wijk" in kept["suspend_data"]
            assert kept["beeindigd"] and kept["commits"] >= 2   # the start, and leaving the page

            # Another computer: the browser keeps nothing, the LMS gives the answer back.
            page.evaluate("() => localStorage.clear()")
            open_sco(page, version, launch)
            page.wait_for_function("() => document.getElementById('sco').contentDocument"
                                   ".querySelector('[data-vraag=\"k1\"] textarea').value.includes('wijk')")
            assert k1(page).input_value() == "Een werker gaat de wijk in."
            stored = json.loads(page.evaluate(f"() => localStorage.getItem('{KORT_KEY}')"))
            assert stored["antwoorden"]["k1"] == {"tekst": "Een werker gaat de wijk in."}

            # Completion: every question of the chapter complete.
            sco_frame(page).locator('.lsp-oefening [data-vraag="k2"]').get_by_text("De werker.", exact=True).click()
            state = wait_lms(page, "s.status === 'completed'")
            assert set(lms_answers(state)) == {"k1", "k2"}
            if version == "2004":
                assert float(state["voortgang"]) == 1.0
            k1(page).fill("")
            wait_lms(page, "s.status === 'incomplete'")
            assert sco_frame(page).locator(".lsp-scorm-melding").count() == 0
            assert page.evaluate("() => lms.sessies") == 2
            assert log.external_requests == [] and log.failed_requests == [], (log.external_requests, log.failed_requests)
            assert log.console_errors == []


@pytest.mark.browser
def test_over_the_scorm12_limit_the_student_is_told_and_nothing_is_lost(lms_sites, browser):
    folder, launch = lms_sites["1.2"]
    long_text = "Lang antwoord. " + "Ik schrijf veel over de wijk en de buren. " * 120   # > 4096 characters
    assert len(long_text) > 4096
    with serve_directory(folder) as url:
        with offline_tab(browser) as (page, log):
            page.goto(url + "lms.html")
            open_sco(page, "1.2", launch)
            k1(page).fill("Kort begin.")
            before = wait_lms(page, "s.suspend_data.includes('Kort begin')")
            k1(page).fill(long_text)
            melding = sco_frame(page).locator(".lsp-scorm-melding").first
            melding.wait_for()
            assert "Inleveren" in melding.inner_text() and "4.096 tekens" in melding.inner_text()
            assert melding.get_attribute("role") == "alert"
            # shown above every exercise and above the hand-in block, and accessible
            assert sco_frame(page).locator(".lsp-inleveren > .lsp-scorm-melding").count() == 1
            assert sco_frame(page).locator(".lsp-oefening > .lsp-scorm-melding").count() == 1
            assert run_axe(page.frame(name="sco") or page.frames[1]) == []
            # The LMS keeps its last copy that fitted, never a cut-off one; the browser has it all.
            page.wait_for_function(f"() => (JSON.parse(localStorage.getItem('{KORT_KEY}')) || {{antwoorden: {{}}}})"
                                   f".antwoorden.k1?.tekst?.length === {len(long_text)}")
            state = page.evaluate("() => lmsStand()")
            assert state["suspend_data"] == before["suspend_data"]
            assert len(state["suspend_data"]) <= 4096
            # The hand-in block still exports the whole answer.
            kept = leave_sco(page)
            assert "Kort begin" in kept["suspend_data"]

            open_sco(page, "1.2", launch)          # same browser: the newer local answer wins
            page.wait_for_function("() => document.getElementById('sco').contentDocument"
                                   f".querySelector('[data-vraag=\"k1\"] textarea').value.length === {len(long_text)}")
            assert k1(page).input_value() == long_text
            sco_frame(page).locator(".lsp-scorm-melding").first.wait_for()
            # Back under the limit: the message goes and the LMS gets the answer.
            k1(page).fill("Toch korter.")
            wait_lms(page, "s.suspend_data.includes('Toch korter')")
            sco_frame(page).locator(".lsp-scorm-melding").first.wait_for(state="detached")
            assert log.external_requests == [] and log.failed_requests == []
            assert log.console_errors == []


@pytest.mark.browser
def test_outside_an_lms_the_packaged_page_works_as_on_the_site(lms_sites, browser):
    folder, launch = lms_sites["2004"]
    with serve_directory(folder) as url:
        with offline_tab(browser) as (page, log):
            page.goto(url + launch)
            page.locator(".lsp-oefening .lsp-oefening-kaart").wait_for()
            page.locator('.lsp-oefening [data-vraag="k1"] textarea').fill("Zonder leeromgeving.")
            page.wait_for_function(f"() => (localStorage.getItem('{KORT_KEY}') || '').includes('Zonder leeromgeving')")
            assert page.locator(".lsp-scorm-melding").count() == 0
            assert page.evaluate("() => typeof window.API === 'undefined' && typeof window.API_1484_11 === 'undefined'")
            assert log.external_requests == [] and log.failed_requests == [] and log.console_errors == []
