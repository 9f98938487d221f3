from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.ingest.dateline import (
    RANK_BARE,
    RANK_PUBLISHED,
    RANK_VIEWED,
    classify_dateline,
    find_publication_date,
    parse_date_string,
    parse_record_date,
)

JUNE_18 = dt.date(2025, 6, 18)


@pytest.mark.parametrize(
    "text",
    [
        "18 June 2025",
        "18th June, 2025",
        "June 18, 2025",
        "Jun. 18 2025",
        "Wednesday, 18 June 2025",
        "Wed, 18 Jun 2025 10:32 GMT",
        "June 18, 2025 3:04 p.m. EDT",
        "2025-06-18",
        "2025-06-18T09:15:00Z",
        "2025/06/18",
        "18.06.2025",  # dateparser fallback
    ],
)
def test_parse_date_string_full_dates(text: str) -> None:
    assert parse_date_string(text) == JUNE_18


@pytest.mark.parametrize(
    "text",
    ["2025", "June 2025", "World News", "", "31 February 2025", "yesterday", "3 hours ago",
     "Kananaskis, Alberta, Canada June 17, 2025 - REUTERS/ AMBER BRACKEN"],
)  # fmt: skip
def test_parse_date_string_rejects_non_dates(text: str) -> None:
    assert parse_date_string(text) is None


def test_classify_dateline_ranks() -> None:
    published = classify_dateline("Published: 17 June 2025")
    bare = classify_dateline("18 June 2025")
    viewed = classify_dateline("Today : Jun 19, 2025")
    updated = classify_dateline("Updated June 20, 2025 10:00")
    assert published is not None and published.rank == RANK_PUBLISHED
    assert published.date == dt.date(2025, 6, 17)
    assert bare is not None and (bare.rank, bare.label) == (RANK_BARE, None)
    assert viewed is not None and (viewed.rank, viewed.label) == (RANK_VIEWED, "today")
    assert viewed.date == dt.date(2025, 6, 19)
    assert updated is not None and updated.rank == RANK_VIEWED
    assert classify_dateline("Published by the Foreign Ministry") is None


def test_find_publication_date_priority() -> None:
    head = ["Today : Jun 19, 2025", "World News", "18 June 2025", "Some Title"]
    assert find_publication_date(head) == (JUNE_18, 2)
    head = ["Updated: June 20, 2025", "June 19, 2025", "Posted on 18 June 2025"]
    assert find_publication_date(head) == (JUNE_18, 2)
    assert find_publication_date(["Today : Jun 19, 2025"]) == (dt.date(2025, 6, 19), 0)
    assert find_publication_date(["A title", "Body text."]) == (None, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-18", JUNE_18),
        ("2025-06-18T23:30:00-05:00", JUNE_18),
        ("2025-06-18T09:00:00Z", JUNE_18),
        ("Wed, 18 Jun 2025 10:00:00 GMT", JUNE_18),
        ("June 2025", dt.date(2025, 6, 1)),
        ("2025", None),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_record_date(value: str, expected: dt.date | None) -> None:
    assert parse_record_date(value) == expected
