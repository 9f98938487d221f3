"""Find and resolve time expressions in Korean news text (pure rules, no parser).

:func:`find_time_expressions` returns :class:`~dyadwatch.records.TimeExpr` records in text order,
with character offsets into ``text`` and no overlaps (the longest candidate wins). It follows the
semantics of the English module :mod:`dyadwatch.nlp.dates`:

* Written dates are ``explicit``: ``1965년 6월 22일`` (day), ``2019년 7월`` (month), ``2025년``
  (year), ``1960년대`` (decade, dated by its first year), ``2019.8.22`` (day). Qualifiers stay in
  the span without changing the precision: ``2019년 7월 초`` is month ``2019-07``, ``지난해 말``
  is year.
* A month and day without a year (``6월 22일``, ``6월``) take the year of the nearest earlier
  year of the same sentence (``1965년 6월 22일 서명돼 12월 18일 발효됐다``; basis ``context``, or
  ``relative`` when that year is ``지난해``/``올해``), then ``context_year``, then the publication
  date: its year, or the previous one when the date would lie more than about two months
  (62 days, or two calendar months) after publication. ``지난 6월`` is the latest June strictly
  before the publication month, ``오는 9월`` the first September after it.
* A day alone (``17일``) is in the publication month, or in the previous month when the day is
  more than seven days after the publication day. ``지난 17일`` is the latest 17th on or before
  publication, ``오는 25일`` the first 25th on or after it.
* Relative words are resolved against the publication date: ``어제``/``오늘``/``내일``/``그저께``/
  ``모레`` (day), ``지난주``/``이번 주``/``다음 주`` (week, dated by its Monday), ``지난달``/
  ``이달``/``다음 달`` (month; also with a day, ``지난달 17일``, or a qualifier, ``이달 초``),
  ``지난해``/``작년``/``올해``/``내년``/``재작년`` (year; also with a month or day, ``지난해 8월``),
  ``3년 전`` (ago), ``연내``/``연말`` (this year). Durations are not dates (``3일간``,
  ``12년 만에``, ``1박 2일``). With ``published=None`` they are returned with ``date=None`` and
  ``precision=None``, never guessed.
* Expressions anchored to another event (``당일``, ``같은 날``, ``이날``, ``전날``, ``다음 날``,
  ``같은 달``) cannot be resolved from the publication date and are not returned. ``그해``/
  ``같은 해``/``이듬해`` (also with a month or day) are resolved against the nearest earlier
  year of the sentence or ``context_year`` (basis ``context``) and otherwise not returned.
* Full-width digits (``１９６５년``) are read as ASCII digits; offsets are unchanged.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dyadwatch.nlp.dates_calendar import shift_month, valid, ym, ymd
from dyadwatch.records import DateBasis, DatePrecision, TimeExpr

__all__ = ["find_time_expressions"]

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
_FUTURE_DAYS = 62
_FUTURE_MONTHS = 2

_YEAR_WORDS = {"재작년": -2, "지지난해": -2, "지난해": -1, "작년": -1, "올해": 0, "금년": 0,
               "내년": 1, "명년": 1, "내후년": 2}
_MONTH_WORDS = {"지난달": -1, "지난 달": -1, "이달": 0, "이번 달": 0, "이번달": 0, "금월": 0,
                "다음 달": 1, "다음달": 1, "내달": 1}
_WEEK_WORDS = {"지난주": -1, "지난 주": -1, "이번 주": 0, "이번주": 0, "금주": 0,
               "다음 주": 1, "다음주": 1, "차주": 1}
_DAY_WORDS = {"그저께": -2, "그제": -2, "어제": -1, "어저께": -1, "오늘": 0, "금일": 0,
              "내일": 1, "모레": 2}
_ANCHOR_YEARS = {"그해": 0, "그 해": 0, "같은 해": 0, "같은해": 0, "이듬해": 1, "다음 해": 1,
                 "전년": -1}
_ANCHOR_OTHER = ("당일", "같은 날", "같은날", "이날", "그날", "전날", "다음 날", "다음날",
                 "이튿날", "같은 달", "같은달", "그달", "그 달")
_WEEKDAYS = "월화수목금토일"
_AGO_UNITS: dict[str, DatePrecision] = {"년": "year", "개월": "month", "달": "month",
                                        "주": "week", "일": "day"}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A qualifier ends the word or is followed by a particle (so 2019년 초계기 is just 2019년).
_QEND = r"(?:(?![가-힣])|(?=에|의|까지|부터|쯤|께|경|엔|은|는|도|로|인|이))"
_MQ = r"(?:\s?(?:초순|상순|중순|하순|초|말|께|경)" + _QEND + ")?"  # month qualifiers
_YQ = r"(?:\s?(?:초반|중반|후반|초|말|연초|연말)" + _QEND + ")?"  # year qualifiers
_HALF = r"\s?(?P<half>상반기|하반기|[1-4]\s?분기)"
_DAY = r"(?P<d>\d{1,2})(?:일?\s?[~∼〜-]\s?\d{1,2})?일"
_NOT_DAY_COUNT = r"(?!\s?(?:간|동안|째|만에|만이|치|이내|이상|가량|여\b))"
_B = r"(?<![\d.])"


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    date: str | None
    precision: DatePrecision | None
    basis: DateBasis
    skip: bool = False  # context-anchored: blocks shorter matches, never returned


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What a candidate may resolve against."""

    text: str
    ref: _dt.date | None
    context_year: int | None
    framing: list[tuple[int, int, DateBasis]]  # (end offset, year, basis) of sentence years


