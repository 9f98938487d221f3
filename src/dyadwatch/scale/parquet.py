"""Parquet partitions written by workers, and their loading into the DuckDB store.

A worker writes the rows of one chunk of documents (the store's own rows, from
:func:`dyadwatch.store.rows.prepare`) under ``out_dir``::

    events/year=2019/month=8/part-<chunk>.parquet     events, by the event's year and month
    events/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/…   (undated)
    documents/part-<chunk>.parquet   sentences/…   actors/…   quotes/…   indicators/…
    _chunks/<chunk>.json             the manifest: the chunk's files and counts, written last

Every file is written under a temporary name and renamed into place, and the manifest comes
last: a chunk without a manifest (its worker died) is never loaded, and its files are removed
(:func:`remove_orphans`). :func:`load_chunk` writes one chunk into the store in ONE
transaction, skipping documents already stored, so loading twice stores everything once. The
layout is hive-style: ``read_parquet('out/events/**/*.parquet', hive_partitioning=true)``
in DuckDB (or pyarrow/pandas) reads the events directly.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError
from ..store.migrations import migrate
from ..store.rows import (
    ACTOR_COLUMNS,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    INDICATOR_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    DocumentRows,
)

if TYPE_CHECKING:
    from ..store import Store

MANIFESTS: Final = "_chunks"
#: Hive's name for a partition whose value is missing (DuckDB and pyarrow read it as NULL).
NULL_PARTITION: Final = "__HIVE_DEFAULT_PARTITION__"
_TABLES: Final[dict[str, tuple[str, ...]]] = {
    "documents": DOCUMENT_COLUMNS, "sentences": SENTENCE_COLUMNS, "events": EVENT_COLUMNS,
    "actors": ACTOR_COLUMNS, "quotes": QUOTE_COLUMNS, "indicators": INDICATOR_COLUMNS,
}  # fmt: skip
_ARROW_TYPES: Final[dict[str, pa.DataType]] = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChunkFiles:
    """A chunk's manifest: its Parquet files (relative to ``out_dir``) by table, and counts."""

    chunk_id: str
    files: dict[str, list[str]]
    documents: int
    sentences: int
    events: int

    @staticmethod
    def read(path: Path) -> ChunkFiles:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ChunkFiles(data["chunk_id"], data["files"], data["documents"], data["sentences"],
                          data["events"])  # fmt: skip


def _name(column: str) -> str:
    return column.strip('"')


@cache
def _schema(table: str) -> pa.Schema:
    """The Arrow schema of a store table (column types read from the migrated schema), plus
    ``content_hash`` for actors (to load only the actors of new documents)."""
    con = duckdb.connect()
    try:
        migrate(con, where="an in-memory schema")
        types = {name: kind for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()}
    finally:
        con.close()
    fields = []
    for column in _TABLES[table]:
        kind = types[_name(column)]
        if kind not in _ARROW_TYPES:
            raise StoreError(f"no Parquet type for column {table}.{_name(column)} ({kind})")
        fields.append(pa.field(_name(column), _ARROW_TYPES[kind]))
    if table == "actors":
        fields.append(pa.field("content_hash", pa.string()))
    return pa.schema(fields)


def _write_table(out_dir: Path, relative: str, table: str, rows: Sequence[tuple[Any, ...]]) -> str:
    schema = _schema(table)
    columns = list(zip(*rows, strict=True))
    frame = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                 schema=schema)  # fmt: skip
    path = out_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(frame, tmp)
    os.replace(tmp, path)
    return relative


def _month(row: tuple[Any, ...]) -> str:
    start = row[EVENT_COLUMNS.index("date_start")]
    if start is None:
        return f"year={NULL_PARTITION}/month={NULL_PARTITION}"
    return f"year={start.year}/month={start.month}"


