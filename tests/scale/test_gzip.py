"""Gzip-compressed inputs (``name.<ext>.gz``): read like the plain file, streamed, bounded."""

from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

from dyadwatch.config import Config
from dyadwatch.errors import (
    InputTooLargeError,
    UnreadableInputError,
    UnsupportedInputError,
)
from dyadwatch.ingest import read_paths
from dyadwatch.records import Article

from .helpers import EXAMPLES

CSV = "id,text,published\nc1,Japan protested to South Korea on Monday.,2024-03-04\n"


def _articles(paths: list[Path]) -> list[Article]:
    items = list(read_paths(paths, Config()))
    assert all(isinstance(i, Article) for i in items), items
    return items  # type: ignore[return-value]


def _same(a: Article, b: Article) -> bool:
    return dataclasses.replace(a, source_path=None) == dataclasses.replace(b, source_path=None)


def test_every_format_reads_the_same_compressed(tmp_path: Path) -> None:
    plain_dir = tmp_path / "plain"
    plain_dir.mkdir()
    (plain_dir / "records.csv").write_text(CSV, encoding="utf-8")
    packed_dir = tmp_path / "packed"
    packed_dir.mkdir()
    sources = [*sorted(EXAMPLES.glob("*.txt")), EXAMPLES / "rus_ukr.jsonl", EXAMPLES / "usa_chn_tariffs.html",
               plain_dir / "records.csv"]
    for path in sources:
        (packed_dir / f"{path.name}.gz").write_bytes(gzip.compress(path.read_bytes()))
    plain = _articles(sources)
    packed = _articles([packed_dir])  # a folder walk finds the .gz files
    assert len(plain) == len(packed) == 7
    by_id = {a.doc_id: a for a in packed}
    for article in plain:
        assert _same(article, by_id[article.doc_id]), article.doc_id  # doc_id without .txt/.gz
    assert by_id["ind_pak_2025"].source_path.endswith("ind_pak_2025.txt.gz")
    assert by_id["c1"].source_line == 2 and by_id["c1"].published is not None


def test_damaged_gzip_files_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    whole = gzip.compress((EXAMPLES / "rus_ukr.jsonl").read_bytes())
    (tmp_path / "a_truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "b_not_gzip.txt.gz").write_text("plain text pretending", encoding="utf-8")
    (tmp_path / "c_good.jsonl.gz").write_bytes(whole)
    (tmp_path / "d_unknown.docx.gz").write_bytes(gzip.compress(b"x"))
    items = list(read_paths([tmp_path], Config()))
    errors = [i for i in items if not isinstance(i, Article)]
    assert sum(isinstance(i, Article) for i in items) == 2  # the good file's two records
    assert any(isinstance(e, UnreadableInputError) and "b_not_gzip" in str(e) for e in errors)
    assert any("a_truncated" in str(e) for e in errors)
    assert not any("d_unknown" in str(e) for e in errors)  # a folder walk skips unknown types
    named = list(read_paths([tmp_path / "d_unknown.docx.gz"], Config()))
    assert isinstance(named[0], UnsupportedInputError)


def test_the_size_limit_applies_to_the_decompressed_text(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"Title\n\n" + b"Japan met Korea. " * 100_000))  # 1.7 MB in ~10 KB
    assert bomb.stat().st_size < 50_000
    (item,) = read_paths([bomb], Config(max_document_bytes=100_000))
    assert isinstance(item, InputTooLargeError)
    (ok,) = read_paths([bomb], Config())
    assert isinstance(ok, Article) and ok.doc_id == "bomb"
