"""Query parameters of the REST API (:mod:`dyadwatch.api.rest_routes`): types, ranges and
the descriptions the OpenAPI document shows. FastAPI answers a value that does not fit with a
422; codes, dates and types are checked further by the store and the analysis library."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

#: Largest offset (and count threshold) accepted: larger values could not be bound by DuckDB.
MAX_OFFSET = 1_000_000_000

_DYAD = "Two actor codes joined by '-', e.g. JPN-KOR (case-insensitive)."
_PERIOD = "YYYY, YYYY-MM or YYYY-MM-DD."
DyadOpt = Annotated[str | None, Query(description=_DYAD, max_length=40)]
DyadReq = Annotated[str, Query(description=_DYAD, max_length=40)]
Directed = Annotated[
    bool, Query(description="With a dyad A-B: A among the sources, B among the targets.")
]
Country = Annotated[
    str | None, Query(description="An actor code on either side, e.g. JPN.", max_length=16)
]
Since = Annotated[
    str | None, Query(description=f"From the first day of this period: {_PERIOD}", max_length=10)
]
Until = Annotated[
    str | None, Query(description=f"To the last day of this period: {_PERIOD}", max_length=10)
]
Types = Annotated[list[str] | None, Query(description="PLOVER event type(s); repeat or comma-separate.")]
Statuses = Annotated[
    list[str] | None, Query(description="asserted, historical, future, hypothetical, negated.")
]
Mentions = Annotated[bool, Query(description="One row per coded mention instead of one per happening.")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size (at most 1000).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
By = Annotated[Literal["day", "month", "year"], Query(description="Series step.")]
DateField = Annotated[
    Literal["event", "published"],
    Query(description="Place events by their own date (event) or by publication date (the GDELT way)."),
]
Track = Annotated[
    str | None,
    Query(description="history, security, economy, people, multilateral or domestic.", max_length=20),
]

Coarse = Annotated[
    Literal["exclude", "first"],
    Query(description="Events dated more coarsely than the step: leave out, or put in the first "
                      "period of their span."),
]  # fmt: skip
DualTrack = Annotated[
    bool, Query(description="One series per view (all, history, non_history, then each track).")
]
Fields = Annotated[
    str | None,
    Query(description="Comma-separated columns (period and period_start always).", max_length=2000),
]
NonEmpty = Annotated[bool, Query(description="Only periods with at least one event.")]
Window = Annotated[int | None, Query(ge=1, le=1000, description="Periods in the window (default 1).")]
Baseline = Annotated[
    int | None, Query(ge=1, le=1000, description="Periods in the baseline (default 6).")
]
MinEvents = Annotated[
    int | None, Query(ge=1, le=MAX_OFFSET, description="Events needed on each side (default 3).")
]
IndexThreshold = Annotated[
    float | None, Query(gt=0, le=2, description="Net-cooperation shift that alerts (default 0.5).")
]
ZThreshold = Annotated[
    float | None, Query(gt=0, le=1000, description="Conflict-surge z score that alerts (default 3).")
]
MaxEvents = Annotated[
    int | None, Query(ge=1, le=100, description="Driving events named per alert (default 5).")
]
Speaker = Annotated[
    str | None, Query(description="Part of the speaker's name, e.g. Lee.", max_length=200)
]
SpeakerCountry = Annotated[
    list[str] | None, Query(description="The speaker's country; repeat for any of several.")
]
DyadMin = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="Keep dyads with at least this many happenings.")
]
Metric = Annotated[str | None, Query(description='e.g. "bilateral trade".', max_length=200)]
TrackDyad = Annotated[
    str | None, Query(description="Dyad for the third-country track rules.", max_length=40)
]
