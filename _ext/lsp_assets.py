"""Local Sphinx extension: an offline site with the exercise front-end, and no CDN machinery.

- Serves `book/static/` as `_static/` (so the exercise front-end is at `_static/lsp/`), added to
  `html_static_path` *after* Jupyter Book has scanned the book's own `_static/`, which it would
  otherwise add to every page file by file.
- Adds the exercise stylesheet and the small loader to every page; the loader adds the exercise
  script only on pages that hold an exercise. That script (`_static/lsp/oefeningen.js`) is
  generated at the end of each build by `book/frontend.py` from the ES modules in
  `book/static/lsp/src/` (which are not copied to the site). Loader and script are classic
  scripts, so the book also works when opened from disk (`file://`), where browsers refuse
  module scripts.
- Removes what would reach other hosts or only fail offline: sphinx-thebe's scripts (thebe is
  off, yet its config script is still written, and written twice, which throws
  "Identifier 'THEBE_JS_URL' has already been declared"), and the embedded ipywidgets state
  (the site mounts exercises from their text/html representation, not from widget state).
- The theme around the pages (issues 9 and 13): templates from `_templates/` (a layout without
  the top bar, fontawesome.js and the search index on every page; Dutch toggle buttons; the
  footer), Dutch for the theme's own strings from `locales/nl/LC_MESSAGES/sphinx.po` (compiled
  here when it changed), the favicon (inline, as a data: URI), the icon and layout stylesheets
  and a small script from `book/static/theme/`, clear Dutch names in the download menu, and
  no Font Awesome and no unused extension assets in the site. Registered here with absolute
  paths, so that every book built with this extension (the test fixtures too) looks the same.
- With the environment variable LSP_EDITIE=docent the `docent` tag is set, so that
  ``{only} docent`` blocks appear only in the teacher edition.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "book" / "static"
TEMPLATES = ROOT / "_templates"
LOCALES = ROOT / "locales"
FAVICON = STATIC / "theme" / "favicon.svg"
# What executed pages are made from besides their own cells. The execution cache and Sphinx
# only look at a notebook's own text, so a changed CSV or exercise file would otherwise leave
# stale figures and exercises on the site.
EXECUTION_INPUTS = [ROOT / "book", ROOT / "data", ROOT / "exercises"]
STYLESHEETS = ["lsp/oefening.css", "theme/lsp-iconen.css", "theme/lsp-thema.css"]
LOADER = "lsp/loader.js"
THEME_SCRIPT = "theme/lsp-thema.js"  # small fixes to the theme's behaviour (focus after the menu)
# The front-end's sources: bundled into _static/lsp/oefeningen.js, not served one by one
# (Sphinx applies exclude_patterns to static folders too, relative to each folder).
SOURCES_PATTERN = "lsp/src"


def _frontend():
    import sys

    if str(ROOT) not in sys.path:  # the extension may run before the package is importable
        sys.path.insert(0, str(ROOT))
    from book import frontend

    return frontend


def _register_static(app: Sphinx, config) -> None:
    config.html_static_path.append(str(STATIC))
    config.exclude_patterns.append(SOURCES_PATTERN)
    config.templates_path.insert(0, str(TEMPLATES))
    from book.config import editie  # the one rule for the edition (book/config.py)

    if editie() == "docent":
        app.tags.add("docent")


def _add_dutch_catalog(app: Sphinx) -> None:
    """The theme's strings in Dutch. Sphinx itself reads `locales/` of the book's own folder first
    (its default locale_dirs); for any other book this catalog is consulted after Sphinx's own."""
    language = app.config.language or ""
    folder = LOCALES / language / "LC_MESSAGES"
    if not language or not (folder / "sphinx.po").is_file():
        return
    compile_catalog(folder, language)
    app.add_message_catalog("sphinx", str(LOCALES))


def compile_catalog(folder: Path, language: str) -> None:
    """`sphinx.po` -> `sphinx.mo` when outdated, written under another name and then renamed, so
    that two builds at once (the test workers) never read a half-written catalog."""
    import tempfile

    from sphinx.util.i18n import CatalogInfo

    if not CatalogInfo(str(folder), "sphinx", "utf-8").is_outdated():
        return
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        shutil.copy2(folder / "sphinx.po", Path(tmp) / "sphinx.po")
        CatalogInfo(tmp, "sphinx", "utf-8").write_mo(language)
        os.replace(Path(tmp) / "sphinx.mo", folder / "sphinx.mo")


def _inputs_digest() -> str:
    digest = hashlib.sha256()
    for folder in EXECUTION_INPUTS:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    digest.update(os.environ.get("LSP_EDITIE", "").encode())
    return digest.hexdigest()


def _reexecute_when_inputs_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    digest = _inputs_digest()
    if getattr(env, "lsp_inputs_digest", None) == digest:
        return []
    env.lsp_inputs_digest = digest
    cache = app.config.nb_execution_cache_path or str(Path(app.outdir).parent / ".jupyter_cache")
    shutil.rmtree(cache, ignore_errors=True)
    return sorted(env.found_docs - set(added) - set(removed))


def _unwanted(script) -> bool:
    filename = getattr(script, "filename", str(script)) or ""
    body = (getattr(script, "attributes", {}) or {}).get("body", "")
    script_type = (getattr(script, "attributes", {}) or {}).get("type", "")
    return (
        "thebe" in filename
        or "THEBE_JS_URL" in body
        or script_type == "application/vnd.jupyter.widget-state+json"
    )


def _drop_thebe_config(app: Sphinx, doctree, docname) -> None:
    """sphinx-thebe writes a thebe/Binder config block into every page, even with thebe off."""
    for node in list(doctree.findall(nodes.raw)):
        if "x-thebe-config" in node.astext():
            node.parent.remove(node)


