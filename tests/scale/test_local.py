"""Local worker processes: same events as one process, resumable, crashes redone, flat memory."""

from __future__ import annotations

import gzip
import shutil
import tracemalloc
from pathlib import Path

import pytest

from dyadwatch.config import Config
from dyadwatch.errors import ConfigError, IngestError
from dyadwatch.pipeline import Result
from dyadwatch.scale import Chunk, RunStats, chunk_stream, run_local, stored_lookup
from dyadwatch.store import Store

from .helpers import EXAMPLES, events_by_doc, write_records
from .hooks import CrashAlways, CrashOnce, RaiseOn

pytestmark = pytest.mark.slow
EXAMPLE_DOCS = 6


@pytest.fixture(scope="module")
def one_worker(coder) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    stats = RunStats()
    events = events_by_doc(run_local([EXAMPLES], coder.config, 1, coder=coder, stats=stats))
    assert stats.coded == EXAMPLE_DOCS and stats.peak_rss["main"] > 0
    return events


def test_two_workers_give_the_same_events_as_one(one_worker: dict[str, list[dict]]) -> None:
    stats = RunStats()
    items = list(run_local([EXAMPLES], Config(), 2, chunk_size=2, stats=stats))
    assert events_by_doc(items) == one_worker
    assert sum(len(v) for v in one_worker.values()) > 40  # the examples do hold events
    assert (stats.read, stats.coded, stats.skipped, stats.errors) == (6, 6, 0, 0)
    assert len(stats.peak_rss) == 2 and all(0 < rss < 2**30 for rss in stats.peak_rss.values())


def test_a_worker_that_dies_has_its_chunk_redone(tmp_path: Path, one_worker: dict[str, list[dict]]) -> None:
    hook = CrashOnce("jpn_kor_2019_export_controls", str(tmp_path))
    stats = RunStats()
    items = list(run_local([EXAMPLES], Config(), 2, chunk_size=3, stats=stats, before_code=hook))
    assert (tmp_path / "crashed-jpn_kor_2019_export_controls").exists()  # it did crash
    assert events_by_doc(items) == one_worker  # every document once, nothing lost or doubled
    assert stats.worker_crashes == 1 and stats.retried_chunks == 1


def test_a_document_that_always_kills_its_worker_is_reported(one_worker: dict[str, list[dict]]) -> None:
    stats = RunStats()
    items = list(run_local([EXAMPLES], Config(), 2, chunk_size=3, stats=stats,
                           before_code=CrashAlways("usa_chn_tariffs")))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1 and "usa_chn_tariffs" in str(errors[0]) and "worker process died" in str(errors[0])
    good = events_by_doc(i for i in items if isinstance(i, Result))
    assert good == {k: v for k, v in one_worker.items() if k != "usa_chn_tariffs"}
    assert stats.errors == 1 and stats.worker_crashes == 2  # as part of its chunk, then alone


def test_a_python_error_in_one_document_keeps_the_rest_of_its_chunk(coder) -> None:  # type: ignore[no-untyped-def]
    items = list(run_local([EXAMPLES], coder.config, 1, coder=coder, chunk_size=6,
                           before_code=RaiseOn("ind_pak_2025")))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(errors) == 1 and "RuntimeError: test failure on ind_pak_2025" in str(errors[0])
    assert errors[0].path is not None and errors[0].path.endswith("ind_pak_2025.txt")
    assert sum(isinstance(i, Result) for i in items) == EXAMPLE_DOCS - 1


def _store_all(store: Store, items: list[Result | IngestError]) -> None:
    results = [i for i in items if isinstance(i, Result)]
    store.add_documents([(r.article, r.sentences, r.events, r.quotes, r.indicators) for r in results])


def test_an_interrupted_run_restarted_stores_everything_once(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    inputs = [EXAMPLES, write_records(tmp_path / "short.jsonl", 10)]
    with Store(tmp_path / "a.duckdb") as store:
        stream = run_local(inputs, Config(), 2, chunk_size=2, stored=stored_lookup(store))
        first: list[Result | IngestError] = []
        for item in stream:  # the run is "killed" after 5 documents: workers are stopped
            first.append(item)
            if len(first) == 5:
                break
        stream.close()
        _store_all(store, first)
        assert store.counts()["documents"] == 5

        stats = RunStats()
        second = list(run_local(inputs, coder.config, 1, coder=coder, stored=stored_lookup(store), stats=stats))
        done_before = {r.article.content_hash for r in first if isinstance(r, Result)}
        assert not done_before & {r.article.content_hash for r in second if isinstance(r, Result)}
        assert (stats.read, stats.skipped, stats.coded) == (16, 5, 11)  # nothing stored is redone
        _store_all(store, second)
        counts = store.counts()

    with Store(tmp_path / "clean.duckdb") as clean:
        _store_all(clean, list(run_local(inputs, coder.config, 1, coder=coder)))
        assert counts == clean.counts() and counts["documents"] == 16


def test_a_repeat_within_one_run_is_coded_once(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(EXAMPLES / "ind_pak_2025.txt", tmp_path / "copy.txt")
    stats = RunStats()
    items = list(run_local([EXAMPLES, tmp_path], coder.config, 1, coder=coder, stats=stats))
    assert (stats.read, stats.skipped, len(items)) == (7, 1, 6)


def test_chunks_stream_without_holding_the_corpus(tmp_path: Path) -> None:
    plain = write_records(tmp_path / "many.jsonl", 10_000)
    packed = tmp_path / "many.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    stats = RunStats()
    tracemalloc.start()
    try:
        n = 0
        for chunk in chunk_stream([packed], Config(), 64, stats=stats):
            assert isinstance(chunk, Chunk) and len(chunk.articles) <= 64
            n += len(chunk.articles)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == stats.read == 10_000
    # 10,000 articles held at once would take well over 10 MB; the stream holds a few chunks.
    assert peak < 6_000_000, peak


def test_bad_arguments() -> None:
    with pytest.raises(ConfigError):
        next(run_local([EXAMPLES], Config(), 0))
    with pytest.raises(ConfigError, match="fork"):
        next(run_local([EXAMPLES], Config(), 2, start_method="fork"))
    with pytest.raises(ConfigError, match="could not load the coder"):
        list(run_local([EXAMPLES], Config(spacy_model="no_such_model"), 2))
