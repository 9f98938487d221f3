"""What the local and the Dask runners share: documents read once, skipped when already stored,
grouped into chunks (the unit a worker codes and that is redone as a whole), and the coding of
one chunk with each failing document isolated and reported.

Nothing here holds more than one chunk (plus a bounded memory of recent content hashes, to
skip a repeat inside one run), so memory stays flat however large the input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..config import Config
from ..errors import IngestError
from ..ingest import read_paths
from ..records import Article

if TYPE_CHECKING:
    from ..pipeline import Coder, Result
    from ..store import Store

#: Given content hashes, the ones already stored (see :func:`stored_lookup`).
StoredLookup = Callable[[Sequence[str]], Collection[str]]
#: Called in the worker with each document before it is coded (tests simulate crashes with it).
BeforeCode = Callable[[Article], None]

#: At least this many documents are looked up in the store at once.
LOOKUP_BATCH: Final = 256
#: How many recent content hashes are remembered to skip a repeat within one run.
RECENT_HASHES: Final = 100_000


@dataclass(frozen=True, slots=True)
class Chunk:
    """Documents coded together by one worker; redone as a whole if its worker dies."""

    chunk_id: str
    articles: tuple[Article, ...]
    attempt: int = 1

    def split(self) -> list[Chunk]:
        """One chunk per document (to find the one document that kills a worker); the failed
        attempt counts for each of them."""
        return [Chunk(f"{self.chunk_id}.{i}", (a,), self.attempt + 1) for i, a in enumerate(self.articles)]


@dataclass
class RunStats:
    """What a run did so far; the runners update it as they go (read it for progress)."""

    read: int = 0  #: documents read from the inputs
    skipped: int = 0  #: already stored (or repeated in this run): not coded
    coded: int = 0  #: documents coded
    sentences: int = 0
    events: int = 0
    errors: int = 0  #: inputs that could not be read or coded
    worker_crashes: int = 0  #: worker processes that died (their chunks were redone)
    retried_chunks: int = 0
    #: Peak resident memory (bytes) of each worker, by worker name.
    peak_rss: dict[str, int] = field(default_factory=dict)
    #: ``time.monotonic()`` when every local worker had loaded its model (start-up over).
    ready_at: float | None = None

    def add(self, results: Sequence[Result]) -> None:
        self.coded += len(results)
        self.sentences += sum(len(r.sentences) for r in results)
        self.events += sum(len(r.events) for r in results)


def stored_lookup(store: Store) -> StoredLookup:
    """A lookup of stored content hashes in ``store`` (one query per batch of hashes)."""
    return store.stored_hashes


class _Recent:
    """A bounded set of recently seen hashes (the oldest forgotten first)."""

    def __init__(self, size: int) -> None:
        self._seen: dict[str, None] = {}
        self._size = size

    def add(self, value: str) -> bool:
        """Remember ``value``; False if it was remembered already."""
        if value in self._seen:
            return False
        self._seen[value] = None
        if len(self._seen) > self._size:
            del self._seen[next(iter(self._seen))]
        return True


def chunk_stream(
    paths: Iterable[str | Path],
    config: Config,
    size: int,
    *,
    stored: StoredLookup | None = None,
    stats: RunStats | None = None,
    prefix: str = "c",
) -> Iterator[Chunk | IngestError]:
    """Chunks of at most ``size`` documents still to code, and the read errors, as they come.

    A document whose content hash ``stored`` reports (or that was seen earlier in this run) is
    skipped: counted in ``stats.skipped``, never coded.
    """
    stats = stats if stats is not None else RunStats()
    recent = _Recent(RECENT_HASHES)
    batch = max(size, LOOKUP_BATCH)
    seq = 0
    pending: list[Article] = []
    to_check: list[Article] = []

    def check() -> Iterator[Chunk]:
        nonlocal seq
        known = stored([a.content_hash for a in to_check]) if stored is not None else ()
        for article in to_check:
            if article.content_hash in known or not recent.add(article.content_hash):
                stats.skipped += 1
            else:
                pending.append(article)
        to_check.clear()
        while len(pending) >= size:
            yield Chunk(f"{prefix}{seq:07d}", tuple(pending[:size]))
            del pending[:size]
            seq += 1

    for item in read_paths(paths, config):
        if isinstance(item, IngestError):
            stats.errors += 1
            yield item
            continue
        stats.read += 1
        to_check.append(item)
        if len(to_check) >= batch:
            yield from check()
    yield from check()
    if pending:
        yield Chunk(f"{prefix}{seq:07d}", tuple(pending))


def _hooked(articles: Iterable[Article], before: BeforeCode | None) -> Iterator[Article]:
    for article in articles:
        if before is not None:
            before(article)
        yield article


def code_chunk(
    coder: Coder, articles: Sequence[Article], before: BeforeCode | None = None
) -> tuple[list[Result], list[IngestError]]:
    """Code a chunk in one ``nlp.pipe`` stream; if coding raises, code it again one document
    at a time and report each document that fails (the others are kept)."""
    try:
        return list(coder.code_articles(_hooked(articles, before))), []
    except Exception:  # noqa: BLE001, S110 - the bad document is isolated below
        pass
    results: list[Result] = []
    errors: list[IngestError] = []
    for article in articles:
        try:
            results += coder.code_articles(_hooked([article], before))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            errors.append(coding_error(article, f"{type(exc).__name__}: {exc}"))
    return results, errors


def coding_error(article: Article, why: str) -> IngestError:
    """The error reported for a document that could not be coded."""
    return IngestError(f"could not be coded ({why})", article.source_path or article.doc_id,
                       article.source_line)


def peak_rss() -> int:
    """Peak resident memory of this process, in bytes."""
    try:
        import resource
    except ImportError:  # Windows
        import psutil

        return int(getattr(psutil.Process().memory_info(), "peak_wset", 0))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def worker_name() -> str:
    return f"pid{os.getpid()}"
