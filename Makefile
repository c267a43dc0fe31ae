# Developer entry points. Tools come from $(VENV)/bin when it exists, else from PATH.
PY ?= python3
VENV ?= .venv
SPEC ?= openapi/np6-8.1.0.yaml

ifneq ($(wildcard $(VENV)/bin/python),)
BIN := $(VENV)/bin/
else
BIN :=
endif

# Handwritten code only (generated/ is excluded in pyproject's [tool.ruff] too).
LINT_PATHS := $(wildcard overlay sandbox tests scripts)

.PHONY: install regen check-regen lint typecheck pytest test

install:
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -e '.[dev,sandbox]'

regen:
	scripts/regen.sh $(SPEC)

check-regen:
	scripts/regen.sh --check $(SPEC)

lint:
	$(BIN)ruff check $(LINT_PATHS)
	$(BIN)ruff format --check $(LINT_PATHS)

typecheck:
	$(BIN)mypy

pytest:
	$(BIN)pytest

test: lint typecheck check-regen pytest
