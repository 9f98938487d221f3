"""Vega-Lite chart specs (built with Altair) for a dyad: plain dicts, ready to embed or render.

Only periods with at least one event are drawn (a line joins them across empty periods, and
every period with data has a point). Times are on a UTC scale so that a month never shows as
the last day of the month before in a browser west of Greenwich.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from .series import QUAD_COLUMNS

_WIDTH, _HEIGHT = 640, 220
_BREAK = "break-paths-show-domains"  # a null value breaks the line
_FORMAT = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
_QUAD_LABELS = {
    "n_verbal_coop": "1 verbal cooperation", "n_material_coop": "2 material cooperation",
    "n_verbal_conflict": "3 verbal conflict", "n_material_conflict": "4 material conflict",
}  # fmt: skip
_QUAD_COLORS = ["#74a9cf", "#0570b0", "#fdae6b", "#d94801"]
_TRACK_COLORS = {
    "all": "#636363", "history": "#8c2d04", "non_history": "#2171b5", "security": "#6a51a3",
    "economy": "#238b45", "people": "#dd3497", "multilateral": "#fe9929", "domestic": "#969696",
}  # fmt: skip


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    rows = frame[columns].copy()
    rows["period_start"] = rows["period_start"].dt.strftime("%Y-%m-%d")
    return [
        {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in r.items()}
        for r in rows.to_dict("records")
    ]


def _with_gaps(frame: pd.DataFrame, key: str, n_col: str, value_col: str) -> pd.DataFrame:
    """Rows with events, plus the first empty period after each (value ``None``) so that the
    line breaks across a gap instead of joining two distant points."""
    keep = []
    for _, part in frame.sort_values([key, "period_start"], kind="stable").groupby(key, sort=False):
        has = part[n_col].to_numpy() > 0
        after_data = pd.Series(has).shift(1, fill_value=False).to_numpy()
        keep.append(part[has | after_data])
    if not keep:
        return frame.iloc[0:0]
    out = pd.concat(keep)
    out[value_col] = out[value_col].where(out[n_col] > 0, None)
    return out


def _x(by: str) -> alt.X:
    return alt.X(
        "period_start:T",
        title=None,
        scale=alt.Scale(type="utc"),
        axis=alt.Axis(format=_FORMAT[by], labelAngle=0),
    )


def _index_y(title: str) -> alt.Y:
    return alt.Y("net_coop:Q", title=title, scale=alt.Scale(domain=[-1, 1]))


def index_by_track(
    dual: pd.DataFrame, by: str, views: tuple[str, ...], title: str
) -> dict[str, Any]:
    """Net cooperation per period, one line per view of a :func:`dual_track` frame."""
    data = _with_gaps(dual[dual["track"].isin(views)], "track", "n_events", "net_coop")
    values = _records(data, ["track", "period", "period_start", "net_coop", "n_events"])
    color = alt.Color(
        "track:N",
        title="track",
        scale=alt.Scale(domain=list(views), range=[_TRACK_COLORS[v] for v in views]),
    )
    base = alt.Chart(alt.Data(values=values)).encode(
        x=_x(by),
        y=_index_y("net cooperation"),
        color=color,
        shape=alt.Shape("track:N", title="track", scale=alt.Scale(domain=list(views))),
        tooltip=["track:N", "period:N", alt.Tooltip("net_coop:Q", format="+.2f"), "n_events:Q"],
    )
    rule = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color="#bbbbbb").encode(y="y:Q")
    chart = alt.layer(rule, base.mark_line(invalid=_BREAK), base.mark_point(filled=True, size=50))
    return chart.properties(width=_WIDTH, height=_HEIGHT, title=title).to_dict()


def quad_counts(series: pd.DataFrame, by: str) -> dict[str, Any]:
    """Stacked bars: events per quad class and period."""
    data = series[series["n_events"] > 0]
    long = data.melt(
        id_vars=["period", "period_start"],
        value_vars=list(QUAD_COLUMNS.values()),
        var_name="quad",
        value_name="events",
    )
    long = long[long["events"] > 0].assign(quad=lambda f: f["quad"].map(_QUAD_LABELS))
    values = _records(long, ["period", "period_start", "quad", "events"])
    domain = list(_QUAD_LABELS.values())
    chart = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(width={"band": 0.9})
        .encode(
            x=alt.X("period:O", title=None, sort="ascending", axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("events:Q", title="events", stack="zero"),
            color=alt.Color(
                "quad:N", title="quad class", scale=alt.Scale(domain=domain, range=_QUAD_COLORS)
            ),
            order=alt.Order("quad:N"),
            tooltip=["period:N", "quad:N", "events:Q"],
        )
    )
    return chart.properties(
        width=_WIDTH, height=_HEIGHT, title="Events per quad class (periods with events)"
    ).to_dict()


def directed_index(series: pd.DataFrame, by: str, a: str, b: str) -> dict[str, Any]:
    """Net cooperation of a → b beside b → a."""
    labels = [f"{a} → {b}", f"{b} → {a}"]
    parts = []
    for suffix, label in (("ab", f"{a} → {b}"), ("ba", f"{b} → {a}")):
        part = series[["period", "period_start", f"net_coop_{suffix}", f"n_events_{suffix}"]]
        part = part.rename(
            columns={f"net_coop_{suffix}": "net_coop", f"n_events_{suffix}": "n_events"}
        )
        parts.append(part.assign(direction=label))
    data = _with_gaps(pd.concat(parts, ignore_index=True), "direction", "n_events", "net_coop")
    values = (
        _records(data, ["direction", "period", "period_start", "net_coop", "n_events"])
        if len(data)
        else []
    )
    base = alt.Chart(alt.Data(values=values)).encode(
        x=_x(by),
        y=_index_y("net cooperation"),
        color=alt.Color(
            "direction:N",
            title="direction",
            scale=alt.Scale(domain=labels, range=["#2171b5", "#cb181d"]),
        ),
        shape=alt.Shape("direction:N", title="direction", scale=alt.Scale(domain=labels)),
        tooltip=["direction:N", "period:N", alt.Tooltip("net_coop:Q", format="+.2f"), "n_events:Q"],
    )
    rule = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color="#bbbbbb").encode(y="y:Q")
    chart = alt.layer(rule, base.mark_line(invalid=_BREAK), base.mark_point(filled=True, size=50))
    return chart.properties(
        width=_WIDTH, height=_HEIGHT, title=f"Directed: {a} → {b} and {b} → {a}"
    ).to_dict()
