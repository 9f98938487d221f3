"""Find and resolve time expressions in one English news sentence (pure rules, no parser).

:func:`find_time_expressions` returns :class:`~dyadwatch.records.TimeExpr` records in text order,
with character offsets into the sentence and no overlaps (the longest candidate wins; prepositions
such as "on"/"in" are left out of the span, qualifiers such as "late"/"mid-" are kept in it).

Resolution (``date`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``):

* A date written in full (day, month and year; month and year; a year; a decade) has basis
  ``explicit``. A 4-digit number is a year only when it is 1800-2100 and something licenses it: a
  preposition or qualifier before it ("in 2018", "mid-2019", "the 2018 rulings"), a noun it
  modifies ("1965 pact"), a range ("1910-1945"), or sentence start before a comma. Counts and
  amounts ("1910 people", "2000 tonnes", "2018%") are not years.
* A day and/or month without a year takes its year from, in order: an explicit *framing* year of
  the same sentence (a full date, a month and year, or a year after a preposition; not a noun
  modifier such as "the 2018 rulings"), then ``context_year``, then any other year of the
  sentence (basis ``context`` for all three; a "last/this/next year" of the sentence counts as
  a framing year, basis ``relative``), then the publication date ``ref``: the year that
  puts the date nearest to ``ref`` (ties go to the past unless the sentence has a future cue; a
  weekday written with the date, "Thursday 19 June", picks among years where it fits; basis
  ``relative``). A framing year of the sentence itself ("In 2018, he visited Paris on 17 June")
  is better evidence than a year carried from earlier sentences, hence its place first.
  A month alone needs a licence, so the modal "may" and the name "May" are not months: a
  preposition or qualifier ("in May", "early May"), a relative word ("last March"), or "the May
  <noun>".
* Relative expressions ("yesterday", "last week", "three months ago", "on Thursday") are resolved
  against ``ref`` (basis ``relative``); with ``ref=None`` they are returned with ``date=None``.
  A bare weekday is the most recent one on or before ``ref``, or the next one on or after it when
  the sentence has a future cue ("will", "is expected to", ...) and the weekday does not follow a
  reporting verb ("said on Thursday"). "last X" is strictly before ``ref``, "next X" strictly
  after, "this X" is in the ISO week of ``ref``. Weeks are dated by their Monday.
  "in the last/past year" (also week, month) means the last *full* period: 2024 for a June 2025
  article.
* Expressions anchored to another event ("the previous day", "two days later", "that year") get
  basis ``context``; the year ones are resolved against the framing year or ``context_year``, the
  others keep ``date=None`` for the caller to resolve from its anchor.
* A day or month followed by "last/this/next year" ("in March last year", "on 3 June of this
  year") takes its year from ``ref`` (basis ``relative``).
* Seasons and quarters get month precision dated by their first month: spring 03, summer 06,
  autumn/fall 09, winter 12 (of the year named: "winter 2025" is 2025-12), Q1 01, Q2 04, Q3 07,
  Q4 10, first half 01, second half 07.
* Vague words ("recently", "lately", "in recent years") are not returned.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

from dyadwatch.errors import QueryError
from dyadwatch.nlp import dates_rules as R
from dyadwatch.nlp.dates_calendar import offset_date, season_date, shift_month, valid, ym, ymd
from dyadwatch.nlp.dates_find import Cand, candidates
from dyadwatch.records import DateBasis, TimeExpr

__all__ = ["date_sort_key", "find_time_expressions", "latest_year"]

_DATE_FORMAT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest candidate first, then leftmost; drop any candidate overlapping a chosen one."""
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _same_length_lower(text: str) -> str:
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


# --- resolution ------------------------------------------------------------------------------


