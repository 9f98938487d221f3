"""Store fixtures: an empty store, a database path, and a small populated corpus."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyadwatch.records import Article, Event, Sentence
from dyadwatch.store import Store
from tests.factories import make_actor, make_document

Document = tuple[Article, list[Sentence], list[Event]]


def corpus() -> list[Document]:
    """Four documents, eight events over JPN, KOR, USA, CHN with every date precision.

    Event ids are ``<hash12>:s<sentence>:e<n>``; the tests find events by ``(doc_id, n)``.
    """
    return [
        make_document(
            "jk-1",
            "Japan accused South Korea of breaking the treaty. Seoul protested to Tokyo. "
            "Talks may follow.",
            published=_dt.date(2019, 7, 5),
            events=[
                {"event_type": "ACCUSE", "source": "JPN", "target": "KOR", "date": "2019-07-04"},
                {"sentence": 1, "event_type": "PROTEST", "source": "KOR", "target": "JPN",
                 "date": "2019-07"},
                {"sentence": 2, "event_type": "CONSULT", "source": "JPN", "target": "KOR",
                 "date": None, "status": "hypothetical"},
            ],
        ),
        make_document(
            "us-cn",
            "Washington sanctioned Chinese firms. Beijing threatened Washington.",
            published=_dt.date(2020, 3, 2),
            events=[
                {"event_type": "SANCTION", "source": "USA", "target": "CHN", "date": "2020-03-01"},
                {"sentence": 1, "event_type": "THREATEN", "source": "CHN", "target": "USA",
                 "date": "2020"},
            ],
        ),
        make_document(
            "multi",
            "Japan and the United States asked South Korea to reconsider.",
            published=_dt.date(2019, 8, 23),
            events=[
                {"event_type": "REQUEST", "source": ["JPN", "USA"], "target": "KOR",
                 "date": "2019-08-22", "contexts": ("diplomatic",)},
            ],
        ),
        make_document(
            "old",
            "In 1965 Japan and South Korea signed a treaty.",
            published=None,
            events=[
                {"event_type": "AGREE", "source": "JPN", "target": "KOR", "date": "1965",
                 "status": "historical", "published": None},
                {"event_type": "AGREE", "source": make_actor(None, name="the delegates"),
                 "target": "KOR", "date": "1965-06-22", "status": "historical",
                 "published": None},
            ],
        ),
    ]


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory store."""
    with Store(":memory:") as s:
        yield s


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a (not yet created) database file in a temporary directory."""
    return tmp_path / "test.duckdb"


@pytest.fixture
def docs() -> list[Document]:
    return corpus()


@pytest.fixture
def filled(docs: list[Document]) -> Iterator[Store]:
    """An in-memory store holding :func:`corpus`."""
    with Store(":memory:") as s:
        for article, sentences, events in docs:
            assert s.add_document(article, sentences, events)
        yield s
