"""Shift alerts on hand-built monthly series: which periods, which direction, how big, why."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from dyadwatch.analysis import Alert, AlertParams, shift_alerts
from dyadwatch.errors import QueryError
from tests.analysis.frames import ev, frame


def calm_then_crisis() -> pd.DataFrame:
    """One AGREE a month from 2019-07 to 2020-06, then a crisis in 2020-07."""
    rows = [
        ev(
            f"c{m:02d}",
            "AGREE",
            ["JPN"],
            ["KOR"],
            f"{2019 + (m + 6) // 12}-{(m + 6) % 12 + 1:02d}-10",
            intensity=2.5,
        )
        for m in range(12)
    ]
    rows += [
        ev("s1", "SANCTION", ["JPN"], ["KOR"], "2020-07-01", intensity=-6),
        ev("s2", "SANCTION", ["JPN"], ["KOR"], "2020-07-02", intensity=-6),
        ev("s3", "SANCTION", ["KOR"], ["JPN"], "2020-07-03", intensity=-6),
        ev("s4", "ASSAULT", ["KOR"], ["JPN"], "2020-07-04", intensity=-9),
        ev("s5", "AGREE", ["JPN"], ["KOR"], "2020-07-05", intensity=2.5),
    ]
    return frame(rows)


def test_crisis_gives_both_alerts_with_exact_figures() -> None:
    alerts = shift_alerts(calm_then_crisis(), "JPN", "KOR")
    assert [(a.metric, a.period, a.direction) for a in alerts] == [
        ("conflict_count", "2020-07", "conflict"),
        ("net_coop", "2020-07", "conflict"),
    ]
    count, index = alerts
    # 4 conflict events against a floored rate of 0.25 a month: z = (4 − 0.25) / √0.25
    assert count.magnitude == pytest.approx(7.5)
    assert (count.before, count.after) == (0.25, 4.0)
    assert (count.window_start, count.window_end) == ("2020-07", "2020-07")
    assert (count.baseline_start, count.baseline_end) == ("2020-01", "2020-06")
    assert (count.n_window, count.n_baseline) == (5, 6)
    # the baseline (6 AGREE) is all cooperation; the window 2.5 against 27
    after = (2.5 - 27) / (2.5 + 27)
    assert index.before == 1.0 and index.after == pytest.approx(after)
    assert index.magnitude == pytest.approx(after - 1.0)
    # driving events: the window's conflict events, largest |intensity| first, then by id
    assert count.event_ids == ("s4", "s1", "s2", "s3") == index.event_ids
    assert count.method == "two-window"
    assert dict(count.params)["baseline"] == 6


def test_min_events_and_thresholds() -> None:
    alerts = shift_alerts(calm_then_crisis(), "JPN", "KOR", min_events=5)
    assert [a.metric for a in alerts] == ["net_coop"]  # 4 conflict events < 5
    assert shift_alerts(calm_then_crisis(), "JPN", "KOR", z_threshold=8, index_threshold=1.9) == []


def test_overlapping_windows_are_merged() -> None:
    alerts = shift_alerts(calm_then_crisis(), "JPN", "KOR", window=2)
    counts = [a for a in alerts if a.metric == "conflict_count"]
    # windows 2020-06..07 and 2020-07..08 both see the crisis, equally strong: the first is kept
    assert [(a.window_start, a.window_end) for a in counts] == [("2020-06", "2020-07")]
    assert counts[0].magnitude == pytest.approx((4 - 0.5) / math.sqrt(0.5))


def test_turn_toward_cooperation_with_an_extended_baseline() -> None:
    rows = [
        ev("a1", "ACCUSE", ["KOR"], ["JPN"], "2019-01-05", intensity=-3),
        ev("a2", "ACCUSE", ["JPN"], ["KOR"], "2019-01-06", intensity=-3),
        ev("a3", "PROTEST", ["KOR"], ["JPN"], "2019-02-01", intensity=-5),
        # ten quiet months, then a summit
        ev("b1", "CONSULT", ["KOR"], ["JPN"], "2019-12-01", intensity=4),
        ev("b2", "AGREE", ["KOR", "JPN"], [], "2019-12-01", intensity=2.5),
        ev("b3", "COOPERATE", ["JPN"], ["KOR"], "2019-12-02", intensity=9.5),
        ev("b4", "ACCUSE", ["KOR"], ["JPN"], "2019-12-03", intensity=-2),
    ]
    alerts = shift_alerts(frame(rows), "JPN", "KOR")
    assert len(alerts) == 1
    al = alerts[0]
    assert (al.metric, al.period, al.direction) == ("net_coop", "2019-12", "cooperation")
    # the six months before December hold no event: the baseline reaches back to January
    assert (al.baseline_start, al.baseline_end, al.n_baseline) == ("2019-01", "2019-11", 3)
    assert al.before == -1.0
    assert al.after == pytest.approx((16 - 2) / (16 + 2))
    assert al.event_ids == ("b3", "b1", "b2")
    limited = shift_alerts(frame(rows), "JPN", "KOR", max_baseline=6)
    assert limited == []  # 2019-06..2019-11 is empty


def test_quiet_or_short_series_give_no_alert() -> None:
    flat = frame([ev(f"x{m}", "AGREE", ["JPN"], ["KOR"], f"2020-{m:02d}-01") for m in range(1, 13)])
    assert shift_alerts(flat, "JPN", "KOR") == []
    assert (
        shift_alerts(frame([ev("y", "ASSAULT", ["JPN"], ["KOR"], "2020-01-01")]), "JPN", "KOR")
        == []
    )


def test_alert_is_frozen_and_serialisable() -> None:
    al = shift_alerts(calm_then_crisis(), "JPN", "KOR")[0]
    assert isinstance(al, Alert)
    with pytest.raises(AttributeError):
        al.period = "2020-08"  # type: ignore[misc]
    d = al.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["params"] == AlertParams().to_dict() and d["event_ids"] == ["s4", "s1", "s2", "s3"]
    assert "2020-07: toward conflict" in al.describe()


def test_track_and_direction_options() -> None:
    events = calm_then_crisis()
    assert shift_alerts(events, "JPN", "KOR", track="history") == []
    directed = shift_alerts(events, "JPN", "KOR", directed=True, min_events=2)
    assert all(
        set(a.event_ids) <= {"s1", "s2", "s5"} | {f"c{m:02d}" for m in range(12)} for a in directed
    )


@pytest.mark.parametrize(
    "params",
    [
        {"window": 0},
        {"baseline": "6"},
        {"min_events": True},
        {"z_threshold": -1},
        {"max_baseline": 2},
        {"threshold": 1},
    ],
)
def test_bad_parameters(params: dict[str, object]) -> None:
    with pytest.raises(QueryError):
        shift_alerts(calm_then_crisis(), "JPN", "KOR", **params)
