"""Who said what, in Japanese and Korean.

Direct: a bracketed span (「…」『…』 in Japanese; "…" “…” ‘…’ in either) followed by a verb of
saying from ``markers.tsv`` (と述べた, と強調した; 라고 말했다, 고 밝혔다). Indirect: a sentence
whose subject phrase is followed, later in the sentence, by a verb of saying with no brackets
(石破首相は関係を発展させたいと述べた): the words between the subject and the verb are the
content. The speaker is the sentence's subject (は/が, 은/는/이/가) before the quote, else the
nearest actor phrase in the sentence; the date is the sentence's time expression, else the
publication date (a statement is news of the day it is reported).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from typing import Final

from ...config import Config
from ...records import Article, Quote, Sentence, TimeExpr
from .actors import DocContext, Phrase, PhraseResolver
from .lexicon import CjkLexicon

BRACKETS: Final = re.compile(r"「([^「」]+)」|『([^『』]+)』|“([^“”]+)”|\"([^\"]+)\"|‘([^‘’]+)’")
#: Characters between the closing bracket and the verb of saying: と / 라고 / 고 and a subject.
SPEECH_REACH: Final = 30


class CjkQuotes:
    """Quote extraction for one language; :meth:`CjkCoder.code` calls :meth:`sentence`."""

    def __init__(self, lexicon: CjkLexicon, resolver: PhraseResolver, config: Config) -> None:
        self.lex = lexicon
        self.resolver = resolver
        self.config = config

    def sentence(self, article: Article, sentence: Sentence, phrases: list[Phrase], exprs: list[TimeExpr],
                 ctx: DocContext) -> list[Quote]:  # fmt: skip
        """The quotes of one sentence, its speakers resolved in the document's context so far
        (called by the coder as it walks the document, before the sentence's actors are noted)."""
        text = sentence.text
        quotes: list[Quote] = []
        spans = []
        for m in BRACKETS.finditer(text):
            cue = self.lex.marked("speech", text[m.end():m.end() + SPEECH_REACH])
            if cue is None or cue.start() > 12:
                continue
            start = next(m.start(g) for g in range(1, 6) if m.group(g) is not None)
            end = next(m.end(g) for g in range(1, 6) if m.group(g) is not None)
            spans.append((start, end, text[m.end() + cue.start():m.end() + cue.end()], True))
        if not spans:
            cue = self.lex.marked("speech", text)
            subj = next((p for p in phrases if p.role == "subj"), None)
            if cue is not None and subj is not None and subj.end < cue.start():
                rest = text[subj.end + len(subj.particle or ""):cue.start()]
                lead = len(rest) - len(rest.lstrip(" 、,"))
                content = rest.strip(" 、,")
                if len(content) >= 4:
                    start = subj.end + len(subj.particle or "") + lead
                    spans.append((start, start + len(content), cue.group(), False))
        for start, end, cue_text, direct in spans:
            speaker_phrase = next((p for p in reversed(phrases) if p.role == "subj" and p.end <= start), None) \
                or next((p for p in phrases if p.role == "subj" and p.start >= end), None) \
                or next((p for p in phrases if not (start <= p.start < end)), None)  # fmt: skip
            on = article.published
            expr = next((e for e in exprs if e.date is not None and not (start <= e.start < end)), None)
            if expr is not None:
                on = _dt.date.fromisoformat(expr.date) if len(expr.date or "") == 10 else on
            actors = self.resolver.resolve(speaker_phrase, ctx, on) if speaker_phrase is not None else ()
            speaker = actors[0] if actors else None
            flags = () if speaker is not None else ("no_speaker",)
            a, b = sentence.start + start, sentence.start + end
            key = f"{article.content_hash}|{a}|{b}"
            date, basis = ((expr.date, expr.basis) if expr is not None else
                           ((article.published.isoformat(), "publication") if article.published else (None, None)))  # fmt: skip
            quotes.append(Quote(
                quote_id="qt-" + hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=article.doc_id,
                sentence_id=sentence.sentence_id, quote=text[start:end], char_span=(a, b), direct=direct,
                cue=cue_text, speaker=speaker, speaker_text=speaker_phrase.text if speaker_phrase else None,
                speaker_basis="text" if speaker is not None else None, date=date, date_basis=basis,  # type: ignore[arg-type]
                sentence_ids=(sentence.sentence_id,), flags=flags, coder_version=self.config.coder_version,
            ))  # fmt: skip
        return quotes
