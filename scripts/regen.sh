#!/usr/bin/env bash
# Regenerate generated/np6_api from an OpenAPI spec with the pinned openapi-python-client.
#
#   scripts/regen.sh                          regenerate from openapi/np6-8.1.0.yaml
#   scripts/regen.sh openapi/np6-X.Y.Z.yaml   regenerate from another spec (adopting a new API version)
#   scripts/regen.sh --check [SPEC]           regenerate into a temp dir and compare; exit 1 and list the
#                                             added/removed/changed files if generated/ is stale
#
# Environment:
#   NP6_REGEN_OUT  package directory to write/compare (default: generated/np6_api). Used by the tests to
#                  work on a copy, never on the real tree.
#   NP6_REGEN_TEMPLATES  template overrides to generate with (default: openapi/templates). Used by the tests
#                  to generate the package of earlier templates, and compare how both parse.
#
# Output is byte-for-byte reproducible: pinned tool versions, a fixed environment (env -i, LC_ALL=C,
# PATH limited to the project's bin dir so the post-hooks use the pinned ruff), ruff run --isolated (see
# openapi/generator.yaml), generation into a fresh temp dir that replaces the old package (so files of
# removed operations disappear), no caches left behind, py.typed added, and the spec itself shipped as
# np6_api/openapi.yaml.
set -euo pipefail

OPC_VERSION="0.29.1" # openapi/templates/ are overrides of this exact version's templates

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="$ROOT/openapi/generator.yaml"
TEMPLATES="${NP6_REGEN_TEMPLATES:-$ROOT/openapi/templates}"
OUT="${NP6_REGEN_OUT:-$ROOT/generated/np6_api}"

die() {
    echo "regen: error: $*" >&2
    exit 2
}

[[ -d "$TEMPLATES" ]] || die "templates directory not found: $TEMPLATES"
TEMPLATES="$(cd "$TEMPLATES" && pwd)"

check=0
spec=""
for arg in "$@"; do
    case "$arg" in
    --check) check=1 ;;
    -h | --help)
        sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*) die "unknown option: $arg" ;;
    *)
        [[ -z "$spec" ]] || die "only one spec may be given"
        spec="$arg"
        ;;
    esac
