# The README's commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
BACKUP_DIR ?= backups

.PHONY: help run test lint format bench setup migrate messages static demo soak backup restore

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/activate: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(BIN)/activate

setup: $(BIN)/activate ## Create the virtualenv and install requirements
	$(PY) -c "import wagtail, django; print('Wagtail', wagtail.__version__, '/ Django', django.get_version())"

messages: setup
	$(MANAGE) compilemessages --ignore=$(VENV) --verbosity=0

static: setup
	DJANGO_SETTINGS_MODULE=settings.dev $(MANAGE) collectstatic --noinput --verbosity=0

migrate: setup
	$(MANAGE) migrate --noinput

run: setup messages migrate static ## Run the site on SQLite with demo content at http://127.0.0.1:8000 (admin at /admin/)
	$(MANAGE) load_demo --if-empty
	$(MANAGE) runserver $(HOST):$(PORT)

test: setup messages ## Run the whole test suite (PostgreSQL when DATABASE_URL points at one, else SQLite)
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

lint: setup ## Lint and check formatting (ruff), migrations and deploy settings
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(60))') ALLOWED_HOSTS=example.org \
		DJANGO_SETTINGS_MODULE=settings.production $(MANAGE) check --deploy --fail-level WARNING

format: setup ## Format the code (ruff)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: setup messages ## Measure public pages against the static-file ceiling (see README, Performance)
	$(PY) bench/run.py $(BENCH_ARGS)

soak: setup messages ## Load the site through a PostgreSQL restart, a killed worker and a full disk (root; see README, Reliability)
	$(PY) soak/run.py

backup: setup ## Back up the database (pg_dump) and media into a dated folder in BACKUP_DIR (default ./backups)
	$(MANAGE) backup_site --output-dir "$(BACKUP_DIR)"

restore: setup ## Restore BACKUP=<folder> into DATABASE_URL=postgres://... (required) and its media (see README, Backups)
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/peer-networks-... DATABASE_URL=postgres://..."; exit 2; }
	$(MANAGE) restore_site "$(BACKUP)" --database-url "$(DATABASE_URL)" $(RESTORE_ARGS)
