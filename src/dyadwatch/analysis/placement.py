"""Which events of a frame go into a dyad series, and in which period (docs/analysis.md).

An events frame (``Database.events()``) is filtered in this order, and every event left out is
counted in a :class:`Coverage`, never dropped silently:

1. **dyad**: both ``a`` and ``b`` among the event's countries (``source_countries`` ∪
   ``target_countries``, as the store's undirected dyad filter); ``directed=True``: ``a`` among
   the source countries and ``b`` among the target countries, or both parties of a joint
   action (no target);
2. **status**: ``negated`` and ``hypothetical`` events are left out (``exclude_status``);
3. **clusters**: with a ``cluster_id`` column, each cluster (one happening) counts once; by
   publication date, at its first report (``first_reported`` when the frame has it);
4. **track**: with ``track=...``, events not on that track (``tracks.assign_tracks``);
5. **date placement** (:func:`place_events`): events without a date are *undated*; events whose
   date is coarser than the series step are *coarse* (left out, or put in the first period of
   their span with ``coarse="first"``);
6. **range**: events placed outside ``start``/``end``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import pandas as pd

from ..errors import QueryError
from ..records import acts_on
from ..store.periods import parse_period
from ..store.queries import parse_dyad

By = Literal["day", "month", "year"]
DateField = Literal["event", "published"]
CoarsePolicy = Literal["exclude", "first"]

BY_VALUES: tuple[str, ...] = ("day", "month", "year")
#: Statuses left out of every series unless ``exclude_status`` says otherwise.
DEFAULT_EXCLUDED_STATUS: tuple[str, ...] = ("negated", "hypothetical")
#: Finest first; an event's date string is read at this precision.
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "decade")

REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_id", "event_type", "status", "quad_class", "intensity", "goldstein",
    "source_countries", "target_countries", "date",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many events of the input went where. ``placed`` events make up the series."""

    input: int = 0
    not_in_dyad: int = 0
    excluded_status: dict[str, int] = field(default_factory=dict)
    merged_in_cluster: int = 0
    not_in_track: int = 0
    undated: int = 0
    coarse_excluded: int = 0
    coarse_placed: int = 0
    out_of_range: int = 0
    placed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_by(by: str) -> None:
    if by not in BY_VALUES:
        raise QueryError(f"unknown period step {by!r}: expected one of {', '.join(BY_VALUES)}")


def check_columns(events: pd.DataFrame, columns: Collection[str]) -> None:
    missing = [c for c in columns if c not in events.columns]
    if missing:
        raise QueryError(f"the events frame lacks the column(s) {', '.join(missing)}")


def period_label(day: _dt.date, by: str) -> str:
    """``2019-08-02`` → ``'2019-08-02'`` (day), ``'2019-08'`` (month), ``'2019'`` (year)."""
    if by == "day":
        return day.isoformat()
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def period_first_day(day: _dt.date, by: str) -> _dt.date:
    if by == "day":
        return day
    if by == "month":
        return day.replace(day=1)
    return _dt.date(day.year, 1, 1)


def next_period(day: _dt.date, by: str) -> _dt.date:
    """The first day of the period after the one starting on ``day``."""
    if by == "day":
        return day + _dt.timedelta(days=1)
    if by == "month":
        return _dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return _dt.date(day.year + 1, 1, 1)


def period_range(first: _dt.date, last: _dt.date, by: str) -> list[_dt.date]:
    """First days of every period from the one holding ``first`` to the one holding ``last``."""
    out: list[_dt.date] = []
    day, end = period_first_day(first, by), period_first_day(last, by)
    while day <= end:
        out.append(day)
        day = next_period(day, by)
    return out


