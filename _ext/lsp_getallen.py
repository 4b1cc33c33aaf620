"""Local Sphinx extension: ``{eval}`id``` in chapter prose is the number of ``data/`` with that id.

The chapters write numbers as ``{eval}`h2_ek_gekocht``` so that JupyterLab can show them too:
jupyterlab-myst evaluates the role in the kernel, where the chapter's first cell has put every
number under its id (``globals().update(book.glue.getallen())``). myst-nb's own ``{eval}`` role
needs ``execute_notebooks: inline`` (no execution cache, every notebook run again on each read),
so this extension replaces it with a lookup of the same text in ``data/`` through
``book.glue.glued_texts`` -- what the kernel would answer, without asking it. Only a bare id is
accepted; anything else, or an id that ``data/`` does not have, is a warning (so the strict
build fails). The node is the one ``{glue:text}`` made: ``<span class="pasted-text">``.

A change in ``data/`` re-reads every page (``lsp_assets._reexecute_when_inputs_change``).
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_texts: dict[str, str] = {}


def _load(app: Sphinx) -> None:
    from book.glue import glued_texts

    _texts.clear()
    _texts.update(glued_texts())


def eval_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    key = text.strip()
    if not ID.match(key):
        msg = inliner.reporter.warning(
            f"{{eval}}`{key}`: in dit boek staat in {{eval}} alleen het id van een getal uit data/ "
            "(bijvoorbeeld {eval}`h2_ek_gekocht`), geen Python-expressie.",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    if key not in _texts:
        msg = inliner.reporter.warning(
            f"{{eval}}`{key}`: geen getal met id '{key}' in data/*.csv (zie data/README.md).",
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    node = nodes.inline(_texts[key], _texts[key], classes=["pasted-text"])
    node.source, node.line = inliner.reporter.get_source_and_line(lineno)
    return [node], []


def setup(app: Sphinx) -> dict:
    # myst-nb registers its kernel-evaluating {eval} in its own setup, which runs first
    app.add_role("eval", eval_role, override=True)
    app.connect("builder-inited", _load)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
