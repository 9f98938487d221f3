"""Quote attribution: who said what, when (docs/quotes.md).

:class:`QuoteExtractor` takes a parsed article (the same ``Doc`` the event coder codes) and
returns :class:`~dyadwatch.records.Quote` records:

1. **Direct quotes** from the quotation marks (:mod:`.quotes_marks`, :mod:`.quotes_direct`).
   A quote without cue takes the speaker of a quote in the two sentences before it (basis
   ``context``), else none.
2. **Indirect speech** (:mod:`.quotes_cues`): a cue's complement clause ("Lee detailed that
   …"), object ("emphasizing the importance of …") or infinitive ("pledged to …"), a report
   noun's "that" clause, and the clause an "according to X" phrase hangs from. What a direct
   quote already covers is not repeated.
3. **Speaker**: the cue's source (subject, possessor, "according to" object), resolved by
   :mod:`.quotes_speakers`.
4. **Date**: a time expression in the cue's own phrase (not in the quote): "said on Tuesday",
   else the publication date (``date_basis="publication"``), else None. An expression that is
   found but cannot be resolved gives None, not the publication date.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..config import Config
from ..nlp.dates import find_time_expressions
from ..records import Article, DateBasis, Quote, Sentence, TimeExpr
from . import quotes_cues as cues
from . import roles
from .actors import ActorResolver, Discourse, MentionSpan
from .dating import representative_day
from .quotes_direct import (
    Candidate,
    direct_candidates,
    quoted_tokens,
    runs,
    sent_index,
    strip_end,
    trim,
)
from .quotes_marks import find_quoted
from .quotes_speakers import NO_SPEAKER, Memory, Speaker, SpeakerResolver

#: A quote without cue takes the speaker of a quote this many sentences before it at most.
CONTEXT_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote with the character spans behind it (for evaluation and display): the content
    parts (an interrupted quote has several), the cue and the speaker as written."""

    quote: Quote
    parts: tuple[tuple[int, int], ...]
    cue_span: tuple[int, int] | None
    speaker_span: tuple[int, int] | None


