# Two commands do all the set-up (see README.md):
#   make run             create the virtualenv, install Crickets, start it (ARGS="--demo" for the demo)
#   make test            system packages (as root), virtualenv, lint, types, every test
PYTHON ?= python3
VENV   := .venv
ARGS   ?=

.PHONY: run test lint bench bundle bench-size completions clean

$(VENV)/.installed-run: pyproject.toml
	@bash scripts/bootstrap.sh run
	@touch $@

$(VENV)/.installed-dev: pyproject.toml
	@bash scripts/bootstrap.sh dev
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(VENV)/bin/crickets $(ARGS)

test:
	@bash scripts/test.sh

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# The one-folder bundle, dist/crickets (packaging/build.sh; installs the `package` extra).
bundle: $(VENV)/.installed-run
	@bash packaging/build.sh

# Bundle and fresh-venv sizes into bench/results.md (the "## Size" section).
bench-size: $(VENV)/.installed-run
	$(VENV)/bin/python bench/size.py

# Shell completions (bash, zsh, fish) and the man page, generated from the parser into
# build/share; install them with packaging/linux/install.sh --shell-files build/share PREFIX.
completions: $(VENV)/.installed-dev
	$(VENV)/bin/python -m crickets.commands.shell_files build/share

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# The README's "first five minutes" pictures, taken by the desktop tests on a real X server
# (the tray icon from tests/desktop/test_tray_app.py, the windows from test_windows_fit.py)
# and copied into docs/images/, so the README shows the app as it is today.
SHOTS := artifacts/badge-30m.png artifacts/screens/100/tray-menu.png \
         artifacts/screens/100/guide-havent-called.png artifacts/screens/100/drafts.png
screenshots: $(VENV)/.installed-dev
	@bash scripts/install-system-deps.sh
	CI=true $(VENV)/bin/pytest -q -p no:cacheprovider tests/desktop/test_tray_app.py \
	    "tests/desktop/test_windows_fit.py::test_a_screenshot_of_the_window_is_kept[100-tray-menu]" \
	    "tests/desktop/test_windows_fit.py::test_a_screenshot_of_the_window_is_kept[100-guide-havent-called]" \
	    "tests/desktop/test_windows_fit.py::test_a_screenshot_of_the_window_is_kept[100-drafts]"
	@mkdir -p docs/images
	cp $(SHOTS) docs/images/
