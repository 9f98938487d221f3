"""events / timeline / documents / counts, every filter, and QueryError cases."""

from __future__ import annotations

import datetime as _dt

import pandas as pd
import pytest

from dyadwatch.errors import QueryError
from dyadwatch.store import (
    EVENT_COLUMNS,
    CLUSTER_COLUMNS,
    EXTRA_EVENT_COLUMNS,
    PLOVER_EVENT_TYPES,
    Store,
)
from tests.factories import make_document

from .conftest import Document


def _keys(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(doc_id, event_type) of each row, in frame order."""
    return list(zip(frame["doc_id"], frame["event_type"], strict=True))


def _set(frame: pd.DataFrame) -> set[tuple[str, str]]:
    return set(_keys(frame))


ALL = {
    ("jk-1", "ACCUSE"), ("jk-1", "PROTEST"), ("jk-1", "CONSULT"), ("us-cn", "SANCTION"),
    ("us-cn", "THREATEN"), ("multi", "REQUEST"), ("old", "AGREE"),
}  # fmt: skip


def test_events_without_filters_in_reading_order(filled: Store) -> None:
    frame = filled.events()
    assert list(frame.columns) == list(EVENT_COLUMNS + EXTRA_EVENT_COLUMNS + CLUSTER_COLUMNS)
    assert list(filled.events(mentions=True).columns) == list(EVENT_COLUMNS + EXTRA_EVENT_COLUMNS)
    # not clustered yet: every event is a cluster of its own
    assert (frame["cluster_id"] == frame["event_id"]).all() and (frame["n_mentions"] == 1).all()
    # Documents by publication date (unknown last), then sentence order.
    assert _keys(frame) == [
        ("jk-1", "ACCUSE"), ("jk-1", "PROTEST"), ("jk-1", "CONSULT"), ("multi", "REQUEST"),
        ("us-cn", "SANCTION"), ("us-cn", "THREATEN"), ("old", "AGREE"), ("old", "AGREE"),
    ]  # fmt: skip
    assert frame["quad_class"].dtype == "int64" and frame["goldstein"].dtype == "float64"
    assert frame["mode"].isna().all() and frame["mode"].tolist()[0] is None
    assert frame.loc[0, "date_start"] == _dt.date(2019, 7, 4)
    consult = frame[frame["event_type"] == "CONSULT"].iloc[0]
    assert consult["date"] is None and consult["date_start"] is None
    assert not consult["date_resolved"]
    assert frame["date_resolved"].sum() == 7


def test_undirected_dyad_matches_either_direction(filled: Store) -> None:
    expected = {("jk-1", "ACCUSE"), ("jk-1", "PROTEST"), ("jk-1", "CONSULT"),
                ("multi", "REQUEST"), ("old", "AGREE")}  # fmt: skip
    assert _set(filled.events("JPN-KOR")) == expected
    assert _set(filled.events("kor-jpn")) == expected  # order and case do not matter
    # The second AGREE of "old" has no country on the source side: not a JPN-KOR event.
    assert len(filled.events("JPN-KOR")) == 5


def test_directed_dyad(filled: Store) -> None:
    assert _set(filled.events("JPN-KOR", directed=True)) == {
        ("jk-1", "ACCUSE"), ("jk-1", "CONSULT"), ("multi", "REQUEST"), ("old", "AGREE")
    }
    assert _set(filled.events("KOR-JPN", directed=True)) == {("jk-1", "PROTEST")}
    # Several source actors: each of their countries counts.
    assert _set(filled.events("USA-KOR", directed=True)) == {("multi", "REQUEST")}
    assert filled.events("KOR-USA", directed=True).empty
    assert _set(filled.events("USA-KOR")) == {("multi", "REQUEST")}


def test_directed_dyad_counts_a_joint_action_both_ways(filled: Store) -> None:
    joint = make_document(
        "summit", "Japan and South Korea agreed to resume shuttle diplomacy.",
        published=_dt.date(2023, 3, 17),
        events=[{"event_type": "AGREE", "source": ["JPN", "KOR"], "target": None, "date": "2023-03-16"}],
    )
    assert filled.add_document(*joint)
    assert ("summit", "AGREE") in _set(filled.events("JPN-KOR", directed=True))
    assert ("summit", "AGREE") in _set(filled.events("KOR-JPN", directed=True))
    assert filled.events("JPN-JPN", directed=True).empty  # a party never acts on itself
    assert filled.events("JPN-USA", directed=True).empty


def test_country_filter(filled: Store) -> None:
    assert _set(filled.events(country="usa")) == {
        ("us-cn", "SANCTION"), ("us-cn", "THREATEN"), ("multi", "REQUEST")
    }
    assert _set(filled.events("JPN-KOR", country="USA")) == {("multi", "REQUEST")}
    assert filled.events(country="FRA").empty


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        # date_start: ACCUSE 2019-07-04, PROTEST 2019-07-01, REQUEST 2019-08-22,
        # SANCTION 2020-03-01, THREATEN 2020-01-01, AGREE 1965-01-01 and 1965-06-22.
        ("2019", None, {"ACCUSE", "PROTEST", "REQUEST", "SANCTION", "THREATEN"}),
        ("2019-07-02", None, {"ACCUSE", "REQUEST", "SANCTION", "THREATEN"}),
        ("2019-08", "2019-08", {"REQUEST"}),
        (None, "2019-07", {"ACCUSE", "PROTEST", "AGREE"}),
        (None, "2019-07-03", {"PROTEST", "AGREE"}),
        (None, "1965", {"AGREE"}),
        ("2020", "2020", {"SANCTION", "THREATEN"}),
        ("2020-02", "2020-12-31", {"SANCTION"}),
        ("2021", None, set()),
    ],
)
def test_since_until(filled: Store, since: str | None, until: str | None,
                     expected: set[str]) -> None:  # fmt: skip
    frame = filled.events(since=since, until=until)
    assert set(frame["event_type"]) == expected
    assert frame["date"].notna().all()  # unresolved dates are left out
    assert "CONSULT" not in set(frame["event_type"])


def test_until_is_inclusive_of_the_last_day(filled: Store) -> None:
    assert _set(filled.events(since="2019-07-04", until="2019-07-04")) == {("jk-1", "ACCUSE")}
    assert _set(filled.events(until="2020-03-01", since="2020-03")) == {("us-cn", "SANCTION")}


def test_event_type_and_status_filters(filled: Store) -> None:
    assert _set(filled.events(event_type="accuse")) == {("jk-1", "ACCUSE")}
    assert _set(filled.events(event_type=["PROTEST", "Sanction"])) == {
        ("jk-1", "PROTEST"), ("us-cn", "SANCTION")
    }
    assert filled.events(event_type="ASSAULT").empty
    assert _set(filled.events(status="historical")) == {("old", "AGREE")}
    assert _set(filled.events(status=["hypothetical", "HISTORICAL"])) == {
        ("jk-1", "CONSULT"), ("old", "AGREE")
    }
    assert len(filled.events(status="asserted")) == 5
    combined = filled.events("JPN-KOR", directed=True, since="2019", status="asserted",
                             event_type=["ACCUSE", "REQUEST", "PROTEST"])  # fmt: skip
    assert _set(combined) == {("jk-1", "ACCUSE"), ("multi", "REQUEST")}


def test_every_plover_type_is_accepted(filled: Store) -> None:
    assert len(PLOVER_EVENT_TYPES) == 16
    assert len(filled.events(event_type=list(PLOVER_EVENT_TYPES))) == 8


def test_limit_and_offset(filled: Store) -> None:
    full = _keys(filled.events())
    assert _keys(filled.events(limit=3)) == full[:3]
    assert _keys(filled.events(limit=3, offset=2)) == full[2:5]
    assert _keys(filled.events(offset=6)) == full[6:]
    assert filled.events(limit=0).empty


def test_timeline_is_chronological_with_unresolved_last(filled: Store) -> None:
    frame = filled.timeline("KOR", "JPN")
    assert list(zip(frame["event_type"], frame["date"], strict=True)) == [
        ("AGREE", "1965"),
        ("PROTEST", "2019-07"),      # period starts 2019-07-01: before the 4th
        ("ACCUSE", "2019-07-04"),
        ("REQUEST", "2019-08-22"),
        ("CONSULT", None),           # unresolved: last
    ]
    directed = filled.timeline("JPN", "KOR", directed=True, since="2019")
    assert list(directed["event_type"]) == ["ACCUSE", "REQUEST"]
    assert list(filled.timeline("USA", "CHN")["event_type"]) == ["THREATEN", "SANCTION"]
    assert list(filled.timeline("JPN", "KOR", limit=2, offset=1)["event_type"]) == [
        "PROTEST", "ACCUSE"
    ]


def test_timeline_ties_break_on_publication_then_sentence_order(store: Store) -> None:
    later = make_document("later", "Japan accused Korea. Korea protested.",
                          published=_dt.date(2019, 7, 9),
                          events=[{"sentence": 1, "event_type": "PROTEST", "date": "2019-07"},
                                  {"event_type": "ACCUSE", "date": "2019-07"}])  # fmt: skip
    earlier = make_document("earlier", "Korea rejected it.", published=_dt.date(2019, 7, 2),
                            events=[{"event_type": "REJECT", "date": "2019-07"}])  # fmt: skip
    store.add_document(*later)
    store.add_document(*earlier)
    assert list(store.timeline("JPN", "KOR")["event_type"]) == ["REJECT", "ACCUSE", "PROTEST"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"dyad": "JPN"}, "bad dyad 'JPN'"),
        ({"dyad": "JPN-KOR-CHN"}, "bad dyad"),
        ({"dyad": "JPN-"}, "bad dyad"),
        ({"dyad": "J!N-KOR"}, "bad dyad side"),
        ({"dyad": "JPN-K"}, "bad dyad side"),
        ({"country": "japan!"}, "bad country"),
        ({"since": "2019-13"}, "bad since date"),
        ({"since": "2019/01/01"}, "bad since date"),
        ({"until": "2019-02-30"}, "bad until date"),
        ({"until": "yesterday"}, "bad until date"),
        ({"since": "2020", "until": "2019"}, "since .* is after until"),
        ({"event_type": "INVADE"}, "unknown event type 'INVADE'"),
        ({"event_type": ["ACCUSE", "nope"]}, "unknown event type 'nope'"),
        ({"event_type": []}, "empty event type filter"),
        ({"status": "rumoured"}, "unknown status 'rumoured'"),
        ({"limit": -1}, "bad limit"),
        ({"offset": -5}, "bad offset"),
        ({"directed": True}, "directed=True needs a dyad"),
    ],
)
def test_bad_parameters_raise_query_error(filled: Store, kwargs: dict[str, object],
                                          message: str) -> None:  # fmt: skip
    with pytest.raises(QueryError, match=message) as info:
        filled.events(**kwargs)  # type: ignore[arg-type]
    assert str(info.value).startswith("[E400]")


def test_timeline_bad_codes(filled: Store) -> None:
    with pytest.raises(QueryError, match="bad actor code"):
        filled.timeline("JPN", "")
    with pytest.raises(QueryError, match="unknown event type"):
        filled.timeline("JPN", "KOR", event_type="HUG")


def test_query_values_are_never_sql(filled: Store) -> None:
    with pytest.raises(QueryError):
        filled.events("JPN-KOR'; DROP TABLE events; --")
    assert filled.counts()["events"] == 8


def test_documents_and_counts(filled: Store, docs: list[Document]) -> None:
    frame = filled.documents()
    assert list(frame["doc_id"]) == ["jk-1", "us-cn", "multi", "old"]  # ingestion order
    assert list(frame["n_events"]) == [3, 2, 1, 2]
    assert list(frame["n_sentences"]) == [3, 2, 1, 1]
    assert list(frame["published"]) == ["2019-07-05", "2020-03-02", "2019-08-23", None]
    assert "text" not in frame.columns
    assert list(filled.documents(with_text=True)["text"]) == [a.text for a, _, _ in docs]
    assert frame["content_hash"].is_unique
    assert filled.counts() == {"documents": 4, "sentences": 7, "events": 8, "actors": 17,
                               "quotes": 0, "indicators": 0, "event_clusters": 0}  # fmt: skip


def test_empty_store_frames_have_their_columns(store: Store) -> None:
    events = store.events("JPN-KOR", since="2019")
    assert events.empty
    assert list(events.columns) == list(EVENT_COLUMNS + EXTRA_EVENT_COLUMNS + CLUSTER_COLUMNS)
    assert store.timeline("JPN", "KOR").empty
    assert store.documents().empty and "doc_id" in store.documents().columns


def test_reader_cursor_sees_committed_documents(store: Store, docs: list[Document]) -> None:
    reader = store.reader()
    assert reader.counts()["events"] == 0
    store.add_document(*docs[0])
    assert reader.counts()["events"] == 3
    assert _set(reader.events("JPN-KOR", directed=True)) == {("jk-1", "ACCUSE"),
                                                              ("jk-1", "CONSULT")}
    reader.close()
    assert store.counts()["events"] == 3  # closing the reader leaves the store open
