"""Syntax rules of quote cues on hand-built parses, so a rule is tested on the tree it is meant
for whatever the statistical parser does with the sentence today."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadwatch.coding import quotes_cues as cues


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """``rows``: (word, head index, dependency, coarse POS, fine tag) per token."""
    words, heads, deps, pos, tags = (list(col) for col in zip(*rows, strict=True))
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=[w.lower() for w in words])


def test_a_that_clause_after_the_verb_wins_over_a_clause_hung_before_it() -> None:
    # "Should the talks fail, officials fear that the curbs return ." with the conditional
    # misparsed as a complement of "fear"
    doc = _doc([
        ("Should", 3, "aux", "AUX", "MD"), ("the", 2, "det", "DET", "DT"), ("talks", 3, "nsubj", "NOUN", "NNS"),
        ("fail", 6, "ccomp", "VERB", "VB"), (",", 6, "punct", "PUNCT", ","),
        ("officials", 6, "nsubj", "NOUN", "NNS"), ("fear", 6, "ROOT", "VERB", "VBP"),
        ("that", 10, "mark", "SCONJ", "IN"), ("the", 9, "det", "DET", "DT"), ("curbs", 10, "nsubj", "NOUN", "NNS"),
        ("return", 6, "ccomp", "VERB", "VBP"), (".", 6, "punct", "PUNCT", "."),
    ])
    head = cues.reported_head(doc[6])
    assert head is not None and head.text == "return"
