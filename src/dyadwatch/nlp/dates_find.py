"""Candidate time expressions of one sentence (before overlap removal and resolution).

Used by :mod:`dyadwatch.nlp.dates`; the patterns live in :mod:`dyadwatch.nlp.dates_rules`.
Each finder scans for a cheap core and inspects its neighbourhood, and runs only when a quick
substring test says the sentence can hold what it looks for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dyadwatch.nlp import dates_rules as R
from dyadwatch.nlp.dates_calendar import valid, ym, ymd
from dyadwatch.records import DateBasis, DatePrecision

_WINDOW = 48
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Cand:
    """A candidate span. ``kind`` says how it is resolved:

    ``fixed`` (``date`` known), ``needs_year`` (``month``/``day`` without a year), ``weekday``,
    ``relative``/``ago`` (``offset`` units of ``precision`` from ``ref``), ``month_rel``,
    ``season_rel`` (``rel`` word plus ``month``), ``quarter_rel`` (the previous quarter),
    ``year_rel`` (``month``/``day`` in the year ``offset`` years from ``ref``),
    ``anchored`` (``offset`` units from an event named elsewhere). ``framing`` marks an explicit
    year that sets the time frame of the sentence (not a noun modifier like "the 2018 rulings").
    """

    start: int
    end: int
    kind: str
    precision: DatePrecision | None
    basis: DateBasis = "explicit"
    date: str | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0
    rel: str | None = None
    framing: bool = False


def norm(s: str) -> str:
    return _SPACES.sub(" ", s.strip().lower())


def _left(rx: re.Pattern[str], s: str, end: int) -> re.Match[str] | None:
    """``rx`` (ending in ``$``) matched against the text just before ``end``."""
    return rx.search(s, max(0, end - _WINDOW), end)


def _day_num(s: str) -> int:
    return int(s.rstrip("stndrdh"))


# --- month names -----------------------------------------------------------------------------


def _month_candidates(text: str, lower: str) -> Iterator[Cand]:
    for m in R.RE_MONTH_CORE.finditer(text):
        ms, me = m.span()
        if ms and text[ms - 1].isalnum():
            continue
        name = m.group().rstrip(".")
        mo = R.MONTHS[name]
        wd = _left(R.LEFT_WEEKDAY, text, ms)
        wd_start, wd_num = (wd.start(), R.WEEKDAYS[wd["wd"]]) if wd else (ms, None)
        rdy = R.RIGHT_DAY_YEAR.match(text, me)
        if rdy and valid(int(rdy["y"]), mo, _day_num(rdy["d"])):  # June 22, 1965
            yield Cand(wd_start, rdy.end(), "fixed", "day",
                       date=ymd(int(rdy["y"]), mo, _day_num(rdy["d"])), framing=True)
        rd = R.RIGHT_DAY.match(text, me)
        if rd and valid(2000, mo, _day_num(rd["d"])):  # June 17
            yield Cand(wd_start, rd.end(), "needs_year", "day", month=mo, day=_day_num(rd["d"]),
                       weekday=wd_num)
            yield from _with_rel_year(lower, wd_start, rd.end(), "day", mo, _day_num(rd["d"]))
        ry = R.RIGHT_YEAR.match(text, me)
        if ry:  # late March 2025
            q = _left(R.LEFT_QUALIFIER, lower, ms)
            yield Cand(q.start() if q else ms, ry.end(), "fixed", "month",
                       date=ym(int(ry["y"]), mo), framing=True)
        ld = _left(R.LEFT_DAY, text, ms)
        if ld and valid(2000, mo, _day_num(ld["d"])):
            d = _day_num(ld["d"])
            wd_num = R.WEEKDAYS[ld["wd"]] if ld["wd"] else None
            if ry and valid(int(ry["y"]), mo, d):  # 22 June 1965
                yield Cand(ld.start(), ry.end(), "fixed", "day", date=ymd(int(ry["y"]), mo, d),
                           framing=True)
            yield Cand(ld.start(), me, "needs_year", "day", month=mo, day=d, weekday=wd_num)
            yield from _with_rel_year(lower, ld.start(), me, "day", mo, d)
        if rdy or rd or ry or ld or name not in R.FULL_MONTHS or R.RIGHT_DIGIT.match(text, me):
            continue
        yield from _month_alone(text, lower, name, mo, ms, me)


def _with_rel_year(lower: str, start: int, end: int, precision: DatePrecision, mo: int,
                   day: int | None) -> Iterator[Cand]:
    """"3 June last year", "March of this year": a year relative to the publication date."""
    rr = R.RIGHT_REL_YEAR.match(lower, end)
    if rr:
        yield Cand(start, rr.end(), "year_rel", precision, basis="relative", month=mo, day=day,
                   offset=R.REL_YEAR_OFFSET[rr["r"]])


def _month_alone(text: str, lower: str, name: str, mo: int, ms: int, me: int) -> Iterator[Cand]:
    la = _left(R.LEFT_MONTH_ALONE, lower, ms)
    q_start = la.start("q") if la is not None and la["q"] else ms
    if not (la is not None and la["rel"]):
        yield from _with_rel_year(lower, q_start, me, "month", mo, None)
    if la is not None and la.start() < ms:
        pre, q, rel = la["pre"], la["q"], la["rel"]
        if name == "May" and not (q or rel) and norm(pre) in {"to", "and", "around"}:
            return  # "spoke to May", "Johnson and May": the person
        if rel:
            yield Cand(la.start("rel"), me, "month_rel", "month", basis="relative", month=mo,
                       rel=norm(rel))
        else:
            yield Cand(la.start("q") if q else ms, me, "needs_year", "month", month=mo)
    elif _left(R.LEFT_THE, lower, ms) and R.RIGHT_NOUN.match(text, me):  # the May dialogue
        yield Cand(ms, me, "needs_year", "month", month=mo)


# --- numbers ---------------------------------------------------------------------------------


def _number_starts_at(s: str, pos: int, quoted: bool = False) -> bool:
    """False when the number at ``pos`` continues a word, an amount or a longer number.
    ``quoted``: the number is "'90s" and ``pos`` is at its apostrophe's right."""
    if quoted and s[pos - 1] in "'’":
        pos -= 1
        return pos == 0 or not s[pos - 1].isalnum()
    if pos == 0:
        return True
    before = s[pos - 1]
    if before.isalnum() or before in R.NUMBER_CONTEXT:
        return False
    return not (before == "-" and pos > 1 and s[pos - 2].isdigit())


