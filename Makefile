# Two commands do everything:   make run   (install + start dashboard and demo)
#                                make test  (install + whole test suite)
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
DASHBOARD_PORT ?= 8501
DEMO_PORT      ?= 7860
export DASHBOARD_PORT DEMO_PORT

.PHONY: run test install install-dev browser lint bench clean

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip

# Stamp files make the installs idempotent: pip runs again only when a requirements file changes.
$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install -q -r requirements.txt -c constraints.txt
	$(VENV)/bin/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt constraints.txt $(VENV)/.installed
	$(VENV)/bin/pip install -q -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	@$(PY) scripts/serve.py

# Chromium (and fonts-noto-cjk for Korean in screenshots) comes from Debian's apt, never from Playwright's own download.
browser:
	@scripts/install_chromium.sh

test: install-dev browser
	$(PY) -m pytest

lint: install-dev
	$(VENV)/bin/ruff check core dashboard demos tests bench

bench: install-dev
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
