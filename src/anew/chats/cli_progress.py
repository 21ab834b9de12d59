"""The progress bar `anew analyze` shows on a large export: reading (by bytes), parsing, measuring.

Parsing and measuring are vectorised, with no per-message loop to count, so those two are whole
steps of the bar; reading moves with the bytes as they come in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from anew.chats.reading import ReadProgress

if TYPE_CHECKING:  # Rich is imported only when a bar is drawn: `--json` starts faster without it
    from rich.console import Console
    from rich.progress import Progress

STAGES = ("Reading", "Parsing", "Measuring")


class StageBar:
    """Moves one bar through the stages; without a Progress it does nothing."""

    def __init__(self, progress: Progress | None, name: str) -> None:
        self._progress, self._name = progress, name
        self._task = progress.add_task(f"Reading {name}", total=len(STAGES)) if progress else None

    @property
    def on_read(self) -> ReadProgress | None:
        """What to give the loader to hear the bytes come in; None when nothing is drawn, so
        that the file is then read in one go."""
        return self.read if self._progress is not None else None

    def read(self, done: int, total: int) -> None:
        """Called as the file's bytes come in; the whole file read starts parsing."""
        if self._progress is None or self._task is None:
            return
        if done >= total:
            self.stage("Parsing")
        else:
            self._progress.update(self._task, completed=done / max(total, 1))

    def stage(self, name: str) -> None:
        if self._progress is None or self._task is None:
            return
        label = f"{name} {self._name}" if name == "Reading" else name
        self._progress.update(self._task, completed=STAGES.index(name), description=label)

    def finish(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=len(STAGES), description="Done")


@contextmanager
def stage_bar(console: Console | None, name: str, *, enabled: bool) -> Iterator[StageBar]:
    """A bar on `console` while the block runs, or a bar that draws nothing."""
    if not enabled or console is None:
        yield StageBar(None, name)
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        bar = StageBar(progress, name)
        yield bar
        bar.finish()
