"""Coding on N local worker processes, streamed.

The driver (the calling process) reads the inputs, skips documents already stored, and hands
chunks to the workers; each worker loads the model once (when it starts) and sends back the
results of a whole chunk at once, so a chunk is either all delivered or not at all. At most
``prefetch`` chunks wait at each worker, so memory stays flat however large the corpus.

A worker that dies (killed, out of memory, a crash in native code) is replaced; the chunk it
was coding is redone one document per chunk, and a single document that kills a worker
``max_attempts`` times is reported as an error instead of being retried forever. Chunks that
were only queued at the dead worker are handed to another one unchanged. Results arrive in
completion order, not input order.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ConfigError, IngestError
from ..pipeline import Coder, Result
from .chunks import (
    BeforeCode,
    Chunk,
    RunStats,
    StoredLookup,
    chunk_stream,
    code_chunk,
    coding_error,
    peak_rss,
    worker_name,
)

#: Seconds between checks that every worker is still alive while waiting for results.
_POLL_SECONDS = 1.0


def _worker_main(
    config: Config, cue_files: tuple[Path, ...], before: BeforeCode | None, tasks: Any,
    conn: Connection,
) -> None:  # fmt: skip
    """A worker process: load the coder once, then code chunks until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's: it stops the workers
    try:
        coder = Coder(config, cue_files=cue_files)
    except Exception as exc:  # noqa: BLE001 - reported to the driver, which raises it
        conn.send(("init_error", f"{exc}"))
        return
    conn.send(("ready", worker_name(), peak_rss()))
    while True:
        item = tasks.get()
        if item is None:
            break
        chunk_id, articles = item
        results, errors = code_chunk(coder, articles, before)
        conn.send(("done", chunk_id, results, errors, peak_rss()))
    conn.close()


@dataclass
class _Worker:
    process: Any
    conn: Connection
    tasks: Any
    name: str = ""
    ready: bool = False
    inflight: deque[Chunk] = field(default_factory=deque)


class _Pool:
    """The worker processes and the chunks each holds (oldest first: the one being coded)."""

    def __init__(self, ctx: Any, size: int, args: tuple[Any, ...]) -> None:
        self._ctx, self._args = ctx, args
        self.workers = [self._start() for _ in range(size)]

    def _start(self) -> _Worker:
        receive, send = self._ctx.Pipe(duplex=False)
        tasks = self._ctx.Queue()
        process = self._ctx.Process(
            target=_worker_main, args=(*self._args, tasks, send), daemon=True,
            name="dyadwatch-worker",
        )  # fmt: skip
        process.start()
        send.close()  # the worker holds the only write end: EOF here when it dies
        return _Worker(process, receive, tasks)

    def replace(self, worker: _Worker) -> list[Chunk]:
        """Drop a dead worker, start another; returns the chunks it held."""
        self.discard(worker)
        self.workers[self.workers.index(worker)] = self._start()
        return list(worker.inflight)

    def submit(self, worker: _Worker, chunk: Chunk) -> None:
        worker.inflight.append(chunk)
        worker.tasks.put((chunk.chunk_id, chunk.articles))

    def close(self, *, graceful: bool) -> None:
        for worker in self.workers:
            if graceful:
                worker.tasks.put(None)
        for worker in self.workers:
            self.discard(worker, kill=not graceful)

    @staticmethod
    def discard(worker: _Worker, *, kill: bool = True) -> None:
        if not kill:
            worker.process.join(timeout=30)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=10)
        worker.tasks.cancel_join_thread()
        worker.tasks.close()
        worker.conn.close()


def _context(start_method: str | None) -> Any:
    if start_method is None:
        start_method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    if start_method == "fork":
        raise ConfigError("start method 'fork' is not supported (spaCy is not fork-safe); "
                          "use 'forkserver' or 'spawn'")
    ctx = mp.get_context(start_method)
    if start_method == "forkserver":
        # Import spaCy (and torch, through thinc) once in the fork server, not in every worker.
        ctx.set_forkserver_preload(["dyadwatch.pipeline"])
    return ctx


