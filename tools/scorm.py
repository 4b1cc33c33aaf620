"""SCORM packages of the built site, for learning environments (Brightspace, Canvas, Moodle).

    python tools/scorm.py [_build/html] [_build/scorm]

Writes, for every chapter in `_toc.yml` (the part "Hoofdstukken"), one package per SCORM version,
plus one package with the whole book:

    <chapter stem>-scorm2004.zip, <chapter stem>-scorm12.zip   (e.g. 01_outreach_mda-scorm2004.zip)
    boek-scorm2004.zip, boek-scorm12.zip

A chapter package holds `imsmanifest.xml`, the chapter page and only the files that page needs
(stylesheets, scripts, fonts and images it references, followed through CSS `url()`/`@import`,
plus the exercise script the loader adds). Links to pages that are not in the package lose their
`href` (the text stays), so nothing inside the LMS frame leads to a missing page; the search
field, which needs the whole book, is hidden. The book package holds the whole site: every
chapter is its own SCO (its own answers and completion in the LMS), the other pages are assets.

The page talks to the LMS itself (book/static/lsp/src/scorm.js): it finds the SCORM API in a
parent window, keeps the answers in `cmi.suspend_data` and sets completion. Outside an LMS the
same page behaves as on the site. Entries are sorted and dated at a fixed time, so the same site
gives the same packages.
"""

from __future__ import annotations

import posixpath
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_HTML = ROOT / "_build" / "html"
DEFAULT_OUT = ROOT / "_build" / "scorm"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
BOOK_TITLE = "Lerende sociale professionals"
VERSIONS = ("2004", "1.2")
SUFFIX = {"2004": "scorm2004", "1.2": "scorm12"}
# Added by book/static/lsp/loader.js at run time, next to the loader itself.
DYNAMIC = {"_static/lsp/loader.js": ["_static/lsp/oefeningen.js"]}
# Hidden in a chapter package: the search needs every page of the book.
HIDE_CSS = ".search-button-field,.search-button,.search-button__wrapper,.bd-search{display:none!important}"
EXERCISE_MARK = 'class="lsp-oefening"'
NOT_PACKED = {".buildinfo"}

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


# ------------------------------------------------------------------------------------------------
# Which files a page needs
# ------------------------------------------------------------------------------------------------

def _local_target(base: str, ref: str) -> str | None:
    """The site path `ref` points to from the file `base` (both relative to the site), or None
    for other hosts, data: URIs, anchors and absolute paths."""
    ref = ref.strip()
    if not ref or ref.startswith(("#", "data:", "blob:", "javascript:", "mailto:", "tel:", "//")):
        return None
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
    return None if path.startswith("..") else path


def _asset_refs(page: str, html: str) -> list[str]:
    """Files a page loads itself: <link href> (not page links), src, srcset, <object data>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    refs: list[str] = []
    for tag in soup.find_all(True):
        if tag.name == "link" and tag.get("href"):
            rel = set(tag.get("rel") or [])
            if rel & {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "manifest", "apple-touch-icon"}:
                refs.append(tag["href"])
        if tag.get("src"):
            refs.append(tag["src"])
        if tag.get("srcset"):
            refs += [c.strip().split(" ")[0] for c in tag["srcset"].split(",") if c.strip()]
        if tag.name == "object" and tag.get("data"):
            refs.append(tag["data"])
        if tag.name in {"image", "use"} and (tag.get("href") or tag.get("xlink:href")):
            refs.append(tag.get("href") or tag.get("xlink:href"))
    return [t for t in (_local_target(page, r) for r in refs) if t]


def needed_files(html_dir: Path, page: str) -> set[str]:
    """The page and every file it needs, followed through stylesheets; site-relative paths."""
    html_dir = Path(html_dir)
    todo = [page]
    seen: set[str] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        file = html_dir / path
        if not file.is_file():
            raise SystemExit(f"{page} verwijst naar {path}, maar dat bestand staat niet in {html_dir}.")
        seen.add(path)
        if path.endswith(".html"):
            todo += _asset_refs(path, file.read_text(encoding="utf-8"))
        elif path.endswith(".css"):
            for m in CSS_URL.finditer(file.read_text(encoding="utf-8", errors="replace")):
                target = _local_target(path, m.group(2) or m.group(4))
                if target:
                    todo.append(target)
        todo += DYNAMIC.get(path, [])
    return seen


def unlink_outside(page: str, html: str, inside: set[str]) -> str:
    """A chapter page for a package: links to pages not in it lose their href; the search is hidden."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["a", "link", "form", "area"]):
        attr = "action" if tag.name == "form" else "href"
        ref = tag.get(attr)
        if not ref:
            continue
        target = _local_target(page, ref)
        if target is None or target in inside:
            continue
        if tag.name == "link":
            tag.decompose()
        else:
            del tag[attr]
            tag["data-lsp-niet-in-pakket"] = ""
    style = soup.new_tag("style")
    style.string = HIDE_CSS
    soup.head.append(style)
    return str(soup)


# ------------------------------------------------------------------------------------------------
# Manifests
# ------------------------------------------------------------------------------------------------

@dataclass
class Page:
    path: str           # site-relative, e.g. chapters/01_outreach_mda.html
    title: str
    sco: bool           # holds exercises: talks to the LMS


@dataclass
class Package:
    identifier: str
    title: str
    pages: list[Page]
    files: dict[str, bytes] = field(default_factory=dict)


def _ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "-", text)


