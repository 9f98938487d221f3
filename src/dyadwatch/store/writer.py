"""The DuckDB store: documents written atomically (all of a document's rows or none),
deduplicated by content hash. :meth:`Store.add_document` writes one document per transaction;
:meth:`Store.add_documents` writes a batch in one transaction (much faster) with the same
per-document outcome.

Concurrency (DuckDB's rules): a database file is opened read-write by **one process** at a
time, and while it is, no other process can open it, not even read-only. Several processes may
open it read-only at once when no process has it read-write. Inside one process, open the store
once (a second read-only open of a file this process holds read-write fails with
:class:`~dyadwatch.errors.StoreError`) and give each further thread its own reader from
:meth:`Store.reader` (a cursor of the same connection), which sees every committed document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Article, Event, Indicator, Quote, Sentence
from .migrations import (
    SCHEMA_VERSION,
    TABLES,
    check_version,
    current_version,
    migrate,
    utc_now,
)
from .clusters import ClusterItem, ClusterParams, cluster_events
from .queries import Queries
from .rows import (
    ACTOR_COLUMNS,
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    INDICATOR_COLUMNS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    DocumentRows,
    prepare,
)

# Up to this many parameters, a multi-row INSERT … VALUES; beyond, an Arrow table (DuckDB
# binds each parameter separately, while scanning an Arrow table has a fixed cost).
_MAX_VALUES_PARAMS = 40
# The name under which the Arrow table is visible to that INSERT only.
_ROWS_VIEW = "_dyadwatch_rows"

Row = tuple[Any, ...]
#: What :meth:`Store.add_documents` takes per document: ``(article, sentences, events)`` or
#: ``(article, sentences, events, quotes, indicators)``.
Document = (
    tuple[Article, Sequence[Sentence], Sequence[Event]]
    | tuple[Article, Sequence[Sentence], Sequence[Event], Sequence[Quote], Sequence[Indicator]]
)


# The block of an event in SQL, as :func:`dyadwatch.store.clusters.block_key` makes it.
_BLOCK_SQL = (
    "(e.event_type || '|' || array_to_string(list_sort(list_distinct("
    "list_concat(e.source_countries, e.target_countries))), '+'))"
)


def _full(document: Document) -> tuple[Article, Sequence[Sentence], Sequence[Event],
                                       Sequence[Quote], Sequence[Indicator]]:
    if len(document) == 3:
        article, sentences, events = document  # type: ignore[misc]
        return article, sentences, events, (), ()
    return document  # type: ignore[return-value]


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:  # the transaction is gone already; the original error matters
        pass


class Store(Queries):
    """A dyadwatch database (DuckDB file, or ``":memory:"``), created and migrated on open.

    >>> with Store("dyadwatch.duckdb") as store:                      # doctest: +SKIP
    ...     store.add_document(article, sentences, events)          # True: written
    ...     store.add_document(article, sentences, events)          # False: already stored
    ...     store.events("JPN-KOR", since="2019")                   # a pandas DataFrame

    ``read_only=True`` opens an existing database without writing to it (it is then not
    migrated: a database at an older schema must be opened read-write once). See the module
    docstring for what concurrent access DuckDB supports.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        where = f"database {self.path}"
        try:
            con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {where}: {exc}") from exc
        try:
            if read_only:
                version = check_version(con, where=where)
                if version == 0:
                    raise StoreError(f"{where} is not a dyadwatch database (no schema_version)")
                if version < SCHEMA_VERSION:
                    raise StoreError(
                        f"{where} is at schema version {version} (current: {SCHEMA_VERSION}); "
                        "open it read-write once to migrate it"
                    )
            else:
                migrate(con, where=where)
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"cannot read the schema of {where}: {exc}") from exc
        except BaseException:
            con.close()
            raise
        super().__init__(con)

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent). Readers from :meth:`reader` stop working."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def reader(self) -> Queries:
        """Queries on a new cursor of this connection, for use from another thread."""
        try:
            return Queries(self._connection().cursor())
        except duckdb.Error as exc:
            raise StoreError(f"cannot open a cursor on {self.path}: {exc}") from exc

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return current_version(self._connection())

    # -- writing ------------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this content hash is stored."""
        rows = self._fetch("SELECT 1 FROM documents WHERE content_hash = ? LIMIT 1", [content_hash])
        return bool(rows)

    def stored_hashes(self, content_hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes are stored (one query for the whole batch)."""
        rows = self._fetch(
            "SELECT content_hash FROM documents WHERE list_contains(?, content_hash)", [list(content_hashes)]
        )
        return {h for (h,) in rows}

    def add_document(
        self,
        article: Article,
        sentences: Sequence[Sentence],
        events: Sequence[Event],
        *,
        quotes: Sequence[Quote] = (),
        indicators: Sequence[Indicator] = (),
        coder_version: str | None = None,
    ) -> bool:
        """Store an article with its sentences, events and their actors, in ONE transaction.

        Returns ``False`` and writes nothing when ``article.content_hash`` is already stored
        (the same article ingested twice is stored once), ``True`` once written. On any error
        nothing of the document is written and :class:`~dyadwatch.errors.StoreError` is
        raised (for instance an ``event_id`` or ``sentence_id`` that is already stored, or an
        event date that is not ``YYYY[-MM[-DD]]``). ``coder_version`` (of the document row)
        defaults to the events' one when they all agree.
        """
        rows = prepare(article, sentences, events, coder_version, quotes, indicators)
        try:
            return self._write([rows])[0]
        except (duckdb.Error, pa.ArrowException) as exc:
            raise StoreError(
                f"could not store document {article.doc_id!r} "
                f"({article.content_hash}); nothing was written: {exc}"
            ) from exc

    def add_documents(self, documents: Iterable[Document]) -> list[bool]:
        """Store many ``(article, sentences, events)`` at once: the same result as calling
        :meth:`add_document` on each in order, but in one transaction when nothing fails
        (several times faster for small documents).

        Returns one flag per document: ``True`` written, ``False`` already stored (also for a
        repeat of a content hash earlier in the same batch). If a document cannot be stored,
        the batch is retried one document per transaction: the documents before it are
        stored, :class:`~dyadwatch.errors.StoreError` is raised for it, and the ones after it
        are not attempted.
        """
        batch = [_full(d) for d in documents]
        if not batch:
            return []
        try:
            prepared = [prepare(a, s, e, None, q, i) for a, s, e, q, i in batch]
            return self._write(prepared)
        except (StoreError, duckdb.Error, pa.ArrowException):
            return [self.add_document(a, s, e, quotes=q, indicators=i) for a, s, e, q, i in batch]

    def _write(self, documents: Sequence[DocumentRows]) -> list[bool]:
        """Write the documents not stored yet, in one transaction; all of them or none (the
        transaction is rolled back and the error re-raised)."""
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only")
        con = self._connection()
        try:
            con.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise StoreError(f"cannot start a transaction on {self.path}: {exc}") from exc
        try:
            stored = {
                h
                for (h,) in con.execute(
                    "SELECT content_hash FROM documents WHERE list_contains(?, content_hash)",
                    [[d.content_hash for d in documents]],
                ).fetchall()
            }
            new: list[DocumentRows] = []
            written: list[bool] = []
            for d in documents:
                fresh = d.content_hash not in stored
                written.append(fresh)
                if fresh:
                    stored.add(d.content_hash)
                    new.append(d)
            if not new:
                con.execute("ROLLBACK")
                return written
            self._insert("documents", DOCUMENT_COLUMNS, [d.document for d in new])
            self._insert("sentences", SENTENCE_COLUMNS, [r for d in new for r in d.sentences])
            self._insert("events", EVENT_COLUMNS, [r for d in new for r in d.events])
            self._insert("actors", ACTOR_COLUMNS, [r for d in new for r in d.actors])
            self._insert("quotes", QUOTE_COLUMNS, [r for d in new for r in d.quotes])
            self._insert("indicators", INDICATOR_COLUMNS, [r for d in new for r in d.indicators])
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise
        return written

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        """Insert rows, parameterised: a multi-row ``VALUES`` for a few rows, an Arrow table
        scanned by DuckDB for more (both far faster than ``executemany``)."""
        if not rows:
            return
        con = self._connection()
        names = ", ".join(columns)
        if len(rows) * len(columns) <= _MAX_VALUES_PARAMS:
            one = "(" + ", ".join(["?"] * len(columns)) + ")"
            con.execute(
                f"INSERT INTO {table} ({names}) VALUES " + ", ".join([one] * len(rows)),
                [v for r in rows for v in r],
            )
            return
        frame = pa.table({f"c{i}": [r[i] for r in rows] for i in range(len(columns))})
        selected = ", ".join(f"c{i}" for i in range(len(columns)))
        con.from_arrow(frame).query(
            _ROWS_VIEW, f"INSERT INTO {table} ({names}) SELECT {selected} FROM {_ROWS_VIEW}"
        )

    # -- clusters -----------------------------------------------------------------------------

    def update_clusters(self, params: ClusterParams = ClusterParams(), *, full: bool = False) -> int:
        """Group events into clusters, one per happening (:mod:`dyadwatch.store.clusters`).

        Only the blocks (type + country set) that hold events not clustered yet are redone,
        entirely, so the result is the same whatever order documents arrived in; ``full=True``
        redoes every block. One transaction. Returns the number of events (re)assigned.
        Until this runs, a new event counts as a cluster of its own.
        """
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only")
        con = self._connection()
        todo = "" if full else (
            f"WHERE {_BLOCK_SQL} IN (SELECT DISTINCT {_BLOCK_SQL} FROM events AS e "
            "WHERE e.event_id NOT IN (SELECT event_id FROM event_clusters))"
        )
        try:
            con.execute("BEGIN TRANSACTION")
            rows = con.execute(
                "SELECT e.event_id, e.event_type, e.mode, "
                "list_concat(e.source_countries, e.target_countries), e.date_start, "
                "e.date_precision, e.status, e.text, e.published, e.date_basis "
                f"FROM events AS e {todo}"
            ).fetchall()
            items = [ClusterItem(r[0], r[1], r[2], tuple(r[3]), r[4], r[5], r[6], r[7], r[8], r[9])
                     for r in rows]
            assigned = cluster_events(items, params)
            blocks = sorted({a.block for a in assigned})
            if full:
                con.execute("DELETE FROM event_clusters")
            elif blocks:
                con.execute("DELETE FROM event_clusters WHERE list_contains(?, block)", [blocks])
            self._insert(
                "event_clusters", ("event_id", "cluster_id", "block", "reason", "similarity"),
                [(a.event_id, a.cluster_id, a.block, a.reason, a.similarity) for a in assigned],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            _rollback(con)
            raise StoreError(f"could not update event clusters in {self.path}: {exc}") from exc
        except BaseException:
            _rollback(con)
            raise
        return len(assigned)

    # -- export -------------------------------------------------------------------------------

    def export_parquet(self, directory: str | Path) -> list[Path]:
        """Write one Parquet file per data table (``<table>.parquet``) into ``directory``
        (created if needed) and return their paths, in :data:`TABLES` order."""
        out_dir = Path(directory)
        out_dir.mkdir(parents=True, exist_ok=True)
        con = self._connection()
        paths: list[Path] = []
        for table in TABLES:
            path = out_dir / f"{table}.parquet"
            try:
                con.execute(f"COPY {table} TO ? (FORMAT parquet)", [str(path)])
            except duckdb.Error as exc:
                raise StoreError(f"could not export {table} to {path}: {exc}") from exc
            paths.append(path)
        return paths
