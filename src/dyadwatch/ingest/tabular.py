"""Record files: JSON Lines (``.jsonl``, ``.ndjson``) and CSV/TSV, streamed line by line.

A file is never read whole: lines are read with a bound of ``max_document_bytes`` (a longer
line is skipped in chunks and reported), so memory stays O(one line) however large the file.
Each record has the fields ``id, text, title, url, published``; only ``text`` is required.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, Final

from ..errors import (
    EmptyInputError,
    IngestError,
    InputTooLargeError,
    MalformedRecordError,
    MissingFieldError,
    UnreadableInputError,
)
from ..records import Article
from .common import (
    BINARY_SNIFF_BYTES,
    check_binary,
    content_hash,
    decode_utf8,
    document_stem,
    normalise_newlines,
    open_binary,
)
from .dateline import parse_record_date

_DRAIN_CHUNK: Final = 1 << 16
_BOM: Final = "\ufeff"


def _too_large(source: str, line: int, max_bytes: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"record larger than the limit of {max_bytes} bytes (max_document_bytes)", source, line
    )


def physical_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line_number, raw_line)``; ``raw_line`` is None for a line over ``max_bytes``.

    At most ``max_bytes + 2`` bytes are held at a time: the rest of an over-long line is read
    and dropped in fixed-size chunks. Line ends are kept in the yielded bytes.
    """
    number = 0
    while True:
        chunk = handle.readline(max_bytes + 2)
        if not chunk:
            return
        number += 1
        if chunk.endswith(b"\n"):
            yield number, (chunk if len(chunk.rstrip(b"\r\n")) <= max_bytes else None)
        elif len(chunk) < max_bytes + 1:
            yield number, chunk  # last line, no line end
        else:
            while True:
                rest = handle.readline(_DRAIN_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    s = value.strip() if isinstance(value, str) else str(value)
    return s or None


def record_to_article(
    record: Mapping[str, object], *, stem: str, source: str, line: int
) -> Article | IngestError:
    """An article from one JSONL/CSV record, or the error that says why there is none."""
    if "text" not in record or record["text"] is None:
        return MissingFieldError("record has no 'text' field", source, line)
    raw_text = record["text"]
    if not isinstance(raw_text, str):
        return MalformedRecordError(
            f"'text' must be a string, not {type(raw_text).__name__}", source, line
        )
    text = normalise_newlines(raw_text).strip()
    if not text:
        return EmptyInputError("record has an empty 'text' field", source, line)
    published_raw = _opt_str(record.get("published"))
    published = parse_record_date(published_raw) if published_raw is not None else None
    return Article(
        doc_id=_opt_str(record.get("id")) or f"{stem}:{line}",
        text=text,
        content_hash=content_hash(text),
        title=_opt_str(record.get("title")),
        url=_opt_str(record.get("url")),
        published=published,
        published_basis="metadata" if published is not None else None,
        source_path=source,
        source_line=line,
    )


def _open(path: Path, source: str) -> BinaryIO:
    """Open ``path`` for binary reading after a binary-content check of its first 8 KB."""
    try:
        handle = open_binary(path)  # returned to the caller, closed there
    except OSError as exc:
        raise UnreadableInputError(f"cannot be read ({exc.strerror or exc})", source) from exc
    try:
        check_binary(handle.read(BINARY_SNIFF_BYTES), source)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    return handle


def read_jsonl_file(path: Path, source: str, max_bytes: int) -> Iterator[Article | IngestError]:
    """Yield one article or error per non-blank line of a JSON Lines file."""
    try:
        handle = _open(path, source)
    except IngestError as exc:
        yield exc
        return
    records = 0
    with handle:
        for number, raw in physical_lines(handle, max_bytes):
            if raw is None:
                records += 1
                yield _too_large(source, number, max_bytes)
                continue
            try:
                line = decode_utf8(raw, source, number)
            except UnreadableInputError as exc:
                records += 1
                yield exc
                continue
            if number == 1:
                line = line.removeprefix(_BOM)
            if not line.strip():
                continue
            records += 1
            try:
                value = json.loads(line)
            except (ValueError, RecursionError) as exc:
                message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                yield MalformedRecordError(f"invalid JSON ({message})", source, number)
                continue
            if not isinstance(value, dict):
                yield MalformedRecordError(
                    f"not a JSON object (a {type(value).__name__})", source, number
                )
                continue
            yield record_to_article(value, stem=document_stem(path), source=source, line=number)
    if records == 0:
        yield EmptyInputError("no records in file", source)


class _LineFeed:
    """Decoded lines for :mod:`csv`, with the problems met on the way kept for the caller.

    A line that is too long or not UTF-8 is handed on as an empty line and noted in
    ``problems`` (line number, error), so the csv reader keeps going.
    """

    def __init__(self, handle: BinaryIO, source: str, max_bytes: int) -> None:
        self._lines = physical_lines(handle, max_bytes)
        self._source = source
        self._max_bytes = max_bytes
        self.problems: list[IngestError] = []

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        number, raw = next(self._lines)
        if raw is None:
            self.problems.append(_too_large(self._source, number, self._max_bytes))
            return "\n"
        try:
            text = decode_utf8(raw, self._source, number)
        except UnreadableInputError as exc:
            self.problems.append(exc)
            return "\n"
        return text.removeprefix(_BOM) if number == 1 else text


def read_csv_file(
    path: Path, source: str, max_bytes: int, *, delimiter: str = ","
) -> Iterator[Article | IngestError]:
    """Yield one article or error per data row of a CSV (or, with ``delimiter="\\t"``, TSV)."""
    try:
        handle = _open(path, source)
    except IngestError as exc:
        yield exc
        return
    # The csv module's limit is process-wide; it is set to this run's document limit.
    csv.field_size_limit(max_bytes)
    with handle:
        feed = _LineFeed(handle, source, max_bytes)
        reader = csv.reader(feed, delimiter=delimiter)
        header: list[str] | None = None
        rows = 0
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                error: IngestError
                if feed.problems:
                    error = feed.problems[0]
                elif "field larger than field limit" in str(exc):
                    error = _too_large(source, start, max_bytes)
                else:
                    error = MalformedRecordError(f"bad CSV row ({exc})", source, start)
                feed.problems.clear()
                if header is None:
                    yield error
                    return
                rows += 1
                yield error
                continue
            if feed.problems:
                problem = feed.problems[0]
                feed.problems.clear()
                rows += 1
                yield problem
                if header is None:
                    return
                continue
            if not row:
                continue  # a blank line
            if header is None:
                header = [name.strip().lower() for name in row]
                if "text" not in header:
                    yield MissingFieldError(
                        f"no 'text' column in the header (columns: {', '.join(header)})",
                        source,
                        start,
                    )
                    return
                continue
            rows += 1
            if len(row) != len(header):
                yield MalformedRecordError(
                    f"{len(row)} fields where the header has {len(header)}", source, start
                )
                continue
            if sum(len(cell) for cell in row) > max_bytes:
                yield _too_large(source, start, max_bytes)
                continue
            record: dict[str, object] = {}
            for name, cell in zip(header, row, strict=True):
                record.setdefault(name, cell)
            yield record_to_article(record, stem=document_stem(path), source=source, line=start)
    if header is None:
        yield EmptyInputError("empty file (no header row)", source)
    elif rows == 0:
        yield EmptyInputError("no data rows after the header", source)
