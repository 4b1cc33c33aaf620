"""The built site: strict build, every page in the browser offline, links, accessibility."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from conftest import ROOT


def toc_pages() -> list[str]:
    """Every page the table of contents puts on the site, plus Sphinx's own pages."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return [re.sub(r"\.(md|ipynb)$", "", p) for p in pages] + ["genindex", "search"]


PAGES = toc_pages()


def test_strict_build_succeeds_without_warnings(site):
    assert site.returncode == 0, site.log[-8000:]
    # Sphinx reports "WARNING: ..." (a space after the colon). Not build warnings, so not counted:
    # the kernel's "[IPKernelApp] WARNING | Kernel is running over TCP without encryption" notice,
    # and the rare "ERROR:tornado.general:Uncaught exception in ZMQStream callback" that
    # jupyter_client logs when a kernel's socket closes during shutdown (seen once in a clean
    # CI run; the build and every page were fine). -W already fails the build on any warning.
    log = re.sub(r"\x1b\[[0-9;]*m", "", site.log)  # Sphinx colours its warnings on some terminals
    problems = [line for line in log.splitlines() if re.search(r"\b(WARNING|ERROR|CRITICAL): ", line)]
    assert problems == []


def test_every_toc_page_is_built(site):
    missing = [p for p in PAGES if not (site.html / f"{p}.html").is_file()]
    assert missing == []


def test_no_thebe_binder_or_widget_cdn_in_pages(site):
    """What would reach other hosts is not even written into the pages."""
    offenders = {}
    for page in site.html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = [
            s
            for s in ("unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "mybinder.org", "thebe")
            if s in text
        ]
        if found:
            offenders[str(page.relative_to(site.html))] = found
    assert offenders == {}


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs and attrs["id"]:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append(attrs[key])


def _parse(path: Path) -> _LinkParser:
    parser = _LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_offline_link_check(site):
    """Every internal link and asset of every built page exists, anchors included."""
    parsed: dict[Path, _LinkParser] = {}
    broken = []
    pages = [p for p in site.html.rglob("*.html") if "_static" not in p.relative_to(site.html).parts]
    for page in sorted(pages):
        links = parsed.setdefault(page, _parse(page)).links
        for link in links:
            scheme = urlparse(link).scheme
            if scheme in {"http", "https"}:
                broken.append(f"{page.name}: externe link {link}")
                continue
            if scheme in {"mailto", "data", "javascript", "blob"}:
                continue
            parsed_link = urlparse(link)  # assets carry "?v=..." or "?digest=..." queries
            target, anchor = parsed_link.path, parsed_link.fragment
            target_path = (page.parent / unquote(target)).resolve() if target else page
            if target_path.is_dir():
                target_path = target_path / "index.html"
            if not target_path.exists():
                broken.append(f"{page.relative_to(site.html)}: {link}")
                continue
            if anchor and target_path.suffix == ".html":
                ids = parsed.setdefault(target_path, _parse(target_path)).ids
                if unquote(anchor) not in ids:
                    broken.append(f"{page.relative_to(site.html)}: anker {link}")
    assert broken == []


@pytest.mark.browser
@pytest.mark.parametrize("page_name", PAGES)
def test_page_in_browser(page_name, site_url, browser):
    """Loads; no console errors; no request to another host; no broken asset; axe clean."""
    from browser_helpers import offline_page, run_axe

    page, log = offline_page(browser)
    try:
        response = page.goto(site_url + page_name + ".html", wait_until="networkidle")
        assert response is not None and response.ok
        assert log.external_requests == []
        assert log.console_errors == []
        assert log.failed_requests == []
        assert run_axe(page) == []
    finally:
        page.context.close()


def test_instructors_can_download_every_chapter_notebook(site):
    """The download button offers the chapter's .ipynb (stored without outputs) from the site itself."""
    for chapter in sorted((ROOT / "chapters").glob("[0-9]*.ipynb")):
        page = (site.html / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
        assert f'href="../_sources/chapters/{chapter.name}"' in page
        assert (site.html / "_sources" / "chapters" / chapter.name).read_bytes() == chapter.read_bytes()


@pytest.mark.browser
def test_exercise_on_the_built_site_keeps_an_answer_over_a_reload(site_url, browser):
    """End to end on the real site (no kernel): mount, type, reload, the answer is back."""
    from browser_helpers import offline_page

    page, log = offline_page(browser)
    try:
        page.goto(site_url + "chapters/01_outreach_mda.html", wait_until="networkidle")
        box = page.locator("#oefening-h1_abiba textarea").first
        box.fill("Eerst vertrouwen winnen 🙂 — שלום")
        # autosave proven from storage itself, before a reload could save on page hide
        page.wait_for_function(
            "() => (localStorage.getItem('lsp:v1:h1_abiba') || '').includes('Eerst vertrouwen winnen')"
        )
        page.reload(wait_until="networkidle")
        assert page.locator("#oefening-h1_abiba textarea").first.input_value() == "Eerst vertrouwen winnen 🙂 — שלום"
        assert log.console_errors == [] and log.external_requests == []
    finally:
        page.context.close()


@pytest.mark.browser
def test_real_chapter_opened_from_disk_keeps_an_answer_over_a_reload(site, browser):
    """The real book as a student gets it on a USB stick: chapter 1 opened through file://, an answer
    typed, the page reloaded, the answer back, and no request to another host."""
    from browser_helpers import offline_page

    page, log = offline_page(browser)
    try:
        page.goto((site.html / "chapters" / "01_outreach_mda.html").as_uri(), wait_until="load")
        assert page.url.startswith("file://")
        box = page.locator("#oefening-h1_abiba textarea").first
        box.fill("Van de stick 🙂")
        page.wait_for_function("() => (localStorage.getItem('lsp:v1:h1_abiba') || '').includes('Van de stick')")
        page.reload(wait_until="load")
        assert page.locator("#oefening-h1_abiba textarea").first.input_value() == "Van de stick 🙂"
        assert page.locator(".lsp-fout").count() == 0
        assert log.console_errors == [] and log.external_requests == []
    finally:
        page.context.close()
