"""A small bundler for the exercise front-end: ES modules in, one script out. No npm needed.

The front-end is written as ES modules under ``book/static/lsp/src/`` (one file per concern,
one per question type). Two hosts need it as a single file:

- JupyterLab (anywidget) takes one ES module as a string (``_esm``): :func:`esm`.
- The static site must also work when opened from disk (``file://``), where Chromium refuses
  module scripts. It gets a classic script (an IIFE) that ``loader.js`` adds with
  ``<script src>`` only on pages with an exercise: :func:`site_script`.

Both are made from the same sources at build or import time; neither is committed. The site
script is minified with rJSmin (comments and whitespace only; names stay as written), so that
every chapter page carries fewer bytes (issue 13). rJSmin reads template literals only when they
are not nested, so a nested one (a template inside a ``${...}`` of another) is a
:class:`BundleError` instead of silently changed text.

Each module becomes a function scope whose return value is its export object, evaluated in
dependency order, so top-level names of different modules never collide. Supported syntax
(anything else is a :class:`BundleError`, never silently passed through):

- ``import { a, b as c } from "./x.js";`` and ``import * as ns from "./x.js";`` (relative only)
- ``export function f``, ``export async function f``, ``export const x``, ``export class C``
- ``export { a, b as c };`` and ``export default <expression>;``

Command line: ``python -m book.frontend site <file>`` or ``python -m book.frontend esm <file>``.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SRC_DIR = Path(__file__).resolve().parent / "static" / "lsp" / "src"
ESM_ENTRY = "anywidget.js"
SITE_ENTRY = "site.js"
SITE_BUNDLE_NAME = "oefeningen.js"   # written next to loader.js in _static/lsp/
REGISTRY = "__lsp_modules"
MINIFIED_HEADER = "// Generated and minified by book/frontend.py from book/static/lsp/src/ (do not edit).\n"

_IMPORT = re.compile(
    r"""^import\s+(?P<what>\{[^}]*\}|\*\s+as\s+(?P<ns>[A-Za-z_$][\w$]*))\s+from\s+
        (?P<q>["'])(?P<spec>[^"']+)(?P=q)\s*;?[ \t]*$""",
    re.M | re.X,
)
_EXPORT_DECL = re.compile(
    r"^export\s+(?P<kind>async\s+function\*?|function\*?|const|class)\s+(?P<name>[A-Za-z_$][\w$]*)", re.M
)
_EXPORT_LIST = re.compile(r"^export\s*\{(?P<names>[^}]*)\}\s*;?[ \t]*$", re.M)
_EXPORT_DEFAULT = re.compile(r"^export\s+default\s+", re.M)
_LEFTOVER = re.compile(r"^\s*(import|export)\b(?!\s*\()", re.M)
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")
DEFAULT_LOCAL = "__standaard"


class BundleError(ValueError):
    """The sources use syntax the bundler does not support, or an import cannot be resolved."""


@dataclass
class Module:
    name: str                                    # path relative to the source folder, posix
    body: str = ""
    imports: list[tuple[str, str]] = field(default_factory=list)   # (module name, binding code)
    exports: dict[str, str] = field(default_factory=dict)          # exported name -> local name


def _names(text: str, where: str) -> list[tuple[str, str]]:
    """'a, b as c' -> [('a', 'a'), ('b', 'c')]."""
    out = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?", part)
        if not m:
            raise BundleError(f"{where}: kan {part!r} niet lezen")
        out.append((m.group(1), m.group(2) or m.group(1)))
    return out


def parse_module(name: str, text: str) -> Module:
    mod = Module(name)
    here = posixpath.dirname(name)

    def on_import(m: re.Match) -> str:
        spec = m.group("spec")
        if not spec.startswith("./") and not spec.startswith("../"):
            raise BundleError(f"{name}: alleen relatieve imports worden gebundeld, niet {spec!r}")
        target = posixpath.normpath(posixpath.join(here, spec))
        if target.startswith(".."):
            raise BundleError(f"{name}: {spec!r} ligt buiten de bronmap")
        if m.group("ns"):
            binding = m.group("ns")
        else:
            pairs = _names(m.group("what")[1:-1], name)
            binding = "{ " + ", ".join(a if a == b else f"{a}: {b}" for a, b in pairs) + " }"
        mod.imports.append((target, binding))
        return ""

    text = _IMPORT.sub(on_import, text)

    def on_decl(m: re.Match) -> str:
        mod.exports[m.group("name")] = m.group("name")
        return m.group(0)[len("export"):].lstrip()

    text = _EXPORT_DECL.sub(on_decl, text)

    def on_list(m: re.Match) -> str:
        for local, exported in _names(m.group("names"), name):
            mod.exports[exported] = local
        return ""

    text = _EXPORT_LIST.sub(on_list, text)
    if len(_EXPORT_DEFAULT.findall(text)) > 1:
        raise BundleError(f"{name}: meer dan één export default")
    if _EXPORT_DEFAULT.search(text):
        text = _EXPORT_DEFAULT.sub(f"const {DEFAULT_LOCAL} = ", text)
        mod.exports["default"] = DEFAULT_LOCAL
    left = _LEFTOVER.search(text)
    if left:
        line = text[: left.start()].count("\n") + 1
        raise BundleError(f"{name}:{line}: deze import of export wordt niet ondersteund: {text[left.start():].splitlines()[0].strip()!r}")
    mod.body = text
    return mod


def load_modules(entry: str, src: Path = SRC_DIR) -> list[Module]:
    """The entry and everything it imports, dependencies first (a cycle is an error)."""
    modules: dict[str, Module] = {}
    order: list[Module] = []
    state: dict[str, str] = {}

    def visit(name: str, chain: list[str]) -> None:
        if state.get(name) == "klaar":
            return
        if state.get(name) == "bezig":
            raise BundleError("kringverwijzing tussen modules: " + " -> ".join(chain + [name]))
        path = src / name
        if not path.is_file():
            raise BundleError(f"module {name!r} bestaat niet (geïmporteerd door {chain[-1] if chain else 'het begin'})")
        state[name] = "bezig"
        mod = parse_module(name, path.read_text(encoding="utf-8"))
        modules[name] = mod
        for dep, _binding in mod.imports:
            visit(dep, chain + [name])
        state[name] = "klaar"
        order.append(mod)

    visit(entry, [])
    for mod in order:                        # every imported name must be exported
        for dep, binding in mod.imports:
            if binding.startswith("{"):
                for part in binding[1:-1].split(","):
                    wanted = part.split(":")[0].strip()
                    if wanted not in modules[dep].exports:
                        raise BundleError(f"{mod.name}: {dep} exporteert geen {wanted!r}")
    return order


_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^")


def nested_template(text: str) -> int | None:
    """The line of the first template literal nested inside another one's ``${...}``, or None.

    A small scanner over comments, strings, regular expressions (a ``/`` where an expression may
    start, the rule jsmin uses too) and template literals, just enough to see nesting."""
    i, n = 0, len(text)
    depth: list[int] = []       # per open template: braces open inside its current ${...}
    in_template = False
    prev = ""                   # last significant character outside strings and comments
    while i < n:
        c = text[i]
        if in_template:
            if c == "\\":
                i += 2
                continue
            if c == "`":
                in_template = False   # (never nested: the scan stops at the first nesting)
                prev = "`"
            elif c == "$" and text.startswith("${", i):
                depth.append(0)
                in_template = False
                i += 2
                prev = "{"
                continue
            i += 1
            continue
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = n if i < 0 else i + 2
            continue
        if c in "'\"":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            prev = c
            continue
        if c == "/" and (prev in _REGEX_BEFORE or prev == "" or re.search(r"\b(return|typeof)\s*$", text[max(0, i - 8):i])):
            j, in_class = i + 1, False
            while j < n and (in_class or text[j] != "/") and text[j] != "\n":
                if text[j] == "\\":
                    j += 1
                elif text[j] == "[":
                    in_class = True
                elif text[j] == "]":
                    in_class = False
                j += 1
            i = j + 1
            prev = "/"
            continue
        if c == "`":
            if depth:
                return text.count("\n", 0, i) + 1
            in_template = True
            i += 1
            continue
        if depth:
            if c == "{":
                depth[-1] += 1
            elif c == "}":
                if depth[-1] == 0:
                    depth.pop()
                    in_template = True
                    i += 1
                    continue
                depth[-1] -= 1
        if not c.isspace():
            prev = c if not (c.isalnum() or c in "_$") else "a"
        i += 1
    return None


_NESTED = ("{where}:{line}: een template literal binnen een ander (${{... `...` ...}}) kan de minifier "
           "niet lezen; schrijf het binnenste deel als gewone string")


def minify(text: str, where: str = "bundel") -> str:
    """Comments and needless whitespace out (rJSmin); see the module docstring for the guard."""
    import rjsmin

    line = nested_template(text)
    if line is not None:
        raise BundleError(_NESTED.format(where=where, line=line))
    return rjsmin.jsmin(text)


def _wrap(mod: Module) -> str:
    lines = [f"// ---- {mod.name}", f'{REGISTRY}[{json.dumps(mod.name)}] = (function () {{', '"use strict";']
    for dep, binding in mod.imports:
        lines.append(f"const {binding} = {REGISTRY}[{json.dumps(dep)}];")
    lines.append(mod.body.strip("\n"))
    exports = ", ".join(f"{json.dumps(k)}: {v}" for k, v in mod.exports.items())
    lines.append(f"return Object.freeze({{ {exports} }});")
    lines.append("})();")
    return "\n".join(lines)


def bundle(entry: str, fmt: Literal["esm", "iife"], src: Path = SRC_DIR) -> str:
    """One file from the entry module and its imports, as an ES module or a classic script."""
    mods = load_modules(entry, src)
    header = (
        "// Generated by book/frontend.py from book/static/lsp/src/ (do not edit; not committed).\n"
    )
    body = "\n".join(_wrap(m) for m in mods)
    if fmt == "esm":
        default = f"{REGISTRY}[{json.dumps(entry)}].default"
        return f"{header}const {REGISTRY} = Object.create(null);\n{body}\nexport default {default};\n"
    if fmt == "iife":
        return f"{header}(function () {{\n\"use strict\";\nconst {REGISTRY} = Object.create(null);\n{body}\n}})();\n"
    raise BundleError(f"onbekend formaat {fmt!r}")


def _sources_key(src: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in src.rglob("*.js")))


