"""Ingest into a store: read, code and store documents on this process, N local processes or a
Dask cluster, then re-cluster the new events. The ``ingest`` command is a thin wrapper of
:func:`ingest_into`; the Python API calls it too.

>>> with Store("news.duckdb") as store:                                    # doctest: +SKIP
...     summary = ingest_into(store, ["wire/"], Config(), workers=4)
>>> summary.stored, summary.events, len(summary.errors)                    # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..config import Config
from ..errors import ConfigError, DyadwatchError, IngestError, StoreError
from .chunks import RunStats, stored_lookup
from .local import run_local

if TYPE_CHECKING:
    from ..pipeline import Coder, Result
    from ..store import Store

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one run did: documents stored, already stored (skipped or duplicates within the
    run), events of the stored documents, the errors (each also passed to ``on_error`` as it
    happened) and how many events were (re)clustered."""

    stored: int
    duplicates: int
    events: int
    errors: tuple[DyadwatchError, ...]
    clustered: int


def ingest_into(
    store: Store,
    paths: Iterable[str | Path],
    config: Config,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    parquet_dir: str | Path | None = None,
    cue_files: Sequence[Path] = (),
    coder: Coder | None = None,
    stats: RunStats | None = None,
    on_error: Callable[[DyadwatchError], None] | None = None,
    on_progress: Callable[[RunStats], None] | None = None,
) -> IngestSummary:
    """Code every document under ``paths`` and store it. One process by default (``coder``, if
    given, is used there), ``workers`` local processes, or the Dask cluster at ``scheduler``
    whose workers write Parquet under ``parquet_dir`` (default: beside the database). Documents
    already stored are not coded again. A bad input or a document the store refuses goes to
    ``on_error`` and the run goes on; ``on_progress`` gets the running counts after each batch.

    Raises :class:`~dyadwatch.errors.ConfigError` for ``workers`` > 1 with a ``scheduler``."""
    if scheduler and workers > 1:
        raise ConfigError("workers is for local processes; with a scheduler the Dask cluster's workers do the work")
    stats = stats if stats is not None else RunStats()
    errors: list[DyadwatchError] = []
    progress = on_progress or (lambda _stats: None)

    def failed(exc: DyadwatchError) -> None:
        errors.append(exc)
        if on_error is not None:
            on_error(exc)

    stored = duplicates = events = 0
    if scheduler:
        from .dask_run import run_dask

        def on_chunk(files: object, written: int) -> None:
            nonlocal stored
            stored += written
            progress(stats)

        out_dir = Path(parquet_dir) if parquet_dir is not None else Path(f"{store.path}.parquet")
        run_dask(paths, config, scheduler, out_dir, store=store, cue_files=cue_files, stats=stats,
                 on_error=failed, on_chunk=on_chunk)  # fmt: skip
        events = stats.events  # events of the documents coded in this run
        duplicates = stats.skipped + stats.coded - stored
    else:
        def results() -> Iterator[Result]:
            for item in run_local(paths, config, workers, cue_files=cue_files, stored=stored_lookup(store),
                                  stats=stats, coder=coder if workers == 1 else None):  # fmt: skip
                if isinstance(item, IngestError):
                    failed(item)
                    progress(stats)
                else:
                    yield item

        for batch in _batches(results(), config.batch_size):
            for result, ok in zip(batch, store_batch(store, batch, failed), strict=True):
                stored += ok is True
                duplicates += ok is False
                events += len(result.events) if ok else 0
            progress(stats)
        duplicates += stats.skipped
    clustered = store.update_clusters() if stored else 0
    return IngestSummary(stored, duplicates, events, tuple(errors), clustered)


def store_batch(store: Store, batch: list[Result], on_error: Callable[[DyadwatchError], None]) -> list[bool | None]:
    """Write a batch in one transaction; if that fails, each document on its own, so one bad
    document does not keep the others out. Per document: True stored, False already there,
    None refused (its error goes to ``on_error``)."""
    docs = [(r.article, r.sentences, r.events, r.quotes, r.indicators) for r in batch]
    try:
        return list(store.add_documents(docs))
    except StoreError:
        pass
    flags: list[bool | None] = []
    for r in batch:
        try:
            flags.append(store.add_document(r.article, r.sentences, r.events, quotes=r.quotes,
                                            indicators=r.indicators))  # fmt: skip
        except StoreError as exc:
            on_error(StoreError(f"{r.article.source_path or r.article.doc_id}: {exc}"))
            flags.append(None)
    return flags


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
