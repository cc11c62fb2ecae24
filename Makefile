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

.PHONY: build serve test lint check browser print-deps schemas golden bench clean

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

## build: validate data/ and build the site into site/ (a failed build keeps the old site/)
build: $(INSTALLED) print-deps
	$(BIN)/cchc build

## serve: preview on http://127.0.0.1:8000 with live reload of content/, data/ and templates/
serve: $(INSTALLED) print-deps
	$(BIN)/mkdocs serve

## check: validate data/ only and list every problem
check: $(INSTALLED)
	$(BIN)/cchc check

## browser: Debian's Chromium (and Vietnamese-capable fonts) for the browser tests
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null; }

## print-deps: what the print PDFs need from Debian: Pango (WeasyPrint) and the Noto fonts
print-deps:
	@{ [ -f /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf ] && \
	   /sbin/ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-noto-core \
	    libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check .

## test: lint, then every test (unit, golden, whole-site build, headless Chromium)
test: $(TEST_INSTALLED) browser print-deps lint
	$(BIN)/python -m pytest

## schemas: regenerate the JSON Schemas in schemas/ after changing a model
schemas: $(INSTALLED)
	$(BIN)/cchc schema

## golden: rewrite the golden files in tests/golden/ after an intended output change
golden: $(TEST_INSTALLED)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q -m "not browser"

## bench: build synthetic corpora (1,000 and 5,000 articles) with ours, Material's blog, Hugo
bench: $(TEST_INSTALLED) browser
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache .ruff_cache .cache/posters .hypothesis
