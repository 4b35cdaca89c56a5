# Everything runs inside .venv, created on first use from pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
INSTALLED := $(VENV)/.installed

.PHONY: run test lint format messages catalogues superuser install clean

run: $(INSTALLED) catalogues
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: $(INSTALLED) catalogues
	$(PY) -m pytest

lint: $(INSTALLED) catalogues
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) catalogues --check

format: $(INSTALLED)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Re-extract the interface strings into locale/ (needs GNU gettext: apt-get install gettext).
messages: $(INSTALLED)
	$(MANAGE) makemessages -l az -l ru --no-location --no-obsolete -i ".venv/*" -i "tests/*" -i "staticfiles/*"
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
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
