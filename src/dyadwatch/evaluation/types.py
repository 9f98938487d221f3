"""Records shared by the evaluation loaders, the runner and the scorers."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event. Countries are ISO 3166 alpha-3 codes (``IGO`` for international
    bodies); ``None``/empty when the suite does not say. ``cameo`` is the original CAMEO code
    where the suite gives one; ``event_type`` is always a current PLOVER type (mapped)."""

    event_type: str | None
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    cameo: str | None = None
    mode: str | None = None
    original_label: str | None = None  # the suite's own label before mapping (e.g. "DEMAND")
    date: str | None = None  # the event's own date (YYYY[-MM[-DD]]) where the suite gives it


@dataclass(frozen=True, slots=True)
class Case:
    """One scored sentence or snippet."""

    suite: str
    case_id: str
    text: str
    events: tuple[GoldEvent, ...] = ()
    #: classification suites: the gold class (ConfliBERT pentaclass "0".."4", CASE mapped type)
    label: str | None = None
    date: _dt.date | None = None
    no_event: bool = False  # the suite says explicitly that nothing should be coded


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    description: str
    cases: tuple[Case, ...]
    #: classes / labels the suite has but we do not score, with the reason
    left_out: dict[str, str] = field(default_factory=dict)
    #: documented mapping notes shown in the report
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    event_type: str
    source: frozenset[str]
    target: frozenset[str]
    quad_class: int
    cameo_root: str
    mode: str | None = None
    confidence: float = 0.0
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    case_id: str
    events: tuple[PredictedEvent, ...]
