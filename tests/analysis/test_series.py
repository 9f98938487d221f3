"""Dyad series on hand-built events: exact counts, sums, indices, placement and coverage."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dyadwatch.analysis import (
    DUAL_TRACK_VIEWS,
    SERIES_COLUMNS,
    dual_track,
    dyad_series,
    place_events,
)
from dyadwatch.errors import QueryError
from tests.analysis.frames import ev, frame


def events() -> pd.DataFrame:
    return frame(
        [
            ev(
                "e1",
                "ACCUSE",
                ["JPN"],
                ["KOR"],
                "2019-07-04",
                intensity=-3,
                goldstein=-2,
                published="2019-07-05",
                text="Japan accused Seoul over wartime forced labour.",
            ),
            ev(
                "e2",
                "PROTEST",
                ["KOR"],
                ["JPN"],
                "2019-07",
                intensity=-5,
                goldstein=-6.5,
                published="2019-07-05",
                text="Korean consumers boycotted Japanese beer.",
            ),
            ev(
                "e3",
                "CONSULT",
                ["JPN", "KOR"],
                [],
                "2019-07-20",
                intensity=2.5,
                goldstein=1,
                published="2019-07-21",
                text="The two foreign ministers met in Bangkok.",
            ),
            ev(
                "e4",
                "AGREE",
                ["KOR"],
                ["JPN"],
                "2019-08-02",
                intensity=2.5,
                goldstein=4,
                published="2019-08-03",
                text="Seoul agreed to keep the GSOMIA intelligence pact.",
            ),
            ev(
                "e5",
                "SUPPORT",
                ["JPN"],
                ["KOR"],
                "1965",
                status="historical",
                intensity=5,
                goldstein=6,
                published="2019-08-03",
                text="They normalised relations in 1965.",
            ),
            ev("e6", "SANCTION", ["USA"], ["CHN"], "2019-07-05", intensity=-6, goldstein=-8),
            ev("e7", "AGREE", ["JPN"], ["KOR"], "2019-08-10", status="negated", intensity=2.5),
            ev(
                "e8",
                "CONSULT",
                ["KOR"],
                ["JPN"],
                None,
                intensity=2.5,
                goldstein=1,
                published="2019-08-03",
            ),
            ev(
                "e9",
                "COOPERATE",
                ["JPN"],
                ["KOR"],
                "2019-07-29",
                precision="week",
                intensity=9.5,
                goldstein=6,
                published="2019-08-05",
            ),
            ev("e10", "THREATEN", ["KOR"], ["JPN"], "2019-08-01", status="hypothetical"),
        ]
    )


def row(series: pd.DataFrame, period: str) -> pd.Series:
    found = series[series["period"] == period]
    assert len(found) == 1, f"no single row for {period}"
    return found.iloc[0]


def test_monthly_series_exact_figures() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="month")
    assert list(s.columns) == list(SERIES_COLUMNS)
    assert s["period"].tolist() == ["2019-07", "2019-08"]
    jul = row(s, "2019-07")
    assert jul["n_events"] == 3
    assert (jul["n_verbal_coop"], jul["n_material_coop"]) == (1, 0)
    assert (jul["n_verbal_conflict"], jul["n_material_conflict"]) == (1, 1)
    assert (jul["n_coop"], jul["n_conflict"]) == (1, 2)
    assert (jul["n_ACCUSE"], jul["n_PROTEST"], jul["n_CONSULT"], jul["n_AGREE"]) == (1, 1, 1, 0)
    assert jul["intensity_sum"] == pytest.approx(-5.5)
    assert jul["intensity_mean"] == pytest.approx(-5.5 / 3)
    assert jul["goldstein_sum"] == pytest.approx(-7.5)
    assert jul["goldstein_mean"] == pytest.approx(-2.5)
    assert (jul["coop_weight"], jul["conflict_weight"]) == (2.5, 8.0)
    assert jul["net_coop"] == pytest.approx((2.5 - 8) / (2.5 + 8))
    assert jul["net_coop_unweighted"] == pytest.approx(-1 / 3)
    # directed: e1 JPN→KOR, e2 KOR→JPN; the joint meeting e3 counts in both directions
    assert (jul["n_events_ab"], jul["n_events_ba"]) == (2, 2)
    assert jul["net_coop_ab"] == pytest.approx((2.5 - 3) / (2.5 + 3))
    assert jul["net_coop_ba"] == pytest.approx((2.5 - 5) / (2.5 + 5))
    assert (jul["intensity_sum_ab"], jul["goldstein_sum_ba"]) == (-0.5, -5.5)
    assert jul["event_ids"] == ["e1", "e2", "e3"]
    aug = row(s, "2019-08")
    assert (aug["n_events"], aug["n_AGREE"], aug["net_coop"], aug["n_events_ba"]) == (1, 1, 1.0, 1)
    assert math.isnan(aug["net_coop_ab"])
    assert s["period_start"].tolist() == [pd.Timestamp("2019-07-01"), pd.Timestamp("2019-08-01")]


def test_coverage_counts_every_event_left_out() -> None:
    cov = dyad_series(events(), "JPN", "KOR", by="month").attrs["coverage"]
    assert cov == {
        "input": 10,
        "not_in_dyad": 1,
        "excluded_status": {"hypothetical": 1, "negated": 1},
        "merged_in_cluster": 0,
        "not_in_track": 0,
        "undated": 1,
        "coarse_excluded": 2,
        "coarse_placed": 0,
        "out_of_range": 0,
        "placed": 4,
    }


def test_yearly_series_puts_history_in_its_year() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="year")
    assert s["period"].iloc[0] == "1965" and s["period"].iloc[-1] == "2019"
    assert len(s) == 2019 - 1965 + 1  # every year present, empty ones with zeros
    assert row(s, "1965")["event_ids"] == ["e5"]
    assert row(s, "1966")["n_events"] == 0 and math.isnan(row(s, "1966")["net_coop"])
    # the week 29 Jul–4 Aug 2019 lies in one year: placed in 2019
    assert row(s, "2019")["event_ids"] == ["e1", "e2", "e3", "e4", "e9"]
    assert s.attrs["coverage"]["coarse_excluded"] == 0


def test_published_dates_the_gdelt_way() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="year", date_field="published")
    assert s["period"].tolist() == ["2019"]
    assert row(s, "2019")["event_ids"] == ["e1", "e2", "e3", "e4", "e5", "e8", "e9"]
    assert s.attrs["coverage"]["undated"] == 0
    m = dyad_series(events(), "JPN", "KOR", by="month", date_field="published")
    assert row(m, "2019-08")["event_ids"] == ["e4", "e5", "e8", "e9"]


def test_coarse_first_places_in_first_period_and_flags() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="month", coarse="first")
    assert row(s, "1965-01")["event_ids"] == ["e5"] and row(s, "1965-01")["n_coarse"] == 1
    jul = row(s, "2019-07")
    assert jul["event_ids"] == ["e1", "e2", "e3", "e9"] and jul["n_coarse"] == 1
    cov = s.attrs["coverage"]
    assert (cov["coarse_placed"], cov["coarse_excluded"], cov["placed"]) == (2, 0, 6)


def test_daily_series_needs_day_precision() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="day")
    assert s["period"].iloc[0] == "2019-07-04" and s["period"].iloc[-1] == "2019-08-02"
    assert len(s) == 30
    assert s["n_events"].sum() == 3
    assert s.attrs["coverage"]["coarse_excluded"] == 3  # month, week and year dates


def test_directed_keeps_a_to_b_and_joint_actions() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="year", directed=True)
    # e2 and e4 are KOR → JPN; the joint meeting e3 is both ways
    assert s[s["n_events"] > 0]["event_ids"].tolist() == [["e5"], ["e1", "e3", "e9"]]
    assert (s["n_events"] == s["n_events_ab"]).all()


def test_track_filter() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="month", track="history")
    assert s["event_ids"].tolist() == [["e1"]]
    cov = s.attrs["coverage"]
    # e5 ("in 1965") is on the history track too, but dated to a year: coarse in a month
    assert (cov["not_in_track"], cov["coarse_excluded"], cov["placed"]) == (5, 1, 1)
    sec = dyad_series(events(), "JPN", "KOR", by="month", track="security")
    assert sec["event_ids"].tolist() == [["e4"]]


def test_start_end_bound_and_fill() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="month", start="2019-06", end="2019-12")
    assert s["period"].tolist() == [f"2019-{m:02d}" for m in range(6, 13)]
    assert s.attrs["coverage"]["out_of_range"] == 0
    s = dyad_series(events(), "JPN", "KOR", by="year", end="2018")
    assert s["event_ids"].iloc[0] == ["e5"] and s.attrs["coverage"]["out_of_range"] == 5


def test_status_filter_can_be_changed() -> None:
    s = dyad_series(events(), "JPN", "KOR", by="month", exclude_status=())
    assert row(s, "2019-08")["event_ids"] == ["e4", "e7", "e10"]


def test_clusters_count_once() -> None:
    rows = [
        ev("a1", "AGREE", ["KOR"], ["JPN"], "2019-08-02", published="2019-08-03", cluster_id="a1"),
        ev("a2", "AGREE", ["KOR"], ["JPN"], "2019-08", published="2019-08-02", cluster_id="a1"),
        ev("a3", "AGREE", ["KOR"], ["JPN"], "2019-08-02", published="2019-08-09", cluster_id="a1"),
        ev("b1", "ACCUSE", ["JPN"], ["KOR"], "2019-08-05", cluster_id=None),
    ]
    s = dyad_series(frame(rows), "JPN", "KOR", by="day")
    assert s[s["n_events"] > 0]["event_ids"].tolist() == [["a1"], ["b1"]]
    assert s.attrs["coverage"]["merged_in_cluster"] == 2
    # by publication: the happening counts at its first report
    p = dyad_series(frame(rows), "JPN", "KOR", by="day", date_field="published")
    assert row(p, "2019-08-02")["event_ids"] == ["a1"]


def test_store_happenings_count_at_first_report() -> None:
    rows = [
        ev("h1", "AGREE", ["KOR"], ["JPN"], "1965", published="2019-08-02", cluster_id="h1",
           first_reported="2015-06-22"),
        ev("h2", "AGREE", ["KOR"], ["JPN"], "2019-08-01", published="2019-08-02", cluster_id="h2",
           first_reported=None),
    ]  # fmt: skip
    s = dyad_series(frame(rows), "JPN", "KOR", by="year", date_field="published")
    assert s[s["n_events"] > 0]["event_ids"].tolist() == [["h1"], ["h2"]]
    assert s["period"].iloc[0] == "2015"
    by_event = dyad_series(frame(rows), "JPN", "KOR", by="year")
    assert by_event["period"].iloc[0] == "1965"


def test_place_events_reports_each_event() -> None:
    placed = place_events(events(), by="month")
    assert dict(zip(placed["event_id"], placed["placement"])) == {
        "e1": "placed",
        "e2": "placed",
        "e3": "placed",
        "e4": "placed",
        "e5": "coarse",
        "e6": "placed",
        "e7": "placed",
        "e8": "undated",
        "e9": "coarse",
        "e10": "placed",
    }
    decade = place_events(
        frame([ev("d", "AGREE", ["A"], ["B"], "1990", precision="decade")]), by="year"
    )
    assert decade["placement"].tolist() == ["coarse"]


def test_empty_dyad_gives_empty_series() -> None:
    s = dyad_series(events(), "IND", "PAK")
    assert s.empty and list(s.columns) == list(SERIES_COLUMNS)
    assert s.attrs["coverage"]["not_in_dyad"] == 10


def test_dual_track_history_beside_the_others() -> None:
    d = dual_track(events(), "JPN", "KOR", by="month")
    assert d["track"].unique().tolist() == list(DUAL_TRACK_VIEWS)
    periods = d.groupby("track", sort=False)["period"].apply(list)
    assert all(p == ["2019-07", "2019-08"] for p in periods)
    ids = {t: [e for ids in g["event_ids"] for e in ids] for t, g in d.groupby("track")}
    assert ids["all"] == ["e1", "e2", "e3", "e4"]
    assert ids["history"] == ["e1"]
    assert ids["non_history"] == ["e2", "e3", "e4"]
    assert ids["security"] == ["e4"]
    assert ids["people"] == ["e2"]  # consumers, boycott


@pytest.mark.parametrize(
    "kwargs",
    [
        {"by": "week"},
        {"date_field": "filed"},
        {"coarse": "spread"},
        {"track": "sports"},
        {"start": "2019-13"},
        {"start": "2020", "end": "2019"},
    ],
)
def test_bad_arguments_raise_query_error(kwargs: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        dyad_series(events(), "JPN", "KOR", **kwargs)  # type: ignore[arg-type]


def test_bad_dyad_and_frame_raise_query_error() -> None:
    with pytest.raises(QueryError):
        dyad_series(events(), "J", "KOR")
    with pytest.raises(QueryError, match="lacks the column"):
        dyad_series(events().drop(columns=["intensity"]), "JPN", "KOR")
    bad = frame([ev("x", "AGREE", ["JPN"], ["KOR"], "2019-02-30")])
    with pytest.raises(QueryError, match="event x"):
        dyad_series(bad, "JPN", "KOR")
