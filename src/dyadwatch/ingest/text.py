"""Plain-text articles (``.txt``, ``.text``, ``.md``): header datelines, title and body."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import EmptyInputError
from ..records import Article
from .common import (
    content_hash,
    decode_utf8,
    document_stem,
    normalise_newlines,
    read_document_bytes,
)
from .dateline import classify_dateline

#: How many non-empty lines at the top of a document are searched for datelines.
HEAD_LINES: Final = 6
MAX_TITLE_CHARS: Final = 200
_MAX_LABEL_WORDS: Final = 3
_MAX_LABEL_CHARS: Final = 40
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass(frozen=True, slots=True)
class ParsedText:
    """A plain-text document split into publication date, title and body."""

    published: _dt.date | None
    title: str | None
    text: str


def is_section_label(line: str) -> bool:
    """A short header label such as ``World News``: at most 3 words, no period, no digits."""
    s = line.strip()
    return (
        0 < len(s) <= _MAX_LABEL_CHARS
        and len(s.split()) <= _MAX_LABEL_WORDS
        and "." not in s
        and not any(c.isdigit() for c in s)
    )


def looks_like_title(line: str) -> bool:
    """At most 200 characters and no sentence-final period."""
    s = line.strip()
    return 0 < len(s) <= MAX_TITLE_CHARS and not s.endswith(".")


def split_header(text: str) -> ParsedText:
    """Split a document into its publication date, title and body.

    Within the first :data:`HEAD_LINES` non-empty lines, every line that is a date (see
    :func:`~dyadwatch.ingest.dateline.classify_dateline`) is removed and the best one gives
    the publication date. Short section labels in the leading run of header lines, up to the
    last dateline of that run, are removed too, unless that would leave no title (then a
    short label is the headline itself, as in ``Talks Collapse`` above a dateline). The first
    remaining line is the title when it looks like one and is not the first half of a wrapped
    sentence; the body is what is left, line breaks kept (it may be empty).
    """
    lines = text.split("\n")
    head = [i for i, line in enumerate(lines) if line.strip()][:HEAD_LINES]
    datelines = {i: d for i in head if (d := classify_dateline(lines[i])) is not None}

    header_labels: set[int] = set()
    labels: list[int] = []
    for i in head:
        if i in datelines:
            header_labels.update(labels)  # labels before a dateline belong to the header
            labels = []
        elif is_section_label(lines[i]):
            labels.append(i)
        else:
            break

    published: _dt.date | None = None
    if datelines:
        best = min(datelines.items(), key=lambda item: (item[1].rank, item[0]))
        published = best[1].date

    kept = _remaining(lines, set(datelines) | header_labels)
    if header_labels and not _starts_with_title(kept):
        kept = _remaining(lines, set(datelines))  # the "label" was the headline
    title: str | None = None
    if _starts_with_title(kept):
        title = _MD_HEADING.sub("", kept[0].strip()).strip() or None
        kept = _remaining(kept, {0})
    body = "\n".join(kept).rstrip()
    return ParsedText(published, title, body)


def _remaining(lines: list[str], drop: set[int]) -> list[str]:
    """``lines`` without the indices in ``drop`` and without leading blank lines."""
    kept = [line for i, line in enumerate(lines) if i not in drop]
    while kept and not kept[0].strip():
        kept.pop(0)
    return kept


def _starts_with_title(kept: list[str]) -> bool:
    """Whether the first line of ``kept`` is a title.

    Not a title: a line with a sentence-final period or over 200 characters, or a line
    directly followed by one that starts in lower case (a hard-wrapped sentence).
    """
    if not kept or not looks_like_title(kept[0]):
        return False
    following = kept[1].lstrip() if len(kept) > 1 else ""
    return not following[:1].islower()


def read_text_file(path: Path, source: str, max_bytes: int) -> Article:
    """Read one plain-text article; raises an :class:`~dyadwatch.errors.IngestError`."""
    raw = read_document_bytes(path, source, max_bytes)
    text = normalise_newlines(decode_utf8(raw, source))
    parsed = split_header(text)
    if not parsed.text.strip():
        raise EmptyInputError("no body text (only a title or header)", source)
    return Article(
        doc_id=document_stem(path),
        text=parsed.text,
        content_hash=content_hash(parsed.text),
        title=parsed.title,
        published=parsed.published,
        published_basis="dateline" if parsed.published is not None else None,
        source_path=source,
    )
