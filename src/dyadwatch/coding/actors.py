"""Actor resolution: noun phrases of a parsed sentence → :class:`~dyadwatch.records.Actor`.

Mentions are found once per document with two spaCy ``PhraseMatcher``\\ s over the knowledge
base (case-insensitive, plus case-sensitive for short all-caps forms such as ``US``), then each
argument noun phrase is resolved from the mentions inside it: a named person beats a title
(resolved to the office holder on the event's date), which beats a body, an agent noun with a
country modifier, and a bare country or capital. Pronouns and phrases such as ``the two
leaders``, ``both countries`` and ``his government`` resolve through :class:`Discourse`, the
per-document memory of who was mentioned.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..records import Actor
from .kb import Country, KnowledgeBase, fold_latin

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "them", "their"}
PAIR_NOUNS = {"countries", "nations", "sides", "governments", "neighbours", "neighbors", "states", "allies"}
LEADER_NOUNS = {"leaders", "presidents", "heads", "ministers"}
PAIR_WORDS = {"two", "both"}
#: Prepositions whose object is a place, not a participant ("a ceremony in Seoul").
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within"}
#: Heads that stand for part of the group in their of-phrase ("a member of the Tunisian police").
PART_NOUNS = {"member", "members", "one", "some", "many", "most", "dozens", "hundreds", "thousands",
              "scores", "group", "groups", "unit", "units", "team", "contingent", "representatives"}
#: Latin letters with accents (Latin-1 Supplement and Latin Extended-A/B).
_ACCENTED = re.compile("[\u00c0-\u024f]")
_MENTIONS_KEY = "dyadwatch.mentions"
#: Mention kinds that name a country, its people or its capital.
PLACE_KINDS = ("country", "demonym", "capital", "GPE", "NORP")
#: Dependency links a place name climbs through to reach its preposition ("in Pakistan's Swat valley").
_PLACE_LINKS = {"poss", "amod", "compound", "pobj", "prep", "appos", "nmod", "case"}


@dataclass
class Discourse:
    """What one document has mentioned so far, most recent last. One per document."""

    persons: list[Actor] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    groups: list[tuple[Actor, ...]] = field(default_factory=list)

    def add(self, actors: tuple[Actor, ...]) -> None:
        for actor in actors:
            if actor.person and actor.country:
                self.persons = [p for p in self.persons if p.person != actor.person] + [actor]
            if actor.country and actor.country != "IGO":
                self.countries = [c for c in self.countries if c != actor.country] + [actor.country]
            if actor.country and not actor.person:
                self.collectives.append(actor)
        if len(actors) > 1:
            self.groups.append(actors)

    def last_person(self) -> Actor | None:
        return self.persons[-1] if self.persons else None

    def person_by_surname(self, surname: str) -> Actor | None:
        key = surname.casefold()
        for actor in reversed(self.persons):
            parts = (actor.person or "").replace("-", " ").casefold().split()
            if key in parts:
                return actor
        return None

    def person_with_role(self, role: str, country: str | None) -> Actor | None:
        for actor in reversed(self.persons):
            if actor.role == role and (country is None or actor.country == country):
                return actor
        return None

    collectives: list[Actor] = field(default_factory=list)

    def last_collective(self) -> Actor | None:
        """The last country or body (not a person) mentioned: what "it" usually is."""
        return self.collectives[-1] if self.collectives else None

    #: the two countries last mentioned before the current sentence ("both countries")
    prior_pair: tuple[str, ...] = ()
    prior_persons: list[Actor] = field(default_factory=list)
    prior_groups: list[tuple[Actor, ...]] = field(default_factory=list)
    #: (token index, actors) named so far in the current sentence, in reading order
    here: list[tuple[int, tuple[Actor, ...]]] = field(default_factory=list)

    def begin_sentence(self) -> None:
        self.prior_pair = tuple(self.countries[-2:]) if len(self.countries) >= 2 else ()
        self.prior_persons = list(self.persons)
        self.prior_groups = list(self.groups)
        self.here = []

    def note(self, index: int, actors: tuple[Actor, ...]) -> None:
        self.here.append((index, actors))
        self.add(actors)

    def person_before(self, index: int) -> Actor | None:
        """The last person named before token ``index``: earlier in this sentence, else before it."""
        for i, actors in reversed(self.here):
            if i < index:
                person = next((a for a in reversed(actors) if a.person and a.country), None)
                if person is not None:
                    return person
        return self.prior_persons[-1] if self.prior_persons else None

    def group_before(self, index: int) -> tuple[Actor, ...]:
        for i, actors in reversed(self.here):
            if i < index and len(actors) > 1:
                return actors
        return self.prior_groups[-1] if self.prior_groups else ()

    def pair(self) -> tuple[str, ...]:
        return self.prior_pair

    def two_leaders(self) -> tuple[Actor, ...]:
        seen: dict[str, Actor] = {}
        for actor in reversed(self.persons):
            if actor.country and actor.country not in seen:
                seen[actor.country] = actor
            if len(seen) == 2:
                return tuple(reversed(list(seen.values())))
        return ()


@dataclass(frozen=True, slots=True)
class MentionSpan:
    start: int  # token offsets in the Doc
    end: int
    kind: str
    text: str


class ActorResolver:
    """Builds matchers from a :class:`KnowledgeBase` once; resolves noun phrases per sentence."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_kind: dict[tuple[str, bool], list[str]] = {}
        for text, kind in kb.patterns():
            # short all-caps forms ("US") and surnames ("Ban", "Moon", "Lee") only as written
            exact = len(text) <= 4 and text.isupper() or kind == "surname"
            by_kind.setdefault((kind, exact), []).append(text)
        for (kind, exact), texts in by_kind.items():
            matcher = self._orth if exact else self._lower
            matcher.add(kind, list(nlp.tokenizer.pipe(sorted(set(texts)))))

    # -- mentions -------------------------------------------------------------------------
    def mentions(self, doc: Doc) -> dict[int, MentionSpan]:
        """Knowledge-base mentions of a document, keyed by each covered token index. Found once
        per Doc (events, quotes and indicators all ask; kept in ``doc.user_data``)."""
        cached = doc.user_data.get(_MENTIONS_KEY)
        if cached is not None and cached[0] is self:
            return cached[1]  # type: ignore[no-any-return]
        spans = [Span(doc, s, e, label=k) for k, s, e in self._lower(doc)]
        spans += [Span(doc, s, e, label=k) for k, s, e in self._orth(doc)]
        if _ACCENTED.search(doc.text):  # "Erdoğan" for the knowledge base's "Erdogan"
            folded = Doc(doc.vocab, words=[fold_latin(t.text) for t in doc], spaces=[bool(t.whitespace_) for t in doc])
            spans += [Span(doc, s, e, label=k) for k, s, e in self._lower(folded)]
        spans = filter_spans(spans)
        # a surname next to another name word (or surname) is someone else's name
        others = {i for span in spans if span.label_ != "surname" for i in range(span.start, span.end)}
        spans = [s for s in spans if not (s.label_ == "surname" and _name_goes_on(s, others))]
        taken = {i for span in spans for i in range(span.start, span.end)}
        # the model's entities only where the knowledge base found nothing
        spans += [_whole_name(ent) for ent in doc.ents if ent.label_ in ("PERSON", "GPE", "NORP", "ORG")
                  and not any(i in taken for i in range(ent.start, ent.end))]
        out: dict[int, MentionSpan] = {}
        for span in spans:
            ms = MentionSpan(span.start, span.end, span.label_, span.text)
            for i in range(span.start, span.end):
                out[i] = ms
        doc.user_data[_MENTIONS_KEY] = (self, out)
        return out

    # -- noun phrases ---------------------------------------------------------------------
    def resolve(
        self, token: Token, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> tuple[Actor, ...]:
        """Actors named by the noun phrase headed by ``token`` and its coordinated phrases."""
        actors: list[Actor] = []
        for head in (token, *[t for t in token.conjuncts if t.i > token.i]):
            for actor in self._resolve_one(head, mentions, ctx, on):
                if not any(same_actor(actor, a) for a in actors):
                    actors.append(actor)
        return tuple(actors)

    def _resolve_one(
        self, head: Token, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> tuple[Actor, ...]:
        low = head.lower_
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
            if low in PERSON_PRONOUNS:
                p = self._clause_person(head, mentions, ctx, on) or ctx.person_before(head.i)
                return (_with_basis(p, "coreference"),) if p else ()
            if low in GROUP_PRONOUNS:  # "Tamil rebels said they will release …": the clause's subject first
                group = self._clause_group(head, mentions, ctx, on) or ctx.group_before(head.i)
                return tuple(_with_basis(a, "coreference") for a in group)
            if low in ("it", "its"):
                found = self._clause_actor(head, mentions, ctx, on) or ctx.last_collective()
                return (_with_basis(found, "coreference"),) if found else ()
            return ()
        if low == "both" and head.pos_ in ("PRON", "DET", "NOUN"):
            return tuple(self._country_actor(c, "context", sector="GOV") for c in ctx.pair())
        left = [t for t in head.subtree if t.i <= head.i and not _in_clause(t, head)]
        words = {t.lower_ for t in left}
        if words & PAIR_WORDS and low in PAIR_NOUNS:
            return tuple(self._country_actor(c, "context", sector="GOV") for c in ctx.pair())
        if words & PAIR_WORDS and low in LEADER_NOUNS or (low == "leaders" and "the" in words):
            return tuple(_with_basis(a, "coreference") for a in ctx.two_leaders())
        if low in PART_NOUNS and not self._collect(left, mentions):
            whole = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"), None)
            if whole is not None:
                return self._resolve_one(whole, mentions, ctx, on)
        found = self._collect(left, mentions)
        # "the president of Equatorial Guinea", "troops from the United States": the country follows
        found += [m for m in self._collect(_of_phrase(head), mentions) if m.kind in PLACE_KINDS and m not in found]
        actors = self._compose(head, found, ctx, on, mentions)
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        if not actors and appos is not None:
            # "regional rival Japan's Prime Minister Shinzo Abe", "the president, Goodluck Jonathan"
            return self._resolve_one(appos, mentions, ctx, on)
        if appos is not None and len(actors) == 1 and actors[0].person and actors[0].country is None:
            # "Ali Kushayb, a Sudanese militia leader": the apposition says where the person is from
            said = next((a for a in self._resolve_one(appos, mentions, ctx, on) if a.country), None)
            if said is not None:
                p = actors[0]
                return (Actor(p.name, said.country, p.sector or said.sector, p.person, p.role or said.role, p.basis),)
        return actors

    def _clause_person(
        self, pron: Token, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> Actor | None:
        """"Lee recalled his call": a possessive pronoun first refers to its clause's subject."""
        if pron.dep_ != "poss":
            return None
        node = pron.head
        for _ in range(4):
            subj = [c for c in node.children if c.dep_ == "nsubj" and c.right_edge.i < pron.i]
            if subj and subj[0].pos_ != "PRON":  # not "one of his aides" itself
                found = self._resolve_one(subj[0], mentions, ctx, on)
                return next((a for a in found if a.person), None)
            if node.head.i == node.i:
                return None
            node = node.head
        return None

    def _clause_group(
        self, pron: Token, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> tuple[Actor, ...]:
        """"Tamil rebels said they will release …", "As Japan and South Korea approach the
        anniversary of their normalisation": "they" is the plural subject of a governing clause
        (every coordinated party); empty when the nearest such subject is singular."""
        subj = next(_governing_subjects(pron), None)
        if subj is None:
            return ()
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        return self.resolve(subj, mentions, ctx, on) if plural else ()

    def _clause_actor(
        self, pron: Token, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> Actor | None:
        """"Japan's trade ministry announced that it would lift its controls": "it" is the
        nearest governing subject that is a country or body (not a person)."""
        for subj in _governing_subjects(pron):
            found = [a for a in self._resolve_one(subj, mentions, ctx, on) if not a.person]
            if found:
                return found[0]
        return None

    def _collect(self, tokens: list[Token], mentions: dict[int, MentionSpan]) -> list[MentionSpan]:
        seen: list[MentionSpan] = []
        for t in tokens:
            m = mentions.get(t.i)
            if m is not None and m not in seen:
                seen.append(m)
        return seen

    def _compose(
        self, head: Token, found: list[MentionSpan], ctx: Discourse, on: _dt.date | None,
        mentions: dict[int, MentionSpan] | None = None,
    ) -> tuple[Actor, ...]:
        kb = self.kb
        countries = [c for m in found if m.kind in PLACE_KINDS
                     if (c := kb.country(m.text)) is not None]
        country = countries[0].iso3 if countries else None
        poss = next((t for t in head.children if t.dep_ == "poss" and t.lower_ in ("his", "her")), None)
        if country is None and poss is not None:
            # "Putin said his country will not lift the ban": the clause's subject first
            clause = self._clause_person(poss, mentions, ctx, on) if mentions is not None else None
            p = clause or ctx.last_person()
            country = p.country if p is not None else None
        titles = [t for m in found if m.kind == "title" if (t := kb.title(m.text)) is not None]
        # 1. a named person
        for m in found:
            if m.kind in ("person", "surname", "PERSON"):
                actor = self._person(m.text, m.kind, country, titles, ctx, on)
                if actor is not None:
                    return (actor,)
        # 2. a title standing for its holder ("the prime minister", "President Lee" handled above)
        for title in titles:
            if title.role is None:
                continue
            c = country or self._role_country(title.role, ctx)
            holder = kb.office_holder(c, title.role, on) if c and on else None
            if holder is not None:
                return (Actor(holder.name, holder.country, holder.sector, holder.name, holder.role, "title"),)
            prior = ctx.person_with_role(title.role, c)
            if prior is not None:
                return (_with_basis(prior, "coreference"),)
            if c is not None:
                return (Actor(title.phrase, c, title.sector, None, title.role, "title"),)
        # 2b. a title without an office ("the Japanese ambassador", "Professor Govella" above)
        for title in titles:
            if title.role is None and country is not None:
                return (Actor(f"{country_name(kb, country)} {title.phrase}", country, title.sector, None, None,
                              "text"),)
            place = self.place_country(head, mentions) if title.role is None and mentions is not None else None
            if place is not None:  # "the governor said … in Anbar province"
                return (Actor(f"{country_name(kb, place)} {title.phrase}", place, title.sector, None, None,
                              "location"),)
        # 3. a named body
        for m in found:
            body = kb.body(m.text) if m.kind in ("body", "ORG") else None
            if body is not None:
                if body.country or country:
                    return (Actor(body.name, body.country or country, body.sector, None, None, "text"),)
                # "the Islamic State attacked an army camp in western Kabul": where it acted
                place = self.place_country(head, mentions) if mentions is not None else None
                if place is not None:
                    return (Actor(body.name, place, body.sector, None, None, "location"),)
                c = ctx.countries[-1] if ctx.countries else None
                return (Actor(body.name, c, body.sector, None, None, "context" if c else "text"),)
        # 4. an agent noun with a country ("Japanese companies", "his government")
        compound = " ".join(t.lower_ for t in head.children if t.dep_ == "compound" and t.i < head.i)
        agent = (compound and (kb.agent(f"{compound} {head.lemma_}") or kb.agent(f"{compound} {head.lower_}"))
                 or kb.agent(head.lemma_) or kb.agent(head.lower_))  # "security forces", then "forces"
        if agent is not None and country is not None:
            basis = "text" if countries else "context"
            codes = list(dict.fromkeys(c.iso3 for c in countries)) or [country]
            # "Russian and Ukrainian delegations": one actor per country
            return tuple(Actor(f"{country_name(kb, c)} {agent.phrase}", c, agent.sector, None, None, basis)
                         for c in codes)
        if agent is not None and country is None:
            located = next((p.iso3 for m in found if m.kind == "GPE" if (p := kb.place(m.text)) is not None), None)
            if located is not None:  # "Cleveland officials", "Kirkuk police": a city or region of a country
                return (Actor(f"{country_name(kb, located)} {agent.phrase}", located, agent.sector, None, None,
                              "location"),)
        if head.dep_ in ("amod", "compound", "nmod") and country is None:
            return ()  # "a joint military exercise": a modifier with no country names no actor
        if agent is not None and mentions is not None and (place := self.place_country(head, mentions)):
            # "a suicide bomber killed five people in Pakistan's Swat valley": where it happened
            return (Actor(f"{country_name(kb, place)} {agent.phrase}", place, agent.sector, None, None,
                          "location"),)
        if agent is not None:  # "the police": a sector, its country left to the event (coder.domestic)
            return (Actor(agent.phrase, None, agent.sector, None, None, "text"),)
        if head.lemma_.lower() in ("country", "nation") and country is not None and not countries:
            return (self._country_actor(country, "coreference"),)  # "his country"
        # 5. countries and capitals
        out = []
        for c, m in zip(countries, [m for m in found if kb.country(m.text) is not None], strict=False):
            sector = "GOV" if kb.is_capital(m.text) else None
            out.append(self._country_actor(c.iso3, "text", sector=sector))
        return tuple(out)

    def place_country(self, head: Token, mentions: dict[int, MentionSpan]) -> str | None:
        """The country where the sentence of ``head`` places what happens: a place named after a
        locative preposition in that sentence ("in the western Iraqi province of Anbar", "in
        Kirkuk": a country, capital, or a city or region of places.tsv), else the dateline that
        opens the document ("MINGORA, Pakistan (Reuters) -", "TAIPEI:")."""
        root = head
        while root.head.i != root.i:  # the sentence, from its root (Token.sent rescans the doc)
            root = root.head
        for m, country in self._places(head.doc[root.left_edge.i : root.right_edge.i + 1], mentions):
            if _locative(head.doc[m.end - 1]):
                return country.iso3
        opening = head.doc[: min(len(head.doc), 12)]
        cut = next((t.i for t in opening if t.text in (":", "(", "--", "—", "-") and t.i > 0), None)
        if cut is not None and all(t.is_upper or not t.is_alpha for t in head.doc[: cut][:1]):
            for _, country in self._places(head.doc[:cut], mentions):
                return country.iso3
        return None

    def _places(self, span: Span, mentions: dict[int, MentionSpan]) -> list[tuple[MentionSpan, Country]]:
        """The place mentions of ``span`` with their country, in text order."""
        out: list[tuple[MentionSpan, Country]] = []
        seen: set[MentionSpan] = set()
        for t in span:
            m = mentions.get(t.i)
            if m is None or m in seen:
                continue
            seen.add(m)
            country = self.kb.place(m.text)
            if country is not None and (m.kind in PLACE_KINDS or (m.kind == "ORG" and self.kb.body(m.text) is None)):
                out.append((m, country))  # the model may tag a town an ORG ("the Deraa countryside")
        return out

    def _person(
        self, text: str, kind: str, country: str | None, titles: list, ctx: Discourse, on: _dt.date | None
    ) -> Actor | None:
        kb = self.kb
        role = next((t.role for t in titles if t.role), None)
        known = ctx.person_by_surname(text) if len(text.split()) == 1 else None
        if known is not None:
            return _with_basis(known, "text")
        candidates = kb.persons(text, on)
        if role is not None:
            candidates = [p for p in candidates if p.role.endswith(role)] or candidates
        if country is not None:
            candidates = [p for p in candidates if p.country == country] or []
        if candidates:
            p = candidates[0]
            if kind != "surname" or p.in_office(on) if on else True:
                return Actor(p.name, p.country, p.sector, p.name, p.role, "text")
        if kind == "PERSON" and len(text.split()) >= 2:
            sector = next((t.sector for t in titles), None)
            return Actor(text, country, sector, text, role, "text")
        return None

    def _role_country(self, role: str, ctx: Discourse) -> str | None:
        prior = ctx.person_with_role(role, None)
        return prior.country if prior else None

    def _country_actor(self, iso3: str, basis: str, sector: str | None = None) -> Actor:
        return Actor(country_name(self.kb, iso3), iso3, sector, None, None, basis)  # type: ignore[arg-type]


def _whole_name(ent: Span) -> Span:
    """The model's entity, with the rest of a hyphenated given name it cut ("Lee Jong-" +
    "seok")."""
    doc = ent.doc
    if ent.label_ == "PERSON" and ent[-1].text == "-" and ent.end < len(doc) and doc[ent.end].is_alpha:
        return Span(doc, ent.start, ent.end + 1, label=ent.label_)
    return ent


def _name_goes_on(span: Span, others: set[int]) -> bool:
    """A known surname next to a capitalised name word that no other mention (but a surname)
    covers is part of somebody else's name ("Lee Jong-seok", "Kim Sung-han", "Paul Bishop") or a
    title ("Bishop Paul Verryn"), not the known holder of that surname."""
    doc = span.doc
    for i in (span.start - 1, span.end):
        if 0 <= i < len(doc) and i not in others:
            t = doc[i]
            if (t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha()
                    and t.ent_type_ in ("", "PERSON", "ORG")):
                return True
    return False


def same_actor(a: Actor, b: Actor) -> bool:
    """Same country, sector and person, however each was found."""
    return (a.country, a.sector, a.person) == (b.country, b.sector, b.person)


def country_name(kb: KnowledgeBase, iso3: str) -> str:
    """The knowledge base's name of a country (the code itself when it has none)."""
    c = kb.country_by_code(iso3)
    return c.name if c else iso3


def _of_phrase(head: Token) -> list[Token]:
    """The words of ``head``'s own of- or from-phrase ("of Equatorial Guinea", "from the United
    States"), or none."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from") and prep.i > head.i:
            return [t for t in prep.subtree if t.i > prep.i]
    return []


def _locative(tok: Token) -> bool:
    """Whether a place name sits under a locative preposition within a few links."""
    node = tok
    for _ in range(5):
        if (node.dep_ == "prep" or node.pos_ == "ADP") and node.lower_ != "of":
            return node.lower_ in LOCATIVE_PREPS  # "the outskirts of Tunis" climbs through "of"
        if node.dep_ not in _PLACE_LINKS or node.head.i == node.i:
            return False
        node = node.head
    return False


def _governing_subjects(pron: Token, levels: int = 5) -> Iterator[Token]:
    """The nominal subject of each clause governing ``pron``, nearest first ("Japan's trade
    ministry announced that it …"), never a pronoun or a subject containing ``pron`` ("some of
    them")."""
    node = pron.head
    for _ in range(levels):
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                and not c.left_edge.i <= pron.i <= c.right_edge.i]
        if subj:
            yield subj[0]
        if node.head.i == node.i:
            return
        node = node.head


def _with_basis(actor: Actor, basis: str) -> Actor:
    return Actor(actor.name, actor.country, actor.sector, actor.person, actor.role, basis)  # type: ignore[arg-type]


def _in_clause(t: Token, head: Token) -> bool:
    """True when ``t`` sits inside a clause or locative phrase hanging off the noun phrase."""
    node = t
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "advcl", "appos", "prep"):
            return True
        if node.dep_ in ("conj", "cc") and node.head.i == head.i:
            return True  # a coordinated noun phrase: resolved on its own
        node = node.head
    return False
