"""Command line.

- ``python -m book klas <map> [--hoofdstuk N] [--html rapport.html]`` prints the class view.
- ``python -m book controleer`` checks every exercise and data file (exit status 1 on a problem).
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book", description="Hulpmiddelen bij het leerboek.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    klas = sub.add_parser("klas", help="voeg een map met antwoordbestanden samen tot een anoniem klasoverzicht")
    klas.add_argument("map", help="map met wat studenten inleverden: JSON-bestanden, submappen of zip-bestanden")
    klas.add_argument("--hoofdstuk", type=int, default=None, help="hoofdstuk 0-6 (standaard: het meest voorkomende)")
    klas.add_argument("--html", metavar="BESTAND", default=None,
                      help="schrijf ook een HTML-pagina voor het digibord (buiten de map met antwoorden)")
    sub.add_parser("controleer", help="controleer alle oefeningen (exercises/*.yml) en gegevens (data/*.csv)")
    args = parser.parse_args(argv)

    if args.opdracht == "controleer":
        from book.controle import controleer, rapport as controle_rapport

        uitslag = controleer()
        print(controle_rapport(uitslag), file=sys.stdout if uitslag.in_orde else sys.stderr)
        return 0 if uitslag.in_orde else 1

    from book.klas import KlasFout, lees_map, rapport, schrijf_html

    # a terminal that cannot show a character gets a replacement, never a crash
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        k = lees_map(args.map, args.hoofdstuk)
        if args.html:
            schrijf_html(k, args.html, args.map)
        print(rapport(k))
        if args.html:
            print(f"\nHTML-overzicht voor het digibord: {args.html}")
    except KlasFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Fout: het HTML-bestand kan niet geschreven worden ({exc.strerror}).", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
