"""The event's own date in a Japanese or Korean sentence, and what carries between sentences.

The time expression nearest before the cue in its sentence (Japanese and Korean put time before
the verb), else one after it; 同日/같은 날 takes the date last written; else the date carried within
the paragraph (and a few sentences past it), else the lede's day (16일 in a lede published on the
17th: later paragraphs with no date are about that day), else the publication date. A date in the
genitive (1998年の共同宣言) dates its noun, not the verb.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ...records import Article, TimeExpr

#: Words for "that same day" (同日, 같은 날): the date carried from the sentences before.
SAME_DAY: Final = {"ja": re.compile(r"同日|この日|当日"), "ko": re.compile(r"같은\s?날|이날|당일|그날")}
#: A date (or an event noun) followed by の/의 modifies the noun after it.
GENITIVE: Final = re.compile(r"\s?(?:の|의)")
#: Sentences a date is carried past a paragraph break (as in English).
CARRY_ACROSS_PARAGRAPHS: Final = 4


@dataclass(frozen=True, slots=True)
class Carried:
    date: str
    precision: str
    text: str
    sentence: int
    paragraph: int


@dataclass
class Dates:
    """The dates a sentence may borrow: the last one written (``last``), the one still in force
    here (``carried``), and the lede's (``lede``: the day the article's news happened)."""

    lede: Carried | None
    last: Carried | None = None
    carried: Carried | None = None


def lede(indexes: Sequence[int], dates: Sequence[Sequence[TimeExpr]], published: _dt.date | None) -> Carried | None:
    """The day of the article's main news: the first day-precision date in its first three
    sentences that falls in the week before publication (16일 in a lede published on the 17th).
    Later paragraphs that give no date are about that day, not the publication day."""
    if published is None:
        return None
    for index, exprs in list(zip(indexes, dates, strict=True))[:3]:
        for e in exprs:
            if e.date and e.precision == "day" and 0 <= (published - _dt.date.fromisoformat(e.date)).days <= 7:
                return Carried(e.date, "day", e.text, index, 0)
    return None


def event_date(lang: str, article: Article, text: str, start: int, end: int, exprs: Sequence[TimeExpr],
               dates: Dates) -> tuple[str | None, str | None, str | None, str]:  # fmt: skip
    """Date, precision, date text and basis of the cue at ``start:end`` of sentence ``text``."""
    # a date with の/의 modifies a noun (1998年の共同宣言を継承): it dates the cue only when
    # the cue is that noun
    before = [e for e in exprs if e.end <= start
              and (not GENITIVE.match(text, e.end) or start - e.end <= 3)]  # fmt: skip
    after = [e for e in exprs if e.start >= end and not GENITIVE.match(text, e.end)]
    same_day = SAME_DAY[lang].search(text, 0, start)
    if same_day is not None and dates.last is not None and (not before or before[-1].end < same_day.start()):
        return dates.last.date, dates.last.precision, same_day.group(), "context"
    expr = before[-1] if before else (after[0] if after else None)
    if expr is not None and expr.date is not None:
        return expr.date, expr.precision, expr.text, expr.basis
    if expr is not None:
        return None, None, expr.text, expr.basis
    for carried in (dates.carried, dates.lede):
        if carried is not None:
            return carried.date, carried.precision, carried.text, "context"
    if article.published is not None:
        return article.published.isoformat(), "day", None, "publication"
    return None, None, None, "publication"
