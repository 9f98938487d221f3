"""Cue words of attribution and the syntax around them: which word introduces a quote, what it
reports (a complement clause, an object, an infinitive) and who its source is.

Attribution covers statements, beliefs and intentions (as in PARC and PolNeAR). The documented
vocabulary (:mod:`.quotes_vocab`, docs/quotes.md) is matched by lemma:

* :data:`SPEECH_VERBS` report what was said: they introduce direct quotes and take a complement
  clause ("Lee said (that) the two countries would …").
* :data:`OBJECT_VERBS` and :data:`ATTITUDE_VERBS` also report through their object
  ("emphasizing the importance of …", "backed the deal"). When the object has a "that" clause
  ("expressed hope that …") the clause is the content.
* :data:`INTENTION_VERBS` report an intention through an infinitive ("pledged to continue",
  "plans to lift"); with :data:`CONTROL_VERBS` the infinitive may hang on the object ("urged
  Tokyo to lift").
* Any other verb with a finite complement clause (a "that" clause or a clause with its own
  subject) reports it, except the verbs of :data:`NON_ATTRIBUTIVE` ("ensure that", "means
  that"); so do adjectives of stance ("confident that") and the nouns of :data:`REPORT_NOUNS`
  with a "that" clause ("Trump's claim that …").
* Phrasal cues: "point out", "call for"; and the preposition "according to".
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from .actors import ActorResolver

from . import roles
from .quotes_vocab import (
    ABOUT_PREPS,
    ADDRESSEE_VERBS,
    ANAPHORIC_OBJECTS,
    ATTITUDE_VERBS,
    COMPLEMENTIZERS,
    CONTENT_PREPS,
    CONTROL_VERBS,
    EVIDENCE_SOURCES,
    EVIDENCE_VERBS,
    EXPLETIVE,
    EXPRESSED,
    INTENT_NOUNS,
    INTENTION_VERBS,
    MIXED_DEPS,
    NAMING_VERBS,
    NON_ATTRIBUTIVE,
    OBJECT_VERBS,
    PHRASAL,
    REPORT_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    SUPPORT_VERBS,
)

WORD = ("PUNCT", "SPACE")
#: What sets a trailing or parenthetical speech verb off from the clause it reports.
DASHES = (",", "—", "–")


def is_cue_verb(tok: Token) -> bool:
    """A verb of the documented vocabulary (the cues of direct quotes)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return (lemma, _particle(tok)) in PHRASAL or lemma in SPEECH_VERBS or lemma in OBJECT_VERBS


def is_according(tok: Token) -> bool:
    """The "according" of "according to X" (with its object)."""
    return tok.lower_ == "according" and according_source(tok) is not None


def according_source(tok: Token) -> Token | None:
    for c in tok.children:
        if c.lower_ == "to":
            objs = roles.children(c, ("pobj",))
            if objs:
                return objs[0]
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        objs = roles.children(nxt, ("pobj",))
        return objs[0] if objs else None
    return None


def cue_text(tok: Token) -> str:
    """The cue as written: "said", "pointed out", "according to"."""
    if tok.lower_ == "according":
        return "according to"
    prt = _particle(tok)
    if prt and (tok.lemma_.lower(), prt) in PHRASAL:
        return f"{tok.text} {prt}"
    return tok.text


def _particle(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "for" and tok.lemma_.lower() == "call"):
            return c.lower_
    return None


# -- what a cue reports -----------------------------------------------------------------------
def is_speech(tok: Token) -> bool:
    """A verb of saying (``SPEECH_VERBS``) or "according to": reported speech by definition."""
    return is_according(tok) or (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS)


