"""`make mutation`: mutation testing (mutmut) of the modules that guard sends, retries, streams and resume.

mutmut 3 imports the code under test by the module name derived from its path below the directory it runs
in, and only knows the one-root layouts (``./pkg``, ``src/pkg``). This project has three roots (overlay/,
sandbox/, generated/), so the run happens in a staging copy, ``build/mutation/``: ``np6`` and
``np6_sandbox`` copied to its top level, with ``tests/`` and ``openapi/``; mutmut then puts its mutated copy
in front of the editable install on ``sys.path``. Nothing of the working tree is modified.

The modules, the tests that may kill their mutants and the slow tests left out are in
``mutation/config.toml``; equivalent mutants (listed once, with the reason) in ``mutation/equivalent.toml``.
The score of a module is killed / (mutants - equivalent); a timeout counts as killed (the suite would not
pass), a mutant no selected test executes counts as a survivor. The report (table, then every surviving
mutant's diff) is printed and written to ``reports/mutation.md``; the exit code is 1 when a module scores
below the threshold.

Usage: ``python scripts/mutation.py [--module PATH ...] [--jobs N] [--keep]``
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mutation" / "config.toml"
EQUIVALENT = ROOT / "mutation" / "equivalent.toml"
STAGE = ROOT / "build" / "mutation"  # --stage changes it (two runs at once need two)
REPORT = ROOT / "reports" / "mutation.md"
# Source roots of the working tree -> the import package they hold.
PACKAGES = {"overlay/np6": "np6", "sandbox/np6_sandbox": "np6_sandbox"}
# mutmut's exit codes (mutmut/stats.py) grouped the way the score counts them.
KILLED = {
    1: "killed",
    3: "killed",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
}
KILLED |= {-9: "killed by signal", -11: "killed by signal"}
SURVIVED = {0: "survived", 5: "no tests", 33: "no tests", 35: "suspicious"}
# Anything else (None: not tried yet) is left out of the score and counted apart.


@dataclass
class Mutant:
    name: str  # mutmut's name, e.g. np6._retries.x_backoff__mutmut_3
    module: str  # the working tree's path, e.g. overlay/np6/_retries.py
    status: str
    function: str = ""
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    diff: str = ""
    equivalent: str | None = None  # the reason, when listed in equivalent.toml


@dataclass
class ModuleScore:
    module: str
    mutants: list[Mutant] = field(default_factory=list)
    seconds: float = 0.0
    generated: int = 0  # mutants mutmut made; `mutants` holds the sample tried when there is one
    sample: str | None = None

    @property
    def equivalent(self) -> int:
        return sum(1 for m in self.mutants if m.equivalent is not None)

    @property
    def killed(self) -> int:
        return sum(1 for m in self.mutants if m.status in KILLED.values())

    @property
    def survivors(self) -> list[Mutant]:
        return [m for m in self.mutants if m.status in SURVIVED.values() and m.equivalent is None]

    @property
    def untried(self) -> int:
        return sum(
            1 for m in self.mutants if m.status not in KILLED.values() and m.status not in SURVIVED.values()
        )

    @property
    def score(self) -> float:
        counted = len(self.mutants) - self.equivalent - self.untried
        return 100.0 * self.killed / counted if counted else 100.0


def staged_path(module: str) -> str:
    for root, package in PACKAGES.items():
        if module.startswith(root + "/"):
            return package + module[len(root) :]
    raise SystemExit(f"mutation/config.toml: {module} is not under {' or '.join(PACKAGES)}")


def function_of(name: str) -> str:
    """``SyncAPIClient._send`` from ``np6._base_client.xǁSyncAPIClientǁ_send__mutmut_12``."""
    mangled = name.rpartition("__mutmut_")[0].rpartition(".")[2]
    if mangled.startswith("xǁ"):
        _, cls, func = mangled.split("ǁ")
        return f"{cls}.{func}"
    return mangled.removeprefix("x_")


def stage(cfg: dict[str, Any], module: str) -> list[str]:
    """Build build/mutation/ afresh for one module; return its test paths that exist."""
    if STAGE.exists():
        shutil.rmtree(STAGE)
    # Exists before mutmut starts: it is on PYTHONPATH, and a sys.path entry missing at start-up stays
    # ignored by the import system for the life of the process (cached as having no finder).
    (STAGE / "mutants").mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".hypothesis")
    for root, package in PACKAGES.items():
        shutil.copytree(ROOT / root, STAGE / package, ignore=ignore)
    shutil.copytree(ROOT / "tests", STAGE / "tests", ignore=ignore)
    shutil.copytree(ROOT / "openapi", STAGE / "openapi", ignore=ignore)
    tests = [t for t in cfg["modules"][module]["tests"] if (ROOT / t).exists()]
    pytest_args = ["-p", "no:cacheprovider"]
    for node in cfg.get("deselect", []):
        pytest_args += ["--deselect", node]
    with (ROOT / "pyproject.toml").open("rb") as f:
        pytest_ini = tomllib.load(f)["tool"]["pytest"]["ini_options"]
    mutmut = {
        "source_paths": sorted(PACKAGES.values()),
        "only_mutate": [staged_path(module)],
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": pytest_args,
        "also_copy": ["openapi"],
    }
    lines = ["[tool.pytest.ini_options]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in pytest_ini.items() if key != "testpaths"]
    lines += ["", "[tool.mutmut]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in mutmut.items()]
    (STAGE / "pyproject.toml").write_text("\n".join(lines) + "\n")
    return tests


# mutmut's own entry point, minus the string-literal operator when the config says so (mutmut 3 has no
# setting for it; the operator table is a module-level list, read when the mutants are generated).
_RUN_MUTMUT = """
import sys
from mutmut.mutation import mutators
if sys.argv[1] == "no-strings":
    mutators.mutation_operators[:] = [
        (node, op) for node, op in mutators.mutation_operators if op is not mutators.operator_string
    ]