def _is_amount(lower: str, pos: int, counted: bool) -> bool:
    """True when the number ending at ``pos`` is followed by a unit (or a counted noun)."""
    if R.RIGHT_UNIT.match(lower, pos):
        return True
    return counted and R.RIGHT_COUNTED.match(lower, pos) is not None


def _year_candidates(text: str, lower: str) -> Iterator[Cand]:
    for m in R.RE_YEAR_CORE.finditer(lower):
        ys, ye = m.span()
        if not _number_starts_at(lower, ys):
            continue
        year = m.group()
        lp = _left(R.LEFT_YEAR, lower, ys)
        if lp is not None:
            q_start = lp.start("q2") if lp["q2"] else (lp.start("q") if lp["q"] else ys)
            qualified = q_start != ys
            pre = norm(lp["pre"]) if lp["pre"] else "'s"
            # "In 2019 students protested" is a year, "resulted in 2000 deaths" a count.
            temporal = qualified or (pre in R.TEMPORAL_PREPOSITIONS
                                     and R.LEFT_SENTENCE_START.search(lower, 0, lp.start()))
            if _is_amount(lower, ye, counted=not temporal):
                continue
            framing = qualified or pre not in R.MODIFIER_PREPOSITIONS
            yield Cand(q_start, ye, "fixed", "year", date=year, framing=framing)
        elif R.RIGHT_COMMA.match(lower, ye) and R.LEFT_SENTENCE_START.search(lower, 0, ys):
            yield Cand(ys, ye, "fixed", "year", date=year, framing=True)  # "2019, the year..."
        elif R.RIGHT_EVENT_NOUN.match(lower, ye):  # 1965 pact
            yield Cand(ys, ye, "fixed", "year", date=year)
    if "-" in text or "/" in text or "–" in text or "—" in text:  # ranges and numeric dates
        yield from _dashed_numbers(lower)
    if "0s" in lower:
        for m in R.RE_DECADE.finditer(lower):
            quoted = m["yy"] is not None
            if not _number_starts_at(lower, m.start() + quoted, quoted=quoted):
                continue
            y = int(m["y"]) if m["y"] else 1900 + int(m["yy"])
            q = _left(R.LEFT_DECADE, lower, m.start())
            yield Cand(q.start() if q else m.start(), m.end(), "fixed", "decade", date=str(y))


