"""Direct quotes: quotation-mark spans (:mod:`.quotes_marks`) turned into quote candidates with
their cue.

* A quote interrupted by its attribution (``"…," he said, "…"``) is one candidate.
* The cue is a word outside the marks in the sentence where the quote starts or ends (or in the
  gap of an interrupted quote, or a sentence ending with a colon just before): first a word
  that governs the quote in the parse (a verb of the vocabulary, or any verb with a subject
  whose complement is the quote: "“…,” Trump tweeted"), else the nearest cue verb, the latter
  only for a quote that stands as a sentence.
* A quoted fragment inside a reported clause ("Lee said trade grew from '200 million …'") gives
  the whole clause, flagged ``partial_quote``.
* A quote with no cue is kept when it reads as a statement (a verb, and five words or more, or
  three for a quoted sentence); a name or scare quote ("the “America First” policy") is not.
* An unbalanced quote is cut at the end (or start) of the sentence of its only mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import quotes_cues as cues
from .quotes_marks import QuotedSpan

MIN_CUELESS_WORDS = 5
#: How a quoted sentence hangs from a verb outside the vocabulary that introduces it.
COMPLEMENT = ("ccomp", "dobj", "parataxis", "xcomp", "oprd", "attr")
FINITE = ("VBD", "VBZ", "VBP", "MD")
QUOTE_MARKS = set("\"“”«»„'‘’")


@dataclass
class Candidate:
    """A quote before its speaker is resolved: content character ranges, the cue word, and the
    sentence where the speaker is looked up."""

    parts: list[tuple[int, int]]
    direct: bool
    cue: Token | None
    anchor: int
    flags: list[str] = field(default_factory=list)
    content: set[int] = field(default_factory=set)  # token indices of the content
    first: int = -1  # sentences the content starts and ends in
    last: int = -1


def direct_candidates(doc: Doc, text: str, sents: list[Span], starts: list[int], spans: list[QuotedSpan],
                      quoted: set[int]) -> list[Candidate]:
    """Candidates for the quoted spans of a document (``text``: its text, read once, since
    Doc.text joins every token; ``quoted``: every token inside marks)."""
    out: list[Candidate] = []
    for group in _groups(doc, text, spans):
        lo, hi = group[0].outer[0], group[-1].outer[1]
        first, last = sent_index(starts, lo), sent_index(starts, hi - 1)
        inside = {t.i for q in group for t in tokens(doc, *q.outer)}
        window = [t for t in sents[first] if t.idx < lo] + [t for t in sents[last] if t.idx >= hi]
        window += [t for t in doc[sents[first].start : sents[last].end] if lo <= t.idx < hi and t.i not in inside]
        cue, link = _cue(doc, text, group, [t for t in window if t.i not in quoted], inside)
        if cue is None:  # "“…,” | he said." split in two, or "He said: | “…”"
            nxt = sents[last + 1] if last + 1 < len(sents) else None
            if nxt is not None and nxt.start_char - hi <= 3 and (nxt[0].is_lower or _bare_attribution(nxt)):
                cue, link = _cue(doc, text, group, [t for t in nxt if t.i not in quoted], inside)
            elif first > 0 and sents[first - 1].text.rstrip().endswith(":") and lo - sents[first].start_char <= 2:
                cue, link = _cue(doc, text, group, [t for t in sents[first - 1] if t.i not in quoted], inside)
        flags = [] if all(q.balanced for q in group) else ["unbalanced_quotes"]
        if len(group) > 1:
            flags.append("interrupted")
        if cue is not None and link is not None and not cues.is_according(cue):
            toks = cues.content_tokens(link, exclude={cue.i})
            content = {t.i for t in toks}  # "said Trump has “enormous respect” … and his comment was …"
            toks += [t for t in cues.object_tail(cue, link) if t.i not in content]
            content = {t.i for t in toks}
            if cues.words([t for t in toks if t.i not in inside]) >= 2 and cue.i not in content:
                if any(c.cue is not None and c.cue.i == cue.i and c.content >= content for c in out):
                    continue  # a second fragment of a clause already taken
                anchor = sent_index(starts, cue.idx)  # a partial quote inside a reported clause
                out.append(Candidate(runs(toks), False, cue, anchor, flags + ["partial_quote"], content, first, last))
                continue
        parts = [(q.start, q.end) for q in group]
        if cue is None and not _sentential(doc, text, group, inside):
            continue  # a scare quote or a title: "the “America First” policy"
        anchor = sent_index(starts, cue.idx) if cue is not None else last
        out.append(Candidate(parts, True, cue, anchor, flags, inside, first, last))
    return out


def _introduces(tok: Token, lo: int) -> bool:
    """A participle of saying after a comma with only adverbs and punctuation between it and the
    quote at ``lo`` (the parser often hangs it from the quoted clause instead)."""
    if tok.idx >= lo or not cues.participle_after_comma(tok):
        return False
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and doc[i].idx < lo:  # only the words up to the quote (not the rest of the Doc)
        if doc[i].pos_ not in ("PUNCT", "ADV", "SPACE"):
            return False
        i += 1
    return True


def _bare_attribution(sent: Span) -> bool:
    """"“…?” | Vitter demanded.": a short sentence that is only a speaker and a cue verb (the
    parser split it from the quote before it)."""
    root = sent.root
    return (cues.is_cue_verb(root) and cues.words(list(sent)) <= 8
            and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj") for c in root.children))


def _cue(doc: Doc, text: str, group: list[QuotedSpan], window: list[Token], inside: set[int]
         ) -> tuple[Token | None, Token | None]:
    lo, hi = group[0].outer[0], group[-1].outer[1]
    full = full_quote(text, group[0])
    best: tuple[int, int, int, Token, Token | None] | None = None
    for tok in window:
        listed = cues.is_cue_verb(tok) or cues.is_according(tok)
        if not listed and tok.pos_ != "VERB":
            continue
        link = cues.link(tok, inside)
        if cues.descriptive(tok):
            continue  # "known as the ‘lost decade’"
        if not listed and (not full or link is None or link.i not in inside or link.dep_ not in COMPLEMENT
                           or cues.source_of(tok) is None):
            continue  # another verb counts only when a quoted sentence is its complement
        if link is None and not full:
            continue  # a quoted fragment must hang from its cue
        dist = lo - tok.idx if tok.idx < lo else max(tok.idx - hi, 0)
        if lo <= tok.idx < hi:
            dist = 0  # the attribution between the parts of an interrupted quote
        if link is None and listed and _introduces(tok, lo):
            key = (0, 0, dist)  # "…, adding later, “…”": the participle right before the quote
        else:
            key = (0 if link is not None else 1, 0 if listed else 1, dist)
        if best is None or key < best[:3]:
            best = (*key, tok, link)
    return (best[3], best[4]) if best is not None else (None, None)


def _groups(doc: Doc, text: str, spans: list[QuotedSpan]) -> list[list[QuotedSpan]]:
    """Quotes interrupted by their attribution ("“…,” he said, “…”") form one group."""
    groups: list[list[QuotedSpan]] = []
    for q in spans:
        if groups:
            prev = groups[-1][-1]
            gap = text[prev.outer[1] : q.outer[0]]
            before = text[prev.start : prev.end].rstrip()
            if (len(gap) <= 80 and "\n" not in gap and gap.strip().endswith((",", ":"))
                    and (before.endswith(",") or gap.lstrip().startswith(","))
                    and _one_report(tokens(doc, prev.outer[1], q.outer[0]))):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


def _one_report(gap: list[Token]) -> bool:
    """The words between two quotes hold a cue, and not a second one after a comma ("“…,” Trump
    said, adding later, “…”": the second quote is what he added)."""
    found = [t for t in gap if cues.is_cue_verb(t)]
    return bool(found) and not any(t.doc[t.i - 1].text == "," for t in found[1:])


def full_quote(text: str, q: QuotedSpan) -> bool:
    """A quote standing as a sentence, not a quoted name or phrase: after a colon, a comma or a
    line start, or ending with its own punctuation ("…,”", "….”")."""
    lo = q.outer[0]
    before = text[max(0, lo - 3) : lo].rstrip(" \t")
    if not before or before.endswith((":", ",", "\n")):
        return True
    inner = text[q.start : q.end].rstrip()
    return inner.endswith((".", ",", "!", "?")) and len(inner.split()) >= 3


def _sentential(doc: Doc, text: str, group: list[QuotedSpan], inside: set[int]) -> bool:
    """A quote that reads as a statement: a verb and enough words, or a whole quoted sentence."""
    if any(q.continued for q in group):
        return True
    toks = [doc[i] for i in sorted(inside)]
    if not any(t.tag_ in FINITE for t in toks):
        return False
    n = cues.words(toks)
    return n >= MIN_CUELESS_WORDS or (n >= 3 and full_quote(text, group[0]))


def trim(q: QuotedSpan, text: str, sents: list[Span], starts: list[int]) -> QuotedSpan | None:
    """An unbalanced quote is cut to the sentence of its only mark (``text``: the document's)."""
    if q.balanced or not sents:
        return q
    if q.open_at is not None:
        start, end = q.start, min(q.end, sents[sent_index(starts, q.open_at)].end_char)
    else:
        start, end = max(q.start, sents[sent_index(starts, max(q.end - 1, 0))].start_char), q.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if end <= start:
        return None
    return QuotedSpan(start, end, q.kind, q.open_at, q.close_at, q.continued)


def sent_index(starts: list[int], pos: int) -> int:
    """Index of the sentence containing character ``pos`` (``starts`` sorted)."""
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def tokens(doc: Doc, lo: int, hi: int) -> list[Token]:
    span = doc.char_span(lo, hi, alignment_mode="expand")
    return list(span) if span is not None else []


def quoted_tokens(doc: Doc, spans: list[QuotedSpan]) -> set[int]:
    return {t.i for q in spans for t in tokens(doc, *q.outer)}


def strip_end(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Without the comma or colon that hands a quote over to its attribution ("…,” he said")."""
    while hi > lo and text[hi - 1] in " ,;:":
        hi -= 1
    return lo, hi


def runs(toks: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of runs of adjacent tokens, without punctuation at their edges."""
    groups: list[list[Token]] = []
    for t in sorted(toks, key=lambda t: t.i):
        if groups and t.i == groups[-1][-1].i + 1:
            groups[-1].append(t)
        else:
            groups.append([t])
    out: list[tuple[int, int]] = []
    for g in groups:
        while g and g[0].pos_ in cues.WORD and g[0].text not in QUOTE_MARKS:
            g = g[1:]
        while g and g[-1].pos_ in cues.WORD and g[-1].text not in QUOTE_MARKS:
            g = g[:-1]
        if g:
            out.append((g[0].idx, g[-1].idx + len(g[-1])))
    return out
