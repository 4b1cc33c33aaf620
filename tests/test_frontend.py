"""The front-end's build step and pure logic: the bundler (book/frontend.py), the JavaScript
unit tests (node --test tests/js/), and the facts the browser shares with Python."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from book import answers, config, frontend

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")


def _node(*args: str, **kwargs) -> subprocess.CompletedProcess:
    if NODE is None:
        pytest.fail("Node.js ontbreekt: installeer het Debian-pakket 'nodejs' (nodig voor de tests van de front-end).")
    return subprocess.run([NODE, *args], capture_output=True, text=True, cwd=ROOT, timeout=300, **kwargs)


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_javascript_unit_tests_pass():
    """The pure logic (sanitising, progress, storage, merging, the bewaarder) under Node's runner."""
    proc = _node("--test", "tests/js/")
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "# fail 0" in proc.stdout
    passed = int(proc.stdout.split("# pass ")[1].split()[0])
    assert passed >= 40, proc.stdout[-2000:]


def test_javascript_constants_equal_the_python_ones():
    proc = _node("--input-type=module", "-e",
                 "import * as c from './book/static/lsp/src/constanten.js'; console.log(JSON.stringify(c));")
    assert proc.returncode == 0, proc.stderr
    js = json.loads(proc.stdout)
    assert js["STELLING_SCHAAL"] == list(config.STELLING_SCHAAL)
    assert js["DEFAULT_SCHAAL"] == list(config.DEFAULT_SCHAAL)
    assert js["DEFAULT_SOORTEN"] == list(config.DEFAULT_SOORTEN)
    assert js["KWALITEITEN"] == list(config.KWALITEITEN)
    assert js["DEFAULT_KNOOP_WOORD"] == config.DEFAULT_KNOOP_WOORD
    assert js["MAX_TEKST"] == config.MAX_TEKST
    assert js["VERZONNEN_LABEL"] == config.VERZONNEN_LABEL
    assert js["ANTWOORDEN_FORMAAT"] == answers.ANTWOORDEN_FORMAAT
    assert js["ANTWOORDEN_VERSIE"] == answers.ANTWOORDEN_VERSIE
    fields = answers.AntwoordBestand.model_fields
    assert js["MAX_NAAM"] == _max_length(fields["naam"]) == _max_length(answers.NetwerkKnoop.model_fields["naam"])
    assert js["MAX_STUDENTNUMMER"] == _max_length(fields["studentnummer"])


def _max_length(field) -> int:
    return next(m.max_length for m in field.metadata if getattr(m, "max_length", None) is not None)


def test_text_length_is_counted_the_same_way_in_python_and_the_browser():
    samples = ["", "abc", "😀", "👋🏽 שלום", "e\u0301", "\U0001F1F3\U0001F1F1"]
    proc = _node("-e", f"console.log(JSON.stringify({json.dumps(samples)}.map(s => s.length)))")
    assert json.loads(proc.stdout) == [config.tekst_lengte(s) for s in samples] == [0, 3, 2, 9, 2, 4]


# ---- the bundler ------------------------------------------------------------------------------