def descriptive(verb: Token) -> bool:
    """A participle describing a noun ("known for", "a plan backed by") or a passive without
    agent ("is expected to"; not "it was announced that …"): nobody is reported as speaking."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    own = {c.dep_ for c in verb.children}
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl") and not own & {"aux", "nsubj", "nsubjpass"}:
        return True
    subj = roles.children(verb, roles.PASS_SUBJ)
    if subj and subj[0].lower_ == "it":
        return False
    passive = subj or any(c.dep_ == "auxpass" for c in verb.children)
    return bool(passive) and roles.agent_of(verb) is None


def reported_head(cue: Token) -> Token | None:
    """The head of what ``cue`` (a verb, stance adjective or report noun) reports, or None."""
    if cue.pos_ == "ADJ":
        return _stance(cue) if cue.dep_ in ("acomp", "oprd") else None
    if cue.pos_ == "NOUN":
        return _noun_content(cue)
    if cue.pos_ not in ("VERB", "AUX"):
        return None
    lemma = cue.lemma_.lower()
    listed = lemma in SPEECH_VERBS or lemma in OBJECT_VERBS or lemma in INTENTION_VERBS or lemma in ATTITUDE_VERBS
    if lemma in NON_ATTRIBUTIVE and not listed:
        return None
    if lemma in EVIDENCE_VERBS and _evidence(cue):  # "Polls show a close contest in the state"
        found = _finite_clause(cue, need_that=False) or next(iter(roles.children(cue, ("dobj", "obj"))), None)
        if found is not None:
            return found
    clause = _finite_clause(cue, need_that=False)
    if clause is not None and (listed or _has_source(cue)):
        return _reduced_relative(cue, clause) or clause
    if (lemma, _particle(cue)) == ("call", "for"):
        for c in cue.children:
            if c.lower_ == "for":  # "called for sanctions", "called for reducing the tax rate"
                objs = roles.children(c, ("pobj", "pcomp"))
                return objs[0] if objs else None
    if lemma == "accuse":  # "accused Moscow of making demands"
        for c in cue.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = roles.children(c, ("pobj", "pcomp"))
                return inner[0] if inner else None
    if lemma in INTENTION_VERBS:
        for x in roles.children(cue, ("xcomp",)):
            if x.pos_ in ("VERB", "AUX"):
                return x
        for obj in roles.children(cue, ("dobj",)) if lemma in CONTROL_VERBS else []:  # "urged Tokyo to lift"
            inner = roles.children(obj, ("acl", "xcomp", "ccomp"))
            if inner and any(t.dep_ == "aux" and t.lower_ == "to" for t in inner[0].children):
                return inner[0]
    if lemma in OBJECT_VERBS or lemma in ATTITUDE_VERBS:
        found = _object_content(cue, lemma)
        if found is not None:
            return found
    if lemma in SPEECH_VERBS:
        for c in cue.rights:
            if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS:
                inner = roles.children(c, ("pobj", "pcomp"))
                if inner and not _setting(inner[0]):
                    return inner[0]
    return None


def _setting(obj: Token) -> bool:
    """Where or when something was said, not what: "said on Fox News Sunday", "spoke for about five
    minutes", "said on Tuesday"."""
    return obj.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "WORK_OF_ART", "FAC") or (
        obj.head.lower_ == "on" and obj.ent_type_ in ("ORG", "PERSON") and obj.pos_ == "PROPN")


def _evidence(cue: Token) -> bool:
    """Whether the subject of ``cue`` is a poll, study or report (:data:`EVIDENCE_SOURCES`)."""
    subj, passive = roles.subject_of(cue)
    return subj is not None and not passive and subj.lemma_.lower() in EVIDENCE_SOURCES


def _reduced_relative(cue: Token, clause: Token) -> Token | None:
    """"cited remarks Trump had made about Machado": an object right before a clause with no
    "that" is what the clause describes (the parser's ccomp is a reduced relative clause); the
    object heads the content and the clause follows as its tail (:func:`object_tail`)."""
    if any(m.dep_ == "mark" for m in clause.children) or clause.i < cue.i:
        return None
    start = min(t.i for t in clause.subtree)
    for obj in roles.children(cue, ("dobj",)):
        if obj.i > cue.i and max(t.i for t in obj.subtree) == start - 1 and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return None