def write_chunk(out_dir: str | Path, chunk_id: str, documents: Sequence[DocumentRows]) -> ChunkFiles:
    """Write the rows of ``documents`` (:func:`dyadwatch.store.rows.prepare`) as Parquet under
    ``out_dir``, then the manifest. A repeated content hash within the chunk is written once."""
    out = Path(out_dir)
    docs: dict[str, DocumentRows] = {}
    for d in documents:
        docs.setdefault(d.content_hash, d)
    part = f"part-{chunk_id}.parquet"
    tables: dict[str, list[tuple[Any, ...]]] = {
        "documents": [d.document for d in docs.values()],
        "sentences": [row for d in docs.values() for row in d.sentences],
        "actors": [(*row, d.content_hash) for d in docs.values() for row in d.actors],
        "quotes": [row for d in docs.values() for row in d.quotes],
        "indicators": [row for d in docs.values() for row in d.indicators],
    }
    files: dict[str, list[str]] = {}
    for table, rows in tables.items():
        if rows:
            files[table] = [_write_table(out, f"{table}/{part}", table, rows)]
    by_month: dict[str, list[tuple[Any, ...]]] = {}
    for d in docs.values():
        for row in d.events:
            by_month.setdefault(_month(row), []).append(row)
    if by_month:
        files["events"] = [_write_table(out, f"events/{m}/{part}", "events", rows)
                           for m, rows in sorted(by_month.items())]  # fmt: skip
    manifest = ChunkFiles(chunk_id, files, len(docs), sum(len(d.sentences) for d in docs.values()),
                          sum(len(d.events) for d in docs.values()))  # fmt: skip
    path = out / MANIFESTS / f"{chunk_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(asdict(manifest)), encoding="utf-8")
    os.replace(tmp, path)
    return manifest


def manifests(out_dir: str | Path) -> Iterator[ChunkFiles]:
    """The complete chunks under ``out_dir``, in name order."""
    folder = Path(out_dir) / MANIFESTS
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            yield ChunkFiles.read(path)


def remove_orphans(out_dir: str | Path) -> int:
    """Remove Parquet and temporary files that no manifest lists (left by a worker that died,
    or by a chunk that was redone in pieces); returns how many were removed. Run it only while
    no run is writing to ``out_dir``."""
    out = Path(out_dir)
    listed = {out / f for m in manifests(out) for files in m.files.values() for f in files}
    removed = 0
    for table in (*_TABLES, MANIFESTS):
        folder = out / table
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            stale = path.name.endswith(".tmp") or (path.suffix == ".parquet" and path not in listed)
            if path.is_file() and stale:
                path.unlink()
                removed += 1
    return removed


def _sql_list(out_dir: Path, files: Sequence[str]) -> str:
    quoted = ", ".join("'" + str(out_dir / f).replace("'", "''") + "'" for f in files)
    return f"[{quoted}]"


def load_chunk(store: Store, out_dir: str | Path, chunk: ChunkFiles) -> int:
    """Write one chunk's rows into ``store`` in one transaction, leaving out documents whose
    content hash is stored already; returns the number of documents written."""
    if store.read_only:
        raise StoreError(f"database {store.path} is open read-only")
    out = Path(out_dir)
    if "documents" not in chunk.files:
        return 0
    con = store._connection()  # a bulk load in the store's own connection and transaction
    docs = _sql_list(out, chunk.files["documents"])
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _dw_new AS SELECT content_hash FROM "
            f"read_parquet({docs}) WHERE content_hash NOT IN (SELECT content_hash FROM documents)"
        )
        (written,) = con.execute("SELECT count(*) FROM _dw_new").fetchone() or (0,)
        for table, columns in _TABLES.items():
            if table not in chunk.files or not written:
                continue
            names = ", ".join(columns)
            con.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM "
                f"read_parquet({_sql_list(out, chunk.files[table])}) "
                "WHERE content_hash IN (SELECT content_hash FROM _dw_new)"
            )
        con.execute("DROP TABLE _dw_new")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise StoreError(f"could not load chunk {chunk.chunk_id} from {out}; nothing of it "
                         f"was written: {exc}") from exc  # fmt: skip
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise
    return int(written)


def load_dir(store: Store, out_dir: str | Path) -> int:
    """Load every complete chunk under ``out_dir`` (one transaction each); returns the number
    of documents written (those already stored are skipped)."""
    return sum(load_chunk(store, out_dir, chunk) for chunk in manifests(out_dir))
