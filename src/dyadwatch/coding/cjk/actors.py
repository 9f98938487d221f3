"""Actor phrases in Japanese and Korean sentences, resolved through the English knowledge base.

A phrase is a run of names from ``names.tsv`` (and, in Japanese, person names Sudachi tags as
人名 that the table lacks), joined directly or by の/의: 韓国の趙兌烈外相, 日本政府, 일본 외무성,
李在明大統領. A country followed by another country is two phrases (日本の韓国に対する…).
The particle after the phrase gives its role in the clause:

- ``subj``: は が も / 은 는 이 가 도 께서 (the topic or subject: the source);
- ``partner``: と とともに / 와 과 하고 와 함께 (the other party of a joint action);
- ``target``: に に対し(て) へ を / 에 에게 에 대해 을 를 한테 (the recipient);
- ``from``: から より / 에게서 로부터 (the source of a ``recv`` cue);
- ``gen``: の / 의 before a noun that is not a name (韓国の抗議: the protest's author);
- ``none``: no particle (a compound modifier 日韓首脳会談, or a headline 石破首相、…).

Resolution follows the English resolver's order: a person (in office on the event's day); a
title alone stands for its holder (首相 → the Japanese prime minister that day; a bare title
first refers back to the last person with that office in the document); a body; an agent noun
(政府 → the government of the phrase's country, else of the document's home country); else
the countries themselves. 両国/양국 and 両首脳/양 정상 stand for the document's two main
countries.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from ...nlp.cjk import CjkSentence, Morph
from ...records import Actor
from ..actors import country_name
from ..kb import KnowledgeBase
from .lexicon import CjkLexicon, Name

#: Particles (and particle phrases) after an actor phrase → its role, longest first.
ROLE_PARTICLES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "ja": (("とともに", "partner"), ("に対して", "target"), ("に対する", "target"), ("に対し", "target"),
           ("について", "target"), ("に向けて", "target"), ("から", "from"), ("より", "from"),
           ("によって", "from"), ("により", "from"),
           ("は", "subj"), ("が", "subj"), ("も", "subj"), ("と", "partner"), ("に", "target"),
           ("へ", "target"), ("を", "target"), ("の", "gen")),
    "ko": (("와 함께", "partner"), ("과 함께", "partner"), ("에 대해", "target"), ("에 대한", "target"),
           ("에서", "loc"), ("에선", "loc"),
           ("에게서", "from"), ("으로부터", "from"), ("로부터", "from"), ("에 의해", "from"), ("께서", "subj"),
           ("에게", "target"),
           ("한테", "target"), ("하고", "partner"), ("은", "subj"), ("는", "subj"), ("이", "subj"),
           ("가", "subj"), ("도", "subj"), ("와", "partner"), ("과", "partner"), ("에", "target"),
           ("을", "target"), ("를", "target"), ("의", "gen")),
}  # fmt: skip
#: What may join two names into one phrase.
JOINERS: Final = {"ja": ("の", ""), "ko": ("의", "")}
HEAD_KINDS: Final = frozenset({"person", "title", "agent", "body", "pair", "pronoun"})
#: Home country: a bare 政府/정부 or 首相/총리 with no country in the text is this country's.
HOME: Final = {"ja": "JPN", "ko": "KOR"}
#: Personal pronouns and press anaphors for the person named last (그는, 彼は, 同氏は).
PRONOUNS: Final = {"ja": re.compile(r"同氏|彼女|彼"), "ko": re.compile(r"그녀|그")}
STATE_SECTORS: Final = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
#: What may stand between a person or title and its particle: an office or honorific the tables
#: lack (成允模産業通商資源相は, 尹氏は, 외교부 대변인은) and a parenthesis (大法院（最高裁）は).
_PAREN = {"ja": r"\s*(?:（[^）]{0,24}）|\([^)]{0,24}\))", "ko": r"\s*\([^)]{0,24}\)"}
SIDE: Final = {"ja": re.compile(r"側"), "ko": re.compile(r"\s?측")}
TITLE_TAIL: Final = {
    "ja": re.compile(r"[\u4e00-\u9fffァ-ヴー]{0,10}?(?:氏|さん|相|長官|大臣|次官|大使|代表|議長|総裁|知事|報道官|長)"),
    "ko": re.compile(r"\s?[가-힣]{0,8}?(?:장관|차관|대사|대표|의장|위원장|대변인|총재|씨)"),
}
PAREN_TAIL: Final = {lang: re.compile(p) for lang, p in _PAREN.items()}


@dataclass(frozen=True, slots=True)
class Part:
    start: int  # offsets in the sentence text
    end: int
    name: Name | None  # None: a person name the tables lack (Sudachi 人名)
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """An actor phrase in a sentence: offsets in the sentence text, its parts, its role and
    the particle that gave it (``None`` when none followed)."""

    start: int
    end: int
    parts: tuple[Part, ...]
    role: str
    particle: str | None
    #: for a genitive phrase: the role of the noun it modifies (韓国の決定に → target)
    owner_role: str | None = None

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.parts)


@dataclass
class DocContext:
    """What the document has said so far: persons by office, and its main countries."""

    countries: Counter[str] = field(default_factory=Counter)
    last_country: list[str] = field(default_factory=list)
    by_role: dict[tuple[str | None, str], Actor] = field(default_factory=dict)
    #: persons named so far, by the surface they were written as (石破茂 → Shigeru Ishiba)
    persons: dict[str, Actor] = field(default_factory=dict)
    #: the subject of the last sentence that had one, and that sentence's index
    last_subject: tuple[tuple[Actor, ...], int] | None = None

    def pair(self) -> tuple[str, ...]:
        """The document's two most mentioned countries (seeded from a first look at the whole
        text, so a headline's 大統領 can already be placed)."""
        return tuple(c for c, _ in self.countries.most_common(2))

    def seed(self, phrases: list[list[Phrase]]) -> None:
        for found in phrases:
            for phrase in found:
                for part in phrase.parts:
                    if part.name is not None and part.name.kind in ("country", "capital", "countries"):
                        for c in part.name.key.split("|"):
                            self.countries[c] += 1