done
spec="${spec:-$ROOT/openapi/np6-8.1.0.yaml}"
[[ -f "$spec" ]] || die "spec not found: $spec"
spec="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
[[ "$OUT" = /* ]] || OUT="$PWD/$OUT"

# --- pinned tools, from the project's virtualenv -------------------------------------------------------
if [[ -x "$ROOT/.venv/bin/python" ]]; then
    BIN="$ROOT/.venv/bin"
else
    py="$(command -v python3 || command -v python || true)"
    [[ -n "$py" ]] || die "no .venv and no python on PATH: run 'make install'"
    BIN="$("$py" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
fi
[[ -x "$BIN/openapi-python-client" ]] || die "openapi-python-client not found in $BIN: run 'make install'"
[[ -x "$BIN/ruff" ]] || die "ruff not found in $BIN: run 'make install'"

# One interpreter start for both: the ruff pin of pyproject's dev extra, and the installed generator's
# version from its package metadata (its `--version` starts the whole CLI: ~0.6 s of CPU per regen).
read -r RUFF_VERSION have_opc < <("$BIN/python" - "$ROOT/pyproject.toml" <<'EOF'
import importlib.metadata
import re
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    dev = tomllib.load(f)["project"]["optional-dependencies"]["dev"]
pins = [m.group(1) for d in dev if (m := re.fullmatch(r"ruff\s*==\s*([\w.]+)", d.strip()))]
try:
    opc = importlib.metadata.version("openapi-python-client")
except importlib.metadata.PackageNotFoundError:
    opc = "none"
print(pins[0] if pins else "-", opc)
EOF
) || true
[[ -n "${RUFF_VERSION:-}" && "$RUFF_VERSION" != "-" ]] ||
    die "pyproject.toml: no 'ruff==X.Y.Z' pin in [project.optional-dependencies] dev"

[[ "$have_opc" == "$OPC_VERSION" ]] ||
    die "openapi-python-client $OPC_VERSION required (templates are tied to it), found $have_opc in $BIN: run 'make install'"
have_ruff="$("$BIN/ruff" --version | awk '{print $2}')"
[[ "$have_ruff" == "$RUFF_VERSION" ]] ||
    die "ruff $RUFF_VERSION required (pyproject dev pin), found $have_ruff in $BIN: run 'make install'"

# --- generate into a fresh directory ------------------------------------------------------------------
start_ns="$(date +%s%N)"
if ((check)); then
    work="$(mktemp -d "${TMPDIR:-/tmp}/np6-regen.XXXXXX")"
else
    mkdir -p "$(dirname "$OUT")"
    work="$(mktemp -d "$(dirname "$OUT")/.regen.XXXXXX")" # same filesystem: the swap is a rename
fi
trap 'rm -rf "$work"' EXIT
new="$work/$(basename "$OUT")"
mkdir -p "$work/home"

# env -i: nothing from the caller's environment (user ruff config, PYTHON*, locale, extra PATH) leaks in.
if ! (cd "$work" && env -i \
    PATH="$BIN:/usr/bin:/bin" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
    LC_ALL=C LANG=C TZ=UTC PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1 \
    "$BIN/openapi-python-client" generate \
    --path "$spec" \
    --config "$CONFIG" \
    --custom-template-path "$TEMPLATES" \
    --meta none \
    --output-path "$new" \
    --fail-on-warning >"$work/log" 2>&1); then
    cat "$work/log" >&2
    die "openapi-python-client failed on $spec (see above; every warning is fatal: it means a dropped operation)"
fi
[[ -f "$new/__init__.py" ]] || die "generator produced no package in $new"
rm -rf "$new/.ruff_cache"
find "$new" -name __pycache__ -type d -prune -exec rm -rf {} +
: >"$new/py.typed"
# Ship the spec it was generated from inside the package: the overlay validates plain-dict bodies against
# it and the sandbox serves and enforces it, from an installed wheel too (importlib.resources).
cp "$spec" "$new/openapi.yaml"
# ...and a JSON copy of it that records the YAML's SHA-256: the sandbox loads that in milliseconds instead of
# parsing the YAML for about a second, and only when the hash matches the YAML beside it.
"$BIN/python" -c 'import sys; from pathlib import Path; from np6_sandbox.spec import write_json_copy
write_json_copy(Path(sys.argv[1]))' "$new/openapi.yaml"

elapsed() {
    local ms=$((($(date +%s%N) - start_ns) / 1000000))
    printf '%d.%03d s' $((ms / 1000)) $((ms % 1000))
}

rel() { # path for messages: relative to the repo when inside it
    case "$1" in "$ROOT"/*) echo "${1#"$ROOT"/}" ;; *) echo "$1" ;; esac
}

if ((check)); then
    # Compare file lists and contents, ignoring bytecode left by imports (tests, mypy).
    list() { (cd "$1" && find . -type f ! -path '*/__pycache__/*' ! -name '*.pyc' | sed 's|^\./||' | LC_ALL=C sort); }
    [[ -d "$OUT" ]] || mkdir -p "$work/empty"
    have_dir="$OUT"
    [[ -d "$OUT" ]] || have_dir="$work/empty"
    list "$new" >"$work/want"
    list "$have_dir" >"$work/have"
    stale=0
    while IFS= read -r f; do
        echo "  added:   $(rel "$OUT")/$f (missing from the tree)"
        stale=1
    done < <(LC_ALL=C comm -23 "$work/want" "$work/have")
    while IFS= read -r f; do
        echo "  removed: $(rel "$OUT")/$f (no longer generated)"
        stale=1
    done < <(LC_ALL=C comm -13 "$work/want" "$work/have")
    while IFS= read -r f; do
        if ! cmp -s "$new/$f" "$have_dir/$f"; then
            echo "  changed: $(rel "$OUT")/$f"
            stale=1
        fi
    done < <(LC_ALL=C comm -12 "$work/want" "$work/have")
    if ((stale)); then
        echo "regen --check: $(rel "$OUT") is STALE for $(rel "$spec") (files above); run scripts/regen.sh ($(elapsed))" >&2
        exit 1
    fi
    echo "regen --check: OK, $(rel "$OUT") is up to date with $(rel "$spec") ($(wc -l <"$work/want") files, $(elapsed))"
    exit 0
fi

# --- swap the new package in --------------------------------------------------------------------------
if [[ -e "$OUT" ]]; then
    mv "$OUT" "$work/old"
fi
mv "$new" "$OUT"
echo "regen: wrote $(rel "$OUT") from $(rel "$spec") ($(find "$OUT" -type f | wc -l) files) in $(elapsed)"
