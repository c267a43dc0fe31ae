"""The run's outcome in the forms people act on: a per-operation table, failure details with the
`x-request-id` NP6 support asks for, JUnit XML for CI, and a closing `N passed, N failed` line."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"
BODY_EXCERPT = 300


@dataclass
class FailureDetail:
    """One distinct failure (same operation, check and title), with the first request that showed it."""

    check: str
    title: str
    message: str
    method: str
    url: str
    body: str
    status: int | None
    request_id: str | None
    phase: str
    occurrences: int = 1

    def describe(self) -> list[str]:
        status = self.status if self.status is not None else "no response"
        lines = [
            f"  check: {self.check}: {self.title} ({self.occurrences}x, phase {self.phase})",
            f"    request: {self.method} {self.url}",
        ]
        if self.body:
            lines.append(f"    body: {self.body}")
        lines.append(f"    status: {status}   x-request-id: {self.request_id or '(none)'}")
        lines.extend(f"    | {line}" for line in self.message.strip().splitlines()[:12])
        return lines


@dataclass
class OperationResult:
    operation_id: str
    method: str
    path: str
    category: str
    skip_reason: str | None = None
    cases: int = 0
    checks: int = 0
    failures: list[FailureDetail] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    engine_skip: str | None = None

    @property
    def status(self) -> str:
        if self.failures or self.errors:
            return FAILED
        if self.skip_reason is not None or self.cases == 0:
            return SKIPPED
        return PASSED

    @property
    def reason(self) -> str:
        if self.failures:
            return ", ".join(sorted({f.check for f in self.failures}))
        if self.errors:
            return self.errors[0].splitlines()[0][:120]
        if self.skip_reason is not None:
            return self.skip_reason
        if self.cases == 0:
            return self.engine_skip or "no request was sent"
        return ""

    def add_failure(self, detail: FailureDetail) -> None:
        for known in self.failures:
            if (known.check, known.title) == (detail.check, detail.title):
                known.occurrences += 1
                return
        self.failures.append(detail)


@dataclass
class RunResult:
    base_url: str
    seed: int | None
    operations: list[OperationResult]
    elapsed: float = 0.0
    run_id: str = ""
    cleanup: list[str] = field(default_factory=list)
    cleanup_failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    recorded: int = 0

    def count(self, status: str) -> int:
        return sum(1 for op in self.operations if op.status == status)

    @property
    def cases(self) -> int:
        return sum(op.cases for op in self.operations)

    @property
    def checks(self) -> int:
        return sum(op.checks for op in self.operations)

    @property
    def failures(self) -> int:
        return sum(f.occurrences for op in self.operations for f in op.failures)

    @property
    def ok(self) -> bool:
        return self.count(FAILED) == 0 and not self.cleanup_failures and not self.errors

    def summary_line(self) -> str:
        """The closing line, exactly `N passed, N failed` plus `, N skipped` when some were."""
        failed = self.count(FAILED) + (1 if self.cleanup_failures or self.errors else 0)
        line = f"{self.count(PASSED)} passed, {failed} failed"
        skipped = self.count(SKIPPED)
        return f"{line}, {skipped} skipped" if skipped else line


def write_text(result: RunResult, out: TextIO) -> None:
    """The human report: table, failure details, cleanup, figures, and the closing line last."""
    width = max((len(op.operation_id) for op in result.operations), default=10)
    out.write(f"NP6 contract run {result.run_id} against {result.base_url} (seed {result.seed})\n\n")
    for op in result.operations:
        label = f"{op.method} {op.path}"
        out.write(
            f"{op.status.upper():7}  {op.operation_id:{width}}  {label:62}  {op.cases:4} cases  {op.reason}\n"
        )
    failed = [op for op in result.operations if op.failures or op.errors]
    if failed:
        out.write("\nFailures (give NP6 support the x-request-id):\n")
        for op in failed:
            out.write(f"\n{op.operation_id} ({op.method} {op.path})\n")
            for detail in op.failures:
                out.write("\n".join(detail.describe()) + "\n")
            for error in op.errors:
                out.write("  error: " + "\n    ".join(error.strip().splitlines()[:12]) + "\n")
    for error in result.errors:
        out.write(f"\nRun error: {error}\n")
    if result.cleanup or result.cleanup_failures:
        out.write("\nCleanup (resources this run created):\n")
        for line in result.cleanup:
            out.write(f"  {line}\n")
        for line in result.cleanup_failures:
            out.write(f"  FAILED {line}\n")
    out.write(
        f"\n{len(result.operations)} operations, {result.cases} cases, {result.checks} checks, "
        f"{result.failures} failures in {result.elapsed:.1f}s"
        + (f", {result.recorded} exchanges recorded" if result.recorded else "")
        + "\n"
    )
    out.write(result.summary_line() + "\n")


def write_junit(result: RunResult, path: Path) -> None:
    """One <testcase> per operation, so CI shows which operation broke and why."""
    suite = ET.Element(
        "testsuite",
        name="np6-contract",
        tests=str(len(result.operations)),
        failures=str(result.count(FAILED)),
        skipped=str(result.count(SKIPPED)),
        errors="0",
        time=f"{result.elapsed:.3f}",
    )
    for op in result.operations:
        case = ET.SubElement(
            suite, "testcase", classname=f"np6_contract.{op.category}", name=op.operation_id, time="0"
        )
        if op.status == FAILED:
            text = "\n".join(line for detail in op.failures for line in detail.describe())
            text = "\n".join([text, *op.errors]).strip()
            ET.SubElement(case, "failure", message=op.reason, type="contract").text = text
        elif op.status == SKIPPED:
            ET.SubElement(case, "skipped", message=op.reason)
    if result.cleanup_failures or result.errors:
        case = ET.SubElement(suite, "testcase", classname="np6_contract.run", name="cleanup", time="0")
        text = "\n".join([*result.errors, *result.cleanup_failures])
        ET.SubElement(case, "failure", message="run error or cleanup failed", type="contract").text = text
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