def naming_content(cue: Token) -> list[Token]:
    """"called the charges unsubstantiated": the object and what it is called, or nothing."""
    if cue.pos_ not in ("VERB", "AUX") or cue.lemma_.lower() not in NAMING_VERBS or _particle(cue):
        return []
    objs = roles.children(cue, ("dobj", "obj"))
    named = roles.children(cue, ("oprd", "xcomp"))
    if not objs or not named or objs[0].pos_ == "PRON" and objs[0].lower_ not in ("him", "her", "them", "it"):
        return []
    # what lies between belongs too: "called her vote in favor of the Iraq War a mistake"
    first = min(t.i for t in objs[0].subtree)
    last = max(t.i for t in named[0].subtree)
    return list(cue.doc[first : last + 1]) if first > cue.i else []


def trailing_clause(cue: Token) -> Token | None:
    """"Trade will grow, he said": the clause the parser hung a trailing speech verb from; and
    "Too often, Mr. Clarke said, the debate is infected …": a speech verb set off by commas
    inside the sentence it reports (its root; the caller leaves the cue's own words out)."""
    if cue.lemma_.lower() not in SPEECH_VERBS or cue.dep_ not in ("parataxis", "ccomp"):
        return None
    if _finite_clause(cue, need_that=False) is not None or not roles.children(cue, roles.SUBJ):
        return None
    inner = [t.i for t in cue.subtree if t.pos_ not in WORD]
    doc, head, sent = cue.doc, cue.head, cue.sent  # Token.sent searches the Doc: once
    before = inner[0] > sent.start and doc[inner[0] - 1].text in DASHES
    if head.i < cue.i and head.pos_ in ("VERB", "AUX"):
        return head if before else None
    after = inner[-1] + 1 < sent.end and doc[inner[-1] + 1].text in DASHES
    return sent.root if cue.dep_ == "parataxis" and before and after and sent.root.i != cue.i else None


def _stance(adj: Token) -> Token | None:
    preps = STANCE_ADJECTIVES.get(adj.lower_)
    if preps is None:
        return None
    clause = _finite_clause(adj, need_that=False)
    if clause is not None:
        return clause
    for x in roles.children(adj, ("xcomp",)):
        if any(t.dep_ == "aux" and t.lower_ == "to" for t in x.children):
            return x
    for c in adj.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            inner = roles.children(c, ("pobj", "pcomp"))
            if inner:
                return inner[0]
    return None


def _noun_content(noun: Token) -> Token | None:
    lemma = noun.lemma_.lower()
    if lemma in REPORT_NOUNS or lemma in INTENT_NOUNS:
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                return c
    if lemma in INTENT_NOUNS:
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children):
                return c
    preps = STANCE_NOUNS.get(noun.lower_) or STANCE_NOUNS.get(lemma)
    for c in noun.children if preps else ():
        if c.dep_ == "prep" and c.lower_ in preps:
            inner = roles.children(c, ("pobj", "pcomp"))
            if inner:
                return inner[0]
    return None


def _finite_clause(head: Token, need_that: bool) -> Token | None:
    """A complement clause of ``head``: with "that"/"whether"/"if", or (unless ``need_that``)
    with a subject of its own; not cut off by a colon."""
    found: list[tuple[bool, bool, Token]] = []
    for c in roles.children(head, ("ccomp",)):
        marked = any(m.dep_ == "mark" and m.lower_ in COMPLEMENTIZERS for m in c.children)
        subject = any(m.dep_ in roles.SUBJ + roles.PASS_SUBJ + ("expl",) for m in c.children)
        if (marked or (subject and not need_that)) and not _cut_off(c, head):
            found.append((not marked, c.i < head.i, c))
    # "Should the company fail, environmentalists worry that the cost …": a clause with "that"
    # after the verb before one the parser hung in front of it
    return min(found, key=lambda f: f[:2])[2] if found else None


def _has_source(cue: Token) -> bool:
    """A verb outside the vocabulary counts only with a subject that can hold a view."""
    subj, passive = roles.subject_of(cue, max_hops=2)
    return subj is not None and not passive and subj.lower_ not in EXPLETIVE