def _nearest_year_for(month: int, day: int | None, weekday: int | None, ref: _dt.date,
                      future: bool) -> str | None:
    """The date with this month (and day) nearest to ``ref``; ties go to the past unless
    ``future``. A weekday, when given, picks among the years where it fits."""
    options: list[tuple[int, int, str]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            dist = (y * 12 + month) - (ref.year * 12 + ref.month)
            options.append((abs(dist), -dist if future else dist, ym(y, month)))
        elif valid(y, month, day):
            d = _dt.date(y, month, day)
            if weekday is not None and d.weekday() != weekday:
                continue
            dist = (d - ref).days
            options.append((abs(dist), -dist if future else dist, d.isoformat()))
    if not options and weekday is not None:
        return _nearest_year_for(month, day, None, ref, future)
    return min(options)[2] if options else None


def _weekday_date(c: Cand, lower: str, ref: _dt.date, future: bool) -> str:
    wd = c.weekday if c.weekday is not None else 0
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if c.rel in R.BACKWARD:
        return (ref - _dt.timedelta(days=back or 7)).isoformat()
    if c.rel in R.FORWARD:
        return (ref + _dt.timedelta(days=ahead or 7)).isoformat()
    if c.rel == "this":
        return (ref - _dt.timedelta(days=ref.weekday() - wd)).isoformat()
    reported = R.LEFT_REPORTING.search(lower, max(0, c.start - 30), c.start) is not None
    if future and not reported:
        return (ref + _dt.timedelta(days=ahead)).isoformat()
    return (ref - _dt.timedelta(days=back)).isoformat()


def _season_date(c: Cand, ref: _dt.date) -> str:
    direction = -1 if c.rel in R.BACKWARD else 1 if c.rel in R.FORWARD else 0
    return season_date(c.month or 1, direction, ref)


def _month_rel_date(c: Cand, ref: _dt.date) -> str:
    month = c.month or 1
    if c.rel in R.BACKWARD:
        y = ref.year if month < ref.month else ref.year - 1
    elif c.rel in R.FORWARD:
        y = ref.year if month > ref.month else ref.year + 1
    else:
        y = ref.year
    return ym(y, month)


_YearSource = tuple[int | None, DateBasis]


def _resolve(c: Cand, text: str, lower: str, ref: _dt.date | None,
             sources: tuple[_YearSource, _YearSource, _YearSource], future: bool) -> TimeExpr:
    """``sources``: (framing sentence year, context year, other sentence year), each with the
    basis a date resolved from it gets."""
    date, basis = c.date, c.basis
    if c.kind == "needs_year":
        year, basis = next(((y, b) for y, b in sources if y is not None), (None, "relative"))
        if year is not None:
            if c.day is None:
                date = ym(year, c.month or 1)
            elif valid(year, c.month or 1, c.day):
                date = ymd(year, c.month or 1, c.day)
        elif ref is not None:
            date = _nearest_year_for(c.month or 1, c.day, c.weekday, ref, future)
    elif c.kind == "anchored":
        year = sources[0][0] if sources[0][0] is not None else sources[1][0]
        if c.precision == "year" and year is not None:
            date = str(year + c.offset)
    elif ref is not None:
        if c.kind == "weekday":
            date = _weekday_date(c, lower, ref, future)
        elif c.kind in {"relative", "ago"}:
            date = offset_date(c.precision, c.offset, ref)
        elif c.kind == "month_rel":
            date = _month_rel_date(c, ref)
        elif c.kind == "season_rel":
            date = _season_date(c, ref)
        elif c.kind == "year_rel":
            y, mo = ref.year + c.offset, c.month or 1
            if c.day is None:
                date = ym(y, mo)
            elif valid(y, mo, c.day):
                date = ymd(y, mo, c.day)
        elif c.kind == "quarter_rel":
            q_start = (ref.month - 1) // 3 * 3 + 1
            date = ym(*shift_month(ref.year, q_start, -3))
    return TimeExpr(c.start, c.end, text[c.start:c.end], date, c.precision, basis)


def _sentence_years(chosen: list[Cand], ref: _dt.date | None
                    ) -> list[tuple[int, int, int, bool, DateBasis]]:
    """Years the sentence itself states: (start, end, year, framing, basis of what borrows it).
    Explicit years (not decades) and, given ``ref``, "this/last/next year" (framing)."""
    out: list[tuple[int, int, int, bool, DateBasis]] = []
    for c in chosen:
        if c.kind == "fixed" and c.date is not None and c.precision != "decade":
            out.append((c.start, c.end, int(c.date[:4]), c.framing, "context"))
        elif c.kind == "relative" and c.precision == "year" and ref is not None:
            out.append((c.start, c.end, ref.year + c.offset, True, "relative"))
    return out


def _nearest_year(years: list[tuple[int, int, int, bool, DateBasis]], pos: int,
                  framing: bool) -> _YearSource:
    best: tuple[int, int, DateBasis] | None = None
    for start, end, year, is_framing, basis in years:
        if is_framing == framing:
            dist = min(abs(start - pos), abs(end - pos))
            if best is None or dist < best[0]:
                best = (dist, year, basis)
    return (best[1], best[2]) if best else (None, "context")


def find_time_expressions(text: str, ref: _dt.date | None,
                          context_year: int | None = None) -> list[TimeExpr]:
    """Time expressions of one sentence, in text order, resolved where possible.

    ``ref`` is the publication date (``None`` if unknown); ``context_year`` a year carried from
    the surrounding sentences. See the module docstring for the rules.
    """
    if not text:
        return []
    lower = _same_length_lower(text)
    chosen = _select(candidates(text, lower))
    if not chosen:
        return []
    future = False
    if any(c.kind in {"needs_year", "weekday"} for c in chosen):
        future = R.RE_FUTURE_CUE.search(lower) is not None
    years: list[tuple[int, int, int, bool, DateBasis]] | None = None
    out: list[TimeExpr] = []
    for c in chosen:
        sources: tuple[_YearSource, _YearSource, _YearSource] = (
            (None, "context"), (None, "context"), (None, "context"))
        if c.kind in {"needs_year", "anchored"}:
            if years is None:
                years = _sentence_years(chosen, ref)
            sources = (_nearest_year(years, c.start, True), (context_year, "context"),
                       _nearest_year(years, c.start, False))
        out.append(_resolve(c, text, lower, ref, sources, future))
    return out


def latest_year(exprs: Sequence[TimeExpr]) -> int | None:
    """The year of the last resolved expression (to carry forward as ``context_year``)."""
    for e in reversed(exprs):
        if e.date is not None:
            return int(e.date[:4])
    return None


def date_sort_key(date: str) -> _dt.date:
    """The first day of the period a ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` date names.

    Raises :class:`~dyadwatch.errors.QueryError` for a string of another shape.
    """
    m = _DATE_FORMAT.match(date)
    if m is None:
        raise QueryError(f"malformed date {date!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        return _dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError as exc:
        raise QueryError(f"malformed date {date!r}: {exc}") from exc
