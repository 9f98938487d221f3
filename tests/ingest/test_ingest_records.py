from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

from dyadwatch.config import Config
from dyadwatch.errors import (
    EmptyInputError,
    InputTooLargeError,
    MalformedRecordError,
    MissingFieldError,
    UnreadableInputError,
)
from dyadwatch.ingest import read_paths
from dyadwatch.records import Article
from tests.ingest.ingest_helpers import read_all, write


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    content = _jsonl(
        {"id": 7, "text": "Seoul and Tokyo met.", "title": "Talks", "url": "https://x.org/a",
         "published": "2025-06-18T09:00:00+09:00"},
        "",
        "{not json",
        [1, 2],
        {"text": "No id here.", "published": "18 June 2025"},
        {"title": "no text"},
        {"text": "   "},
        {"text": 5},
        {"id": "", "text": "Empty id.", "published": "gibberish"},
    )  # fmt: skip
    path = write(tmp_path / "feed.jsonl", content)
    articles, errors = read_all([path])
    assert [(a.doc_id, a.source_line) for a in articles] == [
        ("7", 1), ("feed:5", 5), ("feed:9", 9),
    ]  # fmt: skip
    first = articles[0]
    assert (first.title, first.url, first.text) == ("Talks", "https://x.org/a", "Seoul and Tokyo met.")
    assert first.published == dt.date(2025, 6, 18) and first.published_basis == "metadata"
    assert articles[1].published == dt.date(2025, 6, 18)
    assert articles[2].published is None and articles[2].published_basis is None
    assert [(type(e), e.line) for e in errors] == [
        (MalformedRecordError, 3),
        (MalformedRecordError, 4),
        (MissingFieldError, 6),
        (EmptyInputError, 7),
        (MalformedRecordError, 8),
    ]
    assert all(e.path == str(path) for e in errors)
    assert f"{path}:3" in str(errors[0])


def test_jsonl_invalid_utf8_line_and_bom(tmp_path: Path) -> None:
    good = json.dumps({"text": "Good line."}).encode()
    bad = b'{"text": "caf\xe9"}'
    path = write(tmp_path / "x.ndjson", b"\xef\xbb\xbf" + good + b"\n" + bad + b"\n" + good + b"\n")
    articles, errors = read_all([path])
    assert [a.source_line for a in articles] == [1, 3]
    assert len(errors) == 1 and isinstance(errors[0], UnreadableInputError)
    assert errors[0].line == 2


def test_jsonl_line_over_limit(tmp_path: Path) -> None:
    path = write(
        tmp_path / "big.jsonl",
        _jsonl({"text": "small one"}, {"text": "x" * 5000}, {"text": "small two"}),
    )
    articles, errors = read_all([path], Config(max_document_bytes=1000))
    assert [a.text for a in articles] == ["small one", "small two"]
    assert [(type(e), e.line) for e in errors] == [(InputTooLargeError, 2)]


def test_jsonl_binary_and_empty(tmp_path: Path) -> None:
    binary = write(tmp_path / "a.jsonl", b'{"text": "x"}\n\x00\x01\x02')
    empty = write(tmp_path / "b.jsonl", b"")
    articles, errors = read_all([binary, empty])
    assert articles == []
    assert [type(e) for e in errors] == [UnreadableInputError, EmptyInputError]
    assert errors[0].path == str(binary) and errors[1].path == str(empty)


def test_jsonl_30mb_streams_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "large.jsonl"
    # Long "words": tracemalloc makes every small allocation (one per word when hashing) slow.
    paragraph = ("cooperation" * 60 + " ") * 12
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 30_000_000:
            count += 1
            handle.write(json.dumps({"id": count, "text": f"{count} {paragraph}", "published": "2025-06-18"}) + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        seen = 0
        for result in read_paths([path], Config()):
            assert isinstance(result, Article)
            seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < size / 20, f"peak {peak} bytes for a {size}-byte file"


def test_overlong_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "one_long_line.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"text": "' + "y" * 20_000_000 + '"}\n')
        handle.write('{"text": "after the long line"}\n')
    tracemalloc.start()
    try:
        results = list(read_paths([path], Config(max_document_bytes=100_000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(r) for r in results] == [InputTooLargeError, Article]
    assert peak < 2_000_000


def test_csv_rows_and_errors(tmp_path: Path) -> None:
    content = (
        "id,Title,text,published,url\r\n"
        '1,First,"Multi-line\r\ntext, with comma.",2025-06-18,https://x.org/1\r\n'
        "\r\n"
        ",Second,Plain text.,June 18 2025,\r\n"
        "3,Third,,2025-06-18,\r\n"
        "4,Fourth,too,many,fields,here\r\n"
        "5,Fifth,Last one.,,\r\n"
    )
    path = write(tmp_path / "rows.csv", content)
    articles, errors = read_all([path])
    assert [(a.doc_id, a.source_line, a.title) for a in articles] == [
        ("1", 2, "First"), ("rows:5", 5, "Second"), ("5", 8, "Fifth"),
    ]  # fmt: skip
    assert articles[0].text == "Multi-line\ntext, with comma."
    assert articles[0].url == "https://x.org/1" and articles[1].url is None
    assert articles[1].published == dt.date(2025, 6, 18)
    assert articles[2].published is None
    assert [(type(e), e.line) for e in errors] == [(EmptyInputError, 6), (MalformedRecordError, 7)]


def test_csv_without_text_column_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "notext.csv", "id,body\n1,Some text.\n2,More text.\n")
    articles, errors = read_all([path])
    assert articles == []
    assert len(errors) == 1 and isinstance(errors[0], MissingFieldError)
    assert (errors[0].path, errors[0].line) == (str(path), 1)


def test_tsv_and_bad_rows_in_csv(tmp_path: Path) -> None:
    tsv = write(tmp_path / "a.tsv", "id\ttext\nx1\tTabbed text, with a comma.\n")
    csv_path = write(
        tmp_path / "b.csv",
        b"text\n" + b"ok one\n" + b"caf\xe9 latin-1\n" + b"z" * 3000 + b"\n" + b"ok two\n",
    )
    articles, errors = read_all([tsv, csv_path], Config(max_document_bytes=1000))
    assert [(a.doc_id, a.text) for a in articles] == [
        ("x1", "Tabbed text, with a comma."), ("b:2", "ok one"), ("b:5", "ok two"),
    ]  # fmt: skip
    assert [(type(e), e.line) for e in errors] == [(UnreadableInputError, 3), (InputTooLargeError, 4)]


def test_csv_header_only_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "h.csv", "id,text\n")
    articles, errors = read_all([path])
    assert articles == [] and len(errors) == 1 and isinstance(errors[0], EmptyInputError)
