"""RSS/Atom/RDF feeds (``.xml .rss .atom .rdf .feed``): one article per feed entry."""

from __future__ import annotations

import datetime as _dt
import io
import re
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from ..errors import EmptyInputError, IngestError, MalformedRecordError, NoArticleError
from ..records import Article
from .common import (
    content_hash,
    decode_utf8,
    document_stem,
    normalise_newlines,
    read_document_bytes,
)

_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BLOCK_TAGS: Final = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt",
)  # fmt: skip
_BLANK_RUNS = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment; block elements become paragraphs, ``<br>`` a line end."""
    if "<" not in markup:
        return markup.strip()
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in list(root.iter("script", "style")):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCK_TAGS):
        block.text = "\n\n" + (block.text or "")
        block.tail = "\n\n" + (block.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _entry_text(entry: Mapping[str, Any]) -> str:
    candidates: list[Mapping[str, Any]] = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    for item in candidates:
        value = str(item.get("value") or "")
        kind = str(item.get("type") or "text/html")
        text = html_to_text(value) if "html" in kind or "<" in value else value.strip()
        if text:
            return normalise_newlines(text)
    return ""


def _entry_date(entry: Mapping[str, Any]) -> _dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = entry.get(key)
        if isinstance(stamp, time.struct_time):
            try:
                return _dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
            except ValueError:
                continue
    return None


def _opt(value: Any) -> str | None:
    s = str(value).strip() if value is not None else ""
    return s or None


def read_feed_file(path: Path, source: str, max_bytes: int) -> Iterator[Article | IngestError]:
    """Yield one article (or error) per feed entry; ``source_line`` is the entry's 1-based index."""
    import feedparser

    try:
        data = read_document_bytes(path, source, max_bytes)
        if _XML_ENCODING.match(data) is None:
            decode_utf8(data, source)  # no declared encoding: the XML default, UTF-8
    except IngestError as exc:
        yield exc
        return
    # A BytesIO, never the bytes themselves: feedparser would take a string for a path or URL.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") or not parsed.get("version"):
            reason = parsed.get("bozo_exception")
            detail = f" ({reason})" if reason else ""
            yield MalformedRecordError(f"not an RSS/Atom feed{detail}", source)
        else:
            yield EmptyInputError("feed has no entries", source)
        return
    for index, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        if not text:
            yield NoArticleError("feed entry has no content or summary text", source, index)
            continue
        link = _opt(entry.get("link"))
        published = _entry_date(entry)
        yield Article(
            doc_id=_opt(entry.get("id")) or link or f"{document_stem(path)}:{index}",
            text=text,
            content_hash=content_hash(text),
            title=_opt(entry.get("title")),
            url=link,
            published=published,
            published_basis="metadata" if published is not None else None,
            source_path=source,
            source_line=index,
        )
