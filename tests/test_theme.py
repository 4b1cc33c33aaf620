"""The theme around the pages (issues 9 and 13): navigation on phone, tablet and desktop.

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
    from browser_helpers import offline_page

    return offline_page(browser, viewport=viewport, is_mobile=True, has_touch=True, device_scale_factor=2)


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
    page, log = _touch_page(browser, viewport)
    try:
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
    finally:
        page.context.close()


@pytest.mark.browser
def test_menu_button_hides_and_shows_the_sidebar_on_desktop(site_url, browser):
    from browser_helpers import offline_page

    page, log = offline_page(browser, viewport=DESKTOP)
    try:
        page.goto(site_url + CHAPTER + ".html", wait_until="networkidle")
        sidebar = page.locator("#pst-primary-sidebar")
        assert sidebar.is_visible()
        page.locator(".primary-toggle").click()
        page.wait_for_function("() => document.getElementById('pst-primary-sidebar').offsetWidth === 0 || "
                               "getComputedStyle(document.getElementById('pst-primary-sidebar')).visibility === 'hidden'")
        page.locator(".primary-toggle").click()
        sidebar.locator("a").filter(has_text="Hoofdstuk 2").first.wait_for(state="visible")
        assert log.console_errors == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_phone(site_url, browser):
    """At 390 px no page is wider than the screen. Wide tables scroll inside their own box
    (figure data, workbook grids); the page itself does not. Measured against the layout
    viewport (clientWidth): a phone zooms out to fit an over-wide page, so innerWidth grows
    with the overflow and would hide it."""
    page, log = _touch_page(browser, PHONE)
    too_wide = {}
    try:
        for page_name in PAGES:
            page.goto(site_url + page_name + ".html", wait_until="networkidle")
            widths = page.evaluate(
                "() => [document.scrollingElement.scrollWidth, document.documentElement.clientWidth, innerWidth]"
            )
            if widths[0] > PHONE["width"] or widths[1] > PHONE["width"]:
                too_wide[page_name] = widths
        assert too_wide == {}
        assert log.console_errors == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_a_long_dutch_word_in_a_heading_wraps_on_a_phone(site_url, browser):
    """Dutch compounds can be longer than a phone is wide at heading size; they must wrap."""
    page, _ = _touch_page(browser, PHONE)
    try:
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
    finally:
        page.context.close()


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
    from browser_helpers import offline_page

    page, log = offline_page(browser, viewport=DESKTOP)
    try:
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
    finally:
        page.context.close()
