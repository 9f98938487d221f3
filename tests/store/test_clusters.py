"""One event per happening: the clustering rules, their determinism, and the store's clusters."""

from __future__ import annotations

import datetime as _dt
import random

from dyadwatch.store import Store
from dyadwatch.store.clusters import ClusterItem, block_key, cluster_events, content_words

D = _dt.date


def item(eid: str, date: _dt.date | None, precision: str | None, text: str, *, etype: str = "CONSULT",
         countries: tuple[str, ...] = ("JPN", "KOR"), mode: str | None = None, status: str = "asserted",
         basis: str = "explicit") -> ClusterItem:
    return ClusterItem(eid, etype, mode, countries, date, precision, status, text, D(2025, 6, 20), basis)


G7_A = item("a1", D(2025, 6, 17), "day", "Lee and Ishiba held their first summit on the sidelines of the G7 meeting in Canada.")
G7_B = item("b1", D(2025, 6, 17), "day", "The two leaders met for 30 minutes at the summit in Kananaskis.")
OTHER_DAY = item("c1", D(2025, 8, 23), "day", "Lee and Ishiba held a summit in Tokyo.")
JUNE = item("d1", D(2025, 6, 1), "month", "The leaders held their first summit on the sidelines of the meeting earlier this month.")


def _groups(assigned: list) -> dict[str, set[str]]:  # type: ignore[type-arg]
    groups: dict[str, set[str]] = {}
    for a in assigned:
        groups.setdefault(a.cluster_id, set()).add(a.event_id)
    return groups


def test_same_day_mentions_form_one_cluster_and_other_days_stay_apart() -> None:
    assigned = {a.event_id: a for a in cluster_events([G7_A, G7_B, OTHER_DAY])}
    assert assigned["a1"].cluster_id == assigned["b1"].cluster_id == "a1"
    assert assigned["b1"].reason == "same day" and assigned["a1"].reason == "first mention"
    assert assigned["c1"].cluster_id == "c1"


def test_result_does_not_depend_on_input_order() -> None:
    items = [G7_A, G7_B, OTHER_DAY, JUNE, item("e1", D(2025, 6, 18), "day", "The two leaders met at the summit in Kananaskis.")]
    first = sorted((a.event_id, a.cluster_id, a.reason) for a in cluster_events(items))
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted((a.event_id, a.cluster_id, a.reason) for a in cluster_events(shuffled)) == first


def test_coarse_mention_joins_the_day_cluster_of_its_period_by_wording() -> None:
    assigned = {a.event_id: a for a in cluster_events([G7_A, OTHER_DAY, JUNE])}
    assert assigned["d1"].cluster_id == "a1"
    assert assigned["d1"].reason.startswith("within period (month)")
    assert assigned["d1"].similarity is not None and assigned["d1"].similarity > 0


def test_a_mention_on_the_phone_does_not_join_a_meeting_by_wording() -> None:
    call = item("p1", D(2025, 6, 1), "month", "The two leaders agreed to hold their first summit earlier this month "
                "during a telephone conversation.", etype="AGREE")
    meeting = item("m1", D(2025, 6, 17), "day", "The two leaders agreed to hold a summit regularly.", etype="AGREE")
    assigned = {a.event_id: a for a in cluster_events([meeting, call])}
    assert assigned["p1"].cluster_id == "p1"  # same words, but a call is another happening
    phone_day = item("m2", D(2025, 6, 9), "day", "The leaders agreed on the phone to hold a summit.", etype="AGREE")
    assigned = {a.event_id: a for a in cluster_events([meeting, phone_day, call])}
    assert assigned["p1"].cluster_id == "m2" and assigned["p1"].reason.startswith("within period")


def test_coarse_mention_with_two_equally_good_clusters_is_not_guessed() -> None:
    twin = item("a2", D(2025, 6, 24), "day", "Lee and Ishiba held their first summit on the sidelines of the G7 meeting in Canada.")
    assigned = {a.event_id: a for a in cluster_events([G7_A, twin, JUNE])}
    assert assigned["a2"].cluster_id == "a2"  # another day: another happening
    assert assigned["d1"].cluster_id == "d1"


def test_adjacent_day_needs_similar_wording() -> None:
    near_same = item("n1", D(2025, 6, 18), "day", "Lee and Ishiba held their first summit on the sidelines of the G7 meeting.")
    near_other = item("n2", D(2025, 6, 16), "day", "Officials discussed fisheries quotas in Busan.")
    assigned = {a.event_id: a for a in cluster_events([G7_A, near_same, near_other])}
    assert assigned["n1"].cluster_id == "a1" and assigned["n1"].reason == "adjacent day, similar wording"
    assert assigned["n2"].cluster_id == "n2"


