"""HTML pages (``.html``, ``.htm``): article text, title and date through trafilatura.

Nothing is ever fetched: trafilatura gets the file's text, and the date comes only from the
page's own metadata (``extensive_search`` off, so no guess from a copyright line).
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any, Final

from ..errors import NoArticleError, UnreadableInputError
from ..records import Article
from .common import content_hash, document_stem, normalise_newlines, read_document_bytes

#: Fewer words than this after extraction is navigation or boilerplate, not an article.
MIN_ARTICLE_WORDS: Final = 8

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_DATE_CONFIG: Final[dict[str, Any]] = {"original_date": True, "extensive_search": False}


def decode_html(data: bytes, source: str) -> str:
    """UTF-8 first; else the charset the page declares in a ``<meta>`` tag; else an error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _META_CHARSET.search(data[:4096])
        if declared is not None:
            charset = declared.group(1).decode("ascii")
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
        raise UnreadableInputError(
            f"not valid UTF-8 (byte {exc.start}) and no usable <meta charset>", source
        ) from exc


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def read_html_file(path: Path, source: str, max_bytes: int) -> Article:
    """Read one HTML article; raises an :class:`~dyadwatch.errors.IngestError`."""
    import trafilatura  # heavy import: only when an HTML file is read

    markup = decode_html(read_document_bytes(path, source, max_bytes), source)
    try:
        extracted = trafilatura.extract(
            markup, favor_precision=True, include_comments=False, output_format="txt"
        )
        meta = trafilatura.extract_metadata(markup, date_config=dict(_DATE_CONFIG))
    except Exception as exc:  # noqa: BLE001 - a parser failure on one page must not stop a batch
        reason = f"HTML could not be parsed ({type(exc).__name__}: {exc})"
        raise NoArticleError(reason, source) from exc

    title = ((meta.title or "").strip() or None) if meta is not None else None
    lines = normalise_newlines(extracted or "").strip().split("\n")
    if title is not None and lines and _same(lines[0], title):
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    text = "\n".join(lines).strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleError(
            f"no article text found in the HTML page ({len(text.split())} words of page furniture)", source
        )

    published: _dt.date | None = None
    if meta is not None and meta.date:
        try:
            published = _dt.date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            published = None
    url = (meta.url or None) if meta is not None else None
    return Article(
        doc_id=document_stem(path),
        text=text,
        content_hash=content_hash(text),
        title=title,
        url=url,
        published=published,
        published_basis="metadata" if published is not None else None,
        source_path=source,
    )
