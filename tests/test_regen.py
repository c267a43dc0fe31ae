"""scripts/regen.sh --check must notice a stale generated/ tree. Runs on copies, never the real tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import GENERATED, SPEC, run_regen


@pytest.fixture
def generated_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "np6_api"
    shutil.copytree(GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_check_passes_on_an_untouched_copy(generated_copy: Path) -> None:
    proc = run_regen("--check", SPEC, out=generated_copy)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "OK" in proc.stdout


def test_check_fails_and_lists_tampered_files(generated_copy: Path) -> None:
    client = generated_copy / "client.py"
    client.write_text(client.read_text() + "\n# hand edit\n")
    (generated_copy / "errors.py").unlink()
    (generated_copy / "models" / "stray_model.py").write_text("")

    proc = run_regen("--check", SPEC, out=generated_copy)

    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "STALE" in proc.stderr
    lines = proc.stdout.splitlines()
    assert any(ln.split()[:1] == ["changed:"] and ln.endswith("/client.py") for ln in lines)
    assert any(ln.split()[:1] == ["added:"] and "/errors.py" in ln for ln in lines)
    assert any(ln.split()[:1] == ["removed:"] and "/models/stray_model.py" in ln for ln in lines)
    # the check never writes: the tampered copy is left as it was
    assert client.read_text().endswith("# hand edit\n")
    assert not (generated_copy / "errors.py").exists()


def test_regen_replaces_the_tree_and_drops_stray_files(tmp_path: Path) -> None:
    out = tmp_path / "np6_api"
    (out / "models").mkdir(parents=True)
    (out / "models" / "removed_operation.py").write_text("")

    proc = run_regen(SPEC, out=out)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "regen: wrote" in proc.stdout and " s" in proc.stdout
    assert not (out / "models" / "removed_operation.py").exists()
    assert (out / "py.typed").is_file()
    assert not (out / ".ruff_cache").exists()
    assert list(tmp_path.iterdir()) == [out], "the temporary work dir must be cleaned up"


def test_unknown_option_is_refused(tmp_path: Path) -> None:
    proc = run_regen("--chek", out=tmp_path / "np6_api")
    assert proc.returncode == 2
    assert "unknown option" in proc.stderr
