"""Pack the built site into one zip that works after unzipping: double-click index.html.

    python tools/zip_site.py [_build/html] [_build/lerende-sociale-professionals.zip]

Everything sits in one top folder (so unzipping never scatters files), with a short Dutch
LEESMIJ.txt next to index.html. Entries are sorted and dated at a fixed time, so the same site
gives the same zip.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = "lerende-sociale-professionals"
DEFAULT_HTML = ROOT / "_build" / "html"
DEFAULT_ZIP = ROOT / "_build" / f"{TOP}.zip"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
LEESMIJ = """Lerende sociale professionals: interactief leer- en werkboek

Openen: pak dit zip-bestand eerst helemaal uit (niet openen vanuit het zip-venster) en
dubbelklik dan op index.html. Het boek werkt zonder internet.

Je antwoorden bij de oefeningen blijven in je eigen browser op deze computer. Lever ze in met
het blok "Inleveren" onderaan elk hoofdstuk (download als bestand of afdrukken als pdf).
"""


def make_zip(html_dir: Path = DEFAULT_HTML, out: Path = DEFAULT_ZIP) -> Path:
    html_dir = Path(html_dir)
    if not (html_dir / "index.html").is_file():
        raise SystemExit(f"Geen gebouwde site in {html_dir} (index.html ontbreekt). Draai eerst: make book")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.tmp")
    files = sorted(p for p in html_dir.rglob("*") if p.is_file() and p.name != ".buildinfo")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{TOP}/{name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)

        add("LEESMIJ.txt", LEESMIJ.encode("utf-8"))
        for path in files:
            add(path.relative_to(html_dir).as_posix(), path.read_bytes())
    tmp.replace(out)
    return out


def main(argv: list[str]) -> int:
    html_dir = Path(argv[0]) if argv else DEFAULT_HTML
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_ZIP
    path = make_zip(html_dir, out)
    print(f"Zip van de site: {path} ({path.stat().st_size // 1024} kB). Uitpakken en index.html openen.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
