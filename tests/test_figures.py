"""Figures: one registry; deterministic SVG with real text; bounds drawn and written as bounds;
data tables a student can read; legible at 390 px in Chromium; colours that are really used.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from book import figures  # noqa: E402
from book.figures import FIGURES, draw, figure_bytes, figure_html, figuur, table_html  # noqa: E402

NAMES = sorted(FIGURES)
REQUIRED = {"h0_themas_praktijken", "h0_tijdlijn", "h1_partnernetwerk", "h1_balanceerkunsten", "h2_conferenties",
            "h2_kosten_per_conferentie", "h3_bezoekers_herkomst", "h3_niet_westers", "h3_personeel", "h4_wijken",
            "h5_trechter_overschie", "h5_beleidstijdlijn", "h6_bijeenkomsten"}
ROOT = Path(__file__).resolve().parent.parent
PHONE_COLUMN_PX = 340      # article width at a 390 px viewport (measured: 342 px in the built site)
MIN_PX = 11.0


def _draw_svg(name: str) -> bytes:
    fig = draw(name)
    try:
        return figure_bytes(fig, "svg")
    finally:
        plt.close(fig)


@functools.cache
def _svg(name: str) -> bytes:
    """One rendering per figure for the tests that only read it (determinism draws afresh)."""
    return _draw_svg(name)


@functools.cache
def _figure_html(name: str) -> str:
    return figure_html(name, "alt")


def _visible_text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: no tags, no attributes (titles are tooltips)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


# --- registry ---------------------------------------------------------------------------------

def test_all_required_figures_registered() -> None:
    assert REQUIRED <= set(FIGURES)


@pytest.mark.parametrize("name", NAMES)
def test_one_registry_entry_has_everything(name: str) -> None:
    f = FIGURES[name]
    assert f.naam == name and f.bijschrift and f.tabel.kop
    rows = f.gegevens()
    assert len(rows) > 0
    assert all(len(f.tabel.rij(r)) == len(f.tabel.kop) for _, r in rows.iterrows())


def test_registering_a_name_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="al in het register"):
        figures.figuur_def("h3_personeel", "h3_house_of_hope", "x", figures.GETALLEN)(lambda df: None)


def test_unknown_figure() -> None:
    with pytest.raises(KeyError, match="Onbekende figuur"):
        draw("h9_bestaat_niet")


# --- SVG: text as text, deterministic, small, safe to inline ----------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_svg_renders_without_warnings_and_deterministically(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first, second = _draw_svg(name), _draw_svg(name)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    assert b"<dc:date>" not in first and b"Matplotlib" not in first
    assert plt.get_fignums() == []


@pytest.mark.parametrize("name", NAMES)
def test_text_is_text_not_glyph_outlines(name: str) -> None:
    svg = _svg(name).decode()
    assert "<text" in svg
    assert 'id="DejaVuSans' not in svg                   # no glyphs drawn as paths
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert any(len(t) > 3 for t in texts)


@pytest.mark.parametrize("name", NAMES)
def test_figure_is_designed_for_a_phone(name: str) -> None:
    """Every text size, scaled from the natural width to a phone's column, is at least 11 px."""
    inline = figures.inline_svg(_svg(name), name, "alt")
    natural = float(re.search(r"max-width:(\d+)px", inline).group(1))
    sizes = [float(s) for s in re.findall(r"font-size: ?([\d.]+)px", inline)]
    assert sizes and natural > 0
    smallest_pt = min(sizes)       # user units of matplotlib's SVG are points
    assert smallest_pt * 4 / 3 * min(1.0, PHONE_COLUMN_PX / natural) >= MIN_PX


@pytest.mark.parametrize("name", NAMES)
def test_svg_stays_small_enough_to_inline(name: str) -> None:
    inline = figures.inline_svg(_svg(name), name, "alt")
    assert len(inline.encode()) <= figures.SVG_BUDGET


def test_inline_svgs_share_a_page_safely() -> None:
    """All figures on one page: ids unique, every reference resolves, no page-wide CSS rule."""
    page = "".join(figures.inline_svg(_svg(n), n, "alt") for n in NAMES)
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    refs = set(re.findall(r"url\(#([^)]+)\)", page)) | set(re.findall(r'href="#([^"]+)"', page))
    assert refs <= set(ids)
    assert "<style" not in page and "<?xml" not in page and "<metadata" not in page


# --- bounds -----------------------------------------------------------------------------------

