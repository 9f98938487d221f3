"""Helpers shared by the ingest readers: identity hash, size/binary checks, decoding."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path
from typing import Final

from ..errors import EmptyInputError, InputTooLargeError, UnreadableInputError

#: How much of a file is looked at for NUL bytes to call it binary.
BINARY_SNIFF_BYTES: Final = 8192
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")


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
    ``max_bytes + 1`` bytes are ever read (the file may grow in between).
    """
    too_large = f"larger than the limit of {max_bytes} bytes (max_document_bytes)"
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputTooLargeError(f"{size} bytes, {too_large}", source)
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableInputError(f"cannot be read ({exc.strerror or exc})", source) from exc
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
