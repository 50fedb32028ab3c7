"""Rich progress bars for long work (files read, records written)."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)


def bytes_progress(console: Console, transient: bool = False) -> Progress:
    """A bar for reading files: bytes done, speed, time left."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=transient,
    )


def count_progress(console: Console) -> Progress:
    """A bar for counted work: done of total, time elapsed."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def advancer(progress: Progress, task: TaskID) -> Callable[[int], None]:
    """A callback that moves `task` on by the amount it is given."""

    def advance(amount: int) -> None:
        progress.advance(task, amount)

    return advance
