# make run   - create .venv, install briefing, open the app on the bundled sample
# make test  - create .venv, install briefing with its test dependencies, run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := seeds/turkey-ukraine-peacekeeping.txt

.PHONY: run test install install-test system-deps recording screenshot docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/briefing $(SAMPLE)

# tmux and openssh-server drive the end-to-end tests (real terminal, real SSH on 127.0.0.1)
system-deps:
	@command -v tmux >/dev/null && command -v /usr/sbin/sshd >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tmux openssh-server openssh-client >/dev/null; }

test: install-test system-deps
	$(BIN)/python -m pytest

# regenerate the recorded analysis of the sample used by the UI and export tests
recording: install
	$(BIN)/briefing analyze --format json --no-cache $(SAMPLE) > tests/data/sample.analysis.json

# the README's screenshot: the main screen on the sample, saved by the app itself (SVG)
screenshot: install
	$(BIN)/python -m briefing.tui.screenshot docs/screenshot.svg

# speed and memory figures (printed, nothing asserted): analysis, reader, store; extraction quality
# the key tables of README.md and docs/keys.md, from the live bindings
docs: install
	$(BIN)/python -m briefing.tui.docs .

bench: install
	$(BIN)/python benchmarks/analysis.py
	$(BIN)/python benchmarks/tui.py
	$(BIN)/python benchmarks/store.py
	$(BIN)/python benchmarks/quality.py ../shared/eval/seed.gold.json tests/data/quality tests/data/heldout \
		tests/data/heldout2 tests/data/heldout3 tests/data/heldout4 tests/data/heldout5 ../shared/eval/polnear/dev.jsonl

clean:
	rm -rf $(VENV) build dist *.egg-info