class QuoteExtractor:
    """Stateless across documents: build once, call :meth:`extract` per parsed article."""

    def __init__(self, resolver: ActorResolver, config: Config) -> None:
        self.resolver = resolver
        self.config = config
        self.speakers = SpeakerResolver(resolver)

    def extract(self, article: Article, doc: Doc, sentences: Sequence[Sentence]) -> list[Quote]:
        """Quotes of one parsed article, in text order. ``sentences`` are the article's
        sentences as the event coder made them (one per ``doc.sents`` item); when they do not
        match the Doc they are rebuilt the same way."""
        return [a.quote for a in self.attributions(article, doc, sentences)]

    def attributions(self, article: Article, doc: Doc, sentences: Sequence[Sentence]) -> list[Attribution]:
        """:meth:`extract` with the content, cue and speaker spans of each quote."""
        sents = list(doc.sents)
        if len(sentences) != len(sents):
            sentences = [_sentence(article, s, i) for i, s in enumerate(sents)]
        starts = [s.start_char for s in sents]
        text = doc.text  # Doc.text joins every token: read once per document
        spans = [q for q in (trim(q, text, sents, starts) for q in find_quoted(text)) if q is not None]
        quoted = quoted_tokens(doc, spans)
        direct = direct_candidates(doc, text, sents, starts, spans, quoted)
        used = {c.cue.i for c in direct if c.cue is not None}
        covered = set().union(*(c.content for c in direct)) if direct else set()
        mentions = self.resolver.mentions(doc)
        indirect = self._indirect(text, sents, quoted, used, covered, mentions)
        labelled = self._labelled(doc, text, sents, quoted, used)
        taken = set().union(*(c.content for c in labelled)) if labelled else set()
        indirect = [c for c in indirect if c.cue is None or c.cue.i not in taken] + labelled
        cands = sorted(direct + indirect, key=lambda c: c.parts[0][0])
        return self._resolve(article, doc, sents, sentences, cands, quoted, mentions)

    # -- indirect speech ---------------------------------------------------------------------
    def _indirect(self, text: str, sents: list[Span], quoted: set[int], used: set[int], covered: set[int],
                  mentions: dict[int, MentionSpan]) -> list[Candidate]:
        out: list[Candidate] = []
        for index, sent in enumerate(sents):
            if len(sent.text) > self.config.max_sentence_chars:
                continue
            for tok in sent:
                if tok.i in quoted or tok.i in used:
                    continue
                if cues.is_according(tok):
                    if tok.head.i in used:
                        continue  # "“…,” Ishiba said, according to the presidential office"
                    toks = cues.according_clause(tok, sent)
                elif (named := cues.naming_content(tok)) and not roles.is_negated(tok):
                    if not self.speakers.plausible(cues.source_of(tok), mentions):
                        continue
                    toks = [t for t in named if sent.start <= t.i < sent.end]
                elif tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and not roles.is_negated(tok):
                    head, skip = cues.reported_head(tok), {tok.i}
                    if head is None and (head := cues.trailing_clause(tok)) is not None:
                        skip = {t.i for t in tok.subtree}  # "Trade will grow, he said"
                    if head is None or cues.descriptive(tok):
                        continue  # nothing reported, or "known as", "is expected to"
                    source = cues.source_of(tok)
                    if not self.speakers.plausible(source, mentions) or (source is None and tok.pos_ in ("ADJ", "NOUN")):
                        continue  # a view needs a holder: not "his ascent signalled …"
                    skip |= cues.next_report(head)
                    reported = cues.content_tokens(head, exclude=skip) + cues.object_tail(tok, head)
                    toks = [t for t in cues.without_aside(reported) if sent.start <= t.i < sent.end]
                    if toks and toks[-1].i < tok.i:  # "… . An acre can convert 156 tons, he said"
                        toks = _paragraph_before(text, sents, index, quoted) + toks
                else:
                    continue
                content = {t.i for t in toks}
                if cues.words(toks) < 2 or tok.i in content:
                    continue
                if cues.words([t for t in toks if t.i in covered]) * 2 >= cues.words(toks):
                    continue  # a direct quote (or a clause already taken) says it
                out.append(Candidate(runs(toks), False, tok, index, [], content, index, index))
        # a view inside another report ("expressed his desire to …") is part of that report
        return [c for c in out if c.cue is None or cues.is_speech(c.cue)
                or not any(o is not c and c.cue.i in o.content for o in out)]

    def _labelled(self, doc: Doc, text: str, sents: list[Span], quoted: set[int], used: set[int]) -> list[Candidate]:
        """"PENCE: Well, look, …" (a transcript) and "Pence: Flowers won't be at debate" (a
        headline): a name and a colon open a line, the rest of the line is what the name says."""
        out: list[Candidate] = []
        for index, sent in enumerate(sents):
            if text[: sent.start_char].rstrip(" \t")[-1:] not in ("", "\n"):
                continue  # only at the start of a line
            colon = next((t for t in sent[:6] if t.text == ":"), None)
            if colon is None or colon.i == sent.start or colon.i in quoted or colon.i in used:
                continue
            name = doc[sent.start : colon.i]
            if not all(t.pos_ == "PROPN" or t.is_upper for t in name) or not cues.speaker_label(name, self.resolver):
                continue
            toks = []
            for t in doc[colon.i + 1 :]:
                if "\n" in t.text:
                    break
                toks.append(t)
                if "\n" in t.whitespace_:
                    break
            toks = [t for t in toks if t.pos_ != "SPACE"]
            if cues.words(toks) < 3:
                continue
            last = next((i for i, s in enumerate(sents) if s.start <= toks[-1].i < s.end), index)
            out.append(Candidate(runs(toks), False, colon, index, ["labelled"], {t.i for t in toks}, index, last))
        return out

    # -- speakers, dates, records -----------------------------------------------------------
    def _resolve(self, article: Article, doc: Doc, sents: list[Span], sentences: Sequence[Sentence],
                 cands: list[Candidate], quoted: set[int], mentions: dict[int, MentionSpan]) -> list[Attribution]:
        ctx, memory = Discourse(), Memory()
        by_anchor: dict[int, list[Candidate]] = {}
        for cand in cands:
            by_anchor.setdefault(cand.anchor, []).append(cand)
        done: list[tuple[Candidate, Speaker, str | None, DateBasis | None, list[str]]] = []
        pub = article.published
        for index, sent in enumerate(sents):
            ctx.begin_sentence()
            self.speakers.remember(sent, mentions, ctx, memory, quoted, pub)
            for cand in by_anchor.get(index, []):
                if _continue(cand, done):
                    continue  # the next sentences of a quote: the same quote
                date, basis = self._date(cand, sent, pub, quoted)
                flags = list(cand.flags)
                if cand.cue is None:
                    flags.append("no_cue")
                    speaker = _from_context(cand, done)
                else:
                    speaker = self._speaker(cand, mentions, ctx, memory, representative_day(date, pub))
                if speaker.actor is None:
                    flags.append("no_speaker")
                elif speaker.several:
                    flags.append("several_speakers")
                done.append((cand, speaker, date, basis, flags))
        out: dict[str, Attribution] = {}
        for item in done:  # "expressed hope that …": two cues, one content, one quote (the first)
            rec = self._record(article, doc, sentences, *item)
            out.setdefault(rec.quote.quote_id, rec)
        return sorted(out.values(), key=lambda a: (a.parts[0][0], a.parts[-1][1]))

    def _speaker(self, cand: Candidate, mentions: dict[int, MentionSpan], ctx: Discourse, memory: Memory,
                 on: _dt.date | None) -> Speaker:
        subj = cues.source_of(cand.cue) if cand.cue is not None else None
        if subj is None or subj.i in cand.content:
            return NO_SPEAKER
        return self.speakers.speaker(subj, mentions, ctx, memory, on)

    def _date(self, cand: Candidate, sent: Span, pub: _dt.date | None,
              quoted: set[int]) -> tuple[str | None, DateBasis | None]:
        """A time expression in the cue's own phrase (outside the content and any quote), else
        the publication date."""
        cue = cand.cue
        fallback: tuple[str | None, DateBasis | None] = (pub.isoformat(), "publication") if pub else (None, None)
        if cue is None:
            return fallback
        own = [t for t in cue.subtree
               if t.i not in cand.content and t.i not in quoted and sent.start <= t.i < sent.end]
        base = sent.start_char
        hits: list[TimeExpr] = [
            e for e in find_time_expressions(sent.text, pub)
            if any(t.idx - base <= e.start < t.idx - base + len(t) for t in own)
        ]
        if not hits:
            return fallback
        pos = cue.idx - base
        best = min(hits, key=lambda e: min(abs(e.start - pos), abs(e.end - pos)))
        return (best.date, best.basis) if best.date is not None else (None, None)

    def _record(self, article: Article, doc: Doc, sentences: Sequence[Sentence], cand: Candidate,
                speaker: Speaker, date: str | None, basis: DateBasis | None, flags: list[str]) -> Attribution:
        parts = list(cand.parts)
        if cand.direct:
            parts[-1] = strip_end(article.text, *parts[-1])  # the Doc's text (Doc.text rebuilds it)
        lo, hi = parts[0][0], parts[-1][1]
        covers = [s for s in sentences if s.start < hi and lo < max(s.end, s.start + 1)]
        first = covers[0] if covers else sentences[sent_index([s.start for s in sentences], lo)]
        key = f"{article.content_hash}|{lo}|{hi}"
        quote = Quote(
            quote_id="qt-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            doc_id=article.doc_id,
            sentence_id=first.sentence_id,
            quote=" ".join(article.text[a:b] for a, b in parts),
            char_span=(lo, hi),
            direct=cand.direct,
            cue=cues.cue_text(cand.cue) if cand.cue is not None else None,
            speaker=speaker.actor,
            speaker_text=speaker.text,
            speaker_basis=speaker.basis if speaker.actor is not None else None,
            date=date,
            date_basis=basis,
            sentence_ids=tuple(s.sentence_id for s in covers) or (first.sentence_id,),
            flags=tuple(dict.fromkeys(flags)),
            coder_version=self.config.coder_version,
        )
        return Attribution(quote, tuple(parts), _cue_span(cand.cue), speaker.span)


