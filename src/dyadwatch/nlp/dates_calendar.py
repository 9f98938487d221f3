"""Calendar arithmetic shared by the English, Japanese and Korean date finders: valid dates,
``YYYY-MM[-DD]`` strings, month shifts, offsets from the publication date and seasons."""

from __future__ import annotations

import datetime as _dt

from dyadwatch.records import DatePrecision


def valid(y: int, m: int, d: int | None = None) -> bool:
    """A real month (and day, when given): 2025-02-29 is not."""
    if d is None:
        return 1 <= m <= 12
    try:
        _dt.date(y, m, d)
    except ValueError:
        return False
    return True


def ymd(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """The month ``k`` months after (before, for negative ``k``) ``y``-``m``."""
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def offset_date(precision: DatePrecision | None, offset: int, ref: _dt.date) -> str | None:
    """``offset`` days, weeks (their Monday), months or years from ``ref``: "last month",
    先週, 지난해."""
    if precision == "day":
        return (ref + _dt.timedelta(days=offset)).isoformat()
    if precision == "week":
        monday = ref - _dt.timedelta(days=ref.weekday())
        return (monday + _dt.timedelta(weeks=offset)).isoformat()
    if precision == "month":
        return ym(*shift_month(ref.year, ref.month, offset))
    if precision == "year":
        return str(ref.year + offset)
    return None


def season_date(month: int, direction: int, ref: _dt.date) -> str:
    """``YYYY-MM`` of the season starting in ``month`` (winter: 12): the last one before the
    current season (``direction`` -1: "last summer", 昨夏), the next one after it (+1), or the
    nearest one, ties forward (0: "this summer")."""
    cur_start = {12: 12, 1: 12, 2: 12}.get(ref.month, (ref.month // 3) * 3)
    cur = (ref.year - (1 if ref.month < cur_start else 0)) * 12 + cur_start - 1
    instances = [y * 12 + month - 1 for y in range(ref.year - 2, ref.year + 3)]
    if direction < 0:
        idx = max(i for i in instances if i < cur)
    elif direction > 0:
        idx = min(i for i in instances if i > cur)
    else:
        here = ref.year * 12 + ref.month - 1
        idx = min(instances, key=lambda i: (abs(i - here), -i))
    return ym(idx // 12, idx % 12 + 1)
