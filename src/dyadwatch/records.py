"""Typed, frozen records passed between pipeline stages.

Every stage takes records and returns new records; nothing is mutated in place. A value that
could not be determined is ``None``, and a sibling ``*_basis`` field says where a value that
*was* determined came from.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass
from typing import Any, Literal

DateBasis = Literal["explicit", "relative", "context", "publication"]
DatePrecision = Literal["day", "week", "month", "year", "decade"]
Status = Literal["asserted", "historical", "future", "hypothetical", "negated"]
ActorBasis = Literal["text", "title", "context", "coreference"]
PublishedBasis = Literal["metadata", "dateline", "override"]


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, as read by an ingest reader."""

    doc_id: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    published_basis: PublishedBasis | None = None
    source_path: str | None = None
    source_line: int | None = None
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article; ``start``/``end`` are character offsets in ``Article.text``."""

    doc_id: str
    sentence_id: str
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression found in text, resolved where possible.

    ``date`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (for ``week`` precision: the Monday of
    the week; for ``decade``: the first year). ``date`` is ``None`` when the expression is
    relative and no reference date was known (unresolved, never guessed).
    """

    start: int
    end: int
    text: str
    date: str | None
    precision: DatePrecision | None
    basis: DateBasis


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: a country, a body of a country, or a person.

    ``country`` is an ISO 3166 alpha-3 code (or ``IGO`` style code for international bodies),
    ``sector`` a CAMEO/PLOVER sector code (GOV, MIL, JUD, LEG, PTY, OPP, BUS, CVL, MED, IGO…),
    ``person`` the canonical name of a person. ``role`` is the office a person held at the time
    (``head_of_state``, ``prime_minister``, ``foreign_minister``…). ``basis`` says how the actor
    was found: written in the text, through a title and term of office, or from context.
    """

    name: str
    country: str | None
    sector: str | None = None
    person: str | None = None
    role: str | None = None
    basis: ActorBasis = "text"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in a sentence: character span within the sentence and its resolution."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]
    token_start: int = -1
    token_end: int = -1


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event. ``to_dict`` gives the public JSON contract (docs/events.md)."""

    event_id: str
    doc_id: str
    sentence_id: str
    text: str
    char_span: tuple[int, int]
    trigger: str
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    status: Status
    quad_class: int
    intensity: float
    cameo_root: str
    goldstein: float
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    date: str | None
    date_precision: DatePrecision | None
    date_text: str | None
    date_basis: DateBasis
    confidence: float
    coder_version: str
    published: str | None = None

    @property
    def date_resolved(self) -> bool:
        return self.date is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_id": self.sentence_id,
            "text": self.text,
            "char_span": list(self.char_span),
            "trigger": self.trigger,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "status": self.status,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_basis": self.date_basis,
            "date_resolved": self.date_resolved,
            "published": self.published,
            "confidence": self.confidence,
            "coder_version": self.coder_version,
        }
