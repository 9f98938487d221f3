"""Who is speaking: the subject of a cue verb, resolved to an :class:`~dyadwatch.records.Actor`.

A named subject goes through the project's :class:`~dyadwatch.coding.actors.ActorResolver`
(knowledge base of people, titles, bodies and countries; "the president" is the office holder on
the statement's date). ``he``/``she`` is the last person named before it outside quotation
marks (a person the knowledge base does not know, such as a professor, counts too); ``they``,
``it``, ``both leaders`` go through :class:`~dyadwatch.coding.actors.Discourse`. A subject the
knowledge base cannot resolve ("the newspaper", "Professor Govella") still gives an actor with
the name as written and no country. The role comes from the knowledge base, else from a title
in the phrase or an apposition ("Professor X of Y University" → ``professor``, sector ``EDU``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..records import Actor, SpeakerBasis
from .actors import LOCATIVE_PREPS, ActorResolver, Discourse, MentionSpan
from .kb import KnowledgeBase

PERSONAL = {"he", "she", "him", "her"}
UNRESOLVABLE = {"i", "we", "you", "me", "us", "one", "someone", "anyone"}
RELATIVE = {"who", "that", "which", "whom"}
#: Role words the knowledge base has no title for, with the sector they imply (None: any).
ROLE_WORDS: dict[str, str | None] = {
    "spokesman": None, "spokeswoman": None, "spokesperson": None, "analyst": None, "expert": None,
    "economist": None, "researcher": "EDU", "scholar": "EDU", "historian": "EDU", "lecturer": "EDU",
    "senator": "LEG", "lawmaker": "LEG", "congressman": "LEG", "congresswoman": "LEG", "legislator": "LEG",
    "governor": "GOV", "mayor": "GOV", "ambassador": "GOV", "envoy": "GOV", "official": "GOV",
    "diplomat": "GOV", "chairman": None, "chairwoman": None, "ceo": "BUS", "executive": "BUS",
    "director": None, "candidate": None, "nominee": None, "general": "MIL", "commander": "MIL",
    "judge": "JUD", "justice": "JUD", "prosecutor": "JUD", "lawyer": None, "attorney": None,
    "activist": "CVL", "journalist": "MED", "editor": "MED", "columnist": "MED", "reporter": "MED",
}
EDU_WORDS = {"university", "college", "institute", "school", "academy"}
#: Prepositions kept in a speaker's phrase ("Professor X of Y University", "experts at the dialogue").
PHRASE_PREPS = {"of", "at", "from"}
CLAUSE_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "ccomp", "cc", "conj"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the actor (None when unknown), the words as written, how it was found
    and the character span of those words in the document."""

    actor: Actor | None
    text: str | None
    basis: SpeakerBasis | None
    span: tuple[int, int] | None
    #: the subject names several speakers ("the two leaders"); ``actor`` is the first of them
    several: bool = False


NO_SPEAKER = Speaker(None, None, None, None)


@dataclass
class Memory:
    """Persons named so far in one document, with their character offsets (outside quotes)."""

    #: (character offset, actor, named as or in a clause subject)
    persons: list[tuple[int, Actor, bool]] = field(default_factory=list)

    def note(self, pos: int, actor: Actor, salient: bool = False) -> None:
        if actor.person:
            self.persons.append((pos, actor, salient))

    def person_before(self, pos: int, sentence_start: int = 0) -> Actor | None:
        """The person "he"/"she" at ``pos`` refers to: one named as a subject earlier in the
        same sentence ("Ishiba's tenure follows Abe's, and while he …"), else the last named."""
        here = [(a, s) for p, a, s in self.persons if sentence_start <= p < pos]
        salient = [a for a, s in here if s]
        if salient:
            return salient[-1]
        found = [a for p, a, _ in self.persons if p < pos]
        return found[-1] if found else None

    def by_surname(self, word: str) -> Actor | None:
        key = word.casefold()
        for _, actor, _ in reversed(self.persons):
            parts = (actor.person or "").replace("-", " ").casefold().split()
            if key in parts:
                return actor
        return None


#: Nouns of events, trends and situations: they do not hold views, so "the thaw signals …" or
#: "his ascent has sparked …" report nobody.
EVENT_NOUNS = {
    "visit", "meeting", "summit", "talk", "trip", "tour", "move", "development", "thaw", "ascent", "rise",
    "fall", "decline", "growth", "trade", "tension", "crisis", "phenomenon", "phenomena", "event", "shift",
    "change", "trend", "situation", "election", "victory", "defeat", "attack", "war", "conflict", "dispute",
    "deal", "agreement", "treaty", "policy", "measure", "step", "action", "decision", "result", "outcome",
    "dialogue", "cooperation", "relationship", "relation", "tie", "effort", "initiative", "process",
    "progress", "record", "history", "legacy", "performance", "economy", "market", "price", "rate",
}
PERSONAL_OR_GROUP = {"he", "she", "they", "we", "i", "you", "who", "his", "her", "their", "its", "my", "our",
                     "it", "which", "that"}


