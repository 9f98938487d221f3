"""Dask: workers write Parquet partitions by event month, the driver loads them into DuckDB;
the same events as the in-process path; resumable; a worker that dies has its chunk redone."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dyadwatch.config import Config
from dyadwatch.pipeline import Result
from dyadwatch.scale import RunStats, load_dir, manifests, run_dask, run_local
from dyadwatch.store import Store

from .helpers import EXAMPLES
from .hooks import CrashOnce

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reference(tmp_path_factory, coder) -> Path:  # type: ignore[no-untyped-def]
    """The examples stored through the in-process path (Store.add_documents)."""
    path = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    results = [r for r in run_local([EXAMPLES], coder.config, 1, coder=coder) if isinstance(r, Result)]
    with Store(path) as store:
        store.add_documents([(r.article, r.sentences, r.events, r.quotes, r.indicators) for r in results])
    return path


def _tables(path: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        order = {"documents": "content_hash", "sentences": "sentence_id", "events": "event_id",
                 "actors": "event_id, side, position", "quotes": "quote_id", "indicators": "indicator_id"}
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY {o}").df().drop(columns="ingested_at", errors="ignore")
                for t, o in order.items()}
    finally:
        con.close()


def _assert_same_store(a: Path, b: Path) -> None:
    left, right = _tables(a), _tables(b)
    for table in left:
        pd.testing.assert_frame_equal(left[table], right[table], check_dtype=False, obj=table)


def test_dask_writes_month_partitions_and_loads_the_same_rows(
    tmp_path: Path, dask_scheduler: str, reference: Path
) -> None:
    out = tmp_path / "parts"
    stats = RunStats()
    loaded: list[int] = []
    with Store(tmp_path / "d.duckdb") as store:
        run_dask([EXAMPLES], Config(), dask_scheduler, out, store=store, stats=stats, chunk_size=2,
                 on_chunk=lambda files, written: loaded.append(written))
        assert store.counts()["events"] > 40
    _assert_same_store(tmp_path / "d.duckdb", reference)
    assert (stats.coded, stats.errors, sorted(loaded)) == (6, 0, [2, 2, 2])
    assert len(stats.peak_rss) >= 1 and all(rss > 0 for rss in stats.peak_rss.values())

    # Hive-style partitions by the event's year and month, readable without dyadwatch.
    assert (out / "events" / "year=2019" / "month=8").is_dir()
    assert len(list(manifests(out))) == 3
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT year, month, date_start FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true)"
    ).fetchall()
    assert len(rows) == stats.events
    assert all(d is None or (int(y), int(m)) == (d.year, d.month) for y, m, d in rows)


def test_a_restarted_driver_loads_what_workers_wrote_and_redoes_nothing(
    tmp_path: Path, dask_scheduler: str, reference: Path
) -> None:
    out = tmp_path / "parts"
    with Store(tmp_path / "lost.duckdb") as elsewhere:  # the workers wrote, the driver died
        run_dask([EXAMPLES], Config(), dask_scheduler, out, store=elsewhere, chunk_size=4)
    (out / "events" / "year=2019" / "month=8" / "part-dead-0000009.parquet").write_bytes(b"half")
    (out / "documents" / ".part-x.parquet.1234.tmp").write_bytes(b"half")

    stats = RunStats()
    with Store(tmp_path / "d.duckdb") as store:
        run_dask([EXAMPLES], Config(), dask_scheduler, out, store=store, stats=stats)
        assert (stats.read, stats.skipped, stats.coded) == (6, 6, 0)
        assert load_dir(store, out) == 0  # loading again writes nothing twice
    _assert_same_store(tmp_path / "d.duckdb", reference)
    assert not (out / "events" / "year=2019" / "month=8" / "part-dead-0000009.parquet").exists()
    assert not list(out.rglob("*.tmp"))


def test_a_dask_worker_that_dies_has_its_chunk_redone(
    tmp_path: Path, dask_scheduler: str, reference: Path
) -> None:
    hook = CrashOnce("rus_ukr_2022_invasion", str(tmp_path))
    with Store(tmp_path / "d.duckdb") as store:
        run_dask([EXAMPLES], Config(), dask_scheduler, tmp_path / "parts", store=store, chunk_size=3,
                 before_code=hook)
    assert (tmp_path / "crashed-rus_ukr_2022_invasion").exists()
    _assert_same_store(tmp_path / "d.duckdb", reference)
