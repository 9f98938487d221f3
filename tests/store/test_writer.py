"""add_document: round trip, dedupe by content hash, atomicity; parquet export."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from pathlib import Path

import pandas as pd
import pytest

from dyadwatch.errors import StoreError
from dyadwatch.records import Event
from dyadwatch.store import EVENT_COLUMNS, TABLES, Store
from tests.factories import make_actor, make_document

from .conftest import Document


def _snapshot(store: Store) -> dict[str, list[str]]:
    con = store._connection()
    return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}


def test_round_trip_reproduces_the_event_contract(filled: Store, docs: list[Document]) -> None:
    frame = filled.events()
    by_id = {e.event_id: e for _, _, evs in docs for e in evs}
    assert len(frame) == len(by_id) == 8
    assert list(frame.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    for row in frame.to_dict("records"):
        expected = by_id[row["event_id"]].to_dict()
        assert {k: row[k] for k in expected} == expected
        assert json.loads(json.dumps({k: row[k] for k in EVENT_COLUMNS})) == {
            k: row[k] for k in EVENT_COLUMNS
        }  # JSON-ready: no NaN, numpy arrays or timestamps in the contract columns


def test_stored_rows(store: Store) -> None:
    actor = make_actor("JPN", name="Shinzo Abe", sector="GOV", person="Shinzo Abe",
                       role="prime_minister", basis="title")  # fmt: skip
    article, sentences, events = make_document(
        "d", events=[{"source": [actor, make_actor(None, name="protesters")],
                      "target": ["KOR", "KOR"], "date": "2019-07", "mode": "verbal",
                      "contexts": ("diplomatic", "economic")}],  # fmt: skip
        article_fields={"title": "T", "url": "https://example.org/a", "source_path": "in.jsonl",
                        "source_line": 3},  # fmt: skip
    )
    assert store.add_document(article, sentences, events)
    con = store._connection()
    doc = con.execute(
        "SELECT doc_id, title, url, published, published_basis, source_path, source_line, lang, "
        "text, n_sentences, n_events, coder_version, ingested_at FROM documents"
    ).fetchone()
    assert doc is not None
    assert doc[:12] == ("d", "T", "https://example.org/a", _dt.date(2019, 7, 5), "metadata",
                        "in.jsonl", 3, "en", article.text, 3, 1, "dyadwatch-coder/test")  # fmt: skip
    assert isinstance(doc[12], _dt.datetime)
    assert con.execute(
        'SELECT idx, text, start, "end" FROM sentences ORDER BY idx'
    ).fetchall() == [(s.index, s.text, s.start, s.end) for s in sentences]
    ev = con.execute(
        "SELECT date_start, source_countries, target_countries, contexts, mode, published "
        "FROM events"
    ).fetchone()
    # Countries: distinct, in actor order, None left out.
    assert ev == (_dt.date(2019, 7, 1), ["JPN"], ["KOR"], ["diplomatic", "economic"], "verbal",
                  _dt.date(2019, 7, 5))  # fmt: skip
    actors = con.execute(
        "SELECT side, position, name, country, sector, person, role, basis FROM actors "
        "ORDER BY side, position"
    ).fetchall()
    assert actors == [
        ("source", 0, "Shinzo Abe", "JPN", "GOV", "Shinzo Abe", "prime_minister", "title"),
        ("source", 1, "protesters", None, "GOV", None, None, "text"),
        ("target", 0, "KOR", "KOR", "GOV", None, None, "text"),
        ("target", 1, "KOR", "KOR", "GOV", None, None, "text"),
    ]


def test_date_start_per_precision(store: Store) -> None:
    specs = [{"date": d} for d in ("2019", "2019-02", "2019-02-17", None)]
    article, sentences, events = make_document(events=specs)
    store.add_document(article, sentences, events)
    rows = store._connection().execute("SELECT date, date_start FROM events").fetchall()
    assert dict(rows) == {
        "2019": _dt.date(2019, 1, 1),
        "2019-02": _dt.date(2019, 2, 1),
        "2019-02-17": _dt.date(2019, 2, 17),
        None: None,
    }


def test_document_without_events(store: Store) -> None:
    article, sentences, _ = make_document()
    assert store.add_document(article, sentences, [], coder_version="v9")
    assert store.counts() == {"documents": 1, "sentences": 3, "events": 0, "actors": 0,
                              "quotes": 0, "indicators": 0, "event_clusters": 0}  # fmt: skip
    assert store.documents().loc[0, "coder_version"] == "v9"


def test_same_content_is_stored_once(store: Store) -> None:
    article, sentences, events = make_document()
    assert store.has_document(article.content_hash) is False
    assert store.add_document(article, sentences, events) is True
    before = _snapshot(store)
    assert store.add_document(article, sentences, events) is False
    # Same text under another doc_id (doc_id is only a label): still the same document.
    relabelled = make_document("another-label")
    assert relabelled[0].content_hash == article.content_hash
    assert store.add_document(*relabelled) is False
    assert _snapshot(store) == before
    assert store.has_document(article.content_hash) is True


def test_doc_id_is_not_unique(store: Store) -> None:
    assert store.add_document(*make_document("same", "First text."))
    assert store.add_document(*make_document("same", "Second text."))
    assert list(store.documents()["doc_id"]) == ["same", "same"]


def _failing_cases(stored: Document) -> list[tuple[str, Document]]:
    article, sentences, events = make_document("new", "Tokyo accused Seoul. Seoul replied.",
                                               events=[{}, {"sentence": 1}])  # fmt: skip
    dup_in_doc = [events[0], dataclasses.replace(events[1], event_id=events[0].event_id)]
    clash = [events[0], dataclasses.replace(events[1], event_id=stored[2][0].event_id)]
    return [
        ("duplicate event id in the document", (article, sentences, dup_in_doc)),
        ("event id of a stored document", (article, sentences, clash)),
        ("sentence id of a stored document",
         (article, [dataclasses.replace(sentences[0], sentence_id=stored[1][0].sentence_id)],
          events)),  # fmt: skip
    ]


@pytest.mark.parametrize("case", range(3))
def test_failure_midway_leaves_the_database_as_before(db_path: Path, case: int) -> None:
    stored = make_document()
    with Store(db_path) as store:
        store.add_document(*stored)
        before = _snapshot(store)
        name, (article, sentences, events) = _failing_cases(stored)[case]
        with pytest.raises(StoreError, match="nothing was written"):
            store.add_document(article, sentences, events)
        assert _snapshot(store) == before, name
        assert not store.has_document(article.content_hash)
        # The connection is usable again, and the fixed document goes in whole.
        fixed = make_document("new", "Tokyo accused Seoul. Seoul replied.",
                              events=[{}, {"sentence": 1}])  # fmt: skip
        assert store.add_document(*fixed)
        assert store.add_document(*fixed) is False  # a re-run is a no-op
        assert store.counts()["events"] == 3
    with Store(db_path, read_only=True) as ro:  # and it is all on disk
        assert ro.counts()["events"] == 3 and ro.counts()["documents"] == 2


def test_failure_in_the_last_insert_rolls_back_earlier_ones(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    article, sentences, events = make_document()
    real = Store._insert

    def insert(self: Store, table: str, columns: object, rows: object) -> None:
        if table == "actors":
            self._connection().execute("SELECT * FROM no_such_table")
        real(self, table, columns, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_insert", insert)
    with pytest.raises(StoreError):
        store.add_document(article, sentences, events)
    assert store.counts() == {t: 0 for t in TABLES}
    monkeypatch.undo()
    assert store.add_document(article, sentences, events)
    assert store.counts()["actors"] == 2


def test_interrupt_rolls_back_and_propagates(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    article, sentences, events = make_document()
    real = Store._insert

    def insert(self: Store, table: str, columns: object, rows: object) -> None:
        if table == "events":
            raise KeyboardInterrupt
        real(self, table, columns, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_insert", insert)
    with pytest.raises(KeyboardInterrupt):
        store.add_document(article, sentences, events)
    monkeypatch.undo()
    assert store.counts()["documents"] == 0
    assert store.add_document(article, sentences, events)


@pytest.mark.parametrize(
    "change", [{"date": "2019-13"}, {"date": "July 2019"}, {"published": "2019-07"}]
)
def test_bad_dates_are_refused_before_writing(store: Store, change: dict[str, str]) -> None:
    article, sentences, events = make_document()
    bad: list[Event] = [dataclasses.replace(events[0], **change)]  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="bad date"):
        store.add_document(article, sentences, bad)
    assert store.counts()["documents"] == 0


def test_closed_store_raises_store_error(db_path: Path) -> None:
    store = Store(db_path)
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.events()
    with pytest.raises(StoreError, match="closed"):
        store.add_document(*make_document())


def test_many_events_in_one_document(store: Store) -> None:
    """More rows than one INSERT statement takes (chunking)."""
    text = " ".join(f"Japan accused Korea {i}." for i in range(300))
    specs = [{"sentence": i, "source": ["JPN", "USA"]} for i in range(300)]
    article, sentences, events = make_document(text=text, events=specs)
    assert store.add_document(article, sentences, events)
    assert store.counts()["events"] == 300 and store.counts()["actors"] == 900


def test_parquet_export_round_trip(filled: Store, tmp_path: Path) -> None:
    paths = filled.export_parquet(tmp_path / "out" / "nested")
    assert [p.name for p in paths] == [f"{t}.parquet" for t in TABLES]
    con = filled._connection()
    for table, path in zip(TABLES, paths, strict=True):
        assert path.is_file()
        original = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        back = con.execute("SELECT * FROM read_parquet(?) ORDER BY ALL", [str(path)]).fetchall()
        assert back == original, table
    events = pd.read_parquet(tmp_path / "out" / "nested" / "events.parquet")
    assert len(events) == 8
    assert set(events["event_type"]) >= {"ACCUSE", "SANCTION", "AGREE"}
    row = events[events["doc_id"] == "multi"].iloc[0]
    assert list(row["source_countries"]) == ["JPN", "USA"]
    assert [a["country"] for a in json.loads(row["source"])] == ["JPN", "USA"]


def test_parquet_export_to_a_path_with_a_quote(filled: Store, tmp_path: Path) -> None:
    target = tmp_path / "it's here"
    paths = filled.export_parquet(target)
    assert all(p.parent == target and p.is_file() for p in paths)


def test_a_value_of_the_wrong_type_is_a_store_error(store: Store) -> None:
    article, sentences, events = make_document(events=[{}] * 3)
    bad = [events[0], events[1], dataclasses.replace(events[2], quad_class="three")]
    with pytest.raises(StoreError, match="nothing was written"):
        store.add_document(article, sentences, bad)
    assert store.counts()["documents"] == 0


def test_add_documents_batches_and_dedupes(store: Store) -> None:
    first = make_document("a", "Japan accused Korea.")
    second = make_document("b", "Korea protested.", events=[{"event_type": "PROTEST"}])
    assert store.add_documents([]) == []
    assert store.add_documents([first]) == [True]
    third = make_document("c", "China threatened Taiwan.", events=[{}, {}])
    again = make_document("b-again", "Korea protested.")  # same content as `second`
    assert store.add_documents([first, second, third, again]) == [False, True, True, False]
    assert store.counts()["documents"] == 3 and store.counts()["events"] == 4
    assert list(store.documents()["doc_id"]) == ["a", "b", "c"]


def test_add_documents_failure_behaves_like_one_at_a_time(store: Store) -> None:
    ok1 = make_document("ok1", "Japan accused Korea.")
    ok2 = make_document("ok2", "Korea protested.")
    article, sentences, events = make_document("bad", "Tokyo replied.", events=[{}, {}])
    bad = (article, sentences, [events[0], dataclasses.replace(events[1], event_id=events[0].event_id)])
    ok3 = make_document("ok3", "China threatened Taiwan.")
    with pytest.raises(StoreError, match="'bad'.*nothing was written"):
        store.add_documents([ok1, ok2, bad, ok3])
    assert list(store.documents()["doc_id"]) == ["ok1", "ok2"]
    assert store.add_documents([ok1, ok2, ok3]) == [False, False, True]


def test_add_documents_bad_date_behaves_like_one_at_a_time(store: Store) -> None:
    ok = make_document("ok", "Japan accused Korea.")
    article, sentences, events = make_document("bad", "Tokyo replied.")
    bad = (article, sentences, [dataclasses.replace(events[0], date="20190704")])
    with pytest.raises(StoreError, match="bad date"):
        store.add_documents([ok, bad])
    assert list(store.documents()["doc_id"]) == ["ok"]


def test_add_documents_stores_many_documents_in_batches(db_path: Path) -> None:
    docs = []
    for d in range(100):
        text = " ".join(f"Japan accused Korea {d}-{i}." for i in range(10))
        docs.append(make_document(f"d{d}", text, events=[{"sentence": i} for i in range(10)]))
    with Store(db_path) as store:
        for i in range(0, 100, 25):
            assert store.add_documents(docs[i : i + 25]) == [True] * 25
        assert store.counts()["events"] == 1000 and store.counts()["actors"] == 2000


def test_duplicate_ids_within_a_document_are_refused_by_name(store: Store) -> None:
    from dyadwatch.records import Quote

    article, sentences, events = make_document()
    q = Quote("qt-1", article.doc_id, sentences[0].sentence_id, "x", (0, 1), True, "said", None, None, None,
              None, None)
    with pytest.raises(StoreError, match="quote_id qt-1 occurs twice"):
        store.add_document(article, sentences, events, quotes=[q, q])
    assert store.counts()["documents"] == 0
    assert store.add_document(article, sentences, events, quotes=[q])
    assert list(store.quotes()["quote_id"]) == ["qt-1"]