from mutmut.__main__ import cli
cli(["run", "--max-children", sys.argv[2], *sys.argv[3:]])
"""


def run_mutmut(jobs: int, log: Path, *, strings: bool, sample: str | None) -> None:
    # A test that runs `np6` (or a sandbox) as a subprocess imports the mutated copy too, and the active
    # mutant reaches it through MUTANT_UNDER_TEST, which mutmut sets in the environment.
    pythonpath = os.pathsep.join(filter(None, [str(STAGE / "mutants"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": pythonpath}
    with log.open("a") as out:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _RUN_MUTMUT,
                "strings" if strings else "no-strings",
                str(jobs),
                *([sample] if sample else []),
            ],
            cwd=STAGE,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        )
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise SystemExit(f"mutmut run failed (exit {done.returncode}); end of {log}:\n{tail}")


def collect(module: str, sample: str | None) -> ModuleScore:
    score = ModuleScore(module)
    meta = STAGE / "mutants" / (staged_path(module) + ".meta")
    data = json.loads(meta.read_text()) if meta.exists() else {"exit_code_by_key": {}}
    score.generated = len(data["exit_code_by_key"])
    score.sample = sample
    for name, code in data["exit_code_by_key"].items():
        if sample and not fnmatch.fnmatch(name, sample):
            continue
        status = (
            KILLED.get(code) or SURVIVED.get(code) or ("not tried" if code is None else f"exit code {code}")
        )
        score.mutants.append(Mutant(name, module, status, function=function_of(name)))
    return score


_DIFF_LINE = re.compile(r"^([+-])(?![+-]{2} )(.*)$")


def describe(mutant: Mutant) -> None:
    """Fill in the mutant's diff (what ``mutmut show`` prints) and its changed lines."""
    from mutmut.configuration import reset_config
    from mutmut.mutation.diff_apply import get_diff_for_mutant  # mutmut's own, reading STAGE's mutants/

    here = Path.cwd()
    os.chdir(STAGE)
    reset_config()  # mutmut caches the config it read; each module's stage has its own
    try:
        mutant.diff = get_diff_for_mutant(mutant.name).strip()
    finally:
        os.chdir(here)
    removed, added = [], []
    for line in mutant.diff.splitlines():
        match = _DIFF_LINE.match(line)
        if match and not line.startswith(("--- ", "+++ ")):
            (removed if match.group(1) == "-" else added).append(match.group(2).strip())
    mutant.removed, mutant.added = tuple(removed), tuple(added)


def load_equivalents() -> list[dict[str, str]]:
    with EQUIVALENT.open("rb") as f:
        entries: list[dict[str, str]] = tomllib.load(f).get("mutant", [])
    for entry in entries:
        missing = {"module", "function", "original", "mutant", "reason"} - entry.keys()
        if missing:
            raise SystemExit(f"{EQUIVALENT}: an entry lacks {', '.join(sorted(missing))}: {entry}")
    return entries


def matches(entry: dict[str, str], mutant: Mutant) -> bool:
    """Same module, function and changed lines; `context`, when given, must be one of the diff's unchanged
    lines (it tells apart two identical lines of one function)."""
    context = entry.get("context")
    if context is not None and not any(
        line[1:].strip() == context.strip() for line in mutant.diff.splitlines() if line.startswith(" ")
    ):
        return False
    return (
        entry["module"] == mutant.module
        and entry["function"] == mutant.function
        and tuple(line.strip() for line in entry["original"].strip().splitlines()) == mutant.removed
        and tuple(line.strip() for line in entry["mutant"].strip().splitlines()) == mutant.added
    )


