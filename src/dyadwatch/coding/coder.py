"""The event coder: one parsed article in, sentences and PLOVER events out.

For every sentence: find cue words (lexicon), find each cue's source and target noun phrases in
the dependency parse and resolve them to actors, give the event its own date (a time expression
attached to the cue, else the date carried from the last two sentences, else the publication
date), and its status. An event needs a resolved actor on each side, or several participants
of a joint action, or a one-sided type (PROTEST, MOBILIZE, ASSAULT).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..config import Config
from ..nlp.dates import find_time_expressions
from ..records import Actor, Article, Event, Sentence, TimeExpr
from . import roles
from .actors import LOCATIVE_PREPS, PLACE_KINDS, ActorResolver, Discourse, MentionSpan, country_name
from .dating import DatedRef, anchored, anniversary_of, is_recent, pick_time, representative_day, years_before
from .kb import KnowledgeBase
from .lexicon import NO_EVENT, Cue, Lexicon
from .ontology import QUAD_CLASS, cameo, intensity
from .repairs import names_before, stranded_conjuncts
from .status import offered, status_of

ONE_SIDED = {"PROTEST", "MOBILIZE", "ASSAULT", "RETREAT", "CONCEDE"}
#: Cue types whose embedded action is content, not a separate event ("agreed to strengthen").
INTENT_TYPES = {"AGREE", "REQUEST", "REJECT", "THREATEN"}
#: An event noun takes as source the subject of these verbs ("Tokyo responded with restrictions",
#: "announced sanctions against"); after other verbs ("seek cooperation") it needs its own actor.
SUPPORT_VERBS = {
    "hold", "have", "conduct", "launch", "carry", "impose", "announce", "respond", "reply",
    "retaliate", "begin", "start", "stage", "make", "pay", "reach", "seal", "strike", "host",
    "convene", "introduce", "adopt", "implement", "enforce", "tighten", "expand", "extend",
    "issue", "file", "lodge", "take", "deliver", "complete", "finalize", "finalise", "mount",
    "wage", "order", "approve", "unveil", "declare", "attend", "join", "lead", "organise",
    "organize", "sign", "conclude", "initiate", "resume", "open", "intensify", "step",
    "perform", "escalate", "renew", "continue", "undertake", "commit", "perpetrate", "execute",
    "press", "sustain", "use",
}
#: Sentences a date is carried past a paragraph break (news paragraphs are short).
CARRY_ACROSS_PARAGRAPHS = 4
SENTENCE_END = (".", "!", "?", '"', "'", "”", "’", ")", ":")
#: Types that need a recipient: when the text names none but the document is about two
#: countries, the other one is taken from context ("Beijing retaliated on 4 April").
NEEDS_TARGET = {"SANCTION", "THREATEN", "ACCUSE", "REQUEST", "REJECT", "COERCE", "CONCEDE", "RETREAT",
                "PROTEST", "CONSULT", "AID", "COOPERATE"}
DOMESTIC_SECTORS = {"CVL", "OPP", "BUS", "EDU", "MED", "NGO", "REB", "LAB"}
#: A planned action of these types is coded as the intention PLOVER names for it, with the CAMEO
#: code of that intention ("will provide aid": 033). Not RETREAT: recoded as AGREE, an announced
#: withdrawal or lifting joined the leaders' other agreements of the day in one event cluster.
FUTURE_AS = {"COOPERATE": ("AGREE", "031"), "AID": ("AGREE", "033"),
             "SANCTION": ("THREATEN", "1312"), "COERCE": ("THREATEN", "137"),
             "ASSAULT": ("THREATEN", "138"), "MOBILIZE": ("THREATEN", "138")}
#: A cooperative action announced as one that will not happen is a refusal (CAMEO 12).
REFUSED_AS = {"RETREAT": ("REJECT", "124"), "CONCEDE": ("REJECT", "124"), "AID": ("REJECT", "121"),
              "COOPERATE": ("REJECT", "121")}
#: "Seoul said Tokyo must withdraw …": a speech verb whose clause says what someone must do is a
#: demand (CAMEO 100) on that clause's subject.
MUST = {"must", "should"}
DEMAND_VERBS = {"say", "state", "insist", "tell", "declare", "argue", "stress", "add"}
DEMAND = Cue("say", "V", frozenset(), "100", "REQUEST", None, (), "")
#: Nouns that frame an occasion, not a party: "on the sidelines of the G7 summit".
FRAME_NOUNS = {"sideline", "sidelines", "margin", "margins", "side", "occasion", "start", "end", "eve",
               "course", "framework", "context", "anniversary", "part"}
#: Prepositions that put an event noun inside the clause's own action: "agreed during a call".
DURING_PREPS = {"during", "at", "in"}
#: Prepositions that make an event noun the topic of the verb above it.
TOPIC_PREPS = {"on", "about", "over", "for", "to", "of", "regarding"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    cue: Cue
    obj: Token | None  # the object noun of a VO cue


class EventCoder:
    """Stateless across documents: build once, call :meth:`code` per parsed article."""

    def __init__(self, resolver: ActorResolver, lexicon: Lexicon, config: Config) -> None:
        self.resolver = resolver
        self.lexicon = lexicon
        self.config = config

    def code(self, article: Article, doc: Doc) -> tuple[list[Sentence], list[Event]]:
        mentions = self.resolver.mentions(doc)
        ctx = Discourse()
        sentences: list[Sentence] = []
        events: list[Event] = []
        last_date: DatedRef | None = None
        paragraph = 0
        for index, sent in enumerate(doc.sents):
            text = sent.text.rstrip()
            if index and "\n" in article.text[sentences[-1].end : sent.start_char]:
                paragraph += 1
                if last_date is not None and index - last_date.sentence > CARRY_ACROSS_PARAGRAPHS:
                    last_date = None  # a date carries through its paragraph and briefly beyond
            if not text.endswith(SENTENCE_END):
                last_date = None  # a headline or caption: what follows starts afresh
            sentence = Sentence(
                doc_id=article.doc_id,
                sentence_id=f"{article.content_hash[:16]}-s{index:04d}",
                index=index,
                text=text,
                start=sent.start_char,
                end=sent.start_char + len(text),
            )
            sentences.append(sentence)
            if len(sent.text) > self.config.max_sentence_chars:
                continue
            # a year framing the previous sentence of this paragraph dates "on 22 June" here
            near = last_date is not None and last_date.sentence == index - 1 and last_date.paragraph == paragraph
            year = int(last_date.date[:4]) if near and last_date else None
            exprs = find_time_expressions(sent.text, article.published, year)
            carried = last_date
            dated: DatedRef | None = None
            # who this sentence names joins the discourse first: "Lee said his government …"
            ctx.begin_sentence()
            self._remember(sent, mentions, ctx, article.published)
            for trig in self._triggers(sent):
                event = self._event(article, sentence, sent, trig, exprs, carried, mentions, ctx)
                if event is not None:
                    events.append(event)
                    ctx.add(event.source + event.target)
                    if event.date and event.date_basis != "publication":
                        dated = DatedRef(event.date, event.date_precision or "year", event.date_text or "",
                                         index, paragraph)
            resolved = [e for e in exprs if e.date is not None]
            if dated is not None:  # an event's own date is the best anchor for what follows
                last_date = dated
            elif resolved:
                last = resolved[-1]
                last_date = DatedRef(last.date, last.precision or "year", last.text, index, paragraph)  # type: ignore[arg-type]
        return sentences, events

    # -- cues ---------------------------------------------------------------------------------
    def _triggers(self, sent: Span) -> list[Trigger]:
        found: list[Trigger] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_ == "VBG"):
                trig = self._verb_cue(tok)
            elif tok.pos_ in ("NOUN", "PROPN"):
                trig = self._noun_cue(tok)
            else:
                trig = None
            if trig is None and tok.pos_ == "VERB" and tok.lemma_ in DEMAND_VERBS and any(
                c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in MUST for a in c.children)
                and roles.children(c, roles.SUBJ) for c in tok.children
            ):
                trig = Trigger(tok, DEMAND, None)  # "Human Rights Watch said the authorities must …"
            if trig is not None and trig.cue.event_type == NO_EVENT:
                continue  # "denied the charges", "fight the epidemic": the word's general cue stays silent
            if trig is not None:
                found.append(trig)
                if trig.obj is not None:
                    consumed.update(t.i for t in trig.obj.subtree)
                if tok.pos_ == "VERB":  # "signed an agreement", "received dollars in aid"
                    consumed.update(t.i for o in roles.objects_of(tok) for t in o.subtree)
        out = []
        verbless = not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent)
        for trig in found:
            if verbless and trig.cue.kind == "N":
                continue  # a headline or caption fragment names a topic, not an event
            if trig.token.tag_ == "VBN" and trig.token.dep_ in ("acl", "amod"):
                continue  # "forces backed by Russian warplanes": a participle describes an actor
            if trig.token.i in consumed and trig.cue.kind == "N":
                continue  # "signed an agreement", "held a meeting": the verb codes it
            head = trig.token.head
            own_subject = any(c.dep_ in roles.SUBJ + roles.PASS_SUBJ for c in trig.token.children)
            if trig.token.dep_ in ("xcomp", "ccomp") and not own_subject and any(
                t.token.i == head.i and t.cue.event_type in INTENT_TYPES for t in found
            ):
                continue  # "agreed to strengthen dialogue": content of the agreement
            if trig.cue.kind == "N" and trig.token.dep_ == "pobj" and trig.token.head.lower_ in TOPIC_PREPS and any(
                t.token.i == head.head.i for t in found
            ):
                continue  # "did not agree on a ceasefire": the topic of another event
            out.append(trig)
        return out

    def _verb_cue(self, tok: Token) -> Trigger | None:
        cues = self.lexicon.verbs.get(tok.lemma_.lower())
        if not cues:
            return None
        objs = [o for o in roles.objects_of(tok)]
        objs += [o for _, o in roles.prep_objects(tok, {"with", "to", "from", "on", "under"})]
        objs += [c for o in objs for c in o.conjuncts]
        # "responded with restrictions", "held talks with": prepositional objects count for VO cues
        for cue in cues:
            if cue.kind == "VO":
                for o in objs:
                    if o.lemma_.lower() in cue.objects:
                        return Trigger(tok, cue, o)
            elif cue.kind == "VP":
                if any(c.dep_ == "prt" and c.lower_ in cue.objects for c in tok.children):
                    return Trigger(tok, cue, None)
                # "called on Tokyo to …", not "On Nov. 18 … called Erdogan"
                if any(c.dep_ == "prep" and c.lower_ in cue.objects and 0 < c.i - tok.i <= 2 for c in tok.children):
                    return Trigger(tok, cue, None)
            elif tok.pos_ in ("VERB", "AUX"):
                return Trigger(tok, cue, None)
        return None

    def _requested(self, verb: Token) -> Trigger | None:
        """The event a request asks for: its object or "for" phrase naming an event ("urged
        sanctions", "called for talks with Seoul")."""
        heads = [*roles.objects_of(verb), *(o for _, o in roles.prep_objects(verb, {"for"}))]
        for h in heads:
            trig = self._noun_cue(h) if h.pos_ in ("NOUN", "PROPN") else None
            if trig is not None and trig.cue.event_type != NO_EVENT:
                return trig
        return None

    def _noun_cue(self, tok: Token) -> Trigger | None:
        cues = self.lexicon.nouns.get(tok.lemma_.lower())
        if not cues:
            return None
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        for cue in cues:
            if not cue.objects or cue.objects & mods:
                return Trigger(tok, cue, None)
        return None

    # -- one event --------------------------------------------------------------------------
    def _event(
        self,
        article: Article,
        sentence: Sentence,
        sent: Span,
        trig: Trigger,
        exprs: list[TimeExpr],
        carried: DatedRef | None,
        mentions: dict[int, MentionSpan],
        ctx: Discourse,
    ) -> Event | None:
        tok, cue = trig.token, trig.cue
        expr = pick_time(tok, sent, exprs)
        if expr is None and tok.dep_ == "pobj" and tok.head.lower_ in DURING_PREPS:
            verb = roles.governing_verb(tok)
            expr = pick_time(verb, sent, exprs) if verb is not None else None
        if expr is not None and expr.date is None and expr.basis == "context":
            expr = anchored(expr, carried)
        if expr is not None and expr.date is None and expr.basis == "relative":
            date, precision, date_text, basis = None, None, expr.text, "relative"
        elif expr is not None and expr.date is not None:
            date, precision, date_text, basis = expr.date, expr.precision, expr.text, expr.basis
        elif carried is not None and not is_recent(tok):
            date, precision, date_text, basis = carried.date, carried.precision, carried.text, "context"
        elif article.published is not None:
            date, precision, date_text, basis = article.published.isoformat(), "day", None, "publication"
        else:
            date, precision, date_text, basis = None, None, None, "publication"
        marked = anniversary_of(tok) if tok.pos_ == "NOUN" else None
        if marked is not None and date is not None:
            # "the 60th anniversary of the normalisation" (in 2025): what is marked is 60 years older
            date, precision, basis = years_before(date, marked[1]), "year", "context"
            date_text = " ".join(t.text for t in marked[0].subtree if t.i <= marked[0].i)
        on = representative_day(date, article.published)

        if tok.pos_ == "NOUN" and cue.kind == "N":
            source, target, joint = self._noun_roles(tok, cue, mentions, ctx, on)
            if marked is not None and not source and not target:
                source, joint = self._celebrants(marked[0], mentions, ctx, on), True
        else:
            source, target, joint = self._verb_roles(tok, trig, mentions, ctx, on)
        source, target = domestic(source, target, self.resolver.kb)
        if cue.frame == "joint" and len(source) >= 2 and not target:
            joint = True
        if not source and tok.pos_ == "NOUN" and (target or cue.event_type == "PROTEST"):
            # "Lee's criticism … after the November 2024 boycott of …": who boycotted is the
            # nearest actor before the noun that is not its object
            source = self._nearest_other(tok, sent, target, mentions, ctx, on)
        etype, mode, code = cue.event_type, cue.mode, cue.cameo
        asked = self._requested(tok) if etype == "REQUEST" and tok.pos_ in ("VERB", "AUX") else None
        if asked is not None and QUAD_CLASS[asked.cue.event_type] >= 3:
            mode, code = None, "100"  # "called for sanctions against Uganda": a demand for hostile action
        if etype == "MOBILIZE" and any(t.lower_.startswith(("peacekeep", "peace-keep")) for t in sent):
            etype, mode, code = "AID", None, "074"  # "Japan is sending troops to the UN peacekeeping force"
        if any(a.sector == "JUD" for a in source) and etype in ("REQUEST", "ACCUSE"):
            etype, mode = "SANCTION", "convict"  # "the Supreme Court ordered … to compensate"
        implicit_ok = tok.pos_ != "NOUN" or etype == "PROTEST"
        if not target and etype in NEEDS_TARGET and implicit_ok and _countries(source) - {"IGO"} and len(
            _countries(source)
        ) == 1:
            target = self._implied_target(etype, source, ctx)
        subj, passive = roles.subject_of(tok) if not source and tok.pos_ != "NOUN" else (None, False)
        if subj is not None and not passive:
            return None  # "the typhoon killed six people": a subject that is no actor is no unknown perpetrator
        if not self._enough(etype, source, target, joint):
            return None
        if etype == "CONSULT" and target and all(a.sector == "MED" and a.person is None for a in target):
            return None  # "speaks to reporters": a statement to the press, not a consultation

        negated = roles.is_negated(tok) or (tok.pos_ == "NOUN" and _noun_negated(tok))
        status = status_of(tok, negated, date, article.published)
        etype, mode, code = intention(etype, mode, code, status)
        if status == "future" and etype in ("RETREAT", "CONCEDE") and offered(tok):
            etype, mode, code = "AGREE", None, "035"  # "is willing to withdraw its troops"
        if status == "negated" and etype in ("AGREE", "CONSULT") and roles.failed(tok):
            etype, mode, code, status = "REJECT", None, "120", "asserted"  # "failed to reach agreement"
        if status == "negated" and etype in REFUSED_AS and status_of(tok, False, date, article.published) == "future":
            # "will not lift the ban", "will not release the soldiers": a refusal, not a non-event
            (etype, code), mode, status = REFUSED_AS[etype], None, "asserted"
        info = cameo(code)
        span_start = tok.idx - sent.start_char
        confidence = event_confidence(0.9, source + target, basis, noun=tok.pos_ == "NOUN")
        key = f"{article.content_hash}|{sentence.index}|{span_start}|{etype}"
        return Event(
            event_id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            doc_id=article.doc_id,
            sentence_id=sentence.sentence_id,
            text=sentence.text,
            char_span=(span_start, span_start + len(tok.text)),
            trigger=tok.text if trig.obj is None else f"{tok.text} … {trig.obj.text}",
            event_type=etype,
            mode=mode,
            contexts=cue.contexts,
            status=status,
            quad_class=QUAD_CLASS[etype],
            intensity=intensity(etype, mode),
            cameo_root=info.root,
            goldstein=info.goldstein,
            source=source,
            target=target,
            date=date,
            date_precision=precision,  # type: ignore[arg-type]
            date_text=date_text,
            date_basis=basis,  # type: ignore[arg-type]
            confidence=confidence,
            coder_version=self.config.coder_version,
            published=article.published.isoformat() if article.published else None,
        )

    def _verb_roles(
        self, tok: Token, trig: Trigger, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...], bool]:
        resolve = self.resolver.resolve
        cue = trig.cue
        subj, passive = roles.subject_of(tok)
        agent = roles.agent_of(tok)
        source: tuple[Actor, ...] = ()
        target: tuple[Actor, ...] = ()
        if passive or (subj is None and agent is not None):
            source = resolve(agent, mentions, ctx, on) if agent is not None else ()
            target = resolve(subj, mentions, ctx, on) if subj is not None and passive else ()
        elif subj is not None:
            source = resolve(subj, mentions, ctx, on)
            for extra in stranded_conjuncts(subj, mentions):
                source += tuple(a for a in resolve(extra, mentions, ctx, on) if a not in source)
        elif tok.tag_ in ("VBD", "VBZ", "VBP"):  # a finite verb the parser left without subject
            for head in names_before(tok, mentions):
                source += tuple(a for a in resolve(head, mentions, ctx, on) if a not in source)
        objs = [o for o in roles.objects_of(tok) if o.lower_ not in ("that", "which")]
        for o in objs:
            target += tuple(a for a in resolve(o, mentions, ctx, on) if a not in target)
        preps = {p: o for p, o in roles.prep_objects(tok, roles.TARGET_PREPS | {"from", "by", "in"})}
        with_party = resolve(preps["with"], mentions, ctx, on) if "with" in preps else ()
        if not target:
            for p in ("to", "against", "on", "toward", "towards", "into", "upon", "over", "at"):
                if p in preps:
                    target = resolve(preps[p], mentions, ctx, on)
                    if target:
                        break
        if cue.event_type in ("RETREAT", "MOBILIZE") and _countries(target) <= _countries(source):
            # "withdrawing its troops from Syria": the source's own forces moved; the place is the target
            for p in ("from", "to", "into", "in"):
                place = tuple(a for a in resolve(preps[p], mentions, ctx, on) if a.country not in _countries(source)
                              ) if p in preps else ()  # fmt: skip
                if place:
                    target = place
                    break
        if not target and cue.event_type in NEEDS_TARGET:  # "warned that Japan would bear …"
            for clause in roles.children(tok, ("ccomp",)):
                csubj, _ = roles.subject_of(clause, max_hops=0)
                if csubj is not None:
                    target = resolve(csubj, mentions, ctx, on)
                    if target:
                        break
        # "called for sanctions against Uganda": what a request asks for may name the target
        asked = [o for _, o in roles.prep_objects(tok, {"for"})] if cue.event_type == "REQUEST" else []
        if not target:  # "restrictions on exports to South Korea": look one phrase deeper
            for o in objs + [preps[p] for p in ("with", "on") if p in preps] + asked:
                target = self._nested_target(o, mentions, ctx, on, places=cue.event_type == "ASSAULT")
                if target:
                    break
        if cue.frame == "recv":
            giver = resolve(preps["from"], mentions, ctx, on) if "from" in preps else ()
            source, target = giver, source
            if not source:
                source = self._other_party(target, ctx)
        joint = False
        if cue.frame == "joint" and with_party:
            if len(source) >= 2 or not target:
                source, target, joint = source + tuple(a for a in with_party if a not in source), (), True
        elif with_party and not target:
            target = with_party
        if not target and len(_countries(source)) == 1 and self._bilateral(tok, objs):
            target = self._other_party(source, ctx)
        if not target and not joint and len(_countries(source)) == 1:
            target = self._named_within(tok, subj, mentions, ctx, on, _countries(source))
        return source, target, joint

    def _named_within(
        self, tok: Token, subj: Token | None, mentions: dict[int, MentionSpan], ctx: Discourse,
        on: _dt.date | None, home: set[str],
    ) -> tuple[Actor, ...]:
        """The first other country the verb's own phrase names, when its roles gave no target:
        "agreed to lift a ban on imports of British beef", "imposed sanctions in relation to
        Iraq", "threatened to shell British forces" (the subject's words and other clauses'
        excluded)."""
        skip = {t.i for t in subj.subtree} if subj is not None else set()
        for c in tok.children:
            if c.dep_ in ("ccomp", "advcl", "parataxis", "conj", "relcl", "punct", "nsubj", "nsubjpass", "agent"):
                skip |= {t.i for t in c.subtree}
        for t in tok.subtree:
            m = mentions.get(t.i)
            if t.i in skip or m is None or t.i != m.end - 1 or m.kind not in PLACE_KINDS:
                continue
            found = tuple(a for a in self.resolver.resolve(t, mentions, ctx, on) if a.country and a.country not in home)
            if found:
                return found
        return ()

    def _noun_roles(
        self, tok: Token, cue: Cue, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...], bool]:
        resolve = self.resolver.resolve
        source: tuple[Actor, ...] = ()
        for c in tok.children:
            # "Israeli air strikes", "the UN's appeal"; not "a general strike" (an agent word as adjective)
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i in mentions
                                    and not (c.dep_ == "amod" and mentions[c.i].kind in ("agent", "title"))):
                source += resolve(c, mentions, ctx, on)
        agent = roles.agent_of(tok)
        if not source and agent is not None:
            source = resolve(agent, mentions, ctx, on)
        if not source:
            verb = roles.governing_verb(tok)
            during = tok.dep_ == "pobj" and tok.head.lower_ in DURING_PREPS and cue.frame == "joint"
            phrase = tok.head if tok.dep_ == "compound" else tok  # "launched a mediation effort"
            if verb is not None and (verb.lemma_.lower() in SUPPORT_VERBS or during) and phrase.dep_ in (
                "dobj", "pobj", "nsubjpass", "attr"
            ):
                subj, passive = roles.subject_of(verb)
                by = roles.agent_of(verb)
                if passive and by is not None and by.i != tok.i:  # "were placed under controls by Tokyo"
                    source = resolve(by, mentions, ctx, on)
                elif subj is not None and not passive and subj.i != tok.i:
                    source = resolve(subj, mentions, ctx, on)
                    for extra in stranded_conjuncts(subj, mentions):
                        source += tuple(a for a in resolve(extra, mentions, ctx, on) if a not in source)
        target: tuple[Actor, ...] = ()
        verb = roles.governing_verb(tok)
        if verb is not None and tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            # "Chinese goods were hit by a 104% US tariff": the passive subject is hit
            subj, passive = roles.subject_of(verb, max_hops=0)
            if subj is not None and passive:
                target = resolve(subj, mentions, ctx, on)
        joint = False
        preps = list(roles.prep_objects(tok, roles.TARGET_PREPS | {"of", "between", "among", "by"}))
        for p, obj in preps:
            if p in ("between", "among"):
                source, joint = source + resolve(obj, mentions, ctx, on), True
            elif p == "with" and cue.frame == "joint":
                source, joint = source + resolve(obj, mentions, ctx, on), True
            elif p in ("of",) and cue.event_type in ("CONSULT",) and not source:
                source = resolve(obj, mentions, ctx, on)  # "a visit of the president"
            elif p != "by" and not target and obj.lemma_.lower() not in FRAME_NOUNS:
                target = resolve(obj, mentions, ctx, on)
                if not target:
                    target = self._nested_target(obj, mentions, ctx, on, places=cue.event_type == "ASSAULT")
        if not target and len(_countries(source)) == 1 and self._bilateral(tok, []):
            target = self._other_party(source, ctx)
        source = tuple(a for a in source if a not in target) or source
        return source, target, joint

    def _celebrants(
        self, anniversary: Token, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None
    ) -> tuple[Actor, ...]:
        """Who marks an anniversary of an unattributed act ("To mark the 60th anniversary of
        the normalisation, Japan and South Korea held a ceremony") are its parties."""
        verb = roles.governing_verb(anniversary)
        while verb is not None and verb.dep_ in ("advcl", "xcomp", "ccomp", "acl") and not roles.subject_of(verb, 0)[0]:
            verb = verb.head
        if verb is None:
            return ()
        subj, passive = roles.subject_of(verb)
        if subj is None or passive:
            return ()
        found = self.resolver.resolve(subj, mentions, ctx, on)
        for extra in stranded_conjuncts(subj, mentions):
            found += tuple(a for a in self.resolver.resolve(extra, mentions, ctx, on) if a not in found)
        return found if len(_countries(found)) >= 2 else ()

    def _nested_target(
        self, head: Token, mentions: dict[int, MentionSpan], ctx: Discourse, on: _dt.date | None,
        places: bool = False,
    ) -> tuple[Actor, ...]:
        """A recipient one or two phrases down ("restrictions on exports to South Korea"); with
        ``places``, a place counts ("strikes on nine sites in Pakistan")."""
        preps = roles.TARGET_PREPS | {"from", "of", "for"} | (LOCATIVE_PREPS if places else set())
        pairs = list(roles.prep_objects(head, preps))
        for appos in roles.children(head, ("appos",)):  # "GSOMIA, its pact with Tokyo"
            pairs += list(roles.prep_objects(appos, preps))
        for p, obj in pairs:
            if (p in LOCATIVE_PREPS and not places) or obj.lemma_.lower() in FRAME_NOUNS:
                continue
            found = self.resolver.resolve(obj, mentions, ctx, on)
            if found:
                return found
            deeper = [o for _, o in roles.prep_objects(obj, {"to", "on", "against", "of"} | (LOCATIVE_PREPS if places else set()))]
            for d in deeper:
                found = self.resolver.resolve(d, mentions, ctx, on)
                if found:
                    return found
        return ()

    def _bilateral(self, tok: Token, objs: list[Token]) -> bool:
        words = {t.lower_ for o in [tok, *objs] for t in o.subtree}
        return "bilateral" in words

    def _implied_target(self, etype: str, source: tuple[Actor, ...], ctx: Discourse) -> tuple[Actor, ...]:
        """The recipient the text leaves implicit. Citizens, businesses or an opposition who
        protest or demand address their own government; a state addresses the other state of
        the document's dyad."""
        src = source[0]
        if etype in ("PROTEST", "REQUEST", "ACCUSE") and src.sector in DOMESTIC_SECTORS:
            return (Actor(f"{_name(self, src.country)} government", src.country, "GOV", None, None, "context"),)
        if src.sector in DOMESTIC_SECTORS and etype == "PROTEST":
            return ()
        return self._other_party(source, ctx)

    def _other_party(self, side: tuple[Actor, ...], ctx: Discourse) -> tuple[Actor, ...]:
        have = {a.country for a in side}
        for c in reversed(ctx.countries):
            if c not in have:
                return (self.resolver._country_actor(c, "context", sector="GOV"),)
        return ()

    def _nearest_other(
        self, tok: Token, sent: Span, target: tuple[Actor, ...], mentions: dict[int, MentionSpan],
        ctx: Discourse, on: _dt.date | None,
    ) -> tuple[Actor, ...]:
        """Source of an agentless event noun: the nearest actor before it in the sentence that is
        not its target ("Lee's criticism … after the boycott of …")."""
        have = {a.country for a in target}
        for t in reversed(sent[: tok.i - sent.start]):
            if t.dep_ in ("pobj", "dobj"):
                continue  # "criticism of Japan": an object is not who acted
            if t.i in mentions and mentions[t.i].end - 1 == t.i and t.head.i not in mentions:
                found = self.resolver.resolve(t, mentions, ctx, on)
                found = tuple(a for a in found if a.country not in have and a.country)
                if found:
                    return tuple(Actor(a.name, a.country, a.sector, a.person, a.role, "context") for a in found)
        return ()

    def _enough(self, etype: str, source: tuple[Actor, ...], target: tuple[Actor, ...], joint: bool) -> bool:
        """The rule for whether actors make an event (a hook: the classifier's pass relaxes it)."""
        return enough_actors(etype, source, target, joint)

    def _remember(self, sent: Span, mentions: dict[int, MentionSpan], ctx: Discourse, published: _dt.date | None) -> None:
        seen: set[MentionSpan] = set()
        for tok in sent:
            m = mentions.get(tok.i)
            if m is None or m in seen or tok.i != m.end - 1:
                continue
            seen.add(m)
            if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
                continue
            ctx.note(tok.i, self.resolver.resolve(tok, mentions, ctx, published))