# Assets of extensions that Jupyter Book adds to every page, needed only where the page uses
# them (about 80 kB per page): the copy button of code blocks and sphinx-design's components.
ONLY_WHERE_USED = {
    "copybutton.js": "<pre", "clipboard.min.js": "<pre", "copybutton.css": "<pre",
    "design-tabs.js": "sd-", "sphinx-design.min.css": "sd-",
}


def _used_here(asset, body: str) -> bool:
    name = Path(getattr(asset, "filename", str(asset)) or "").name
    return name not in ONLY_WHERE_USED or ONLY_WHERE_USED[name] in body


def _clean_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body") or ""
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [s for s in scripts if not _unwanted(s) and _used_here(s, body)]
    styles = context.get("css_files")
    if styles:
        context["css_files"] = [
            s for s in styles if "thebe" not in getattr(s, "filename", str(s)) and _used_here(s, body)
        ]


# The theme's download menu says ".ipynb" or ".md" and ".pdf"; a reader should see what each gives.
DOWNLOAD_LABELS = {
    ".ipynb": ("Notebook (.ipynb, voor JupyterLab)", "Download deze pagina als Jupyter-notebook"),
    ".md": ("Brontekst (.md)", "Download de brontekst van deze pagina (MyST Markdown)"),
    ".pdf": ("Afdrukken of als pdf bewaren", "Druk deze pagina af of bewaar haar als pdf"),
}


@functools.lru_cache(maxsize=1)
def _favicon_uri() -> str:
    """The favicon as a data: URI in each page (layout.html): no request, so nothing to fail, to
    404 or to be aborted when a page is left quickly, from a server or from disk alike."""
    from urllib.parse import quote

    svg = " ".join(FAVICON.read_text(encoding="utf-8").split())
    return "data:image/svg+xml," + quote(svg, safe=" /:=',.-")


def _add_favicon(app: Sphinx, pagename, templatename, context, doctree) -> None:
    context["lsp_favicon"] = _favicon_uri()


def _dutch_header_buttons(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Clear Dutch names for the entries of the theme's download menu (after the theme adds them)."""
    for button in context.get("header_buttons") or []:
        for entry in button.get("buttons", []):
            if entry.get("text") in DOWNLOAD_LABELS:
                entry["text"], entry["tooltip"] = DOWNLOAD_LABELS[entry["text"]]


# pydata-sphinx-theme ships Font Awesome: fontawesome.js, three web fonts and, inside its CSS, one
# rule per icon (about 86 kB). book/static/theme/lsp-iconen.css draws the few icons the pages use,
# so the site carries none of it: the icon rules and @font-face rules leave the theme's CSS and
# the files leave the site (nothing refers to them any more).
THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
ICON_RULES = re.compile(r'(?:\.fa-[a-z0-9-]+:(?:before|after),?)+\{(?:(?:content|--fa):"[^"]*";?)+\}')
ICON_FONT_FACES = re.compile(r"@font-face\{[^}]*Font Awesome[^}]*\}")
# also the themes' Jinja macro files, which Sphinx copies along with their static folders
SOURCE_MAP_COMMENT = re.compile(r"^(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ ?\*/)[ \t]*$\n?", re.M)
THEME_LEFTOVERS = [
    "_static/webpack-macros.html",
    "_static/sbt-webpack-macros.html",
    "_static/scripts/fontawesome.js",
    "_static/scripts/fontawesome.js.map",
    "_static/scripts/fontawesome.js.LICENSE.txt",
    "_static/vendor/fontawesome",
]


def _drop_theme_leftovers(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    css = out / THEME_CSS
    if css.is_file():
        text = css.read_text(encoding="utf-8")
        css.write_text(ICON_FONT_FACES.sub("", ICON_RULES.sub("", text)), encoding="utf-8")
    for name in THEME_LEFTOVERS:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    vendor = out / "_static" / "vendor"
    if vendor.is_dir() and not any(vendor.iterdir()):
        vendor.rmdir()
    # The theme's source maps (about 1.8 MB, a third of the site) are only read by a browser's
    # developer tools; they made the zip and every SCORM package that much heavier.
    for source_map in (out / "_static").rglob("*.map"):
        source_map.unlink()
    for path in [*(out / "_static").rglob("*.js"), *(out / "_static").rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if "sourceMappingURL=" in text:
            path.write_text(SOURCE_MAP_COMMENT.sub("", text), encoding="utf-8", errors="surrogateescape")


def _write_site_bundle(app: Sphinx, exception) -> None:
    """After the static files are copied: the exercise script, generated from the sources."""
    if app.builder.format != "html":
        return
    _frontend().write_site_bundle(Path(app.outdir) / "_static" / "lsp")


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _register_static)
    _add_dutch_catalog(app)
    for css in STYLESHEETS:
        app.add_css_file(css)
    frontend = _frontend()
    # defer: runs after the page is parsed; data-lsp-versie busts caches of the generated script
    app.add_js_file(LOADER, loading_method="defer", **{"data-lsp-versie": frontend.digest(frontend.site_script())})
    app.add_js_file(THEME_SCRIPT, loading_method="defer")
    app.connect("build-finished", _write_site_bundle)
    app.connect("build-finished", _drop_theme_leftovers)
    app.connect("env-get-outdated", _reexecute_when_inputs_change)
    app.connect("doctree-resolved", _drop_thebe_config, priority=900)  # after sphinx-thebe
    # after myst-nb (priority 500) has added its per-page scripts
    app.connect("html-page-context", _clean_page, priority=900)
    app.connect("html-page-context", _dutch_header_buttons, priority=900)
    app.connect("html-page-context", _add_favicon)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
