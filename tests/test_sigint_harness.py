"""The Ctrl-C tests hold however the suite was started: children the tests start get KeyboardInterrupt.

A test run started in the background by a shell without job control inherits SIGINT ignored, and so would
every child (`np6`, `python -c ...`) a Ctrl-C test starts: they would never see the signal and fail at their
timeout. `support.restore_sigint` (called by tests/conftest.py's `pytest_configure`) undoes that.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from support import ROOT

# A process standing for the test process, started with SIGINT ignored: it restores SIGINT or not (argv[1]),
# then starts a child that reports whether it got Python's KeyboardInterrupt handler, then Ctrl-Cs a second
# child waiting for it, and prints that child's exit code (130: it got KeyboardInterrupt).
PARENT = textwrap.dedent(
    """
    import signal, subprocess, sys
    sys.path.insert(0, sys.argv[2])
    from support import restore_sigint
    print(restore_sigint() if sys.argv[1] == "restore" else "left")
    probe = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    print(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip())
    if sys.argv[1] == "restore":
        waiter = (
            "import sys, time\\n"
            "try:\\n"
            "    print('ready', flush=True)\\n"
            "    time.sleep(120)\\n"
            "except KeyboardInterrupt:\\n"
            "    sys.exit(130)\\n"
        )
        child = subprocess.Popen([sys.executable, "-c", waiter], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline() == "ready\\n"
        child.send_signal(signal.SIGINT)
        print(child.wait(timeout=60))
    """
)


def _ignoring_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what `cmd &` does in a shell without job control


def _parent(mode: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PARENT, mode, str(ROOT / "tests")],
        preexec_fn=_ignoring_sigint,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_test_process_does_not_ignore_sigint() -> None:
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN


def test_an_inherited_ignored_sigint_reaches_no_child_unless_restored() -> None:
    # Without the restore, children start with SIGINT ignored (the failure mode); with it, they get Python's
    # KeyboardInterrupt handler and a Ctrl-C ends them with it.
    assert _parent("leave") == ["left", "False"]
    assert _parent("restore") == ["True", "True", "130"]


def test_restore_leaves_a_handled_sigint_alone() -> None:
    from support import restore_sigint

    before = signal.getsignal(signal.SIGINT)
    assert restore_sigint() is False
    assert signal.getsignal(signal.SIGINT) is before
