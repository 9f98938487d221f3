"""`dyadwatch ingest --workers N`, `--scheduler`, gzip inputs, and the progress display."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.scale import RunStats, count_documents
from dyadwatch.scale.progress import IngestProgress

from .helpers import EXAMPLES

runner = CliRunner()


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stderr


def _gzipped_examples(folder: Path) -> Path:
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        if path.suffix in (".txt", ".jsonl", ".html") and path.stem != "README":
            (folder / f"{path.name}.gz").write_bytes(gzip.compress(path.read_bytes()))
    return folder


@pytest.mark.slow
def test_ingest_on_two_workers_then_again_skips_everything(tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    code, err = _run("ingest", str(_gzipped_examples(tmp_path / "gz")), "--db", db, "--workers", "2",
                     "--no-progress")
    assert code == 0, err
    assert "6 documents stored" in err and "0 already stored" in err
    code, err = _run("ingest", str(EXAMPLES), "--db", db, "--workers", "2")  # same texts, uncompressed
    assert code == 0 and "0 documents stored" in err and "6 already stored" in err, err


@pytest.mark.slow
def test_ingest_on_a_dask_cluster_from_the_environment(tmp_path: Path, dask_scheduler: str) -> None:
    db = tmp_path / "d.duckdb"
    code, err = _run("ingest", str(EXAMPLES), "--db", str(db), "--no-progress",
                     env={"DASK_SCHEDULER_ADDRESS": dask_scheduler})
    assert code == 0, err
    assert "6 documents stored" in err and "0 already stored" in err
    assert any((tmp_path / "d.duckdb.parquet" / "events").rglob("*.parquet"))
    code, err = _run("ingest", str(EXAMPLES), "--db", str(db), "--scheduler", dask_scheduler,
                     "--parquet-dir", str(tmp_path / "p2"))
    assert code == 0 and "6 already stored" in err, err


def test_workers_and_scheduler_together_are_refused(tmp_path: Path) -> None:
    code, err = _run("ingest", str(EXAMPLES), "--db", str(tmp_path / "x.duckdb"), "--workers", "2",
                     "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--workers" in err


def test_count_documents(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "ind_pak_2025.txt", tmp_path / "a.txt")
    shutil.copy(EXAMPLES / "usa_chn_tariffs.html", tmp_path / "b.html")
    (tmp_path / "c.jsonl").write_text("".join(json.dumps({"text": f"t{i}"}) + "\n" for i in range(3)))
    (tmp_path / "d.csv").write_text("id,text\n1,one\n2,two")  # no final line end
    (tmp_path / "e.txt.gz").write_bytes(gzip.compress(b"Title\n\nBody text here."))
    (tmp_path / "README.md").write_text("not an article")
    assert count_documents([tmp_path]) == 1 + 1 + 3 + 2 + 1
    (tmp_path / "f.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n'))
    assert count_documents([tmp_path]) is None  # unknown without decompressing
    assert count_documents([tmp_path / "a.txt", tmp_path / "c.jsonl"]) == 4


def test_progress_shows_documents_rate_events_errors_and_eta() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=160)
    stats = RunStats(coded=40, skipped=10, sentences=800, events=95, errors=2)
    with IngestProgress(console, total=100) as bar:
        bar.update(stats)
        bar._progress.refresh()
    shown = screen.getvalue()
    for text in ("52/100 docs", "sentences/s", "95 events", "2 errors", "ETA"):
        assert text in shown, (text, shown)
    quiet = io.StringIO()
    with IngestProgress(Console(file=quiet, force_terminal=True), total=None, enabled=False) as bar:
        bar.update(stats)
    assert quiet.getvalue() == ""
