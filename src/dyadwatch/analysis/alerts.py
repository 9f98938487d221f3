"""Shift alerts: where a dyad's series turns, and the events that turn it (docs/analysis.md).

Method ``two-window`` (no model, no fitting): for every period *t* of the series, the **window**
is the ``window`` periods ending at *t* and the **baseline** the ``baseline`` periods before the
window. Two tests:

- ``net_coop``: the net cooperation index of the window (computed from the window's summed
  weights, not averaged over periods) minus that of the baseline. When the baseline holds fewer
  than ``min_events`` events it is extended further back, period by period, until it does (at
  most ``max_baseline`` periods; ``None``: back to the start of the series), so that a sparse
  dyad is compared with its last known state. Alert when both sides hold ``min_events`` events
  and ``|shift| >= index_threshold``; direction = the sign of the shift.
- ``conflict_count``: conflict events (quad classes 3–4) in the window, S, against the baseline
  rate λ = max(mean conflict events per baseline period, ``rate_floor``); z = (S − wλ)/√(wλ),
  a Poisson surge score. Alert when S ≥ ``min_events`` and z ≥ ``z_threshold`` (surges only: a
  drop in counts is more often a drop in coverage than in conflict). Needs the whole
  (unextended) baseline inside the series.

Overlapping alerts of the same test and direction are merged: the strongest is kept. Each alert
names the ``max_events`` events of its window that drive it: toward conflict, the window's
conflict events; toward cooperation, its cooperation events; largest |intensity| first.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..errors import QueryError
from .placement import (
    DEFAULT_EXCLUDED_STATUS,
    By,
    CoarsePolicy,
    DateField,
    select_events,
)
from .series import aggregate, series_periods

Metric = Literal["net_coop", "conflict_count"]
Direction = Literal["conflict", "cooperation"]
METHOD = "two-window"


@dataclass(frozen=True, slots=True)
class AlertParams:
    """The parameters of the ``two-window`` method (module docstring)."""

    window: int = 1
    baseline: int = 6
    max_baseline: int | None = None
    min_events: int = 3
    index_threshold: float = 0.5
    z_threshold: float = 3.0
    rate_floor: float = 0.25
    max_events: int = 5

    def __post_init__(self) -> None:
        for name in ("window", "baseline", "min_events", "max_events"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise QueryError(f"bad alert parameter {name}={value!r}: expected an integer >= 1")
        if self.max_baseline is not None and self.max_baseline < self.baseline:
            raise QueryError("bad alert parameter max_baseline: must be >= baseline")
        for name in ("index_threshold", "z_threshold", "rate_floor"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not value > 0:
                raise QueryError(f"bad alert parameter {name}={value!r}: expected a number > 0")

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class Alert:
    """One shift. ``period`` is the last period of the window (when the shift shows);
    ``magnitude`` is the index shift (``net_coop``, in [−2, 2]) or the z score
    (``conflict_count``); ``before``/``after`` the baseline and window values (index, or
    conflict events per period); ``event_ids`` the events that drive it."""

    a: str
    b: str
    by: str
    track: str | None
    metric: Metric
    period: str
    direction: Direction
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
    params: tuple[tuple[str, Any], ...]
    event_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        out["params"] = dict(self.params)
        out["event_ids"] = list(self.event_ids)
        return out

    def describe(self) -> str:
        """One line: ``JPN-KOR 2019-08: toward conflict, conflict_count 0.33 → 6.00 …``."""
        what = "net cooperation" if self.metric == "net_coop" else "conflict events/period"
        track = f" [{self.track}]" if self.track else ""
        return (
            f"{self.a}-{self.b}{track} {self.period}: toward {self.direction}, {what} "
            f"{self.before:+.2f} → {self.after:+.2f} (magnitude {self.magnitude:+.2f}; "
            f"window {self.window_start}..{self.window_end}, baseline {self.baseline_start}.."
            f"{self.baseline_end}; {len(self.event_ids)} driving events)"
        )


def _drivers(frame: pd.DataFrame, starts: list[Any], direction: str, limit: int) -> tuple[str, ...]:
    if frame.empty:
        return ()
    quads = (3, 4) if direction == "conflict" else (1, 2)
    sel = frame[frame["period_start"].isin(starts) & frame["quad_class"].isin(quads)]
    sel = sel.assign(_w=-sel["weight"].fillna(0.0)).sort_values(["_w", "event_id"], kind="stable")
    return tuple(str(e) for e in sel["event_id"].head(limit))


def _index(coop: float, conflict: float) -> float:
    return (coop - conflict) / (coop + conflict) if coop + conflict > 0 else math.nan


def shift_alerts(
    events: pd.DataFrame,
    a: str,
    b: str,
    *,
    by: By = "month",
    track: str | None = None,
    directed: bool = False,
    date_field: DateField = "event",
    start: str | None = None,
    end: str | None = None,
    exclude_status: Collection[str] = DEFAULT_EXCLUDED_STATUS,
    coarse: CoarsePolicy = "exclude",
    **params: Any,
) -> list[Alert]:
    """Shift alerts on the ``a``–``b`` series (``by``, ``track``, ``directed``, ``date_field``,
    ``start``/``end`` as :func:`~dyadwatch.analysis.series.dyad_series`), in period order. ``params`` are the
    fields of :class:`AlertParams` (``window=1, baseline=6, min_events=3, ...``)."""
    unknown = sorted(set(params) - set(AlertParams.__dataclass_fields__))
    if unknown:
        raise QueryError(
            f"unknown alert parameter(s) {', '.join(unknown)}: expected "
            f"{', '.join(AlertParams.__dataclass_fields__)}"
        )
    p = AlertParams(**params)
    frame, _ = select_events(
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
    periods = series_periods(frame, by, start, end)
    series = aggregate(frame, periods, by)
    n = series["n_events"].to_numpy(dtype=float)
    cw = series["coop_weight"].to_numpy(dtype=float)
    fw = series["conflict_weight"].to_numpy(dtype=float)
    nc = series["n_conflict"].to_numpy(dtype=float)
    cum = {
        k: np.concatenate([[0.0], np.cumsum(v)])
        for k, v in (("n", n), ("cw", cw), ("fw", fw), ("nc", nc))
    }

    def span(key: str, lo: int, hi: int) -> float:  # sum over periods lo..hi-1
        return float(cum[key][hi] - cum[key][lo])

    labels = series["period"].tolist()
    frozen_params = tuple(sorted(p.to_dict().items()))
    candidates: list[tuple[float, int, int, Alert]] = []

    def alert(
        metric: Metric,
        t: int,
        ws: int,
        bs: int,
        direction: Direction,
        mag: float,
        before: float,
        after: float,
        nb: int,
    ) -> None:
        ids = _drivers(frame, periods[ws : t + 1], direction, p.max_events)
        candidates.append(
            (
                abs(mag),
                ws,
                t,
                Alert(
                    a=a.upper(),
                    b=b.upper(),
                    by=by,
                    track=track,
                    metric=metric,
                    period=labels[t],
                    direction=direction,
                    magnitude=round(mag, 6),
                    before=round(before, 6),
                    after=round(after, 6),
                    window_start=labels[ws],
                    window_end=labels[t],
                    baseline_start=labels[bs],
                    baseline_end=labels[ws - 1],
                    n_window=int(span("n", ws, t + 1)),
                    n_baseline=nb,
                    method=METHOD,
                    params=frozen_params,
                    event_ids=ids,
                ),
            )
        )

    for t in range(len(periods)):
        ws = t - p.window + 1
        be = ws  # baseline: periods bs..be-1
        bs = be - p.baseline
        if bs < 0:
            continue
        nw = span("n", ws, t + 1)
        # conflict surge against the fixed baseline
        s = span("nc", ws, t + 1)
        rate = max(span("nc", bs, be) / p.baseline, p.rate_floor)
        z = (s - p.window * rate) / math.sqrt(p.window * rate)
        if s >= p.min_events and z >= p.z_threshold:
            alert(
                "conflict_count",
                t,
                ws,
                bs,
                "conflict",
                z,
                rate,
                s / p.window,
                int(span("n", bs, be)),
            )
        # net cooperation shift against the (extended) baseline
        lo = bs
        floor = 0 if p.max_baseline is None else max(0, be - p.max_baseline)
        while span("n", lo, be) < p.min_events and lo > floor:
            lo -= 1
        nb = span("n", lo, be)
        if nw < p.min_events or nb < p.min_events:
            continue
        after = _index(span("cw", ws, t + 1), span("fw", ws, t + 1))
        before = _index(span("cw", lo, be), span("fw", lo, be))
        if math.isnan(after) or math.isnan(before):
            continue
        shift = after - before
        if abs(shift) >= p.index_threshold:
            direction: Direction = "cooperation" if shift > 0 else "conflict"
            alert("net_coop", t, ws, lo, direction, shift, before, after, int(nb))
    kept: list[tuple[int, int, Alert]] = []
    for _, ws, t, al in sorted(candidates, key=lambda c: (-c[0], c[2], c[3].metric)):
        if not any(
            k.metric == al.metric and k.direction == al.direction and ws <= kt and kws <= t
            for kws, kt, k in kept
        ):
            kept.append((ws, t, al))
    return [al for _, _, al in sorted(kept, key=lambda k: (k[1], k[2].metric))]
