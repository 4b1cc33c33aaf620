"""Local Sphinx extension: pages made from the exercise files at build time, without a kernel.

- ``{lsp-werkboek} N`` writes the printable workbook of chapter N (``book/werkboek.py``) and
  ``{lsp-overzicht}`` the assignment overview (``book/overzicht.py``): plain, escaped HTML, with
  their stylesheets (``_static/pages/werkboek.css``, ``overzicht.css``) added to those pages only.
- Extra cases: an exercise file with ``hoofdstuk: N`` that no chapter notebook embeds appears on
  the page of chapter N (``chapters/NN_*``) without a notebook edit: at the end of the section
  named by its ``plaats`` label, or in a section "Extra casussen" before the hand-in block
  (``book/plaatsing.py`` has the rule; the overview, workbook and hand-in use the same order).
- Every exercise file is checked once when the build starts. A broken file gives one warning
  with the Dutch message (file and field), so the strict build fails with one clear message;
  the generated pages leave the broken file out instead of failing too.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

logger = logging.getLogger(__name__)
CHAPTER_DOC = re.compile(r"^chapters/(\d\d)_[a-z0-9_]+$")


def _book():
    import sys

    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:  # the extension may run before the package is importable
        sys.path.insert(0, root)
    import book.config
    import book.exercises.spec
    import book.overzicht
    import book.plaatsing
    import book.werkboek

    return book


def exercises_dir(app: Sphinx) -> Path:
    return _book().config.EXERCISES_DIR   # LSP_OEFENINGEN_MAP may point elsewhere (fixture books)


def chapters_dir(app: Sphinx) -> Path:
    return Path(app.srcdir) / "chapters"


STRUCTURE_FILE = "lsp-hoofdstukstructuur.json"


def structure_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / STRUCTURE_FILE


def _write_structure(app: Sphinx) -> None:
    """What the generated pages and the extra cases read from the chapter files: their structure
    (labels, headings, embedded exercises, the hand-in cell; ``book/plaatsing.py``), not their
    prose. Written only when it changed, so its modification time tells Sphinx when those pages
    are stale: an edited sentence in one chapter re-reads that chapter alone (issue 13: a
    one-chapter rebuild at most 0.1x a clean build), a moved embed re-reads every page it moves."""
    chapters = _book().plaatsing.hoofdstukken(chapters_dir(app))
    text = json.dumps([{"nummer": h.nummer, "bestand": h.pad.name,
                        "gebeurtenissen": [dataclasses.astuple(g) for g in h.gebeurtenissen]}
                       for h in chapters.values()], ensure_ascii=False) + "\n"
    path = structure_path(app)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _inputs(app: Sphinx) -> list[Path]:
    """Files the generated pages are made from: exercises, the chapters' structure, data."""
    config = _book().config
    files = sorted(exercises_dir(app).glob("*.yml"))
    files.append(structure_path(app))
    files += sorted(config.DATA_DIR.glob("*.csv"))
    return files


def _note_inputs(env) -> None:
    for path in _inputs(env.app):
        env.note_dependency(str(path))


def _good_specs(app: Sphinx) -> list:
    spec = _book().exercises.spec
    return [r for r in spec.spec_results(exercises_dir(app)).values() if isinstance(r, spec.Oefening)]


# ------------------------------------------------------------------------------------------------
# Checks at build start
# ------------------------------------------------------------------------------------------------

def problemen(app: Sphinx) -> list[str]:
    """Dutch messages, the same as `python -m book controleer` gives for the exercise files:
    broken files, embeds of missing files, unknown `plaats` labels and `begrippen`."""
    from book.controle import oefening_problemen

    _book()
    return oefening_problemen(exercises_dir(app), chapters_dir(app), Path(app.srcdir) / "begrippen")[1]


def _check_exercises(app: Sphinx) -> None:
    for message in problemen(app):
        # one warning per file, with the Dutch message that names file and field; under -W the
        # build fails. No location: the file is named in the message and is not a page.
        logger.warning(message, type="lsp", subtype="oefening")


# ------------------------------------------------------------------------------------------------
# Generated pages
# ------------------------------------------------------------------------------------------------

