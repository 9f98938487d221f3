from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dyadwatch.config import Config
from dyadwatch.errors import EmptyInputError, UnsupportedInputError
from dyadwatch.ingest import SUPPORTED_EXTENSIONS, content_hash
from tests.ingest.ingest_helpers import read_all, write

DOC = "Some Title\n\nJapan and South Korea met in Seoul.\n"


def test_folder_walk_sorted_recursive_skips_hidden_and_unknown(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", DOC)
    write(tmp_path / "a" / "z.TXT", DOC)
    write(tmp_path / "a" / "notes.docx", b"PK\x03\x04")
    write(tmp_path / ".hidden.txt", DOC)
    write(tmp_path / ".git" / "c.txt", DOC)
    write(tmp_path / "c.jsonl", json.dumps({"text": "Record text."}) + "\n")
    articles, errors = read_all([tmp_path])
    assert errors == []
    assert [a.source_path for a in articles] == [
        str(tmp_path / "a" / "z.TXT"), str(tmp_path / "b.txt"), str(tmp_path / "c.jsonl"),
    ]  # fmt: skip


def test_missing_path_and_unknown_extension(tmp_path: Path) -> None:
    unknown = write(tmp_path / "report.pdf", b"%PDF-1.4")
    good = write(tmp_path / "good.txt", DOC)
    missing = tmp_path / "missing.txt"
    articles, errors = read_all([str(missing), unknown, good])
    assert [a.doc_id for a in articles] == ["good"]
    assert [type(e) for e in errors] == [UnsupportedInputError, UnsupportedInputError]
    assert errors[0].path == str(missing) and str(missing) in str(errors[0])
    assert errors[1].path == str(unknown) and ".pdf" in str(errors[1])
    assert errors[0].code == "E107"


def test_empty_file_gives_one_error(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.md", "\n  \n")
    articles, errors = read_all([empty, blank, write(tmp_path / "ok.txt", DOC)])
    assert len(articles) == 1
    assert [(type(e), e.path) for e in errors] == [
        (EmptyInputError, str(empty)), (EmptyInputError, str(blank)),
    ]  # fmt: skip


def test_pub_date_override_for_records_and_feeds(tmp_path: Path) -> None:
    jsonl = write(tmp_path / "r.jsonl", json.dumps({"text": "x y z", "published": "2025-06-18"}) + "\n")
    html_less = write(tmp_path / "t.txt", "18 June 2025\n\nTitle Here\n\nBody text.\n")
    config = Config(pub_date=dt.date(2020, 5, 1))
    articles, errors = read_all([jsonl, html_less], config)
    assert errors == []
    assert {(a.published, a.published_basis) for a in articles} == {(dt.date(2020, 5, 1), "override")}


def test_same_text_same_hash(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "Title One\n\nCaf\u00e9 talks  resumed.\nToday.\n")
    b = write(tmp_path / "b.jsonl", json.dumps({"text": "Cafe\u0301 talks resumed. Today.  "}) + "\n")
    articles, _ = read_all([a, b])
    assert len(articles) == 2
    assert articles[0].content_hash == articles[1].content_hash
    assert articles[0].content_hash == content_hash("Caf\u00e9 talks resumed. Today.")
    assert content_hash("other text") != articles[0].content_hash
    assert len(articles[0].content_hash) == 64


def test_supported_extensions() -> None:
    assert {".txt", ".md", ".html", ".jsonl", ".csv", ".tsv", ".rss", ".xml"} <= SUPPORTED_EXTENSIONS
