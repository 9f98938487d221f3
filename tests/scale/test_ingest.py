"""ingest_into, the library call under the ``ingest`` command and ``Database.ingest``."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.api.python import Database
from dyadwatch.errors import ConfigError, DyadwatchError, StoreError
from dyadwatch.scale import RunStats, ingest_into
from dyadwatch.store import Store

from .helpers import write_records

pytestmark = pytest.mark.slow


def test_ingest_into_stores_reports_errors_and_resumes(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    write_records(folder / "news.jsonl", 4)
    (folder / "broken.jsonl").write_text('{"id": "x", "text": "Japan met Korea."}\n{not json\n', encoding="utf-8")
    seen: list[DyadwatchError] = []
    progress: list[int] = []
    with Store(tmp_path / "db.duckdb") as store:
        first = ingest_into(store, [str(folder)], coder.config, coder=coder, on_error=seen.append,
                            on_progress=lambda stats: progress.append(stats.coded))
        again = ingest_into(store, [str(folder)], coder.config, coder=coder)
    assert first.stored == 5 and first.events > 0 and first.clustered > 0
    assert len(first.errors) == 1 and seen == list(first.errors) and "broken.jsonl" in str(seen[0])
    assert progress and progress[-1] == 5
    assert (again.stored, again.duplicates) == (0, 5)  # stored documents are not coded again


def test_ingest_into_refuses_workers_with_a_scheduler(tmp_path: Path) -> None:
    from dyadwatch.config import Config

    with Store(tmp_path / "db.duckdb") as store, pytest.raises(ConfigError):
        ingest_into(store, [str(tmp_path)], Config(), workers=2, scheduler="tcp://127.0.0.1:1", stats=RunStats())


def test_database_ingest(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "news.jsonl"
    write_records(path, 2)
    with Database(tmp_path / "db.duckdb") as db:
        summary = db.ingest([path], coder.config)
        assert summary.stored == 2 and db.counts()["documents"] == 2
    with Database(tmp_path / "db.duckdb", read_only=True) as db, pytest.raises(StoreError):
        db.ingest([path])