def _sampled(score: ModuleScore) -> str:
    return f" of {score.generated} (sample `{score.sample.rpartition('.')[2]}`)" if score.sample else ""


def report(
    scores: dict[str, ModuleScore], unused: list[dict[str, str]], seconds: float, threshold: float
) -> str:
    out = ["# Mutation testing (`make mutation`)", ""]
    out.append(f"mutmut, {seconds / 60:.1f} min wall-clock. Threshold {threshold:.0f}% per module.")
    out += [
        "",
        "| module | mutants | killed | equivalent | survived | score | minutes |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in scores.values():
        out.append(
            f"| `{s.module}` | {len(s.mutants)}{_sampled(s)} | {s.killed} | {s.equivalent} |"
            f" {len(s.survivors)} | {s.score:.1f}% | {s.seconds / 60:.1f} |"
        )
    total = [m for s in scores.values() for m in s.mutants]
    kinds = Counter(m.status for m in total)
    out += ["", "Outcomes: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())), ""]
    if any(s.untried for s in scores.values()):
        out += ["Mutants not tried (a run stopped early) are left out of the scores.", ""]
    for s in scores.values():
        if not s.survivors:
            continue
        out += [f"## Survivors in `{s.module}`", ""]
        for m in s.survivors:
            out += [f"### {m.name} ({m.status}, in `{m.function}`)", "", "```diff", m.diff, "```", ""]
    if unused:
        out += ["## Entries of mutation/equivalent.toml that matched no mutant (stale: update or remove)", ""]
        out += [f"- `{e['module']}` `{e['function']}`: `{e['original']}` -> `{e['mutant']}`" for e in unused]
    return "\n".join(out) + "\n"


def main() -> int:
    global STAGE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", help="only this module (a path of mutation/config.toml)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="mutants tested at once")
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--stage", type=Path, default=STAGE, help="the staging directory (rebuilt)")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="no run: the report of the last run of one --module in --stage (after editing equivalent.toml)",
    )
    args = parser.parse_args()
    STAGE = args.stage.resolve()
    with CONFIG.open("rb") as f:
        cfg: dict[str, Any] = tomllib.load(f)
    modules: list[str] = list(cfg["modules"])
    if args.module:
        unknown = set(args.module) - set(modules)
        if unknown:
            parser.error(f"--module: not in mutation/config.toml: {', '.join(sorted(unknown))}")
        modules = list(dict.fromkeys(args.module))  # in the order given
    threshold = float(cfg.get("threshold", 90.0))
    equivalents = load_equivalents()
    args.report.parent.mkdir(parents=True, exist_ok=True)
    log = args.report.with_suffix(".log")
    if args.report_only and len(modules) != 1:
        parser.error("--report-only: give the one --module that --stage holds")
    if not args.report_only:
        log.write_text("")

    started = time.monotonic()
    scores: dict[str, ModuleScore] = {}
    used: set[int] = set()
    text = ""
    for module in modules:
        module_started = time.monotonic()
        sample = cfg["modules"][module].get("sample")
        if sample:
            sample = f"{staged_path(module).removesuffix('.py').replace('/', '.')}.{sample}"
        if not args.report_only:
            tests = stage(cfg, module)
            if not tests:
                raise SystemExit(f"mutation/config.toml: no test of {module} exists")
            print(f"{module}: mutmut against {len(tests)} test path(s)...", flush=True)
            run_mutmut(args.jobs, log, strings=bool(cfg.get("strings", False)), sample=sample)
        score = scores[module] = collect(module, sample)
        for m in score.mutants:
            if m.status not in SURVIVED.values():
                continue  # killed, or not tried (a run stopped early)
            describe(m)
            for i, entry in enumerate(equivalents):
                if matches(entry, m):
                    m.equivalent = entry["reason"]
                    used.add(i)
                    break
        score.seconds = time.monotonic() - module_started
        print(
            f"    {len(score.mutants)} mutants, {score.killed} killed, {score.equivalent} equivalent,"
            f" {len(score.survivors)} survived: {score.score:.1f}% in {score.seconds / 60:.1f} min",
            flush=True,
        )
        unused = [e for i, e in enumerate(equivalents) if i not in used and e["module"] in scores]
        text = report(scores, unused, time.monotonic() - started, threshold)
        args.report.write_text(text)  # after each module: a long run stopped early still leaves its table
    table_end = text.index("\n## ") if "\n## " in text else len(text)
    print(text[:table_end])
    print(f"Survivors' diffs: {args.report}; mutmut's log: {log}")
    low = [s.module for s in scores.values() if s.score < threshold]
    if low:
        print(f"below {threshold:.0f}%: {', '.join(low)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
