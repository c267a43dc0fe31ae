# Developer entry points. `make test` is the README's test command: it builds .venv on a fresh machine.
PY ?= python3
VENV ?= .venv
SPEC ?= openapi/np6-8.1.0.yaml

# Every target runs the project's own tools from $(VENV); `make test` on a fresh machine installs first.
BIN := $(VENV)/bin/
STAMP := $(VENV)/.installed

# Handwritten code only (generated/ is excluded in pyproject's [tool.ruff] too).
LINT_PATHS := $(wildcard overlay sandbox contract tests scripts benchmarks)

.PHONY: install regen check-regen lint typecheck docs pytest test

install: $(STAMP)

# Reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip --version >/dev/null 2>&1 || $(VENV)/bin/python -m ensurepip --upgrade  # after make demo
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

# The HTML API reference (mkdocs.yml) into site/: strict (a warning fails it) and offline (nothing fetched).
# NO_MKDOCS_2_WARNING silences Material's end-of-life banner, a notice and not a warning about these docs.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)mkdocs build --strict

# pytest-xdist: one worker per CPU (`-n auto`); tests are handed out one at a time except those marked
# `xdist_group(name)`, which run on one worker together (tests/conftest.py says what a test must respect to
# run beside others). PYTEST_ARGS adds options: PYTEST_ARGS="-n 0" for one process, "-n 4" for 4 workers.
# compileall first: with PYTHONDONTWRITEBYTECODE set (it is on the dev machines) nothing caches bytecode of the
# editable sources, and every `np6` the tests start (hundreds) would compile np6 and np6_api again (~0.2 s CPU
# each). It only writes __pycache__/ (ignored by git) for files changed since the last run.
# pytest itself runs without PYTHONDONTWRITEBYTECODE: under it pytest cannot cache the assertion-rewritten
# bytecode of the test modules and of its plugins' packages (all of hypothesis, schemathesis, anyio...), so
# every process (the controller and each worker) rewrote ~400 modules on every run: about 5 s of CPU each.
PYTEST_ARGS ?=
pytest: $(STAMP)
	$(BIN)python -m compileall -q overlay generated sandbox contract
	env -u PYTHONDONTWRITEBYTECODE $(BIN)pytest -n auto --dist loadgroup $(PYTEST_ARGS)

# The four checks two at a time (each mostly uses one core; --output-sync keeps each one's output together),
# then pytest on every core: it comes after typecheck, whose warm .mypy_cache tests/typing and the README
# blocks' mypy run reuse.
test: $(STAMP)
	$(MAKE) --no-print-directory -j2 --output-sync=target lint typecheck check-regen docs
	$(MAKE) --no-print-directory pytest

# The README's first command: the main job, end to end, against an embedded sandbox. It installs only what
# the demo needs (the project with its sandbox extra, not the dev toolchain), shows pip's progress, and
# reuses a full `make install` when there is one. A venv without pip (made in 1 s instead of ~20 s by
# ensurepip) is filled by the system's pip through `pip --python` when that pip is recent enough (>= 22.3).
DEMO_STAMP := $(VENV)/.installed-demo
.PHONY: demo
demo: $(DEMO_STAMP)
	$(BIN)np6 demo

$(DEMO_STAMP): pyproject.toml
	@if [ -f $(STAMP) ] && [ $(STAMP) -nt pyproject.toml ]; then touch $@; exit 0; fi; \
	echo "make demo: installing np6-python and its sandbox extra into $(VENV) (first run only)"; \
	set -e; \
	test -x $(VENV)/bin/python || $(PY) -m venv --without-pip $(VENV); \
	if $(VENV)/bin/python -m pip --version >/dev/null 2>&1; then pip="$(VENV)/bin/python -m pip"; \
	elif $(PY) -c 'import pip, sys; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (22, 3))' \
		2>/dev/null; then \
		pip="$(PY) -m pip --python $(VENV)/bin/python"; \
	else $(VENV)/bin/python -m ensurepip --upgrade; pip="$(VENV)/bin/python -m pip"; fi; \
	$$pip install --disable-pip-version-check --progress-bar on -e '.[sandbox]'; \
	touch $@

