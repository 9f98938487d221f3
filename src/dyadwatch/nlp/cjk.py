"""Japanese and Korean text as sentences of morphemes, one representation for both languages.

Japanese goes through GiNZA's tokenizer (SudachiPy, split mode C, inside the ``ja_ginza`` spaCy
pipeline): the coder works on morphemes, particles and dictionary forms, not on the dependency
parse, so only the tokenizer is loaded (about fifty times faster than the full pipeline).
Korean goes through Kiwi (``kiwipiepy``), whose morpheme analysis and sentence splitter are the
best on PyPI; there is no Korean NER model there, so actors come from our dictionaries.

Both parsers first split the text into lines (a headline, a dateline or a caption is its own
sentence, as in English), then into sentences: Japanese at 。！？ outside 「」『』 brackets,
Korean with Kiwi's splitter. Every offset is a character offset in the article's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final, Protocol

from ..errors import ModelNotInstalledError

#: Coarse parts of speech shared by both languages (Universal Dependencies names).
PREDICATE_POS: Final = frozenset({"VERB", "AUX", "ADJ"})


@dataclass(frozen=True, slots=True)
class Morph:
    """One morpheme: surface ``text``, dictionary form ``lemma``, coarse ``pos`` (UD), the
    analyser's own ``tag`` (Sudachi's 助詞-格助詞, Kiwi's JKB), offsets in the article;
    ``adnominal``: a verb form that modifies the noun after it (Sudachi's 連体形 verb, Kiwi's
    ETM ending after a verb), which closes a relative clause (日本製鉄が持つ株式)."""

    text: str
    lemma: str
    pos: str
    tag: str
    start: int
    end: int
    adnominal: bool = False


@dataclass(frozen=True, slots=True)
class CjkSentence:
    index: int
    start: int
    end: int
    text: str
    morphs: tuple[Morph, ...]
    #: the sentence opens a line (a new paragraph, a headline)
    line_start: bool = False


class MorphParser(Protocol):
    lang: str

    def parse(self, text: str) -> list[CjkSentence]: ...


def lines(text: str) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their start offsets, stripped of surrounding spaces."""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            yield m.start() + line.index(stripped), stripped


_JA_END = frozenset("。！？!?")
_JA_OPEN, _JA_CLOSE = "「『（(", "」』）)"


def split_japanese(line: str) -> Iterator[tuple[int, int]]:
    """Sentence spans in one line: after 。！？ (and any closing brackets right after), never
    inside 「…」 or 『…』, so a quoted 「…。」と述べた stays in its sentence."""
    depth, start, i = 0, 0, 0
    while i < len(line):
        ch = line[i]
        if ch in _JA_OPEN:
            depth += 1
        elif ch in _JA_CLOSE:
            depth = max(0, depth - 1)
        elif ch in _JA_END and depth == 0:
            j = i + 1
            while j < len(line) and (line[j] in _JA_END or line[j] in _JA_CLOSE):
                j += 1
            if line[start:j].strip():
                yield start, j
            start = i = j
            continue
        i += 1
    if line[start:].strip():
        yield start, len(line)


class JapaneseParser:
    """GiNZA's SudachiPy tokenizer (``ja_ginza``; loaded once, on the first Japanese text)."""

    lang = "ja"
    MODEL: Final = "ja_ginza"

    def __init__(self) -> None:
        try:
            import spacy

            self._nlp = spacy.load(self.MODEL, exclude=["tok2vec", "parser", "ner", "morphologizer",
                                                        "compound_splitter", "bunsetu_recognizer"])  # fmt: skip
        except (OSError, ImportError) as exc:
            raise ModelNotInstalledError(
                "Japanese needs GiNZA (ginza==5.3.0, ja-ginza==5.3.0, from PyPI): install the pinned "
                "dependencies (make install)") from exc  # fmt: skip

    def parse(self, text: str) -> list[CjkSentence]:
        out: list[CjkSentence] = []
        for line_start, line in lines(text):
            first = True
            for s, e in split_japanese(line):
                chunk = line[s:e]
                lead = len(chunk) - len(chunk.lstrip())
                chunk = chunk.strip()
                begin = line_start + s + lead
                doc = self._nlp(chunk)
                morphs = tuple(
                    Morph(t.text, t.lemma_ or t.text, t.pos_ or "X", t.tag_, begin + t.idx, begin + t.idx + len(t.text),
                          t.pos_ in ("VERB", "AUX") and "連体形" in str(t.morph))
                    for t in doc if not t.is_space
                )  # fmt: skip
                out.append(CjkSentence(len(out), begin, begin + len(chunk), chunk, morphs, first))
                first = False
        return out


#: Kiwi's tags (Sejong tag set) → coarse UD parts of speech.
_KIWI_POS: Final = {
    "NNG": "NOUN", "NNB": "NOUN", "NR": "NUM", "NP": "PRON", "NNP": "PROPN", "VV": "VERB",
    "VA": "ADJ", "VX": "AUX", "VCP": "AUX", "VCN": "AUX", "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ",
    "IC": "INTJ", "EP": "AUX", "EF": "AUX", "EC": "AUX", "ETN": "AUX", "ETM": "AUX", "XPN": "NOUN",
    "XSN": "NOUN", "XSV": "AUX", "XSA": "AUX", "XR": "NOUN", "SN": "NUM", "SL": "PROPN", "SH": "PROPN",
}  # fmt: skip


#: Kiwi tags before an adnominal ending (ETM) that make it a verb's relative clause (맺은, 제기한),
#: not an adjective's (강한, 새로운).
_VERBAL: Final = ("VV", "XSV", "VX", "EP")


def _kiwi_pos(tag: str) -> str:
    base = tag.split("-")[0]
    if base.startswith("J"):
        return "ADP"
    if base.startswith("S") and base not in _KIWI_POS:
        return "PUNCT"
    return _KIWI_POS.get(base, "X")


class KoreanParser:
    """Kiwi (``kiwipiepy``): morphemes and sentences (loaded once, on the first Korean text)."""

    lang = "ko"

    def __init__(self) -> None:
        try:
            from kiwipiepy import Kiwi
        except ImportError as exc:
            raise ModelNotInstalledError(
                "Korean needs kiwipiepy==0.24.1 (from PyPI): install the pinned dependencies (make install)"
            ) from exc
        self._kiwi: Any = Kiwi()

    def parse(self, text: str) -> list[CjkSentence]:
        out: list[CjkSentence] = []
        for line_start, line in lines(text):
            first = True
            for sent in self._kiwi.split_into_sents(line, return_tokens=True):
                chunk = line[sent.start:sent.end]
                lead = len(chunk) - len(chunk.lstrip())
                chunk = chunk.strip()
                if not chunk:
                    continue
                begin = line_start + sent.start + lead
                tokens = list(sent.tokens)
                morphs = tuple(
                    Morph(line[t.start:t.start + t.len], t.lemma if t.tag.startswith("V") else t.form,
                          _kiwi_pos(t.tag), t.tag, line_start + t.start, line_start + t.start + t.len,
                          t.tag == "ETM" and i > 0 and tokens[i - 1].tag.startswith(_VERBAL))
                    for i, t in enumerate(tokens)
                )  # fmt: skip
                out.append(CjkSentence(len(out), begin, begin + len(chunk), chunk, morphs, first))
                first = False
        return out


def make_parser(lang: str) -> MorphParser:
    if lang == "ja":
        return JapaneseParser()
    if lang == "ko":
        return KoreanParser()
    raise ValueError(f"no morpheme parser for language {lang!r}")