def _date(y: int, m: int, d: int | None) -> str | None:
    if not valid(y, m, d):
        return None
    return ym(y, m) if d is None else ymd(y, m, d)


def _framing_year(ctx: _Ctx, start: int) -> tuple[int, DateBasis] | None:
    """The nearest year stated earlier in the same sentence, else ``context_year``."""
    best = None
    for end, year, basis in ctx.framing:
        if end <= start and not _SENTENCE_END.search(ctx.text, end, start):
            if best is None or end > best[0]:
                best = (end, year, basis)
    if best is not None:
        return best[1], best[2]
    return (ctx.context_year, "context") if ctx.context_year is not None else None


def _month_day(m: int, d: int | None, rel: str | None, start: int, ctx: _Ctx
               ) -> tuple[str | None, DateBasis]:
    """Resolve a month (and day) written without a year; see the module docstring."""
    if rel is None:
        framed = _framing_year(ctx, start)
        if framed is not None:
            return _date(framed[0], m, d), framed[1]
    ref = ctx.ref
    if ref is None or not valid(2000, m, d):
        return None, "relative"
    if rel == "지난":
        for y in (ref.year, ref.year - 1, ref.year - 2):
            if d is None and (y, m) < (ref.year, ref.month):
                return ym(y, m), "relative"
            if d is not None and valid(y, m, d) and _dt.date(y, m, d) < ref:
                return _date(y, m, d), "relative"
    if rel == "오는":
        for y in (ref.year, ref.year + 1, ref.year + 2):
            if d is None and (y, m) > (ref.year, ref.month):
                return ym(y, m), "relative"
            if d is not None and valid(y, m, d) and _dt.date(y, m, d) > ref:
                return _date(y, m, d), "relative"
    y = ref.year
    if d is None:
        if (m - ref.month) > _FUTURE_MONTHS:
            y -= 1
    elif not valid(y, m, d) or (_dt.date(y, m, d) - ref).days > _FUTURE_DAYS:
        y -= 1
    return _date(y, m, d), "relative"


def _day_only(d: int, rel: str | None, ref: _dt.date | None) -> str | None:
    if ref is None:
        return None
    y, m = ref.year, ref.month
    if rel == "오는":
        if d < ref.day:
            y, m = shift_month(y, m, 1)
    elif rel == "지난":
        if d > ref.day:
            y, m = shift_month(y, m, -1)
    elif d > ref.day + 7:
        y, m = shift_month(y, m, -1)
    return _date(y, m, d)


def _monday(ref: _dt.date, weeks: int) -> _dt.date:
    return ref - _dt.timedelta(days=ref.weekday()) + _dt.timedelta(weeks=weeks)


def _half_month(half: str) -> int:
    if half == "상반기":
        return 1
    if half == "하반기":
        return 7
    return (int(half[0]) - 1) * 3 + 1


# --- candidate rules: (pattern, handler(match, ctx) -> (date, precision, basis) | None = skip) ---

_Res = tuple[str | None, DatePrecision | None, DateBasis] | None
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], _Ctx], _Res]]


def _int(m: re.Match[str], name: str) -> int | None:
    v = m.groupdict().get(name)
    return int(v) if v is not None else None


def _explicit(m: re.Match[str], ctx: _Ctx) -> _Res:
    y, mo, d = int(m["y"]), _int(m, "m"), _int(m, "d")
    if not 1800 <= y <= 2100:
        return None
    if m.groupdict().get("half"):
        return ym(y, _half_month(m["half"])), "month", "explicit"
    if mo is None:
        return str(y), "year", "explicit"
    date = _date(y, mo, d)
    return (date, "day" if d is not None else "month", "explicit") if date else None


