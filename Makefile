# Everything runs inside .venv, created on first use from pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
INSTALLED := $(VENV)/.installed
# `make run PORT=8001` when 8000 is taken.
PORT ?= 8000

.PHONY: run test lint format messages catalogues superuser install clean prod-check fuzz bench audit

run: $(INSTALLED) catalogues
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(INSTALLED) catalogues
	$(PY) -m pytest

lint: $(INSTALLED) catalogues
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) catalogues --check

# Production settings end to end: check --deploy, collectstatic, and a page served by gunicorn.
prod-check: $(INSTALLED) catalogues
	$(PY) scripts/prod_check.py

# Lighthouse's four scores for the home page, a release and the search, on a phone (needs npm ci).
audit: $(INSTALLED) catalogues
	$(PY) scripts/audit.py

# The property-based tests at length: 10,000 requests, none may get a 5xx.
# Pages, admin and app servers at the archive's size on PostgreSQL and Redis (needs wrk).
bench: $(INSTALLED) catalogues
	$(PY) scripts/bench_pages.py

fuzz: $(INSTALLED) catalogues
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} $(PY) -m pytest tests/test_fuzz.py -p no:cacheprovider --hypothesis-show-statistics

format: $(INSTALLED)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Re-extract the interface strings into locale/ (needs GNU gettext: apt-get install gettext).
messages: $(INSTALLED)
	$(MANAGE) makemessages -l az -l ru --no-location --no-obsolete -i ".venv/*" -i "tests/*" -i "staticfiles/*" -i "node_modules/*"
	$(MANAGE) catalogues

# Compile locale/*.po into the .mo files Django reads; pure Python, no gettext needed.
catalogues: $(INSTALLED)
	$(MANAGE) catalogues

superuser: $(INSTALLED)
	$(MANAGE) createsuperuser

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet '.[test]'
	touch $@

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache .hypothesis
