"""Datelines: full calendar dates written on a line of their own at the head of an article.

``parse_date_string`` reads one date in the common English forms (``18 June 2025``,
``June 18, 2025``, ``Wed, 18 Jun 2025 10:32 GMT``, ``2025-06-18``…) with regular expressions,
falling back to :mod:`dateparser` (absolute dates only, never relative to today) for the rest.
A year alone, or a month and year, is not a dateline.

``classify_dateline`` says whether a whole line is a dateline and how much it is to be trusted:
an explicit ``Published:``/``Posted`` label beats a bare date, which beats a ``Today :`` or
``Updated`` label (the day a page was viewed or edited, not the day it was published).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

#: Rank of a dateline: lower is more trustworthy as the publication date.
RANK_PUBLISHED: Final = 0
RANK_BARE: Final = 1
RANK_VIEWED: Final = 2

_MONTHS: Final[dict[str, int]] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_TIME = (
    r"(?:\s*(?:,|\||-|–|—|at|@)?\s*\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:utc|gmt|[a-z]{2,5})(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?)?"
)
_DMY = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MONTH
    + r",?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
_MDY = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORD + r",?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
_LABEL = re.compile(
    r"(?P<label>first\s+published|published|posted|dated|date|last\s+updated|updated|"
    r"last\s+modified|modified|today)(?:\s+on)?\b\s*[:\-–—|]?\s*(?P<rest>.+)",
    re.IGNORECASE,
)
_VIEWED_LABELS: Final = frozenset({"today", "updated", "last updated", "modified", "last modified"})
#: Longest string handed to dateparser: longer lines are prose, not dates.
_MAX_FALLBACK_LEN: Final = 60
_STRIP = " \t\u00a0|–—-()[]"


def _settings(require: list[str]) -> dict[str, Any]:
    return {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        # Never resolve "yesterday"/"3 hours ago" or bare numbers against the clock.
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": require,
    }


def _make_date(year: str, month: str | int, day: str) -> _dt.date | None:
    m = month if isinstance(month, int) else (_MONTHS.get(month.lower()) or int(month))
    try:
        return _dt.date(int(year), m, int(day))
    except ValueError:
        return None


def _regex_date(s: str) -> tuple[bool, _dt.date | None]:
    """(whether a pattern matched the whole string, the date if it is a real one)."""
    for pattern in (_DMY, _MDY):
        m = pattern.fullmatch(s)
        if m:
            return True, _make_date(m["year"], _MONTHS[m["month"].lower()], m["day"])
    m = _ISO.fullmatch(s)
    if m:
        return True, _make_date(m["year"], m["month"], m["day"])
    return False, None


def _dateparser_date(
    s: str, require: list[str], languages: list[str] | None = None
) -> _dt.date | None:
    import dateparser  # only when the regular expressions did not decide

    try:
        parsed = dateparser.parse(s, languages=languages, settings=_settings(require))
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed is not None else None


def parse_date_string(s: str) -> _dt.date | None:
    """A full calendar date (day, month and year) written in ``s`` and nothing else, or None."""
    s = s.strip(_STRIP)
    if not s or not _HAS_YEAR.search(s):
        return None
    matched, found = _regex_date(s)
    if matched:
        return found  # None for an impossible date such as 31 February
    if len(s) > _MAX_FALLBACK_LEN or sum(c.isdigit() for c in s) < 5:
        return None  # a year alone, or prose
    return _dateparser_date(s, ["day", "month", "year"], ["en"])


def parse_record_date(value: str) -> _dt.date | None:
    """The date of a record's ``published`` field: ISO first, then dateparser.

    Unlike :func:`parse_date_string`, a month and year (``June 2025``) is accepted and read as
    the first of the month; a year alone is not.
    """
    s = value.strip()
    if not s:
        return None
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return _dt.datetime.fromisoformat(s).date()
    except ValueError:
        pass
    matched, found = _regex_date(s.strip(_STRIP))
    if matched:
        return found
    if len(s) > 200:
        return None
    return _dateparser_date(s, ["month", "year"], ["en"])


@dataclass(frozen=True, slots=True)
class Dateline:
    """A line that is a date: the date, its rank (lower wins) and its label, if any."""

    date: _dt.date
    rank: int
    label: str | None


def classify_dateline(line: str) -> Dateline | None:
    """A :class:`Dateline` when the whole line is a (possibly labelled) date, else None."""
    s = line.strip(_STRIP)
    if not s or len(s) > 120:
        return None
    m = _LABEL.fullmatch(s)
    if m:
        found = parse_date_string(m["rest"])
        if found is not None:
            label = " ".join(m["label"].lower().split())
            rank = RANK_VIEWED if label in _VIEWED_LABELS else RANK_PUBLISHED
            return Dateline(found, rank, label)
    found = parse_date_string(s)
    return Dateline(found, RANK_BARE, None) if found is not None else None


def find_publication_date(head_lines: Sequence[str]) -> tuple[_dt.date | None, int | None]:
    """The publication date given by the best dateline among ``head_lines`` and its index.

    Priority: an explicit ``Published``/``Posted`` label, then a bare date, then a ``Today`` or
    ``Updated`` label; among equals the first wins. ``(None, None)`` when there is no dateline.
    """
    best: tuple[int, int, _dt.date] | None = None
    for i, line in enumerate(head_lines):
        found = classify_dateline(line)
        if found is not None and (best is None or found.rank < best[0]):
            best = (found.rank, i, found.date)
    if best is None:
        return None, None
    return best[2], best[1]
