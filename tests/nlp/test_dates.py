"""Tests of dyadwatch.nlp.dates (rules only, fast). REF is Wednesday 18 June 2025."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.errors import QueryError
from dyadwatch.nlp.dates import date_sort_key, find_time_expressions, latest_year
from dyadwatch.records import TimeExpr

REF = dt.date(2025, 6, 18)

Row = tuple[str, str | None, str | None, str]


def found(text: str, ref: dt.date | None = REF, context_year: int | None = None) -> list[Row]:
    return [(e.text, e.date, e.precision, e.basis)
            for e in find_time_expressions(text, ref, context_year)]


# --- explicit dates --------------------------------------------------------------------------

EXPLICIT: list[tuple[str, list[Row]]] = [
    ("The treaty was signed on 22 June 1965 in Tokyo.",
     [("22 June 1965", "1965-06-22", "day", "explicit")]),
    ("It was signed on June 22, 1965, in Tokyo.",
     [("June 22, 1965", "1965-06-22", "day", "explicit")]),
    ("The ministry published the figures on 2025-06-18.",
     [("2025-06-18", "2025-06-18", "day", "explicit")]),
    ("The notice is dated 6/18/2025.", [("6/18/2025", "2025-06-18", "day", "explicit")]),
    ("On Thursday, June 19, 2025, the minister arrived.",
     [("Thursday, June 19, 2025", "2025-06-19", "day", "explicit")]),
    ("Thursday 19 June 2025 was chosen.",
     [("Thursday 19 June 2025", "2025-06-19", "day", "explicit")]),
    ("The deal was signed Sept. 12, 2024.", [("Sept. 12, 2024", "2024-09-12", "day", "explicit")]),
    ("Talks stalled in January 2025.", [("January 2025", "2025-01", "month", "explicit")]),
    ("They began in December 2024.", [("December 2024", "2024-12", "month", "explicit")]),
    ("Fighting resumed in late March 2025.", [("late March 2025", "2025-03", "month", "explicit")]),
    ("Exports rose in early June 2025.", [("early June 2025", "2025-06", "month", "explicit")]),
    ("Tensions peaked in mid-March 2025.", [("mid-March 2025", "2025-03", "month", "explicit")]),
    ("Troops will leave by the end of May 2025.",
     [("the end of May 2025", "2025-05", "month", "explicit")]),
    ("March 2025 saw a rise in exports.", [("March 2025", "2025-03", "month", "explicit")]),
    ("Korea was annexed in 1910.", [("1910", "1910", "year", "explicit")]),
    ("The court ruled in 2018 that the firms must pay.", [("2018", "2018", "year", "explicit")]),
    ("The troops have stayed since 2001.", [("2001", "2001", "year", "explicit")]),
    ("Emissions must be cut by 2030.", [("2030", "2030", "year", "explicit")]),
    ("Growth slowed in mid-2019.", [("mid-2019", "2019", "year", "explicit")]),
    ("It was the year 1965 that changed everything.", [("1965", "1965", "year", "explicit")]),
    ("Revenue fell in fiscal 2024.", [("fiscal 2024", "2024", "year", "explicit")]),
    ("2019, the year of protests, changed the city.", [("2019", "2019", "year", "explicit")]),
    ("The economy boomed in the 1920s.", [("1920s", "1920", "decade", "explicit")]),
    ("Prices fell during the 2010s.", [("2010s", "2010", "decade", "explicit")]),
    ("The 1965 pact normalised ties.", [("1965", "1965", "year", "explicit")]),
    ("The 2018 rulings angered Tokyo.", [("2018", "2018", "year", "explicit")]),
    ("The 2023 agreement and the 2024 election were discussed.",
     [("2023", "2023", "year", "explicit"), ("2024", "2024", "year", "explicit")]),
    ("Russia's 2022 invasion shocked Europe.", [("2022", "2022", "year", "explicit")]),
    ("In 2019 students protested in the capital.", [("2019", "2019", "year", "explicit")]),
    ("In a 2019 interview, he said so.", [("2019", "2019", "year", "explicit")]),
    ("The 2018–2019 disputes hurt trade.",
     [("2018", "2018", "year", "explicit"), ("2019", "2019", "year", "explicit")]),
    ("Bloody Sunday was remembered in 2022.", [("2022", "2022", "year", "explicit")]),
    ("Growth was strong in the first quarter of 2025.",
     [("first quarter of 2025", "2025-01", "month", "explicit")]),
    ("Profits fell in Q3 2024.", [("Q3 2024", "2024-07", "month", "explicit")]),
    ("Prices rose in the summer of 2019.", [("summer of 2019", "2019-06", "month", "explicit")]),
]


@pytest.mark.parametrize(("text", "expected"), EXPLICIT, ids=[t for t, _ in EXPLICIT])
def test_explicit(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


RANGES = [
    "Korea was ruled by Japan between 1910 and 1945.",
    "Korea was ruled by Japan from 1910 to 1945.",
    "Korea was ruled by Japan in 1910-1945.",
    "Korea was ruled by Japan in 1910–1945.",
]


@pytest.mark.parametrize("text", RANGES)
def test_year_ranges_give_two_expressions_start_first(text: str) -> None:
    rows = found(text)
    assert [(r[1], r[2], r[3]) for r in rows] == [("1910", "year", "explicit"),
                                                  ("1945", "year", "explicit")]


def test_short_range_end_takes_the_century() -> None:
    assert [r[1] for r in found("The 1914-18 war and the 2010-11 season.")] == [
        "1914", "1918", "2010", "2011"]


# --- numbers that are not years --------------------------------------------------------------

NOT_YEARS = [
    "The plant employs 1,500 workers.",
    "The alliance has lasted over 100 years.",
    "The package is worth 70 billion.",
    "It costs $800 million.",
    "About 2,000 were evacuated.",
    "Some 3000 troops were deployed.",
    "Leaders met at the G7 and the G20.",
    "The crash happened on Route 1910.",
    "There were 1910 people in the hall.",
    "The ship carried 1965 tonnes of grain.",
    "Call 555-1910 for details.",
    "Support rose to 2019% of the target.",
    "A total of 1900 people were evacuated.",
    "The strike resulted in 2000 deaths.",
    "Resolution 2231 was adopted.",
    "The index rose 2019 points.",
    "The stock fell in 2018 dollars terms.",
    "Officials said the situation was stable.",
    "Prices have risen recently.",
    "The region has lately seen more protests.",
    "Violence has grown in recent years.",
    "Ministers may meet again soon.",
    "Theresa May spoke to reporters.",
    "They spoke to May about Brexit.",
    "The Arab Spring changed the region.",
    "The fall of Kabul shocked the world.",
    "He scored in the second half of the match.",
    "He was born on 31 February.",
    "The last year of his term was quiet.",
    "The talks end at 2100 GMT.",
    "From 1800 to 2000 people attended.",
    "The Good Friday agreement still holds.",
    "A visit to Mar-a-Lago followed.",
]


@pytest.mark.parametrize("text", NOT_YEARS)
def test_no_time_expression(text: str) -> None:
    assert found(text) == []


# --- day and month without a year ------------------------------------------------------------

WITHOUT_YEAR: list[tuple[str, int | None, list[Row]]] = [
    ("The talks were held on 17 June.", None, [("17 June", "2025-06-17", "day", "relative")]),
    ("The talks were held on June 17.", None, [("June 17", "2025-06-17", "day", "relative")]),
    ("The talks end on June 5th.", None, [("June 5th", "2025-06-05", "day", "relative")]),
    ("The summit is expected to host a reception on Thursday 19 June.", None,
     [("Thursday 19 June", "2025-06-19", "day", "relative")]),
    ("The talks were held on 17 June.", 2023, [("17 June", "2023-06-17", "day", "context")]),
    ("Ministers met on 20 December.", None, [("20 December", "2024-12-20", "day", "relative")]),
    ("In 2018, he visited Paris on 17 June.", 2025,
     [("2018", "2018", "year", "explicit"), ("17 June", "2018-06-17", "day", "context")]),
    ("The 2018 rulings were overturned on 17 June.", None,
     [("2018", "2018", "year", "explicit"), ("17 June", "2018-06-17", "day", "context")]),
    ("The 2018 rulings were overturned on 17 June.", 2025,
     [("2018", "2018", "year", "explicit"), ("17 June", "2025-06-17", "day", "context")]),
    ("In May, the ministers met.", None, [("May", "2025-05", "month", "relative")]),
    ("The May dialogue resumed.", None, [("May", "2025-05", "month", "relative")]),
    ("Elections are due in early May.", 2026, [("early May", "2026-05", "month", "context")]),
    ("He left in December.", None, [("December", "2024-12", "month", "relative")]),
    ("He will leave in December.", None, [("December", "2025-12", "month", "relative")]),
    ("The vote took place last March.", None, [("last March", "2025-03", "month", "relative")]),
    ("The vote takes place next May.", None, [("next May", "2026-05", "month", "relative")]),
    ("Growth slowed in the third quarter.", 2024,
     [("third quarter", "2024-07", "month", "context")]),
]


@pytest.mark.parametrize(("text", "context_year", "expected"), WITHOUT_YEAR,
                         ids=[f"{t}|{c}" for t, c, _ in WITHOUT_YEAR])
def test_day_or_month_without_year(text: str, context_year: int | None,
                                   expected: list[Row]) -> None:
    assert found(text, REF, context_year) == expected


# --- relative to the publication date --------------------------------------------------------

RELATIVE: list[tuple[str, str, str | None, str]] = [
    ("Talks were held today.", "today", "2025-06-18", "day"),
    ("Talks were held yesterday.", "yesterday", "2025-06-17", "day"),
    ("Talks will be held tomorrow.", "tomorrow", "2025-06-19", "day"),
    ("Clashes broke out last night.", "last night", "2025-06-17", "day"),
    ("The minister arrived on Thursday.", "Thursday", "2025-06-12", "day"),
    ("The minister will arrive on Thursday.", "Thursday", "2025-06-19", "day"),
    ("The minister said on Thursday he will resign.", "Thursday", "2025-06-12", "day"),
    ("The minister arrived on Wednesday.", "Wednesday", "2025-06-18", "day"),
    ("The minister resigned last Friday.", "last Friday", "2025-06-13", "day"),
    ("The minister resigned this Monday.", "this Monday", "2025-06-16", "day"),
    ("The minister resigns next Tuesday.", "next Tuesday", "2025-06-24", "day"),
    ("Shelling resumed on Monday night.", "Monday night", "2025-06-16", "day"),
    ("Talks were held this week.", "this week", "2025-06-16", "week"),
    ("Talks were held earlier this week.", "earlier this week", "2025-06-16", "week"),
    ("Talks will be held later this week.", "later this week", "2025-06-16", "week"),
    ("Talks were held last week.", "last week", "2025-06-09", "week"),
    ("Talks will be held next week.", "next week", "2025-06-23", "week"),
    ("Talks were held earlier this month.", "earlier this month", "2025-06", "month"),
    ("Talks were held this month.", "this month", "2025-06", "month"),
    ("Talks will be held later this month.", "later this month", "2025-06", "month"),
    ("Talks were held last month.", "last month", "2025-05", "month"),
    ("Talks will be held next month.", "next month", "2025-07", "month"),
    ("Talks were held earlier in the month.", "earlier in the month", "2025-06", "month"),
    ("Talks were held this year.", "this year", "2025", "year"),
    ("Talks were held last year.", "last year", "2024", "year"),
    ("Talks will be held next year.", "next year", "2026", "year"),
    ("Talks were held earlier this year.", "earlier this year", "2025", "year"),
    ("Exports fell in the last year.", "the last year", "2024", "year"),
    ("Exports fell in the past year.", "the past year", "2024", "year"),
    ("Exports fell over the past year.", "the past year", "2024", "year"),
    ("Talks collapsed 3 days ago.", "3 days ago", "2025-06-15", "day"),
    ("Talks collapsed a week ago.", "a week ago", "2025-06-09", "week"),
    ("Talks collapsed two weeks ago.", "two weeks ago", "2025-06-02", "week"),
    ("Talks collapsed four months ago.", "four months ago", "2025-02", "month"),
    ("Talks collapsed two years ago.", "two years ago", "2023", "year"),
    ("The drought began last summer.", "last summer", "2024-06", "month"),
    ("Profits fell last quarter.", "last quarter", "2025-01", "month"),
]


@pytest.mark.parametrize(("text", "span", "date", "precision"), RELATIVE,
                         ids=[t for t, *_ in RELATIVE])
def test_relative_to_publication_date(text: str, span: str, date: str, precision: str) -> None:
    assert found(text) == [(span, date, precision, "relative")]


@pytest.mark.parametrize(("text", "span", "date", "precision"), RELATIVE[::3],
                         ids=[t for t, *_ in RELATIVE[::3]])
def test_relative_without_ref_is_unresolved(text: str, span: str, date: str,
                                            precision: str) -> None:
    assert found(text, ref=None) == [(span, None, precision, "relative")]


@pytest.mark.parametrize("text", ["The talks were held on 17 June.", "In May, they met.",
                                  "He will arrive on Thursday 19 June."])
def test_day_month_without_ref_or_context_is_unresolved(text: str) -> None:
    rows = found(text, ref=None)
    assert len(rows) == 1
    assert rows[0][1] is None and rows[0][3] == "relative"


ANCHORED: list[tuple[str, int | None, list[Row]]] = [
    ("He arrived the previous day.", None, [("the previous day", None, "day", "context")]),
    ("He had arrived the day before.", 2019, [("the day before", None, "day", "context")]),
    ("Two days later, troops arrived.", None, [("Two days later", None, "day", "context")]),
    ("That year the economy shrank.", 2019, [("That year", "2019", "year", "context")]),
    ("The following year it grew.", 2019, [("The following year", "2020", "year", "context")]),
    ("The following year it grew.", None, [("The following year", None, "year", "context")]),
]


@pytest.mark.parametrize(("text", "context_year", "expected"), ANCHORED,
                         ids=[f"{t}|{c}" for t, c, _ in ANCHORED])
def test_anchored_expressions_have_context_basis(text: str, context_year: int | None,
                                                 expected: list[Row]) -> None:
    assert found(text, REF, context_year) == expected


# --- spans, order, helpers -------------------------------------------------------------------


def test_offsets_point_into_text_in_order_without_overlap() -> None:
    text = ("On Thursday, June 19, 2025, ministers who met last week in Seoul said the 1965 pact, "
            "signed between 1910 and 1945 rule's end and 22 June 1965, will be reviewed next year.")
    exprs = find_time_expressions(text, REF)
    assert [e.text for e in exprs] == ["Thursday, June 19, 2025", "last week", "1965", "1910",
                                       "1945", "22 June 1965", "next year"]
    for e in exprs:
        assert text[e.start:e.end] == e.text
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:]))


def test_longest_match_wins() -> None:
    assert found("Exports fell in the last year.") == [
        ("the last year", "2024", "year", "relative")]
    assert [r[0] for r in found("Troops left on 22 June 1965.")] == ["22 June 1965"]


def test_latest_year_takes_the_last_resolved_expression() -> None:
    exprs = find_time_expressions("In 2018 and in 2020, the previous day.", REF)
    assert latest_year(exprs) == 2020
    assert latest_year([]) is None
    unresolved = [TimeExpr(0, 5, "today", None, "day", "relative")]
    assert latest_year(unresolved) is None


def test_context_year_carries_from_previous_sentence() -> None:
    first = find_time_expressions("The agreement was signed in March 2019.", REF)
    year = latest_year(first)
    assert year == 2019
    assert found("Talks resumed on 3 June.", REF, year) == [
        ("3 June", "2019-06-03", "day", "context")]


@pytest.mark.parametrize(("date", "expected"), [
    ("2025", dt.date(2025, 1, 1)), ("2025-06", dt.date(2025, 6, 1)),
    ("2025-06-18", dt.date(2025, 6, 18)), ("1920", dt.date(1920, 1, 1)),
])
def test_date_sort_key_is_first_day_of_period(date: str, expected: dt.date) -> None:
    assert date_sort_key(date) == expected


@pytest.mark.parametrize("date", ["", "June 2025", "2025-13", "2025-06-31", "25-06-18"])
def test_date_sort_key_rejects_malformed(date: str) -> None:
    with pytest.raises(QueryError):
        date_sort_key(date)


def test_empty_and_plain_sentences() -> None:
    assert find_time_expressions("", REF) == []
    assert find_time_expressions("Seoul and Tokyo agreed to cooperate.", REF, 2020) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He left in March last year.", [("March last year", "2024-03", "month", "relative")]),
    ("Talks failed on June 3 last year.",
     [("June 3 last year", "2024-06-03", "day", "relative")]),
    ("Last year, on 3 June, talks failed.",
     [("Last year", "2024", "year", "relative"), ("3 June", "2024-06-03", "day", "relative")]),
])
def test_month_or_day_in_a_relative_year(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_non_ascii_text_keeps_offsets() -> None:
    text = "İstanbul talks were held on 17 June and last week."
    exprs = find_time_expressions(text, REF)
    assert [text[e.start:e.end] for e in exprs] == ["17 June", "last week"]
