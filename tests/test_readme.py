"""The Python blocks of README.md and sandbox/README.md: `mypy --strict` accepts them and they run.

Each fenced ```python block is written to a file of its own and checked by one mypy run (the project's
mypy settings, plus --strict), then run in a fresh interpreter with NP6_BASE_URL and NP6_API_KEY pointing
at the test sandbox: the README's code is run exactly as a user would paste it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from np6_sandbox.testing import TEST_API_KEY

from support import ROOT
from typecheck import mypy_diagnostics

# With tests/typing/ on one xdist worker: both run mypy on the shared .mypy_cache, one run at a time.
pytestmark = pytest.mark.xdist_group("mypy")

DOCS = [ROOT / "README.md", ROOT / "sandbox" / "README.md"]
_FENCE = re.compile(r"^```python\n(.*?)^```$", re.M | re.S)
_HEADING = re.compile(r"^#+ (.*)$", re.M)


@dataclass(frozen=True)
class Block:
    doc: Path
    heading: str
    line: int
    code: str

    @property
    def id(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "_", self.heading.lower()).strip("_")
        return f"{self.doc.relative_to(ROOT).as_posix()}:{self.line}:{slug}"

    @property
    def filename(self) -> str:
        return re.sub(r"[^a-zA-Z0-9]+", "_", self.id) + ".py"


def blocks(doc: Path) -> list[Block]:
    text = doc.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        headings = _HEADING.findall(text, 0, match.start())
        line = text.count("\n", 0, match.start()) + 2  # the first line of code
        found.append(Block(doc, headings[-1] if headings else doc.name, line, match.group(1)))
    return found


BLOCKS = [b for doc in DOCS for b in blocks(doc)]

# What a block must print when run against the demo data (a block not listed only has to exit 0).
EXPECTED_OUTPUT = {
    # Using np6_api alone: authenticated with X-Key (with the stock generator it got 401 and printed that).
    "from np6_api import AuthenticatedClient": "Spring sale\n",
}

# Blocks mypy --strict rejects today, with the reason. Strict xfail: once fixed, the test fails until the
# mark is removed here.
MYPY_XFAIL: dict[str, str] = {}


def _marks(block: Block, xfails: dict[str, str]) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(reason=why, strict=True) for key, why in xfails.items() if key in block.code]


def _params(xfails: dict[str, str]) -> list[object]:
    return [pytest.param(b, id=b.id, marks=_marks(b, xfails)) for b in BLOCKS]


def test_the_readmes_have_python_blocks() -> None:
    ids = [b.id for b in BLOCKS]
    assert any("using_the_client" in i for i in ids), ids
    assert any(key in b.code for b in BLOCKS for key in EXPECTED_OUTPUT), (
        "an EXPECTED_OUTPUT key matches no block"
    )


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One mypy --strict run over every block (one file each); the lines per file name."""
    where = tmp_path_factory.mktemp("readme")
    files = []
    for block in BLOCKS:
        files.append(where / block.filename)
        files[-1].write_text(block.code, encoding="utf-8")
    return {path.name: lines for path, lines in mypy_diagnostics(files, where).items()}


@pytest.mark.parametrize("block", _params(MYPY_XFAIL))
def test_block_passes_mypy_strict(block: Block, mypy_report: dict[str, list[str]]) -> None:
    errors = [line for line in mypy_report[block.filename] if ": error:" in line]
    assert not errors, f"{block.id}:\n" + "\n".join(mypy_report[block.filename])


@pytest.mark.parametrize("block", _params({}))
def test_block_runs_against_the_sandbox(block: Block, np6_sandbox_url: str, tmp_path: Path) -> None:
    script = tmp_path / block.filename
    script.write_text(block.code, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NP6_")}
    env |= {"NP6_BASE_URL": np6_sandbox_url, "NP6_API_KEY": TEST_API_KEY}
    proc = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, f"{block.id} failed:\n{proc.stdout}{proc.stderr}"
    for key, output in EXPECTED_OUTPUT.items():
        if key in block.code:
            assert proc.stdout == output
