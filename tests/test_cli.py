"""The command line, end to end: ingest (with bad inputs), extract, events, timeline, export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

GOOD = """Seoul pact
3 March 2024

Japan and South Korea signed a fisheries agreement in Seoul on Friday.
The weather in Seoul was mild.
"""
MORE = """Delhi talks
5 March 2024

Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in New Delhi on Monday.
"""


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert {"ingest", "extract", "events", "timeline"} <= set(names)
    for name in names:
        assert re.search(rf"dyadwatch {name}\b", readme), f"`dyadwatch {name}` is not in README.md"


@pytest.mark.slow
def test_ingest_reports_each_bad_input_and_keeps_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    first = tmp_path / "first"
    first.mkdir()
    (first / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, err = _run("ingest", str(first), "--db", str(db))
    assert code == 0, err

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "more.txt").write_text(MORE, encoding="utf-8")
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02 not text \xff")
    (batch / "latin1.txt").write_bytes("Caf\xe9 au lait in S\xe3o Paulo".encode("latin-1"))
    (batch / "empty.txt").write_text("", encoding="utf-8")
    (batch / "records.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Russia attacked Ukraine on 24 February 2022.", "published": "2022-02-25"})
        + "\n{not json\n", encoding="utf-8")
    (batch / "notext.csv").write_text("id,title\n1,No text here\n", encoding="utf-8")
    (batch / "page.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    code, _, err = _run("ingest", str(batch), "--db", str(db))
    assert code == 1
    lines = [ln for ln in err.splitlines() if "error" in ln]
    for name in ("binary.txt", "latin1.txt", "empty.txt", "records.jsonl:2", "notext.csv:1", "page.html"):
        assert sum(name in ln for ln in lines) == 1, (name, err)

    code, out, _ = _run("stats", "--db", str(db))
    counts = dict(line.split() for line in out.splitlines())
    assert counts["documents"] == "3"  # good.txt, more.txt and the good JSONL record
    code, out, _ = _run("timeline", "JPN", "KOR", "--db", str(db))
    assert code == 0 and "fisheries agreement" in out  # the first run's data is intact

    code, _, err = _run("ingest", str(first), "--db", str(db))
    assert code == 0 and "1 already stored" in err


@pytest.mark.slow
def test_extract_prints_the_event_contract(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(MORE, encoding="utf-8")
    code, out, err = _run("extract", str(src))
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 1
    e = events[0]
    for key in ("event_id", "doc_id", "sentence_id", "text", "char_span", "event_type", "mode", "contexts",
                "status", "quad_class", "intensity", "cameo_root", "goldstein", "source", "target", "date",
                "date_precision", "date_text", "date_basis", "confidence", "coder_version"):
        assert key in e
    assert e["event_type"] == "CONSULT" and e["date"] == "2024-03-04" and e["date_basis"] == "relative"
    assert e["source"][0]["person"] == "Narendra Modi" and e["source"][0]["country"] == "IND"
    assert e["target"][0]["person"] == "Xi Jinping"
    assert e["text"][e["char_span"][0]:e["char_span"][1]] == "met"
    code, again, _ = _run("extract", str(src))
    assert json.loads(again.splitlines()[0])["event_id"] == e["event_id"]  # stable across runs

    code, out, _ = _run("extract", str(src), "--pub-date", "2024-04-01")
    assert json.loads(out.splitlines()[0])["published"] == "2024-04-01"
    code, _, _ = _run("extract", str(src), "--pub-date", "1 April")
    assert code != 0


@pytest.mark.slow
def test_events_filters_and_formats(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MORE, encoding="utf-8")
    assert _run("ingest", str(tmp_path), "--db", str(db))[0] == 0
    code, out, _ = _run("events", "--dyad", "IND-CHN", "--format", "json", "--db", str(db))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["event_type"] for r in rows] == ["CONSULT"]
    code, out, _ = _run("events", "--dyad", "IND-CHN", "--type", "AGREE", "--format", "json", "--db", str(db))
    assert out.strip() == ""
    code, out, _ = _run("events", "--country", "KOR", "--format", "csv", "--db", str(db))
    assert out.splitlines()[0].startswith("event_id,") and len(out.splitlines()) == 2
    code, _, err = _run("events", "--dyad", "JPNKOR", "--db", str(db))
    assert code != 0
    code, out, _ = _run("export", str(tmp_path / "parquet"), "--db", str(db))
    assert code == 0 and any(p.endswith("events.parquet") for p in out.split())


@pytest.mark.slow
def test_size_limit_is_configurable(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(MORE + "The talks went on. " * 100, encoding="utf-8")  # about 2 kB
    code, _, err = _run("extract", str(big), "--max-doc-mb", "0.001")
    assert code == 1 and "big.txt" in err and "E106" in err
    code, out, _ = _run("extract", str(big), "--max-doc-mb", "0.01")
    assert code == 0 and out.strip()
