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

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Actor, Article, Event, Sentence
from .migrations import (
    SCHEMA_VERSION,
    TABLES,
    check_version,
    current_version,
    migrate,
    utc_now,
)
from .periods import parse_day, period_start
from .queries import Queries

# Up to this many parameters, a multi-row INSERT … VALUES; beyond, an Arrow table (DuckDB
# binds each parameter separately, while scanning an Arrow table has a fixed cost).
_MAX_VALUES_PARAMS = 40
# The name under which the Arrow table is visible to that INSERT only.
_ROWS_VIEW = "_dyadwatch_rows"

_DOCUMENT_COLUMNS = (
    "content_hash", "doc_id", "title", "url", "published", "published_basis", "source_path",
    "source_line", "lang", "text", "n_sentences", "n_events", "ingested_at", "coder_version",
)  # fmt: skip
_SENTENCE_COLUMNS = ("sentence_id", "content_hash", "doc_id", "idx", "text", "start", '"end"')
_EVENT_COLUMNS = (
    "event_id", "content_hash", "doc_id", "sentence_id", "text", "span_start", "span_end",
    "trigger", "event_type", "mode", "contexts", "status", "quad_class", "intensity",
    "cameo_root", "goldstein", "date", "date_start", "date_precision", "date_text",
    "date_basis", "published", "confidence", "coder_version", "source_countries",
    "target_countries", "source", "target",
)  # fmt: skip
_ACTOR_COLUMNS = (
    "event_id", "side", "position", "name", "country", "sector", "person", "role", "basis",
)  # fmt: skip

Row = tuple[Any, ...]
#: What :meth:`Store.add_documents` takes: one ``(article, sentences, events)`` per document.
Document = tuple[Article, Sequence[Sentence], Sequence[Event]]


def _countries(actors: Sequence[Actor]) -> list[str]:
    seen: dict[str, None] = {}
    for actor in actors:
        if actor.country is not None:
            seen.setdefault(actor.country, None)
    return list(seen)


def _event_row(article: Article, event: Event) -> Row:
    try:
        date_start = period_start(event.date)
        published = parse_day(event.published)
    except ValueError as exc:
        raise StoreError(f"event {event.event_id}: bad date: {exc}") from None
    return (
        event.event_id, article.content_hash, event.doc_id, event.sentence_id, event.text,
        event.char_span[0], event.char_span[1], event.trigger, event.event_type, event.mode,
        list(event.contexts), event.status, event.quad_class, event.intensity,
        event.cameo_root, event.goldstein, event.date, date_start, event.date_precision,
        event.date_text, event.date_basis, published, event.confidence, event.coder_version,
        _countries(event.source), _countries(event.target),
        json.dumps([a.to_dict() for a in event.source], ensure_ascii=False),
        json.dumps([a.to_dict() for a in event.target], ensure_ascii=False),
    )  # fmt: skip


def _actor_rows(event: Event) -> Iterator[Row]:
    for side, actors in (("source", event.source), ("target", event.target)):
        for position, a in enumerate(actors):
            yield (event.event_id, side, position, a.name, a.country, a.sector, a.person,
                   a.role, a.basis)  # fmt: skip


def _default_coder_version(events: Sequence[Event]) -> str | None:
    versions = {e.coder_version for e in events}
    return versions.pop() if len(versions) == 1 else None


@dataclass(frozen=True, slots=True)
class _Rows:
    """The rows of one document, ready to insert."""

    content_hash: str
    document: Row
    sentences: list[Row]
    events: list[Row]
    actors: list[Row]


def _prepare(
    article: Article,
    sentences: Sequence[Sentence],
    events: Sequence[Event],
    coder_version: str | None,
) -> _Rows:
    """Build every row of a document (a bad value fails here, before any transaction)."""
    version = coder_version if coder_version is not None else _default_coder_version(events)
    document: Row = (
        article.content_hash, article.doc_id, article.title, article.url, article.published,
        article.published_basis, article.source_path, article.source_line, article.lang,
        article.text, len(sentences), len(events), utc_now(), version,
    )  # fmt: skip
    return _Rows(
        content_hash=article.content_hash,
        document=document,
        sentences=[
            (s.sentence_id, article.content_hash, s.doc_id, s.index, s.text, s.start, s.end)
            for s in sentences
        ],
        events=[_event_row(article, e) for e in events],
        actors=[row for e in events for row in _actor_rows(e)],
    )


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

    def add_document(
        self,
        article: Article,
        sentences: Sequence[Sentence],
        events: Sequence[Event],
        *,
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
        rows = _prepare(article, sentences, events, coder_version)
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
        batch = list(documents)
        if not batch:
            return []
        try:
            prepared = [_prepare(a, s, e, None) for a, s, e in batch]
            return self._write(prepared)
        except (StoreError, duckdb.Error, pa.ArrowException):
            return [self.add_document(a, s, e) for a, s, e in batch]

    def _write(self, documents: Sequence[_Rows]) -> list[bool]:
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
            new: list[_Rows] = []
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
            self._insert("documents", _DOCUMENT_COLUMNS, [d.document for d in new])
            self._insert("sentences", _SENTENCE_COLUMNS, [r for d in new for r in d.sentences])
            self._insert("events", _EVENT_COLUMNS, [r for d in new for r in d.events])
            self._insert("actors", _ACTOR_COLUMNS, [r for d in new for r in d.actors])
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
