"""Schema creation, the schema_version table and migrations."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dyadwatch.errors import SchemaVersionError, StoreError
from dyadwatch.store import MIGRATIONS, SCHEMA_VERSION, TABLES, Store, migrate
from dyadwatch.store.migrations import current_version
from tests.factories import make_document


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return dict(rows)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_new_database_has_every_table_and_records_each_version(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        assert _tables(con) == set(TABLES) | {"schema_version"}
        versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
        assert versions == [v for v, _ in MIGRATIONS]
        assert con.execute("SELECT count(*) FROM schema_version WHERE applied_at IS NULL").fetchone() == (0,)
    finally:
        con.close()


def test_column_types_follow_the_schema(store: Store) -> None:
    con = store._connection()
    events = _columns(con, "events")
    assert events["contexts"] == "VARCHAR[]"
    assert events["source_countries"] == "VARCHAR[]"
    assert events["target_countries"] == "VARCHAR[]"
    assert events["source"] == "JSON" and events["target"] == "JSON"
    assert events["date_start"] == "DATE" and events["published"] == "DATE"
    assert events["date"] == "VARCHAR"
    assert events["intensity"] == "DOUBLE" and events["quad_class"] == "INTEGER"
    docs = _columns(con, "documents")
    assert list(docs) == [
        "content_hash", "doc_id", "title", "url", "published", "published_basis", "source_path",
        "source_line", "lang", "text", "n_sentences", "n_events", "ingested_at", "coder_version",
    ]  # fmt: skip
    assert docs["ingested_at"] == "TIMESTAMP"
    assert list(_columns(con, "sentences")) == [
        "sentence_id", "content_hash", "doc_id", "idx", "text", "start", "end"
    ]
    assert list(_columns(con, "actors")) == [
        "event_id", "side", "position", "name", "country", "sector", "person", "role", "basis"
    ]
    quotes = _columns(con, "quotes")
    assert list(quotes)[:6] == ["quote_id", "content_hash", "doc_id", "sentence_id", "sentence_ids", "quote"]
    assert quotes["direct"] == "BOOLEAN" and quotes["flags"] == "VARCHAR[]"
    indicators = _columns(con, "indicators")
    assert indicators["value"] == "DOUBLE" and indicators["countries"] == "VARCHAR[]"
    assert indicators["period_start"] == "DATE"
    assert list(_columns(con, "event_clusters")) == ["event_id", "cluster_id", "block", "reason", "similarity"]


def test_reopening_a_current_database_applies_nothing(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    try:
        assert migrate(con) == []
        assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (len(MIGRATIONS),)
    finally:
        con.close()


def test_v0_empty_file_is_migrated_to_current(db_path: Path) -> None:
    duckdb.connect(str(db_path)).close()  # a DuckDB file with nothing in it: version 0
    con = duckdb.connect(str(db_path))
    assert current_version(con) == 0
    con.close()
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.counts() == {t: 0 for t in TABLES}


def test_older_database_is_migrated_and_keeps_its_data(db_path: Path) -> None:
    con = duckdb.connect(str(db_path))
    assert migrate(con, upto=1) == [1]  # an old dyadwatch: core tables only
    assert "quotes" not in _tables(con)
    con.execute(
        "INSERT INTO documents VALUES ('h1', 'd1', NULL, NULL, DATE '2020-01-02', 'metadata', "
        "NULL, NULL, 'en', 'text', 0, 0, TIMESTAMP '2024-01-01 00:00:00', NULL)"
    )
    con.close()
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.has_document("h1")
        assert store.counts()["quotes"] == 0
        docs = store.documents()
        assert docs.loc[0, "published"] == "2020-01-02"


def test_newer_database_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [SCHEMA_VERSION + 1])
    con.close()
    for read_only in (False, True):
        with pytest.raises(SchemaVersionError, match=f"schema version {SCHEMA_VERSION + 1}"):
            Store(db_path, read_only=read_only)


def test_failed_migration_is_rolled_back_entirely(db_path: Path) -> None:
    broken = list(MIGRATIONS) + [(SCHEMA_VERSION + 1, ("CREATE TABLE extra (i INTEGER)",
                                                       "THIS IS NOT SQL"))]
    con = duckdb.connect(str(db_path))
    try:
        with pytest.raises(StoreError, match=f"failed at version {SCHEMA_VERSION + 1}"):
            migrate(con, broken)
        # Nothing of any version was applied: not even the ones before the broken one.
        assert current_version(con) == 0
        assert _tables(con) == set()
        migrate(con, broken, upto=SCHEMA_VERSION)
        with pytest.raises(StoreError):
            migrate(con, broken)
        assert current_version(con) == SCHEMA_VERSION
        assert "extra" not in _tables(con)
    finally:
        con.close()


def test_migrations_must_be_ordered(store: Store) -> None:
    with pytest.raises(StoreError, match="strictly increase"):
        migrate(store._connection(), [(2, ()), (1, ())])


def test_read_only_needs_an_existing_current_dyadwatch_database(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    with pytest.raises(StoreError, match="cannot open"):
        Store(":memory:", read_only=True)
    duckdb.connect(str(db_path)).close()
    with pytest.raises(StoreError, match="not a dyadwatch database"):
        Store(db_path, read_only=True)
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    migrate(con, upto=1)
    con.close()
    with pytest.raises(StoreError, match="open it read-write once"):
        Store(old, read_only=True)


def test_read_only_open_of_an_existing_database(db_path: Path) -> None:
    article, sentences, events = make_document()
    with Store(db_path) as store:
        store.add_document(article, sentences, events)
    with Store(db_path, read_only=True) as ro:
        assert ro.has_document(article.content_hash)
        assert ro.counts()["events"] == 1
        assert list(ro.events()["event_id"]) == [events[0].event_id]
        other = make_document("doc-2", "Another text entirely.")
        with pytest.raises(StoreError, match="read-only"):
            ro.add_document(*other)
    with Store(db_path, read_only=True) as a, Store(db_path, read_only=True) as b:
        assert a.counts() == b.counts()  # several read-only opens coexist


def test_package_docstring_example() -> None:
    import doctest

    import dyadwatch.store

    result = doctest.testmod(dyadwatch.store)
    assert result.failed == 0 and result.attempted >= 1