def date_span(value: Any, precision: Any, event_id: Any = None) -> tuple[_dt.date, _dt.date] | None:
    """First and last day an event's date can mean: ``('2019-07-22', 'week')`` → 22–28 July;
    ``('1990', 'decade')`` → 1990-01-01…1999-12-31. ``None`` for a missing date; a precision
    that is missing is read from the string (``YYYY`` year, ``YYYY-MM`` month, else day)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    text = value.isoformat()[:10] if isinstance(value, _dt.date) else str(value).strip()
    try:
        first, last = parse_period(text)
    except ValueError as exc:
        raise QueryError(f"event {event_id}: bad date: {exc}") from None
    if precision == "week":
        return first, first + _dt.timedelta(days=6)
    if precision == "decade":
        return first, _dt.date(first.year + 9, 12, 31)
    return first, last


def place_events(
    events: pd.DataFrame,
    *,
    by: By = "month",
    date_field: DateField = "event",
    coarse: CoarsePolicy = "exclude",
) -> pd.DataFrame:
    """A copy of ``events`` with ``period`` (label), ``period_start`` (``datetime.date``) and
    ``placement``: ``placed``, ``coarse_placed`` (coarser date put in the first period of its
    span, ``coarse="first"``), ``coarse`` (left out) or ``undated`` (``period`` ``None``).

    ``date_field="event"`` places by the event's own date (``date``, ``date_precision``): an
    event is placed when its whole date span lies in one period (a week inside one month goes
    to that month; a year-precision event is coarse in a monthly series). ``"published"``
    places by the publication date (``published``), always at day precision.
    """
    check_by(by)
    if date_field not in ("event", "published"):
        raise QueryError(f"unknown date field {date_field!r}: expected 'event' or 'published'")
    if coarse not in ("exclude", "first"):
        raise QueryError(f"unknown coarse-date policy {coarse!r}: expected 'exclude' or 'first'")
    column = "date" if date_field == "event" else "published"
    check_columns(events, ("event_id", column))
    precisions = (
        events["date_precision"]
        if date_field == "event" and "date_precision" in events.columns
        else pd.Series([None] * len(events), index=events.index, dtype=object)
    )
    labels: list[str | None] = []
    starts: list[_dt.date | None] = []
    placements: list[str] = []
    for eid, value, precision in zip(events["event_id"], events[column], precisions, strict=True):
        span = date_span(value, precision if date_field == "event" else "day", eid)
        if span is None:
            labels.append(None), starts.append(None), placements.append("undated")
            continue
        first = period_first_day(span[0], by)
        fits = first == period_first_day(span[1], by)
        if not fits and coarse == "exclude":
            labels.append(None), starts.append(None), placements.append("coarse")
            continue
        labels.append(period_label(first, by))
        starts.append(first)
        placements.append("placed" if fits else "coarse_placed")
    out = events.copy()
    out["period"] = pd.Series(labels, index=events.index, dtype=object)
    out["period_start"] = pd.Series(starts, index=events.index, dtype=object)
    out["placement"] = pd.Series(placements, index=events.index, dtype=object)
    return out


def _countries(value: Any) -> frozenset[str]:
    if value is None or isinstance(value, (str, float)):
        return frozenset([value]) if isinstance(value, str) else frozenset()
    return frozenset(str(v) for v in value)


def direction_flags(events: pd.DataFrame, a: str, b: str) -> tuple[pd.Series, pd.Series]:
    """Per event: ``a`` → ``b`` (a among sources, b among targets) and ``b`` → ``a``; a joint
    action of both (no target) counts both ways (:func:`dyadwatch.records.acts_on`)."""
    src = [_countries(v) for v in events["source_countries"]]
    tgt = [_countries(v) for v in events["target_countries"]]
    ab = pd.Series([acts_on(s, t, a, b) for s, t in zip(src, tgt)], index=events.index, dtype=bool)
    ba = pd.Series([acts_on(s, t, b, a) for s, t in zip(src, tgt)], index=events.index, dtype=bool)
    return ab, ba


def dyad_codes(a: str, b: str) -> tuple[str, str]:
    """Validated, upper-cased actor codes (``QueryError`` if malformed)."""
    if not isinstance(a, str) or not isinstance(b, str):
        raise QueryError(f"bad dyad sides {a!r}, {b!r}: expected actor codes such as 'JPN'")
    return parse_dyad(f"{a}-{b}")


def one_per_cluster(events: pd.DataFrame, date_field: DateField) -> pd.DataFrame:
    """One row per ``cluster_id`` (rows with no cluster id stay as they are).

    The representative is the member whose ``event_id`` is the cluster id (the store's first
    mention) when present, else the finest-dated member (then highest ``confidence``, then
    smallest ``event_id``). With ``date_field="published"`` it takes the earliest publication
    date among the members present (the happening's first report).
    """
    if "cluster_id" not in events.columns or events.empty:
        return events
    cid = events["cluster_id"]
    has = cid.notna()
    if not has.any():
        return events
    frame = events[has].copy()
    rank = (
        frame["date_precision"].map(
            lambda p: PRECISIONS.index(p) if p in PRECISIONS else len(PRECISIONS)
        )
        if "date_precision" in frame.columns
        else pd.Series(0, index=frame.index)
    )
    rank = rank.where(frame["date"].notna(), len(PRECISIONS) + 1)
    conf = frame["confidence"].fillna(0.0) if "confidence" in frame.columns else 0.0
    frame = frame.assign(
        _own=(frame["event_id"] != frame["cluster_id"]).astype(int), _rank=rank, _conf=-conf
    ).sort_values(["cluster_id", "_own", "_rank", "_conf", "event_id"], kind="stable")
    reps = frame.drop_duplicates("cluster_id", keep="first")
    keep = events.index.isin(reps.index) | ~has.to_numpy()
    out = events[keep].copy()
    if date_field == "published" and "published" in frame.columns:
        first: dict[Any, str] = {}
        for c, p in zip(frame["cluster_id"], frame["published"], strict=True):
            if p is not None and not (isinstance(p, float) and pd.isna(p)):
                day = p.isoformat() if isinstance(p, _dt.date) else str(p)[:10]
                first[c] = min(first.get(c, day), day)
        mask = out.index.isin(reps.index)
        out.loc[mask, "published"] = [first.get(c) for c in out.loc[mask, "cluster_id"]]
    return out


def _bound(value: str, what: str) -> tuple[_dt.date, _dt.date]:
    try:
        return parse_period(value)
    except ValueError as exc:
        raise QueryError(f"bad {what} date: {exc}") from None


def _status_counts(statuses: pd.Series) -> dict[str, int]:
    return {str(k): int(v) for k, v in statuses.value_counts(dropna=False).sort_index().items()}


def select_events(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    by: By = "month",
    directed: bool = False,
    track: str | None = None,
    date_field: DateField = "event",
    start: str | None = None,
    end: str | None = None,
    exclude_status: Collection[str] = DEFAULT_EXCLUDED_STATUS,
    coarse: CoarsePolicy = "exclude",
) -> tuple[pd.DataFrame, Coverage]:
    """The events that make up the ``a``–``b`` series, with where each goes, and the
    :class:`Coverage` of the input (steps in the module docstring).

    The frame keeps the input columns (index reset) and adds ``period``, ``period_start``,
    ``placement``, ``a_to_b``, ``b_to_a`` (directed flags), ``weight`` (``|intensity|``) and
    ``tracks`` (computed with :func:`~dyadwatch.analysis.tracks.assign_tracks` unless the
    frame has it). ``start``/``end`` (``YYYY[-MM[-DD]]``) keep the periods that overlap them.
    """
    from .tracks import (  # tracks is independent of this module
        assign_tracks,
        check_track,
    )

    a, b = dyad_codes(a, b)
    check_by(by)
    if track is not None:
        check_track(track)
    check_columns(events, REQUIRED_COLUMNS)
    first = _bound(start, "start")[0] if start is not None else None
    last = _bound(end, "end")[1] if end is not None else None
    if first is not None and last is not None and first > last:
        raise QueryError(f"start ({start}) is after end ({end})")
    frame = events.reset_index(drop=True)
    n_input = len(frame)
    ab, ba = direction_flags(frame, a, b)
    if directed:
        in_dyad = ab
    else:
        both = [
            a in (s | t) and b in (s | t)
            for s, t in zip(
                frame["source_countries"].map(_countries), frame["target_countries"].map(_countries)
            )
        ]
        in_dyad = pd.Series(both, index=frame.index, dtype=bool)
    frame = frame.assign(a_to_b=ab, b_to_a=ba)[in_dyad]
    not_in_dyad = n_input - len(frame)
    dropped = frame["status"].isin(list(exclude_status))
    excluded_status = _status_counts(frame.loc[dropped, "status"])
    frame = frame[~dropped]
    if date_field == "published" and "first_reported" in frame.columns:
        # a store frame of happenings: count each at its first report (GDELT's DATEADDED)
        reported = frame["first_reported"]
        frame = frame.assign(published=reported.where(reported.notna(), frame["published"]))
    n_before = len(frame)
    frame = one_per_cluster(frame, date_field)
    merged = n_before - len(frame)
    if "tracks" not in frame.columns:
        frame = assign_tracks(frame, a=a, b=b)
    n_before = len(frame)
    if track is not None:
        frame = frame[frame["tracks"].map(lambda ts: track in (ts if ts is not None else ()))]
    not_in_track = n_before - len(frame)
    frame = place_events(frame, by=by, date_field=date_field, coarse=coarse)
    kinds = frame["placement"].value_counts()
    frame = frame[frame["placement"].isin(["placed", "coarse_placed"])]
    in_range = pd.Series(True, index=frame.index, dtype=bool)
    if first is not None:
        in_range &= frame["period_start"].map(lambda d: d >= period_first_day(first, by))
    if last is not None:
        in_range &= frame["period_start"].map(lambda d: d <= last)
    out_of_range = int((~in_range).sum())
    frame = frame[in_range].reset_index(drop=True)
    frame["weight"] = frame["intensity"].abs()
    coverage = Coverage(
        input=n_input,
        not_in_dyad=not_in_dyad,
        excluded_status=excluded_status,
        merged_in_cluster=merged,
        not_in_track=not_in_track,
        undated=int(kinds.get("undated", 0)),
        coarse_excluded=int(kinds.get("coarse", 0)),
        coarse_placed=int(kinds.get("coarse_placed", 0)),
        out_of_range=out_of_range,
        placed=len(frame),
    )
    return frame, coverage
