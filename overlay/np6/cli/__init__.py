"""The `np6` command line, for people who would rather not write Python.

    np6 demo                                   # the main job against an embedded sandbox
    np6 notifications render 156 --unicity a@example.com
    np6 reactivities export --scope notifications --kind bounces --since 2026-11-01 --format csv -o b.csv

Built on the `np6` client; `np6 sandbox` and `np6 contract` run the sandbox and the contract suite.
`run(argv)` runs a command line in-process and returns its exit status.
"""

from ._app import app, main, run

__all__ = ["app", "main", "run"]
