"""The event's own date: which time expression belongs to a cue, what carries from the
sentences before, and small date arithmetic."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import TimeExpr


@dataclass(frozen=True, slots=True)
class DatedRef:
    """A date seen in sentence ``sentence`` of paragraph ``paragraph``, to carry forward."""

    date: str
    precision: str
    text: str
    sentence: int
    paragraph: int


RECENT = {"recent", "latest", "recently", "ongoing", "current", "new"}


def is_recent(tok: Token) -> bool:
    """"North Korea's recent nuclear tests": news of now, not of the paragraph's date."""
    return any(c.lower_ in RECENT for c in tok.children)


ANCHOR_OFFSETS = {"next day": 1, "following day": 1, "day after": 1, "previous day": -1, "day before": -1}


def anchored(expr: TimeExpr, carried: DatedRef | None) -> TimeExpr | None:
    """"The next day", "the previous day": a day-precision context date shifted by a day;
    ``None`` (so the context date itself is used) when there is nothing to shift."""
    if carried is None or carried.precision != "day":
        return None
    low = expr.text.lower()
    for phrase, days in ANCHOR_OFFSETS.items():
        if phrase in low:
            day = _dt.date.fromisoformat(carried.date) + _dt.timedelta(days=days)
            return TimeExpr(expr.start, expr.end, expr.text, day.isoformat(), "day", "context")
    return None


def representative_day(date: str | None, published: _dt.date | None) -> _dt.date | None:
    """A day inside the event's period, for looking up who held an office then."""
    if date is None:
        return published
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return _dt.date(parts[0], 7, 1)
    if len(parts) == 2:
        return _dt.date(parts[0], parts[1], 15)
    return _dt.date(*parts)


def date_end(date: str) -> _dt.date:
    """Last day of the period a date string names."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return _dt.date(*parts)
    if len(parts) == 2:
        y, m = parts
        nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)
    return _dt.date(parts[0], 12, 31)


def pick_time(trigger: Token, sent: Span, exprs: Sequence[TimeExpr]) -> TimeExpr | None:
    """The time expression that belongs to ``trigger``: one inside the trigger's own phrase if
    any (nearest first), else the nearest in its clause, else none."""
    if not exprs:
        return None
    base = sent.start_char
    sub = list(trigger.subtree)
    lo, hi = sub[0].idx - base, sub[-1].idx + len(sub[-1]) - base
    pos = trigger.idx - base

    def dist(e: TimeExpr) -> int:
        return min(abs(e.start - pos), abs(e.end - pos))

    inside = [e for e in exprs if e.start >= lo and e.end <= hi]
    if inside:
        return min(inside, key=dist)
    if trigger.pos_ == "NOUN":
        # "Japan's annexation of Korea in 1910": a date right after the noun phrase is its own
        follow = [e for e in exprs if 0 <= e.start - hi <= 6 and sent.text[hi:e.start].strip() in ("", "in", "on", "of")]
        return follow[0] if follow else None  # else the context's date
    clause = _clause(trigger)
    if clause is not None:
        sub = list(clause.subtree)
        lo, hi = sub[0].idx - base, sub[-1].idx + len(sub[-1]) - base
        near = [e for e in exprs if e.start >= lo and e.end <= hi]
        if near:
            return min(near, key=dist)
    # "… occurred on June 17, 2025, when Ishiba and Lee met": the date sits in the main clause
    return min(exprs, key=dist)


def _clause(token: Token) -> Token | None:
    node = token
    for _ in range(4):
        if node.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj") or node.head.i == node.i:
            return node
        node = node.head
    return node


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "hundredth": 100, "centenary": 100, "centennial": 100,
}  # fmt: skip


def anniversary_of(noun: Token) -> tuple[Token, int] | None:
    """``(anniversary token, years)`` when ``noun`` is what an anniversary marks: "the 60th
    anniversary of their diplomatic normalization" → (anniversary, 60)."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.lemma_.lower() not in ("anniversary", "centenary", "centennial"):
        return None
    ann = head.head
    if ann.lemma_.lower() in ("centenary", "centennial"):
        return ann, 100
    for c in ann.children:
        if c.dep_ in ("amod", "nummod", "compound"):
            low = c.lower_
            digits = low.rstrip("stndrh")
            if digits.isdigit() and low != digits:
                return ann, int(digits)
            if low in _ORDINAL_WORDS:
                return ann, _ORDINAL_WORDS[low]
    return None


def years_before(date: str | None, years: int) -> str | None:
    """The year ``years`` before the year of ``date`` (``YYYY[-MM[-DD]]``)."""
    if date is None:
        return None
    return f"{int(date[:4]) - years:04d}"
