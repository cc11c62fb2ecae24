# Two commands do everything on a fresh machine with only Python 3.11+:
#   make build   create .venv, install, build the site into site/
#   make test    the same plus test tools and Debian's Chromium, then lint and the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.test-installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

NODE_INSTALLED := node_modules/.installed
# ProperDocs, the maintained fork of MkDocs 1.6, in a venv of its own (see README, "Engines").
PD_VENV := .venv-properdocs
PD_INSTALLED := $(PD_VENV)/.installed

.PHONY: build serve edit test lint check validate gate-tools browser print-deps office schemas \
	golden bench properdocs demo-video clean

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# Our package and Material with the same pins, ProperDocs pinned in pyproject.toml, and MkDocs
# itself removed, so a build there cannot fall back on MkDocs.
$(PD_INSTALLED): pyproject.toml
	@test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PD_VENV)/bin/python -m pip install --quiet -e '.[properdocs]'
	$(PD_VENV)/bin/python -m pip uninstall --quiet -y mkdocs mkdocs-get-deps
	@touch $@

## build: validate data/ and build the site into site/ (a failed build keeps the old site/);
##   the web editor /quan-tri/ is copied from node_modules (npm ci, package-lock.json)
build: $(INSTALLED) $(NODE_INSTALLED) print-deps
	$(BIN)/cchc build

## serve: preview on http://127.0.0.1:8000 with live reload of content/, data/ and templates/
serve: $(INSTALLED) $(NODE_INSTALLED) print-deps
	$(BIN)/cchc serve

EDIT_PORT ?= 8081
## edit: write in the browser: the preview on http://127.0.0.1:8000, the editor at
##   http://127.0.0.1:8000/quan-tri/ saving into content/ and data/ through decap-server on
##   127.0.0.1:$(EDIT_PORT) (both listen on 127.0.0.1 only; Ctrl+C stops both)
edit: $(INSTALLED) $(NODE_INSTALLED) print-deps
	@PORT=$(EDIT_PORT) BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$(CURDIR)" \
	  node node_modules/decap-server/dist/index.js & server=$$!; \
	  trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	  CCHC_EDITOR_PORT=$(EDIT_PORT) $(BIN)/cchc serve --dev-addr 127.0.0.1:8000

## validate: check data/ and content/ only and list every problem (what `cchc check` does)
validate: $(INSTALLED)
	$(BIN)/cchc check

## check: the quality gates on the built site: accessibility (axe-core, desktop and phone),
##   valid HTML (Nu Html Checker), every link and anchor, CSP, keyboard, privacy
check: $(TEST_INSTALLED) browser print-deps gate-tools
	$(BIN)/python -m pytest -m gate

## gate-tools: axe-core and vnu.jar from npm (package-lock.json), and Java for vnu.jar
gate-tools: $(NODE_INSTALLED)
	@command -v java >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }

# vnu-jar's postinstall would download a Java runtime: --ignore-scripts, Debian's Java is used.
# Node and npm come from Debian when missing (the build copies the editor from node_modules).
$(NODE_INSTALLED): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

## browser: Debian's Chromium (and Vietnamese-capable fonts) for the browser tests
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null; }

## office: LibreOffice Writer (headless) and Poppler, to open the .docx report as agencies do
office:
	@{ command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libreoffice-writer-nogui \
	    poppler-utils >/dev/null; }

## print-deps: what the print PDFs need from Debian: Pango (WeasyPrint), HarfBuzz-Subset (which
##   subsets the embedded fonts in C, where fontTools takes seconds a build) and the Noto fonts
print-deps:
	@{ [ -f /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf ] && \
	   /sbin/ldconfig -p | grep -q 'libpangoft2-1.0.so.0' && \
	   /sbin/ldconfig -p | grep -q 'libharfbuzz-subset.so.0'; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-noto-core \
	    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null; }

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check .

## properdocs: build the demo with ProperDocs as well and compare it with the MkDocs build
properdocs: $(TEST_INSTALLED) $(PD_INSTALLED) print-deps
	$(BIN)/python -m pytest -q tests/test_properdocs.py

## test: lint, the quality gates (make check), then every other test (unit, golden, site, browser)
test: $(TEST_INSTALLED) $(PD_INSTALLED) browser print-deps office lint check
	$(BIN)/python -m pytest -m "not gate"

## schemas: regenerate the JSON Schemas in schemas/ after changing a model
schemas: $(INSTALLED)
	$(BIN)/cchc schema

## golden: rewrite the golden files in tests/golden/ after an intended output change
golden: $(TEST_INSTALLED)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q -m "not browser"

## demo-video: remake the demo's video guide (slides, silent H.264, captions) with Debian's ffmpeg
demo-video: $(INSTALLED)
	@command -v ffmpeg >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null; }
	$(BIN)/python scripts/make_demo_video.py

## bench: build synthetic corpora (1,000, 5,000 and 10,000 articles) with ours, Pelican, Material's
##   blog and Hugo, warm rebuilds and the preview latency of ours; Pelican lives in .venv-pelican
##   (its pins clash with Material's). BENCH_ARGS=--quick tries it small, --readme writes README
bench: $(TEST_INSTALLED) browser
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	@test -x .venv-pelican/bin/python || $(PYTHON) -m venv .venv-pelican
	.venv-pelican/bin/python -m pip install --quiet -r bench/pelican-requirements.txt
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache .ruff_cache .cache .hypothesis node_modules \
	  $(PD_VENV) .venv-pelican
