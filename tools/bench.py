"""Benchmark: build times and page weight. A measurement, not a test (`make bench`).

Builds a copy of the book from scratch in a temporary folder (clean build), changes one
paragraph of one chapter and builds again (incremental rebuild), then opens every chapter page
in headless Chromium, served on 127.0.0.1, and records the bytes loaded and the time until the
page is interactive (load event, and every exercise mounted). Beside each page it measures the
same text as bare HTML (the lower limit) and what the exercises cost: the bytes of the
exercise front-end plus the exercise data embedded in the page.

Writes bench/results.csv and prints the table.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_helpers import launch_browser, offline_page, serve_directory  # noqa: E402

IGNORE = shutil.ignore_patterns("_build", ".venv", ".git", "__pycache__", ".pytest_cache", "bench")
READY_JS = """() => Array.from(document.querySelectorAll('.lsp-oefening'))
                  .every(el => el.querySelector(':scope > :not(script):not(noscript)'))"""


def build(src: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", str(src), "-n", "-W", "--keep-going", "-q"],
        cwd=src,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def edit_one_chapter(src: Path) -> None:
    path = src / "chapters" / "01_outreach_mda.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + "\n\nEen extra zin voor de meting."
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def measure(browser, url: str) -> dict:
    page, log = offline_page(browser)
    sizes: list[tuple[str, int]] = []

    def on_response(resp):
        try:
            sizes.append((resp.url, len(resp.body())))
        except Exception:  # redirects and aborted requests have no body
            pass

    page.on("response", on_response)
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    page.wait_for_function(READY_JS, timeout=30000)
    interactive = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    embedded = page.evaluate(
        "() => Array.from(document.querySelectorAll('.lsp-oefening, .lsp-inleveren'))"
        ".reduce((n, el) => n + new Blob([el.outerHTML]).size, 0)"
    )
    text = page.evaluate("() => (document.querySelector('article') || document.body).innerText")
    page.context.close()
    assert not log.external_requests, log.external_requests
    total = sum(n for _, n in sizes)
    exercise = sum(n for u, n in sizes if "/_static/lsp/" in u) + embedded
    return {"bytes": total, "seconds": interactive, "exercise_bytes": exercise, "text": text}


def bare_page(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
    return f'<!doctype html><html lang="nl"><meta charset="utf-8"><title>kaal</title><main>{paragraphs}</main></html>'


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="lsp-bench-") as tmp:
        src = Path(tmp) / "book"
        shutil.copytree(ROOT, src, ignore=IGNORE)
        clean = build(src)
        edit_one_chapter(src)
        incremental = build(src)
        rows.append({"meting": "schone bouw", "pagina": "", "seconden": f"{clean:.1f}"})
        rows.append({"meting": "herbouw na wijziging in één hoofdstuk", "pagina": "", "seconden": f"{incremental:.1f}"})

        site = src / "_build" / "html"
        bare_dir = site / "_bare"
        bare_dir.mkdir()
        with serve_directory(site) as url, launch_browser() as browser:
            for chapter in sorted((site / "chapters").glob("[0-9]*.html")):
                name = chapter.stem
                full = measure(browser, f"{url}chapters/{name}.html")
                (bare_dir / f"{name}.html").write_text(bare_page(full["text"]), encoding="utf-8")
                bare = measure(browser, f"{url}_bare/{name}.html")
                share = 100 * full["exercise_bytes"] / full["bytes"]
                rows.append(
                    {
                        "meting": "pagina",
                        "pagina": name,
                        "seconden": f"{full['seconds']:.2f}",
                        "bytes": full["bytes"],
                        "bytes_oefeningen": full["exercise_bytes"],
                        "aandeel_oefeningen_procent": f"{share:.1f}",
                        "kaal_bytes": bare["bytes"],
                        "kaal_seconden": f"{bare['seconds']:.2f}",
                    }
                )

    fields = ["meting", "pagina", "seconden", "bytes", "bytes_oefeningen", "aandeel_oefeningen_procent", "kaal_bytes", "kaal_seconden"]
    out = ROOT / "bench" / "results.csv"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)
    widths = {f: max(len(f), *(len(str(r.get(f, ""))) for r in rows)) for f in fields}
    print("  ".join(f.ljust(widths[f]) for f in fields))
    for r in rows:
        print("  ".join(str(r.get(f, "")).ljust(widths[f]) for f in fields))
    print(f"\ngeschreven: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
