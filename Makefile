# NLKA platform. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes in parallel (pytest-xdist); "auto" is one per CPU core, 0 runs in-process.
TEST_WORKERS ?= auto
SIZES ?= 1000,10000,100000
DURATION ?= 10
WORKERS ?= 2
CONNECTIONS ?= 8
LAUNCHES ?= 1000
UPLOAD_MB ?= 1024

.PHONY: help run install install-dev test lint format migrations-check deploy-check messages bench ci clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; $(PYTHON) is " + sys.version.split()[0] + ". Run: make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet ".[dev]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the site's dependencies
	@$(BIN)/python -c 'import sys; from repository.checks import libmagic_problem; p = libmagic_problem(); sys.exit(p) if p else None'

install-dev: $(VENV)/.installed-dev ## Create .venv with the test and lint tools as well
	@$(BIN)/python -c 'import sys; from repository.checks import libmagic_problem; p = libmagic_problem(); sys.exit(p) if p else None'

run: install ## Set up and start the site with demo content on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	@echo
	@echo "  NLKA runs at http://$(HOST):$(PORT)/  (Wagtail admin: http://$(HOST):$(PORT)/admin/)"
	@echo
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-dev ## Run the whole test suite (SQLite; set DATABASE_URL for PostgreSQL)
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Rewrite code in the house style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install-dev ## Fail when a model change lacks a migration
	$(MANAGE) makemigrations --check --dry-run

deploy-check: install-dev ## Run Django's deployment checks under production settings
	DJANGO_SETTINGS_MODULE=cms.settings.production \
	SECRET_KEY=deploy-check-only-$$(printf '%064d' 0) \
	ALLOWED_HOSTS=nlka.example \
	VAR_DIR=$$(mktemp -d) \
	$(MANAGE) check --deploy --fail-level WARNING

messages: install-dev ## Update locale/en/LC_MESSAGES/django.po and compile it (needs GNU gettext)
	$(MANAGE) makemessages -l en -i ".venv/*" -i "var/*" -i "tests/*"
	$(MANAGE) compilemessages -l en -i ".venv" -i "var"

bench: install ## Load-test gunicorn at SIZES materials; writes bench/results/<date>-<db>.md
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }; } \
		|| { echo "make bench needs wrk: install it with 'apt-get install wrk' (as root)" >&2; exit 2; }
	$(BIN)/python -m bench.run --sizes=$(SIZES) --duration=$(DURATION) --workers=$(WORKERS) \
		--connections=$(CONNECTIONS) --launches=$(LAUNCHES) --upload-mb=$(UPLOAD_MB)

ci: ## Run what CI runs (.ci/run)
	bash .ci/run

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var .pytest_cache .ruff_cache