def _object_content(cue: Token, lemma: str) -> Token | None:
    for obj in roles.children(cue, ("dobj", "obj")):
        if lemma in ADDRESSEE_VERBS and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "NORP")):
            continue  # "told reporters", "urged Tokyo"
        clause = [c for c in obj.children if c.dep_ in ("acl", "ccomp")
                  and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        if clause:
            return clause[0]  # "expressed hope that …"
        if lemma == "express" and obj.lemma_.lower() not in EXPRESSED:
            return None
        if obj.pos_ == "PRON" or (obj.lower_ in ANAPHORIC_OBJECTS or obj.lemma_.lower() in ANAPHORIC_OBJECTS) and not any(
            c.dep_ in ("relcl", "acl", "prep", "amod", "compound") for c in obj.children
        ):
            return None  # "echoed this sentiment"; not "cited derogatory comments Trump had made"
        return obj
    if lemma in ("propose", "recommend", "suggest"):
        xcomp = roles.children(cue, ("xcomp",))
        return xcomp[0] if xcomp else None
    return None


def _cut_off(clause: Token, cue: Token) -> bool:
    """A clause before its verb reports only when a comma, not a colon or semicolon, separates
    them ("The economy will grow, the minister said" but not "…changed: his government said")."""
    if clause.i > cue.i:
        return False
    last = max(t.i for t in clause.subtree)
    return any(t.text in (":", ";", "—", "–") for t in cue.doc[last + 1 : cue.i])


def source_of(cue: Token) -> Token | None:
    """Who a cue's report belongs to: the subject of a verb (through participles and
    coordination; the agent of a passive), of the copula of a stance adjective, the owner of a
    report noun ("Trump's claim") or the subject of its support verb ("made the argument")."""
    if is_according(cue):
        return according_source(cue)
    if cue.text == ":":  # "PENCE: Well, …"
        return cue.doc[cue.i - 1] if cue.i else None
    if cue.pos_ == "NOUN":
        for c in cue.children:
            if c.dep_ == "poss":
                return c
        agent = roles.agent_of(cue)
        if agent is not None:
            return agent
        verb = cue.head
        if cue.dep_ in ("dobj", "obj") and verb.lemma_.lower() in SUPPORT_VERBS:
            subj, passive = roles.subject_of(verb)
            return None if passive else subj
        return None
    node = cue.head if cue.pos_ == "ADJ" else cue
    own = roles.children(node, roles.SUBJ)
    if not own and participle_after_comma(cue) and cue.head.i > cue.i:
        earlier = _previous_subject(cue)  # "Trump said, adding later, “…”" with "adding" hung from the quote
        if earlier is not None:
            return earlier
    if own and own[0].lower_ in roles.RELATIVE:
        return own[0]  # "Ishiba, who said …": the pronoun, resolved to its antecedent later
    subj, passive = roles.subject_of(node)
    if passive or subj is None:
        agent = roles.agent_of(node)
        if agent is not None:
            return agent
        if passive:
            return None
    if subj is None and cue.dep_ in ("advcl", "xcomp", "conj", "ccomp"):
        for c in cue.rights:  # "“…,” said President Lee"
            if c.dep_ in ("dobj", "npadvmod", "attr", "nsubj") and c.pos_ == "PROPN":
                return c
    if subj is not None and subj.lower_ in EXPLETIVE and subj.dep_ in ("nsubjpass", "expl"):
        return None
    return subj


def participle_after_comma(tok: Token) -> bool:
    """"…, adding later, “…”": a participle right after a comma."""
    return tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _previous_subject(tok: Token) -> Token | None:
    """The subject of the nearest verb before ``tok`` in its sentence."""
    start = tok.sent.start
    for t in reversed(tok.doc[start : tok.i]):
        if t.pos_ in ("VERB", "AUX"):
            own = roles.children(t, roles.SUBJ)
            if own:
                return own[0]
    return None


def content_tokens(head: Token, exclude: Collection[int] = ()) -> list[Token]:
    """The words of a reported clause or phrase: its subtree without a leading complementizer
    ("that") or leading/trailing punctuation, and without the ``exclude`` token indices."""
    toks = [t for t in head.subtree if t.i not in exclude]
    while toks and (toks[0].pos_ in WORD or (toks[0].lower_ in COMPLEMENTIZERS and toks[0].dep_ == "mark")):
        toks = toks[1:]
    while toks and toks[-1].pos_ in WORD and toks[-1].text not in ("”", '"', "’", "'", "»"):
        toks = toks[:-1]
    return toks


def without_aside(toks: list[Token]) -> list[Token]:
    """"the reality of climate change, which makes him an outlier": a relative clause after a
    comma that ends the content is the writer's aside, not what was reported; it is cut off."""
    ends = max((u.i for u in toks if u.pos_ not in WORD), default=-1)
    for t in toks:
        if t.dep_ == "relcl" and t.i > 0:
            first = min(u.i for u in t.subtree)
            if max(u.i for u in t.subtree) >= ends and t.doc[first - 1].text == "," \
                    and t.doc[first].lower_ in ("which", "who", "whose", "whom"):
                return [u for u in toks if u.i < first - 1]
    return toks


#: Words that open a line with a colon without being anyone's name ("Update: …").
NOT_SPEAKERS = {"update", "note", "editor", "photo", "video", "watch", "read", "related", "correction",
                "source", "sources", "warning", "exclusive", "breaking", "analysis", "opinion", "live", "q", "a"}


def speaker_label(name: Span, resolver: "ActorResolver") -> bool:
    """Whether the words before a line-opening colon name a speaker (a person, a group, a poll),
    not a dateline place ("ISLAMABAD:") or a rubric ("Update:")."""
    text = name.text.strip()
    if not text or len(name) > 4 or text.lower() in NOT_SPEAKERS or name[-1].lower_ in NOT_SPEAKERS:
        return False
    if resolver.kb.country(text) is not None or any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in name):
        return False
    return not any(t.like_num for t in name)


