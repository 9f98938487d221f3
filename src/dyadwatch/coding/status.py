"""Event status from PLOVER's auxiliary modes, and the event's own date."""

from __future__ import annotations

import datetime as _dt

from spacy.tokens import Token

from ..nlp.dates import date_sort_key
from ..records import Status
from .dating import date_end
from .roles import governing_verb

FUTURE_AUX = {"will", "shall", "'ll"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should"}
#: Verbs whose xcomp is planned, not done: "is expected to host", "plans to visit".
PLAN_VERBS = {
    "expect", "plan", "schedule", "set", "intend", "prepare", "aim", "hope", "seek", "want",
    "propose", "agree", "promise", "pledge", "vow", "commit", "offer", "threaten",
}
#: Adjectives whose infinitive is offered, not done: "is willing to withdraw its troops".
READY_ADJECTIVES = {"willing", "ready", "prepared", "eager", "determined", "keen", "poised"}
OFFER_VERBS = {"offer", "promise", "pledge", "vow", "propose", "agree"}
#: "Seoul said it would withdraw": would under a verb of saying is the future of the past.
REPORTING_VERBS = {"say", "announce", "state", "confirm", "declare", "tell", "add", "report", "indicate", "signal"}
PLAN_WORDS = {"upcoming", "planned", "scheduled", "forthcoming", "proposed", "next", "future"}
CONDITIONAL = {"if", "unless"}


def offered(trigger: Token) -> bool:
    """Whether an action is offered rather than decided: "is willing to withdraw", "offered to
    release", "pledged to lay down arms" (CAMEO codes these as an intent to yield)."""
    node = trigger
    for _ in range(3):
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in READY_ADJECTIVES or node.lemma_ in OFFER_VERBS:
            return True
    return False


def status_of(trigger: Token, negated: bool, date: str | None, published: _dt.date | None) -> Status:
    """asserted | historical | future | hypothetical | negated (first that applies, in that order
    of precedence: negated, hypothetical, future, historical)."""
    if negated:
        return "negated"
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    chain = [verb] if verb is not None else []
    if verb is not None:
        node = verb
        for _ in range(3):
            if node.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acomp") or node.head.i == node.i:
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
    if auxes & FUTURE_AUX or any(v.lemma_ in PLAN_VERBS or v.lower_ in READY_ADJECTIVES for v in chain[1:]):
        return "future"
    if trigger.pos_ == "NOUN" and any(c.lower_ in PLAN_WORDS for c in trigger.children):
        return "future"
    if published is not None and date is not None:
        if date_end(date) < published - _dt.timedelta(days=365):
            return "historical"
        if date_sort_key(date) > published and verb is not None and verb.tag_ in ("VBG", "VB", "VBZ", "VBP"):
            return "future"
    return "asserted"


