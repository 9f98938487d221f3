"""Loading the spaCy model and streaming articles through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..config import Config
from ..errors import ModelNotInstalledError
from ..records import Article


@Language.component("dyadwatch_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and subheads are not run into the
    next paragraph. Runs before the parser, which keeps these boundaries."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


#: Verbs whose inflected forms en_core_web_sm 3.8 lemmatizes wrongly ("staged" → "stag", "fined"
#: → "fin", "hopes" → "hop"): cue verbs of the event and quote vocabularies, found by inflecting
#: every listed verb and comparing (tests/nlp/test_pipeline.py keeps the check).
MISLEMMATIZED = ("hope", "hate", "stage", "wage", "fine", "rape", "snipe", "lambaste", "retweet", "rearrest", "shame")


def _inflections(verb: str) -> tuple[str, ...]:
    stem = verb[:-1] if verb.endswith("e") else verb
    return (verb + "s", stem + "ed", stem + "ing")


LEMMA_FIXES = {form: verb for verb in MISLEMMATIZED for form in _inflections(verb)}


@Language.component("dyadwatch_lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """Mend the lemmatizer's known slips on verbs (:data:`MISLEMMATIZED`), so that every stage
    matching cues by lemma sees "stage", not "stag"."""
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX"):
            fixed = LEMMA_FIXES.get(tok.lower_)
            if fixed is not None:
                tok.lemma_ = fixed
    return doc


def load_model(config: Config) -> Language:
    """The configured spaCy model (installed from PyPI; nothing is downloaded)."""
    try:
        nlp = spacy.load(config.spacy_model)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model {config.spacy_model!r} is not installed; install the pinned "
            "dependencies (make install) — dyadwatch never downloads models"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyadwatch_line_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("dyadwatch_lemma_fixes", after="lemmatizer")
    return nlp


def parse(nlp: Language, articles: Iterable[Article], config: Config) -> Iterator[tuple[Article, Doc]]:
    """Parse articles in batches (``Language.pipe``), keeping each article with its Doc."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=config.batch_size):
        yield article, doc