def _dashed_numbers(lower: str) -> Iterator[Cand]:
    for m in R.RE_YEAR_RANGE.finditer(lower):
        if not _number_starts_at(lower, m.start()):
            continue
        a, b_text = int(m["a"]), m["b"]
        b = int(b_text) if len(b_text) == 4 else a // 100 * 100 + int(b_text)
        if b <= a or _is_amount(lower, m.end(), counted=True):
            continue
        yield Cand(m.start("a"), m.end("a"), "fixed", "year", date=str(a), framing=True)
        yield Cand(m.start("b"), m.end("b"), "fixed", "year", date=str(b), framing=True)
    for m in R.RE_YEAR_MONTH_NUM.finditer(lower):
        if not _number_starts_at(lower, m.start()):
            continue
        y, mo = int(m["y"]), int(m["m"])
        if mo <= y % 100:  # "2010-11" is a range of years, "2025-06" a month
            yield Cand(m.start(), m.end(), "fixed", "month", date=ym(y, mo), framing=True)
    for m in R.RE_ISO.finditer(lower):
        if not _number_starts_at(lower, m.start()):
            continue
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if valid(y, mo, d):
            yield Cand(m.start(), m.end(), "fixed", "day", date=ymd(y, mo, d), framing=True)
    for m in R.RE_NUMERIC.finditer(lower):
        if not _number_starts_at(lower, m.start()):
            continue
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        mo, d = (a, b) if a <= 12 else (b, a)  # US order; day first only when it must be
        if valid(y, mo, d):
            yield Cand(m.start(), m.end(), "fixed", "day", date=ymd(y, mo, d), framing=True)


# --- quarters and seasons --------------------------------------------------------------------


def _quarter_candidates(lower: str) -> Iterator[Cand]:
    for m in R.RE_QUARTER.finditer(lower):
        year, qn = m["y"], m["qn"]
        half = (qn or m["unit"])[0] == "h"
        n = int(qn[1]) if qn else R.ORDINALS[m["ord"]]
        start = m.start("qn") if qn else m.start("ord")
        if m["ord"] in {"last", "final"}:
            if not half and not m["the"] and not year:  # "last quarter": the previous one
                yield Cand(start, m.end(), "quarter_rel", "month", basis="relative")
                continue
            n = 2 if half else 4
        if half and (n > 2 or not (year or m["oty"])):
            continue  # "the second half" of a match is no date
        mo = 6 * (n - 1) + 1 if half else 3 * (n - 1) + 1
        if year:
            yield Cand(start, m.end(), "fixed", "month", date=ym(int(year), mo), framing=True)
        else:
            yield Cand(start, m.end(), "needs_year", "month", month=mo)


