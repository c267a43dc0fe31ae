"""The live count of `np6 reactivities export` / `sync` on a terminal: its own module so that rich.progress
is imported when an export or a sync runs, not each time the app is built."""

from __future__ import annotations

from rich.progress import ProgressColumn, Task
from rich.text import Text


class Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} events/s")
