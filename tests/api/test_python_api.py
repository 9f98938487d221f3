"""dyadwatch.open() / Database: the read API over a store, and what concurrency is supported."""

from __future__ import annotations

import doctest
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import dyadwatch
import dyadwatch.api.python as api_module
from dyadwatch.api.python import Database
from dyadwatch.errors import QueryError, StoreError
from dyadwatch.store import EVENT_COLUMNS, Store
from tests.store.conftest import corpus


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A database file holding the store tests' corpus, with no connection left open."""
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        for doc in corpus():
            store.add_document(*doc)
    return path


def test_open_creates_a_database(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with dyadwatch.open(str(path)) as db:
        assert isinstance(db, Database)
        assert db.counts()["documents"] == 0
        assert db.events().empty
    assert path.is_file()


def test_queries_through_the_api(db_file: Path) -> None:
    with dyadwatch.open(str(db_file), read_only=True) as db:
        assert db.counts()["events"] == 8
        events = db.events("JPN-KOR")
        assert len(events) == 5
        assert list(events.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
        assert isinstance(events, pd.DataFrame)
        directed = db.events("JPN-KOR", directed=True, since="2019", until="2019-07",
                             event_type="accuse", status="asserted")  # fmt: skip
        assert list(directed["event_type"]) == ["ACCUSE"]
        assert list(db.events(country="CHN", limit=1, offset=1)["event_type"]) == ["THREATEN"]
        assert list(db.timeline("JPN", "KOR", directed=True)["date"]) == [
            "1965", "2019-07-04", "2019-08-22", None
        ]
        assert list(db.documents()["doc_id"]) == ["jk-1", "us-cn", "multi", "old"]
        assert "text" in db.documents(with_text=True).columns
        with pytest.raises(QueryError):
            db.events("JAPAN KOREA")


def test_api_matches_the_store(db_file: Path) -> None:
    with Store(db_file, read_only=True) as store, Database(db_file, read_only=True) as db:
        pd.testing.assert_frame_equal(db.events("USA-CHN"), store.events("USA-CHN"))
        pd.testing.assert_frame_equal(db.timeline("JPN", "KOR"), store.timeline("JPN", "KOR"))
        pd.testing.assert_frame_equal(db.documents(), store.documents())
        assert db.counts() == store.counts()


def test_close_is_final_and_idempotent(db_file: Path) -> None:
    db = Database(db_file)
    db.close()
    db.close()
    with pytest.raises(StoreError, match="closed"):
        db.counts()
    assert "corpus.duckdb" in repr(db)


def test_read_only_database_refuses_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        dyadwatch.open(str(tmp_path / "nope.duckdb"), read_only=True)


def test_from_store_reads_while_the_writer_is_open(db_file: Path) -> None:
    from tests.factories import make_document

    with Store(db_file) as store:
        db = Database.from_store(store)
        assert db.counts()["documents"] == 4
        store.add_document(*make_document("fresh", "Korea protested to Japan."))
        assert db.counts()["documents"] == 5  # committed documents are visible at once
        db.close()
        assert store.counts()["documents"] == 5  # closing the reader leaves the writer open


def test_second_open_of_a_file_held_read_write_in_this_process_fails(db_file: Path) -> None:
    with Store(db_file):
        with pytest.raises(StoreError, match="cannot open"):
            Database(db_file, read_only=True)


_OTHER_PROCESS = textwrap.dedent(
    """
    import sys
    import dyadwatch
    from dyadwatch.errors import StoreError
    try:
        with dyadwatch.open(sys.argv[1], read_only=True) as db:
            print("events", db.counts()["events"])
    except StoreError as err:
        print("refused", err)
    """
)


def _other_process_reads(path: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _OTHER_PROCESS, str(path)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def test_other_processes_read_only_when_no_writer_is_open(db_file: Path) -> None:
    """DuckDB: one read-write process excludes every other process, readers included."""
    with Store(db_file):
        assert _other_process_reads(db_file).startswith("refused [E200] cannot open")
    with Database(db_file, read_only=True):  # readers coexist
        assert _other_process_reads(db_file) == "events 8"


def test_docstring_examples() -> None:
    result = doctest.testmod(api_module)
    assert result.failed == 0 and result.attempted >= 3