def test_blocks_keep_types_and_country_pairs_apart() -> None:
    agree = item("x1", D(2025, 6, 17), "day", G7_A.text, etype="AGREE")
    usa = item("x2", D(2025, 6, 17), "day", G7_A.text, countries=("JPN", "USA"))
    assigned = {a.event_id: a for a in cluster_events([G7_A, agree, usa])}
    assert {assigned[e].cluster_id for e in ("a1", "x1", "x2")} == {"a1", "x1", "x2"}
    assert block_key("CONSULT", ["KOR", "JPN", "KOR"]) == "CONSULT|JPN+KOR"


def test_undated_and_negated_events_are_never_merged() -> None:
    undated = item("u1", None, None, G7_A.text)
    negated = item("g1", D(2025, 6, 17), "day", G7_A.text, status="negated")
    assigned = {a.event_id: a for a in cluster_events([G7_A, undated, negated])}
    assert assigned["u1"].cluster_id == "u1" and assigned["u1"].reason == "undated"
    assert assigned["g1"].cluster_id == "g1" and assigned["g1"].reason == "never merged: negated"


def test_modes_and_statuses_must_agree_outside_the_same_day() -> None:
    phone = item("p1", D(2025, 6, 1), "month", "The leaders held a summit phone call earlier this month on the sidelines.", mode="phone")
    plan = item("f1", D(2025, 6, 1), "month", "The leaders will hold their first summit on the sidelines of the meeting.", status="future")
    assigned = {a.event_id: a for a in cluster_events([G7_A, phone, plan])}
    assert assigned["p1"].cluster_id == "p1"  # a call is not the face-to-face summit
    assert assigned["f1"].cluster_id == "f1"  # a plan is not matched to a fact by wording
    same_day_plan = item("f2", D(2025, 6, 17), "day", "They will meet.", status="future")
    assert {a.event_id: a.cluster_id for a in cluster_events([G7_A, same_day_plan])}["f2"] == "a1"


def test_publication_dated_mention_is_not_a_same_day_match() -> None:
    by_pub = item("q1", D(2025, 6, 17), "day", "Officials talked about fisheries.", basis="publication")
    assigned = {a.event_id: a for a in cluster_events([G7_A, by_pub])}
    assert assigned["q1"].cluster_id == "q1"


def test_content_words_leave_out_names_and_function_words() -> None:
    assert content_words("On 17 June, President Lee met Prime Minister Ishiba in Canada.") == {"17", "met"}


def _event_docs() -> list:  # type: ignore[type-arg]
    from tests.factories import make_document

    texts = {
        "wire-a": ("On 17 June President Lee met Prime Minister Ishiba at the summit in Canada.",
                   _dt.date(2025, 6, 18), "2025-06-17"),
        "wire-b": ("President Lee and Prime Minister Ishiba met at the summit in Canada on Tuesday.",
                   _dt.date(2025, 6, 19), "2025-06-17"),
        "wire-c": ("President Lee met Prime Minister Ishiba again in Tokyo on 23 August.",
                   _dt.date(2025, 8, 24), "2025-08-23"),
    }
    return [
        make_document(doc_id, text, published=pub,
                      events=[{"event_type": "CONSULT", "source": "KOR", "target": "JPN", "date": date,
                               "published": pub.isoformat()}])
        for doc_id, (text, pub, date) in texts.items()
    ]


def test_store_clusters_the_same_meeting_from_two_articles() -> None:
    with Store(":memory:") as store:
        store.add_documents(_event_docs())
        assert store.update_clusters() == 3
        frame = store.timeline("JPN", "KOR")
        assert list(frame["n_sources"]) == [2, 1]
        assert list(frame["date"]) == ["2025-06-17", "2025-08-23"]
        g7 = frame.iloc[0]
        assert g7["first_reported"] == "2025-06-18"
        assert [m["doc_id"] for m in g7["mentions"]] == ["wire-a", "wire-b"]
        assert [m["reason"] for m in g7["mentions"]] == ["first mention", "same day"]
        assert len(store.timeline("JPN", "KOR", mentions=True)) == 3
        assert store.counts()["event_clusters"] == 3
        # nothing new: nothing redone; full=True redoes all with the same result
        assert store.update_clusters() == 0
        assert store.update_clusters(full=True) == 3
        assert list(store.timeline("JPN", "KOR")["n_sources"]) == [2, 1]