def _bars(fig) -> list[Rectangle]:
    return [p for p in fig.vlak.patches if isinstance(p, Rectangle) and p.get_height() < 20]


def test_lower_bound_is_a_filled_bar_with_an_arrow_past_its_end() -> None:
    fig = draw("h3_personeel")
    try:
        bars = sorted(_bars(fig), key=lambda p: p.get_width())
        staff, volunteers = bars[0], bars[-1]                       # 11 and 'meer dan 200'
        assert staff.get_width() / volunteers.get_width() == pytest.approx(11 / 200)  # the bar ends at the bound
        end = volunteers.get_x() + volunteers.get_width()
        arrows = [t for t in fig.vlak.texts if getattr(t, "arrow_patch", None) is not None]
        assert len(arrows) == 1
        (x_to, _), (x_from, _) = arrows[0].xy, arrows[0].xyann
        assert x_from == pytest.approx(end) and x_to > end          # points past the bound
        assert volunteers.get_facecolor()[:3] != (1.0, 1.0, 1.0)
        texts = [t.get_text() for t in fig.vlak.texts]
        assert "meer dan 200" in texts and "11" in texts
        assert fig.soorten == ["exact", "ondergrens"]
    finally:
        plt.close(fig)


def test_upper_bound_is_an_open_dashed_bar_with_a_stop_line_and_an_arrow_back() -> None:
    fig = draw("h2_conferenties")
    try:
        at_most = [p for p in _bars(fig) if p.get_facecolor()[:3] == (1.0, 1.0, 1.0)]
        assert at_most and all(p.get_linestyle() != "solid" for p in at_most)
        for bar in at_most:
            end = bar.get_x() + bar.get_width()
            stops = [ln for ln in fig.vlak.lines if list(ln.get_xdata()) == [end, end]]
            assert stops, "geen streep op de grens"
            back = [t for t in fig.vlak.texts if getattr(t, "arrow_patch", None) is not None
                    and t.xyann[0] < end + 1e-6 and t.xy[0] < t.xyann[0]]
            assert back, "geen pijl terug vanaf de grens"
        texts = [t.get_text() for t in fig.vlak.texts]
        assert texts.count("hoogstens 50") == 2 and "minder dan 39 (berekend)" in texts
        assert "onbekend" in texts
    finally:
        plt.close(fig)


def test_key_in_words_names_every_bar_style_used_and_describes_the_image() -> None:
    out = figure_html("h2_kosten_per_conferentie", "Staafdiagram")
    key_id = re.search(r'aria-describedby="([^"]+)"', out).group(1)
    key = re.search(rf'<div class="lsp-figuur-sleutel" id="{key_id}"[^>]*>(.*?)</div>', out, re.S).group(1)
    words = _visible_text(key)
    assert "meer dan" in words and "hoogstens" in words and "ongeveer" in words
    assert "gevulde staaf: het getal uit de bron" not in words      # only the styles drawn
    plain = figure_html("h0_tijdlijn", "Tijdlijn")
    assert "aria-describedby" not in plain and "lsp-figuur-sleutel" not in plain


# --- data tables ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_table_html_is_accessible_and_readable(name: str) -> None:
    out = table_html(name)
    assert out.startswith("<details") and "<summary>Gegevens bij deze figuur</summary>" in out
    assert "<caption" in out and '<th scope="col">' in out and '<th scope="row"' in out
    seen = _visible_text(out)
    assert re.search(r"\b(H[1-6]|Inleiding), ", seen), "geen leesbare bronplaats"
    assert not re.search(r"\bh[0-6]_[a-z]", seen), "variabelenaam in de tabel"
    assert ".csv" not in seen and "README" not in seen and "data/" not in seen
    assert not re.search(r"\bregels? \d", seen)


def test_table_keeps_qualifiers_and_units_in_words() -> None:
    seen = _visible_text(table_html("h2_conferenties"))
    assert "meer dan 450 conferenties" in seen and "hoogstens 50 conferenties" in seen
    assert "minder dan 30%" in seen and "minder dan 39 conferenties (berekend)" in seen
    assert "Een bovengrens" in seen and "Een ondergrens" in seen


