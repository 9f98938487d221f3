"""Acceptance: one event per happening across the two source articles (issue: dedup clusters).

The G7 meeting of 17 June 2025 is reported by both articles and must be one cluster with two
sources; the 1965 normalisation, mentioned in passing by both (one through "the 60th
anniversary of their diplomatic normalization in 2025"), too; the June telephone call stays
apart from the face-to-face meeting.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dyadwatch.store import Store


pytestmark = pytest.mark.slow

ARTICLE_1 = "000_3ace1f45b5fdacfe.txt"
ARTICLE_2 = "002_fdae8c812c998ea1.txt"


@pytest.fixture(scope="module")
def timeline(corpus) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    with Store(":memory:") as store:
        for name in (ARTICLE_1, ARTICLE_2):
            r = corpus[name]
            store.add_document(r.article, r.sentences, r.events, quotes=r.quotes, indicators=r.indicators)
        store.update_clusters()
        return store.timeline("JPN", "KOR")


def _cluster(frame: pd.DataFrame, phrase: str, event_type: str) -> pd.Series:
    rows = [r for _, r in frame.iterrows()
            if r["event_type"] == event_type and any(phrase in m["text"] for m in r["mentions"])]
    assert len(rows) == 1, f"{event_type} '{phrase}': {len(rows)} clusters"
    return rows[0]


def test_g7_meeting_is_one_cluster_with_two_sources(timeline: pd.DataFrame) -> None:
    g7 = _cluster(timeline, "met face-to-face for the first time during the G7 summit", "CONSULT")
    assert g7["date"] == "2025-06-17" and g7["n_sources"] == 2
    assert any("held their first bilateral meeting" in m["text"] for m in g7["mentions"])
    assert {m["reason"] for m in g7["mentions"]} >= {"first mention", "same day"}


def test_1965_normalisation_is_one_cluster_from_both_articles(timeline: pd.DataFrame) -> None:
    treaty = _cluster(timeline, "signed the ‘Basic Treaty’ on 22 June", "SUPPORT")
    assert treaty["date"] == "1965-06-22" and treaty["n_sources"] == 2
    assert any("60th anniversary of their diplomatic normalization" in m["text"] for m in treaty["mentions"])
    assert all(m["date"].startswith("1965") for m in treaty["mentions"])


def test_phone_call_is_not_the_face_to_face_meeting(timeline: pd.DataFrame) -> None:
    call = _cluster(timeline, "during a telephone conversation", "CONSULT")
    g7 = _cluster(timeline, "met face-to-face for the first time during the G7 summit", "CONSULT")
    assert call["cluster_id"] != g7["cluster_id"]


def test_clusters_are_fewer_than_mentions_and_each_keeps_its_sentences(timeline: pd.DataFrame) -> None:
    assert timeline["n_mentions"].sum() > len(timeline)
    for _, row in timeline.iterrows():
        assert len(row["mentions"]) == row["n_mentions"] >= row["n_sources"] >= 1
        assert all(m["sentence_id"] and m["text"] for m in row["mentions"])


def test_japanese_and_korean_reports_join_the_english_clusters(corpus, coder) -> None:  # type: ignore[no-untyped-def]
    """The two English source articles, our Japanese report of the Kananaskis meeting and our
    Korean report of the August summit (which recalls the G7 meeting) in one store: the
    Japanese mention of the 17 June meeting joins the English cluster."""
    from pathlib import Path

    from dyadwatch.config import Config
    from dyadwatch.ingest import read_paths
    from dyadwatch.records import Article

    root = Path(__file__).resolve().parents[2] / "examples"
    articles = [a for a in read_paths([root / "jpn_kor_ja.jsonl", root / "jpn_kor_ko.jsonl"], Config())
                if isinstance(a, Article)]  # fmt: skip
    with Store(":memory:") as store:
        for name in (ARTICLE_1, ARTICLE_2):
            r = corpus[name]
            store.add_document(r.article, r.sentences, r.events, quotes=r.quotes, indicators=r.indicators)
        for r in coder.code_articles(articles):
            store.add_document(r.article, r.sentences, r.events, quotes=r.quotes, indicators=r.indicators)
        store.update_clusters()
        timeline = store.timeline("JPN", "KOR")
    g7 = _cluster(timeline, "met face-to-face for the first time during the G7 summit", "CONSULT")
    languages = {"ja" if "石破" in m["text"] else "en" for m in g7["mentions"]}
    assert languages == {"en", "ja"}, [m["text"] for m in g7["mentions"]]
    assert g7["n_sources"] >= 3