def next_report(head: Token) -> set[int]:
    """"… would order a review and warned against hackers": a speech verb coordinated with the
    reported clause, without a subject of its own, is a second report, not part of the first."""
    out: set[int] = set()
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.lemma_.lower() in SPEECH_VERBS | OBJECT_VERBS \
                and not roles.children(c, roles.SUBJ):
            out |= {t.i for t in c.subtree}
            out |= {t.i for t in head.children if t.dep_ == "cc" and t.i < c.i}
    return out | participle_report(head)


def participle_report(head: Token) -> set[int]:
    """"… did Romney in, arguing that it was divisions …": a participle of saying after a comma,
    anywhere under ``head``, is its own report (PolNeAR: its own attribution), not content."""
    out: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") and t.i > 0 \
                and t.lemma_.lower() in SPEECH_VERBS and t.doc[t.i - 1].text in DASHES \
                and not roles.children(t, roles.SUBJ):
            out |= {u.i for u in t.subtree} | {t.i - 1}
    return out


#: What follows a reported object and belongs with it ("blasted the media for being dishonest",
#: "cited remarks as examples of …", "urged contestants to wear …").
TAIL_DEPS = ("prep", "advcl", "xcomp", "oprd", "dative", "ccomp", "acomp")
TAIL_SKIP = {"by"}


def object_tail(cue: Token, head: Token) -> list[Token]:
    """What else under ``cue`` belongs to the report headed by ``head``: after an object
    (directly or through "for"/"of"/"about"), the cue's complements that follow it; after a
    clause or an infinitive, the clauses or infinitives coordinated beside it."""
    anchor = head.head if head.dep_ in ("pobj", "pcomp") and head.head.head.i == cue.i else head
    if anchor.head.i != cue.i:
        return []
    if anchor.dep_ in ("ccomp", "xcomp"):
        return _beside(cue, anchor)
    if anchor.dep_ not in ("dobj", "obj", "prep") or anchor.i < cue.i:
        return []
    last = max(t.i for t in head.subtree)
    out: list[Token] = []
    own = participle_report(cue)  # "rejected a request, saying the courts …": a report of its own
    for c in cue.rights:
        if c.dep_ == "conj" and c.i > last and _coordinated_object(c, head):
            out.extend(cue.doc[last + 1 : min(t.i for t in c.subtree)])
            out.extend(c.subtree)
            last = max(t.i for t in c.subtree)
            continue
        if c.i <= last or c.dep_ not in TAIL_DEPS or c.dep_ == "prep" and c.lower_ in TAIL_SKIP:
            continue
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.i < c.i for m in c.children):
            continue  # "… when he ran for the White House", "as Trump consolidates …": the report's setting
        if any(t.text in (";", ":") for t in cue.doc[last + 1 : c.i]) or c.i - 1 in own:
            break
        out.extend(t for t in c.subtree)
    return _trimmed(out)


