"""Dyad series: one row per day, month or year of what two countries did to each other.

Columns (formulas in docs/analysis.md):

- ``period`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), ``period_start`` (Timestamp);
- ``n_events``; per quad class ``n_verbal_coop`` (1), ``n_material_coop`` (2),
  ``n_verbal_conflict`` (3), ``n_material_conflict`` (4); ``n_coop`` (1+2), ``n_conflict``
  (3+4); per PLOVER type ``n_AGREE`` … ``n_ASSAULT``;
- ``intensity_sum``/``intensity_mean`` (PLOVER score), ``goldstein_sum``/``goldstein_mean``;
- ``coop_weight`` = Σ|intensity| of quad 1–2 events, ``conflict_weight`` = Σ|intensity| of
  quad 3–4 events, ``net_coop`` = (coop_weight − conflict_weight) / (coop_weight +
  conflict_weight) in [−1, 1] (NaN when both are 0), ``net_coop_unweighted`` the same on counts;
- the directed variants ``*_ab`` (``a`` → ``b``) and ``*_ba`` (``b`` → ``a``): ``n_events``,
  ``n_coop``, ``n_conflict``, ``intensity_sum``, ``goldstein_sum``, ``coop_weight``,
  ``conflict_weight``, ``net_coop``;
- ``n_coarse`` (events of a coarser date put here by ``coarse="first"``) and ``event_ids``.

Every period between the first and the last (or ``start``/``end``) is present, empty ones with
zero counts and NaN means. ``frame.attrs["coverage"]`` says where every input event went
(:class:`~dyadwatch.analysis.placement.Coverage`), ``frame.attrs["params"]`` the arguments.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..coding.ontology import PLOVER_TYPES
from .placement import (
    DEFAULT_EXCLUDED_STATUS,
    By,
    CoarsePolicy,
    Coverage,
    DateField,
    _bound,
    period_first_day,
    period_label,
    period_range,
    select_events,
)
from .tracks import TRACKS

QUAD_COLUMNS: dict[int, str] = {
    1: "n_verbal_coop", 2: "n_material_coop", 3: "n_verbal_conflict", 4: "n_material_conflict",
}  # fmt: skip
TYPE_COLUMNS: dict[str, str] = {t: f"n_{t}" for t in PLOVER_TYPES}
_DIRECTED = (
    "n_events", "n_coop", "n_conflict", "intensity_sum", "goldstein_sum", "coop_weight",
    "conflict_weight", "net_coop",
)  # fmt: skip
#: Every column of a series, in order.
SERIES_COLUMNS: tuple[str, ...] = (
    "period", "period_start", "n_events", *QUAD_COLUMNS.values(), "n_coop", "n_conflict",
    *TYPE_COLUMNS.values(), "intensity_sum", "intensity_mean", "goldstein_sum",
    "goldstein_mean", "coop_weight", "conflict_weight", "net_coop", "net_coop_unweighted",
    *(f"{c}_ab" for c in _DIRECTED), *(f"{c}_ba" for c in _DIRECTED), "n_coarse", "event_ids",
)  # fmt: skip
#: The views of :func:`dual_track`, in order.
DUAL_TRACK_VIEWS: tuple[str, ...] = ("all", "history", "non_history") + TRACKS[1:]


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def aggregate(frame: pd.DataFrame, periods: Sequence[_dt.date], by: str) -> pd.DataFrame:
    """The series of placed events (:func:`select_events` output) over ``periods`` (first
    days, in order; events outside them are ignored)."""
    index = pd.Index(list(periods), dtype=object)
    grouped = frame.groupby("period_start", sort=False) if len(frame) else None

    def total(values: pd.Series | np.ndarray) -> np.ndarray:
        if grouped is None:
            return np.zeros(len(index))
        s = pd.Series(np.asarray(values, dtype=float), index=frame.index)
        return s.groupby(frame["period_start"]).sum().reindex(index, fill_value=0.0).to_numpy()

    quad = frame["quad_class"].to_numpy() if len(frame) else np.array([], dtype=int)
    coop = (quad == 1) | (quad == 2)
    conflict = (quad == 3) | (quad == 4)
    weight = frame["weight"].to_numpy(dtype=float) if len(frame) else np.array([])
    cols: dict[str, Any] = {
        "period": [period_label(p, by) for p in periods],
        "period_start": pd.to_datetime(pd.Series(list(periods), dtype=object)),
    }
    ones = np.ones(len(frame))
    n = total(ones)
    cols["n_events"] = n
    for q, name in QUAD_COLUMNS.items():
        cols[name] = total(quad == q)
    cols["n_coop"], cols["n_conflict"] = total(coop), total(conflict)
    types = frame["event_type"].to_numpy() if len(frame) else np.array([], dtype=object)
    for t, name in TYPE_COLUMNS.items():
        cols[name] = total(types == t)
    intensity = frame["intensity"].to_numpy(dtype=float) if len(frame) else np.array([])
    goldstein = frame["goldstein"].to_numpy(dtype=float) if len(frame) else np.array([])
    cols["intensity_sum"] = total(np.nan_to_num(intensity))
    cols["intensity_mean"] = _ratio(cols["intensity_sum"], total(~np.isnan(intensity)))
    cols["goldstein_sum"] = total(np.nan_to_num(goldstein))
    cols["goldstein_mean"] = _ratio(cols["goldstein_sum"], total(~np.isnan(goldstein)))
    cw, fw = total(np.nan_to_num(weight) * coop), total(np.nan_to_num(weight) * conflict)
    cols["coop_weight"], cols["conflict_weight"] = cw, fw
    cols["net_coop"] = _ratio(cw - fw, cw + fw)
    cols["net_coop_unweighted"] = _ratio(
        cols["n_coop"] - cols["n_conflict"], cols["n_coop"] + cols["n_conflict"]
    )
    for suffix, flag in (("ab", "a_to_b"), ("ba", "b_to_a")):
        m = frame[flag].to_numpy(dtype=bool) if len(frame) else np.array([], dtype=bool)
        dcw, dfw = (
            total(np.nan_to_num(weight) * coop * m),
            total(np.nan_to_num(weight) * conflict * m),
        )
        cols[f"n_events_{suffix}"] = total(m)
        cols[f"n_coop_{suffix}"] = total(coop & m)
        cols[f"n_conflict_{suffix}"] = total(conflict & m)
        cols[f"intensity_sum_{suffix}"] = total(np.nan_to_num(intensity) * m)
        cols[f"goldstein_sum_{suffix}"] = total(np.nan_to_num(goldstein) * m)
        cols[f"coop_weight_{suffix}"], cols[f"conflict_weight_{suffix}"] = dcw, dfw
        cols[f"net_coop_{suffix}"] = _ratio(dcw - dfw, dcw + dfw)
    placement = frame["placement"].to_numpy() if len(frame) else np.array([], dtype=object)
    cols["n_coarse"] = total(placement == "coarse_placed")
    ids: dict[_dt.date, list[str]] = {}
    if len(frame):
        for p, eid in zip(frame["period_start"], frame["event_id"], strict=True):
            ids.setdefault(p, []).append(str(eid))
    cols["event_ids"] = pd.Series([ids.get(p, []) for p in periods], dtype=object)
    out = pd.DataFrame(
        {k: (v if isinstance(v, pd.Series) else pd.Series(v)) for k, v in cols.items()}
    )
    for c in SERIES_COLUMNS:
        if c.startswith("n_"):
            out[c] = out[c].astype("int64")
    return out[list(SERIES_COLUMNS)]


def series_periods(
    frame: pd.DataFrame, by: str, start: str | None = None, end: str | None = None
) -> list[_dt.date]:
    """First days of every period from ``start`` (else the first event) to ``end`` (else the
    last event); empty when there is neither an event nor both bounds."""
    placed = [p for p in frame["period_start"] if p is not None] if len(frame) else []
    first = (
        period_first_day(_bound(start, "start")[0], by)
        if start is not None
        else (min(placed) if placed else None)
    )
    last = _bound(end, "end")[1] if end is not None else (max(placed) if placed else None)
    if first is None or last is None:
        return []
    return period_range(first, last, by)


def _with_meta(out: pd.DataFrame, coverage: Coverage, params: dict[str, Any]) -> pd.DataFrame:
    out.attrs["coverage"] = coverage.to_dict()
    out.attrs["params"] = params
    return out


def dyad_series(
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
) -> pd.DataFrame:
    """The ``a``–``b`` series per ``by`` (columns: module docstring, :data:`SERIES_COLUMNS`).

    ``directed=True`` keeps only ``a`` → ``b`` events; ``track`` one track's events;
    ``date_field="published"`` places events by publication date instead of their own date;
    ``coarse="first"`` puts events dated more coarsely than ``by`` in the first period of their
    span instead of leaving them out. Raises :class:`~dyadwatch.errors.QueryError` for a bad
    argument or a frame without the needed columns.

    >>> dyad_series(db.events("JPN-KOR"), "JPN", "KOR", by="year")  # doctest: +SKIP
    """
    frame, coverage = select_events(
        events,
        a,
        b,
        by=by,
        directed=directed,
        track=track,
        date_field=date_field,
        start=start,
        end=end,
        exclude_status=exclude_status,
        coarse=coarse,
    )
    out = aggregate(frame, series_periods(frame, by, start, end), by)
    params = {
        "a": a.upper(),
        "b": b.upper(),
        "by": by,
        "directed": directed,
        "track": track,
        "date_field": date_field,
        "start": start,
        "end": end,
        "exclude_status": sorted(exclude_status),
        "coarse": coarse,
    }
    return _with_meta(out, coverage, params)


def dual_track(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    by: By = "month",
    directed: bool = False,
    date_field: DateField = "event",
    start: str | None = None,
    end: str | None = None,
    exclude_status: Collection[str] = DEFAULT_EXCLUDED_STATUS,
    coarse: CoarsePolicy = "exclude",
) -> pd.DataFrame:
    """The history track beside the others: one series per view of :data:`DUAL_TRACK_VIEWS`
    (``all``; ``history``; ``non_history``, every event not on the history track, untracked
    ones included; then ``security`` … ``domestic``), stacked, with a ``track`` column first.
    All views share the same periods. An event on several tracks counts in each of them."""
    frame, coverage = select_events(
        events,
        a,
        b,
        by=by,
        directed=directed,
        date_field=date_field,
        start=start,
        end=end,
        exclude_status=exclude_status,
        coarse=coarse,
    )
    periods = series_periods(frame, by, start, end)
    tracks = frame["tracks"].map(lambda ts: tuple(ts) if ts is not None else ())
    parts = []
    for view in DUAL_TRACK_VIEWS:
        if view == "all":
            subset = frame
        elif view == "non_history":
            subset = frame[~tracks.map(lambda ts: "history" in ts)]
        else:
            subset = frame[tracks.map(lambda ts, v=view: v in ts)]
        part = aggregate(subset, periods, by)
        part.insert(0, "track", view)
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    params = {
        "a": a.upper(),
        "b": b.upper(),
        "by": by,
        "directed": directed,
        "date_field": date_field,
        "start": start,
        "end": end,
        "exclude_status": sorted(exclude_status),
        "coarse": coarse,
    }
    return _with_meta(out, coverage, params)
