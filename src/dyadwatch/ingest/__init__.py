"""Ingest stage: read files and folders of news articles into :class:`~dyadwatch.records.Article`.

``read_paths`` yields one ``Article`` per document, or an :class:`~dyadwatch.errors.IngestError`
instance (yielded, never raised) for each file, line or entry that could not be read, so the
caller can report it and carry on with the rest.

Formats, by extension (case-insensitive): ``.txt .text .md`` (plain text with datelines and a
title at the head), ``.html .htm`` (trafilatura), ``.jsonl .ndjson`` and ``.csv .tsv`` (records
with ``id, text, title, url, published``, streamed), ``.xml .rss .atom .rdf .feed`` (feeds).
Any of them may be gzip-compressed (``name.jsonl.gz``): decompressed on the fly, still streamed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Final

from ..config import Config
from ..errors import IngestError, UnreadableInputError, UnsupportedInputError
from ..records import Article
from .common import (
    DECOMPRESS_ERRORS,
    GZIP_SUFFIX,
    content_hash,
    document_stem,
    format_suffix,
)
from .dateline import find_publication_date, parse_date_string
from .feeds import read_feed_file
from .html import read_html_file
from .tabular import read_csv_file, read_jsonl_file
from .text import read_text_file

Result = Article | IngestError
#: A reader takes (path, source as given, max_document_bytes) and yields articles or errors.
Reader = Callable[[Path, str, int], Iterator[Result]]


def _single(read: Callable[[Path, str, int], Article]) -> Reader:
    def reader(path: Path, source: str, max_bytes: int) -> Iterator[Result]:
        try:
            yield read(path, source, max_bytes)
        except IngestError as exc:
            yield exc

    return reader


_READERS: Final[dict[str, Reader]] = {
    **dict.fromkeys((".txt", ".text", ".md"), _single(read_text_file)),
    **dict.fromkeys((".html", ".htm"), _single(read_html_file)),
    **dict.fromkeys((".jsonl", ".ndjson"), read_jsonl_file),
    ".csv": read_csv_file,
    ".tsv": partial(read_csv_file, delimiter="\t"),
    **dict.fromkeys((".xml", ".rss", ".atom", ".rdf", ".feed"), read_feed_file),
}
#: Extensions (lower case, with the dot) that ``read_paths`` can read.
SUPPORTED_EXTENSIONS: Final = frozenset(_READERS)


#: File stems skipped when a folder is walked (documentation beside the articles); a file
#: named on the command line is always read.
_NOT_ARTICLES: Final = frozenset({"README", "LICENSE", "LICENCE", "SOURCE", "CHANGELOG"})


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path]:
    """Non-hidden files under ``folder`` in sorted order, recursively; symlink loops cut."""
    try:
        real = folder.resolve()
    except OSError:
        return
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or document_stem(entry).upper() in _NOT_ARTICLES:
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_file() and format_suffix(entry) in _READERS:
            yield entry


def _read_file(path: Path, config: Config) -> Iterator[Result]:
    reader = _READERS.get(format_suffix(path))
    source = str(path)
    if reader is None:
        known = " ".join(sorted(SUPPORTED_EXTENSIONS)) + f" (each also as {GZIP_SUFFIX})"
        yield UnsupportedInputError(
            f"unknown file type {path.suffix or '(no extension)'!r}; supported: {known}", source
        )
        return
    try:
        yield from reader(path, source, config.max_document_bytes)
    except DECOMPRESS_ERRORS as exc:  # the file vanished, a disk error, a damaged gzip stream
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        yield UnreadableInputError(f"cannot be read ({reason})", source)


def _override(result: Result, config: Config) -> Result:
    if config.pub_date is None or not isinstance(result, Article):
        return result
    return dataclasses.replace(result, published=config.pub_date, published_basis="override")


def read_paths(paths: Iterable[str | Path], config: Config) -> Iterator[Article | IngestError]:
    """Yield an ``Article`` per document found in ``paths``, or an ``IngestError`` per failure.

    A folder is walked recursively in sorted order, skipping hidden files and folders and
    files of unknown type; a file named directly with an unknown extension, or a path that
    does not exist, gives :class:`~dyadwatch.errors.UnsupportedInputError`.
    ``config.pub_date`` replaces every article's publication date (basis ``"override"``).
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path, set()):
                for result in _read_file(found, config):
                    yield _override(result, config)
        elif path.is_file():
            for result in _read_file(path, config):
                yield _override(result, config)
        elif path.exists():
            yield UnsupportedInputError("not a regular file or folder", str(given))
        else:
            yield UnsupportedInputError("no such file or folder", str(given))


__all__ = [
    "SUPPORTED_EXTENSIONS",
    "content_hash",
    "find_publication_date",
    "parse_date_string",
    "read_paths",
]
