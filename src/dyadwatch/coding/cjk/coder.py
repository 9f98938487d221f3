"""The Japanese and Korean event coder: sentences of morphemes in, PLOVER events out.

Japanese and Korean put the verb last and mark every argument with a particle, so a clause is
coded from the cue (a predicate stem from ``cues.tsv``, or an event noun) and the particles of
the actor phrases before it (``actors``): the source is the nearest topic or subject (は/が,
은/는/이/가) — shared by every clause of the sentence, as in 石破首相は…会談し、…合意した — the
target the phrases marked に/に対し/へ/を or 에/에게/에 대해/을/를 since the previous cue, the
partner of a joint action (``frame`` joint) its と/와/과 phrase; a compound modifier names the
parties of an event noun (日韓首脳会談). A predicate cue counts only with a verbal ending after
it (会談した, 합의했다) or at the end of a headline; an event noun only when no predicate cue
covers it.

Dates (``dating``: the time expression nearest before the cue, carried dates, the lede's day),
status and scores follow the English coder; N周年/N주년 after an event noun dates it N years
before (国交正常化60周年 in 2025 → 1965). Status from the
markers after the cue in its clause (しなかった/않았다: negated; 予定/예정: future; れば/면:
hypothetical), then from the date (more than a year before publication: historical).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ...config import Config
from ...nlp.cjk import PREDICATE_POS, CjkSentence
from ...nlp.dates import date_sort_key
from ...records import Actor, Article, Event, Quote, Sentence, Status, TimeExpr
from ..coder import NEEDS_TARGET, enough_actors, event_confidence, intention
from ..dating import date_end, representative_day, years_before
from ..kb import KnowledgeBase
from ..ontology import QUAD_CLASS, cameo, intensity
from .actors import DocContext, Phrase, PhraseFinder, PhraseResolver
from .dating import CARRY_ACROSS_PARAGRAPHS, GENITIVE, Carried, Dates, event_date, lede
from .lexicon import CjkCue, CjkLexicon

if TYPE_CHECKING:
    from .quotes import CjkQuotes

#: Where a clause ends: the text after a cue is searched for markers up to here.
CLAUSE_END: Final = re.compile(r"[、。，,.!?！？」”\"]|(?:て|で|(?<![다라])고|며|면서)\s")
MARKER_WINDOW: Final = 24
TOPICS: Final = frozenset({"は", "은", "는"})
#: A non-past verb under a verb of announcing: a material action announced, still to come.
ANNOUNCED: Final = {"ja": re.compile(r"(?:する|させる)(?:と|ことを)"),
                    "ko": re.compile(r"\s?(?:한다|하겠다|할\s?것이라|시킨다)고")}
#: Nouns that an event noun may precede and still name the event (輸出規制措置, 제재 조치).
HEADS: Final = frozenset({"措置", "強化", "発動", "조치", "강화", "발동", "방침"})
#: After an event noun, words that refer to it as a time or a case (포격 직후, 억류 중이던,
#: 납치 사건, 会談の直後): the happening is a reference point here, not news of the sentence.
REFERENCE: Final = re.compile(r"\s?(?:직후|직전|당시|중이던|중인|사건|이후|以降|直後|直前|当時|事件|中の)")
#: A place phrase: カナダで, 도쿄에서.
LOCATIVE: Final = re.compile(r"\s?(?:で|에서)")
#: Visit cues that name the country visited.
VISITED: Final = tuple((re.compile(p), iso3) for p, iso3 in (
    (r"訪日|방일", "JPN"), (r"訪韓|방한", "KOR"), (r"訪米|방미", "USA"), (r"訪中|방중", "CHN"),
    (r"訪朝|방북", "PRK"), (r"訪露|방러", "RUS")))
#: A passive right after the cue (併合された, 병합됐다, 제재를 당했다).
PASSIVE: Final = {"ja": re.compile(r"(?:さ|ら)?れ(?:た|る|て|、)"),
                  "ko": re.compile(r"\s?(?:당했|당하|당한|됐|되었|된다|되어)")}
#: "Decided to": for a sanction, the decision is the act (중단하기로 했다, 停止することを決めた).
DECIDED: Final = {"ja": re.compile(r"ことを決(?:め|定)|ことにし|と決定|を決定"),
                  "ko": re.compile(r"기로\s?(?:했|하|한|결정)|결정했")}
#: An event noun, maybe with more nouns, as the object of a verb (수출 규제 조치 철회를 요구).
OBJECT: Final = re.compile(r"[\s\u4e00-\u9fffァ-ヴー가-힣]{0,12}?(?:を|을|를)")
ANNIVERSARY: Final = {"ja": re.compile(r"^\s*(\d{1,3})\s*周年"), "ko": re.compile(r"^\s*(\d{1,3})\s*주년")}
#: Morph tags that make a cue a predicate: Sudachi verbs/auxiliaries, Kiwi verb suffixes/endings.
KO_VERBAL: Final = ("XSV", "VV", "VX", "EP", "EF", "EC", "ETM", "ETN", "XSA", "VA")
#: Sentences a subject is carried past the sentence that named it.
CARRY: Final = 2
Finder = Callable[[str, "_dt.date | None"], list[TimeExpr]]


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # offsets in the sentence text
    end: int
    cue: CjkCue


@dataclass(frozen=True, slots=True)
class Coded:
    """One document coded: its sentences, events and quotes."""

    sentences: list[Sentence]
    events: list[Event]
    quotes: list[Quote]


class CjkCoder:
    """Codes articles of one language (``ja`` or ``ko``); stateless across documents."""

    def __init__(self, lang: str, kb: KnowledgeBase, config: Config, lexicon: CjkLexicon | None = None,
                 find_dates: Finder | None = None) -> None:  # fmt: skip
        self.lang = lang
        self.config = config
        self.lexicon = lexicon or CjkLexicon.load(lang, kb)
        self.finder = PhraseFinder(self.lexicon, kb)
        self.resolver = PhraseResolver(kb, lang)
        self.find_dates: Finder = find_dates or importlib.import_module(
            f"dyadwatch.nlp.dates_{lang}").find_time_expressions

    def code(self, article: Article, sents: list[CjkSentence], quotes: CjkQuotes | None = None) -> Coded:
        """Code one analysed document; with ``quotes``, its quotes too, in the same walk (the
        speakers resolved in the same document context as the events' actors)."""
        ctx = DocContext()
        sentences: list[Sentence] = []
        events: list[Event] = []
        found: list[Quote] = []
        all_phrases = [self.finder.phrases(s) for s in sents]
        ctx.seed(all_phrases)
        all_dates = [self.find_dates(s.text, article.published) for s in sents]
        dates = Dates(lede=lede([s.index for s in sents], all_dates, article.published))
        paragraph = 0
        for s in sents:
            sentence = Sentence(article.doc_id, f"{article.content_hash[:16]}-s{s.index:04d}", s.index, s.text,
                                s.start, s.end)  # fmt: skip
            sentences.append(sentence)
            paragraph += s.line_start
            last = dates.last
            # within its paragraph a date carries on; past a paragraph break, for a few sentences
            dates.carried = last if last is not None and (
                last.paragraph == paragraph or s.index - last.sentence <= CARRY_ACROSS_PARAGRAPHS) else None
            phrases, exprs = all_phrases[s.index], all_dates[s.index]
            hits = self._hits(s) if len(s.text) <= self.config.max_sentence_chars else []
            for i, hit in enumerate(hits):
                clause_start = hits[i - 1].end if i else 0
                ev = self._event(article, sentence, s, hit, clause_start, phrases, exprs, dates, ctx)
                if ev is not None and not any(_same(ev, e) for e in events if e.sentence_id == ev.sentence_id):
                    events.append(ev)
            if quotes is not None:
                found += quotes.sentence(article, sentence, phrases, exprs, ctx)
            for p in phrases:
                actors = self.resolver.resolve(p, ctx, article.published)
                self.resolver.remember(actors, ctx, p)
                if p.role == "subj" and actors:
                    ctx.last_subject = (actors, s.index)
            dated = [e for e in exprs if e.date is not None and not GENITIVE.match(s.text, e.end)]
            if dated:
                e = dated[-1]
                dates.last = Carried(e.date, e.precision or "day", e.text, s.index, paragraph)  # type: ignore[arg-type]
        return Coded(sentences, events, found)

    # -- cues -------------------------------------------------------------------------------
    def _hits(self, s: CjkSentence) -> list[Hit]:
        starts = {m.start - s.start for m in s.morphs}
        raw = [Hit(m.start(), m.end(), cue) for cue in self.lexicon.cues for m in cue.pattern.finditer(s.text)
               if m.end() > m.start() and m.start() in starts]  # fmt: skip
        raw = [h for h in raw if h.cue.kind == "N" or self._is_predicate(s, h)]
        # 한일회담 반대 시위, 会談後: an event noun modifying the noun after it names no event here
        # (but the measure itself is the event: 輸出規制措置, 수출 규제 조치)
        noun_after = {m.start - s.start for m in s.morphs if m.pos in ("NOUN", "PROPN") and m.text not in HEADS}
        raw = [h for h in raw if not (h.cue.kind == "N" and (h.end in noun_after or REFERENCE.match(s.text, h.end)))]
        # 한미일 협력의 중요성, 協力の重要性: an event noun in the genitive describes another noun
        raw = [h for h in raw if not (h.cue.kind == "N" and (m := GENITIVE.match(s.text, h.end))
                                      and m.end() + (s.text[m.end():m.end() + 1] == " ") in noun_after)]
        # 제기한 제소, 発動した措置: a predicate in adnominal form naming the noun cue after it
        nouns = [h.start for h in raw if h.cue.kind == "N"]
        ends = [m.end - s.start for m in s.morphs if m.adnominal]
        raw = [h for h in raw if not (h.cue.kind == "P" and any(
            h.end <= e <= h.end + 4 and any(e <= n <= e + 2 for n in nouns) for e in ends))]  # fmt: skip
        predicates = [h.start for h in raw if h.cue.kind == "P"]
        # 輸出管理の厳格化を解除, 제소를 철회: the noun is what the verb acts on, not an event of its own
        raw = [h for h in raw if not (h.cue.kind == "N" and (m := OBJECT.match(s.text, h.end))
                                      and any(m.end() <= p <= m.end() + 10 for p in predicates))]  # fmt: skip
        raw.sort(key=lambda h: (-(h.end - h.start), h.cue.kind != "P", h.start))
        kept: list[Hit] = []
        for h in raw:
            if not any(h.start < k.end and k.start < h.end for k in kept):
                kept.append(h)
        return sorted(kept, key=lambda h: h.start)

    def _is_predicate(self, s: CjkSentence, hit: Hit) -> bool:
        """A predicate cue needs a verbal ending right after it (会談した, 합의했다, 会っ|た),
        or ends a headline (石破首相、李大統領と会談)."""
        after = s.text[hit.end:]
        if not after.strip() or re.match(r"^[\s。．.!?！？]*$|^へ[\s。]*$", after):
            return True
        end = s.start + hit.end
        for m in s.morphs:
            if m.start < end <= m.end and m.end > end:
                return m.pos in PREDICATE_POS  # the cue ends inside a verb: 会っ in 会った
            if m.start >= end:
                if self.lang == "ko":
                    return m.tag.split("-")[0] in KO_VERBAL
                return m.pos in ("AUX", "VERB") or m.tag.startswith(("動詞", "助動詞"))
        return False

    # -- one event --------------------------------------------------------------------------
    def _event(self, article: Article, sentence: Sentence, s: CjkSentence, hit: Hit, clause_start: int,
               phrases: list[Phrase], exprs: list[TimeExpr], dates: Dates, ctx: DocContext) -> Event | None:  # fmt: skip
        cue = hit.cue
        date, precision, date_text, basis = event_date(self.lang, article, s.text, hit.start, hit.end, exprs, dates)
        ann = ANNIVERSARY[self.lang].match(s.text[hit.end:]) if cue.kind == "N" else None
        if ann is not None and date is not None:
            date, precision, basis = years_before(date, int(ann.group(1))), "year", "context"
            date_text = s.text[hit.start:hit.end + ann.end()]
        on = representative_day(date, article.published)
        source, target, joint = self._roles(s, hit, clause_start, phrases, ctx, on)
        etype, mode = cue.event_type, cue.mode
        if any(a.sector == "JUD" for a in source) and etype in ("REQUEST", "ACCUSE"):
            etype, mode = "SANCTION", "convict"
        if etype == "MOBILIZE" and len({a.country for a in source if a.country}) >= 2 and not target:
            etype, mode = "COOPERATE", None  # 한미일 해군은 … 훈련을 실시했다: a joint drill
        if not target and etype in NEEDS_TARGET and not joint and len({a.country for a in source if a.country}) == 1:
            target = self._visited(s.text[hit.start:hit.end]) or self._implied(source, s.text, phrases, ctx, on)
        if not enough_actors(etype, source, target, joint):
            return None
        material = QUAD_CLASS[etype] in (2, 4) or etype == "CONCEDE"
        status = self._status(s, hit, date, article.published, material, decided=etype == "SANCTION")
        etype, mode, code = intention(etype, mode, cue.cameo, status)
        info = cameo(code)
        confidence = event_confidence(0.85, source + target, basis, noun=cue.kind == "N")
        key = f"{article.content_hash}|{s.index}|{hit.start}|{etype}"
        return Event(
            event_id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            doc_id=article.doc_id, sentence_id=sentence.sentence_id, text=s.text,
            char_span=(hit.start, hit.end), trigger=s.text[hit.start:hit.end], event_type=etype, mode=mode,
            contexts=cue.contexts, status=status, quad_class=QUAD_CLASS[etype], intensity=intensity(etype, mode),
            cameo_root=info.root, goldstein=info.goldstein, source=source, target=target, date=date,
            date_precision=precision, date_text=date_text, date_basis=basis,  # type: ignore[arg-type]
            confidence=confidence, coder_version=self.config.coder_version,
            published=article.published.isoformat() if article.published else None,
        )  # fmt: skip

    def _roles(self, s: CjkSentence, hit: Hit, clause_start: int, phrases: list[Phrase], ctx: DocContext,
               on: _dt.date | None) -> tuple[tuple[Actor, ...], tuple[Actor, ...], bool]:  # fmt: skip
        cue = hit.cue
        before = [p for p in phrases if p.end <= hit.start]
        local = [p for p in before if p.start >= clause_start]
        resolve = lambda p: self.resolver.resolve(p, ctx, on)  # noqa: E731
        adjacent = next((p for p in reversed(before) if s.text[p.end:hit.start].strip(" の의") == ""
                         and p.role in ("none", "gen")), None)  # fmt: skip
        adnominal = [end for end in _clause_ends(s) if end <= hit.start]
        # a phrase followed by an adnominal verb before the cue is inside a relative clause
        # (日本製鉄が持つ株式の差し押さえを認めた; 일본과 맺은 협정 종료를 결정했다): not an argument of the
        # cue — a topic は/은·는 never is (it scopes over the sentence), and a subject is kept when
        # the sentence has no other
        inner = {id(p) for p in before if p.particle not in TOPICS
                 and any(p.end + len(p.particle or "") < a for a in adnominal)}  # fmt: skip
        subjects = [p for p in before if p.role == "subj"]
        main = [p for p in subjects if id(p) not in inner] or subjects
        subj = next((p for p in reversed(main) if p.start >= clause_start), None) or (main[-1] if main else None)
        local = [p for p in local if id(p) not in inner or p is subj]
        if subj is None and before and before[0].role == "none" and re.match(r"^\s*[、,]", s.text[before[0].end:]):
            subj = before[0]  # headline: 石破首相、李大統領と会談
        own_clause = self._adnominal(s, hit)  # 首脳が相互に訪問するシャトル外交: a clause of its own
        if own_clause and (subj is None or subj.start < clause_start):
            subj = None
        targets = [p for p in local if (p.role == "target" or p.role == "gen" and p.owner_role == "target"
                                         and p is not adjacent) and p is not subj]  # fmt: skip
        partners = [p for p in local if p.role == "partner" and p is not subj]
        if not partners and cue.frame == "joint" and subj is not None and subj.start < clause_start:
            # the shared subject's partner: 岸田外相と尹外相は…会談し、…合意した
            partners = [p for p in before if p.role == "partner" and p.end <= subj.start + 40 and p.end <= clause_start]
        froms = [p for p in local if p.role == "from"]
        if cue.frame == "recv":
            source = tuple(a for p in froms for a in resolve(p))
            target = resolve(subj) if subj is not None else ()
            return _dedupe(source), _dedupe(target), False
        source = resolve(subj) if subj is not None else ()
        if subj is None and cue.kind == "P" and not local and ctx.last_subject is not None \
                and s.index - ctx.last_subject[1] <= CARRY:  # fmt: skip
            # a dropped subject: 新たな謝罪の言葉は述べなかった (the speaker of the sentence before)
            source = tuple(Actor(a.name, a.country, a.sector, a.person, a.role, "coreference")
                           for a in ctx.last_subject[0])  # fmt: skip
        if cue.kind == "N" and adjacent is not None and adjacent is not subj:
            mod = resolve(adjacent)
            if len({a.country for a in mod}) >= 2 or not source:
                source = mod  # 日韓首脳会談; 韓国の抗議
        target = tuple(a for p in targets for a in resolve(p))
        partner = tuple(a for p in partners for a in resolve(p))
        if not source and partner and cue.frame == "joint" and on is not None \
                and all(a.country != self.resolver.home for a in partner):  # fmt: skip
            # 이시바 총리와 정상회담을 열고 (no subject written): the home country's leader
            source = (self.resolver.leader(self.resolver.home, on),)
        joint = False
        if cue.frame == "joint" or (partner and not target):
            if partner:
                source = source + partner
            joint = len({a.country for a in source if a.country}) >= 2
            if joint:
                target = ()
        elif partner:
            target = target + partner
        if PASSIVE[self.lang].match(s.text, hit.end) and cue.frame != "joint":
            # 韓国は日本に併合された, 일본에 의해 강제병합됐다: the subject undergoes the action
            agents = tuple(a for p in local if p.role in ("target", "from") and p is not subj for a in resolve(p))
            source, target = agents, source
        source, target = _dedupe(source), _dedupe(target)
        target = tuple(a for a in target if a not in source)
        foreign = [a for a in target if a.country not in {x.country for x in source}]
        if foreign and len(foreign) < len(target):
            target = tuple(foreign)  # 大使を外務省に呼んで: the ministry is where, not whom
        return source, target, joint

    def _adnominal(self, s: CjkSentence, hit: Hit) -> bool:
        """The cue's verb modifies a noun (訪問する「シャトル外交」, 맺은 협정)."""
        end = s.start + hit.end
        for m in s.morphs:
            if m.end <= end:
                continue
            if m.adnominal:
                return True
            if m.pos not in ("AUX", "VERB") or m.start - end > 4:
                return False
        return False

    def _visited(self, trigger: str) -> tuple[Actor, ...]:
        """The country a visit cue names: 訪日/방일 Japan, 訪韓/방한 South Korea."""
        for pattern, iso3 in VISITED:
            if pattern.search(trigger):
                return (self.resolver.country_actor(iso3, "text", "GOV"),)
        return ()

    def _implied(self, source: tuple[Actor, ...], text: str, phrases: list[Phrase], ctx: DocContext,
                 on: _dt.date | None) -> tuple[Actor, ...]:  # fmt: skip
        """The other party the text leaves implicit: another country named in the sentence (a
        person's: 방한해 문재인 대통령과…; not a place: カナダで, 하노이에서), else the other of the
        document's two main countries."""
        have = {a.country for a in source}
        named = [a.country for p in phrases if p.role != "loc" and not LOCATIVE.match(text, p.end)
                 for a in self.resolver.resolve(p, ctx, on) if a.country]  # fmt: skip
        for c in [*named, *ctx.pair()]:
            if c not in have and c != "IGO":
                return (self.resolver.country_actor(c, "context", "GOV"),)
        return ()

    # -- date and status --------------------------------------------------------------------
    def _status(self, s: CjkSentence, hit: Hit, date: str | None, published: _dt.date | None,
                material: bool = False, decided: bool = False) -> Status:
        """``decided``: a measure that is in force once decided or announced (a sanction): 中断する
        ことを決めた / 부과한다고 발표했다 is the sanction itself, not a threat of one."""
        after = s.text[hit.end:hit.end + MARKER_WINDOW]
        stop = CLAUSE_END.search(after)
        clause = after[:stop.start() + (1 if stop and stop.group().strip() in ("て", "で") else 0)] if stop else after
        before = s.text[max(0, hit.start - 4):hit.start]
        lex = self.lexicon
        if lex.marked("negation", clause) or lex.marked("negation_before", before):
            return "negated"
        if lex.marked("hypothetical", clause):
            return "hypothetical"
        announced = ANNOUNCED[self.lang].match(s.text, hit.end)
        if decided and (DECIDED[self.lang].search(clause) or announced):
            return "asserted"
        if lex.marked("future", clause) or re.match(r"^へ\s*$", s.text[hit.end:].rstrip("。 ")):
            return "future"
        if material and announced:
            return "future"  # 解除すると発表した, 해제한다고 발표했다 (but 항의한다고 밝혔다 protests now)
        if published is not None and date is not None:
            if date_end(date) < published - _dt.timedelta(days=365):
                return "historical"
            if date_sort_key(date) > published:
                return "future"
        return "asserted"


def _clause_ends(s: CjkSentence) -> list[int]:
    """Where embedded clauses end, as offsets in the sentence: an adnominal verb (a relative
    clause: 持つ株式, 맺은 협정) and a quoting particle after a predicate (…べきだと判決した,
    배상해야 한다고 판결했다): phrases before them are arguments of the embedded verb."""
    out = []
    morphs = s.morphs
    for i, m in enumerate(morphs):
        prev = morphs[i - 1] if i else None
        quoting = prev is not None and (
            (m.text in ("と", "って") and m.pos == "ADP" and prev.pos in ("VERB", "AUX", "ADJ"))
            or (m.text in ("고", "라고") and m.tag.startswith("E") and prev.tag.startswith("EF")))  # fmt: skip
        if m.adnominal or quoting:
            out.append(m.end - s.start)
    return out


def _dedupe(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for a in actors:
        if not any(a.name == b.name and a.country == b.country for b in out):
            out.append(a)
    return tuple(out)


def _same(a: Event, b: Event) -> bool:
    """One happening coded twice in a sentence (a predicate and its event noun)."""
    key = lambda e: (e.event_type, e.status, frozenset(x.country for x in e.source),  # noqa: E731
                     frozenset(x.country for x in e.target))
    return key(a) == key(b)