# Contract suite (issue 5). Without BASE_URL: against a sandbox started (and always stopped) here, with
# everything a disposable server allows. With BASE_URL: against that server, read-only unless CONTRACT_ARGS
# says otherwise; the key comes from NP6_API_KEY and is never echoed.
CONTRACT_KEY := np6-contract-sandbox-key
CONTRACT_ARGS ?=
CONTRACT_SANDBOX_ARGS := --allow-writes --allow-sends --negative --send-to id:000R4M0T \
	--send-to unicity:example@np6.com --send-to segment:1 --seed 1 --max-examples 3 --report reports/contract.xml
.PHONY: contract
contract: export NP6_API_KEY := $(NP6_API_KEY)
contract: $(STAMP)
ifeq ($(BASE_URL),)
	@log=$$(mktemp); \
	$(BIN)python -m np6_sandbox --port 0 --api-key $(CONTRACT_KEY) >$$log 2>&1 & pid=$$!; \
	trap 'kill $$pid 2>/dev/null; wait $$pid 2>/dev/null; rm -f $$log' EXIT INT TERM; \
	url=; for i in $$(seq 200); do \
		url=$$(sed -n 's/^NP6 sandbox listening on //p' $$log); [ -n "$$url" ] && break; \
		kill -0 $$pid 2>/dev/null || break; sleep 0.1; done; \
	[ -n "$$url" ] || { echo "make contract: the sandbox did not start:" >&2; cat $$log >&2; exit 2; }; \
	echo "sandbox at $$url"; \
	NP6_API_KEY=$(CONTRACT_KEY) $(BIN)python -m np6_contract --base-url $$url $(CONTRACT_SANDBOX_ARGS) $(CONTRACT_ARGS)
else
	@test -n "$$NP6_API_KEY" || { echo "make contract: set NP6_API_KEY" >&2; exit 2; }
	$(BIN)python -m np6_contract --base-url $(BASE_URL) --report reports/contract.xml $(CONTRACT_ARGS)
endif

# Benchmarks (issues 7, 13): one table with each of issue 13's targets (per call <= 1.05x raw httpx, typed
# stream >= 0.85x raw ijson, raw=True >= 0.95x, <= 20 MB RSS over 1,000,000 events, import <= 1.5x httpx,
# np6 --version <= 2x, sandbox event seeding >= 0.3x generate and GET >= 0.5x bare Starlette, async
# concurrent send >= 0.9x raw AsyncClient with every recipient exactly once): ratios from one run, pass/fail,
# figures also in reports/bench.json (machine-specific, so not committed). About 10 minutes on 2 cores;
# BENCH_ARGS=--quick for a smoke run, BENCH_ARGS="--only stream" for one section. `make test`'s wall time is
# measured on its own (`time make test`). The soak (10,000 mixed calls with random faults): .venv/bin/python -m tests.faults.soak
BENCH_ARGS ?=
.PHONY: bench
bench: $(STAMP)
	$(BIN)python benchmarks/bench.py $(BENCH_ARGS)

# Issue 15: 1,000,000 reactivity events exported to JSON Lines / Parquet / Parquet by day (and synced into
# databases), events/s, the ratio to JSON Lines in the same round and each command's peak RSS; figures also in
# reports/events_bench.json. Several minutes on 2 cores: EVENTS_BENCH_ARGS="--events 100000" for a quick run.
EVENTS_BENCH_ARGS ?=
.PHONY: bench-events
bench-events: $(STAMP)
	$(BIN)python benchmarks/events_bench.py $(EVENTS_BENCH_ARGS)

# Mutation testing (issue 16): mutmut on the modules of mutation/config.toml, each mutant against the selected
# tests that reach its function; equivalent mutants in mutation/equivalent.toml. Table printed, survivors'
# diffs in reports/mutation.md; fails below 90% on a module. Not part of `make test`: tens of minutes.
# MUTATION_ARGS="--module overlay/np6/_retries.py" for one module, "--jobs 1" on a busy machine.
MUTATION_ARGS ?=
.PHONY: mutation
mutation: $(STAMP)
	$(BIN)python scripts/mutation.py $(MUTATION_ARGS)

# What an API version bump changes, as Markdown for the CHANGELOG (exit 1 when something breaks callers):
#   make api-diff OLD=openapi/np6-8.1.0.yaml NEW=openapi/np6-8.2.0.yaml
.PHONY: api-diff
api-diff: $(STAMP)
	@test -n "$(OLD)" -a -n "$(NEW)" || { echo "usage: make api-diff OLD=OLD.yaml NEW=NEW.yaml" >&2; exit 2; }
	$(BIN)np6 spec diff "$(OLD)" "$(NEW)"
