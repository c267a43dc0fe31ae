"""The built wheel, installed WITHOUT extras: `np6` works, and the commands that need an extra say which.

The wheel is built from this checkout (`pip wheel`, isolated build: hatchling comes from the index, as in
CI). The temporary venv gets the wheel with `--no-deps` plus exactly the core dependencies' closure, linked
from this environment's site-packages (so no download, and nothing of the extras: `starlette`, `uvicorn`,
`schemathesis` stay out).
"""

from __future__ import annotations

import importlib.metadata as md
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 600  # a safety net for the build, not a timing assertion

# One xdist worker for the module: the wheel (an isolated build) and its venv are made once.
pytestmark = pytest.mark.xdist_group("wheel")


def core_closure(name: str) -> set[str]:
    """The distributions `name` needs without any extra, recursively (normalised names)."""
    found: set[str] = set()
    todo = [name]
    while todo:
        dist = md.distribution(todo.pop())
        for spec in dist.requires or []:
            requirement = Requirement(spec)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = requirement.name.lower().replace("_", "-")
            if key not in found:
                found.add(key)
                todo.append(requirement.name)
    return found


def link_distributions(names: set[str], into: Path) -> None:
    """Symlink each distribution's top-level files (packages, modules, dist-info) into `into`."""
    into.mkdir()
    for name in names:
        dist = md.distribution(name)
        base = Path(str(dist.locate_file("")))
        for top in {Path(str(f)).parts[0] for f in dist.files or []}:
            source = base / top
            target = into / top
            if source.exists() and not target.exists() and not top.startswith(".."):
                target.symlink_to(source)


@pytest.fixture(scope="module")
def bare_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("np6_python-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=TIMEOUT)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    deps = work / "deps"
    link_distributions(core_closure("np6-python"), deps)
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.strip()
    (Path(purelib) / "np6-core-deps.pth").write_text(f"{deps}\n")
    return venv


def run(venv: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NP6_", "PYTHON"))}
    return subprocess.run(
        [str(venv / "bin" / "np6"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_the_bare_install_has_no_extra(bare_venv: Path) -> None:
    python = str(bare_venv / "bin" / "python")
    for module in ("starlette", "uvicorn", "schemathesis"):
        probe = subprocess.run([python, "-c", f"import {module}"], capture_output=True, timeout=TIMEOUT)
        assert probe.returncode != 0, f"{module} is importable: the test would not show a missing extra"
    assert (
        sysconfig.get_path("purelib")
        not in subprocess.run(
            [python, "-c", "import sys; print(sys.path)"], capture_output=True, text=True, timeout=TIMEOUT
        ).stdout
    )


def test_np6_runs_without_extras(bare_venv: Path) -> None:
    version = run(bare_venv, "--version")
    assert version.returncode == 0 and version.stdout.startswith("np6 "), version.stderr


@pytest.mark.parametrize(
    ("command", "extra"),
    [(["demo"], "sandbox"), (["sandbox", "--port", "0"], "sandbox"), (["contract"], "contract")],
)
def test_a_command_that_needs_an_extra_names_it(bare_venv: Path, command: list[str], extra: str) -> None:
    result = run(bare_venv, *command)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert f"pip install 'np6-python[{extra}]'" in result.stderr


def test_the_spec_diff_needs_no_extra(bare_venv: Path) -> None:
    """`np6 spec diff` and `np6 spec drift` use only core dependencies: no extra is asked for."""
    spec = Path(__file__).parents[2] / "openapi" / "np6-8.1.0.yaml"
    result = run(bare_venv, "spec", "diff", str(spec), str(spec))
    assert result.returncode == 0, result.stderr
    assert "pip install" not in result.stderr
