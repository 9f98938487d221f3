"""The spaCy pipeline as dyadwatch loads it: its own components and what they mend."""

from __future__ import annotations

import pytest

from dyadwatch.coding import quotes_vocab
from dyadwatch.coding.coder import SUPPORT_VERBS
from dyadwatch.nlp.pipeline import LEMMA_FIXES, MISLEMMATIZED

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "index", "lemma"), [
    ("The marines staged a war game.", 2, "stage"),
    ("The court fined the company.", 2, "fine"),
    ("Ishiba hopes to visit Seoul.", 1, "hope"),
    ("Rebels waged war on the state.", 1, "wage"),
])
def test_known_lemmatizer_slips_are_mended(coder, text: str, index: int, lemma: str) -> None:  # type: ignore[no-untyped-def]
    assert coder.nlp(text)[index].lemma_ == lemma


def test_every_listed_verb_is_lemmatized_right_in_its_inflections(coder) -> None:  # type: ignore[no-untyped-def]
    """Inflect each cue and support verb the coders match by lemma; the loaded pipeline must give
    the verb back. A verb failing here belongs in MISLEMMATIZED."""
    verbs = set(SUPPORT_VERBS) | quotes_vocab.SPEECH_VERBS | quotes_vocab.ATTITUDE_VERBS | quotes_vocab.OBJECT_VERBS
    verbs |= {c.lemma for cues in coder.coder.lexicon.verbs.values() for c in cues if " " not in c.lemma}
    wrong = []
    texts, expected = [], []
    for verb in sorted(v for v in verbs if v.isalpha()):
        for form in (verb + "s" if not verb.endswith(("s", "sh", "ch", "x", "z", "y")) else None,
                     (verb[:-1] if verb.endswith("e") else verb) + "ed"):
            if form is not None:
                texts.append(f"The minister {form} the plan.")
                expected.append((form, verb))
    for doc, (form, verb) in zip(coder.nlp.pipe(texts), expected, strict=True):
        tok = doc[2]
        if tok.text == form and tok.pos_ == "VERB" and tok.lemma_.lower() != verb:
            wrong.append((form, tok.lemma_))
    assert wrong == [], f"add to MISLEMMATIZED: {wrong}"
    assert all(LEMMA_FIXES[f] in MISLEMMATIZED for f in LEMMA_FIXES)