def _season_candidates(lower: str) -> Iterator[Cand]:
    for m in R.RE_SEASON_CORE.finditer(lower):
        ss, se = m.span()
        mo = R.SEASONS[m.group()]
        left = _left(R.LEFT_SEASON, lower, ss)
        pre, rel, q = (left["pre"], left["rel"], left["q"]) if left else (None, None, None)
        start = left.start("rel") if rel else (left.start("q") if q and left else ss)
        ry = R.RIGHT_SEASON_YEAR.match(lower, se)
        if ry:  # summer 2025, in the summer of 2019
            yield Cand(start, ry.end(), "fixed", "month", date=ym(int(ry["y"]), mo), framing=True)
        elif rel:  # last summer
            yield Cand(start, se, "season_rel", "month", basis="relative", month=mo,
                       rel=norm(rel))
        elif pre and not R.RIGHT_OF.match(lower, se):  # in the spring; not "the fall of Kabul"
            yield Cand(start, se, "needs_year", "month", month=mo)


# --- relative phrases and weekdays -----------------------------------------------------------


def _relative_candidates(lower: str) -> Iterator[Cand]:
    for m in R.RE_PHRASE.finditer(lower):
        ps, pe = m.span()
        if ps and lower[ps - 1].isalnum():
            continue
        key = norm(m.group())
        if key in R.RELATIVE:
            if key in R.NEEDS_PREPOSITION and not _left(R.LEFT_PREPOSITION, lower, ps):
                continue  # "the last year of his term"
            precision, offset = R.RELATIVE[key]
            yield Cand(ps, pe, "relative", precision, basis="relative", offset=offset)
        else:
            precision, offset = R.ANCHORED[key]
            yield Cand(ps, pe, "anchored", precision, basis="context", offset=offset)
    for m in R.RE_AGO_CORE.finditer(lower):
        count = _left(R.LEFT_COUNT, lower, m.start())
        if count is None:
            continue
        n_text = norm(count["n"])
        n = int(n_text) if n_text.isdigit() else R.NUMBER_WORDS[n_text]
        precision: DatePrecision = m["u"]  # type: ignore[assignment]
        if m["dir"] == "ago":
            yield Cand(count.start(), m.end(), "ago", precision, basis="relative", offset=-n)
        else:
            sign = -1 if m["dir"] in {"earlier", "before"} else 1
            yield Cand(count.start(), m.end(), "anchored", precision, basis="context",
                       offset=sign * n)


def _weekday_candidates(text: str, lower: str) -> Iterator[Cand]:
    for m in R.RE_WEEKDAY_CORE.finditer(text):
        ws, we = m.span()
        if ws and (text[ws - 1].isalnum() or _left(R.LEFT_NAMED_DAY, text, ws)):
            continue
        rel = _left(R.LEFT_REL, lower, ws)
        part = R.RIGHT_DAYPART.match(lower, we)
        yield Cand(rel.start() if rel else ws, part.end() if part else we, "weekday", "day",
                   basis="relative", weekday=R.WEEKDAYS[m.group()],
                   rel=norm(rel.group()) if rel else None)


def _has_relative_word(lower: str) -> bool:
    return ("day" in lower or "night" in lower or "week" in lower or "month" in lower
            or "year" in lower or "morrow" in lower or "morning" in lower
            or "afternoon" in lower or "evening" in lower)


def _has_season_word(lower: str) -> bool:
    return ("spring" in lower or "summer" in lower or "autumn" in lower or "fall" in lower
            or "winter" in lower)


def candidates(text: str, lower: str) -> list[Cand]:
    """Every candidate of the sentence ``text`` (``lower`` is its same-length lower case)."""
    out: list[Cand] = []
    out.extend(_month_candidates(text, lower))
    out.extend(_year_candidates(text, lower))
    if "quarter" in lower or "half" in lower or R.QUICK_QH.search(text):
        out.extend(_quarter_candidates(lower))
    if _has_season_word(lower):
        out.extend(_season_candidates(lower))
    if _has_relative_word(lower):
        out.extend(_relative_candidates(lower))
    if "day" in text:
        out.extend(_weekday_candidates(text, lower))
    return out
