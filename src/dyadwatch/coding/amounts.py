"""Amounts in one English sentence, from the text alone (no parser): the number, its scale word,
unit or currency, qualifier, and how it pairs with its neighbour ("from X to Y", "between X and
Y", "X-Y"). The parse-dependent part (what a bare number counts, the metric, the countries, the
period) is :mod:`dyadwatch.coding.indicators`; the rules are documented in docs/indicators.md.

:func:`find_amounts` returns :class:`Amount` records with offsets into the sentence. Numbers that
are not amounts are left out: anything inside a masked span (time expressions), times of day,
phone numbers, URLs, list markers, ordinals ("60th"), identifiers ("G7", "COVID-19", "Article
9"), durations ("35 years", "30-minute") and ages ("40-year-old", "aged 40"). A bare number with no
unit is returned with ``unit=None`` for the caller to classify.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from .indicators_lexicon import (
    AGE_BEFORE,
    BARRELS,
    CHANGE_BEFORE,
    COMPARE_AFTER,
    CURRENCY_AFTER,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIGITS,
    DISTANCE,
    DURATION,
    EXPONENT,
    FOLD,
    FOLD_WORDS,
    IDENT_BEFORE,
    ISO_AFTER,
    ISO_ALIASES,
    ISO_BEFORE,
    MASKS,
    MULTIPLY_VERBS,
    NUMBER_WORD,
    ONES,
    ORDINAL,
    PEOPLE,
    PERCENT,
    PLUS,
    POINTS,
    QUAL,
    QUAL_AFTER,
    QUAL_AFTER_MAP,
    QUAL_RE,
    SCALE,
    SCALES,
    SUBUNITS,
    SUPERSCRIPT,
    SYMBOL_BEFORE,
    TENS,
    TIMES,
    TONNES,
    WORD_SCALES,
)

#: Values above this (in base units) are not believable: kept with ``value=None``.
ABSURD_ABOVE = Decimal(10) ** 18
#: No head count exceeds the world's population many times over.
ABSURD_PEOPLE_ABOVE = Decimal(10) ** 10

UnitKind = str  # currency | people | percent | ratio | tonnes | barrels | count



@dataclass(frozen=True, slots=True)
class Amount:
    """An amount written in a sentence; offsets are into that sentence.

    ``start``/``end`` cover the whole phrase (qualifier, currency, number, scale, unit);
    ``num_end`` is where the number and its scale word end. ``unit_kind`` groups units
    (``currency`` for every ISO code). ``role`` is ``value``, ``from``/``to`` (a change
    between two figures) or ``low``/``high`` (a range). ``scaled``: a scale word was written.
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    unit: str | None
    unit_kind: UnitKind | None
    qualifier: str | None
    scaled: bool = False
    written: bool = False
    role: str = "value"
    flags: tuple[str, ...] = ()

    def with_unit(self, unit: str | None, kind: UnitKind | None, end: int | None = None,
                  flag: str | None = None) -> Amount:
        flags = tuple(f for f in self.flags if f != "no_unit") + ((flag,) if flag else ())
        value = self.value
        if kind == "people" and value is not None and Decimal(str(value)) > ABSURD_PEOPLE_ABOVE:
            value, flags = None, flags + ("absurd_value",)
        return replace(self, unit=unit, unit_kind=kind, end=self.end if end is None else end, value=value,
                       flags=flags)


def find_amounts(text: str, masked: Sequence[tuple[int, int]] = ()) -> list[Amount]:
    """Amounts of one sentence, in text order (see the module docstring)."""
    blocked = list(masked) + [m.span() for rx in MASKS for m in rx.finditer(text)]
    found: list[Amount] = []
    for start, end, value, written in _numbers(text):
        if any(s < end and start < e for s, e in blocked):
            continue
        if found and start < found[-1].end:
            continue
        amount = _amount(text, start, end, value, written)
        if amount is not None:
            found.append(amount)
    return _link(text, found, blocked)


# -- numbers ------------------------------------------------------------------------------------
def _numbers(text: str) -> Iterator[tuple[int, int, Decimal, bool]]:
    """(start, end, value, written) for digit numbers and written-out numbers, in text order."""
    out: list[tuple[int, int, Decimal, bool]] = []
    for m in DIGITS.finditer(text):
        try:
            out.append((m.start(), m.end(), Decimal(m.group().replace(",", "")), False))
        except InvalidOperation:
            continue
    out.extend(_written(text))
    out.sort(key=lambda x: x[0])
    return iter(out)


