"""Coding on a Dask distributed cluster: workers write Parquet, the driver loads it.

The driver (the calling process) reads the inputs, skips documents already stored, and submits
one task per chunk of documents; at most ``max_in_flight`` chunks are out at a time, so memory
stays flat on both sides. Each worker loads the coder once (a worker plugin, on its first
task), codes the chunk and writes it as Parquet partitions under ``out_dir``
(:mod:`dyadwatch.scale.parquet`); as each chunk completes, the driver loads it into the DuckDB
store in one transaction. ``out_dir`` must be a folder that the workers and the driver all see
(one machine, or a shared file system on a cluster), and belongs to one database.

A worker that dies has its task rerun by Dask (up to the scheduler's ``allowed-failures``); a
chunk that keeps killing workers is split into one task per document, and a document that still
kills its worker is reported as an error. A chunk's files are only loaded once its manifest is
written, so a half-written chunk is never loaded. A run restarted after the driver was killed
first loads the complete chunks left in ``out_dir``, then skips every stored document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from distributed import Client, WorkerPlugin, as_completed, get_worker
from distributed.client import Future

from ..config import Config
from ..errors import ConfigError, DyadwatchError, IngestError, StoreError
from ..pipeline import Coder, Result
from ..records import Article
from ..store import Store
from ..store.rows import DocumentRows, prepare
from .chunks import (
    BeforeCode,
    Chunk,
    RunStats,
    chunk_stream,
    code_chunk,
    coding_error,
    peak_rss,
    stored_lookup,
    worker_name,
)
from .parquet import ChunkFiles, load_chunk, load_dir, remove_orphans, write_chunk

_PLUGIN: Final = "dyadwatch-coder"
#: The attribute of a Dask worker that holds its coders (one per worker thread).
_HELD: Final = "_dyadwatch_coders"


class CoderPlugin(WorkerPlugin):
    """Gives each Dask worker thread its :class:`~dyadwatch.pipeline.Coder`, loaded on first use
    and kept on the worker across runs (loaded again only when the configuration changes)."""

    def __init__(self, config: Config, cue_files: tuple[Path, ...] = ()) -> None:
        self.key = (config, cue_files)
        self._worker: Any = None

    def setup(self, worker: Any) -> None:
        self._worker = worker
        if not hasattr(worker, _HELD):
            setattr(worker, _HELD, threading.local())

    def coder(self) -> Coder:
        held = getattr(self._worker, _HELD)
        current = getattr(held, "coder", None)
        if current is None or current[0] != self.key:
            held.coder = None  # the old model goes before the new one loads
            config, cue_files = self.key
            held.coder = (self.key, Coder(config, cue_files=cue_files))
        return held.coder[1]


def _rows(results: Sequence[Result]) -> tuple[list[DocumentRows], list[IngestError]]:
    rows: list[DocumentRows] = []
    errors: list[IngestError] = []
    for r in results:
        try:
            rows.append(prepare(r.article, r.sentences, r.events, None, r.quotes, r.indicators))
        except StoreError as exc:
            errors.append(coding_error(r.article, f"could not be stored: {exc}"))
    return rows, errors


def code_and_write(
    chunk_id: str, articles: tuple[Article, ...], out_dir: str, before: BeforeCode | None = None
) -> tuple[ChunkFiles, list[IngestError], str, int]:
    """The task run on a worker: code a chunk, write its Parquet files and manifest; returns
    the manifest, the documents that failed, the worker's name and its peak memory."""
    plugin = get_worker().plugins[_PLUGIN]
    results, errors = code_chunk(plugin.coder(), articles, before)
    rows, bad = _rows(results)
    files = write_chunk(out_dir, chunk_id, rows)
    return files, errors + bad, worker_name(), peak_rss()