def _decade(m: re.Match[str], ctx: _Ctx) -> _Res:
    y = int(m["y"])
    return (str(y), "decade", "explicit") if 1800 <= y <= 2100 and y % 10 == 0 else None


def _rel_year(m: re.Match[str], ctx: _Ctx) -> _Res:
    mo, d = _int(m, "m"), _int(m, "d")
    half = m.groupdict().get("half")
    prec: DatePrecision = "day" if d is not None else "month" if mo is not None or half else "year"
    if ctx.ref is None:
        return None, None, "relative"
    y = ctx.ref.year + _YEAR_WORDS[m["w"]]
    if half:
        return ym(y, _half_month(half)), prec, "relative"
    if mo is None:
        return str(y), prec, "relative"
    return _date(y, mo, d), prec, "relative"


def _anchor_year(m: re.Match[str], ctx: _Ctx) -> _Res:
    framed = _framing_year(ctx, m.start())
    if framed is None:
        return None
    y = framed[0] + _ANCHOR_YEARS[m["w"]]
    mo, d = _int(m, "m"), _int(m, "d")
    if mo is None:
        return str(y), "year", "context"
    date = _date(y, mo, d)
    return (date, "day" if d is not None else "month", "context") if date else None


def _rel_month(m: re.Match[str], ctx: _Ctx) -> _Res:
    d = _int(m, "d")
    prec: DatePrecision = "day" if d is not None else "month"
    if ctx.ref is None:
        return None, None, "relative"
    y, mo = shift_month(ctx.ref.year, ctx.ref.month, _MONTH_WORDS[m["w"]])
    return _date(y, mo, d), prec, "relative"


def _rel_week(m: re.Match[str], ctx: _Ctx) -> _Res:
    wd = m.groupdict().get("wd")
    prec: DatePrecision = "day" if wd else "week"
    if ctx.ref is None:
        return None, None, "relative"
    day = _monday(ctx.ref, _WEEK_WORDS[m["w"]])
    if wd:
        day += _dt.timedelta(days=_WEEKDAYS.index(wd))
    return day.isoformat(), prec, "relative"


def _rel_day(m: re.Match[str], ctx: _Ctx) -> _Res:
    if ctx.ref is None:
        return None, None, "relative"
    return (ctx.ref + _dt.timedelta(days=_DAY_WORDS[m["w"]])).isoformat(), "day", "relative"


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Res:
    if ctx.ref is None:
        return None, None, "relative"
    wd, rel, ref = _WEEKDAYS.index(m["wd"]), m["rel"], ctx.ref
    back, ahead = (ref.weekday() - wd) % 7, (wd - ref.weekday()) % 7
    if rel == "오는":
        day = ref + _dt.timedelta(days=ahead or 7)
    elif rel == "이번":
        day = _monday(ref, 0) + _dt.timedelta(days=wd)
    else:
        day = ref - _dt.timedelta(days=(back or 7) if rel == "지난" else back)
    return day.isoformat(), "day", "relative"


def _month_day_rule(m: re.Match[str], ctx: _Ctx) -> _Res:
    mo, d = int(m["m"]), _int(m, "d")
    if not valid(2000, mo, d):
        return None
    date, basis = _month_day(mo, d, m["rel"], m.start(), ctx)
    if date is None:
        return (None, None, "relative") if ctx.ref is None and basis == "relative" else None
    return date, "day" if d is not None else "month", basis


def _day_rule(m: re.Match[str], ctx: _Ctx) -> _Res:
    d = int(m["d"])
    if not 1 <= d <= 31:
        return None
    if ctx.ref is None:
        return None, None, "relative"
    date = _day_only(d, m["rel"], ctx.ref)
    return (date, "day", "relative") if date else None


def _ago(m: re.Match[str], ctx: _Ctx) -> _Res:
    prec = _AGO_UNITS[m["u"]]
    if ctx.ref is None:
        return None, None, "relative"
    n, ref = int(m["n"]), ctx.ref
    if prec == "year":
        return str(ref.year - n), prec, "relative"
    if prec == "month":
        return ym(*shift_month(ref.year, ref.month, -n)), prec, "relative"
    if prec == "week":
        return _monday(ref, -n).isoformat(), prec, "relative"
    return (ref - _dt.timedelta(days=n)).isoformat(), prec, "relative"


def _year_edge(m: re.Match[str], ctx: _Ctx) -> _Res:
    return (str(ctx.ref.year), "year", "relative") if ctx.ref else (None, None, "relative")


