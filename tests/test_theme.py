"""The theme around the pages (issues 9 and 13).

1. Navigation: one ☰ and one "Inhoud" button that work on phone, tablet and desktop; no top bar
   with a second search box; no page scrolls sideways at 390 px.
2. Dutch: no English theme string in any page's text or announced attributes.
3. A local favicon and a Dutch footer with source and licence.
4. Light pages: no Font Awesome; the search index only on the search page; a byte budget.
5. Dark mode, axe in light and dark, the book opened from disk.

These tests use the session's one strict build (`site`, conftest.py) and one browser, like
test_site.py; run them together so the site is built once.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from test_site import PAGES

CHAPTERS = [p for p in PAGES if p.startswith("chapters/")]
CHAPTER = "chapters/01_outreach_mda"
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}
DESKTOP = {"width": 1366, "height": 900}


def _html(site, page_name: str) -> str:
    return (site.html / f"{page_name}.html").read_text(encoding="utf-8")


def _touch_page(browser, viewport):
    from browser_helpers import offline_tab

    return offline_tab(browser, viewport=viewport, is_mobile=True, has_touch=True, device_scale_factor=2)


# --- 1. Navigation -------------------------------------------------------------------------


class _ClassCounter(HTMLParser):
    def __init__(self, *classes: str) -> None:
        super().__init__()
        self.counts = dict.fromkeys(classes, 0)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        for name in self.counts:
            if name in classes:
                self.counts[name] += 1


@pytest.mark.parametrize("page_name", PAGES)
def test_one_menu_button_one_contents_button_and_no_top_bar(site, page_name):
    """The theme's scripts bind to the first .primary-toggle/.secondary-toggle of a page. The
    top bar held hidden twins of both (and a second search box), so the visible buttons were
    dead. Now each exists once, and the only search field outside the search dialog is the
    one in the menu."""
    counter = _ClassCounter("primary-toggle", "secondary-toggle", "search-button-field", "navbar-persistent--container")
    counter.feed(_html(site, page_name))
    assert counter.counts["primary-toggle"] == 1
    assert counter.counts["secondary-toggle"] <= 1
    assert counter.counts["search-button-field"] <= 1
    assert counter.counts["navbar-persistent--container"] == 0


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["telefoon", "tablet"])
def test_menu_and_contents_open_by_touch_and_keyboard(viewport, site_url, browser):
    """Below 992 px: ☰ opens the chapter menu, a chapter in it can be tapped; "Inhoud" opens
    the contents of the page; Escape closes both and focus returns to the button."""
    with _touch_page(browser, viewport) as (page, log):
        page.goto(site_url + CHAPTER + ".html", wait_until="networkidle")
        menu_link = page.locator(".bd-sidebar-primary a, #pst-primary-sidebar-modal a").filter(
            has_text="Hoofdstuk 2"
        )
        assert not menu_link.first.is_visible()

        menu = page.locator(".primary-toggle")
        menu.tap()
        page.wait_for_function("() => document.getElementById('pst-primary-sidebar-modal').open")
        link = page.locator("#pst-primary-sidebar-modal a").filter(has_text="Hoofdstuk 2").first
        link.wait_for(state="visible")
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('pst-primary-sidebar-modal').open")
        assert page.evaluate("() => document.activeElement.classList.contains('primary-toggle')")

        contents = page.locator(".secondary-toggle")
        assert "Inhoud" in contents.inner_text()
        contents.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('pst-secondary-sidebar-modal').open")
        page.locator("#pst-secondary-sidebar-modal a").filter(has_text="Casus Abiba").first.wait_for(state="visible")
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('pst-secondary-sidebar-modal').open")

        menu.tap()
        page.locator("#pst-primary-sidebar-modal a").filter(has_text="Hoofdstuk 2").first.tap()
        page.wait_for_url(re.compile(r"02_eigen_kracht\.html"))
        assert log.console_errors == [] and log.external_requests == []


@pytest.mark.browser
def test_menu_button_hides_and_shows_the_sidebar_on_desktop(site_url, browser):
    from browser_helpers import offline_tab

    with offline_tab(browser, viewport=DESKTOP) as (page, log):
        page.goto(site_url + CHAPTER + ".html", wait_until="networkidle")
        sidebar = page.locator("#pst-primary-sidebar")
        assert sidebar.is_visible()
        page.locator(".primary-toggle").click()
        page.wait_for_function("() => document.getElementById('pst-primary-sidebar').offsetWidth === 0 || "
                               "getComputedStyle(document.getElementById('pst-primary-sidebar')).visibility === 'hidden'")
        page.locator(".primary-toggle").click()
        sidebar.locator("a").filter(has_text="Hoofdstuk 2").first.wait_for(state="visible")
        assert log.console_errors == []


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_phone(site_url, browser):
    """At 390 px no page is wider than the screen. Wide tables scroll inside their own box
    (figure data, workbook grids); the page itself does not. Measured against the layout
    viewport (clientWidth): a phone zooms out to fit an over-wide page, so innerWidth grows
    with the overflow and would hide it."""
    too_wide = {}
    with _touch_page(browser, PHONE) as (page, log):
        for page_name in PAGES:
            page.goto(site_url + page_name + ".html", wait_until="networkidle")
            widths = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.documentElement.clientWidth, innerWidth]"
            )
            if widths[0] > PHONE["width"] or widths[1] > PHONE["width"]:
                too_wide[page_name] = widths
        assert too_wide == {}
        assert log.console_errors == []


@pytest.mark.browser
def test_a_long_dutch_word_in_a_heading_wraps_on_a_phone(site_url, browser):
    """Dutch compounds can be longer than a phone is wide at heading size; they must wrap."""
    with _touch_page(browser, PHONE) as (page, _):
        page.goto(site_url + CHAPTER + ".html", wait_until="networkidle")
        page.evaluate(
            """() => {
                const word = 'ervaringsdeskundigheidsbevorderingsprogrammacoördinatoren';
                document.querySelector('.bd-article h1').append(' ' + word);
                document.querySelector('.bd-article h2').append(' ' + word);
                document.querySelector('.prev-next-title').append(' ' + word);
            }"""
        )
        width = page.evaluate("() => document.scrollingElement.scrollWidth")
        assert width <= PHONE["width"]
        # the theme hides what overflows a prev/next link: nothing may be cut off there either
        clipped = page.evaluate(
            "() => [...document.querySelectorAll('.prev-next-area a')].filter(a => a.scrollWidth > a.clientWidth + 1)"
            ".map(a => a.className)"
        )
        assert clipped == []


# --- 2. Dutch everywhere a reader sees, hears or prints ------------------------------------

# Strings of Sphinx and the theme that a reader of the English theme would meet. Phrases are
# looked for anywhere in a page's text and in its announced attributes; single words only as a
# whole text or attribute value (so "Index" in a Dutch sentence is fine, aria-label="Main" not).
ENGLISH_PHRASES = [
    "Skip to main content", "Back to top", "Search...", "Search this book", "Search the docs",
    "Color mode", "System Settings", "Toggle primary sidebar", "Toggle secondary sidebar",
    "Toggle navigation", "Site navigation", "Section Navigation", "On this page", "Link to this",
    "previous page", "next page", "Download this page", "Download source file",
    "Download notebook file", "Print to PDF", "Fullscreen mode", "Please activate JavaScript",
    "Search Results", "Hide Search Matches", "Copy to clipboard", "Click to expand",
    "Click to collapse", "Expand Sidebar", "Collapse Sidebar", "Version warning", "Show code cell",
    "Hide code cell", "Table of Contents", "Last updated on", "Created using", "Theme by",
    "By Leer-", "Door Leer-", "Copyright",
]
ENGLISH_WORDS = {
    "main", "page", "light", "dark", "search", "contents", "next", "previous", "home",
    "breadcrumb", "announcement", "navigation", "copy", "copied!", "by", "edit", "error",
    ".ipynb", ".pdf", "download", "launch", "fullscreen",
}
ANNOUNCED = ("aria-label", "title", "placeholder", "alt", "data-bs-title", "aria-description", "aria-roledescription")


class _ReaderText(HTMLParser):
    """What a reader sees, hears or prints of the theme: text outside script/style (and outside
    code, which is the author's), and announced attributes."""

    SILENT = {"script", "style", "template", "code", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.silent = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SILENT:
            self.silent += 1
        for name, value in attrs:
            if name in ANNOUNCED and value and value.strip():
                self.texts.append(value.strip())

    def handle_endtag(self, tag):
        if tag in self.SILENT and self.silent:
            self.silent -= 1

    def handle_data(self, data):
        if not self.silent and data.strip():
            self.texts.append(" ".join(data.split()))


def english_strings(texts: list[str]) -> list[str]:
    hits = []
    for text in texts:
        hits += [f"{phrase!r} in {text[:80]!r}" for phrase in ENGLISH_PHRASES if phrase.lower() in text.lower()]
        if text.lower() in ENGLISH_WORDS:
            hits.append(repr(text))
    return hits


def test_english_scan_finds_the_strings_of_the_english_theme():
    """Positive control: the scan finds what the English theme writes."""
    english = (
        '<a href="#main-content">Skip to main content</a><nav aria-label="Main"></nav>'
        '<button title="Toggle primary sidebar"></button><input placeholder="Search...">'
        '<span class="btn__text-container">.ipynb</span><script>var x = "Back to top";</script>'
    )
    reader = _ReaderText()
    reader.feed(english)
    assert len(english_strings(reader.texts)) == 5


def test_no_english_theme_strings_on_any_page(site):
    """Every built page: its visible and printed text and every announced attribute (aria-label,
    title, placeholder, alt, tooltip) holds none of the English theme strings."""
    found = {}
    pages = [p for p in site.html.rglob("*.html") if "_static" not in p.relative_to(site.html).parts]
    assert len(pages) >= len(PAGES)
    for path in sorted(pages):
        reader = _ReaderText()
        reader.feed(path.read_text(encoding="utf-8"))
        hits = english_strings(reader.texts)
        if hits:
            found[str(path.relative_to(site.html))] = sorted(set(hits))
    assert found == {}


@pytest.mark.browser
def test_no_english_after_the_scripts_ran_and_a_search(site_url, browser):
    """What scripts add (search results, tooltips, copy buttons) is Dutch too."""
    from browser_helpers import offline_tab

    with offline_tab(browser, viewport=DESKTOP) as (page, log):
        hits = {}
        for url in (CHAPTER + ".html", "search.html?q=zorgmijder"):
            page.goto(site_url + url, wait_until="networkidle")
            if url.startswith("search"):
                page.locator("#search-results li").first.wait_for()
            else:
                page.locator(".theme-switch-button").hover()
                page.locator(".tooltip").first.wait_for()
            texts = page.evaluate(
                """(names) => {
                    const out = [];
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    while (walker.nextNode()) {
                        const n = walker.currentNode, tag = n.parentElement && n.parentElement.tagName;
                        if (!['SCRIPT', 'STYLE', 'TEMPLATE', 'CODE', 'PRE'].includes(tag) && !(n.parentElement && n.parentElement.closest('code, pre')) && n.data.trim())
                            out.push(n.data.trim().replace(/\\s+/g, ' '));
                    }
                    for (const el of document.querySelectorAll('*'))
                        for (const name of names)
                            if (el.getAttribute(name) && el.getAttribute(name).trim()) out.push(el.getAttribute(name).trim());
                    return out;
                }""",
                list(ANNOUNCED),
            )
            if english_strings(texts):
                hits[url] = sorted(set(english_strings(texts)))
        assert hits == {}
        assert log.console_errors == []


# --- 3. Favicon and footer -------------------------------------------------------------------


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.icons: list[str] = []
        self.footer: list[str] = []
        self.in_footer = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "icon" in (attrs.get("rel") or "").split():
            self.icons.append(attrs.get("href") or "")
        if "lsp-footer" in (attrs.get("class") or "").split():
            self.in_footer = 1
        elif self.in_footer and tag == "div":
            self.in_footer += 1

    def handle_endtag(self, tag):
        if self.in_footer and tag == "div":
            self.in_footer -= 1

    def handle_data(self, data):
        if self.in_footer:
            self.footer.append(data)


@pytest.mark.parametrize("page_name", PAGES)
def test_every_page_has_a_local_favicon_and_a_dutch_footer_with_source_and_licence(site, page_name):
    from urllib.parse import unquote

    head = _Head()
    head.feed(_html(site, page_name))
    # inline: no request that could fail, 404 (favicon.ico) or be aborted, from a server or disk
    assert len(head.icons) == 1
    assert head.icons[0].startswith("data:image/svg+xml,") and "#" not in head.icons[0]  # "#" would end it
    assert unquote(head.icons[0]).split(",", 1)[1].startswith("<svg")
    footer = " ".join(" ".join(head.footer).split())
    assert "Bron:" in footer and "Lerende sociale professionals" in footer and "Wmo-werkplaats Rotterdam" in footer
    assert "Licentie:" in footer and "©" in footer
    assert "Door Leer-" not in footer and "By " not in footer


# --- 4. Light pages: no icon font, search index only where it is used, a byte budget --------

# Issue 13's goal: a chapter page loads at most 1.0 MB uncompressed with a cold cache (it was
# about 2.9 MB, half of it fontawesome.js). The scripts of any page stay within 350 kB (now about
# 250 kB: about 110 kB of the theme, about 100 kB of exercises, the rest Sphinx and its
# extensions); the search page may add its index on top.
CHAPTER_PAGE_BUDGET = 1_000_000
SCRIPT_BUDGET = 350_000
SEARCH_FILES = ("searchindex.js", "searchtools.js", "language_data.js")


def test_no_page_refers_to_font_awesome_and_the_site_carries_none_of_it(site):
    pages = [p for p in site.html.rglob("*.html") if "_static" not in p.relative_to(site.html).parts]
    offenders = [str(p.relative_to(site.html)) for p in pages if "fontawesome" in p.read_text(encoding="utf-8").lower()]
    assert offenders == []
    assert sorted(str(p.relative_to(site.html)) for p in site.html.rglob("*fontawesome*")) == []
    assert list(site.html.rglob("fa-*.woff2")) == []
    assert list(site.html.rglob("*webpack-macros.html")) == []  # theme sources, 404 bait in the review
    theme_css = (site.html / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert "@font-face" not in theme_css or "Font Awesome" not in theme_css.split("@font-face", 1)[1]


def test_the_site_carries_no_source_maps_and_no_reference_to_one(site):
    """The theme's .map files (1.8 MB, a third of the site) serve only developer tools: not in
    the site, the zip or the SCORM packages, and no script or stylesheet points to a missing one."""
    assert sorted(str(p.relative_to(site.html)) for p in site.html.rglob("*.map")) == []
    assets = [*site.html.rglob("*.js"), *site.html.rglob("*.css")]
    assert len(assets) > 10
    assert [str(p.relative_to(site.html)) for p in assets if "sourceMappingURL" in p.read_text(encoding="utf-8")] == []
    assert (site.html / "_static" / "scripts" / "bootstrap.js").stat().st_size > 10_000   # the script itself stays


def test_the_search_index_is_loaded_only_by_the_search_page(site):
    pages = [p for p in site.html.rglob("*.html") if "_static" not in p.relative_to(site.html).parts]
    loading = sorted(
        str(p.relative_to(site.html))
        for p in pages
        if any(re.search(rf'src="[^"]*{re.escape(name)}', p.read_text(encoding="utf-8")) for name in SEARCH_FILES)
    )
    assert loading == ["search.html"]


def test_extension_assets_only_on_pages_that_use_them(site):
    """The copy button (code blocks) and sphinx-design (components): only where a page has them."""
    needs = {"copybutton.js": "<pre", "clipboard.min.js": "<pre", "sphinx-design.min.css": "sd-", "design-tabs.js": "sd-"}
    pages = [p for p in site.html.rglob("*.html") if "_static" not in p.relative_to(site.html).parts]
    needless = {}
    for path in pages:
        text = path.read_text(encoding="utf-8")
        body = text.split('<article class="bd-article">', 1)[-1]
        unused = [name for name, mark in needs.items() if f"{name}?" in text and mark not in body]
        if unused:
            needless[str(path.relative_to(site.html))] = unused
    assert needless == {}


@pytest.mark.browser
def test_search_from_a_chapter_page_opens_the_search_page_with_results(site_url, browser):
    """First use of search on a page without the index: Ctrl+K, a word, Enter; the search page
    loads the index then and lists the hits."""
    from browser_helpers import offline_tab

    with offline_tab(browser, viewport=DESKTOP) as (page, log):
        page.goto(site_url + CHAPTER + ".html", wait_until="networkidle")
        page.keyboard.press("Control+k")
        field = page.locator("#pst-search-dialog input[name=q]")
        field.wait_for(state="visible")
        assert field.get_attribute("placeholder") == "Zoek in het boek…"
        field.fill("zorgmijder")
        field.press("Enter")
        page.wait_for_url(re.compile(r"search\.html\?q=zorgmijder"))
        page.locator("#search-results li a").filter(has_text="Begrippenlijst").first.wait_for()
        assert log.console_errors == [] and log.external_requests == []


def _cold_load(browser, url: str) -> dict:
    """Bytes per resource type of one page loaded with an empty cache (served uncompressed)."""
    from browser_helpers import offline_tab

    sizes: dict[str, int] = {}
    urls: list[str] = []

    def count(response):
        try:
            size = len(response.body())
        except Exception:  # a redirect or an aborted request has no body
            size = 0
        kind = response.request.resource_type
        sizes[kind] = sizes.get(kind, 0) + size
        urls.append(response.url)

    with offline_tab(browser, viewport=DESKTOP) as (page, log):
        page.on("response", count)
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(200)
        assert log.console_errors == [] and log.external_requests == [] and log.failed_requests == []
    return {"sizes": sizes, "urls": urls, "total": sum(sizes.values())}


@pytest.mark.browser
def test_pages_stay_within_the_byte_budget(site, site_url, browser):
    over = {}
    for page_name in CHAPTERS + ["intro", "search"]:
        load = _cold_load(browser, site_url + page_name + ".html")
        scripts = load["sizes"].get("script", 0)
        fonts = [u for u in load["urls"] if "fontawesome" in u.lower() or "webfonts" in u or ".woff" in u]
        index = [u for u in load["urls"] if "searchindex.js" in u]
        budget = SCRIPT_BUDGET
        if page_name == "search":
            budget += (site.html / "searchindex.js").stat().st_size
            assert index, "de zoekpagina laadt haar index"
        else:
            assert index == []
        problems = []
        if scripts > budget:
            problems.append(f"scripts {scripts} > {budget}")
        if page_name in CHAPTERS and load["total"] > CHAPTER_PAGE_BUDGET:
            problems.append(f"pagina {load['total']} > {CHAPTER_PAGE_BUDGET}: {load['sizes']}")
        if fonts:
            problems.append(f"icoonlettertype: {fonts}")
        if problems:
            over[page_name] = problems
    assert over == {}


# --- 5. Dark mode, accessibility, opened from disk -----------------------------------------


def _theme(page) -> str:
    return page.evaluate("() => document.documentElement.dataset.theme")


@pytest.mark.browser
def test_dark_mode_works_and_axe_is_clean_in_light_and_dark(site_url, browser):
    """The colour-mode button switches to dark and back (and remembers it); the page, its icons
    and its exercises stay accessible in both: axe finds nothing serious or critical."""
    from browser_helpers import offline_tab, run_axe

    with offline_tab(browser, viewport=DESKTOP, color_scheme="light") as (page, log):
        page.goto(site_url + CHAPTER + ".html", wait_until="networkidle")
        assert _theme(page) == "light"
        assert run_axe(page) == []
        for _ in range(3):
            if _theme(page) == "dark":
                break
            page.locator(".theme-switch-button").click()
        assert _theme(page) == "dark"
        page.reload(wait_until="networkidle")
        assert _theme(page) == "dark"
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        assert sum(int(c) for c in re.findall(r"\d+", background)[:3]) < 3 * 80, background
        icon = page.evaluate(
            "() => getComputedStyle(document.querySelector('.primary-toggle .fa-bars'), '::before').backgroundColor"
        )
        assert sum(int(c) for c in re.findall(r"\d+", icon)[:3]) > 3 * 150, icon  # light icon on dark
        assert run_axe(page) == []
        assert log.console_errors == [] and log.external_requests == []


@pytest.mark.browser
def test_icons_are_drawn(site_url, browser):
    """Every icon of the article header has a size and an SVG mask, so no button is empty."""
    from browser_helpers import offline_tab

    with offline_tab(browser, viewport=PHONE) as (page, _):
        page.goto(site_url + CHAPTER + ".html", wait_until="networkidle")
        icons = page.evaluate(
            """() => [...document.querySelectorAll('.bd-header-article .fa-solid, .bd-header-article .fas')]
                .filter(i => i.offsetParent !== null)
                .map(i => { const s = getComputedStyle(i, '::before');
                            return [i.className, s.width, (s.maskImage || s.webkitMaskImage || '').slice(0, 30)]; })"""
        )
        assert len(icons) >= 4
        assert [i for i in icons if i[1] in ("0px", "auto") or "svg" not in i[2]] == []


@pytest.mark.browser
def test_opened_from_disk_the_menu_search_and_icons_work(site, browser):
    """file://: the chapter menu opens on a phone, the search page finds a term, nothing fails."""
    with _touch_page(browser, PHONE) as (page, log):
        page.goto((site.html / f"{CHAPTER}.html").as_uri(), wait_until="load")
        page.locator(".primary-toggle").tap()
        page.locator("#pst-primary-sidebar-modal a").filter(has_text="Hoofdstuk 2").first.wait_for(state="visible")
        page.goto((site.html / "search.html").as_uri() + "?q=zorgmijder", wait_until="load")
        page.locator("#search-results li").first.wait_for()
        assert log.console_errors == [] and log.failed_requests == [] and log.external_requests == []