def test_bundles_run_and_expose_render(tmp_path):
    esm = tmp_path / "esm.mjs"
    esm.write_text(frontend.esm(), encoding="utf-8")
    proc = _node("--input-type=module", "-e",
                 f"const m = await import({json.dumps(esm.as_uri())}); console.log(Object.keys(m.default).join(','), typeof m.default.render);")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["render", "function"]
    # anywidget's current contract: only a default export, no named `render` (deprecated)
    assert "\nexport function render" not in frontend.esm()
    # the site gets a classic script: no import or export statement may be left in it
    site = frontend.site_script()
    assert not [line for line in site.splitlines() if line.startswith(("import ", "export "))]
    check = subprocess.run([NODE, "--check"], input=site, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_modules_run_in_dependency_order_with_their_own_scope(tmp_path):
    src = _tree(tmp_path, {
        "main.js": 'import { tel as optellen, NAAM } from "./sub/a.js";\nimport * as b from "./b.js";\n'
                   "const NAAM2 = NAAM;\nexport default { r: optellen(2, 3) + b.x, naam: NAAM2, b: b.naam() };\n",
        "sub/a.js": 'import { x } from "../b.js";\nconst geheim = 1;\nexport function tel(p, q) { return p + q + geheim * 0 + x * 0; }\n'
                    'export const NAAM = "a";\n',
        "b.js": "const geheim = 2;\nexport const x = 10;\nfunction naam() { return 'b' + geheim; }\nexport { naam };\n",
    })
    out = frontend.bundle("main.js", "esm", src)
    assert out.index('"b.js"') < out.index('"sub/a.js"') < out.index('"main.js"')
    mod = tmp_path / "out.mjs"
    mod.write_text(out, encoding="utf-8")
    proc = _node("--input-type=module", "-e", f"const m = await import({json.dumps(mod.as_uri())}); console.log(JSON.stringify(m.default));")
    assert json.loads(proc.stdout) == {"r": 15, "naam": "a", "b": "b2"}
    iife = frontend.bundle("main.js", "iife", src)
    assert subprocess.run([NODE, "-e", iife], capture_output=True, text=True).returncode == 0


@pytest.mark.parametrize(
    "files, message",
    [
        ({"main.js": 'import { y } from "./b.js";\n', "b.js": "export const x = 1;\n"}, "exporteert geen 'y'"),
        ({"main.js": 'import { x } from "./weg.js";\n'}, "bestaat niet"),
        ({"main.js": 'import { x } from "./b.js";\n', "b.js": 'import { m } from "./main.js";\nexport const x = 1;\n'}, "kringverwijzing"),
        ({"main.js": 'import x from "./b.js";\n', "b.js": "export default 1;\n"}, "niet ondersteund"),
        ({"main.js": 'import { x } from "lodash";\n'}, "alleen relatieve imports"),
        ({"main.js": 'import { x } from "../buiten.js";\n'}, "buiten de bronmap"),
        ({"main.js": "export let x = 1;\n"}, "niet ondersteund"),
        ({"main.js": "export default 1;\nexport default 2;\n"}, "meer dan één export default"),
    ],
)
def test_unsupported_syntax_is_an_error_not_passed_through(tmp_path, files, message):
    src = _tree(tmp_path, files)
    with pytest.raises(frontend.BundleError, match=message):
        frontend.bundle("main.js", "esm", src)


def test_bundle_is_rebuilt_when_a_source_changes(tmp_path):
    src = _tree(tmp_path, {"site.js": "export const x = 1;\n"})
    first = frontend.site_script(src)
    (src / "site.js").write_text("export const x = 22;\n", encoding="utf-8")
    assert frontend.site_script(src) != first and "22" in frontend.site_script(src)
    out = frontend.write_site_bundle(tmp_path / "uit", src)
    assert out.name == frontend.SITE_BUNDLE_NAME and out.read_text(encoding="utf-8") == frontend.site_script(src)


def test_command_line(tmp_path):
    assert frontend.main(["site", str(tmp_path / "s.js")]) == 0
    assert (tmp_path / "s.js").read_text(encoding="utf-8") == frontend.site_script()
    assert frontend.main(["esm", str(tmp_path / "e.js")]) == 0
    assert frontend.main(["anders"]) == 2


# ---- minifying the site script (issue 13: fewer bytes per page) ---------------------------------


def test_site_script_is_minified_and_still_valid():
    full = frontend.bundle(frontend.SITE_ENTRY, "iife")
    site = frontend.site_script()
    assert site.startswith(frontend.MINIFIED_HEADER)
    assert len(site.encode()) < 0.8 * len(full.encode())        # measured: 106 of 153 kB
    assert "// ----" not in site and "\n  " not in site         # no comments, no indentation


def test_javascript_unit_tests_pass_on_the_minified_sources(tmp_path):
    """The minifier changes no behaviour: Node's unit tests run against every source module
    minified on its own, in the same folder layout as in the repository."""
    src_copy = tmp_path / "book" / "static" / "lsp" / "src"
    for path in frontend.SRC_DIR.rglob("*.js"):
        target = src_copy / path.relative_to(frontend.SRC_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(frontend.minify(path.read_text(encoding="utf-8"), path.name), encoding="utf-8")
    shutil.copy(frontend.SRC_DIR / "package.json", src_copy / "package.json")
    shutil.copytree(ROOT / "tests" / "js", tmp_path / "tests" / "js")
    assert len((src_copy / "antwoorden.js").read_text(encoding="utf-8")) < len((frontend.SRC_DIR / "antwoorden.js").read_text(encoding="utf-8"))
    proc = subprocess.run([NODE, "--test", "tests/js/"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0 and "# fail 0" in proc.stdout, proc.stdout[-6000:] + proc.stderr[-2000:]


@pytest.mark.parametrize(
    "text, line",
    [
        ("const a = `x ${b ? `y ${c}` : 'z'}`;", 1),                       # the limit of rJSmin
        ("const a = 1;\nconst t = `x ${f({ k: `j` })}`;", 2),               # inside braces of ${...}
        ("const a = `x ${b ? 'y' : \"z\"} ${ {k: 1}.k }`;", None),          # strings, braces: fine
        ("const a = '`'; // `a ${`b`}`\n/* `${`c`}` */ const r = /`/;", None),  # backticks not in code
        ("const d = 4 / 2; const t = `${d / 2}` + `${'`'}`;", None),       # division, string in ${...}
        ("function f() { return /[`/]/.test('`') ? `${x}` : ''; }", None),  # regex after return
    ],
)
def test_nested_template_literals_are_found(text, line):
    assert frontend.nested_template(text) == line


def test_a_nested_template_literal_stops_the_site_script(tmp_path):
    """rJSmin would collapse the spaces of the inner template ("3 keuzes" -> "3keuzes")."""
    src = _tree(tmp_path, {"site.js": "export const x = (n) => `pad (${n === 1 ? '1 keuze' : `${n} keuzes`})`;\n"})
    with pytest.raises(frontend.BundleError, match=r"^site.js:1: een template literal binnen een ander"):
        frontend.site_script(src)