class SpeakerResolver:
    """Resolves cue subjects; keeps nothing between documents (state lives in the caller's
    :class:`Discourse` and :class:`Memory`)."""

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolver = resolver
        self.kb: KnowledgeBase = resolver.kb

    def plausible(self, subj: Token | None, mentions: dict[int, MentionSpan]) -> bool:
        """Whether a subject can hold a view: not an event, a trend or an activity ("his ascent",
        "the thaw", "fostering dialogue"). No subject at all passes."""
        if subj is None:
            return True  # nobody named: the quote is kept with the flag no_speaker
        if subj.lower_ in RELATIVE and subj.head.dep_ in ("relcl", "acl"):
            subj = subj.head.head
        if subj.pos_ == "PRON":
            return subj.lower_ in PERSONAL_OR_GROUP
        if subj.dep_ in ("csubj", "csubjpass") or subj.tag_ == "VBG":
            return False  # "fostering dialogue aims …"
        return subj.pos_ == "PROPN" or subj.i in mentions or subj.lemma_.lower() not in EVENT_NOUNS

    def remember(self, sent: Span, mentions: dict[int, MentionSpan], ctx: Discourse, memory: Memory,
                 quoted: set[int], on: _dt.date | None) -> None:
        """Note who a sentence names outside quotation marks (as the event coder does)."""
        seen: set[MentionSpan] = set()
        for tok in sent:
            m = mentions.get(tok.i)
            if m is None or m in seen or tok.i != m.end - 1 or tok.i in quoted:
                continue
            seen.add(m)
            if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
                continue
            actors = self.resolver.resolve(tok, mentions, ctx, on)
            ctx.note(tok.i, actors)
            for actor in actors:
                memory.note(tok.idx, actor, _in_subject(tok))

    def speaker(self, subj: Token, mentions: dict[int, MentionSpan], ctx: Discourse, memory: Memory,
                on: _dt.date | None) -> Speaker:
        low = subj.lower_
        if low in RELATIVE:  # "Ishiba, who said …": the antecedent, written as the pronoun
            head = subj.head
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            ante = head.head if head.dep_ in ("relcl", "acl") and head.head.i != head.i else None
            found = self.speaker(ante, mentions, ctx, memory, on) if ante is not None else NO_SPEAKER
            actor = _basis(found.actor, "coreference") if found.actor is not None else None
            span = (subj.idx, subj.idx + len(subj))
            return Speaker(actor, subj.text, "coreference" if actor else None, span, found.several)
        if low in UNRESOLVABLE:
            return Speaker(None, subj.text, None, (subj.idx, subj.idx + len(subj)))
        phrase = self.phrase(subj)
        span = (phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
        text = subj.doc[phrase[0].i : phrase[-1].i + 1].text
        if low in PERSONAL:
            actor = memory.person_before(subj.idx, subj.sent.start_char)
            if actor is None:
                found = self.resolver.resolve(subj, mentions, ctx, on)
                actor = found[0] if found else None
            if actor is None:
                return Speaker(None, text, None, span)
            return self._done(_basis(actor, "coreference"), text, span, memory, subj)
        found = self.resolver.resolve(subj, mentions, ctx, on)
        several = len(found) > 1
        actor = next((a for a in found if a.person), found[0] if found else None)
        if actor is not None and actor.person and not self._same_name(actor, phrase):
            actor = None  # "Professor Kim Min-ji" is not the minister the surname "Kim" finds
        if actor is None or not actor.person:  # "His successor, Lee Jae-myung, …"
            for appos in (c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                named = [a for a in self.resolver.resolve(appos, mentions, ctx, on) if a.person]
                if named:
                    actor = named[0]
                    break
        if actor is None and subj.pos_ == "PROPN":
            actor = memory.by_surname(subj.text)
            actor = _basis(actor, "text") if actor is not None else None
        if actor is None:
            actor = self._unknown(subj, phrase)
        actor = self._with_role(actor, phrase, subj)
        return self._done(actor, text, span, memory, subj, several)

    def _done(self, actor: Actor, text: str, span: tuple[int, int], memory: Memory, subj: Token,
              several: bool = False) -> Speaker:
        memory.note(subj.idx, actor, True)
        basis = actor.basis if actor.basis in ("text", "title", "coreference", "context") else "text"
        return Speaker(actor, text, basis, span, several)  # type: ignore[arg-type]

    @staticmethod
    def phrase(subj: Token) -> list[Token]:
        """The subject noun phrase as written: without relative clauses, appositions or
        coordinated clauses, but with titles, names and "of" phrases."""
        if subj.pos_ == "PRON":
            return [subj]
        skip: set[int] = set()
        for t in subj.subtree:
            if t.i in skip or t.i == subj.i:
                continue
            if (t.dep_ in CLAUSE_DEPS and t.dep_ != "conj") or (t.dep_ == "prep" and t.lower_ not in PHRASE_PREPS):
                skip.update(x.i for x in t.subtree)
        toks = [t for t in subj.subtree if t.i not in skip and t.dep_ != "case"]
        if subj.ent_type_ == "PERSON":  # "Kim Min-ji": the whole name, however it was parsed
            have = {t.i for t in toks}
            for ent in subj.doc.ents:
                if ent.start <= subj.i < ent.end:
                    toks = sorted(toks + [t for t in ent if t.i not in have], key=lambda t: t.i)
        while len(toks) > 1 and toks[-1].pos_ in ("PUNCT", "SPACE"):
            toks = toks[:-1]
        while len(toks) > 1 and toks[0].pos_ in ("PUNCT", "SPACE"):
            toks = toks[1:]
        return toks

    def _name_tokens(self, phrase: list[Token]) -> list[Token]:
        """The proper-name words of a phrase, titles left out ("Professor Kristi Govella")."""
        head = max(phrase, key=lambda t: t.i if t.dep_ not in ("prep", "pobj") else -1)
        return [t for t in phrase if t.pos_ == "PROPN" and t.i <= head.i and not self._title_word(t)
                and not any(a.dep_ == "prep" for a in t.ancestors if a.i in {p.i for p in phrase})]

    def _same_name(self, actor: Actor, phrase: list[Token]) -> bool:
        """Every name word written is part of the resolved person's name (or an alias)."""
        names = [t.text.casefold() for t in self._name_tokens(phrase) if t.ent_type_ in ("PERSON", "")]
        if not names:
            return True
        known = " ".join([actor.person or "", actor.name]).replace("-", " ").casefold().split()
        kb_aliases = [a for p in self.kb.persons(actor.person or "") for a in p.aliases]
        known += " ".join(kb_aliases).replace("-", " ").casefold().split()
        return all(part in known for n in names for part in n.replace("-", " ").split())

    def _unknown(self, subj: Token, phrase: list[Token]) -> Actor:
        """An actor for a subject the knowledge base does not know: the name as written."""
        if subj.pos_ == "PROPN" and subj.ent_type_ not in ("ORG", "GPE", "NORP", "FAC"):
            toks = self._name_tokens(phrase)
            if toks:
                name = subj.doc[toks[0].i : toks[-1].i + 1].text
                return Actor(name, None, None, name, None, "text")
        toks = [t for t in phrase if t.dep_ not in ("det", "poss", "case") and t.pos_ not in ("PUNCT",)]
        name = " ".join(t.text for t in toks) or subj.text
        return Actor(name, None, None, None, None, "text")

    def _title_word(self, tok: Token) -> bool:
        return self.kb.title(tok.lower_) is not None or tok.lower_ in ROLE_WORDS

    def _with_role(self, actor: Actor, phrase: list[Token], subj: Token) -> Actor:
        """Fill role and sector from a title in the phrase or an apposition, where the knowledge
        base gave none."""
        if actor.role is not None:
            return actor
        role, sector = None, None
        cands = [t for t in phrase if t.i <= subj.i]
        cands += [a for a in subj.children if a.dep_ == "appos"]
        for tok in cands:
            low = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
            title = self.kb.title(low)
            if title is not None:
                role, sector = (title.role or title.phrase).replace(" ", "_"), title.sector
                break
            if low in ROLE_WORDS:
                role, sector = low, ROLE_WORDS[low]
                break
        if sector is None and any(t.lower_ in EDU_WORDS for t in subj.subtree):
            sector = "EDU" if role is not None or actor.person else None
        if role is None and sector is None:
            return actor
        return replace(actor, role=role or actor.role, sector=actor.sector or sector)


def _in_subject(tok: Token) -> bool:
    """Named as a clause subject or its possessor ("Ishiba's tenure follows …")."""
    node = tok
    for _ in range(3):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.dep_ not in ("poss", "compound", "appos", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _basis(actor: Actor, basis: str) -> Actor:
    return replace(actor, basis=basis)  # type: ignore[arg-type]