def run_dask(
    paths: Iterable[str | Path],
    config: Config,
    scheduler_address: str,
    out_dir: str | Path,
    *,
    store: Store | None = None,
    cue_files: Sequence[Path] = (),
    stats: RunStats | None = None,
    chunk_size: int = 256,
    max_in_flight: int | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    on_chunk: Callable[[ChunkFiles, int], None] | None = None,
    before_code: BeforeCode | None = None,
) -> RunStats:
    """Code every document under ``paths`` on the Dask cluster at ``scheduler_address``
    (``tcp://host:8786``) and store the results in ``store`` (default: a store opened on
    ``config.db_path``).

    ``on_error`` gets each input that could not be read or coded; ``on_chunk`` each chunk
    loaded, with the number of its documents written. Returns the run's :class:`RunStats`
    (``coded``: documents coded in this run; documents written to the store are reported
    through ``on_chunk``). ``max_in_flight`` defaults to twice the cluster's worker threads.
    """
    stats = stats if stats is not None else RunStats()
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    own = store is None
    db = store if store is not None else Store(config.db_path)
    try:
        with Client(scheduler_address, set_as_default=False) as client:
            client.register_plugin(CoderPlugin(config, tuple(cue_files)), name=_PLUGIN)
            threads = sum(client.nthreads().values())
            limit = max_in_flight or max(2, 2 * threads)
            remove_orphans(out)  # partial files of an interrupted run
            load_dir(db, out)  # complete chunks an interrupted run had not loaded yet
            chunks = chunk_stream(paths, config, chunk_size, stored=stored_lookup(db), stats=stats,
                                  prefix=f"{_run_id()}-")  # fmt: skip
            _drive(client, chunks, str(out), db, stats, limit, before_code, on_error, on_chunk)
        remove_orphans(out)  # files of chunks that were redone in pieces
    finally:
        if own:
            db.close()
    return stats


def _run_id() -> str:
    import datetime as _dt
    import os

    return _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"


def _drive(
    client: Client, chunks: Iterator[Chunk | IngestError], out: str, store: Store,
    stats: RunStats, limit: int, before: BeforeCode | None,
    on_error: Callable[[IngestError], None] | None,
    on_chunk: Callable[[ChunkFiles, int], None] | None,
) -> None:  # fmt: skip
    from distributed import KilledWorker

    def report(error: IngestError) -> None:
        if on_error is not None:
            on_error(error)

    pending = as_completed(loop=client.loop)
    held: dict[str, Chunk] = {}
    retry: list[Chunk] = []
    exhausted = False

    def submit(chunk: Chunk) -> None:
        future = client.submit(code_and_write, chunk.chunk_id, chunk.articles, out, before,
                               key=f"dyadwatch-{chunk.chunk_id}-{chunk.attempt}", pure=False)  # fmt: skip
        held[future.key] = chunk
        pending.add(future)

    while True:
        while len(held) < limit and (retry or not exhausted):
            if retry:
                submit(retry.pop())
                continue
            item = next(chunks, None)
            if item is None:
                exhausted = True
            elif isinstance(item, IngestError):
                report(item)
            else:
                submit(item)
        if not held:
            return
        future: Future = next(pending)
        chunk = held.pop(future.key)
        try:
            files, errors, name, rss = future.result()
        except KilledWorker:
            stats.worker_crashes += 1
            if len(chunk.articles) > 1:
                stats.retried_chunks += 1
                retry.extend(chunk.split())
            else:
                stats.errors += 1
                report(coding_error(chunk.articles[0], "it kept killing the Dask worker"))
            continue
        except DyadwatchError:
            raise  # e.g. the model is not installed on the workers
        except Exception as exc:  # e.g. dyadwatch missing on a worker, a full disk
            raise ConfigError(f"a Dask task failed on the cluster: {type(exc).__name__}: {exc} "
                              "(is dyadwatch installed on every worker, and the Parquet folder "
                              f"{out} writable by them?)") from exc  # fmt: skip
        finally:
            future.release()
        written = load_chunk(store, out, files)
        stats.coded += files.documents
        stats.sentences += files.sentences
        stats.events += files.events
        stats.errors += len(errors)
        stats.peak_rss[name] = max(stats.peak_rss.get(name, 0), rss)
        for error in errors:
            report(error)
        if on_chunk is not None:
            on_chunk(files, written)
