"""The text-only part of indicators: amounts, units, scale words, qualifiers, ranges, and the
numbers that are not amounts. No spaCy model needed. Sentences are our own."""

from __future__ import annotations

import datetime as _dt
import random

import pytest

from dyadwatch.coding.amounts import find_amounts
from dyadwatch.nlp.dates import find_time_expressions


def _amounts(text: str) -> list[tuple[str, float | None, str | None, str | None]]:
    masked = [(e.start, e.end) for e in find_time_expressions(text, _dt.date(2025, 6, 18))]
    return [(text[a.start : a.end], a.value, a.unit, a.qualifier) for a in find_amounts(text, masked)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade reached 70 billion dollars.", [("70 billion dollars", 70e9, "USD", None)]),
        ("They pledged $70bn and US$1.2 trillion.", [("$70bn", 70e9, "USD", None), ("US$1.2 trillion", 1.2e12, "USD", None)]),
        ("It cost £3.5m, or €5 billion.", [("£3.5m", 3.5e6, "GBP", None), ("€5 billion", 5e9, "EUR", None)]),
        ("Seoul spent KRW 1.2 trillion and 300 billion won.",
         [("KRW 1.2 trillion", 1.2e12, "KRW", None), ("300 billion won", 3e11, "KRW", None)]),
        ("Beijing lent 2 billion yuan and 300 million renminbi.",
         [("2 billion yuan", 2e9, "CNY", None), ("300 million renminbi", 3e8, "CNY", None)]),
        ("Japan sent 691 billion yen.", [("691 billion yen", 691e9, "JPY", None)]),
        ("A fee of 5 US dollars applies.", [("5 US dollars", 5.0, "USD", None)]),
        ("Some 5,000 tonnes of rice arrived.", [("Some 5,000 tonnes", 5000.0, "tonnes", "about")]),
        ("Two million tourists came.", [("Two million tourists", 2e6, "people", None)]),
        ("A million visitors and half a million people came.",
         [("A million visitors", 1e6, "people", None), ("half a million people", 5e5, "people", None)]),
        ("Growth was 3.5 per cent, then 4 percent, then 5%.",
         [("3.5 per cent", 3.5, "percent", None), ("4 percent", 4.0, "percent", None), ("5%", 5.0, "percent", None)]),
        ("Rates rose 0.25 percentage points, or 25 basis points.",
         [("0.25 percentage points", 0.25, "percentage_points", None), ("25 basis points", 0.25, "percentage_points", None)]),
        ("Trade grew by approximately 350 times.", [("approximately 350 times", 350.0, "ratio", "about")]),
        ("Trade rose twofold, then a 10-fold jump.", [("twofold", 2.0, "ratio", None), ("10-fold", 10.0, "ratio", None)]),
        ("More than 11 million people travelled.", [("More than 11 million people", 11e6, "people", "more_than")]),
        ("Over 500 troops, under 20 ships.", [("Over 500 troops", 500.0, "people", "more_than"), ("under 20", 20.0, None, "less_than")]),
        ("At least 12 died and up to 40 fled.", [("At least 12", 12.0, None, "at_least"), ("up to 40", 40.0, None, "up_to")]),
        ("Nearly 20% voted; around 30% abstained.", [("Nearly 20%", 20.0, "percent", "about"), ("around 30%", 30.0, "percent", "about")]),
        ("It raised $5bn or more from 1,500+ donors.",
         [("$5bn or more", 5e9, "USD", "at_least"), ("1,500+", 1500.0, None, "more_than")]),
        ("Output fell -0.3% in May.", [("-0.3%", -0.3, "percent", None)]),
        ("Oil rose 50 cents.", [("50 cents", 0.5, "USD", None)]),
        ("Property worth Rs 3,000 crore burned.", [("Rs 3,000 crore", 3e10, "INR", None)]),
    ],
)
def test_amount(text: str, expected: list) -> None:  # type: ignore[type-arg]
    assert _amounts(text) == expected