class WerkboekDirective(SphinxDirective):
    """``{lsp-werkboek} N``: the printable workbook of chapter N (0-6)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        try:
            hoofdstuk = int(self.arguments[0])
        except ValueError:
            hoofdstuk = -1
        if not 0 <= hoofdstuk <= 6:
            raise self.error(f"lsp-werkboek: verwacht een hoofdstuknummer 0 t/m 6; gevonden {self.arguments[0]!r}")
        _note_inputs(self.env)
        self.env.lsp_pages_css[self.env.docname] = _book().werkboek.CSS
        text = _book().werkboek.werkboek_html(hoofdstuk, exercises_dir(self.env.app), chapters_dir(self.env.app))
        return [nodes.raw("", text, format="html")]


class OverzichtDirective(SphinxDirective):
    """``{lsp-overzicht}``: the table of every exercise, for teachers."""

    def run(self) -> list[nodes.Node]:
        _note_inputs(self.env)
        self.env.lsp_pages_css[self.env.docname] = _book().overzicht.CSS
        here = self.env.docname

        def href(chapter_stem: str) -> str:
            return relative_uri(self.env.app.builder.get_target_uri(here),
                                self.env.app.builder.get_target_uri(f"chapters/{chapter_stem}"))

        text = _book().overzicht.overzicht_html(exercises_dir(self.env.app), chapters_dir(self.env.app), href)
        return [nodes.raw("", text, format="html")]


# ------------------------------------------------------------------------------------------------
# Extra cases on chapter pages
# ------------------------------------------------------------------------------------------------

def _exercise_node(spec) -> nodes.Element:
    from book.exercises.widget import OefeningWidget

    # the widget's own text/html form, exactly as an embedded exercise cell writes it
    html = OefeningWidget(spec).html()
    return nodes.container("", nodes.raw("", html, format="html"), classes=["lsp-extra-oefening"])


def _handin_node(doctree: nodes.document, cell_index: int | None) -> nodes.Element | None:
    for node in doctree.findall(nodes.container):
        if node.get("nb_element") != "cell_code":
            continue
        if cell_index is not None and node.get("cell_index") == cell_index:
            return node
        if any("lsp-inleveren" in raw.astext() for raw in node.findall(nodes.raw)):
            return node
    return None


def _section_with_label(doctree: nodes.document, label: str) -> nodes.section | None:
    for section in doctree.findall(nodes.section):
        if label in section["ids"] or label in section["names"]:
            return section
    return None


def _insert_in_section(section: nodes.Element, new: list[nodes.Node], handin: nodes.Element | None) -> None:
    """At the end of the section's own text: before the hand-in block if it is there, else before
    the first subsection."""
    children = list(section.children)
    index = len(children)
    if handin is not None and handin.parent is section:
        index = children.index(handin)
    else:
        index = next((i for i, c in enumerate(children) if isinstance(c, nodes.section)), index)
    for offset, node in enumerate(new):
        section.insert(index + offset, node)


def _add_extra_cases(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    m = CHAPTER_DOC.match(docname)
    if not m:
        return
    b = _book()
    nummer = int(m.group(1))
    chapter = b.plaatsing.hoofdstukken(chapters_dir(app)).get(nummer)
    if chapter is None or chapter.naam != docname.split("/", 1)[1]:
        return
    _note_inputs(app.env)
    extras = b.plaatsing.extra_casussen(nummer, _good_specs(app), chapters_dir(app))
    if not extras:
        return
    handin_at = chapter.inleveren()
    handin_cell = chapter.gebeurtenissen[handin_at].cel if handin_at is not None else None
    handin = _handin_node(doctree, handin_cell if handin_cell is not None and handin_cell >= 0 else None)
    labels = chapter.labels()
    loose = []
    for spec in extras:
        section = _section_with_label(doctree, spec.plaats) if spec.plaats in labels else None
        if section is None:
            loose.append(spec)
        else:
            _insert_in_section(section, [_exercise_node(spec)], handin)
    if not loose:
        return
    extra = nodes.section("", ids=[b.plaatsing.EXTRA_ID], names=[b.plaatsing.EXTRA_TITEL.lower()])
    extra += nodes.title("", b.plaatsing.EXTRA_TITEL)
    extra += nodes.paragraph("", "Deze casussen horen ook bij dit hoofdstuk." if len(loose) > 1
                             else "Deze casus hoort ook bij dit hoofdstuk.")
    for spec in loose:
        extra += _exercise_node(spec)
    if handin is not None:
        handin.parent.insert(handin.parent.index(handin), extra)
    else:
        top = next(iter(doctree.findall(nodes.section)), doctree)
        top += extra


# ------------------------------------------------------------------------------------------------
# Wiring
# ------------------------------------------------------------------------------------------------

def _init_env(app: Sphinx, env, docnames) -> None:
    if not hasattr(env, "lsp_pages_css"):
        env.lsp_pages_css = {}


def _purge(app: Sphinx, env, docname: str) -> None:
    getattr(env, "lsp_pages_css", {}).pop(docname, None)


def _merge(app: Sphinx, env, docnames, other) -> None:
    env.lsp_pages_css = getattr(env, "lsp_pages_css", {})
    for docname in docnames:
        if docname in getattr(other, "lsp_pages_css", {}):
            env.lsp_pages_css[docname] = other.lsp_pages_css[docname]


def _outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    """A new or removed exercise file changes chapter pages and the generated pages."""
    names = sorted(p.name for p in exercises_dir(app).glob("*.yml"))
    if getattr(env, "lsp_spec_names", None) == names:
        return []
    env.lsp_spec_names = names
    users = set(getattr(env, "lsp_pages_css", {}))
    users |= {d for d in env.found_docs if CHAPTER_DOC.match(d)}
    return sorted(users - set(added) - set(removed))


def _page_css(app: Sphinx, pagename, templatename, context, doctree) -> None:
    css = getattr(app.env, "lsp_pages_css", {}).get(pagename)
    if css:
        app.add_css_file(css)   # inside html-page-context: for this page only


def setup(app: Sphinx) -> dict:
    app.add_directive("lsp-werkboek", WerkboekDirective)
    app.add_directive("lsp-overzicht", OverzichtDirective)
    app.connect("builder-inited", _check_exercises)
    app.connect("builder-inited", _write_structure)   # before Sphinx compares dependencies
    app.connect("env-before-read-docs", _init_env)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
    # before the toctree collector (priority 500), so "Extra casussen" is in the page contents
    app.connect("doctree-read", _add_extra_cases, priority=400)
    app.connect("html-page-context", _page_css)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