def _written(text: str) -> Iterator[tuple[int, int, Decimal, bool]]:
    words = list(NUMBER_WORD.finditer(text))
    i = 0
    while i < len(words):
        j, total, current, seen, last_end = i, Decimal(0), Decimal(0), False, -1
        first = words[i].group().lower()
        if first in ("a", "an", "half") and i + 1 < len(words):
            nxt = words[i + 1].group().lower()
            if first == "half" and nxt == "a" and i + 2 < len(words) and words[i + 2].group().lower() in WORD_SCALES:
                scale = WORD_SCALES[words[i + 2].group().lower()]
                yield words[i].start(), words[i + 2].end(), Decimal("0.5") * Decimal(10) ** scale, True
                i += 3
                continue
            if first in ("a", "an") and nxt in WORD_SCALES | {"hundred": 2}:
                current, seen, j, last_end = Decimal(1), True, i + 1, words[i].end()
        while j < len(words):
            w = words[j].group().lower()
            gap = text[last_end:words[j].start()] if last_end >= 0 else ""
            if last_end >= 0 and gap not in (" ", "-") and not (gap.strip().lower() == "and" and seen):
                break
            if w in ONES or w in TENS:
                current += ONES.get(w, 0) + TENS.get(w, 0)
            elif w == "hundred" and seen:
                current = (current or 1) * 100
            elif w in WORD_SCALES and seen:
                total += (current or 1) * Decimal(10) ** WORD_SCALES[w]
                current = Decimal(0)
            elif w == "and" and seen:
                last_end = words[j].end()
                j += 1
                continue
            else:
                break
            seen, last_end = True, words[j].end()
            j += 1
        if seen and last_end > words[i].start():
            yield words[i].start(), last_end, total + current, True
            i = max(j, i + 1)
        else:
            i += 1


def _amount(text: str, start: int, end: int, value: Decimal, written: bool) -> Amount | None:
    before = text[:start]
    if written and re.search(r"\b(?:the|these|those|their|its|his|her|our|both|all)\s+$", before, re.IGNORECASE):
        return None  # "the two victims": a reference, not a figure
    if not written and start and (text[start - 1].isalpha() or (
            text[start - 1] in "-–" and start > 1 and text[start - 2].isalpha())):
        return None  # G7, COVID-19, F-35
    num_end, absurd, exponent = end, False, False
    if not written and (m := EXPONENT.match(text, end)):  # 10^30, 1.5 x 10^12, 1e30, 10³⁰
        value, absurd = _power(value, m)
        num_end, exponent = m.end(), True
    after = text[num_end:]
    if ORDINAL.match(after) or DURATION.match(after) or DISTANCE.match(after):
        return None  # 60th; 35 years, a 30-minute meeting; 20 miles south
    if AGE_BEFORE.search(before):
        return None  # aged 40
    unit: str | None = None
    kind: UnitKind | None = None
    symbol = SYMBOL_BEFORE.search(before) or ISO_BEFORE.search(before)
    if symbol is not None:
        sym = symbol.group(1)
        unit, kind = CURRENCY_SYMBOLS.get(sym.lower().replace(" ", ""), ISO_ALIASES.get(sym, sym)), "currency"
    scaled = written and value >= 1000
    m = SCALE.match(after) if not written else None
    if m is not None and (m.group(3) is None or unit is not None or _unit_follows(after[m.end():])):
        word = (m.group(1) or m.group(2) or m.group(3)).lower()
        if not absurd:
            value = value * Decimal(10) ** SCALES[word]
        scaled, num_end = True, num_end + m.end()
    if not written and re.match(r"[A-Za-z]", text[num_end:num_end + 1]) and not re.match(
            r"(?:bps|pp|pct|kt)\b|-?fold\b", text[num_end:], re.IGNORECASE):
        return None  # 5G, a 5m wall, 7nm
    if re.match(r"-[A-Za-z]", text[num_end:num_end + 2]) and not re.match(
            r"-(?:fold|plus|per\s?cent|percent|pct)\b", text[num_end:], re.IGNORECASE):
        return None  # a 7-point margin, the 4,000-person agency, 30-somethings: a modifier
    phrase_start = symbol.start() if symbol is not None else start
    if not written and symbol is None and start and text[start - 1] in "-−" and (
            start == 1 or text[start - 2] in " (\t\n"):
        value, phrase_start = -value, start - 1
    elif (neg := re.search(r"\bminus\s+$", before, re.IGNORECASE)) is not None:
        value, phrase_start = -value, neg.start()
    unit_end = num_end
    plus = PLUS.match(text, num_end)
    if unit is None:
        got = _unit_after(text, plus.end() if plus else num_end, value, before)
        if got is None:
            return None  # "met five times": a frequency
        unit, kind, unit_end, value = got
        if plus is not None and unit is not None:
            unit_end = max(unit_end, plus.end())
    qualifier, qstart = None, phrase_start
    if (q := QUAL_RE.search(text, 0, phrase_start)) is not None:
        qualifier, qstart = QUAL[q.group(1).lower()], q.start(1)
    if qualifier is None and plus is not None:
        qualifier, unit_end = "more_than", max(unit_end, plus.end())
    elif qualifier is None and (p := QUAL_AFTER.match(text, unit_end)) is not None:
        qualifier, unit_end = QUAL_AFTER_MAP[p.group(1).lower()], p.end()
    # a written number with no unit ("ten marines") is kept for the parser to find what it counts
    if kind is None and not scaled and not exponent and not written and _not_a_figure(text, start, num_end,
                                                                                      value, qualifier):
        return None
    flags: tuple[str, ...] = ()
    number: float | None = None
    limit = ABSURD_PEOPLE_ABOVE if kind == "people" else ABSURD_ABOVE
    if absurd or abs(value) > limit:
        flags = ("absurd_value",)
    else:
        number = float(value)
    if unit is None:
        flags += ("no_unit",)
    return Amount(qstart, unit_end, phrase_start, num_end, number, unit, kind, qualifier, scaled, written,
                  "value", flags)