class PhraseFinder:
    def __init__(self, lexicon: CjkLexicon, kb: KnowledgeBase) -> None:
        self.lex = lexicon
        self.kb = kb
        self.lang = lexicon.lang
        self.particles = ROLE_PARTICLES[self.lang]

    def phrases(self, sent: CjkSentence) -> list[Phrase]:
        parts = self._parts(sent)
        out: list[Phrase] = []
        i = 0
        text = sent.text
        while i < len(parts):
            group = [parts[i]]
            while i + 1 < len(parts):
                nxt, last = parts[i + 1], group[-1]
                gap = text[last.end:nxt.start].strip()
                if gap not in JOINERS[self.lang] or not _is_head(nxt):
                    break
                if gap and last.name is not None and last.name.kind in ("person", "title") and nxt.name is not None \
                        and nxt.name.kind in ("title", "agent"):  # fmt: skip
                    break  # 首相の政府? rare; keep apart
                group.append(nxt)
                i += 1
            end = group[-1].end
            tail = TITLE_TAIL[self.lang].match(text, end) if _is_head(group[-1]) else None
            if tail is not None and not _names_inside(self.lex, tail.group()):
                end = tail.end()
                titles = [p for p in parts[i + 1:] if p.start < end and p.name is not None and p.name.kind == "title"]
                group += titles  # 李東元外務部長官: the title the tail ends with belongs to the person
            paren = PAREN_TAIL[self.lang].match(text, end)  # an alias: 大法院（最高裁）は
            end = paren.end() if paren is not None else end
            side = SIDE[self.lang].match(text, end)  # 日本側に, 일본 측은
            end = side.end() if side is not None else end
            role, particle = self._role(text, end)
            owner = self._owner_role(sent, end + len(particle or "")) if role == "gen" else None
            out.append(Phrase(group[0].start, end, tuple(group), role, particle, owner))
            i += 1
            while i < len(parts) and parts[i].start < end:
                i += 1  # names inside the alias
        return _coordinate(out, text)

    def _parts(self, sent: CjkSentence) -> list[Part]:
        starts = {m.start - sent.start for m in sent.morphs}
        ends = {m.end - sent.start for m in sent.morphs}
        found: list[Part] = []
        for m in self.lex.name_pattern.finditer(sent.text):
            if m.start() in starts and m.end() in ends:  # 軍 is not in 軍事, nor 日韓 in 17日韓国
                found.append(Part(m.start(), m.end(), self.lex.names[m.group()], m.group()))
        pronouns = {m.start - sent.start for m in sent.morphs if m.pos == "PRON"}
        for m in PRONOUNS[self.lang].finditer(sent.text):
            if (m.start() in pronouns or m.group() == "同氏") and m.end() in ends \
                    and not any(p.start < m.end() and m.start() < p.end for p in found):  # fmt: skip
                found.append(Part(m.start(), m.end(), Name(m.group(), "pronoun", ""), m.group()))
        if self.lang == "ja":
            found += self._unknown_persons(sent, found)
        found.sort(key=lambda p: p.start)
        return found

    def _unknown_persons(self, sent: CjkSentence, known: list[Part]) -> list[Part]:
        """Runs of morphs Sudachi tags 人名 that no table row covers: 朴振 in 朴振外相."""
        covered = [(p.start, p.end) for p in known]
        out: list[Part] = []
        run: list[Morph] = []
        for m in [*sent.morphs, None]:
            if m is not None and "人名" in m.tag and not any(s <= m.start - sent.start < e for s, e in covered):
                run.append(m)
                continue
            if run:
                s, e = run[0].start - sent.start, run[-1].end - sent.start
                out.append(Part(s, e, None, sent.text[s:e]))
                run = []
        return out

    def _owner_role(self, sent: CjkSentence, start: int) -> str | None:
        """The role of the noun a genitive phrase modifies: the particle after the nouns that
        follow (韓国の決定に → に → target); None when a verb or punctuation comes first."""
        for m in sent.morphs:
            if m.start - sent.start < start:
                continue
            if m.pos in ("NOUN", "PROPN", "NUM"):
                continue
            if m.pos == "ADP":
                return self._role(sent.text, m.start - sent.start)[0]
            return None
        return None

    def _role(self, text: str, end: int) -> tuple[str, str | None]:
        rest = text[end:].lstrip() if self.lang == "ko" else text[end:]
        for particle, role in self.particles:
            if rest.startswith(particle):
                if role == "gen" and self.lex.name_pattern.match(rest[len(particle):].lstrip()):
                    return "gen", particle  # joined names were merged already; this is 日本の韓国…
                return role, particle
        return "none", None


