"""Direct quotes at the character level: where quotation marks open and close.

Pure string rules (no parser), one line (paragraph) at a time:

* Double quotes: straight ``"``, curly ``“ ”`` and guillemets ``« »``. Single quotes (British
  style): straight ``'`` and curly ``‘ ’``.
* A mark is an *opener* when it follows a line start, a space, a bracket or a dash and is followed
  by a non-space; a *closer* when it follows a non-space and is followed by a space, punctuation
  or the line end. The glyph decides only where the position does not (``“`` opens, ``”`` closes);
  a straight double mark between spaces closes a quote left open and is otherwise ignored.
* A single mark between two letters or digits is an apostrophe (``don't``, ``Japan's``,
  ``Ishiba’s``), so is an elision before a number (``'90s``, ``’19``). A single closer right
  after an ``s`` and followed by a lower-case word (``the countries' leaders``) is taken as a
  plural possessive when a later single closer can end the open quote instead.
* Only top-level quotes are returned: marks of the other kind inside an open quote are nested
  quotes and are left alone.
* A quote does not cross a line break, except in the newspaper convention where a quote running
  over several paragraphs repeats the opening mark at the head of each paragraph.
* Unbalanced marks never raise: an opener with no closer gives a span up to the end of its line
  and a double closer with no opener a span from the start of its line (after any earlier quote),
  both with ``balanced=False``. A single closer with no opener is an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["double", "single"]

DOUBLE_MARKS = {'"': None, "“": "open", "”": "close", "«": "open", "»": "close", "„": "open"}
SINGLE_MARKS = {"'": None, "‘": "open", "’": "close"}
LEFT_BOUNDARY = "([{—–-/"
RIGHT_BOUNDARY = ".,;:!?)]}—–-…"
ELISION = re.compile(r"\d\d(?:s)?\b|(?:em|til|cause|tis|twas|n)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between a pair of quotation marks. ``start``/``end`` delimit the quoted words (marks
    and surrounding spaces excluded); ``open_at``/``close_at`` are the marks' offsets, ``None``
    where a mark is missing (then ``balanced`` is False)."""

    start: int
    end: int
    kind: Kind
    open_at: int | None
    close_at: int | None
    #: the quote goes on in the next paragraph (which opens with a mark again)
    continued: bool = False

    @property
    def balanced(self) -> bool:
        return self.open_at is not None and (self.close_at is not None or self.continued)

    @property
    def outer(self) -> tuple[int, int]:
        """The span including the marks that exist."""
        lo = self.open_at if self.open_at is not None else self.start
        hi = self.close_at + 1 if self.close_at is not None else self.end
        return lo, hi


@dataclass(frozen=True, slots=True)
class _Mark:
    at: int
    kind: Kind
    role: Literal["open", "close", "either"]
    possessive: bool = False  # a single closer that may be a plural possessive ("countries' ")


def find_quoted(text: str) -> list[QuotedSpan]:
    """Top-level quoted spans of ``text`` in text order (see the module docstring)."""
    out: list[QuotedSpan] = []
    lines = _lines(text)
    for index, (lo, hi) in enumerate(lines):
        marks = _marks(text, lo, hi)
        spans, open_kind = _pair(text, lo, hi, marks)
        if open_kind is not None and spans and not spans[-1].balanced and spans[-1].open_at is not None:
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            if nxt is not None and _starts_with_opener(text, nxt[0], nxt[1], open_kind):
                last = spans[-1]  # a multi-paragraph quote: this paragraph's part is complete
                spans[-1] = QuotedSpan(last.start, last.end, last.kind, last.open_at, None, True)
        out.extend(spans)
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _starts_with_opener(text: str, lo: int, hi: int, kind: Kind) -> bool:
    stripped = text[lo:hi].lstrip()
    if not stripped:
        return False
    table = DOUBLE_MARKS if kind == "double" else SINGLE_MARKS
    return stripped[0] in table and table[stripped[0]] != "close"


def _marks(text: str, lo: int, hi: int) -> list[_Mark]:
    marks: list[_Mark] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch in DOUBLE_MARKS:
            kind: Kind = "double"
            glyph = DOUBLE_MARKS[ch]
        elif ch in SINGLE_MARKS:
            kind, glyph = "single", SINGLE_MARKS[ch]
        else:
            continue
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        left_open = prev.isspace() or prev in LEFT_BOUNDARY or (prev in DOUBLE_MARKS or prev in SINGLE_MARKS)
        right_open = nxt.isspace() or nxt in RIGHT_BOUNDARY or (nxt in DOUBLE_MARKS or nxt in SINGLE_MARKS)
        if kind == "single":
            if prev.isalnum() and nxt.isalnum():
                continue  # don't, Japan's
            if left_open and ELISION.match(text, i + 1, hi):
                continue  # '90s, 'em
        if left_open and not right_open:
            role = "open"
        elif right_open and not left_open:
            role = "close"
        elif glyph is not None:
            role = glyph
        elif kind == "double" and prev.isspace() and nxt.isspace():
            role = "either"  # "… the term 'outreach,' " he told": closes a quote left open, else nothing
        else:
            continue  # a straight mark glued on both sides: no evidence
        possessive = (
            kind == "single" and role == "close" and prev in "sS" and i + 2 < hi and nxt == " "
            and (text[i + 2].islower() or text[i + 2].isdigit())
        )
        marks.append(_Mark(i, kind, role, possessive))  # type: ignore[arg-type]
    return marks


def _pair(text: str, lo: int, hi: int, marks: list[_Mark]) -> tuple[list[QuotedSpan], Kind | None]:
    """Pair the marks of one line; returns the spans and the kind of a quote left open."""
    spans: list[QuotedSpan] = []
    open_mark: _Mark | None = None
    floor = lo  # a stray closer's quote starts after the last quote of the line
    for n, mark in enumerate(marks):
        if mark.role == "either" and (open_mark is None or open_mark.kind != mark.kind):
            continue
        if open_mark is None:
            if mark.role == "open":
                open_mark = mark
            elif mark.kind == "double":
                spans.append(_span(text, floor, mark.at, mark.kind, None, mark.at))
                floor = mark.at + 1
            continue
        if mark.kind != open_mark.kind:
            continue  # a nested quote of the other kind
        if mark.role in ("close", "either"):
            if mark.possessive and any(m.kind == mark.kind and m.role == "close" for m in marks[n + 1 :]):
                continue  # "the countries' leaders" inside a quote closed further on
            spans.append(_span(text, open_mark.at + 1, mark.at, mark.kind, open_mark.at, mark.at))
            floor = mark.at + 1
            open_mark = None
        else:  # a second opener: the first one was never closed
            spans.append(_span(text, open_mark.at + 1, mark.at, mark.kind, open_mark.at, None))
            open_mark = mark
    if open_mark is not None:
        spans.append(_span(text, open_mark.at + 1, hi, open_mark.kind, open_mark.at, None))
        return [s for s in spans if s.end > s.start], open_mark.kind
    return [s for s in spans if s.end > s.start], None


def _span(text: str, lo: int, hi: int, kind: Kind, open_at: int | None, close_at: int | None) -> QuotedSpan:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return QuotedSpan(lo, hi, kind, open_at, close_at)
