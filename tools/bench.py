"""Benchmark: build times and page weight against their goals (issue 13). A measurement, not a test.

    make bench            (or: .venv/bin/python tools/bench.py [--snel])

In one run, on this machine:
- builds a copy of the book from scratch (clean build), then again after one changed paragraph
  (one-chapter rebuild), and executes the same notebooks with nbclient alone (bare execution);
- opens every chapter page in headless Chromium, served on 127.0.0.1: bytes with a cold cache,
  bytes of the next chapter with a warm cache, bytes by kind, and the time until every exercise is
  usable, on localhost and under Chromium's "Fast 4G" network emulation with a 4x slower CPU;
- the same text as bare HTML (the lower limit) and a default Jupyter Book 1 page with one
  ipywidgets slider (the peer). The peer's CDN files cannot be fetched by the page here; they are
  served from the npm packages of the versions the page asks for (downloaded once by `npm pack`
  into bench/.cache; `requirejs` ships no minified require.js, so the peer counts the plain one,
  and its page is served without the integrity hashes that pin the CDN's minified file);
- the class view on 300 answer files plus one 5 MB hostile file (tools/bench_klas.py).

Writes bench/results.csv (every measurement) and bench/results.md (the goals table the README
links to) and prints the table. `--snel` skips the builds and reuses _build/html.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CACHE = BENCH / ".cache"
sys.path.insert(0, str(ROOT / "tests"))

from browser_helpers import launch_browser, serve_directory  # noqa: E402

IGNORE = shutil.ignore_patterns("_build", ".venv", ".git", "__pycache__", ".pytest_cache", "bench", ".hypothesis")
READY_JS = """() => { const o = Array.from(document.querySelectorAll('.lsp-oefening'));
                      return o.length > 0 && o.every(el => el.querySelector(':scope > :not(script):not(noscript)')); }"""
PEER_READY_JS = "() => !!document.querySelector('.widget-slider, .jupyter-widgets input, .widget-readout')"

# Chromium DevTools' "Fast 4G" preset (165 ms latency, 9 Mbit/s down and 1.5 Mbit/s up, each
# times DevTools' 0.9 packet factor) and a CPU four times slower than this machine's.
FAST_4G = {"offline": False, "latency": 165, "downloadThroughput": 9_000_000 * 0.9 / 8,
           "uploadThroughput": 1_500_000 * 0.9 / 8}
CPU_SLOWDOWN = 4

# The goals of issue 13, as (label, measured key, limit, unit).
MB = 1_000_000
GOALS = [
    ("hoofdstukpagina, koude cache", "koud_max", 1.0 * MB, "bytes"),
    ("hoofdstukpagina / peer (Jupyter Book 1 met ipywidgets)", "ratio_peer", 0.15, "x"),
    ("volgende hoofdstukpagina, warme cache", "warm_max", 0.35 * MB, "bytes"),
    ("oefeningen bruikbaar, Fast 4G en 4x tragere CPU", "tijd_4g_max", 3.0, "s"),
    ("aandeel oefeningen in de bytes van een pagina", "aandeel_oefeningen_max", 0.25, "x"),
    ("schone bouw / alleen uitvoeren met nbclient", "ratio_bouw_nbclient", 1.5, "x"),
    ("herbouw na één hoofdstuk / schone bouw", "ratio_herbouw", 0.1, "x"),
    ("klasoverzicht: 300 bestanden + 5 MB vijandig bestand", "klas_seconden", 10.0, "s"),
]

KINDS = {".html": "html", ".js": "js", ".mjs": "js", ".css": "css", ".svg": "svg", ".png": "afbeelding",
         ".jpg": "afbeelding", ".ico": "afbeelding", ".woff": "lettertype", ".woff2": "lettertype",
         ".ttf": "lettertype", ".json": "data"}


def kind(url: str) -> str:
    return KINDS.get(Path(urlparse(url).path).suffix.lower(), "overig") if not url.endswith("/") else "html"


# --- builds ------------------------------------------------------------------------------------

def build(src: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-book")), "build", str(src), "-n", "-W", "--keep-going", "-q"],
        cwd=src, check=True, capture_output=True,
    )
    return time.perf_counter() - start


def edit_one_chapter(src: Path) -> None:
    path = src / "chapters" / "01_outreach_mda.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + "\n\nEen extra zin voor de meting."
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def toc_notebooks(src: Path) -> list[Path]:
    files = re.findall(r"file:\s*(\S+)", (src / "_toc.yml").read_text(encoding="utf-8"))
    return [src / f"{f.removesuffix('.ipynb')}.ipynb" for f in files if (src / f"{f.removesuffix('.ipynb')}.ipynb").is_file()]


def execute_bare(src: Path) -> float:
    """Every notebook of the table of contents, executed by nbclient alone (as myst-nb would, in
    the notebook's folder), without Sphinx."""
    import nbformat
    from nbclient import NotebookClient

    start = time.perf_counter()
    for path in toc_notebooks(src):
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


# --- the peer: a default Jupyter Book 1 page with one ipywidgets slider -----------------------

PEER_NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "# Een pagina met een widget\n\nDe standaard van Jupyter Book 1."},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "import ipywidgets as widgets\nwidgets.IntSlider(value=3, min=0, max=10, description='Keuze')"},
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def build_peer(tmp: Path) -> Path:
    peer = tmp / "peer"
    peer.mkdir()
    (peer / "_config.yml").write_text("title: Peer\nauthor: bench\n", encoding="utf-8")
    (peer / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (peer / "index.ipynb").write_text(json.dumps(PEER_NOTEBOOK), encoding="utf-8")
    build(peer)
    return peer / "_build" / "html"


def npm_file(url: str) -> bytes | None:
    """The file a CDN address names, from the npm package of the same version."""
    parsed = urlparse(url)
    path = parsed.path
    if parsed.hostname == "cdnjs.cloudflare.com" and "/require.js/" in path:
        package, version, inner = "requirejs", path.split("/")[4], "require.js"
    elif parsed.hostname in {"cdn.jsdelivr.net", "unpkg.com"}:
        found = re.match(r"^(?:/npm)?/((?:@[^/]+/)?[^/@]+)@([^/]+)/(.*)$", path)
        if not found:
            return None
        package, version, inner = found.groups()
    else:
        return None
    folder = CACHE / f"{package.replace('/', '__')}@{version}"
    if not folder.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(["npm", "pack", f"{package}@{version}", "--silent", "--pack-destination", str(CACHE)],
                             capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        with tarfile.open(CACHE / out) as tar:
            tar.extractall(folder, filter="data")
    target = folder / "package" / inner
    return target.read_bytes() if target.is_file() else None


# --- measuring a page --------------------------------------------------------------------------

class Meter:
    """Bytes on the wire per request (Chromium's own count, so cache hits count as what they cost)."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.urls: dict[str, str] = {}
        self.sizes: dict[str, int] = {}
        self.external: list[str] = []
        self.cdp.on("Network.requestWillBeSent", self._request)
        self.cdp.on("Network.loadingFinished", lambda e: self.sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))

    def _request(self, event: dict) -> None:
        url = event["request"]["url"]
        self.urls[event["requestId"]] = url
        if url.startswith("http") and not url.startswith(self.origin):
            self.external.append(url)

    def reset(self) -> None:
        self.urls.clear()
        self.sizes.clear()

    def total(self) -> int:
        return sum(self.sizes.values())

    def by_kind(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for rid, n in self.sizes.items():
            k = kind(self.urls.get(rid, ""))
            out[k] = out.get(k, 0) + n
        return out


def timed_load(page, url: str, ready: str) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(ready, timeout=120_000)
    return time.perf_counter() - start


def exercise_bytes(page, meter: Meter) -> int:
    # what the page delivers for its exercises: the spec data in their script blocks (the DOM the
    # front-end renders from it afterwards is not transferred)
    embedded = page.evaluate(
        "() => Array.from(document.querySelectorAll('.lsp-oefening script, .lsp-inleveren script'))"
        ".reduce((n, el) => n + new Blob([el.outerHTML]).size, 0)")
    front_end = sum(n for rid, n in meter.sizes.items() if "/_static/lsp/" in meter.urls.get(rid, ""))
    return embedded + front_end


def measure_chapter(browser, base: str, name: str, previous: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    meter = Meter(page, base)
    seconds = timed_load(page, f"{base}chapters/{name}.html", READY_JS)
    page.wait_for_load_state("networkidle")
    cold, kinds = meter.total(), meter.by_kind()
    exercises = exercise_bytes(page, meter)
    text = page.evaluate("() => (document.querySelector('article') || document.body).innerText")
    context.close()

    # warm: the student comes from the previous page of the book
    context = browser.new_context()
    page = context.new_page()
    meter_warm = Meter(page, base)
    page.goto(previous, wait_until="networkidle")
    meter_warm.reset()
    page.goto(f"{base}chapters/{name}.html", wait_until="networkidle")
    warm = meter_warm.total()
    context.close()

    # Fast 4G and a 4x slower CPU, cold cache
    context = browser.new_context()
    page = context.new_page()
    meter_4g = Meter(page, base)
    meter_4g.cdp.send("Network.emulateNetworkConditions", FAST_4G)
    meter_4g.cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    seconds_4g = timed_load(page, f"{base}chapters/{name}.html", READY_JS)
    context.close()
    external = meter.external + meter_warm.external + meter_4g.external
    return {"seconden": seconds, "seconden_4g": seconds_4g, "koud": cold, "warm": warm, "soorten": kinds,
            "oefeningen": exercises, "tekst": text, "andere_hosts": len(external)}


def measure_bare(browser, url: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    meter = Meter(page, url)
    page.goto(url, wait_until="networkidle")
    total = meter.total()
    context.close()
    return total


def measure_peer(browser, base: str, throttled: bool) -> tuple[int, float, list[str]]:
    context = browser.new_context()
    missing: list[str] = []

    def route(r):
        url = r.request.url
        if url == base + "index.html":
            # require.js from npm is not the minified file the page pins by its hash (integrity):
            # without the hash the browser runs it, as it would run the CDN file
            page_html = r.fetch().text()
            r.fulfill(status=200, body=re.sub(r'\s+integrity="[^"]*"', "", page_html),
                      headers={"content-type": "text/html; charset=utf-8"})
            return
        if url.startswith(base):
            r.continue_()
            return
        body = npm_file(url)
        if body is None:
            missing.append(url)
            r.abort()
        else:
            ctype = "text/css" if url.endswith(".css") else "application/javascript"
            r.fulfill(status=200, body=body, headers={"content-type": ctype, "access-control-allow-origin": "*"})

    context.route("**/*", route)
    page = context.new_page()
    meter = Meter(page, base)
    if throttled:
        meter.cdp.send("Network.emulateNetworkConditions", FAST_4G)
        meter.cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    seconds = timed_load(page, base + "index.html", PEER_READY_JS)
    page.wait_for_load_state("networkidle")
    total = meter.total()
    context.close()
    return total, seconds, missing


def bare_page(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
    return f'<!doctype html><html lang="nl"><meta charset="utf-8"><title>kaal</title><main>{paragraphs}</main></html>'


def bench_klas() -> float | None:
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "bench_klas.py")], capture_output=True, text=True)
    found = re.search(r"klas_seconden=([\d.]+)", proc.stdout)
    return float(found.group(1)) if found else None


# --- report ------------------------------------------------------------------------------------

def fmt(value: float, unit: str) -> str:
    if unit == "bytes":
        return f"{value / MB:.2f} MB"
    if unit == "s":
        return f"{value:.1f} s"
    return f"{value:.2f}×"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--snel", action="store_true", help="no builds: measure the pages in _build/html")
    args = ap.parse_args(argv)
    rows: list[dict] = []
    summary: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="lsp-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.snel:
            site = ROOT / "_build" / "html"
        else:
            src = tmp / "book"
            shutil.copytree(ROOT, src, ignore=IGNORE)
            bare_exec = execute_bare(src)
            clean = build(src)
            edit_one_chapter(src)
            rebuild = build(src)
            # the floor of any rebuild: the same command with nothing changed (starting
            # jupyter-book and Sphinx, loading the environment, checking the exercise files)
            nothing = build(src)
            site = src / "_build" / "html"
            summary["ratio_bouw_nbclient"] = clean / bare_exec
            summary["ratio_herbouw"] = rebuild / clean
            summary["ratio_niets"] = nothing / clean
            rows += [{"meting": "alleen uitvoeren met nbclient", "seconden": f"{bare_exec:.1f}"},
                     {"meting": "schone bouw", "seconden": f"{clean:.1f}"},
                     {"meting": "herbouw na wijziging in één hoofdstuk", "seconden": f"{rebuild:.1f}"},
                     {"meting": "bouw zonder wijziging (ondergrens van elke herbouw)", "seconden": f"{nothing:.1f}"}]
        peer_site = build_peer(tmp)

        bare_dir = tmp / "kaal"
        bare_dir.mkdir()
        chapters = sorted(p.stem for p in (site / "chapters").glob("[0-9]*.html"))
        with serve_directory(site) as url, serve_directory(bare_dir) as bare_url, \
                serve_directory(peer_site) as peer_url, launch_browser() as browser:
            peer_bytes, peer_seconds, missing = measure_peer(browser, peer_url, throttled=False)
            _, peer_seconds_4g, _ = measure_peer(browser, peer_url, throttled=True)
            rows.append({"meting": "peer: Jupyter Book 1-pagina met ipywidgets", "bytes_koud": peer_bytes,
                         "seconden": f"{peer_seconds:.2f}", "seconden_4g": f"{peer_seconds_4g:.2f}",
                         "opmerking": f"niet gevonden in npm: {missing}" if missing else ""})
            previous = url + "index.html"
            for name in chapters:
                m = measure_chapter(browser, url, name, previous)
                previous = f"{url}chapters/{name}.html"
                (bare_dir / f"{name}.html").write_text(bare_page(m["tekst"]), encoding="utf-8")
                bare = measure_bare(browser, f"{bare_url}{name}.html")
                rows.append({
                    "meting": "hoofdstukpagina", "pagina": name, "seconden": f"{m['seconden']:.2f}",
                    "seconden_4g": f"{m['seconden_4g']:.2f}", "bytes_koud": m["koud"], "bytes_warm": m["warm"],
                    "bytes_oefeningen": m["oefeningen"], "kaal_bytes": bare,
                    "ratio_peer": f"{m['koud'] / peer_bytes:.3f}", "ratio_kaal": f"{m['koud'] / bare:.1f}",
                    "per_soort": " ".join(f"{k}={v}" for k, v in sorted(m["soorten"].items())),
                    "opmerking": f"{m['andere_hosts']} verzoeken naar andere hosts" if m["andere_hosts"] else "",
                })
    pages = [r for r in rows if r["meting"] == "hoofdstukpagina"]
    summary["koud_max"] = max(r["bytes_koud"] for r in pages)
    summary["warm_max"] = max(r["bytes_warm"] for r in pages)
    summary["ratio_peer"] = summary["koud_max"] / peer_bytes
    summary["tijd_4g_max"] = max(float(r["seconden_4g"]) for r in pages)
    summary["aandeel_oefeningen_max"] = max(r["bytes_oefeningen"] / r["bytes_koud"] for r in pages)
    summary["ratio_kaal_max"] = max(r["bytes_koud"] / r["kaal_bytes"] for r in pages)
    klas = bench_klas()
    if klas is not None:
        summary["klas_seconden"] = klas

    fields = ["meting", "pagina", "seconden", "seconden_4g", "bytes_koud", "bytes_warm", "bytes_oefeningen",
              "kaal_bytes", "ratio_peer", "ratio_kaal", "per_soort", "opmerking"]
    BENCH.mkdir(exist_ok=True)
    with (BENCH / "results.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)

    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    lines = [
        "# Meting (`make bench`)", "",
        f"Gemeten op {time.strftime('%Y-%m-%d')}, {os.cpu_count()} kernen, belasting {load:.1f} bij het einde "
        "(andere processen op de machine rekken de tijden).", "",
        "| doel | grens | gemeten | gehaald |", "|---|---|---|---|",
    ]
    for label, key, limit, unit in GOALS:
        if key in summary:
            ok = "ja" if summary[key] <= limit else "**nee**"
            lines.append(f"| {label} | ≤ {fmt(limit, unit)} | {fmt(summary[key], unit)} | {ok} |")
        else:
            lines.append(f"| {label} | ≤ {fmt(limit, unit)} | niet gemeten | – |")
    if "ratio_niets" in summary:
        lines += ["", f"Ondergrens van elke herbouw: dezelfde bouw zonder één wijziging kost al "
                      f"{summary['ratio_niets']:.2f}× een schone bouw (jupyter-book en Sphinx starten, de omgeving "
                      "laden, de oefenbestanden controleren)."]
    lines += ["", f"Kale HTML met dezelfde tekst (ondergrens): de zwaarste pagina is {summary['ratio_kaal_max']:.1f}× zo zwaar.",
              f"Peer: {fmt(peer_bytes, 'bytes')}, widget bruikbaar na {peer_seconds:.1f} s (Fast 4G: {peer_seconds_4g:.1f} s).",
              "", "| pagina | koud | warm | oefeningen | kaal | s | s (4G) |", "|---|---|---|---|---|---|---|"]
    for r in pages:
        lines.append(f"| {r['pagina']} | {fmt(r['bytes_koud'], 'bytes')} | {fmt(r['bytes_warm'], 'bytes')} | "
                     f"{fmt(r['bytes_oefeningen'], 'bytes')} | {fmt(r['kaal_bytes'], 'bytes')} | {r['seconden']} | {r['seconden_4g']} |")
    (BENCH / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\ngeschreven: {BENCH / 'results.csv'} en {BENCH / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
