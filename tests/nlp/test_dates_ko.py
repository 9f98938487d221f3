"""Tests of dyadwatch.nlp.dates_ko (rules only, fast). REF is Friday 23 August 2019."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.nlp.dates_ko import find_time_expressions

REF = dt.date(2019, 8, 23)

Row = tuple[str, str | None, str | None, str]


def found(text: str, ref: dt.date | None = REF, context_year: int | None = None) -> list[Row]:
    return [(e.text, e.date, e.precision, e.basis)
            for e in find_time_expressions(text, ref, context_year)]


EXPLICIT: list[tuple[str, list[Row]]] = [
    ("한일 기본조약은 1965년 6월 22일 도쿄에서 서명됐다.",
     [("1965년 6월 22일", "1965-06-22", "day", "explicit")]),
    ("일본은 2019년 7월 수출 규제를 강화했다.", [("2019년 7월", "2019-07", "month", "explicit")]),
    ("2025년은 국교 정상화 60주년이다.", [("2025년", "2025", "year", "explicit")]),
    ("1960년대 양국은 협상을 이어갔다.", [("1960년대", "1960", "decade", "explicit")]),
    ("1990년대 초 관계가 개선됐다.", [("1990년대 초", "1990", "decade", "explicit")]),
    ("2019년 7월 초 규제가 발표됐다.", [("2019년 7월 초", "2019-07", "month", "explicit")]),
    ("2018년 말 대법원이 판결했다.", [("2018년 말", "2018", "year", "explicit")]),
    ("2019년 초계기 갈등이 불거졌다.", [("2019년", "2019", "year", "explicit")]),
    ("2023년 상반기 교역이 늘었다.", [("2023년 상반기", "2023-01", "month", "explicit")]),
    ("발표일은 2019.8.22였다.", [("2019.8.22", "2019-08-22", "day", "explicit")]),
    ("１９６５년 ６월 ２２일 서명", [("１９６５년 ６월 ２２일", "1965-06-22", "day", "explicit")]),
    ("2016년11월23일 체결됐다.", [("2016년11월23일", "2016-11-23", "day", "explicit")]),
]


@pytest.mark.parametrize(("text", "expected"), EXPLICIT)
def test_explicit(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


RELATIVE: list[tuple[str, list[Row]]] = [
    # a day alone: the publication month, or the previous month when > 7 days ahead
    ("정부는 22일 종료를 결정했다.", [("22일", "2019-08-22", "day", "relative")]),
    ("협정은 24일 자동 연장될 예정이었다.", [("24일", "2019-08-24", "day", "relative")]),
    ("정부는 30일 입장을 밝힌다.", [("30일", "2019-08-30", "day", "relative")]),  # 7 days ahead
    ("31일 회의가 열렸다.", [("31일", "2019-07-31", "day", "relative")]),
    ("지난 2일 각의에서 결정했다.", [("지난 2일", "2019-08-02", "day", "relative")]),
    ("지난 28일 발표했다.", [("지난 28일", "2019-07-28", "day", "relative")]),
    ("조치는 오는 28일 시행된다.", [("오는 28일", "2019-08-28", "day", "relative")]),
    ("오는 5일 회담한다.", [("오는 5일", "2019-09-05", "day", "relative")]),
    ("23∼24일 방문한다.", [("23∼24일", "2019-08-23", "day", "relative")]),
    # a month and day without a year: publication year unless > ~2 months ahead
    ("8월 2일 결정이 나왔다.", [("8월 2일", "2019-08-02", "day", "relative")]),
    ("10월 22일 즉위식이 열린다.", [("10월 22일", "2019-10-22", "day", "relative")]),
    ("12월 18일 발효됐다.", [("12월 18일", "2018-12-18", "day", "relative")]),
    ("지난 7월 4일 규제를 강화했다.", [("지난 7월 4일", "2019-07-04", "day", "relative")]),
    ("지난 9월 1일", [("지난 9월 1일", "2018-09-01", "day", "relative")]),
    ("오는 11월 23일 만료된다.", [("오는 11월 23일", "2019-11-23", "day", "relative")]),
    ("지난 6월 회담했다.", [("지난 6월", "2019-06", "month", "relative")]),
    ("오는 9월 방문한다.", [("오는 9월", "2019-09", "month", "relative")]),
    ("11월 회의", [("11월", "2018-11", "month", "relative")]),
    ("7월 말 발표", [("7월 말", "2019-07", "month", "relative")]),
    # relative words
    ("지난달 4일 규제가 시행됐다.", [("지난달 4일", "2019-07-04", "day", "relative")]),
    ("지난달 수출이 줄었다.", [("지난달", "2019-07", "month", "relative")]),
    ("이달 초 발표됐다.", [("이달 초", "2019-08", "month", "relative")]),
    ("이번 달 중순 회담", [("이번 달 중순", "2019-08", "month", "relative")]),
    ("다음 달 3일 만난다.", [("다음 달 3일", "2019-09-03", "day", "relative")]),
    ("내달 방한한다.", [("내달", "2019-09", "month", "relative")]),
    ("지난주 회담했다.", [("지난주", "2019-08-12", "week", "relative")]),
    ("이번 주 발표한다.", [("이번 주", "2019-08-19", "week", "relative")]),
    ("다음 주 만난다.", [("다음 주", "2019-08-26", "week", "relative")]),
    ("지난주 금요일 만났다.", [("지난주 금요일", "2019-08-16", "day", "relative")]),
    ("지난 월요일 통화했다.", [("지난 월요일", "2019-08-19", "day", "relative")]),
    ("지난해 대법원이 판결했다.", [("지난해", "2018", "year", "relative")]),
    ("작년 10월 30일 판결", [("작년 10월 30일", "2018-10-30", "day", "relative")]),
    ("지난해 8월 합의", [("지난해 8월", "2018-08", "month", "relative")]),
    ("올해 6월 회담", [("올해 6월", "2019-06", "month", "relative")]),
    ("올해 교역이 줄었다.", [("올해", "2019", "year", "relative")]),
    ("금년 말 만료", [("금년 말", "2019", "year", "relative")]),
    ("내년 3월 말 방문", [("내년 3월 말", "2020-03", "month", "relative")]),
    ("재작년 합의", [("재작년", "2017", "year", "relative")]),
    ("어제 발표했다.", [("어제", "2019-08-22", "day", "relative")]),
    ("오늘 통보한다.", [("오늘", "2019-08-23", "day", "relative")]),
    ("내일 만료된다.", [("내일", "2019-08-24", "day", "relative")]),
    ("그저께 만났다.", [("그저께", "2019-08-21", "day", "relative")]),
    ("3년 전 체결됐다.", [("3년 전", "2016", "year", "relative")]),
    ("2개월 전 시작됐다.", [("2개월 전", "2019-06", "month", "relative")]),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative(text: str, expected: list[Row]) -> None:
    assert found(text) == expected


def test_month_boundaries() -> None:
    early = dt.date(2025, 1, 3)
    assert found("지난달 17일", early) == [("지난달 17일", "2024-12-17", "day", "relative")]
    assert found("28일", early) == [("28일", "2024-12-28", "day", "relative")]
    assert found("12월 28일", early) == [("12월 28일", "2024-12-28", "day", "relative")]
    assert found("지난주", early) == [("지난주", "2024-12-23", "week", "relative")]
    late = dt.date(2024, 12, 30)
    assert found("오는 2일", late) == [("오는 2일", "2025-01-02", "day", "relative")]
    assert found("1월 2일", late) == [("1월 2일", "2024-01-02", "day", "relative")]
    assert found("다음 달", late) == [("다음 달", "2025-01", "month", "relative")]


def test_invalid_day_is_dropped() -> None:
    assert found("31일", dt.date(2025, 3, 3)) == []  # 31 February does not exist
    assert found("2월 30일") == []


def test_sentence_year_frames_month_and_day() -> None:
    text = "한일 기본조약은 1965년 6월 22일 서명돼 12월 18일 발효됐다."
    assert found(text) == [("1965년 6월 22일", "1965-06-22", "day", "explicit"),
                           ("12월 18일", "1965-12-18", "day", "context")]
    assert found("지난해 3월 합의하고 10월 30일 판결했다.") == [
        ("지난해 3월", "2018-03", "month", "relative"),
        ("10월 30일", "2018-10-30", "day", "relative")]


def test_year_does_not_frame_across_sentences() -> None:
    text = "2016년 협정이 체결됐다. 정부는 8월 22일 종료를 결정했다."
    assert found(text)[1] == ("8월 22일", "2019-08-22", "day", "relative")


def test_context_year() -> None:
    assert found("6월 22일 서명됐다.", REF, context_year=1965) == [
        ("6월 22일", "1965-06-22", "day", "context")]


def test_anchored_expressions() -> None:
    assert found("정부는 당일 발표했다.") == []
    assert found("같은 날 이날 그날 전날 다음 날") == []
    assert found("같은 해 12월 18일 발효됐다.") == []  # no year to anchor to
    assert found("지난 6월 9일 통화했고 같은 달 17일 만났다.") == [
        ("지난 6월 9일", "2019-06-09", "day", "relative")]
    assert found("1965년 6월 서명돼 같은 해 12월 발효됐다.") == [
        ("1965년 6월", "1965-06", "month", "explicit"),
        ("같은 해 12월", "1965-12", "month", "context")]
    assert found("2018년 판결이 나왔고 이듬해 규제가 시작됐다.") == [
        ("2018년", "2018", "year", "explicit"), ("이듬해", "2019", "year", "context")]


def test_counts_are_not_dates() -> None:
    assert found("3일간 머물렀다.") == []
    assert found("12년 만에 방문했다.") == []
    assert found("3개월 동안 협상했다.") == []
    assert found("오늘날 양국 관계") == []
    assert found("1박 2일 일정") == []


def test_this_year_words() -> None:
    assert found("연내 답방할 것으로 보인다.") == [("연내", "2019", "year", "relative")]


def test_unresolved_without_publication_date() -> None:
    assert found("지난달 17일과 22일, 그리고 2019년 7월", None) == [
        ("지난달 17일", None, None, "relative"), ("22일", None, None, "relative"),
        ("2019년 7월", "2019-07", "month", "explicit")]
    assert found("지난해 올해 내일", None) == [
        ("지난해", None, None, "relative"), ("올해", None, None, "relative"),
        ("내일", None, None, "relative")]


def test_offsets_and_order() -> None:
    text = "윤 대통령은 16일 도쿄에서 기시다 총리와 회담했고, 지난 6일 해법이 발표됐다."
    exprs = find_time_expressions(text, dt.date(2023, 3, 17))
    assert [text[e.start:e.end] for e in exprs] == ["16일", "지난 6일"]
    assert [e.date for e in exprs] == ["2023-03-16", "2023-03-06"]
    assert exprs[0].start < exprs[1].start


def test_empty() -> None:
    assert find_time_expressions("", REF) == []
    assert found("양국은 협력을 강화하기로 했다.") == []
