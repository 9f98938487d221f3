"""Hand-built records for tests: ``from tests.factories import make_document, make_event``.

Identifiers follow the coder's scheme in spirit: derived from the article's content hash, so
they are globally unique across documents.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Sequence
from typing import Any

from dyadwatch.records import Actor, Article, Event, Sentence

DEFAULT_TEXT = (
    "Japan accused South Korea of breaking the 1965 treaty. "
    "Seoul rejected the claim on Monday. "
    "Both sides will meet in August."
)

# Plausible (quad_class, intensity, cameo_root, goldstein) per PLOVER type.
_TYPE_DEFAULTS: dict[str, tuple[int, float, str, float]] = {
    "AGREE": (1, 3.0, "03", 4.0),
    "CONSULT": (1, 1.0, "04", 1.0),
    "SUPPORT": (1, 3.5, "05", 3.5),
    "CONCEDE": (2, 5.0, "08", 5.0),
    "COOPERATE": (2, 6.0, "06", 6.0),
    "AID": (2, 7.0, "07", 7.0),
    "RETREAT": (2, 5.0, "08", 5.0),
    "REQUEST": (1, -1.0, "02", 3.0),
    "ACCUSE": (3, -2.0, "11", -2.0),
    "REJECT": (3, -4.0, "12", -4.0),
    "THREATEN": (3, -6.0, "13", -6.0),
    "PROTEST": (3, -6.5, "14", -6.5),
    "SANCTION": (4, -8.0, "16", -5.6),
    "MOBILIZE": (4, -7.0, "15", -7.2),
    "COERCE": (4, -7.0, "17", -7.0),
    "ASSAULT": (4, -10.0, "18", -9.0),
}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_article(
    doc_id: str = "doc-1",
    text: str = DEFAULT_TEXT,
    *,
    published: _dt.date | None = _dt.date(2019, 7, 5),
    **fields: Any,
) -> Article:
    """An Article; ``content_hash`` is the SHA-256 of ``text`` unless given."""
    fields.setdefault("content_hash", content_hash(text))
    fields.setdefault("published_basis", "metadata" if published is not None else None)
    return Article(doc_id=doc_id, text=text, published=published, **fields)


def make_sentences(article: Article) -> list[Sentence]:
    """Split on sentence-final punctuation; ids ``<hash12>:s<index>``."""
    out: list[Sentence] = []
    for m in re.finditer(r"[^.!?]+[.!?]?", article.text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if not text:
            continue
        start = m.start() + lead
        out.append(
            Sentence(
                doc_id=article.doc_id,
                sentence_id=f"{article.content_hash[:12]}:s{len(out)}",
                index=len(out),
                text=text,
                start=start,
                end=start + len(text),
            )
        )
    return out


def make_actor(
    country: str | None = "JPN",
    *,
    name: str | None = None,
    sector: str | None = "GOV",
    person: str | None = None,
    role: str | None = None,
    basis: str = "text",
) -> Actor:
    return Actor(
        name=name or (country or "unknown"),
        country=country,
        sector=sector,
        person=person,
        role=role,
        basis=basis,  # type: ignore[arg-type]
    )


def _precision(date: str | None) -> str | None:
    if date is None:
        return None
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def _actors(value: str | Actor | Sequence[str | Actor] | None) -> tuple[Actor, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, Actor)):
        value = [value]
    return tuple(make_actor(v) if isinstance(v, str) else v for v in value)


def make_event(
    sentence: Sentence,
    *,
    n: int = 0,
    event_type: str = "ACCUSE",
    source: str | Actor | Sequence[str | Actor] | None = "JPN",
    target: str | Actor | Sequence[str | Actor] | None = "KOR",
    date: str | None = "2019-07-04",
    status: str = "asserted",
    published: str | None = "2019-07-05",
    **fields: Any,
) -> Event:
    """An Event in ``sentence``; id ``<sentence_id>:e<n>``. Other fields via keywords."""
    quad, intensity, cameo, goldstein = _TYPE_DEFAULTS[event_type]
    values: dict[str, Any] = {
        "event_id": f"{sentence.sentence_id}:e{n}",
        "doc_id": sentence.doc_id,
        "sentence_id": sentence.sentence_id,
        "text": sentence.text,
        "char_span": (0, len(sentence.text)),
        "trigger": sentence.text.split()[1] if len(sentence.text.split()) > 1 else sentence.text,
        "event_type": event_type,
        "mode": None,
        "contexts": (),
        "status": status,
        "quad_class": quad,
        "intensity": intensity,
        "cameo_root": cameo,
        "goldstein": goldstein,
        "source": _actors(source),
        "target": _actors(target),
        "date": date,
        "date_precision": _precision(date),
        "date_text": date,
        "date_basis": "explicit" if date is not None else "publication",
        "confidence": 0.8,
        "coder_version": "dyadwatch-coder/test",
        "published": published,
    }
    values.update(fields)
    return Event(**values)


def make_document(
    doc_id: str = "doc-1",
    text: str = DEFAULT_TEXT,
    *,
    published: _dt.date | None = _dt.date(2019, 7, 5),
    events: Sequence[dict[str, Any]] = ({},),
    article_fields: dict[str, Any] | None = None,
) -> tuple[Article, list[Sentence], list[Event]]:
    """An article, its sentences and one event per dict in ``events`` (keywords of
    :func:`make_event`, plus ``sentence``: the index of the sentence, default 0)."""
    article = make_article(doc_id, text, published=published, **(article_fields or {}))
    sentences = make_sentences(article)
    pub = published.isoformat() if published is not None else None
    out: list[Event] = []
    for n, spec in enumerate(events):
        spec = dict(spec)
        sentence = sentences[spec.pop("sentence", 0)]
        spec.setdefault("published", pub)
        out.append(make_event(sentence, n=n, **spec))
    return article, sentences, out