def test_derived_numbers_are_explained_in_a_sentence_from_row_labels() -> None:
    seen = _visible_text(table_html("h2_kosten_per_conferentie"))
    assert ("Door ons berekend: ‘kosten van één conferentie, meestal betaald door gemeente of instelling’ "
            "(ongeveer 4.000 euro) gedeeld door ‘deel van de armoede-conferenties dat in 2013 werkelijk "
            "doorging’ (minder dan 30%). In getallen: 4.000 / 0,30 = 13.333.") in seen
    assert "Aanname: alle ingekochte conferenties zijn betaald." in seen
    rest = _visible_text(table_html("h3_bezoekers_herkomst"))
    assert ("Door ons berekend: 100 min (‘Afrikaans’ (33%) plus ‘Nederlands’ (22%) plus ‘Antilliaans’ (15%) plus "
            "‘Midden-, Zuid- of Oost-Europees’ (11%) plus ‘Marokkaans’ (11%)). In getallen: 100 - 92 = 8.") in rest


def test_source_line_is_a_tooltip_for_students_and_small_print_for_teachers(monkeypatch) -> None:
    student = table_html("h3_personeel")
    assert 'title="regel 1698 van de brontekst"' in student
    assert "regel 1698" not in _visible_text(student)
    assert "H3, § Religieus geïnspireerde praktijken" in _visible_text(student)
    monkeypatch.setenv("LSP_EDITIE", "docent")
    assert "regel 1698 van de brontekst" in _visible_text(table_html("h3_personeel"))


# --- figuur(): what a chapter cell shows ------------------------------------------------------