def _coordinated_object(c: Token, obj: Token) -> bool:
    """"emphasizing economic fairness, and a need to …", "mentioned refinancing loans and forcing
    universities to …": a noun (or, after a gerund object, a gerund) the parser coordinated with
    the cue is a second object."""
    if roles.children(c, roles.SUBJ):
        return False
    gerund = min(obj.subtree, key=lambda t: t.i).tag_ == "VBG"
    return c.pos_ in ("NOUN", "PROPN") or (gerund and c.tag_ == "VBG")


def _beside(cue: Token, first: Token) -> list[Token]:
    """A second clause ("said Trump has respect … and his comment was …"; "…, but the police
    overruled the request, the source added") or infinitive ("wants to triple the program, grow
    the Peace Corps and create …") that the parser hung from the cue on the side of the first."""
    last = max(t.i for t in first.subtree)
    out: list[Token] = []
    for c in cue.children:
        if c.i <= last or (c.i < cue.i) != (first.i < cue.i):
            continue
        if not (c.dep_ == "ccomp" if first.dep_ == "ccomp" else _same_infinitive(c, first)):
            continue
        between = cue.doc[last + 1 : min(t.i for t in c.subtree)]
        if any(t.text in (";", ":") for t in between):
            break
        out.extend(between)
        out.extend(c.subtree)
        last = max(t.i for t in c.subtree)
    return _trimmed(out)


def _same_infinitive(c: Token, xcomp: Token) -> bool:
    return c.dep_ == "conj" and c.tag_ == xcomp.tag_ == "VB" and not roles.children(c, roles.SUBJ)


def _trimmed(toks: list[Token]) -> list[Token]:
    while toks and toks[-1].pos_ in WORD:
        toks.pop()
    return toks


def according_clause(tok: Token, sent: Span) -> list[Token]:
    """The clause an "according to X" phrase attributes, without the phrase itself."""
    node = tok.head if tok.head.i != tok.i else tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    while node.dep_ == "conj" and node.head.i < node.i and node.head.pos_ in ("VERB", "AUX"):
        node = node.head  # "Trump received 37 percent, Clinton had 36 and Bloomberg 13, according to …"
    if node.i == tok.i:
        return []
    skip = {t.i for t in tok.subtree}
    toks = [t for t in node.subtree if t.i not in skip and sent.start <= t.i < sent.end]
    while toks and toks[0].pos_ in WORD:
        toks = toks[1:]
    while toks and toks[-1].pos_ in WORD:
        toks = toks[:-1]
    return toks


def link(cue: Token, quote_tokens: Collection[int]) -> Token | None:
    """How a cue governs a quote: the child of the cue on the shortest path down to a quoted
    word, when the quote itself hangs from the cue or a clause around it does through a content
    dependency; None when the quote is not under the cue."""
    best: Token | None = None
    best_len = 99
    for i in quote_tokens:
        tok = cue.doc[i]
        if tok.pos_ in WORD:
            continue
        path = 0
        node = tok
        while node.head.i != node.i and node.head.i != cue.i and path < 8:
            node = node.head
            path += 1
        if node.head.i != cue.i or node.i == cue.i or path >= best_len:
            continue
        inside = node.i in quote_tokens
        if inside and node.dep_ not in ("nsubj", "nsubjpass", "punct", "cc", "conj", "mark"):
            best, best_len = node, path  # the quote itself hangs from the cue
        elif node.dep_ in MIXED_DEPS and (node.dep_ != "prep" or node.lower_ in CONTENT_PREPS):
            best, best_len = node, path
    return best


def words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.pos_ not in WORD)
