"""Versioned schema of the dyadwatch DuckDB store.

:data:`MIGRATIONS` is an ordered list of ``(version, statements)``. The ``schema_version`` table
records every version applied to a database. :func:`migrate` applies the missing versions, all
in one transaction (all of them or none); a database written by a newer schema than
:data:`SCHEMA_VERSION` is refused with :class:`~dyadwatch.errors.SchemaVersionError`.

Never edit a released migration: append a new ``(version, statements)`` pair instead.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import duckdb

from ..errors import SchemaVersionError, StoreError

Migration = tuple[int, tuple[str, ...]]

_V1_CORE: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        content_hash VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        title VARCHAR,
        url VARCHAR,
        published DATE,
        published_basis VARCHAR,
        source_path VARCHAR,
        source_line INTEGER,
        lang VARCHAR,
        text VARCHAR NOT NULL,
        n_sentences INTEGER NOT NULL,
        n_events INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL,
        coder_version VARCHAR
    )
    """,
    """
    CREATE TABLE sentences (
        sentence_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        sentence_id VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        trigger VARCHAR,
        event_type VARCHAR NOT NULL,
        mode VARCHAR,
        contexts VARCHAR[] NOT NULL,
        status VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        intensity DOUBLE NOT NULL,
        cameo_root VARCHAR,
        goldstein DOUBLE NOT NULL,
        date VARCHAR,
        date_start DATE,
        date_precision VARCHAR,
        date_text VARCHAR,
        date_basis VARCHAR NOT NULL,
        published DATE,
        confidence DOUBLE NOT NULL,
        coder_version VARCHAR NOT NULL,
        source_countries VARCHAR[] NOT NULL,
        target_countries VARCHAR[] NOT NULL,
        source JSON NOT NULL,
        target JSON NOT NULL
    )
    """,
    """
    CREATE TABLE actors (
        event_id VARCHAR NOT NULL,
        side VARCHAR NOT NULL CHECK (side IN ('source', 'target')),
        position INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        person VARCHAR,
        role VARCHAR,
        basis VARCHAR NOT NULL,
        PRIMARY KEY (event_id, side, position)
    )
    """,
)

# Room for the next issue: quotes and indicators found in sentences. ``data`` holds the
# record as JSON until their own columns are settled.
_V2_QUOTES_INDICATORS: tuple[str, ...] = (
    """
    CREATE TABLE quotes (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        sentence_id VARCHAR,
        text VARCHAR NOT NULL,
        data JSON
    )
    """,
    """
    CREATE TABLE indicators (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        sentence_id VARCHAR,
        text VARCHAR NOT NULL,
        data JSON
    )
    """,
)

# Quotes and indicators get their own columns (the v2 tables were never written to), and
# events get their clusters: one row per event saying which happening it reports.
_V3_QUOTES_INDICATORS_CLUSTERS: tuple[str, ...] = (
    "DROP TABLE quotes",
    "DROP TABLE indicators",
    """
    CREATE TABLE quotes (
        quote_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        sentence_id VARCHAR NOT NULL,
        sentence_ids VARCHAR[] NOT NULL,
        quote VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        direct BOOLEAN NOT NULL,
        cue VARCHAR,
        speaker_name VARCHAR,
        speaker_country VARCHAR,
        speaker_sector VARCHAR,
        speaker_person VARCHAR,
        speaker_role VARCHAR,
        speaker_text VARCHAR,
        speaker_basis VARCHAR,
        date VARCHAR,
        date_start DATE,
        date_basis VARCHAR,
        published DATE,
        flags VARCHAR[] NOT NULL,
        coder_version VARCHAR
    )
    """,
    """
    CREATE TABLE indicators (
        indicator_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        sentence_id VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        metric VARCHAR,
        value DOUBLE,
        unit VARCHAR,
        qualifier VARCHAR,
        period VARCHAR,
        period_start DATE,
        period_basis VARCHAR,
        countries VARCHAR[] NOT NULL,
        flags VARCHAR[] NOT NULL,
        published DATE,
        coder_version VARCHAR
    )
    """,
    """
    CREATE TABLE event_clusters (
        event_id VARCHAR PRIMARY KEY,
        cluster_id VARCHAR NOT NULL,
        block VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        similarity DOUBLE
    )
    """,
    "CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id)",
)

#: Ordered ``(version, statements)``; versions strictly increase from 1.
MIGRATIONS: tuple[Migration, ...] = (
    (1, _V1_CORE),
    (2, _V2_QUOTES_INDICATORS),
    (3, _V3_QUOTES_INDICATORS_CLUSTERS),
)

#: The schema version this dyadwatch writes.
SCHEMA_VERSION: int = MIGRATIONS[-1][0]

#: Data tables, in export/count order (``schema_version`` is bookkeeping, not data).
TABLES: tuple[str, ...] = (
    "documents", "sentences", "events", "actors", "quotes", "indicators", "event_clusters",
)

_CREATE_VERSION_TABLE = """
    CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY,
        applied_at TIMESTAMP NOT NULL
    )
"""


def _has_version_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = 'schema_version' AND table_schema = current_schema() "
        "AND table_catalog = current_database()"
    ).fetchone()
    return bool(row and row[0])


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest schema version applied to the database; 0 for a database never migrated."""
    if not _has_version_table(con):
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [v for v, _ in migrations]
    if not versions or versions[0] < 1 or versions != sorted(set(versions)):
        raise StoreError(f"migration versions must strictly increase from 1, got {versions}")


def check_version(
    con: duckdb.DuckDBPyConnection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    where: str = "database",
) -> int:
    """Return the database's version; raise :class:`SchemaVersionError` if it is newer than ours."""
    version = current_version(con)
    latest = migrations[-1][0]
    if version > latest:
        raise SchemaVersionError(
            f"{where} is at schema version {version}, but this dyadwatch supports up to "
            f"version {latest}; upgrade dyadwatch to open it"
        )
    return version


def migrate(
    con: duckdb.DuckDBPyConnection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    upto: int | None = None,
    where: str = "database",
) -> list[int]:
    """Apply the missing migrations (up to ``upto``, default all) in one transaction.

    Returns the versions applied (empty if the database was current). On any failure the
    database is left exactly as it was and :class:`StoreError` is raised.
    """
    _check_order(migrations)
    version = check_version(con, migrations, where=where)
    target = migrations[-1][0] if upto is None else upto
    pending = [(v, stmts) for v, stmts in migrations if version < v <= target]
    if not pending:
        return []
    applied: list[int] = []
    now = utc_now()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_CREATE_VERSION_TABLE)
        for v, statements in pending:
            for statement in statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [v, now])
            applied.append(v)
        con.execute("COMMIT")
    except BaseException as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:  # the transaction is gone already; the original error matters
            pass
        if not isinstance(exc, duckdb.Error):
            raise
        failed = pending[len(applied)][0]
        raise StoreError(
            f"could not migrate {where} from schema version {version} "
            f"(failed at version {failed}): {exc}"
        ) from exc
    return applied


def utc_now() -> _dt.datetime:
    """The current UTC time as a naive timestamp (how the store records times)."""
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
