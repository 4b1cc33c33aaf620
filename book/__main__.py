"""Command line: ``python -m book klas <map> [--hoofdstuk N]`` prints the class view."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book", description="Hulpmiddelen bij het leerboek.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    klas = sub.add_parser("klas", help="voeg een map met antwoordbestanden samen tot een anoniem klasoverzicht")
    klas.add_argument("map", help="map met de JSON-bestanden die studenten inleverden")
    klas.add_argument("--hoofdstuk", type=int, default=None, help="hoofdstuk 0-6 (standaard: het meest voorkomende)")
    args = parser.parse_args(argv)

    from book.klas import KlasFout, lees_map, rapport

    try:
        print(rapport(lees_map(args.map, args.hoofdstuk)))
    except KlasFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
