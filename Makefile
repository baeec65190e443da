# SmileDesk — `make run` opens the app, `make test` runs the whole suite offscreen.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test test-fast install i18n bench lint demo screenshots clean package package-smoke package-tarball

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

i18n: $(QM)

run: install i18n
	$(PY) -m desktop_app $(ARGS)

# The suite runs in one process per core (pytest-xdist; a test file stays in one process, so its module
# fixtures — a PostgreSQL server, a CUPS server — start once). JOBS=0 runs it in this process. A process that
# dies (a segfault) ends the run: pytest-xdist 3.8 replacing it under --dist loadfile hung at the end.
JOBS ?= auto
XDIST := -n $(JOBS) --dist loadfile --max-worker-restart=0
test: install i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

# The inner loop: everything but tests marked slow (real processes, large data, long scenarios).
test-fast: install i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(XDIST) -m "not slow" $(PYTEST_ARGS)

# The window screenshots in docs/screenshots/ (zh_CN, 1366×768, a fresh demo station): look at each one.
screenshots: install i18n
	$(PY) tools/screenshots.py $(ARGS)

bench: install i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(BENCH)

# ruff everywhere; mypy on the Qt-free code (core, top-level modules, features' rules: docs/dev/lint.md).
lint: install
	$(VENV)/bin/ruff check desktop_app tests bench tools packaging
	$(VENV)/bin/mypy

# One-folder app in dist/SmileDesk (PyInstaller; Windows installer: see docs/packaging.md).
$(VENV)/bin/pyinstaller: $(STAMP)
	$(PY) -m pip install --quiet -e ".[package]"
	touch $@

package: install i18n $(VENV)/bin/pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/smiledesk.spec

VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop_app/__init__.py)

# dist/SmileDesk-<version>-linux-x86_64.tar.gz: the bundle with install.sh and the desktop files.
package-tarball: package
	rm -rf dist/SmileDesk-$(VERSION)-linux && mkdir -p dist/SmileDesk-$(VERSION)-linux
	cp -a dist/SmileDesk packaging/linux/install.sh packaging/linux/cn.smiledesk.SmileDesk.* dist/SmileDesk-$(VERSION)-linux/
	tar -C dist -czf dist/SmileDesk-$(VERSION)-linux-x86_64.tar.gz SmileDesk-$(VERSION)-linux

package-smoke: package
	$(PY) packaging/smoke.py dist/SmileDesk

clean:
	rm -rf $(VENV) resources/i18n/*.qm build dist
