# Two commands do all set-up on a fresh machine (Python 3.11 + Debian's chromium for the tests):
#   make book   builds the site into _build/html
#   make test   runs the whole test suite (pytest, nbval, strict build, browser checks, verbatim)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
JB_FLAGS := -n -W --keep-going

.PHONY: book docent test bench serve clean zip mutants

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo ""
	@echo "Het boek staat in $(CURDIR)/_build/html/index.html (bekijken op http://127.0.0.1:8000: make serve)"

docent: $(STAMP)
	LSP_EDITIE=docent $(BIN)/jupyter-book build . $(JB_FLAGS) --path-output _build/docent
	@echo ""
	@echo "De docenteneditie staat in $(CURDIR)/_build/docent/_build/html/index.html"

test: $(STAMP)
	tools/ensure_chromium.sh
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python tools/bench.py

zip: book
	$(BIN)/python tools/zip_site.py _build/html _build/lerende-sociale-professionals.zip

# Mutation testing (slow; not part of make test): the JavaScript logic (tools/mutants_js.sh) and,
# when present, the Python part (tools/mutants_py.sh).
mutants: $(STAMP)
	tools/mutants_js.sh
	if [ -x tools/mutants_py.sh ]; then tools/mutants_py.sh; fi

serve: book
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

clean:
	rm -rf _build
