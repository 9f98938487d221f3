"""Hooks run inside worker processes (picklable, importable by the workers)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.records import Article


@dataclass(frozen=True)
class CrashOnce:
    """Kill the worker process the first time it meets a document whose ``doc_id`` is
    ``doc_id`` (a marker file under ``marks`` remembers that it did)."""

    doc_id: str
    marks: str

    def __call__(self, article: Article) -> None:
        if article.doc_id != self.doc_id:
            return
        mark = Path(self.marks) / f"crashed-{self.doc_id}"
        if not mark.exists():
            mark.write_text("crashed", encoding="utf-8")
            os._exit(13)


@dataclass(frozen=True)
class CrashAlways:
    """Kill the worker process whenever it meets the document ``doc_id``."""

    doc_id: str

    def __call__(self, article: Article) -> None:
        if article.doc_id == self.doc_id:
            os._exit(13)


@dataclass(frozen=True)
class RaiseOn:
    """Raise (an ordinary Python error, the worker lives on) on the document ``doc_id``."""

    doc_id: str

    def __call__(self, article: Article) -> None:
        if article.doc_id == self.doc_id:
            raise RuntimeError(f"test failure on {self.doc_id}")