_cache: dict[tuple, str] = {}


def _cached(entry: str, fmt: Literal["esm", "iife"], src: Path) -> str:
    key = (entry, fmt, str(src), _sources_key(src))
    if key not in _cache:
        _cache[key] = bundle(entry, fmt, src)
    return _cache[key]


def esm(src: Path = SRC_DIR) -> str:
    """The ES module anywidget loads in JupyterLab (``export default { render }``)."""
    return _cached(ESM_ENTRY, "esm", src)


def site_script(src: Path = SRC_DIR) -> str:
    """The classic script for the static site (works from ``file://`` too), minified."""
    key = ("min", str(src), _sources_key(src))
    if key not in _cache:
        for mod in load_modules(SITE_ENTRY, src):    # name the source file and line, not the bundle's
            line = nested_template((src / mod.name).read_text(encoding="utf-8"))
            if line is not None:
                raise BundleError(_NESTED.format(where=mod.name, line=line))
        _cache[key] = MINIFIED_HEADER + minify(_cached(SITE_ENTRY, "iife", src), SITE_BUNDLE_NAME) + "\n"
    return _cache[key]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def write_site_bundle(folder: Path, src: Path = SRC_DIR) -> Path:
    """Write the site script into ``folder`` (the site's ``_static/lsp``); return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SITE_BUNDLE_NAME
    path.write_text(site_script(src), encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"site", "esm"}:
        print("gebruik: python -m book.frontend site|esm <bestand>", file=sys.stderr)
        return 2
    text = site_script() if argv[0] == "site" else esm()
    Path(argv[1]).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
