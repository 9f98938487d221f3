"""The REST API (dyadwatch.api.rest) on a hand-built database: every endpoint, filters, paging,
422 for bad parameters (never a 500), the OpenAPI document, read-only access."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from dyadwatch.analysis.series import DUAL_TRACK_VIEWS
from dyadwatch.api.rest import CSP, create_app
from dyadwatch.api.rest_models import (
    AlertPage,
    DyadPage,
    EventDetailOut,
    EventPage,
    HealthOut,
    SeriesOut,
)
from dyadwatch.errors import StoreError
from dyadwatch.records import Actor, Indicator, Quote
from dyadwatch.store import Store
from tests.factories import make_actor, make_document

D = _dt.date
YOON = Actor("Yoon Suk Yeol", "KOR", "GOV", person="Yoon Suk Yeol", role="head_of_state")
KISHIDA = Actor("Fumio Kishida", "JPN", "GOV", person="Fumio Kishida", role="prime_minister")


def rest_corpus() -> list[tuple[Any, ...]]:
    """Six documents (our own sentences about public events): JPN–KOR in 1965, 2019 and 2023,
    one happening reported twice, USA–CHN; a quote and an indicator.

    ``(article, sentences, events, quotes, indicators)`` per document.
    """
    jan = make_document(
        "jk-2019-01", "Japanese and South Korean diplomats met in Seoul in January.",
        published=D(2019, 1, 16), article_fields={"title": "Diplomats meet in Seoul"},
        events=[{"event_type": "CONSULT", "date": "2019-01-15", "contexts": ("diplomatic",)}],
    )  # fmt: skip
    aug = make_document(
        "jk-2019-08",
        "Japan removed South Korea from its export white list. Seoul protested the decision. "
        "Seoul accused Tokyo of economic retaliation. Bilateral trade reached 85 billion dollars in 2018.",
        published=D(2019, 8, 2),
        article_fields={"title": "Japan drops Korea from white list", "url": "https://example.org/jk-2019"},
        events=[
            {"event_type": "SANCTION", "date": "2019-08-02", "contexts": ("economic",),
             "source": make_actor("JPN", name="Japanese cabinet")},
            {"sentence": 1, "event_type": "PROTEST", "source": "KOR", "target": "JPN", "date": "2019-08-02"},
            {"sentence": 2, "event_type": "ACCUSE", "source": "KOR", "target": "JPN", "date": "2019-08-02",
             "date_basis": "publication"},
        ],
    )  # fmt: skip
    again = make_document(
        "jk-2019-08b", "Tokyo struck South Korea off its list of trusted trading partners.",
        published=D(2019, 8, 3), article_fields={"title": "Tokyo strikes Seoul off trusted list"},
        events=[{"event_type": "SANCTION", "date": "2019-08-02", "contexts": ("economic",)}],
    )  # fmt: skip
    summit_text = 'Yoon met Kishida in Tokyo. Yoon said "we will open a new chapter" after the talks.'
    summit = make_document(
        "jk-2023", summit_text, published=D(2023, 3, 17),
        article_fields={"title": "Summit in Tokyo", "url": "javascript:alert(1)"},
        events=[
            {"event_type": "CONSULT", "source": YOON, "target": KISHIDA, "date": "2023-03-16"},
            {"sentence": 1, "event_type": "AGREE", "source": "KOR", "target": "JPN", "date": "2023-03-16",
             "status": "future"},
        ],
    )  # fmt: skip
    history = make_document(
        "jk-1965", "In 1965 Japan and South Korea signed a treaty normalising ties.",
        published=D(2025, 6, 18),
        events=[{"event_type": "AGREE", "date": "1965", "status": "historical",
                 "published": "2025-06-18"}],
    )  # fmt: skip
    uscn = make_document(
        "us-cn", "Washington sanctioned Chinese firms.", published=D(2020, 3, 2),
        events=[{"event_type": "SANCTION", "source": "USA", "target": "CHN", "date": "2020-03-01"}],
    )  # fmt: skip
    a, s, _ = summit
    start = summit_text.index("we will")
    quote = Quote(
        quote_id="q-1", doc_id=a.doc_id, sentence_id=s[1].sentence_id, quote="we will open a new chapter",
        char_span=(start, start + 26), direct=True, cue="said", speaker=YOON, speaker_text="Yoon",
        speaker_basis="text", date="2023-03-16", date_basis="context", sentence_ids=(s[1].sentence_id,),
        coder_version="dyadwatch-coder/test",
    )  # fmt: skip
    a2, s2, _ = aug
    figure = Indicator(
        indicator_id="i-1", doc_id=a2.doc_id, sentence_id=s2[3].sentence_id, text="85 billion dollars",
        char_span=(0, 18), metric="bilateral trade", value=85e9, unit="USD", qualifier=None,
        period="2018", period_basis="explicit", countries=("JPN", "KOR"),
        coder_version="dyadwatch-coder/test",
    )  # fmt: skip
    docs: list[tuple[Any, ...]] = [(*d, (), ()) for d in (jan, again, history, uscn)]
    docs.insert(1, (*aug, (), (figure,)))
    docs.insert(3, (*summit, (quote,), ()))
    return docs


def fill(store: Store) -> None:
    for article, sentences, events, quotes, indicators in rest_corpus():
        assert store.add_document(article, sentences, events, quotes=quotes, indicators=indicators)
    store.update_clusters()


def make_db(path: Path) -> Path:
    """A database file holding :func:`rest_corpus`, clustered, with no connection left open."""
    with Store(path) as store:
        fill(store)
    return path


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_db(tmp_path_factory.mktemp("rest") / "rest.duckdb")


@pytest.fixture(scope="module")
def client(db_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_file), raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, url: str, expect: int = 200, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == expect, (url, params, response.text)
    return response.json()


def ids(page: dict[str, Any]) -> list[str]:
    return [e["event_id"] for e in page["items"]]


def event_id(doc_id: str, n: int) -> str:
    article = next(d[0] for d in rest_corpus() if d[0].doc_id == doc_id)
    events = next(d[2] for d in rest_corpus() if d[0].doc_id == doc_id)
    assert events[n].doc_id == article.doc_id
    return events[n].event_id


# -- events and timeline --------------------------------------------------------------------


def test_events_one_row_per_happening_with_its_mentions(client: TestClient) -> None:
    page = get(client, "/api/events", dyad="JPN-KOR")
    EventPage.model_validate(page)
    assert page["next_offset"] is None and page["limit"] == 100 and page["offset"] == 0
    sanction = [e for e in page["items"] if e["event_type"] == "SANCTION"]
    assert len(sanction) == 1  # reported by two articles, one happening
    assert sanction[0]["n_mentions"] == 2 and sanction[0]["n_sources"] == 2
    assert {m["doc_id"] for m in sanction[0]["mentions"]} == {"jk-2019-08", "jk-2019-08b"}
    assert len(page["items"]) == 7
    mentions = get(client, "/api/events", dyad="JPN-KOR", mentions="true")
    assert len(mentions["items"]) == 8 and "n_mentions" not in mentions["items"][0]


def test_event_filters(client: TestClient) -> None:
    directed = get(client, "/api/events", dyad="kor-jpn", directed="true")
    assert {e["event_type"] for e in directed["items"]} == {"PROTEST", "ACCUSE", "CONSULT", "AGREE"}
    assert all("KOR" in e["source_countries"] for e in directed["items"])
    assert {e["event_type"] for e in get(client, "/api/events", event_type=["sanction", "protest"])["items"]} == {
        "SANCTION", "PROTEST"}  # fmt: skip
    both = get(client, "/api/events", event_type="SANCTION,PROTEST")
    assert len(both["items"]) == 3  # two sanctions (JPN-KOR, USA-CHN) and a protest
    assert ids(get(client, "/api/events", status="historical")) == [event_id("jk-1965", 0)]
    assert [e["date"] for e in get(client, "/api/events", country="CHN")["items"]] == ["2020-03-01"]
    y2019 = get(client, "/api/events", dyad="JPN-KOR", since="2019", until="2019-08")
    assert {e["date"][:4] for e in y2019["items"]} == {"2019"} and len(y2019["items"]) == 4


def test_paging(client: TestClient) -> None:
    everything = ids(get(client, "/api/events", limit=1000))
    first = get(client, "/api/events", limit=3)
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    pages, offset = [], 0
    while offset is not None:
        page = get(client, "/api/events", limit=3, offset=offset)
        pages += ids(page)
        offset = page["next_offset"]
    assert pages == everything and len(everything) == 8
    assert get(client, "/api/events", offset=100)["items"] == []


def test_timeline_is_chronological_with_history_in_its_own_year(client: TestClient) -> None:
    page = get(client, "/api/timeline", dyad="JPN-KOR")
    dates = [e["date"] for e in page["items"]]
    assert dates[0] == "1965"  # reported in 2025, happened in 1965
    assert dates == sorted(dates)
    assert get(client, "/api/timeline", dyad="JPN-KOR", limit=2)["next_offset"] == 2
    assert [e["date"] for e in get(client, "/api/timeline", dyad="JPN-KOR", since="2023")["items"]] == [
        "2023-03-16", "2023-03-16"]  # fmt: skip


def test_event_detail_traces_the_event_to_its_source(client: TestClient) -> None:
    sanction = event_id("jk-2019-08", 0)
    detail = get(client, f"/api/events/{sanction}", dyad="JPN-KOR")
    EventDetailOut.model_validate(detail)
    assert detail["sentence"] == "Japan removed South Korea from its export white list."
    assert detail["document"]["title"] == "Japan drops Korea from white list"
    assert detail["document"]["url"] == "https://example.org/jk-2019"
    assert detail["document"]["published"] == "2019-08-02"
    assert detail["source"][0]["name"] == "Japanese cabinet" and detail["target"][0]["country"] == "KOR"
    assert detail["date"] == "2019-08-02" and detail["date_basis"] == "explicit"
    assert detail["coder_version"] == "dyadwatch-coder/test"
    assert detail["cluster"]["n_mentions"] == 2 and detail["cluster"]["n_sources"] == 2
    titles = {m["title"] for m in detail["mentions"]}
    assert titles == {"Japan drops Korea from white list", "Tokyo strikes Seoul off trusted list"}
    assert isinstance(detail["tracks"], list)
    # a later mention opens to the same happening
    other = get(client, f"/api/events/{event_id('jk-2019-08b', 0)}")
    assert other["cluster"]["cluster_id"] == sanction and other["sentence"].startswith("Tokyo struck")
    person = get(client, f"/api/events/{event_id('jk-2023', 0)}")
    assert person["source"][0]["person"] == "Yoon Suk Yeol" and person["source"][0]["role"] == "head_of_state"
    assert get(client, "/api/events/no-such-event", 404)["detail"] == "no event with id 'no-such-event'"


# -- dyads, series, alerts ------------------------------------------------------------------


def test_dyads_count_happenings_like_the_events_filter(client: TestClient) -> None:
    page = get(client, "/api/dyads")
    DyadPage.model_validate(page)
    rows = {r["dyad"]: r for r in page["items"]}
    assert set(rows) == {"JPN-KOR", "CHN-USA"}
    jk = rows["JPN-KOR"]
    assert jk["n_events"] == len(get(client, "/api/events", dyad="JPN-KOR", limit=1000)["items"]) == 7
    assert jk["n_mentions"] == 8
    assert jk["n_ab"] == len(get(client, "/api/events", dyad="JPN-KOR", directed="true")["items"])
    assert jk["n_ba"] == len(get(client, "/api/events", dyad="KOR-JPN", directed="true")["items"])
    assert (jk["first_date"], jk["last_date"]) == ("1965-01-01", "2023-03-16")
    assert [r["dyad"] for r in page["items"]] == ["JPN-KOR", "CHN-USA"]  # most active first
    assert [r["dyad"] for r in get(client, "/api/dyads", country="usa")["items"]] == ["CHN-USA"]
    assert [r["dyad"] for r in get(client, "/api/dyads", min_events=2)["items"]] == ["JPN-KOR"]
    assert get(client, "/api/dyads", limit=1)["next_offset"] == 1


def test_series_by_the_events_own_date_or_by_publication(client: TestClient) -> None:
    out = get(client, "/api/series", dyad="JPN-KOR", by="year")
    SeriesOut.model_validate(out)
    rows = out["rows"]
    assert rows[0]["period"] == "1965" and rows[-1]["period"] == "2023" and len(rows) == 59
    busy = {r["period"]: r for r in rows if r["n_events"]}
    assert set(busy) == {"1965", "2019", "2023"}
    assert busy["2019"]["n_events"] == 4 and busy["2019"]["n_conflict"] == 3
    assert busy["2023"]["n_events"] == 2  # the future AGREE counts (only hypothetical/negated do not)
    assert -1 <= busy["2019"]["net_coop"] < 0 < busy["1965"]["net_coop"]
    assert out["coverage"]["placed"] == 7 and out["coverage"]["input"] == 7  # one row per happening
    published = get(client, "/api/series", dyad="JPN-KOR", by="year", date_field="published", nonempty="true")
    assert [r["period"] for r in published["rows"]] == ["2019", "2023", "2025"]  # the GDELT way
    monthly = get(client, "/api/series", dyad="JPN-KOR", by="month", since="2019-01", until="2019-12",
                  fields="n_events,net_coop")  # fmt: skip
    assert len(monthly["rows"]) == 12 and monthly["columns"] == ["period", "period_start", "n_events", "net_coop"]
    assert set(monthly["rows"][0]) == {"period", "period_start", "n_events", "net_coop"}
    assert monthly["rows"][1]["net_coop"] is None  # an empty month: no index, not NaN
    directed = get(client, "/api/series", dyad="JPN-KOR", by="year", directed="true", nonempty="true")
    assert sum(r["n_events"] for r in directed["rows"]) == 3  # JPN → KOR: 1965, 2019-01, 2019-08


def test_dual_track_series(client: TestClient) -> None:
    out = get(client, "/api/series", dyad="JPN-KOR", by="year", dual_track="true", fields="n_events,net_coop")
    assert out["columns"][0] == "track"
    views = [r["track"] for r in out["rows"]]
    assert list(dict.fromkeys(views)) == list(DUAL_TRACK_VIEWS)
    per_view = {v: [r["period"] for r in out["rows"] if r["track"] == v] for v in DUAL_TRACK_VIEWS}
    assert all(p == per_view["all"] for p in per_view.values())
    total = {v: sum(r["n_events"] for r in out["rows"] if r["track"] == v) for v in DUAL_TRACK_VIEWS}
    assert total["history"] + total["non_history"] == total["all"] == 7
    one = get(client, "/api/series", dyad="JPN-KOR", by="year", track="economy", nonempty="true")
    assert sum(r["n_events"] for r in one["rows"]) == total["economy"]


def test_alerts_name_their_driving_events(client: TestClient) -> None:
    page = get(client, "/api/alerts", dyad="JPN-KOR")
    AlertPage.model_validate(page)
    surge = [a for a in page["items"] if a["metric"] == "conflict_count"]
    assert [a["period"] for a in surge] == ["2019-08"] and surge[0]["direction"] == "conflict"
    assert surge[0]["method"] == "two-window" and surge[0]["params"]["baseline"] == 6
    drivers = {e["event_type"] for e in surge[0]["events"]}
    assert drivers == {"SANCTION", "PROTEST", "ACCUSE"}
    assert [e["event_id"] for e in surge[0]["events"]] == surge[0]["event_ids"]
    assert all(e["text"] for e in surge[0]["events"])
    # every dyad with enough events (only JPN-KOR here)
    assert get(client, "/api/alerts")["items"] == page["items"]
    assert get(client, "/api/alerts", dyad="JPN-KOR", z_threshold=100, index_threshold=2)["items"] == []
    assert get(client, "/api/alerts", dyad="USA-CHN")["items"] == []


# -- quotes, indicators, health ---------------------------------------------------------------


def test_quotes(client: TestClient) -> None:
    page = get(client, "/api/quotes", country="KOR")
    [q] = page["items"]
    assert q["quote"] == "we will open a new chapter" and q["speaker"]["person"] == "Yoon Suk Yeol"
    assert q["sentence"].startswith("Yoon said") and q["published"] == "2023-03-17"
    assert get(client, "/api/quotes", country=["JPN", "KOR"])["items"] == page["items"]
    assert get(client, "/api/quotes", speaker="yoon")["items"] == page["items"]
    assert get(client, "/api/quotes", country="JPN")["items"] == []
    assert get(client, "/api/quotes", direct="false")["items"] == []
    assert get(client, "/api/quotes", since="2024")["items"] == []


def test_indicators(client: TestClient) -> None:
    [i] = get(client, "/api/indicators", dyad="KOR-JPN")["items"]
    assert (i["metric"], i["value"], i["unit"], i["period"]) == ("bilateral trade", 85e9, "USD", "2018")
    assert i["sentence"] == "Bilateral trade reached 85 billion dollars in 2018."
    assert get(client, "/api/indicators", metric="Bilateral Trade")["items"] == [i]
    assert get(client, "/api/indicators", unit="people")["items"] == []
    assert get(client, "/api/indicators", country="CHN")["items"] == []
    assert get(client, "/api/indicators", since="2019")["items"] == []


def test_health(client: TestClient, db_file: Path) -> None:
    out = get(client, "/api/health")
    HealthOut.model_validate(out)
    assert out["status"] == "ok" and out["read_only"] is True and out["database"] == str(db_file)
    assert out["counts"]["documents"] == 6 and out["counts"]["quotes"] == 1 and out["counts"]["indicators"] == 1


# -- errors -----------------------------------------------------------------------------------

BAD = [
    ("/api/events", {"dyad": "JAPAN KOREA"}, "bad dyad"),
    ("/api/events", {"dyad": "JPN-KOR-USA"}, "bad dyad"),
    ("/api/events", {"since": "2019-13"}, "month 13"),
    ("/api/events", {"until": "yesterday"}, "YYYY"),
    ("/api/events", {"since": "2020", "until": "2019"}, "after"),
    ("/api/events", {"limit": 1001}, "limit"),
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"offset": -1}, "offset"),
    ("/api/events", {"limit": "ten"}, "limit"),
    ("/api/events", {"event_type": "HUG"}, "unknown event type"),
    ("/api/events", {"status": "rumoured"}, "unknown status"),
    ("/api/events", {"directed": "true"}, "needs a dyad"),
    ("/api/events", {"dyad": "JPN-KOR", "colour": "red"}, "unknown parameter"),
    ("/api/timeline", {}, "dyad"),
    ("/api/timeline", {"dyad": "1-2"}, "bad dyad"),
    ("/api/dyads", {"country": "J P N"}, "country"),
    ("/api/series", {"dyad": "JPN-KOR", "by": "week"}, "by"),
    ("/api/series", {"dyad": "JPN-KOR", "track": "sports"}, "unknown track"),
    ("/api/series", {"dyad": "JPN-KOR", "date_field": "ingested"}, "date_field"),
    ("/api/series", {"dyad": "JPN-KOR", "fields": "n_events,colour"}, "unknown field"),
    ("/api/series", {"dyad": "JPN-KOR", "track": "history", "dual_track": "true"}, "not both"),
    ("/api/series", {"dyad": "JPN-KOR", "by": "day", "since": "0001", "until": "9999"}, "periods"),
    ("/api/series", {"dyad": "JPN-KOR", "since": "2019-02-30"}, "day is out of range"),
    ("/api/alerts", {"dyad": "JPN-KOR", "window": 0}, "window"),
    ("/api/alerts", {"dyad": "JPN-KOR", "z_threshold": -1}, "z_threshold"),
    ("/api/quotes", {"since": "2019-1"}, "YYYY"),
    ("/api/indicators", {"dyad": "JPN"}, "dyad"),
    ("/api/events/x", {"dyad": "nope"}, "bad dyad"),
]


@pytest.mark.parametrize(("url", "params", "words"), BAD)
def test_bad_parameters_are_422_with_a_clear_message(
    client: TestClient, url: str, params: dict[str, Any], words: str
) -> None:
    body = get(client, url, 422, **params)
    assert words.lower() in body["detail"].lower(), body
    assert body["code"] == "E400" and body["errors"]


ODD = ["", " ", "'; DROP TABLE events; --", "%", "_", "\\", "JPN-KOR' OR '1'='1", "日本-韓国",
       "x" * 5000, "-", "JPN-", "9999-99-99", "NaN", "1e309", "null", "\u202e", "2019-02-29", "\x00",
       "JPN\x00-KOR", "\n"]  # fmt: skip
PARAMS = {
    "/api/events": ["dyad", "country", "since", "until", "event_type", "status", "limit", "offset"],
    "/api/timeline": ["dyad", "since"],
    "/api/dyads": ["country", "min_events"],
    "/api/series": ["dyad", "by", "track", "fields", "since"],
    "/api/alerts": ["dyad", "window", "index_threshold"],
    "/api/quotes": ["speaker", "country", "doc_id", "direct", "until"],
    "/api/indicators": ["dyad", "metric", "unit", "since"],
}
NEEDS_DYAD = {"/api/timeline", "/api/series"}


def test_no_500_for_odd_values_and_the_database_is_untouched(client: TestClient, db_file: Path) -> None:
    before = get(client, "/api/health")["counts"]
    for url, names in PARAMS.items():
        for name in names:
            for value in ODD:
                params = {name: value}
                if url in NEEDS_DYAD and name != "dyad":
                    params["dyad"] = "JPN-KOR"
                response = client.get(url, params=params)
                assert response.status_code in (200, 422), (url, params, response.text[:300])
                if response.status_code == 422:
                    assert response.json()["detail"]
    for value in ODD[1:]:
        assert client.get("/api/events/" + quote(value, safe="")).status_code in (404, 422)
    assert get(client, "/api/health")["counts"] == before


def test_read_only(client: TestClient, db_file: Path) -> None:
    digest = hashlib.sha256(db_file.read_bytes()).hexdigest()
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405
    get(client, "/api/events")
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == digest


def test_a_missing_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(tmp_path / "absent.duckdb")


# -- OpenAPI, dashboard files -----------------------------------------------------------------

ENDPOINTS = {"/api/events", "/api/events/{event_id}", "/api/timeline", "/api/dyads", "/api/series",
             "/api/alerts", "/api/quotes", "/api/indicators", "/api/health"}  # fmt: skip


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    doc = get(client, "/openapi.json")
    assert set(doc["paths"]) == ENDPOINTS
    assert all(set(ops) == {"get"} for ops in doc["paths"].values())
    limit = next(p for p in doc["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 1000
    names = {p["name"] for p in doc["paths"]["/api/series"]["get"]["parameters"]}
    assert {"dyad", "by", "track", "directed", "date_field", "since", "until", "dual_track"} <= names
    assert client.get("/docs").status_code == 404  # Swagger UI would need a CDN


def test_dashboard_is_served_from_the_package_with_no_outside_url(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-security-policy"] == CSP
    for src in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert src.startswith(("/", "data:")), src
        if src.startswith("/static/"):
            asset = client.get(src)
            assert asset.status_code == 200 and asset.content
    assert client.get("/static/app.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))
    static = resources.files("dyadwatch.api").joinpath("static")
    for name in ("index.html", "app.js", "app.css"):
        text = static.joinpath(name).read_text(encoding="utf-8")
        urls = set(re.findall(r"https?://[^\s\"'`)]+", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, (name, urls)  # a namespace, never fetched


# -- concurrency ------------------------------------------------------------------------------


def test_reads_beside_a_writer_of_the_same_process(tmp_path: Path) -> None:
    """With the writer's store shared, each request reads on its own cursor and sees every
    committed document; parallel requests during writes all succeed."""
    docs = rest_corpus()
    with Store(tmp_path / "live.duckdb") as store:
        store.add_document(*docs[0][:3])
        app = create_app(tmp_path / "live.duckdb", store=store)
        with TestClient(app, raise_server_exceptions=False) as c:
            assert get(c, "/api/dyads")["items"][0]["n_events"] == 1
            stop = threading.Event()
            statuses: list[int] = []

            def read() -> None:
                while not stop.is_set():
                    statuses.append(c.get("/api/events", params={"dyad": "JPN-KOR"}).status_code)

            with ThreadPoolExecutor(3) as pool:
                readers = [pool.submit(read) for _ in range(3)]
                for article, sentences, events, quotes, indicators in docs[1:]:
                    store.add_document(article, sentences, events, quotes=quotes, indicators=indicators)
                stop.set()
                for r in readers:
                    r.result()
            assert statuses and set(statuses) == {200}
            assert get(c, "/api/dyads")["items"][0]["n_mentions"] == 8
            assert len(get(c, "/api/quotes")["items"]) == 1
        assert store.counts()["documents"] == 6  # the app left the writer's store open