def test_figuur_displays_one_output_with_inline_svg_and_table(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import json

    import IPython.display as ipd

    cell = {"cell_type": "code", "source": ['figuur("h2_conferenties")'],
            "metadata": {"mystnb": {"image": {"alt": "Staafdiagram <conferenties>"}}}}
    (tmp_path / "h.ipynb").write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown: list[tuple[object, dict]] = []
    monkeypatch.setattr(ipd, "display", lambda obj, **kw: shown.append((obj, kw)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figuur("h2_conferenties")
    assert len(shown) == 1                      # one output: the figure caption wraps it once
    bundle, kw = shown[0]
    assert kw == {"raw": True}
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    page = bundle["text/html"]
    assert "data:image/png" not in page and "base64" not in page
    assert page.index("<svg") < page.index("lsp-figuur-sleutel") < page.index("<details")
    assert 'role="img" aria-label="Staafdiagram &lt;conferenties&gt;"' in page
    assert "Bron: <i>Lerende sociale professionals</i> (2015), H2, § " in page
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert plt.get_fignums() == []


def test_figuur_alt_falls_back_to_caption(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import IPython.display as ipd

    monkeypatch.chdir(tmp_path)
    shown: list[dict] = []
    monkeypatch.setattr(ipd, "display", lambda obj, **kw: shown.append(obj))
    figuur("h3_personeel")
    assert 'aria-label="Betaalde krachten en vrijwilligers van House of Hope;' in shown[0]["text/html"]


# --- colours actually used --------------------------------------------------------------------

def _is_allowed(colour: str) -> bool:
    """Okabe-Ito, a tint of it (mixed with white), or a neutral grey."""
    c = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    if max(c) - min(c) <= 2:
        return True
    for base_hex in figures.OKABE_ITO.values():
        b = [int(base_hex[i:i + 2], 16) for i in (1, 3, 5)]
        ts = [(ci - bi) / (255 - bi) for ci, bi in zip(c, b) if bi < 255]
        if all(ci == 255 for ci, bi in zip(c, b) if bi == 255) and ts and min(ts) >= -0.01 \
                and max(ts) - min(ts) <= 0.02:
            return True
    return False


def _colours(svg: str) -> set[str]:
    found = set()
    for m in re.findall(r"(?:fill|stroke|stop-color|color)[=:]\s*\"?(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", svg):
        m = m.lower()
        found.add(m if len(m) == 7 else "#" + "".join(ch * 2 for ch in m[1:]))
    return found


def test_palette_check_rejects_other_colours() -> None:
    assert not _is_allowed("#1f77b4") and not _is_allowed("#ff0000")      # matplotlib's default blue
    assert _is_allowed("#0072b2") and _is_allowed("#bbbbbb") and _is_allowed("#a6ddce")


def test_colours_used_in_every_figure_are_colour_blind_safe() -> None:
    used: dict[str, set[str]] = {}
    for name in NAMES:
        out = _figure_html(name)
        for colour in _colours(out):
            used.setdefault(colour, set()).add(name)
    assert used, "geen kleuren gevonden: de test leest de SVG niet"
    bad = {c: sorted(n) for c, n in used.items() if not _is_allowed(c)}
    assert bad == {}


def test_colours_of_the_class_view_chart_are_colour_blind_safe() -> None:
    from book import klas

    # a class of one: the example answer file, with its exercise from the class-view fixtures
    fixtures = Path(__file__).parent / "fixtures"
    ax = klas.plot_stellingen(klas.lees_map(fixtures / "answers", oefeningen_map=fixtures / "klas"))
    try:
        buf = __import__("io").BytesIO()
        ax.figure.savefig(buf, format="svg")
        colours = _colours(buf.getvalue().decode())
    finally:
        plt.close(ax.figure)
    assert len(colours) >= 5
    assert {c for c in colours if not _is_allowed(c)} == set()


# --- in the browser: a fixture book with every figure, at phone and desktop width -------------

def make_figure_book(folder: Path) -> Path:
    """A book with the project's config and extension and one page with every figure cell."""
    import nbformat

    from conftest import strict_build, write_book_config

    book = folder / "boek"
    book.mkdir()
    write_book_config(book, "Figuren")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    cells = [nbformat.v4.new_markdown_cell("# Alle figuren")]
    for name in NAMES:
        meta = {"tags": ["remove-input"],
                "mystnb": {"figure": {"caption": f"Bijschrift bij {name}.", "name": f"fig-{name.replace('_', '-')}"},
                           "image": {"alt": f"Beschrijving van de figuur {name} voor wie haar niet ziet."}}}
        cells.append(nbformat.v4.new_markdown_cell(f"## {name}"))
        cells.append(nbformat.v4.new_code_cell(f'from book.figures import figuur\nfiguur("{name}")', metadata=meta))
    nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"display_name": "Python 3",
                                                                        "language": "python", "name": "python3"}})
    nbformat.write(nb, book / "index.ipynb")
    build = strict_build(source=book)
    assert build.returncode == 0, build.log[-4000:]
    return build.html


@pytest.fixture(scope="module")
def figure_site(tmp_path_factory):
    from browser_helpers import serve_directory

    html_dir = make_figure_book(tmp_path_factory.mktemp("lsp_figuren"))
    with serve_directory(html_dir) as url:
        yield url, html_dir


# Per figure: the smallest rendered text (font size in CSS px after all scaling), whether the
# SVG sticks out of the page, and its accessible name.
MEASURE = """() => [...document.querySelectorAll('svg.lsp-figuur-svg')].map(svg => {
  let smallest = Infinity;
  for (const t of svg.querySelectorAll('text')) {
    const m = t.getScreenCTM();
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    smallest = Math.min(smallest, px);
  }
  const r = svg.getBoundingClientRect();
  return {name: svg.closest('.lsp-figuur').dataset.figuur, smallest, right: r.right,
          width: document.documentElement.clientWidth, label: svg.getAttribute('aria-label') || ''};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport, scheme", [((390, 844), "light"), ((390, 844), "dark"), ((1366, 900), "light")],
                         ids=["telefoon", "telefoon-donker", "desktop"])
def test_figures_are_legible_in_the_browser(browser, figure_site, viewport, scheme) -> None:
    from browser_helpers import offline_page, run_axe

    url, html_dir = figure_site
    page, log = offline_page(browser, viewport={"width": viewport[0], "height": viewport[1]}, color_scheme=scheme)
    try:
        page.goto(url + "index.html")
        rows = page.evaluate(MEASURE)
        assert sorted(r["name"] for r in rows) == NAMES
        too_small = {r["name"]: round(r["smallest"], 1) for r in rows if r["smallest"] < MIN_PX}
        assert too_small == {}
        assert all(r["right"] <= r["width"] + 0.5 for r in rows), "figuur breder dan het scherm"
        assert all(r["label"].startswith("Beschrijving van de figuur") for r in rows)
        page.locator("details.lsp-figuurgegevens summary").first.click()
        assert page.locator("details.lsp-figuurgegevens table").first.is_visible()
        for details in page.locator("details.lsp-figuurgegevens").all():   # axe checks the open tables too
            details.evaluate("e => e.open = true")
        assert run_axe(page) == []
        assert log.external_requests == [] and log.console_errors == [] and log.failed_requests == []
    finally:
        page.context.close()
    text = (html_dir / "index.html").read_text(encoding="utf-8")
    assert "data:image/png" not in text


@pytest.mark.browser
def test_chapter_pages_carry_no_base64_png_figures(figure_site) -> None:
    _, html_dir = figure_site
    text = (html_dir / "index.html").read_text(encoding="utf-8")
    assert text.count('class="lsp-figuur-svg"') == len(NAMES)
    assert not re.search(r"data:image/(png|jpeg);base64", text)
