"""Event status from PLOVER's auxiliary modes, and the event's own date."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..nlp.dates import date_sort_key
from ..records import Status, TimeExpr

FUTURE_AUX = {"will", "shall", "'ll"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should"}
#: Verbs whose xcomp is planned, not done: "is expected to host", "plans to visit".
PLAN_VERBS = {
    "expect", "plan", "schedule", "set", "intend", "prepare", "aim", "hope", "seek", "want",
    "propose", "agree", "promise", "pledge", "vow", "commit", "offer", "threaten",
}
#: "Seoul said it would withdraw": would under a verb of saying is the future of the past.
REPORTING_VERBS = {"say", "announce", "state", "confirm", "declare", "tell", "add", "report", "indicate", "signal"}
PLAN_WORDS = {"upcoming", "planned", "scheduled", "forthcoming", "proposed", "next", "future"}
CONDITIONAL = {"if", "unless"}


def status_of(trigger: Token, negated: bool, date: str | None, published: _dt.date | None) -> Status:
    """asserted | historical | future | hypothetical | negated (first that applies, in that order
    of precedence: negated, hypothetical, future, historical)."""
    if negated:
        return "negated"
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing(trigger)
    chain = [verb] if verb is not None else []
    if verb is not None:
        node = verb
        for _ in range(3):
            if node.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or node.head.i == node.i:
                break
            node = node.head
            chain.append(node)
    auxes = {c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for v in chain for c in v.children if c.dep_ == "mark"}
    reported = any(v.dep_ == "ccomp" and v.head.lemma_ in REPORTING_VERBS for v in chain)
    if "would" in auxes and reported and not marks & CONDITIONAL:
        auxes = (auxes - {"would"}) | {"will"}
    if auxes & HYPOTHETICAL_AUX or marks & CONDITIONAL:
        return "hypothetical"
    if auxes & FUTURE_AUX or any(v.lemma_ in PLAN_VERBS for v in chain[1:]):
        return "future"
    if trigger.pos_ == "NOUN" and any(c.lower_ in PLAN_WORDS for c in trigger.children):
        return "future"
    if published is not None and date is not None:
        if date_end(date) < published - _dt.timedelta(days=365):
            return "historical"
        if date_sort_key(date) > published and verb is not None and verb.tag_ in ("VBG", "VB", "VBZ", "VBP"):
            return "future"
    return "asserted"


def _governing(noun: Token) -> Token | None:
    node = noun
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


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
