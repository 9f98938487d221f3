"""Typed, frozen records passed between pipeline stages.

Every stage takes records and returns new records; nothing is mutated in place. A value that
could not be determined is ``None``, and a sibling ``*_basis`` field says where a value that
*was* determined came from.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import Any, Literal

DateBasis = Literal["explicit", "relative", "context", "publication"]
DatePrecision = Literal["day", "week", "month", "year", "decade"]
Status = Literal["asserted", "historical", "future", "hypothetical", "negated"]
ActorBasis = Literal["text", "title", "context", "coreference", "location"]
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


def acts_on(source: Collection[str], target: Collection[str], a: str, b: str) -> bool:
    """Whether an event with these source and target countries is an action of ``a`` on ``b``:
    ``a`` among the sources and ``b`` among the targets, or a joint action (no target, several
    source countries: "Japan and South Korea agreed …") that has both among its parties, which
    counts in both directions, as ICEWS codes a joint action once per direction."""
    if target:
        return a in source and b in target
    return a != b and a in source and b in source


SpeakerBasis = Literal["text", "title", "coreference", "context"]
PeriodBasis = Literal["explicit", "relative", "context", "publication"]


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: a direct or indirect quote and its speaker (docs/quotes.md).

    ``char_span`` is the quoted text's offsets in ``Article.text``; ``sentence_id`` is the
    sentence the quote starts in and ``sentence_ids`` every sentence it covers. ``speaker`` is
    ``None`` when no speaker was found (then ``"no_speaker"`` is in ``flags``);
    ``speaker_text`` is the speaker as written (a pronoun for a resolved "he said").
    ``flags`` name anything odd: ``unbalanced_quotes``, ``no_speaker``, ``no_cue``,
    ``partial_quote``, ``interrupted``, ``continued``, ``several_speakers`` (docs/quotes.md).
    """

    quote_id: str
    doc_id: str
    sentence_id: str
    quote: str
    char_span: tuple[int, int]
    direct: bool
    cue: str | None
    speaker: Actor | None
    speaker_text: str | None
    speaker_basis: SpeakerBasis | None
    date: str | None
    date_basis: DateBasis | None
    sentence_ids: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    coder_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        speaker = None
        if self.speaker is not None:
            s = self.speaker
            speaker = {"name": s.name, "country": s.country, "sector": s.sector,
                       "person": s.person, "role": s.role}
        return {
            "quote_id": self.quote_id,
            "doc_id": self.doc_id,
            "sentence_id": self.sentence_id,
            "sentence_ids": list(self.sentence_ids),
            "quote": self.quote,
            "char_span": list(self.char_span),
            "direct": self.direct,
            "cue": self.cue,
            "speaker": speaker,
            "speaker_text": self.speaker_text,
            "speaker_basis": self.speaker_basis,
            "date": self.date,
            "date_basis": self.date_basis,
            "flags": list(self.flags),
            "coder_version": self.coder_version,
        }


@dataclass(frozen=True, slots=True)
class Indicator:
    """A number the text reports: an amount, a count, a rate or a ratio (docs/indicators.md).

    ``value`` is in base units (70 billion is ``70000000000.0``; 3.5 percent is ``3.5`` with
    unit ``percent``; "350 times" is ``350.0`` with unit ``ratio``). ``unit`` is an ISO 4217
    currency code or one of ``people``, ``tonnes``, ``percent``, ``ratio``, ``count``… and
    ``None`` when the text gives none (then ``"no_unit"`` is in ``flags``). ``qualifier`` is
    ``more_than``, ``less_than``, ``about``, ``at_least``, ``up_to`` or ``None`` (exact).
    ``period`` is the time the figure describes (``YYYY``, ``YYYY-MM``…), resolved like event
    dates, with ``period_basis``. ``metric`` is a label from the documented vocabulary or
    ``None``. ``flags`` name anything odd: ``absurd_value``, ``no_unit``.
    """

    indicator_id: str
    doc_id: str
    sentence_id: str
    text: str
    char_span: tuple[int, int]
    metric: str | None
    value: float | None
    unit: str | None
    qualifier: str | None
    period: str | None
    period_basis: PeriodBasis | None
    countries: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    coder_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator_id": self.indicator_id,
            "doc_id": self.doc_id,
            "sentence_id": self.sentence_id,
            "text": self.text,
            "char_span": list(self.char_span),
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "period": self.period,
            "period_basis": self.period_basis,
            "countries": list(self.countries),
            "flags": list(self.flags),
            "coder_version": self.coder_version,
        }
