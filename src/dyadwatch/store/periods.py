"""Dates written as periods: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

from __future__ import annotations

import calendar
import datetime as _dt
import re

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_period(value: str) -> tuple[_dt.date, _dt.date]:
    """Return the first and the last day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` period.

    Raises :class:`ValueError` for anything else (including impossible dates).
    """
    match = _PERIOD.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    y = int(year)
    if month is None:
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    m = int(month)
    if day is None:
        if not 1 <= m <= 12:
            raise ValueError(f"{value!r}: month {m} is out of range")
        return _dt.date(y, m, 1), _dt.date(y, m, calendar.monthrange(y, m)[1])
    try:
        d = _dt.date(y, m, int(day))
    except ValueError as exc:
        raise ValueError(f"{value!r}: {exc}") from None
    return d, d


def period_start(value: str | None) -> _dt.date | None:
    """First day of a period; ``None`` for ``None``. Raises :class:`ValueError` if malformed."""
    return None if value is None else parse_period(value)[0]


def parse_day(value: str | None) -> _dt.date | None:
    """A full ``YYYY-MM-DD`` date; ``None`` for ``None``. Raises :class:`ValueError` otherwise."""
    if value is None:
        return None
    start, end = parse_period(value)
    if start != end:
        raise ValueError(f"{value!r} is not a full YYYY-MM-DD date")
    return start
