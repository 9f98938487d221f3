"""Records → table rows. A bad value fails here, before any transaction is opened."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from ..records import Actor, Article, Event, Indicator, Quote, Sentence
from .migrations import utc_now
from .periods import parse_day, period_start

Row = tuple[Any, ...]

DOCUMENT_COLUMNS = (
    "content_hash", "doc_id", "title", "url", "published", "published_basis", "source_path",
    "source_line", "lang", "text", "n_sentences", "n_events", "ingested_at", "coder_version",
)  # fmt: skip
SENTENCE_COLUMNS = ("sentence_id", "content_hash", "doc_id", "idx", "text", "start", '"end"')
EVENT_COLUMNS = (
    "event_id", "content_hash", "doc_id", "sentence_id", "text", "span_start", "span_end",
    "trigger", "event_type", "mode", "contexts", "status", "quad_class", "intensity",
    "cameo_root", "goldstein", "date", "date_start", "date_precision", "date_text",
    "date_basis", "published", "confidence", "coder_version", "source_countries",
    "target_countries", "source", "target",
)  # fmt: skip
ACTOR_COLUMNS = (
    "event_id", "side", "position", "name", "country", "sector", "person", "role", "basis",
)  # fmt: skip
QUOTE_COLUMNS = (
    "quote_id", "content_hash", "doc_id", "sentence_id", "sentence_ids", "quote", "span_start",
    "span_end", "direct", "cue", "speaker_name", "speaker_country", "speaker_sector",
    "speaker_person", "speaker_role", "speaker_text", "speaker_basis", "date", "date_start",
    "date_basis", "published", "flags", "coder_version",
)  # fmt: skip
INDICATOR_COLUMNS = (
    "indicator_id", "content_hash", "doc_id", "sentence_id", "text", "span_start", "span_end",
    "metric", "value", "unit", "qualifier", "period", "period_start", "period_basis",
    "countries", "flags", "published", "coder_version",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """The rows of one document, ready to insert."""

    content_hash: str
    document: Row
    sentences: list[Row]
    events: list[Row]
    actors: list[Row]
    quotes: list[Row]
    indicators: list[Row]


def _countries(actors: Sequence[Actor]) -> list[str]:
    seen: dict[str, None] = {}
    for actor in actors:
        if actor.country is not None:
            seen.setdefault(actor.country, None)
    return list(seen)


def _start(value: str | None, what: str) -> Any:
    try:
        return period_start(value)
    except ValueError as exc:
        raise StoreError(f"{what}: bad date: {exc}") from None


def event_row(article: Article, event: Event) -> Row:
    date_start = _start(event.date, f"event {event.event_id}")
    try:
        published = parse_day(event.published)
    except ValueError as exc:
        raise StoreError(f"event {event.event_id}: bad date: {exc}") from None
    return (
        event.event_id, article.content_hash, event.doc_id, event.sentence_id, event.text,
        event.char_span[0], event.char_span[1], event.trigger, event.event_type, event.mode,
        list(event.contexts), event.status, event.quad_class, event.intensity,
        event.cameo_root, event.goldstein, event.date, date_start, event.date_precision,
        event.date_text, event.date_basis, published, event.confidence, event.coder_version,
        _countries(event.source), _countries(event.target),
        json.dumps([a.to_dict() for a in event.source], ensure_ascii=False),
        json.dumps([a.to_dict() for a in event.target], ensure_ascii=False),
    )  # fmt: skip


def actor_rows(event: Event) -> Iterator[Row]:
    for side, actors in (("source", event.source), ("target", event.target)):
        for position, a in enumerate(actors):
            yield (event.event_id, side, position, a.name, a.country, a.sector, a.person,
                   a.role, a.basis)  # fmt: skip


def quote_row(article: Article, quote: Quote) -> Row:
    s = quote.speaker
    return (
        quote.quote_id, article.content_hash, quote.doc_id, quote.sentence_id,
        list(quote.sentence_ids or (quote.sentence_id,)), quote.quote, quote.char_span[0],
        quote.char_span[1], quote.direct, quote.cue,
        s.name if s else None, s.country if s else None, s.sector if s else None,
        s.person if s else None, s.role if s else None, quote.speaker_text, quote.speaker_basis,
        quote.date, _start(quote.date, f"quote {quote.quote_id}"), quote.date_basis,
        article.published, list(quote.flags), quote.coder_version,
    )  # fmt: skip


def indicator_row(article: Article, ind: Indicator) -> Row:
    return (
        ind.indicator_id, article.content_hash, ind.doc_id, ind.sentence_id, ind.text,
        ind.char_span[0], ind.char_span[1], ind.metric, ind.value, ind.unit, ind.qualifier,
        ind.period, _start(ind.period, f"indicator {ind.indicator_id}"), ind.period_basis,
        list(ind.countries), list(ind.flags), article.published, ind.coder_version,
    )  # fmt: skip


def _default_coder_version(events: Sequence[Event]) -> str | None:
    versions = {e.coder_version for e in events}
    return versions.pop() if len(versions) == 1 else None


def prepare(
    article: Article,
    sentences: Sequence[Sentence],
    events: Sequence[Event],
    coder_version: str | None,
    quotes: Sequence[Quote] = (),
    indicators: Sequence[Indicator] = (),
) -> DocumentRows:
    """Build every row of a document; ids must be unique within it."""
    for what, ids in (("sentence_id", [x.sentence_id for x in sentences]), ("event_id", [e.event_id for e in events]),
                      ("quote_id", [q.quote_id for q in quotes]),
                      ("indicator_id", [i.indicator_id for i in indicators])):
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise StoreError(f"could not store document {article.doc_id!r}: {what} {dup} occurs twice; "
                             "nothing was written")
    version = coder_version if coder_version is not None else _default_coder_version(events)
    document: Row = (
        article.content_hash, article.doc_id, article.title, article.url, article.published,
        article.published_basis, article.source_path, article.source_line, article.lang,
        article.text, len(sentences), len(events), utc_now(), version,
    )  # fmt: skip
    return DocumentRows(
        content_hash=article.content_hash,
        document=document,
        sentences=[
            (s.sentence_id, article.content_hash, s.doc_id, s.index, s.text, s.start, s.end)
            for s in sentences
        ],
        events=[event_row(article, e) for e in events],
        actors=[row for e in events for row in actor_rows(e)],
        quotes=[quote_row(article, q) for q in quotes],
        indicators=[indicator_row(article, i) for i in indicators],
    )