def _power(value: Decimal, m: re.Match[str]) -> tuple[Decimal, bool]:
    """Apply a written exponent; ``absurd`` when it is too large to believe (or compute)."""
    raw = next(g for g in (m["e1"], m["s1"], m["e2"], m["s2"], m["e3"]) if g is not None)
    try:
        exp = int(raw.translate(SUPERSCRIPT))
    except ValueError:
        return value, True
    if abs(exp) > 400:
        return value, True
    try:
        if m["e2"] is not None or m["s2"] is not None:  # 10^30: the number to that power
            if abs(value) > 10 ** 6:
                return value, True
            return value ** exp, False
        return value * Decimal(10) ** exp, False  # 1.5 x 10^12, 1e30
    except ArithmeticError:  # 0^0, 0^-1
        return value, True


def _not_a_figure(text: str, start: int, end: int, value: Decimal, qualifier: str | None) -> bool:
    """A bare number (no unit, no scale) that names rather than measures."""
    before, after = text[:start], text[end:]
    if IDENT_BEFORE.search(before):
        return True  # Article 9, Route 66
    if qualifier is None and re.search(r"[A-Z][\w-]*\s$", before) and not re.search(
            r"(?:^|[.!?:;\"“‘'(]\s*)[A-Z][\w-]*\s$", before):
        return True  # Samsung Galaxy 25, Boeing 747: part of a name
    if value == value.to_integral_value() and 1000 <= value <= 2100 and "," not in text[start:end]:
        return True  # an unlicensed year ("between 1910 and 1945")
    if before.endswith("(") and after.startswith(")"):
        return True  # (61): an age or a reference
    # "Lee, 61, said": an age
    return qualifier is None and re.search(r"\w,\s$", before) is not None and after.startswith(",")


def _unit_follows(rest: str) -> bool:
    return bool(PEOPLE.match(rest) or TONNES.match(rest) or CURRENCY_AFTER.match(rest) or ISO_AFTER.match(rest)
                or BARRELS.match(rest))


def _unit_after(text: str, pos: int, value: Decimal, before: str
                ) -> tuple[str | None, UnitKind | None, int, Decimal] | None:
    """The unit written after the number, or ``None`` when the number is a frequency."""
    after = text[pos:]
    if m := POINTS.match(after):
        if m.group(2):  # basis points are hundredths of a percentage point
            return "percentage_points", "percent", pos + m.end(), value / 100
        return "percentage_points", "percent", pos + m.end(), value
    if m := PERCENT.match(after):
        return "percent", "percent", pos + m.end(), value
    if m := CURRENCY_AFTER.match(after):
        word = m.group(1).lower()
        code = CURRENCY_WORDS[word]
        rest = after[m.end():]
        if code == "KRW" and re.match(r"\s+(?:the|a|an|by|in|over|against|its|their|his|her|seats?)\b", rest, re.IGNORECASE):
            return None, None, pos, value  # "5 won the vote" is not money
        if word in ("pound", "pounds") and re.match(r"\s+of\b", rest):
            return None, None, pos, value  # "5 pounds of rice" is a weight
        if word in SUBUNITS:
            return code, "currency", pos + m.end(), value / 100
        return code, "currency", pos + m.end(), value
    if m := ISO_AFTER.match(after):
        return ISO_ALIASES.get(m.group(1), m.group(1)), "currency", pos + m.end(), value
    if m := TONNES.match(after):
        factor = Decimal(1000) if m.group(2) else Decimal(1)
        return "tonnes", "tonnes", pos + m.end(), value * factor
    if m := BARRELS.match(after):
        return "barrels", "barrels", pos + m.end(), value
    if m := PEOPLE.match(after):
        return "people", "people", pos + m.end(), value
    if m := FOLD.match(after):
        return "ratio", "ratio", pos + m.end(), value
    if m := TIMES.match(after):
        if CHANGE_BEFORE.search(before) or COMPARE_AFTER.match(after[m.end():]):
            return "ratio", "ratio", pos + m.end(), value
        return None
    return None, None, pos, value