def _name(coder: EventCoder, iso3: str | None) -> str:
    c = coder.resolver.kb.country_by_code(iso3) if iso3 else None
    return c.name if c else (iso3 or "?")


def intention(etype: str, mode: str | None, code: str, status: str) -> tuple[str, str | None, str]:
    """Type, mode and CAMEO code of an event, a planned action recoded as its intention."""
    if status == "future" and etype in FUTURE_AS:
        etype, code = FUTURE_AS[etype]
        return etype, None, code
    return etype, mode, code


def event_confidence(base: float, actors: tuple[Actor, ...], date_basis: str, *, noun: bool) -> float:
    """``base``, less 0.2 for an actor taken from context or placed by location, 0.1 for a date
    not written with the event, 0.1 for an event noun (no verb); never below 0.3."""
    confidence = base
    if any(a.basis in ("context", "coreference", "location") for a in actors):
        confidence -= 0.2
    if date_basis in ("context", "publication"):
        confidence -= 0.1
    if noun:
        confidence -= 0.1
    return round(max(confidence, 0.3), 2)


def enough_actors(etype: str, source: tuple[Actor, ...], target: tuple[Actor, ...], joint: bool) -> bool:
    """Whether the actors found make an event: someone with a country (or a named person as
    source), and a source and a target, or a joint action (or several parties cooperating), or a
    one-sided type, or a source with a country or a person acting alone ("the court refused to
    lift the ban")."""
    if not any(a.country for a in source + target) and not any(a.person for a in source):
        return False  # a named person acts even where the text gives no country ("Jeenbekov resigned")
    if source and target:
        return True
    if not source and etype == "ASSAULT":
        return True  # "two civilians were killed in Kabul": violence whose perpetrator is unknown
    if len(source) >= 2 and (joint or len(_countries(source)) >= 2 and QUAD_CLASS[etype] <= 2):
        return True  # a joint action, or several parties cooperating
    named = any(a.country or a.person for a in source)  # a country however found, or a person
    return bool(source) and (etype in ONE_SIDED or named)


def domestic(source: tuple[Actor, ...], target: tuple[Actor, ...], kb: KnowledgeBase
             ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """"Beijing police detained 18 people": an agent with no country of its own ("people", "the
    government") is taken to be of the other side's country when that side has exactly one
    (basis ``context``); with none, it is left out."""
    def fill(side: tuple[Actor, ...], other: tuple[Actor, ...]) -> tuple[Actor, ...]:
        countries = _countries(other) - {"IGO"}
        home = next(iter(countries)) if len(countries) == 1 else None
        out = []
        for a in side:
            if a.country is None and a.sector is not None and a.person is None:
                if home is None:
                    continue
                a = Actor(f"{country_name(kb, home)} {a.name}", home, a.sector, None, None, "context")
            out.append(a)
        return tuple(out)

    return fill(source, target), fill(target, source)


def _countries(actors: tuple[Actor, ...]) -> set[str]:
    return {a.country for a in actors if a.country}


def _noun_negated(tok: Token) -> bool:
    verb = roles.governing_verb(tok)
    return verb is not None and roles.is_negated(verb) and tok.dep_ in ("dobj", "nsubjpass")