def run_local(
    paths: Iterable[str | Path],
    config: Config,
    workers: int,
    *,
    cue_files: Sequence[Path] = (),
    stored: StoredLookup | None = None,
    stats: RunStats | None = None,
    chunk_size: int | None = None,
    prefetch: int = 2,
    max_attempts: int = 2,
    start_method: str | None = None,
    before_code: BeforeCode | None = None,
    coder: Coder | None = None,
) -> Iterator[Result | IngestError]:
    """Read and code every document under ``paths`` on ``workers`` processes, as a stream.

    Yields one :class:`~dyadwatch.pipeline.Result` per coded document and one
    :class:`~dyadwatch.errors.IngestError` per input that could not be read or coded, in
    completion order. ``stored`` (e.g. :func:`~dyadwatch.scale.stored_lookup` of the store
    being written) makes a restarted run skip what an earlier one stored; ``stats`` is updated
    as documents go by. ``workers=1`` codes in this process (with ``coder`` if given), like
    :func:`dyadwatch.pipeline.extract`. ``chunk_size`` defaults to ``config.batch_size``;
    ``start_method`` is ``"forkserver"`` (default where available) or ``"spawn"``;
    ``before_code`` runs in the worker before each document (must be picklable).
    """
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    stats = stats if stats is not None else RunStats()
    size = chunk_size or config.batch_size
    chunks = chunk_stream(paths, config, size, stored=stored, stats=stats)
    if workers == 1:
        stats.ready_at = time.monotonic()
        yield from _in_process(chunks, coder or Coder(config, cue_files=cue_files), stats, before_code)
        return
    ctx = _context(start_method)
    for item in chunks:  # no worker is started until there is something to code
        if isinstance(item, IngestError):
            yield item
            continue
        pool = _Pool(ctx, workers, (config, tuple(cue_files), before_code))
        graceful = False
        try:
            yield from _drive(pool, itertools.chain([item], chunks), stats, prefetch, max_attempts)
            graceful = True
        finally:
            pool.close(graceful=graceful)
        return


def _in_process(
    chunks: Iterator[Chunk | IngestError], coder: Coder, stats: RunStats, before: BeforeCode | None
) -> Iterator[Result | IngestError]:
    for item in chunks:
        if isinstance(item, IngestError):
            yield item
            continue
        results, errors = code_chunk(coder, item.articles, before)
        stats.add(results)
        stats.errors += len(errors)
        stats.peak_rss["main"] = peak_rss()
        yield from results
        yield from errors


def _drive(
    pool: _Pool, chunks: Iterator[Chunk | IngestError], stats: RunStats, prefetch: int,
    max_attempts: int,
) -> Iterator[Result | IngestError]:  # fmt: skip
    retry: deque[Chunk] = deque()
    exhausted = False
    while True:
        # Hand out chunks while some worker has room: redone chunks first, then new ones.
        while True:
            worker = min(pool.workers, key=lambda w: len(w.inflight))
            if len(worker.inflight) >= prefetch:
                break
            if retry:
                pool.submit(worker, retry.popleft())
                continue
            if exhausted:
                break
            item = next(chunks, None)
            if item is None:
                exhausted = True
            elif isinstance(item, IngestError):
                yield item
            else:
                pool.submit(worker, item)
        if not any(w.inflight for w in pool.workers):
            return
        current = list(pool.workers)  # idle ones too: their start-up messages
        ready = wait([w.conn for w in current], timeout=_POLL_SECONDS)
        for worker in current:
            if worker.conn not in ready and worker.process.is_alive():
                continue
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                yield from _crashed(pool, worker, retry, stats, max_attempts)
                continue
            yield from _handle(pool, worker, message, stats)


def _handle(
    pool: _Pool, worker: _Worker, message: tuple[Any, ...], stats: RunStats
) -> Iterator[Result | IngestError]:
    kind = message[0]
    if kind == "init_error":
        raise ConfigError(f"a worker could not load the coder: {message[1]}")
    if kind == "ready":
        worker.ready, worker.name = True, message[1]
        stats.peak_rss[worker.name] = message[2]
        if stats.ready_at is None and all(w.ready for w in pool.workers):
            stats.ready_at = time.monotonic()
        return
    _, chunk_id, results, errors, rss = message
    done = worker.inflight.popleft()
    assert done.chunk_id == chunk_id, (done.chunk_id, chunk_id)
    stats.peak_rss[worker.name] = max(stats.peak_rss.get(worker.name, 0), rss)
    stats.add(results)
    stats.errors += len(errors)
    yield from results
    yield from errors


def _crashed(
    pool: _Pool, worker: _Worker, retry: deque[Chunk], stats: RunStats, max_attempts: int
) -> Iterator[IngestError]:
    """Replace a dead worker; redo its chunks (the one it was coding split, or reported)."""
    if not worker.ready:
        pool.discard(worker)
        raise ConfigError(
            f"a worker process died while loading the coder (exit code {worker.process.exitcode})"
        )
    stats.worker_crashes += 1
    held = pool.replace(worker)
    code = worker.process.exitcode
    if not held:
        return
    crashed, queued = held[0], held[1:]
    retry.extend(queued)
    if len(crashed.articles) > 1:
        stats.retried_chunks += 1
        retry.extend(crashed.split())
    elif crashed.attempt < max_attempts:
        stats.retried_chunks += 1
        retry.append(Chunk(crashed.chunk_id, crashed.articles, crashed.attempt + 1))
    else:
        stats.errors += 1
        yield coding_error(crashed.articles[0], f"the worker process died, exit code {code}")
