"""Dependency-tree helpers: who is the subject, object and recipient of a cue word."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj", "dative", "iobj", "attr")
#: Prepositions whose object is the recipient of an action ("sanctions on", "visit to").
TARGET_PREPS = {"to", "against", "on", "toward", "towards", "with", "into", "upon", "at", "over"}
#: Verbs through which a subject reaches an embedded action ("responded by cancelling").
CLIMB_DEPS = ("xcomp", "advcl", "pcomp", "prep", "conj", "acl", "ccomp", "relcl", "pobj", "dobj", "agent",
              "acomp")  # "Pakistan is willing to withdraw": through the adjective
RELATIVE = {"that", "which", "who", "whom", "whose"}


def children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def subject_of(verb: Token, max_hops: int = 4) -> tuple[Token | None, bool]:
    """The subject governing ``verb``: its own, or one reached by climbing through xcomp,
    conj, advcl… heads (``agreed … to strengthen``; ``replied by cancelling``). Returns the token
    and whether it is a passive subject. A relative pronoun is replaced by its antecedent."""
    node = verb
    for _ in range(max_hops + 1):
        subj = children(node, SUBJ)
        if subj:
            return _antecedent(subj[0]), False
        passive = children(node, PASS_SUBJ)
        if passive:
            # "the embassy is expected to host": the raised subject acts in the embedded verb
            return _antecedent(passive[0]), node is verb
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            return None, False
        if node.dep_ == "relcl":  # "rulings that required …": the antecedent acts
            return node.head, False
        if node.dep_ == "pcomp" and node.head.lower_ in ("of", "for"):
            # "accused Moscow of making demands": the object of accuse/blame/criticise acts
            objs = children(node.head.head, OBJ)
            if objs:
                return objs[0], False
        node = node.head
    return None, False


def _antecedent(tok: Token) -> Token:
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        ante = tok.head.head
        # "rulings in 2018 that required": the clause hangs off the date, the rulings act
        while ante.like_num and ante.dep_ == "pobj" and ante.head.head.i != ante.head.i:
            ante = ante.head.head
        return ante
    return tok


def agent_of(verb: Token) -> Token | None:
    """The ``by`` phrase of a passive verb or an event noun."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            objs = children(c, ("pobj",))
            if objs:
                return objs[0]
    return None


def objects_of(verb: Token) -> list[Token]:
    return children(verb, OBJ)


def prep_objects(head: Token, preps: set[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs directly under ``head``."""
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for obj in children(c, ("pobj",)):
                yield c.lower_, obj


def governing_verb(noun: Token, max_hops: int = 4) -> Token | None:
    """The verb a noun phrase hangs from ("announced [compensation]", "responded with [restrictions]")."""
    node = noun
    for _ in range(max_hops):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _up(token: Token, levels: int = 3) -> Iterator[Token]:
    """``token`` and the heads above it, ``levels`` tokens at most, the root last."""
    node = token
    for _ in range(levels):
        yield node
        if node.head.i == node.i:
            return
        node = node.head


def failed(token: Token) -> bool:
    """"failed to reach an agreement", "failed to agree": the action (or the verb governing an
    event noun) is the infinitive of "fail"."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    return verb is not None and any(n.dep_ == "xcomp" and n.head.lemma_ == "fail" for n in _up(verb))


def is_negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in token.children):
        return True
    # "without demanding", "failed to agree", "refused to meet"
    return any(n.dep_ in ("pcomp", "pobj") and n.head.lower_ == "without"
               or n.dep_ == "xcomp" and n.head.lemma_ in ("fail", "refuse", "decline") for n in _up(token))
