"""Helpers shared by the ingest readers: identity hash, size/binary checks, decoding, and
gzip-compressed inputs (``name.<ext>.gz`` is read as ``<ext>``, decompressed on the fly)."""

from __future__ import annotations

import gzip
import hashlib
import os
import unicodedata
import zlib
from pathlib import Path
from typing import BinaryIO, Final

from ..errors import EmptyInputError, InputTooLargeError, UnreadableInputError

#: How much of a file is looked at for NUL bytes to call it binary.
BINARY_SNIFF_BYTES: Final = 8192
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
#: The suffix of a gzip-compressed input; the suffix before it says the format.
GZIP_SUFFIX: Final = ".gz"
#: What reading a damaged gzip stream raises (bad header, truncated, corrupt deflate data).
DECOMPRESS_ERRORS: Final = (OSError, EOFError, zlib.error)


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == GZIP_SUFFIX


def format_suffix(path: Path) -> str:
    """The suffix that names the format, lower case: ``.jsonl`` for ``a.jsonl`` and ``a.JSONL.gz``."""
    return Path(path.stem).suffix.lower() if is_gzip(path) else path.suffix.lower()


def document_stem(path: Path) -> str:
    """The file name without its format suffix (and ``.gz``): ``a`` for ``a.txt`` and ``a.txt.gz``."""
    return Path(path.stem).stem if is_gzip(path) else path.stem


def open_binary(path: Path) -> BinaryIO:
    """``path`` opened for binary reading, decompressed on the fly when it ends in ``.gz``."""
    if is_gzip(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def content_hash(text: str) -> str:
    """sha256 hex digest of ``text`` normalised by NFC, whitespace collapsed and stripped.

    Two copies of an article that differ only in Unicode composition, line wrapping or
    spacing get the same hash.
    """
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` line ends as ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_binary(head: bytes, source: str, line: int | None = None) -> None:
    """Raise :class:`UnreadableInputError` when ``head`` looks like binary (or UTF-16) data."""
    if head.startswith(_UTF16_BOMS):
        raise UnreadableInputError("UTF-16 text; convert it to UTF-8", source, line)
    if b"\x00" in head[:BINARY_SNIFF_BYTES]:
        raise UnreadableInputError("binary content (NUL bytes), not text", source, line)


def read_document_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a single-document file, after size, emptiness and binary checks.

    The size is checked with ``os.stat`` before anything is read, and at most
    ``max_bytes + 1`` bytes are ever read (the file may grow in between); for a gzip file the
    limit applies to the decompressed bytes, so a small file that inflates hugely is refused.
    """
    too_large = f"larger than the limit of {max_bytes} bytes (max_document_bytes)"
    try:
        size = os.stat(path).st_size
        if size > max_bytes and not is_gzip(path):
            raise InputTooLargeError(f"{size} bytes, {too_large}", source)
        with open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except DECOMPRESS_ERRORS as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UnreadableInputError(f"cannot be read ({reason})", source) from exc
    if len(data) > max_bytes:
        raise InputTooLargeError(too_large, source)
    if not data.strip():
        raise EmptyInputError("empty file", source)
    check_binary(data, source)
    return data


def decode_utf8(data: bytes, source: str, line: int | None = None) -> str:
    """``data`` decoded as UTF-8 (a leading BOM dropped), or :class:`UnreadableInputError`."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(
            f"not valid UTF-8 (byte {exc.start}); convert the file to UTF-8", source, line
        ) from exc