def _coordinate(phrases: list[Phrase], text: str) -> list[Phrase]:
    """A list of parties: 尹大統領と岸田首相、李強首相は / 윤 대통령과 기시다 총리, 리창 총리는 — a
    phrase followed by a comma and a subject or partner phrase shares its role."""
    out = list(phrases)
    for i in range(len(out) - 2, -1, -1):
        p, nxt = out[i], out[i + 1]
        if p.role == "none" and nxt.role in ("subj", "partner") and re.fullmatch(r"\s*[、,，]\s*", text[p.end:nxt.start]):
            out[i] = Phrase(p.start, p.end, p.parts, "partner", p.particle, p.owner_role)
    return out


def _names_inside(lex: CjkLexicon, text: str) -> bool:
    """A name other than a title in ``text`` (外務部長官 holds only the title 長官)."""
    return any(lex.names[m.group()].kind != "title" for m in lex.name_pattern.finditer(text))


def _is_head(part: Part) -> bool:
    return part.name is None or part.name.kind in HEAD_KINDS


class PhraseResolver:
    """Phrases → actors, with the document's context (offices, main countries)."""

    def __init__(self, kb: KnowledgeBase, lang: str) -> None:
        self.kb = kb
        self.home = HOME[lang]

    def resolve(self, phrase: Phrase, ctx: DocContext, on: _dt.date | None) -> tuple[Actor, ...]:
        kb = self.kb
        countries: list[tuple[str, bool]] = []  # (iso3, written as a capital)
        persons, titles, bodies, agents, unknown, pair = [], [], [], [], [], None
        for part in phrase.parts:
            name = part.name
            if name is None:
                unknown.append(part.text)
            elif name.kind in ("country", "capital"):
                countries.append((name.key, name.kind == "capital"))
            elif name.kind == "countries":
                countries += [(c, False) for c in name.key.split("|")]
            elif name.kind == "person":
                persons.append(name.key)
            elif name.kind == "title":
                titles.append(kb.title(name.key))
            elif name.kind == "body":
                bodies.append(kb.body(name.key))
            elif name.kind == "agent":
                agents.append(kb.agent(name.key))
            elif name.kind == "pair":
                pair = name.key
        country = countries[-1][0] if countries else None
        if any(p.name is not None and p.name.kind == "pronoun" for p in phrase.parts) and ctx.persons:
            last = next(reversed(ctx.persons.values()))
            return (Actor(last.name, last.country, last.sector, last.person, last.role, "coreference"),)
        if pair is not None and not countries:  # 日韓両国: the countries are written already
            codes = ctx.pair()
            if len(codes) < 2:
                return ()
            if pair == "leaders" and on is not None:
                return tuple(self.leader(c, on) for c in codes)
            return tuple(self.country_actor(c, "context", "GOV") for c in codes)
        for key in persons:
            found = kb.persons(key, on)
            if found:
                p = found[0]
                return (Actor(p.name, p.country, p.sector, p.name, p.role, "text"),)
        title = next((t for t in titles if t is not None), None)
        if unknown and not countries:  # 尹氏: the person named in full before (尹錫悦)
            stem = re.sub(r"(?:氏|さん|씨)$", "", unknown[-1]) or unknown[-1]
            earlier = next((a for surface, a in reversed(ctx.persons.items()) if surface.startswith(stem)), None)
            if earlier is not None:
                return (Actor(earlier.name, earlier.country, earlier.sector, earlier.person, earlier.role,
                              "coreference"),)  # fmt: skip
        if unknown and (title is None or title.role is None or country is not None):
            sector = title.sector if title is not None else None
            role = title.role if title is not None else None
            return (Actor(unknown[-1], country, sector, unknown[-1], role, "text"),)
        if title is not None and title.role is not None:  # 首相, 韓国の外相, 李大統領 (name unknown)
            prior = ctx.by_role.get((country, title.role)) or (None if country else ctx.by_role.get((None, title.role)))
            if prior is not None and country is None:
                return (Actor(prior.name, prior.country, prior.sector, prior.person, prior.role, "coreference"),)
            c = country or self.home
            holder = kb.office_holder(c, title.role, on) if on is not None else None
            if holder is None and country is None:
                for other in [*reversed(ctx.last_country), *ctx.pair()]:  # 大統領 in Japanese news: whose?
                    holder = kb.office_holder(other, title.role, on) if on is not None else None
                    if holder is not None:
                        break
            if holder is not None:
                return (Actor(holder.name, holder.country, holder.sector, holder.name, holder.role, "title"),)
            if country is None:  # nobody holds the office at home (大統領 in Japan): whose, unknown
                return (Actor(title.phrase, None, title.sector, None, title.role, "title"),)
            return (Actor(f"{country_name(self.kb, c)} {title.phrase}", c, title.sector, None, title.role, "title"),)
        if title is not None and country is not None:
            return (Actor(f"{country_name(self.kb, country)} {title.phrase}", country, title.sector, None, None, "text"),)
        body = next((b for b in bodies if b is not None), None)
        if body is not None:
            c = body.country or country or self.home
            basis = "text" if (body.country or country) else "context"
            return (Actor(body.name, c, body.sector, None, None, basis),)  # type: ignore[arg-type]
        agent = next((a for a in agents if a is not None), None)
        if agent is not None and (countries or agent.sector in STATE_SECTORS or self.home == "KOR"):
            # 政府 alone is the home government; in Korean news 시민단체 and 야당 alone are Korean
            # too, while Japanese news often writes 市民団体 for Korean groups (元徴用工 are Korean)
            codes = list(dict.fromkeys(c for c, _ in countries)) or [self.home]
            basis = "text" if countries else "context"
            return tuple(Actor(f"{country_name(self.kb, c)} {agent.phrase}", c, agent.sector, None, None, basis)  # type: ignore[arg-type]
                         for c in codes)
        seen: dict[str, bool] = {}
        for c, capital in countries:
            seen[c] = seen.get(c, False) or capital
        return tuple(self.country_actor(c, "text", "GOV" if capital else None) for c, capital in seen.items())

    def remember(self, actors: tuple[Actor, ...], ctx: DocContext, phrase: Phrase | None = None) -> None:
        if phrase is not None and len(actors) == 1 and actors[0].person:
            surface = "".join(p.text for p in phrase.parts if p.name is None or p.name.kind == "person")
            if surface:
                ctx.persons.pop(surface, None)  # most recent last
                ctx.persons[surface] = actors[0]
        for a in actors:
            if a.country:
                ctx.countries[a.country] += 1
                if a.country in ctx.last_country:
                    ctx.last_country.remove(a.country)
                ctx.last_country.append(a.country)
            if a.person and a.role:
                ctx.by_role[(a.country, a.role)] = a
                ctx.by_role[(None, a.role)] = a

    def leader(self, iso3: str, on: _dt.date) -> Actor:
        """The head of government or state of a country on a day (両首脳/양 정상)."""
        roles = ("prime_minister",) if iso3 == "JPN" else ("president", "prime_minister")
        for role in roles:
            holder = self.kb.office_holder(iso3, role, on)
            if holder is not None:
                return Actor(holder.name, holder.country, holder.sector, holder.name, holder.role, "context")
        return self.country_actor(iso3, "context", "GOV")

    def country_actor(self, iso3: str, basis: str, sector: str | None) -> Actor:
        """A country as an actor (its government when ``sector`` is GOV)."""
        return Actor(country_name(self.kb, iso3), iso3, sector, None, None, basis)  # type: ignore[arg-type]