_REL = r"(?:(?P<rel>지난|오는)\s?)?"
_RULES: list[_Rule] = [
    (re.compile(_B + r"(?P<y>\d{4})\s?년\s?(?P<m>\d{1,2})\s?월\s?" + _DAY), _explicit),
    (re.compile(_B + r"(?P<y>\d{4})\s?년\s?(?P<m>\d{1,2})\s?월" + _MQ), _explicit),
    (re.compile(_B + r"(?P<y>\d{4})\s?년(?!대|\s?(?:간|동안|째))(?:" + _HALF + "|" + _YQ + ")"),
     _explicit),
    (re.compile(_B + r"(?P<y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})(?!\d)"), _explicit),
    (re.compile(_B + r"(?P<y>\d{4})\s?년대(?:\s?(?:초반|중반|후반|초|말)" + _QEND + ")?"), _decade),
    (re.compile(r"(?P<w>" + _alt(_YEAR_WORDS) + r")(?:\s?(?P<m>\d{1,2})\s?월(?:\s?" + _DAY + "|"
                + _MQ + r")|" + _HALF + "|" + _YQ + ")"), _rel_year),
    (re.compile(r"(?P<w>" + _alt(_ANCHOR_YEARS) + r")(?:\s?(?P<m>\d{1,2})\s?월(?:\s?" + _DAY
                + "|" + _MQ + "))?"), _anchor_year),
    (re.compile(r"(?P<w>" + _alt(_MONTH_WORDS) + r")(?:\s?" + _DAY + "|" + _MQ + ")"), _rel_month),
    (re.compile(r"(?P<w>" + _alt(_WEEK_WORDS) + r")(?:\s?(?P<wd>[" + _WEEKDAYS + r"])요일)?"),
     _rel_week),
    (re.compile(r"(?<![가-힣])(?P<w>" + _alt(_DAY_WORDS) + r")(?!날|서야)"), _rel_day),
    (re.compile(r"(?:(?P<rel>지난|오는|이번)\s?)?(?P<wd>[" + _WEEKDAYS + r"])요일"), _weekday),
    (re.compile(_B + _REL + r"(?P<m>\d{1,2})\s?월\s?" + _DAY + _NOT_DAY_COUNT), _month_day_rule),
    (re.compile(_B + _REL + r"(?P<m>\d{1,2})\s?월" + _MQ + r"(?!\s?(?:간|동안|째|분))"),
     _month_day_rule),
    (re.compile(_B + r"(?<!박\s)(?<!박)" + _REL + _DAY + _NOT_DAY_COUNT), _day_rule),
    (re.compile(_B + r"(?P<n>\d{1,3})\s?(?P<u>년|개월|달|주|일)\s?전(?![가-힣])"), _ago),
    (re.compile(r"(?<![가-힣])(?:연초|연말|연내)(?![가-힣])"), _year_edge),
]
_SKIP = re.compile("(?:" + _alt(_ANCHOR_OTHER) + r")(?:\s?\d{1,2}일)?")


def _candidates(norm: str, ctx: _Ctx) -> Iterator[_Cand]:
    for pattern, handler in _RULES:
        for m in pattern.finditer(norm):
            res = handler(m, ctx)
            if res is None:
                yield _Cand(m.start(), m.end(), None, None, "context", skip=True)
            else:
                yield _Cand(m.start(), m.end(), *res)
    for m in _SKIP.finditer(norm):
        yield _Cand(m.start(), m.end(), None, None, "context", skip=True)


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidate first, then leftmost; drop any candidate overlapping a chosen one."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _framing(norm: str, ref: _dt.date | None) -> list[tuple[int, int, DateBasis]]:
    """Years stated in the text (explicit years and 지난해/올해/내년) with their end offsets."""
    out: list[tuple[int, int, DateBasis]] = []
    for m in re.finditer(_B + r"(\d{4})\s?년(?!대|\s?(?:간|동안|째))", norm):
        if 1800 <= int(m[1]) <= 2100:
            out.append((m.end(), int(m[1]), "context"))
    if ref is not None:
        for m in re.finditer(_alt(_YEAR_WORDS), norm):
            out.append((m.end(), ref.year + _YEAR_WORDS[m[0]], "relative"))
    return out


def find_time_expressions(text: str, published: _dt.date | None,
                          context_year: int | None = None) -> list[TimeExpr]:
    """Time expressions of a Korean text, in text order, resolved where possible.

    ``published`` is the publication date (``None`` if unknown); ``context_year`` a year carried
    from the surrounding sentences. See the module docstring for the rules.
    """
    if not text:
        return []
    norm = text.translate(_FULLWIDTH)
    ctx = _Ctx(norm, published, context_year, _framing(norm, published))
    return [TimeExpr(c.start, c.end, text[c.start:c.end], c.date, c.precision, c.basis)
            for c in _select(list(_candidates(norm, ctx))) if not c.skip]