def manifest(pkg: Package, version: str) -> str:
    """imsmanifest.xml: one item per page; a page resource holds its own file and depends on
    one shared resource with all other files."""
    page_files = {p.path for p in pkg.pages}
    shared = sorted(set(pkg.files) - page_files)
    v2004 = version == "2004"
    scorm_type = "adlcp:scormType" if v2004 else "adlcp:scormtype"
    if v2004:
        head = ('<manifest identifier={id} version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"'
                ' xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"'
                ' xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">')
        schema = "2004 4th Edition"
    else:
        head = ('<manifest identifier={id} version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"'
                ' xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">')
        schema = "1.2"
    ident = _ident(f"{pkg.identifier}-{SUFFIX[version]}")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', head.format(id=quoteattr(ident)),
             f"  <metadata><schema>ADL SCORM</schema><schemaversion>{schema}</schemaversion></metadata>",
             '  <organizations default="org">', '    <organization identifier="org">',
             f"      <title>{escape(pkg.title)}</title>"]
    for i, p in enumerate(pkg.pages):
        visible = "" if v2004 else ' isvisible="true"'
        lines.append(f'      <item identifier="item-{i}" identifierref="res-{i}"{visible}><title>{escape(p.title)}</title></item>')
    lines += ["    </organization>", "  </organizations>", "  <resources>"]
    for i, p in enumerate(pkg.pages):
        kind = "sco" if p.sco else "asset"
        lines.append(f'    <resource identifier="res-{i}" type="webcontent" {scorm_type}="{kind}" href={quoteattr(p.path)}>')
        lines.append(f"      <file href={quoteattr(p.path)}/>")
        if shared:
            lines.append('      <dependency identifierref="res-gedeeld"/>')
        lines.append("    </resource>")
    if shared:
        lines.append(f'    <resource identifier="res-gedeeld" type="webcontent" {scorm_type}="asset">')
        lines += [f"      <file href={quoteattr(f)}/>" for f in shared]
        lines.append("    </resource>")
    lines += ["  </resources>", "</manifest>", ""]
    return "\n".join(lines)


def write_package(pkg: Package, version: str, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)

        add("imsmanifest.xml", manifest(pkg, version).encode("utf-8"))
        for name in sorted(pkg.files):
            add(name, pkg.files[name])
    tmp.replace(out)
    return out


# ------------------------------------------------------------------------------------------------
# The packages of this book
# ------------------------------------------------------------------------------------------------

def _title(html: str, fallback: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    h1 = soup.find("h1")
    text = h1.get_text(" ", strip=True) if h1 else (soup.title.get_text(strip=True) if soup.title else fallback)
    return re.sub(r"\s*#\s*$", "", text).strip() or fallback   # the heading's permalink sign


def toc_pages(root: Path = ROOT) -> tuple[list[str], list[str]]:
    """(chapter pages, all pages) as site paths, in the order of _toc.yml."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    chapters: list[str] = []
    pages = [toc["root"] + ".html"]
    for part in toc.get("parts", []):
        for entry in part.get("chapters", []):
            pages.append(entry["file"] + ".html")
            if part.get("caption") == "Hoofdstukken":
                chapters.append(entry["file"] + ".html")
    return chapters, pages


def chapter_package(html_dir: Path, page: str) -> Package:
    html = (html_dir / page).read_text(encoding="utf-8")
    files = needed_files(html_dir, page)
    data = {f: (html_dir / f).read_bytes() for f in files}
    data[page] = unlink_outside(page, html, files).encode("utf-8")
    stem = Path(page).stem
    title = _title(html, stem)
    return Package(f"lsp-{stem}", title, [Page(page, title, EXERCISE_MARK in html)], data)


def book_package(html_dir: Path, pages: list[str]) -> Package:
    files = sorted(p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*")
                   if p.is_file() and p.name not in NOT_PACKED)
    data = {f: (html_dir / f).read_bytes() for f in files}
    entries = []
    for page in pages:
        if page not in data:
            raise SystemExit(f"{page} staat in _toc.yml maar niet in {html_dir}. Draai eerst: make book")
        html = data[page].decode("utf-8")
        entries.append(Page(page, _title(html, Path(page).stem), EXERCISE_MARK in html))
    return Package("lsp-boek", BOOK_TITLE, entries, data)


def make_packages(html_dir: Path = DEFAULT_HTML, out_dir: Path = DEFAULT_OUT, root: Path = ROOT) -> list[Path]:
    """All packages of the book whose sources (_toc.yml) are in `root`, built into `html_dir`."""
    html_dir = Path(html_dir)
    out_dir = Path(out_dir)
    if not (html_dir / "index.html").is_file():
        raise SystemExit(f"Geen gebouwde site in {html_dir} (index.html ontbreekt). Draai eerst: make book")
    chapters, pages = toc_pages(root)
    written = []
    for page in chapters:
        pkg = chapter_package(html_dir, page)
        for version in VERSIONS:
            written.append(write_package(pkg, version, out_dir / f"{Path(page).stem}-{SUFFIX[version]}.zip"))
    book = book_package(html_dir, pages)
    for version in VERSIONS:
        written.append(write_package(book, version, out_dir / f"boek-{SUFFIX[version]}.zip"))
    return written


def main(argv: list[str]) -> int:
    html_dir = Path(argv[0]) if argv else DEFAULT_HTML
    out_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    for path in make_packages(html_dir, out_dir):
        print(f"SCORM-pakket: {path} ({path.stat().st_size // 1024} kB)")
    print("Uploaden in de leeromgeving: zie README.md, 'Voor docenten: in de leeromgeving (SCORM)'.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
