"""Tests of dyadwatch.nlp.dates_ja (rules only, fast). REF is Wednesday 18 June 2025."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.nlp.dates_ja import find_time_expressions

REF = dt.date(2025, 6, 18)

Row = tuple[str, str | None, str | None, str]


def found(text: str, ref: dt.date | None = REF) -> list[Row]:
    return [(e.text, e.date, e.precision, e.basis) for e in find_time_expressions(text, ref)]


EXPLICIT: list[tuple[str, list[Row]]] = [
    ("日韓基本条約は1965年6月22日に東京で署名された。", [("1965年6月22日", "1965-06-22", "day", "explicit")]),
    ("日本は2019年7月に輸出管理を強化した。", [("2019年7月", "2019-07", "month", "explicit")]),
    ("2025年は国交正常化60周年に当たる。", [("2025年", "2025", "year", "explicit")]),
    ("1960年代の交渉は難航した。", [("1960年代", "1960", "decade", "explicit")]),
    ("90年代後半に関係は改善した。", [("90年代後半", "1990", "decade", "explicit")]),
    ("令和7年6月17日に会談した。", [("令和7年6月17日", "2025-06-17", "day", "explicit")]),
    ("平成31年4月30日に退位した。", [("平成31年4月30日", "2019-04-30", "day", "explicit")]),
    ("条約は昭和40年に結ばれた。", [("昭和40年", "1965", "year", "explicit")]),
    ("令和元年5月1日に即位した。", [("令和元年5月1日", "2019-05-01", "day", "explicit")]),
    ("平成元年", [("平成元年", "1989", "year", "explicit")]),
    ("１９６５年６月２２日に署名", [("１９６５年６月２２日", "1965-06-22", "day", "explicit")]),
    ("一九六五年に署名", [("一九六五年", "1965", "year", "explicit")]),
    ("2019年7月上旬に発表した。", [("2019年7月上旬", "2019-07", "month", "explicit")]),
    ("2019年度の輸出", [("2019年度", "2019", "year", "explicit")]),
    ("2019年後半に", [("2019年後半", "2019-07", "month", "explicit")]),
    ("2019年末までに", [("2019年末", "2019", "year", "explicit")]),
]


@pytest.mark.parametrize(("text", "expected"), EXPLICIT)
def test_explicit_dates(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


RELATIVE: list[tuple[str, list[Row]]] = [
    ("石破首相は17日、李大統領と会談した。", [("17日", "2025-06-17", "day", "relative")]),
    ("25日に発表する。", [("25日", "2025-06-25", "day", "relative")]),  # 7 days ahead: this month
    ("28日に発表した。", [("28日", "2025-05-28", "day", "relative")]),  # more than 7 ahead: last month
    ("6月22日に60周年を迎える。", [("6月22日", "2025-06-22", "day", "relative")]),
    ("12月3日の非常戒厳", [("12月3日", "2024-12-03", "day", "relative")]),  # > 2 months ahead
    ("8月に発表する。", [("8月", "2025-08", "month", "relative")]),
    ("9月に", [("9月", "2024-09", "month", "relative")]),  # 3 months ahead: last year's
    ("六月二十二日", [("六月二十二日", "2025-06-22", "day", "relative")]),
    ("先月17日に", [("先月17日", "2025-05-17", "day", "relative")]),
    ("今月5日", [("今月5日", "2025-06-05", "day", "relative")]),
    ("先月", [("先月", "2025-05", "month", "relative")]),
    ("今月", [("今月", "2025-06", "month", "relative")]),
    ("来月", [("来月", "2025-07", "month", "relative")]),
    ("先々月", [("先々月", "2025-04", "month", "relative")]),
    ("今月下旬に訪日する。", [("今月下旬", "2025-06", "month", "relative")]),
    ("先週", [("先週", "2025-06-09", "week", "relative")]),
    ("今週", [("今週", "2025-06-16", "week", "relative")]),
    ("来週", [("来週", "2025-06-23", "week", "relative")]),
    ("昨年", [("昨年", "2024", "year", "relative")]),
    ("去年", [("去年", "2024", "year", "relative")]),
    ("今年", [("今年", "2025", "year", "relative")]),
    ("本年", [("本年", "2025", "year", "relative")]),
    ("来年", [("来年", "2026", "year", "relative")]),
    ("一昨年", [("一昨年", "2023", "year", "relative")]),
    ("年内に", [("年内", "2025", "year", "relative")]),
    ("昨年8月", [("昨年8月", "2024-08", "month", "relative")]),
    ("今年6月", [("今年6月", "2025-06", "month", "relative")]),
    ("昨年12月3日", [("昨年12月3日", "2024-12-03", "day", "relative")]),
    ("昨日", [("昨日", "2025-06-17", "day", "relative")]),
    ("きのう", [("きのう", "2025-06-17", "day", "relative")]),
    ("一昨日", [("一昨日", "2025-06-16", "day", "relative")]),
    ("今日", [("今日", "2025-06-18", "day", "relative")]),
    ("本日", [("本日", "2025-06-18", "day", "relative")]),
    ("明日", [("明日", "2025-06-19", "day", "relative")]),
    ("昨夏", [("昨夏", "2024-06", "month", "relative")]),
    ("3年前", [("3年前", "2022", "year", "relative")]),
    ("2カ月前", [("2カ月前", "2025-04", "month", "relative")]),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_dates(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_month_day_takes_a_framing_year_of_the_text() -> None:
    assert found("大法院は2018年10月30日と11月29日に判決を言い渡した。") == [
        ("2018年10月30日", "2018-10-30", "day", "explicit"),
        ("11月29日", "2018-11-29", "day", "context")]


def test_year_modifying_a_noun_frames_nothing() -> None:
    assert found("1965年の国交正常化から60年となる6月22日") == [
        ("1965年", "1965", "year", "explicit"), ("6月22日", "2025-06-22", "day", "relative")]


def test_year_boundaries() -> None:
    assert found("1月10日に", dt.date(2024, 12, 20)) == [("1月10日", "2025-01-10", "day", "relative")]
    assert found("28日に", dt.date(2025, 1, 3)) == [("28日", "2024-12-28", "day", "relative")]
    assert found("先月", dt.date(2025, 1, 3)) == [("先月", "2024-12", "month", "relative")]


@pytest.mark.parametrize("text", ["先月17日", "17日", "昨年", "6月22日", "先週", "今日", "3年前"])
def test_relative_without_publication_date_is_unresolved(text: str) -> None:
    assert found(text, None) == [(text, None, None, "relative")]


def test_explicit_without_publication_date_is_resolved() -> None:
    assert found("1965年6月22日", None) == [("1965年6月22日", "1965-06-22", "day", "explicit")]


@pytest.mark.parametrize("text", [
    "同日、", "同月", "同年", "翌日", "前年", "17日間の日程", "3日後に", "10日以内に", "60周年", "60年前後",
    "先日", "最近", "3月期決算", "5000年", "1000人",
])
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_offsets_and_order() -> None:
    text = "石破茂首相は17日、先月就任した李在明大統領と、昨年8月以来の会談を1965年の条約に触れつつ行った。"
    exprs = find_time_expressions(text, REF)
    assert [(text[e.start:e.end], e.text) for e in exprs] == [
        ("17日", "17日"), ("先月", "先月"), ("昨年8月", "昨年8月"), ("1965年", "1965年")]
    assert [e.start for e in exprs] == sorted(e.start for e in exprs)
    assert exprs[0].start == text.index("17日") and exprs[0].end == text.index("17日") + 3


def test_full_width_offsets_follow_the_original_text() -> None:
    text = "韓国は２０１９年８月２２日、協定の終了を決めた。"
    (e,) = find_time_expressions(text, REF)
    assert (e.start, e.end, e.text, e.date) == (3, 13, "２０１９年８月２２日", "2019-08-22")


def test_longest_wins_without_overlap() -> None:
    rows = found("先月17日と今年6月22日")
    assert [r[0] for r in rows] == ["先月17日", "今年6月22日"]
    assert rows[1][1] == "2025-06-22"


def test_empty_text() -> None:
    assert find_time_expressions("", REF) == []
