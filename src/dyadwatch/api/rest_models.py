"""Response shapes of the REST API, for the OpenAPI document (``/openapi.json``).

The endpoints return plain JSON built by :mod:`dyadwatch.api.rest_data`; these models describe
it (tests check real responses against them). Events follow the public event contract of
docs/events.md, quotes docs/quotes.md, indicators docs/indicators.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorOut(_Open):
    name: str
    country: str | None
    sector: str | None = None
    person: str | None = None
    role: str | None = None
    basis: str | None = None


class MentionOut(_Open):
    event_id: str
    doc_id: str
    sentence_id: str
    text: str
    published: str | None
    date: str | None
    reason: str | None = None


class EventOut(_Open):
    """One event (a happening, or one mention with ``mentions=true``)."""

    event_id: str
    doc_id: str
    sentence_id: str
    text: str = Field(description="The sentence the event was coded from.")
    event_type: str
    mode: str | None
    contexts: list[str]
    status: str
    quad_class: int
    intensity: float | None
    cameo_root: str | None
    goldstein: float | None
    source: list[ActorOut]
    target: list[ActorOut]
    source_countries: list[str]
    target_countries: list[str]
    date: str | None
    date_precision: str | None
    date_text: str | None
    date_basis: str | None
    published: str | None
    confidence: float | None
    coder_version: str | None
    trigger: str | None
    char_span: list[int | None]
    date_resolved: bool
    cluster_id: str
    n_mentions: int | None = None
    n_sources: int | None = None
    first_reported: str | None = None
    mentions: list[MentionOut] | None = None


class _Page(BaseModel):
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last.")


class EventPage(_Page):
    items: list[EventOut]


class DyadOut(BaseModel):
    dyad: str = Field(examples=["JPN-KOR"])
    a: str
    b: str
    n_events: int = Field(description="Happenings (event clusters) involving both countries.")
    n_mentions: int = Field(description="Coded mentions of those happenings.")
    n_ab: int = Field(description="Happenings with a among the sources and b among the targets.")
    n_ba: int
    n_undated: int
    first_date: str | None
    last_date: str | None
    suggested_by: str = Field(description="The series step that suits the dyad's date span.")


class DyadPage(_Page):
    items: list[DyadOut]


class SeriesOut(BaseModel):
    dyad: str
    by: str
    track: str | None
    dual_track: bool
    directed: bool
    date_field: str
    columns: list[str]
    coverage: dict[str, Any] = Field(description="Where every input event went (analysis docs).")
    rows: list[dict[str, Any]]


class AlertOut(_Open):
    a: str
    b: str
    by: str
    track: str | None
    metric: str
    period: str
    direction: str
    magnitude: float
    before: float
    after: float
    window_start: str
    window_end: str
    baseline_start: str
    baseline_end: str
    n_window: int
    n_baseline: int
    method: str
    params: dict[str, Any]
    event_ids: list[str]
    events: list[dict[str, Any]] = Field(description="The driving events, summarised.")


class AlertPage(_Page):
    items: list[AlertOut]


class QuotePage(_Page):
    items: list[dict[str, Any]]


class IndicatorPage(_Page):
    items: list[dict[str, Any]]


class DocumentOut(_Open):
    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    published_basis: str | None


class EventDetailOut(EventOut):
    sentence: str
    document: DocumentOut | None
    cluster: dict[str, Any]
    mentions: list[dict[str, Any]] | None = None  # type: ignore[assignment]
    tracks: list[str]


class HealthOut(BaseModel):
    status: str
    version: str
    database: str
    read_only: bool
    schema_version: int
    coder_version: str
    counts: dict[str, int]


class ErrorOut(BaseModel):
    detail: str
    code: str
    errors: list[dict[str, Any]] = []
