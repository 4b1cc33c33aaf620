"""Shared helpers for browser tests: a local HTTP server, Debian's Chromium, offline pages, axe.

Every page opened through `offline_page` may only talk to 127.0.0.1: any other request is aborted
and recorded, so a test can assert that the site makes zero requests to other hosts.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

CHROMIUM = os.environ.get("LSP_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve_directory(path: Path | str) -> Iterator[str]:
    """Serve `path` on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(path))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@contextlib.contextmanager
def launch_browser():
    """Start headless Debian Chromium through Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about", "file"}:  # file: the book opened from disk
        return True
    return parsed.hostname in LOCAL_HOSTS


def offline_page(browser, **context_options):
    """A new page in a fresh context; requests to other hosts are aborted and logged."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    log = PageLog()

    def route(r):
        if _is_local(r.request.url):
            r.continue_()
        else:
            log.external_requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.console_errors.append(f"pageerror: {e}"))
    page.on(
        "requestfailed",
        lambda r: log.failed_requests.append(r.url) if _is_local(r.url) else None,
    )
    page.on(
        "response",
        lambda resp: log.failed_requests.append(f"{resp.status} {resp.url}")
        if resp.status >= 400
        else None,
    )
    return page, log


@contextlib.contextmanager
def offline_tab(browser, **context_options):
    """`offline_page` as a `with` block: its context is closed afterwards, also when a test fails."""
    page, log = offline_page(browser, **context_options)
    try:
        yield page, log
    finally:
        page.context.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page, *, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict]:
    """Run the vendored axe-core on the page; return violations of the given impacts."""
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        # preload: false -- axe's CSSOM preload resolves the theme's `@import "../basic.css"`
        # against the page instead of the stylesheet and fetches a file that does not exist
        # (a 404 the page itself never makes). Only css-orientation-lock needs the CSSOM.
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})",
        AXE_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]


# --- pages without Sphinx: the exercise front-end as the site serves it, plus some HTML ---------

BARE_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="_static/lsp/oefening.css">
<script defer src="_static/lsp/loader.js"></script>
</head><body><main>
<h1>{title}</h1>
{body}
</main></body></html>
"""


def bare_page(title: str, *sections: tuple[str, str] | str) -> str:
    """A page as a chapter looks to the front-end: a title, then each section (a heading and its
    HTML, or HTML alone)."""
    parts = [f"<h2>{s[0]}</h2>\n{s[1]}" if isinstance(s, tuple) else s for s in sections]
    return BARE_PAGE.format(title=title, body="\n".join(parts))


def with_front_end(folder: Path) -> Path:
    """Put the site's static files and the exercise bundle in `folder/_static`, as a build does."""
    from book import frontend

    shutil.copytree(Path(__file__).resolve().parent.parent / "book" / "static", folder / "_static")
    frontend.write_site_bundle(folder / "_static" / "lsp")
    return folder

