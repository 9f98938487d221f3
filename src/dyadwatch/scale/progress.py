"""Progress of a long ingest: how many documents to expect, and a rich progress bar showing
documents, sentences per second, events, errors and (when the total is known) the ETA.

Display only: the bar writes to the console it is given (the CLI passes stderr)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..ingest import _walk  # the same walk as read_paths
from ..ingest.common import format_suffix, is_gzip
from .chunks import RunStats

_ONE_DOCUMENT: Final = frozenset({".txt", ".text", ".md", ".html", ".htm"})
_LINES: Final = frozenset({".jsonl", ".ndjson"})
_TABLES: Final = frozenset({".csv", ".tsv"})
_BLOCK: Final = 1 << 20


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """About how many documents ``paths`` hold, or ``None`` when that is not cheap to know.

    A text or HTML file counts one; a JSON Lines file one per line and a CSV/TSV file one per
    line after the header (a quoted field over several lines makes that an overcount); a
    feed, a gzip-compressed record file or a missing path makes the total unknown.
    """
    total = 0
    for given in paths:
        path = Path(given)
        files = _walk(path, set()) if path.is_dir() else [path]
        for file in files:
            kind = format_suffix(file)
            if kind in _ONE_DOCUMENT:
                total += 1
            elif kind in (_LINES | _TABLES) and not is_gzip(file) and file.is_file():
                total += max(0, _count_lines(file) - (kind in _TABLES))
            else:
                return None
    return total


class IngestProgress:
    """A progress bar over a run's :class:`~dyadwatch.scale.RunStats`; off when ``enabled`` is
    false or the console is not a terminal."""

    def __init__(self, console: Console, *, total: int | None = None, enabled: bool = True) -> None:
        self._start = time.monotonic()
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}{task.fields[of]} docs"),
            TextColumn("{task.fields[rate]:,.0f} sentences/s"),
            TextColumn("{task.fields[events]:,} events"),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not enabled or not console.is_terminal,
        )
        of = f"/{total}" if total is not None else ""
        self._task = self._progress.add_task("coding", total=total, of=of, rate=0.0, events=0,
                                             errors=0)  # fmt: skip

    def update(self, stats: RunStats) -> None:
        elapsed = max(time.monotonic() - self._start, 1e-6)
        self._progress.update(
            self._task, completed=stats.coded + stats.skipped + stats.errors,
            rate=stats.sentences / elapsed, events=stats.events, errors=stats.errors,
        )  # fmt: skip

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()
