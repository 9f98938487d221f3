"""Find and resolve time expressions in Japanese news text (pure rules, no parser).

:func:`find_time_expressions` returns :class:`~dyadwatch.records.TimeExpr` records in text order,
with character offsets into ``text`` and no overlaps (the longest candidate wins, so 先月17日 is
one expression, not 先月 and 17日). Full-width digits (１９６５年) are read like ASCII digits and
simple kanji numerals (一九六五年, 六月二十二日, 令和七年) are read too; a bare kanji day (一日) is
not, because it usually means "one day".

Resolution follows the English module (``nlp/dates.py``); ``date`` is ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD`` (week precision: the Monday; decade: the first year):

* Written in full (basis ``explicit``): 1965年6月22日, 2019年7月, 2025年 (also 2025年度, and
  2019年7月上旬/中旬/下旬 at month precision, 2019年前半 as 2019-01 and 2019年後半 as 2019-07 at
  month precision like the English "first/second half"), 1960年代 (decade), era years 令和7年,
  平成31年4月30日, 昭和40年6月22日, 令和元年. A four-digit year needs 年 after it and must lie in
  1800-2100; 年間 (a duration) is not a year.
* A month and day without a year (6月22日, 7月, 7月上旬) take the year of an explicit year written
  earlier in the same text (basis ``context``: 2018年10月30日と11月29日), else the year that puts
  the date at most about two months after ``published`` and nearest to it (basis ``relative``):
  for an article of 2019-07-05, 8月 is 2019-08 but 12月 is 2018-12.
* A bare day (17日) is that day of the publication month, or of the previous month when it is more
  than seven days after the publication day (basis ``relative``). Durations and offsets
  (17日間, 3日後, 10日以内, 5日ぶり) are not dates.
* Relative words, against ``published`` (basis ``relative``): 昨日/きのう, 一昨日/おととい, 今日/本日/
  きょう, 明日/あす, 明後日/あさって (day); 先週, 今週, 来週 (week); 先月, 先々月, 今月, 来月, 今月上旬/
  中旬/下旬/末, 月内 (month); 昨年/去年, 一昨年/おととし, 今年/本年, 来年, 再来年, 年内 (year);
  先月17日, 今月5日, 来月1日 (day); 昨年8月, 今年6月, 来年1月 and 昨年8月15日 (month/day);
  今春/昨夏/来秋/今冬 (month precision: spring 03, summer 06, autumn 09, winter 12);
  3年前, 2カ月前, 2週間前, 5日前 (as many periods before ``published``).
* With ``published=None`` every expression that needs it is returned with ``date=None`` and
  ``precision=None`` (never guessed).
* Not returned: expressions anchored to another event, not to the publication date (同日, 同月,
  同年, 翌日, 前日, 前年, 翌年, その後): the caller resolves them from its anchor. Vague words
  (先日, 最近, 近年) are not returned either.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from dyadwatch.nlp.dates_calendar import offset_date, season_date, shift_month, valid, ym, ymd
from dyadwatch.records import DateBasis, DatePrecision, TimeExpr

__all__ = ["find_time_expressions"]

_FULLWIDTH: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")}
#: Era name → the Gregorian year before its first year (令和元年 = 2019).
_ERAS: Final = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
#: A date more than this many days after publication is taken to be in the previous year.
_FUTURE_DAYS: Final = 61
#: A bare day more than this many days after the publication day is in the previous month.
_DAY_AHEAD: Final = 7
_SEASONS: Final = {"春": 3, "夏": 6, "秋": 9, "冬": 12}

# --- building blocks (applied to text whose full-width digits are made ASCII) ---------------
_KN: Final = "〇一二三四五六七八九十"
_NUM2: Final = rf"(?:(?<![0-9])[0-9]{{1,2}}(?![0-9])|(?<![{_KN}])[{_KN}]{{1,3}}(?![{_KN}]))"
_ARABIC2: Final = r"(?<![0-9.])[0-9]{1,2}(?![0-9])"
_YEAR: Final = r"(?:(?<![0-9])[0-9]{4}(?![0-9])|(?<![〇一二三四五六七八九])[〇一二三四五六七八九]{4})"
_PART: Final = r"(?:上旬|中旬|下旬|初め|初旬|半ば|末)"
_HALF: Final = r"(?:前半|上半期|後半|下半期)"
_ERA: Final = "(?:" + "|".join(_ERAS) + ")"
_NOT_DAY_AFTER: Final = r"(?!間|後|前|以内|以上|ぶり|連続|余り|あまり|近く|分|程度|目|付近|当たり|あたり|平均)"
_NOT_YEAR_AFTER: Final = r"(?!間|ぶり|前|後|以上|余り|あまり|近く|目)"
_NOT_MONTH_AFTER: Final = r"(?!間|後|前|余り|あまり|以内|ぶり)"


@dataclass(frozen=True, slots=True)
class _Cand:
    """A matched expression before selection: span and a resolver of (date, precision, basis)."""

    start: int
    end: int
    resolve: Callable[[], "_Resolved | None"]


def _num(text: str) -> int:
    """An Arabic or simple kanji numeral (一九六五, 二十二, 十, 元) as an int."""
    if text == "元":
        return 1
    if text.isdigit() and text.isascii():
        return int(text)
    if "十" not in text:
        return int("".join(str(_KANJI_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)


def _year_for(month: int, day: int | None, ref: _dt.date) -> int | None:
    """The latest year that puts month/day at most ~two months after ``ref``."""
    for y in (ref.year + 1, ref.year, ref.year - 1):
        if day is None:
            if (y * 12 + month) - (ref.year * 12 + ref.month) <= 2:
                return y
        elif valid(y, month, day) and (_dt.date(y, month, day) - ref).days <= _FUTURE_DAYS:
            return y
    return None


def _season(season: int, rel: str, ref: _dt.date) -> str:
    """昨/今/来 + season → YYYY-MM of its first month (winter: December)."""
    return season_date(season, {"昨": -1, "来": 1}.get(rel, 0), ref)


#: A rule's result: (date, precision, basis), or None when the match is not a valid date.
_Resolved = tuple[str | None, DatePrecision | None, DateBasis]
#: A rule: the match, the publication date and the framing years of the text → its resolution.
_Rule = Callable[[re.Match[str], _dt.date | None, list[tuple[int, int]]], _Resolved | None]


def _explicit(m: re.Match[str], _ref: _dt.date | None, _years: list[tuple[int, int]]
              ) -> _Resolved | None:
    """Y年M月D日 / Y年M月(上旬…) / Y年(度) / Y年前半 / era forms."""
    g = m.groupdict()
    year = _num(g["y"]) + _ERAS[g["era"]] if g.get("era") else _num(g["y"])
    if not g.get("era") and not 1800 <= year <= 2100:
        return None
    if g.get("half"):
        return ym(year, 1 if g["half"] in ("前半", "上半期") else 7), "month", "explicit"
    return _calendar(g, year, "explicit")


def _calendar(g: dict[str, Any], year: int, basis: DateBasis) -> _Resolved | None:
    """``year``, with the match's month and day when it has them; None for a date that does not
    exist (2025年2月30日)."""
    if g.get("mo") is None:
        return str(year), "year", basis
    month = _num(g["mo"])
    if g.get("d") is None:
        return (ym(year, month), "month", basis) if valid(year, month) else None
    day = _num(g["d"])
    return (ymd(year, month, day), "day", basis) if valid(year, month, day) else None


def _decade(m: re.Match[str], _ref: _dt.date | None, _years: list[tuple[int, int]]
            ) -> _Resolved | None:
    value = int(m["y"])
    if len(m["y"]) == 2:
        value += 1900 if value >= 30 else 2000
    if value % 10 or not 1800 <= value <= 2100:
        return None
    return str(value), "decade", "explicit"


def _month_day(m: re.Match[str], ref: _dt.date | None, years: list[tuple[int, int]]
               ) -> _Resolved | None:
    """M月D日 or M月(上旬…) without a year: a year written earlier in the text, else ``ref``."""
    month = _num(m["mo"])
    day = _num(m["d"]) if m["d"] else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    precision: DatePrecision = "day" if day is not None else "month"
    framing = [y for end, y in years if end <= m.start()]
    if framing:
        y = framing[-1]
        if day is not None and not valid(y, month, day):
            return None
        return (ymd(y, month, day) if day is not None else ym(y, month)), precision, "context"
    if ref is None:
        return None, None, "relative"
    year = _year_for(month, day, ref)
    if year is None:
        return None
    return (ymd(year, month, day) if day is not None else ym(year, month)), precision, "relative"


def _bare_day(m: re.Match[str], ref: _dt.date | None, _years: list[tuple[int, int]]
              ) -> _Resolved | None:
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    if ref is None:
        return None, None, "relative"
    y, mo = (ref.year, ref.month) if day <= ref.day + _DAY_AHEAD else shift_month(ref.year, ref.month, -1)
    if not valid(y, mo, day):
        return None
    return ymd(y, mo, day), "day", "relative"


_DAY_WORDS: Final = {"一昨日": -2, "おととい": -2, "昨日": -1, "きのう": -1, "今日": 0, "本日": 0, "きょう": 0,
                     "明日": 1, "あす": 1, "あした": 1, "明後日": 2, "あさって": 2}
_WEEK_WORDS: Final = {"先週": -1, "今週": 0, "来週": 1}
_MONTH_WORDS: Final = {"先々月": -2, "先月": -1, "今月": 0, "来月": 1, "月内": 0}
_YEAR_WORDS: Final = {"一昨年": -2, "おととし": -2, "昨年": -1, "去年": -1, "今年": 0, "本年": 0, "年内": 0,
                      "来年": 1, "再来年": 2}
_AGO_UNITS: Final[dict[str, DatePrecision]] = {"年": "year", "カ月": "month", "ヶ月": "month", "か月": "month",
                                               "ヵ月": "month", "週間": "week", "日": "day"}


def _relative_word(m: re.Match[str], ref: _dt.date | None, _years: list[tuple[int, int]]
                   ) -> _Resolved | None:
    """先月, 今年, 先月17日, 昨年8月(15日), 今月下旬, 先週 …"""
    if ref is None:
        return None, None, "relative"
    g = m.groupdict()
    if g.get("yw") is not None:
        return _calendar(g, ref.year + _YEAR_WORDS[g["yw"]], "relative")
    if g.get("mw") is not None:
        y, mo = shift_month(ref.year, ref.month, _MONTH_WORDS[g["mw"]])
        if g.get("d") is None:
            return ym(y, mo), "month", "relative"
        day = _num(g["d"])
        return (ymd(y, mo, day), "day", "relative") if valid(y, mo, day) else None
    if g.get("ww") is not None:
        return offset_date("week", _WEEK_WORDS[g["ww"]], ref), "week", "relative"
    if g.get("dw") is not None:
        return offset_date("day", _DAY_WORDS[g["dw"]], ref), "day", "relative"
    if g.get("season") is not None:
        return _season(_SEASONS[g["season"]], g["srel"], ref), "month", "relative"
    precision = _AGO_UNITS[g["unit"]]
    k = -_num(g["n"])
    return offset_date(precision, k, ref), precision, "relative"


def _words(table: dict[str, int]) -> str:
    return "|".join(sorted(table, key=len, reverse=True))


_ERA_YEAR: Final = rf"(?P<era>{_ERA})(?P<y>元|[0-9]{{1,2}}|[{_KN}]{{1,3}})年"
_GREG_YEAR: Final = rf"(?P<y>{_YEAR})年"
_MD_TAIL: Final = rf"(?:(?P<mo>{_NUM2})月(?:(?P<d>{_NUM2})日{_NOT_DAY_AFTER}|{_PART}|{_NOT_MONTH_AFTER}))"

_RULES: Final[tuple[tuple[re.Pattern[str], _Rule], ...]] = (
    (re.compile(rf"{_ERA_YEAR}(?:{_MD_TAIL}|(?:度)?{_NOT_YEAR_AFTER})"), _explicit),
    (re.compile(rf"{_GREG_YEAR}(?:{_MD_TAIL}|(?P<half>{_HALF})|(?:度|初め|初頭|末|暮れ|半ば)?{_NOT_YEAR_AFTER})"),
     _explicit),
    (re.compile(r"(?P<y>(?<![0-9])(?:[0-9]{4}|[0-9]{2}))年代(?:前半|後半|半ば|初め|末)?"), _decade),
    (re.compile(rf"(?P<mo>{_NUM2})月(?:(?P<d>{_NUM2})日{_NOT_DAY_AFTER}|{_PART}|{_NOT_MONTH_AFTER}(?!期))"),
     _month_day),
    (re.compile(rf"(?P<d>{_ARABIC2})日{_NOT_DAY_AFTER}"), _bare_day),
    (re.compile(rf"(?P<yw>{_words(_YEAR_WORDS)})(?:(?P<mo>{_NUM2})月(?:(?P<d>{_NUM2})日|{_PART})?)?"),
     _relative_word),
    (re.compile(rf"(?P<mw>{_words(_MONTH_WORDS)})(?:(?P<d>{_NUM2})日|{_PART}|中)?"), _relative_word),
    (re.compile(rf"(?P<ww>{_words(_WEEK_WORDS)})(?:末)?"), _relative_word),
    (re.compile(r"(?P<dw>一昨日|昨日|今日|本日|明後日|明日)"), _relative_word),
    (re.compile(r"(?<![ぁ-んァ-ヶー])(?P<dw>おととい|きのう|きょう|あさって|あした|あす)(?![ぁ-ん]{0,1}(?:だい|かい|ぎ))"),
     _relative_word),
    (re.compile(r"(?P<srel>[昨今来])(?P<season>[春夏秋冬])"), _relative_word),
    (re.compile(rf"(?P<n>{_NUM2})(?P<unit>年|カ月|ヶ月|か月|ヵ月|週間|日)前(?!後)"), _relative_word),
)


def _framing_years(norm: str) -> list[tuple[int, int]]:
    """(end offset, year) of the written years that frame a later month/day of the text: a full
    date or month (2018年10月30日と11月29日), or a year followed by に/は/、 ("2018年に…7月…").
    A year that modifies a noun (1965年の国交正常化) frames nothing, as in the English module."""
    out: list[tuple[int, int]] = []
    for pattern, _ in _RULES[:2]:
        for m in pattern.finditer(norm):
            g = m.groupdict()
            year = _num(g["y"]) + _ERAS[g["era"]] if g.get("era") else _num(g["y"])
            if not g.get("era") and not 1800 <= year <= 2100:
                continue
            if g.get("mo") is not None or re.match(r"(?:に|は|、|,|には)", norm[m.end():]):
                out.append((m.end(), year))
    return sorted(out)


def _candidates(norm: str, ref: _dt.date | None) -> Iterator[_Cand]:
    years = _framing_years(norm)
    for pattern, rule in _RULES:
        for m in pattern.finditer(norm):
            if m.end() == m.start():
                continue
            yield _Cand(m.start(), m.end(), lambda m=m, rule=rule: rule(m, ref, years))  # type: ignore[misc]


def find_time_expressions(text: str, published: _dt.date | None) -> list[TimeExpr]:
    """Time expressions of a Japanese text, in text order, resolved where possible.

    ``published`` is the publication date (``None`` if unknown). See the module docstring.
    """
    if not text:
        return []
    norm = text.translate(_FULLWIDTH)
    chosen: list[tuple[_Cand, _Resolved]] = []
    cands = sorted(_candidates(norm, published), key=lambda c: (c.start - c.end, c.start))
    for c in cands:
        if any(not (c.end <= o.start or c.start >= o.end) for o, _ in chosen):
            continue
        resolved = c.resolve()
        if resolved is not None:
            chosen.append((c, resolved))
    chosen.sort(key=lambda pair: pair[0].start)
    return [TimeExpr(c.start, c.end, text[c.start:c.end], date, precision, basis)
            for c, (date, precision, basis) in chosen]
