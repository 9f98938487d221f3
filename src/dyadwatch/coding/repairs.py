"""Repairs for what the small parser gets wrong about subjects: names listed before a verb
that lost its subject, and coordinated names stranded outside the subject phrase."""

from __future__ import annotations

from spacy.tokens import Token

from .actors import LOCATIVE_PREPS, MentionSpan


def names_before(verb: Token, mentions: dict[int, MentionSpan]) -> list[Token]:
    """Heads of the actor names written just before ``verb`` ("…, South Korean President Lee
    Jae-myung and Japanese Prime Minister Shigeru Ishiba held …"), for a parse that lost the
    subject. Names are joined by "and"/","; a place ("in Kananaskis, Canada") ends the list."""
    doc = verb.doc
    heads: list[Token] = []
    i = verb.i - 1
    while i >= verb.sent.start:
        m = mentions.get(i)
        if m is None or m.kind in ("title", "agent"):
            break
        if m.kind in ("country", "capital", "GPE") and _locative(doc[i]):
            break
        heads.append(doc[i])
        i = m.start - 1
        while i >= verb.sent.start and (i in mentions and mentions[i].kind in ("title", "demonym", "NORP")
                                        or doc[i].lower_ in ("the", "former", "then")):
            i = mentions[i].start - 1 if i in mentions else i - 1
        if i >= verb.sent.start and doc[i].lower_ in ("and", ","):
            i -= 1
            continue
        break
    return list(reversed(heads))


def _locative(tok: Token) -> bool:
    node = tok
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS:
            return True
        if node.dep_ not in ("conj", "appos", "compound") or node.head.i == node.i:
            return False
        node = node.head
    return False


def stranded_conjuncts(subj: Token, mentions: dict[int, MentionSpan]) -> list[Token]:
    """Actor names listed before a subject that the parser attached elsewhere: in
    "…, Japan, South Korea, and China convened" the small model often keeps only "China"
    as subject. Walks left over ", and"/"," from the subject's phrase, collecting mentions."""
    doc = subj.doc
    i = subj.left_edge.i - 1
    out: list[Token] = []
    if i < 0 or doc[i].lower_ not in ("and", "&"):
        return out  # the list must close with "and": "Japan, South Korea, and China"
    while i >= 0 and doc[i].lower_ in ("and", ",", "&"):
        i -= 1
        while i >= 0 and doc[i].lower_ in ("and", ",", "&"):
            i -= 1
        m = mentions.get(i)
        if i < 0 or m is None or m.end - 1 != i or m.kind in ("title", "agent"):
            break
        out.append(doc[i])
        i = m.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
    if subj.i in {c.i for t in out for c in t.conjuncts}:
        return []  # the parser already coordinated them
    return out


