"""Migrate the chapter notebooks to the form JupyterLab can render (idempotent; run it any time).

    .venv/bin/python tools/migrate_chapters.py            # chapters/*.ipynb and docent/*.ipynb
    .venv/bin/python tools/migrate_chapters.py PAD.ipynb  # only these notebooks

What changes (``book.lab.migreer``): ``{glue:text}`id``` becomes ``{eval}`id```, the first code cell
``glue_numbers()`` becomes ``globals().update(getallen())``, figure and exercise code is collapsed
(``jupyter.source_hidden`` from the ``remove-*`` tags), and outputs and JupyterLab's metadata go.
The text itself is not touched. ``tests/test_jupyterlab.py::test_every_chapter_is_migrated`` fails
on any notebook this script would still change.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from book.lab import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["migreer", *sys.argv[1:]]))
