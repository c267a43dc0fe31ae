# Developer entry points. `make test` is the README's test command: it builds .venv on a fresh machine.
PY ?= python3
VENV ?= .venv
SPEC ?= openapi/np6-8.1.0.yaml

# Every target runs the project's own tools from $(VENV); `make test` on a fresh machine installs first.
BIN := $(VENV)/bin/
STAMP := $(VENV)/.installed

# Handwritten code only (generated/ is excluded in pyproject's [tool.ruff] too).
LINT_PATHS := $(wildcard overlay sandbox tests scripts)

.PHONY: install regen check-regen lint typecheck pytest test

install: $(STAMP)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev,sandbox]'
	touch $@

regen: $(STAMP)
	scripts/regen.sh $(SPEC)

check-regen: $(STAMP)
	scripts/regen.sh --check $(SPEC)

lint: $(STAMP)
	$(BIN)ruff check $(LINT_PATHS)
	$(BIN)ruff format --check $(LINT_PATHS)

typecheck: $(STAMP)
	$(BIN)mypy

pytest: $(STAMP)
	$(BIN)pytest

test: lint typecheck check-regen pytest

# The README's first command: the main job, end to end, against an embedded sandbox.
.PHONY: demo
demo: $(STAMP)
	$(BIN)np6 demo