def _paragraph_before(text: str, sents: list[Span], index: int, quoted: set[int]) -> list[Token]:
    """The sentences before ``index`` in its paragraph, back to one with a quote, a cue or a
    colon: a report whose cue ends it ("The trees soak up carbon. An acre can convert 156 tons,
    he said") covers what the paragraph said before it (as PolNeAR annotates)."""
    out: list[Token] = []
    for k in range(index - 1, -1, -1):
        prev, cur = sents[k], sents[k + 1]
        if "\n" in text[prev.end_char - 1 : cur.start_char] or "\n" in text[prev.start_char : prev.end_char].strip():
            break
        if any(t.i in quoted or cues.is_cue_verb(t) or cues.is_according(t) or t.text == ":" for t in prev):
            break
        out = [t for t in prev if t.pos_ != "SPACE"] + out
    return out


def _sentence(article: Article, sent: Span, index: int) -> Sentence:
    text = sent.text.rstrip()
    return Sentence(article.doc_id, f"{article.content_hash[:16]}-s{index:04d}", index, text,
                    sent.start_char, sent.start_char + len(text))


def _continue(cand: Candidate, done: list[tuple[Candidate, Speaker, str | None, DateBasis | None, list[str]]]) -> bool:
    """A direct quote without cue (or with the same cue: a sentence the parser did not split)
    that starts right after an attributed direct quote (in the sentence after its attribution, or
    the next paragraph) goes on with it: its parts join the earlier quote (flag ``continued``)."""
    if not cand.direct or not done:
        return False
    prev, speaker, *_rest, flags = done[-1]
    if not prev.direct or prev.cue is None or speaker.actor is None:
        return False
    if cand.cue is not None and cand.cue.i != prev.cue.i:
        return False  # a quote with a cue of its own; the same cue: the parser did not split '… said X. “…”'
    if prev.parts[-1][1] > cand.parts[0][0] or cand.first - max(prev.anchor, prev.last) > 1:
        return False
    prev.parts.extend(cand.parts)
    prev.content |= cand.content
    prev.last = cand.last
    if "unbalanced_quotes" in cand.flags:
        flags.append("unbalanced_quotes")
    flags.append("continued")
    return True


def _from_context(cand: Candidate, done: list[tuple[Candidate, Speaker, str | None, DateBasis | None, list[str]]]
                  ) -> Speaker:
    """A direct quote without cue takes the speaker of the quote just before it."""
    prior = [(c, s) for c, s, *_ in done if c.parts[-1][1] <= cand.parts[0][0]]
    if not cand.direct or not prior:
        return NO_SPEAKER
    last, speaker = prior[-1]
    if speaker.actor is None or cand.anchor - last.anchor > CONTEXT_SENTENCES:
        return NO_SPEAKER
    return Speaker(replace(speaker.actor, basis="context"), speaker.text, "context", speaker.span)


def _cue_span(cue: Token | None) -> tuple[int, int] | None:
    if cue is None:
        return None
    if cues.is_according(cue):
        to = cue.nbor(1) if cue.i + 1 < len(cue.doc) else cue
        return cue.idx, to.idx + len(to)
    return cue.idx, cue.idx + len(cue)
