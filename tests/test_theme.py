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
