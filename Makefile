# Protege en Línea. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.DEFAULT_GOAL := help
.PHONY: help run setup install db messages static demo test check lint format chromium serve clean bench

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

run: setup ## Set everything up (SQLite unless DATABASE_URL is set) and serve the demo site on http://127.0.0.1:8000
	$(MANAGE) runserver $(HOST):$(PORT)

setup: install db messages static demo ## Create the virtualenv, migrate, compile messages, collect static files, load the demo

install: $(BIN)/.installed ## Create the virtualenv and install the pinned packages

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

db: install ## Apply migrations (and fill per-language page fields, a wagtail-modeltranslation step)
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields
	$(MANAGE) set_translation_url_paths

messages: install ## Compile the interface catalogues in locale/
	$(MANAGE) compile_catalogues

static: install ## Collect static files for whitenoise
	$(MANAGE) collectstatic --noinput --verbosity 0

demo: db ## Load the demo content (idempotent)
	$(MANAGE) load_demo_content

chromium: ## Install Debian's Chromium for the browser tests when it is missing
	@test -x $(CHROMIUM) || (apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null))
	@$(CHROMIUM) --version

check: install ## Django checks, migrations up to date, ruff
	DJANGO_SETTINGS_MODULE=website.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=website.settings.test $(MANAGE) makemigrations --check --dry-run --noinput
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install messages chromium check ## Set up and run the whole suite: checks, ruff, unit and browser tests
	$(BIN)/pytest -m "not browser" -q
	$(BIN)/pytest -m browser -q tests/browser

lint: install ## ruff check
	$(BIN)/ruff check .

format: install ## ruff format and fix imports
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Print speed and size figures (queries per page, page weight)
	$(MANAGE) benchmark_pages

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles
