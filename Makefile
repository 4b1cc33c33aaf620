# Two commands do all set-up on a fresh machine (Python 3.11 + Debian's chromium for the tests):
#   make book   builds the site into _build/html
#   make test   runs the whole test suite (pytest, nbval, strict build, browser checks, verbatim)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
JB_FLAGS := -n -W --keep-going

# JupyterLab in this venv opens chapters/ and docent/ with their numbers and saves them without
# outputs (book/lab.py); the news feed stays off (no requests to other hosts).
LAB_CONFIG := jupyter-config/jupyter_server_config.json
LAB_SETTINGS := jupyter-config/lab-settings/overrides.json
LAB_PORT ?= 8888

.PHONY: book docent test bench serve clean zip mutants lab schoon instructeur scorm

$(STAMP): pyproject.toml $(LAB_CONFIG) $(LAB_SETTINGS)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	install -D -m 644 $(LAB_CONFIG) $(VENV)/etc/jupyter/jupyter_server_config.json
	install -D -m 644 $(LAB_SETTINGS) $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo ""
	@echo "Het boek staat in $(CURDIR)/_build/html/index.html (bekijken op http://127.0.0.1:8000: make serve)"

docent: $(STAMP)
	LSP_EDITIE=docent $(BIN)/jupyter-book build . $(JB_FLAGS) --path-output _build/docent
	@echo ""
	@echo "De docenteneditie staat in $(CURDIR)/_build/docent/_build/html/index.html"

# Two processes (pytest-xdist), whole test files per process so module fixtures are built once;
# the book itself is built once and shared (tests/conftest.py). TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2

test: $(STAMP)
	tools/ensure_chromium.sh
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

bench: $(STAMP)
	$(BIN)/python tools/bench.py

zip: book
	$(BIN)/python tools/zip_site.py _build/html _build/lerende-sociale-professionals.zip

# SCORM packages for a learning environment (Brightspace, Canvas, Moodle): per chapter and for the
# whole book, SCORM 2004 and 1.2, in _build/scorm/ (README: "Voor docenten: in de leeromgeving").
scorm: book
	$(BIN)/python tools/scorm.py _build/html _build/scorm

# Mutation testing (slow; not part of make test): the JavaScript logic (tools/mutants_js.sh) and,
# when present, the Python part (tools/mutants_py.sh).
mutants: $(STAMP)
	tools/mutants_js.sh
	if [ -x tools/mutants_py.sh ]; then tools/mutants_py.sh; fi

serve: book
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

# Instructors: JupyterLab on this computer only (127.0.0.1), in the project's venv. JupyterLab
# refuses to run as root (a container, a CI machine) unless told --allow-root: only then is it added.
lab: $(STAMP)
	@if [ "$$(id -u)" = 0 ]; then echo "Let op: je werkt als root; JupyterLab start daarom met --allow-root."; fi
	@echo "JupyterLab start op http://127.0.0.1:$(LAB_PORT)/lab (stoppen: Ctrl+C, dan y). Uitvoer wordt niet in chapters/ bewaard."
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) --ServerApp.root_dir="$(CURDIR)" \
		--ServerApp.contents_manager_class=book.lab.BoekContentsManager --LabApp.default_url=/lab/tree/chapters \
		$$(if [ "$$(id -u)" = 0 ]; then echo --allow-root; fi)

# Removes outputs and JupyterLab's metadata from chapters/ and docent/ (what test_repo asks for).
schoon: $(STAMP)
	$(BIN)/python -m book.lab schoon

# The instructor package: chapters, the book package, data and exercises in one zip that runs
# outside this repository (see book/instructeur.py).
instructeur: $(STAMP)
	$(BIN)/python -m book.instructeur

clean:
	rm -rf _build