# -- pairs and ranges ----------------------------------------------------------------------------
_RANGE_GAP = re.compile(r"^\s*(?:to|and|-|–|—)\s*$", re.IGNORECASE)
_FROM_TO_GAP = re.compile(r"^\s*(?:(?:in|during|for|of|by)\s+)?(?:@T\s*)?[,’'\"”]*\s*(?:to|and)\s*$", re.IGNORECASE)


def _link(text: str, found: list[Amount], blocked: Sequence[tuple[int, int]]) -> list[Amount]:
    """Ranges ("between 5 and 10 million", "5-10%") share scale and unit and get at_least/up_to;
    a change ("from X in 1965 to Y") passes X's unit to a Y written without one."""
    out = list(found) + _fold_words(text, found, blocked)
    out.sort(key=lambda a: a.start)
    drop: set[int] = set()
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end:b.start]
        lead = text[:a.start]
        if _RANGE_GAP.match(gap) and not re.search(r"\bfrom\s*[‘'\"“]?\s*$", lead, re.IGNORECASE):
            if re.match(r"^\s*and\s*$", gap) and not re.search(r"\bbetween\s*$", lead, re.IGNORECASE):
                continue
            if a.unit is not None and b.unit is not None and a.unit != b.unit:
                continue  # "2 billion won to 15 victims": two figures, not a range
            if a.value is not None and b.value is not None and a.unit is not None and a.value >= b.value:
                continue  # "leads 46 percent to 41 percent": a comparison, not a range
            if a.unit is None and b.unit is None and not a.scaled and not b.scaled:
                if gap.strip() in ("-", "–"):
                    drop.update((i, i + 1))  # "3-1": a score or a code
                continue
            a2 = a
            if a.unit is None and a.value is not None and b.unit is not None:
                value = a.value
                if b.scaled and not a.scaled:
                    value = float(Decimal(str(a.value)) * _scale_of(b))
                a2 = replace(a2, value=value, unit=b.unit, unit_kind=b.unit_kind, scaled=b.scaled,
                             flags=tuple(f for f in a.flags if f != "no_unit"))
            out[i] = replace(a2, role="low", qualifier=a.qualifier or "at_least")
            out[i + 1] = replace(b, role="high", qualifier=b.qualifier or "up_to")
            continue
        masked_gap = gap
        for s, e in blocked:
            if a.end <= s and e <= b.start:
                masked_gap = masked_gap.replace(text[s:e], "@T", 1)
        if _FROM_TO_GAP.match(masked_gap) and re.search(r"\bfrom\s*[‘'\"“]?\s*$", lead, re.IGNORECASE):
            b2 = b
            if b.unit is None and a.unit is not None and (b.scaled or b.value is not None):
                b2 = replace(b, unit=a.unit, unit_kind=a.unit_kind,
                             flags=tuple(f for f in b.flags if f != "no_unit") + ("unit_from_context",))
            a2 = a
            if a.unit is None and b.unit is not None:
                a2 = replace(a, unit=b.unit, unit_kind=b.unit_kind,
                             flags=tuple(f for f in a.flags if f != "no_unit") + ("unit_from_context",))
            out[i], out[i + 1] = replace(a2, role="from"), replace(b2, role="to")
    return [a for k, a in enumerate(out) if k not in drop]


def _scale_of(a: Amount) -> Decimal:
    if a.value is None:
        return Decimal(1)
    v = Decimal(str(a.value)).copy_abs()
    for exp in (12, 9, 6, 3):
        if v >= Decimal(10) ** exp:
            return Decimal(10) ** exp
    return Decimal(1)


_FOLD_WORD = re.compile(r"\b(" + "|".join(FOLD_WORDS) + r")-?fold\b|\b(" + "|".join(MULTIPLY_VERBS) + r")\b",
                        re.IGNORECASE)


def _fold_words(text: str, found: list[Amount], blocked: Sequence[tuple[int, int]]) -> list[Amount]:
    """"twofold", "ten-fold", "doubled": ratios written as one word."""
    out = []
    for m in _FOLD_WORD.finditer(text):
        if any(a.start < m.end() and m.start() < a.end for a in found):
            continue
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        word = (m.group(1) or m.group(2)).lower()
        value = FOLD_WORDS.get(word) or MULTIPLY_VERBS[word]
        out.append(Amount(m.start(), m.end(), m.start(), m.end(), float(value), "ratio", "ratio", None,
                          False, True, "value", ()))
    return out
