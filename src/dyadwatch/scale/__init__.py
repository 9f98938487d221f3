"""Coding at corpus scale: N local worker processes (:func:`run_local`) or a Dask cluster
(:func:`run_dask`), streamed, resumable, with each chunk of documents delivered whole or redone.
See docs/scale.md.

>>> from dyadwatch.scale import run_local, stored_lookup                 # doctest: +SKIP
>>> with Store("news.duckdb") as store:                                   # doctest: +SKIP
...     for item in run_local(["wire/"], Config(), 4, stored=stored_lookup(store)):
...         ...

``run_dask`` (and Dask itself) is imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .chunks import (
    Chunk,
    RunStats,
    StoredLookup,
    chunk_stream,
    code_chunk,
    stored_lookup,
)
from .ingest import IngestSummary, ingest_into
from .local import run_local
from .parquet import (
    ChunkFiles,
    load_chunk,
    load_dir,
    manifests,
    remove_orphans,
    write_chunk,
)
from .progress import count_documents

if TYPE_CHECKING:
    from .dask_run import run_dask


def __getattr__(name: str) -> Any:
    if name == "run_dask":
        from .dask_run import run_dask

        return run_dask
    raise AttributeError(name)


__all__ = [
    "Chunk",
    "ChunkFiles",
    "IngestSummary",
    "RunStats",
    "StoredLookup",
    "chunk_stream",
    "code_chunk",
    "count_documents",
    "ingest_into",
    "load_chunk",
    "load_dir",
    "manifests",
    "remove_orphans",
    "run_dask",
    "run_local",
    "stored_lookup",
    "write_chunk",
]
