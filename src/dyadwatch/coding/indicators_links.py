"""How an amount attaches to its sentence (for :mod:`.indicators`): the verb and clause that
govern it, the keyword that names its metric, the time expression that dates it, and the
countries on each side of the flow it describes. All rules are documented in docs/indicators.md."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..records import TimeExpr
from .amounts import Amount
from .indicators_lexicon import PEOPLE_NOUNS
from .indicators_metrics import KeywordMatch

#: Verbs whose subject receives: the figure flows to it.
RECEIVE_VERBS = {"receive", "import", "get", "obtain", "accept", "buy", "purchase", "attract", "welcome", "host"}
#: Verbs that put a head count in their subject ("tourists numbered 8 million").
MEASURE_VERBS = {"number", "total", "reach", "exceed", "top", "hit", "surpass", "stand", "be", "amount", "climb",
                 "rise", "grow", "fall", "drop", "increase", "decrease"}
CHANGE_LEMMAS = {"grow", "growth", "rise", "increase", "fall", "drop", "decline", "jump", "surge", "climb", "slide",
                 "plunge", "soar", "expand", "shrink", "contract", "decrease", "gain", "slump", "rebound", "double",
                 "triple", "multiply", "cut", "reduce", "reduction", "raise", "hike", "lower"}
TARGET_PREPS = {"to", "into", "toward", "towards", "for", "on", "against", "in"}
SOURCE_PREPS = {"from", "of", "by"}
SYMMETRIC_PREPS = {"with", "between", "among"}
PAIR_NOUNS = {"country", "nation", "side", "neighbour", "neighbor", "government", "economy", "state", "ally"}
PAIR_WORDS = {"bilateral", "two-way"}
#: Metrics whose verb ("killed", "wounded") names a head count better than the counted noun does.
VERB_FIRST = {"deaths", "casualties"}
AGE_PREPS = {"under", "over", "above", "below"}
#: Nouns that an "under 40" qualifies as an age ("a generation under 40").
AGE_NOUNS = {"generation", "age", "youth", "child", "adult", "voter", "people", "those", "anyone", "group"}
#: Metrics that flow from one country to another: with one country named, the other side of the
#: document's main pair is the partner.
FLOW_METRICS = {"exports", "imports", "aid", "loans", "investment", "compensation"}
#: A keyword this far from the number in the dependency tree (edges) is not its metric.
MAX_METRIC_DISTANCE = 6
PERIOD_GAP = re.compile(r"^\s*,?\s*(?:(?:in|during|for|of|as of|by|through|throughout|since|at the end of|"
                         r"by the end of|over)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Found:
    """An amount of a sentence with its parse anchors."""

    amount: Amount
    root: Token  # head of the amount phrase
    verb: Token | None  # the verb that governs it
    inside: frozenset[int] = frozenset()  # token indices of the amount phrase


def governing_verb(tok: Token, skip: set[int] | frozenset[int] = frozenset()) -> Token | None:
    """The verb a token belongs to: itself when it is one, else the nearest verb above it
    (tokens in ``skip``, the amount's own words, do not count)."""
    node = tok
    for _ in range(8):
        if node.i not in skip and (node.pos_ == "VERB" or (node.pos_ == "AUX" and node.i != tok.i)):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def subject(verb: Token) -> Token | None:
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None:
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subj is not None:
            return subj
    return None


CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc"}


def phrase(tok: Token) -> list[Token]:
    """The noun phrase of ``tok`` and of its conjuncts, without clauses or prepositional
    phrases (other than "of") hanging off it: "Japan's exports", "Korean forced laborers"."""
    out = []
    for head in (tok, *tok.conjuncts):
        for t in head.subtree:
            node = t
            while node.i != head.i:
                if node.dep_ in CLAUSE_DEPS or (node.dep_ == "prep" and node.lower_ != "of"):
                    break
                node = node.head
            else:
                out.append(t)
    return out


def noun_roles(noun: Token, names, sides: tuple[list[str], list[str], list[str]], importer: bool) -> None:  # type: ignore[no-untyped-def]
    src, tgt, _ = sides
    own = names(noun)
    (tgt if importer else src).extend(own)
    for child in noun.children:
        if child.dep_ == "prep":
            prep_roles(child, names, sides)


def prep_roles(prep: Token, names, sides: tuple[list[str], list[str], list[str]], depth: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Countries in a prepositional phrase, by preposition; looks one phrase deeper through "of"
    and through prepositions that name no side ("5 million tonnes of soybeans from the United
    States", "loans worth 300 billion yen to Manila")."""
    src, tgt, sym = sides
    word = prep.lower_
    objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    for o in objs:
        got = names(o)
        if word in SYMMETRIC_PREPS:
            sym.extend(got)
        elif word in TARGET_PREPS:
            tgt.extend(got)
        elif word in SOURCE_PREPS:
            src.extend(got)
    if depth >= 2:
        return
    deeper = [c for c in prep.children if c.dep_ == "prep"]
    if word not in SYMMETRIC_PREPS | TARGET_PREPS | SOURCE_PREPS or word == "of":
        deeper += [c for o in objs for c in o.children if c.dep_ == "prep"]
    for child in deeper:
        prep_roles(child, names, sides, depth + 1)


def names_pair(item: Found, metric_tok: Token | None, sent: Span) -> bool:
    """"bilateral trade", "two-way trade", "between the two countries", "of both nations"."""
    for tok in (metric_tok, item.root):
        if tok is not None and any(c.lower_ in PAIR_WORDS for c in tok.children):
            return True
    scope = list(item.verb.subtree) if item.verb is not None else list(sent)
    for t in scope:
        if t.lemma_.lower() in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in t.children) and (
            t.head.lower_ in ("between", "among", "of", "for") or t.dep_ in ("poss", "nsubj")
        ):
            return True
    return False


def complete(known: str, pair: tuple[str, ...], item: Found, metric: str) -> tuple[str, ...]:
    """One country named in a flow: the other side of the pair is the partner."""
    other = next(c for c in pair if c != known)
    verb = item.verb
    receives = metric == "imports" or (verb is not None and verb.lemma_.lower() in RECEIVE_VERBS)
    return (other, known) if receives else (known, other)


def tree_distance(a: Token, b: Token) -> int:
    up: dict[int, int] = {}
    node, steps = a, 0
    while True:
        up[node.i] = steps
        if node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    node, steps = b, 0
    while node.i not in up:
        if node.head.i == node.i:
            return 99
        node, steps = node.head, steps + 1
    return steps + up[node.i]


def metric_of(item: Found, keywords: list[KeywordMatch], others: list[tuple[int, int]], sent: Span) -> KeywordMatch | None:
    root, kind = item.root, item.amount.unit_kind
    denominators: set[int] = set()
    if kind == "percent":  # "2% of GDP": GDP is the denominator, not the metric
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                denominators.update(t.i for t in c.subtree)
    verbs = {v.i for v in verb_chain(item.verb)}
    clause = clause_head(root, item.inside)
    counted = kind in ("people", "count")
    best: tuple[tuple[int, int, int], KeywordMatch] | None = None
    for m in keywords:
        if not m.keyword.fits(kind) or m.head.i in denominators:
            continue
        if any(s <= m.head.idx < e for s, e in others):
            continue
        is_verb = m.head.pos_ in ("VERB", "AUX")
        governs = item.verb is not None and (m.head.i == item.verb.i or (
            m.head.dep_ in ("csubj", "nsubj") and m.head.head.i in verbs))
        if is_verb and not governs and m.head.i not in item.inside:
            continue  # a verb names the figure only when it governs it ("exported 691 billion yen")
        if counted and not is_verb and m.head.i not in item.inside and m.head.lower_ in PEOPLE_NOUNS:
            continue  # "Lebanese troops stopped 45 migrants": another group of people
        if m.head.i not in item.inside and clause_head(m.head) != clause:
            continue  # another clause's quantity ("…, and inflation was 3.1 per cent")
        dist = 0 if m.head.i in item.inside else tree_distance(root, m.head)
        if is_verb and governs and m.keyword.metric in VERB_FIRST:
            dist = -1  # "killed at least 25 soldiers": a death toll, of soldiers
        if dist > MAX_METRIC_DISTANCE:
            continue
        key = (dist, -len(m.keyword.words), abs(m.head.i - root.i))
        if best is None or key < best[0]:
            best = (key, m)
    return best[1] if best else None


def is_change(item: Found, text: str) -> bool:
    """A percent or ratio that measures a change ("grew by 11.4%", "an increase of 350 times"),
    not a level reached ("raise defence spending to 3.5% of GDP")."""
    node = item.root
    if node.head.dep_ == "prep" and node.head.lower_ in ("to", "from", "at"):
        return False
    for _ in range(4):
        if node.lemma_.lower() in CHANGE_LEMMAS:
            return True
        if node.head.i == node.i or (item.verb is not None and node.i == item.verb.i):
            break
        node = node.head
    if any(c.lemma_.lower() in CHANGE_LEMMAS for c in item.root.children):
        return True
    before = text[: item.amount.start]
    return re.search(r"\b(?:up|down|year-on-year)\s+(?:by\s+)?$", before, re.IGNORECASE) is not None or bool(
        re.match(r"\s*(?:year-on-year|on-year|y/y|yoy)\b", text[item.amount.end:], re.IGNORECASE))


def claims(text: str, amounts: list[Amount], exprs: list[TimeExpr]) -> dict[int, int]:
    """Time expression index → amount index, for an expression written right after an amount
    ("200 million dollars in 1965")."""
    out: dict[int, int] = {}
    for j, e in enumerate(exprs):
        before = [(k, a) for k, a in enumerate(amounts) if a.end <= e.start and PERIOD_GAP.match(text[a.end : e.start])]
        if before:
            out[j] = max(before, key=lambda ka: ka[1].end)[0]
    return out


def period_of(item: Found, k: int, exprs: list[TimeExpr], claims: dict[int, int], sent: Span, base: int,
            metric_tok: Token | None) -> TimeExpr | None:
    own = [e for j, e in enumerate(exprs) if claims.get(j) == k]
    if own:
        return own[0]
    verbs = {v.i for v in verb_chain(item.verb)}
    anchors = {metric_tok.i} if metric_tok is not None else set()
    doc = sent.doc
    near: list[TimeExpr] = []
    for j, e in enumerate(exprs):
        if j in claims:
            continue
        span = doc.char_span(base + e.start, base + e.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        ancestors = {t.i for t in head.ancestors}
        verb = adverbial_verb(head)
        if ancestors & anchors or (verb is not None and verb.i in verbs):
            near.append(e)
    if not near:
        return None
    pos = item.amount.start
    return min(near, key=lambda e: min(abs(e.start - pos), abs(e.end - pos)))


def adverbial_verb(tok: Token) -> Token | None:
    """The verb a time expression modifies as an adverbial ("in 2024, … travelled", "pledged
    … this year"); ``None`` when it modifies a noun ("the 2015 level")."""
    node = tok
    for _ in range(3):
        if node.dep_ in ("pobj", "pcomp") and node.head.dep_ == "prep":
            node = node.head
        if node.dep_ in ("prep", "npadvmod", "tmod", "advmod", "obl") and node.head.pos_ in ("VERB", "AUX"):
            return node.head
        if node.dep_ in ("compound", "nummod", "amod") and node.head.i != node.i and node.head.ent_type_ == "DATE":
            node = node.head  # "March 2025": up to the date's own head
            continue
        return None
    return None


def clause_head(tok: Token, skip: frozenset[int] = frozenset()) -> int | None:
    """The clause a token belongs to, as the index of its main verb: a subjectless participle or
    coordinated verb ("…, representing an increase", "exported … and imported …") belongs to the
    clause above it."""
    verb = governing_verb(tok, skip)
    for _ in range(6):
        if verb is None:
            return None
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
        if has_subject or verb.dep_ not in ("advcl", "xcomp", "conj", "acl", "pcomp", "csubj") or verb.head.i == verb.i:
            return verb.i
        verb = governing_verb(verb.head)
    return verb.i if verb is not None else None


def verb_chain(verb: Token | None) -> list[Token]:
    """The governing verb and the verbs it is coordinated with ("exported … and imported …")."""
    if verb is None:
        return []
    out = [verb]
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        out.append(node)
    return out
