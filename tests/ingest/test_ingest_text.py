from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyadwatch.config import Config
from dyadwatch.errors import EmptyInputError, InputTooLargeError, UnreadableInputError
from dyadwatch.ingest import content_hash
from dyadwatch.ingest.text import split_header
from tests.ingest.ingest_helpers import read_all, write

BODY = (
    "Body of the article starts here. Japan and South Korea met in Seoul.\n"
    "\n"
    "A second paragraph follows."
)
HEADER_DOC = f"Today : Jun 19, 2025\nWorld News\n18 June 2025\n\nSome Title Here\n\n{BODY}\n"


def test_header_dateline_priority_title_and_body(tmp_path: Path) -> None:
    path = write(tmp_path / "000_3ace1f45b5fdacfe.txt", HEADER_DOC)
    articles, errors = read_all([path])
    assert errors == []
    [article] = articles
    assert article.published == dt.date(2025, 6, 18)
    assert article.published_basis == "dateline"
    assert article.title == "Some Title Here"
    assert article.text.startswith("Body of the article")
    assert article.text == BODY  # header and title removed, line breaks kept
    assert article.doc_id == "000_3ace1f45b5fdacfe"
    assert article.source_path == str(path)
    assert article.source_line is None
    assert article.content_hash == content_hash(BODY)


def test_no_dateline_gives_no_date(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "A Title Without Date\n\nFirst sentence here.\nSecond line.\n")
    [article] = read_all([path])[0]
    assert article.published is None
    assert article.published_basis is None
    assert article.title == "A Title Without Date"
    assert article.text == "First sentence here.\nSecond line."


def test_caption_with_date_is_body_not_dateline() -> None:
    doc = (
        "New stage in cooperation\n\n"
        "Family photo of the summit in Kananaskis, Canada June 17, 2025 - REUTERS\n"
        "After six decades, the two countries are building a new stage.\n"
    )
    parsed = split_header(doc)
    assert parsed.published is None
    assert parsed.title == "New stage in cooperation"
    assert parsed.text.startswith("Family photo")


def test_first_line_sentence_is_not_a_title() -> None:
    parsed = split_header("Published: 2025-06-17\nThe ministers met on Tuesday.\nThey agreed.\n")
    assert parsed.published == dt.date(2025, 6, 17)
    assert parsed.title is None
    assert parsed.text == "The ministers met on Tuesday.\nThey agreed."


def test_published_label_beats_bare_date_and_dateline_after_title() -> None:
    parsed = split_header("Short Title Here\n18 June 2025\nPosted: 17 June 2025\n\nBody text.\n")
    assert parsed.published == dt.date(2025, 6, 17)
    assert parsed.title == "Short Title Here"
    assert parsed.text == "Body text."


def test_markdown_heading_title_and_crlf_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "b.MD", b"\xef\xbb\xbf# Heading Title\r\n\r\nLine one.\r\nLine two.\r\n")
    [article] = read_all([path])[0]
    assert article.title == "Heading Title"
    assert article.text == "Line one.\nLine two."


def test_title_only_is_empty_input(tmp_path: Path) -> None:
    path = write(tmp_path / "t.txt", "Today : Jun 19, 2025\nJust A Title\n")
    articles, errors = read_all([path])
    assert articles == []
    assert len(errors) == 1 and isinstance(errors[0], EmptyInputError)
    assert str(path) in str(errors[0])


def test_pub_date_override(tmp_path: Path) -> None:
    path = write(tmp_path / "c.txt", HEADER_DOC)
    config = Config(pub_date=dt.date(2024, 1, 2))
    [article] = read_all([path], config)[0]
    assert article.published == dt.date(2024, 1, 2)
    assert article.published_basis == "override"


def test_binary_and_latin1_and_too_large(tmp_path: Path) -> None:
    binary = write(tmp_path / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = write(tmp_path / "latin.txt", "Caf\u00e9 Title\n\nBody with caf\u00e9.\n".encode("latin-1"))
    big = write(tmp_path / "big.txt", "Title\n\n" + "word " * 400)
    good = write(tmp_path / "good.txt", HEADER_DOC)
    articles, errors = read_all([binary, latin1, big, good], Config(max_document_bytes=1000))
    assert [a.doc_id for a in articles] == ["good"]
    assert [type(e) for e in errors] == [UnreadableInputError, UnreadableInputError, InputTooLargeError]
    for err, path in zip(errors, [binary, latin1, big], strict=True):
        assert err.path == str(path) and str(path) in str(err)
    assert "UTF-8" in str(errors[1])


def test_hard_wrapped_first_line_is_not_a_title() -> None:
    parsed = split_header("Japan and South Korea held talks on\nthe sidelines of the summit.\n")
    assert parsed.title is None
    assert parsed.text == "Japan and South Korea held talks on\nthe sidelines of the summit."
