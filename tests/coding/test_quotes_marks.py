"""Quotation marks at the character level (no parser): pairs, apostrophes, unbalanced marks.
Sentences are our own."""

from __future__ import annotations

import pytest

from dyadwatch.coding.quotes_marks import find_quoted


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Lee said "we will cooperate" on Monday.', ["we will cooperate"]),
        ("“The alliance matters,” Ishiba said.", ["The alliance matters,"]),
        ("‘The alliance matters,’ Ishiba said.", ["The alliance matters,"]),
        ("'The alliance matters,' Ishiba said.", ["The alliance matters,"]),
        ("Iwaya called it «a turning point» in Seoul.", ["a turning point"]),
        # apostrophes are not quotation marks
        ("Japan's minister didn't say it, and Ishiba’s aides won’t either.", []),
        ("The '90s and ’80s were calmer, the two countries' envoys said.", []),
        # a plural possessive inside a quote does not close it
        ("‘The two countries' leaders agree,’ Lee said.", ["The two countries' leaders agree,"]),
        # nested quotes: only the outer one
        ("“He told me ‘never again’ in Tokyo,” Lee said.", ["He told me ‘never again’ in Tokyo,"]),
        ("‘He called it a “new era” of ties,’ Lee said.", ["He called it a “new era” of ties,"]),
        # a straight mark set off by spaces closes the quote left open (after a nested one)...
        ("\"I dislike the phrase 'shuttle diplomacy,' \" Lee told the group.", ["I dislike the phrase 'shuttle diplomacy,'"]),
        # ...and is nothing when no quote is open
        ('A lone " mark in a line.', []),
    ],
)
def test_quoted_spans(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def test_interrupted_quote_gives_two_balanced_spans() -> None:
    text = "“We will not give up,” he said, “because the alliance matters.”"
    spans = find_quoted(text)
    assert [text[q.start : q.end] for q in spans] == ["We will not give up,", "because the alliance matters."]
    assert all(q.balanced and q.kind == "double" for q in spans)
    assert spans[0].outer == (0, 22)


def test_quote_over_paragraphs_repeats_the_opening_mark() -> None:
    text = "“Trade has doubled since 2015.\n“We want more,” the minister said."
    spans = find_quoted(text)
    assert [text[q.start : q.end] for q in spans] == ["Trade has doubled since 2015.", "We want more,"]
    assert spans[0].continued and spans[0].balanced and spans[0].close_at is None


@pytest.mark.parametrize(
    ("text", "inside", "open_missing"),
    [
        ('Lee said "we will cooperate closely. Ishiba agreed.', "we will cooperate closely. Ishiba agreed.", False),
        ("We will win this fight,” the minister said.", "We will win this fight,", True),
        ("The minister said “we will win.\nThe talks resumed.", "we will win.", False),
    ],
)
def test_unbalanced_marks_give_a_flagged_span(text: str, inside: str, open_missing: bool) -> None:
    spans = find_quoted(text)
    assert len(spans) == 1
    q = spans[0]
    assert text[q.start : q.end] == inside
    assert not q.balanced
    assert (q.open_at is None) is open_missing


@pytest.mark.parametrize("text", ["", '"', "“”", "''''", "‘’ ”“ \"\" '", "\n\n“\n”\n", "a'b'c\"d\"e"])
def test_odd_marks_never_raise(text: str) -> None:
    for q in find_quoted(text):
        assert 0 <= q.start <= q.end <= len(text)
