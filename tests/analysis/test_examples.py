"""The example articles, coded and stored, through the analytics: history lands in its own year.

``jpn_kor_2019_export_controls.txt`` (published 2 August 2019) recalls that Japan and South
Korea normalised relations in 1965: by event date that is a 1965 event, by publication date
(the GDELT way) a 2019 one.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dyadwatch.analysis import (
    dual_track,
    dyad_series,
    load_events,
    shift_alerts,
    write_report,
)
from dyadwatch.api.python import Database
from dyadwatch.config import Config
from dyadwatch.ingest import read_paths
from dyadwatch.nlp.lang import detect_language
from dyadwatch.records import Article
from dyadwatch.store import Store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def events(coder) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    # the English examples (the Japanese and Korean ones tell the same years' news again)
    articles = [a for a in read_paths([ROOT / "examples"], Config())
                if isinstance(a, Article) and detect_language(a.text) == "en"]  # fmt: skip
    with Store(":memory:") as store:
        store.add_documents(
            [(r.article, r.sentences, r.events) for r in coder.code_articles(articles)]
        )
        db = Database.from_store(store)
        frame = load_events(db, "jpn", "kor")
        db.close()
    return frame


def _ids_1965(events: pd.DataFrame) -> set[str]:
    hits = events[
        events["date"].astype(str).str.startswith("1965")
        & events["text"].str.contains("normalised diplomatic relations in 1965")
    ]
    assert len(hits) >= 1, "the 1965 normalisation was not coded"
    return set(hits["event_id"])


def _period_of(series: pd.DataFrame, event_ids: set[str]) -> set[str]:
    return {p for p, ids in zip(series["period"], series["event_ids"]) if event_ids & set(ids)}


def test_1965_by_event_date_and_2019_by_publication(events: pd.DataFrame) -> None:
    ids = _ids_1965(events)
    by_event = dyad_series(events, "JPN", "KOR", by="year")
    assert _period_of(by_event, ids) == {"1965"}
    assert by_event["period"].iloc[0] == "1965"
    assert "2025" not in set(by_event.loc[by_event["n_events"] > 0, "period"])
    by_published = dyad_series(events, "JPN", "KOR", by="year", date_field="published")
    assert _period_of(by_published, ids) == {"2019"}
    assert "1965" not in set(by_published["period"])
    assert set(by_published.loc[by_published["n_events"] > 0, "period"]) == {"2019", "2023"}


def test_monthly_series_counts_the_year_dated_events_apart(events: pd.DataFrame) -> None:
    s = dyad_series(events, "JPN", "KOR", by="month")
    cov = s.attrs["coverage"]
    assert cov["coarse_excluded"] >= 1  # 1965 at least: a year is coarser than a month
    assert (
        cov["placed"]
        + cov["coarse_excluded"]
        + cov["undated"]
        + sum(cov["excluded_status"].values())
        + cov["not_in_dyad"]
        + cov["merged_in_cluster"]
        == cov["input"]
    )
    busy = set(s.loc[s["n_events"] > 0, "period"])
    assert {"2019-08", "2023-03"} <= busy
    assert (
        s.loc[s["period"] == "2019-08", "net_coop"].iloc[0]
        < 0
        < s.loc[s["period"] == "2023-03", "net_coop"].iloc[0]
    )


def test_history_track_holds_1965(events: pd.DataFrame) -> None:
    d = dual_track(events, "JPN", "KOR", by="year")
    history = d[(d["track"] == "history") & (d["n_events"] > 0)]
    assert "1965" in set(history["period"])


def test_alerts_see_the_2019_feud_and_the_2023_thaw(events: pd.DataFrame) -> None:
    alerts = shift_alerts(events, "JPN", "KOR", by="month")
    assert any(a.direction == "conflict" and a.period.startswith("2019") for a in alerts)
    assert any(a.direction == "cooperation" and a.period.startswith("2023") for a in alerts)
    assert all(a.event_ids and set(a.event_ids) <= set(events["event_id"]) for a in alerts)


def test_report_from_the_examples(events: pd.DataFrame, tmp_path: Path) -> None:
    files = write_report(events, "JPN", "KOR", tmp_path / "jpn_kor.html")
    page = files.html.read_text(encoding="utf-8")
    assert "JPN–KOR" in page and files.n_alerts >= 2
    assert "dated more coarsely than a month" in page  # the year-dated events, counted
