"""Escape-by-default HTML for the pages Python generates (workbook, overview, extra cases).

The Python twin of the front-end's text-only ``h()``: ``el(tag, *children, **attrs)`` escapes
every string child and every attribute value, so text from an exercise file can never become
markup. Only what ``el`` itself returned (a :class:`Markup`) is inserted as is.

    el("p", "a < b", class_="lsp-meta")        ->  <p class="lsp-meta">a &lt; b</p>
    el("td", el("span", class_="vak"), "x")    ->  <td><span class="vak"></span>x</td>

Attribute names: a trailing ``_`` is dropped (``class_``), other ``_`` become ``-``
(``aria_hidden``, ``data_vraag``). ``True`` writes a bare attribute; ``None``/``False`` omit it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

VOID = frozenset({"br", "col", "hr", "img", "input", "meta", "link", "wbr"})


class Markup(str):
    """HTML that ``el`` made (or that the caller vouches for); inserted without escaping."""

    __slots__ = ()


def _child(kid: Any) -> Iterable[str]:
    if kid is None or kid is False:
        return
    if isinstance(kid, Markup):
        yield kid
    elif isinstance(kid, str):
        yield html.escape(kid, quote=False)
    elif isinstance(kid, (int, float)) and not isinstance(kid, bool):
        yield str(kid)
    elif isinstance(kid, Iterable):
        for k in kid:
            yield from _child(k)
    else:
        raise TypeError(f"el(): kan een {type(kid).__name__} niet als kind gebruiken")


def _attr_name(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


def attrs(**attributes: Any) -> str:
    """The attribute text (with a leading space per attribute), values escaped."""
    out = []
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        key = _attr_name(name)
        if value is True:
            out.append(f" {key}")
        else:
            out.append(f' {key}="{html.escape(str(value), quote=True)}"')
    return "".join(out)


def el(tag: str, *children: Any, **attributes: Any) -> Markup:
    """One element; string children and attribute values are escaped."""
    if not tag.isalnum():
        raise ValueError(f"el(): ongeldige tag {tag!r}")
    start = f"<{tag}{attrs(**attributes)}>"
    if tag in VOID:
        if any(c not in (None, False) for c in children):
            raise ValueError(f"el(): <{tag}> kan geen inhoud hebben")
        return Markup(start)
    return Markup(start + "".join(_child(children)) + f"</{tag}>")


def fragment(*children: Any) -> Markup:
    """Several children side by side, escaped like the children of ``el``."""
    return Markup("".join(_child(children)))