def test_from_to_passes_the_unit_on_with_a_flag() -> None:
    text = "Trade grew from 200 million dollars in 1965 to more than 70 billion in the last year."
    masked = [(e.start, e.end) for e in find_time_expressions(text, _dt.date(2025, 6, 18))]
    first, second = find_amounts(text, masked)
    assert (first.role, second.role) == ("from", "to")
    assert second.unit == "USD" and second.value == 70e9 and second.qualifier == "more_than"
    assert second.flags == ("unit_from_context",)


def test_range_shares_scale_and_unit() -> None:
    low, high = find_amounts("Between 5 and 10 million people fled.")
    assert (low.value, low.unit, low.qualifier, low.role) == (5e6, "people", "at_least", "low")
    assert (high.value, high.unit, high.qualifier, high.role) == (10e6, "people", "up_to", "high")
    low, high = find_amounts("Tariffs of 5-10% apply.")
    assert (low.value, low.unit, high.value, high.unit) == (5.0, "percent", 10.0, "percent")


def test_comparison_is_not_a_range() -> None:
    found = find_amounts("Clinton leads 46 percent to 41 percent.")
    assert [(a.value, a.qualifier, a.role) for a in found] == [(46.0, None, "value"), (41.0, None, "value")]


@pytest.mark.parametrize(
    "text",
    [
        "They met on 17 June 2025 and again in 1965.",
        "Japan ruled Korea for 35 years, and the talks took 14 months.",
        "A 30-minute call and a 10-day trip.",
        "The 60th anniversary of the March 1st Movement.",
        "The 61-year-old leader, aged 61, spoke.",
        "Lee, 61, spoke.",
        "They met at 10:30 a.m. and again at 3 pm.",
        "Call +82 2 1234 5678 or (02) 123-4567.",
        "1.",
        "The G7, COVID-19 and the F-35 were discussed under Article 9.",
        "They met five times.",
        "The score was 3-1.",
        "See https://example.org/page/5 and 24/7 service.",
        "the two countries and the three leaders",
        "A 5G network and a 7nm chip.",
    ],
)
def test_not_an_amount(text: str) -> None:
    assert _amounts(text) == []


def test_written_number_without_unit_is_left_to_the_parser() -> None:
    (a,) = find_amounts("Ten armed marines were wounded.")
    assert (a.value, a.unit, a.written, a.flags) == (10.0, None, True, ("no_unit",))
    (b,) = find_amounts("Ten marines were wounded.")  # a head-count noun right after it
    assert (b.value, b.unit) == (10.0, "people")


def test_absurd_values_keep_the_record_without_a_value() -> None:
    text = "They claimed 10^30 yen, 1,000,000,000,000,000,000,000,000,000,000 yen, 1e30 euros and 10^99999 won."
    found = find_amounts(text)
    assert [(a.value, a.unit, a.flags) for a in found] == [
        (None, "JPY", ("absurd_value",)), (None, "JPY", ("absurd_value",)), (None, "EUR", ("absurd_value",)),
        (None, "KRW", ("absurd_value",)),
    ]
    assert find_amounts("Exactly 1.5 x 10^12 won.")[0].value == 1.5e12


def test_no_unit_is_flagged() -> None:
    (a,) = find_amounts("Revenue reached 500 last week.")
    assert (a.value, a.unit, a.flags) == (500.0, None, ("no_unit",))


def test_odd_text_never_raises() -> None:
    rng = random.Random(4)
    alphabet = "0123456789,.$€£¥₩%^*x×e+-–— ()‘’“”\"'abcmkbnMillion billion yen won\n\t⁰¹²³ "
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for a in find_amounts(text):
            assert 0 <= a.start <= a.end <= len(text)
    long_number = "9" * 5000 + " yen"
    (a,) = find_amounts(long_number)
    assert a.value is None and "absurd_value" in a.flags
